/* SPDX-License-Identifier: MIT */
/* The shared JSON core of every codec of the library: the strict check
 * followed by cJSON's parse, and cJSON's printing with the house pretty
 * form. The field tables (json.c, response*.c) work on the trees. */
#ifndef SESSREPORT_JSON_TREE_H
#define SESSREPORT_JSON_TREE_H

#include <cjson/cJSON.h>

#include "sessreport/json.h" /* sr_parse_options, SR_JSON_PRETTY */

/* Strict check (json_check*.c) then cJSON_ParseWithLengthOpts on the same
 * bytes. Applies opts->max_bytes (0 = 16 MiB; SR_ERR_LIMIT before any
 * parsing), skips a leading UTF-8 BOM, allows only whitespace after the
 * value. On SR_OK *tree is a new cJSON tree (the caller frees it with
 * cJSON_Delete) in which every number is a cJSON_Raw item whose valuestring
 * holds the input's digits exactly. The top-level value may be of any type
 * (callers check for an object: SR_ERR_TYPE, path ""). Errors per DESIGN
 * section 4: SR_ERR_SYNTAX with offset/line/column, SR_ERR_ENCODING,
 * SR_ERR_DUPLICATE at the second key's pointer, SR_ERR_LIMIT (nesting),
 * SR_ERR_NOMEM; *tree is NULL on failure. opts may be NULL. */
sr_status sr__json_parse(const char *json, size_t len, const sr_parse_options *opts, cJSON **tree,
                         sr_error *err);

/* "null", "boolean", "number", "string", "array" or "object" (a raw item is
 * a "number"), for type errors ("expected string, found number"). */
const char *sr__json_kind_name(const cJSON *item);

/* Prints tree (not NULL) with cJSON, compact, or with SR_JSON_PRETTY in
 * the house 2-space style (DESIGN section 4), into *out (NUL-terminated,
 * freed with sr_free(); out not NULL, out_len may be). Every item must be
 * printable, as the library's trees are: raw items hold one JSON scalar
 * written compactly (the pretty form re-indents cJSON's compact text).
 * The pretty size is counted from the compact text first, so the output is
 * never allocated beyond SR_JSON_MAX_OUTPUT (64 MiB): SR_ERR_LIMIT.
 * SR_ERR_NOMEM when cJSON or the library runs out of memory; *out is NULL
 * on failure. */
sr_status sr__json_print(const cJSON *tree, unsigned flags, char **out, size_t *out_len);

#endif /* SESSREPORT_JSON_TREE_H */
