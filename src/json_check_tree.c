/* SPDX-License-Identifier: MIT */
/* The tree side of the strict check: one document-order walk for both
 * kinds of tree (parsed ones get their numbers' digits and their keys
 * checked for repeats, which cJSON keeps; ones an application built get
 * every rule the text check gives parsed ones), and the pointer of the
 * stand-in in the closed text before an error (json_check.c). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "json_check.h"
#include "json_walk.h"

/* Objects with more members find repeats through a hash table. */
#define SMALL_OBJECT 16

typedef struct tree_check {
    const char *text; /* parsed trees: the checked text and its numbers */
    const sr__json_checked *numbers;
    size_t next_number;
    int caller; /* a tree an application built */
    sr_error *err;
    /* Per depth: the first member of the object above that repeats an
     * earlier key, reported when the walk reaches it (document order). */
    const cJSON **repeat;
} tree_check;

static sr_status fail(tree_check *c, const sr__json_walk *w, const cJSON *item, sr_status code,
                      const char *message)
{
    char path[SR_ERROR_PATH_SIZE];
    sr__json_walk_path(w, item, path);
    return sr__error_set(c->err, code, path, "%s", message);
}

/* The first member of object whose key an earlier member has, or NULL.
 * Members after one without a key are not looked at (the walk stops
 * there). Linear in the object's size: larger objects use a hash table. */
static const cJSON *first_repeat(const cJSON *object, sr_status *st)
{
    size_t n = 0, cap = 32;
    const cJSON *m, *e, *found = NULL;
    for (m = object->child; m != NULL && m->string != NULL; m = m->next, n++) {
        for (e = object->child; n <= SMALL_OBJECT && e != m; e = e->next) {
            if (e->string[0] == m->string[0] && strcmp(e->string, m->string) == 0)
                return m;
        }
    }
    if (n <= SMALL_OBJECT)
        return NULL;
    while (cap < 2 * n)
        cap *= 2;
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): a table of pointers */
    const cJSON **table = sr__calloc(cap, sizeof *table);
    if (table == NULL) {
        *st = SR_ERR_NOMEM;
        return NULL;
    }
    for (m = object->child; n-- > 0 && found == NULL; m = m->next) {
        uint32_t h = 2166136261u; /* FNV-1a */
        for (const char *k = m->string; *k != '\0'; k++)
            h = (h ^ (unsigned char)*k) * 16777619u;
        size_t i = (h ^ (h >> 15)) & (cap - 1);
        while (table[i] != NULL && strcmp(table[i]->string, m->string) != 0)
            i = (i + 1) & (cap - 1);
        found = table[i] != NULL ? m : NULL;
        table[i] = m;
    }
    sr__free(table);
    return found;
}

void sr__json_stand_in_path(const cJSON *prefix, size_t levels, char *out)
{
    const cJSON *item = prefix, *last;
    out[0] = '\0';
    for (; levels > 0 && item->child != NULL; levels--, item = last) {
        size_t index = 0, n;
        for (last = item->child; last->next != NULL; last = last->next)
            index++;
        if (!cJSON_IsObject(item)) {
            sr__pointer_append_index(out, SR_ERROR_PATH_SIZE, index);
            continue;
        }
        n = strlen(last->string); /* a key in progress ends with the 0xFF mark */
        sr__pointer_append_key(out, SR_ERROR_PATH_SIZE, last->string,
                               n - (n > 0 && (unsigned char)last->string[n - 1] == 0xFF));
    }
}

/* Turns a parsed number into a raw item holding its digits, in place (a
 * new item would cost an allocation): a parsed number owns no valuestring
 * nor flags, and cJSON_Delete frees with the hooks of cJSON_malloc. */
static sr_status put_digits(tree_check *c, cJSON *item)
{
    if (c->next_number == c->numbers->count)
        return SR_ERR_NOMEM; /* cannot happen: the check saw every number cJSON saw */
    const sr__json_span *n = &c->numbers->items[c->next_number++];
    char *digits = cJSON_malloc(n->len + 1);
    if (digits == NULL)
        return sr__error_set(c->err, SR_ERR_NOMEM, "", "out of memory parsing JSON");
    memcpy(digits, c->text + n->offset, n->len);
    digits[n->len] = '\0';
    item->valuestring = digits;
    item->type = cJSON_Raw;
    return SR_OK;
}

