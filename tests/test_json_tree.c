/* SPDX-License-Identifier: MIT */
/* The shared JSON core (src/json_tree.h): the strict check in front of
 * cJSON's parse, numbers kept as their digits, and printing through cJSON
 * in the compact and the house pretty form with a bounded output size. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json_tree.h"
#include "sessreport.h"
#include "support/amplify.h"

static cJSON *parse_ok(const char *json)
{
    cJSON *tree = NULL;
    sr_error err;
    sr_status st = sr__json_parse(json, strlen(json), NULL, &tree, &err);
    if (st != SR_OK)
        print_message("parse: %s '%s' %s\n", sr_status_name(st), err.path, err.message);
    assert_int_equal(st, SR_OK);
    assert_non_null(tree);
    return tree;
}

static sr_error parse_fails(const char *json, size_t len, const sr_parse_options *opts,
                            sr_status want, const char *want_path)
{
    cJSON *tree = (cJSON *)&tree; /* must be reset to NULL */
    sr_error err;
    memset(&err, 0, sizeof err);
    sr_status st = sr__json_parse(json, len, opts, &tree, &err);
    if (st != want || strcmp(err.path, want_path) != 0)
        print_message("got %s '%s' (%s), want %s '%s'\n", sr_status_name(st), err.path, err.message,
                      sr_status_name(want), want_path);
    assert_int_equal(st, want);
    assert_int_equal(err.code, want);
    assert_string_equal(err.path, want_path);
    assert_null(tree);
    return err;
}

static char *print_ok(const cJSON *tree, unsigned flags)
{
    char *out = NULL;
    size_t len = (size_t)-1;
    assert_int_equal(sr__json_print(tree, flags, &out, &len), SR_OK);
    assert_non_null(out);
    assert_int_equal(len, strlen(out));
    return out;
}

static void assert_prints(const cJSON *tree, unsigned flags, const char *want)
{
    char *out = print_ok(tree, flags);
    if (strcmp(out, want) != 0)
        print_message("got:\n%s\nwant:\n%s\n", out, want);
    assert_string_equal(out, want);
    sr_free(out);
}

static void test_numbers_become_their_digits(void **state)
{
    (void)state;
    static const char json[] = "{\"big\":12345678901234567890123,\"money\":1.50,\"e\":-0.0E+07,"
                               "\"in\":[1,{\"x\":2e-3}],\"s\":\"1.50\"}";
    cJSON *tree = parse_ok(json);
    const cJSON *big = cJSON_GetObjectItemCaseSensitive(tree, "big");
    assert_true(cJSON_IsRaw(big));
    assert_string_equal(big->valuestring, "12345678901234567890123");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(tree, "money")->valuestring, "1.50");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(tree, "e")->valuestring, "-0.0E+07");
    const cJSON *in = cJSON_GetObjectItemCaseSensitive(tree, "in");
    assert_string_equal(in->child->valuestring, "1");
    assert_string_equal(in->child->next->child->valuestring, "2e-3");
    assert_string_equal(in->child->next->child->string, "x");
    assert_true(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(tree, "s")));
    assert_string_equal(sr__json_kind_name(big), "number");
    assert_prints(tree, 0, json);
    cJSON_Delete(tree);
}

/* cJSON 1.7.15 cannot read numbers longer than 63 bytes itself. */
static void test_long_numbers_keep_their_digits(void **state)
{
    (void)state;
    char json[2100];
    char digits[1001];
    memset(digits, '7', 1000);
    digits[1000] = '\0';
    snprintf(json, sizeof json, "[-%s.%se-%s,0]", digits, "25", digits);
    cJSON *tree = parse_ok(json);
    assert_int_equal(cJSON_GetArraySize(tree), 2);
    assert_int_equal(strlen(tree->child->valuestring), 2006);
    assert_prints(tree, 0, json);
    cJSON_Delete(tree);
}

static void test_any_top_level_value(void **state)
{
    (void)state;
    static const char *const values[] = {"null", "true", "false", "\"s\"", "0", "[]", "{}"};
    static const char *const kinds[] = {"null",   "boolean", "boolean", "string",
                                        "number", "array",   "object"};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        cJSON *tree = parse_ok(values[i]);
        assert_string_equal(sr__json_kind_name(tree), kinds[i]);
        assert_prints(tree, 0, values[i]);
        assert_prints(tree, SR_JSON_PRETTY, values[i]);
        cJSON_Delete(tree);
    }
}

