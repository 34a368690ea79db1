/* SPDX-License-Identifier: MIT */
/* Decoding rules of session_report_request_from_json (DESIGN section 4),
 * through the public API: exact status, JSON pointer and, for syntax
 * errors, position. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sessreport.h"

#define ACC  "\"accountNumber\":\"0844021539-00001\""
#define BASE "{" ACC ",\"imei\":[]"
/* Byte offset of the end of a string literal prefix. */
#define OFF(prefix) (sizeof(prefix) - 1)

typedef struct decode_case {
    const char *name;
    const char *json;
    size_t len; /* 0: strlen(json) */
    unsigned flags;
    sr_status code;
    const char *path;
    size_t offset; /* checked for SR_ERR_SYNTAX */
    unsigned line, column;
} decode_case;

/* A valid-looking sentinel: from_json must overwrite it with NULL. */
static session_report_request *sentinel(void)
{
    static char byte;
    return (session_report_request *)(void *)&byte;
}

/* Runs every case, reports each mismatch, then fails once if any. */
static void run_cases(const decode_case *cases, size_t n)
{
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        const decode_case *c = &cases[i];
        sr_parse_options opts = {c->flags, 0};
        sr_error err;
        session_report_request *r = sentinel();
        size_t len = c->len != 0 ? c->len : strlen(c->json);

        memset(&err, 0x5A, sizeof err);
        sr_status st = session_report_request_from_json(c->json, len, &opts, &r, &err);
        int ok = st == c->code;
        if (st != SR_OK) {
            ok = ok && r == NULL && strcmp(err.path, c->path) == 0 && err.code == st;
            if (c->code == SR_ERR_SYNTAX)
                ok =
                    ok && err.offset == c->offset && err.line == c->line && err.column == c->column;
        }
        if (!ok) {
            failures++;
            print_message("FAIL %s: got %s path '%s' offset %zu %u:%u (%s); want %s '%s' %zu "
                          "%u:%u\n",
                          c->name, sr_status_name(st), st != SR_OK ? err.path : "",
                          st != SR_OK ? err.offset : 0, st != SR_OK ? err.line : 0,
                          st != SR_OK ? err.column : 0, st != SR_OK ? err.message : "",
                          sr_status_name(c->code), c->path, c->offset, c->line, c->column);
        }
        if (st == SR_OK && r != sentinel())
            session_report_request_free(r);
    }
    assert_int_equal(failures, 0);
}

#define RUN(cases) run_cases(cases, sizeof cases / sizeof cases[0])

static session_report_request *decode_ok(const char *json, unsigned flags)
{
    sr_parse_options opts = {flags, 0};
    sr_error err;
    session_report_request *r = NULL;
    sr_status st = session_report_request_from_json(json, strlen(json), &opts, &r, &err);
    if (st != SR_OK)
        print_message("unexpected %s at '%s': %s\n", sr_status_name(st), err.path, err.message);
    assert_int_equal(st, SR_OK);
    assert_non_null(r);
    return r;
}

