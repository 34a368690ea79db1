/* SPDX-License-Identifier: MIT */
/* The date engine, table-driven: every ISO 8601 form, every boundary, the RFC 3339 profile,
 * reasons, ordering and spans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "iso8601.h"

#define RFC SR__ISO8601_RFC3339

/* One input; expect is the RFC 3339 UTC output, or NULL when the value must
 * be rejected, and then reason (when not NULL) must occur in the reason. */
typedef struct date_case {
    const char *input;
    unsigned flags;
    const char *expect;
    const char *reason;
} date_case;

static const date_case cases[] = {
    /* calendar dates, extended and basic */
    {"2022-12-09", 0, "2022-12-09T00:00:00Z", NULL},
    {"20221209", 0, "2022-12-09T00:00:00Z", NULL},
    {"0000-01-01", 0, "0000-01-01T00:00:00Z", NULL},
    {"00000101", 0, "0000-01-01T00:00:00Z", NULL},
    {"9999-12-31", 0, "9999-12-31T00:00:00Z", NULL},
    {"1970-01-01", 0, "1970-01-01T00:00:00Z", NULL},
    {"1969-12-31", 0, "1969-12-31T00:00:00Z", NULL},
    {"1600-03-01", 0, "1600-03-01T00:00:00Z", NULL},
    /* leap years: Gregorian rule, year 0000 is one */
    {"2000-02-29", 0, "2000-02-29T00:00:00Z", NULL},
    {"2024-02-29", 0, "2024-02-29T00:00:00Z", NULL},
    {"0000-02-29", 0, "0000-02-29T00:00:00Z", NULL},
    {"0400-02-29", 0, "0400-02-29T00:00:00Z", NULL},
    {"1600-02-29", 0, "1600-02-29T00:00:00Z", NULL},
    {"20000229", 0, "2000-02-29T00:00:00Z", NULL},
    {"1900-02-29", 0, NULL, "day 29 is out of range for February 1900 (28 days)"},
    {"2100-02-29", 0, NULL, "day 29 is out of range for February 2100 (28 days)"},
    {"2022-02-29", 0, NULL, "day 29 is out of range for February 2022 (28 days)"},
    {"0100-02-29", 0, NULL, "February 0100"},
    {"2023-02-30", 0, NULL, "day 30 is out of range for February 2023 (28 days)"},
    {"2024-02-30", 0, NULL, "day 30 is out of range for February 2024 (29 days)"},
    {"20230229", 0, NULL, "February 2023"},
    /* the last day of every month, and the day after it */
    {"2023-01-31", 0, "2023-01-31T00:00:00Z", NULL},
    {"2023-01-32", 0, NULL, "day 32 is out of range for January 2023 (31 days)"},
    {"2023-02-28", 0, "2023-02-28T00:00:00Z", NULL},
    {"2023-02-29", 0, NULL, "(28 days)"},
    {"2023-03-31", 0, "2023-03-31T00:00:00Z", NULL},
    {"2023-03-32", 0, NULL, "March 2023 (31 days)"},
    {"2023-04-30", 0, "2023-04-30T00:00:00Z", NULL},
    {"2023-04-31", 0, NULL, "day 31 is out of range for April 2023 (30 days)"},
    {"2023-05-31", 0, "2023-05-31T00:00:00Z", NULL},
    {"2023-05-32", 0, NULL, "May 2023 (31 days)"},
    {"2023-06-30", 0, "2023-06-30T00:00:00Z", NULL},
    {"2023-06-31", 0, NULL, "June 2023 (30 days)"},
    {"2023-07-31", 0, "2023-07-31T00:00:00Z", NULL},
    {"2023-07-32", 0, NULL, "July 2023 (31 days)"},
    {"2023-08-31", 0, "2023-08-31T00:00:00Z", NULL},
    {"2023-08-32", 0, NULL, "August 2023 (31 days)"},
    {"2023-09-30", 0, "2023-09-30T00:00:00Z", NULL},
    {"2023-09-31", 0, NULL, "September 2023 (30 days)"},
    {"2023-10-31", 0, "2023-10-31T00:00:00Z", NULL},
    {"2023-10-32", 0, NULL, "October 2023 (31 days)"},
    {"2023-11-30", 0, "2023-11-30T00:00:00Z", NULL},
    {"2023-11-31", 0, NULL, "November 2023 (30 days)"},
    {"2023-12-31", 0, "2023-12-31T00:00:00Z", NULL},
    {"2023-12-32", 0, NULL, "December 2023 (31 days)"},
    {"2022-00-10", 0, NULL, "month 00 is out of range (01-12)"},
    {"2022-13-01", 0, NULL, "month 13 is out of range (01-12)"},
    {"20221301", 0, NULL, "month 13"},
    {"2022-12-00", 0, NULL, "day 00 is out of range for December 2022"},
    {"2022-99-99", 0, NULL, "month 99"},
    /* ordinal dates */
    {"2022-001", 0, "2022-01-01T00:00:00Z", NULL},
    {"2022001", 0, "2022-01-01T00:00:00Z", NULL},
    {"2022-343", 0, "2022-12-09T00:00:00Z", NULL},
    {"2022343", 0, "2022-12-09T00:00:00Z", NULL},
    {"2022-059", 0, "2022-02-28T00:00:00Z", NULL},
    {"2022-060", 0, "2022-03-01T00:00:00Z", NULL},
    {"2024-060", 0, "2024-02-29T00:00:00Z", NULL},
    {"2022-365", 0, "2022-12-31T00:00:00Z", NULL},
    {"2024-366", 0, "2024-12-31T00:00:00Z", NULL},
    {"0000-366", 0, "0000-12-31T00:00:00Z", NULL},
    {"1900-365", 0, "1900-12-31T00:00:00Z", NULL},
    {"2022-366", 0, NULL, "day-of-year 366 is out of range for 2022 (001-365)"},
    {"1900-366", 0, NULL, "day-of-year 366 is out of range for 1900 (001-365)"},
    {"2024-367", 0, NULL, "day-of-year 367 is out of range for 2024 (001-366)"},
    {"2022-000", 0, NULL, "day-of-year 000"},
    {"2022999", 0, NULL, "day-of-year 999"},
    /* week dates: week 1 holds January 4th, so it may start in December */
    {"2022-W49-5", 0, "2022-12-09T00:00:00Z", NULL},
    {"2022W495", 0, "2022-12-09T00:00:00Z", NULL},
    {"2022-W01-1", 0, "2022-01-03T00:00:00Z", NULL},
    {"2022-W52-7", 0, "2023-01-01T00:00:00Z", NULL},
    {"2019-W01-1", 0, "2018-12-31T00:00:00Z", NULL},
    {"2020-W01-1", 0, "2019-12-30T00:00:00Z", NULL},
    {"2009-W01-1", 0, "2008-12-29T00:00:00Z", NULL},
    {"2025-W01-1", 0, "2024-12-30T00:00:00Z", NULL},
    {"2021-W01-1", 0, "2021-01-04T00:00:00Z", NULL},
    {"2016-W01-1", 0, "2016-01-04T00:00:00Z", NULL},
    {"2020-W53-7", 0, "2021-01-03T00:00:00Z", NULL},
    {"2020W537", 0, "2021-01-03T00:00:00Z", NULL},
    {"2015-W53-7", 0, "2016-01-03T00:00:00Z", NULL},
    {"2009-W53-7", 0, "2010-01-03T00:00:00Z", NULL},
    {"2004-W53-6", 0, "2005-01-01T00:00:00Z", NULL},
    {"2026-W53-1", 0, "2026-12-28T00:00:00Z", NULL},
    {"2021-W53-1", 0, NULL, "week 53 does not exist in 2021"},
    {"2022W531", 0, NULL, "week 53 does not exist in 2022"},
    {"2008-W53-1", 0, NULL, "week 53 does not exist in 2008"},
    {"2022-W00-1", 0, NULL, "week 00 is out of range (01-52 in 2022)"},
    {"2020-W54-1", 0, NULL, "week 54 is out of range (01-53 in 2020)"},
    {"2022-W01-0", 0, NULL, "weekday 0 is out of range"},
    {"2022-W01-8", 0, NULL, "weekday 8 is out of range"},
    {"2022-W01", 0, NULL, "weekday"},
    {"2022W01", 0, NULL, "weekday"},
    {"2022-W1-1", 0, NULL, "2-digit week"},
    {"2022-w01-1", 0, NULL, NULL},
    {"2022-W011", 0, NULL, "mixed"},
    {"2022W01-1", 0, NULL, "mixed"},
    /* times, extended and basic; fractions only on seconds */
    {"2022-12-09T22", 0, "2022-12-09T22:00:00Z", NULL},
    {"2022-12-09T22:01", 0, "2022-12-09T22:01:00Z", NULL},
    {"2022-12-09T22:01:06", 0, "2022-12-09T22:01:06Z", NULL},
    {"20221209T22", 0, "2022-12-09T22:00:00Z", NULL},
    {"20221209T2201", 0, "2022-12-09T22:01:00Z", NULL},
    {"20221209T220106", 0, "2022-12-09T22:01:06Z", NULL},
    {"2022343T22", 0, "2022-12-09T22:00:00Z", NULL},
    {"2022W511T0800", 0, "2022-12-19T08:00:00Z", NULL},
    {"2022-W49-5T22:01:06Z", 0, "2022-12-09T22:01:06Z", NULL},
    {"2022-343T22:01:06.5Z", 0, "2022-12-09T22:01:06.5Z", NULL},
    {"2022-12-09t22:01:06z", 0, "2022-12-09T22:01:06Z", NULL},
    {"2022-12-09T00:00:00Z", 0, "2022-12-09T00:00:00Z", NULL},
    {"2022-12-09T23:59:59Z", 0, "2022-12-09T23:59:59Z", NULL},
    {"2022-12-09T22:01:06.217Z", 0, "2022-12-09T22:01:06.217Z", NULL},
    {"2022-12-09T22:01:06,5Z", 0, "2022-12-09T22:01:06.5Z", NULL},
    {"20221209T220106,5Z", 0, "2022-12-09T22:01:06.5Z", NULL},
    {"2022-12-09t22:01:06.123456789z", 0, "2022-12-09T22:01:06.123456789Z", NULL},
    {"2022-12-09T22:01:06.000", 0, "2022-12-09T22:01:06.000Z", NULL},
    {"2022-12-09T22:01:06.100000000Z", 0, "2022-12-09T22:01:06.100000000Z", NULL},
    {"2022-12-09T22:01:06,000000001Z", 0, "2022-12-09T22:01:06.000000001Z", NULL},
    {"2022-12-09T22:01:06.1234567890Z", 0, NULL, "a fraction has at most 9 digits (10 given)"},
    {"2022-12-09T22:01:06.Z", 0, NULL, "expected 1 to 9 fraction digits after '.'"},
    {"2022-12-09T22:01:06,", 0, NULL, "expected 1 to 9 fraction digits after ','"},
    {"2022-12-09T22:01.5", 0, NULL, "only allowed on seconds"},
    {"2022-12-09T22,5", 0, NULL, "only allowed on seconds"},
    {"20221209T2201,5", 0, NULL, "only allowed on seconds"},
    {"2022-12-09T", 0, NULL, "expected a 2-digit hour after 'T'"},
    {"2022-12-09T2", 0, NULL, "expected a 2-digit hour"},
    {"2022-12-09T22:0", 0, NULL, "expected 2-digit minutes"},
    {"2022-12-09T22:01:0", 0, NULL, "expected 2-digit seconds"},
    {"2022-12-09T22:", 0, NULL, "expected 2-digit minutes"},
    {"20221209T221", 0, NULL, "expected hh, hhmm or hhmmss"},
    {"20221209T22010", 0, NULL, "expected hh, hhmm or hhmmss"},
    {"20221209T2201060", 0, NULL, "expected hh, hhmm or hhmmss"},
    /* hour 24: only as the end of the day */
    {"2022-12-09T24", 0, "2022-12-10T00:00:00Z", NULL},
    {"2022-12-09T24:00", 0, "2022-12-10T00:00:00Z", NULL},
    {"2022-12-09T24:00:00", 0, "2022-12-10T00:00:00Z", NULL},
    {"2022-12-09T24:00:00.000", 0, "2022-12-10T00:00:00.000Z", NULL},
    {"20221209T2400", 0, "2022-12-10T00:00:00Z", NULL},
    {"20221209T240000", 0, "2022-12-10T00:00:00Z", NULL},
    {"2022-12-09T24:00Z", 0, "2022-12-10T00:00:00Z", NULL},
    {"2022-12-10T24:00:00.000Z", 0, "2022-12-11T00:00:00.000Z", NULL},
    {"2022-12-31T24:00Z", 0, "2023-01-01T00:00:00Z", NULL},
    {"2022-02-28T24:00Z", 0, "2022-03-01T00:00:00Z", NULL},
    {"2024-02-28T24:00Z", 0, "2024-02-29T00:00:00Z", NULL},
    {"2022-12-09T24:00+01:00", 0, "2022-12-09T23:00:00Z", NULL},
    {"2022-12-09T24:00:01Z", 0, NULL, "hour 24 is only allowed with every lower field zero"},
    {"2022-12-09T24:01", 0, NULL, "hour 24"},
    {"2022-12-09T24:00:00.001", 0, NULL, "hour 24"},
    {"20221209T240001", 0, NULL, "hour 24"},
    {"2022-12-09T25:00Z", 0, NULL, "hour 25 is out of range"},
    {"2022-12-09T99", 0, NULL, "hour 99"},
    {"2022-12-09T22:60Z", 0, NULL, "minute 60 is out of range (00-59)"},
    {"2022-12-09T22:99:00", 0, NULL, "minute 99"},
    {"2022-12-09T23:59:59.999999999Z", 0, "2022-12-09T23:59:59.999999999Z", NULL},
    /* second 60: a leap second, only at minute 59; kept as :60 */
    {"2016-12-31T23:59:60Z", 0, "2016-12-31T23:59:60Z", NULL},
    {"2016-12-31T23:59:60.5Z", 0, "2016-12-31T23:59:60.5Z", NULL},
    {"20161231T235960Z", 0, "2016-12-31T23:59:60Z", NULL},
    {"2016-12-31T18:59:60-05:00", 0, "2016-12-31T23:59:60Z", NULL},
    {"2015-06-30T23:59:60Z", 0, "2015-06-30T23:59:60Z", NULL},
    {"2016-12-31T23:59:60+05:30", 0, NULL, "must fall at minute 59 in UTC"},
    {"2016-12-31T23:59:60-00:01", 0, NULL, "would be at minute 00"},
    {"2017-01-01T05:29:60+05:30", 0, NULL, "minute 59"},
    {"2017-01-01T00:59:60+01", 0, "2016-12-31T23:59:60Z", NULL},
    {"2022-12-09T23:58:60Z", 0, NULL, "second 60 (a leap second) is only allowed at minute 59"},
    {"2022-12-09T23:59:61Z", 0, NULL, "second 61 is out of range"},
    {"2022-12-09T23:00:60Z", 0, NULL, "minute 59"},
    /* zones */
    {"2022-12-09T22:01:06Z", 0, "2022-12-09T22:01:06Z", NULL},
    {"2022-12-09T23:01:06+01:00", 0, "2022-12-09T22:01:06Z", NULL},
    {"2022-12-09T14:01:06-08:00", 0, "2022-12-09T22:01:06Z", NULL},
    {"2022-12-10T12:00+05", 0, "2022-12-10T07:00:00Z", NULL},
    {"20221209T220106-0800", 0, "2022-12-10T06:01:06Z", NULL},
    {"20221209T220106+0530", 0, "2022-12-09T16:31:06Z", NULL},
    {"20221209T220106+01", 0, "2022-12-09T21:01:06Z", NULL},
    {"2022-12-09T22:01:06+23:59", 0, "2022-12-08T22:02:06Z", NULL},
    {"2022-12-09T22:01:06-23:59", 0, "2022-12-10T22:00:06Z", NULL},
    {"2022-12-09T22:01:06-00:00", 0, "2022-12-09T22:01:06Z", NULL},
    {"2022-12-09T22:01:06+00", 0, "2022-12-09T22:01:06Z", NULL},
    {"2022-12-09T22+01", 0, "2022-12-09T21:00:00Z", NULL},
    {"2022-12-09T22:01:06+24:00", 0, NULL, "offset hour 24 is out of range"},
    {"2022-12-09T22:01:06+01:60", 0, NULL, "offset minute 60 is out of range"},
    {"2022-12-09T22:01:06+1", 0, NULL, "expected a 2-digit offset hour"},
    {"2022-12-09T22:01:06+01:0", 0, NULL, "expected 2-digit offset minutes"},
    {"2022-12-09T22:01:06+01:", 0, NULL, "expected 2-digit offset minutes"},
    {"20221209T220106+010", 0, NULL, "expected 2-digit offset minutes"},
    {"2022-12-09T22:01:06 +01:00", 0, NULL, "unexpected ' ' at position 20"},
    {"2022-12-09T22:01:06ZZ", 0, NULL, "unexpected 'Z' at position 21; expected the end"},
    {"2022-12-09T22:01:06+01:00Z", 0, NULL, "expected the end"},
    /* carries across day, month, year and leap-day boundaries */
    {"2022-12-31T23:30:00-01:00", 0, "2023-01-01T00:30:00Z", NULL},
    {"2023-01-01T00:30:00+01:00", 0, "2022-12-31T23:30:00Z", NULL},
    {"2024-03-01T00:00+00:01", 0, "2024-02-29T23:59:00Z", NULL},
    {"2023-03-01T00:00+00:01", 0, "2023-02-28T23:59:00Z", NULL},
    {"2024-02-29T23:00-01:00", 0, "2024-03-01T00:00:00Z", NULL},
    {"2022-04-30T20:00-05:00", 0, "2022-05-01T01:00:00Z", NULL},
    {"1970-01-01T00:00:00+00:01", 0, "1969-12-31T23:59:00Z", NULL},
    {"2022-W01-1T00:00+01:00", 0, "2022-01-02T23:00:00Z", NULL},
    /* the UTC instant must stay writable as RFC 3339 */
    {"0000-01-01T00:00+01:00", 0, NULL, "before 0000-01-01T00:00:00Z"},
    {"0000-01-01T01:00+01:00", 0, "0000-01-01T00:00:00Z", NULL},
    {"0000-01-01T00:00-01:00", 0, "0000-01-01T01:00:00Z", NULL},
    {"9999-12-31T23:59:59.999999999Z", 0, "9999-12-31T23:59:59.999999999Z", NULL},
    {"9999-12-31T23:59:60Z", 0, "9999-12-31T23:59:60Z", NULL},
    {"9999-12-31T23:59:60.999999999Z", 0, "9999-12-31T23:59:60.999999999Z", NULL},
    /* the message names the last instant the rule accepts, not :59Z */
    {"9999-12-31T24:00Z", 0, NULL, "after the end of year 9999 (9999-12-31T23:59:60.999999999Z"},
    {"9999-12-31T23:00-01:00", 0, NULL, "after the end of year 9999"},
    {"9999-12-31T23:00+01:00", 0, "9999-12-31T22:00:00Z", NULL},
    {"0000-W01-1", 0, "0000-01-03T00:00:00Z", NULL},
    {"9999-W52-5", 0, "9999-12-31T00:00:00Z", NULL},
    {"9999-W52-6", 0, NULL, "after the end of year 9999"},
    /* basic and extended may not be mixed, the offset included */
    {"2022-12-09T220106Z", 0, NULL, "basic and extended formats are mixed"},
    {"20221209T22:01:06Z", 0, NULL, "basic and extended formats are mixed"},
    {"2022-12-09T22:01:06+0100", 0, NULL, "basic and extended formats are mixed"},
    {"20221209T220106+01:00", 0, NULL, "basic and extended formats are mixed"},
    {"2022-12-09T2201", 0, NULL, "mixed"},
    {"2022-1209", 0, NULL, "mixed"},
    {"202212-09", 0, NULL, "mixed"},
    {"2022343T22:00", 0, NULL, "mixed"},
    {"2022-343T2200", 0, NULL, "mixed"},
    {"2022-12-09T22:0106Z", 0, NULL, "after YYYY-MM-DD write the time as hh:mm:ss"},
    {"20221209T2201:06Z", 0, NULL, "after a basic date (YYYYMMDD) write the time as hhmmss"},
    {"2022-12-09t", 0, NULL, "expected a 2-digit hour after 't'"},
    /* a zone needs a time */
    {"2022-12-09Z", 0, NULL, "a zone designator needs a time"},
    {"20221209Z", 0, NULL, "a zone designator needs a time"},
    {"2022-12-09+01:00", 0, NULL, "a zone designator needs a time"},
    {"2022-12-09-05", 0, NULL, "a zone designator needs a time"},
    {"2022-W49-5z", 0, NULL, "a zone designator needs a time"},
    /* not dates at all */
    {"", 0, NULL, "the value is empty"},
    {"2022", 0, NULL, "a year alone is not a date"},
    {"2022-12", 0, NULL, "expected '-' and a 2-digit day after YYYY-MM"},
    {"22-12-09", 0, NULL, "4-digit year"},
    {"2022-1-09", 0, NULL, "after \"YYYY-\""},
    {"2022-12-9", 0, NULL, "expected a 2-digit day"},
    {"2022/12/09", 0, NULL, NULL},
    {" 2022-12-09", 0, NULL, "4-digit year"},
    {"2022-12-09 ", 0, NULL, "unexpected ' ' at position 11 after the date"},
    {"2022-12-09 22:01:06", 0, NULL, "expected 'T' and a time"},
    {"+2022-12-09", 0, NULL, "4-digit year"},
    {"-2022-12-09", 0, NULL, "4-digit year"},
    {"12022-12-09", 0, NULL, NULL},
    {"2022-12-091", 0, NULL, "unexpected '1'"},
    {"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x92-12-09", 0, NULL, "4-digit year"},
    {"2022-12-09T22:01:06\xc3\xa9", 0, NULL, "byte 0xC3"},
    /* the RFC 3339 profile */
    {"2022-12-09T22:01:06.217Z", RFC, "2022-12-09T22:01:06.217Z", NULL},
    {"2022-12-09T23:01:08+01:00", RFC, "2022-12-09T22:01:08Z", NULL},
    {"2022-12-09t22:01:06z", RFC, "2022-12-09T22:01:06Z", NULL},
    {"2022-12-09T22:01:06-00:00", RFC, "2022-12-09T22:01:06Z", NULL},
    {"2016-12-31T23:59:60Z", RFC, "2016-12-31T23:59:60Z", NULL},
    {"2022-12-09T22:01:06.123456789Z", RFC, "2022-12-09T22:01:06.123456789Z", NULL},
    {"2022-12-09", RFC, NULL, "RFC 3339 needs a time"},
    {"2022-12-09T22:01:08", RFC, NULL, "RFC 3339 needs Z or an offset"},
    {"2022-12-09T22:01Z", RFC, NULL, "RFC 3339 needs seconds"},
    {"2022-12-09T22Z", RFC, NULL, "RFC 3339 needs seconds"},
    {"2022-12-09T22:01:08+0100", RFC, NULL, "basic and extended formats are mixed"},
    {"2022-12-09T22:01:08+01", RFC, NULL, "RFC 3339 needs offset minutes"},
    {"2022-12-09T22:01:08,5Z", RFC, NULL, "'.', not ','"},
    {"2022-12-09T24:00:00Z", RFC, NULL, "RFC 3339 does not allow hour 24"},
    {"20221209T220108Z", RFC, NULL, "RFC 3339 needs a calendar date YYYY-MM-DD"},
    {"2022-343T22:01:08Z", RFC, NULL, "RFC 3339 needs a calendar date"},
    {"2022-W49-5T22:01:08Z", RFC, NULL, "RFC 3339 needs a calendar date"},
    {"2022-12-09T23:58:60Z", RFC, NULL, "minute 59"},
    {"2022-02-29T00:00:00Z", RFC, NULL, "February 2022"},
};