static void test_bom_and_whitespace(void **state)
{
    (void)state;
    static const char json[] = "\xEF\xBB\xBF \t\r\n{ \"a\" : [ 1 , \"b\" ] }\n ";
    cJSON *tree = parse_ok(json);
    assert_prints(tree, 0, "{\"a\":[1,\"b\"]}");
    cJSON_Delete(tree);
    /* A BOM is skipped once, at the start only. */
    parse_fails("\xEF\xBB\xBF\xEF\xBB\xBF{}", 8, NULL, SR_ERR_SYNTAX, "");
    parse_fails(" \xEF\xBB\xBF{}", 6, NULL, SR_ERR_SYNTAX, "");
}

static void test_syntax_errors_have_positions(void **state)
{
    (void)state;
    sr_error err = parse_fails("{\"a\":1,\n  \"b\":01}", 17, NULL, SR_ERR_SYNTAX, "");
    assert_int_equal(err.offset, 15);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 8);
    err = parse_fails("[1,2", 4, NULL, SR_ERR_SYNTAX, "");
    assert_int_equal(err.offset, 4);
    assert_int_equal(err.column, 5);
    err = parse_fails("{} x", 4, NULL, SR_ERR_SYNTAX, "");
    assert_int_equal(err.offset, 3);
    parse_fails("", 0, NULL, SR_ERR_SYNTAX, "");
    /* what cJSON alone would accept */
    static const char *const lax[] = {"[01]",          "[2.]",  "[-2.]", "[\"\t\"]",
                                      "[\"\\u00G0\"]", "[1]\f", "[1,]",  "{\"a\":1,}"};
    for (size_t i = 0; i < sizeof lax / sizeof lax[0]; i++)
        parse_fails(lax[i], strlen(lax[i]), NULL, SR_ERR_SYNTAX, "");
    /* the input need not end in NUL: the byte after len is not read */
    char buf[3] = {'[', '1', ']'};
    cJSON *tree = NULL;
    assert_int_equal(sr__json_parse(buf, 2, NULL, &tree, NULL), SR_ERR_SYNTAX);
    assert_int_equal(sr__json_parse(buf, 3, NULL, &tree, NULL), SR_OK);
    cJSON_Delete(tree);
}

/* head, then 600 '[' (past SR_MAX_DEPTH), into deep; returns head's length. */
static size_t open_past_the_bound(char *deep, const char *head)
{
    size_t n = (size_t)sprintf(deep, "%s", head);
    memset(deep + n, '[', 600);
    return n;
}

static void fails(const char *json, sr_status want, const char *want_path)
{
    parse_fails(json, strlen(json), NULL, want, want_path);
}

static void test_encoding_errors_have_paths(void **state)
{
    (void)state;
    parse_fails("{\"a\":[\"ok\",\"\xC0\xAF\"]}", 18, NULL, SR_ERR_ENCODING, "/a/1");
    parse_fails("{\"a\":{\"b\":\"x\\u0000\"}}", 21, NULL, SR_ERR_ENCODING, "/a/b");
    parse_fails("{\"a\":\"\\ud800x\"}", 15, NULL, SR_ERR_ENCODING, "/a");
    /* keys too: the path holds the key as far as it is valid */
    parse_fails("{\"ke\\u0079\\udc00\":1}", 20, NULL, SR_ERR_ENCODING, "/key");
    parse_fails("{\"k\xFF\":1}", 9, NULL, SR_ERR_ENCODING, "/k");
    /* the path comes from the text before the error, closed and parsed by
     * cJSON: indexes, escaped keys, a key in progress that spells an
     * earlier one (not a repeat), a real repeat before it (a repeat) */
    fails("[[1,2],[\"ok\",\"\xFF\"]]", SR_ERR_ENCODING, "/1/1");
    fails("[[\"\xFF\"]]", SR_ERR_ENCODING, "/0/0");
    fails("[\"\\uDADA\"]", SR_ERR_ENCODING, "/0"); /* a high surrogate at the end */
    fails("\"\xFF\"", SR_ERR_ENCODING, "");
    fails("{\"k\\u0041\":[{},{\"\\u00e9\":\"\\udc00\"}]}", SR_ERR_ENCODING, "/kA/1/\xC3\xA9");
    fails("{\"kA\":1,\"k\\u0041\xFF\":1}", SR_ERR_ENCODING, "/kA");
    fails("{\"k\":1,\"k\":2,\"k\xFF\":3}", SR_ERR_DUPLICATE, "/k");
    /* past the nesting bound the bound's path stands */
    char deep[2048];
    size_t n = open_past_the_bound(deep, "{\"k\\u0041\":[1,");
    deep[n + 600] = '"';
    deep[n + 601] = '\xFF';
    sr_error err;
    cJSON *tree = NULL;
    assert_int_equal(sr__json_parse(deep, n + 602, NULL, &tree, &err), SR_ERR_ENCODING);
    assert_int_equal(strncmp(err.path, "/kA/1/0/0", 9), 0);
    deep[n + 601] = '"';
    assert_int_equal(sr__json_parse(deep, n + 602, NULL, &tree, &err), SR_ERR_SYNTAX);
    memset(deep + n + 600, ']', 600);
    assert_int_equal(sr__json_parse(deep, n + 1200, NULL, &tree, &err), SR_ERR_LIMIT);
    assert_int_equal(strncmp(err.path, "/kA/1/0/0", 9), 0);
}

