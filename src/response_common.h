/* SPDX-License-Identifier: MIT */
/* Helpers shared by the response decoders and encoders (response_*.c):
 * input preparation, string and count members, unknown members, setters. */
#ifndef SESSREPORT_RESPONSE_COMMON_H
#define SESSREPORT_RESPONSE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "sessreport/json.h"
#include "json_scan.h"
#include "json_write.h"

/* Checks the arguments of a from_json call, applies max_bytes and skips a
 * leading BOM. On SR_OK doc covers the input and *begin is where the value
 * starts; *strict tells whether SR_PARSE_STRICT is set. */
sr_status sr__response_prepare(const char *json, size_t len, const sr_parse_options *opts,
                               sr__json_doc *doc, size_t *begin, int *strict, sr_error *err);

/* Fills err with SR_ERR_TYPE at v's path: "expected EXPECTED, found KIND". */
sr_status sr__response_type_error(const sr__json_value *v, const char *expected, sr_error *err);

/* An unknown member: SR_OK (skipped) or, when strict, SR_ERR_UNKNOWN_FIELD. */
sr_status sr__response_unknown(const sr__json_value *v, int strict, sr_error *err);

/* A string member: *out becomes its decoded text (freed with sr__free).
 * SR_ERR_TYPE for any other kind (null included), SR_ERR_NOMEM.
 * A previous *out is freed when replaced. */
sr_status sr__response_string(const sr__json_value *v, char **out, sr_error *err);

/* A string or null member: null frees *out and sets it to NULL. */
sr_status sr__response_nullable_string(const sr__json_value *v, char **out, sr_error *err);

/* A count member: a number whose exact value is in 0..INT64_MAX
 * (SR_ERR_TYPE for other kinds, SR_ERR_RANGE otherwise). */
sr_status sr__response_count(const sr__json_value *v, int64_t *out, sr_error *err);

/* ---- the shared decode and encode driver ---- */

/* The ctx every top-level member callback of a response decoder receives. */
typedef struct sr__response_ctx {
    void *obj;               /* the object being decoded */
    const sr__json_doc *doc; /* the whole input, for nested scans */
    int strict;              /* SR_PARSE_STRICT is set */
} sr__response_ctx;

/* One response type, as the driver below sees it. */
typedef struct sr__response_type {
    void *(*create)(void);            /* a new empty object; NULL when out of memory */
    void (*destroy)(void *obj);       /* frees obj; accepts NULL */
    sr__json_value_fn member;         /* one top-level member; ctx is a sr__response_ctx */
    const char *const *required;      /* top-level keys that must appear, in the order they are
                                         checked; NULL-terminated (at most 16), or NULL for none */
    sr__jw_emit_fn emit;              /* writes a complete object */
    int (*complete)(const void *obj); /* 0 when obj cannot be encoded (SR_ERR_MISSING);
                                         NULL when every object can */
} sr__response_type;

/* Scans the object doc->buf[begin..end) at `path` as sr__json_scan_object
 * does, calling fn(ctx, member) for each member, then reports the first key
 * of `required` (NULL-terminated, at most 16, or NULL) that did not appear:
 * SR_ERR_MISSING at path + "/" + key, "required member \"KEY\" is missing". */
sr_status sr__response_scan_members(const sr__json_doc *doc, size_t begin, size_t end,
                                    const char *path, const char *const *required,
                                    sr__json_value_fn fn, void *ctx, sr_error *err);

/* A from_json call of type t: SR_ERR_ARG when out is NULL, else *out = NULL
 * first; sr__response_prepare; a new object filled by t->member over the
 * top-level members; t->required checked. On SR_OK *out owns the object
 * (freed with t->destroy); on any failure everything is freed (SR_ERR_NOMEM
 * when an allocation fails). */
sr_status sr__response_decode(const sr__response_type *t, const char *json, size_t len,
                              const sr_parse_options *opts, void **out, sr_error *err);

/* A to_json call of type t: SR_ERR_ARG when out is NULL, else *out = NULL
 * first; SR_ERR_ARG when obj is NULL; SR_ERR_MISSING when t->complete says
 * so; then the text, compact or pretty (SR_JSON_PRETTY), freed with sr_free. */
sr_status sr__response_encode(const sr__response_type *t, const void *obj, unsigned flags,
                              char **out, size_t *out_len);

/* ---- encoding helpers over json_write.h ---- */
/* A NUL-terminated string as a JSON string. */
void sr__response_write_string(sr__jw *w, const char *s);
/* A member "key": "value" (value non-NULL). */
void sr__response_write_member(sr__jw *w, const char *key, const char *value);
/* A member "key": <decimal digits of v>. */
void sr__response_write_count(sr__jw *w, const char *key, int64_t v);

#endif /* SESSREPORT_RESPONSE_COMMON_H */