static void test_syntax_errors(void **state)
{
    static const decode_case cases[] = {
        {"empty input", "", 0, 0, SR_ERR_SYNTAX, "", 0, 1, 1},
        {"only whitespace", " \n\t", 0, 0, SR_ERR_SYNTAX, "", 3, 2, 2},
        {"unclosed object", "{", 0, 0, SR_ERR_SYNTAX, "", 1, 1, 2},
        {"unclosed after member", BASE, 0, 0, SR_ERR_SYNTAX, "", OFF(BASE), 1, OFF(BASE) + 1},
        {"trailing comma", BASE ",}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ","), 1, OFF(BASE ",") + 1},
        {"trailing garbage", BASE "} x", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE "} "), 1,
         OFF(BASE "} ") + 1},
        {"second document", BASE "}{}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE "}"), 1,
         OFF(BASE "}") + 1},
        {"missing colon", "{\"a\" 1}", 0, 0, SR_ERR_SYNTAX, "", 5, 1, 6},
        {"missing comma", "{\"a\":1 \"b\":2}", 0, 0, SR_ERR_SYNTAX, "", 7, 1, 8},
        {"unquoted key", "{a:1}", 0, 0, SR_ERR_SYNTAX, "", 1, 1, 2},
        {"single quotes", "{'a':1}", 0, 0, SR_ERR_SYNTAX, "", 1, 1, 2},
        {"leading zero", BASE ",\"x\":-01}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":-0"), 1,
         OFF(BASE ",\"x\":-0") + 1},
        {"leading zero positive", BASE ",\"x\":012}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":0"),
         1, OFF(BASE ",\"x\":0") + 1},
        {"2.", BASE ",\"x\":2.}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":2."), 1,
         OFF(BASE ",\"x\":2.") + 1},
        {"-2.", BASE ",\"x\":-2.}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":-2."), 1,
         OFF(BASE ",\"x\":-2.") + 1},
        {"0.e1", BASE ",\"x\":0.e1}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":0."), 1,
         OFF(BASE ",\"x\":0.") + 1},
        {".5", BASE ",\"x\":.5}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":"), 1,
         OFF(BASE ",\"x\":") + 1},
        {"plus sign", BASE ",\"x\":+1}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":"), 1,
         OFF(BASE ",\"x\":") + 1},
        {"lone minus", BASE ",\"x\":-}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":-"), 1,
         OFF(BASE ",\"x\":-") + 1},
        {"empty exponent", BASE ",\"x\":1e}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":1e"), 1,
         OFF(BASE ",\"x\":1e") + 1},
        {"hex number", BASE ",\"x\":0x1}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":0"), 1,
         OFF(BASE ",\"x\":0") + 1},
        {"NaN", BASE ",\"x\":NaN}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":"), 1,
         OFF(BASE ",\"x\":") + 1},
        {"truncated literal", BASE ",\"x\":tru}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":"), 1,
         OFF(BASE ",\"x\":") + 1},
        {"capital literal", BASE ",\"x\":True}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":"), 1,
         OFF(BASE ",\"x\":") + 1},
        {"raw tab in string", BASE ",\"x\":\"a\tb\"}", 0, 0, SR_ERR_SYNTAX, "",
         OFF(BASE ",\"x\":\"a"), 1, OFF(BASE ",\"x\":\"a") + 1},
        {"raw newline in string", "{\"x\":\"a\nb\"}", 0, 0, SR_ERR_SYNTAX, "", 7, 1, 8},
        {"raw NUL in string", "{\"x\":\"a\0b\"}", 11, 0, SR_ERR_SYNTAX, "", 7, 1, 8},
        {"NUL byte as whitespace", "{\0}", 3, 0, SR_ERR_SYNTAX, "", 1, 1, 2},
        {"form feed as whitespace", "{\f}", 0, 0, SR_ERR_SYNTAX, "", 1, 1, 2},
        {"vertical tab as whitespace", "\v{}", 0, 0, SR_ERR_SYNTAX, "", 0, 1, 1},
        {"bad escape", BASE ",\"x\":\"\\x\"}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":\"\\"), 1,
         OFF(BASE ",\"x\":\"\\") + 1},
        {"bad unicode hex", BASE ",\"x\":\"\\u12G4\"}", 0, 0, SR_ERR_SYNTAX, "",
         OFF(BASE ",\"x\":\"\\u"), 1, OFF(BASE ",\"x\":\"\\u") + 1},
        {"short unicode escape", BASE ",\"x\":\"\\u12\"}", 0, 0, SR_ERR_SYNTAX, "",
         OFF(BASE ",\"x\":\"\\u"), 1, OFF(BASE ",\"x\":\"\\u") + 1},
        {"bad hex after high surrogate", BASE ",\"x\":\"\\ud800\\uZZZZ\"}", 0, 0, SR_ERR_SYNTAX, "",
         OFF(BASE ",\"x\":\"\\ud800\\u"), 1, OFF(BASE ",\"x\":\"\\ud800\\u") + 1},
        {"unterminated string", "{\"x\":\"abc", 0, 0, SR_ERR_SYNTAX, "", 9, 1, 10},
        {"unterminated key", "{\"ab", 0, 0, SR_ERR_SYNTAX, "", 4, 1, 5},
        {"array without comma", BASE ",\"x\":[1 2]}", 0, 0, SR_ERR_SYNTAX, "",
         OFF(BASE ",\"x\":[1 "), 1, OFF(BASE ",\"x\":[1 ") + 1},
        {"array trailing comma", BASE ",\"x\":[1,]}", 0, 0, SR_ERR_SYNTAX, "",
         OFF(BASE ",\"x\":[1,"), 1, OFF(BASE ",\"x\":[1,") + 1},
        {"unclosed array", BASE ",\"x\":[1,2", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":[1,2"), 1,
         OFF(BASE ",\"x\":[1,2") + 1},
        {"mismatched bracket", BASE ",\"x\":[1}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE ",\"x\":[1"), 1,
         OFF(BASE ",\"x\":[1") + 1},
        {"comment", BASE "/* c */}", 0, 0, SR_ERR_SYNTAX, "", OFF(BASE), 1, OFF(BASE) + 1},
        {"line and column", "{\n  \"accountNumber\": \"a\",\n  \"imei\": tru\n}", 0, 0,
         SR_ERR_SYNTAX, "", 36, 3, 11},
        {"CRLF lines", "{\r\n\"x\":\r\n@}", 0, 0, SR_ERR_SYNTAX, "", 9, 3, 1},
        {"BOM twice", "\xEF\xBB\xBF\xEF\xBB\xBF{}", 0, 0, SR_ERR_SYNTAX, "", 3, 1, 4},
        {"syntax error beats a later type error", "{\"x\":01,\"accountNumber\":5}", 0, 0,
         SR_ERR_SYNTAX, "", 6, 1, 7},
    };
    (void)state;
    RUN(cases);
}

