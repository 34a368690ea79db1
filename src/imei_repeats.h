/* SPDX-License-Identifier: MIT */
/* Repeated IMEIs: one open-addressing hash set of the IMEIs seen so far,
 * keyed by their 15 digits as a number. */
#ifndef SESSREPORT_IMEI_REPEATS_H
#define SESSREPORT_IMEI_REPEATS_H

#include <stddef.h>
#include <stdint.h>

#include "sessreport/error.h"

typedef struct sr__imei_slot {
    uint64_t value;
    size_t first; /* index + 1 of the first IMEI with this value; 0 = empty slot */
} sr__imei_slot;

typedef struct sr__imei_set {
    sr__imei_slot *slots;
    unsigned shift; /* 64 - log2(slot count) */
} sr__imei_set;

/* Room for n values (at most half the slots are ever used). SR_OK or
 * SR_ERR_NOMEM. */
sr_status sr__imei_set_init(sr__imei_set *s, size_t n);
/* Adds value, seen at index, unless it is there: returns 0 when it is new,
 * else the index + 1 of its first copy. At most n values may be added. */
size_t sr__imei_set_add(sr__imei_set *s, uint64_t value, size_t index);
void sr__imei_set_free(sr__imei_set *s);

#endif /* SESSREPORT_IMEI_REPEATS_H */
