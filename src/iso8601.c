/* SPDX-License-Identifier: MIT */
/* ISO 8601 / RFC 3339 date engine: a strict parser to an exact UTC instant
 * and the RFC 3339 writer. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "iso8601.h"

#define SECONDS_PER_DAY  86400
#define NANOS_PER_SECOND 1000000000u
#define UNIX_EPOCH_SHIFT 719468 /* days from 0000-03-01 to 1970-01-01 */
#define WHAT_CAP         48     /* describe()'s longest text, NUL included */
#define MIXED            "basic and extended formats are mixed: "

typedef enum zone_kind { ZONE_NONE, ZONE_UTC, ZONE_HOURS, ZONE_HOURS_MINUTES } zone_kind;

/* The parser's state: where it reads, where the reason goes, and what the
 * value wrote so far (the date already turned into a day number). Zeroed on
 * every parse, hence the small types. */
typedef struct parser {
    const char *s;
    size_t len, pos;
    char *reason;
    size_t reason_cap;
    char *what;   /* room for describe()'s text */
    int64_t days; /* since 1970-01-01 */
    int year;
    int offset_minutes; /* east of UTC */
    uint32_t nanos;
    zone_kind zone;
    unsigned char calendar;   /* the date was YYYY-MM-DD or YYYYMMDD (RFC 3339 wants it) */
    unsigned char extended;   /* the date used '-' separators; the rest must follow suit */
    unsigned char time_parts; /* 0 = no time, 1 = hh, 2 = hh:mm, 3 = hh:mm:ss */
    unsigned char hour, minute, second, fraction_digits;
    char fraction_mark;
} parser;

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

/* ---- calendar arithmetic (proleptic Gregorian, year 0 is a leap year) ---- */

static int is_leap_year(int64_t y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static unsigned days_in_month(int64_t y, unsigned m)
{
    static const unsigned char lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : lengths[(m - 1) % 12];
}

/* Days from 1970-01-01 to y-m-d; counts years from March so that the leap
 * day ends each 400-year era's year. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t year_of_era = y - era * 400;
    int64_t day_of_year = (153 * (int64_t)(m > 2 ? m - 3 : m + 9) + 2) / 5 + (int64_t)d - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - UNIX_EPOCH_SHIFT;
}

/* The inverse of days_from_civil. */
static void civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d)
{
    days += UNIX_EPOCH_SHIFT;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t day_of_era = days - era * 146097;
    int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t mp = (5 * day_of_year + 2) / 153;
    *d = (unsigned)(day_of_year - (153 * mp + 2) / 5 + 1);
    *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *y = year_of_era + era * 400 + (*m <= 2);
}

/* ISO weekday of a day count: 1 = Monday .. 7 = Sunday (1970-01-01 was a
 * Thursday; the added 7 keeps the remainder of a negative count positive). */
static unsigned iso_weekday(int64_t days)
{
    return (unsigned)((days % 7 + 7 + 3) % 7 + 1);
}

/* ISO 8601 years have 53 weeks when they start on a Thursday, or on a
 * Wednesday in a leap year. */
static unsigned weeks_in_year(int64_t y)
{
    unsigned jan1 = iso_weekday(days_from_civil(y, 1, 1));
    return (jan1 == 4 || (jan1 == 3 && is_leap_year(y))) ? 53 : 52;
}

/* Week 1 is the week that holds January 4th. */
static int64_t days_from_week_date(int64_t y, unsigned week, unsigned week_day)
{
    int64_t jan4 = days_from_civil(y, 1, 4);
    int64_t week1_monday = jan4 - (int64_t)(iso_weekday(jan4) - 1);
    return week1_monday + (int64_t)(week - 1) * 7 + (int64_t)(week_day - 1);
}

/* ---- reading ---- */

/* Writes the reason and returns 0, so parsers can `return fail(...)`. */
static SR__PRINTF(2, 3) int fail(const parser *c, const char *fmt, ...)
{
    if (c->reason != NULL && c->reason_cap > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->reason, c->reason_cap, fmt, ap);
        va_end(ap);
    }
    return 0;
}

