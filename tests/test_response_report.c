/* SPDX-License-Identifier: MIT */
/* AggregateSessionReport: decoding (exact integers, every range error, null
 * txid, empty usage, type/missing/duplicate errors with their paths),
 * encoding and round trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <sessreport.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static sr_aggregate_report *decode_ok(const char *json)
{
    sr_aggregate_report *r = NULL;
    sr_error err;
    sr_status st = sr_aggregate_report_from_json(json, strlen(json), NULL, &r, &err);
    if (st != SR_OK)
        print_error("unexpected %s at '%s': %s\n", sr_status_name(st), err.path, err.message);
    assert_int_equal(st, SR_OK);
    assert_non_null(r);
    return r;
}

static void expect_error(const char *json, const sr_parse_options *opts, sr_status code,
                         const char *path)
{
    sr_aggregate_report *r = (sr_aggregate_report *)&r; /* must be reset to NULL */
    sr_error err;
    memset(&err, 0, sizeof err);
    sr_status st = sr_aggregate_report_from_json(json, strlen(json), opts, &r, &err);
    if (st != code || strcmp(err.path, path) != 0)
        print_error("input %s: got %s at '%s' (%s), want %s at '%s'\n", json, sr_status_name(st),
                    err.path, err.message, sr_status_name(code), path);
    assert_int_equal(st, code);
    assert_int_equal(err.code, code);
    assert_string_equal(err.path, path);
    assert_true(err.message[0] != '\0');
    assert_null(r);
}

static int64_t row_sessions(const sr_aggregate_report *r, size_t i)
{
    int64_t v = -1;
    assert_int_equal(sr_aggregate_report_get_usage_sessions(r, i, &v), SR_OK);
    return v;
}

static int64_t row_bytes(const sr_aggregate_report *r, size_t i)
{
    int64_t v = -1;
    assert_int_equal(sr_aggregate_report_get_usage_bytes(r, i, &v), SR_OK);
    return v;
}

static void decodes_rows_in_order(void **state)
{
    (void)state;
    sr_aggregate_report *r = decode_ok(
        "{\"txid\":\"6a1f-22\",\"usage\":["
        "{\"imei\":\"709312034493372\",\"numberOfSessions\":12,\"bytesTransferred\":4096},"
        "{\"bytesTransferred\":0,\"imei\":\"490154203237518\",\"numberOfSessions\":0}]}");
    assert_string_equal(sr_aggregate_report_get_txid(r), "6a1f-22");
    assert_int_equal(sr_aggregate_report_txid_is_null(r), 0);
    assert_int_equal(sr_aggregate_report_usage_count(r), 2);
    assert_string_equal(sr_aggregate_report_get_usage_imei(r, 0), "709312034493372");
    assert_int_equal(row_sessions(r, 0), 12);
    assert_int_equal(row_bytes(r, 0), 4096);
    assert_string_equal(sr_aggregate_report_get_usage_imei(r, 1), "490154203237518");
    assert_int_equal(row_sessions(r, 1), 0);
    assert_int_equal(row_bytes(r, 1), 0);
    sr_aggregate_report_free(r);
}

static void integers_are_exact(void **state)
{
    (void)state;
    /* 2^53 + 1 is the first integer a double cannot hold. */
    sr_aggregate_report *r =
        decode_ok("{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":9007199254740993,"
                  "\"bytesTransferred\":9223372036854775807}]}");
    assert_true(row_sessions(r, 0) == INT64_C(9007199254740993));
    assert_true(row_bytes(r, 0) == INT64_MAX);
    char *json = NULL;
    assert_int_equal(sr_aggregate_report_to_json(r, 0, &json, NULL), SR_OK);
    /* an absent txid stays absent */
    assert_string_equal(json, "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":"
                              "9007199254740993,\"bytesTransferred\":9223372036854775807}]}");
    sr_free(json);
    sr_aggregate_report_free(r);
}

static int64_t decode_sessions(const char *number)
{
    char json[256];
    snprintf(json, sizeof json,
             "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":%s,\"bytesTransferred\":1}]}",
             number);
    sr_aggregate_report *r = decode_ok(json);
    int64_t v = row_sessions(r, 0);
    sr_aggregate_report_free(r);
    return v;
}

static void whole_values_are_accepted_however_written(void **state)
{
    (void)state;
    assert_true(decode_sessions("1.0") == 1);
    assert_true(decode_sessions("1e3") == 1000);
    assert_true(decode_sessions("1E+3") == 1000);
    assert_true(decode_sessions("150e-1") == 15);
    assert_true(decode_sessions("-0") == 0);
    assert_true(decode_sessions("0.000e999") == 0);
    assert_true(decode_sessions("92233720368547758070e-1") == INT64_MAX);
    assert_true(decode_sessions("9.223372036854775807e18") == INT64_MAX);
}

