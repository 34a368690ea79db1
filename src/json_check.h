/* SPDX-License-Identifier: MIT */
/* The strict check of JSON text (json_check.c) and of cJSON trees
 * (json_check_tree.c). Internal to the JSON core: the codecs use
 * sr__json_parse (json_tree.h) and sr__json_check_tree. */
#ifndef SESSREPORT_JSON_CHECK_H
#define SESSREPORT_JSON_CHECK_H

#include <stddef.h>

#include "sessreport/error.h"

struct cJSON;

typedef struct sr__json_span {
    size_t offset, len;
} sr__json_span;

/* What the check learned about the text. Start from {0}; free items and
 * prefix with sr__free. */
typedef struct sr__json_checked {
    sr__json_span *items; /* the numbers, in document order */
    size_t count, cap;
    size_t objects; /* how many objects the text holds */
    /* On an error after two keys: the text before it, closed, in which
     * sr__json_parse looks for an earlier repeated key; the first
     * prefix_numbers numbers lie in it. */
    char *prefix;
    size_t prefix_len, prefix_numbers;
} sr__json_checked;

/* Checks buf[begin..len) against RFC 8259 (one value, whitespace around it)
 * with the library's rules (UTF-8 without NUL or lone surrogates in every
 * string and key, nesting within SR_MAX_DEPTH) and fills out. Positions
 * count from buf[0]. Errors: SR_ERR_SYNTAX, SR_ERR_ENCODING, SR_ERR_LIMIT,
 * SR_ERR_NOMEM, the first in document order, except that past the nesting
 * bound the text is read on until a container there closes: a syntax error
 * before that point wins (JSONTestSuite's unclosed deep documents). */
sr_status sr__json_check(const char *buf, size_t len, size_t begin, sr__json_checked *out,
                         sr_error *err);

/* A tree cJSON parsed from checked text: each number becomes a raw item
 * holding its digits in text (checked NULL: numbers are left as they are),
 * and a key repeated in one object is SR_ERR_DUPLICATE at the first repeat
 * in document order. SR_ERR_NOMEM too. */
sr_status sr__json_check_parsed(struct cJSON *root, const char *text,
                                const sr__json_checked *checked, sr_error *err);

/* The same rules for a tree an application built: strings and keys UTF-8
 * without NUL (SR_ERR_ENCODING), no key twice in one object
 * (SR_ERR_DUPLICATE at the second), nesting within SR_MAX_DEPTH
 * (SR_ERR_LIMIT), finite numbers (SR_ERR_RANGE), raw items holding one JSON
 * number, members with keys, items of a JSON type (SR_ERR_TYPE); paths are
 * relative to root, the first problem in document order. SR_ERR_NOMEM too. */
sr_status sr__json_check_tree(const struct cJSON *root, sr_error *err);

#endif /* SESSREPORT_JSON_CHECK_H */
