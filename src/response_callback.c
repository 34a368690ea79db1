/* SPDX-License-Identifier: MIT */
/* AggregatedReportCallbackResult, the asynchronous response: its field
 * table, getters and setters. */
#include <stddef.h>

#include "internal.h"
#include "response_common.h"
#include "sessreport/response.h"

struct sr_callback_result {
    sr__text txid;   /* required, never null */
    sr__text status; /* optional: absent, null or a string */
};

static const sr__field callback_fields[] = {
    {"txid", SR__FIELD_TEXT, SR__FIELD_REQUIRED, offsetof(sr_callback_result, txid), NULL},
    {"status", SR__FIELD_TEXT, 0, offsetof(sr_callback_result, status), NULL},
};
static const sr__table callback_table = {callback_fields, 2, sizeof(sr_callback_result),
                                         "an object"};

const sr__response_type sr__callback_result_type = {&callback_table, NULL,
                                                    SR_RESPONSE_CALLBACK_RESULT};

/* sr_callback_result_get_NAME and sr_callback_result_set_NAME. */
#define SR__TEXT_ACCESSORS(name)                                                                   \
    const char *sr_callback_result_get_##name(const sr_callback_result *r)                         \
    {                                                                                              \
        return r != NULL ? r->name.text : NULL;                                                    \
    }                                                                                              \
    sr_status sr_callback_result_set_##name(sr_callback_result *r, const char *v)                  \
    {                                                                                              \
        return r != NULL ? sr__text_set(&r->name, v) : SR_ERR_ARG;                                 \
    }

SR__TEXT_ACCESSORS(txid)
SR__TEXT_ACCESSORS(status)
