/* SPDX-License-Identifier: MIT */
/* The 0.1 names of the response getters, kept for one release (0.2.x) as
 * thin aliases of the `<type>_get_<member>()` getters; removed in 0.3. */
#include "sessreport/response.h"

/* OLD(params), returning R, is NEW(args). */
#define SR__ALIAS(R, OLD, NEW, params, args)                                                       \
    R OLD params                                                                                   \
    {                                                                                              \
        return NEW args;                                                                           \
    }
/* T_NAME(obj) is T_get_NAME(obj): the text getters of one argument. */
#define SR__GETTER_ALIAS(T, name)                                                                  \
    SR__ALIAS(const char *, T##_##name, T##_get_##name, (const T *obj), (obj))

SR__ALIAS(const char *, sr_aggregate_report_usage_imei, sr_aggregate_report_get_usage_imei,
          (const sr_aggregate_report *r, size_t i), (r, i))
SR__ALIAS(sr_status, sr_aggregate_report_usage_sessions, sr_aggregate_report_get_usage_sessions,
          (const sr_aggregate_report *r, size_t i, int64_t *out), (r, i, out))
SR__ALIAS(sr_status, sr_aggregate_report_usage_bytes, sr_aggregate_report_get_usage_bytes,
          (const sr_aggregate_report *r, size_t i, int64_t *out), (r, i, out))
SR__ALIAS(const char *, sr_aggregate_report_error_get, sr_aggregate_report_get_error,
          (const sr_aggregate_report *r, size_t i, sr_row_error_field f), (r, i, f))
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