static void range_errors_carry_the_path(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "1.5",                    /* a fraction */
        "0.1",                    /* a fraction below one */
        "1e-1",                   /* an exponent that does not give an integer */
        "15e-1",                  /* 1.5 */
        "-1",                     /* a negative count */
        "-1.0",                   /* negative however written */
        "9223372036854775808",    /* INT64_MAX + 1 */
        "18446744073709551616",   /* 2^64 */
        "1e19",                   /* above INT64_MAX through the exponent */
        "1e99999999999999999999", /* a huge exponent */
        "1e-99999999999999999999",
    };
    for (size_t i = 0; i < COUNT(bad); i++) {
        char json[256];
        snprintf(json, sizeof json,
                 "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1,\"bytesTransferred\":1},"
                 "{\"imei\":\"2\",\"numberOfSessions\":2,\"bytesTransferred\":2},"
                 "{\"imei\":\"3\",\"numberOfSessions\":3,\"bytesTransferred\":3},"
                 "{\"imei\":\"4\",\"numberOfSessions\":4,\"bytesTransferred\":%s}]}",
                 bad[i]);
        expect_error(json, NULL, SR_ERR_RANGE, "/usage/3/bytesTransferred");
    }
    expect_error("{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":-5,\"bytesTransferred\":1}]}",
                 NULL, SR_ERR_RANGE, "/usage/0/numberOfSessions");
}

static void null_and_absent_txid(void **state)
{
    (void)state;
    sr_aggregate_report *r = decode_ok("{\"txid\":null,\"usage\":[]}");
    assert_null(sr_aggregate_report_get_txid(r));
    assert_int_equal(sr_aggregate_report_txid_is_null(r), 1);
    sr_aggregate_report_free(r);
    r = decode_ok("{\"usage\":[]}");
    assert_null(sr_aggregate_report_get_txid(r));
    assert_int_equal(sr_aggregate_report_txid_is_null(r), 1);
    sr_aggregate_report_free(r);
}

static void empty_usage(void **state)
{
    (void)state;
    sr_aggregate_report *r = decode_ok(" \n{ \"usage\" : [ ] , \"txid\" : \"t\" }\n ");
    assert_int_equal(sr_aggregate_report_usage_count(r), 0);
    assert_null(sr_aggregate_report_get_usage_imei(r, 0));
    int64_t v = 42;
    assert_int_equal(sr_aggregate_report_get_usage_sessions(r, 0, &v), SR_ERR_ARG);
    assert_true(v == 0); /* out-parameters are set on failure */
    v = 42;
    assert_int_equal(sr_aggregate_report_get_usage_bytes(r, 0, &v), SR_ERR_ARG);
    assert_true(v == 0);
    assert_int_equal(sr_aggregate_report_get_usage_bytes(NULL, 0, &v), SR_ERR_ARG);
    assert_int_equal(sr_aggregate_report_get_usage_bytes(r, 0, NULL), SR_ERR_ARG);
    char *json = NULL;
    size_t len = 0;
    assert_int_equal(sr_aggregate_report_to_json(r, 0, &json, &len), SR_OK);
    assert_string_equal(json, "{\"txid\":\"t\",\"usage\":[]}");
    assert_int_equal(len, strlen(json));
    sr_free(json);
    assert_int_equal(sr_aggregate_report_to_json(r, SR_JSON_PRETTY, &json, NULL), SR_OK);
    assert_string_equal(json, "{\n  \"txid\": \"t\",\n  \"usage\": []\n}");
    sr_free(json);
    sr_aggregate_report_free(r);
}

