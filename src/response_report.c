/* SPDX-License-Identifier: MIT */
/* AggregateSessionReport, the synchronous response: its field tables,
 * getters, setters and merge. The field-table engine (response_table.c)
 * decodes, encodes and frees it. */
#include <stddef.h>
#include <string.h>

#include "internal.h"
#include "response_common.h"
#include "sessreport/response.h"

typedef struct usage_row {
    sr__text imei;
    sr__count sessions, bytes;
} usage_row;

/* An errors row; the errorResponse object's members live in it too,
 * indexed by sr_row_error_field. */
typedef struct error_row {
    sr__text member[SR_ROW_ERROR_FIELD_COUNT];
    unsigned char response; /* errorResponse: absent, null or an object */
} error_row;

struct sr_aggregate_report {
    sr__text txid;
    sr__rows usage;  /* of usage_row */
    sr__rows errors; /* of error_row */
};

#define TEXT(key, type, member)                                                                    \
    {                                                                                              \
        key, SR__FIELD_TEXT, 0, offsetof(type, member), NULL                                       \
    }

static const sr__field usage_fields[] = {
    TEXT("imei", usage_row, imei),
    {"numberOfSessions", SR__FIELD_COUNT, 0, offsetof(usage_row, sessions), NULL},
    {"bytesTransferred", SR__FIELD_COUNT, 0, offsetof(usage_row, bytes), NULL},
};
static const sr__table usage_table = {usage_fields, 3, sizeof(usage_row),
                                      "an object (a usage row)"};

static const sr__field error_response_fields[] = {
    TEXT("errorCode", error_row, member[SR_ROW_ERROR_CODE]),
    TEXT("errorMessage", error_row, member[SR_ROW_ERROR_RESPONSE_MESSAGE]),
    {"httpStatusCode", SR__FIELD_TEXT_OR_DIGITS, 0,
     offsetof(error_row, member[SR_ROW_ERROR_HTTP_STATUS]), NULL},
    TEXT("detailErrorMessage", error_row, member[SR_ROW_ERROR_DETAIL]),
};
static const sr__table error_response_table = {error_response_fields, 4, sizeof(error_row),
                                               "an object"};

static const sr__field error_fields[] = {
    TEXT("imei", error_row, member[SR_ROW_ERROR_IMEI]),
    TEXT("errorMessage", error_row, member[SR_ROW_ERROR_MESSAGE]),
    {"errorResponse", SR__FIELD_OBJECT, 0, offsetof(error_row, response), &error_response_table},
};
static const sr__table error_table = {error_fields, 3, sizeof(error_row),
                                      "an object (an errors row)"};

static const sr__field report_fields[] = {
    TEXT("txid", sr_aggregate_report, txid),
    {"usage", SR__FIELD_ROWS, 0, offsetof(sr_aggregate_report, usage), &usage_table},
    {"errors", SR__FIELD_ROWS, 0, offsetof(sr_aggregate_report, errors), &error_table},
};
static const sr__table report_table = {report_fields, 3, sizeof(sr_aggregate_report), "an object"};

/* A new report says txid null and an empty usage array. */
static void init_report(void *obj)
{
    sr_aggregate_report *r = obj;
    r->txid.state = SR__NULL;
    r->usage.state = SR__VALUE;
}

const sr__response_type sr__aggregate_report_type = {&report_table, init_report,
                                                     SR_RESPONSE_AGGREGATE_REPORT};

const char *sr_aggregate_report_get_txid(const sr_aggregate_report *r)
{
    return r != NULL ? r->txid.text : NULL;
}

int sr_aggregate_report_txid_is_null(const sr_aggregate_report *r)
{
    return r != NULL && r->txid.text == NULL;
}

sr_status sr_aggregate_report_set_txid(sr_aggregate_report *r, const char *txid)
{
    sr_status st;
    if (r == NULL)
        return SR_ERR_ARG;
    st = sr__text_set(&r->txid, txid);
    if (st == SR_OK && txid == NULL)
        r->txid.state = SR__NULL;
    return st;
}

static const usage_row *usage_at(const sr_aggregate_report *r, size_t i)
{
    return r != NULL ? sr__rows_at(&r->usage, sizeof(usage_row), i) : NULL;
}

