/* SPDX-License-Identifier: MIT */
/* session_report_request: storage, lifetime, getters and setters. */
#include <limits.h>
#include <string.h>

#include "internal.h"
#include "json_tree.h"
#include "model.h"

/* ---- internal mutators ---- */

int sr__field_is_nullable(sr__field f)
{
    return f == SR__FIELD_DEVICE_GROUP || f == SR__FIELD_DATA_PLAN || f == SR__FIELD_DEVICE_LABEL;
}

const char *sr__text(const cJSON *item)
{
    return item == NULL ? NULL : item->valuestring;
}

void sr__put_item(cJSON **slot, cJSON *item)
{
    cJSON_Delete(*slot);
    *slot = item;
}

/* The index at exactly cap entries (an adopted array's count). */
static sr_status grow_index(sr__imei_list *l, size_t cap)
{
    cJSON **items = NULL;
    /* NOLINTBEGIN(bugprone-sizeof-expression): an array of pointers */
    if (cap != 0 && cap <= (size_t)-1 / sizeof *items)
        items = sr__realloc(l->items, cap * sizeof *items);
    /* NOLINTEND(bugprone-sizeof-expression) */
    if (items == NULL)
        return SR_ERR_NOMEM;
    l->items = items;
    l->cap = cap;
    return SR_OK;
}

sr_status sr__imei_adopt(sr__imei_list *l, cJSON *array, size_t count)
{
    sr__imei_list fresh = {array, NULL, 0, 0};
    if (count > 0 && grow_index(&fresh, count) != SR_OK)
        return SR_ERR_NOMEM;
    for (cJSON *item = array->child; item != NULL; item = item->next)
        fresh.items[fresh.count++] = item;
    sr__imei_list_free(l);
    *l = fresh;
    return SR_OK;
}

sr_status sr__imei_push(sr__imei_list *l, const char *s)
{
    if (l->array == NULL && (l->array = cJSON_CreateArray()) == NULL)
        return SR_ERR_NOMEM;
    if (l->count == l->cap) { /* amortized O(1): the index grows geometrically */
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
        cJSON **items = sr__grow_array(l->items, &l->cap, l->count + 1, sizeof *items);
        if (items == NULL)
            return SR_ERR_NOMEM;
        l->items = items;
    }
    cJSON *item = cJSON_CreateString(s);
    if (item == NULL)
        return SR_ERR_NOMEM;
    cJSON_AddItemToArray(l->array, item);
    l->items[l->count++] = item;
    return SR_OK;
}

void sr__imei_list_free(sr__imei_list *l)
{
    /* the index first: freeing a large block makes glibc sweep every small
     * block freed before it, and the array's items are many */
    sr__free(l->items);
    cJSON_Delete(l->array);
    memset(l, 0, sizeof *l);
}

sr_status sr__member_push(sr__member_list *l, cJSON *item)
{
    char *text = NULL;
    if (l->count == l->cap) {
        sr__member *items = sr__grow_array(l->items, &l->cap, l->count + 1, sizeof *items);
        if (items == NULL)
            return SR_ERR_NOMEM;
        l->items = items;
    }
    /* Printed once here, so that the getters stay read-only (several
     * threads may read one request). */
    if (cJSON_IsString(item) || cJSON_IsArray(item) || cJSON_IsObject(item)) {
        sr_status st = sr__json_print(item, 0, &text, NULL);
        if (st != SR_OK)
            return st;
    }
    l->items[l->count].item = item;
    l->items[l->count++].text = text;
    return SR_OK;
}

const char *sr__member_text(const sr__member *m)
{
    if (m->text != NULL)
        return m->text;
    if (cJSON_IsRaw(m->item))
        return m->item->valuestring;
    return cJSON_IsNull(m->item) ? "null" : cJSON_IsTrue(m->item) ? "true" : "false";
}

void sr__member_list_free(sr__member_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        cJSON_Delete(l->items[i].item);
        sr__free(l->items[i].text);
    }
    sr__free(l->items);
    memset(l, 0, sizeof *l);
}

/* ---- lifetime ---- */

session_report_request *session_report_request_new(void)
{
    /* malloc, not calloc: glibc's calloc never reuses its thread cache, so
     * the blocks that free returns to that cache pile up until each free
     * takes the slow path (a decode frees one request each time) */
    session_report_request *r = sr__malloc(sizeof *r);
    if (r != NULL)
        memset(r, 0, sizeof *r);
    return r;
}

