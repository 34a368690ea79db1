/* SPDX-License-Identifier: MIT */
/* Internal helpers shared by the library's sources: the allocation seam,
 * error filling, JSON Pointer building and UTF-8 checks. Never installed. */
#ifndef SESSREPORT_INTERNAL_H
#define SESSREPORT_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

#include "sessreport/error.h"

#if defined(__GNUC__) || defined(__clang__)
#    define SR__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#    define SR__PRINTF(fmt, args)
#endif

/* ---- allocation seam (src/alloc.c) ----
 * Every allocation of the library goes through these, so that tests can make
 * the N-th one fail (see tests/ for the fault-injection build). Memory handed
 * to the caller is released with sr_free(), which is sr__free(). */
void *sr__malloc(size_t n);
void *sr__calloc(size_t count, size_t size);
void *sr__realloc(void *p, size_t n);
void sr__free(void *p);
/* Copy of s[0..n) plus a NUL; NULL when out of memory. */
char *sr__strndup(const char *s, size_t n);
/* items (an array of *cap items of size bytes) reallocated to hold at least
 * need, *cap grown geometrically; NULL, with items and *cap unchanged, when
 * out of memory or on overflow. */
void *sr__grow_array(void *items, size_t *cap, size_t need, size_t size);

/* ---- errors (src/error.c) ---- */
/* Fills err (when not NULL) with code, path and a printf-formatted message;
 * offset/line/column are set to 0. Returns code, so callers can
 * `return sr__error_set(...)`. */
sr_status sr__error_set(sr_error *err, sr_status code, const char *path, const char *fmt, ...)
    SR__PRINTF(4, 5);
sr_status sr__error_vset(sr_error *err, sr_status code, const char *path, const char *fmt,
                         va_list ap) SR__PRINTF(4, 0);
/* Sets the position fields from a byte offset into buf (line/column 1-based). */
void sr__error_set_position(sr_error *err, const char *buf, size_t len, size_t offset);

/* ---- JSON Pointer (RFC 6901) building (src/error.c) ----
 * Append to a NUL-terminated path held in a buffer of cap bytes; a path that
 * does not fit is cut and ends in "...". */
void sr__pointer_append_key(char *path, size_t cap, const char *key, size_t key_len);
void sr__pointer_append_index(char *path, size_t cap, size_t index);

/* ---- UTF-8 (src/utf8.c) ---- */
/* Length of the valid UTF-8 sequence starting at s[0] (1..4), or 0 when the
 * bytes there are not valid UTF-8 (overlong, surrogate, > U+10FFFF,
 * truncated, stray continuation). Needs n >= 1. NUL counts as valid here. */
size_t sr__utf8_sequence_length(const unsigned char *s, size_t n);
/* 1 when s[0..n) is valid UTF-8 without NUL bytes, else 0 and, when bad is
 * not NULL, *bad = offset of the first offending byte. */
int sr__utf8_valid_text(const char *s, size_t n, size_t *bad);
/* Replaces *slot with a copy of s[0..len) (no UTF-8 check: callers have
 * checked); s may point into *slot itself. SR_OK or SR_ERR_NOMEM with
 * *slot unchanged. The one place a string slot is replaced. */
sr_status sr__replace_string(char **slot, const char *s, size_t len);
/* sr__replace_string after checking v is valid UTF-8 without NUL; NULL
 * frees and clears the slot. SR_OK, SR_ERR_ENCODING or SR_ERR_NOMEM; on
 * failure *slot is unchanged. Every string setter uses it. */
sr_status sr__utf8_set_text(char **slot, const char *v);

#endif /* SESSREPORT_INTERNAL_H */
