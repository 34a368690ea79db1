/* SPDX-License-Identifier: MIT */
/* sr__json_parse: the strict check, then cJSON's parse of the same bytes,
 * then the check's digits in place of cJSON's doubles. Plus the tree walker
 * every tree pass of the library uses. */
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
    return cJSON_IsArray(item) || cJSON_IsObject(item);
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

/* ---- numbers ---- */

typedef struct digits_ctx {
    const char *text;
    const sr__json_spans *numbers;
    size_t next;
} digits_ctx;

/* Turns the next number of the tree into a raw item holding its digits.
 * Done in place rather than with cJSON_CreateRaw and
 * cJSON_ReplaceItemViaPointer, which would allocate a second item and drop
 * the member's key: a parsed number owns no valuestring and carries no
 * reference or constant-key flag, and cJSON_malloc allocates with the same
 * hooks cJSON_Delete frees with, so the item becomes exactly what
 * cJSON_CreateRaw makes. */
static sr_status put_digits(void *vctx, const sr__json_walk *w, cJSON *item, int first)
{
    digits_ctx *ctx = vctx;
    (void)w;
    (void)first;
    if (!cJSON_IsNumber(item))
        return SR_OK;
    if (ctx->next == ctx->numbers->count)
        return SR_ERR_NOMEM; /* cannot happen: the check saw every number cJSON saw */
    const sr__json_span *n = &ctx->numbers->items[ctx->next++];
    char *digits = cJSON_malloc(n->len + 1);
    if (digits == NULL)
        return SR_ERR_NOMEM;
    memcpy(digits, ctx->text + n->offset, n->len);
    digits[n->len] = '\0';
    item->valuestring = digits;
    item->type = cJSON_Raw;
    return SR_OK;
}

/* A copy of text[begin..len) in which every number too long for cJSON is
 * "0" followed by spaces (the same length, so nothing else moves); NULL
 * when out of memory. */
static char *shorten_numbers(const char *text, size_t begin, size_t len,
                             const sr__json_spans *numbers)
{
    char *copy = sr__malloc(len - begin);
    if (copy == NULL)
        return NULL;
    memcpy(copy, text + begin, len - begin);
    for (size_t i = 0; i < numbers->count; i++) {
        const sr__json_span *n = &numbers->items[i];
        if (n->len > CJSON_NUMBER_MAX) {
            copy[n->offset - begin] = '0';
            memset(copy + n->offset - begin + 1, ' ', n->len - 1);
        }
    }
    return copy;
}

static int has_long_number(const sr__json_spans *numbers)
{
    for (size_t i = 0; i < numbers->count; i++) {
        if (numbers->items[i].len > CJSON_NUMBER_MAX)
            return 1;
    }
    return 0;
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
    sr__json_spans numbers = {0};
    char *shortened = NULL;
    sr_status st;

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
    st = sr__json_check(json, len, begin, &numbers, err);
    if (st != SR_OK)
        goto cleanup;
    const char *text = json + begin;
    if (has_long_number(&numbers)) {
        text = shortened = shorten_numbers(json, begin, len, &numbers);
        if (text == NULL) {
            st = sr__error_set(err, SR_ERR_NOMEM, "", "out of memory parsing JSON");
            goto cleanup;
        }
    }
    /* The check accepted these bytes, so cJSON fails only for memory. */
    *tree = cJSON_ParseWithLengthOpts(text, len - begin, NULL, 0);
    st = *tree == NULL ? SR_ERR_NOMEM : SR_OK;
    if (st == SR_OK && numbers.count > 0) {
        digits_ctx ctx = {json, &numbers, 0};
        st = sr__json_walk_tree(*tree, put_digits, &ctx);
    }
    if (st != SR_OK) {
        cJSON_Delete(*tree);
        *tree = NULL;
        sr__error_set(err, st, "", "out of memory parsing JSON");
    }
cleanup:
    sr__free(shortened);
    sr__free(numbers.items);
    return st;
}
