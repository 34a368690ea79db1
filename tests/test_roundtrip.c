/* SPDX-License-Identifier: MIT */
/* Round trips (DESIGN section 4): parse -> serialize -> parse gives an equal
 * request, serialize -> parse -> serialize gives identical bytes, and the
 * pretty and compact forms decode to the same request. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sessreport.h"

/* Fixtures under tests/data/roundtrip/ (a missing directory must fail). */
#define MIN_FIXTURES 7

static session_report_request *decode_len(const char *json, size_t len, const char *what)
{
    session_report_request *r = NULL;
    sr_error err;
    sr_status st = session_report_request_from_json(json, len, NULL, &r, &err);
    if (st != SR_OK)
        print_message("%s: %s at '%s': %s\n", what, sr_status_name(st), err.path, err.message);
    assert_int_equal(st, SR_OK);
    return r;
}

static char *encode(const session_report_request *r, unsigned flags, size_t *len)
{
    char *out = NULL;
    assert_int_equal(session_report_request_to_json(r, flags, &out, len), SR_OK);
    assert_non_null(out);
    assert_int_equal(*len, strlen(out));
    return out;
}

/* Every round-trip property for one decoded request. */
static void check_round_trips(const session_report_request *a, const char *what)
{
    size_t clen, plen, len;
    char *compact = encode(a, 0, &clen);
    char *pretty = encode(a, SR_JSON_PRETTY, &plen);

    /* parse -> serialize -> parse: equal */
    session_report_request *b = decode_len(compact, clen, what);
    session_report_request *c = decode_len(pretty, plen, what);
    if (!session_report_request_equal(a, b) || !session_report_request_equal(a, c))
        print_message("%s: not equal after a round trip:\n%s\n", what, pretty);
    assert_true(session_report_request_equal(a, b));
    assert_true(session_report_request_equal(a, c));

    /* serialize -> parse -> serialize: identical bytes, in both layouts and
     * across them */
    char *again = encode(b, 0, &len);
    assert_int_equal(len, clen);
    assert_string_equal(again, compact);
    sr_free(again);
    again = encode(c, SR_JSON_PRETTY, &len);
    assert_int_equal(len, plen);
    assert_string_equal(again, pretty);
    sr_free(again);
    again = encode(c, 0, &len);
    assert_string_equal(again, compact);
    sr_free(again);

    /* compact has no whitespace outside strings; pretty no final newline */
    assert_null(strchr(compact, '\n'));
    assert_int_not_equal(pretty[plen - 1], '\n');

    /* a clone encodes the same */
    session_report_request *d = NULL;
    assert_int_equal(session_report_request_clone(a, &d), SR_OK);
    again = encode(d, 0, &len);
    assert_string_equal(again, compact);
    sr_free(again);

    session_report_request_free(d);
    session_report_request_free(b);
    session_report_request_free(c);
    sr_free(compact);
    sr_free(pretty);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;
    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)size + 1);
        if (buf != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size) {
            *len = (size_t)size;
        } else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

static void test_fixtures(void **state)
{
    const char *source = getenv("SR_SOURCE_DIR");
    char dir[2048], path[4096];
    DIR *d;
    const struct dirent *e;
    int files = 0;
    (void)state;

    if (source == NULL)
        fail_msg("SR_SOURCE_DIR is not set");
    snprintf(dir, sizeof dir, "%s/tests/data/roundtrip", source);
    d = opendir(dir);
    if (d == NULL)
        fail_msg("cannot open %s", dir);
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name), len = 0;
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        char *doc = read_file(path, &len);
        if (doc == NULL)
            fail_msg("cannot read %s", path);
        session_report_request *a = decode_len(doc, len, e->d_name);
        check_round_trips(a, e->d_name);
        session_report_request_free(a);
        free(doc);
        files++;
    }
    closedir(d);
    print_message("round trips: %d fixtures\n", files);
    assert_true(files >= MIN_FIXTURES);
}

/* The pretty seed fixture is already canonical: it re-encodes to itself. */
static void test_canonical_fixture_is_fixed_point(void **state)
{
    const char *source = getenv("SR_SOURCE_DIR");
    char path[4096];
    size_t len = 0, out_len;
    (void)state;
    if (source == NULL)
        fail_msg("SR_SOURCE_DIR is not set");
    snprintf(path, sizeof path, "%s/tests/data/roundtrip/seed.json", source);
    char *doc = read_file(path, &len);
    assert_non_null(doc);
    while (len > 0 && doc[len - 1] == '\n')
        len--; /* the file ends in a newline, the encoder does not */
    session_report_request *r = decode_len(doc, len, "seed.json");
    char *out = encode(r, SR_JSON_PRETTY, &out_len);
    assert_int_equal(out_len, len);
    assert_memory_equal(out, doc, len);
    sr_free(out);
    session_report_request_free(r);
    free(doc);
}

