/* SPDX-License-Identifier: MIT */
/* include/sessreport/cjson.h for the request: trees with ordinary cJSON
 * numbers, every error path with its pointer, and who owns which tree. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sessreport.h"
#include "sessreport/cjson.h"
#include "support/seed.h"

static const char seed_compact[] = SR_TEST_SEED_COMPACT_JSON;
static const char seed_pretty[] = SR_TEST_SEED_JSON;

static cJSON *tree_of(const char *json)
{
    cJSON *tree = cJSON_Parse(json);
    assert_non_null(tree);
    return tree;
}

/* A printout of the caller's tree, to show it was not changed. */
static char *snapshot(const cJSON *tree)
{
    char *text = cJSON_PrintUnformatted(tree);
    assert_non_null(text);
    return text;
}

static session_report_request *from_tree_ok(const cJSON *tree, unsigned flags)
{
    sr_parse_options opts = {flags, 0};
    session_report_request *r = NULL;
    sr_error err;
    sr_status st = session_report_request_from_cjson(tree, &opts, &r, &err);
    if (st != SR_OK)
        print_message("from_cjson: %s '%s' %s\n", sr_status_name(st), err.path, err.message);
    assert_int_equal(st, SR_OK);
    assert_non_null(r);
    return r;
}

static void assert_from_tree_fails(const cJSON *tree, unsigned flags, sr_status want,
                                   const char *want_path)
{
    sr_parse_options opts = {flags, 0};
    session_report_request *r = session_report_request_new();
    session_report_request *before = r;
    sr_error err;
    memset(&err, 0, sizeof err);
    sr_status st = session_report_request_from_cjson(tree, &opts, &r, &err);
    if (st != want || strcmp(err.path, want_path) != 0)
        print_message("got %s '%s' (%s), want %s '%s'\n", sr_status_name(st), err.path, err.message,
                      sr_status_name(want), want_path);
    assert_int_equal(st, want);
    assert_int_equal(err.code, want);
    assert_string_equal(err.path, want_path);
    assert_null(r);
    assert_true(err.message[0] != '\0');
    session_report_request_free(before);
}

static void assert_text(const session_report_request *r, const char *want)
{
    char *out = NULL;
    assert_int_equal(session_report_request_to_json(r, 0, &out, NULL), SR_OK);
    assert_string_equal(out, want);
    sr_free(out);
}

/* The seed built with cJSON's own calls decodes like the seed text. */
static void test_seed_tree(void **state)
{
    (void)state;
    cJSON *tree = cJSON_CreateObject();
    assert_non_null(tree);
    cJSON_AddStringToObject(tree, "deviceLabel", "deviceLabel4");
    cJSON_AddStringToObject(tree, "accountNumber", "0844021539-00001");
    cJSON *imei = cJSON_AddArrayToObject(tree, "imei");
    cJSON_AddItemToArray(imei, cJSON_CreateString("709312034493372"));
    cJSON_AddStringToObject(tree, "startDate", "2022-12-09T22:01:06.217Z");
    cJSON_AddStringToObject(tree, "endDate", "2022-12-09T22:01:08.734Z");
    cJSON_AddStringToObject(tree, "deviceGroup", "deviceGroup4");
    cJSON_AddStringToObject(tree, "dataPlan", "dataPlan2");
    cJSON_AddStringToObject(tree, "noSessionFlag", "false");
    session_report_request *r = from_tree_ok(tree, SR_PARSE_STRICT);
    session_report_request *seed = sr_test_seed_request();
    assert_non_null(seed);
    assert_true(session_report_request_equal(r, seed));
    char *out = NULL;
    assert_int_equal(session_report_request_to_json(r, SR_JSON_PRETTY, &out, NULL), SR_OK);
    assert_string_equal(out, seed_pretty);
    sr_free(out);
    session_report_request_free(seed);
    session_report_request_free(r);
    cJSON_Delete(tree);
}

/* Ordinary cJSON numbers in unknown members, kept as cJSON prints them;
 * raw items holding one number keep their digits. */
