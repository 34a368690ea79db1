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

/* Required members, in the order they are checked. */
static const char *const callback_required[] = {"txid", "status", NULL};

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
    sr__response_ctx *ctx = vctx;
    sr_callback_result *result = ctx->obj;
    if (strcmp(v->key, "txid") == 0)
        return sr__response_string(v, &result->txid, err);
    if (strcmp(v->key, "status") == 0)
        return sr__response_string(v, &result->status, err);
    return sr__response_unknown(v, ctx->strict, err);
}

static void emit_callback(sr__jw *w, const void *obj)
{
    const sr_callback_result *r = obj;
    sr__jw_open(w, '{');
    sr__response_write_member(w, "txid", r->txid);
    sr__response_write_member(w, "status", r->status);
    sr__jw_close(w, '}');
}

/* Both members are required on the wire, so a result lacking one cannot be
 * encoded. */
static int callback_complete(const void *obj)
{
    const sr_callback_result *r = obj;
    return r->txid != NULL && r->status != NULL;
}

static void *create_callback(void)
{
    return sr_callback_result_new();
}

static void destroy_callback(void *obj)
{
    sr_callback_result_free(obj);
}

static const sr__response_type callback_type = {
    create_callback,   destroy_callback, callback_member,
    callback_required, emit_callback,    callback_complete,
};

sr_status sr_callback_result_from_json(const char *json, size_t len, const sr_parse_options *opts,
                                       sr_callback_result **out, sr_error *err)
{
    void *result = NULL;
    sr_status st =
        sr__response_decode(&callback_type, json, len, opts, out != NULL ? &result : NULL, err);
    if (out != NULL)
        *out = result;
    return st;
}

sr_status sr_callback_result_to_json(const sr_callback_result *r, unsigned flags, char **out,
                                     size_t *out_len)
{
    return sr__response_encode(&callback_type, r, flags, out, out_len);
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
    return sr__utf8_set_text(&r->txid, v);
}

sr_status sr_callback_result_set_status(sr_callback_result *r, const char *v)
{
    if (r == NULL)
        return SR_ERR_ARG;
    return sr__utf8_set_text(&r->status, v);
}
