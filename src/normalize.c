/* SPDX-License-Identifier: MIT */
/* session_report_request_normalize_dates: concrete dates rewritten as
 * RFC 3339 UTC, all or nothing. */
#include <string.h>

#include "sessreport/validate.h"

#include "internal.h"
#include "iso8601.h"
#include "model.h"

/* The RFC 3339 form of one date in *fresh, or NULL when it stays as is. */
static sr_status normalized_copy(const char *v, const char *path, cJSON **fresh, sr_error *err)
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
    sr__iso8601_format_rfc3339(&t, text, sizeof text);
    *fresh = cJSON_CreateString(text);
    if (*fresh == NULL)
        return sr__error_set(err, SR_ERR_NOMEM, path, "out of memory while rewriting the date");
    return SR_OK;
}

sr_status session_report_request_normalize_dates(session_report_request *r, sr_error *err)
{
    if (r == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "the request is NULL");
    cJSON **slots[2] = {&r->text[SR__FIELD_START_DATE], &r->text[SR__FIELD_END_DATE]};
    static const char *const paths[2] = {"/startDate", "/endDate"};
    cJSON *fresh[2] = {NULL, NULL};
    sr_status st = SR_OK;
    /* both strings first, so that a failure leaves the request untouched */
    for (size_t k = 0; k < 2 && st == SR_OK; k++)
        st = normalized_copy(sr__text(*slots[k]), paths[k], &fresh[k], err);
    /* then the new strings replace the old ones, or are dropped on failure */
    for (size_t k = 0; k < 2; k++) {
        if (st == SR_OK && fresh[k] != NULL) {
            cJSON *old = *slots[k];
            *slots[k] = fresh[k];
            cJSON_Delete(old);
        } else {
            cJSON_Delete(fresh[k]);
        }
    }
    return st;
}
