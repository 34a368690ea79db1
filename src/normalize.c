/* SPDX-License-Identifier: MIT */
/* session_report_request_normalize_dates: concrete dates rewritten as RFC 3339 UTC, all or nothing.
 */
#include <string.h>

#include "sessreport/validate.h"

#include "internal.h"
#include "iso8601.h"
#include "model.h"

/* The RFC 3339 form of one date in *fresh, or NULL when it stays as is. */
static sr_status normalized_copy(const char *v, const char *path, char **fresh, sr_error *err)
{
    char reason[SR__ISO8601_REASON_CAP];
    char text[SR__RFC3339_CAP];
    sr__instant t;
    *fresh = NULL;
    if (v == NULL || sr__date_is_constant(v))
        return SR_OK;
    if (sr__iso8601_parse(v, strlen(v), 0u, &t, reason, sizeof reason) != SR_OK)
        return sr__error_set(err, SR_ERR_FORMAT, path, "not a valid ISO 8601 date: %s; %s", reason,
                             SR__ISO8601_EXPECTED);
    size_t n = sr__iso8601_format_rfc3339(&t, text, sizeof text);
    *fresh = sr__strndup(text, n);
    if (*fresh == NULL)
        return sr__error_set(err, SR_ERR_NOMEM, path, "out of memory while rewriting the date");
    return SR_OK;
}

/* Takes ownership of fresh (when not NULL) in place of *slot. */
static void replace_slot(char **slot, char *fresh)
{
    if (fresh == NULL)
        return;
    sr__free(*slot);
    *slot = fresh;
}

sr_status session_report_request_normalize_dates(session_report_request *r, sr_error *err)
{
    char *start = NULL, *end = NULL;
    sr_status st;
    if (r == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "the request is NULL");
    /* both strings first, so that a failure leaves the request untouched */
    st = normalized_copy(r->start_date, "/startDate", &start, err);
    if (st != SR_OK)
        goto cleanup;
    st = normalized_copy(r->end_date, "/endDate", &end, err);
    if (st != SR_OK)
        goto cleanup;
    replace_slot(&r->start_date, start);
    replace_slot(&r->end_date, end);
    start = end = NULL;
cleanup:
    sr__free(start);
    sr__free(end);
    return st;
}
