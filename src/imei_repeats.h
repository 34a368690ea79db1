/* SPDX-License-Identifier: MIT */
/* Finding repeated keys (IMEIs as numbers) in linear time, cache-friendly. */
#ifndef SESSREPORT_IMEI_REPEATS_H
#define SESSREPORT_IMEI_REPEATS_H

#include <stddef.h>
#include <stdint.h>

#include "sessreport/error.h"

/* Key 0 marks an item that takes no part (a malformed IMEI). */
#define SR__NO_KEY ((uint64_t)0)

/* 20 bytes an item in one block: at 100000 IMEIs the working set is what
 * decides the speed, so indexes are 32-bit (counts above 2^32 - 2 are
 * refused as out of memory). */
typedef struct sr__repeats {
    uint64_t *keys;     /* in: one key per item, filled by the caller */
    uint32_t *earlier;  /* out: index + 1 of the first earlier item with the same key, or 0 */
    void *block;        /* the single allocation behind everything */
    uint64_t *part_key; /* scratch: keyed items partitioned by key ... */
    uint32_t *part_pos; /* ... with their index */
    size_t *starts;     /* scratch: where each partition starts */
    uint32_t *table;    /* scratch: one partition's open-addressing table */
    size_t count, partitions;
} sr__repeats;

/* The key of a value: value + 1 scrambled by a bijection, so that nearby
 * IMEIs spread over the partitions and never map to SR__NO_KEY. */
uint64_t sr__repeats_key(uint64_t value);

/* Allocates room for n items in one block. SR_OK or SR_ERR_NOMEM. */
sr_status sr__repeats_init(sr__repeats *s, size_t n);
/* Fills earlier[] from keys[]. Cannot fail. */
void sr__repeats_find(sr__repeats *s);
void sr__repeats_free(sr__repeats *s);

#endif /* SESSREPORT_IMEI_REPEATS_H */
