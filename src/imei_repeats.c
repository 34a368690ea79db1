/* SPDX-License-Identifier: MIT */
/* Repeated IMEIs in linear time: one hash table over 100000 IMEIs outgrows
 * the cache and every probe misses, so the items are first partitioned by
 * hash (a counting sort, sequential writes) and each partition is then
 * deduplicated with a small table that stays in cache. */
#include <string.h>

#include "imei_repeats.h"
#include "internal.h"

/* Items per partition on average: its table (2x, 4 bytes a slot) is 16 KiB. */
#define PARTITION_TARGET 2048

typedef struct record {
    uint64_t key;
    size_t index;
} record;

/* A 64-bit finaliser (xor-shift-multiply, each step invertible): nearby
 * IMEIs land far apart and only 0 maps to 0. */
uint64_t sr__repeats_key(uint64_t value)
{
    uint64_t x = value + 1;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdu;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53u;
    x ^= x >> 33;
    return x;
}

static size_t pow2_at_least(size_t n)
{
    size_t p = 1;
    while (p < n)
        p *= 2;
    return p;
}

/* Adds size to *total, failing on overflow. */
static int add_size(size_t *total, size_t count, size_t size)
{
    if (size != 0 && count > (SIZE_MAX - *total) / size)
        return 0;
    *total += count * size;
    return 1;
}

sr_status sr__repeats_init(sr__repeats *s, size_t n)
{
    memset(s, 0, sizeof *s);
    if (n > UINT32_MAX - 1 || n > SIZE_MAX / 4)
        return SR_ERR_NOMEM;
    s->count = n;
    s->partitions = pow2_at_least(n / PARTITION_TARGET + 1);
    /* the largest partition is not known yet: room for all of them in one
     * (all keys equal); only the part a partition needs is ever touched */
    s->table_cap = pow2_at_least(2 * n + 2);
    size_t total = 0;
    if (!add_size(&total, n, sizeof(record)) || !add_size(&total, n, sizeof(uint64_t)) ||
        !add_size(&total, n, sizeof(size_t)) ||
        !add_size(&total, s->partitions + 1, sizeof(size_t)) ||
        !add_size(&total, s->table_cap, sizeof(uint32_t)))
        return SR_ERR_NOMEM;
    char *block = sr__malloc(total);
    if (block == NULL)
        return SR_ERR_NOMEM;
    /* largest alignment first */
    s->block = block;
    s->records = block;
    s->keys = (uint64_t *)(void *)(block + n * sizeof(record));
    s->earlier = (size_t *)(void *)((char *)s->keys + n * sizeof(uint64_t));
    s->starts = (size_t *)(void *)((char *)s->earlier + n * sizeof(size_t));
    s->table = (uint32_t *)(void *)((char *)s->starts + (s->partitions + 1) * sizeof(size_t));
    return SR_OK;
}

void sr__repeats_free(sr__repeats *s)
{
    sr__free(s->block);
    memset(s, 0, sizeof *s);
}

static size_t partition_of(const sr__repeats *s, uint64_t key)
{
    return (size_t)(key >> 40) & (s->partitions - 1);
}

/* Counting sort of the keyed items by partition, stable in index order. */
static void partition(sr__repeats *s)
{
    record *records = s->records;
    memset(s->starts, 0, (s->partitions + 1) * sizeof *s->starts);
    for (size_t i = 0; i < s->count; i++) {
        if (s->keys[i] != SR__NO_KEY)
            s->starts[partition_of(s, s->keys[i]) + 1]++;
    }
    for (size_t p = 0; p < s->partitions; p++)
        s->starts[p + 1] += s->starts[p];
    /* starts[p] now runs ahead as the fill position; restored below */
    for (size_t i = 0; i < s->count; i++) {
        if (s->keys[i] == SR__NO_KEY)
            continue;
        size_t *fill = &s->starts[partition_of(s, s->keys[i])];
        records[*fill].key = s->keys[i];
        records[*fill].index = i;
        (*fill)++;
    }
    for (size_t p = s->partitions; p > 0; p--)
        s->starts[p] = s->starts[p - 1];
    s->starts[0] = 0;
}

/* Deduplicates records[begin..end) (in index order) with the small table. */
static void dedupe_partition(sr__repeats *s, size_t begin, size_t end)
{
    const record *records = s->records;
    size_t cap = pow2_at_least(2 * (end - begin) + 2);
    size_t mask = cap - 1;
    memset(s->table, 0, cap * sizeof *s->table);
    for (size_t r = begin; r < end; r++) {
        size_t slot = (size_t)records[r].key & mask;
        uint32_t held;
        while ((held = s->table[slot]) != 0 && records[begin + held - 1].key != records[r].key)
            slot = (slot + 1) & mask;
        if (held != 0)
            s->earlier[records[r].index] = records[begin + held - 1].index + 1;
        else
            s->table[slot] = (uint32_t)(r - begin + 1);
    }
}

void sr__repeats_find(sr__repeats *s)
{
    memset(s->earlier, 0, s->count * sizeof *s->earlier);
    partition(s);
    for (size_t p = 0; p < s->partitions; p++)
        dedupe_partition(s, s->starts[p], s->starts[p + 1]);
}