static void test_syntax_messages(void **state)
{
    static const struct {
        const char *json, *message;
    } cases[] = {
        {"{\"a\":1 x", "expected ',' or '}' after object member, found 'x'"},
        {"{\"a\":[1 x", "expected ',' or ']' after array item, found 'x'"},
        {"{\"a\":\"abc", "unexpected end of input inside string"},
        {"{\"a\" 1}", "expected ':' after object key, found '1'"},
        {"{", "unexpected end of input: expected '\"' to start an object key, or '}'"},
        {"{\"a\":1,}", "expected '\"' to start an object key after ',', found '}'"},
        {"{\"a\":-01}", "leading zeros are not allowed in numbers"},
        {"{} x", "expected end of input after the JSON value, found 'x'"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sr_error err;
        session_report_request *r = NULL;
        assert_int_equal(
            session_report_request_from_json(cases[i].json, strlen(cases[i].json), NULL, &r, &err),
            SR_ERR_SYNTAX);
        assert_string_equal(err.message, cases[i].message);
        assert_null(r);
    }
}

static void test_encoding_errors(void **state)
{
    static const decode_case cases[] = {
        {"invalid byte", "{\"accountNumber\":\"08\xFF\",\"imei\":[]}", 0, 0, SR_ERR_ENCODING,
         "/accountNumber", 0, 0, 0},
        {"stray continuation", BASE ",\"deviceGroup\":\"\x80\"}", 0, 0, SR_ERR_ENCODING,
         "/deviceGroup", 0, 0, 0},
        {"overlong slash", BASE ",\"deviceGroup\":\"\xC0\xAF\"}", 0, 0, SR_ERR_ENCODING,
         "/deviceGroup", 0, 0, 0},
        {"overlong 3 bytes", BASE ",\"dataPlan\":\"\xE0\x80\xAF\"}", 0, 0, SR_ERR_ENCODING,
         "/dataPlan", 0, 0, 0},
        {"UTF-8 encoded surrogate", BASE ",\"dataPlan\":\"\xED\xA0\x80\"}", 0, 0, SR_ERR_ENCODING,
         "/dataPlan", 0, 0, 0},
        {"above U+10FFFF", BASE ",\"startDate\":\"\xF4\x90\x80\x80\"}", 0, 0, SR_ERR_ENCODING,
         "/startDate", 0, 0, 0},
        {"F5 lead", BASE ",\"startDate\":\"\xF5\x80\x80\x80\"}", 0, 0, SR_ERR_ENCODING,
         "/startDate", 0, 0, 0},
        {"truncated sequence", BASE ",\"endDate\":\"\xE2\x82\"}", 0, 0, SR_ERR_ENCODING, "/endDate",
         0, 0, 0},
        {"NUL escape", BASE ",\"deviceLabel\":\"a\\u0000b\"}", 0, 0, SR_ERR_ENCODING,
         "/deviceLabel", 0, 0, 0},
        {"lone high surrogate", BASE ",\"deviceGroup\":\"\\ud800\"}", 0, 0, SR_ERR_ENCODING,
         "/deviceGroup", 0, 0, 0},
        {"high surrogate then text", BASE ",\"deviceGroup\":\"\\uD800abc\"}", 0, 0, SR_ERR_ENCODING,
         "/deviceGroup", 0, 0, 0},
        {"two high surrogates", BASE ",\"deviceGroup\":\"\\ud800\\ud800\"}", 0, 0, SR_ERR_ENCODING,
         "/deviceGroup", 0, 0, 0},
        {"lone low surrogate", BASE ",\"deviceGroup\":\"\\udc00\"}", 0, 0, SR_ERR_ENCODING,
         "/deviceGroup", 0, 0, 0},
        {"reversed surrogates", BASE ",\"deviceGroup\":\"\\udc00\\ud800\"}", 0, 0, SR_ERR_ENCODING,
         "/deviceGroup", 0, 0, 0},
        {"in an IMEI", "{" ACC ",\"imei\":[\"1\",\"\\u0000\"]}", 0, 0, SR_ERR_ENCODING, "/imei/1",
         0, 0, 0},
        {"nested in unknown value", BASE ",\"x\":[1,{\"q\":\"\\ud800\"}]}", 0, 0, SR_ERR_ENCODING,
         "/x/1/q", 0, 0, 0},
        {"bad key: path as far as known", BASE ",\"x\":{\"ab\xFF\":1}}", 0, 0, SR_ERR_ENCODING,
         "/x/ab", 0, 0, 0},
        {"NUL escape in key", BASE ",\"x\":{\"k\\u0000\":1}}", 0, 0, SR_ERR_ENCODING, "/x/k", 0, 0,
         0},
        {"bad first top-level key", "{\"\xFF\":1}", 0, 0, SR_ERR_ENCODING, "/", 0, 0, 0},
        {"top-level string", "\"\xFF\"", 0, 0, SR_ERR_ENCODING, "", 0, 0, 0},
        {"encoding error before later syntax error", BASE ",\"x\":\"\xFF\" garbage", 0, 0,
         SR_ERR_ENCODING, "/x", 0, 0, 0},
    };
    (void)state;
    RUN(cases);
}

static void test_valid_unicode(void **state)
{
    session_report_request *r = decode_ok(
        BASE ",\"deviceGroup\":\"\\ud83d\\ude00 \xF0\x9F\x98\x80\",\"deviceLabel\":"
             "\"\\u00e9\\u20AC\\/\\\"\\\\\\b\\f\\n\\r\\t\",\"dataPlan\":\"\xF4\x8F\xBF\xBF\"}",
        0);
    (void)state;
    assert_string_equal(session_report_request_get_device_group(r),
                        "\xF0\x9F\x98\x80 \xF0\x9F\x98\x80");
    assert_string_equal(session_report_request_get_device_label(r),
                        "\xC3\xA9\xE2\x82\xAC/\"\\\b\f\n\r\t");
    assert_string_equal(session_report_request_get_data_plan(r), "\xF4\x8F\xBF\xBF");
    session_report_request_free(r);
}

static void test_duplicate_keys(void **state)
{
    static const decode_case cases[] = {
        {"accountNumber twice", "{" ACC "," ACC ",\"imei\":[]}", 0, 0, SR_ERR_DUPLICATE,
         "/accountNumber", 0, 0, 0},
        {"accountNumber twice, strict", "{" ACC "," ACC ",\"imei\":[]}", 0, SR_PARSE_STRICT,
         SR_ERR_DUPLICATE, "/accountNumber", 0, 0, 0},
        {"imei twice, second value wrong", BASE ",\"imei\":5}", 0, 0, SR_ERR_DUPLICATE, "/imei", 0,
         0, 0},
        {"unknown key twice", BASE ",\"note\":1,\"note\":1}", 0, 0, SR_ERR_DUPLICATE, "/note", 0, 0,
         0},
        {"escaped spelling clashes", BASE ",\"a\":1,\"\\u0061\":2}", 0, 0, SR_ERR_DUPLICATE, "/a",
         0, 0, 0},
        {"escaped known key clashes", "{" ACC ",\"\\u0061ccountNumber\":\"x\",\"imei\":[]}", 0, 0,
         SR_ERR_DUPLICATE, "/accountNumber", 0, 0, 0},
        {"nested object", BASE ",\"x\":{\"y\":{\"k\":1,\"k\":2}}}", 0, 0, SR_ERR_DUPLICATE,
         "/x/y/k", 0, 0, 0},
        {"object in array", BASE ",\"x\":[0,{\"k\":1,\"k\":2}]}", 0, 0, SR_ERR_DUPLICATE, "/x/1/k",
         0, 0, 0},
        {"pointer escaping", BASE ",\"a/b~c\":1,\"a/b~c\":2}", 0, 0, SR_ERR_DUPLICATE, "/a~1b~0c",
         0, 0, 0},
        {"empty key", BASE ",\"\":1,\"\":2}", 0, 0, SR_ERR_DUPLICATE, "/", 0, 0, 0},
        {"dup before syntax error", BASE ",\"x\":1,\"x\":tru}", 0, 0, SR_ERR_DUPLICATE, "/x", 0, 0,
         0},
        {"same key in sibling objects", BASE ",\"x\":[{\"k\":1},{\"k\":1}],\"y\":{\"k\":1}}", 0, 0,
         SR_OK, "", 0, 0, 0},
        {"case differs", BASE ",\"Note\":1,\"note\":1,\"NOTE\":1}", 0, 0, SR_OK, "", 0, 0, 0},
        {"prefix keys", BASE ",\"ab\":1,\"a\":1,\"abc\":1}", 0, 0, SR_OK, "", 0, 0, 0},
        {"key equal to parent key", BASE ",\"x\":{\"x\":{\"x\":1}}}", 0, 0, SR_OK, "", 0, 0, 0},
    };
    (void)state;
    RUN(cases);
}

/* A large object goes through the hash index: every clash is still found. */
static void test_duplicate_in_large_object(void **state)
{
    size_t keys = 5000;
    size_t cap = keys * 16 + 128;
    char *json = malloc(cap);
    size_t body, n;
    sr_error err;
    session_report_request *r = NULL;
    (void)state;
    assert_non_null(json);
    body = (size_t)snprintf(json, cap, "%s,\"x\":{", BASE);
    for (size_t i = 0; i < keys; i++)
        body += (size_t)snprintf(json + body, cap - body, "%s\"k%zu\":%zu", i ? "," : "", i, i);

    for (size_t dup = 0; dup < keys; dup += 997) {
        char want[64];
        n = body + (size_t)snprintf(json + body, cap - body, ",\"k%zu\":0}}", dup);
        assert_int_equal(session_report_request_from_json(json, n, NULL, &r, &err),
                         SR_ERR_DUPLICATE);
        snprintf(want, sizeof want, "/x/k%zu", dup);
        assert_string_equal(err.path, want);
        assert_null(r);
    }
    /* Without a repeat the same object is accepted. */
    n = body + (size_t)snprintf(json + body, cap - body, "}}");
    assert_int_equal(session_report_request_from_json(json, n, NULL, &r, &err), SR_OK);
    session_report_request_free(r);
    free(json);
}

static void test_type_errors(void **state)
{
    static const decode_case cases[] = {
        {"array document", "[]", 0, 0, SR_ERR_TYPE, "", 0, 0, 0},
        {"string document", "\"x\"", 0, 0, SR_ERR_TYPE, "", 0, 0, 0},
        {"null document", " null ", 0, 0, SR_ERR_TYPE, "", 0, 0, 0},
        {"number document", "12", 0, 0, SR_ERR_TYPE, "", 0, 0, 0},
        {"array document with syntax error", "[1,]", 0, 0, SR_ERR_SYNTAX, "", 3, 1, 4},
        {"accountNumber number", "{\"accountNumber\":844021539,\"imei\":[]}", 0, 0, SR_ERR_TYPE,
         "/accountNumber", 0, 0, 0},
        {"accountNumber null", "{\"accountNumber\":null,\"imei\":[]}", 0, 0, SR_ERR_TYPE,
         "/accountNumber", 0, 0, 0},
        {"accountNumber object", "{\"accountNumber\":{},\"imei\":[]}", 0, 0, SR_ERR_TYPE,
         "/accountNumber", 0, 0, 0},
        {"startDate number", BASE ",\"startDate\":20221209}", 0, 0, SR_ERR_TYPE, "/startDate", 0, 0,
         0},
        {"endDate boolean", BASE ",\"endDate\":false}", 0, 0, SR_ERR_TYPE, "/endDate", 0, 0, 0},
        {"imei string", "{" ACC ",\"imei\":\"709312034493372\"}", 0, 0, SR_ERR_TYPE, "/imei", 0, 0,
         0},
        {"imei null", "{" ACC ",\"imei\":null}", 0, 0, SR_ERR_TYPE, "/imei", 0, 0, 0},
        {"imei object", "{" ACC ",\"imei\":{}}", 0, 0, SR_ERR_TYPE, "/imei", 0, 0, 0},
        {"imei item number", "{" ACC ",\"imei\":[\"a\",\"b\",\"c\",709312034493372]}", 0, 0,
         SR_ERR_TYPE, "/imei/3", 0, 0, 0},
        {"imei item null", "{" ACC ",\"imei\":[\"a\",null]}", 0, 0, SR_ERR_TYPE, "/imei/1", 0, 0,
         0},
        {"imei item array", "{" ACC ",\"imei\":[[\"a\"]]}", 0, 0, SR_ERR_TYPE, "/imei/0", 0, 0, 0},
        {"imei item after tricky strings",
         "{" ACC ",\"imei\":[\"a]\", \"b\\\"],\" ,\n{\"c\":\"]\"}]}", 0, 0, SR_ERR_TYPE, "/imei/2",
         0, 0, 0},
        {"imei item after nested array", "{" ACC ",\"imei\":[\"a\",[\"b\",[]],false]}", 0, 0,
         SR_ERR_TYPE, "/imei/1", 0, 0, 0},
        {"imei item true", "{" ACC ",\"imei\":[\"a\",\"b\",true]}", 0, 0, SR_ERR_TYPE, "/imei/2", 0,
         0, 0},
        {"deviceGroup number", BASE ",\"deviceGroup\":4}", 0, 0, SR_ERR_TYPE, "/deviceGroup", 0, 0,
         0},
        {"dataPlan boolean", BASE ",\"dataPlan\":true}", 0, 0, SR_ERR_TYPE, "/dataPlan", 0, 0, 0},
        {"deviceLabel array", BASE ",\"deviceLabel\":[\"a\"]}", 0, 0, SR_ERR_TYPE, "/deviceLabel",
         0, 0, 0},
        {"noSessionFlag number", BASE ",\"noSessionFlag\":0}", 0, 0, SR_ERR_TYPE, "/noSessionFlag",
         0, 0, 0},
        {"noSessionFlag boolean, strict", BASE ",\"noSessionFlag\":true}", 0, SR_PARSE_STRICT,
         SR_ERR_TYPE, "/noSessionFlag", 0, 0, 0},
        {"noSessionFlag false, strict", BASE ",\"noSessionFlag\":false}", 0, SR_PARSE_STRICT,
         SR_ERR_TYPE, "/noSessionFlag", 0, 0, 0},
        /* the whole text is checked before any field is read */
        {"syntax error comes before an earlier type error", "{\"accountNumber\":5,\"imei\":[] x", 0,
         0, SR_ERR_SYNTAX, "", 29, 1, 30},
        {"encoding error comes before an earlier type error",
         "{\"accountNumber\":5,\"imei\":[],\"x\":\"\xff\"}", 0, 0, SR_ERR_ENCODING, "/x", 0, 0, 0},
        {"first error in document order", "{\"imei\":[1],\"accountNumber\":5}", 0, 0, SR_ERR_TYPE,
         "/imei/0", 0, 0, 0},
    };
    (void)state;
    RUN(cases);
}

static void test_type_messages(void **state)
{
    sr_error err;
    session_report_request *r = NULL;
    sr_parse_options strict = {SR_PARSE_STRICT, 0};
    const char *j1 = BASE ",\"deviceGroup\":4}";
    const char *j2 = "{" ACC ",\"imei\":[\"a\",null]}";
    const char *j3 = BASE ",\"noSessionFlag\":true}";
    const char *j4 = "[1]";
    (void)state;
    assert_int_equal(session_report_request_from_json(j1, strlen(j1), NULL, &r, &err), SR_ERR_TYPE);
    assert_string_equal(err.message, "expected string or null, found number");
    assert_int_equal(session_report_request_from_json(j2, strlen(j2), NULL, &r, &err), SR_ERR_TYPE);
    assert_string_equal(err.message, "expected string, found null");
    assert_int_equal(session_report_request_from_json(j3, strlen(j3), &strict, &r, &err),
                     SR_ERR_TYPE);
    assert_non_null(strstr(err.message, "found boolean"));
    assert_non_null(strstr(err.message, "SR_PARSE_STRICT"));
    assert_int_equal(session_report_request_from_json(j4, strlen(j4), NULL, &r, &err), SR_ERR_TYPE);
    assert_string_equal(err.message, "expected object, found array");
    assert_int_equal(err.offset, 0);
    assert_int_equal(err.line, 0);
    assert_null(r);
}

static void test_missing_fields(void **state)
{
    static const decode_case cases[] = {
        {"empty object", "{}", 0, 0, SR_ERR_MISSING, "/accountNumber", 0, 0, 0},
        {"no accountNumber", "{\"imei\":[]}", 0, 0, SR_ERR_MISSING, "/accountNumber", 0, 0, 0},
        {"no imei", "{" ACC "}", 0, 0, SR_ERR_MISSING, "/imei", 0, 0, 0},
        {"case variant is not the field", "{\"AccountNumber\":\"x\",\"imei\":[]}", 0, 0,
         SR_ERR_MISSING, "/accountNumber", 0, 0, 0},
        {"case variant, strict", "{\"AccountNumber\":\"x\",\"imei\":[]}", 0, SR_PARSE_STRICT,
         SR_ERR_UNKNOWN_FIELD, "/AccountNumber", 0, 0, 0},
        {"Imei is not imei", "{" ACC ",\"IMEI\":[]}", 0, 0, SR_ERR_MISSING, "/imei", 0, 0, 0},
        {"empty imei list is present", BASE "}", 0, 0, SR_OK, "", 0, 0, 0},
    };
    (void)state;
    RUN(cases);
}

static void test_nulls_and_booleans(void **state)
{
    session_report_request *r =
        decode_ok(BASE ",\"startDate\":null,\"endDate\":null,\"noSessionFlag\":null,"
                       "\"deviceGroup\":null,\"dataPlan\":null,\"deviceLabel\":null}",
                  SR_PARSE_STRICT);
    (void)state;
    assert_null(session_report_request_get_start_date(r));
    assert_null(session_report_request_get_end_date(r));
    assert_null(session_report_request_get_no_session_flag(r));
    assert_int_equal(session_report_request_is_device_group_null(r), 1);
    assert_int_equal(session_report_request_has_device_group(r), 1);
    assert_null(session_report_request_get_device_group(r));
    assert_int_equal(session_report_request_is_data_plan_null(r), 1);
    assert_int_equal(session_report_request_is_device_label_null(r), 1);
    assert_int_equal(session_report_request_imei_count(r), 0);
    session_report_request_free(r);

    r = decode_ok(BASE ",\"noSessionFlag\":true}", 0);
    assert_string_equal(session_report_request_get_no_session_flag(r), "true");
    assert_int_equal(session_report_request_has_device_group(r), 0);
    session_report_request_free(r);
    r = decode_ok(BASE ",\"noSessionFlag\":false}", 0);
    assert_string_equal(session_report_request_get_no_session_flag(r), "false");
    session_report_request_free(r);
    r = decode_ok(BASE ",\"noSessionFlag\":\"false\"}", SR_PARSE_STRICT);
    assert_string_equal(session_report_request_get_no_session_flag(r), "false");
    session_report_request_free(r);
}

static void test_known_fields_in_any_order(void **state)
{
    session_report_request *r = decode_ok(
        "{\"deviceLabel\":\"L\",\"noSessionFlag\":\"true\",\"dataPlan\":\"P\",\"deviceGroup\":"
        "\"G\","
        "\"imei\":[\"709312034493372\",\"35\\u0030\"],\"endDate\":\"E\",\"startDate\":\"S\","
        "\"accountNumber\":\"A\"}",
        SR_PARSE_STRICT);
    (void)state;
    assert_string_equal(session_report_request_get_account_number(r), "A");
    assert_string_equal(session_report_request_get_start_date(r), "S");
    assert_string_equal(session_report_request_get_end_date(r), "E");
    assert_string_equal(session_report_request_get_device_group(r), "G");
    assert_string_equal(session_report_request_get_data_plan(r), "P");
    assert_string_equal(session_report_request_get_no_session_flag(r), "true");
    assert_string_equal(session_report_request_get_device_label(r), "L");
    assert_int_equal(session_report_request_imei_count(r), 2);
    assert_string_equal(session_report_request_imei_at(r, 0), "709312034493372");
    assert_string_equal(session_report_request_imei_at(r, 1), "350");
    session_report_request_free(r);

    /* IMEIs with escapes, UTF-8 and odd spacing decode to their values. */
    r = decode_ok("{" ACC ",\"imei\":[ \"\\u0037\\u00309\" ,\"a]\\\"\\\\\",\"\xC3\xA9\",\"\",\n"
                  "\"\\ud83d\\ude00\"\t]}",
                  0);
    assert_int_equal(session_report_request_imei_count(r), 5);
    assert_string_equal(session_report_request_imei_at(r, 0), "709");
    assert_string_equal(session_report_request_imei_at(r, 1), "a]\"\\");
    assert_string_equal(session_report_request_imei_at(r, 2), "\xC3\xA9");
    assert_string_equal(session_report_request_imei_at(r, 3), "");
    assert_string_equal(session_report_request_imei_at(r, 4), "\xF0\x9F\x98\x80");
    assert_int_equal(session_report_request_unknown_count(r), 0);
    session_report_request_free(r);
}

static void test_unknown_members(void **state)
{
    session_report_request *r =
        decode_ok("{ \"zeta\" : 1.0e+02 , " ACC ", \"big\": 12345678901234567890123456789,"
                  "\"imei\":[], \"\\u0041b\\n\" :\t{ \"k\" : [ 1 , \"a b\" , -0.0 , true ,null ] },"
                  "\"alpha\":\"x\\u0041 \\\"y\",\"e\":{},\"f\":[ ]}",
                  0);
    (void)state;
    assert_int_equal(session_report_request_unknown_count(r), 6);
    assert_string_equal(session_report_request_unknown_key_at(r, 0), "zeta");
    assert_string_equal(session_report_request_unknown_value_at(r, 0), "1.0e+02");
    assert_string_equal(session_report_request_unknown_key_at(r, 1), "big");
    assert_string_equal(session_report_request_unknown_value_at(r, 1),
                        "12345678901234567890123456789");
    assert_string_equal(session_report_request_unknown_key_at(r, 2), "Ab\n");
    assert_string_equal(session_report_request_unknown_value_at(r, 2),
                        "{\"k\":[1,\"a b\",-0.0,true,null]}");
    assert_string_equal(session_report_request_unknown_key_at(r, 3), "alpha");
    /* strings come back in cJSON's escaping: \u0041 is written as A */
    assert_string_equal(session_report_request_unknown_value_at(r, 3), "\"xA \\\"y\"");
    assert_string_equal(session_report_request_unknown_value_at(r, 4), "{}");
    assert_string_equal(session_report_request_unknown_value_at(r, 5), "[]");
    assert_null(session_report_request_unknown_key_at(r, 6));
    session_report_request_free(r);
}

static void test_unknown_strict(void **state)
{
    static const decode_case cases[] = {
        {"unknown field", BASE ",\"customerRef\":\"c\"}", 0, SR_PARSE_STRICT, SR_ERR_UNKNOWN_FIELD,
         "/customerRef", 0, 0, 0},
        {"unknown null", BASE ",\"z\":null}", 0, SR_PARSE_STRICT, SR_ERR_UNKNOWN_FIELD, "/z", 0, 0,
         0},
        {"unknown first", "{\"a/b\":1," ACC ",\"imei\":[]}", 0, SR_PARSE_STRICT,
         SR_ERR_UNKNOWN_FIELD, "/a~1b", 0, 0, 0},
        {"unknown before a type error", BASE ",\"x\":1,\"startDate\":1}", 0, SR_PARSE_STRICT,
         SR_ERR_UNKNOWN_FIELD, "/x", 0, 0, 0},
        {"type error before unknown", BASE ",\"startDate\":1,\"x\":1}", 0, SR_PARSE_STRICT,
         SR_ERR_TYPE, "/startDate", 0, 0, 0},
        {"nested unknowns are fine when the member is known", BASE "}", 0, SR_PARSE_STRICT, SR_OK,
         "", 0, 0, 0},
    };
    (void)state;
    RUN(cases);
}

static void test_limits(void **state)
{
    const char *doc = BASE "}";
    size_t len = strlen(doc);
    sr_parse_options opts = {0, len};
    sr_error err;
    session_report_request *r = sentinel();
    (void)state;

    assert_int_equal(session_report_request_from_json(doc, len, &opts, &r, &err), SR_OK);
    session_report_request_free(r);
    opts.max_bytes = len - 1;
    r = sentinel();
    assert_int_equal(session_report_request_from_json(doc, len, &opts, &r, &err), SR_ERR_LIMIT);
    assert_string_equal(err.path, "");
    assert_null(r);
    /* The limit applies before any parsing: even garbage is only too long. */
    opts.max_bytes = 3;
    assert_int_equal(session_report_request_from_json("!!!!", 4, &opts, &r, &err), SR_ERR_LIMIT);

    /* The default is 16 MiB. */
    size_t big = SR_DEFAULT_MAX_BYTES + 1;
    char *buf = malloc(big);
    assert_non_null(buf);
    memset(buf, ' ', big);
    memcpy(buf, doc, len);
    assert_int_equal(session_report_request_from_json(buf, big, NULL, &r, &err), SR_ERR_LIMIT);
    assert_int_equal(session_report_request_from_json(buf, big - 1, NULL, &r, &err), SR_OK);
    session_report_request_free(r);
    free(buf);
}

/* "x" holding `levels` nested arrays, closed or not, plus a tail. */
static char *nested(size_t levels, int closed, const char *tail, size_t *len)
{
    size_t cap = strlen(BASE) + 2 * levels + strlen(tail) + 16;
    char *s = malloc(cap);
    size_t n;
    assert_non_null(s);
    n = (size_t)snprintf(s, cap, "%s,\"x\":", BASE);
    memset(s + n, '[', levels);
    n += levels;
    if (closed) {
        memset(s + n, ']', levels);
        n += levels;
    }
    n += (size_t)snprintf(s + n, cap - n, "%s", tail);
    *len = n;
    return s;
}

static void test_depth(void **state)
{
    size_t len;
    sr_error err;
    session_report_request *r = NULL;
    char *s;
    (void)state;

    /* The document object is level 1: 511 arrays inside it is the deepest. */
    s = nested(SR_MAX_DEPTH - 1, 1, "}", &len);
    assert_int_equal(session_report_request_from_json(s, len, NULL, &r, &err), SR_OK);
    session_report_request_free(r);
    free(s);

    s = nested(SR_MAX_DEPTH, 1, "}", &len);
    assert_int_equal(session_report_request_from_json(s, len, NULL, &r, &err), SR_ERR_LIMIT);
    assert_null(r);
    assert_int_equal(strncmp(err.path, "/x/0/0/0", 8), 0);
    free(s);

    /* Malformed past the limit before a container there closes (the
     * corpus's 100000 opening brackets): the syntax error wins. */
    s = nested(100000, 0, "", &len);
    assert_int_equal(session_report_request_from_json(s, len, NULL, &r, &err), SR_ERR_SYNTAX);
    assert_int_equal(err.offset, len);
    free(s);
    s = nested(SR_MAX_DEPTH + 10, 0, "{]", &len);
    assert_int_equal(session_report_request_from_json(s, len, NULL, &r, &err), SR_ERR_SYNTAX);
    assert_int_equal(err.offset, len - 1);
    free(s);
    /* Malformed after that: the limit comes first in document order. */
    s = nested(SR_MAX_DEPTH + 10, 1, "} x", &len);
    assert_int_equal(session_report_request_from_json(s, len, NULL, &r, &err), SR_ERR_LIMIT);
    assert_int_equal(strncmp(err.path, "/x/0/0/0", 8), 0);
    free(s);
    s = nested(SR_MAX_DEPTH + 10, 1, ",\"y\":01}", &len);
    assert_int_equal(session_report_request_from_json(s, len, NULL, &r, &err), SR_ERR_LIMIT);
    free(s);
    /* Deep objects, and a duplicate after the limit: the limit came first. */
    {
        size_t levels = 600, cap = levels * 8 + 256, n;
        char *o = malloc(cap);
        assert_non_null(o);
        n = (size_t)snprintf(o, cap, "%s,\"x\":", BASE);
        for (size_t i = 0; i < levels; i++)
            n += (size_t)snprintf(o + n, cap - n, "{\"a\":");
        o[n++] = '1';
        memset(o + n, '}', levels);
        n += levels;
        n += (size_t)snprintf(o + n, cap - n, ",\"x\":2}");
        assert_int_equal(session_report_request_from_json(o, n, NULL, &r, &err), SR_ERR_LIMIT);
        assert_int_equal(strncmp(err.path, "/x/a/a/a", 8), 0);
        free(o);
    }
}

static void test_bom_and_whitespace(void **state)
{
    const char *bom = "\xEF\xBB\xBF" BASE "}";
    const char *ws = " \t\r\n" BASE " } \n\r\t ";
    session_report_request *r = NULL;
    sr_error err;
    (void)state;
    assert_int_equal(session_report_request_from_json(bom, strlen(bom), NULL, &r, &err), SR_OK);
    assert_string_equal(session_report_request_get_account_number(r), "0844021539-00001");
    session_report_request_free(r);
    assert_int_equal(session_report_request_from_json(ws, strlen(ws), NULL, &r, &err), SR_OK);
    session_report_request_free(r);
    /* A BOM alone is an empty document. */
    assert_int_equal(session_report_request_from_json("\xEF\xBB\xBF", 3, NULL, &r, &err),
                     SR_ERR_SYNTAX);
    assert_int_equal(err.offset, 3);
    /* No NUL terminator is needed: the bytes after len are never read. */
    {
        char *exact = malloc(strlen(BASE "}"));
        assert_non_null(exact);
        memcpy(exact, BASE "}", strlen(BASE "}"));
        assert_int_equal(session_report_request_from_json(exact, strlen(BASE "}"), NULL, &r, &err),
                         SR_OK);
        session_report_request_free(r);
        free(exact);
    }
}

static void test_arguments(void **state)
{
    sr_error err;
    session_report_request *r = sentinel();
    (void)state;
    assert_int_equal(session_report_request_from_json("{}", 2, NULL, NULL, &err), SR_ERR_ARG);
    assert_int_equal(session_report_request_from_json(NULL, 3, NULL, &r, &err), SR_ERR_ARG);
    assert_null(r);
    r = sentinel();
    assert_int_equal(session_report_request_from_json(NULL, 0, NULL, &r, &err), SR_ERR_SYNTAX);
    assert_null(r);
    /* err may be NULL. */
    assert_int_equal(session_report_request_from_json("[", 1, NULL, &r, NULL), SR_ERR_SYNTAX);
    assert_int_equal(session_report_request_from_json(BASE "}", strlen(BASE "}"), NULL, &r, NULL),
                     SR_OK);
    session_report_request_free(r);
}

/* ---- the conformance corpus: cases whose expectation is a parse error ---- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)size + 1);
    if (buf != NULL && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return buf;
}

static int is_parse_error(const char *code, const char *path)
{
    if (strcmp(code, "SR_ERR_DUPLICATE") == 0)
        return strncmp(path, "/imei/", 6) != 0; /* a repeated IMEI is a validation error */
    return strcmp(code, "SR_ERR_SYNTAX") == 0 || strcmp(code, "SR_ERR_TYPE") == 0 ||
           strcmp(code, "SR_ERR_MISSING") == 0 || strcmp(code, "SR_ERR_ENCODING") == 0 ||
           strcmp(code, "SR_ERR_UNKNOWN_FIELD") == 0 || strcmp(code, "SR_ERR_LIMIT") == 0;
}

