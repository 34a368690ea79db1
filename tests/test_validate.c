/* SPDX-License-Identifier: MIT */
/* session_report_request_validate (errors: what the API documents) and
 * session_report_request_lint (warnings: likely mistakes), rule by rule, each
 * on its side: codes, JSON pointers, order, totals, truncation, the walks
 * without an array, and options. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sessreport/json.h"
#include "sessreport/request.h"
#include "sessreport/validate.h"
#include "support/seed.h"

#define SEED_IMEI    "709312034493372"
#define OTHER_IMEI   "353489000000065"
#define MAX_EXPECTED 16

/* A problem as the tests name it. */
typedef struct problem {
    sr_status code;
    const char *path;
} problem;

/* The seed example of DESIGN section 1, built through the setters; its
 * only IMEI is SEED_IMEI. */
static session_report_request *seed_request(void)
{
    session_report_request *r = sr_test_seed_request();
    assert_non_null(r);
    assert_string_equal(session_report_request_imei_at(r, 0), SEED_IMEI);
    return r;
}

/* The seed with other dates (NULL unsets). */
static session_report_request *dated(const char *start, const char *end)
{
    session_report_request *r = seed_request();
    assert_int_equal(session_report_request_set_start_date(r, start), SR_OK);
    assert_int_equal(session_report_request_set_end_date(r, end), SR_OK);
    return r;
}

/* validate or lint */
typedef size_t (*check_fn)(const session_report_request *r, const sr_validate_options *opts,
                           sr_error *problems, size_t max);

/* Runs check and compares the exact list of problems, in order. */
static void expect_problems_at(check_fn check, const session_report_request *r,
                               const sr_validate_options *opts, const problem *want, size_t n,
                               const char *file, int line)
{
    sr_error errors[MAX_EXPECTED];
    memset(errors, 0, sizeof errors);
    size_t got = check(r, opts, errors, MAX_EXPECTED);
    size_t shown = got < MAX_EXPECTED ? got : MAX_EXPECTED;
    int ok = got == n;
    for (size_t i = 0; ok && i < n; i++)
        ok = errors[i].code == want[i].code && strcmp(errors[i].path, want[i].path) == 0;
    for (size_t i = 0; i < shown; i++) {
        assert_int_not_equal(errors[i].code, SR_OK);
        assert_non_null(memchr(errors[i].message, '\0', sizeof errors[i].message));
        assert_true(errors[i].message[0] != '\0');
        assert_null(strchr(errors[i].message, '\n'));
    }
    if (!ok) {
        print_error("%s:%d: got %zu problems, expected %zu\n", file, line, got, n);
        for (size_t i = 0; i < shown; i++)
            print_error("  %s %s: %s\n", sr_status_name(errors[i].code), errors[i].path,
                        errors[i].message);
    }
    /* a count-only call agrees */
    assert_int_equal(check(r, opts, NULL, 0), got);
    assert_true(ok);
}

#define expect_on(check, r, opts, ...)                                                             \
    do {                                                                                           \
        static const problem want_[] = {__VA_ARGS__};                                              \
        expect_problems_at((check), (r), (opts), want_, sizeof want_ / sizeof want_[0], __FILE__,  \
                           __LINE__);                                                              \
    } while (0)
/* Exactly these errors (no statement about warnings). */
#define expect_errors(r, opts, ...) expect_on(session_report_request_validate, r, opts, __VA_ARGS__)
/* Exactly these warnings (no statement about errors). */
#define expect_warnings(r, opts, ...) expect_on(session_report_request_lint, r, opts, __VA_ARGS__)
#define expect_no_errors(r, opts)                                                                  \
    expect_problems_at(session_report_request_validate, (r), (opts), NULL, 0, __FILE__, __LINE__)
#define expect_no_warnings(r, opts)                                                                \
    expect_problems_at(session_report_request_lint, (r), (opts), NULL, 0, __FILE__, __LINE__)
/* Neither errors nor warnings. */
#define expect_clean(r, opts)                                                                      \
    do {                                                                                           \
        expect_no_errors(r, opts);                                                                 \
        expect_no_warnings(r, opts);                                                               \
    } while (0)

/* The first problem's message, for wording checks. */
static const char *first_message_of(check_fn check, const session_report_request *r,
                                    const sr_validate_options *opts, sr_error *e)
{
    memset(e, 0, sizeof *e);
    assert_true(check(r, opts, e, 1) >= 1);
    return e->message;
}

#define first_error(r, opts, e)   first_message_of(session_report_request_validate, r, opts, e)
#define first_warning(r, opts, e) first_message_of(session_report_request_lint, r, opts, e)

/* An IMEI from a 14-digit body and a Luhn check digit computed here. */
static void make_imei(unsigned long long body, char out[16])
{
    unsigned sum = 0;
    snprintf(out, 16, "%014llu", body);
    for (int i = 13, k = 0; i >= 0; i--, k++) {
        unsigned v = (unsigned)(out[i] - '0');
        if (k % 2 == 0)
            v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        sum += v;
    }
    out[14] = (char)('0' + (10 - sum % 10) % 10);
    out[15] = '\0';
}

/* ---- whole request ---- */

static void test_seed_is_valid(void **state)
{
    (void)state;
    session_report_request *r = seed_request();
    expect_clean(r, NULL);
    sr_validate_options zero;
    memset(&zero, 0, sizeof zero);
    expect_clean(r, &zero);
    zero.flags = SR_VALIDATE_RFC3339;
    expect_clean(r, &zero);
    session_report_request_free(r);
}

static void test_null_request(void **state)
{
    (void)state;
    check_fn checks[] = {session_report_request_validate, session_report_request_lint};
    for (size_t k = 0; k < 2; k++) {
        sr_error e[2];
        memset(e, 0, sizeof e);
        assert_int_equal(checks[k](NULL, NULL, e, 2), 1);
        assert_int_equal(e[0].code, SR_ERR_ARG);
        assert_string_equal(e[0].path, "");
        assert_int_equal(e[1].code, SR_OK);
        assert_int_equal(checks[k](NULL, NULL, NULL, 0), 1);
    }
}

