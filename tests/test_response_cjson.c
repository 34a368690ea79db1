/* SPDX-License-Identifier: MIT */
/* The responses from and to cJSON trees (sessreport/cjson.h): ordinary
 * cJSON numbers, every error path with its pointer, and who owns what. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <sessreport.h>
#include <sessreport/cjson.h>

static cJSON *parse(const char *json)
{
    cJSON *tree = cJSON_Parse(json);
    assert_non_null(tree);
    return tree;
}

/* A report tree whose first usage row's numberOfSessions is item. */
static cJSON *report_with_sessions(cJSON *item)
{
    cJSON *tree = parse("{\"txid\":\"t\",\"usage\":[{\"imei\":\"1\"}]}");
    cJSON *row = cJSON_GetArrayItem(cJSON_GetObjectItem(tree, "usage"), 0);
    assert_non_null(item);
    cJSON_AddItemToObject(row, "numberOfSessions", item);
    return tree;
}

static void expect_report_error(cJSON *tree, const sr_parse_options *opts, sr_status code,
                                const char *path)
{
    sr_aggregate_report *r = (sr_aggregate_report *)&r; /* must become NULL */
    sr_error err;
    memset(&err, 0, sizeof err);
    sr_status st = sr_aggregate_report_from_cjson(tree, opts, &r, &err);
    if (st != code || strcmp(err.path, path) != 0)
        print_error("got %s at '%s' (%s), want %s at '%s'\n", sr_status_name(st), err.path,
                    err.message, sr_status_name(code), path);
    assert_int_equal(st, code);
    assert_string_equal(err.path, path);
    assert_int_equal(err.line, 0);
    assert_null(r);
    cJSON_Delete(tree);
}

static void ordinary_numbers(void **state)
{
    (void)state;
    cJSON *tree = parse("{\"txid\":\"t\",\"usage\":[{\"imei\":\"709312034493372\","
                        "\"numberOfSessions\":12,\"bytesTransferred\":1536.0},"
                        "{\"numberOfSessions\":9007199254740992}]}");
    char *before = cJSON_PrintUnformatted(tree);
    sr_aggregate_report *r = NULL;
    int64_t v = 0;
    assert_int_equal(sr_aggregate_report_from_cjson(tree, NULL, &r, NULL), SR_OK);
    assert_int_equal(sr_aggregate_report_get_usage_sessions(r, 0, &v), SR_OK);
    assert_true(v == 12);
    assert_int_equal(sr_aggregate_report_get_usage_bytes(r, 0, &v), SR_OK);
    assert_true(v == 1536);
    assert_int_equal(sr_aggregate_report_get_usage_sessions(r, 1, &v), SR_OK);
    assert_true(v == INT64_C(9007199254740992));
    assert_int_equal(sr_aggregate_report_get_usage_bytes(r, 1, &v), SR_ERR_MISSING);
    /* the tree is only read */
    char *after = cJSON_PrintUnformatted(tree);
    assert_string_equal(before, after);
    cJSON_free(before);
    cJSON_free(after);
    cJSON_Delete(tree);
    assert_string_equal(sr_aggregate_report_get_usage_imei(r, 0), "709312034493372");
    sr_aggregate_report_free(r);
}

static void raw_digits_are_exact(void **state)
{
    (void)state;
    cJSON *tree = report_with_sessions(cJSON_CreateRaw("9007199254740993"));
    sr_aggregate_report *r = NULL;
    int64_t v = 0;
    assert_int_equal(sr_aggregate_report_from_cjson(tree, NULL, &r, NULL), SR_OK);
    assert_int_equal(sr_aggregate_report_get_usage_sessions(r, 0, &v), SR_OK);
    assert_true(v == INT64_C(9007199254740993));
    sr_aggregate_report_free(r);
    cJSON_Delete(tree);
    tree = report_with_sessions(cJSON_CreateRaw("9223372036854775807"));
    assert_int_equal(sr_aggregate_report_from_cjson(tree, NULL, &r, NULL), SR_OK);
    assert_int_equal(sr_aggregate_report_get_usage_sessions(r, 0, &v), SR_OK);
    assert_true(v == INT64_MAX);
    sr_aggregate_report_free(r);
    cJSON_Delete(tree);
    expect_report_error(report_with_sessions(cJSON_CreateRaw("9223372036854775808")), NULL,
                        SR_ERR_RANGE, "/usage/0/numberOfSessions");
}