static void test_conformance_parse_cases(void **state)
{
    const char *shared = getenv("SR_DATA_DIR");
    char path[4096], line[2048];
    FILE *tsv;
    int parse_errors = 0, decoded = 0, failures = 0;
    (void)state;

    if (shared == NULL)
        fail_msg("SR_DATA_DIR is not set");
    snprintf(path, sizeof path, "%s/conformance/cases.tsv", shared);
    tsv = fopen(path, "r");
    if (tsv == NULL)
        fail_msg("cannot open %s", path);
    while (fgets(line, sizeof line, tsv) != NULL) {
        char *name = strtok(line, "\t\n");
        char *args = strtok(NULL, "\t\n");
        char *exit_code = strtok(NULL, "\t\n");
        char *expect = strtok(NULL, "\t\n");
        if (name == NULL || expect == NULL || strcmp(name, "name") == 0)
            continue;
        (void)exit_code;
        char code[64] = "", want_path[256] = "";
        int single = strstr(expect, " ; ") == NULL && strcmp(expect, "-") != 0;
        if (single && sscanf(expect, "%63s %255s", code, want_path) < 1)
            continue;
        if (strcmp(want_path, "\"\"") == 0)
            want_path[0] = '\0';

        size_t len = 0;
        char *doc;
        snprintf(path, sizeof path, "%s/conformance/cases/%s.json", shared, name);
        doc = read_file(path, &len);
        if (doc == NULL)
            fail_msg("cannot read %s", path);
        sr_parse_options opts = {strstr(args, "--strict") != NULL ? SR_PARSE_STRICT : 0, 0};
        session_report_request *r = NULL;
        sr_error err;
        sr_status st = session_report_request_from_json(doc, len, &opts, &r, &err);
        if (single && is_parse_error(code, want_path)) {
            parse_errors++;
            if (strcmp(sr_status_name(st), code) != 0 || strcmp(err.path, want_path) != 0) {
                failures++;
                print_message("FAIL %s: got %s '%s', want %s '%s'\n", name, sr_status_name(st),
                              st != SR_OK ? err.path : "", code, want_path);
            }
        } else {
            /* Valid, or only validation problems: decoding must succeed. */
            decoded++;
            if (st != SR_OK) {
                failures++;
                print_message("FAIL %s: got %s '%s' (%s), want SR_OK\n", name, sr_status_name(st),
                              err.path, err.message);
            }
        }
        session_report_request_free(r);
        free(doc);
    }
    fclose(tsv);
    print_message("conformance: %d parse-error cases, %d decoded cases\n", parse_errors, decoded);
    assert_int_equal(failures, 0);
    /* cases.tsv holds 24 parse-error cases; fewer means the corpus was not read. */
    assert_true(parse_errors >= 24);
    assert_true(decoded >= 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_syntax_messages),
        cmocka_unit_test(test_encoding_errors),
        cmocka_unit_test(test_valid_unicode),
        cmocka_unit_test(test_duplicate_keys),
        cmocka_unit_test(test_duplicate_in_large_object),
        cmocka_unit_test(test_type_errors),
        cmocka_unit_test(test_type_messages),
        cmocka_unit_test(test_missing_fields),
        cmocka_unit_test(test_nulls_and_booleans),
        cmocka_unit_test(test_known_fields_in_any_order),
        cmocka_unit_test(test_unknown_members),
        cmocka_unit_test(test_unknown_strict),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_depth),
        cmocka_unit_test(test_bom_and_whitespace),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_conformance_parse_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