static void test_minimal_request(void **state)
{
    (void)state;
    session_report_request *r = session_report_request_new();
    assert_non_null(r);
    expect_errors(r, NULL, {SR_ERR_MISSING, "/accountNumber"});
    expect_no_warnings(r, NULL); /* unset is an error, not also a warning */
    assert_int_equal(session_report_request_set_account_number(r, "0844021539-00001"), SR_OK);
    expect_clean(r, NULL); /* an empty IMEI list means all devices */
    session_report_request_free(r);
}

/* ---- accountNumber: set and not empty (error); the usual form (warning) ---- */

static void test_account_number(void **state)
{
    (void)state;
    static const char *const unusual[] = {"0844021539-1",      "084402153900001",
                                          "0844021539_00001",  "0844021539-000011",
                                          "a844021539-00001",  "844021539-00001",
                                          "08440215390-0001",  "0844021539-0000a",
                                          "0844021539-",       "-0844021539-00001",
                                          "0844021539-00001 ", " 0844021539-00001",
                                          "0844021539--0001",  "1654"};
    session_report_request *r = seed_request();
    for (size_t i = 0; i < sizeof unusual / sizeof unusual[0]; i++) {
        assert_int_equal(session_report_request_set_account_number(r, unusual[i]), SR_OK);
        expect_no_errors(r, NULL);
        expect_warnings(r, NULL, {SR_ERR_FORMAT, "/accountNumber"});
    }
    sr_error e;
    assert_int_equal(session_report_request_set_account_number(r, "0844021539-1"), SR_OK);
    assert_non_null(strstr(first_warning(r, NULL, &e), "0844021539-00001"));
    /* grammar: one digit, several digits */
    assert_int_equal(session_report_request_set_account_number(r, "1-00001"), SR_OK);
    assert_non_null(strstr(first_warning(r, NULL, &e), "found 1 digit before"));
    assert_int_equal(session_report_request_set_account_number(r, "1654"), SR_OK);
    assert_non_null(strstr(first_warning(r, NULL, &e), "found 4 digits before"));
    assert_int_equal(session_report_request_set_account_number(r, "9999999999-99999"), SR_OK);
    expect_clean(r, NULL);
    /* empty: an error, and not also a warning */
    assert_int_equal(session_report_request_set_account_number(r, ""), SR_OK);
    expect_errors(r, NULL, {SR_ERR_FORMAT, "/accountNumber"});
    expect_no_warnings(r, NULL);
    assert_non_null(strstr(first_error(r, NULL, &e), "empty"));
    assert_int_equal(session_report_request_set_account_number(r, NULL), SR_OK);
    expect_errors(r, NULL, {SR_ERR_MISSING, "/accountNumber"});
    expect_no_warnings(r, NULL);
    assert_non_null(strstr(first_error(r, NULL, &e), "required"));
    session_report_request_free(r);
}

/* ---- imei: the count is an error; digits, Luhn and repeats are warnings ---- */

static void test_imei_format_and_luhn(void **state)
{
    (void)state;
    session_report_request *r = seed_request();
    static const char *const items[] = {
        "70931203449337",        "70931203449337A", "7093120344933720", "709312034493373", "",
        "70931203449337\xc3\xa9"};
    assert_int_equal(session_report_request_set_imei(r, items, 6), SR_OK);
    expect_no_errors(r, NULL);
    expect_warnings(r, NULL, {SR_ERR_FORMAT, "/imei/0"}, {SR_ERR_FORMAT, "/imei/1"},
                    {SR_ERR_FORMAT, "/imei/2"}, {SR_ERR_FORMAT, "/imei/3"},
                    {SR_ERR_FORMAT, "/imei/4"}, {SR_ERR_FORMAT, "/imei/5"});
    sr_validate_options o;
    memset(&o, 0, sizeof o);
    o.flags = SR_VALIDATE_NO_LUHN;
    /* the Luhn failure (index 3) goes away; the malformed ones stay */
    expect_warnings(r, &o, {SR_ERR_FORMAT, "/imei/0"}, {SR_ERR_FORMAT, "/imei/1"},
                    {SR_ERR_FORMAT, "/imei/2"}, {SR_ERR_FORMAT, "/imei/4"},
                    {SR_ERR_FORMAT, "/imei/5"});

    /* the message names the expected check digit */
    sr_error e[4];
    session_report_request_clear_imei(r);
    assert_int_equal(session_report_request_add_imei(r, "709312034493373"), SR_OK);
    assert_int_equal(session_report_request_lint(r, NULL, e, 4), 1);
    assert_non_null(strstr(e[0].message, "Luhn check digit of 70931203449337 is 2"));
    session_report_request_clear_imei(r);
    assert_int_equal(session_report_request_add_imei(r, "70931203449337"), SR_OK);
    assert_int_equal(session_report_request_lint(r, NULL, e, 4), 1);
    assert_non_null(strstr(e[0].message, "15 ASCII digits, this one has 14 bytes"));
    /* grammar: one byte */
    session_report_request_clear_imei(r);
    assert_int_equal(session_report_request_add_imei(r, "7"), SR_OK);
    assert_int_equal(session_report_request_lint(r, NULL, e, 4), 1);
    assert_non_null(strstr(e[0].message, "this one has 1 byte"));
    assert_null(strstr(e[0].message, "1 bytes"));

    /* every check digit is caught */
    for (char d = '0'; d <= '9'; d++) {
        char imei[16] = SEED_IMEI;
        imei[14] = d;
        session_report_request_clear_imei(r);
        assert_int_equal(session_report_request_add_imei(r, imei), SR_OK);
        assert_int_equal(session_report_request_lint(r, NULL, NULL, 0), d == '2' ? 0 : 1);
        assert_int_equal(session_report_request_validate(r, NULL, NULL, 0), 0);
    }
    session_report_request_free(r);
}

