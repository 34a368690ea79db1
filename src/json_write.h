/* SPDX-License-Identifier: MIT */
/* The 0.1 writer, kept only for the response encoders (response*.c) until
 * they print through the JSON core (sr__json_print); the request codec no
 * longer uses it. An exact-size writer that runs an emitter twice (measure,
 * then write into one allocation), string escaping, compact or pretty. */
#ifndef SESSREPORT_JSON_WRITE_H
#define SESSREPORT_JSON_WRITE_H

#include <stddef.h>

#include "sessreport/error.h"

/* Output state. With buf == NULL nothing is written and len only counts. */
typedef struct sr__jw {
    char *buf;
    size_t len;
    int pretty;     /* SR_JSON_PRETTY layout */
    unsigned level; /* open containers */
    int first;      /* nothing written yet in the innermost container */
} sr__jw;

/* Writes one document into w (called twice: to measure, then to write). */
typedef void (*sr__jw_emit_fn)(sr__jw *w, const void *obj);

/* Runs emit to measure, allocates once and runs it again to write.
 * *out is NUL-terminated and freed with sr_free(); out_len may be NULL.
 * SR_OK or SR_ERR_NOMEM (*out = NULL). */
sr_status sr__jw_render(sr__jw_emit_fn emit, const void *obj, int pretty, char **out,
                        size_t *out_len);

/* Raw bytes, copied as they are. */
void sr__jw_raw(sr__jw *w, const char *s, size_t n);
/* A JSON string: quotes added; '"', '\\' and control characters escaped
 * (\b \f \n \r \t, else \u00XX); other bytes, UTF-8 included, as they are. */
void sr__jw_string(sr__jw *w, const char *s, size_t n);
/* Bytes s[0..n) would take once escaped, quotes included. */
size_t sr__jw_string_size(const char *s, size_t n);

/* Containers: open with '{' or '[', close with the matching bracket. An
 * empty container is written "{}" / "[]". */
void sr__jw_open(sr__jw *w, char bracket);
void sr__jw_close(sr__jw *w, char bracket);
/* Starts an object member: separator, layout, then `"key":` (`"key": `
 * when pretty). The value follows. */
void sr__jw_key(sr__jw *w, const char *key, size_t n);
/* Starts an array item: separator and layout. The value follows. */
void sr__jw_item(sr__jw *w);
#endif /* SESSREPORT_JSON_WRITE_H */
