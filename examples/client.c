/* SPDX-License-Identifier: MIT */
/* A client of sessreport_http: builds a request, validates it for the
 * synchronous endpoint, sends it, prints the usage rows, frees everything.
 *
 *   $ THINGSPACE_ACCESS_TOKEN=... THINGSPACE_M2M_TOKEN=... sessreport-client [BASE_URL]
 *   709312034493372: 12 sessions, 1536 bytes
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <sessreport.h>
#include <sessreport/http.h>

static session_report_request *build_request(void)
{
    session_report_request *r = session_report_request_new();
    if (r == NULL)
        return NULL;
    if (session_report_request_set_account_number(r, "0844021539-00001") != SR_OK ||
        session_report_request_set_start_date(r, "2022-12-09T22:01:06.217Z") != SR_OK ||
        session_report_request_set_end_date(r, "2022-12-09T22:01:08.734Z") != SR_OK ||
        session_report_request_add_imei(r, "709312034493372") != SR_OK) {
        session_report_request_free(r);
        return NULL;
    }
    return r;
}

static void print_usage_rows(const sr_aggregate_report *report)
{
    for (size_t i = 0; i < sr_aggregate_report_usage_count(report); i++) {
        int64_t sessions = 0, bytes = 0;
        (void)sr_aggregate_report_usage_sessions(report, i, &sessions);
        (void)sr_aggregate_report_usage_bytes(report, i, &bytes);
        printf("%s: %" PRId64 " sessions, %" PRId64 " bytes\n",
               sr_aggregate_report_usage_imei(report, i), sessions, bytes);
    }
}

int main(int argc, char **argv)
{
    sr_http_options opts = {0};
    sr_http_client *client = NULL;
    session_report_request *req = NULL;
    sr_http_result *res = NULL;
    sr_error errors[8];
    size_t count = 0;
    int rc = 1;

    opts.base_url = argc > 1 ? argv[1] : NULL; /* NULL = the production URL */
    opts.access_token = getenv("THINGSPACE_ACCESS_TOKEN");
    opts.m2m_token = getenv("THINGSPACE_M2M_TOKEN");
    if (sr_http_client_new(&opts, &client, &errors[0]) != SR_OK) {
        fprintf(stderr, "client: %s\n", errors[0].message);
        return 2;
    }
    req = build_request();
    if (req == NULL) {
        fprintf(stderr, "client: out of memory\n");
        goto cleanup;
    }
    /* sr_http_send validates with the endpoint's IMEI limit before sending. */
    if (sr_http_send(client, SR_HTTP_SYNC, req, &res, errors, 8, &count) != SR_OK) {
        for (size_t i = 0; i < count && i < 8; i++)
            fprintf(stderr, "client: %s: %s: %s\n", sr_status_name(errors[i].code), errors[i].path,
                    errors[i].message);
        goto cleanup;
    }
    if (sr_http_result_status(res) == 0) {
        fprintf(stderr, "client: no answer: %s\n", sr_http_result_transport_error(res));
    } else if (sr_http_result_kind(res) == SR_RESPONSE_AGGREGATE_REPORT) {
        print_usage_rows(sr_http_result_report(res));
        rc = 0;
    } else if (sr_http_result_kind(res) == SR_RESPONSE_ERROR_BODY) {
        const char *message = sr_error_body_message(sr_http_result_error_body(res));
        fprintf(stderr, "client: HTTP %ld: %s\n", sr_http_result_status(res),
                message != NULL ? message : "(no message)");
    } else {
        fprintf(stderr, "client: HTTP %ld with an unexpected body\n", sr_http_result_status(res));
    }
cleanup:
    sr_http_result_free(res);
    session_report_request_free(req);
    sr_http_client_free(client);
    return rc;
}
