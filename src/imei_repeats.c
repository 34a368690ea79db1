/* SPDX-License-Identifier: MIT */
/* The set behind the repeated-IMEI check: linear probing over twice as many
 * slots as values, so probes stay short. */
#include "imei_repeats.h"

#include "internal.h"

sr_status sr__imei_set_init(sr__imei_set *s, size_t n)
{
    size_t slots = 2;
    unsigned bits = 1;
    s->slots = NULL;
    while (slots < 2 * n) {
        if (slots > SIZE_MAX / 2 / sizeof *s->slots)
            return SR_ERR_NOMEM;
        slots *= 2;
        bits++;
    }
    s->slots = sr__calloc(slots, sizeof *s->slots);
    s->shift = 64 - bits;
    return s->slots != NULL ? SR_OK : SR_ERR_NOMEM;
}

size_t sr__imei_set_add(sr__imei_set *s, uint64_t value, size_t index)
{
    size_t mask = ((size_t)1 << (64 - s->shift)) - 1;
    /* Fibonacci hashing: the top bits of value times 2^64 / golden ratio */
    size_t i = (size_t)((value * UINT64_C(0x9E3779B97F4A7C15)) >> s->shift);
    while (s->slots[i].first != 0) {
        if (s->slots[i].value == value)
            return s->slots[i].first;
        i = (i + 1) & mask;
    }
    s->slots[i].value = value;
    s->slots[i].first = index + 1;
    return 0;
}

void sr__imei_set_free(sr__imei_set *s)
{
    sr__free(s->slots);
    s->slots = NULL;
}