/* The byte at the read position, or NUL at the end (a NUL byte inside the
 * value is never valid anyway). */
static char peek(const parser *c)
{
    return c->pos < c->len ? c->s[c->pos] : '\0';
}

static size_t digit_run(const parser *c)
{
    size_t n = 0;
    while (c->pos + n < c->len && (unsigned char)(c->s[c->pos + n] - '0') < 10)
        n++;
    return n;
}

/* The number written by the n digits at s, or -1 when one is not a digit. */
static int64_t fixed_digits(const char *s, unsigned n)
{
    int64_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Reads exactly n digits; 0 (nothing consumed) when fewer are there. */
static int take_digits(parser *c, unsigned n, unsigned *value)
{
    int64_t v = c->len - c->pos < n ? -1 : fixed_digits(c->s + c->pos, n);
    if (v < 0)
        return 0;
    c->pos += n;
    *value = (unsigned)v;
    return 1;
}

/* Names what sits at the read position, for reasons: 'x', byte 0xC3, the end. */
static const char *describe(const parser *c)
{
    unsigned char ch = (unsigned char)peek(c);
    if (c->pos >= c->len)
        return "the end of the value";
    if (ch >= 0x20 && ch < 0x7f)
        snprintf(c->what, WHAT_CAP, "'%c' at position %zu", (char)ch, c->pos + 1);
    else
        snprintf(c->what, WHAT_CAP, "byte 0x%02X at position %zu", ch, c->pos + 1);
    return c->what;
}

/* What follows a part of the value: 1 when another part does (its
 * separator, if any, consumed), 0 when none does, -1 when the formats are
 * mixed: a digit where the extended format wants sep, or sep in the basic
 * format. */
static int next_part(parser *c, char sep)
{
    char ch = peek(c);
    int digit = ch >= '0' && ch <= '9';
    if (c->extended ? digit : ch == sep)
        return -1;
    if (c->extended ? ch != sep : !digit)
        return 0;
    c->pos += (size_t)c->extended;
    return 1;
}

/* ---- the date part ---- */

static int parse_calendar(parser *c)
{
    unsigned month = 0, day = 0;
    c->calendar = 1;
    take_digits(c, 2, &month); /* the caller saw the digits */
    int part = next_part(c, '-');
    if (part < 0)
        return fail(c, MIXED "write YYYY-MM-DD or YYYYMMDD");
    if (part == 0)
        return fail(c, "expected '-' and a 2-digit day after YYYY-MM, found %s", describe(c));
    if (!take_digits(c, 2, &day))
        return fail(c, "expected a 2-digit day, found %s", describe(c));
    if (month < 1 || month > 12)
        return fail(c, "month %02u is out of range (01-12)", month);
    unsigned last = days_in_month(c->year, month);
    if (day < 1 || day > last)
        return fail(c, "day %02u is out of range for %s %04d (%u days)", day,
                    month_names[month - 1], c->year, last);
    c->days = days_from_civil(c->year, month, day);
    return 1;
}

static int parse_ordinal(parser *c)
{
    unsigned year_day = 0;
    take_digits(c, 3, &year_day); /* the caller saw the digits */
    unsigned last = is_leap_year(c->year) ? 366 : 365;
    if (year_day < 1 || year_day > last)
        return fail(c, "day-of-year %03u is out of range for %04d (001-%u)", year_day, c->year,
                    last);
    c->days = days_from_civil(c->year, 1, 1) + (int64_t)year_day - 1;
    return 1;
}

static int parse_week(parser *c)
{
    unsigned week = 0, week_day = 0;
    c->pos++; /* 'W' */
    if (!take_digits(c, 2, &week))
        return fail(c, "expected a 2-digit week number after 'W', found %s", describe(c));
    int part = next_part(c, '-');
    if (part < 0)
        return fail(c, MIXED "write YYYY-Www-D or YYYYWwwD");
    if (part == 0 && c->extended)
        return fail(c, "expected '-' and a weekday 1-7 after YYYY-Www, found %s", describe(c));
    if (!take_digits(c, 1, &week_day))
        return fail(c, "expected a weekday digit 1-7 after the week, found %s", describe(c));
    unsigned weeks = weeks_in_year(c->year);
    if (week == 53 && weeks == 52)
        return fail(c, "week 53 does not exist in %04d (it has 52 weeks)", c->year);
    if (week < 1 || week > weeks)
        return fail(c, "week %02u is out of range (01-%u in %04d)", week, weeks, c->year);
    if (week_day < 1 || week_day > 7)
        return fail(c, "weekday %u is out of range (1 = Monday .. 7 = Sunday)", week_day);
    c->days = days_from_week_date(c->year, week, week_day);
    return 1;
}

static int parse_date(parser *c)
{
    unsigned year = 0;
    if (c->len == 0)
        return fail(c, "the value is empty");
    if (!take_digits(c, 4, &year))
        return fail(c, "expected a 4-digit year (0000-9999) at the start");
    c->year = (int)year;
    c->extended = peek(c) == '-';
    c->pos += (size_t)c->extended;
    if (peek(c) == 'W')
        return parse_week(c);
    size_t run = digit_run(c);
    if (run == 3)
        return parse_ordinal(c);
    /* the calendar parser also names YYYY-MMDD and YYYYMM-DD as mixed */
    if (run == 4 || (run == 2 && (c->extended || (c->pos + 2 < c->len && c->s[c->pos + 2] == '-'))))
        return parse_calendar(c);
    if (c->extended)
        return fail(c, "expected MM-DD, DDD or Www-D after \"YYYY-\", found %s", describe(c));
    if (c->pos == c->len)
        return fail(c, "a year alone is not a date; expected YYYY-MM-DD, YYYY-DDD or YYYY-Www-D");
    return fail(c, "expected '-', MMDD, DDD or WwwD after the year "
                   "(YYYY-MM-DD, YYYYMMDD, YYYY-DDD, YYYYDDD, YYYY-Www-D, YYYYWwwD)");
}

/* ---- the time part ---- */

/* How a time or an offset is written: 2-digit groups, hh first. */
typedef struct groups {
    const char *noun;
    const char *names[3];
    const char *forms[2]; /* basic, extended: what to write when mixed */
    unsigned most;
} groups;

static const groups clock_groups = {
    "time", {"hour", "minutes", "seconds"}, {"hhmmss", "hh:mm:ss"}, 3};
static const groups offset_groups = {
    "offset", {"offset hour", "offset minutes"}, {"+hhmm or +hh", "+hh:mm or +hh"}, 2};

/* Reads hh and up to g->most - 1 more groups, each after ':' in the
 * extended format and right after the last in the basic one, into v.
 * Returns how many groups were read, 0 after a failure. */
static unsigned take_groups(parser *c, const groups *g, unsigned *v)
{
    char lead = c->s[c->pos - 1]; /* 'T' or the sign */
    if (!take_digits(c, 2, &v[0]))
        return (unsigned)fail(c, "expected a 2-digit %s after '%c', found %s", g->names[0], lead,
                              describe(c));
    unsigned n = 1;
    int part = 0;
    while (n < g->most && (part = next_part(c, ':')) > 0) {
        if (!take_digits(c, 2, &v[n]))
            return (unsigned)fail(c, "expected 2-digit %s%s, found %s", g->names[n],
                                  c->extended ? " after ':'" : "", describe(c));
        n++;
    }
    if (part < 0)
        return (unsigned)fail(c, MIXED "after %s write the %s as %s",
                              c->extended ? "YYYY-MM-DD" : "a basic date (YYYYMMDD)", g->noun,
                              g->forms[c->extended]);
    return n;
}

/* The digits after the decimal mark, scaled to nanoseconds. */
static int parse_fraction(parser *c)
{
    char mark = peek(c);
    if (c->time_parts != 3)
        return fail(c, "a fraction ('%c') is only allowed on seconds (hh:mm:ss%c f)", mark, mark);
    c->pos++;
    size_t run = digit_run(c);
    if (run == 0)
        return fail(c, "expected 1 to %d fraction digits after '%c'", SR__ISO8601_MAX_FRACTION,
                    mark);
    if (run > SR__ISO8601_MAX_FRACTION)
        return fail(c, "a fraction has at most %d digits (%zu given)", SR__ISO8601_MAX_FRACTION,
                    run);
    uint32_t nanos = 0;
    for (size_t i = 0; i < SR__ISO8601_MAX_FRACTION; i++)
        nanos = nanos * 10 + (i < run ? (uint32_t)(c->s[c->pos + i] - '0') : 0);
    c->pos += run;
    c->nanos = nanos;
    c->fraction_digits = (unsigned)run;
    c->fraction_mark = mark;
    return 1;
}

static int parse_clock(parser *c)
{
    unsigned v[3] = {0, 0, 0};
    c->pos++; /* 'T' or 't' */
    size_t run = c->extended ? 0 : digit_run(c);
    if (run > 2 && (run % 2 != 0 || run > 6))
        return fail(c, "expected hh, hhmm or hhmmss after 'T' (%zu digits given)", run);
    c->time_parts = take_groups(c, &clock_groups, v);
    if (c->time_parts == 0)
        return 0;
    c->hour = v[0];
    c->minute = v[1];
    c->second = v[2];
    if ((peek(c) == '.' || peek(c) == ',') && !parse_fraction(c))
        return 0;
    if (c->hour > 24)
        return fail(c, "hour %02u is out of range (00-23, or 24:00:00 for the end of the day)",
                    c->hour);
    if (c->minute > 59)
        return fail(c, "minute %02u is out of range (00-59)", c->minute);
    if (c->second > 60)
        return fail(c, "second %02u is out of range (00-59, or 60 at minute 59)", c->second);
    if (c->second == 60 && c->minute != 59)
        return fail(c, "second 60 (a leap second) is only allowed at minute 59, not at minute %02u",
                    c->minute);
    if (c->hour == 24 && (c->minute != 0 || c->second != 0 || c->nanos != 0))
        return fail(c, "hour 24 is only allowed with every lower field zero (24:00:00, the end "
                       "of the day)");
    return 1;
}

static int parse_offset(parser *c)
{
    unsigned v[2] = {0, 0};
    int sign = c->s[c->pos++] == '-' ? -1 : 1;
    unsigned n = take_groups(c, &offset_groups, v);
    if (n == 0)
        return 0;
    if (v[0] > 23)
        return fail(c, "offset hour %02u is out of range (offsets go up to +/-23:59)", v[0]);
    if (v[1] > 59)
        return fail(c, "offset minute %02u is out of range (00-59)", v[1]);
    c->zone = n == 1 ? ZONE_HOURS : ZONE_HOURS_MINUTES;
    c->offset_minutes = sign * (int)(v[0] * 60 + v[1]);
    return 1;
}

static int parse_fields(parser *c)
{
    if (!parse_date(c))
        return 0;
    char ch = peek(c);
    if (c->pos == c->len)
        return 1;
    if (ch == 'Z' || ch == 'z' || ch == '+' || ch == '-')
        return fail(c, "a zone designator needs a time (e.g. %s)",
                    c->extended ? "2022-12-09T00:00Z" : "20221209T0000Z");
    if (ch != 'T' && ch != 't')
        return fail(c, "unexpected %s after the date; expected 'T' and a time", describe(c));
    if (!parse_clock(c))
        return 0;
    ch = peek(c);
    if (ch == 'Z' || ch == 'z') {
        c->pos++;
        c->zone = ZONE_UTC;
    } else if ((ch == '+' || ch == '-') && !parse_offset(c)) {
        return 0;
    }
    if (c->pos != c->len)
        return fail(c, "unexpected %s; expected %s", describe(c),
                    c->zone == ZONE_NONE ? "Z, an offset (+hh:mm) or the end" : "the end");
    return 1;
}

/* The RFC 3339 date-time production, checked on an ISO 8601 value that
 * parsed: the first rule broken gives the reason. */
static int check_rfc3339(parser *c)
{
    const struct {
        int broken;
        const char *why;
    } rules[] = {
        {!c->calendar || !c->extended, "needs a calendar date YYYY-MM-DD"},
        {c->time_parts == 0, "needs a time: add Thh:mm:ss and Z or an offset"},
        {c->time_parts != 3, "needs seconds (hh:mm:ss)"},
        {c->fraction_digits > 0 && c->fraction_mark != '.',
         "writes the fraction after '.', not ','"},
        {c->zone == ZONE_NONE, "needs Z or an offset +hh:mm/-hh:mm after the time"},
        {c->zone == ZONE_HOURS, "needs offset minutes (+hh:mm), not +hh"},
        {c->hour == 24, "does not allow hour 24; write 00:00:00 of the next day"},
    };
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        if (rules[i].broken)
            return fail(c, "RFC 3339 %s", rules[i].why);
    }
    return 1;
}