static void test_duplicates_anywhere(void **state)
{
    (void)state;
    parse_fails("{\"a\":1,\"a\":2}", 13, NULL, SR_ERR_DUPLICATE, "/a");
    parse_fails("{\"x\":[{},{\"k~/\":1,\"k\\u007e/\":2}]}", 32, NULL, SR_ERR_DUPLICATE,
                "/x/1/k~0~1");
    /* keys match exactly: case and escapes of other characters differ */
    cJSON *tree = parse_ok("{\"a\":1,\"A\":2,\"b\":{\"a\":3}}");
    cJSON_Delete(tree);
    /* a large object goes through the hash index */
    char json[20000];
    size_t n = 0;
    json[n++] = '{';
    for (int i = 0; i < 1000; i++)
        n += (size_t)sprintf(json + n, "\"k%d\":%d,", i, i);
    n += (size_t)sprintf(json + n, "\"k500\":0}");
    parse_fails(json, n, NULL, SR_ERR_DUPLICATE, "/k500");
}

/* Repeated keys are found on the tree; the first error in document order
 * still wins when the text has an error after the repeat. */
static void test_duplicates_in_document_order(void **state)
{
    (void)state;
    /* an inner repeat before an outer one, and the other way round */
    fails("{\"o\":{\"k\":1,\"k\":2},\"a\":1,\"a\":2}", SR_ERR_DUPLICATE, "/o/k");
    fails("{\"a\":1,\"a\":{\"k\":1,\"k\":2}}", SR_ERR_DUPLICATE, "/a");
    /* a repeat before a syntax, encoding or nesting error in the text */
    fails("{\"a\":1,\"a\":2} x", SR_ERR_DUPLICATE, "/a");
    fails("[{\"a\":1,\"a\":[1,2", SR_ERR_DUPLICATE, "/0/a");
    fails("{\"a\":1,\"a\" 2}", SR_ERR_DUPLICATE, "/a");
    fails("{\"a\":1,\"a\":2 , x}", SR_ERR_DUPLICATE, "/a");
    fails("[[1, 2 ,{\"a\":1,\"a\":{} } , ]", SR_ERR_DUPLICATE, "/0/2/a");
    fails("{\"a\":1,\"a\":\"\xFF\"}", SR_ERR_DUPLICATE, "/a");
    fails("{\"a\":1,\"b\":2,\"a\":[[1e9999999999999999999999999999999999999999999999999999999999"
          "99999999999999999999999,",
          SR_ERR_DUPLICATE, "/a");
    /* a repeat after the error is not reported */
    fails("{\"a\":1,\"b\":\"\xFF\",\"a\":2}", SR_ERR_ENCODING, "/b");
    fails("{\"a\":1,\"b\":tru,\"a\":2}", SR_ERR_SYNTAX, "");
    /* a bad key spelled like an earlier one as far as it is valid */
    fails("{\"ab\":1,\"ab\xFF\":2}", SR_ERR_ENCODING, "/ab");
    /* deep nesting: a repeat before the limit wins, one after it does not */
    char deep[2048];
    size_t n = open_past_the_bound(deep, "{\"a\":1,\"a\":2,\"x\":");
    parse_fails(deep, n + 600, NULL, SR_ERR_DUPLICATE, "/a");
    n = open_past_the_bound(deep, "{\"x\":");
    memset(deep + n + 600, ']', 600);
    n += 1200;
    n += (size_t)sprintf(deep + n, ",\"b\":1,\"b\":2}");
    cJSON *tree = NULL;
    sr_error err;
    assert_int_equal(sr__json_parse(deep, n, NULL, &tree, &err), SR_ERR_LIMIT);
    assert_int_equal(strncmp(err.path, "/x/0/0/0", 8), 0);
    assert_null(tree);
    /* a number too long for cJSON past the limit stays out of the text
     * checked for repeats */
    n = open_past_the_bound(deep, "{\"a\":1,\"b\":2,\"x\":");
    memset(deep + n + 600, '7', 100);
    memset(deep + n + 700, ']', 600);
    n += 1300;
    deep[n++] = '}';
    assert_int_equal(sr__json_parse(deep, n, NULL, &tree, &err), SR_ERR_LIMIT);
    assert_null(tree);
}

