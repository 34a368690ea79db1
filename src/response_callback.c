/* SPDX-License-Identifier: MIT */
/* AggregatedReportCallbackResult, the asynchronous response: model, decoder, encoder. */
#include <string.h>

#include "internal.h"
#include "response_common.h"
#include "sessreport/response.h"

struct sr_callback_result {
    char *txid;   /* NULL = unset */
    char *status; /* NULL = unset */
};

typedef struct callback_ctx {
    sr_callback_result *result;
    int strict;
    int have_txid, have_status;
} callback_ctx;

sr_callback_result *sr_callback_result_new(void)
{
    return sr__calloc(1, sizeof(sr_callback_result));
}

void sr_callback_result_free(sr_callback_result *r)
{
    if (r == NULL)
        return;
    sr__free(r->txid);
    sr__free(r->status);
    sr__free(r);
}

static sr_status callback_member(void *vctx, const sr__json_value *v, sr_error *err)
{
    callback_ctx *ctx = vctx;
    if (strcmp(v->key, "txid") == 0) {
        ctx->have_txid = 1;
        return sr__response_string(v, &ctx->result->txid, err);
    }
    if (strcmp(v->key, "status") == 0) {
        ctx->have_status = 1;
        return sr__response_string(v, &ctx->result->status, err);
    }
    return sr__response_unknown(v, ctx->strict, err);
}

sr_status sr_callback_result_from_json(const char *json, size_t len, const sr_parse_options *opts,
                                       sr_callback_result **out, sr_error *err)
{
    sr__json_doc doc;
    size_t begin;
    callback_ctx ctx = {NULL, 0, 0, 0};
    sr_status st;

    if (out == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "out is NULL");
    *out = NULL;
    st = sr__response_prepare(json, len, opts, &doc, &begin, &ctx.strict, err);
    if (st != SR_OK)
        return st;
    ctx.result = sr_callback_result_new();
    if (ctx.result == NULL)
        return sr__error_set(err, SR_ERR_NOMEM, "", "out of memory");
    st = sr__json_scan_object(&doc, begin, len, "", callback_member, &ctx, err);
    if (st == SR_OK && !ctx.have_txid)
        st = sr__error_set(err, SR_ERR_MISSING, "/txid", "required member \"txid\" is missing");
    if (st == SR_OK && !ctx.have_status)
        st = sr__error_set(err, SR_ERR_MISSING, "/status", "required member \"status\" is missing");
    if (st != SR_OK)
        goto cleanup;
    *out = ctx.result;
    ctx.result = NULL;
cleanup:
    sr_callback_result_free(ctx.result);
    return st;
}

static void emit_callback(sr__jw *w, const void *obj)
{
    const sr_callback_result *r = obj;
    sr__jw_open(w, '{');
    sr__response_write_member(w, "txid", r->txid);
    sr__response_write_member(w, "status", r->status);
    sr__jw_close(w, '}');
}

sr_status sr_callback_result_to_json(const sr_callback_result *r, unsigned flags, char **out,
                                     size_t *out_len)
{
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    if (r == NULL)
        return SR_ERR_ARG;
    if (r->txid == NULL || r->status == NULL)
        return SR_ERR_MISSING;
    return sr__jw_render(emit_callback, r, (flags & SR_JSON_PRETTY) != 0, out, out_len);
}

const char *sr_callback_result_txid(const sr_callback_result *r)
{
    return r != NULL ? r->txid : NULL;
}

const char *sr_callback_result_status(const sr_callback_result *r)
{
    return r != NULL ? r->status : NULL;
}

sr_status sr_callback_result_set_txid(sr_callback_result *r, const char *v)
{
    if (r == NULL)
        return SR_ERR_ARG;
    return sr__response_set_text(&r->txid, v);
}

sr_status sr_callback_result_set_status(sr_callback_result *r, const char *v)
{
    if (r == NULL)
        return SR_ERR_ARG;
    return sr__response_set_text(&r->status, v);
}
