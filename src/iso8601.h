/* SPDX-License-Identifier: MIT */
/* The date engine: ISO 8601 and RFC 3339 dates to an exact UTC instant and
 * back to RFC 3339 text. No floating point, no libc time functions. */
#ifndef SESSREPORT_ISO8601_H
#define SESSREPORT_ISO8601_H

#include <stddef.h>
#include <stdint.h>

#include "sessreport/error.h"

/* Accept only the RFC 3339 profile: YYYY-MM-DDThh:mm:ss[.f] then Z or
 * +hh:mm/-hh:mm ('t' and 'z' allowed, '.' only, no hour 24). */
#define SR__ISO8601_RFC3339 1u

/* Longest RFC 3339 output, "YYYY-MM-DDThh:mm:ss.fffffffffZ", plus the NUL. */
#define SR__RFC3339_CAP 32
/* Room for every reason the parser writes, NUL included. */
#define SR__ISO8601_REASON_CAP 160
/* Most fraction digits a second may carry (nanoseconds). */
#define SR__ISO8601_MAX_FRACTION 9
/* The tail of every date message: the forms a user can write. */
#define SR__ISO8601_EXPECTED                                                                       \
    "expected e.g. 2022-12-09T22:01:06Z, 20221209T220106Z, 2022-12-09, 2022-343, 2022-W49-5"
#define SR__RFC3339_EXPECTED "expected YYYY-MM-DDThh:mm:ss[.f] then Z or +hh:mm/-hh:mm"

/* An exact instant in UTC. A leap second (second 60) is stored as the :59
 * second before it with leap = 1, so instants order correctly and print
 * back as :60. */
typedef struct sr__instant {
    int64_t seconds;               /* since 1970-01-01T00:00:00Z */
    uint32_t nanos;                /* 0..999999999 */
    unsigned char leap;            /* 1 when the value named second 60 */
    unsigned char fraction_digits; /* fraction digits written (0..9), kept for output */
} sr__instant;

/* 1 when a date value is a predefined constant rather than a date: DESIGN
 * section 5 decides by its first character being an ASCII letter. */
int sr__date_is_constant(const char *v);

/* Parses s[0..len) as an ISO 8601 date (DESIGN section 5; with
 * SR__ISO8601_RFC3339 in flags, the RFC 3339 profile). A date without time is
 * midnight, a time without offset is UTC. The UTC instant must stay within
 * 0000-01-01T00:00:00Z .. 9999-12-31T23:59:60.999999999Z so that it can be
 * written back as RFC 3339.
 * Returns SR_OK and fills *out, or SR_ERR_FORMAT and writes a one-line
 * reason (no trailing period) into reason[0..reason_cap) when reason is not
 * NULL. */
sr_status sr__iso8601_parse(const char *s, size_t len, unsigned flags, sr__instant *out,
                            char *reason, size_t reason_cap);

/* Writes t as "YYYY-MM-DDThh:mm:ss[.f]Z" with exactly t->fraction_digits
 * fraction digits. Returns the length written (NUL not counted), or 0 when
 * cap is too small (use SR__RFC3339_CAP) or the year is outside 0000-9999. */
size_t sr__iso8601_format_rfc3339(const sr__instant *t, char *buf, size_t cap);

/* -1, 0 or 1 as a is before, the same instant as, or after b. A leap second
 * sorts after every instant of its :59 second and before the next second. */
int sr__instant_compare(const sr__instant *a, const sr__instant *b);

/* 1 when end is more than limit_seconds after start, fraction included;
 * else 0. Spans take a leap second (any fraction) as the instant the next
 * second starts, so they never contradict sr__instant_compare. */
int sr__instant_span_exceeds(const sr__instant *start, const sr__instant *end,
                             int64_t limit_seconds);

/* end - start as whole seconds plus nanoseconds (0..999999999); the
 * seconds are negative only when end is before start (leap seconds as in
 * sr__instant_span_exceeds). */
void sr__instant_span(const sr__instant *start, const sr__instant *end, int64_t *seconds,
                      uint32_t *nanos);

#endif /* SESSREPORT_ISO8601_H */