static void test_table(void **state)
{
    (void)state;
    size_t failures = 0;
    size_t n = sizeof cases / sizeof cases[0];
    assert_true(n >= 200);
    for (size_t i = 0; i < n; i++) {
        const date_case *c = &cases[i];
        char reason[SR__ISO8601_REASON_CAP];
        char text[SR__RFC3339_CAP] = "";
        sr__instant t;
        memset(&t, 0, sizeof t);
        sr_status st =
            sr__iso8601_parse(c->input, strlen(c->input), c->flags, &t, reason, sizeof reason);
        if (c->expect != NULL) {
            if (st != SR_OK) {
                print_error("case %zu \"%s\": rejected (%s), expected %s\n", i, c->input, reason,
                            c->expect);
                failures++;
                continue;
            }
            size_t len = sr__iso8601_format_rfc3339(&t, text, sizeof text);
            if (len != strlen(c->expect) || strcmp(text, c->expect) != 0) {
                print_error("case %zu \"%s\": gave %s, expected %s\n", i, c->input, text,
                            c->expect);
                failures++;
            }
        } else if (st != SR_ERR_FORMAT) {
            print_error("case %zu \"%s\": accepted, expected a rejection\n", i, c->input);
            failures++;
        } else if (reason[0] == '\0' || (c->reason != NULL && strstr(reason, c->reason) == NULL)) {
            print_error("case %zu \"%s\": reason \"%s\", expected it to contain \"%s\"\n", i,
                        c->input, reason, c->reason != NULL ? c->reason : "(any)");
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

/* The parser reads exactly len bytes: no terminator needed, none trusted. */
static void test_length_bounded(void **state)
{
    (void)state;
    sr__instant t;
    char text[SR__RFC3339_CAP];
    const char buf[] = "2022-12-09T22:01:06Zgarbage";
    assert_int_equal(sr__iso8601_parse(buf, 20, 0, &t, NULL, 0), SR_OK);
    sr__iso8601_format_rfc3339(&t, text, sizeof text);
    assert_string_equal(text, "2022-12-09T22:01:06Z");
    assert_int_equal(sr__iso8601_parse(buf, 10, 0, &t, NULL, 0), SR_OK);
    sr__iso8601_format_rfc3339(&t, text, sizeof text);
    assert_string_equal(text, "2022-12-09T00:00:00Z");
    assert_int_equal(sr__iso8601_parse(buf, 9, 0, &t, NULL, 0), SR_ERR_FORMAT);
    assert_int_equal(sr__iso8601_parse(buf, sizeof buf - 1, 0, &t, NULL, 0), SR_ERR_FORMAT);
    /* an embedded NUL is just a bad byte */
    assert_int_equal(sr__iso8601_parse("2022-12-09\0T22", 14, 0, &t, NULL, 0), SR_ERR_FORMAT);
    assert_int_equal(sr__iso8601_parse(NULL, 0, 0, &t, NULL, 0), SR_ERR_FORMAT);
}

/* A reason buffer that is too small is cut, never overrun. */
static void test_small_reason_buffer(void **state)
{
    (void)state;
    char reason[12];
    memset(reason, 'x', sizeof reason);
    assert_int_equal(sr__iso8601_parse("2023-02-30", 10, 0, NULL, reason, 8), SR_ERR_FORMAT);
    assert_int_equal(strlen(reason), 7);
    assert_int_equal(reason[8], 'x');
    assert_memory_equal(reason, "day 30 ", 7);
}

static sr__instant parse_ok(const char *s)
{
    sr__instant t;
    char reason[SR__ISO8601_REASON_CAP];
    sr_status st = sr__iso8601_parse(s, strlen(s), 0, &t, reason, sizeof reason);
    if (st != SR_OK)
        print_error("\"%s\": %s\n", s, reason);
    assert_int_equal(st, SR_OK);
    return t;
}

static void test_epoch_values(void **state)
{
    (void)state;
    sr__instant t = parse_ok("1970-01-01T00:00:00Z");
    assert_int_equal(t.seconds, 0);
    t = parse_ok("2022-12-09T22:01:06.217Z");
    assert_int_equal(t.seconds, 1670623266);
    assert_int_equal(t.nanos, 217000000);
    assert_int_equal(t.fraction_digits, 3);
    assert_int_equal(t.leap, 0);
    t = parse_ok("0000-01-01");
    assert_true(t.seconds == INT64_C(-62167219200));
    t = parse_ok("9999-12-31T23:59:59Z");
    assert_true(t.seconds == INT64_C(253402300799));
    t = parse_ok("2016-12-31T23:59:60.25Z");
    assert_true(t.seconds == INT64_C(1483228799));
    assert_int_equal(t.leap, 1);
    assert_int_equal(t.nanos, 250000000);
}

static void test_compare_and_leap_order(void **state)
{
    (void)state;
    sr__instant a = parse_ok("2016-12-31T23:59:59.9Z");
    sr__instant leap = parse_ok("2016-12-31T23:59:60Z");
    sr__instant leap_late = parse_ok("2016-12-31T23:59:60.5Z");
    sr__instant next = parse_ok("2017-01-01T00:00:00Z");
    assert_int_equal(sr__instant_compare(&a, &leap), -1);
    assert_int_equal(sr__instant_compare(&leap, &leap_late), -1);
    assert_int_equal(sr__instant_compare(&leap_late, &next), -1);
    assert_int_equal(sr__instant_compare(&next, &a), 1);
    /* the same instant written two ways */
    sr__instant x = parse_ok("2022-12-09T22:01:06Z");
    sr__instant y = parse_ok("2022-12-09T23:01:06+01:00");
    assert_int_equal(sr__instant_compare(&x, &y), 0);
    /* 24:00 is the next day's midnight */
    sr__instant h24 = parse_ok("2022-12-09T24:00");
    sr__instant midnight = parse_ok("2022-12-10");
    assert_int_equal(sr__instant_compare(&h24, &midnight), 0);
    /* the digits written do not change the instant */
    sr__instant f1 = parse_ok("2022-12-09T22:01:06.5Z");
    sr__instant f2 = parse_ok("2022-12-09T22:01:06,500000000Z");
    assert_int_equal(sr__instant_compare(&f1, &f2), 0);
}

static void test_span(void **state)
{
    (void)state;
    int64_t s;
    uint32_t n;
    sr__instant a = parse_ok("2022-01-01T00:00:00Z");
    sr__instant b = parse_ok("2022-06-30T00:00:00Z");
    sr__instant c = parse_ok("2022-06-30T00:00:00.000000001Z");
    assert_int_equal(sr__instant_span_exceeds(&a, &b, 180 * 86400), 0);
    assert_int_equal(sr__instant_span_exceeds(&a, &c, 180 * 86400), 1);
    sr__instant_span(&a, &c, &s, &n);
    assert_true(s == 180 * 86400);
    assert_int_equal(n, 1);
    sr__instant d = parse_ok("2022-01-01T00:00:00.75Z");
    sr__instant e = parse_ok("2022-01-01T00:00:01.25Z");
    sr__instant_span(&d, &e, &s, &n);
    assert_true(s == 0);
    assert_int_equal(n, 500000000);
    sr__instant_span(&e, &d, &s, &n);
    assert_true(s == -1);
    assert_int_equal(n, 500000000);
    /* a leap second counts as one second */
    sr__instant l = parse_ok("2016-12-31T23:59:60Z");
    sr__instant m = parse_ok("2016-12-31T23:59:59Z");
    sr__instant_span(&m, &l, &s, &n);
    assert_true(s == 1);
    /* a leap second is taken as the start of the next second, so ordered
     * instants never give a negative span */
    sr__instant l5 = parse_ok("2016-12-31T23:59:60.5Z");
    sr__instant next = parse_ok("2017-01-01T00:00:00.2Z");
    assert_int_equal(sr__instant_compare(&l5, &next), -1);
    sr__instant_span(&l5, &next, &s, &n);
    assert_true(s == 0);
    assert_int_equal(n, 200000000);
    sr__instant_span(&next, &l5, &s, &n);
    assert_true(s == -1);
    assert_int_equal(n, 800000000);
    sr__instant m9 = parse_ok("2016-12-31T23:59:59.9Z");
    sr__instant_span(&m9, &l5, &s, &n);
    assert_true(s == 0);
    assert_int_equal(n, 100000000);
    sr__instant_span(&l, &l5, &s, &n);
    assert_true(s == 0 && n == 0);
}

static void test_format_limits(void **state)
{
    (void)state;
    char small[SR__RFC3339_CAP - 1];
    char text[SR__RFC3339_CAP];
    sr__instant t = parse_ok("2022-12-09T22:01:06.123456789Z");
    assert_int_equal(sr__iso8601_format_rfc3339(&t, small, sizeof small), 0);
    assert_int_equal(sr__iso8601_format_rfc3339(&t, text, sizeof text), 30);
    assert_string_equal(text, "2022-12-09T22:01:06.123456789Z");
    t.seconds = INT64_C(253402300800); /* 10000-01-01 */
    t.fraction_digits = 0;
    assert_int_equal(sr__iso8601_format_rfc3339(&t, text, sizeof text), 0);
    t.seconds = INT64_C(-62167219201); /* -0001-12-31T23:59:59 */
    assert_int_equal(sr__iso8601_format_rfc3339(&t, text, sizeof text), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_length_bounded),
        cmocka_unit_test(test_small_reason_buffer),
        cmocka_unit_test(test_epoch_values),
        cmocka_unit_test(test_compare_and_leap_order),
        cmocka_unit_test(test_span),
        cmocka_unit_test(test_format_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
