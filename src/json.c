/* SPDX-License-Identifier: MIT */
/* session_report_request <-> JSON: the strict scanner gates the input, cJSON
 * decodes the known values, json_write encodes; one field table drives both. */
#include <string.h>

#include <cjson/cJSON.h>

#include "internal.h"
#include "json_scan.h"
#include "json_write.h"
#include "model.h"
#include "sessreport/json.h"

#define KIND(k) (1u << (k))

/* State of one decode. */
typedef struct decoder {
    session_report_request *r;
    unsigned flags;
    unsigned seen; /* one bit per sr__field */
} decoder;

typedef struct field_spec field_spec;
typedef sr_status (*decode_fn)(decoder *d, const field_spec *f, const sr__json_value *v,
                               sr_error *err);
typedef void (*encode_fn)(sr__jw *w, const session_report_request *r, const field_spec *f);

struct field_spec {
    const char *key;
    size_t key_len;
    sr__field field;
    unsigned kinds;       /* JSON kinds accepted in every mode */
    unsigned lax_kinds;   /* accepted too, except under SR_PARSE_STRICT */
    const char *expected; /* for messages, strict mode's view */
    decode_fn decode;
    encode_fn encode;
};

static sr_status decode_plain(decoder *d, const field_spec *f, const sr__json_value *v,
                              sr_error *err);
static sr_status decode_nullable(decoder *d, const field_spec *f, const sr__json_value *v,
                                 sr_error *err);
static sr_status decode_imei(decoder *d, const field_spec *f, const sr__json_value *v,
                             sr_error *err);
static void encode_plain(sr__jw *w, const session_report_request *r, const field_spec *f);
static void encode_nullable(sr__jw *w, const session_report_request *r, const field_spec *f);
static void encode_imei(sr__jw *w, const session_report_request *r, const field_spec *f);

#define KEY(s)         (s), sizeof(s) - 1
#define STRING_OR_NULL (KIND(SR__KIND_STRING) | KIND(SR__KIND_NULL))
#define BOOLEAN        (KIND(SR__KIND_TRUE) | KIND(SR__KIND_FALSE))

/* The known fields in serializer order (DESIGN section 1). */
static const field_spec fields[] = {
    {KEY("accountNumber"), SR__FIELD_ACCOUNT_NUMBER, KIND(SR__KIND_STRING), 0, "string",
     decode_plain, encode_plain},
    {KEY("startDate"), SR__FIELD_START_DATE, STRING_OR_NULL, 0, "string or null", decode_plain,
     encode_plain},
    {KEY("endDate"), SR__FIELD_END_DATE, STRING_OR_NULL, 0, "string or null", decode_plain,
     encode_plain},
    {KEY("imei"), SR__FIELD_IMEI, KIND(SR__KIND_ARRAY), 0, "array of strings", decode_imei,
     encode_imei},
    {KEY("deviceGroup"), SR__FIELD_DEVICE_GROUP, STRING_OR_NULL, 0, "string or null",
     decode_nullable, encode_nullable},
    {KEY("dataPlan"), SR__FIELD_DATA_PLAN, STRING_OR_NULL, 0, "string or null", decode_nullable,
     encode_nullable},
    {KEY("noSessionFlag"), SR__FIELD_NO_SESSION_FLAG, STRING_OR_NULL, BOOLEAN, "string or null",
     decode_plain, encode_plain},
    {KEY("deviceLabel"), SR__FIELD_DEVICE_LABEL, STRING_OR_NULL, 0, "string or null",
     decode_nullable, encode_nullable},
};
#define FIELD_COUNT (sizeof fields / sizeof fields[0])

/* ---- decoding ---- */

static const field_spec *find_field(const char *key, size_t key_len)
{
    for (size_t i = 0; i < FIELD_COUNT; i++) {
        if (fields[i].key_len == key_len && memcmp(fields[i].key, key, key_len) == 0)
            return &fields[i];
    }
    return NULL;
}

/* A scanned string value decoded by cJSON into *slot. */
static sr_status store_string(char **slot, const sr__json_value *v, sr_error *err)
{
    cJSON *item = cJSON_ParseWithLength(v->raw, v->raw_len);
    sr_status st;
    /* The scanner accepted this span, so cJSON can only fail for memory. */
    if (item == NULL || !cJSON_IsString(item)) {
        st = sr__error_set(err, SR_ERR_NOMEM, v->path, "out of memory decoding a string");
        goto cleanup;
    }
    st = sr__replace_string(slot, item->valuestring, strlen(item->valuestring));
    if (st != SR_OK)
        sr__error_set(err, st, v->path, "out of memory storing a string");
cleanup:
    cJSON_Delete(item);
    return st;
}

