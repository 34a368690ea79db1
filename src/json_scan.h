/* SPDX-License-Identifier: MIT */
/* The 0.1 scanner, kept only for the response decoders (response*.c) until
 * they move onto the JSON core (json_tree.h); the request codec no longer
 * uses it. Checks RFC 8259 syntax, UTF-8, NUL and surrogate rules,
 * duplicate keys and the nesting bound, and reports the members of one
 * object as spans of the input. */
#ifndef SESSREPORT_JSON_SCAN_H
#define SESSREPORT_JSON_SCAN_H

#include <stddef.h>

#include "sessreport/error.h"

typedef enum sr__kind {
    SR__KIND_NULL,
    SR__KIND_FALSE,
    SR__KIND_TRUE,
    SR__KIND_NUMBER,
    SR__KIND_STRING,
    SR__KIND_ARRAY,
    SR__KIND_OBJECT
} sr__kind;

/* "null", "boolean", "number", "string", "array", "object". */
const char *sr__kind_name(sr__kind k);

/* The whole input, so that errors anywhere can carry offset/line/column. */
typedef struct sr__json_doc {
    const char *buf;
    size_t len;
} sr__json_doc;

/* One member of an object, or one item of an array, handed to a callback
 * once its value has been scanned completely and found well-formed. Every
 * pointer is valid during the callback only. */
typedef struct sr__json_value {
    const char *key; /* decoded member key, NUL-terminated; NULL for array items */
    size_t key_len;
    size_t index;    /* array index (0 for members) */
    const char *raw; /* the value's bytes in doc->buf, no surrounding whitespace */
    size_t raw_len;
    size_t offset; /* raw - doc->buf */
    sr__kind kind;
    const char *path; /* JSON Pointer of the value, e.g. "/imei" or "/usage/0/imei" */
    size_t items;     /* arrays: number of items; objects: of members; else 0 */
} sr__json_value;

/* Returning anything but SR_OK stops the scan; that status is returned and
 * err (already filled by the callback) is left alone. */
typedef sr_status (*sr__json_value_fn)(void *ctx, const sr__json_value *v, sr_error *err);

/* Scans doc->buf[begin..end): optional whitespace, one JSON value, optional
 * whitespace. The value must be an object (after a complete syntax check, a
 * well-formed non-object is SR_ERR_TYPE at `path`). For each member, in input
 * order, fn is called after that member's value has been checked, so errors
 * come out in document order. A repeated key is SR_ERR_DUPLICATE at the
 * second one (path + "/" + key), in objects at any depth. `path` is the
 * pointer of the object itself ("" for the document). Errors: SR_ERR_SYNTAX
 * (with offset/line/column), SR_ERR_ENCODING, SR_ERR_DUPLICATE, SR_ERR_LIMIT
 * (nesting deeper than SR_MAX_DEPTH), SR_ERR_TYPE, SR_ERR_NOMEM, or what fn
 * returned. */
sr_status sr__json_scan_object(const sr__json_doc *doc, size_t begin, size_t end, const char *path,
                               sr__json_value_fn fn, void *ctx, sr_error *err);

/* The same for an array: fn is called for each item, in order, with its
 * index; a non-array is SR_ERR_TYPE at `path`. */
sr_status sr__json_scan_array(const sr__json_doc *doc, size_t begin, size_t end, const char *path,
                              sr__json_value_fn fn, void *ctx, sr_error *err);

/* Decodes an already scanned string literal raw[0..raw_len) (quotes
 * included) into out, which must have room for raw_len - 2 bytes (escapes
 * never grow); returns the decoded length. No NUL is appended. */
size_t sr__json_string_decode(const char *raw, size_t raw_len, char *out);

#endif /* SESSREPORT_JSON_SCAN_H */
