/* SPDX-License-Identifier: MIT */
/* The field-table engine of the responses: one table per JSON object says
 * which member goes into which slot; these functions walk a cJSON tree into
 * the slots (decode), build a tree from them (encode) and free them. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "json_tree.h"
#include "response_common.h"

/* A field's slot in base; every slot starts with its state. */
#define SLOT(base, f)  ((void *)((char *)(base) + (f)->offset))
#define CSLOT(base, f) ((const void *)((const char *)(base) + (f)->offset))
#define STATE(base, f) (*(const unsigned char *)CSLOT(base, f))

/* ---- rows ---- */

static sr_status rows_reserve(sr__rows *rows, size_t row_size, size_t need)
{
    if (need <= rows->cap)
        return SR_OK;
    void *grown = sr__grow_array(rows->rows, &rows->cap, need, row_size);
    if (grown == NULL)
        return SR_ERR_NOMEM;
    rows->rows = grown;
    return SR_OK;
}

void *sr__rows_push(sr__rows *rows, size_t row_size, const void *bytes)
{
    char *row;
    if (rows->count == (size_t)-1 || rows_reserve(rows, row_size, rows->count + 1) != SR_OK)
        return NULL;
    row = (char *)rows->rows + rows->count * row_size;
    if (bytes != NULL)
        memcpy(row, bytes, row_size);
    else
        memset(row, 0, row_size);
    rows->count++;
    rows->state = SR__VALUE;
    return row;
}

sr_status sr__rows_add(sr__rows *rows, const sr__table *t, void *row, sr_status st)
{
    if (st == SR_OK && sr__rows_push(rows, t->size, row) != NULL)
        return SR_OK;
    sr__table_clear(t, row);
    return st != SR_OK ? st : SR_ERR_NOMEM;
}

void *sr__rows_at(const sr__rows *rows, size_t row_size, size_t i)
{
    return i < rows->count ? (char *)rows->rows + i * row_size : NULL;
}

void sr__rows_restore(sr__rows *rows, const sr__table *row, const sr__rows *before)
{
    for (; rows->count > before->count; rows->count--)
        sr__table_clear(row, sr__rows_at(rows, row->size, rows->count - 1));
    rows->state = before->state;
}

/* ---- text slots ---- */

sr_status sr__text_set(sr__text *slot, const char *v)
{
    sr_status st = sr__utf8_set_text(&slot->text, v);
    if (st == SR_OK)
        slot->state = v != NULL ? SR__VALUE : SR__ABSENT;
    return st;
}

unsigned char sr__object_state(const sr__table *sub, const void *base)
{
    for (size_t i = 0; i < sub->count; i++) {
        const sr__text *member = CSLOT(base, &sub->fields[i]);
        if (member->text != NULL)
            return SR__VALUE;
    }
    return SR__ABSENT;
}

/* ---- decoding ---- */

/* Raw items hold one JSON number: the parser makes them so, and
 * sr__json_check_tree checks the trees applications give. */
static int is_number(const cJSON *item)
{
    return (cJSON_IsRaw(item) && item->valuestring != NULL) || cJSON_IsNumber(item);
}

/* A number's text: a raw item's digits, or a double printed exactly enough
 * to read back the same double (whole values below 2^53 as plain digits;
 * + 0.0 prints -0 as 0). */
static const char *number_text(const cJSON *item, char buf[32])
{
    if (cJSON_IsRaw(item))
        return item->valuestring;
    snprintf(buf, 32, "%.17g", item->valuedouble + 0.0);
    return buf;
}

/* A copy of s into a text slot: the strict check, or sr__json_check_tree for
 * trees applications build, has made sure it is UTF-8 without NUL. */
static sr_status copy_text(sr__text *slot, unsigned char state, const char *s, const char *path,
                           sr_error *err)
{
    slot->state = state; /* a failed decode only clears the slot */
    slot->text = sr__strndup(s, strlen(s));
    return slot->text != NULL ? SR_OK : sr__error_set(err, SR_ERR_NOMEM, path, "out of memory");
}

static sr_status decode_count(const cJSON *item, sr__count *slot, const char *path, sr_error *err)
{
    const char *why = "";
    char buf[32];
    sr_status st = cJSON_IsRaw(item)
                       ? sr__count_from_digits(item->valuestring, strlen(item->valuestring),
                                               &slot->value, &why)
                       : sr__count_from_double(item->valuedouble, &slot->value, &why);
    if (st != SR_OK)
        return sr__error_set(err, SR_ERR_RANGE, path,
                             "%.40s %s: expected a whole number in 0..9223372036854775807",
                             number_text(item, buf), why);
    slot->state = SR__VALUE;
    return SR_OK;
}