static sr_status decode_plain(decoder *d, const field_spec *f, const sr__json_value *v,
                              sr_error *err)
{
    char **slot = sr__plain_slot(d->r, f->field);
    const char *flag;
    (void)d;
    switch (v->kind) {
    case SR__KIND_NULL:
        return SR_OK; /* null means absent */
    case SR__KIND_TRUE:
    case SR__KIND_FALSE:
        flag = v->kind == SR__KIND_TRUE ? "true" : "false";
        if (sr__replace_string(slot, flag, strlen(flag)) != SR_OK)
            return sr__error_set(err, SR_ERR_NOMEM, v->path, "out of memory storing a string");
        return SR_OK;
    default:
        return store_string(slot, v, err);
    }
}

static sr_status decode_nullable(decoder *d, const field_spec *f, const sr__json_value *v,
                                 sr_error *err)
{
    sr__nullable *slot = sr__nullable_slot(d->r, f->field);
    if (v->kind == SR__KIND_NULL) {
        sr__free(slot->value);
        slot->value = NULL;
        slot->state = SR__NULL;
        return SR_OK;
    }
    sr_status st = store_string(&slot->value, v, err);
    if (st == SR_OK)
        slot->state = SR__SET;
    return st;
}

/* The IMEIs are read straight from the scanned span rather than through a
 * cJSON tree: a 10000-item list would otherwise be parsed twice, and the
 * whole decode must stay within 1.5x of one cJSON parse. One pass: the
 * scanner counted the items, and the span bounds their bytes (each item's
 * decoded bytes plus terminator fit in its quotes and separator). */
static sr_status decode_imei(decoder *d, const field_spec *f, const sr__json_value *v,
                             sr_error *err)
{
    sr__json_cursor c;
    const char *item;
    size_t item_len, index = 0, scratch_cap = 0;
    sr__kind kind;
    char *scratch = NULL;
    sr_status st;
    (void)f;

    st = sr__imei_reserve(&d->r->imei, v->items, v->raw_len - v->items);
    sr__json_array_begin(&c, v->raw, v->raw_len);
    while (st == SR_OK && sr__json_array_next(&c, &item, &item_len, &kind)) {
        if (kind != SR__KIND_STRING) {
            char path[SR_ERROR_PATH_SIZE];
            memcpy(path, v->path, strlen(v->path) + 1);
            sr__pointer_append_index(path, sizeof path, index);
            st = sr__error_set(err, SR_ERR_TYPE, path, "expected string, found %s",
                               sr__kind_name(kind));
            goto cleanup;
        }
        index++;
        if (!sr__json_string_has_escape(item, item_len)) {
            st = sr__imei_push(&d->r->imei, item + 1, item_len - 2);
            continue;
        }
        if (scratch_cap < item_len) {
            sr__free(scratch);
            scratch = sr__malloc(item_len);
            scratch_cap = scratch == NULL ? 0 : item_len;
            if (scratch == NULL) {
                st = SR_ERR_NOMEM;
                break;
            }
        }
        st = sr__imei_push(&d->r->imei, scratch, sr__json_string_decode(item, item_len, scratch));
    }
    if (st != SR_OK)
        sr__error_set(err, st, v->path, "out of memory storing the IMEI list");
cleanup:
    sr__free(scratch);
    return st;
}

static int is_container(sr__kind k)
{
    return k == SR__KIND_ARRAY || k == SR__KIND_OBJECT;
}

static sr_status keep_unknown(decoder *d, const sr__json_value *v, sr_error *err)
{
    char *compact = NULL;
    size_t compact_len = 0;
    sr_status st;

    if (d->flags & SR_PARSE_STRICT)
        return sr__error_set(err, SR_ERR_UNKNOWN_FIELD, v->path,
                             "unknown field (not allowed under SR_PARSE_STRICT)");
    /* Scalars have no insignificant whitespace: keep their bytes as they are. */
    if (!is_container(v->kind)) {
        st = sr__member_push(&d->r->unknown, v->key, v->key_len, v->raw, v->raw_len);
    } else {
        st = sr__json_compact(v->raw, v->raw_len, &compact, &compact_len);
        if (st == SR_OK)
            st = sr__member_push(&d->r->unknown, v->key, v->key_len, compact, compact_len);
    }
    if (st != SR_OK)
        sr__error_set(err, st, v->path, "out of memory keeping an unknown field");
    sr__free(compact);
    return st;
}

