/* SPDX-License-Identifier: MIT */
/* The 0.1 getter names, deprecated since 0.2 (removed in 0.3): each one
 * returns exactly what its `get_` replacement returns, so that the aliases
 * cannot rot while they are kept. Every member holds a distinct value, so an
 * alias wired to the wrong getter fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <sessreport.h>

/* The aliases are called on purpose in the tests below: their deprecation
 * warning is silenced there only (GCC and Clang both read these pragmas). */
#if defined(__GNUC__) || defined(__clang__)
#    pragma GCC diagnostic push
#    pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

typedef sr_status (*count_getter)(const sr_aggregate_report *r, size_t i, int64_t *out);

static const char report_json[] =
    "{\"txid\":\"tx-1\",\"usage\":["
    "{\"imei\":\"709312034493372\",\"numberOfSessions\":12,\"bytesTransferred\":4096},"
    "{\"imei\":null,\"numberOfSessions\":null}],"
    "\"errors\":[{\"imei\":\"490154203237518\",\"errorMessage\":\"not found\","
    "\"errorResponse\":{\"errorCode\":\"E404\",\"errorMessage\":\"no device\","
    "\"httpStatusCode\":\"404 NOT_FOUND\",\"detailErrorMessage\":\"detail\"}},"
    "{\"imei\":\"1\"}]}";

/* Calls the new and the old count getter the same way and compares the
 * status and the value (both start from the same default). */
static void same_count(count_getter now, count_getter old, const sr_aggregate_report *r, size_t i)
{
    int64_t a = 77;
    int64_t b = 77;
    assert_int_equal(old(r, i, &b), now(r, i, &a));
    assert_int_equal(b, a);
}

static void report_aliases_match(void **state)
{
    (void)state;
    sr_aggregate_report *r = NULL;
    assert_int_equal(
        sr_aggregate_report_from_json(report_json, strlen(report_json), NULL, &r, NULL), SR_OK);
    assert_string_equal(sr_aggregate_report_txid(r), "tx-1");
    assert_ptr_equal(sr_aggregate_report_txid(r), sr_aggregate_report_get_txid(r));
    assert_null(sr_aggregate_report_txid(NULL));

    /* Row 0 has values, row 1 null members, row 2 does not exist. */
    assert_string_equal(sr_aggregate_report_usage_imei(r, 0), "709312034493372");
    for (size_t i = 0; i < 3; i++) {
        assert_ptr_equal(sr_aggregate_report_usage_imei(r, i),
                         sr_aggregate_report_get_usage_imei(r, i));
        same_count(sr_aggregate_report_get_usage_sessions, sr_aggregate_report_usage_sessions, r,
                   i);
        same_count(sr_aggregate_report_get_usage_bytes, sr_aggregate_report_usage_bytes, r, i);
    }
    int64_t v = 0;
    assert_int_equal(sr_aggregate_report_usage_sessions(r, 0, &v), SR_OK);
    assert_int_equal(v, 12);
    assert_int_equal(sr_aggregate_report_usage_bytes(r, 0, &v), SR_OK);
    assert_int_equal(v, 4096);
    assert_int_equal(sr_aggregate_report_usage_bytes(r, 1, &v), SR_ERR_MISSING);
    assert_int_equal(sr_aggregate_report_usage_sessions(NULL, 0, &v), SR_ERR_ARG);

    assert_string_equal(sr_aggregate_report_error_get(r, 0, SR_ROW_ERROR_HTTP_STATUS),
                        "404 NOT_FOUND");
    for (size_t i = 0; i < 3; i++)
        for (int f = 0; f <= SR_ROW_ERROR_FIELD_COUNT; f++)
            assert_ptr_equal(sr_aggregate_report_error_get(r, i, (sr_row_error_field)f),
                             sr_aggregate_report_get_error(r, i, (sr_row_error_field)f));
    sr_aggregate_report_free(r);
}

static void callback_aliases_match(void **state)
{
    (void)state;
    static const char json[] = "{\"txid\":\"tx-2\",\"status\":\"QUEUED\"}";
    sr_callback_result *r = NULL;
    assert_int_equal(sr_callback_result_from_json(json, strlen(json), NULL, &r, NULL), SR_OK);
    assert_string_equal(sr_callback_result_txid(r), "tx-2");
    assert_string_equal(sr_callback_result_status(r), "QUEUED");
    assert_ptr_equal(sr_callback_result_txid(r), sr_callback_result_get_txid(r));
    assert_ptr_equal(sr_callback_result_status(r), sr_callback_result_get_status(r));
    assert_int_equal(sr_callback_result_set_status(r, NULL), SR_OK);
    assert_null(sr_callback_result_status(r));
    assert_null(sr_callback_result_txid(NULL));
    sr_callback_result_free(r);
}

typedef const char *(*body_getter)(const sr_error_body *b);

static void error_body_aliases_match(void **state)
{
    (void)state;
    /* Both forms at once, so that every member has its own value. */
    static const char json[] =
        "{\"responseCode\":\"400\",\"message\":\"m\",\"fault\":{\"code\":\"fc\","
        "\"message\":\"fm\",\"description\":\"fd\"},\"errorCode\":\"ec\",\"errorMessage\":\"em\"}";
    static const struct {
        body_getter old, now;
        const char *value;
    } pairs[] = {
        {sr_error_body_response_code, sr_error_body_get_response_code, "400"},
        {sr_error_body_message, sr_error_body_get_message, "m"},
        {sr_error_body_fault_code, sr_error_body_get_fault_code, "fc"},
        {sr_error_body_fault_message, sr_error_body_get_fault_message, "fm"},
        {sr_error_body_fault_description, sr_error_body_get_fault_description, "fd"},
        {sr_error_body_error_code, sr_error_body_get_error_code, "ec"},
        {sr_error_body_error_message, sr_error_body_get_error_message, "em"},
        {sr_error_body_best_message, sr_error_body_get_best_message, "m"},
    };
    sr_error_body *b = NULL;
    assert_int_equal(sr_error_body_from_json(json, strlen(json), NULL, &b, NULL), SR_OK);
    sr_error_body *empty = sr_error_body_new();
    assert_non_null(empty);
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        assert_string_equal(pairs[k].old(b), pairs[k].value);
        assert_ptr_equal(pairs[k].old(b), pairs[k].now(b));
        assert_null(pairs[k].old(empty));
        assert_null(pairs[k].old(NULL));
    }
    sr_error_body_free(empty);
    sr_error_body_free(b);
}

#if defined(__GNUC__) || defined(__clang__)
#    pragma GCC diagnostic pop
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(report_aliases_match),
        cmocka_unit_test(callback_aliases_match),
        cmocka_unit_test(error_body_aliases_match),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
