/* SPDX-License-Identifier: MIT */
/* HyperPreciseLocationResultException, the error body: model, decoder, encoder. */
#include <string.h>

#include "internal.h"
#include "response_common.h"
#include "sessreport/response.h"

struct sr_error_body {
    char *field[SR_ERROR_BODY_FIELD_COUNT]; /* NULL = absent */
    int has_fault;                          /* a fault object was decoded */
};

/* JSON keys, indexed by sr_error_body_field; the fault's members follow
 * the top-level ones. */
static const char *const field_key[SR_ERROR_BODY_FIELD_COUNT] = {
    "responseCode", "message", "code", "message", "description",
};

sr_error_body *sr_error_body_new(void)
{
    return sr__calloc(1, sizeof(sr_error_body));
}

void sr_error_body_free(sr_error_body *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < SR_ERROR_BODY_FIELD_COUNT; i++)
        sr__free(b->field[i]);
    sr__free(b);
}

/* The field among [first, last] whose key is v's key, or -1. */
static int find_field(const sr__json_value *v, int first, int last)
{
    for (int f = first; f <= last; f++) {
        if (strcmp(v->key, field_key[f]) == 0)
            return f;
    }
    return -1;
}

static sr_status fault_member(void *vctx, const sr__json_value *v, sr_error *err)
{
    sr__response_ctx *ctx = vctx;
    sr_error_body *body = ctx->obj;
    int f = find_field(v, SR_ERROR_BODY_FAULT_CODE, SR_ERROR_BODY_FAULT_DESCRIPTION);
    if (f < 0)
        return sr__response_unknown(v, ctx->strict, err);
    return sr__response_nullable_string(v, &body->field[f], err);
}

static sr_status body_member(void *vctx, const sr__json_value *v, sr_error *err)
{
    sr__response_ctx *ctx = vctx;
    sr_error_body *body = ctx->obj;
    int f = find_field(v, SR_ERROR_BODY_RESPONSE_CODE, SR_ERROR_BODY_MESSAGE);
    if (f >= 0)
        return sr__response_nullable_string(v, &body->field[f], err);
    if (strcmp(v->key, "fault") == 0) {
        if (v->kind == SR__KIND_NULL)
            return SR_OK;
        if (v->kind != SR__KIND_OBJECT)
            return sr__response_type_error(v, "an object or null", err);
        body->has_fault = 1;
        return sr__json_scan_object(ctx->doc, v->offset, v->offset + v->raw_len, v->path,
                                    fault_member, ctx, err);
    }
    return sr__response_unknown(v, ctx->strict, err);
}

static void write_present(sr__jw *w, const char *key, const char *value)
{
    if (value != NULL)
        sr__response_write_member(w, key, value);
}

static void emit_body(sr__jw *w, const void *obj)
{
    const sr_error_body *b = obj;
    sr__jw_open(w, '{');
    write_present(w, "responseCode", b->field[SR_ERROR_BODY_RESPONSE_CODE]);
    write_present(w, "message", b->field[SR_ERROR_BODY_MESSAGE]);
    if (sr_error_body_has_fault(b)) {
        sr__jw_key(w, "fault", 5);
        sr__jw_open(w, '{');
        for (int f = SR_ERROR_BODY_FAULT_CODE; f <= SR_ERROR_BODY_FAULT_DESCRIPTION; f++)
            write_present(w, field_key[f], b->field[f]);
        sr__jw_close(w, '}');
    }
    sr__jw_close(w, '}');
}

static void *create_body(void)
{
    return sr_error_body_new();
}

static void destroy_body(void *obj)
{
    sr_error_body_free(obj);
}

/* No member is required. */
static const sr__response_type body_type = {
    create_body, destroy_body, body_member, NULL, emit_body, NULL,
};

sr_status sr_error_body_from_json(const char *json, size_t len, const sr_parse_options *opts,
                                  sr_error_body **out, sr_error *err)
{
    void *body = NULL;
    sr_status st =
        sr__response_decode(&body_type, json, len, opts, out != NULL ? &body : NULL, err);
    if (out != NULL)
        *out = body;
    return st;
}

sr_status sr_error_body_to_json(const sr_error_body *b, unsigned flags, char **out, size_t *out_len)
{
    return sr__response_encode(&body_type, b, flags, out, out_len);
}

static int is_field(sr_error_body_field f)
{
    return (int)f >= 0 && (int)f < SR_ERROR_BODY_FIELD_COUNT;
}

const char *sr_error_body_get(const sr_error_body *b, sr_error_body_field f)
{
    return (b != NULL && is_field(f)) ? b->field[f] : NULL;
}

sr_status sr_error_body_set(sr_error_body *b, sr_error_body_field f, const char *v)
{
    if (b == NULL || !is_field(f))
        return SR_ERR_ARG;
    return sr__utf8_set_text(&b->field[f], v);
}

const char *sr_error_body_response_code(const sr_error_body *b)
{
    return sr_error_body_get(b, SR_ERROR_BODY_RESPONSE_CODE);
}

const char *sr_error_body_message(const sr_error_body *b)
{
    return sr_error_body_get(b, SR_ERROR_BODY_MESSAGE);
}

int sr_error_body_has_fault(const sr_error_body *b)
{
    if (b == NULL)
        return 0;
    return b->has_fault || b->field[SR_ERROR_BODY_FAULT_CODE] != NULL ||
           b->field[SR_ERROR_BODY_FAULT_MESSAGE] != NULL ||
           b->field[SR_ERROR_BODY_FAULT_DESCRIPTION] != NULL;
}

const char *sr_error_body_fault_code(const sr_error_body *b)
{
    return sr_error_body_get(b, SR_ERROR_BODY_FAULT_CODE);
}

const char *sr_error_body_fault_message(const sr_error_body *b)
{
    return sr_error_body_get(b, SR_ERROR_BODY_FAULT_MESSAGE);
}

const char *sr_error_body_fault_description(const sr_error_body *b)
{
    return sr_error_body_get(b, SR_ERROR_BODY_FAULT_DESCRIPTION);
}