static void type_errors_carry_the_path(void **state)
{
    (void)state;
    expect_error("[]", NULL, SR_ERR_TYPE, "");
    expect_error("\"usage\"", NULL, SR_ERR_TYPE, "");
    expect_error("{\"txid\":5,\"usage\":[]}", NULL, SR_ERR_TYPE, "/txid");
    expect_error("{\"usage\":{}}", NULL, SR_ERR_TYPE, "/usage");
    expect_error("{\"usage\":[\"709312034493372\"]}", NULL, SR_ERR_TYPE, "/usage/0");
    expect_error("{\"usage\":[{}, null]}", NULL, SR_ERR_TYPE, "/usage/1");
    expect_error("{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1,\"bytesTransferred\":1},"
                 "{\"imei\":709312034493372,\"numberOfSessions\":1,\"bytesTransferred\":1}]}",
                 NULL, SR_ERR_TYPE, "/usage/1/imei");
    expect_error("{\"usage\":[{},{},{},{\"numberOfSessions\":\"5\"}]}", NULL, SR_ERR_TYPE,
                 "/usage/3/numberOfSessions");
    expect_error("{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":true}]}", NULL, SR_ERR_TYPE,
                 "/usage/0/numberOfSessions");
    expect_error("{\"usage\":[{\"bytesTransferred\":[1]}]}", NULL, SR_ERR_TYPE,
                 "/usage/0/bytesTransferred");
    expect_error("{\"errors\":{}}", NULL, SR_ERR_TYPE, "/errors");
    expect_error("{\"errors\":[1]}", NULL, SR_ERR_TYPE, "/errors/0");
    expect_error("{\"errors\":[{},{},{\"errorMessage\":[]}]}", NULL, SR_ERR_TYPE,
                 "/errors/2/errorMessage");
    expect_error("{\"errors\":[{\"imei\":false}]}", NULL, SR_ERR_TYPE, "/errors/0/imei");
    expect_error("{\"errors\":[{\"errorResponse\":\"x\"}]}", NULL, SR_ERR_TYPE,
                 "/errors/0/errorResponse");
    expect_error("{\"errors\":[{\"errorResponse\":{\"errorCode\":5}}]}", NULL, SR_ERR_TYPE,
                 "/errors/0/errorResponse/errorCode");
    expect_error("{\"errors\":[{\"errorResponse\":{\"httpStatusCode\":true}}]}", NULL, SR_ERR_TYPE,
                 "/errors/0/errorResponse/httpStatusCode");
    expect_error("{\"errors\":[{\"errorResponse\":{\"detailErrorMessage\":{}}}]}", NULL,
                 SR_ERR_TYPE, "/errors/0/errorResponse/detailErrorMessage");
    /* the first problem in document order wins */
    expect_error("{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1.5}],\"txid\":3}", NULL,
                 SR_ERR_RANGE, "/usage/0/numberOfSessions");
}

/* Encodes r compactly and compares with want. */
static void encodes_as(const sr_aggregate_report *r, const char *want)
{
    char *json = NULL;
    size_t len = 1;
    assert_int_equal(sr_aggregate_report_to_json(r, 0, &json, &len), SR_OK);
    assert_string_equal(json, want);
    assert_int_equal(len, strlen(want));
    sr_free(json);
}

/* Decodes json, which must encode back to the same bytes. */
static sr_aggregate_report *decode_same(const char *json)
{
    sr_aggregate_report *r = decode_ok(json);
    encodes_as(r, json);
    return r;
}

static void nothing_is_required(void **state)
{
    (void)state;
    sr_aggregate_report *r = decode_same("{}");
    assert_null(sr_aggregate_report_get_txid(r));
    assert_int_equal(sr_aggregate_report_txid_is_null(r), 1);
    assert_int_equal(sr_aggregate_report_usage_count(r), 0);
    assert_int_equal(sr_aggregate_report_error_count(r), 0);
    sr_aggregate_report_free(r);
    /* usage and errors: absent, null or an empty array, each kept */
    r = decode_same("{\"txid\":null,\"usage\":null,\"errors\":null}");
    assert_int_equal(sr_aggregate_report_usage_count(r), 0);
    assert_int_equal(sr_aggregate_report_error_count(r), 0);
    sr_aggregate_report_free(r);
    r = decode_same("{\"txid\":\"t\",\"usage\":[],\"errors\":[]}");
    assert_string_equal(sr_aggregate_report_get_txid(r), "t");
    assert_int_equal(sr_aggregate_report_txid_is_null(r), 0);
    sr_aggregate_report_free(r);
}