static void test_unknown_members_with_cjson_numbers(void **state)
{
    (void)state;
    cJSON *tree = tree_of("{\"accountNumber\":\"1\",\"imei\":[],\"n\":1.5,\"i\":42,"
                          "\"a\":[1,{\"x\":-2e3}],\"s\":\"\\u00e9\",\"t\":true,\"z\":null}");
    cJSON_AddItemToObject(tree, "big", cJSON_CreateRaw("12345678901234567890123"));
    cJSON_AddItemToObject(tree, "money", cJSON_CreateRaw("1.50"));
    char *before = snapshot(tree);
    session_report_request *r = from_tree_ok(tree, 0);
    /* the caller's tree is unchanged and still the caller's */
    char *after = snapshot(tree);
    assert_string_equal(before, after);
    assert_true(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(tree, "n")));
    cJSON_Delete(tree);
    assert_int_equal(session_report_request_unknown_count(r), 8);
    static const char *const keys[] = {"n", "i", "a", "s", "t", "z", "big", "money"};
    static const char *const values[] = {"1.5",  "42",   "[1,{\"x\":-2000}]",       "\"\xC3\xA9\"",
                                         "true", "null", "12345678901234567890123", "1.50"};
    for (size_t i = 0; i < 8; i++) {
        assert_string_equal(session_report_request_unknown_key_at(r, i), keys[i]);
        assert_string_equal(session_report_request_unknown_value_at(r, i), values[i]);
    }
    assert_text(r,
                "{\"accountNumber\":\"1\",\"imei\":[],\"n\":1.5,\"i\":42,\"a\":[1,{\"x\":-2000}],"
                "\"s\":\"\xC3\xA9\",\"t\":true,\"z\":null,\"big\":12345678901234567890123,"
                "\"money\":1.50}");
    cJSON_free(before);
    cJSON_free(after);
    session_report_request_free(r);
}

static void test_fields_like_the_text(void **state)
{
    (void)state;
    cJSON *tree = tree_of("{\"accountNumber\":\"1\",\"imei\":[\"a\",\"b\"],\"startDate\":null,"
                          "\"deviceGroup\":null,\"noSessionFlag\":true}");
    session_report_request *r = from_tree_ok(tree, 0);
    assert_null(session_report_request_get_start_date(r));
    assert_true(session_report_request_is_device_group_null(r));
    assert_string_equal(session_report_request_get_no_session_flag(r), "true");
    assert_int_equal(session_report_request_imei_count(r), 2);
    assert_string_equal(session_report_request_imei_at(r, 1), "b");
    session_report_request_free(r);
    /* under SR_PARSE_STRICT the boolean flag is a type error */
    assert_from_tree_fails(tree, SR_PARSE_STRICT, SR_ERR_TYPE, "/noSessionFlag");
    cJSON_Delete(tree);
}

typedef struct bad_tree {
    const char *name;
    const char *json; /* parsed with cJSON, then changed by fix (may be NULL) */
    void (*fix)(cJSON *tree);
    unsigned flags;
    sr_status code;
    const char *path;
} bad_tree;

static void add_duplicate(cJSON *tree)
{
    cJSON_AddItemToObject(tree, "imei", cJSON_CreateArray());
}

static void add_nested_duplicate(cJSON *tree)
{
    cJSON *o = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(tree, "x"), 1);
    cJSON_AddItemToObject(o, "k/", cJSON_CreateNull());
}

static void bad_utf8_value(cJSON *tree)
{
    cJSON_AddItemToObject(tree, "deviceLabel", cJSON_CreateString("a\xC0\xAF"));
}

static void bad_utf8_key(cJSON *tree)
{
    cJSON_AddItemToObject(tree, "k\xFF", cJSON_CreateNull());
}

static void bad_imei_item(cJSON *tree)
{
    cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(tree, "imei"),
                         cJSON_CreateString("\xED\xA0\x80"));
}

static void not_a_number(cJSON *tree)
{
    cJSON *u = cJSON_AddArrayToObject(tree, "u");
    cJSON_AddItemToArray(u, cJSON_CreateNumber(NAN));
}

static void infinity(cJSON *tree)
{
    cJSON_AddItemToObject(tree, "u", cJSON_CreateNumber(INFINITY));
}

static void bad_raw(cJSON *tree)
{
    cJSON_AddItemToObject(tree, "r", cJSON_CreateRaw("[1, 2]"));
}

static void raw_with_space(cJSON *tree)
{
    cJSON_AddItemToObject(tree, "r", cJSON_CreateRaw(" 1"));
}