/* Converts to UTC and keeps the result writable as RFC 3339. */
static int to_instant(parser *c, sr__instant *out)
{
    int leap = c->second == 60;
    int64_t seconds = c->days * SECONDS_PER_DAY + (int64_t)c->hour * 3600 +
                      (int64_t)c->minute * 60 + (int64_t)(leap ? 59 : c->second) -
                      (int64_t)c->offset_minutes * 60;
    if (seconds < days_from_civil(0, 1, 1) * SECONDS_PER_DAY)
        return fail(c, "in UTC this is before 0000-01-01T00:00:00Z; years 0000-9999 only");
    if (seconds >= days_from_civil(10000, 1, 1) * SECONDS_PER_DAY)
        return fail(c, "in UTC this is after the end of year 9999 (9999-12-31T23:59:60.999999999Z "
                       "at the latest); years 0000-9999 only");
    /* the normalised value must be valid itself: its :60 needs UTC minute 59 */
    if (leap && c->offset_minutes % 60 != 0)
        return fail(c,
                    "second 60 (a leap second) must fall at minute 59 in UTC; with offset "
                    "minutes %02d it would be at minute %02d",
                    (c->offset_minutes < 0 ? -c->offset_minutes : c->offset_minutes) % 60,
                    (int)((seconds / 60 % 60 + 60) % 60));
    out->seconds = seconds;
    out->nanos = c->nanos;
    out->leap = (unsigned char)leap;
    out->fraction_digits = (unsigned char)c->fraction_digits;
    return 1;
}

