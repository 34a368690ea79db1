/* SPDX-License-Identifier: MIT */
/* Hostile inputs to the request decoder: huge, deep, malformed, truncated
 * and corrupted documents. Each must end in the documented status and
 * pointer, never crash and never leak. That the cost is linear in the
 * size is shown by counts (allocations, instructions) in bench/, not by
 * clocks here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sessreport.h>

#include "support/seed.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The account number and IMEI every generated document carries. */
#define HEAD "{\"accountNumber\":\"0844021539-00001\",\"imei\":[\"709312034493372\"]"

static const char seed_json[] = SR_TEST_SEED_JSON;

/* ---- a growable byte buffer for generated documents ---- */

typedef struct buffer {
    char *data;
    size_t len, cap;
} buffer;

static void buf_append(buffer *b, const void *bytes, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = realloc(b->data, cap);
        assert_non_null(b->data);
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_puts(buffer *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

static void buf_repeat(buffer *b, char c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf_append(b, &c, 1);
}

/* ---- generators ---- */

static buffer deep_arrays(size_t depth)
{
    buffer b = {0};
    buf_puts(&b, HEAD ",\"x\":");
    buf_repeat(&b, '[', depth);
    buf_repeat(&b, ']', depth);
    buf_puts(&b, "}");
    return b;
}

static buffer gen_deep_100000(void)
{
    return deep_arrays(100000);
}

/* SR_MAX_DEPTH counts the document object too: the object plus
 * SR_MAX_DEPTH - 1 arrays is the deepest accepted nesting. */
static buffer gen_depth_at_limit(void)
{
    return deep_arrays(SR_MAX_DEPTH - 1);
}

static buffer gen_depth_over_limit(void)
{
    return deep_arrays(SR_MAX_DEPTH);
}

static buffer gen_deep_objects(void)
{
    buffer b = {0};
    buf_puts(&b, HEAD ",\"x\":");
    for (size_t i = 0; i < 100000; i++)
        buf_puts(&b, "{\"a\":");
    buf_puts(&b, "1");
    buf_repeat(&b, '}', 100000);
    buf_puts(&b, "}");
    return b;
}

static buffer many_keys(size_t n)
{
    buffer b = {0};
    char key[48];
    buf_puts(&b, HEAD);
    for (size_t i = 0; i < n; i++) {
        int k = snprintf(key, sizeof key, ",\"k%zu\":%zu", i, i);
        buf_append(&b, key, (size_t)k);
    }
    buf_puts(&b, "}");
    return b;
}

static buffer gen_keys_100000(void)
{
    return many_keys(100000);
}

static buffer gen_imeis_100000(void)
{
    buffer b = {0};
    char item[24];
    buf_puts(&b, "{\"accountNumber\":\"0844021539-00001\",\"imei\":[");
    for (size_t i = 0; i < 100000; i++) {
        int k = snprintf(item, sizeof item, "%s\"%015zu\"", i ? "," : "", i);
        buf_append(&b, item, (size_t)k);
    }
    buf_puts(&b, "]}");
    return b;
}

static buffer string_member(const char *key, size_t n)
{
    buffer b = {0};
    buf_puts(&b, HEAD ",\"");
    buf_puts(&b, key);
    buf_puts(&b, "\":\"");
    buf_repeat(&b, 'a', n);
    buf_puts(&b, "\"}");
    return b;
}

static buffer gen_string_10mb(void)
{
    return string_member("deviceLabel", 10u * 1024 * 1024);
}

static buffer gen_key_10000(void)
{
    buffer b = {0};
    buf_puts(&b, HEAD ",\"");
    buf_repeat(&b, 'k', 10000);
    buf_puts(&b, "\":1}");
    return b;
}

static buffer gen_over_default_max(void)
{
    return string_member("deviceLabel", SR_DEFAULT_MAX_BYTES);
}

static buffer number_member(const char *key, const char *lead, size_t digits, const char *tail)
{
    buffer b = {0};
    buf_puts(&b, HEAD ",\"");
    buf_puts(&b, key);
    buf_puts(&b, "\":");
    buf_puts(&b, lead);
    buf_repeat(&b, '7', digits);
    buf_puts(&b, tail);
    buf_puts(&b, "}");
    return b;
}

static buffer gen_number_10000_digits(void)
{
    return number_member("n", "-1", 10000, "");
}

static buffer gen_fraction_10000_digits(void)
{
    return number_member("n", "0.", 10000, "e-99999");
}

static buffer gen_exponent_10000_digits(void)
{
    return number_member("n", "1E+", 10000, "");
}

static buffer gen_number_as_account(void)
{
    buffer b = {0};
    buf_puts(&b, "{\"accountNumber\":");
    buf_repeat(&b, '9', 10000);
    buf_puts(&b, ",\"imei\":[]}");
    return b;
}

static buffer gen_whitespace_1mb(void)
{
    buffer b = {0};
    buf_repeat(&b, ' ', 1u << 20);
    buf_puts(&b, HEAD "}");
    buf_repeat(&b, '\n', 1u << 20);
    return b;
}

static buffer gen_long_pointer(void)
{
    /* The duplicate sits under a 300-byte key: the pointer must be cut. */
    buffer b = {0};
    buf_puts(&b, HEAD ",\"");
    buf_repeat(&b, 'p', 300);
    buf_puts(&b, "\":{\"d\":1,\"d\":2}}");
    return b;
}

/* ---- the table ---- */

/* What a case expects of err.path. */
enum path_check {
    PATH_EXACT,  /* equals path */
    PATH_PREFIX, /* starts with path (deep pointers are cut and end in "...") */
};

typedef struct hostile_case {
    const char *name;
    const char *text; /* the input, or NULL when gen() builds it */
    size_t text_len;
    buffer (*gen)(void);
    unsigned flags;
    size_t max_bytes;
    sr_status code;
    const char *path;
    enum path_check path_check;
    /* Extra checks on a request decoded with SR_OK. */
    void (*check)(const session_report_request *r);
} hostile_case;

#define TEXT(s) (s), sizeof(s) - 1, NULL

static void check_100000_keys(const session_report_request *r)
{
    assert_int_equal(session_report_request_unknown_count(r), 100000);
    assert_string_equal(session_report_request_unknown_key_at(r, 99999), "k99999");
    assert_string_equal(session_report_request_unknown_value_at(r, 99999), "99999");
}

static void check_100000_imeis(const session_report_request *r)
{
    assert_int_equal(session_report_request_imei_count(r), 100000);
    assert_string_equal(session_report_request_imei_at(r, 99999), "000000000099999");
}

static void check_10mb_label(const session_report_request *r)
{
    const char *label = session_report_request_get_device_label(r);
    assert_non_null(label);
    assert_int_equal(strlen(label), 10u * 1024 * 1024);
}

static void check_long_number_kept(const session_report_request *r)
{
    const char *v = session_report_request_unknown_value_at(r, 0);
    assert_non_null(v);
    assert_int_equal(strlen(v), 10002); /* "-1" then 10000 sevens: every digit kept */
    assert_memory_equal(v, "-17777", 6);
}

static void check_escaped_key(const session_report_request *r)
{
    assert_string_equal(session_report_request_get_account_number(r), "0844021539-00001");
    assert_int_equal(session_report_request_unknown_count(r), 0);
}

static void check_bom_in_value(const session_report_request *r)
{
    assert_string_equal(session_report_request_get_device_label(r), "\xef\xbb\xbfx");
}

static void check_surrogate_pair(const session_report_request *r)
{
    assert_string_equal(session_report_request_get_device_label(r), "\xf0\x9f\x98\x80");
}

static void check_seed(const session_report_request *r)
{
    assert_string_equal(session_report_request_get_account_number(r), "0844021539-00001");
    assert_string_equal(session_report_request_get_device_label(r), "deviceLabel4");
}

static const hostile_case cases[] = {
    /* size and depth */
    {"100000 nested arrays in an unknown member", NULL, 0, gen_deep_100000, 0, 0, SR_ERR_LIMIT,
     "/x", PATH_PREFIX, NULL},
    {"100000 nested objects in an unknown member", NULL, 0, gen_deep_objects, 0, 0, SR_ERR_LIMIT,
     "/x/a/a", PATH_PREFIX, NULL},
    {"nesting exactly at SR_MAX_DEPTH", NULL, 0, gen_depth_at_limit, 0, 0, SR_OK, NULL, PATH_EXACT,
     NULL},
    {"nesting one over SR_MAX_DEPTH", NULL, 0, gen_depth_over_limit, 0, 0, SR_ERR_LIMIT, "/x",
     PATH_PREFIX, NULL},
    {"100000 unknown keys", NULL, 0, gen_keys_100000, 0, 0, SR_OK, NULL, PATH_EXACT,
     check_100000_keys},
    {"100000 unknown keys, strict", NULL, 0, gen_keys_100000, SR_PARSE_STRICT, 0,
     SR_ERR_UNKNOWN_FIELD, "/k0", PATH_EXACT, NULL},
    {"100000 IMEIs", NULL, 0, gen_imeis_100000, 0, 0, SR_OK, NULL, PATH_EXACT, check_100000_imeis},
    {"10 MB string", NULL, 0, gen_string_10mb, 0, 0, SR_OK, NULL, PATH_EXACT, check_10mb_label},
    {"10 MB string over max_bytes 1 MiB", NULL, 0, gen_string_10mb, 0, 1u << 20, SR_ERR_LIMIT, "",
     PATH_EXACT, NULL},
    {"document over the default max_bytes", NULL, 0, gen_over_default_max, 0, 0, SR_ERR_LIMIT, "",
     PATH_EXACT, NULL},
    {"10000-byte key", NULL, 0, gen_key_10000, 0, 0, SR_OK, NULL, PATH_EXACT, NULL},
    {"1 MiB of whitespace either side", NULL, 0, gen_whitespace_1mb, 0, 0, SR_OK, NULL, PATH_EXACT,
     NULL},
    {"pointer longer than sr_error.path", NULL, 0, gen_long_pointer, 0, 0, SR_ERR_DUPLICATE,
     "/ppppppppppppppppppp", PATH_PREFIX, NULL},
    {"seed exactly at max_bytes", TEXT(seed_json), 0, sizeof seed_json - 1, SR_OK, NULL, PATH_EXACT,
     check_seed},
    {"seed one byte over max_bytes", TEXT(seed_json), 0, sizeof seed_json - 2, SR_ERR_LIMIT, "",
     PATH_EXACT, NULL},

    /* numbers */
    {"integer with 10000 digits", NULL, 0, gen_number_10000_digits, 0, 0, SR_OK, NULL, PATH_EXACT,
     check_long_number_kept},
    {"fraction with 10000 digits", NULL, 0, gen_fraction_10000_digits, 0, 0, SR_OK, NULL,
     PATH_EXACT, NULL},
    {"exponent with 10000 digits", NULL, 0, gen_exponent_10000_digits, 0, 0, SR_OK, NULL,
     PATH_EXACT, NULL},
    {"10000-digit number as accountNumber", NULL, 0, gen_number_as_account, 0, 0, SR_ERR_TYPE,
     "/accountNumber", PATH_EXACT, NULL},
    {"leading zero", TEXT(HEAD ",\"n\":01}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"minus alone", TEXT(HEAD ",\"n\":-}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"fraction without digits", TEXT(HEAD ",\"n\":1.}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"fraction without integer", TEXT(HEAD ",\"n\":.5}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT,
     NULL},
    {"exponent without digits", TEXT(HEAD ",\"n\":1e}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"plus sign", TEXT(HEAD ",\"n\":+1}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"NaN", TEXT(HEAD ",\"n\":NaN}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"Infinity", TEXT(HEAD ",\"n\":-Infinity}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"hex number", TEXT(HEAD ",\"n\":0x10}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},

    /* UTF-8 and NUL */
    {"invalid UTF-8 byte in a value", TEXT(HEAD ",\"deviceGroup\":\"a\xff\"}"), 0, 0,
     SR_ERR_ENCODING, "/deviceGroup", PATH_EXACT, NULL},
    {"invalid UTF-8 byte in an IMEI", TEXT("{\"accountNumber\":\"1\",\"imei\":[\"1\",\"\x80\"]}"),
     0, 0, SR_ERR_ENCODING, "/imei/1", PATH_EXACT, NULL},
    {"invalid UTF-8 in a nested unknown value", TEXT(HEAD ",\"u\":{\"v\":[\"\xfe\"]}}"), 0, 0,
     SR_ERR_ENCODING, "/u/v/0", PATH_EXACT, NULL},
    {"truncated 3-byte sequence", TEXT(HEAD ",\"dataPlan\":\"\xe2\x82\"}"), 0, 0, SR_ERR_ENCODING,
     "/dataPlan", PATH_EXACT, NULL},
    {"stray continuation byte", TEXT(HEAD ",\"dataPlan\":\"\xbf\"}"), 0, 0, SR_ERR_ENCODING,
     "/dataPlan", PATH_EXACT, NULL},
    {"code point above U+10FFFF", TEXT(HEAD ",\"dataPlan\":\"\xf4\x90\x80\x80\"}"), 0, 0,
     SR_ERR_ENCODING, "/dataPlan", PATH_EXACT, NULL},
    {"invalid UTF-8 in a known key", TEXT("{\"accountNumber\xff\":\"1\",\"imei\":[]}"), 0, 0,
     SR_ERR_ENCODING, "/accountNumber", PATH_EXACT, NULL},
    {"invalid UTF-8 in an unknown key", TEXT(HEAD ",\"k\xc3\":1}"), 0, 0, SR_ERR_ENCODING, "/k",
     PATH_EXACT, NULL},
    {"escaped NUL in a value", TEXT(HEAD ",\"deviceLabel\":\"a\\u0000b\"}"), 0, 0, SR_ERR_ENCODING,
     "/deviceLabel", PATH_EXACT, NULL},
    {"escaped NUL in a key", TEXT(HEAD ",\"a\\u0000b\":1}"), 0, 0, SR_ERR_ENCODING, "/a",
     PATH_EXACT, NULL},
    {"raw NUL byte in a value", TEXT(HEAD ",\"deviceLabel\":\"a\0b\"}"), 0, 0, SR_ERR_SYNTAX, "",
     PATH_EXACT, NULL},
    {"raw NUL byte in a key", TEXT(HEAD ",\"a\0b\":1}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"raw NUL byte between members", TEXT(HEAD "\0}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"raw control character in a string", TEXT(HEAD ",\"deviceLabel\":\"a\tb\"}"), 0, 0,
     SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"overlong 2-byte slash", TEXT(HEAD ",\"deviceLabel\":\"\xc0\xaf\"}"), 0, 0, SR_ERR_ENCODING,
     "/deviceLabel", PATH_EXACT, NULL},
    {"overlong 3-byte slash", TEXT(HEAD ",\"deviceLabel\":\"\xe0\x80\xaf\"}"), 0, 0,
     SR_ERR_ENCODING, "/deviceLabel", PATH_EXACT, NULL},
    {"overlong 4-byte slash", TEXT(HEAD ",\"deviceLabel\":\"\xf0\x80\x80\xaf\"}"), 0, 0,
     SR_ERR_ENCODING, "/deviceLabel", PATH_EXACT, NULL},
    {"overlong NUL", TEXT(HEAD ",\"deviceLabel\":\"\xc0\x80\"}"), 0, 0, SR_ERR_ENCODING,
     "/deviceLabel", PATH_EXACT, NULL},
    {"lone high surrogate escape", TEXT(HEAD ",\"deviceLabel\":\"\\ud800\"}"), 0, 0,
     SR_ERR_ENCODING, "/deviceLabel", PATH_EXACT, NULL},
    {"lone low surrogate escape", TEXT(HEAD ",\"deviceLabel\":\"\\udc00\"}"), 0, 0, SR_ERR_ENCODING,
     "/deviceLabel", PATH_EXACT, NULL},
    {"reversed surrogate pair", TEXT(HEAD ",\"deviceLabel\":\"\\ude00\\ud83d\"}"), 0, 0,
     SR_ERR_ENCODING, "/deviceLabel", PATH_EXACT, NULL},
    {"high surrogate then a letter", TEXT(HEAD ",\"deviceLabel\":\"\\ud83dx\"}"), 0, 0,
     SR_ERR_ENCODING, "/deviceLabel", PATH_EXACT, NULL},
    {"high surrogate then a non-surrogate escape",
     TEXT(HEAD ",\"deviceLabel\":\"\\ud83d\\u0041\"}"), 0, 0, SR_ERR_ENCODING, "/deviceLabel",
     PATH_EXACT, NULL},
    {"two high surrogates", TEXT(HEAD ",\"deviceLabel\":\"\\ud83d\\ud83d\"}"), 0, 0,
     SR_ERR_ENCODING, "/deviceLabel", PATH_EXACT, NULL},
    {"surrogate encoded as UTF-8", TEXT(HEAD ",\"deviceLabel\":\"\xed\xa0\x80\"}"), 0, 0,
     SR_ERR_ENCODING, "/deviceLabel", PATH_EXACT, NULL},
    {"lone surrogate in a key", TEXT(HEAD ",\"\\udfff\":1}"), 0, 0, SR_ERR_ENCODING, "/",
     PATH_EXACT, NULL},
    {"valid surrogate pair", TEXT(HEAD ",\"deviceLabel\":\"\\ud83d\\ude00\"}"), 0, 0, SR_OK, NULL,
     PATH_EXACT, check_surrogate_pair},
    {"short \\u escape", TEXT(HEAD ",\"deviceLabel\":\"\\u12\"}"), 0, 0, SR_ERR_SYNTAX, "",
     PATH_EXACT, NULL},
    {"non-hex \\u escape", TEXT(HEAD ",\"deviceLabel\":\"\\u12g4\"}"), 0, 0, SR_ERR_SYNTAX, "",
     PATH_EXACT, NULL},
    {"unknown escape", TEXT(HEAD ",\"deviceLabel\":\"\\x41\"}"), 0, 0, SR_ERR_SYNTAX, "",
     PATH_EXACT, NULL},

    /* BOM variants */
    {"BOM then the seed", TEXT("\xef\xbb\xbf" HEAD "}"), 0, 0, SR_OK, NULL, PATH_EXACT, NULL},
    {"two BOMs", TEXT("\xef\xbb\xbf\xef\xbb\xbf" HEAD "}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT,
     NULL},
    {"BOM alone", TEXT("\xef\xbb\xbf"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"truncated BOM", TEXT("\xef\xbb" HEAD "}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"UTF-16LE BOM", TEXT("\xff\xfe" HEAD "}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"UTF-16BE BOM", TEXT("\xfe\xff" HEAD "}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"BOM after whitespace", TEXT(" \xef\xbb\xbf" HEAD "}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT,
     NULL},
    {"BOM at the end", TEXT(HEAD "}\xef\xbb\xbf"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"U+FEFF inside a value", TEXT(HEAD ",\"deviceLabel\":\"\xef\xbb\xbfx\"}"), 0, 0, SR_OK, NULL,
     PATH_EXACT, check_bom_in_value},

    /* structure */
    {"empty input", TEXT(""), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"whitespace only", TEXT(" \t\r\n"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"top-level array", TEXT("[]"), 0, 0, SR_ERR_TYPE, "", PATH_EXACT, NULL},
    {"top-level null", TEXT("null"), 0, 0, SR_ERR_TYPE, "", PATH_EXACT, NULL},
    {"top-level string", TEXT("\"x\""), 0, 0, SR_ERR_TYPE, "", PATH_EXACT, NULL},
    {"two documents", TEXT(HEAD "}" HEAD "}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"trailing comma in the object", TEXT(HEAD ",}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"trailing comma in an array", TEXT("{\"accountNumber\":\"1\",\"imei\":[\"1\",]}"), 0, 0,
     SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"single quotes", TEXT("{'accountNumber':'1','imei':[]}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT,
     NULL},
    {"comment", TEXT(HEAD "/* c */}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"unquoted key", TEXT(HEAD ",k:1}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"missing colon", TEXT(HEAD ",\"k\" 1}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"literal in capitals", TEXT(HEAD ",\"k\":TRUE}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"truncated literal", TEXT(HEAD ",\"k\":nul}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"vertical tab as whitespace", TEXT(HEAD "\v}"), 0, 0, SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"duplicate known key", TEXT(HEAD ",\"accountNumber\":\"0844021539-00001\"}"), 0, 0,
     SR_ERR_DUPLICATE, "/accountNumber", PATH_EXACT, NULL},
    {"duplicate after an escaped spelling",
     TEXT("{\"accountNumber\":\"1\",\"\\u0061ccountNumber\":\"2\",\"imei\":[]}"), 0, 0,
     SR_ERR_DUPLICATE, "/accountNumber", PATH_EXACT, NULL},
    {"escaped spelling of a known key",
     TEXT("{\"\\u0061ccountNumber\":\"0844021539-00001\","
          "\"imei\":[]}"),
     0, 0, SR_OK, NULL, PATH_EXACT, check_escaped_key},
    {"duplicate nested key, pointer escaping", TEXT(HEAD ",\"a~/b\":{\"c\":1,\"c\":2}}"), 0, 0,
     SR_ERR_DUPLICATE, "/a~0~1b/c", PATH_EXACT, NULL},
    {"duplicate key deep in an array", TEXT(HEAD ",\"x\":[0,[{\"k\":1,\"k\":1}]]}"), 0, 0,
     SR_ERR_DUPLICATE, "/x/1/0/k", PATH_EXACT, NULL},
    {"case variant is another key", TEXT(HEAD ",\"AccountNumber\":1}"), SR_PARSE_STRICT, 0,
     SR_ERR_UNKNOWN_FIELD, "/AccountNumber", PATH_EXACT, NULL},
    {"null accountNumber", TEXT("{\"accountNumber\":null,\"imei\":[]}"), 0, 0, SR_ERR_TYPE,
     "/accountNumber", PATH_EXACT, NULL},
    {"null imei item", TEXT("{\"accountNumber\":\"1\",\"imei\":[\"1\",null]}"), 0, 0, SR_ERR_TYPE,
     "/imei/1", PATH_EXACT, NULL},
    {"object as imei", TEXT("{\"accountNumber\":\"1\",\"imei\":{}}"), 0, 0, SR_ERR_TYPE, "/imei",
     PATH_EXACT, NULL},
    {"missing both required fields", TEXT("{}"), 0, 0, SR_ERR_MISSING, "/accountNumber", PATH_EXACT,
     NULL},
    {"missing imei", TEXT("{\"accountNumber\":\"1\"}"), 0, 0, SR_ERR_MISSING, "/imei", PATH_EXACT,
     NULL},
    {"boolean noSessionFlag, strict",
     TEXT("{\"accountNumber\":\"1\",\"imei\":[],\"noSessionFlag\":true}"), SR_PARSE_STRICT, 0,
     SR_ERR_TYPE, "/noSessionFlag", PATH_EXACT, NULL},
    /* the whole text is checked before the tree is mapped (README, JSON rules) */
    {"syntax error before an earlier type error", TEXT("{\"accountNumber\":1,\"imei\":[]"), 0, 0,
     SR_ERR_SYNTAX, "", PATH_EXACT, NULL},
    {"duplicate before an earlier type error",
     TEXT("{\"accountNumber\":1,\"imei\":[],\"imei\":[]}"), 0, 0, SR_ERR_DUPLICATE, "/imei",
     PATH_EXACT, NULL},
};

/* ---- running one case ---- */

/* 1 when err.path is what the case expects; else prints why. */
static int path_matches(const hostile_case *c, const sr_error *err)
{
    if (c->path == NULL)
        return 1;
    size_t n = strlen(c->path);
    int ok = c->path_check == PATH_PREFIX ? strncmp(err->path, c->path, n) == 0
                                          : strcmp(err->path, c->path) == 0;
    if (!ok)
        print_message("%s: path '%s', expected %s'%s'\n", c->name, err->path,
                      c->path_check == PATH_PREFIX ? "a prefix " : "", c->path);
    return ok;
}

/* Every error keeps the record's own invariants. */
static void assert_error_well_formed(const char *what, sr_status st, const sr_error *err,
                                     size_t len)
{
    if (err->code != st)
        fail_msg("%s: err.code %s but returned %s", what, sr_status_name(err->code),
                 sr_status_name(st));
    if (memchr(err->path, '\0', sizeof err->path) == NULL ||
        memchr(err->message, '\0', sizeof err->message) == NULL)
        fail_msg("%s: unterminated path or message", what);
    if (err->message[0] == '\0')
        fail_msg("%s: empty message", what);
    if (st == SR_ERR_SYNTAX) {
        if (err->line < 1 || err->column < 1 || err->offset > len)
            fail_msg("%s: syntax error at offset %zu line %u column %u (len %zu)", what,
                     err->offset, err->line, err->column, len);
        if (err->path[0] != '\0')
            fail_msg("%s: syntax error with path '%s'", what, err->path);
    }
}

/* Runs one case; 1 when it behaved as expected, else prints why. */
static int run_case(const hostile_case *c)
{
    buffer generated = {0};
    const char *text = c->text;
    size_t len = c->text_len;
    if (c->gen != NULL) {
        generated = c->gen();
        text = generated.data;
        len = generated.len;
    }
    sr_parse_options opts = {c->flags, c->max_bytes};
    session_report_request *r = NULL;
    sr_error err;
    memset(&err, 0, sizeof err);
    sr_status st = session_report_request_from_json(text, len, &opts, &r, &err);
    int ok = st == c->code;
    if (!ok)
        print_message("%s: got %s at '%s' (%s), expected %s\n", c->name, sr_status_name(st),
                      err.path, err.message, sr_status_name(c->code));
    if (st == SR_OK) {
        assert_non_null(r);
        if (ok && c->check != NULL)
            c->check(r);
        session_report_request_free(r);
    } else {
        assert_null(r);
        assert_error_well_formed(c->name, st, &err, len);
        if (ok)
            ok = path_matches(c, &err);
    }
    free(generated.data);
    return ok;
}

static void table_cases(void **state)
{
    (void)state;
    size_t failed = 0;
    assert_true(COUNT(cases) >= 60);
    for (size_t i = 0; i < COUNT(cases); i++)
        failed += run_case(&cases[i]) ? 0 : 1;
    print_message("%zu hostile cases, %zu failed\n", COUNT(cases), failed);
    assert_int_equal(failed, 0);
}

/* ---- the response decoders get the same treatment ---- */

typedef enum response_decoder { AGGREGATE, CALLBACK, ERROR_BODY } response_decoder;

typedef struct response_case {
    const char *name;
    response_decoder decoder;
    buffer (*gen)(void);
    const char *text;
    sr_status code;
    const char *path;
    enum path_check path_check;
} response_case;

#define ROW "{\"imei\":\"709312034493372\",\"numberOfSessions\":1,\"bytesTransferred\":2}"

static buffer gen_report_deep(void)
{
    buffer b = {0};
    buf_puts(&b, "{\"usage\":[],\"x\":");
    buf_repeat(&b, '[', 100000);
    buf_repeat(&b, ']', 100000);
    buf_puts(&b, "}");
    return b;
}

static buffer gen_report_100000_rows(void)
{
    buffer b = {0};
    buf_puts(&b, "{\"txid\":\"t\",\"usage\":[");
    for (size_t i = 0; i < 100000; i++) {
        if (i > 0)
            buf_puts(&b, ",");
        buf_puts(&b, ROW);
    }
    buf_puts(&b, "]}");
    return b;
}

static buffer gen_report_long_count(void)
{
    buffer b = {0};
    buf_puts(&b, "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1,\"bytesTransferred\":");
    buf_repeat(&b, '9', 10000);
    buf_puts(&b, "}]}");
    return b;
}

static buffer gen_report_long_zero_fraction(void)
{
    buffer b = {0};
    buf_puts(&b, "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1,\"bytesTransferred\":7.");
    buf_repeat(&b, '0', 10000);
    buf_puts(&b, "}]}");
    return b;
}

static buffer gen_callback_10mb_status(void)
{
    buffer b = {0};
    buf_puts(&b, "{\"txid\":\"t\",\"status\":\"");
    buf_repeat(&b, 's', 10u * 1024 * 1024);
    buf_puts(&b, "\"}");
    return b;
}

static const response_case response_cases[] = {
    {"report: 100000 nested arrays", AGGREGATE, gen_report_deep, NULL, SR_ERR_LIMIT, "/x",
     PATH_PREFIX},
    {"report: 100000 usage rows", AGGREGATE, gen_report_100000_rows, NULL, SR_OK, NULL, PATH_EXACT},
    {"report: 10000-digit count", AGGREGATE, gen_report_long_count, NULL, SR_ERR_RANGE,
     "/usage/0/bytesTransferred", PATH_EXACT},
    {"report: count with 10000 zero decimals", AGGREGATE, gen_report_long_zero_fraction, NULL,
     SR_OK, NULL, PATH_EXACT},
    {"report: 2^63", AGGREGATE, NULL,
     "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":9223372036854775808,"
     "\"bytesTransferred\":1}]}",
     SR_ERR_RANGE, "/usage/0/numberOfSessions", PATH_EXACT},
    {"report: negative zero exponent", AGGREGATE, NULL,
     "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":-0e-0,\"bytesTransferred\":1}]}", SR_OK,
     NULL, PATH_EXACT},
    {"report: huge negative exponent", AGGREGATE, NULL,
     "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1e-99999999999999999999,"
     "\"bytesTransferred\":1}]}",
     SR_ERR_RANGE, "/usage/0/numberOfSessions", PATH_EXACT},
    {"report: huge positive exponent", AGGREGATE, NULL,
     "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1e99999999999999999999,"
     "\"bytesTransferred\":1}]}",
     SR_ERR_RANGE, "/usage/0/numberOfSessions", PATH_EXACT},
    {"report: duplicate key in a row", AGGREGATE, NULL,
     "{\"usage\":[" ROW ",{\"imei\":\"1\",\"imei\":\"2\"}]}", SR_ERR_DUPLICATE, "/usage/1/imei",
     PATH_EXACT},
    {"report: lone surrogate in an IMEI", AGGREGATE, NULL,
     "{\"usage\":[{\"imei\":\"\\udc00\",\"numberOfSessions\":1,\"bytesTransferred\":1}]}",
     SR_ERR_ENCODING, "/usage/0/imei", PATH_EXACT},
    {"callback: 10 MB status", CALLBACK, gen_callback_10mb_status, NULL, SR_OK, NULL, PATH_EXACT},
    {"callback: overlong UTF-8 in txid", CALLBACK, NULL, "{\"txid\":\"\xc0\xaf\",\"status\":\"s\"}",
     SR_ERR_ENCODING, "/txid", PATH_EXACT},
    {"callback: BOM, then null txid", CALLBACK, NULL,
     "\xef\xbb\xbf{\"txid\":null,\"status\":\"s\"}", SR_ERR_TYPE, "/txid", PATH_EXACT},
    {"error body: fault as an array", ERROR_BODY, NULL, "{\"fault\":[]}", SR_ERR_TYPE, "/fault",
     PATH_EXACT},
    {"error body: escaped NUL in fault.message", ERROR_BODY, NULL,
     "{\"fault\":{\"message\":\"a\\u0000\"}}", SR_ERR_ENCODING, "/fault/message", PATH_EXACT},
    {"error body: truncated", ERROR_BODY, NULL, "{\"fault\":{\"code\":\"x\"}", SR_ERR_SYNTAX, "",
     PATH_EXACT},
};

static sr_status decode_response(response_decoder d, const char *text, size_t len, sr_error *err)
{
    sr_status st;
    if (d == AGGREGATE) {
        sr_aggregate_report *r = NULL;
        st = sr_aggregate_report_from_json(text, len, NULL, &r, err);
        assert_true(st == SR_OK ? r != NULL : r == NULL);
        sr_aggregate_report_free(r);
    } else if (d == CALLBACK) {
        sr_callback_result *r = NULL;
        st = sr_callback_result_from_json(text, len, NULL, &r, err);
        assert_true(st == SR_OK ? r != NULL : r == NULL);
        sr_callback_result_free(r);
    } else {
        sr_error_body *b = NULL;
        st = sr_error_body_from_json(text, len, NULL, &b, err);
        assert_true(st == SR_OK ? b != NULL : b == NULL);
        sr_error_body_free(b);
    }
    return st;
}

static void response_table_cases(void **state)
{
    (void)state;
    size_t failed = 0;
    for (size_t i = 0; i < COUNT(response_cases); i++) {
        const response_case *c = &response_cases[i];
        buffer generated = {0};
        const char *text = c->text;
        size_t len = text != NULL ? strlen(text) : 0;
        if (c->gen != NULL) {
            generated = c->gen();
            text = generated.data;
            len = generated.len;
        }
        sr_error err;
        memset(&err, 0, sizeof err);
        sr_status st = decode_response(c->decoder, text, len, &err);
        /* The path check reuses the request table's helper. */
        hostile_case as_request = {c->name, NULL,    0,       NULL,          0,
                                   0,       c->code, c->path, c->path_check, NULL};
        if (st != c->code) {
            print_message("%s: got %s at '%s' (%s), expected %s\n", c->name, sr_status_name(st),
                          err.path, err.message, sr_status_name(c->code));
            failed++;
        } else if (st != SR_OK) {
            assert_error_well_formed(c->name, st, &err, len);
            failed += path_matches(&as_request, &err) ? 0 : 1;
        }
        free(generated.data);
    }
    print_message("%zu hostile response cases, %zu failed\n", COUNT(response_cases), failed);
    assert_int_equal(failed, 0);
}

/* ---- truncation and corruption of the seed ---- */

static void every_truncated_prefix_is_a_syntax_error(void **state)
{
    (void)state;
    size_t n = sizeof seed_json - 1;
    char *copy = malloc(n);
    assert_non_null(copy);
    for (size_t len = 0; len < n; len++) {
        /* A copy of exactly len bytes, so that reading past it is caught. */
        memcpy(copy, seed_json, len);
        session_report_request *r = NULL;
        sr_error err;
        sr_status st = session_report_request_from_json(len ? copy : NULL, len, NULL, &r, &err);
        if (st != SR_ERR_SYNTAX)
            fail_msg("prefix of %zu bytes: %s at '%s'", len, sr_status_name(st), err.path);
        assert_null(r);
        assert_error_well_formed("prefix", st, &err, len);
    }
    free(copy);
}

/* Where each string of the seed sits, and the pointer of its value. */
typedef struct seed_string {
    const char *quoted; /* the value as it appears, quotes included */
    const char *path;
} seed_string;

static const seed_string seed_values[] = {
    {"\"0844021539-00001\"", "/accountNumber"},
    {"\"2022-12-09T22:01:06.217Z\"", "/startDate"},
    {"\"2022-12-09T22:01:08.734Z\"", "/endDate"},
    {"\"709312034493372\"", "/imei/0"},
    {"\"deviceGroup4\"", "/deviceGroup"},
    {"\"dataPlan2\"", "/dataPlan"},
    {"\"false\"", "/noSessionFlag"},
    {"\"deviceLabel4\"", "/deviceLabel"},
};

/* The pointer of the value string whose contents hold offset pos, or NULL. */
static const char *value_path_at(size_t pos)
{
    for (size_t i = 0; i < COUNT(seed_values); i++) {
        const char *at = strstr(seed_json, seed_values[i].quoted);
        assert_non_null(at);
        size_t begin = (size_t)(at - seed_json) + 1;
        size_t end = begin + strlen(seed_values[i].quoted) - 2;
        if (pos >= begin && pos < end)
            return seed_values[i].path;
    }
    return NULL;
}

static int is_json_whitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* Replacement bytes: JSON punctuation, digits, letters, control bytes and
 * every kind of bad UTF-8 lead or continuation byte. */
static const unsigned char corruptions[] = {
    0x00, 0x01, 0x09, 0x0a, 0x1f, ' ',  '"',  ',',  ':',  '[',  ']',  '{',  '}', '\\',
    '/',  '0',  '9',  '-',  '+',  '.',  'e',  'E',  'a',  'n',  't',  'f',  'u', 0x7f,
    0x80, 0xbf, 0xc0, 0xc1, 0xc3, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xfe, 0xff,
};

static void every_single_byte_corruption(void **state)
{
    (void)state;
    size_t n = sizeof seed_json - 1;
    char *doc = malloc(n);
    assert_non_null(doc);
    size_t outcomes[SR_ERR_LIMIT + 1] = {0};

    session_report_request *seed = NULL;
    assert_int_equal(session_report_request_from_json(seed_json, n, NULL, &seed, NULL), SR_OK);

    for (size_t pos = 0; pos < n; pos++) {
        const char *value_path = value_path_at(pos);
        for (size_t k = 0; k < COUNT(corruptions); k++) {
            char what[64];
            unsigned char byte = corruptions[k];
            snprintf(what, sizeof what, "byte %zu := 0x%02x", pos, byte);
            memcpy(doc, seed_json, n);
            doc[pos] = (char)byte;

            session_report_request *r = NULL;
            sr_error err, again;
            memset(&err, 0, sizeof err);
            sr_status st = session_report_request_from_json(doc, n, NULL, &r, &err);
            assert_true(st >= SR_OK && st <= SR_ERR_LIMIT);
            outcomes[st]++;
            if (st == SR_OK) {
                /* Still a request: it must round-trip. */
                char *out = NULL;
                session_report_request *back = NULL;
                assert_non_null(r);
                assert_int_equal(session_report_request_to_json(r, 0, &out, NULL), SR_OK);
                assert_int_equal(
                    session_report_request_from_json(out, strlen(out), NULL, &back, NULL), SR_OK);
                assert_true(session_report_request_equal(r, back));
                if (is_json_whitespace(seed_json[pos]) && is_json_whitespace((char)byte))
                    assert_true(session_report_request_equal(r, seed));
                session_report_request_free(back);
                sr_free(out);
                session_report_request_free(r);
            } else {
                assert_null(r);
                assert_error_well_formed(what, st, &err, n);
                /* Not possible for a corrupted request document. */
                if (st == SR_ERR_NOMEM || st == SR_ERR_ARG || st == SR_ERR_FORMAT ||
                    st == SR_ERR_RANGE || st == SR_ERR_UNKNOWN_FIELD || st == SR_ERR_LIMIT)
                    fail_msg("%s: %s", what, sr_status_name(st));
                /* Deterministic: the same bytes give the same error. */
                assert_int_equal(session_report_request_from_json(doc, n, NULL, &r, &again), st);
                assert_string_equal(again.path, err.path);
                assert_int_equal(again.offset, err.offset);
            }

            /* Where the outcome is certain, assert it exactly. */
            if (value_path != NULL && (byte == 0xff || byte == 0xfe || byte == 0x80)) {
                if (st != SR_ERR_ENCODING || strcmp(err.path, value_path) != 0)
                    fail_msg("%s (inside %s): %s at '%s'", what, value_path, sr_status_name(st),
                             err.path);
            }
            if (value_path == NULL && (byte == 0xff || byte == 0xfe) &&
                !is_json_whitespace(seed_json[pos]) && seed_json[pos] != '"') {
                /* Outside every value string: a key (encoding) or structure (syntax). */
                if (st != SR_ERR_ENCODING && st != SR_ERR_SYNTAX)
                    fail_msg("%s: %s", what, sr_status_name(st));
            }
            if (byte == 0x01 || byte == 0x1f) {
                if (st != SR_ERR_SYNTAX)
                    fail_msg("%s: raw control byte gave %s", what, sr_status_name(st));
            }
        }
    }
    session_report_request_free(seed);
    free(doc);
    /* The corruptions reach every kind of failure a request can have. */
    assert_true(outcomes[SR_OK] > 0);
    assert_true(outcomes[SR_ERR_SYNTAX] > 0);
    assert_true(outcomes[SR_ERR_ENCODING] > 0);
    assert_true(outcomes[SR_ERR_MISSING] > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_cases),
        cmocka_unit_test(response_table_cases),
        cmocka_unit_test(every_truncated_prefix_is_a_syntax_error),
        cmocka_unit_test(every_single_byte_corruption),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
