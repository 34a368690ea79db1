/* SPDX-License-Identifier: MIT */
/* The layout of session_report_request, shared by the model, the codec and
 * the validator; plus the unchecked internal mutators the codec uses on
 * input it has already checked. */
#ifndef SESSREPORT_MODEL_H
#define SESSREPORT_MODEL_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "sessreport/request.h"

/* The known fields, in the order the serializer writes them (DESIGN 1). */
typedef enum sr__field {
    SR__FIELD_ACCOUNT_NUMBER,
    SR__FIELD_START_DATE,
    SR__FIELD_END_DATE,
    SR__FIELD_IMEI,
    SR__FIELD_DEVICE_GROUP,
    SR__FIELD_DATA_PLAN,
    SR__FIELD_NO_SESSION_FLAG,
    SR__FIELD_DEVICE_LABEL,
    SR__FIELD_COUNT
} sr__field;

/* Absent, explicit null, or a string: presence is never inferred from "". */
typedef enum sr__presence { SR__ABSENT = 0, SR__NULL = 1, SR__SET = 2 } sr__presence;

typedef struct sr__nullable {
    sr__presence state;
    char *value; /* owned; non-NULL exactly when state == SR__SET */
} sr__nullable;

/* All IMEIs live in one buffer as NUL-terminated strings; offsets[i] is
 * where the i-th starts. Two allocations however many IMEIs there are. */
typedef struct sr__imei_list {
    char *chars;
    size_t chars_len, chars_cap;
    size_t *offsets;
    size_t count, cap;
} sr__imei_list;

/* An unknown top-level member: a cJSON item moved out of a parsed tree
 * (its key in item->string, every number a raw item holding its digits),
 * and its value as compact JSON text when that text is not already at hand
 * (strings and containers; NULL for literals and numbers). */
typedef struct sr__member {
    cJSON *item;
    char *text;
} sr__member;

typedef struct sr__member_list {
    sr__member *items;
    size_t count, cap;
} sr__member_list;

struct session_report_request {
    char *account_number; /* NULL = unset */
    char *start_date;
    char *end_date;
    char *no_session_flag;
    sr__nullable device_group;
    sr__nullable data_plan;
    sr__nullable device_label;
    sr__imei_list imei;
    sr__member_list unknown;
};

/* The string slot of a plain field (account number, dates, flag), else NULL. */
char **sr__plain_slot(session_report_request *r, sr__field f);
/* The nullable slot of deviceGroup, dataPlan or deviceLabel, else NULL. */
sr__nullable *sr__nullable_slot(session_report_request *r, sr__field f);
const sr__nullable *sr__nullable_slot_const(const session_report_request *r, sr__field f);
const char *sr__plain_value(const session_report_request *r, sr__field f);

/* Makes room for `count` more IMEIs totalling `chars` bytes (terminators
 * included) so that the pushes that follow cannot fail. */
sr_status sr__imei_reserve(sr__imei_list *l, size_t count, size_t chars);
/* Appends s[0..len) (no checks). SR_OK or SR_ERR_NOMEM with l unchanged. */
sr_status sr__imei_push(sr__imei_list *l, const char *s, size_t len);
/* Length of the i-th IMEI (i < count). */
size_t sr__imei_len(const sr__imei_list *l, size_t i);
void sr__imei_list_free(sr__imei_list *l);

/* Appends an unknown member, taking item (freed with the list) on SR_OK;
 * SR_ERR_NOMEM leaves item to the caller and the list unchanged. */
sr_status sr__member_push(sr__member_list *l, cJSON *item);
/* The member's value as compact JSON text. */
const char *sr__member_text(const sr__member *m);
void sr__member_list_free(sr__member_list *l);

#endif /* SESSREPORT_MODEL_H */
