/* SPDX-License-Identifier: MIT */
/* The error body (HyperPreciseLocationResultException) and the response
 * shape detector. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <sessreport.h>

static sr_error_body *decode_ok(const char *json)
{
    sr_error_body *b = NULL;
    sr_error err;
    sr_status st = sr_error_body_from_json(json, strlen(json), NULL, &b, &err);
    if (st != SR_OK)
        print_error("unexpected %s at '%s': %s\n", sr_status_name(st), err.path, err.message);
    assert_int_equal(st, SR_OK);
    return b;
}

static void expect_error(const char *json, const sr_parse_options *opts, sr_status code,
                         const char *path)
{
    sr_error_body *b = (sr_error_body *)&b; /* must become NULL */
    sr_error err;
    sr_status st = sr_error_body_from_json(json, strlen(json), opts, &b, &err);
    if (st != code || strcmp(err.path, path) != 0)
        print_error("input %s: got %s at '%s', want %s at '%s'\n", json, sr_status_name(st),
                    err.path, sr_status_name(code), path);
    assert_int_equal(st, code);
    assert_string_equal(err.path, path);
    assert_null(b);
}

static const char full_body[] =
    "{\"responseCode\":\"400\",\"message\":\"Invalid imei\",\"fault\":{\"code\":\"SVC-1\","
    "\"message\":\"Bad Request\",\"description\":\"imei 1 is not 15 digits\"}}";

static void decodes_every_field(void **state)
{
    (void)state;
    sr_error_body *b = decode_ok(full_body);
    assert_string_equal(sr_error_body_get_response_code(b), "400");
    assert_string_equal(sr_error_body_get_message(b), "Invalid imei");
    assert_int_equal(sr_error_body_has_fault(b), 1);
    assert_string_equal(sr_error_body_get_fault_code(b), "SVC-1");
    assert_string_equal(sr_error_body_get_fault_message(b), "Bad Request");
    assert_string_equal(sr_error_body_get_fault_description(b), "imei 1 is not 15 digits");
    assert_string_equal(sr_error_body_get(b, SR_ERROR_BODY_FAULT_CODE), "SVC-1");
    assert_null(sr_error_body_get(b, SR_ERROR_BODY_FIELD_COUNT));

    char *out = NULL;
    assert_int_equal(sr_error_body_to_json(b, 0, &out, NULL), SR_OK);
    assert_string_equal(out, full_body);
    sr_free(out);
    assert_int_equal(sr_error_body_to_json(b, SR_JSON_PRETTY, &out, NULL), SR_OK);
    assert_string_equal(out, "{\n"
                             "  \"responseCode\": \"400\",\n"
                             "  \"message\": \"Invalid imei\",\n"
                             "  \"fault\": {\n"
                             "    \"code\": \"SVC-1\",\n"
                             "    \"message\": \"Bad Request\",\n"
                             "    \"description\": \"imei 1 is not 15 digits\"\n"
                             "  }\n"
                             "}");
    sr_error_body *back = decode_ok(out);
    char *again = NULL;
    assert_int_equal(sr_error_body_to_json(back, 0, &again, NULL), SR_OK);
    assert_string_equal(again, full_body);
    sr_free(again);
    sr_free(out);
    sr_error_body_free(back);
    sr_error_body_free(b);
}

static void everything_is_optional(void **state)
{
    (void)state;
    sr_error_body *b = decode_ok("{}");
    assert_null(sr_error_body_get_response_code(b));
    assert_null(sr_error_body_get_message(b));
    assert_int_equal(sr_error_body_has_fault(b), 0);
    char *out = NULL;
    assert_int_equal(sr_error_body_to_json(b, SR_JSON_PRETTY, &out, NULL), SR_OK);
    assert_string_equal(out, "{}");
    sr_free(out);
    sr_error_body_free(b);

    b = decode_ok("{\"message\":null,\"fault\":{},\"error\":\"gateway\"}");
    assert_null(sr_error_body_get_message(b));
    assert_int_equal(sr_error_body_has_fault(b), 1);
    assert_int_equal(sr_error_body_to_json(b, 0, &out, NULL), SR_OK);
    assert_string_equal(out, "{\"message\":null,\"fault\":{}}"); /* null stays null */
    sr_free(out);
    sr_error_body_free(b);

    b = decode_ok("{\"fault\":null}");
    assert_int_equal(sr_error_body_has_fault(b), 0);
    assert_int_equal(sr_error_body_to_json(b, 0, &out, NULL), SR_OK);
    assert_string_equal(out, "{\"fault\":null}");
    sr_free(out);
    sr_error_body_free(b);

    /* each member present, null and absent */
    static const char *const keys[SR_ERROR_BODY_FIELD_COUNT] = {
        "responseCode", "message", "code", "message", "description", "errorCode", "errorMessage"};
    for (int f = 0; f < SR_ERROR_BODY_FIELD_COUNT; f++) {
        int in_fault = f >= SR_ERROR_BODY_FAULT_CODE && f <= SR_ERROR_BODY_FAULT_DESCRIPTION;
        char json[128];
        for (int form = 0; form < 2; form++) {
            snprintf(json, sizeof json, in_fault ? "{\"fault\":{\"%s\":%s}}" : "{\"%s\":%s}",
                     keys[f], form == 0 ? "\"v\"" : "null");
            b = decode_ok(json);
            for (int g = 0; g < SR_ERROR_BODY_FIELD_COUNT; g++) {
                const char *got = sr_error_body_get(b, (sr_error_body_field)g);
                if (g == f && form == 0)
                    assert_string_equal(got, "v");
                else
                    assert_null(got);
            }
            assert_int_equal(sr_error_body_to_json(b, 0, &out, NULL), SR_OK);
            assert_string_equal(out, json);
            sr_free(out);
            sr_error_body_free(b);
        }
    }
}

