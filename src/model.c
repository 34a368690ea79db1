/* SPDX-License-Identifier: MIT */
/* session_report_request: storage, lifetime, getters and setters. */
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "json_tree.h"
#include "model.h"

/* ---- internal mutators ---- */

char **sr__plain_slot(session_report_request *r, sr__field f)
{
    switch (f) {
    case SR__FIELD_ACCOUNT_NUMBER:
        return &r->account_number;
    case SR__FIELD_START_DATE:
        return &r->start_date;
    case SR__FIELD_END_DATE:
        return &r->end_date;
    case SR__FIELD_NO_SESSION_FLAG:
        return &r->no_session_flag;
    default:
        return NULL;
    }
}

const char *sr__plain_value(const session_report_request *r, sr__field f)
{
    /* The slot lookup does not write; the cast only reuses the switch. */
    char **slot = sr__plain_slot((session_report_request *)(uintptr_t)r, f);
    return slot == NULL ? NULL : *slot;
}

sr__nullable *sr__nullable_slot(session_report_request *r, sr__field f)
{
    switch (f) {
    case SR__FIELD_DEVICE_GROUP:
        return &r->device_group;
    case SR__FIELD_DATA_PLAN:
        return &r->data_plan;
    case SR__FIELD_DEVICE_LABEL:
        return &r->device_label;
    default:
        return NULL;
    }
}

const sr__nullable *sr__nullable_slot_const(const session_report_request *r, sr__field f)
{
    return sr__nullable_slot((session_report_request *)(uintptr_t)r, f);
}

static void nullable_clear(sr__nullable *n, sr__presence state)
{
    sr__free(n->value);
    n->value = NULL;
    n->state = state;
}

sr_status sr__imei_reserve(sr__imei_list *l, size_t count, size_t chars)
{
    if (l->count + count > l->cap) {
        size_t need = l->count + count;
        if (need < l->count || need > (size_t)-1 / sizeof *l->offsets)
            return SR_ERR_NOMEM;
        size_t *offsets = sr__realloc(l->offsets, need * sizeof *offsets);
        if (offsets == NULL)
            return SR_ERR_NOMEM;
        l->offsets = offsets;
        l->cap = need;
    }
    if (l->chars_len + chars > l->chars_cap) {
        size_t need = l->chars_len + chars;
        if (need < l->chars_len)
            return SR_ERR_NOMEM;
        char *buf = sr__realloc(l->chars, need);
        if (buf == NULL)
            return SR_ERR_NOMEM;
        l->chars = buf;
        l->chars_cap = need;
    }
    return SR_OK;
}

/* 1 when p points into the list's own buffer: growing it would free p. */
static int points_into(const sr__imei_list *l, const char *p)
{
    uintptr_t at = (uintptr_t)p, base = (uintptr_t)l->chars;
    return l->chars != NULL && at >= base && at - base < l->chars_len;
}

sr_status sr__imei_push(sr__imei_list *l, const char *s, size_t len)
{
    /* s may point into the buffer that grows: find it again by its offset */
    int inside = points_into(l, s);
    size_t at = inside ? (size_t)(s - l->chars) : 0;
    if (l->count == l->cap || l->chars_cap - l->chars_len < len + 1) {
        /* amortized O(1): grow geometrically */
        size_t cap = l->count < l->cap ? l->cap : sr__grow_capacity(l->cap, l->count + 1);
        size_t chars = l->chars_cap - l->chars_len >= len + 1
                           ? l->chars_cap
                           : sr__grow_capacity(l->chars_cap, l->chars_len + len + 1);
        if (cap == 0 || chars == 0)
            return SR_ERR_NOMEM;
        sr_status st = sr__imei_reserve(l, cap - l->count, chars - l->chars_len);
        if (st != SR_OK)
            return st;
    }
    if (inside)
        s = l->chars + at;
    l->offsets[l->count] = l->chars_len;
    memcpy(l->chars + l->chars_len, s, len);
    l->chars[l->chars_len + len] = '\0';
    l->chars_len += len + 1;
    l->count++;
    return SR_OK;
}

size_t sr__imei_len(const sr__imei_list *l, size_t i)
{
    size_t end = i + 1 < l->count ? l->offsets[i + 1] : l->chars_len;
    return end - l->offsets[i] - 1;
}

