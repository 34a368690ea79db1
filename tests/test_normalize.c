/* SPDX-License-Identifier: MIT */
/* session_report_request_normalize_dates: RFC 3339 UTC across day, month, year and leap-day
 * boundaries, 24:00, week dates; all or nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sessreport/request.h"
#include "sessreport/validate.h"
#include "support/seed.h"

/* The DESIGN seed with a null dataPlan, no deviceLabel and these dates
 * (NULL unsets). */
static session_report_request *request_with(const char *start, const char *end)
{
    session_report_request *r = sr_test_seed_request();
    assert_non_null(r);
    assert_int_equal(session_report_request_set_data_plan_null(r), SR_OK);
    session_report_request_unset_device_label(r);
    assert_int_equal(session_report_request_set_start_date(r, start), SR_OK);
    assert_int_equal(session_report_request_set_end_date(r, end), SR_OK);
    return r;
}

static void assert_date(const char *got, const char *want)
{
    if (want == NULL) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
}

/* Normalises (start, end) and checks both results and that nothing else moved. */
static void check(const char *start, const char *end, const char *want_start, const char *want_end)
{
    session_report_request *r = request_with(start, end);
    session_report_request *expected = request_with(want_start, want_end);
    sr_error err;
    memset(&err, 0, sizeof err);
    sr_status st = session_report_request_normalize_dates(r, &err);
    if (st != SR_OK)
        print_error("normalising (%s, %s): %s %s: %s\n", start ? start : "-", end ? end : "-",
                    sr_status_name(err.code), err.path, err.message);
    assert_int_equal(st, SR_OK);
    assert_date(session_report_request_get_start_date(r), want_start);
    assert_date(session_report_request_get_end_date(r), want_end);
    assert_true(session_report_request_equal(r, expected));
    /* idempotent */
    assert_int_equal(session_report_request_normalize_dates(r, NULL), SR_OK);
    assert_true(session_report_request_equal(r, expected));
    session_report_request_free(expected);
    session_report_request_free(r);
}

static void test_seed_unchanged(void **state)
{
    (void)state;
    check("2022-12-09T22:01:06.217Z", "2022-12-09T22:01:08.734Z", "2022-12-09T22:01:06.217Z",
          "2022-12-09T22:01:08.734Z");
    check("2022-12-09t22:01:06.217z", NULL, "2022-12-09T22:01:06.217Z", NULL);
}

static void test_forms(void **state)
{
    (void)state;
    check("2022-12-09", "20221209", "2022-12-09T00:00:00Z", "2022-12-09T00:00:00Z");
    check("2022-343", "2022343T22", "2022-12-09T00:00:00Z", "2022-12-09T22:00:00Z");
    check("2022-W49-5", "2022W511T0800", "2022-12-09T00:00:00Z", "2022-12-19T08:00:00Z");
    check("2022-12-09T22:01", "20221209T220106,5Z", "2022-12-09T22:01:00Z",
          "2022-12-09T22:01:06.5Z");
    check("20221209T220106-0800", "2022-12-10T12:00+05", "2022-12-10T06:01:06Z",
          "2022-12-10T07:00:00Z");
    /* every fraction digit is kept, trailing zeros included */
    check("2022-12-09T22:01:06.100Z", "2022-12-09T22:01:06,000000001+00:00",
          "2022-12-09T22:01:06.100Z", "2022-12-09T22:01:06.000000001Z");
    check("2022-12-09T22:01:06.123456789+05:30", NULL, "2022-12-09T16:31:06.123456789Z", NULL);
}

static void test_day_month_year_boundaries(void **state)
{
    (void)state;
    check("2022-12-09T23:30:00-01:00", "2022-12-10T00:30:00+01:00", "2022-12-10T00:30:00Z",
          "2022-12-09T23:30:00Z");
    check("2022-01-31T23:00-02:00", "2022-05-01T01:00+02:00", "2022-02-01T01:00:00Z",
          "2022-04-30T23:00:00Z");
    check("2022-12-31T23:59:59.999-00:01", "2023-01-01T00:00:00+00:01", "2023-01-01T00:00:59.999Z",
          "2022-12-31T23:59:00Z");
    check("1999-12-31T20:00-04:00", "2000-01-01T00:00:00.5+23:59", "2000-01-01T00:00:00Z",
          "1999-12-31T00:01:00.5Z");
}

static void test_leap_days(void **state)
{
    (void)state;
    check("2024-02-28T23:00-01:00", "2024-03-01T00:30+01:00", "2024-02-29T00:00:00Z",
          "2024-02-29T23:30:00Z");
    check("2023-02-28T23:00-01:00", "2023-03-01T00:30+01:00", "2023-03-01T00:00:00Z",
          "2023-02-28T23:30:00Z");
    check("2000-02-29", "2000-060", "2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z");
    check("1900-060", "2100-03-01T00:00+00:01", "1900-03-01T00:00:00Z", "2100-02-28T23:59:00Z");
    check("0000-02-29T12:00Z", "0000-366", "0000-02-29T12:00:00Z", "0000-12-31T00:00:00Z");
}

static void test_hour_24(void **state)
{
    (void)state;
    check("2022-12-09T24:00Z", "2022-12-10T24:00:00.000Z", "2022-12-10T00:00:00Z",
          "2022-12-11T00:00:00.000Z");
    check("2022-12-31T24", "20240228T240000,000", "2023-01-01T00:00:00Z",
          "2024-02-29T00:00:00.000Z");
    check("20230228T2400", NULL, "2023-03-01T00:00:00Z", NULL);
    check("2022-12-31T24:00+01:00", "2022-12-31T24:00-01:00", "2022-12-31T23:00:00Z",
          "2023-01-01T01:00:00Z");
}