/* The form nearly every request carries, YYYY-MM-DDThh:mm:ss[.f]Z with a
 * valid date and a second below 60, read straight into *out. 0 for
 * anything else (other forms, every error): the full parser decides. */
static int parse_usual(const char *s, size_t len, sr__instant *out)
{
    if (len < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
        s[len - 1] != 'Z' || (len > 20 && (s[19] != '.' || len == 21 || len > 30)))
        return 0;
    int64_t y = fixed_digits(s, 4), mo = fixed_digits(s + 5, 2), d = fixed_digits(s + 8, 2);
    int64_t h = fixed_digits(s + 11, 2), mi = fixed_digits(s + 14, 2),
            sec = fixed_digits(s + 17, 2);
    int64_t nanos = len > 20 ? fixed_digits(s + 20, (unsigned)(len - 21)) : 0;
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, (unsigned)mo) || h < 0 ||
        h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || nanos < 0)
        return 0;
    for (size_t i = len - 21; len > 20 && i < 9; i++)
        nanos *= 10;
    out->seconds =
        days_from_civil(y, (unsigned)mo, (unsigned)d) * SECONDS_PER_DAY + h * 3600 + mi * 60 + sec;
    out->nanos = (uint32_t)nanos;
    out->leap = 0;
    out->fraction_digits = (unsigned char)(len > 20 ? len - 21 : 0);
    return 1;
}

