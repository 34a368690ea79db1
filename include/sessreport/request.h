/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport/request.h
 * @brief The aggregated usage report request: an opaque model with accessors.
 *
 * Ownership, for every function here:
 * - setters copy their string arguments; the caller keeps its own;
 * - getters return a string borrowed from the request, valid until that
 *   field (or, for IMEIs, the list) is changed or the request is freed;
 * - a failed setter changes nothing.
 *
 * Thread safety: different requests may be used from different threads at
 * once; one request may be read (getters, to_json, validate, equal, clone)
 * from several threads at once as long as no thread changes it.
 */
#ifndef SESSREPORT_REQUEST_H
#define SESSREPORT_REQUEST_H

#include <stddef.h>

#include "sessreport/common.h"
#include "sessreport/error.h"

SR_BEGIN_DECLS

/** The request body of `POST /report/aggregate` and `/report/async/aggregate`. */
typedef struct session_report_request session_report_request;

/**
 * @brief Creates an empty request: every field unset, no IMEIs.
 * @return The new request, or NULL when memory is exhausted.
 *         Ownership: the caller frees it with session_report_request_free().
 */
SR_API session_report_request *session_report_request_new(void) SR_WARN_UNUSED;

/**
 * @brief Frees a request and everything it owns. NULL is a no-op.
 * @param[in] r the request.
 */
SR_API void session_report_request_free(session_report_request *r);

/**
 * @brief Deep copy.
 * @param[in] r the request to copy.
 * @param[out] out set to the copy, or to NULL on failure.
 * @return ::SR_OK, ::SR_ERR_ARG (NULL argument) or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out.
 */
SR_API sr_status session_report_request_clone(const session_report_request *r,
                                              session_report_request **out) SR_WARN_UNUSED;

/**
 * @brief Field-by-field equality: presence, explicit nulls, values, the IMEI
 *        list in order and the unknown members in order.
 * @return 1 when equal (two NULLs are equal), 0 otherwise.
 */
SR_API int session_report_request_equal(const session_report_request *a,
                                        const session_report_request *b);

/**
 * @name Plain string fields
 * accountNumber (required), startDate, endDate and noSessionFlag (optional).
 * Values are not validated by the setters: see session_report_request_validate().
 * @{
 */
/**
 * @brief Sets `accountNumber` (required) to a copy of @p v; NULL unsets it.
 * @param[in,out] r the request.
 * @param[in] v the value (valid UTF-8, NUL-terminated), or NULL.
 * @return ::SR_OK, ::SR_ERR_ARG (r is NULL), ::SR_ERR_ENCODING (v is not valid
 *         UTF-8) or ::SR_ERR_NOMEM; on failure the field is unchanged.
 *         Ownership: the caller keeps @p v.
 */
SR_API sr_status session_report_request_set_account_number(session_report_request *r,
                                                           const char *v);
/**
 * @brief `accountNumber`, or NULL when unset (or r is NULL).
 * @param[in] r the request.
 * @return A string borrowed from @p r, valid until the field changes or @p r is freed.
 */
SR_API const char *session_report_request_get_account_number(const session_report_request *r);
/**
 * @brief Sets `startDate` (optional) to a copy of @p v; NULL unsets it.
 * @param[in,out] r the request.
 * @param[in] v the value (valid UTF-8, NUL-terminated), or NULL.
 * @return ::SR_OK, ::SR_ERR_ARG (r is NULL), ::SR_ERR_ENCODING (v is not valid
 *         UTF-8) or ::SR_ERR_NOMEM; on failure the field is unchanged.
 *         Ownership: the caller keeps @p v.
 */
SR_API sr_status session_report_request_set_start_date(session_report_request *r, const char *v);
/**
 * @brief `startDate`, or NULL when unset (or r is NULL).
 * @param[in] r the request.
 * @return A string borrowed from @p r, valid until the field changes or @p r is freed.
 */
SR_API const char *session_report_request_get_start_date(const session_report_request *r);
/**
 * @brief Sets `endDate` (optional) to a copy of @p v; NULL unsets it.
 * @param[in,out] r the request.
 * @param[in] v the value (valid UTF-8, NUL-terminated), or NULL.
 * @return ::SR_OK, ::SR_ERR_ARG (r is NULL), ::SR_ERR_ENCODING (v is not valid
 *         UTF-8) or ::SR_ERR_NOMEM; on failure the field is unchanged.
 *         Ownership: the caller keeps @p v.
 */
SR_API sr_status session_report_request_set_end_date(session_report_request *r, const char *v);
/**
 * @brief `endDate`, or NULL when unset (or r is NULL).
 * @param[in] r the request.
 * @return A string borrowed from @p r, valid until the field changes or @p r is freed.
 */
SR_API const char *session_report_request_get_end_date(const session_report_request *r);
/**
 * @brief Sets `noSessionFlag` (optional; "true" or "false" when valid) to a copy of @p v; NULL
 * unsets it.
 * @param[in,out] r the request.
 * @param[in] v the value (valid UTF-8, NUL-terminated), or NULL.
 * @return ::SR_OK, ::SR_ERR_ARG (r is NULL), ::SR_ERR_ENCODING (v is not valid
 *         UTF-8) or ::SR_ERR_NOMEM; on failure the field is unchanged.
 *         Ownership: the caller keeps @p v.
 */
