/* SPDX-License-Identifier: MIT */
/* Visiting every item of a cJSON tree in document order without recursion,
 * for the JSON core and the codecs (json_tree.c). */
#ifndef SESSREPORT_JSON_WALK_H
#define SESSREPORT_JSON_WALK_H

#include <cjson/cJSON.h>

#include "sessreport/json.h"

/* The walk's position: the ancestors of the item being visited. */
typedef struct sr__json_walk {
    cJSON *stack[SR_MAX_DEPTH + 1];
    size_t depth; /* of the item being visited: 0 for the root */
} sr__json_walk;

/* Called for each item; first = 1 when it has no earlier sibling. Returning
 * anything but SR_OK stops the walk with that status. */
typedef sr_status (*sr__json_visit_fn)(void *ctx, const sr__json_walk *w, cJSON *item, int first);

/* Visits root, then every item below it, in document order. A container
 * nested deeper than SR_MAX_DEPTH (root = level 1) is visited but its items
 * are not: the walk stops with SR_ERR_LIMIT there. */
sr_status sr__json_walk_tree(cJSON *root, sr__json_visit_fn fn, void *ctx);

/* The JSON Pointer of item (being visited in w) relative to the root, into
 * out[SR_ERROR_PATH_SIZE]. Linear in the sizes of the containers on the
 * way: for error reports only. */
void sr__json_walk_path(const sr__json_walk *w, const cJSON *item, char *out);

#endif /* SESSREPORT_JSON_WALK_H */
