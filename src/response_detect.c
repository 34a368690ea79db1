/* SPDX-License-Identifier: MIT */
/* Telling the three response bodies apart by the members they have. */
#include <string.h>

#include "internal.h"
#include "response_common.h"
#include "sessreport/response.h"

/* Telling members seen at the top level. */
enum { SEEN_USAGE = 1, SEEN_ERROR = 2, SEEN_CALLBACK = 4 };

static sr_status note_member(void *vctx, const sr__json_value *v, sr_error *err)
{
    unsigned *seen = vctx;
    (void)err;
    if (strcmp(v->key, "usage") == 0)
        *seen |= SEEN_USAGE;
    else if (strcmp(v->key, "responseCode") == 0 || strcmp(v->key, "message") == 0 ||
             strcmp(v->key, "fault") == 0)
        *seen |= SEEN_ERROR;
    else if (strcmp(v->key, "status") == 0 || strcmp(v->key, "txid") == 0)
        *seen |= SEEN_CALLBACK;
    return SR_OK;
}

sr_response_kind sr_response_detect(const char *json, size_t len)
{
    sr__json_doc doc;
    size_t begin;
    int strict;
    unsigned seen = 0;
    if (sr__response_prepare(json, len, NULL, &doc, &begin, &strict, NULL) != SR_OK)
        return SR_RESPONSE_UNKNOWN;
    if (sr__json_scan_object(&doc, begin, len, "", note_member, &seen, NULL) != SR_OK)
        return SR_RESPONSE_UNKNOWN;
    if (seen & SEEN_USAGE)
        return SR_RESPONSE_AGGREGATE_REPORT;
    if (seen & SEEN_ERROR)
        return SR_RESPONSE_ERROR_BODY;
    if (seen & SEEN_CALLBACK)
        return SR_RESPONSE_CALLBACK_RESULT;
    return SR_RESPONSE_UNKNOWN;
}

const char *sr_response_kind_name(sr_response_kind k)
{
    static const char *const names[] = {"unknown", "aggregate report", "callback result",
                                        "error body"};
    size_t i = (size_t)k;
    return i < sizeof names / sizeof names[0] ? names[i] : names[0];
}
