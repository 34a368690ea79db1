/* SPDX-License-Identifier: MIT */
/* The demo: builds DESIGN's seed request through the setters, validates it,
 * prints it pretty, parses the output back and checks it is equal.
 *
 *   $ sessreport-demo
 *   {
 *     "accountNumber": "0844021539-00001",
 *     ...
 *   }
 *   demo: built, validated (0 problems), printed and parsed back equal
 */
#include <stdio.h>
#include <string.h>

#include <sessreport.h>

/* Prints "what: SR_ERR_X: /path: message" and returns 1 when st failed. */
static int failed(const char *what, sr_status st, const sr_error *err)
{
    if (st == SR_OK)
        return 0;
    fprintf(stderr, "demo: %s: %s: %s: %s\n", what, sr_status_name(st), err ? err->path : "",
            err ? err->message : "");
    return 1;
}

/* The seed example of DESIGN section 1, one setter a field; stops at the first failure. */
static sr_status build_seed(session_report_request *r)
{
    sr_status st = session_report_request_set_account_number(r, "0844021539-00001");
    if (st == SR_OK)
        st = session_report_request_set_start_date(r, "2022-12-09T22:01:06.217Z");
    if (st == SR_OK)
        st = session_report_request_set_end_date(r, "2022-12-09T22:01:08.734Z");
    if (st == SR_OK)
        st = session_report_request_add_imei(r, "709312034493372");
    if (st == SR_OK)
        st = session_report_request_set_device_group(r, "deviceGroup4");
    if (st == SR_OK)
        st = session_report_request_set_data_plan(r, "dataPlan2");
    if (st == SR_OK)
        st = session_report_request_set_no_session_flag(r, "false");
    if (st == SR_OK)
        st = session_report_request_set_device_label(r, "deviceLabel4");
    return st;
}

int main(void)
{
    int rc = 1;
    char *json = NULL;
    size_t json_len = 0;
    session_report_request *parsed = NULL;
    sr_error err = {0};
    sr_error problems[16];

    session_report_request *req = session_report_request_new();
    if (req == NULL) {
        fprintf(stderr, "demo: out of memory\n");
        return 1;
    }
    if (failed("build", build_seed(req), NULL))
        goto cleanup;

    size_t n = session_report_request_validate(req, NULL, problems, 16);
    for (size_t i = 0; i < n && i < 16; i++)
        failed("validate", problems[i].code, &problems[i]);
    if (n > 0)
        goto cleanup;

    if (failed("to_json", session_report_request_to_json(req, SR_JSON_PRETTY, &json, &json_len),
               NULL))
        goto cleanup;
    printf("%s\n", json);

    if (failed("from_json", session_report_request_from_json(json, json_len, NULL, &parsed, &err),
               &err))
        goto cleanup;
    if (!session_report_request_equal(req, parsed)) {
        fprintf(stderr, "demo: the parsed request differs from the one built\n");
        goto cleanup;
    }
    fprintf(stderr, "demo: built the seed request, validated it (0 problems), printed it and "
                    "parsed it back equal\n");
    rc = 0;

cleanup:
    sr_free(json);
    session_report_request_free(parsed);
    session_report_request_free(req);
    return rc;
}