static void invalid_item(cJSON *tree)
{
    cJSON *item = cJSON_CreateNull();
    item->type = cJSON_Invalid;
    cJSON_AddItemToObject(tree, "q", item);
}

static void member_without_key(cJSON *tree)
{
    cJSON_AddItemToArray(tree, cJSON_CreateNull()); /* linked into the object, no key */
}

static void too_deep(cJSON *tree)
{
    cJSON *level = cJSON_AddArrayToObject(tree, "deep");
    for (int i = 0; i < 600; i++) {
        cJSON *next = cJSON_CreateArray();
        cJSON_AddItemToArray(level, next);
        level = next;
    }
}

static void deep_enough(cJSON *tree)
{
    cJSON *level = cJSON_AddArrayToObject(tree, "deep");
    for (int i = 0; i < 510; i++) { /* the document is level 1: 512 in all */
        cJSON *next = cJSON_CreateArray();
        cJSON_AddItemToArray(level, next);
        level = next;
    }
}

#define MIN "{\"accountNumber\":\"1\",\"imei\":[]"

static void test_error_paths(void **state)
{
    (void)state;
    static const bad_tree cases[] = {
        {"array document", "[]", NULL, 0, SR_ERR_TYPE, ""},
        {"string document", "\"x\"", NULL, 0, SR_ERR_TYPE, ""},
        {"missing accountNumber", "{\"imei\":[]}", NULL, 0, SR_ERR_MISSING, "/accountNumber"},
        {"missing both: accountNumber first", "{}", NULL, 0, SR_ERR_MISSING, "/accountNumber"},
        {"missing imei", "{\"accountNumber\":\"1\"}", NULL, 0, SR_ERR_MISSING, "/imei"},
        {"accountNumber null", "{\"accountNumber\":null,\"imei\":[]}", NULL, 0, SR_ERR_TYPE,
         "/accountNumber"},
        {"imei item number", "{\"accountNumber\":\"1\",\"imei\":[\"a\",\"b\",3]}", NULL, 0,
         SR_ERR_TYPE, "/imei/2"},
        {"imei null", "{\"accountNumber\":\"1\",\"imei\":null}", NULL, 0, SR_ERR_TYPE, "/imei"},
        {"startDate number", MIN ",\"startDate\":1}", NULL, 0, SR_ERR_TYPE, "/startDate"},
        {"unknown under strict", MIN ",\"a/b\":1}", NULL, SR_PARSE_STRICT, SR_ERR_UNKNOWN_FIELD,
         "/a~1b"},
        {"duplicate key", MIN "}", add_duplicate, 0, SR_ERR_DUPLICATE, "/imei"},
        {"nested duplicate key", MIN ",\"x\":[{},{\"k/\":1}]}", add_nested_duplicate, 0,
         SR_ERR_DUPLICATE, "/x/1/k~1"},
        {"invalid UTF-8 value", MIN "}", bad_utf8_value, 0, SR_ERR_ENCODING, "/deviceLabel"},
        {"invalid UTF-8 key", MIN "}", bad_utf8_key, 0, SR_ERR_ENCODING, "/k\xFF"},
        {"surrogate in an IMEI", MIN "}", bad_imei_item, 0, SR_ERR_ENCODING, "/imei/0"},
        {"NaN", MIN "}", not_a_number, 0, SR_ERR_RANGE, "/u/0"},
        {"infinity", MIN "}", infinity, 0, SR_ERR_RANGE, "/u"},
        {"raw item that is not one number", MIN "}", bad_raw, 0, SR_ERR_TYPE, "/r"},
        {"raw item with whitespace", MIN "}", raw_with_space, 0, SR_ERR_TYPE, "/r"},
        {"cJSON_Invalid item", MIN "}", invalid_item, 0, SR_ERR_TYPE, "/q"},
        {"member without a key", MIN "}", member_without_key, 0, SR_ERR_TYPE, "/2"},
        {"nesting beyond SR_MAX_DEPTH", MIN "}", too_deep, 0, SR_ERR_LIMIT,
         "/deep/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/"
         "0/"
         "0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/..."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("case: %s\n", cases[i].name);
        cJSON *tree = tree_of(cases[i].json);
        if (cases[i].fix != NULL)
            cases[i].fix(tree);
        assert_from_tree_fails(tree, cases[i].flags, cases[i].code, cases[i].path);
        cJSON_Delete(tree);
    }
    cJSON *tree = tree_of(MIN "}");
    deep_enough(tree);
    session_report_request *r = from_tree_ok(tree, 0);
    session_report_request_free(r);
    cJSON_Delete(tree);
}

static void test_from_arguments(void **state)
{
    (void)state;
    sr_error err;
    session_report_request *r = session_report_request_new();
    session_report_request *keep = r;
    assert_int_equal(session_report_request_from_cjson(NULL, NULL, &r, &err), SR_ERR_ARG);
    assert_null(r);
    assert_int_equal(err.code, SR_ERR_ARG);
    cJSON *tree = tree_of(MIN "}");
    assert_int_equal(session_report_request_from_cjson(tree, NULL, NULL, NULL), SR_ERR_ARG);
    /* err may be NULL */
    assert_int_equal(session_report_request_from_cjson(tree, NULL, &r, NULL), SR_OK);
    session_report_request_free(r);
    cJSON_Delete(tree);
    session_report_request_free(keep);
}

/* to_cjson: the caller owns a tree that shares nothing with the request. */
static void test_to_cjson_owns_its_tree(void **state)
{
    (void)state;
    session_report_request *r = NULL;
    static const char json[] = "{\"accountNumber\":\"1\",\"imei\":[\"a\"],\"deviceGroup\":null,"
                               "\"n\":12345678901234567890123,\"o\":{\"m\":1.50,\"l\":[]}}";
    assert_int_equal(session_report_request_from_json(json, sizeof json - 1, NULL, &r, NULL),
                     SR_OK);
    cJSON *tree = (cJSON *)&tree;
    assert_int_equal(session_report_request_to_cjson(r, &tree), SR_OK);
    assert_non_null(tree);
    session_report_request *again = from_tree_ok(tree, 0);
    assert_true(session_report_request_equal(r, again));
    session_report_request_free(again);
    session_report_request_free(r); /* the tree outlives the request */
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(tree, "n");
    assert_true(cJSON_IsRaw(n));
    assert_string_equal(n->valuestring, "12345678901234567890123");
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(tree, "deviceGroup")));
    char *printed = snapshot(tree);
    assert_string_equal(printed, json);
    cJSON_free(printed);
    /* the tree is the caller's to change */
    cJSON_ReplaceItemInObject(tree, "accountNumber", cJSON_CreateString("2"));
    cJSON_DeleteItemFromObject(tree, "o");
    printed = snapshot(tree);
    assert_string_equal(printed, "{\"accountNumber\":\"2\",\"imei\":[\"a\"],\"deviceGroup\":null,"
                                 "\"n\":12345678901234567890123}");
    cJSON_free(printed);
    cJSON_Delete(tree);
}