static void test_imei_generated_luhn(void **state)
{
    (void)state;
    session_report_request *r = seed_request();
    session_report_request_clear_imei(r);
    char imei[16];
    for (unsigned long long body = 35348900000000ULL; body < 35348900000000ULL + 200; body += 7) {
        make_imei(body, imei);
        assert_int_equal(session_report_request_add_imei(r, imei), SR_OK);
    }
    expect_clean(r, NULL);
    session_report_request_free(r);
}

static void test_imei_duplicates(void **state)
{
    (void)state;
    session_report_request *r = seed_request();
    const char *aba[] = {SEED_IMEI, OTHER_IMEI, SEED_IMEI};
    assert_int_equal(session_report_request_set_imei(r, aba, 3), SR_OK);
    expect_no_errors(r, NULL);
    expect_warnings(r, NULL, {SR_ERR_DUPLICATE, "/imei/2"});
    sr_error e;
    assert_non_null(strstr(first_warning(r, NULL, &e), "/imei/0"));

    const char *aaa[] = {SEED_IMEI, SEED_IMEI, SEED_IMEI};
    assert_int_equal(session_report_request_set_imei(r, aaa, 3), SR_OK);
    expect_warnings(r, NULL, {SR_ERR_DUPLICATE, "/imei/1"}, {SR_ERR_DUPLICATE, "/imei/2"});
    /* each later copy names the first one */
    sr_error two[2];
    assert_int_equal(session_report_request_lint(r, NULL, two, 2), 2);
    assert_non_null(strstr(two[1].message, "repeats /imei/0;"));

    const char *abab[] = {SEED_IMEI, OTHER_IMEI, SEED_IMEI, OTHER_IMEI};
    assert_int_equal(session_report_request_set_imei(r, abab, 4), SR_OK);
    expect_warnings(r, NULL, {SR_ERR_DUPLICATE, "/imei/2"}, {SR_ERR_DUPLICATE, "/imei/3"});
    assert_int_equal(session_report_request_lint(r, NULL, two, 2), 2);
    assert_non_null(strstr(two[1].message, "repeats /imei/1;"));

    /* one problem per item: a malformed copy is reported as malformed */
    const char *xx[] = {"123", "123", SEED_IMEI};
    assert_int_equal(session_report_request_set_imei(r, xx, 3), SR_OK);
    expect_warnings(r, NULL, {SR_ERR_FORMAT, "/imei/0"}, {SR_ERR_FORMAT, "/imei/1"});

    /* a bad Luhn copy under NO_LUHN is a plain duplicate */
    const char *ll[] = {"709312034493373", "709312034493373"};
    assert_int_equal(session_report_request_set_imei(r, ll, 2), SR_OK);
    sr_validate_options o;
    memset(&o, 0, sizeof o);
    o.flags = SR_VALIDATE_NO_LUHN;
    expect_warnings(r, &o, {SR_ERR_DUPLICATE, "/imei/1"});
    expect_warnings(r, NULL, {SR_ERR_FORMAT, "/imei/0"}, {SR_ERR_FORMAT, "/imei/1"});
    expect_no_errors(r, &o);
    session_report_request_free(r);
}

/* Many IMEIs, many repeats, in an order a sort must undo: the first copy of
 * each is named, at every later index. */
static void test_imei_many_duplicates(void **state)
{
    (void)state;
    enum { N = 20000, DISTINCT = 5000 };
    session_report_request *r = seed_request();
    session_report_request_clear_imei(r);
    char imei[16];
    for (unsigned i = 0; i < N; i++) {
        /* descending bodies, so the list is not in key order */
        make_imei(35000000000000ULL + (DISTINCT - 1 - i % DISTINCT) * 13ULL, imei);
        assert_int_equal(session_report_request_add_imei(r, imei), SR_OK);
    }
    sr_validate_options o;
    memset(&o, 0, sizeof o);
    o.max_imeis = N;
    sr_error e[3];
    expect_no_errors(r, &o);
    assert_int_equal(session_report_request_lint(r, &o, e, 3), N - DISTINCT);
    assert_int_equal(e[0].code, SR_ERR_DUPLICATE);
    assert_string_equal(e[0].path, "/imei/5000");
    assert_non_null(strstr(e[0].message, "repeats /imei/0;"));
    assert_string_equal(e[2].path, "/imei/5002");
    assert_non_null(strstr(e[2].message, "repeats /imei/2;"));
    session_report_request_free(r);
}

static void test_imei_count_limits(void **state)
{
    (void)state;
    session_report_request *r = seed_request();
    session_report_request_clear_imei(r);
    char imei[16];
    for (unsigned i = 0; i < 10; i++) {
        make_imei(35000000000000ULL + i, imei);
        assert_int_equal(session_report_request_add_imei(r, imei), SR_OK);
    }
    sr_validate_options sync;
    memset(&sync, 0, sizeof sync);
    sync.max_imeis = SR_MAX_IMEIS_SYNC;
    expect_clean(r, &sync);
    /* the 11th is one too many (an error), and a bad item is still a warning */
    assert_int_equal(session_report_request_add_imei(r, "709312034493373"), SR_OK);
    expect_errors(r, &sync, {SR_ERR_RANGE, "/imei"});
    expect_warnings(r, &sync, {SR_ERR_FORMAT, "/imei/10"});
    sr_error e;
    assert_non_null(strstr(first_error(r, &sync, &e), "11 IMEIs"));
    assert_non_null(strstr(e.message, "at most 10"));
    expect_no_errors(r, NULL);

    /* the default is the asynchronous limit, 10000 */
    session_report_request_clear_imei(r);
    for (unsigned i = 0; i < SR_MAX_IMEIS_ASYNC; i++) {
        make_imei(35000000000000ULL + i, imei);
        assert_int_equal(session_report_request_add_imei(r, imei), SR_OK);
    }
    expect_clean(r, NULL);
    make_imei(36000000000000ULL, imei);
    assert_int_equal(session_report_request_add_imei(r, imei), SR_OK);
    expect_errors(r, NULL, {SR_ERR_RANGE, "/imei"});
    expect_no_warnings(r, NULL);
    session_report_request_free(r);
}

