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

/* The IMEIs are the string items of one cJSON array (NULL while there is
 * none), indexed so that the i-th is found at once. */
typedef struct sr__imei_list {
    cJSON *array;
    cJSON **items;
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

/* Every string of the model is a cJSON string item it owns: a parsed
 * document's items are moved in, not copied. */
struct session_report_request {
    cJSON *text[SR__FIELD_COUNT]; /* by field; NULL = unset or null (imei: unused) */
    /* of the nullable fields; SR__SET exactly when text[f] is not NULL */
    sr__presence state[SR__FIELD_COUNT];
    sr__imei_list imei;
    sr__member_list unknown;
};

/* 1 for deviceGroup, dataPlan and deviceLabel, which can be null. */
int sr__field_is_nullable(sr__field f);

/* The string of a string item, or NULL for NULL. */
const char *sr__text(const cJSON *item);
/* Replaces *slot with item (which it takes), freeing what was there. */
void sr__put_item(cJSON **slot, cJSON *item);
/* Takes array, whose count items are all strings, as the whole list (the
 * old one is freed) on SR_OK; SR_ERR_NOMEM leaves array to the caller and l
 * unchanged. */
sr_status sr__imei_adopt(sr__imei_list *l, cJSON *array, size_t count);
/* Appends a copy of s (no checks). SR_OK or SR_ERR_NOMEM with the same
 * IMEIs. */
sr_status sr__imei_push(sr__imei_list *l, const char *s);
void sr__imei_list_free(sr__imei_list *l);

/* Appends an unknown member, taking item (freed with the list) on SR_OK;
 * SR_ERR_NOMEM leaves item to the caller and the list unchanged. */
sr_status sr__member_push(sr__member_list *l, cJSON *item);
/* The member's value as compact JSON text. */
const char *sr__member_text(const sr__member *m);
void sr__member_list_free(sr__member_list *l);

#endif /* SESSREPORT_MODEL_H */