SR_API sr_status session_report_request_set_no_session_flag(session_report_request *r,
                                                            const char *v);
/**
 * @brief `noSessionFlag`, or NULL when unset (or r is NULL).
 * @param[in] r the request.
 * @return A string borrowed from @p r, valid until the field changes or @p r is freed.
 */
SR_API const char *session_report_request_get_no_session_flag(const session_report_request *r);
/** @} */

/**
 * @name Nullable string fields
 * deviceGroup, dataPlan and deviceLabel have three states: absent, an
 * explicit JSON `null`, or a string. Presence is never inferred from "".
 * @{
 */
/**
 * @brief Puts `deviceGroup` in the string state with a copy of @p v; NULL makes it absent.
 * @param[in,out] r the request.
 * @param[in] v the value (valid UTF-8, NUL-terminated), or NULL.
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_ENCODING or ::SR_ERR_NOMEM; on
 *         failure the field is unchanged. Ownership: the caller keeps @p v.
 */
SR_API sr_status session_report_request_set_device_group(session_report_request *r, const char *v);
/**
 * @brief Puts `deviceGroup` in the explicit-null state (written as `null`).
 * @param[in,out] r the request.
 * @return ::SR_OK or ::SR_ERR_ARG (r is NULL).
 */
SR_API sr_status session_report_request_set_device_group_null(session_report_request *r);
/**
 * @brief Makes `deviceGroup` absent (left out of the JSON). NULL r is a no-op.
 * @param[in,out] r the request.
 */
SR_API void session_report_request_unset_device_group(session_report_request *r);
/**
 * @brief `deviceGroup` when it is a string; NULL when absent or null.
 * @param[in] r the request.
 * @return A string borrowed from @p r, valid until the field changes or @p r is freed.
 */
SR_API const char *session_report_request_get_device_group(const session_report_request *r);
/**
 * @brief Whether `deviceGroup` is an explicit null.
 * @param[in] r the request.
 * @return 1 in the explicit-null state, else 0 (also for NULL r).
 */
SR_API int session_report_request_is_device_group_null(const session_report_request *r);
/**
 * @brief Whether `deviceGroup` is present (a string or an explicit null).
 * @param[in] r the request.
 * @return 1 when present, 0 when absent (also for NULL r).
 */
SR_API int session_report_request_has_device_group(const session_report_request *r);
/**
 * @brief Puts `dataPlan` in the string state with a copy of @p v; NULL makes it absent.
 * @param[in,out] r the request.
 * @param[in] v the value (valid UTF-8, NUL-terminated), or NULL.
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_ENCODING or ::SR_ERR_NOMEM; on
 *         failure the field is unchanged. Ownership: the caller keeps @p v.
 */
SR_API sr_status session_report_request_set_data_plan(session_report_request *r, const char *v);
/**
 * @brief Puts `dataPlan` in the explicit-null state (written as `null`).
 * @param[in,out] r the request.
 * @return ::SR_OK or ::SR_ERR_ARG (r is NULL).
 */
SR_API sr_status session_report_request_set_data_plan_null(session_report_request *r);
/**
 * @brief Makes `dataPlan` absent (left out of the JSON). NULL r is a no-op.
 * @param[in,out] r the request.
 */
SR_API void session_report_request_unset_data_plan(session_report_request *r);
/**
 * @brief `dataPlan` when it is a string; NULL when absent or null.
 * @param[in] r the request.
 * @return A string borrowed from @p r, valid until the field changes or @p r is freed.
 */
SR_API const char *session_report_request_get_data_plan(const session_report_request *r);
/**
 * @brief Whether `dataPlan` is an explicit null.
 * @param[in] r the request.
 * @return 1 in the explicit-null state, else 0 (also for NULL r).
 */
SR_API int session_report_request_is_data_plan_null(const session_report_request *r);
/**
 * @brief Whether `dataPlan` is present (a string or an explicit null).
 * @param[in] r the request.
 * @return 1 when present, 0 when absent (also for NULL r).
 */
SR_API int session_report_request_has_data_plan(const session_report_request *r);
/**
 * @brief Puts `deviceLabel` in the string state with a copy of @p v; NULL makes it absent.
 * @param[in,out] r the request.
 * @param[in] v the value (valid UTF-8, NUL-terminated), or NULL.
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_ENCODING or ::SR_ERR_NOMEM; on
 *         failure the field is unchanged. Ownership: the caller keeps @p v.
 */
SR_API sr_status session_report_request_set_device_label(session_report_request *r, const char *v);
/**
 * @brief Puts `deviceLabel` in the explicit-null state (written as `null`).
 * @param[in,out] r the request.
 * @return ::SR_OK or ::SR_ERR_ARG (r is NULL).
 */
SR_API sr_status session_report_request_set_device_label_null(session_report_request *r);
/**
 * @brief Makes `deviceLabel` absent (left out of the JSON). NULL r is a no-op.
 * @param[in,out] r the request.
 */