static void every_error_path(void **state)
{
    (void)state;
    sr_parse_options strict = {SR_PARSE_STRICT, 0};
    const char *path = "/usage/0/numberOfSessions";
    expect_report_error(report_with_sessions(cJSON_CreateNumber(1.5)), NULL, SR_ERR_RANGE, path);
    expect_report_error(report_with_sessions(cJSON_CreateNumber(-1)), NULL, SR_ERR_RANGE, path);
    expect_report_error(report_with_sessions(cJSON_CreateNumber(1e19)), NULL, SR_ERR_RANGE, path);
    expect_report_error(report_with_sessions(cJSON_CreateNumber(9223372036854775808.0)), NULL,
                        SR_ERR_RANGE, path);
    expect_report_error(report_with_sessions(cJSON_CreateNumber(NAN)), NULL, SR_ERR_RANGE, path);
    expect_report_error(report_with_sessions(cJSON_CreateRaw("1.5")), NULL, SR_ERR_RANGE, path);
    expect_report_error(report_with_sessions(cJSON_CreateRaw("[1]")), NULL, SR_ERR_TYPE, path);
    /* raw text that is not one JSON number never reaches the count reader */
    static const char *const not_numbers[] = {"", "-", "1e", "+1", "1 ", "01", "1.", "10.", "000"};
    for (size_t i = 0; i < sizeof not_numbers / sizeof not_numbers[0]; i++)
        expect_report_error(report_with_sessions(cJSON_CreateRaw(not_numbers[i])), NULL,
                            SR_ERR_TYPE, path);
    expect_report_error(report_with_sessions(cJSON_CreateString("5")), NULL, SR_ERR_TYPE, path);
    expect_report_error(report_with_sessions(cJSON_CreateTrue()), NULL, SR_ERR_TYPE, path);
    expect_report_error(report_with_sessions(cJSON_CreateString("\xC3\x28")), NULL, SR_ERR_ENCODING,
                        path);
    expect_report_error(parse("{\"txid\":5}"), NULL, SR_ERR_TYPE, "/txid");
    expect_report_error(parse("{\"errors\":[{\"errorResponse\":{\"errorCode\":[]}}]}"), NULL,
                        SR_ERR_TYPE, "/errors/0/errorResponse/errorCode");
    expect_report_error(parse("{\"txid\":\"t\",\"more\":1}"), &strict, SR_ERR_UNKNOWN_FIELD,
                        "/more");
    expect_report_error(parse("[]"), NULL, SR_ERR_TYPE, "");
    cJSON *twice = parse("{\"txid\":\"a\"}");
    cJSON_AddItemToObject(twice, "txid", cJSON_CreateString("b"));
    expect_report_error(twice, NULL, SR_ERR_DUPLICATE, "/txid");

    sr_aggregate_report *r = (sr_aggregate_report *)&r;
    sr_error err;
    assert_int_equal(sr_aggregate_report_from_cjson(NULL, NULL, &r, &err), SR_ERR_ARG);
    assert_null(r);
    cJSON *tree = parse("{}");
    assert_int_equal(sr_aggregate_report_from_cjson(tree, NULL, NULL, &err), SR_ERR_ARG);
    cJSON_Delete(tree);
}