static sr_status on_member(void *ctx, const sr__json_value *v, sr_error *err)
{
    decoder *d = ctx;
    const field_spec *f = find_field(v->key, v->key_len);
    unsigned accepted;

    if (f == NULL)
        return keep_unknown(d, v, err);
    accepted = f->kinds | ((d->flags & SR_PARSE_STRICT) ? 0u : f->lax_kinds);
    if (!(accepted & KIND(v->kind))) {
        return sr__error_set(err, SR_ERR_TYPE, v->path, "expected %s, found %s%s", f->expected,
                             sr__kind_name(v->kind),
                             (f->lax_kinds & KIND(v->kind)) ? " (not allowed under SR_PARSE_STRICT)"
                                                            : "");
    }
    d->seen |= 1u << f->field;
    return f->decode(d, f, v, err);
}

static int has_bom(const char *json, size_t len)
{
    return len >= 3 && (unsigned char)json[0] == 0xEF && (unsigned char)json[1] == 0xBB &&
           (unsigned char)json[2] == 0xBF;
}

sr_status session_report_request_from_json(const char *json, size_t len,
                                           const sr_parse_options *opts,
                                           session_report_request **out, sr_error *err)
{
    decoder d;
    sr__json_doc doc;
    size_t max_bytes =
        opts != NULL && opts->max_bytes != 0 ? opts->max_bytes : SR_DEFAULT_MAX_BYTES;
    sr_status st;

    if (out == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "out must not be NULL");
    *out = NULL;
    if (json == NULL && len != 0)
        return sr__error_set(err, SR_ERR_ARG, "", "json is NULL but len is %zu", len);
    if (len > max_bytes)
        return sr__error_set(err, SR_ERR_LIMIT, "",
                             "input of %zu bytes exceeds the limit of %zu bytes", len, max_bytes);

    d.r = session_report_request_new();
    d.flags = opts != NULL ? opts->flags : 0;
    d.seen = 0;
    if (d.r == NULL)
        return sr__error_set(err, SR_ERR_NOMEM, "", "out of memory creating the request");
    doc.buf = json != NULL ? json : "";
    doc.len = len;
    st = sr__json_scan_object(&doc, has_bom(json, len) ? 3 : 0, len, "", on_member, &d, err);
    if (st != SR_OK)
        goto cleanup;
    if (d.r->account_number == NULL) {
        st = sr__error_set(err, SR_ERR_MISSING, "/accountNumber",
                           "missing required field accountNumber (string)");
        goto cleanup;
    }
    if (!(d.seen & (1u << SR__FIELD_IMEI))) {
        st = sr__error_set(err, SR_ERR_MISSING, "/imei",
                           "missing required field imei (array of strings, may be empty)");
        goto cleanup;
    }
    *out = d.r;
    d.r = NULL;
cleanup:
    session_report_request_free(d.r);
    return st;
}

/* ---- encoding ---- */

static void encode_plain(sr__jw *w, const session_report_request *r, const field_spec *f)
{
    const char *v = sr__plain_value(r, f->field);
    if (v == NULL)
        return;
    sr__jw_key(w, f->key, f->key_len);
    sr__jw_string(w, v, strlen(v));
}

static void encode_nullable(sr__jw *w, const session_report_request *r, const field_spec *f)
{
    const sr__nullable *n = sr__nullable_slot_const(r, f->field);
    if (n->state == SR__ABSENT)
        return;
    sr__jw_key(w, f->key, f->key_len);
    if (n->state == SR__NULL)
        sr__jw_raw(w, "null", 4);
    else
        sr__jw_string(w, n->value, strlen(n->value));
}

static void encode_imei(sr__jw *w, const session_report_request *r, const field_spec *f)
{
    const sr__imei_list *l = &r->imei;
    sr__jw_key(w, f->key, f->key_len);
    sr__jw_open(w, '[');
    for (size_t i = 0; i < l->count; i++) {
        sr__jw_item(w);
        sr__jw_string(w, l->chars + l->offsets[i], sr__imei_len(l, i));
    }
    sr__jw_close(w, ']');
}

static void emit_request(sr__jw *w, const void *obj)
{
    const session_report_request *r = obj;
    sr__jw_open(w, '{');
    for (size_t i = 0; i < FIELD_COUNT; i++)
        fields[i].encode(w, r, &fields[i]);
    for (size_t i = 0; i < r->unknown.count; i++) {
        const sr__member *m = &r->unknown.items[i];
        sr__jw_key(w, m->key, m->key_len);
        sr__jw_json(w, m->value, m->value_len);
    }
    sr__jw_close(w, '}');
}

sr_status session_report_request_to_json(const session_report_request *r, unsigned flags,
                                         char **out, size_t *out_len)
{
    if (out_len != NULL)
        *out_len = 0;
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    if (r == NULL)
        return SR_ERR_ARG;
    if (r->account_number == NULL)
        return SR_ERR_MISSING;
    return sr__jw_render(emit_request, r, (flags & SR_JSON_PRETTY) != 0, out, out_len);
}
