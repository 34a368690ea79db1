/* SPDX-License-Identifier: MIT */
/* AggregatedReportCallbackResult: decoding, errors with paths, encoding,
 * round trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <sessreport.h>

static void expect_error(const char *json, const sr_parse_options *opts, sr_status code,
                         const char *path)
{
    sr_callback_result *r = (sr_callback_result *)&r; /* must become NULL */
    sr_error err;
    sr_status st = sr_callback_result_from_json(json, strlen(json), opts, &r, &err);
    if (st != code || strcmp(err.path, path) != 0)
        print_error("input %s: got %s at '%s', want %s at '%s'\n", json, sr_status_name(st),
                    err.path, sr_status_name(code), path);
    assert_int_equal(st, code);
    assert_string_equal(err.path, path);
    assert_null(r);
}

static void decodes_txid_and_status(void **state)
{
    (void)state;
    const char *json = "{\"status\":\"QUEUED\",\"txid\":\"2c90f5e5-0001\",\"other\":[true]}";
    sr_callback_result *r = NULL;
    sr_error err;
    assert_int_equal(sr_callback_result_from_json(json, strlen(json), NULL, &r, &err), SR_OK);
    assert_string_equal(sr_callback_result_get_txid(r), "2c90f5e5-0001");
    assert_string_equal(sr_callback_result_get_status(r), "QUEUED");

    char *out = NULL;
    size_t len = 0;
    assert_int_equal(sr_callback_result_to_json(r, 0, &out, &len), SR_OK);
    assert_string_equal(out, "{\"txid\":\"2c90f5e5-0001\",\"status\":\"QUEUED\"}");
    assert_int_equal(len, strlen(out));
    sr_callback_result *back = NULL;
    assert_int_equal(sr_callback_result_from_json(out, len, NULL, &back, &err), SR_OK);
    assert_string_equal(sr_callback_result_get_txid(back), "2c90f5e5-0001");
    sr_free(out);
    assert_int_equal(sr_callback_result_to_json(back, SR_JSON_PRETTY, &out, NULL), SR_OK);
    assert_string_equal(out, "{\n  \"txid\": \"2c90f5e5-0001\",\n  \"status\": \"QUEUED\"\n}");
    sr_free(out);
    sr_callback_result_free(back);
    sr_callback_result_free(r);
}

static void errors_with_paths(void **state)
{
    (void)state;
    sr_parse_options strict = {SR_PARSE_STRICT, 0};
    expect_error("{}", NULL, SR_ERR_MISSING, "/txid");
    expect_error("{\"status\":\"OK\"}", NULL, SR_ERR_MISSING, "/txid");
    expect_error("{\"status\":null}", NULL, SR_ERR_MISSING, "/txid");
    expect_error("{\"txid\":null,\"status\":\"OK\"}", NULL, SR_ERR_TYPE, "/txid");
    expect_error("{\"txid\":\"t\",\"status\":1}", NULL, SR_ERR_TYPE, "/status");
    expect_error("{\"txid\":5}", NULL, SR_ERR_TYPE, "/txid");
    expect_error("{\"txid\":\"t\",\"status\":[]}", NULL, SR_ERR_TYPE, "/status");
    expect_error("[1]", NULL, SR_ERR_TYPE, "");
    expect_error("{\"txid\":\"t\",\"txid\":\"u\",\"status\":\"s\"}", NULL, SR_ERR_DUPLICATE,
                 "/txid");
    expect_error("{\"txid\":\"t\",\"status\":\"s\",\"x\":1}", &strict, SR_ERR_UNKNOWN_FIELD, "/x");
    expect_error("{\"txid\":\"\\udc00\",\"status\":\"s\"}", NULL, SR_ERR_ENCODING, "/txid");
    expect_error("{\"txid\":\"t\",}", NULL, SR_ERR_SYNTAX, "");
}