int sr__date_is_constant(const char *v)
{
    return (v[0] >= 'A' && v[0] <= 'Z') || (v[0] >= 'a' && v[0] <= 'z');
}

sr_status sr__iso8601_parse(const char *s, size_t len, unsigned flags, sr__instant *out,
                            char *reason, size_t reason_cap)
{
    char what[WHAT_CAP];
    parser c = {.s = s, .len = len, .reason = reason, .reason_cap = reason_cap, .what = what};
    sr__instant unused; /* where the instant goes when the caller wants none */
    if (reason != NULL && reason_cap > 0)
        reason[0] = '\0';
    if (s != NULL && parse_usual(s, len, out != NULL ? out : &unused))
        return SR_OK;
    int ok = s == NULL
                 ? fail(&c, "the value is missing")
                 : parse_fields(&c) && ((flags & SR__ISO8601_RFC3339) == 0 || check_rfc3339(&c)) &&
                       to_instant(&c, out != NULL ? out : &unused);
    return ok ? SR_OK : SR_ERR_FORMAT;
}

/* ---- output ---- */

size_t sr__iso8601_format_rfc3339(const sr__instant *t, char *buf, size_t cap)
{
    if (t == NULL || buf == NULL || cap < SR__RFC3339_CAP || t->fraction_digits > 9 ||
        t->nanos >= NANOS_PER_SECOND)
        return 0;
    /* floor division: instants before 1970 have a negative remainder */
    int64_t second_of_day = (t->seconds % SECONDS_PER_DAY + SECONDS_PER_DAY) % SECONDS_PER_DAY;
    int64_t days = (t->seconds - second_of_day) / SECONDS_PER_DAY;
    int64_t y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999)
        return 0;
    /* the first fraction_digits digits of the nanoseconds, after the '.' */
    char fraction[16];
    snprintf(fraction, sizeof fraction, ".%09u", (unsigned)t->nanos);
    return (size_t)snprintf(buf, cap, "%04d-%02u-%02uT%02d:%02d:%02d%.*sZ", (int)y, m, d,
                            (int)(second_of_day / 3600), (int)(second_of_day / 60 % 60),
                            t->leap ? 60 : (int)(second_of_day % 60),
                            t->fraction_digits > 0 ? t->fraction_digits + 1 : 0, fraction);
}