static sr_status decode_rows(const sr__table *row, const cJSON *array, sr__rows *rows,
                             const char *path, int strict, sr_error *err)
{
    size_t i = 0;
    sr_status st = SR_OK;
    if (rows_reserve(rows, row->size, rows->count + (size_t)cJSON_GetArraySize(array)) != SR_OK)
        return sr__error_set(err, SR_ERR_NOMEM, path, "out of memory");
    rows->state = SR__VALUE;
    for (const cJSON *item = array->child; st == SR_OK && item != NULL; item = item->next, i++) {
        char at[SR_ERROR_PATH_SIZE];
        snprintf(at, sizeof at, "%s", path);
        sr__pointer_append_index(at, sizeof at, i);
        if (!cJSON_IsObject(item))
            return sr__error_set(err, SR_ERR_TYPE, at, "expected %s, found %s", row->label,
                                 sr__json_kind_name(item));
        /* reserved: the push cannot fail */
        st = sr__table_decode(row, item, sr__rows_push(rows, row->size, NULL), at, strict, err);
    }
    return st;
}

static sr_status decode_member(const sr__field *f, const cJSON *item, void *base, const char *path,
                               int strict, sr_error *err)
{
    static const char *const expected_by_kind[] = {"a string", "a string, a number", "an integer",
                                                   "an object", "an array"};
    void *slot = SLOT(base, f);
    int nullable = !(f->flags & SR__FIELD_REQUIRED);
    char buf[32];
    if (nullable && cJSON_IsNull(item)) {
        *(unsigned char *)slot = SR__NULL;
        return SR_OK;
    }
    if (f->kind <= SR__FIELD_TEXT_OR_DIGITS && cJSON_IsString(item) && item->valuestring != NULL)
        return copy_text(slot, SR__VALUE, item->valuestring, path, err);
    if (f->kind == SR__FIELD_TEXT_OR_DIGITS && is_number(item))
        return copy_text(slot, SR__DIGITS, number_text(item, buf), path, err);
    if (f->kind == SR__FIELD_COUNT && is_number(item))
        return decode_count(item, slot, path, err);
    if (f->kind == SR__FIELD_ROWS && cJSON_IsArray(item))
        return decode_rows(f->sub, item, slot, path, strict, err);
    if (f->kind == SR__FIELD_OBJECT && cJSON_IsObject(item)) {
        *(unsigned char *)slot = SR__VALUE;
        return sr__table_decode(f->sub, item, base, path, strict, err);
    }
    return sr__error_set(err, SR_ERR_TYPE, path, "expected %s%s, found %s",
                         expected_by_kind[f->kind], nullable ? " or null" : "",
                         sr__json_kind_name(item));
}

static const sr__field *find_field(const sr__table *t, const char *key)
{
    for (size_t i = 0; i < t->count; i++) {
        if (strcmp(t->fields[i].key, key) == 0)
            return &t->fields[i];
    }
    return NULL;
}

static void member_path(char *out, const char *path, const char *key)
{
    snprintf(out, SR_ERROR_PATH_SIZE, "%s", path);
    sr__pointer_append_key(out, SR_ERROR_PATH_SIZE, key, strlen(key));
}

sr_status sr__table_decode(const sr__table *t, const cJSON *obj, void *base, const char *path,
                           int strict, sr_error *err)
{
    char at[SR_ERROR_PATH_SIZE];
    sr_status st = SR_OK;
    for (const cJSON *item = obj->child; st == SR_OK && item != NULL; item = item->next) {
        const sr__field *f = find_field(t, item->string);
        if (f == NULL && !strict)
            continue;
        member_path(at, path, item->string);
        st = f != NULL ? decode_member(f, item, base, at, strict, err)
                       : sr__error_set(err, SR_ERR_UNKNOWN_FIELD, at, "unknown member \"%.64s\"",
                                       item->string);
    }
    /* a required member, once read, is a value: it cannot be null */
    for (size_t i = 0; st == SR_OK && i < t->count; i++) {
        if ((t->fields[i].flags & SR__FIELD_REQUIRED) && STATE(base, &t->fields[i]) == SR__ABSENT) {
            member_path(at, path, t->fields[i].key);
            return sr__error_set(err, SR_ERR_MISSING, at, "required member \"%s\" is missing",
                                 t->fields[i].key);
        }
    }
    return st;
}

size_t sr__table_known_members(const sr__table *t, const cJSON *obj)
{
    size_t n = 0;
    for (const cJSON *item = obj->child; item != NULL; item = item->next)
        n += find_field(t, item->string) != NULL;
    return n;
}

/* ---- encoding ---- */

/* Member f of base, which is not absent, as a new item; an object or array
 * comes empty, filled once it hangs in the tree that frees it. */
