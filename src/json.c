/* SPDX-License-Identifier: MIT */
/* session_report_request <-> JSON on cJSON trees: sr__json_parse and
 * sr__json_print (json_tree.h) handle the text; one field table maps a
 * tree into the model and builds a tree from the model. */
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "json_check.h"
#include "json_tree.h"
#include "json_walk.h"
#include "model.h"
#include "sessreport/cjson.h"

#define STRING_OR_NULL (cJSON_String | cJSON_NULL)
#define BOOLEAN        (cJSON_True | cJSON_False)

/* State of one decode. */
typedef struct decoder {
    session_report_request *r;
    cJSON *parent; /* the document, when its items may be moved out */
    unsigned flags;
    unsigned seen;   /* one bit per sr__field */
    size_t next;     /* the fields entry after the last one found */
    const char *key; /* of the member being decoded */
    char path[SR_ERROR_PATH_SIZE];
} decoder;

/* State of one encode: borrowed trees point into the model and live no
 * longer than it (printing); owned ones are copies (to_cjson). */
typedef struct encoder {
    const session_report_request *r;
    cJSON *object;
    int copy;
} encoder;

/* A known field: every one but imei holds a string. */
typedef struct field_spec {
    const char *key;
    sr__field field;
    int kinds;            /* cJSON types accepted in every mode */
    int lax_kinds;        /* accepted too, except under SR_PARSE_STRICT */
    const char *expected; /* for messages, strict mode's view */
} field_spec;

/* The known fields in serializer order (DESIGN section 1). */
static const field_spec fields[] = {
    {"accountNumber", SR__FIELD_ACCOUNT_NUMBER, cJSON_String, 0, "string"},
    {"startDate", SR__FIELD_START_DATE, STRING_OR_NULL, 0, "string or null"},
    {"endDate", SR__FIELD_END_DATE, STRING_OR_NULL, 0, "string or null"},
    {"imei", SR__FIELD_IMEI, cJSON_Array, 0, "array of strings"},
    {"deviceGroup", SR__FIELD_DEVICE_GROUP, STRING_OR_NULL, 0, "string or null"},
    {"dataPlan", SR__FIELD_DATA_PLAN, STRING_OR_NULL, 0, "string or null"},
    {"noSessionFlag", SR__FIELD_NO_SESSION_FLAG, STRING_OR_NULL, BOOLEAN, "string or null"},
    {"deviceLabel", SR__FIELD_DEVICE_LABEL, STRING_OR_NULL, 0, "string or null"},
};
#define FIELD_COUNT (sizeof fields / sizeof fields[0])

/* ---- decoding ---- */

static const field_spec *find_field(decoder *d, const char *key)
{
    /* serializer order matches at d->next at once; the first byte rules out most others */
    for (size_t n = 0, i = d->next; n < FIELD_COUNT; n++, i = (i + 1) % FIELD_COUNT) {
        if (fields[i].key[0] == key[0] && strcmp(fields[i].key, key) == 0) {
            d->next = (i + 1) % FIELD_COUNT;
            return &fields[i];
        }
    }
    return NULL;
}

/* The pointer of the member being decoded, built only for errors. */
static char *member_path(decoder *d)
{
    d->path[0] = '\0';
    sr__pointer_append_key(d->path, sizeof d->path, d->key, strlen(d->key));
    return d->path;
}

static sr_status nomem(decoder *d, sr_error *err, const char *what)
{
    return sr__error_set(err, SR_ERR_NOMEM, member_path(d), "out of memory storing %s", what);
}

/* The string item v, moved out of a parsed document or else copied; a
 * lax boolean becomes its text. NULL when out of memory. */
static cJSON *take_string(decoder *d, cJSON *v)
{
    if ((v->type & 0xFF) != cJSON_String)
        return cJSON_CreateString((v->type & 0xFF) == cJSON_True ? "true" : "false");
    return d->parent != NULL ? cJSON_DetachItemViaPointer(d->parent, v)
                             : cJSON_CreateString(v->valuestring);
}

/* A plain field's null means absent; a nullable one's is kept. The slot
 * is empty: the check refused repeated keys. */
static sr_status decode_string(decoder *d, const field_spec *f, cJSON *v, sr_error *err)
{
    cJSON *item = NULL;
    if ((v->type & 0xFF) != cJSON_NULL && (item = take_string(d, v)) == NULL)
        return nomem(d, err, "a string");
    d->r->text[f->field] = item;
    if (sr__field_is_nullable(f->field))
        d->r->state[f->field] = item == NULL ? SR__NULL : SR__SET;
    return SR_OK;
}

/* The array, of strings only, becomes the list: moved out of a parsed
 * document, else copied. */
