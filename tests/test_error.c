/* SPDX-License-Identifier: MIT */
/* Status names, error filling, JSON Pointer building and UTF-8 checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <sessreport.h>

#include "internal.h"

static void status_names_cover_the_enum(void **state)
{
    (void)state;
    static const char *const expected[] = {
        "SR_OK",
        "SR_ERR_NOMEM",
        "SR_ERR_ARG",
        "SR_ERR_SYNTAX",
        "SR_ERR_TYPE",
        "SR_ERR_MISSING",
        "SR_ERR_FORMAT",
        "SR_ERR_RANGE",
        "SR_ERR_DUPLICATE",
        "SR_ERR_UNKNOWN_FIELD",
        "SR_ERR_ENCODING",
        "SR_ERR_LIMIT",
    };
    for (int s = SR_OK; s <= SR_ERR_LIMIT; s++)
        assert_string_equal(sr_status_name((sr_status)s), expected[s]);
    assert_string_equal(sr_status_name((sr_status)12), "SR_ERR_UNKNOWN_STATUS");
    assert_string_equal(sr_status_name((sr_status)-1), "SR_ERR_UNKNOWN_STATUS");
}

static void error_set_fills_and_flattens(void **state)
{
    (void)state;
    sr_error e;
    memset(&e, 0x5a, sizeof e);
    assert_int_equal(sr__error_set(&e, SR_ERR_FORMAT, "/imei/2", "bad %s\ndigit %d", "check", 7),
                     SR_ERR_FORMAT);
    assert_int_equal(e.code, SR_ERR_FORMAT);
    assert_string_equal(e.path, "/imei/2");
    assert_string_equal(e.message, "bad check digit 7"); /* one line */
    assert_int_equal(e.offset, 0);
    assert_int_equal(e.line, 0);
    assert_int_equal(e.column, 0);
    assert_int_equal(sr__error_set(NULL, SR_ERR_RANGE, "", "x"), SR_ERR_RANGE);

    const char doc[] = "{\n  \"a\": 1,\n  x";
    sr__error_set_position(&e, doc, sizeof doc - 1, sizeof doc - 2);
    assert_int_equal(e.offset, sizeof doc - 2);
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 3);
    sr__error_set_position(&e, doc, sizeof doc - 1, 0);
    assert_int_equal(e.line, 1);
    assert_int_equal(e.column, 1);
}

static void pointer_escapes_and_indexes(void **state)
{
    (void)state;
    char path[SR_ERROR_PATH_SIZE] = "";
    sr__pointer_append_key(path, sizeof path, "a/b~c", 5);
    sr__pointer_append_index(path, sizeof path, 42);
    sr__pointer_append_key(path, sizeof path, "", 0);
    assert_string_equal(path, "/a~1b~0c/42/");
}

static void pointer_truncates_on_a_character_boundary(void **state)
{
    (void)state;
    char path[16] = "";
    /* 8 x U+00E9 (2 bytes each) after "/": does not fit in 15 bytes */
    const char *key = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
    sr__pointer_append_key(path, sizeof path, key, strlen(key));
    assert_true(strlen(path) < sizeof path);
    assert_string_equal(path + strlen(path) - 3, "...");
    assert_true(sr__utf8_valid_text(path, strlen(path), NULL));
    sr__pointer_append_index(path, sizeof path, 3); /* stays truncated */
    assert_string_equal(path + strlen(path) - 3, "...");

    sr_error e;
    char longpath[300];
    memset(longpath, 'k', sizeof longpath - 1);
    longpath[0] = '/';
    longpath[sizeof longpath - 1] = '\0';
    sr__error_set(&e, SR_ERR_TYPE, longpath, "m");
    assert_int_equal(strlen(e.path), SR_ERROR_PATH_SIZE - 1);
    assert_string_equal(e.path + strlen(e.path) - 3, "...");
}

/* 1 when every '~' of s is followed by '0' or '1'. */
static int escapes_whole(const char *s)
{
    for (; *s != '\0'; s++) {
        if (*s == '~' && s[1] != '0' && s[1] != '1')
            return 0;
    }
    return 1;
}

/* A cut never leaves half of a "~0" / "~1" escape, wherever it falls:
 * appending a key, or copying a built pointer into sr_error.path. */