static char *nested(size_t depth, size_t *len)
{
    char *s = malloc(2 * depth + 1);
    assert_non_null(s);
    memset(s, '[', depth);
    memset(s + depth, ']', depth);
    s[2 * depth] = '\0';
    *len = 2 * depth;
    return s;
}

static void test_nesting_bound(void **state)
{
    (void)state;
    size_t len;
    char *s = nested(SR_MAX_DEPTH, &len);
    cJSON *tree = parse_ok(s);
    char *out = print_ok(tree, 0);
    assert_string_equal(out, s);
    sr_free(out);
    cJSON_Delete(tree);
    free(s);
    /* the pointer of the array that crossed the bound (cut to fit) */
    s = nested(SR_MAX_DEPTH + 1, &len);
    sr_error err;
    tree = NULL;
    assert_int_equal(sr__json_parse(s, len, NULL, &tree, &err), SR_ERR_LIMIT);
    assert_null(tree);
    assert_int_equal(strncmp(err.path, "/0/0/0/0/", 9), 0);
    assert_non_null(strstr(err.message, "512"));
    free(s);
    s = malloc(SR_MAX_DEPTH * 6 + 8);
    assert_non_null(s);
    len = 0;
    for (int i = 0; i < SR_MAX_DEPTH; i++)
        len += (size_t)sprintf(s + len, "{\"a\":");
    len += (size_t)sprintf(s + len, "[]");
    memset(s + len, '}', SR_MAX_DEPTH);
    len += SR_MAX_DEPTH;
    assert_int_equal(sr__json_parse(s, len, NULL, &tree, &err), SR_ERR_LIMIT);
    assert_int_equal(strncmp(err.path, "/a/a/a/", 7), 0);
    free(s);
    /* too deep and truncated: the syntax error wins */
    s = nested(100000, &len);
    parse_fails(s, len / 2, NULL, SR_ERR_SYNTAX, "");
    free(s);
}

static void test_max_bytes_and_arguments(void **state)
{
    (void)state;
    sr_parse_options opts = {0, 4};
    parse_fails("[1,2]", 5, &opts, SR_ERR_LIMIT, "");
    parse_fails("!!!!!", 5, &opts, SR_ERR_LIMIT, "");
    opts.max_bytes = 5;
    cJSON *tree = NULL;
    assert_int_equal(sr__json_parse("[1,2]", 5, &opts, &tree, NULL), SR_OK);
    cJSON_Delete(tree);
    parse_fails(NULL, 1, NULL, SR_ERR_ARG, "");
    assert_int_equal(sr__json_parse("{}", 2, NULL, NULL, NULL), SR_ERR_ARG);
}

static void test_pretty_house_style(void **state)
{
    (void)state;
    cJSON *tree = parse_ok("{\"a\":\"x\",\"l\":[\"1\",[],{},[[]],{\"k\":null}],\"o\":{\"t\":true,"
                           "\"f\":false}}");
    assert_prints(tree, SR_JSON_PRETTY,
                  "{\n"
                  "  \"a\": \"x\",\n"
                  "  \"l\": [\n"
                  "    \"1\",\n"
                  "    [],\n"
                  "    {},\n"
                  "    [\n"
                  "      []\n"
                  "    ],\n"
                  "    {\n"
                  "      \"k\": null\n"
                  "    }\n"
                  "  ],\n"
                  "  \"o\": {\n"
                  "    \"t\": true,\n"
                  "    \"f\": false\n"
                  "  }\n"
                  "}");
    cJSON_Delete(tree);
}

