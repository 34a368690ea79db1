/* SPDX-License-Identifier: MIT */
/* Repeated IMEIs in linear time: one hash table over 100000 IMEIs outgrows
 * the cache and every probe misses, so the items are first partitioned by
 * key (a counting sort, sequential writes) and each partition is then
 * deduplicated with a small table that stays in cache. */
#include <string.h>

#include "imei_repeats.h"
#include "internal.h"

/* Items per partition on average: its table (2x, 4 bytes a slot) is 16 KiB. */
#define PARTITION_TARGET 2048

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

/* Adds count * size to *total, failing on overflow. */
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
    if (n > UINT32_MAX - 2 || n > SIZE_MAX / 8)
        return SR_ERR_NOMEM;
    s->count = n;
    s->partitions = pow2_at_least(n / PARTITION_TARGET + 1);
    /* The largest partition is not known yet: the table has room for all
     * items in one (all keys equal); only what a partition needs is touched. */
    size_t table_cap = pow2_at_least(2 * n + 2);
    size_t total = 0;
    if (!add_size(&total, n, sizeof(uint64_t)) || !add_size(&total, n, sizeof(uint64_t)) ||
        !add_size(&total, s->partitions + 1, sizeof(size_t)) ||
        !add_size(&total, n, sizeof(uint32_t)) || !add_size(&total, n, sizeof(uint32_t)) ||
        !add_size(&total, table_cap, sizeof(uint32_t)))
        return SR_ERR_NOMEM;
    char *p = sr__malloc(total);
    if (p == NULL)
        return SR_ERR_NOMEM;
    /* 8-byte members first, then the 4-byte ones: every member stays aligned */
    s->block = p;
    s->keys = (uint64_t *)(void *)p;
    p += n * sizeof(uint64_t);
    s->part_key = (uint64_t *)(void *)p;
    p += n * sizeof(uint64_t);
    s->starts = (size_t *)(void *)p;
    p += (s->partitions + 1) * sizeof(size_t);
    s->earlier = (uint32_t *)(void *)p;
    p += n * sizeof(uint32_t);
    s->part_pos = (uint32_t *)(void *)p;
    p += n * sizeof(uint32_t);
    s->table = (uint32_t *)(void *)p;
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
    memset(s->starts, 0, (s->partitions + 1) * sizeof *s->starts);
    for (size_t i = 0; i < s->count; i++) {
        if (s->keys[i] != SR__NO_KEY)
            s->starts[partition_of(s, s->keys[i]) + 1]++;
    }
    for (size_t p = 0; p < s->partitions; p++)
        s->starts[p + 1] += s->starts[p];
    /* starts[p] runs ahead as partition p's fill position; restored below */
    for (size_t i = 0; i < s->count; i++) {
        if (s->keys[i] == SR__NO_KEY)
            continue;
        size_t *fill = &s->starts[partition_of(s, s->keys[i])];
        s->part_key[*fill] = s->keys[i];
        s->part_pos[*fill] = (uint32_t)i;
        (*fill)++;
    }
    for (size_t p = s->partitions; p > 0; p--)
        s->starts[p] = s->starts[p - 1];
    s->starts[0] = 0;
}

/* Deduplicates the partition [begin, end) (in index order) with the table,
 * which holds positions within the partition, + 1. */
static void dedupe_partition(sr__repeats *s, size_t begin, size_t end)
{
    const uint64_t *key = s->part_key + begin;
    size_t cap = pow2_at_least(2 * (end - begin) + 2);
    size_t mask = cap - 1;
    memset(s->table, 0, cap * sizeof *s->table);
    for (size_t r = 0; r < end - begin; r++) {
        size_t slot = (size_t)key[r] & mask;
        uint32_t held;
        while ((held = s->table[slot]) != 0 && key[held - 1] != key[r])
            slot = (slot + 1) & mask;
        if (held != 0)
            s->earlier[s->part_pos[begin + r]] = s->part_pos[begin + held - 1] + 1;
        else
            s->table[slot] = (uint32_t)(r + 1);
    }
}

void sr__repeats_find(sr__repeats *s)
{
    memset(s->earlier, 0, s->count * sizeof *s->earlier);
    partition(s);
    for (size_t p = 0; p < s->partitions; p++)
        dedupe_partition(s, s->starts[p], s->starts[p + 1]);
}
