/* SPDX-License-Identifier: MIT */
/* The field-table engine of the responses: one table per JSON object says
 * which member goes into which slot; these functions walk a cJSON tree into
 * the slots (decode), build a tree from them (encode), free and copy them. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "json_tree.h"
#include "response_common.h"

/* A field's slot in base. */
#define SLOT(base, f)  ((void *)((char *)(base) + (f)->offset))
#define CSLOT(base, f) ((const void *)((const char *)(base) + (f)->offset))

/* ---- rows ---- */

sr_status sr__rows_reserve(sr__rows *rows, size_t row_size, size_t need)
{
    size_t cap;
    void *grown;
    if (need <= rows->cap)
        return SR_OK;
    cap = sr__grow_capacity(rows->cap, need);
    if (cap == 0 || cap > (size_t)-1 / row_size)
        return SR_ERR_NOMEM;
    grown = sr__realloc(rows->rows, cap * row_size);
    if (grown == NULL)
        return SR_ERR_NOMEM;
    rows->rows = grown;
    rows->cap = cap;
    return SR_OK;
}

void *sr__rows_push(sr__rows *rows, size_t row_size)
{
    char *row;
    if (rows->count == (size_t)-1 || sr__rows_reserve(rows, row_size, rows->count + 1) != SR_OK)
        return NULL;
    row = (char *)rows->rows + rows->count * row_size;
    memset(row, 0, row_size);
    rows->count++;
    rows->state = SR__VALUE;
    return row;
}

void *sr__rows_at(const sr__rows *rows, size_t row_size, size_t i)
{
    return i < rows->count ? (char *)rows->rows + i * row_size : NULL;
}

/* ---- text slots ---- */

sr_status sr__text_set(sr__text *slot, const char *v)
{
    sr_status st = sr__utf8_set_text(&slot->text, v);
    if (st == SR_OK)
        slot->state = v != NULL ? SR__VALUE : SR__ABSENT;
    return st;
}

const char *sr__text_get(const sr__text *slot)
{
    return slot->text;
}

/* ---- decoding ---- */

static sr_status type_error(const cJSON *item, const char *path, const char *expected,
                            sr_error *err)
{
    return sr__error_set(err, SR_ERR_TYPE, path, "expected %s, found %s", expected,
                         sr__json_kind_name(item));
}

static sr_status nomem(const char *path, sr_error *err)
{
    return sr__error_set(err, SR_ERR_NOMEM, path, "out of memory");
}

/* A string's text, checked (trees from applications may hold anything). */
static sr_status copy_string(const char *s, const char *path, char **out, sr_error *err)
{
    size_t n = strlen(s), bad = 0;
    if (!sr__utf8_valid_text(s, n, &bad))
        return sr__error_set(err, SR_ERR_ENCODING, path, "invalid string: not UTF-8 (at byte %zu)",
                             bad);
    *out = sr__strndup(s, n);
    return *out != NULL ? SR_OK : nomem(path, err);
}

/* A number's digits: a raw item's text, or a double printed exactly enough
 * to read back the same double. */
static sr_status number_text(const cJSON *item, const char *path, char **out, sr_error *err)
{
    char buf[32];
    if (cJSON_IsRaw(item))
        return copy_string(item->valuestring, path, out, err);
    double d = item->valuedouble;
    if (d > -9007199254740992.0 && d < 9007199254740992.0 && d == (double)(int64_t)d)
        snprintf(buf, sizeof buf, "%lld", (long long)d);
    else
        snprintf(buf, sizeof buf, "%.17g", item->valuedouble);
    *out = sr__strndup(buf, strlen(buf));
    return *out != NULL ? SR_OK : nomem(path, err);
}

/* Raw items hold one JSON number: the parser makes them so, and
 * sr__json_check_tree checks the trees applications give. */
static int is_number(const cJSON *item)
{
    return (cJSON_IsRaw(item) && item->valuestring != NULL) || cJSON_IsNumber(item);
}

static int is_string(const cJSON *item)
{
    return cJSON_IsString(item) && item->valuestring != NULL;
}