static void usage_members_present_absent_and_null(void **state)
{
    (void)state;
    /* issue 12's example: bytesTransferred absent */
    sr_aggregate_report *r = decode_same(
        "{\"txid\":null,\"usage\":[{\"imei\":\"709312034493372\",\"numberOfSessions\":2}]}");
    int64_t v = 77;
    assert_string_equal(sr_aggregate_report_get_usage_imei(r, 0), "709312034493372");
    assert_int_equal(sr_aggregate_report_get_usage_sessions(r, 0, &v), SR_OK);
    assert_true(v == 2);
    v = 77;
    assert_int_equal(sr_aggregate_report_get_usage_bytes(r, 0, &v), SR_ERR_MISSING);
    assert_true(v == 77); /* untouched: the caller's default stays */
    sr_aggregate_report_free(r);

    /* every member null, then every member absent */
    r = decode_same("{\"usage\":[{\"imei\":null,\"numberOfSessions\":null,"
                    "\"bytesTransferred\":null},{}]}");
    assert_int_equal(sr_aggregate_report_usage_count(r), 2);
    for (size_t i = 0; i < 2; i++) {
        v = 77;
        assert_null(sr_aggregate_report_get_usage_imei(r, i));
        assert_int_equal(sr_aggregate_report_get_usage_sessions(r, i, &v), SR_ERR_MISSING);
        assert_int_equal(sr_aggregate_report_get_usage_bytes(r, i, &v), SR_ERR_MISSING);
        assert_true(v == 77);
    }
    sr_aggregate_report_free(r);

    /* only the counts: imei absent */
    r = decode_same("{\"usage\":[{\"numberOfSessions\":0,\"bytesTransferred\":5}]}");
    assert_null(sr_aggregate_report_get_usage_imei(r, 0));
    assert_int_equal(sr_aggregate_report_get_usage_bytes(r, 0, &v), SR_OK);
    assert_true(v == 5);
    sr_aggregate_report_free(r);
}

static void errors_rows(void **state)
{
    (void)state;
    /* issue 12's example */
    sr_aggregate_report *r =
        decode_same("{\"txid\":\"t\",\"errors\":[{\"imei\":\"709312034493372\","
                    "\"errorMessage\":\"Device not found\"}]}");
    assert_int_equal(sr_aggregate_report_usage_count(r), 0);
    assert_int_equal(sr_aggregate_report_error_count(r), 1);
    assert_string_equal(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_IMEI), "709312034493372");
    assert_string_equal(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_MESSAGE),
                        "Device not found");
    for (int f = SR_ROW_ERROR_CODE; f < SR_ROW_ERROR_FIELD_COUNT; f++)
        assert_null(sr_aggregate_report_get_error(r, 0, (sr_row_error_field)f));
    assert_null(sr_aggregate_report_get_error(r, 1, SR_ROW_ERROR_IMEI));
    assert_null(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_FIELD_COUNT));
    assert_null(sr_aggregate_report_get_error(r, 0, (sr_row_error_field)-1));
    assert_null(sr_aggregate_report_get_error(NULL, 0, SR_ROW_ERROR_IMEI));
    sr_aggregate_report_free(r);

    /* the full row of Verizon's SDK example, httpStatusCode a string */
    r = decode_same("{\"txid\":\"txid8\",\"usage\":[{\"imei\":\"709312034493372\","
                    "\"numberOfSessions\":1,\"bytesTransferred\":2057}],\"errors\":[{\"imei\":"
                    "\"imei6\",\"errorMessage\":\"errorMessage8\",\"errorResponse\":{\"errorCode\":"
                    "\"INTERNAL_ERROR\",\"errorMessage\":\"errorMessage4\",\"httpStatusCode\":"
                    "\"423 LOCKED\",\"detailErrorMessage\":\"detailErrorMessage6\"}}]}");
    assert_string_equal(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_CODE), "INTERNAL_ERROR");
    assert_string_equal(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_RESPONSE_MESSAGE),
                        "errorMessage4");
    assert_string_equal(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_HTTP_STATUS),
                        "423 LOCKED");
    assert_string_equal(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_DETAIL),
                        "detailErrorMessage6");
    sr_aggregate_report_free(r);

    /* httpStatusCode as a number: kept as its digits, written back as a number */
    r = decode_same("{\"errors\":[{\"errorResponse\":{\"httpStatusCode\":404}}]}");
    assert_string_equal(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_HTTP_STATUS), "404");
    assert_null(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_IMEI));
    sr_aggregate_report_free(r);

    /* errorResponse null or empty, members null */
    r = decode_same(
        "{\"errors\":[{\"imei\":null,\"errorMessage\":null,\"errorResponse\":null},"
        "{\"errorResponse\":{}},{\"errorResponse\":{\"errorCode\":null,"
        "\"errorMessage\":null,\"httpStatusCode\":null,\"detailErrorMessage\":null}}]}");
    assert_int_equal(sr_aggregate_report_error_count(r), 3);
    for (size_t i = 0; i < 3; i++)
        for (int f = 0; f < SR_ROW_ERROR_FIELD_COUNT; f++)
            assert_null(sr_aggregate_report_get_error(r, i, (sr_row_error_field)f));
    sr_aggregate_report_free(r);
}

