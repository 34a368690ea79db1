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

/* The public setters' rule: copies v (NULL frees the slot) after checking
 * it is UTF-8 without NUL. SR_OK, SR_ERR_ENCODING or SR_ERR_NOMEM, with
 * *slot unchanged on failure. */
sr_status sr__response_set_text(char **slot, const char *v);

/* ---- encoding helpers over json_write.h ---- */
/* A NUL-terminated string as a JSON string. */
void sr__response_write_string(sr__jw *w, const char *s);
/* A member "key": "value" (value non-NULL). */
void sr__response_write_member(sr__jw *w, const char *key, const char *value);
/* A member "key": <decimal digits of v>. */
void sr__response_write_count(sr__jw *w, const char *key, int64_t v);

#endif /* SESSREPORT_RESPONSE_COMMON_H */