static sr_status decode_text(const sr__field *f, const cJSON *item, sr__text *slot,
                             const char *path, sr_error *err)
{
    char *text = NULL;
    unsigned char state;
    sr_status st;
    int digits_ok = f->kind == SR__FIELD_TEXT_OR_DIGITS;
    if (cJSON_IsNull(item) && !(f->flags & SR__FIELD_NOT_NULL)) {
        state = SR__NULL;
        st = SR_OK;
    } else if (is_string(item)) {
        state = SR__VALUE;
        st = copy_string(item->valuestring, path, &text, err);
    } else if (digits_ok && is_number(item)) {
        state = SR__DIGITS;
        st = number_text(item, path, &text, err);
    } else {
        const char *expected = (f->flags & SR__FIELD_NOT_NULL) ? "a string"
                               : digits_ok                     ? "a string, a number or null"
                                                               : "a string or null";
        return type_error(item, path, expected, err);
    }
    if (st != SR_OK)
        return st;
    sr__free(slot->text);
    slot->text = text;
    slot->state = state;
    return SR_OK;
}

static sr_status decode_count(const cJSON *item, sr__count *slot, const char *path, sr_error *err)
{
    const char *why = "";
    sr_status st;
    if (cJSON_IsNull(item)) {
        slot->state = SR__NULL;
        return SR_OK;
    }
    if (!is_number(item))
        return type_error(item, path, "an integer or null", err);
    if (cJSON_IsRaw(item))
        st =
            sr__count_from_digits(item->valuestring, strlen(item->valuestring), &slot->value, &why);
    else
        st = sr__count_from_double(item->valuedouble, &slot->value, &why);
    if (st != SR_OK) {
        char shown[48];
        if (cJSON_IsRaw(item))
            snprintf(shown, sizeof shown, "%.40s", item->valuestring);
        else
            snprintf(shown, sizeof shown, "%.17g", item->valuedouble);
        return sr__error_set(err, SR_ERR_RANGE, path,
                             "%s %s: expected a whole number in 0..9223372036854775807", shown,
                             why);
    }
    slot->state = SR__VALUE;
    return SR_OK;
}

static sr_status decode_rows(const sr__field *f, const cJSON *item, sr__rows *rows,
                             const char *path, int strict, sr_error *err)
{
    size_t n = 0, i = 0;
    const cJSON *row;
    if (cJSON_IsNull(item)) {
        rows->state = SR__NULL;
        return SR_OK;
    }
    if (!cJSON_IsArray(item))
        return type_error(item, path, "an array or null", err);
    for (row = item->child; row != NULL; row = row->next)
        n++;
    if (sr__rows_reserve(rows, f->sub->size, rows->count + n) != SR_OK)
        return nomem(path, err);
    rows->state = SR__VALUE;
    for (row = item->child; row != NULL; row = row->next, i++) {
        char row_path[SR_ERROR_PATH_SIZE];
        void *slot;
        sr_status st;
        snprintf(row_path, sizeof row_path, "%s", path);
        sr__pointer_append_index(row_path, sizeof row_path, i);
        if (!cJSON_IsObject(row))
            return type_error(row, row_path, f->sub->label, err);
        slot = sr__rows_push(rows, f->sub->size); /* reserved: cannot fail */
        st = sr__table_decode(f->sub, row, slot, row_path, strict, err);
        if (st != SR_OK)
            return st;
    }
    return SR_OK;
}

static sr_status decode_member(const sr__field *f, const cJSON *item, void *base, const char *path,
                               int strict, sr_error *err)
{
    unsigned char *state;
    switch (f->kind) {
    case SR__FIELD_TEXT:
    case SR__FIELD_TEXT_OR_DIGITS:
        return decode_text(f, item, SLOT(base, f), path, err);
    case SR__FIELD_COUNT:
        return decode_count(item, SLOT(base, f), path, err);
    case SR__FIELD_ROWS:
        return decode_rows(f, item, SLOT(base, f), path, strict, err);
    case SR__FIELD_OBJECT:
        state = SLOT(base, f);
        if (cJSON_IsNull(item)) {
            *state = SR__NULL;
            return SR_OK;
        }
        if (!cJSON_IsObject(item))
            return type_error(item, path, "an object or null", err);
        *state = SR__VALUE;
        return sr__table_decode(f->sub, item, base, path, strict, err);
    }
    return SR_OK;
}

static const sr__field *find_field(const sr__table *t, const char *key, size_t *index)
{
    for (size_t i = 0; key != NULL && i < t->count; i++) {
        if (strcmp(t->fields[i].key, key) == 0) {
            *index = i;
            return &t->fields[i];
        }
    }
    return NULL;
}