static void setters_and_missing_on_encode(void **state)
{
    (void)state;
    sr_callback_result *r = sr_callback_result_new();
    assert_non_null(r);
    char *out = (char *)"x";
    size_t out_len = 5;
    assert_int_equal(sr_callback_result_to_json(r, 0, &out, &out_len), SR_ERR_MISSING);
    assert_null(out);
    assert_int_equal(out_len, 0);
    assert_int_equal(sr_callback_result_set_status(r, "DONE"), SR_OK);
    assert_int_equal(sr_callback_result_to_json(r, 0, &out, NULL), SR_ERR_MISSING);
    assert_null(out);
    assert_int_equal(sr_callback_result_set_status(r, NULL), SR_OK);
    assert_int_equal(sr_callback_result_set_txid(r, "t\x01"), SR_OK);
    /* status is optional: absent stays absent */
    assert_int_equal(sr_callback_result_to_json(r, 0, &out, NULL), SR_OK);
    assert_string_equal(out, "{\"txid\":\"t\\u0001\"}");
    sr_free(out);
    assert_int_equal(sr_callback_result_set_status(r, "\xED\xA0\x80"), SR_ERR_ENCODING);
    assert_null(sr_callback_result_get_status(r));
    assert_int_equal(sr_callback_result_set_status(r, "DONE"), SR_OK);
    assert_int_equal(sr_callback_result_to_json(r, 0, &out, NULL), SR_OK);
    assert_string_equal(out, "{\"txid\":\"t\\u0001\",\"status\":\"DONE\"}");
    sr_free(out);
    assert_int_equal(sr_callback_result_set_txid(r, NULL), SR_OK);
    assert_null(sr_callback_result_get_txid(r));
    assert_int_equal(sr_callback_result_set_txid(NULL, "x"), SR_ERR_ARG);
    assert_null(sr_callback_result_get_txid(NULL));
    sr_callback_result_free(r);
    sr_callback_result_free(NULL);
}

static void status_is_optional(void **state)
{
    (void)state;
    static const char *const kept[] = {
        "{\"txid\":\"t\"}",
        "{\"txid\":\"t\",\"status\":null}",
        "{\"txid\":\"t\",\"status\":\"COMPLETED\"}",
        "{\"txid\":\"t\",\"status\":\"SOMETHING_NEW\"}",
    };
    static const char *const status[] = {NULL, NULL, "COMPLETED", "SOMETHING_NEW"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        sr_callback_result *r = NULL;
        char *out = NULL;
        assert_int_equal(sr_callback_result_from_json(kept[i], strlen(kept[i]), NULL, &r, NULL),
                         SR_OK);
        assert_string_equal(sr_callback_result_get_txid(r), "t");
        if (status[i] == NULL)
            assert_null(sr_callback_result_get_status(r));
        else
            assert_string_equal(sr_callback_result_get_status(r), status[i]);
        /* written back as read: absent stays absent, null stays null */
        assert_int_equal(sr_callback_result_to_json(r, 0, &out, NULL), SR_OK);
        assert_string_equal(out, kept[i]);
        sr_free(out);
        sr_callback_result_free(r);
    }
}

static void setters_accept_their_own_strings(void **state)
{
    (void)state;
    sr_callback_result *r = sr_callback_result_new();
    assert_non_null(r);
    assert_int_equal(sr_callback_result_set_txid(r, "tx"), SR_OK);
    assert_int_equal(sr_callback_result_set_status(r, "QUEUED"), SR_OK);
    assert_int_equal(sr_callback_result_set_txid(r, sr_callback_result_get_txid(r)), SR_OK);
    assert_int_equal(sr_callback_result_set_status(r, sr_callback_result_get_status(r)), SR_OK);
    assert_int_equal(sr_callback_result_set_status(r, sr_callback_result_get_txid(r)), SR_OK);
    assert_string_equal(sr_callback_result_get_txid(r), "tx");
    assert_string_equal(sr_callback_result_get_status(r), "tx");
    sr_callback_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_txid_and_status),          cmocka_unit_test(errors_with_paths),
        cmocka_unit_test(setters_and_missing_on_encode),    cmocka_unit_test(status_is_optional),
        cmocka_unit_test(setters_accept_their_own_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