/* Brackets, commas and colons inside strings are text, not layout. */
static void test_escaping_is_cjsons(void **state)
{
    (void)state;
    cJSON *tree = cJSON_CreateObject();
    assert_non_null(tree);
    assert_non_null(cJSON_AddStringToObject(tree, "k\"{[,:", "a\\\"b\n\t\x01\x1f/\xC3\xA9]}"));
    assert_non_null(cJSON_AddStringToObject(tree, "", ""));
    assert_prints(tree, 0,
                  "{\"k\\\"{[,:\":\"a\\\\\\\"b\\n\\t\\u0001\\u001f/\xC3\xA9]}\",\"\":\"\"}");
    assert_prints(tree, SR_JSON_PRETTY,
                  "{\n  \"k\\\"{[,:\": \"a\\\\\\\"b\\n\\t\\u0001\\u001f/\xC3\xA9]}\",\n"
                  "  \"\": \"\"\n}");
    cJSON_Delete(tree);
}

/* Trees built by applications may hold cJSON's own numbers (doubles). */
static void test_prints_cjson_numbers(void **state)
{
    (void)state;
    cJSON *tree = cJSON_CreateArray();
    assert_non_null(tree);
    cJSON_AddItemToArray(tree, cJSON_CreateNumber(1.5));
    cJSON_AddItemToArray(tree, cJSON_CreateNumber(-1e300));
    cJSON_AddItemToArray(tree, cJSON_CreateNumber(42));
    assert_prints(tree, 0, "[1.5,-1e+300,42]");
    assert_prints(tree, SR_JSON_PRETTY, "[\n  1.5,\n  -1e+300,\n  42\n]");
    cJSON_Delete(tree);
}

/* Issue 15 item 4: 1000 arrays nested 510 deep would print 524 MB pretty. */
static void test_pretty_amplification_is_refused(void **state)
{
    (void)state;
    size_t len = 0;
    char *json = sr_test_amplifying_document(&len);
    assert_non_null(json);
    sr_parse_options opts = {0, 0};
    cJSON *tree = NULL;
    assert_int_equal(sr__json_parse(json, len, &opts, &tree, NULL), SR_OK);
    char *out = (char *)&out;
    size_t out_len = 1;
    assert_int_equal(sr__json_print(tree, SR_JSON_PRETTY, &out, &out_len), SR_ERR_LIMIT);
    assert_null(out);
    assert_int_equal(out_len, 0);
    /* the compact form is the input's size and prints */
    out = print_ok(tree, 0);
    assert_int_equal(strlen(out), len);
    assert_memory_equal(out, json, len);
    sr_free(out);
    cJSON_Delete(tree);
    free(json);
}

/* A compact text beyond SR_JSON_MAX_OUTPUT is refused too: a number of
 * that many digits, held by reference (a copy would double the memory). */
static void test_compact_beyond_the_limit_is_refused(void **state)
{
    (void)state;
    size_t n = SR_JSON_MAX_OUTPUT + 1;
    char *s = malloc(n + 1);
    assert_non_null(s);
    memset(s, '1', n);
    s[n] = '\0';
    cJSON *tree = cJSON_CreateRaw("1");
    assert_non_null(tree);
    cJSON_free(tree->valuestring);
    tree->valuestring = s;
    tree->type |= cJSON_IsReference;
    for (unsigned flags = 0; flags <= SR_JSON_PRETTY; flags++) {
        char *out = (char *)&out;
        size_t out_len = 1;
        assert_int_equal(sr__json_print(tree, flags, &out, &out_len), SR_ERR_LIMIT);
        assert_null(out);
        assert_int_equal(out_len, 0);
    }
    cJSON_Delete(tree);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_become_their_digits),
        cmocka_unit_test(test_long_numbers_keep_their_digits),
        cmocka_unit_test(test_any_top_level_value),
        cmocka_unit_test(test_bom_and_whitespace),
        cmocka_unit_test(test_syntax_errors_have_positions),
        cmocka_unit_test(test_encoding_errors_have_paths),
        cmocka_unit_test(test_duplicates_anywhere),
        cmocka_unit_test(test_duplicates_in_document_order),
        cmocka_unit_test(test_nesting_bound),
        cmocka_unit_test(test_max_bytes_and_arguments),
        cmocka_unit_test(test_pretty_house_style),
        cmocka_unit_test(test_escaping_is_cjsons),
        cmocka_unit_test(test_prints_cjson_numbers),
        cmocka_unit_test(test_pretty_amplification_is_refused),
        cmocka_unit_test(test_compact_beyond_the_limit_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