static void duplicates_syntax_and_encoding(void **state)
{
    (void)state;
    expect_error("{\"usage\":[{\"imei\":\"1\",\"imei\":\"2\",\"numberOfSessions\":1,"
                 "\"bytesTransferred\":1}]}",
                 NULL, SR_ERR_DUPLICATE, "/usage/0/imei");
    expect_error("{\"usage\":[],\"usage\":[]}", NULL, SR_ERR_DUPLICATE, "/usage");
    expect_error("{\"usage\":[\"\\ud800\"]}", NULL, SR_ERR_ENCODING, "/usage/0");
    expect_error("{\"txid\":\"a\\u0000b\",\"usage\":[]}", NULL, SR_ERR_ENCODING, "/txid");

    sr_aggregate_report *r = NULL;
    sr_error err;
    const char *bad = "{\"usage\":[],\n  \"txid\": nul}";
    assert_int_equal(sr_aggregate_report_from_json(bad, strlen(bad), NULL, &r, &err),
                     SR_ERR_SYNTAX);
    assert_null(r);
    assert_int_equal(err.line, 2);
    assert_true(err.column >= 11);
    assert_true(err.offset > 13);
    const char *trailing = "{\"usage\":[]} x";
    assert_int_equal(sr_aggregate_report_from_json(trailing, strlen(trailing), NULL, &r, &err),
                     SR_ERR_SYNTAX);
    assert_int_equal(err.offset, 13);
}

static void unknown_members_are_skipped_unless_strict(void **state)
{
    (void)state;
    const char *json = "{\"extra\":{\"deep\":[1,2]},\"usage\":[{\"imei\":\"1\",\"note\":\"n\","
                       "\"numberOfSessions\":1,\"bytesTransferred\":2}]}";
    sr_aggregate_report *r = decode_ok(json);
    char *out = NULL;
    assert_int_equal(sr_aggregate_report_to_json(r, 0, &out, NULL), SR_OK);
    assert_string_equal(out, "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1,"
                             "\"bytesTransferred\":2}]}");
    sr_free(out);
    sr_aggregate_report_free(r);

    sr_parse_options strict = {SR_PARSE_STRICT, 0};
    expect_error(json, &strict, SR_ERR_UNKNOWN_FIELD, "/extra");
    expect_error("{\"usage\":[{\"imei\":\"1\",\"note\":\"n\"}]}", &strict, SR_ERR_UNKNOWN_FIELD,
                 "/usage/0/note");
    expect_error("{\"errors\":[{\"x\":1}]}", &strict, SR_ERR_UNKNOWN_FIELD, "/errors/0/x");
    expect_error("{\"errors\":[{\"errorResponse\":{\"errorCode\":\"E\",\"y\":null}}]}", &strict,
                 SR_ERR_UNKNOWN_FIELD, "/errors/0/errorResponse/y");
    r = decode_ok("{\"errors\":[{\"x\":1,\"errorResponse\":{\"y\":[]}}]}");
    assert_int_equal(sr_aggregate_report_error_count(r), 1);
    encodes_as(r, "{\"errors\":[{\"errorResponse\":{}}]}");
    sr_aggregate_report_free(r);
    /* a duplicate inside an unknown member is still an error */
    expect_error("{\"extra\":{\"a\":1,\"a\":2},\"usage\":[]}", NULL, SR_ERR_DUPLICATE, "/extra/a");
}

static void limits_bom_and_arguments(void **state)
{
    (void)state;
    sr_aggregate_report *r = NULL;
    sr_error err;
    const char *bom = "\xEF\xBB\xBF{\"usage\":[]}";
    assert_int_equal(sr_aggregate_report_from_json(bom, strlen(bom), NULL, &r, &err), SR_OK);
    sr_aggregate_report_free(r);

    const char *json = "{\"usage\":[]}";
    sr_parse_options small = {0, 5};
    assert_int_equal(sr_aggregate_report_from_json(json, strlen(json), &small, &r, &err),
                     SR_ERR_LIMIT);
    assert_null(r);
    assert_int_equal(sr_aggregate_report_from_json(NULL, 3, NULL, &r, &err), SR_ERR_ARG);
    assert_int_equal(sr_aggregate_report_from_json(json, strlen(json), NULL, NULL, &err),
                     SR_ERR_ARG);
    assert_int_equal(sr_aggregate_report_from_json(NULL, 0, NULL, &r, &err), SR_ERR_SYNTAX);
    /* the length is respected: no NUL terminator is needed */
    assert_int_equal(sr_aggregate_report_from_json("{\"usage\":[]}garbage", 12, NULL, &r, NULL),
                     SR_OK);
    sr_aggregate_report_free(r);
    char *out = (char *)"x";
    size_t out_len = 5;
    assert_int_equal(sr_aggregate_report_to_json(NULL, 0, &out, &out_len), SR_ERR_ARG);
    assert_null(out);
    assert_int_equal(out_len, 0); /* every out-parameter is set on failure */
    out_len = 5;
    r = sr_aggregate_report_new();
    assert_int_equal(sr_aggregate_report_to_json(r, 0, NULL, &out_len), SR_ERR_ARG);
    assert_int_equal(out_len, 0);
    sr_aggregate_report_free(r);
}

