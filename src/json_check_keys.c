/* SPDX-License-Identifier: MIT */
/* Duplicate keys: the decoded keys of the open objects (borrowed, or copied
 * into one arena), a linear scan for small objects and an open-addressing
 * hash index for large ones, so that the check stays linear in the number
 * of keys. */
#include <string.h>

#include "internal.h"
#include "json_check.h"

/* Objects with fewer keys are checked for duplicates by a linear scan. */
#define SMALL_OBJECT_KEYS 8

/* A hash index slot: the key's hash is kept here so that probing does not
 * touch the key entries. */
struct sr__key_slot {
    uint32_t entry; /* position of the key within its object + 1; 0 = empty */
    uint32_t hash;
};

sr_status sr__json_grow(void **items, size_t *cap, size_t need, size_t size, const void *fixed)
{
    if (need <= *cap)
        return SR_OK;
    size_t grown = sr__grow_capacity(*cap, need);
    if (grown == 0 || grown > (size_t)-1 / size)
        return SR_ERR_NOMEM;
    void *moved = *items == fixed ? sr__malloc(grown * size) : sr__realloc(*items, grown * size);
    if (moved == NULL)
        return SR_ERR_NOMEM;
    if (*items == fixed && *cap > 0)
        memcpy(moved, fixed, *cap * size);
    *items = moved;
    *cap = grown;
    return SR_OK;
}

void sr__json_grow_free(void *items, const void *fixed)
{
    if (items != fixed)
        sr__free(items);
}

static uint32_t hash_bytes(const char *p, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 16777619u;
    }
    /* Final mix (MurmurHash3 fmix32): the index uses the low bits. */
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h;
}

static const char *key_bytes(const sr__keyset *ks, const sr__key_entry *k)
{
    return k->key != NULL ? k->key : ks->arena + k->off;
}

static int same_key(const sr__keyset *ks, const sr__key_entry *a, const sr__key_entry *b)
{
    return a->len == b->len && memcmp(key_bytes(ks, a), key_bytes(ks, b), a->len) == 0;
}

/* Inserts entry e into o's table (which has a free slot); 1 when an equal
 * key is already there, else 0. */
static int table_insert(sr__keyset *ks, sr__key_object *o, size_t e)
{
    size_t mask = o->table_cap - 1;
    const sr__key_entry *k = &ks->keys[e];
    uint32_t hash = k->hash;
    size_t i = hash & mask;
    while (o->table[i].entry != 0) {
        if (o->table[i].hash == hash &&
            same_key(ks, &ks->keys[o->first + o->table[i].entry - 1], k))
            return 1;
        i = (i + 1) & mask;
    }
    o->table[i].entry = (uint32_t)(e - o->first + 1);
    o->table[i].hash = hash;
    return 0;
}

static sr_status table_rebuild(sr__keyset *ks, sr__key_object *o, size_t last)
{
    size_t cap = 64;
    while (cap < 2 * (last - o->first + 1))
        cap *= 2;
    struct sr__key_slot *table = sr__calloc(cap, sizeof *table);
    if (table == NULL)
        return SR_ERR_NOMEM;
    /* Small objects compare keys without hashing them: hash them now. */
    for (size_t e = o->first; o->table == NULL && e < last; e++)
        ks->keys[e].hash = hash_bytes(key_bytes(ks, &ks->keys[e]), ks->keys[e].len);
    sr__free(o->table);
    o->table = table;
    o->table_cap = cap;
    for (size_t e = o->first; e < last; e++)
        (void)table_insert(ks, o, e);
    return SR_OK;
}

/* Is entry e a repeat within o? Linear in the object's size overall. */
static sr_status find_repeat(sr__keyset *ks, sr__key_object *o, size_t e, int *dup)
{
    size_t before = e - o->first;
    if (o->table == NULL && before < SMALL_OBJECT_KEYS) {
        for (size_t i = o->first; i < e && !*dup; i++)
            *dup = same_key(ks, &ks->keys[i], &ks->keys[e]);
        return SR_OK;
    }
    /* Slots hold 32-bit positions: no real input comes near that. */
    if (before >= UINT32_MAX - 1)
        return SR_ERR_LIMIT;
    /* Linear probing up to a load of 0.8: slots are 8 bytes, so a probe
     * run mostly stays within one cache line. */
    if (o->table == NULL || 5 * (before + 1) > 4 * o->table_cap) {
        sr_status st = table_rebuild(ks, o, e);
        if (st != SR_OK)
            return st;
    }
    ks->keys[e].hash = hash_bytes(key_bytes(ks, &ks->keys[e]), ks->keys[e].len);
    *dup = table_insert(ks, o, e);
    return SR_OK;
}

void sr__keyset_init(sr__keyset *ks)
{
    ks->arena = ks->fixed_arena;
    ks->arena_len = 0;
    ks->arena_cap = SR__KEYSET_FIXED_ARENA;
    ks->keys = ks->fixed_keys;
    ks->count = 0;
    ks->cap = SR__KEYSET_FIXED_KEYS;
    ks->objects = ks->fixed_objects;
    ks->depth = 0;
    ks->objects_cap = SR__KEYSET_FIXED_OBJECTS;
}

sr_status sr__keyset_open(sr__keyset *ks)
{
    if (sr__json_grow((void **)&ks->objects, &ks->objects_cap, ks->depth + 1, sizeof *ks->objects,
                      ks->fixed_objects) != SR_OK)
        return SR_ERR_NOMEM;
    sr__key_object *o = &ks->objects[ks->depth++];
    o->first = ks->count;
    o->arena_mark = ks->arena_len;
    o->table = NULL;
    o->table_cap = 0;
    return SR_OK;
}

void sr__keyset_close(sr__keyset *ks)
{
    sr__key_object *o = &ks->objects[--ks->depth];
    sr__free(o->table);
    ks->count = o->first;
    ks->arena_len = o->arena_mark;
}

sr_status sr__keyset_add(sr__keyset *ks, const char *key, size_t n, int copy, size_t *entry,
                         int *dup)
{
    *dup = 0;
    if (n >= UINT32_MAX)
        return SR_ERR_LIMIT;
    if (ks->count == ks->cap && sr__json_grow((void **)&ks->keys, &ks->cap, ks->count + 1,
                                              sizeof *ks->keys, ks->fixed_keys) != SR_OK)
        return SR_ERR_NOMEM;
    sr__key_entry *k = &ks->keys[ks->count];
    k->key = key;
    k->len = (uint32_t)n;
    if (copy) {
        if (sr__json_grow((void **)&ks->arena, &ks->arena_cap, ks->arena_len + n, 1,
                          ks->fixed_arena) != SR_OK)
            return SR_ERR_NOMEM;
        memcpy(ks->arena + ks->arena_len, key, n);
        k->key = NULL;
        k->off = ks->arena_len;
        ks->arena_len += n;
    }
    *entry = ks->count++;
    return find_repeat(ks, &ks->objects[ks->depth - 1], *entry, dup);
}

const char *sr__keyset_key(const sr__keyset *ks, size_t entry, size_t *n)
{
    *n = ks->keys[entry].len;
    return key_bytes(ks, &ks->keys[entry]);
}

void sr__keyset_release(sr__keyset *ks)
{
    while (ks->depth > 0)
        sr__keyset_close(ks);
    sr__json_grow_free(ks->objects, ks->fixed_objects);
    sr__json_grow_free(ks->arena, ks->fixed_arena);
    sr__json_grow_free(ks->keys, ks->fixed_keys);
}