SR_API void session_report_request_unset_device_label(session_report_request *r);
/**
 * @brief `deviceLabel` when it is a string; NULL when absent or null.
 * @param[in] r the request.
 * @return A string borrowed from @p r, valid until the field changes or @p r is freed.
 */
SR_API const char *session_report_request_get_device_label(const session_report_request *r);
/**
 * @brief Whether `deviceLabel` is an explicit null.
 * @param[in] r the request.
 * @return 1 in the explicit-null state, else 0 (also for NULL r).
 */
SR_API int session_report_request_is_device_label_null(const session_report_request *r);
/**
 * @brief Whether `deviceLabel` is present (a string or an explicit null).
 * @param[in] r the request.
 * @return 1 when present, 0 when absent (also for NULL r).
 */
SR_API int session_report_request_has_device_label(const session_report_request *r);
/** @} */

/**
 * @name IMEI list
 * Required in JSON, but may be empty (an empty list means all devices).
 * Appending is amortized O(1); all IMEIs share one buffer.
 * @{
 */
/** @brief Number of IMEIs (0 for NULL r). */
SR_API size_t session_report_request_imei_count(const session_report_request *r);
/** @brief The i-th IMEI, or NULL when i is out of range. Borrowed until the list changes. */
SR_API const char *session_report_request_imei_at(const session_report_request *r, size_t i);
/**
 * @brief Appends a copy of @p imei, which may point into this request
 *        (e.g. session_report_request_imei_at(r, 0)).
 * @return ::SR_OK, ::SR_ERR_ARG (NULL r or imei), ::SR_ERR_ENCODING or
 *         ::SR_ERR_NOMEM; on failure the list is unchanged.
 */
SR_API sr_status session_report_request_add_imei(session_report_request *r, const char *imei);
/**
 * @brief Replaces the whole list with copies of @p imeis[0..n).
 * @return ::SR_OK, ::SR_ERR_ARG (NULL r, NULL imeis with n > 0, or a NULL
 *         item), ::SR_ERR_ENCODING or ::SR_ERR_NOMEM; on failure the old
 *         list is kept unchanged.
 */
SR_API sr_status session_report_request_set_imei(session_report_request *r,
                                                 const char *const *imeis, size_t n);
/** @brief Empties the list. NULL r is a no-op. */
SR_API void session_report_request_clear_imei(session_report_request *r);
/**
 * @brief Removes the i-th IMEI; the later ones move down one index, in
 *        order. Pointers from session_report_request_imei_at() are invalid
 *        afterwards.
 * @return ::SR_OK, or ::SR_ERR_ARG (NULL r, or @p i not below the count;
 *         nothing changed). Never allocates.
 */
SR_API sr_status session_report_request_remove_imei(session_report_request *r, size_t i);
/** @} */

/**
 * @name Unknown members
 * Top-level members the model does not know, kept from parsing in input
 * order and written back after the known fields. Each value reads as
 * compact JSON text: numbers keep their digits exactly as written, strings
 * come back in cJSON's escaping ("\u0041" as "A").
 * @{
 */
/** @brief Number of unknown members (0 for NULL r). */
SR_API size_t session_report_request_unknown_count(const session_report_request *r);
/** @brief The i-th member's key (decoded UTF-8), or NULL when out of range. Borrowed. */
SR_API const char *session_report_request_unknown_key_at(const session_report_request *r, size_t i);
/** @brief The i-th member's value as compact JSON text, or NULL when out of range. Borrowed. */
SR_API const char *session_report_request_unknown_value_at(const session_report_request *r,
                                                           size_t i);
/** @brief Drops every unknown member. NULL r is a no-op. */
SR_API void session_report_request_clear_unknown(session_report_request *r);
/** @} */

/**
 * @brief Splits the IMEI list into requests of at most @p max_imeis IMEIs
 *        each: chunks of @p max_imeis in order (the last may be shorter),
 *        every other field copied as it is (explicit nulls and unknown
 *        members included).
 *
 * An empty list means all devices and is never split: the result is one
 * copy. A list within the limit also gives one copy.
 * @param[in] r the request.
 * @param[in] max_imeis the endpoint's limit, e.g. ::SR_MAX_IMEIS_SYNC.
 * @param[out] parts set to an array of @p *n new requests, or to NULL on
 *             failure. Ownership: free with session_report_request_free_all().
 * @param[out] n set to the number of parts, or to 0 on failure.
 * @return ::SR_OK, ::SR_ERR_ARG (NULL argument or @p max_imeis 0) or
 *         ::SR_ERR_NOMEM (nothing is left allocated).
 */
SR_API sr_status session_report_request_split(const session_report_request *r, size_t max_imeis,
                                              session_report_request ***parts,
                                              size_t *n) SR_WARN_UNUSED;

/**
 * @brief Frees the @p n requests of @p parts and the array itself, as
 *        session_report_request_split() returned them. NULL is a no-op.
 */
SR_API void session_report_request_free_all(session_report_request **parts, size_t n);

SR_END_DECLS

#endif /* SESSREPORT_REQUEST_H */