static sr_status decode_imei(decoder *d, cJSON *v, sr_error *err)
{
    size_t count = 0;
    for (const cJSON *item = v->child; item != NULL; item = item->next, count++) {
        if ((item->type & 0xFF) != cJSON_String) {
            sr__pointer_append_index(member_path(d), sizeof d->path, count);
            return sr__error_set(err, SR_ERR_TYPE, d->path, "expected string, found %s",
                                 sr__json_kind_name(item));
        }
    }
    cJSON *array =
        d->parent != NULL ? cJSON_DetachItemViaPointer(d->parent, v) : cJSON_Duplicate(v, 1);
    if (array != NULL && sr__imei_adopt(&d->r->imei, array, count) == SR_OK)
        return SR_OK;
    sr_status st = nomem(d, err, "the IMEI list"); /* before the key goes with the array */
    cJSON_Delete(array);
    return st;
}

/* A caller's member is copied, with its cJSON numbers turned into raw
 * items as parsed trees hold them. */
static sr_status number_to_raw(void *ctx, const sr__json_walk *w, cJSON *item, int first)
{
    (void)ctx;
    (void)w;
    (void)first;
    if (!cJSON_IsNumber(item))
        return SR_OK;
    /* cJSON's own text for its double, allocated by cJSON as cJSON_Delete
     * expects a raw item's text (see put_digits in json_tree.c). */
    char *text = cJSON_PrintUnformatted(item);
    if (text == NULL)
        return SR_ERR_NOMEM;
    item->valuestring = text;
    item->type = cJSON_Raw;
    return SR_OK;
}

static sr_status keep_unknown(decoder *d, cJSON *v, sr_error *err)
{
    cJSON *item = NULL;
    sr_status st;
    if (d->flags & SR_PARSE_STRICT)
        return sr__error_set(err, SR_ERR_UNKNOWN_FIELD, member_path(d),
                             "unknown field (not allowed under SR_PARSE_STRICT)");
    if (d->parent != NULL) {
        item = cJSON_DetachItemViaPointer(d->parent, v);
        st = SR_OK;
    } else {
        item = cJSON_Duplicate(v, 1);
        st = item == NULL ? SR_ERR_NOMEM : sr__json_walk_tree(item, number_to_raw, NULL);
    }
    if (st == SR_OK)
        st = sr__member_push(&d->r->unknown, item);
    if (st != SR_OK) {
        /* the error names the key: before the key goes with the item */
        if (st == SR_ERR_LIMIT)
            sr__error_set(err, st, member_path(d), "value longer than %zu bytes as JSON text",
                          SR_JSON_MAX_OUTPUT);
        else
            st = nomem(d, err, "an unknown field");
        cJSON_Delete(item);
        return st;
    }
    return SR_OK;
}

static sr_status decode_member(decoder *d, cJSON *v, sr_error *err)
{
    const field_spec *f = find_field(d, v->string);
    d->key = v->string;
    if (f == NULL)
        return keep_unknown(d, v, err);
    int accepted = f->kinds | ((d->flags & SR_PARSE_STRICT) ? 0 : f->lax_kinds);
    int kind = v->type & 0xFF;
    if (!(accepted & kind)) {
        return sr__error_set(err, SR_ERR_TYPE, member_path(d), "expected %s, found %s%s",
                             f->expected, sr__json_kind_name(v),
                             (f->lax_kinds & kind) ? " (not allowed under SR_PARSE_STRICT)" : "");
    }
    d->seen |= 1u << f->field;
    return f->field == SR__FIELD_IMEI ? decode_imei(d, v, err) : decode_string(d, f, v, err);
}

/* Maps the checked document into a new request. With movable, unknown
 * members are moved out of doc, else copied. */
static sr_status decode_tree(const cJSON *doc, int movable, const sr_parse_options *opts,
                             session_report_request **out, sr_error *err)
{
    decoder d;
    sr_status st = SR_OK;
    if (!cJSON_IsObject(doc))
        return sr__error_set(err, SR_ERR_TYPE, "", "expected object, found %s",
                             sr__json_kind_name(doc));
    d.r = session_report_request_new();
    if (d.r == NULL)
        return sr__error_set(err, SR_ERR_NOMEM, "", "out of memory creating the request");
    d.parent = movable ? (cJSON *)(uintptr_t)doc : NULL;
    d.flags = opts != NULL ? opts->flags : 0;
    d.seen = 0;
    d.next = 0;
    for (cJSON *v = doc->child, *next; v != NULL && st == SR_OK; v = next) {
        next = v->next; /* v may move into the request */
        st = decode_member(&d, v, err);
    }
    if (st == SR_OK && d.r->text[SR__FIELD_ACCOUNT_NUMBER] == NULL)
        st = sr__error_set(err, SR_ERR_MISSING, "/accountNumber",
                           "missing required field accountNumber (string)");
    if (st == SR_OK && !(d.seen & (1u << SR__FIELD_IMEI)))
        st = sr__error_set(err, SR_ERR_MISSING, "/imei",
                           "missing required field imei (array of strings, may be empty)");
    if (st != SR_OK) {
        session_report_request_free(d.r);
        return st;
    }
    *out = d.r;
    return SR_OK;
}