size_t sr_aggregate_report_usage_count(const sr_aggregate_report *r)
{
    return r != NULL ? r->usage.count : 0;
}

const char *sr_aggregate_report_get_usage_imei(const sr_aggregate_report *r, size_t i)
{
    const usage_row *row = usage_at(r, i);
    return row != NULL ? row->imei.text : NULL;
}

static sr_status get_count(const usage_row *row, size_t which, int64_t *out)
{
    const sr__count *c = row == NULL ? NULL : which == 0 ? &row->sessions : &row->bytes;
    if (out != NULL && c == NULL)
        *out = 0;
    if (out == NULL || c == NULL)
        return SR_ERR_ARG;
    if (c->state != SR__VALUE)
        return SR_ERR_MISSING; /* *out keeps the caller's default */
    *out = c->value;
    return SR_OK;
}

sr_status sr_aggregate_report_get_usage_sessions(const sr_aggregate_report *r, size_t i,
                                                 int64_t *out)
{
    return get_count(usage_at(r, i), 0, out);
}

sr_status sr_aggregate_report_get_usage_bytes(const sr_aggregate_report *r, size_t i, int64_t *out)
{
    return get_count(usage_at(r, i), 1, out);
}

sr_status sr_aggregate_report_add_usage(sr_aggregate_report *r, const char *imei, int64_t sessions,
                                        int64_t bytes)
{
    usage_row row = {{SR__ABSENT, NULL}, {SR__VALUE, sessions}, {SR__VALUE, bytes}};
    if (r == NULL || imei == NULL)
        return SR_ERR_ARG;
    if (sessions < 0 || bytes < 0)
        return SR_ERR_RANGE;
    /* the row is built first: imei may point into the rows that move */
    return sr__rows_add(&r->usage, &usage_table, &row, sr__text_set(&row.imei, imei));
}

static error_row *error_at(const sr_aggregate_report *r, size_t i)
{
    return r != NULL ? sr__rows_at(&r->errors, sizeof(error_row), i) : NULL;
}

size_t sr_aggregate_report_error_count(const sr_aggregate_report *r)
{
    return r != NULL ? r->errors.count : 0;
}

const char *sr_aggregate_report_get_error(const sr_aggregate_report *r, size_t i,
                                          sr_row_error_field f)
{
    const error_row *row = error_at(r, i);
    return row != NULL && (unsigned)f < SR_ROW_ERROR_FIELD_COUNT ? row->member[f].text : NULL;
}

sr_status sr_aggregate_report_add_error(sr_aggregate_report *r, const char *imei,
                                        const char *message)
{
    error_row row = {0};
    sr_status st;
    if (r == NULL)
        return SR_ERR_ARG;
    /* the row is built first: imei and message may point into the rows that move */
    st = sr__text_set(&row.member[SR_ROW_ERROR_IMEI], imei);
    if (st == SR_OK)
        st = sr__text_set(&row.member[SR_ROW_ERROR_MESSAGE], message);
    return sr__rows_add(&r->errors, &error_table, &row, st);
}

sr_status sr_aggregate_report_error_set(sr_aggregate_report *r, size_t i, sr_row_error_field f,
                                        const char *v)
{
    error_row *row = error_at(r, i);
    sr_status st;
    if (row == NULL || (unsigned)f >= SR_ROW_ERROR_FIELD_COUNT)
        return SR_ERR_ARG;
    st = sr__text_set(&row->member[f], v);
    if (st == SR_OK && f >= SR_ROW_ERROR_CODE) /* a member of errorResponse */
        row->response = sr__object_state(&error_response_table, row);
    return st;
}

sr_status sr_aggregate_report_merge(sr_aggregate_report *dst, const sr_aggregate_report *src)
{
    sr__rows usage;
    sr_status st;
    if (dst == NULL || src == NULL)
        return SR_ERR_ARG;
    usage = dst->usage; /* to undo the usage rows when the errors rows fail */
    st = sr__rows_append(&report_fields[1], dst, src);
    if (st == SR_OK && (st = sr__rows_append(&report_fields[2], dst, src)) != SR_OK)
        sr__rows_restore(&dst->usage, &usage_table, &usage);
    return st;
}