static void strings_are_unescaped_and_escaped(void **state)
{
    (void)state;
    sr_aggregate_report *r =
        decode_ok("{\"txid\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\\t\",\"usage\":[]}");
    assert_string_equal(sr_aggregate_report_get_txid(r), "a\"b\\c/d\n\xC3\xA9\xF0\x9F\x98\x80\t");
    char *out = NULL;
    assert_int_equal(sr_aggregate_report_to_json(r, 0, &out, NULL), SR_OK);
    assert_string_equal(out, "{\"txid\":\"a\\\"b\\\\c/d\\n\xC3\xA9\xF0\x9F\x98\x80\\t\","
                             "\"usage\":[]}");
    sr_free(out);
    sr_aggregate_report_free(r);
}

static void builds_and_round_trips(void **state)
{
    (void)state;
    sr_aggregate_report *r = sr_aggregate_report_new();
    assert_non_null(r);
    assert_int_equal(sr_aggregate_report_set_txid(r, "tx-1"), SR_OK);
    assert_int_equal(sr_aggregate_report_add_usage(r, "709312034493372", 3, INT64_MAX), SR_OK);
    assert_int_equal(sr_aggregate_report_add_usage(r, "490154203237518", 0, 1536), SR_OK);
    assert_int_equal(sr_aggregate_report_add_usage(r, "1", -1, 0), SR_ERR_RANGE);
    assert_int_equal(sr_aggregate_report_add_usage(r, "1", 0, -1), SR_ERR_RANGE);
    assert_int_equal(sr_aggregate_report_add_usage(r, "\xC0\x80", 0, 0), SR_ERR_ENCODING);
    assert_int_equal(sr_aggregate_report_add_usage(r, NULL, 0, 0), SR_ERR_ARG);
    assert_int_equal(sr_aggregate_report_set_txid(r, "\xFF"), SR_ERR_ENCODING);
    assert_string_equal(sr_aggregate_report_get_txid(r), "tx-1");
    assert_int_equal(sr_aggregate_report_usage_count(r), 2);

    char *pretty = NULL;
    assert_int_equal(sr_aggregate_report_to_json(r, SR_JSON_PRETTY, &pretty, NULL), SR_OK);
    assert_string_equal(pretty, "{\n"
                                "  \"txid\": \"tx-1\",\n"
                                "  \"usage\": [\n"
                                "    {\n"
                                "      \"imei\": \"709312034493372\",\n"
                                "      \"numberOfSessions\": 3,\n"
                                "      \"bytesTransferred\": 9223372036854775807\n"
                                "    },\n"
                                "    {\n"
                                "      \"imei\": \"490154203237518\",\n"
                                "      \"numberOfSessions\": 0,\n"
                                "      \"bytesTransferred\": 1536\n"
                                "    }\n"
                                "  ]\n"
                                "}");
    char *compact = NULL;
    assert_int_equal(sr_aggregate_report_to_json(r, 0, &compact, NULL), SR_OK);

    /* decode(pretty) encodes to the same compact bytes */
    sr_aggregate_report *back = decode_ok(pretty);
    char *again = NULL;
    assert_int_equal(sr_aggregate_report_to_json(back, 0, &again, NULL), SR_OK);
    assert_string_equal(again, compact);
    assert_string_equal(sr_aggregate_report_get_usage_imei(back, 1), "490154203237518");
    assert_true(row_bytes(back, 0) == INT64_MAX);

    assert_int_equal(sr_aggregate_report_set_txid(r, NULL), SR_OK);
    assert_int_equal(sr_aggregate_report_txid_is_null(r), 1);

    sr_free(again);
    sr_free(compact);
    sr_free(pretty);
    sr_aggregate_report_free(back);
    sr_aggregate_report_free(r);
    sr_aggregate_report_free(NULL);
}