void session_report_request_free(session_report_request *r)
{
    if (r == NULL)
        return;
    for (int f = 0; f < SR__FIELD_COUNT; f++)
        cJSON_Delete(r->text[f]);
    sr__imei_list_free(&r->imei);
    sr__member_list_free(&r->unknown);
    sr__free(r);
}

sr_status session_report_request_clone(const session_report_request *r,
                                       session_report_request **out)
{
    if (out != NULL)
        *out = NULL;
    if (r == NULL || out == NULL)
        return SR_ERR_ARG;
    session_report_request *c = session_report_request_new();
    if (c == NULL)
        return SR_ERR_NOMEM;
    sr_status st = SR_OK;
    memcpy(c->state, r->state, sizeof c->state);
    for (int f = 0; f < SR__FIELD_COUNT && st == SR_OK; f++) {
        if (r->text[f] != NULL &&
            (c->text[f] = cJSON_CreateString(r->text[f]->valuestring)) == NULL)
            st = SR_ERR_NOMEM;
    }
    if (st == SR_OK && r->imei.array != NULL) {
        cJSON *copy = cJSON_Duplicate(r->imei.array, 1);
        st = copy == NULL ? SR_ERR_NOMEM : sr__imei_adopt(&c->imei, copy, r->imei.count);
        if (st != SR_OK)
            cJSON_Delete(copy);
    }
    for (size_t i = 0; i < r->unknown.count && st == SR_OK; i++) {
        cJSON *copy = cJSON_Duplicate(r->unknown.items[i].item, 1);
        st = copy == NULL ? SR_ERR_NOMEM : sr__member_push(&c->unknown, copy);
        if (st != SR_OK)
            cJSON_Delete(copy);
    }
    if (st != SR_OK) {
        session_report_request_free(c);
        return st;
    }
    *out = c;
    return SR_OK;
}