static void errors_with_paths(void **state)
{
    (void)state;
    sr_parse_options strict = {SR_PARSE_STRICT, 0};
    expect_error("{\"responseCode\":400}", NULL, SR_ERR_TYPE, "/responseCode");
    expect_error("{\"fault\":\"x\"}", NULL, SR_ERR_TYPE, "/fault");
    expect_error("{\"fault\":{\"code\":1}}", NULL, SR_ERR_TYPE, "/fault/code");
    expect_error("{\"fault\":{\"code\":\"a\",\"code\":\"b\"}}", NULL, SR_ERR_DUPLICATE,
                 "/fault/code");
    expect_error("{\"fault\":{\"extra\":1}}", &strict, SR_ERR_UNKNOWN_FIELD, "/fault/extra");
    expect_error("{\"error\":1}", &strict, SR_ERR_UNKNOWN_FIELD, "/error");
    expect_error("null", NULL, SR_ERR_TYPE, "");
    expect_error("{\"errorCode\":400}", NULL, SR_ERR_TYPE, "/errorCode");
    expect_error("{\"errorCode\":\"E\",\"errorMessage\":{}}", NULL, SR_ERR_TYPE, "/errorMessage");
    expect_error("{\"errorCode\":\"E\",\"extra\":{}}", &strict, SR_ERR_UNKNOWN_FIELD, "/extra");
    expect_error("<html>Bad Gateway</html>", NULL, SR_ERR_SYNTAX, "");
}

static void setters(void **state)
{
    (void)state;
    sr_error_body *b = sr_error_body_new();
    assert_non_null(b);
    assert_int_equal(sr_error_body_set(b, SR_ERROR_BODY_FAULT_DESCRIPTION, "why"), SR_OK);
    assert_int_equal(sr_error_body_has_fault(b), 1);
    assert_int_equal(sr_error_body_set(b, SR_ERROR_BODY_MESSAGE, "m"), SR_OK);
    assert_int_equal(sr_error_body_set(b, SR_ERROR_BODY_FIELD_COUNT, "m"), SR_ERR_ARG);
    assert_int_equal(sr_error_body_set(b, SR_ERROR_BODY_RESPONSE_CODE, "\xC3"), SR_ERR_ENCODING);
    char *out = NULL;
    assert_int_equal(sr_error_body_to_json(b, 0, &out, NULL), SR_OK);
    assert_string_equal(out, "{\"message\":\"m\",\"fault\":{\"description\":\"why\"}}");
    sr_free(out);
    assert_int_equal(sr_error_body_set(b, SR_ERROR_BODY_FAULT_DESCRIPTION, NULL), SR_OK);
    assert_int_equal(sr_error_body_has_fault(b), 0);
    sr_error_body_free(b);
    sr_error_body_free(NULL);
    out = (char *)"x";
    size_t out_len = 5;
    assert_int_equal(sr_error_body_to_json(NULL, 0, &out, &out_len), SR_ERR_ARG);
    assert_null(out);
    assert_int_equal(out_len, 0);
}

static sr_response_kind detect(const char *json)
{
    return sr_response_detect(json, strlen(json));
}

