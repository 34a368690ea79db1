/* SPDX-License-Identifier: MIT */
/* The strict check for trees an application built with cJSON: what the
 * text check guarantees for parsed trees (UTF-8 without NUL, no repeated
 * key, the nesting bound, numbers the text could hold), checked on items. */
#include <math.h>
#include <string.h>

#include "internal.h"
#include "json_check.h"
#include "json_walk.h"

typedef struct tree_check {
    sr__keyset keys;
    sr_error *err;
} tree_check;

static sr_status fail(tree_check *c, const sr__json_walk *w, const cJSON *item, sr_status code,
                      const char *message)
{
    char path[SR_ERROR_PATH_SIZE];
    sr__json_walk_path(w, item, path);
    return sr__error_set(c->err, code, path, "%s", message);
}

static int valid_text(const char *s)
{
    return s != NULL && sr__utf8_valid_text(s, strlen(s), NULL);
}

/* A raw item must hold exactly one JSON number, as parsed trees do. */
static int is_one_number(const char *s)
{
    sr__json_spans spans = {0};
    size_t n = s != NULL ? strlen(s) : 0;
    int ok = n > 0 && sr__json_check(s, n, 0, &spans, NULL) == SR_OK && spans.count == 1 &&
             spans.items[0].offset == 0 && spans.items[0].len == n;
    sr__free(spans.items);
    return ok;
}

/* The keys of one object, for repeats; *repeat is the second of a pair. */
static sr_status find_repeat(tree_check *c, const cJSON *object, const cJSON **repeat)
{
    sr_status st = sr__keyset_open(&c->keys);
    for (const cJSON *m = object->child; m != NULL && st == SR_OK && *repeat == NULL; m = m->next) {
        size_t entry;
        int dup = 0;
        st = sr__keyset_add(&c->keys, m->string, strlen(m->string), 0, &entry, &dup);
        if (dup)
            *repeat = m;
    }
    if (c->keys.depth > 0)
        sr__keyset_close(&c->keys);
    return st;
}

static sr_status check_item(void *vctx, const sr__json_walk *w, cJSON *item, int first)
{
    tree_check *c = vctx;
    (void)first;
    if (w->depth > 0 && cJSON_IsObject(w->stack[w->depth - 1])) {
        if (item->string == NULL)
            return fail(c, w, item, SR_ERR_TYPE, "object member without a key");
        if (!valid_text(item->string))
            return fail(c, w, item, SR_ERR_ENCODING, "key is not UTF-8 without NUL");
    }
    switch (item->type & 0xFF) {
    case cJSON_NULL:
    case cJSON_False:
    case cJSON_True:
        return SR_OK;
    case cJSON_Number:
        return isfinite(item->valuedouble) ? SR_OK
                                           : fail(c, w, item, SR_ERR_RANGE,
                                                  "number is not finite (JSON has no NaN or Inf)");
    case cJSON_String:
        if (item->valuestring == NULL)
            return fail(c, w, item, SR_ERR_TYPE, "string item without text");
        return valid_text(item->valuestring)
                   ? SR_OK
                   : fail(c, w, item, SR_ERR_ENCODING, "string is not UTF-8 without NUL");
    case cJSON_Raw:
        return is_one_number(item->valuestring)
                   ? SR_OK
                   : fail(c, w, item, SR_ERR_TYPE, "raw item does not hold one JSON number");
    case cJSON_Array:
    case cJSON_Object:
        break;
    default:
        return fail(c, w, item, SR_ERR_TYPE, "item of no JSON type (cJSON_Invalid)");
    }
    if (w->depth >= SR_MAX_DEPTH)
        return fail(c, w, item, SR_ERR_LIMIT, "nesting deeper than 512 arrays and objects");
    const cJSON *repeat = NULL;
    if (cJSON_IsObject(item)) {
        for (const cJSON *m = item->child; m != NULL; m = m->next) {
            if (m->string == NULL)
                return SR_OK; /* reported when the walk reaches it */
        }
        sr_status st = find_repeat(c, item, &repeat);
        if (st != SR_OK)
            return sr__error_set(c->err, st, "", "out of memory checking keys");
    }
    if (repeat == NULL)
        return SR_OK;
    char path[SR_ERROR_PATH_SIZE];
    sr__json_walk_path(w, item, path);
    sr__pointer_append_key(path, sizeof path, repeat->string, strlen(repeat->string));
    return sr__error_set(c->err, SR_ERR_DUPLICATE, path,
                         "duplicate object key (each key may appear once)");
}

sr_status sr__json_check_tree(const cJSON *root, sr_error *err)
{
    tree_check c;
    sr__keyset_init(&c.keys);
    c.err = err;
    /* The walk takes non-const items; this visitor changes nothing. */
    sr_status st = sr__json_walk_tree((cJSON *)(uintptr_t)root, check_item, &c);
    sr__keyset_release(&c.keys);
    return st;
}