static cJSON *new_item(const sr__field *f, const void *base, int exact_raw)
{
    const sr__text *text = CSLOT(base, f);
    const sr__count *count = CSLOT(base, f);
    char digits[24];
    if (STATE(base, f) == SR__NULL)
        return cJSON_CreateNull();
    if (f->kind == SR__FIELD_OBJECT)
        return cJSON_CreateObject();
    if (f->kind == SR__FIELD_ROWS)
        return cJSON_CreateArray();
    if (f->kind != SR__FIELD_COUNT)
        return text->state == SR__DIGITS ? cJSON_CreateRaw(text->text)
                                         : cJSON_CreateString(text->text);
    if (!exact_raw && count->value <= ((int64_t)1 << 53)) /* a double holds it exactly */
        return cJSON_CreateNumber((double)count->value);
    snprintf(digits, sizeof digits, "%lld", (long long)count->value);
    return cJSON_CreateRaw(digits);
}

/* Adds base's members that are not absent to obj, in table order. */
static sr_status encode_into(const sr__table *t, const void *base, int exact_raw, cJSON *obj)
{
    sr_status st = SR_OK;
    for (size_t i = 0; st == SR_OK && i < t->count; i++) {
        const sr__field *f = &t->fields[i];
        const sr__rows *rows = CSLOT(base, f);
        cJSON *item;
        if (STATE(base, f) == SR__ABSENT) {
            st = (f->flags & SR__FIELD_REQUIRED) ? SR_ERR_MISSING : SR_OK;
            continue;
        }
        item = new_item(f, base, exact_raw);
        if (!cJSON_AddItemToObject(obj, f->key, item)) {
            cJSON_Delete(item);
            return SR_ERR_NOMEM;
        }
        if (cJSON_IsObject(item)) /* its members live in the same struct */
            st = encode_into(f->sub, base, exact_raw, item);
        for (size_t r = 0; st == SR_OK && cJSON_IsArray(item) && r < rows->count; r++) {
            cJSON *row = cJSON_CreateObject();
            st = cJSON_AddItemToArray(item, row)
                     ? encode_into(f->sub, sr__rows_at(rows, f->sub->size, r), exact_raw, row)
                     : SR_ERR_NOMEM;
        }
    }
    return st;
}

sr_status sr__table_encode(const sr__table *t, const void *base, int exact_raw, cJSON **out)
{
    sr_status st;
    *out = cJSON_CreateObject();
    st = *out != NULL ? encode_into(t, base, exact_raw, *out) : SR_ERR_NOMEM;
    if (st != SR_OK) {
        cJSON_Delete(*out);
        *out = NULL;
    }
    return st;
}

/* ---- freeing and copying ---- */

void sr__table_clear(const sr__table *t, void *base)
{
    static const sr__rows none = {0}; /* restoring it frees every row */
    for (size_t i = 0; i < t->count; i++) {
        const sr__field *f = &t->fields[i];
        void *slot = SLOT(base, f);
        if (f->kind == SR__FIELD_TEXT || f->kind == SR__FIELD_TEXT_OR_DIGITS) {
            sr__free(((sr__text *)slot)->text);
        } else if (f->kind == SR__FIELD_OBJECT) { /* its members live in the same struct */
            sr__table_clear(f->sub, base);
        } else if (f->kind == SR__FIELD_ROWS) {
            sr__rows_restore(slot, f->sub, &none);
            sr__free(((sr__rows *)slot)->rows);
        }
    }
}

/* Gives row, a byte copy of another, texts of its own; out of memory, the
 * texts not copied yet are dropped, so that clearing row frees the rest. */
static sr_status own_texts(const sr__table *t, void *row, sr_status st)
{
    for (size_t i = 0; i < t->count; i++) {
        const sr__field *f = &t->fields[i];
        sr__text *text = SLOT(row, f);
        if (f->kind == SR__FIELD_OBJECT) { /* its members live in the same struct */
            st = own_texts(f->sub, row, st);
        } else if (f->kind <= SR__FIELD_TEXT_OR_DIGITS && text->text != NULL) {
            text->text = st == SR_OK ? sr__strndup(text->text, strlen(text->text)) : NULL;
            st = text->text != NULL ? SR_OK : SR_ERR_NOMEM;
        }
    }
    return st;
}

/* Rows hold no rows: a copy is a byte copy that then owns its texts. */
sr_status sr__rows_append(const sr__field *f, void *dst, const void *src)
{
    sr__rows *rows = SLOT(dst, f);
    const sr__rows *from = CSLOT(src, f); /* src may be dst: then from is rows */
    const sr__rows before = *rows;
    size_t n = from->count, size = f->sub->size;
    sr_status st = rows_reserve(rows, size, rows->count + n); /* the pushes cannot fail */
    for (size_t i = 0; st == SR_OK && i < n; i++)
        st = own_texts(f->sub, sr__rows_push(rows, size, sr__rows_at(from, size, i)), SR_OK);
    if (st != SR_OK)
        sr__rows_restore(rows, f->sub, &before);
    return st;
}
