/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the date engine alone (src/iso8601.h). Whatever it
 * accepts must print as RFC 3339 and read back as the same instant; the
 * RFC 3339 profile is a subset of the ISO 8601 one; comparisons are a total
 * order. The bytes are one date, or two dates split at the first '|'. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iso8601.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void violated(const char *property)
{
    fprintf(stderr, "fuzz_dates: property violated: %s\n", property);
    abort();
}

/* Parses under both profiles; returns 1 with *t set when ISO 8601 accepts. */
static int parse_both(const char *s, size_t n, sr__instant *t)
{
    char reason[SR__ISO8601_REASON_CAP];
    sr__instant rfc;
    memset(reason, 'x', sizeof reason);
    sr_status iso_st = sr__iso8601_parse(s, n, 0, t, reason, sizeof reason);
    if (iso_st != SR_OK && iso_st != SR_ERR_FORMAT)
        violated("the parser returns SR_OK or SR_ERR_FORMAT");
    if (iso_st != SR_OK && (memchr(reason, '\0', sizeof reason) == NULL || reason[0] == '\0'))
        violated("a rejection gives a terminated, non-empty reason");
    sr_status rfc_st = sr__iso8601_parse(s, n, SR__ISO8601_RFC3339, &rfc, NULL, 0);
    if (rfc_st == SR_OK) {
        if (iso_st != SR_OK)
            violated("RFC 3339 profile is a subset of ISO 8601");
        if (sr__instant_compare(&rfc, t) != 0 || rfc.fraction_digits != t->fraction_digits)
            violated("both profiles read the same instant");
    }
    return iso_st == SR_OK;
}

static void check_round_trip(const sr__instant *t)
{
    char text[SR__RFC3339_CAP], again[SR__RFC3339_CAP];
    size_t n = sr__iso8601_format_rfc3339(t, text, sizeof text);
    if (n == 0 || n >= sizeof text || text[n] != '\0' || text[n - 1] != 'Z')
        violated("an accepted date prints as RFC 3339 UTC");
    sr__instant back;
    if (sr__iso8601_parse(text, n, SR__ISO8601_RFC3339, &back, NULL, 0) != SR_OK)
        violated("the printed form passes the RFC 3339 profile");
    if (sr__instant_compare(&back, t) != 0 || back.fraction_digits != t->fraction_digits ||
        back.leap != t->leap)
        violated("the printed form reads back as the same instant");
    if (sr__iso8601_format_rfc3339(&back, again, sizeof again) != n || memcmp(text, again, n))
        violated("printing is a fixed point");
}

static void check_order(const sr__instant *a, const sr__instant *b)
{
    int ab = sr__instant_compare(a, b), ba = sr__instant_compare(b, a);
    if (ab != -ba || ab < -1 || ab > 1 || sr__instant_compare(a, a) != 0)
        violated("compare is antisymmetric and reflexive");
    int64_t secs;
    uint32_t nanos;
    sr__instant_span(a, b, &secs, &nanos); /* b - a */
    if (nanos > 999999999u)
        violated("span nanoseconds stay below one second");
    /* A leap second is taken as the instant the next second starts, so two
     * instants inside one leap second span 0 even though compare orders
     * them: the span never contradicts the order, but may flatten it. */
    int span_negative = secs < 0;
    int span_zero = secs == 0 && nanos == 0;
    if ((ab < 0 && span_negative) || (ab > 0 && !span_negative && !span_zero) ||
        (ab == 0 && !span_zero))
        violated("the span's sign never contradicts the order");
    if (ab <= 0 && sr__instant_span_exceeds(a, b, INT64_MAX / 4))
        violated("no span exceeds a huge limit");
    if (ab > 0 && sr__instant_span_exceeds(a, b, 0))
        violated("a negative span exceeds nothing");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *bar = memchr(s, '|', size);
    sr__instant a, b;
    if (bar == NULL) {
        if (parse_both(s, size, &a))
            check_round_trip(&a);
        return 0;
    }
    size_t cut = (size_t)(bar - s);
    int a_ok = parse_both(s, cut, &a);
    int b_ok = parse_both(bar + 1, size - cut - 1, &b);
    if (a_ok)
        check_round_trip(&a);
    if (b_ok)
        check_round_trip(&b);
    if (a_ok && b_ok)
        check_order(&a, &b);
    return 0;
}