static void merge_appends_copies_in_order(void **state)
{
    (void)state;
    sr_aggregate_report *a = decode_ok("{\"txid\":\"a\",\"usage\":[{\"imei\":\"1\","
                                       "\"numberOfSessions\":1,\"bytesTransferred\":10}]}");
    sr_aggregate_report *b =
        decode_ok("{\"txid\":\"b\",\"usage\":[{\"imei\":\"2\",\"numberOfSessions\":2,"
                  "\"bytesTransferred\":20},{\"imei\":\"3\",\"numberOfSessions\":3,"
                  "\"bytesTransferred\":30}],\"errors\":[{\"imei\":\"4\",\"errorMessage\":\"gone\","
                  "\"errorResponse\":{\"httpStatusCode\":404}}]}");
    assert_int_equal(sr_aggregate_report_merge(a, b), SR_OK);
    sr_aggregate_report_free(b); /* the rows were copied */
    assert_string_equal(sr_aggregate_report_get_txid(a), "a");
    assert_int_equal(sr_aggregate_report_usage_count(a), 3);
    for (size_t i = 0; i < 3; i++) {
        char want[2] = {(char)('1' + i), '\0'};
        assert_string_equal(sr_aggregate_report_get_usage_imei(a, i), want);
        assert_int_equal(row_sessions(a, i), (int64_t)i + 1);
        assert_int_equal(row_bytes(a, i), 10 * ((int64_t)i + 1));
    }
    encodes_as(a, "{\"txid\":\"a\",\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1,"
                  "\"bytesTransferred\":10},{\"imei\":\"2\",\"numberOfSessions\":2,"
                  "\"bytesTransferred\":20},{\"imei\":\"3\",\"numberOfSessions\":3,"
                  "\"bytesTransferred\":30}],\"errors\":[{\"imei\":\"4\",\"errorMessage\":"
                  "\"gone\",\"errorResponse\":{\"httpStatusCode\":404}}]}");
    /* self-merge repeats the rows once */
    assert_int_equal(sr_aggregate_report_merge(a, a), SR_OK);
    assert_int_equal(sr_aggregate_report_usage_count(a), 6);
    assert_int_equal(sr_aggregate_report_error_count(a), 2);
    assert_string_equal(sr_aggregate_report_get_usage_imei(a, 5), "3");
    assert_string_equal(sr_aggregate_report_get_error(a, 1, SR_ROW_ERROR_HTTP_STATUS), "404");
    /* merging an empty report changes nothing, absent members stay absent */
    sr_aggregate_report *empty = decode_ok("{}");
    sr_aggregate_report *none = decode_ok("{}");
    assert_int_equal(sr_aggregate_report_merge(empty, none), SR_OK);
    encodes_as(empty, "{}");
    assert_int_equal(sr_aggregate_report_merge(empty, a), SR_OK);
    assert_int_equal(sr_aggregate_report_usage_count(empty), 6);
    assert_null(sr_aggregate_report_get_txid(empty));
    assert_int_equal(sr_aggregate_report_merge(NULL, a), SR_ERR_ARG);
    assert_int_equal(sr_aggregate_report_merge(a, NULL), SR_ERR_ARG);
    /* null members, a null errorResponse and counts come across as they were */
    static const char nulls_json[] =
        "{\"usage\":[{\"imei\":null,\"numberOfSessions\":null,\"bytesTransferred\":"
        "9223372036854775807}],\"errors\":[{\"errorMessage\":null,\"errorResponse\":null}]}";
    sr_aggregate_report *nulls = decode_ok(nulls_json);
    sr_aggregate_report_free(none);
    none = decode_ok("{}");
    assert_int_equal(sr_aggregate_report_merge(none, nulls), SR_OK);
    sr_aggregate_report_free(nulls);
    encodes_as(none, nulls_json);
    sr_aggregate_report_free(none);
    sr_aggregate_report_free(empty);
    sr_aggregate_report_free(a);
}

