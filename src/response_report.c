/* SPDX-License-Identifier: MIT */
/* AggregateSessionReport, the synchronous response: model, decoder, encoder. */
#include <string.h>

#include "internal.h"
#include "response_common.h"
#include "sessreport/response.h"

typedef struct usage_row {
    char *imei;
    int64_t sessions;
    int64_t bytes;
} usage_row;

struct sr_aggregate_report {
    char *txid; /* NULL = null */
    usage_row *rows;
    size_t count, cap;
};

typedef struct usage_ctx {
    usage_row *row;
    int strict;
} usage_ctx;

/* Required members, in the order they are checked. */
static const char *const report_required[] = {"usage", NULL};
static const char *const usage_required[] = {"imei", "numberOfSessions", "bytesTransferred", NULL};

sr_aggregate_report *sr_aggregate_report_new(void)
{
    return sr__calloc(1, sizeof(sr_aggregate_report));
}

void sr_aggregate_report_free(sr_aggregate_report *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->count; i++)
        sr__free(r->rows[i].imei);
    sr__free(r->rows);
    sr__free(r->txid);
    sr__free(r);
}

/* Appends a zeroed row; NULL when memory is exhausted (r unchanged). */
static usage_row *push_row(sr_aggregate_report *r)
{
    if (r->count == r->cap) {
        size_t cap = sr__grow_capacity(r->cap, r->count + 1);
        usage_row *grown = NULL;
        if (cap != 0 && cap <= (size_t)-1 / sizeof *grown)
            grown = sr__realloc(r->rows, cap * sizeof *grown);
        if (grown == NULL)
            return NULL;
        r->rows = grown;
        r->cap = cap;
    }
    memset(&r->rows[r->count], 0, sizeof r->rows[0]);
    return &r->rows[r->count++];
}

/* ---- decoding ---- */

static sr_status usage_member(void *vctx, const sr__json_value *v, sr_error *err)
{
    usage_ctx *ctx = vctx;
    if (strcmp(v->key, "imei") == 0)
        return sr__response_string(v, &ctx->row->imei, err);
    if (strcmp(v->key, "numberOfSessions") == 0)
        return sr__response_count(v, &ctx->row->sessions, err);
    if (strcmp(v->key, "bytesTransferred") == 0)
        return sr__response_count(v, &ctx->row->bytes, err);
    return sr__response_unknown(v, ctx->strict, err);
}

static sr_status usage_item(void *vctx, const sr__json_value *v, sr_error *err)
{
    sr__response_ctx *ctx = vctx;
    usage_ctx row_ctx;
    if (v->kind != SR__KIND_OBJECT)
        return sr__response_type_error(v, "an object (a usage row)", err);
    row_ctx.row = push_row(ctx->obj);
    if (row_ctx.row == NULL)
        return sr__error_set(err, SR_ERR_NOMEM, v->path, "out of memory");
    row_ctx.strict = ctx->strict;
    return sr__response_scan_members(ctx->doc, v->offset, v->offset + v->raw_len, v->path,
                                     usage_required, usage_member, &row_ctx, err);
}

static sr_status report_member(void *vctx, const sr__json_value *v, sr_error *err)
{
    sr__response_ctx *ctx = vctx;
    sr_aggregate_report *report = ctx->obj;
    if (strcmp(v->key, "txid") == 0)
        return sr__response_nullable_string(v, &report->txid, err);
    if (strcmp(v->key, "usage") == 0) {
        if (v->kind != SR__KIND_ARRAY)
            return sr__response_type_error(v, "an array", err);
        return sr__json_scan_array(ctx->doc, v->offset, v->offset + v->raw_len, v->path, usage_item,
                                   ctx, err);
    }
    return sr__response_unknown(v, ctx->strict, err);
}

/* ---- encoding ---- */

static void emit_report(sr__jw *w, const void *obj)
{
    const sr_aggregate_report *r = obj;
    sr__jw_open(w, '{');
    sr__jw_key(w, "txid", 4);
    if (r->txid == NULL)
        sr__jw_raw(w, "null", 4);
    else
        sr__response_write_string(w, r->txid);
    sr__jw_key(w, "usage", 5);
    sr__jw_open(w, '[');
    for (size_t i = 0; i < r->count; i++) {
        sr__jw_item(w);
        sr__jw_open(w, '{');
        sr__response_write_member(w, "imei", r->rows[i].imei);
        sr__response_write_count(w, "numberOfSessions", r->rows[i].sessions);
        sr__response_write_count(w, "bytesTransferred", r->rows[i].bytes);
        sr__jw_close(w, '}');
    }
    sr__jw_close(w, ']');
    sr__jw_close(w, '}');
}

