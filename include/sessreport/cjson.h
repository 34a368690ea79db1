/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport/cjson.h
 * @brief The request and the responses from and to cJSON trees, for
 *        applications that already hold cJSON trees.
 *
 * The one public header that includes `<cjson/cJSON.h>`; `sessreport.h`
 * does not include it. The rules and error paths are those of the text
 * functions (`sessreport/json.h`, `sessreport/response.h`), positions aside:
 * errors carry a JSON Pointer but no offset, line or column, and
 * ::sr_parse_options::max_bytes does not apply.
 *
 * Trees are never shared: a `*_from_cjson` function reads the caller's tree
 * and neither changes nor keeps any part of it; a `*_to_cjson` function
 * returns a new tree the caller frees with cJSON_Delete().
 *
 * Numbers: cJSON keeps numbers as doubles, which cannot hold every JSON
 * number's digits. The library keeps them as text, so the numbers inside
 * unknown members come back from `*_to_cjson` as cJSON_Raw items holding
 * their digits (cJSON_IsRaw(), the digits in `valuestring`), which cJSON
 * prints unchanged. `*_from_cjson` accepts ordinary cJSON numbers (kept as
 * cJSON prints them) and raw items that hold exactly one JSON number.
 */
#ifndef SESSREPORT_CJSON_H
#define SESSREPORT_CJSON_H

#include <cjson/cJSON.h>

#include "sessreport/common.h"
#include "sessreport/error.h"
#include "sessreport/json.h"
#include "sessreport/request.h"
#include "sessreport/response.h"

SR_BEGIN_DECLS

/**
 * @brief Decodes a request from a cJSON object, as
 *        session_report_request_from_json() does from text.
 *
 * The tree is checked as the text would be: every string and key valid
 * UTF-8 without NUL (::SR_ERR_ENCODING), no key twice in one object
 * (::SR_ERR_DUPLICATE at the second), nesting within ::SR_MAX_DEPTH
 * (::SR_ERR_LIMIT), numbers finite (::SR_ERR_RANGE), raw items holding one
 * JSON number and object members with a key (::SR_ERR_TYPE otherwise); then
 * the same field rules apply, with the same paths.
 *
 * @param[in] object the document; it is only read.
 * @param[in] opts options (::SR_PARSE_STRICT), or NULL for the defaults.
 * @param[out] out set to the new request, or to NULL on failure.
 * @param[out] err filled on failure (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_TYPE, ::SR_ERR_ENCODING,
 *         ::SR_ERR_DUPLICATE, ::SR_ERR_LIMIT, ::SR_ERR_RANGE,
 *         ::SR_ERR_UNKNOWN_FIELD, ::SR_ERR_MISSING or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out with session_report_request_free().
 */
SR_API sr_status session_report_request_from_cjson(const cJSON *object,
                                                   const sr_parse_options *opts,
                                                   session_report_request **out,
                                                   sr_error *err) SR_WARN_UNUSED;

/**
 * @brief Builds the cJSON object session_report_request_to_json() would
 *        print: known fields in the documented order, then the unknown
 *        members in their original order.
 *
 * @param[in] r the request.
 * @param[out] out set to the new tree, or to NULL on failure.
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_MISSING (no account number) or
 *         ::SR_ERR_NOMEM. Ownership: the caller frees *out with cJSON_Delete().
 */
SR_API sr_status session_report_request_to_cjson(const session_report_request *r,
                                                 cJSON **out) SR_WARN_UNUSED;

/** @name Responses from and to cJSON trees
 *  Counts may be ordinary cJSON numbers (cJSON_Number): a whole double in
 *  0..INT64_MAX is taken as it is; a fraction, a negative value, NaN or a
 *  value of 2^63 or more is ::SR_ERR_RANGE. A raw item (cJSON_Raw) holding
 *  a JSON number is read exactly from its digits. The tree is checked first
 *  as session_report_request_from_cjson() checks it (UTF-8, repeated keys,
 *  nesting, numbers), then the field rules of the text decoders apply, with
 *  the same paths.
 *
 *  `*_to_cjson` writes counts up to 2^53 as cJSON numbers and larger ones as
 *  raw items of their digits, so that no value changes.
 *  @{ */

/**
 * @brief Decodes a report from the cJSON tree @p object (not modified).
 * @return As sr_aggregate_report_from_json(), plus ::SR_ERR_ARG when
 *         @p object or @p out is NULL; ::SR_ERR_TYPE (path "") when
 *         @p object is not an object. *out is NULL on failure.
 */
SR_API sr_status sr_aggregate_report_from_cjson(const cJSON *object, const sr_parse_options *opts,
                                                sr_aggregate_report **out,
                                                sr_error *err) SR_WARN_UNUSED;
/**
 * @brief A new cJSON tree holding @p r, as sr_aggregate_report_to_json() writes it.
 * @return ::SR_OK, ::SR_ERR_ARG or ::SR_ERR_NOMEM; *out is NULL on failure.
 *         Ownership: the caller frees *out with cJSON_Delete().
 */
SR_API sr_status sr_aggregate_report_to_cjson(const sr_aggregate_report *r,
                                              cJSON **out) SR_WARN_UNUSED;

/** @brief As sr_aggregate_report_from_cjson(), for a callback result. */
SR_API sr_status sr_callback_result_from_cjson(const cJSON *object, const sr_parse_options *opts,
                                               sr_callback_result **out,
                                               sr_error *err) SR_WARN_UNUSED;
/**
 * @brief As sr_aggregate_report_to_cjson(), for a callback result;
 *        ::SR_ERR_MISSING when its txid is unset.
 */
SR_API sr_status sr_callback_result_to_cjson(const sr_callback_result *r,
                                             cJSON **out) SR_WARN_UNUSED;

/** @brief As sr_aggregate_report_from_cjson(), for an error body. */
SR_API sr_status sr_error_body_from_cjson(const cJSON *object, const sr_parse_options *opts,
                                          sr_error_body **out, sr_error *err) SR_WARN_UNUSED;
/** @brief As sr_aggregate_report_to_cjson(), for an error body. */
SR_API sr_status sr_error_body_to_cjson(const sr_error_body *b, cJSON **out) SR_WARN_UNUSED;
/** @} */

SR_END_DECLS

#endif /* SESSREPORT_CJSON_H */