/* ---- noSessionFlag (error) and the labels (warnings) ---- */

static void test_no_session_flag(void **state)
{
    (void)state;
    session_report_request *r = seed_request();
    static const char *const bad[] = {"0", "1", "TRUE", "False", "", "true ", "yes"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(session_report_request_set_no_session_flag(r, bad[i]), SR_OK);
        expect_errors(r, NULL, {SR_ERR_FORMAT, "/noSessionFlag"});
        expect_no_warnings(r, NULL);
    }
    sr_error e;
    assert_non_null(strstr(first_error(r, NULL, &e), "\"true\" or \"false\""));
    assert_int_equal(session_report_request_set_no_session_flag(r, "true"), SR_OK);
    expect_clean(r, NULL);
    assert_int_equal(session_report_request_set_no_session_flag(r, NULL), SR_OK);
    expect_clean(r, NULL);
    session_report_request_free(r);
}

static char *repeat(const char *unit, size_t times)
{
    size_t n = strlen(unit);
    char *s = malloc(n * times + 1);
    assert_non_null(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * n, unit, n);
    s[n * times] = '\0';
    return s;
}

static void test_labels(void **state)
{
    (void)state;
    session_report_request *r = seed_request();
    char *max = repeat("x", 1024);
    char *over = repeat("x", 1025);
    char *max_utf8 = repeat("\xc3\xa9", 512);      /* 1024 bytes, 512 characters */
    char *over_utf8 = repeat("\xe2\x82\xac", 342); /* 1026 bytes, 342 characters */
    assert_int_equal(session_report_request_set_device_group(r, ""), SR_OK);
    assert_int_equal(session_report_request_set_data_plan(r, max), SR_OK);
    assert_int_equal(session_report_request_set_device_label(r, over), SR_OK);
    expect_no_errors(r, NULL);
    expect_warnings(r, NULL, {SR_ERR_RANGE, "/deviceGroup"}, {SR_ERR_RANGE, "/deviceLabel"});
    sr_error e;
    assert_non_null(strstr(first_warning(r, NULL, &e), "empty"));

    assert_int_equal(session_report_request_set_device_group(r, max_utf8), SR_OK);
    assert_int_equal(session_report_request_set_data_plan(r, over_utf8), SR_OK);
    assert_int_equal(session_report_request_set_device_label(r, "x"), SR_OK);
    expect_warnings(r, NULL, {SR_ERR_RANGE, "/dataPlan"});
    assert_non_null(strstr(first_warning(r, NULL, &e), "1026 bytes"));

    /* explicit null and absent pass */
    assert_int_equal(session_report_request_set_device_group_null(r), SR_OK);
    assert_int_equal(session_report_request_set_data_plan_null(r), SR_OK);
    session_report_request_unset_device_label(r);
    expect_clean(r, NULL);
    free(max);
    free(over);
    free(max_utf8);
    free(over_utf8);
    session_report_request_free(r);
}

/* ---- dates ---- */

static void test_date_constants(void **state)
{
    (void)state;
    session_report_request *r = dated("TODAY", "LAST_30_DAYS");
    expect_clean(r, NULL); /* no allow-list: any identifier */
    assert_int_equal(session_report_request_set_end_date(r, "LAST-7-DAYS"), SR_OK);
    expect_errors(r, NULL, {SR_ERR_FORMAT, "/endDate"});
    sr_error e;
    assert_non_null(strstr(first_error(r, NULL, &e), "LAST-7-DAYS"));
    assert_int_equal(session_report_request_set_end_date(r, "Last 7"), SR_OK);
    expect_errors(r, NULL, {SR_ERR_FORMAT, "/endDate"});
    assert_int_equal(session_report_request_set_end_date(r, "x\xc3\xa9"), SR_OK);
    expect_errors(r, NULL, {SR_ERR_FORMAT, "/endDate"});
    assert_int_equal(session_report_request_set_end_date(r, "a"), SR_OK);
    expect_clean(r, NULL);

    static const char *const today_only[] = {"TODAY", NULL};
    static const char *const two[] = {"TODAY", "LAST_30_DAYS", NULL};
    static const char *const none[] = {NULL};
    sr_validate_options o;
    memset(&o, 0, sizeof o);
    o.date_constants = today_only;
    assert_int_equal(session_report_request_set_end_date(r, "YESTERDAY"), SR_OK);
    expect_errors(r, &o, {SR_ERR_FORMAT, "/endDate"});
    assert_non_null(strstr(first_error(r, &o, &e), "expected one of: TODAY"));
    assert_int_equal(session_report_request_set_end_date(r, "today"), SR_OK);
    expect_errors(r, &o, {SR_ERR_FORMAT, "/endDate"}); /* exact, case-sensitive */
    assert_int_equal(session_report_request_set_end_date(r, "LAST_30_DAYS"), SR_OK);
    expect_errors(r, &o, {SR_ERR_FORMAT, "/endDate"});
    o.date_constants = two;
    expect_clean(r, &o);
    o.flags = SR_VALIDATE_RFC3339; /* constants still pass */
    expect_clean(r, &o);
    o.date_constants = none;
    expect_errors(r, &o, {SR_ERR_FORMAT, "/startDate"}, {SR_ERR_FORMAT, "/endDate"});
    assert_non_null(strstr(first_error(r, &o, &e), "expected one of: (none)"));
    /* a list too long for the message is cut after the last name that fits */
    static const char *const many[] = {
        "CONSTANT_NUMBER_ONE_OF_SEVERAL",   "CONSTANT_NUMBER_TWO_OF_SEVERAL",
        "CONSTANT_NUMBER_THREE_OF_SEVERAL", "CONSTANT_NUMBER_FOUR_OF_SEVERAL",
        "CONSTANT_NUMBER_FIVE_OF_SEVERAL",  NULL};
    o.date_constants = many;
    const char *cut = strstr(first_error(r, &o, &e),
                             "expected one of: CONSTANT_NUMBER_ONE_OF_SEVERAL, "
                             "CONSTANT_NUMBER_TWO_OF_SEVERAL, CONSTANT_NUMBER_THREE_OF_SEVERAL");
    assert_non_null(cut);
    assert_string_equal(strchr(cut, '.'), "...");
    /* a constant next to a concrete date: no range check */
    o.date_constants = NULL;
    o.flags = 0;
    assert_int_equal(session_report_request_set_start_date(r, "2099-01-01"), SR_OK);
    expect_clean(r, &o);
    session_report_request_free(r);
}

