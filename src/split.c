/* SPDX-License-Identifier: MIT */
/* session_report_request_split: one request cut into requests within an
 * endpoint's IMEI limit (DESIGN sections 3 and 6). */
#include <string.h>

#include "internal.h"
#include "model.h"

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
    /* each part: a copy of shape, then its chunk of the IMEIs; a part that
     * fails half-built is freed below with the others */
    for (size_t k = 0; k < total && st == SR_OK; k++) {
        st = session_report_request_clone(shape, &list[k]);
        size_t end = count - k * max_imeis > max_imeis ? (k + 1) * max_imeis : count;
        for (size_t i = k * max_imeis; i < end && st == SR_OK; i++)
            st = sr__imei_push(&list[k]->imei, session_report_request_imei_at(r, i));
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
