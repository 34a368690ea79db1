/* SPDX-License-Identifier: MIT */
/* session_report_request_split: one request cut into requests within an
 * endpoint's IMEI limit (DESIGN sections 3 and 6). */
#include <string.h>

#include "internal.h"
#include "model.h"

/* A copy of shape (every field but the IMEIs) holding imeis [begin, end) of r. */
static sr_status make_part(const session_report_request *shape, const session_report_request *r,
                           size_t begin, size_t end, session_report_request **out)
{
    session_report_request *part = NULL;
    sr_status st = session_report_request_clone(shape, &part);
    if (st != SR_OK)
        return st;
    for (size_t i = begin; i < end && st == SR_OK; i++)
        st = sr__imei_push(&part->imei, session_report_request_imei_at(r, i));
    if (st != SR_OK) {
        session_report_request_free(part);
        return st;
    }
    *out = part;
    return SR_OK;
}

sr_status session_report_request_split(const session_report_request *r, size_t max_imeis,
                                       session_report_request ***parts, size_t *n)
{
    if (parts != NULL)
        *parts = NULL;
    if (n != NULL)
        *n = 0;
    if (r == NULL || parts == NULL || n == NULL || max_imeis == 0)
        return SR_ERR_ARG;
    size_t count = r->imei.count;
    /* an empty list means all devices: one part, never none */
    size_t total = count == 0 ? 1 : count / max_imeis + (count % max_imeis != 0);
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
    session_report_request **list = sr__calloc(total, sizeof *list);
    session_report_request *shape = NULL;
    sr_status st = list == NULL ? SR_ERR_NOMEM : session_report_request_clone(r, &shape);
    if (st == SR_OK)
        session_report_request_clear_imei(shape);
    for (size_t k = 0; k < total && st == SR_OK; k++) {
        size_t begin = k * max_imeis;
        size_t end = count - begin > max_imeis ? begin + max_imeis : count;
        st = make_part(shape, r, begin, end, &list[k]);
    }
    session_report_request_free(shape);
    if (st != SR_OK) {
        session_report_request_free_all(list, total);
        return st;
    }
    *parts = list;
    *n = total;
    return SR_OK;
}

void session_report_request_free_all(session_report_request **parts, size_t n)
{
    if (parts == NULL)
        return;
    for (size_t k = 0; k < n; k++)
        session_report_request_free(parts[k]);
    sr__free(parts);
}
