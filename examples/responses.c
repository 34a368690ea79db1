/* SPDX-License-Identifier: MIT */
/* Decoding the answers of the aggregated usage report endpoints: the caller
 * knows which type to expect from the endpoint it called and the HTTP
 * status it got, so it calls that type's decoder (no guessing). Each body
 * below is one ThingSpace documents; absent members read as NULL (strings)
 * or SR_ERR_MISSING (counts), never as an invented value.
 *
 *   $ sessreport-responses
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sessreport.h>

typedef enum endpoint { SYNC, ASYNC } endpoint;

static const char *or_dash(const char *text)
{
    return text != NULL ? text : "-";
}

static void print_count(const char *label, sr_status st, int64_t value)
{
    if (st == SR_OK)
        printf(" %s=%" PRId64, label, value);
    else
        printf(" %s=-", label); /* SR_ERR_MISSING: absent or null in the answer */
}

static int print_report(const char *body)
{
    sr_aggregate_report *r = NULL;
    sr_error err;
    if (sr_aggregate_report_from_json(body, strlen(body), NULL, &r, &err) != SR_OK) {
        printf("  not a report: %s at %s: %s\n", sr_status_name(err.code), err.path, err.message);
        return 1;
    }
    printf("  report txid=%s\n", or_dash(sr_aggregate_report_get_txid(r)));
    for (size_t i = 0; i < sr_aggregate_report_usage_count(r); i++) {
        int64_t sessions = 0, bytes = 0;
        sr_status s = sr_aggregate_report_get_usage_sessions(r, i, &sessions);
        sr_status b = sr_aggregate_report_get_usage_bytes(r, i, &bytes);
        printf("  usage %s", or_dash(sr_aggregate_report_get_usage_imei(r, i)));
        print_count("sessions", s, sessions);
        print_count("bytes", b, bytes);
        printf("\n");
    }
    for (size_t i = 0; i < sr_aggregate_report_error_count(r); i++)
        printf("  error %s: %s (code %s, http %s)\n",
               or_dash(sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_IMEI)),
               or_dash(sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_MESSAGE)),
               or_dash(sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_CODE)),
               or_dash(sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_HTTP_STATUS)));
    sr_aggregate_report_free(r);
    return 0;
}

static int print_callback(const char *body)
{
    sr_callback_result *r = NULL;
    sr_error err;
    if (sr_callback_result_from_json(body, strlen(body), NULL, &r, &err) != SR_OK) {
        printf("  not an acknowledgement: %s at %s: %s\n", sr_status_name(err.code), err.path,
               err.message);
        return 1;
    }
    printf("  accepted txid=%s status=%s\n", sr_callback_result_get_txid(r),
           or_dash(sr_callback_result_get_status(r)));
    sr_callback_result_free(r);
    return 0;
}

static int print_error_body(long status, const char *body)
{
    sr_error_body *b = NULL;
    sr_error err;
    if (sr_error_body_from_json(body, strlen(body), NULL, &b, &err) != SR_OK) {
        printf("  HTTP %ld, body not JSON: %s\n", status, sr_status_name(err.code));
        return 1;
    }
    /* Either form: responseCode/message/fault, or errorCode/errorMessage. */
    printf("  HTTP %ld code=%s message=%s\n", status,
           or_dash(sr_error_body_get_response_code(b) != NULL ? sr_error_body_get_response_code(b)
                                                              : sr_error_body_get_error_code(b)),
           or_dash(sr_error_body_get_best_message(b)));
    sr_error_body_free(b);
    return 0;
}

/* What a client does with an answer: 2xx is the endpoint's type, anything
 * else an error body. Returns 0 when the body decoded as expected. */
static int handle(endpoint e, long status, const char *body)
{
    printf("%s HTTP %ld\n", e == SYNC ? "sync" : "async", status);
    if (status < 200 || status > 299)
        return print_error_body(status, body);
    return e == SYNC ? print_report(body) : print_callback(body);
}

int main(void)
{
    int failures = 0;
    failures += handle(SYNC, 200,
                       "{\"txid\":\"6a1f-22\",\"usage\":[{\"imei\":\"709312034493372\","
                       "\"numberOfSessions\":12,\"bytesTransferred\":9007199254740993},"
                       "{\"imei\":\"490154203237518\",\"numberOfSessions\":2}],"
                       "\"errors\":[{\"imei\":\"356938035643809\",\"errorMessage\":\"Device not "
                       "found\",\"errorResponse\":{\"errorCode\":\"DEVICE_NOT_FOUND\","
                       "\"httpStatusCode\":\"404 NOT_FOUND\"}}]}");
    failures += handle(SYNC, 200, "{\"txid\":null,\"usage\":null}");
    failures += handle(ASYNC, 202, "{\"txid\":\"2c90f5e5-0001\",\"status\":\"QUEUED\"}");
    failures += handle(ASYNC, 200, "{\"txid\":\"2c90f5e5-0002\"}");
    failures += handle(SYNC, 400,
                       "{\"errorCode\":\"INVALID_PARAMETER\",\"errorMessage\":\"Service Not "
                       "Purchased\"}");
    failures += handle(ASYNC, 401,
                       "{\"responseCode\":\"INVALID_ACCESS\",\"message\":\"token expired\","
                       "\"fault\":{\"code\":\"900901\",\"message\":\"Invalid Credentials\"}}");
    failures += handle(SYNC, 502, "<html>Bad Gateway</html>");
    /* the last one is not JSON: one expected failure */
    return failures == 1 ? 0 : 1;
}
