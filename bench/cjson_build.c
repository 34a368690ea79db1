/* SPDX-License-Identifier: MIT */
/* Builds the cJSON tree an application would print instead of calling to_json. */
#include "bench.h"

/* A nullable field: absent, explicit null, or a string. 0, or -1 on NOMEM. */
static int add_nullable(cJSON *obj, const char *key, int has, int is_null, const char *value)
{
    if (!has)
        return 0;
    if (is_null)
        return cJSON_AddNullToObject(obj, key) ? 0 : -1;
    return cJSON_AddStringToObject(obj, key, value) ? 0 : -1;
}

static int add_optional(cJSON *obj, const char *key, const char *value)
{
    if (value == NULL)
        return 0;
    return cJSON_AddStringToObject(obj, key, value) ? 0 : -1;
}

static int add_imeis(cJSON *obj, const session_report_request *r)
{
    cJSON *arr = cJSON_AddArrayToObject(obj, "imei");
    if (arr == NULL)
        return -1;
    size_t n = session_report_request_imei_count(r);
    for (size_t i = 0; i < n; i++) {
        cJSON *item = cJSON_CreateString(session_report_request_imei_at(r, i));
        if (item == NULL || !cJSON_AddItemToArray(arr, item)) {
            cJSON_Delete(item);
            return -1;
        }
    }
    return 0;
}

/* Unknown members hold JSON text: cJSON has no raw-text parse into a node
 * other than cJSON_CreateRaw, which prints the bytes back unchanged. */
static int add_unknown(cJSON *obj, const session_report_request *r)
{
    size_t n = session_report_request_unknown_count(r);
    for (size_t i = 0; i < n; i++) {
        if (cJSON_AddRawToObject(obj, session_report_request_unknown_key_at(r, i),
                                 session_report_request_unknown_value_at(r, i)) == NULL)
            return -1;
    }
    return 0;
}

cJSON *bench_cjson_from_request(const session_report_request *r)
{
    cJSON *obj = cJSON_CreateObject();
    if (obj == NULL)
        return NULL;
    if (add_optional(obj, "accountNumber", session_report_request_get_account_number(r)) != 0 ||
        add_optional(obj, "startDate", session_report_request_get_start_date(r)) != 0 ||
        add_optional(obj, "endDate", session_report_request_get_end_date(r)) != 0 ||
        add_imeis(obj, r) != 0 ||
        add_nullable(obj, "deviceGroup", session_report_request_has_device_group(r),
                     session_report_request_is_device_group_null(r),
                     session_report_request_get_device_group(r)) != 0 ||
        add_nullable(obj, "dataPlan", session_report_request_has_data_plan(r),
                     session_report_request_is_data_plan_null(r),
                     session_report_request_get_data_plan(r)) != 0 ||
        add_optional(obj, "noSessionFlag", session_report_request_get_no_session_flag(r)) != 0 ||
        add_nullable(obj, "deviceLabel", session_report_request_has_device_label(r),
                     session_report_request_is_device_label_null(r),
                     session_report_request_get_device_label(r)) != 0 ||
        add_unknown(obj, r) != 0) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}
