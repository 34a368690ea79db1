/* SPDX-License-Identifier: MIT */
/* The error body of any non-2xx answer, in both forms
 * (HyperPreciseLocationResultException and the short errorCode /
 * errorMessage one): its field tables, getters and setters. */
#include <stddef.h>

#include "internal.h"
#include "response_common.h"
#include "sessreport/response.h"

struct sr_error_body {
    sr__text member[SR_ERROR_BODY_FIELD_COUNT]; /* indexed by sr_error_body_field */
    unsigned char fault;                        /* absent, null or an object */
};

#define MEMBER(key, f)                                                                             \
    {                                                                                              \
        key, SR__FIELD_TEXT, 0, offsetof(sr_error_body, member[f]), NULL                           \
    }

static const sr__field fault_fields[] = {
    MEMBER("code", SR_ERROR_BODY_FAULT_CODE),
    MEMBER("message", SR_ERROR_BODY_FAULT_MESSAGE),
    MEMBER("description", SR_ERROR_BODY_FAULT_DESCRIPTION),
};
static const sr__table fault_table = {fault_fields, 3, sizeof(sr_error_body), "an object"};

static const sr__field body_fields[] = {
    MEMBER("responseCode", SR_ERROR_BODY_RESPONSE_CODE),
    MEMBER("message", SR_ERROR_BODY_MESSAGE),
    {"fault", SR__FIELD_OBJECT, 0, offsetof(sr_error_body, fault), &fault_table},
    MEMBER("errorCode", SR_ERROR_BODY_ERROR_CODE),
    MEMBER("errorMessage", SR_ERROR_BODY_ERROR_MESSAGE),
};
static const sr__table body_table = {body_fields, 5, sizeof(sr_error_body), "an object"};

const sr__response_type sr__error_body_type = {&body_table, NULL, SR_RESPONSE_ERROR_BODY};

const char *sr_error_body_get(const sr_error_body *b, sr_error_body_field f)
{
    return b != NULL && (unsigned)f < SR_ERROR_BODY_FIELD_COUNT ? b->member[f].text : NULL;
}

sr_status sr_error_body_set(sr_error_body *b, sr_error_body_field f, const char *v)
{
    sr_status st;
    if (b == NULL || (unsigned)f >= SR_ERROR_BODY_FIELD_COUNT)
        return SR_ERR_ARG;
    st = sr__text_set(&b->member[f], v);
    if (st == SR_OK && f >= SR_ERROR_BODY_FAULT_CODE && f <= SR_ERROR_BODY_FAULT_DESCRIPTION)
        b->fault = sr__object_state(&fault_table, b);
    return st;
}

int sr_error_body_has_fault(const sr_error_body *b)
{
    return b != NULL && b->fault == SR__VALUE;
}

/* sr_error_body_get_NAME(b) is sr_error_body_get(b, FIELD). */
#define SR__BODY_GETTER(name, field)                                                               \
    const char *sr_error_body_get_##name(const sr_error_body *b)                                   \
    {                                                                                              \
        return sr_error_body_get(b, field);                                                        \
    }

SR__BODY_GETTER(response_code, SR_ERROR_BODY_RESPONSE_CODE)
SR__BODY_GETTER(message, SR_ERROR_BODY_MESSAGE)
SR__BODY_GETTER(fault_code, SR_ERROR_BODY_FAULT_CODE)
SR__BODY_GETTER(fault_message, SR_ERROR_BODY_FAULT_MESSAGE)
SR__BODY_GETTER(fault_description, SR_ERROR_BODY_FAULT_DESCRIPTION)
SR__BODY_GETTER(error_code, SR_ERROR_BODY_ERROR_CODE)
SR__BODY_GETTER(error_message, SR_ERROR_BODY_ERROR_MESSAGE)

const char *sr_error_body_get_best_message(const sr_error_body *b)
{
    static const sr_error_body_field order[] = {SR_ERROR_BODY_MESSAGE, SR_ERROR_BODY_ERROR_MESSAGE,
                                                SR_ERROR_BODY_FAULT_MESSAGE,
                                                SR_ERROR_BODY_FAULT_DESCRIPTION};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *text = sr_error_body_get(b, order[i]);
        if (text != NULL)
            return text;
    }
    return NULL;
}
