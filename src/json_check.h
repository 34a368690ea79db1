/* SPDX-License-Identifier: MIT */
/* The strict check of JSON text (json_check.c) and of cJSON trees
 * (json_check_tree.c), for the JSON core (json_tree.c) and the codecs. */
#ifndef SESSREPORT_JSON_CHECK_H
#define SESSREPORT_JSON_CHECK_H

#include <stddef.h>

#include "sessreport/error.h"

struct cJSON;

typedef struct sr__json_span {
    size_t offset, len;
} sr__json_span;

/* What the check learned: its numbers' spans in document order, how many
 * objects the text holds and, on an error, the text before it closed with
 * a stand-in prefix_depth levels down (holding the first prefix_numbers
 * numbers), in which cJSON finds a key repeated before the error and the
 * error's path. Start from {0}; free items and prefix with sr__free. */
typedef struct sr__json_checked {
    sr__json_span *items;
    size_t count, cap, objects;
    char *prefix;
    size_t prefix_numbers, prefix_depth;
} sr__json_checked;

/* Checks buf[begin..len) as one JSON value (RFC 8259, whitespace around
 * it), its strings and keys UTF-8 without NUL or lone surrogates, nesting
 * within SR_MAX_DEPTH; positions count from buf[0]. The first error in
 * document order (SR_ERR_SYNTAX, SR_ERR_ENCODING, SR_ERR_LIMIT,
 * SR_ERR_NOMEM), except that past the nesting bound the text is read on
 * until a container there closes: a syntax error before that point wins
 * (JSONTestSuite's unclosed deep documents). Paths are left to the prefix
 * (sr__json_stand_in_path). */
sr_status sr__json_check(const char *buf, size_t len, size_t begin, sr__json_checked *out,
                         sr_error *err);

/* For a tree cJSON parsed from checked text: each number becomes a raw
 * item holding its digits in text (checked NULL: numbers are left alone);
 * a repeated key is SR_ERR_DUPLICATE at the first repeat in document
 * order. SR_ERR_NOMEM too. */
sr_status sr__json_check_parsed(struct cJSON *root, const char *text,
                                const sr__json_checked *checked, sr_error *err);

/* The pointer of the stand-in of a parsed prefix, levels down its last
 * items, into out[SR_ERROR_PATH_SIZE]. */
void sr__json_stand_in_path(const struct cJSON *prefix, size_t levels, char *out);

/* The same rules for a tree an application built, with paths relative to
 * root: strings and keys UTF-8 without NUL (SR_ERR_ENCODING), no repeated
 * key (SR_ERR_DUPLICATE), nesting (SR_ERR_LIMIT), finite numbers
 * (SR_ERR_RANGE), raw items holding one JSON number, members with keys,
 * items of a JSON type (SR_ERR_TYPE); the first problem in document order.
 * SR_ERR_NOMEM too. */
sr_status sr__json_check_tree(const struct cJSON *root, sr_error *err);

#endif /* SESSREPORT_JSON_CHECK_H */
