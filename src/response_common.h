/* SPDX-License-Identifier: MIT */
/* What the three response types share: the slots their members live in
 * (absent, null or a value), the field tables that map a cJSON tree into
 * those slots and back, exact counts, and the from/to JSON drivers. */
#ifndef SESSREPORT_RESPONSE_COMMON_H
#define SESSREPORT_RESPONSE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "sessreport/json.h"
#include "sessreport/response.h"

/* What a member held in the document (or was set to). */
enum {
    SR__ABSENT = 0, /* not there: nothing is written back */
    SR__NULL = 1,   /* JSON null: written back as null */
    SR__VALUE = 2,  /* a value (a string for text slots) */
    SR__DIGITS = 3  /* text slots only: a JSON number, kept as its digits */
};

/* Every slot starts with its state, so that the engine reads any slot's
 * state through an unsigned char pointer. */

/* A string member. text is non-NULL exactly when state is SR__VALUE or
 * SR__DIGITS. */
typedef struct sr__text {
    unsigned char state;
    char *text;
} sr__text;

/* An integer member: value is meaningful when state is SR__VALUE. */
typedef struct sr__count {
    unsigned char state;
    int64_t value;
} sr__count;

/* An array of rows; rows holds count rows of the table's row_size bytes. */
typedef struct sr__rows {
    unsigned char state;
    size_t count, cap;
    void *rows;
} sr__rows;

/* How a member's JSON value maps into its slot (the text kinds first). */
typedef enum sr__field_kind {
    SR__FIELD_TEXT,           /* string or null -> sr__text */
    SR__FIELD_TEXT_OR_DIGITS, /* string, number (kept as its digits) or null -> sr__text */
    SR__FIELD_COUNT,          /* integer 0..INT64_MAX or null -> sr__count */
    SR__FIELD_OBJECT,         /* object or null -> unsigned char state; its members (sub)
                                 live in the same struct */
    SR__FIELD_ROWS            /* array of objects (sub) or null -> sr__rows */
} sr__field_kind;

/* Absent -> SR_ERR_MISSING (decode and encode), null -> SR_ERR_TYPE. */
#define SR__FIELD_REQUIRED 1u

struct sr__table;

typedef struct sr__field {
    const char *key;
    sr__field_kind kind;
    unsigned flags;
    size_t offset;               /* of the slot in the struct */
    const struct sr__table *sub; /* OBJECT, ROWS: the nested object's fields */
} sr__field;

/* One JSON object's known members, in the order the encoder writes them. */
typedef struct sr__table {
    const sr__field *fields;
    size_t count;
    size_t size;       /* of the struct the offsets are in */
    const char *label; /* "a usage row": how type errors name the object */
} sr__table;

/* Maps the members of object obj (at JSON Pointer path) into base, which
 * holds zeroed slots; obj has passed the strict check or the tree check
 * (members have keys, no key twice, raw items hold one JSON number).
 * Unknown members are skipped, or SR_ERR_UNKNOWN_FIELD when strict; a
 * required member missing is SR_ERR_MISSING once obj is read. On failure
 * base may hold partial values: free them with sr__table_clear. */
sr_status sr__table_decode(const sr__table *t, const cJSON *obj, void *base, const char *path,
                           int strict, sr_error *err);
/* A new object (*out) holding base's members that are not absent, in table
 * order. Counts are raw items of their digits when exact_raw is set, else
 * cJSON numbers when a double holds them exactly. SR_OK, SR_ERR_MISSING (a
 * required member is absent) or SR_ERR_NOMEM; *out is NULL on failure. */
sr_status sr__table_encode(const sr__table *t, const void *base, int exact_raw, cJSON **out);
/* Frees what base's slots own (not base). */
void sr__table_clear(const sr__table *t, void *base);
/* How many of obj's members the table knows (by key). */
size_t sr__table_known_members(const sr__table *t, const cJSON *obj);
/* The state of an object member (sub: its fields, all text) once one of
 * them was set: there while one of them holds text. */
unsigned char sr__object_state(const sr__table *sub, const void *base);

/* Appends a row of row_size bytes, a copy of bytes (zeroes for NULL), and
 * marks the array present; NULL when out of memory (rows unchanged). bytes
 * must not lie in rows unless rows has room (the rows may move). */
void *sr__rows_push(sr__rows *rows, size_t row_size, const void *bytes);
/* Appends row, which the caller built (its copies made before rows may
 * move), when st is SR_OK; else, or when out of memory, frees what row
 * owns. Returns st, or SR_ERR_NOMEM. */
sr_status sr__rows_add(sr__rows *rows, const sr__table *t, void *row, sr_status st);
/* The i-th row, or NULL when i is out of range. */
void *sr__rows_at(const sr__rows *rows, size_t row_size, size_t i);
/* Appends copies of src's rows of member f to dst's (src may be dst): all
 * or nothing, SR_OK or SR_ERR_NOMEM. No row to add leaves dst's state. The
 * rows must hold no rows (a copy is their bytes plus copies of their texts). */
sr_status sr__rows_append(const sr__field *f, void *dst, const void *src);
/* Undoes appends: frees the rows past before->count and takes back
 * before->state (before: a copy of rows taken earlier). */
void sr__rows_restore(sr__rows *rows, const sr__table *row, const sr__rows *before);

/* Sets a text slot to a checked copy of v (SR__VALUE), or absent for NULL.
 * v may point into the slot's own text. On failure nothing changes. */
sr_status sr__text_set(sr__text *slot, const char *v);

/* ---- exact counts (response_count.c) ---- */
/* The value of s[0..n), one JSON number (checked by the caller), when it is
 * a whole number in 0..INT64_MAX (1e3 and 150e-1 included); SR_ERR_RANGE
 * with *why ("is negative", ...) otherwise. */
sr_status sr__count_from_digits(const char *s, size_t n, int64_t *out, const char **why);
/* The same for a double: whole, not negative, below 2^63. */
sr_status sr__count_from_double(double d, int64_t *out, const char **why);

/* ---- one response type (response_common.c: its drivers and entry points) ---- */
typedef struct sr__response_type {
    const sr__table *table;  /* the top-level object */
    void (*init)(void *obj); /* what a new object holds, beyond zeroes; may be NULL */
    sr_response_kind kind;   /* what sr_response_detect calls it */
} sr__response_type;

/* The three types (response_report.c, response_callback.c, response_error.c). */
extern const sr__response_type sr__aggregate_report_type;
extern const sr__response_type sr__callback_result_type;
extern const sr__response_type sr__error_body_type;

/* For sr_response_detect: tree -> object (tree not modified), with the
 * rules of the text decoders without positions; and freeing an object. */
sr_status sr__response_from_cjson(const sr__response_type *t, const cJSON *tree,
                                  const sr_parse_options *opts, void **out, sr_error *err);
void sr__response_free(const sr__response_type *t, void *obj);

#endif /* SESSREPORT_RESPONSE_COMMON_H */
