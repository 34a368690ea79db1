/* SPDX-License-Identifier: MIT */
/* The 0.1 names of the response getters, kept for one release (0.2.x) as
 * thin aliases of the `<type>_get_<member>()` getters; removed in 0.3. */
#include "sessreport/response.h"

const char *sr_aggregate_report_txid(const sr_aggregate_report *r)
{
    return sr_aggregate_report_get_txid(r);
}

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

const char *sr_callback_result_txid(const sr_callback_result *r)
{
    return sr_callback_result_get_txid(r);
}

const char *sr_callback_result_status(const sr_callback_result *r)
{
    return sr_callback_result_get_status(r);
}

const char *sr_error_body_response_code(const sr_error_body *b)
{
    return sr_error_body_get_response_code(b);
}

const char *sr_error_body_message(const sr_error_body *b)
{
    return sr_error_body_get_message(b);
}

const char *sr_error_body_fault_code(const sr_error_body *b)
{
    return sr_error_body_get_fault_code(b);
}

const char *sr_error_body_fault_message(const sr_error_body *b)
{
    return sr_error_body_get_fault_message(b);
}

const char *sr_error_body_fault_description(const sr_error_body *b)
{
    return sr_error_body_get_fault_description(b);
}

const char *sr_error_body_error_code(const sr_error_body *b)
{
    return sr_error_body_get_error_code(b);
}

const char *sr_error_body_error_message(const sr_error_body *b)
{
    return sr_error_body_get_error_message(b);
}

const char *sr_error_body_best_message(const sr_error_body *b)
{
    return sr_error_body_get_best_message(b);
}