static void test_week_dates(void **state)
{
    (void)state;
    /* week 1 holds January 4th, so it may start in the previous December */
    check("2019-W01-1", "2020-W01-2", "2018-12-31T00:00:00Z", "2019-12-31T00:00:00Z");
    check("2025-W01-1T00:30+01:00", "2026W011", "2024-12-29T23:30:00Z", "2025-12-29T00:00:00Z");
    check("2009-W01-1", "2008W013", "2008-12-29T00:00:00Z", "2008-01-02T00:00:00Z");
    /* and week 53 runs into January */
    check("2020-W53-7T23:00-01:00", "2015W537", "2021-01-04T00:00:00Z", "2016-01-03T00:00:00Z");
}

static void test_leap_second(void **state)
{
    (void)state;
    check("2016-12-31T23:59:60Z", "2016-12-31T18:59:60.5-05:00", "2016-12-31T23:59:60Z",
          "2016-12-31T23:59:60.5Z");
}

static void test_constants_and_unset_stay(void **state)
{
    (void)state;
    check("TODAY", "2022-12-09", "TODAY", "2022-12-09T00:00:00Z");
    check("2022-12-09", "LAST_30_DAYS", "2022-12-09T00:00:00Z", "LAST_30_DAYS");
    check(NULL, NULL, NULL, NULL);
    check(NULL, "2022-343", NULL, "2022-12-09T00:00:00Z");
    /* normalisation only rewrites dates; the constant grammar is validate's */
    check("LAST-7-DAYS", NULL, "LAST-7-DAYS", NULL);
}

/* An invalid date: SR_ERR_FORMAT at its pointer, and the request as it was. */
static void check_rejected(const char *start, const char *end, const char *path, const char *reason)
{
    session_report_request *r = request_with(start, end);
    session_report_request *before = request_with(start, end);
    sr_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(session_report_request_normalize_dates(r, &err), SR_ERR_FORMAT);
    assert_int_equal(err.code, SR_ERR_FORMAT);
    assert_string_equal(err.path, path);
    if (strstr(err.message, reason) == NULL)
        print_error("message \"%s\" lacks \"%s\"\n", err.message, reason);
    assert_non_null(strstr(err.message, reason));
    assert_true(session_report_request_equal(r, before));
    assert_date(session_report_request_get_start_date(r), start);
    assert_date(session_report_request_get_end_date(r), end);
    /* err may be NULL */
    assert_int_equal(session_report_request_normalize_dates(r, NULL), SR_ERR_FORMAT);
    assert_true(session_report_request_equal(r, before));
    session_report_request_free(before);
    session_report_request_free(r);
}

static void test_invalid_leaves_request_unchanged(void **state)
{
    (void)state;
    check_rejected("2022-02-29", "2022-12-09T22:01:06+01:00", "/startDate", "February 2022");
    /* the start would have changed: it must not */
    check_rejected("2022-12-09T23:01:06+01:00", "2021-W53-1", "/endDate",
                   "week 53 does not exist in 2021");
    check_rejected("2022-12-09", "2022-12-09Z", "/endDate", "a zone designator needs a time");
    check_rejected("", NULL, "/startDate", "empty");
    check_rejected("0000-01-01T00:00+01:00", NULL, "/startDate", "before 0000-01-01T00:00:00Z");
    check_rejected("2022-12-09T22:01:06+0100", NULL, "/startDate", "mixed");
}

static void test_null_request(void **state)
{
    (void)state;
    sr_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(session_report_request_normalize_dates(NULL, &err), SR_ERR_ARG);
    assert_int_equal(err.code, SR_ERR_ARG);
    assert_int_equal(session_report_request_normalize_dates(NULL, NULL), SR_ERR_ARG);
}

/* Normalised dates pass the strict RFC 3339 profile. */
static void test_result_is_rfc3339(void **state)
{
    (void)state;
    session_report_request *r = request_with("2022-W49-5T22,5", "20221210T240000.5-2359");
    /* 22,5 is a fraction on the hour: fix it, then the pair normalises */
    assert_int_equal(session_report_request_normalize_dates(r, NULL), SR_ERR_FORMAT);
    assert_int_equal(session_report_request_set_start_date(r, "2022-W49-5T22"), SR_OK);
    assert_int_equal(session_report_request_set_end_date(r, "20221210T240000,0-2359"), SR_OK);
    sr_validate_options o;
    memset(&o, 0, sizeof o);
    o.flags = SR_VALIDATE_RFC3339;
    assert_int_equal(session_report_request_validate(r, &o, NULL, 0), 2);
    assert_int_equal(session_report_request_validate(r, NULL, NULL, 0), 0);
    assert_int_equal(session_report_request_normalize_dates(r, NULL), SR_OK);
    assert_string_equal(session_report_request_get_start_date(r), "2022-12-09T22:00:00Z");
    assert_string_equal(session_report_request_get_end_date(r), "2022-12-11T23:59:00.0Z");
    assert_int_equal(session_report_request_validate(r, &o, NULL, 0), 0);
    session_report_request_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_unchanged),
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_day_month_year_boundaries),
        cmocka_unit_test(test_leap_days),
        cmocka_unit_test(test_hour_24),
        cmocka_unit_test(test_week_dates),
        cmocka_unit_test(test_leap_second),
        cmocka_unit_test(test_constants_and_unset_stay),
        cmocka_unit_test(test_invalid_leaves_request_unchanged),
        cmocka_unit_test(test_null_request),
        cmocka_unit_test(test_result_is_rfc3339),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