/* ---- comparison ---- */

int sr__instant_compare(const sr__instant *a, const sr__instant *b)
{
    if (a->seconds != b->seconds)
        return a->seconds < b->seconds ? -1 : 1;
    if (a->leap != b->leap)
        return a->leap < b->leap ? -1 : 1;
    if (a->nanos != b->nanos)
        return a->nanos < b->nanos ? -1 : 1;
    return 0;
}

void sr__instant_span(const sr__instant *start, const sr__instant *end, int64_t *seconds,
                      uint32_t *nanos)
{
    /* without a leap-second table the whole leap second is taken as the
     * instant the next second starts, which keeps spans in step with
     * sr__instant_compare (never negative for ordered instants) */
    int64_t s = (end->seconds + end->leap) - (start->seconds + start->leap);
    int64_t n = (int64_t)(end->leap ? 0 : end->nanos) - (int64_t)(start->leap ? 0 : start->nanos);
    if (n < 0) {
        n += NANOS_PER_SECOND;
        s--;
    }
    *seconds = s;
    *nanos = (uint32_t)n;
}

int sr__instant_span_exceeds(const sr__instant *start, const sr__instant *end,
                             int64_t limit_seconds)
{
    int64_t s;
    uint32_t n;
    sr__instant_span(start, end, &s, &n);
    return s > limit_seconds || (s == limit_seconds && n > 0);
}