static void to_cjson_gives_a_new_tree(void **state)
{
    (void)state;
    sr_aggregate_report *r = sr_aggregate_report_new();
    cJSON *tree = (cJSON *)&tree;
    assert_non_null(r);
    assert_int_equal(sr_aggregate_report_add_usage(r, "1", 12, INT64_MAX), SR_OK);
    assert_int_equal(sr_aggregate_report_add_error(r, "2", NULL), SR_OK);
    assert_int_equal(sr_aggregate_report_to_cjson(r, &tree), SR_OK);
    sr_aggregate_report_free(r); /* the tree owns nothing of r */
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(tree, "txid")));
    cJSON *row = cJSON_GetArrayItem(cJSON_GetObjectItem(tree, "usage"), 0);
    cJSON *sessions = cJSON_GetObjectItem(row, "numberOfSessions");
    cJSON *bytes = cJSON_GetObjectItem(row, "bytesTransferred");
    /* a double holds 12: an ordinary number; INT64_MAX is kept as its digits */
    assert_true(cJSON_IsNumber(sessions));
    assert_true(sessions->valuedouble == 12.0);
    assert_true(cJSON_IsRaw(bytes));
    assert_string_equal(bytes->valuestring, "9223372036854775807");
    char *text = cJSON_PrintUnformatted(tree);
    assert_string_equal(text, "{\"txid\":null,\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":12,"
                              "\"bytesTransferred\":9223372036854775807}],\"errors\":[{\"imei\":"
                              "\"2\"}]}");
    cJSON_free(text);
    /* and back */
    assert_int_equal(sr_aggregate_report_from_cjson(tree, NULL, &r, NULL), SR_OK);
    assert_int_equal(sr_aggregate_report_error_count(r), 1);
    sr_aggregate_report_free(r);
    cJSON_Delete(tree);

    tree = (cJSON *)&tree;
    assert_int_equal(sr_aggregate_report_to_cjson(NULL, &tree), SR_ERR_ARG);
    assert_null(tree);
    assert_int_equal(sr_aggregate_report_to_cjson(NULL, NULL), SR_ERR_ARG);
}

static void callback_result(void **state)
{
    (void)state;
    sr_callback_result *r = (sr_callback_result *)&r;
    sr_error err;
    cJSON *tree = parse("{\"status\":\"QUEUED\"}");
    assert_int_equal(sr_callback_result_from_cjson(tree, NULL, &r, &err), SR_ERR_MISSING);
    assert_string_equal(err.path, "/txid");
    assert_null(r);
    cJSON_Delete(tree);
    tree = parse("{\"txid\":\"t\",\"status\":null}");
    assert_int_equal(sr_callback_result_from_cjson(tree, NULL, &r, &err), SR_OK);
    cJSON_Delete(tree);
    assert_string_equal(sr_callback_result_get_txid(r), "t");
    assert_null(sr_callback_result_get_status(r));
    assert_int_equal(sr_callback_result_to_cjson(r, &tree), SR_OK);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(tree, "status"))); /* null stays null */
    cJSON_Delete(tree);
    assert_int_equal(sr_callback_result_set_txid(r, NULL), SR_OK);
    tree = (cJSON *)&tree;
    assert_int_equal(sr_callback_result_to_cjson(r, &tree), SR_ERR_MISSING);
    assert_null(tree);
    sr_callback_result_free(r);
}

static void error_body_both_forms(void **state)
{
    (void)state;
    sr_error_body *b = (sr_error_body *)&b;
    sr_error err;
    cJSON *tree = parse("{\"errorCode\":\"E\",\"errorMessage\":\"m\",\"fault\":{\"code\":\"c\"}}");
    assert_int_equal(sr_error_body_from_cjson(tree, NULL, &b, &err), SR_OK);
    cJSON_Delete(tree);
    assert_string_equal(sr_error_body_get_error_code(b), "E");
    assert_string_equal(sr_error_body_get_error_message(b), "m");
    assert_string_equal(sr_error_body_get_fault_code(b), "c");
    assert_int_equal(sr_error_body_to_cjson(b, &tree), SR_OK);
    char *text = cJSON_PrintUnformatted(tree);
    assert_string_equal(text,
                        "{\"fault\":{\"code\":\"c\"},\"errorCode\":\"E\",\"errorMessage\":\"m\"}");
    cJSON_free(text);
    cJSON_Delete(tree);
    sr_error_body_free(b);
    tree = parse("{\"fault\":{\"code\":7}}");
    assert_int_equal(sr_error_body_from_cjson(tree, NULL, &b, &err), SR_ERR_TYPE);
    assert_string_equal(err.path, "/fault/code");
    assert_null(b);
    cJSON_Delete(tree);
    tree = (cJSON *)&tree;
    assert_int_equal(sr_error_body_to_cjson(NULL, &tree), SR_ERR_ARG);
    assert_null(tree);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ordinary_numbers), cmocka_unit_test(raw_digits_are_exact),
        cmocka_unit_test(every_error_path), cmocka_unit_test(to_cjson_gives_a_new_tree),
        cmocka_unit_test(callback_result),  cmocka_unit_test(error_body_both_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
