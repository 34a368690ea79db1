/* SPDX-License-Identifier: MIT */
/* Exact integer values of JSON numbers, computed from their digits. */
#include "json_number.h"

/* Exponents are saturated here: far beyond anything that could still give
 * a value in range, and far from overflowing the int64 arithmetic below. */
#define EXPONENT_SATURATION ((int64_t)1 << 40)

/* Longest decimal spelling of a value <= INT64_MAX. */
#define INT64_MAX_DIGITS 19

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The number split into its parts: mantissa digits are int_part then
 * frac_part; the value is mantissa * 10^(exponent - frac_len). */
typedef struct number_parts {
    int negative;
    const char *int_part;
    size_t int_len;
    const char *frac_part;
    size_t frac_len;
    int64_t exponent;
} number_parts;

static size_t count_digits(const char *s, size_t len, size_t i)
{
    size_t start = i;
    while (i < len && is_digit(s[i]))
        i++;
    return i - start;
}

/* Splits raw into parts; 0 when it does not follow the JSON grammar. */
static int split_number(const char *raw, size_t len, number_parts *p)
{
    size_t i = 0;
    p->negative = 0;
    p->frac_part = raw; /* never read while frac_len is 0; not NULL for the analyzers */
    p->frac_len = 0;
    p->exponent = 0;
    if (i < len && raw[i] == '-') {
        p->negative = 1;
        i++;
    }
    p->int_part = raw + i;
    p->int_len = count_digits(raw, len, i);
    if (p->int_len == 0 || (p->int_len > 1 && p->int_part[0] == '0'))
        return 0;
    i += p->int_len;
    if (i < len && raw[i] == '.') {
        i++;
        p->frac_part = raw + i;
        p->frac_len = count_digits(raw, len, i);
        if (p->frac_len == 0)
            return 0;
        i += p->frac_len;
    }
    if (i < len && (raw[i] == 'e' || raw[i] == 'E')) {
        int exp_negative = 0;
        size_t exp_len;
        i++;
        if (i < len && (raw[i] == '+' || raw[i] == '-')) {
            exp_negative = raw[i] == '-';
            i++;
        }
        exp_len = count_digits(raw, len, i);
        if (exp_len == 0)
            return 0;
        for (; i < len && is_digit(raw[i]); i++) {
            if (p->exponent < EXPONENT_SATURATION)
                p->exponent = p->exponent * 10 + (raw[i] - '0');
        }
        if (exp_negative)
            p->exponent = -p->exponent;
    }
    return i == len;
}

/* The k-th mantissa digit (int_part, then frac_part). */
static char mantissa_digit(const number_parts *p, size_t k)
{
    return k < p->int_len ? p->int_part[k] : p->frac_part[k - p->int_len];
}

sr_status sr__json_number_to_int64(const char *raw, size_t len, int64_t *out, const char **why)
{
    number_parts p;
    size_t total, first, last, k;
    int64_t scale;
    uint64_t value = 0;

    if (raw == NULL || !split_number(raw, len, &p)) {
        *why = "is not a number";
        return SR_ERR_RANGE;
    }
    total = p.int_len + p.frac_len;
    for (first = 0; first < total && mantissa_digit(&p, first) == '0'; first++)
        ;
    if (first == total) { /* zero, however spelled: 0, -0, 0.000e99 */
        *out = 0;
        return SR_OK;
    }
    if (p.negative) {
        *why = "is negative";
        return SR_ERR_RANGE;
    }
    for (last = total - 1; mantissa_digit(&p, last) == '0'; last--)
        ;
    /* value = digits[first..last] * 10^scale */
    scale = p.exponent - (int64_t)p.frac_len + (int64_t)(total - 1 - last);
    if (scale < 0) {
        *why = "is not a whole number";
        return SR_ERR_RANGE;
    }
    if ((int64_t)(last - first + 1) + scale > INT64_MAX_DIGITS) {
        *why = "exceeds 9223372036854775807";
        return SR_ERR_RANGE;
    }
    /* At most 19 digits: fits in uint64 without overflow. */
    for (k = first; k <= last; k++)
        value = value * 10u + (uint64_t)(mantissa_digit(&p, k) - '0');
    for (; scale > 0; scale--)
        value *= 10u;
    if (value > (uint64_t)INT64_MAX) {
        *why = "exceeds 9223372036854775807";
        return SR_ERR_RANGE;
    }
    *out = (int64_t)value;
    return SR_OK;
}