static int same_string(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

int session_report_request_equal(const session_report_request *a, const session_report_request *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    for (int f = 0; f < SR__FIELD_COUNT; f++) {
        if (a->state[f] != b->state[f] || !same_string(sr__text(a->text[f]), sr__text(b->text[f])))
            return 0;
    }
    if (a->imei.count != b->imei.count)
        return 0;
    for (size_t i = 0; i < a->imei.count; i++) {
        if (strcmp(a->imei.items[i]->valuestring, b->imei.items[i]->valuestring) != 0)
            return 0;
    }
    if (a->unknown.count != b->unknown.count)
        return 0;
    for (size_t i = 0; i < a->unknown.count; i++) {
        const sr__member *ma = &a->unknown.items[i], *mb = &b->unknown.items[i];
        if (strcmp(ma->item->string, mb->item->string) != 0 ||
            strcmp(sr__member_text(ma), sr__member_text(mb)) != 0)
            return 0;
    }
    return 1;
}

/* ---- public setters and getters ---- */

/* A string item copying v, which may be the field's own string; NULL
 * unsets the field. On failure the field is unchanged. */
static sr_status set_text(session_report_request *r, sr__field f, const char *v)
{
    cJSON *item = NULL;
    if (r == NULL)
        return SR_ERR_ARG;
    if (v != NULL && !sr__utf8_valid_text(v, strlen(v), NULL))
        return SR_ERR_ENCODING;
    if (v != NULL && (item = cJSON_CreateString(v)) == NULL)
        return SR_ERR_NOMEM;
    sr__put_item(&r->text[f], item);
    if (sr__field_is_nullable(f))
        r->state[f] = v != NULL ? SR__SET : SR__ABSENT;
    return SR_OK;
}

/* A nullable field made null or absent. */
static sr_status clear_nullable(session_report_request *r, sr__field f, sr__presence state)
{
    if (r == NULL)
        return SR_ERR_ARG;
    sr__put_item(&r->text[f], NULL);
    r->state[f] = state;
    return SR_OK;
}

static int nullable_is(const session_report_request *r, sr__field f, int want_null)
{
    if (r == NULL)
        return 0;
    return want_null ? r->state[f] == SR__NULL : r->state[f] != SR__ABSENT;
}

#define SR__PLAIN_ACCESSORS(stem, field)                                                           \
    sr_status session_report_request_set_##stem(session_report_request *r, const char *v)          \
    {                                                                                              \
        return set_text(r, field, v);                                                              \
    }                                                                                              \
    const char *session_report_request_get_##stem(const session_report_request *r)                 \
    {                                                                                              \
        return r == NULL ? NULL : sr__text(r->text[field]);                                        \
    }

SR__PLAIN_ACCESSORS(account_number, SR__FIELD_ACCOUNT_NUMBER)
SR__PLAIN_ACCESSORS(start_date, SR__FIELD_START_DATE)
SR__PLAIN_ACCESSORS(end_date, SR__FIELD_END_DATE)
SR__PLAIN_ACCESSORS(no_session_flag, SR__FIELD_NO_SESSION_FLAG)

#define SR__NULLABLE_ACCESSORS(stem, field)                                                        \
    SR__PLAIN_ACCESSORS(stem, field)                                                               \
    sr_status session_report_request_set_##stem##_null(session_report_request *r)                  \
    {                                                                                              \
        return clear_nullable(r, field, SR__NULL);                                                 \
    }                                                                                              \
    void session_report_request_unset_##stem(session_report_request *r)                            \
    {                                                                                              \
        (void)clear_nullable(r, field, SR__ABSENT);                                                \
    }                                                                                              \
    int session_report_request_is_##stem##_null(const session_report_request *r)                   \
    {                                                                                              \
        return nullable_is(r, field, 1);                                                           \
    }                                                                                              \
    int session_report_request_has_##stem(const session_report_request *r)                         \
    {                                                                                              \
        return nullable_is(r, field, 0);                                                           \
    }

SR__NULLABLE_ACCESSORS(device_group, SR__FIELD_DEVICE_GROUP)
SR__NULLABLE_ACCESSORS(data_plan, SR__FIELD_DATA_PLAN)
SR__NULLABLE_ACCESSORS(device_label, SR__FIELD_DEVICE_LABEL)

/* ---- IMEI list ---- */

size_t session_report_request_imei_count(const session_report_request *r)
{
    return r == NULL ? 0 : r->imei.count;
}

const char *session_report_request_imei_at(const session_report_request *r, size_t i)
{
    if (r == NULL || i >= r->imei.count)
        return NULL;
    return r->imei.items[i]->valuestring;
}

sr_status session_report_request_add_imei(session_report_request *r, const char *imei)
{
    if (r == NULL || imei == NULL)
        return SR_ERR_ARG;
    if (!sr__utf8_valid_text(imei, strlen(imei), NULL))
        return SR_ERR_ENCODING;
    return sr__imei_push(&r->imei, imei);
}

sr_status session_report_request_remove_imei(session_report_request *r, size_t i)
{
    if (r == NULL || i >= r->imei.count)
        return SR_ERR_ARG;
    sr__imei_list *l = &r->imei;
    cJSON_Delete(cJSON_DetachItemViaPointer(l->array, l->items[i]));
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
    memmove(l->items + i, l->items + i + 1, (l->count - i - 1) * sizeof *l->items);
    l->count--;
    return SR_OK;
}

sr_status session_report_request_set_imei(session_report_request *r, const char *const *imeis,
                                          size_t n)
{
    if (r == NULL || (imeis == NULL && n > 0))
        return SR_ERR_ARG;
    for (size_t i = 0; i < n; i++) {
        if (imeis[i] == NULL)
            return SR_ERR_ARG;
        if (!sr__utf8_valid_text(imeis[i], strlen(imeis[i]), NULL))
            return SR_ERR_ENCODING;
    }
    if (n == 0) {
        sr__imei_list_free(&r->imei);
        return SR_OK;
    }
    /* built aside, so that a failure keeps the old list */
    cJSON *array = n <= INT_MAX ? cJSON_CreateStringArray(imeis, (int)n) : NULL;
    if (array == NULL || sr__imei_adopt(&r->imei, array, n) != SR_OK) {
        cJSON_Delete(array);
        return SR_ERR_NOMEM;
    }
    return SR_OK;
}

void session_report_request_clear_imei(session_report_request *r)
{
    if (r != NULL)
        sr__imei_list_free(&r->imei);
}

/* ---- unknown members ---- */

size_t session_report_request_unknown_count(const session_report_request *r)
{
    return r == NULL ? 0 : r->unknown.count;
}

const char *session_report_request_unknown_key_at(const session_report_request *r, size_t i)
{
    return r == NULL || i >= r->unknown.count ? NULL : r->unknown.items[i].item->string;
}

const char *session_report_request_unknown_value_at(const session_report_request *r, size_t i)
{
    return r == NULL || i >= r->unknown.count ? NULL : sr__member_text(&r->unknown.items[i]);
}

void session_report_request_clear_unknown(session_report_request *r)
{
    if (r != NULL)
        sr__member_list_free(&r->unknown);
}
