/* SPDX-License-Identifier: MIT */
/* Exact counts (numberOfSessions, bytesTransferred): the value of a JSON
 * number computed from its digits, never through a double, so that every
 * whole number in 0..INT64_MAX comes back exactly. */
#include "response_common.h"

#define INT64_MAX_DIGITS 19 /* 9223372036854775807 */

static sr_status out_of_range(const char **why, const char *what)
{
    *why = what;
    return SR_ERR_RANGE;
}

sr_status sr__count_from_digits(const char *s, size_t n, int64_t *out, const char **why)
{
    const char *end = s + n;
    int negative = *s == '-', fraction = 0, exponent_negative;
    uint64_t value = 0; /* of the significant digits, while there are at most 19 */
    size_t digits = 0;  /* significant: from the first nonzero digit to the last */
    size_t zeros = 0;   /* after the last nonzero digit */
    long power = 0;     /* of ten, that the significant digits are multiplied by */
    long exponent = 0;  /* saturated: far beyond any value in range */
    for (s += negative; s < end && *s != 'e' && *s != 'E'; s++) {
        if (*s == '.') {
            fraction = 1;
            continue;
        }
        power -= fraction;
        if (*s == '0') {
            zeros += digits != 0;
            continue;
        }
        digits += zeros + 1;
        for (; zeros > 0 && digits <= INT64_MAX_DIGITS; zeros--)
            value *= 10u;
        value = value * 10u + (uint64_t)(*s - '0');
        zeros = 0;
    }
    if (s < end) { /* e, an optional sign and digits: the grammar says so */
        s++;
        exponent_negative = *s == '-';
        if (*s == '-' || *s == '+')
            s++;
        for (; s < end; s++) {
            if (exponent < 100000)
                exponent = exponent * 10 + (*s - '0');
        }
        power += exponent_negative ? -exponent : exponent;
    }
    if (digits == 0) { /* zero however written: 0, -0, 0.0e7 */
        *out = 0;
        return SR_OK;
    }
    if (negative)
        return out_of_range(why, "is negative");
    power += (long)zeros;
    if (power < 0) /* the last significant digit is not a zero: a fraction is left */
        return out_of_range(why, "is not a whole number");
    if ((long)digits + power > INT64_MAX_DIGITS)
        return out_of_range(why, "exceeds 9223372036854775807");
    for (; power > 0; power--) /* at most 19 digits in all: no overflow */
        value *= 10u;
    if (value > (uint64_t)INT64_MAX)
        return out_of_range(why, "exceeds 9223372036854775807");
    *out = (int64_t)value;
    return SR_OK;
}

sr_status sr__count_from_double(double d, int64_t *out, const char **why)
{
    if (d != d)
        return out_of_range(why, "is not a number");
    if (d < 0)
        return out_of_range(why, "is negative");
    if (d >= 9223372036854775808.0) /* 2^63, infinity included */
        return out_of_range(why, "exceeds 9223372036854775807");
    if ((double)(int64_t)d != d)
        return out_of_range(why, "is not a whole number");
    *out = (int64_t)d;
    return SR_OK;
}