static void test_to_cjson_seed_and_refusals(void **state)
{
    (void)state;
    session_report_request *r = sr_test_seed_request();
    assert_non_null(r);
    cJSON *tree = NULL;
    assert_int_equal(session_report_request_to_cjson(r, &tree), SR_OK);
    char *printed = snapshot(tree);
    assert_string_equal(printed, seed_compact);
    cJSON_free(printed);
    cJSON_Delete(tree);
    assert_int_equal(session_report_request_to_cjson(r, NULL), SR_ERR_ARG);
    tree = (cJSON *)&tree;
    assert_int_equal(session_report_request_to_cjson(NULL, &tree), SR_ERR_ARG);
    assert_null(tree);
    assert_int_equal(session_report_request_set_account_number(r, NULL), SR_OK);
    tree = (cJSON *)&tree;
    assert_int_equal(session_report_request_to_cjson(r, &tree), SR_ERR_MISSING);
    assert_null(tree);
    session_report_request_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_tree),
        cmocka_unit_test(test_unknown_members_with_cjson_numbers),
        cmocka_unit_test(test_fields_like_the_text),
        cmocka_unit_test(test_error_paths),
        cmocka_unit_test(test_from_arguments),
        cmocka_unit_test(test_to_cjson_owns_its_tree),
        cmocka_unit_test(test_to_cjson_seed_and_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