sr_status sr__table_decode(const sr__table *t, const cJSON *obj, void *base, const char *path,
                           int strict, sr_error *err)
{
    unsigned seen = 0;
    for (const cJSON *item = obj->child; item != NULL; item = item->next) {
        char member_path[SR_ERROR_PATH_SIZE];
        size_t i = 0;
        const sr__field *f = find_field(t, item->string, &i);
        sr_status st;
        snprintf(member_path, sizeof member_path, "%s", path);
        if (item->string != NULL)
            sr__pointer_append_key(member_path, sizeof member_path, item->string,
                                   strlen(item->string));
        if (f == NULL) {
            if (!strict)
                continue;
            return sr__error_set(err, SR_ERR_UNKNOWN_FIELD, member_path, "unknown member \"%.64s\"",
                                 item->string != NULL ? item->string : "");
        }
        if (seen & (1u << i)) /* only trees built by applications can do this */
            return sr__error_set(err, SR_ERR_DUPLICATE, member_path, "member \"%s\" appears twice",
                                 f->key);
        seen |= 1u << i;
        st = decode_member(f, item, base, member_path, strict, err);
        if (st != SR_OK)
            return st;
    }
    for (size_t i = 0; i < t->count; i++) {
        if ((t->fields[i].flags & SR__FIELD_REQUIRED) && !(seen & (1u << i))) {
            char member_path[SR_ERROR_PATH_SIZE];
            snprintf(member_path, sizeof member_path, "%s", path);
            sr__pointer_append_key(member_path, sizeof member_path, t->fields[i].key,
                                   strlen(t->fields[i].key));
            return sr__error_set(err, SR_ERR_MISSING, member_path,
                                 "required member \"%s\" is missing", t->fields[i].key);
        }
    }
    return SR_OK;
}

size_t sr__table_known_members(const sr__table *t, const cJSON *obj)
{
    size_t n = 0, i;
    for (const cJSON *item = obj->child; item != NULL; item = item->next)
        n += find_field(t, item->string, &i) != NULL;
    return n;
}

/* ---- encoding ---- */

static cJSON *count_item(int64_t v, int exact_raw)
{
    char digits[24];
    if (!exact_raw && v <= ((int64_t)1 << 53)) /* a double holds it exactly */
        return cJSON_CreateNumber((double)v);
    snprintf(digits, sizeof digits, "%lld", (long long)v);
    return cJSON_CreateRaw(digits);
}

static cJSON *text_item(const sr__text *slot)
{
    if (slot->state == SR__NULL)
        return cJSON_CreateNull();
    if (slot->state == SR__DIGITS)
        return cJSON_CreateRaw(slot->text);
    return cJSON_CreateString(slot->text);
}

static cJSON *encode_member(const sr__field *f, const void *base, int exact_raw)
{
    const void *slot = CSLOT(base, f);
    cJSON *item = NULL;
    switch (f->kind) {
    case SR__FIELD_TEXT:
    case SR__FIELD_TEXT_OR_DIGITS:
        return text_item(slot);
    case SR__FIELD_COUNT: {
        const sr__count *c = slot;
        return c->state == SR__NULL ? cJSON_CreateNull() : count_item(c->value, exact_raw);
    }
    case SR__FIELD_OBJECT:
        if (*(const unsigned char *)slot == SR__NULL)
            return cJSON_CreateNull();
        item = cJSON_CreateObject();
        if (item != NULL && sr__table_encode(f->sub, base, exact_raw, item) != SR_OK) {
            cJSON_Delete(item);
            item = NULL;
        }
        return item;
    case SR__FIELD_ROWS: {
        const sr__rows *rows = slot;
        if (rows->state == SR__NULL)
            return cJSON_CreateNull();
        item = cJSON_CreateArray();
        for (size_t i = 0; item != NULL && i < rows->count; i++) {
            cJSON *row = cJSON_CreateObject();
            if (row == NULL || !cJSON_AddItemToArray(item, row) ||
                sr__table_encode(f->sub, sr__rows_at(rows, f->sub->size, i), exact_raw, row) !=
                    SR_OK) {
                if (row != NULL && row->prev == NULL) /* not attached */
                    cJSON_Delete(row);
                cJSON_Delete(item);
                item = NULL;
            }
        }
        return item;
    }
    }
    return NULL;
}

