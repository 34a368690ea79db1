/* SPDX-License-Identifier: MIT */
/* Exact counts (numberOfSessions, bytesTransferred): the value of a JSON
 * number computed from its digits, never through a double, so that every
 * whole number in 0..INT64_MAX comes back exactly. */
#include <string.h>

#include "response_common.h"

#define INT64_MAX_DIGITS 19 /* 9223372036854775807 */

/* A JSON number's parts: its value is D * 10^(exponent - frac_len), D being
 * the integer and fraction digits written together. */
typedef struct number_parts {
    int negative;
    const char *int_digits, *frac_digits;
    size_t int_len, frac_len;
    long exponent; /* saturated: far beyond any value in range */
} number_parts;

static size_t skip_digits(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* Splits s[0..n) along the RFC 8259 grammar; 0 when it is not a number. */
static int split(const char *s, size_t n, number_parts *p)
{
    size_t i = 0, start;
    memset(p, 0, sizeof *p);
    if (i < n && s[i] == '-') {
        p->negative = 1;
        i++;
    }
    start = i;
    i = skip_digits(s, n, i);
    p->int_digits = s + start;
    p->int_len = i - start;
    if (p->int_len == 0 || (p->int_len > 1 && s[start] == '0'))
        return 0;
    p->frac_digits = s + i;
    if (i < n && s[i] == '.') {
        start = ++i;
        i = skip_digits(s, n, i);
        p->frac_digits = s + start;
        p->frac_len = i - start;
        if (p->frac_len == 0)
            return 0;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        int minus = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            minus = s[i++] == '-';
        start = i;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            if (p->exponent < 100000)
                p->exponent = p->exponent * 10 + (s[i] - '0');
        }
        if (i == start)
            return 0;
        if (minus)
            p->exponent = -p->exponent;
    }
    return i == n;
}

/* The k-th significant digit position: integer digits, then fraction digits. */
static int digit_at(const number_parts *p, size_t k)
{
    return (k < p->int_len ? p->int_digits[k] : p->frac_digits[k - p->int_len]) - '0';
}

sr_status sr__count_from_digits(const char *s, size_t n, int64_t *out, const char **why)
{
    number_parts p;
    size_t total, first = 0, end;
    long power;
    uint64_t value = 0;

    if (!split(s, n, &p)) {
        *why = "is not a number";
        return SR_ERR_TYPE;
    }
    total = p.int_len + p.frac_len;
    while (first < total && digit_at(&p, first) == 0)
        first++;
    if (first == total) { /* zero however written: 0, -0, 0.0e7 */
        *out = 0;
        return SR_OK;
    }
    if (p.negative) {
        *why = "is negative";
        return SR_ERR_RANGE;
    }
    end = total;
    while (digit_at(&p, end - 1) == 0)
        end--;
    /* value = digits[first..end) * 10^power */
    power = p.exponent - (long)p.frac_len + (long)(total - end);
    if (power < 0) {
        *why = "is not a whole number";
        return SR_ERR_RANGE;
    }
    if ((long)(end - first) + power > INT64_MAX_DIGITS) {
        *why = "exceeds 9223372036854775807";
        return SR_ERR_RANGE;
    }
    for (size_t k = first; k < end; k++) /* at most 19 digits: no overflow */
        value = value * 10u + (uint64_t)digit_at(&p, k);
    for (; power > 0; power--)
        value *= 10u;
    if (value > (uint64_t)INT64_MAX) {
        *why = "exceeds 9223372036854775807";
        return SR_ERR_RANGE;
    }
    *out = (int64_t)value;
    return SR_OK;
}

sr_status sr__count_from_double(double d, int64_t *out, const char **why)
{
    if (d != d) {
        *why = "is not a number";
        return SR_ERR_RANGE;
    }
    if (d < 0) {
        *why = "is negative";
        return SR_ERR_RANGE;
    }
    if (d >= 9223372036854775808.0) { /* 2^63, infinity included */
        *why = "exceeds 9223372036854775807";
        return SR_ERR_RANGE;
    }
    if ((double)(int64_t)d != d) {
        *why = "is not a whole number";
        return SR_ERR_RANGE;
    }
    *out = (int64_t)d;
    return SR_OK;
}