static void pointer_cut_keeps_escapes_whole(void **state)
{
    (void)state;
    for (size_t cap = 4; cap <= 24; cap++) {
        char path[24] = "";
        sr__pointer_append_key(path, cap, "a/b~c/d~e/f", 11);
        assert_true(strlen(path) < cap);
        assert_true(escapes_whole(path));
        sr__pointer_append_key(path, cap, "~~//", 4);
        assert_true(escapes_whole(path));
    }
    /* a built pointer whose escape straddles byte 127 of sr_error.path */
    for (size_t shift = 0; shift < 4; shift++) {
        char built[200];
        memset(built, 'k', sizeof built);
        built[0] = '/';
        for (size_t i = 120 + shift; i + 1 < 140; i += 2)
            memcpy(built + i, "~1", 2);
        built[sizeof built - 1] = '\0';
        sr_error e;
        sr__error_set(&e, SR_ERR_TYPE, built, "m");
        assert_string_equal(e.path + strlen(e.path) - 3, "...");
        e.path[strlen(e.path) - 3] = '\0';
        assert_true(escapes_whole(e.path));
        /* and appending to a full path */
        char path[SR_ERROR_PATH_SIZE];
        snprintf(path, sizeof path, "%.*s", (int)(120 + shift), built);
        sr__pointer_append_key(path, sizeof path, "~~~~~~~~~~~~~~~~", 16);
        assert_string_equal(path + strlen(path) - 3, "...");
        path[strlen(path) - 3] = '\0';
        assert_true(escapes_whole(path));
    }
}

static void utf8_sequences(void **state)
{
    (void)state;
    struct {
        const char *bytes;
        size_t len;
        size_t expect;
    } cases[] = {
        {"A", 1, 1},
        {"\xc2\x80", 2, 2},
        {"\xdf\xbf", 2, 2},
        {"\xc1\xbf", 2, 0},     /* overlong */
        {"\xe0\x9f\xbf", 3, 0}, /* overlong 3-byte */
        {"\xe0\xa0\x80", 3, 3},
        {"\xed\x9f\xbf", 3, 3}, /* U+D7FF */
        {"\xed\xa0\x80", 3, 0}, /* U+D800 surrogate */
        {"\xee\x80\x80", 3, 3},
        {"\xf0\x8f\xbf\xbf", 4, 0}, /* overlong 4-byte */
        {"\xf0\x90\x80\x80", 4, 4},
        {"\xf4\x8f\xbf\xbf", 4, 4}, /* U+10FFFF */
        {"\xf4\x90\x80\x80", 4, 0}, /* above U+10FFFF */
        {"\xf5\x80\x80\x80", 4, 0},
        {"\x80", 1, 0},         /* stray continuation */
        {"\xe2\x82", 2, 0},     /* truncated */
        {"\xe2\x28\xa1", 3, 0}, /* bad continuation */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(
            sr__utf8_sequence_length((const unsigned char *)cases[i].bytes, cases[i].len),
            cases[i].expect);

    size_t bad = 99;
    assert_true(sr__utf8_valid_text("ok \xe2\x82\xac", 6, &bad));
    assert_false(sr__utf8_valid_text("ab\0c", 4, &bad));
    assert_int_equal(bad, 2);
    assert_false(sr__utf8_valid_text("abc\xff", 4, &bad));
    assert_int_equal(bad, 3);
}

static void version_matches_the_header(void **state)
{
    (void)state;
    assert_string_equal(sr_version(), SESSREPORT_VERSION_STRING);
    assert_true(SESSREPORT_VERSION_HEX ==
                ((SESSREPORT_VERSION_MAJOR << 16) | (SESSREPORT_VERSION_MINOR << 8) |
                 SESSREPORT_VERSION_PATCH));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_names_cover_the_enum),
        cmocka_unit_test(error_set_fills_and_flattens),
        cmocka_unit_test(pointer_escapes_and_indexes),
        cmocka_unit_test(pointer_truncates_on_a_character_boundary),
        cmocka_unit_test(pointer_cut_keeps_escapes_whole),
        cmocka_unit_test(utf8_sequences),
        cmocka_unit_test(version_matches_the_header),
    };
    return cmocka_run_group_tests_name("error", tests, NULL, NULL);
}
