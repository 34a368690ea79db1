/* SPDX-License-Identifier: MIT */
/* A client of sessreport_http: builds a request, validates it for the
 * synchronous endpoint, sends it, prints the usage and errors rows, frees
 * everything.
 *
 *   $ THINGSPACE_ACCESS_TOKEN=... THINGSPACE_M2M_TOKEN=... sessreport-client [BASE_URL]
 *   709312034493372: 12 sessions, 1536 bytes
 *   490154203237518: failed: Device not found
 *   1 of 2 devices failed                                  (on stderr)
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

/* A count the answer may lack: the getter leaves the default alone then. */
static const char *count_text(sr_status (*get)(const sr_aggregate_report *, size_t, int64_t *),
                              const sr_aggregate_report *report, size_t i, char *buf, size_t cap)
{
    int64_t value = 0;
    if (get(report, i, &value) != SR_OK)
        return "?";
    snprintf(buf, cap, "%" PRId64, value);
    return buf;
}

static const char *or_dash(const char *text)
{
    return text != NULL ? text : "-";
}

static void print_rows(const sr_aggregate_report *report)
{
    size_t used = sr_aggregate_report_usage_count(report);
    size_t failed = sr_aggregate_report_error_count(report);
    char sessions[24], bytes[24];
    for (size_t i = 0; i < used; i++)
        printf("%s: %s sessions, %s bytes\n",
               or_dash(sr_aggregate_report_get_usage_imei(report, i)),
               count_text(sr_aggregate_report_get_usage_sessions, report, i, sessions,
                          sizeof sessions),
               count_text(sr_aggregate_report_get_usage_bytes, report, i, bytes, sizeof bytes));
    for (size_t i = 0; i < failed; i++) {
        const char *why = sr_aggregate_report_get_error(report, i, SR_ROW_ERROR_MESSAGE);
        if (why == NULL)
            why = sr_aggregate_report_get_error(report, i, SR_ROW_ERROR_RESPONSE_MESSAGE);
        printf("%s: failed: %s\n",
               or_dash(sr_aggregate_report_get_error(report, i, SR_ROW_ERROR_IMEI)), or_dash(why));
    }
    if (failed != 0)
        fprintf(stderr, "%zu of %zu devices failed\n", failed, used + failed);
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
        print_rows(sr_http_result_report(res));
        rc = 0;
    } else if (sr_http_result_kind(res) == SR_RESPONSE_ERROR_BODY) {
        /* message, or the short form's errorMessage, or the fault's text */
        const char *message = sr_error_body_get_best_message(sr_http_result_error_body(res));
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