static unsigned char slot_state(const sr__field *f, const void *base)
{
    const void *slot = CSLOT(base, f);
    switch (f->kind) {
    case SR__FIELD_TEXT:
    case SR__FIELD_TEXT_OR_DIGITS:
        return ((const sr__text *)slot)->state;
    case SR__FIELD_COUNT:
        return ((const sr__count *)slot)->state;
    case SR__FIELD_ROWS:
        return ((const sr__rows *)slot)->state;
    case SR__FIELD_OBJECT:
        break;
    }
    return *(const unsigned char *)slot;
}

sr_status sr__table_encode(const sr__table *t, const void *base, int exact_raw, cJSON *obj)
{
    for (size_t i = 0; i < t->count; i++) {
        const sr__field *f = &t->fields[i];
        cJSON *item;
        if (slot_state(f, base) == SR__ABSENT)
            continue;
        item = encode_member(f, base, exact_raw);
        if (item == NULL)
            return SR_ERR_NOMEM;
        if (!cJSON_AddItemToObject(obj, f->key, item)) {
            cJSON_Delete(item);
            return SR_ERR_NOMEM;
        }
    }
    return SR_OK;
}

sr_status sr__table_complete(const sr__table *t, const void *base)
{
    for (size_t i = 0; i < t->count; i++) {
        if ((t->fields[i].flags & SR__FIELD_REQUIRED) &&
            slot_state(&t->fields[i], base) == SR__ABSENT)
            return SR_ERR_MISSING;
    }
    return SR_OK;
}

/* ---- freeing and copying ---- */

void sr__table_clear(const sr__table *t, void *base)
{
    for (size_t i = 0; i < t->count; i++) {
        const sr__field *f = &t->fields[i];
        void *slot = SLOT(base, f);
        switch (f->kind) {
        case SR__FIELD_TEXT:
        case SR__FIELD_TEXT_OR_DIGITS:
            sr__free(((sr__text *)slot)->text);
            memset(slot, 0, sizeof(sr__text));
            break;
        case SR__FIELD_COUNT:
            memset(slot, 0, sizeof(sr__count));
            break;
        case SR__FIELD_OBJECT: /* its members live in the same struct */
            *(unsigned char *)slot = SR__ABSENT;
            sr__table_clear(f->sub, base);
            break;
        case SR__FIELD_ROWS: {
            sr__rows *rows = slot;
            for (size_t r = 0; r < rows->count; r++)
                sr__table_clear(f->sub, sr__rows_at(rows, f->sub->size, r));
            sr__free(rows->rows);
            memset(rows, 0, sizeof *rows);
            break;
        }
        }
    }
}

sr_status sr__table_copy(const sr__table *t, void *dst, const void *src)
{
    for (size_t i = 0; i < t->count; i++) {
        const sr__field *f = &t->fields[i];
        const void *from = CSLOT(src, f);
        void *to = SLOT(dst, f);
        sr_status st = SR_OK;
        switch (f->kind) {
        case SR__FIELD_TEXT:
        case SR__FIELD_TEXT_OR_DIGITS: {
            const sr__text *s = from;
            sr__text *d = to;
            d->state = s->state;
            if (s->text != NULL && (d->text = sr__strndup(s->text, strlen(s->text))) == NULL)
                st = SR_ERR_NOMEM;
            break;
        }
        case SR__FIELD_COUNT:
            *(sr__count *)to = *(const sr__count *)from;
            break;
        case SR__FIELD_OBJECT: /* its members live in the same struct */
            *(unsigned char *)to = *(const unsigned char *)from;
            st = sr__table_copy(f->sub, dst, src);
            break;
        case SR__FIELD_ROWS: {
            const sr__rows *s = from;
            sr__rows *d = to;
            d->state = s->state;
            if (sr__rows_reserve(d, f->sub->size, s->count) != SR_OK)
                st = SR_ERR_NOMEM;
            for (size_t r = 0; st == SR_OK && r < s->count; r++)
                st = sr__table_copy(f->sub, sr__rows_push(d, f->sub->size),
                                    sr__rows_at(s, f->sub->size, r));
            d->state = s->state; /* push marks it present */
            break;
        }
        }
        if (st != SR_OK) {
            sr__table_clear(t, dst);
            return st;
        }
    }
    return SR_OK;
}