/* ---- the codec ---- */

static void *create_report(void)
{
    return sr_aggregate_report_new();
}

static void destroy_report(void *obj)
{
    sr_aggregate_report_free(obj);
}

static const sr__response_type report_type = {
    create_report, destroy_report, report_member, report_required, emit_report, NULL,
};

sr_status sr_aggregate_report_from_json(const char *json, size_t len, const sr_parse_options *opts,
                                        sr_aggregate_report **out, sr_error *err)
{
    void *report = NULL;
    sr_status st =
        sr__response_decode(&report_type, json, len, opts, out != NULL ? &report : NULL, err);
    if (out != NULL)
        *out = report;
    return st;
}

sr_status sr_aggregate_report_to_json(const sr_aggregate_report *r, unsigned flags, char **out,
                                      size_t *out_len)
{
    return sr__response_encode(&report_type, r, flags, out, out_len);
}

/* ---- accessors ---- */

const char *sr_aggregate_report_txid(const sr_aggregate_report *r)
{
    return r != NULL ? r->txid : NULL;
}

int sr_aggregate_report_txid_is_null(const sr_aggregate_report *r)
{
    return r != NULL && r->txid == NULL;
}

sr_status sr_aggregate_report_set_txid(sr_aggregate_report *r, const char *txid)
{
    if (r == NULL)
        return SR_ERR_ARG;
    return sr__utf8_set_text(&r->txid, txid);
}

size_t sr_aggregate_report_usage_count(const sr_aggregate_report *r)
{
    return r != NULL ? r->count : 0;
}

const char *sr_aggregate_report_usage_imei(const sr_aggregate_report *r, size_t i)
{
    return (r != NULL && i < r->count) ? r->rows[i].imei : NULL;
}

sr_status sr_aggregate_report_usage_sessions(const sr_aggregate_report *r, size_t i, int64_t *out)
{
    if (r == NULL || out == NULL || i >= r->count)
        return SR_ERR_ARG;
    *out = r->rows[i].sessions;
    return SR_OK;
}

sr_status sr_aggregate_report_usage_bytes(const sr_aggregate_report *r, size_t i, int64_t *out)
{
    if (r == NULL || out == NULL || i >= r->count)
        return SR_ERR_ARG;
    *out = r->rows[i].bytes;
    return SR_OK;
}

sr_status sr_aggregate_report_add_usage(sr_aggregate_report *r, const char *imei, int64_t sessions,
                                        int64_t bytes)
{
    char *copy = NULL;
    usage_row *row;
    sr_status st;
    if (r == NULL || imei == NULL)
        return SR_ERR_ARG;
    if (sessions < 0 || bytes < 0)
        return SR_ERR_RANGE;
    st = sr__utf8_set_text(&copy, imei);
    if (st != SR_OK)
        return st;
    row = push_row(r);
    if (row == NULL) {
        sr__free(copy);
        return SR_ERR_NOMEM;
    }
    row->imei = copy;
    row->sessions = sessions;
    row->bytes = bytes;
    return SR_OK;
}

sr_status sr_aggregate_report_merge(sr_aggregate_report *dst, const sr_aggregate_report *src)
{
    size_t n, i;
    if (dst == NULL || src == NULL)
        return SR_ERR_ARG;
    n = src->count; /* src may be dst: copy only the rows it had at the start */
    if (n == 0)
        return SR_OK;
    if (dst->count > (size_t)-1 - n)
        return SR_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        char *copy = sr__strndup(src->rows[i].imei, strlen(src->rows[i].imei));
        usage_row *row = copy != NULL ? push_row(dst) : NULL;
        if (row == NULL) {
            sr__free(copy);
            for (; i > 0; i--)
                sr__free(dst->rows[--dst->count].imei);
            return SR_ERR_NOMEM;
        }
        row->imei = copy;
        row->sessions = src->rows[i].sessions;
        row->bytes = src->rows[i].bytes;
    }
    return SR_OK;
}