sr_status session_report_request_from_json(const char *json, size_t len,
                                           const sr_parse_options *opts,
                                           session_report_request **out, sr_error *err)
{
    cJSON *tree = NULL;
    if (out == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "out must not be NULL");
    *out = NULL;
    sr_status st = sr__json_parse(json, len, opts, &tree, err);
    if (st == SR_OK)
        st = decode_tree(tree, 1, opts, out, err);
    cJSON_Delete(tree);
    return st;
}

sr_status session_report_request_from_cjson(const cJSON *object, const sr_parse_options *opts,
                                            session_report_request **out, sr_error *err)
{
    if (out == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "out must not be NULL");
    *out = NULL;
    if (object == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "object must not be NULL");
    sr_status st = sr__json_check_tree(object, err);
    return st != SR_OK ? st : decode_tree(object, 0, opts, out, err);
}

/* ---- encoding ---- */

/* A string item: a copy, or borrowing the model's bytes (never freed by
 * cJSON: a reference). */
static cJSON *string_item(const encoder *e, const char *s)
{
    return e->copy ? cJSON_CreateString(s) : cJSON_CreateStringReference(s);
}

/* Adds item under key or, when item is NULL, fails for memory. A borrowed
 * tree never frees the key: a string literal or the model's. */
static sr_status add_item(encoder *e, const char *key, cJSON *item)
{
    if (item == NULL)
        return SR_ERR_NOMEM;
    if (!(e->copy ? cJSON_AddItemToObject(e->object, key, item)
                  : cJSON_AddItemToObjectCS(e->object, key, item))) {
        cJSON_Delete(item);
        return SR_ERR_NOMEM;
    }
    return SR_OK;
}

static sr_status encode_string(encoder *e, const field_spec *f)
{
    const char *v = sr__text(e->r->text[f->field]);
    if (e->r->state[f->field] == SR__NULL)
        return add_item(e, f->key, cJSON_CreateNull());
    return v == NULL ? SR_OK : add_item(e, f->key, string_item(e, v));
}

/* An item that prints as m's value without copying it: a reference to its
 * children or text (references never free what they point to). */
static cJSON *borrow(const cJSON *item)
{
    cJSON *ref;
    switch (item->type & 0xFF) {
    case cJSON_Array:
        return cJSON_CreateArrayReference(item->child);
    case cJSON_Object:
        return cJSON_CreateObjectReference(item->child);
    case cJSON_String:
        return cJSON_CreateStringReference(item->valuestring);
    case cJSON_Raw:
        /* cJSON has no raw reference constructor: a string reference
         * retyped, which cJSON_Delete treats the same (it frees neither). */
        ref = cJSON_CreateStringReference(item->valuestring);
        if (ref != NULL)
            ref->type = cJSON_Raw | cJSON_IsReference;
        return ref;
    case cJSON_NULL:
        return cJSON_CreateNull();
    default:
        return cJSON_CreateBool(cJSON_IsTrue(item));
    }
}

/* A model's tree (the IMEI array, an unknown member): copied, or
 * borrowed. */
static sr_status encode_tree(encoder *e, const char *key, const cJSON *item)
{
    return add_item(e, key, e->copy ? cJSON_Duplicate(item, 1) : borrow(item));
}

static sr_status build_tree(const session_report_request *r, int copy, cJSON **out)
{
    encoder e = {r, cJSON_CreateObject(), copy};
    sr_status st = e.object == NULL ? SR_ERR_NOMEM : SR_OK;
    for (size_t i = 0; i < FIELD_COUNT && st == SR_OK; i++)
        st = fields[i].field != SR__FIELD_IMEI ? encode_string(&e, &fields[i])
             : r->imei.array == NULL           ? add_item(&e, fields[i].key, cJSON_CreateArray())
                                               : encode_tree(&e, fields[i].key, r->imei.array);
    for (size_t i = 0; i < r->unknown.count && st == SR_OK; i++)
        st = encode_tree(&e, r->unknown.items[i].item->string, r->unknown.items[i].item);
    if (st != SR_OK) {
        cJSON_Delete(e.object);
        return st;
    }
    *out = e.object;
    return SR_OK;
}

/* What both encoders refuse: no request, or one without an account number
 * (DESIGN section 4: to_json does not run validation, but needs that). */
static sr_status encodable(const session_report_request *r)
{
    if (r == NULL)
        return SR_ERR_ARG;
    return r->text[SR__FIELD_ACCOUNT_NUMBER] == NULL ? SR_ERR_MISSING : SR_OK;
}

sr_status session_report_request_to_cjson(const session_report_request *r, cJSON **out)
{
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    sr_status st = encodable(r);
    return st == SR_OK ? build_tree(r, 1, out) : st;
}

sr_status session_report_request_to_json(const session_report_request *r, unsigned flags,
                                         char **out, size_t *out_len)
{
    cJSON *tree = NULL;
    if (out_len != NULL)
        *out_len = 0;
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    sr_status st = encodable(r);
    if (st == SR_OK)
        st = build_tree(r, 0, &tree);
    if (st == SR_OK)
        st = sr__json_print(tree, flags, out, out_len);
    cJSON_Delete(tree);
    return st;
}
