/* SPDX-License-Identifier: MIT */
/* sr__json_parse: the strict check, then cJSON's parse of the same bytes,
 * then one walk that puts the check's digits in place of cJSON's doubles
 * and finds repeated keys. Plus the tree walker every tree pass uses. */
#include <string.h>

#include "internal.h"
#include "json_check.h"
#include "json_tree.h"
#include "json_walk.h"

/* cJSON 1.7.15 copies at most 63 bytes of a number before strtod, and fails
 * on a longer one; the check's digits replace every number anyway. */
#define CJSON_NUMBER_MAX 63

static int is_container(const cJSON *item)
{
    int type = item->type & 0xFF;
    return type == cJSON_Array || type == cJSON_Object;
}

sr_status sr__json_walk_tree(cJSON *root, sr__json_visit_fn fn, void *ctx)
{
    sr__json_walk w;
    cJSON *item = root;
    int first = 1;
    w.depth = 0;
    for (;;) {
        sr_status st = fn(ctx, &w, item, first);
        if (st != SR_OK)
            return st;
        if (is_container(item) && item->child != NULL) {
            if (w.depth >= SR_MAX_DEPTH)
                return SR_ERR_LIMIT;
            w.stack[w.depth++] = item;
            item = item->child;
            first = 1;
            continue;
        }
        while (w.depth > 0 && item->next == NULL)
            item = w.stack[--w.depth];
        if (w.depth == 0)
            return SR_OK;
        item = item->next;
        first = 0;
    }
}

void sr__json_walk_path(const sr__json_walk *w, const cJSON *item, char *out)
{
    out[0] = '\0';
    for (size_t level = 1; level <= w->depth; level++) {
        const cJSON *parent = w->stack[level - 1];
        const cJSON *node = level < w->depth ? w->stack[level] : item;
        if (cJSON_IsObject(parent) && node->string != NULL) {
            sr__pointer_append_key(out, SR_ERROR_PATH_SIZE, node->string, strlen(node->string));
        } else {
            size_t index = 0;
            for (const cJSON *c = parent->child; c != NULL && c != node; c = c->next)
                index++;
            sr__pointer_append_index(out, SR_ERROR_PATH_SIZE, index);
        }
    }
}

const char *sr__json_kind_name(const cJSON *item)
{
    if (cJSON_IsNull(item))
        return "null";
    if (cJSON_IsBool(item))
        return "boolean";
    if (cJSON_IsNumber(item) || cJSON_IsRaw(item))
        return "number";
    if (cJSON_IsString(item))
        return "string";
    if (cJSON_IsArray(item))
        return "array";
    if (cJSON_IsObject(item))
        return "object";
    return "value";
}

/* In text (a copy of the input from offset base on), each of the first
 * count numbers that is too long for cJSON becomes "0" and spaces (the same
 * length, so nothing else moves). */
static void shorten_numbers(char *text, size_t base, const sr__json_checked *numbers, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const sr__json_span *n = &numbers->items[i];
        if (n->len > CJSON_NUMBER_MAX) {
            text[n->offset - base] = '0';
            memset(text + n->offset - base + 1, ' ', n->len - 1);
        }
    }
}

static int has_long_number(const sr__json_checked *numbers)
{
    for (size_t i = 0; i < numbers->count; i++) {
        if (numbers->items[i].len > CJSON_NUMBER_MAX)
            return 1;
    }
    return 0;
}

/* After an error in the text: a key repeated before it comes first in
 * document order; otherwise an encoding or nesting error takes its path
 * from the stand-in. prefix is the text before the error, closed. */
static sr_status resolve_error(sr__json_checked *checked, size_t base, sr_status st, sr_error *err)
{
    sr_error dup;
    shorten_numbers(checked->prefix, base, checked, checked->prefix_numbers);
    cJSON *tree = cJSON_ParseWithLengthOpts(checked->prefix, strlen(checked->prefix), NULL, 0);
    sr_status found = tree == NULL ? SR_ERR_NOMEM : sr__json_check_parsed(tree, NULL, NULL, &dup);
    if (found == SR_OK && st != SR_ERR_SYNTAX && err != NULL)
        sr__json_stand_in_path(tree, checked->prefix_depth, err->path);
    cJSON_Delete(tree);
    if (found == SR_ERR_DUPLICATE && err != NULL)
        *err = dup;
    if (found == SR_ERR_NOMEM)
        return sr__error_set(err, SR_ERR_NOMEM, "", "out of memory parsing JSON");
    return found == SR_ERR_DUPLICATE ? found : st;
}

static int has_bom(const char *json, size_t len)
{
    return len >= 3 && (unsigned char)json[0] == 0xEF && (unsigned char)json[1] == 0xBB &&
           (unsigned char)json[2] == 0xBF;
}

sr_status sr__json_parse(const char *json, size_t len, const sr_parse_options *opts, cJSON **tree,
                         sr_error *err)
{
    size_t max_bytes =
        opts != NULL && opts->max_bytes != 0 ? opts->max_bytes : SR_DEFAULT_MAX_BYTES;
    sr__json_checked numbers = {0};
    char *copy = NULL;

    if (tree == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "tree must not be NULL");
    *tree = NULL;
    if (json == NULL && len != 0)
        return sr__error_set(err, SR_ERR_ARG, "", "json is NULL but len is %zu", len);
    if (len > max_bytes)
        return sr__error_set(err, SR_ERR_LIMIT, "",
                             "input of %zu bytes exceeds the limit of %zu bytes", len, max_bytes);
    if (json == NULL)
        json = "";
    size_t begin = has_bom(json, len) ? 3 : 0;
    sr_status st = sr__json_check(json, len, begin, &numbers, err);
    if (st != SR_OK && st != SR_ERR_NOMEM && numbers.prefix != NULL)
        st = resolve_error(&numbers, begin, st, err);
    if (st != SR_OK)
        goto cleanup;
    const char *text = json + begin;
    if (has_long_number(&numbers)) {
        text = copy = sr__malloc(len - begin);
        if (copy == NULL) {
            st = sr__error_set(err, SR_ERR_NOMEM, "", "out of memory parsing JSON");
            goto cleanup;
        }
        memcpy(copy, json + begin, len - begin);
        shorten_numbers(copy, begin, &numbers, numbers.count);
    }
    /* The check accepted these bytes, so cJSON fails only for memory. */
    *tree = cJSON_ParseWithLengthOpts(text, len - begin, NULL, 0);
    st = *tree == NULL ? sr__error_set(err, SR_ERR_NOMEM, "", "out of memory parsing JSON")
                       : sr__json_check_parsed(*tree, json, &numbers, err);
    if (st != SR_OK) {
        cJSON_Delete(*tree);
        *tree = NULL;
    }
cleanup:
    sr__free(copy);
    sr__free(numbers.prefix);
    sr__free(numbers.items);
    return st;
}