static int valid_text(const char *s)
{
    return s != NULL && sr__utf8_valid_text(s, strlen(s), NULL);
}

/* A raw item must hold exactly one JSON number, as parsed trees do. */
static int is_one_number(const char *s)
{
    sr__json_checked checked = {0};
    size_t n = s != NULL ? strlen(s) : 0;
    int ok = n > 0 && sr__json_check(s, n, 0, &checked, NULL) == SR_OK && checked.count == 1 &&
             checked.items[0].len == n;
    sr__free(checked.items);
    sr__free(checked.prefix);
    return ok;
}

/* What the text check guarantees parsed trees, for one item of a tree an
 * application built. cJSON's types are single bits. */
static sr_status check_caller_item(tree_check *c, const sr__json_walk *w, const cJSON *item)
{
    int type = item->type & 0xFF,
        in_object = w->depth > 0 && cJSON_IsObject(w->stack[w->depth - 1]);
    if (in_object && item->string == NULL)
        return fail(c, w, item, SR_ERR_TYPE, "object member without a key");
    if (in_object && !valid_text(item->string))
        return fail(c, w, item, SR_ERR_ENCODING, "key is not UTF-8 without NUL");
    if (type == 0 || (type & (type - 1)) != 0)
        return fail(c, w, item, SR_ERR_TYPE, "item of no JSON type (cJSON_Invalid)");
    if (type == cJSON_Number && !isfinite(item->valuedouble))
        return fail(c, w, item, SR_ERR_RANGE, "number is not finite (JSON has no NaN or Inf)");
    if (type == cJSON_String && item->valuestring == NULL)
        return fail(c, w, item, SR_ERR_TYPE, "string item without text");
    if (type == cJSON_String && !valid_text(item->valuestring))
        return fail(c, w, item, SR_ERR_ENCODING, "string is not UTF-8 without NUL");
    if (type == cJSON_Raw && !is_one_number(item->valuestring))
        return fail(c, w, item, SR_ERR_TYPE, "raw item does not hold one JSON number");
    if ((type == cJSON_Array || type == cJSON_Object) && w->depth >= SR_MAX_DEPTH)
        return fail(c, w, item, SR_ERR_LIMIT, "nesting deeper than 512 arrays and objects");
    return SR_OK;
}

static sr_status visit(void *vctx, const sr__json_walk *w, cJSON *item, int first)
{
    tree_check *c = vctx;
    sr_status st = SR_OK;
    int type = item->type & 0xFF;
    (void)first;
    if (w->depth > 0 && item == c->repeat[w->depth])
        return fail(c, w, item, SR_ERR_DUPLICATE,
                    "duplicate object key (each key may appear once)");
    if (c->caller && (st = check_caller_item(c, w, item)) != SR_OK)
        return st;
    if (type == cJSON_Number && c->numbers != NULL)
        return put_digits(c, item);
    if ((type == cJSON_Object || type == cJSON_Array) && w->depth < SR_MAX_DEPTH) {
        c->repeat[w->depth + 1] = type == cJSON_Object ? first_repeat(item, &st) : NULL;
        if (st != SR_OK)
            return sr__error_set(c->err, st, "", "out of memory checking keys");
    }
    return SR_OK;
}

static sr_status run(cJSON *root, const char *text, const sr__json_checked *numbers, int caller,
                     sr_error *err)
{
    const cJSON *repeat[SR_MAX_DEPTH + 1]; /* [d] is set before the walk goes down to d */
    tree_check c = {text, numbers, 0, caller, err, repeat};
    return sr__json_walk_tree(root, visit, &c);
}

sr_status sr__json_check_parsed(cJSON *root, const char *text, const sr__json_checked *checked,
                                sr_error *err)
{
    sr_status st = SR_OK;
    /* With no number to replace and no object below the root, only the
     * root's keys can repeat: the walk runs only to report a repeat. */
    if (checked != NULL && checked->count == 0 && checked->objects <= 1 && cJSON_IsObject(root) &&
        first_repeat(root, &st) == NULL && st == SR_OK)
        return SR_OK;
    return run(root, text, checked, 0, err);
}

sr_status sr__json_check_tree(const cJSON *root, sr_error *err)
{
    /* The walk takes non-const items; this visitor changes nothing. */
    return run((cJSON *)(uintptr_t)root, NULL, NULL, 1, err);
}
