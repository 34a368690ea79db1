/* SPDX-License-Identifier: MIT */
/* The 0.1 names of the response getters, kept for one release (0.2.x) as
 * thin aliases of the `<type>_get_<member>()` getters; removed in 0.3. */
#include "sessreport/response.h"

const char *sr_aggregate_report_usage_imei(const sr_aggregate_report *r, size_t i)
{
    return sr_aggregate_report_get_usage_imei(r, i);
}

sr_status sr_aggregate_report_usage_sessions(const sr_aggregate_report *r, size_t i, int64_t *out)
{
    return sr_aggregate_report_get_usage_sessions(r, i, out);
}

sr_status sr_aggregate_report_usage_bytes(const sr_aggregate_report *r, size_t i, int64_t *out)
{
    return sr_aggregate_report_get_usage_bytes(r, i, out);
}

const char *sr_aggregate_report_error_get(const sr_aggregate_report *r, size_t i,
                                          sr_row_error_field f)
{
    return sr_aggregate_report_get_error(r, i, f);
}

/* T_NAME(obj) is T_get_NAME(obj): the text getters of one argument. */
#define SR__GETTER_ALIAS(T, name)                                                                  \
    const char *T##_##name(const T *obj)                                                           \
    {                                                                                              \
        return T##_get_##name(obj);                                                                \
    }

SR__GETTER_ALIAS(sr_aggregate_report, txid)
SR__GETTER_ALIAS(sr_callback_result, txid)
SR__GETTER_ALIAS(sr_callback_result, status)
SR__GETTER_ALIAS(sr_error_body, response_code)
SR__GETTER_ALIAS(sr_error_body, message)
SR__GETTER_ALIAS(sr_error_body, fault_code)
SR__GETTER_ALIAS(sr_error_body, fault_message)
SR__GETTER_ALIAS(sr_error_body, fault_description)
SR__GETTER_ALIAS(sr_error_body, error_code)
SR__GETTER_ALIAS(sr_error_body, error_message)
SR__GETTER_ALIAS(sr_error_body, best_message)