void sr__imei_list_free(sr__imei_list *l)
{
    sr__free(l->chars);
    sr__free(l->offsets);
    memset(l, 0, sizeof *l);
}

sr_status sr__member_push(sr__member_list *l, cJSON *item)
{
    char *text = NULL;
    if (l->count == l->cap) {
        size_t cap = sr__grow_capacity(l->cap, l->count + 1);
        if (cap == 0 || cap > (size_t)-1 / sizeof *l->items)
            return SR_ERR_NOMEM;
        sr__member *items = sr__realloc(l->items, cap * sizeof *items);
        if (items == NULL)
            return SR_ERR_NOMEM;
        l->items = items;
        l->cap = cap;
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
    return sr__calloc(1, sizeof(session_report_request));
}

void session_report_request_free(session_report_request *r)
{
    if (r == NULL)
        return;
    for (int f = 0; f < SR__FIELD_COUNT; f++) {
        char **slot = sr__plain_slot(r, (sr__field)f);
        sr__nullable *n = sr__nullable_slot(r, (sr__field)f);
        if (slot != NULL)
            sr__free(*slot);
        if (n != NULL)
            sr__free(n->value);
    }
    sr__imei_list_free(&r->imei);
    sr__member_list_free(&r->unknown);
    sr__free(r);
}

static sr_status copy_optional(char **dst, const char *src)
{
    return src == NULL ? SR_OK : sr__replace_string(dst, src, strlen(src));
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
    for (int f = 0; f < SR__FIELD_COUNT && st == SR_OK; f++) {
        char **slot = sr__plain_slot(c, (sr__field)f);
        sr__nullable *n = sr__nullable_slot(c, (sr__field)f);
        if (slot != NULL)
            st = copy_optional(slot, sr__plain_value(r, (sr__field)f));
        if (n != NULL) {
            const sr__nullable *src = sr__nullable_slot_const(r, (sr__field)f);
            n->state = src->state;
            st = copy_optional(&n->value, src->value);
        }
    }
    if (st == SR_OK && r->imei.count > 0) {
        st = sr__imei_reserve(&c->imei, r->imei.count, r->imei.chars_len);
        if (st == SR_OK) {
            memcpy(c->imei.chars, r->imei.chars, r->imei.chars_len);
            memcpy(c->imei.offsets, r->imei.offsets, r->imei.count * sizeof *r->imei.offsets);
            c->imei.chars_len = r->imei.chars_len;
            c->imei.count = r->imei.count;
        }
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
        const sr__nullable *na = sr__nullable_slot_const(a, (sr__field)f);
        const sr__nullable *nb = sr__nullable_slot_const(b, (sr__field)f);
        if (na != NULL && (na->state != nb->state || !same_string(na->value, nb->value)))
            return 0;
        if (!same_string(sr__plain_value(a, (sr__field)f), sr__plain_value(b, (sr__field)f)))
            return 0;
    }
    if (a->imei.count != b->imei.count || a->imei.chars_len != b->imei.chars_len)
        return 0;
    if (a->imei.count > 0 &&
        (memcmp(a->imei.chars, b->imei.chars, a->imei.chars_len) != 0 ||
         memcmp(a->imei.offsets, b->imei.offsets, a->imei.count * sizeof *a->imei.offsets) != 0))
        return 0;
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

static sr_status set_plain(session_report_request *r, sr__field f, const char *v)
{
    if (r == NULL)
        return SR_ERR_ARG;
    return sr__utf8_set_text(sr__plain_slot(r, f), v);
}

static const char *get_plain(const session_report_request *r, sr__field f)
{
    return r == NULL ? NULL : sr__plain_value(r, f);
}

static sr_status set_nullable(session_report_request *r, sr__field f, const char *v)
{
    if (r == NULL)
        return SR_ERR_ARG;
    sr__nullable *n = sr__nullable_slot(r, f);
    if (v == NULL) {
        nullable_clear(n, SR__ABSENT);
        return SR_OK;
    }
    sr_status st = sr__utf8_set_text(&n->value, v);
    if (st == SR_OK)
        n->state = SR__SET;
    return st;
}

static sr_status set_nullable_null(session_report_request *r, sr__field f)
{
    if (r == NULL)
        return SR_ERR_ARG;
    nullable_clear(sr__nullable_slot(r, f), SR__NULL);
    return SR_OK;
}

static void unset_nullable(session_report_request *r, sr__field f)
{
    if (r != NULL)
        nullable_clear(sr__nullable_slot(r, f), SR__ABSENT);
}

static const char *get_nullable(const session_report_request *r, sr__field f)
{
    return r == NULL ? NULL : sr__nullable_slot_const(r, f)->value;
}

static int nullable_is(const session_report_request *r, sr__field f, int want_null)
{
    if (r == NULL)
        return 0;
    sr__presence state = sr__nullable_slot_const(r, f)->state;
    return want_null ? state == SR__NULL : state != SR__ABSENT;
}

#define SR__PLAIN_ACCESSORS(stem, field)                                                           \
    sr_status session_report_request_set_##stem(session_report_request *r, const char *v)          \
    {                                                                                              \
        return set_plain(r, field, v);                                                             \
    }                                                                                              \
    const char *session_report_request_get_##stem(const session_report_request *r)                 \
    {                                                                                              \
        return get_plain(r, field);                                                                \
    }

SR__PLAIN_ACCESSORS(account_number, SR__FIELD_ACCOUNT_NUMBER)
SR__PLAIN_ACCESSORS(start_date, SR__FIELD_START_DATE)
SR__PLAIN_ACCESSORS(end_date, SR__FIELD_END_DATE)
SR__PLAIN_ACCESSORS(no_session_flag, SR__FIELD_NO_SESSION_FLAG)

#define SR__NULLABLE_ACCESSORS(stem, field)                                                        \
    sr_status session_report_request_set_##stem(session_report_request *r, const char *v)          \
    {                                                                                              \
        return set_nullable(r, field, v);                                                          \
    }                                                                                              \
    sr_status session_report_request_set_##stem##_null(session_report_request *r)                  \
    {                                                                                              \
        return set_nullable_null(r, field);                                                        \
    }                                                                                              \
    void session_report_request_unset_##stem(session_report_request *r)                            \
    {                                                                                              \
        unset_nullable(r, field);                                                                  \
    }                                                                                              \
    const char *session_report_request_get_##stem(const session_report_request *r)                 \
    {                                                                                              \
        return get_nullable(r, field);                                                             \
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
    return r->imei.chars + r->imei.offsets[i];
}

sr_status session_report_request_add_imei(session_report_request *r, const char *imei)
{
    if (r == NULL || imei == NULL)
        return SR_ERR_ARG;
    size_t len = strlen(imei);
    if (!sr__utf8_valid_text(imei, len, NULL))
        return SR_ERR_ENCODING;
    return sr__imei_push(&r->imei, imei, len);
}

sr_status session_report_request_remove_imei(session_report_request *r, size_t i)
{
    if (r == NULL || i >= r->imei.count)
        return SR_ERR_ARG;
    sr__imei_list *l = &r->imei;
    size_t gone = sr__imei_len(l, i) + 1;
    size_t start = l->offsets[i];
    memmove(l->chars + start, l->chars + start + gone, l->chars_len - start - gone);
    for (size_t k = i; k + 1 < l->count; k++)
        l->offsets[k] = l->offsets[k + 1] - gone;
    l->chars_len -= gone;
    l->count--;
    return SR_OK;
}

sr_status session_report_request_set_imei(session_report_request *r, const char *const *imeis,
                                          size_t n)
{
    if (r == NULL || (imeis == NULL && n > 0))
        return SR_ERR_ARG;
    size_t chars = 0;
    for (size_t i = 0; i < n; i++) {
        if (imeis[i] == NULL)
            return SR_ERR_ARG;
        size_t len = strlen(imeis[i]);
        if (!sr__utf8_valid_text(imeis[i], len, NULL))
            return SR_ERR_ENCODING;
        chars += len + 1;
    }
    /* Build the new list aside so that a failure keeps the old one. */
    sr__imei_list fresh = {0};
    sr_status st = n == 0 ? SR_OK : sr__imei_reserve(&fresh, n, chars);
    for (size_t i = 0; i < n && st == SR_OK; i++)
        st = sr__imei_push(&fresh, imeis[i], strlen(imeis[i]));
    if (st != SR_OK) {
        sr__imei_list_free(&fresh);
        return st;
    }
    sr__imei_list_free(&r->imei);
    r->imei = fresh;
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
