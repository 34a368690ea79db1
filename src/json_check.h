/* SPDX-License-Identifier: MIT */
/* The strict check of JSON text (json_check.c) and its duplicate-key index
 * (json_check_keys.c). Internal to the JSON core: the codecs use
 * sr__json_parse (json_tree.h). */
#ifndef SESSREPORT_JSON_CHECK_H
#define SESSREPORT_JSON_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "sessreport/error.h"

/* Where one number is in the checked text. */
typedef struct sr__json_span {
    size_t offset, len;
} sr__json_span;

typedef struct sr__json_spans {
    sr__json_span *items; /* freed with sr__free */
    size_t count, cap;
} sr__json_spans;

/* Checks buf[begin..len): optional whitespace, one JSON value of any type,
 * optional whitespace, against RFC 8259 with the library's rules (UTF-8
 * without NUL or lone surrogates in every string and key, no key twice in
 * one object, nesting within SR_MAX_DEPTH). Offsets, lines and columns in
 * errors count from buf[0]. When numbers is not NULL the span of every
 * number is appended to it in document order. Builds nothing else.
 * Errors: SR_ERR_SYNTAX, SR_ERR_ENCODING, SR_ERR_DUPLICATE, SR_ERR_LIMIT,
 * SR_ERR_NOMEM, the first in document order (a syntax error anywhere wins
 * over nesting that is too deep, which is only reported once the text is
 * known to be JSON). */
sr_status sr__json_check(const char *buf, size_t len, size_t begin, sr__json_spans *numbers,
                         sr_error *err);

/* The same rules for a tree an application built (json_check_tree.c):
 * strings and keys UTF-8 without NUL (SR_ERR_ENCODING), no key twice in one
 * object (SR_ERR_DUPLICATE at the second), nesting within SR_MAX_DEPTH
 * (SR_ERR_LIMIT), finite numbers (SR_ERR_RANGE), raw items holding one JSON
 * number, members with keys, items of a JSON type (SR_ERR_TYPE); paths are
 * relative to root. SR_ERR_NOMEM too. */
struct cJSON;
sr_status sr__json_check_tree(const struct cJSON *root, sr_error *err);

/* ---- growing arrays (json_check_keys.c) ----
 * Small documents must not pay an allocation per array: each array starts
 * in a fixed block inside its owner and moves to the heap when it outgrows
 * it. Makes room for need items of size bytes at *items (capacity *cap,
 * fixed = the owner's block). SR_OK or SR_ERR_NOMEM (nothing changed). */
sr_status sr__json_grow(void **items, size_t *cap, size_t need, size_t size, const void *fixed);
/* Frees *items unless it is the fixed block. */
void sr__json_grow_free(void *items, const void *fixed);

/* ---- the keys of the open objects (json_check_keys.c) ----
 * Decoded keys of every object still open, so that a repeat is found in
 * time linear in the object's size and error paths can name them. A key
 * is the caller's bytes (an unescaped key in the text, a tree's key) or a
 * copy in the arena (a key decoded from escapes). */
typedef struct sr__key_entry {
    const char *key; /* NULL: at off in the arena */
    size_t off;
    uint32_t len;
    uint32_t hash; /* set once the object has a hash index */
} sr__key_entry;

struct sr__key_slot;

typedef struct sr__key_object {
    size_t first;               /* its first entry */
    size_t arena_mark;          /* arena length when it opened */
    struct sr__key_slot *table; /* hash index, large objects only */
    size_t table_cap;           /* power of two */
} sr__key_object;

#define SR__KEYSET_FIXED_KEYS    32
#define SR__KEYSET_FIXED_ARENA   512
#define SR__KEYSET_FIXED_OBJECTS 8

/* Initialise with sr__keyset_init; it must not move afterwards. */
typedef struct sr__keyset {
    char *arena; /* decoded keys, each NUL-terminated */
    size_t arena_len, arena_cap;
    sr__key_entry *keys;
    size_t count, cap;
    sr__key_object *objects;
    size_t depth, objects_cap;
    sr__key_entry fixed_keys[SR__KEYSET_FIXED_KEYS];
    char fixed_arena[SR__KEYSET_FIXED_ARENA];
    sr__key_object fixed_objects[SR__KEYSET_FIXED_OBJECTS];
} sr__keyset;

void sr__keyset_init(sr__keyset *ks);
/* Opens an object (SR_OK or SR_ERR_NOMEM); closing forgets its keys. */
sr_status sr__keyset_open(sr__keyset *ks);
void sr__keyset_close(sr__keyset *ks);
/* Adds the decoded key[0..n) to the innermost open object, copied when
 * copy is 1, else borrowed until the object closes: SR_OK with *entry set
 * and *dup = 1 when the object already had it; SR_ERR_NOMEM, or
 * SR_ERR_LIMIT (a key or an object beyond 32-bit sizes). */
sr_status sr__keyset_add(sr__keyset *ks, const char *key, size_t n, int copy, size_t *entry,
                         int *dup);
/* The decoded key of an entry (not NUL-terminated); its length in *n. */
const char *sr__keyset_key(const sr__keyset *ks, size_t entry, size_t *n);
void sr__keyset_release(sr__keyset *ks);

#endif /* SESSREPORT_JSON_CHECK_H */
