/* SPDX-License-Identifier: MIT */
/* Shared pieces of the response codecs: reading members the scanner has
 * checked, and writing JSON text (compact or two-space pretty). */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "json_number.h"
#include "response_common.h"

sr_status sr__response_prepare(const char *json, size_t len, const sr_parse_options *opts,
                               sr__json_doc *doc, size_t *begin, int *strict, sr_error *err)
{
    size_t max_bytes =
        (opts != NULL && opts->max_bytes != 0) ? opts->max_bytes : SR_DEFAULT_MAX_BYTES;
    if (json == NULL && len != 0)
        return sr__error_set(err, SR_ERR_ARG, "", "json is NULL but len is %zu", len);
    if (len > max_bytes)
        return sr__error_set(err, SR_ERR_LIMIT, "", "input of %zu bytes exceeds the limit of %zu",
                             len, max_bytes);
    doc->buf = json != NULL ? json : "";
    doc->len = len;
    *begin = 0;
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0)
        *begin = 3; /* a UTF-8 BOM is not part of the document */
    *strict = opts != NULL && (opts->flags & SR_PARSE_STRICT) != 0;
    return SR_OK;
}

sr_status sr__response_type_error(const sr__json_value *v, const char *expected, sr_error *err)
{
    return sr__error_set(err, SR_ERR_TYPE, v->path, "expected %s, found %s", expected,
                         sr__kind_name(v->kind));
}

sr_status sr__response_unknown(const sr__json_value *v, int strict, sr_error *err)
{
    if (!strict)
        return SR_OK;
    return sr__error_set(err, SR_ERR_UNKNOWN_FIELD, v->path, "unknown member \"%s\"",
                         v->key != NULL ? v->key : "");
}

/* raw is a scanned string literal, quotes included; the scanner's decoder
 * writes at most raw_len - 2 bytes (escapes never grow the text). */
static sr_status decode_string(const char *raw, size_t raw_len, char **out)
{
    char *dst = sr__malloc(raw_len - 1);
    if (dst == NULL)
        return SR_ERR_NOMEM;
    dst[sr__json_string_decode(raw, raw_len, dst)] = '\0';
    *out = dst;
    return SR_OK;
}

sr_status sr__response_string(const sr__json_value *v, char **out, sr_error *err)
{
    char *text = NULL;
    if (v->kind != SR__KIND_STRING)
        return sr__response_type_error(v, "a string", err);
    if (decode_string(v->raw, v->raw_len, &text) != SR_OK)
        return sr__error_set(err, SR_ERR_NOMEM, v->path, "out of memory");
    sr__free(*out);
    *out = text;
    return SR_OK;
}

sr_status sr__response_nullable_string(const sr__json_value *v, char **out, sr_error *err)
{
    if (v->kind == SR__KIND_NULL) {
        sr__free(*out);
        *out = NULL;
        return SR_OK;
    }
    if (v->kind != SR__KIND_STRING)
        return sr__response_type_error(v, "a string or null", err);
    return sr__response_string(v, out, err);
}

sr_status sr__response_count(const sr__json_value *v, int64_t *out, sr_error *err)
{
    const char *why = NULL;
    if (v->kind != SR__KIND_NUMBER)
        return sr__response_type_error(v, "an integer", err);
    if (sr__json_number_to_int64(v->raw, v->raw_len, out, &why) != SR_OK)
        return sr__error_set(err, SR_ERR_RANGE, v->path,
                             "%.*s %s: expected a whole number in 0..9223372036854775807",
                             v->raw_len > 40 ? 40 : (int)v->raw_len, v->raw, why);
    return SR_OK;
}

/* ---- the shared driver ---- */

/* Required keys are tracked as bits of an unsigned; a key past this many is
 * never marked seen, so it always reports missing instead of going unchecked. */
#define SR__RESPONSE_MAX_REQUIRED 16u

typedef struct members_ctx {
    const char *const *required;
    sr__json_value_fn fn;
    void *ctx;
    unsigned seen; /* bit i: required[i] appeared */
} members_ctx;

static sr_status track_member(void *vctx, const sr__json_value *v, sr_error *err)
{
    members_ctx *m = vctx;
    for (unsigned i = 0; m->required != NULL && m->required[i] != NULL; i++) {
        if (i < SR__RESPONSE_MAX_REQUIRED && strcmp(v->key, m->required[i]) == 0)
            m->seen |= 1u << i;
    }
    return m->fn(m->ctx, v, err);
}

static sr_status missing_member(const char *parent, const char *key, sr_error *err)
{
    char path[SR_ERROR_PATH_SIZE];
    size_t n = strlen(parent);
    if (n >= sizeof path)
        n = sizeof path - 1;
    memcpy(path, parent, n);
    path[n] = '\0';
    sr__pointer_append_key(path, sizeof path, key, strlen(key));
    return sr__error_set(err, SR_ERR_MISSING, path, "required member \"%s\" is missing", key);
}

sr_status sr__response_scan_members(const sr__json_doc *doc, size_t begin, size_t end,
                                    const char *path, const char *const *required,
                                    sr__json_value_fn fn, void *ctx, sr_error *err)
{
    members_ctx m = {required, fn, ctx, 0};
    sr_status st = sr__json_scan_object(doc, begin, end, path, track_member, &m, err);
    for (unsigned i = 0; st == SR_OK && required != NULL && required[i] != NULL; i++) {
        if (i >= SR__RESPONSE_MAX_REQUIRED || !(m.seen & (1u << i)))
            st = missing_member(path, required[i], err);
    }
    return st;
}

sr_status sr__response_decode(const sr__response_type *t, const char *json, size_t len,
                              const sr_parse_options *opts, void **out, sr_error *err)
{
    sr__json_doc doc;
    size_t begin = 0;
    sr__response_ctx ctx = {NULL, &doc, 0};
    sr_status st;

    if (out == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "out is NULL");
    *out = NULL;
    st = sr__response_prepare(json, len, opts, &doc, &begin, &ctx.strict, err);
    if (st != SR_OK)
        return st;
    ctx.obj = t->create();
    if (ctx.obj == NULL)
        return sr__error_set(err, SR_ERR_NOMEM, "", "out of memory");
    st = sr__response_scan_members(&doc, begin, len, "", t->required, t->member, &ctx, err);
    if (st != SR_OK)
        goto cleanup;
    *out = ctx.obj;
    ctx.obj = NULL;
cleanup:
    t->destroy(ctx.obj);
    return st;
}

sr_status sr__response_encode(const sr__response_type *t, const void *obj, unsigned flags,
                              char **out, size_t *out_len)
{
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    if (obj == NULL)
        return SR_ERR_ARG;
    if (t->complete != NULL && !t->complete(obj))
        return SR_ERR_MISSING;
    return sr__jw_render(t->emit, obj, (flags & SR_JSON_PRETTY) != 0, out, out_len);
}

/* ---- encoding ---- */

void sr__response_write_string(sr__jw *w, const char *s)
{
    sr__jw_string(w, s, strlen(s));
}

void sr__response_write_member(sr__jw *w, const char *key, const char *value)
{
    sr__jw_key(w, key, strlen(key));
    sr__response_write_string(w, value);
}

void sr__response_write_count(sr__jw *w, const char *key, int64_t v)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%lld", (long long)v);
    sr__jw_key(w, key, strlen(key));
    sr__jw_raw(w, digits, n > 0 ? (size_t)n : 0);
}