/* The date cases of the shared conformance corpus, through the setters. */
static void test_conformance_dates(void **state)
{
    (void)state;
    static const struct {
        const char *start, *end;
        unsigned flags;
        int start_bad, end_bad, range_bad;
    } cases[] = {
        {"20221209", "2022W511T0800", 0, 0, 0, 0},                            /* basic */
        {"2022343T22", "2022-12-09T22:01", 0, 0, 0, 0},                       /* reduced */
        {"2022-12-09t22:01:06.123456789z", "20221209T220106,5Z", 0, 0, 0, 0}, /* fractions */
        {"20221209T220106-0800", "2022-12-10T12:00+05", 0, 0, 0, 0},          /* offsets */
        {"2022-12-09T24:00Z", "2022-12-10T24:00:00.000Z", 0, 0, 0, 0},        /* hour 24 */
        {"2016-12-31T23:59:60Z", NULL, 0, 0, 0, 0},                           /* leap second */
        {"2000-02-29", NULL, 0, 0, 0, 0},                                     /* leap day */
        {NULL, "2020-W53-7", 0, 0, 0, 0},                                     /* week 53 */
        {"2022-02-29", "2022-12-09T22:01:06+24:00", 0, 1, 1, 0},
        {"1900-02-29", "2100-02-29", 0, 1, 1, 0},
        {"2022-13-01", "2022-01-32", 0, 1, 1, 0},
        {"2022-12-09T25:00Z", "2022-12-09T22:60Z", 0, 1, 1, 0},
        {"2022-12-09T23:58:60Z", "2022-12-09T24:00:01Z", 0, 1, 1, 0},
        {"2022-12-09T220106Z", "20221209T22:01:06Z", 0, 1, 1, 0},
        {"2022-12-09Z", "2022-12-09T22:01:06.1234567890Z", 0, 1, 1, 0},
        {"2021-W53-1", "2022-366", 0, 1, 1, 0},
        {"2022-12-09T22:01:06.217Z", "2022-12-09T23:01:08+01:00", SR_VALIDATE_RFC3339, 0, 0, 0},
        {"2022-12-09", "2022-12-09T22:01:08", SR_VALIDATE_RFC3339, 1, 1, 0},
        {"2022-12-09T22:01Z", "2022-12-09T22:01:08+0100", SR_VALIDATE_RFC3339, 1, 1, 0},
        {"2022-12-09T22:01:08.734Z", "2022-12-09T22:01:06.217Z", 0, 0, 0, 1},
        {"2022-12-09T22:01:06Z", "2022-12-09T23:01:06+01:00", 0, 0, 0, 0},
        {"2022-01-01T00:00:00Z", "2022-06-30T00:00:00Z", 0, 0, 0, 0},
        {"2022-01-01T00:00:00Z", "2022-06-30T00:00:01Z", 0, 0, 0, 1},
        {"2022-12-09T10:00:00Z", "2022-12-09T11:00:00+02:00", 0, 0, 0, 1},
        {"2022-W01-1", "2022-002", 0, 0, 0, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        session_report_request *r = dated(cases[i].start, cases[i].end);
        sr_validate_options o;
        sr_error e[4];
        memset(&o, 0, sizeof o);
        memset(e, 0, sizeof e);
        o.flags = cases[i].flags;
        size_t want = (size_t)(cases[i].start_bad + cases[i].end_bad + cases[i].range_bad);
        size_t got = session_report_request_validate(r, &o, e, 4);
        if (got != want)
            print_error("case %zu (%s, %s): %zu problems, expected %zu; first: %s %s\n", i,
                        cases[i].start ? cases[i].start : "-", cases[i].end ? cases[i].end : "-",
                        got, want, e[0].path, e[0].message);
        assert_int_equal(got, want);
        size_t k = 0;
        if (cases[i].start_bad) {
            assert_int_equal(e[k].code, SR_ERR_FORMAT);
            assert_string_equal(e[k++].path, "/startDate");
        }
        if (cases[i].end_bad) {
            assert_int_equal(e[k].code, SR_ERR_FORMAT);
            assert_string_equal(e[k++].path, "/endDate");
        }
        if (cases[i].range_bad) {
            assert_int_equal(e[k].code, SR_ERR_RANGE);
            assert_string_equal(e[k++].path, "/endDate");
        }
        session_report_request_free(r);
    }
}

static void test_date_messages(void **state)
{
    (void)state;
    sr_error e;
    session_report_request *r = dated("2023-02-30", NULL);
    assert_non_null(
        strstr(first_error(r, NULL, &e), "day 30 is out of range for February 2023 (28 days)"));
    assert_string_equal(e.path, "/startDate");
    assert_non_null(strstr(e.message, "2022-12-09T22:01:06Z")); /* names the expected form */
    session_report_request_free(r);
    r = dated(NULL, "2021-W53-1");
    assert_non_null(strstr(first_error(r, NULL, &e), "week 53 does not exist in 2021"));
    session_report_request_free(r);
    r = dated("2022-12-09T22:01:06+0100", NULL);
    assert_non_null(strstr(first_error(r, NULL, &e), "basic and extended formats are mixed"));
    session_report_request_free(r);
    r = dated("2022-12-09Z", NULL);
    assert_non_null(strstr(first_error(r, NULL, &e), "a zone designator needs a time"));
    session_report_request_free(r);
    r = dated("2022-12-09", NULL);
    sr_validate_options o;
    memset(&o, 0, sizeof o);
    o.flags = SR_VALIDATE_RFC3339;
    assert_non_null(strstr(first_error(r, &o, &e), "RFC 3339 needs a time"));
    assert_non_null(strstr(e.message, "YYYY-MM-DDThh:mm:ss"));
    session_report_request_free(r);
    r = dated("2022-12-09T22:01:08.734Z", "2022-12-09T22:01:06.217Z");
    assert_non_null(strstr(first_error(r, NULL, &e), "before startDate"));
    assert_string_equal(e.path, "/endDate");
    session_report_request_free(r);
    r = dated("2022-01-01T00:00:00Z", "2022-06-30T00:00:01Z");
    assert_non_null(strstr(first_error(r, NULL, &e), "180 days 00:00:01"));
    assert_non_null(strstr(e.message, "180-day maximum"));
    session_report_request_free(r);
    r = dated("", NULL);
    assert_non_null(strstr(first_error(r, NULL, &e), "empty"));
    session_report_request_free(r);
}

static void test_date_range(void **state)
{
    (void)state;
    sr_validate_options o;
    memset(&o, 0, sizeof o);
    session_report_request *r = dated("2022-01-01T00:00:00Z", "2022-06-30T00:00:00.000000001Z");
    expect_errors(r, NULL, {SR_ERR_RANGE, "/endDate"}); /* exact, fraction included */
    o.max_span_days = 181;
    expect_clean(r, &o);
    o.max_span_days = 1;
    assert_int_equal(session_report_request_set_end_date(r, "2022-01-02"), SR_OK);
    expect_clean(r, &o);
    assert_int_equal(session_report_request_set_end_date(r, "2022-01-02T00:00:00,1"), SR_OK);
    expect_errors(r, &o, {SR_ERR_RANGE, "/endDate"});
    /* grammar: one day, not "1 days" */
    sr_error e;
    assert_non_null(strstr(first_error(r, &o, &e), "spans 1 day 00:00:00.100000000,"));
    assert_non_null(strstr(e.message, "at most 1 day after startDate"));
    assert_null(strstr(e.message, "1 days"));
    /* a date alone is midnight UTC; 24:00 is the next midnight */
    assert_int_equal(session_report_request_set_end_date(r, "2022-01-01T24:00"), SR_OK);
    expect_clean(r, &o);
    assert_int_equal(session_report_request_set_start_date(r, "2022-01-02"), SR_OK);
    expect_clean(r, &o);
    /* leap second ordering: :60 is after :59.9 */
    assert_int_equal(session_report_request_set_start_date(r, "2016-12-31T23:59:60Z"), SR_OK);
    assert_int_equal(session_report_request_set_end_date(r, "2016-12-31T23:59:59.9Z"), SR_OK);
    expect_errors(r, NULL, {SR_ERR_RANGE, "/endDate"});
    assert_int_equal(session_report_request_set_end_date(r, "2017-01-01T00:00:00Z"), SR_OK);
    expect_clean(r, NULL);
    /* no range check when either date is invalid or missing */
    assert_int_equal(session_report_request_set_start_date(r, "2030-13-01"), SR_OK);
    expect_errors(r, NULL, {SR_ERR_FORMAT, "/startDate"});
    assert_int_equal(session_report_request_set_start_date(r, NULL), SR_OK);
    expect_clean(r, NULL);
    session_report_request_free(r);
}

/* ---- order, totals, truncation ---- */

/* multiple_problems_all_reported from the corpus, plus the range error. */
static session_report_request *many_problems(void)
{
    session_report_request *r = session_report_request_new();
    assert_non_null(r);
    char *label = repeat("x", 1025);
    const char *imeis[] = {SEED_IMEI, "709312034493373", SEED_IMEI};
    assert_int_equal(session_report_request_set_account_number(r, "0844021539-1"), SR_OK);
    assert_int_equal(session_report_request_set_start_date(r, "2022-13-09T22:01:06Z"), SR_OK);
    assert_int_equal(session_report_request_set_imei(r, imeis, 3), SR_OK);
    assert_int_equal(session_report_request_set_device_group(r, ""), SR_OK);
    assert_int_equal(session_report_request_set_data_plan_null(r), SR_OK);
    assert_int_equal(session_report_request_set_no_session_flag(r, "0"), SR_OK);
    assert_int_equal(session_report_request_set_device_label(r, label), SR_OK);
    free(label);
    return r;
}

static void test_order_and_totals(void **state)
{
    (void)state;
    session_report_request *r = many_problems();
    expect_errors(r, NULL, {SR_ERR_FORMAT, "/startDate"}, {SR_ERR_FORMAT, "/noSessionFlag"});
    expect_warnings(r, NULL, {SR_ERR_FORMAT, "/accountNumber"}, {SR_ERR_FORMAT, "/imei/1"},
                    {SR_ERR_DUPLICATE, "/imei/2"}, {SR_ERR_RANGE, "/deviceGroup"},
                    {SR_ERR_RANGE, "/deviceLabel"});
    /* the range error of endDate comes right after endDate, before imei */
    assert_int_equal(session_report_request_set_start_date(r, "2022-12-10"), SR_OK);
    assert_int_equal(session_report_request_set_end_date(r, "2022-12-09"), SR_OK);
    assert_int_equal(session_report_request_set_account_number(r, ""), SR_OK);
    sr_validate_options o;
    memset(&o, 0, sizeof o);
    o.max_imeis = 2;
    expect_errors(r, &o, {SR_ERR_FORMAT, "/accountNumber"}, {SR_ERR_RANGE, "/endDate"},
                  {SR_ERR_RANGE, "/imei"}, {SR_ERR_FORMAT, "/noSessionFlag"});
    expect_warnings(r, &o, {SR_ERR_FORMAT, "/imei/1"}, {SR_ERR_DUPLICATE, "/imei/2"},
                    {SR_ERR_RANGE, "/deviceGroup"}, {SR_ERR_RANGE, "/deviceLabel"});
    session_report_request_free(r);
}

static void test_max_errors_truncation(void **state)
{
    (void)state;
    session_report_request *r = many_problems();
    check_fn checks[] = {session_report_request_validate, session_report_request_lint};
    static const char *const first_paths[2][2] = {{"/startDate", "/noSessionFlag"},
                                                  {"/accountNumber", "/imei/1"}};
    static const size_t totals[] = {2, 5};
    for (size_t k = 0; k < 2; k++) {
        sr_error e[5];
        memset(e, 0x5a, sizeof e);
        assert_int_equal(checks[k](r, NULL, e, 1), totals[k]);
        assert_string_equal(e[0].path, first_paths[k][0]);
        /* nothing written past max_errors */
        unsigned char untouched[sizeof(sr_error) * 4];
        memset(untouched, 0x5a, sizeof untouched);
        assert_memory_equal(&e[1], untouched, sizeof untouched);
        /* zero capacity, or no array: the count alone */
        assert_int_equal(checks[k](r, NULL, e, 0), totals[k]);
        assert_memory_equal(&e[1], untouched, sizeof untouched);
        assert_int_equal(checks[k](r, NULL, NULL, 5), totals[k]);
        assert_int_equal(checks[k](r, NULL, e, 2), totals[k]);
        assert_string_equal(e[1].path, first_paths[k][1]);
        /* the filled records are complete */
        assert_int_equal(e[0].offset, 0);
        assert_int_equal(e[0].line, 0);
        assert_int_equal(e[0].column, 0);
    }
    session_report_request_free(r);
}

/* ---- the walks without an array ---- */

typedef struct walk_log {
    sr_error seen[MAX_EXPECTED];
    size_t calls;
    size_t stop_after; /* returns nonzero on this call; 0 = never */
} walk_log;

static int log_problem(const sr_error *found, void *ctx)
{
    walk_log *log = ctx;
    assert_true(log->calls < MAX_EXPECTED);
    log->seen[log->calls++] = *found;
    return log->stop_after != 0 && log->calls == log->stop_after;
}

typedef size_t (*walk_fn)(const session_report_request *r, const sr_validate_options *opts,
                          sr_problem_fn fn, void *ctx);

static void test_walks(void **state)
{
    (void)state;
    session_report_request *r = many_problems();
    check_fn checks[] = {session_report_request_validate, session_report_request_lint};
    walk_fn walks[] = {session_report_request_validate_each, session_report_request_lint_each};
    for (size_t k = 0; k < 2; k++) {
        sr_error array[MAX_EXPECTED];
        size_t total = checks[k](r, NULL, array, MAX_EXPECTED);
        assert_true(total >= 2);
        /* every problem, in the array's order, with the same content */
        walk_log log;
        memset(&log, 0, sizeof log);
        assert_int_equal(walks[k](r, NULL, log_problem, &log), total);
        assert_int_equal(log.calls, total);
        for (size_t i = 0; i < total; i++) {
            assert_int_equal(log.seen[i].code, array[i].code);
            assert_string_equal(log.seen[i].path, array[i].path);
            assert_string_equal(log.seen[i].message, array[i].message);
        }
        /* a stop ends the calls, yet the count is still the total */
        memset(&log, 0, sizeof log);
        log.stop_after = 1;
        assert_int_equal(walks[k](r, NULL, log_problem, &log), total);
        assert_int_equal(log.calls, 1);
        assert_string_equal(log.seen[0].path, array[0].path);
        /* no function: the count alone */
        assert_int_equal(walks[k](r, NULL, NULL, NULL), total);
        /* NULL request: one SR_ERR_ARG problem */
        memset(&log, 0, sizeof log);
        assert_int_equal(walks[k](NULL, NULL, log_problem, &log), 1);
        assert_int_equal(log.seen[0].code, SR_ERR_ARG);
    }
    session_report_request_free(r);
}

/* A walk over any number of problems takes no memory per problem: 100000
 * malformed IMEIs are counted with one call each and nothing kept. */
static void test_walk_many_problems(void **state)
{
    (void)state;
    enum { N = 100000 };
    session_report_request *r = seed_request();
    session_report_request_clear_imei(r);
    for (unsigned i = 0; i < N; i++)
        assert_int_equal(session_report_request_add_imei(r, ""), SR_OK);
    walk_log log;
    memset(&log, 0, sizeof log);
    log.stop_after = 3;
    assert_int_equal(session_report_request_lint_each(r, NULL, log_problem, &log), N);
    assert_int_equal(log.calls, 3);
    assert_string_equal(log.seen[2].path, "/imei/2");
    memset(&log, 0, sizeof log);
    log.stop_after = 1;
    assert_int_equal(session_report_request_validate_each(r, NULL, log_problem, &log), 1);
    assert_string_equal(log.seen[0].path, "/imei");
    session_report_request_free(r);
}

/* ---- the shared conformance corpus, through the public API ---- */

#define CORPUS_MAX_CONSTANTS 8

/* A file's bytes, or NULL; *len set. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (;;) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        buf = realloc(buf, cap);
        assert_non_null(buf);
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Splits s in place at sep; returns the next field and advances *s. */
static char *next_field(char **s, char sep)
{
    char *start = *s;
    char *end = strchr(start, sep);
    if (end != NULL) {
        *end = '\0';
        *s = end + 1;
    } else {
        *s = start + strlen(start);
    }
    return start;
}

/* How a corpus line treats warnings (the CLI's --warnings-as-errors and
 * --no-warnings). */
typedef struct corpus_warnings {
    int as_errors, skip;
} corpus_warnings;

/* The CLI options of one corpus line, as parse and validate options. */
static void corpus_options(char *args, sr_parse_options *po, sr_validate_options *vo,
                           const char **constants, corpus_warnings *w)
{
    size_t nconst = 0;
    memset(po, 0, sizeof *po);
    memset(vo, 0, sizeof *vo);
    memset(w, 0, sizeof *w);
    if (strcmp(args, "-") == 0)
        return;
    char *rest = args;
    while (*rest != '\0') {
        char *word = next_field(&rest, ' ');
        if (strcmp(word, "--strict") == 0) {
            po->flags |= SR_PARSE_STRICT;
        } else if (strcmp(word, "--no-luhn") == 0) {
            vo->flags |= SR_VALIDATE_NO_LUHN;
        } else if (strcmp(word, "--rfc3339") == 0) {
            vo->flags |= SR_VALIDATE_RFC3339;
        } else if (strcmp(word, "--warnings-as-errors") == 0) {
            w->as_errors = 1;
        } else if (strcmp(word, "--no-warnings") == 0) {
            w->skip = 1;
        } else if (strcmp(word, "--endpoint") == 0) {
            vo->max_imeis = strcmp(next_field(&rest, ' '), "sync") == 0 ? SR_MAX_IMEIS_SYNC
                                                                        : SR_MAX_IMEIS_ASYNC;
        } else if (strcmp(word, "--date-constant") == 0) {
            assert_true(nconst + 1 < CORPUS_MAX_CONSTANTS);
            constants[nconst++] = next_field(&rest, ' ');
            constants[nconst] = NULL;
            vo->date_constants = constants;
        } else {
            fail_msg("unknown corpus option %s", word);
        }
    }
}

/* Every expected "CODE PATH" is among the problems, and nothing else is. */
static int corpus_matches(char *expect, const sr_error *got, size_t n)
{
    int used[MAX_EXPECTED] = {0};
    size_t want = 0;
    if (strcmp(expect, "-") == 0)
        return n == 0;
    char *rest = expect;
    while (*rest != '\0') {
        char *item = next_field(&rest, ';');
        while (*item == ' ')
            item++;
        char *code = next_field(&item, ' ');
        char *path = next_field(&item, ' ');
        if (strcmp(path, "\"\"") == 0)
            path = "";
        want++;
        int found = 0;
        for (size_t i = 0; i < n && i < MAX_EXPECTED && !found; i++) {
            if (!used[i] && strcmp(sr_status_name(got[i].code), code) == 0 &&
                strcmp(got[i].path, path) == 0) {
                used[i] = 1;
                found = 1;
            }
        }
        if (!found)
            return 0;
    }
    return want == n;
}

static void test_conformance_corpus(void **state)
{
    (void)state;
    const char *shared = getenv("SR_DATA_DIR");
    char path[1024];
    size_t len = 0;
    assert_non_null(shared);
    snprintf(path, sizeof path, "%s/conformance/cases-0.2.tsv", shared);
    char *tsv = slurp(path, &len);
    assert_non_null(tsv);
    tsv = realloc(tsv, len + 1);
    assert_non_null(tsv);
    tsv[len] = '\0';
    size_t cases = 0, failures = 0;
    char *lines = tsv;
    next_field(&lines, '\n'); /* header */
    while (*lines != '\0') {
        char *line = next_field(&lines, '\n');
        if (*line == '\0')
            continue;
        char *name = next_field(&line, '\t');
        char *args = next_field(&line, '\t');
        int exit_code = atoi(next_field(&line, '\t'));
        char *expect = next_field(&line, '\t');
        sr_parse_options po;
        sr_validate_options vo;
        corpus_warnings w;
        const char *constants[CORPUS_MAX_CONSTANTS];
        corpus_options(args, &po, &vo, constants, &w);
        snprintf(path, sizeof path, "%s/conformance/cases/%s.json", shared, name);
        size_t n = 0;
        char *json = slurp(path, &n);
        assert_non_null(json);
        session_report_request *r = NULL;
        sr_error got[MAX_EXPECTED];
        size_t problems, failing;
        memset(got, 0, sizeof got);
        if (session_report_request_from_json(json, n, &po, &r, &got[0]) != SR_OK) {
            problems = failing = 1;
        } else {
            /* the CLI lists errors, then warnings; the file fails on errors,
             * or on warnings too under --warnings-as-errors */
            size_t errors = session_report_request_validate(r, &vo, got, MAX_EXPECTED);
            size_t room = errors < MAX_EXPECTED ? MAX_EXPECTED - errors : 0;
            size_t warnings =
                w.skip ? 0 : session_report_request_lint(r, &vo, got + MAX_EXPECTED - room, room);
            problems = errors + warnings;
            failing = errors + (w.as_errors ? warnings : 0);
            session_report_request_free(r);
        }
        if ((failing == 0) != (exit_code == 0) || !corpus_matches(expect, got, problems)) {
            print_error("corpus case %s: %zu problems, first %s %s: %s\n", name, problems,
                        problems ? sr_status_name(got[0].code) : "-", got[0].path, got[0].message);
            failures++;
        }
        free(json);
        cases++;
    }
    free(tsv);
    assert_true(cases >= 88);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_is_valid),
        cmocka_unit_test(test_null_request),
        cmocka_unit_test(test_minimal_request),
        cmocka_unit_test(test_account_number),
        cmocka_unit_test(test_imei_format_and_luhn),
        cmocka_unit_test(test_imei_generated_luhn),
        cmocka_unit_test(test_imei_duplicates),
        cmocka_unit_test(test_imei_many_duplicates),
        cmocka_unit_test(test_imei_count_limits),
        cmocka_unit_test(test_no_session_flag),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_date_constants),
        cmocka_unit_test(test_conformance_dates),
        cmocka_unit_test(test_date_messages),
        cmocka_unit_test(test_date_range),
        cmocka_unit_test(test_order_and_totals),
        cmocka_unit_test(test_max_errors_truncation),
        cmocka_unit_test(test_walks),
        cmocka_unit_test(test_walk_many_problems),
        cmocka_unit_test(test_conformance_corpus),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
