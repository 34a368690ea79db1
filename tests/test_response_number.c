/* SPDX-License-Identifier: MIT */
/* Exact counts from JSON number text and from doubles (src/response_count.c), white-box.
 * Text that is not one JSON number is refused before (test_response_cjson). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "response_common.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void accepted(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int64_t value;
    } cases[] = {
        {"0", 0},
        {"-0", 0},
        {"-0.0e-7", 0},
        {"7", 7},
        {"9007199254740992", INT64_C(9007199254740992)},
        {"9007199254740993", INT64_C(9007199254740993)},
        {"9223372036854775807", INT64_MAX},
        {"9223372036854775807.000", INT64_MAX},
        {"922337203685477580.7e1", INT64_MAX},
        {"1.0", 1},
        {"1e0", 1},
        {"1E+2", 100},
        {"1e18", INT64_C(1000000000000000000)},
        {"12.50e1", 125},
        {"1200e-2", 12},
        {"0.0", 0},
        {"1005", 1005},
        {"0.05e2", 5},
        {"100.0100e4", 1000100},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        int64_t v = -42;
        const char *why = NULL;
        sr_status st = sr__count_from_digits(cases[i].text, strlen(cases[i].text), &v, &why);
        if (st != SR_OK)
            print_error("%s: %s\n", cases[i].text, why);
        assert_int_equal(st, SR_OK);
        assert_true(v == cases[i].value);
    }
}

static void rejected(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *why;
    } cases[] = {
        {"-1", "is negative"},
        {"-9223372036854775808", "is negative"},
        {"-0.5", "is negative"},
        {"0.5", "is not a whole number"},
        {"1.5", "is not a whole number"},
        {"1e-1", "is not a whole number"},
        {"15e-1", "is not a whole number"},
        {"1.0000000000000000000000001", "is not a whole number"},
        {"1e-99999999999999999999999", "is not a whole number"},
        {"9223372036854775808", "exceeds 9223372036854775807"},
        {"9223372036854775807.5", "is not a whole number"},
        {"10000000000000000000", "exceeds 9223372036854775807"},
        {"99999999999999999999", "exceeds 9223372036854775807"},
        {"1e19", "exceeds 9223372036854775807"},
        {"9.3e18", "exceeds 9223372036854775807"},
        {"1e99999999999999999999999", "exceeds 9223372036854775807"},
        {"10000000000000000000000e-3", "exceeds 9223372036854775807"},
        {"100000000000000000001e-2", "is not a whole number"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        int64_t v = -42;
        const char *why = NULL;
        sr_status st = sr__count_from_digits(cases[i].text, strlen(cases[i].text), &v, &why);
        if (why == NULL || strcmp(why, cases[i].why) != 0)
            print_error("%s: %s, %s\n", cases[i].text, sr_status_name(st), why ? why : "-");
        assert_int_equal(st, SR_ERR_RANGE);
        assert_string_equal(why, cases[i].why);
        assert_true(v == -42);
    }
}

static void length_is_respected(void **state)
{
    (void)state;
    int64_t v = 0;
    const char *why = NULL;
    assert_int_equal(sr__count_from_digits("12345", 3, &v, &why), SR_OK);
    assert_true(v == 123);
}

/* Ordinary cJSON numbers (from_cjson): whole doubles in range only. */
static void doubles(void **state)
{
    (void)state;
    int64_t v = -1;
    const char *why = NULL;
    assert_int_equal(sr__count_from_double(0.0, &v, &why), SR_OK);
    assert_true(v == 0);
    assert_int_equal(sr__count_from_double(-0.0, &v, &why), SR_OK);
    assert_true(v == 0);
    assert_int_equal(sr__count_from_double(9007199254740992.0, &v, &why), SR_OK);
    assert_true(v == INT64_C(9007199254740992));
    assert_int_equal(sr__count_from_double(9223372036854774784.0, &v, &why), SR_OK);
    assert_true(v == INT64_C(9223372036854774784)); /* the largest double below 2^63 */
    v = -42;
    assert_int_equal(sr__count_from_double(9223372036854775808.0, &v, &why), SR_ERR_RANGE);
    assert_string_equal(why, "exceeds 9223372036854775807");
    assert_int_equal(sr__count_from_double(1.5, &v, &why), SR_ERR_RANGE);
    assert_string_equal(why, "is not a whole number");
    assert_int_equal(sr__count_from_double(-1.0, &v, &why), SR_ERR_RANGE);
    assert_string_equal(why, "is negative");
    assert_int_equal(sr__count_from_double(1.0 / 0.0, &v, &why), SR_ERR_RANGE);
    assert_int_equal(sr__count_from_double(0.0 / 0.0, &v, &why), SR_ERR_RANGE);
    assert_true(v == -42);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepted),
        cmocka_unit_test(rejected),
        cmocka_unit_test(length_is_respected),
        cmocka_unit_test(doubles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
