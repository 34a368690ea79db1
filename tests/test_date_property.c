/* SPDX-License-Identifier: MIT */
/* Property test: random instants and offsets written in every ISO 8601 form parse and normalise to
 * the RFC 3339 string computed here independently. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "sessreport/request.h"
#include "sessreport/validate.h"

#include "iso8601.h"

#define ITERATIONS        100000
#define DAYS_0000_TO_1970 INT64_C(719528)

/* ---- a seeded PRNG of our own (splitmix64): same run every time ---- */

typedef struct prng {
    uint64_t state;
} prng;

static uint64_t next_u64(prng *p)
{
    uint64_t z = (p->state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform in [0, n) for the small n used here (bias is negligible). */
static uint64_t below(prng *p, uint64_t n)
{
    return next_u64(p) % n;
}

/* ---- independent calendar arithmetic: day counts from 0000-01-01 ---- */

static int leap(int64_t y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* Days from 0000-01-01 to y-01-01 (y >= 0): 365 a year plus the leap days
 * of the years before y (year 0 is one of them). */
static int64_t days_before_year(int64_t y)
{
    return 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
}

static const int cumulative[2][13] = {
    {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
    {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
};

typedef struct civil {
    int64_t year;
    int month, day, year_day; /* year_day 1-based */
} civil;

/* Finds the year by estimate and correction, then the month by table. */
static civil civil_of(int64_t d0)
{
    civil c;
    int64_t y = d0 * 400 / 146097;
    while (days_before_year(y + 1) <= d0)
        y++;
    while (days_before_year(y) > d0)
        y--;
    c.year = y;
    c.year_day = (int)(d0 - days_before_year(y)) + 1;
    int m = 1;
    while (cumulative[leap(y)][m] < c.year_day)
        m++;
    c.month = m;
    c.day = c.year_day - cumulative[leap(y)][m - 1];
    return c;
}

/* ISO weekday, 1 = Monday; 0000-01-01 was a Saturday. */
static int weekday_of(int64_t d0)
{
    return (int)((d0 + 5) % 7) + 1;
}

/* ISO week: the week belongs to the year of its Thursday. */
static void week_of(int64_t d0, int64_t *iso_year, int *week)
{
    int64_t thursday = d0 - (weekday_of(d0) - 1) + 3;
    civil t = civil_of(thursday);
    *iso_year = t.year;
    *week = (t.year_day - 1) / 7 + 1;
}

/* ---- one random case ---- */

typedef struct sample {
    int64_t utc;     /* seconds since 0000-01-01T00:00:00Z, the :59 for a leap second */
    uint32_t nanos;  /* already cut to digits */
    int digits;      /* fraction digits written, 0..9 */
    int offset;      /* minutes east of UTC */
    int leap_second; /* written as :60 */
    int hour24;      /* local midnight written as 24:00:00 of the day before */
    char expect[SR__RFC3339_CAP];
} sample;

static const uint32_t pow10_table[10] = {1,      10,      100,      1000,      10000,
                                         100000, 1000000, 10000000, 100000000, 1000000000};

/* A tiny text builder: snprintf is too slow for a run under valgrind. All
 * buffers here hold 64 bytes and no value is longer than 40. */
typedef struct text {
    char *buf;
    size_t len;
} text_buf;

static void put_char(text_buf *t, char ch)
{
    t->buf[t->len++] = ch;
    t->buf[t->len] = '\0';
}

static void put_num(text_buf *t, int64_t v, int width)
{
    for (int i = width; i > 0; i--) {
        t->buf[t->len + (size_t)i - 1] = (char)('0' + v % 10);
        v /= 10;
    }
    t->len += (size_t)width;
    t->buf[t->len] = '\0';
}

static void put_clock(text_buf *t, int64_t sod, int leap_second, int extended)
{
    put_num(t, sod / 3600, 2);
    if (extended)
        put_char(t, ':');
    put_num(t, sod / 60 % 60, 2);
    if (extended)
        put_char(t, ':');
    put_num(t, leap_second ? 60 : sod % 60, 2);
}

static void put_fraction(text_buf *t, const sample *s, char mark)
{
    if (s->digits == 0)
        return;
    put_char(t, mark);
    put_num(t, s->nanos / pow10_table[9 - s->digits], s->digits);
}

static void put_calendar(text_buf *t, int64_t d0, int extended)
{
    civil c = civil_of(d0);
    put_num(t, c.year, 4);
    if (extended)
        put_char(t, '-');
    put_num(t, c.month, 2);
    if (extended)
        put_char(t, '-');
    put_num(t, c.day, 2);
}

static void write_expected(sample *s)
{
    text_buf t = {s->expect, 0};
    put_calendar(&t, s->utc / 86400, 1);
    put_char(&t, 'T');
    put_clock(&t, s->utc % 86400, s->leap_second, 1);
    put_fraction(&t, s, '.');
    put_char(&t, 'Z');
}

static const int64_t first_second = 0;
static const int64_t last_second = (INT64_C(3652425) * 86400) - 1; /* 9999-12-31T23:59:59 */

static int64_t local_seconds(const sample *s)
{
    return s->utc + (int64_t)s->offset * 60;
}

static void draw(prng *p, sample *s)
{
    memset(s, 0, sizeof *s);
    s->utc = (int64_t)below(p, (uint64_t)(last_second - first_second + 1)) + first_second;
    s->digits = (int)below(p, 10);
    s->nanos = (uint32_t)below(p, 1000000000u);
    s->nanos -= s->nanos % pow10_table[9 - s->digits];
    switch (below(p, 4)) {
    case 0:
        s->offset = 0;
        break;
    case 1:
        s->offset = (int)below(p, 95) * 30 - 1410; /* whole and half hours */
        break;
    default:
        s->offset = (int)below(p, 2 * 1439 + 1) - 1439;
        break;
    }
    if (below(p, 16) == 0) {
        /* make the local time midnight, written as 24:00 of the day before */
        int64_t local = local_seconds(s);
        s->utc -= ((local % 86400) + 86400) % 86400;
        s->nanos = 0;
        s->hour24 = 1;
    }
    if (local_seconds(s) < 86400 || local_seconds(s) > last_second || s->utc < 0 ||
        s->utc > last_second) {
        /* the local time must be writable too: fall back to UTC */
        s->offset = 0;
        s->hour24 = s->hour24 && s->utc >= 86400;
    }
    if (s->hour24 && local_seconds(s) % 86400 != 0)
        s->hour24 = 0;
    /* second 60 needs minute 59, in local time and (so that the normalised
     * value is valid too) in UTC: only whole-hour offsets keep both */
    int64_t to_59_59 = 3599 - local_seconds(s) % 3600;
    if (!s->hour24 && below(p, 50) == 0 && local_seconds(s) + to_59_59 <= last_second &&
        s->utc + to_59_59 <= last_second)
        s->utc += to_59_59;
    if (!s->hour24 && s->offset % 60 == 0 && local_seconds(s) % 3600 == 3599 && below(p, 2) == 0)
        s->leap_second = 1;
    write_expected(s);
}

/* ---- writing the sample in each form ---- */

enum form {
    EXT_CALENDAR,
    BASIC_CALENDAR,
    EXT_ORDINAL,
    BASIC_ORDINAL,
    EXT_WEEK,
    BASIC_WEEK,
    FORM_COUNT
};

/* Writes the date part; 0 when the form cannot express it (a week year
 * outside 0000-9999). */
static int put_date(text_buf *t, enum form f, int64_t d0)
{
    int extended = f == EXT_CALENDAR || f == EXT_ORDINAL || f == EXT_WEEK;
    civil c = civil_of(d0);
    int64_t wy;
    int week;
    switch (f) {
    case EXT_CALENDAR:
    case BASIC_CALENDAR:
        put_calendar(t, d0, extended);
        return 1;
    case EXT_ORDINAL:
    case BASIC_ORDINAL:
        put_num(t, c.year, 4);
        if (extended)
            put_char(t, '-');
        put_num(t, c.year_day, 3);
        return 1;
    case EXT_WEEK:
    case BASIC_WEEK:
        week_of(d0, &wy, &week);
        if (wy < 0 || wy > 9999)
            return 0;
        put_num(t, wy, 4);
        if (extended)
            put_char(t, '-');
        put_char(t, 'W');
        put_num(t, week, 2);
        if (extended)
            put_char(t, '-');
        put_num(t, weekday_of(d0), 1);
        return 1;
    case FORM_COUNT:
    default:
        return 0;
    }
}

static void put_offset(text_buf *t, int offset, int extended, int hours_only)
{
    int a = offset < 0 ? -offset : offset;
    put_char(t, offset < 0 ? '-' : '+');
    put_num(t, a / 60, 2);
    if (hours_only)
        return;
    if (extended)
        put_char(t, ':');
    put_num(t, a % 60, 2);
}

/* The whole value in form f; returns its length or 0 when not writable. */
static size_t write_value(char *buf, const sample *s, enum form f, prng *p)
{
    text_buf t = {buf, 0};
    int extended = f == EXT_CALENDAR || f == EXT_ORDINAL || f == EXT_WEEK;
    int64_t local = local_seconds(s);
    int64_t d0 = local / 86400;
    int64_t sod = local % 86400;
    if (s->hour24) {
        d0 -= 1;
        sod = 86400;
    }
    if (!put_date(&t, f, d0))
        return 0;
    put_char(&t, below(p, 2) ? 'T' : 't');
    put_clock(&t, sod, s->leap_second, extended);
    put_fraction(&t, s, below(p, 2) ? '.' : ',');
    if (s->offset == 0 && below(p, 2))
        put_char(&t, below(p, 2) ? 'Z' : 'z');
    else
        put_offset(&t, s->offset, extended, s->offset % 60 == 0 && below(p, 2));
    return t.len;
}

/* The RFC 3339 profile's own spelling of the same sample. */
static size_t write_rfc3339(char *buf, const sample *s)
{
    text_buf t = {buf, 0};
    int64_t local = local_seconds(s);
    put_calendar(&t, local / 86400, 1);
    put_char(&t, 'T');
    put_clock(&t, local % 86400, s->leap_second, 1);
    put_fraction(&t, s, '.');
    if (s->offset == 0)
        put_char(&t, 'Z');
    else
        put_offset(&t, s->offset, 1, 0);
    return t.len;
}

static int check_engine(const char *value, size_t len, unsigned flags, const char *expect)
{
    sr__instant t;
    char reason[SR__ISO8601_REASON_CAP];
    char text[SR__RFC3339_CAP];
    if (sr__iso8601_parse(value, len, flags, &t, reason, sizeof reason) != SR_OK) {
        print_error("\"%s\" rejected: %s (expected %s)\n", value, reason, expect);
        return 0;
    }
    sr__iso8601_format_rfc3339(&t, text, sizeof text);
    if (strcmp(text, expect) != 0) {
        print_error("\"%s\" gave %s, expected %s\n", value, text, expect);
        return 0;
    }
    return 1;
}

/* Through the public API: set, normalise, read back. */
static int check_normalize(session_report_request *r, const char *value, const char *expect)
{
    sr_error err;
    if (session_report_request_set_end_date(r, value) != SR_OK ||
        session_report_request_normalize_dates(r, &err) != SR_OK) {
        print_error("normalising \"%s\" failed\n", value);
        return 0;
    }
    const char *got = session_report_request_get_end_date(r);
    if (got == NULL || strcmp(got, expect) != 0) {
        print_error("normalising \"%s\" gave %s, expected %s\n", value, got ? got : "(unset)",
                    expect);
        return 0;
    }
    /* what normalisation writes passes the strict profile */
    sr_validate_options strict = {0, 0, NULL, SR_VALIDATE_RFC3339};
    if (session_report_request_validate(r, &strict, &err, 1) != 0) {
        print_error("normalised \"%s\" fails RFC 3339: %s\n", got, err.message);
        return 0;
    }
    return 1;
}

static void test_random_instants(void **state)
{
    (void)state;
    prng p = {UINT64_C(20221209220106)};
    session_report_request *r = session_report_request_new();
    assert_non_null(r);
    assert_int_equal(session_report_request_set_account_number(r, "0844021539-00001"), SR_OK);
    unsigned long checked = 0, failures = 0, leaps = 0, hour24s = 0;
    for (int i = 0; i < ITERATIONS && failures < 20; i++) {
        sample s;
        char value[64];
        draw(&p, &s);
        leaps += (unsigned long)s.leap_second;
        hour24s += (unsigned long)s.hour24;
        for (int f = 0; f < FORM_COUNT; f++) {
            size_t len = write_value(value, &s, (enum form)f, &p);
            if (len == 0)
                continue;
            checked++;
            failures += (unsigned long)!check_engine(value, len, 0, s.expect);
            if (f == i % FORM_COUNT)
                failures += (unsigned long)!check_normalize(r, value, s.expect);
        }
        if (!s.hour24) {
            size_t len = write_rfc3339(value, &s);
            checked++;
            failures += (unsigned long)!check_engine(value, len, SR__ISO8601_RFC3339, s.expect);
        }
    }
    session_report_request_free(r);
    assert_int_equal(failures, 0);
    assert_true(checked >= (unsigned long)ITERATIONS * FORM_COUNT);
    /* the rare shapes did occur */
    assert_true(leaps > 100);
    assert_true(hour24s > 1000);
}

/* The test's own arithmetic agrees with known dates, so that the property
 * above compares against something trustworthy. */
static void test_reference_arithmetic(void **state)
{
    (void)state;
    civil c = civil_of(DAYS_0000_TO_1970);
    assert_true(c.year == 1970 && c.month == 1 && c.day == 1);
    assert_int_equal(weekday_of(DAYS_0000_TO_1970), 4);
    c = civil_of(days_before_year(2000) + 59);
    assert_true(c.year == 2000 && c.month == 2 && c.day == 29);
    int64_t wy;
    int week;
    week_of(days_before_year(2019) - 1, &wy, &week); /* 2018-12-31 */
    assert_true(wy == 2019 && week == 1);
    week_of(days_before_year(2021) + 2, &wy, &week); /* 2021-01-03 */
    assert_true(wy == 2020 && week == 53);
    assert_true(days_before_year(10000) * 86400 - 1 == last_second);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_arithmetic),
        cmocka_unit_test(test_random_instants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