static void detector(void **state)
{
    (void)state;
    assert_int_equal(detect("{\"txid\":null,\"usage\":[]}"), SR_RESPONSE_AGGREGATE_REPORT);
    assert_int_equal(detect("\xEF\xBB\xBF{\"usage\":[]}"), SR_RESPONSE_AGGREGATE_REPORT);
    assert_int_equal(detect("{\"txid\":\"t\",\"status\":\"QUEUED\"}"), SR_RESPONSE_CALLBACK_RESULT);
    assert_int_equal(detect("{\"txid\":\"t\"}"), SR_RESPONSE_AMBIGUOUS);
    assert_int_equal(detect("{\"message\":\"m\",\"txid\":\"t\"}"), SR_RESPONSE_AMBIGUOUS);
    assert_int_equal(detect("{\"txid\":null}"), SR_RESPONSE_AGGREGATE_REPORT);
    assert_int_equal(detect("{\"txid\":\"t\",\"errors\":[{\"imei\":\"1\"}]}"),
                     SR_RESPONSE_AGGREGATE_REPORT);
    assert_int_equal(detect("{\"errorCode\":\"INVALID_PARAMETER\",\"errorMessage\":\"No\"}"),
                     SR_RESPONSE_ERROR_BODY);
    assert_int_equal(detect("{\"txid\":5}"), SR_RESPONSE_UNKNOWN);
    assert_int_equal(detect("{\"other\":1}"), SR_RESPONSE_UNKNOWN);
    assert_string_equal(sr_response_kind_name(SR_RESPONSE_AMBIGUOUS), "ambiguous");
    assert_int_equal(detect(full_body), SR_RESPONSE_ERROR_BODY);
    assert_int_equal(detect("{\"message\":\"x\",\"status\":\"y\"}"), SR_RESPONSE_ERROR_BODY);
    assert_int_equal(detect("{}"), SR_RESPONSE_UNKNOWN);
    assert_int_equal(detect("[]"), SR_RESPONSE_UNKNOWN);
    assert_int_equal(detect("{\"usage\":"), SR_RESPONSE_UNKNOWN);
    assert_int_equal(sr_response_detect(NULL, 0), SR_RESPONSE_UNKNOWN);
    assert_string_equal(sr_response_kind_name(SR_RESPONSE_ERROR_BODY), "error body");
    assert_string_equal(sr_response_kind_name((sr_response_kind)99), "unknown");
}

static void short_form(void **state)
{
    (void)state;
    /* issue 12's example */
    const char *json = "{\"errorCode\":\"INVALID_PARAMETER\",\"errorMessage\":\"Service Not "
                       "Purchased\"}";
    sr_error_body *b = decode_ok(json);
    assert_string_equal(sr_error_body_get_error_code(b), "INVALID_PARAMETER");
    assert_string_equal(sr_error_body_get_error_message(b), "Service Not Purchased");
    assert_string_equal(sr_error_body_get(b, SR_ERROR_BODY_ERROR_CODE), "INVALID_PARAMETER");
    assert_string_equal(sr_error_body_get_best_message(b), "Service Not Purchased");
    assert_null(sr_error_body_get_message(b));
    assert_int_equal(sr_error_body_has_fault(b), 0);
    char *out = NULL;
    assert_int_equal(sr_error_body_to_json(b, 0, &out, NULL), SR_OK);
    assert_string_equal(out, json);
    sr_free(out);
    sr_error_body_free(b);

    b = decode_ok(full_body);
    assert_string_equal(sr_error_body_get_best_message(b), "Invalid imei");
    sr_error_body_free(b);
    b = decode_ok("{\"fault\":{\"description\":\"d\"}}");
    assert_string_equal(sr_error_body_get_best_message(b), "d");
    sr_error_body_free(b);
    assert_null(sr_error_body_get_best_message(NULL));
}

static void setters_accept_their_own_strings(void **state)
{
    (void)state;
    sr_error_body *b = decode_ok(full_body);
    for (int f = 0; f < SR_ERROR_BODY_FIELD_COUNT; f++) {
        assert_int_equal(sr_error_body_set(b, (sr_error_body_field)f, "v"), SR_OK);
        assert_int_equal(sr_error_body_set(b, (sr_error_body_field)f,
                                           sr_error_body_get(b, (sr_error_body_field)f)),
                         SR_OK);
        assert_string_equal(sr_error_body_get(b, (sr_error_body_field)f), "v");
        assert_int_equal(sr_error_body_set(b, (sr_error_body_field)f,
                                           sr_error_body_get(b, SR_ERROR_BODY_MESSAGE)),
                         SR_OK);
    }
    sr_error_body_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_every_field),
        cmocka_unit_test(everything_is_optional),
        cmocka_unit_test(errors_with_paths),
        cmocka_unit_test(setters),
        cmocka_unit_test(detector),
        cmocka_unit_test(short_form),
        cmocka_unit_test(setters_accept_their_own_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