/* Unknown members come back with their numbers' digits, in cJSON's string
 * escaping, and round-trip from there (DESIGN sections 4 and 9). */
static void test_unknown_members_keep_their_digits(void **state)
{
    (void)state;
    static const char in[] =
        "{\"accountNumber\":\"1\",\"imei\":[],\"big\":12345678901234567890123,"
        "\"money\":1.50,\"e\":[-0.0E+07,1e400,{\"s\":\"\\u00e9\\/\\u0041\\n\"}],\"t\":true}";
    static const char want[] =
        "{\"accountNumber\":\"1\",\"imei\":[],\"big\":12345678901234567890123,"
        "\"money\":1.50,\"e\":[-0.0E+07,1e400,{\"s\":\"\xC3\xA9/A\\n\"}],\"t\":true}";
    session_report_request *r = decode_len(in, sizeof in - 1, "digits");
    size_t len;
    char *out = encode(r, 0, &len);
    assert_string_equal(out, want);
    assert_string_equal(session_report_request_unknown_value_at(r, 1), "1.50");
    check_round_trips(r, "digits");
    sr_free(out);
    out = encode(r, SR_JSON_PRETTY, &len);
    assert_string_equal(out, "{\n  \"accountNumber\": \"1\",\n  \"imei\": [],\n"
                             "  \"big\": 12345678901234567890123,\n  \"money\": 1.50,\n"
                             "  \"e\": [\n    -0.0E+07,\n    1e400,\n    {\n"
                             "      \"s\": \"\xC3\xA9/A\\n\"\n    }\n  ],\n  \"t\": true\n}");
    sr_free(out);
    session_report_request_free(r);
}

/* ---- generated requests ---- */

static uint32_t next_random(uint32_t *seed)
{
    *seed = *seed * 1664525u + 1013904223u;
    return *seed >> 8;
}

/* A random valid UTF-8 string without NUL: ASCII (controls, quotes and
 * backslashes included) and 2-, 3- and 4-byte characters. */
static void random_text(uint32_t *seed, char *out, size_t cap)
{
    static const char *const pieces[] = {"\"",
                                         "\\",
                                         "/",
                                         "\n",
                                         "\t",
                                         "\x01",
                                         "\x1f",
                                         "\x7f",
                                         "\xC3\xA9",
                                         "\xE2\x82\xAC",
                                         "\xF0\x9F\x98\x80",
                                         "\xEF\xBF\xBF",
                                         "a",
                                         " ",
                                         "{",
                                         "]"};
    size_t n = 0, count = next_random(seed) % 12;
    for (size_t i = 0; i < count; i++) {
        const char *p = pieces[next_random(seed) % (sizeof pieces / sizeof pieces[0])];
        size_t len = strlen(p);
        if (n + len + 1 > cap)
            break;
        memcpy(out + n, p, len);
        n += len;
    }
    out[n] = '\0';
}

typedef sr_status (*setter)(session_report_request *, const char *);
typedef sr_status (*null_setter)(session_report_request *);

static void test_generated_requests(void **state)
{
    static const setter plain[] = {session_report_request_set_start_date,
                                   session_report_request_set_end_date,
                                   session_report_request_set_no_session_flag};
    static const setter nullable[] = {session_report_request_set_device_group,
                                      session_report_request_set_data_plan,
                                      session_report_request_set_device_label};
    static const null_setter nulls[] = {session_report_request_set_device_group_null,
                                        session_report_request_set_data_plan_null,
                                        session_report_request_set_device_label_null};
    uint32_t seed = 20221209u;
    char text[128];
    (void)state;

    for (int round = 0; round < 300; round++) {
        session_report_request *r = session_report_request_new();
        assert_non_null(r);
        random_text(&seed, text, sizeof text);
        assert_int_equal(session_report_request_set_account_number(r, text), SR_OK);
        for (size_t i = 0; i < 3; i++) {
            if (next_random(&seed) % 2) {
                random_text(&seed, text, sizeof text);
                assert_int_equal(plain[i](r, text), SR_OK);
            }
            switch (next_random(&seed) % 3) {
            case 0:
                break;
            case 1:
                assert_int_equal(nulls[i](r), SR_OK);
                break;
            default:
                random_text(&seed, text, sizeof text);
                assert_int_equal(nullable[i](r, text), SR_OK);
                break;
            }
        }
        for (uint32_t i = next_random(&seed) % 5; i > 0; i--) {
            random_text(&seed, text, sizeof text);
            assert_int_equal(session_report_request_add_imei(r, text), SR_OK);
        }
        check_round_trips(r, "generated");
        session_report_request_free(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixtures),
        cmocka_unit_test(test_canonical_fixture_is_fixed_point),
        cmocka_unit_test(test_unknown_members_keep_their_digits),
        cmocka_unit_test(test_generated_requests),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