static void error_rows_are_built_and_set(void **state)
{
    (void)state;
    sr_aggregate_report *r = sr_aggregate_report_new();
    assert_non_null(r);
    encodes_as(r, "{\"txid\":null,\"usage\":[]}");
    assert_int_equal(sr_aggregate_report_add_error(r, "709312034493372", "Device not found"),
                     SR_OK);
    assert_int_equal(sr_aggregate_report_add_error(r, NULL, NULL), SR_OK);
    assert_int_equal(sr_aggregate_report_error_set(r, 1, SR_ROW_ERROR_HTTP_STATUS, "400"), SR_OK);
    assert_int_equal(sr_aggregate_report_error_set(r, 1, SR_ROW_ERROR_CODE, "E"), SR_OK);
    assert_int_equal(sr_aggregate_report_error_set(r, 1, SR_ROW_ERROR_CODE, NULL), SR_OK);
    encodes_as(r, "{\"txid\":null,\"usage\":[],\"errors\":[{\"imei\":\"709312034493372\","
                  "\"errorMessage\":\"Device not found\"},{\"errorResponse\":{\"httpStatusCode\":"
                  "\"400\"}}]}");
    assert_int_equal(sr_aggregate_report_error_set(r, 2, SR_ROW_ERROR_CODE, "E"), SR_ERR_ARG);
    assert_int_equal(sr_aggregate_report_error_set(r, 0, SR_ROW_ERROR_FIELD_COUNT, "E"),
                     SR_ERR_ARG);
    assert_int_equal(sr_aggregate_report_error_set(NULL, 0, SR_ROW_ERROR_CODE, "E"), SR_ERR_ARG);
    assert_int_equal(sr_aggregate_report_error_set(r, 0, SR_ROW_ERROR_DETAIL, "\xFF"),
                     SR_ERR_ENCODING);
    assert_int_equal(sr_aggregate_report_add_error(r, "\xC0\x80", NULL), SR_ERR_ENCODING);
    assert_int_equal(sr_aggregate_report_add_error(NULL, "1", NULL), SR_ERR_ARG);
    assert_int_equal(sr_aggregate_report_error_count(r), 2);
    assert_null(sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_DETAIL));
    sr_aggregate_report_free(r);
}

/* Issue 15 item 1: every setter and adder accepts a pointer into the object
 * itself, also when the storage it points into moves. */
static void setters_accept_their_own_strings(void **state)
{
    (void)state;
    sr_aggregate_report *r = sr_aggregate_report_new();
    assert_non_null(r);
    assert_int_equal(sr_aggregate_report_set_txid(r, "tx"), SR_OK);
    assert_int_equal(sr_aggregate_report_set_txid(r, sr_aggregate_report_get_txid(r)), SR_OK);
    assert_string_equal(sr_aggregate_report_get_txid(r), "tx");
    assert_int_equal(sr_aggregate_report_add_usage(r, "709312034493372", 1, 2), SR_OK);
    assert_int_equal(sr_aggregate_report_add_error(r, "490154203237518", "lost"), SR_OK);
    for (int i = 0; i < 40; i++) { /* enough rows for the arrays to move */
        assert_int_equal(
            sr_aggregate_report_add_usage(r, sr_aggregate_report_get_usage_imei(r, 0), 3, 4),
            SR_OK);
        assert_int_equal(sr_aggregate_report_add_error(
                             r, sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_IMEI),
                             sr_aggregate_report_get_error(r, 0, SR_ROW_ERROR_MESSAGE)),
                         SR_OK);
    }
    assert_string_equal(sr_aggregate_report_get_usage_imei(r, 40), "709312034493372");
    assert_string_equal(sr_aggregate_report_get_error(r, 40, SR_ROW_ERROR_MESSAGE), "lost");
    for (int f = 0; f < SR_ROW_ERROR_FIELD_COUNT; f++) {
        assert_int_equal(sr_aggregate_report_error_set(r, 0, (sr_row_error_field)f, "v"), SR_OK);
        assert_int_equal(sr_aggregate_report_error_set(
                             r, 0, (sr_row_error_field)f,
                             sr_aggregate_report_get_error(r, 0, (sr_row_error_field)f)),
                         SR_OK);
        assert_string_equal(sr_aggregate_report_get_error(r, 0, (sr_row_error_field)f), "v");
    }
    sr_aggregate_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_rows_in_order),
        cmocka_unit_test(integers_are_exact),
        cmocka_unit_test(whole_values_are_accepted_however_written),
        cmocka_unit_test(range_errors_carry_the_path),
        cmocka_unit_test(null_and_absent_txid),
        cmocka_unit_test(empty_usage),
        cmocka_unit_test(type_errors_carry_the_path),
        cmocka_unit_test(nothing_is_required),
        cmocka_unit_test(usage_members_present_absent_and_null),
        cmocka_unit_test(errors_rows),
        cmocka_unit_test(duplicates_syntax_and_encoding),
        cmocka_unit_test(unknown_members_are_skipped_unless_strict),
        cmocka_unit_test(limits_bom_and_arguments),
        cmocka_unit_test(strings_are_unescaped_and_escaped),
        cmocka_unit_test(builds_and_round_trips),
        cmocka_unit_test(merge_appends_copies_in_order),
        cmocka_unit_test(error_rows_are_built_and_set),
        cmocka_unit_test(setters_accept_their_own_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
