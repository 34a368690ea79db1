/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport/response.h
 * @brief Responses of the aggregated usage report endpoints (DESIGN section 7):
 *        AggregateSessionReport (synchronous), AggregatedReportCallbackResult
 *        (asynchronous) and the error body (HyperPreciseLocationResultException,
 *        or the short `{errorCode, errorMessage}` form).
 *
 * Each response is its own opaque type with getters, a decoder from
 * `(ptr, len)` and an encoder back to JSON. The caller knows which type to
 * expect (endpoint and HTTP status) and calls that type's decoder;
 * sr_response_detect() is only a guess, for tools.
 *
 * Decoding follows the request's rules (sessreport/json.h): strict RFC 8259
 * syntax checked first (offset, line, column), a leading UTF-8 BOM skipped,
 * ::SR_ERR_DUPLICATE for a repeated key at any depth, ::SR_ERR_ENCODING for
 * invalid UTF-8, NUL or lone surrogates, ::SR_ERR_LIMIT above
 * ::sr_parse_options::max_bytes, then cJSON builds the tree and one field
 * table per type maps it: ::SR_ERR_TYPE / ::SR_ERR_MISSING / ::SR_ERR_RANGE
 * with an RFC 6901 path such as `/usage/3/numberOfSessions`. One error is
 * reported, the first in document order.
 *
 * Absent, null and value are kept apart for every member: getters return
 * NULL (strings) or ::SR_ERR_MISSING (counts) for an absent or null member
 * and never invent a value, and the encoders write back what was read
 * (absent stays absent, null stays null; members in the order of the
 * documented schema). Unknown members, at any level, are skipped (not kept);
 * under ::SR_PARSE_STRICT they are ::SR_ERR_UNKNOWN_FIELD.
 *
 * Counts (numberOfSessions, bytesTransferred) are read exactly from the
 * number's own digits, never through a double: every value 0..INT64_MAX is
 * kept exactly (9007199254740993 stays 9007199254740993). The number's value
 * counts, not its spelling: `1.0`, `1e3`, `150e-1` and `-0` are whole numbers
 * and accepted; `1.5`, `-1` and `9223372036854775808` are ::SR_ERR_RANGE.
 *
 * Ownership: getters return strings borrowed from the object, valid until
 * that member is set again or the object is freed; setters and adders copy
 * (a pointer into the object itself is fine). Encoders return a string the
 * caller frees with sr_free(); they fail with ::SR_ERR_LIMIT beyond
 * ::SR_JSON_MAX_OUTPUT. Every out-parameter is set on every failure path
 * (NULL or 0), except the count getters' value on ::SR_ERR_MISSING, which is
 * left as the caller set it (a default).
 *
 * Thread safety: different objects may be used from different threads at
 * once; one object may be read from several threads while none changes it.
 *
 * Naming: a member's getter is `<type>_get_<member>()`, as on the request
 * (session_report_request_get_account_number()). Counts and predicates are
 * not getters and read as what they answer: sr_aggregate_report_usage_count(),
 * sr_aggregate_report_txid_is_null(), sr_error_body_has_fault(). The 0.1
 * names without `get_` remain, deprecated, until 0.3 (the block at the end
 * of this header).
 */
#ifndef SESSREPORT_RESPONSE_H
#define SESSREPORT_RESPONSE_H

#include <stddef.h>
#include <stdint.h>

#include "sessreport/common.h"
#include "sessreport/error.h"
#include "sessreport/json.h"

SR_BEGIN_DECLS

/** Which response a document looks like; see sr_response_detect(). */
typedef enum sr_response_kind {
    SR_RESPONSE_UNKNOWN = 0,          /**< not JSON, not an object, or fits no type */
    SR_RESPONSE_AGGREGATE_REPORT = 1, /**< ::sr_aggregate_report (sync 2xx) */
    SR_RESPONSE_CALLBACK_RESULT = 2,  /**< ::sr_callback_result (async 2xx) */
    SR_RESPONSE_ERROR_BODY = 3,       /**< ::sr_error_body (any non-2xx) */
    SR_RESPONSE_AMBIGUOUS = 4         /**< fits more than one type equally, e.g. `{"txid":"t"}` */
} sr_response_kind;

/**
 * @brief Guesses the response type of a document (for tools such as
 *        `sessreport report`; programs know the type from the endpoint and
 *        the HTTP status and call its decoder).
 *
 * A type fits when the document decodes as that type (unknown members
 * skipped) and has at least one member the type knows at the top level. The
 * fitting type with the most known members wins; a tie is
 * ::SR_RESPONSE_AMBIGUOUS (`{"txid":"t"}` is a report or a callback result).
 * @param[in] json the bytes (may be NULL when len is 0).
 * @param[in] len their number.
 * @return The kind; ::SR_RESPONSE_UNKNOWN when nothing fits (decode with the
 *         expected type's decoder to learn why). Allocates nothing that
 *         outlives the call.
 */
SR_API sr_response_kind sr_response_detect(const char *json, size_t len);

/**
 * @brief The kind's name: "aggregate report", "callback result",
 *        "error body", "ambiguous" or "unknown". Never NULL; static storage.
 */
SR_API const char *sr_response_kind_name(sr_response_kind k);

/* ------------------------------------------------------------------------ */
/** @name AggregateSessionReport (synchronous response)
 *  `{"txid": string|null, "usage": [{"imei", "numberOfSessions",
 *  "bytesTransferred"}]|null, "errors": [{"imei", "errorMessage",
 *  "errorResponse": {"errorCode", "errorMessage", "httpStatusCode",
 *  "detailErrorMessage"}|null}]|null}`. Every member, at every level, may be
 *  absent or null; the strings may be null; counts are integers or null.
 *  `httpStatusCode` is a string in Verizon's SDKs (`"423 LOCKED"`); a JSON
 *  number is accepted too and kept as its digits (written back as a number).
 *  @{ */

/** The synchronous response: a transaction id, usage rows and error rows. */
typedef struct sr_aggregate_report sr_aggregate_report;

/** Members of an `errors` row, for sr_aggregate_report_get_error(). */
typedef enum sr_row_error_field {
    SR_ROW_ERROR_IMEI = 0,             /**< `imei` */
    SR_ROW_ERROR_MESSAGE = 1,          /**< `errorMessage` */
    SR_ROW_ERROR_CODE = 2,             /**< `errorResponse.errorCode` */
    SR_ROW_ERROR_RESPONSE_MESSAGE = 3, /**< `errorResponse.errorMessage` */
    SR_ROW_ERROR_HTTP_STATUS = 4,      /**< `errorResponse.httpStatusCode` */
    SR_ROW_ERROR_DETAIL = 5,           /**< `errorResponse.detailErrorMessage` */
    SR_ROW_ERROR_FIELD_COUNT = 6       /**< number of members (not a member) */
} sr_row_error_field;

/**
 * @brief Creates an empty report: txid null, an empty usage array, no errors
 *        member (encodes as `{"txid":null,"usage":[]}`).
 * @return The new report, or NULL when memory is exhausted.
 *         Ownership: the caller frees it with sr_aggregate_report_free().
 */
SR_API sr_aggregate_report *sr_aggregate_report_new(void) SR_WARN_UNUSED;

/** @brief Frees a report and everything it owns. NULL is a no-op. */
SR_API void sr_aggregate_report_free(sr_aggregate_report *r);

/**
 * @brief Decodes an AggregateSessionReport from @p len bytes of JSON.
 * @param[in] json the bytes; may be NULL only when len is 0.
 * @param[in] len their number.
 * @param[in] opts options (::SR_PARSE_STRICT, max_bytes), or NULL for the defaults.
 * @param[out] out set to the new report, or to NULL on failure.
 * @param[out] err filled on failure (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_LIMIT, ::SR_ERR_SYNTAX (with offset,
 *         line and column), ::SR_ERR_ENCODING, ::SR_ERR_DUPLICATE,
 *         ::SR_ERR_TYPE (e.g. `/usage/0/imei` holding a number, `/errors/1`
 *         not an object), ::SR_ERR_RANGE (a count that is fractional,
 *         negative or above INT64_MAX, e.g. `/usage/3/numberOfSessions`),
 *         ::SR_ERR_UNKNOWN_FIELD (strict only) or ::SR_ERR_NOMEM. Nothing is
 *         required: `{}` is an (empty) report.
 *         Ownership: the caller frees *out with sr_aggregate_report_free().
 */
SR_API sr_status sr_aggregate_report_from_json(const char *json, size_t len,
                                               const sr_parse_options *opts,
                                               sr_aggregate_report **out,
                                               sr_error *err) SR_WARN_UNUSED;

/**
 * @brief Encodes the report: `txid`, `usage`, `errors`, each written as it
 *        was read or set (absent members are left out, null ones are
 *        `null`); row members in the schema's order.
 * @param[in] r the report.
 * @param[in] flags ::SR_JSON_PRETTY or 0 (compact).
 * @param[out] out set to a NUL-terminated string, or NULL on failure.
 * @param[out] out_len set to its length, or 0 on failure (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_LIMIT or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out with sr_free().
 */
SR_API sr_status sr_aggregate_report_to_json(const sr_aggregate_report *r, unsigned flags,
                                             char **out, size_t *out_len) SR_WARN_UNUSED;

/** @brief The transaction id, or NULL when it is null or absent (or r is NULL). Borrowed. */
SR_API const char *sr_aggregate_report_get_txid(const sr_aggregate_report *r);

/** @brief 1 when the txid is not a string (JSON `null` or absent), else 0. */
SR_API int sr_aggregate_report_txid_is_null(const sr_aggregate_report *r);

/**
 * @brief Sets the txid to a copy of @p txid; NULL makes it null.
 * @return ::SR_OK, ::SR_ERR_ARG (r is NULL), ::SR_ERR_ENCODING (not valid
 *         UTF-8) or ::SR_ERR_NOMEM; on failure nothing changes.
 */
SR_API sr_status sr_aggregate_report_set_txid(sr_aggregate_report *r, const char *txid);

/** @brief Number of usage rows (0 for NULL r, and when `usage` is absent or null). */
SR_API size_t sr_aggregate_report_usage_count(const sr_aggregate_report *r);

/**
 * @brief The IMEI of usage row @p i; NULL when it is absent or null, or when
 *        i is out of range. Borrowed.
 */
SR_API const char *sr_aggregate_report_get_usage_imei(const sr_aggregate_report *r, size_t i);

/**
 * @brief numberOfSessions of usage row @p i.
 * @param[in] r the report.
 * @param[in] i the row, 0 to sr_aggregate_report_usage_count() - 1.
 * @param[out] out set to the value (0..INT64_MAX).
 * @return ::SR_OK; ::SR_ERR_MISSING when the member is absent or null
 *         (*out untouched, so it may hold a default); ::SR_ERR_ARG for a NULL
 *         argument or i out of range (*out set to 0 when out is not NULL).
 */
SR_API sr_status sr_aggregate_report_get_usage_sessions(const sr_aggregate_report *r, size_t i,
                                                        int64_t *out);

/** @brief bytesTransferred of usage row @p i; as sr_aggregate_report_get_usage_sessions(). */
SR_API sr_status sr_aggregate_report_get_usage_bytes(const sr_aggregate_report *r, size_t i,
                                                     int64_t *out);

/**
 * @brief Appends a usage row with a copy of @p imei (not validated as an
 *        IMEI; it may point into r) and both counts; `usage` becomes an
 *        array if it was absent or null.
 * @return ::SR_OK, ::SR_ERR_ARG (NULL r or imei), ::SR_ERR_RANGE (a
 *         negative count), ::SR_ERR_ENCODING or ::SR_ERR_NOMEM; on failure
 *         nothing changes.
 */
SR_API sr_status sr_aggregate_report_add_usage(sr_aggregate_report *r, const char *imei,
                                               int64_t sessions, int64_t bytes);

/** @brief Number of `errors` rows (0 for NULL r, and when `errors` is absent or null). */
SR_API size_t sr_aggregate_report_error_count(const sr_aggregate_report *r);

/**
 * @brief A member of `errors` row @p i; NULL when absent or null (the
 *        errorResponse members also when `errorResponse` itself is absent or
 *        null), when i is out of range or f is not a member. Borrowed.
 */
SR_API const char *sr_aggregate_report_get_error(const sr_aggregate_report *r, size_t i,
                                                 sr_row_error_field f);

/**
 * @brief Appends an `errors` row with copies of @p imei and @p message
 *        (`errorMessage`); NULL leaves a member absent. May point into r.
 * @return ::SR_OK, ::SR_ERR_ARG (NULL r), ::SR_ERR_ENCODING or
 *         ::SR_ERR_NOMEM; on failure nothing changes.
 */
SR_API sr_status sr_aggregate_report_add_error(sr_aggregate_report *r, const char *imei,
                                               const char *message);

/**
 * @brief Sets a member of `errors` row @p i to a copy of @p v (NULL: absent).
 *        Setting an errorResponse member makes `errorResponse` an object.
 *        @p v may point into r.
 * @return ::SR_OK, ::SR_ERR_ARG (NULL r, i out of range, f not a member),
 *         ::SR_ERR_ENCODING or ::SR_ERR_NOMEM; on failure nothing changes.
 */
SR_API sr_status sr_aggregate_report_error_set(sr_aggregate_report *r, size_t i,
                                               sr_row_error_field f, const char *v);

/**
 * @brief Appends copies of @p src's usage and errors rows, in order, after
 *        @p dst's (what `send --split` does with the parts' reports); dst's
 *        txid is kept. @p src may be @p dst (its rows are then repeated once).
 * @return ::SR_OK, ::SR_ERR_ARG (NULL argument) or ::SR_ERR_NOMEM; on
 *         failure dst is unchanged (all or nothing).
 */
SR_API sr_status sr_aggregate_report_merge(sr_aggregate_report *dst,
                                           const sr_aggregate_report *src);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name AggregatedReportCallbackResult (asynchronous response)
 *  `{"txid": string, "status": string}`: txid is required and not nullable;
 *  status is optional (absent or null), `QUEUED`, `COMPLETED` or any other
 *  value, kept as it is.
 *  @{ */

/** The asynchronous response: the transaction id the callback will carry, and a status. */
typedef struct sr_callback_result sr_callback_result;

/**
 * @brief Creates an empty result (txid and status absent).
 * @return The new result, or NULL when memory is exhausted.
 *         Ownership: the caller frees it with sr_callback_result_free().
 */
SR_API sr_callback_result *sr_callback_result_new(void) SR_WARN_UNUSED;

/** @brief Frees a result. NULL is a no-op. */
SR_API void sr_callback_result_free(sr_callback_result *r);

/**
 * @brief Decodes an AggregatedReportCallbackResult.
 * @param[in] json the bytes; may be NULL only when len is 0.
 * @param[in] len their number.
 * @param[in] opts options, or NULL for the defaults.
 * @param[out] out set to the new result, or to NULL on failure.
 * @param[out] err filled on failure (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_LIMIT, ::SR_ERR_SYNTAX,
 *         ::SR_ERR_ENCODING, ::SR_ERR_DUPLICATE, ::SR_ERR_TYPE (`/txid`
 *         null or not a string, `/status` not a string or null),
 *         ::SR_ERR_UNKNOWN_FIELD (strict only), ::SR_ERR_MISSING (`/txid`)
 *         or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out with sr_callback_result_free().
 */
SR_API sr_status sr_callback_result_from_json(const char *json, size_t len,
                                              const sr_parse_options *opts,
                                              sr_callback_result **out,
                                              sr_error *err) SR_WARN_UNUSED;

/**
 * @brief Encodes the result: `txid`, then `status` as it was read or set
 *        (left out when absent, `null` when null).
 * @param[in] r the result.
 * @param[in] flags ::SR_JSON_PRETTY or 0.
 * @param[out] out set to a NUL-terminated string, or NULL on failure.
 * @param[out] out_len set to its length, or 0 on failure (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_MISSING (txid unset),
 *         ::SR_ERR_LIMIT or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out with sr_free().
 */
SR_API sr_status sr_callback_result_to_json(const sr_callback_result *r, unsigned flags, char **out,
                                            size_t *out_len) SR_WARN_UNUSED;

/** @brief The transaction id, or NULL when unset. Borrowed. */
SR_API const char *sr_callback_result_get_txid(const sr_callback_result *r);
/** @brief The status, or NULL when absent or null. Borrowed. */
SR_API const char *sr_callback_result_get_status(const sr_callback_result *r);

/**
 * @brief Set the txid / status to a copy of @p v (which may point into r);
 *        NULL makes it absent.
 * @return ::SR_OK, ::SR_ERR_ARG (r is NULL), ::SR_ERR_ENCODING or
 *         ::SR_ERR_NOMEM; on failure nothing changes.
 */
SR_API sr_status sr_callback_result_set_txid(sr_callback_result *r, const char *v);
/** @copydoc sr_callback_result_set_txid */
SR_API sr_status sr_callback_result_set_status(sr_callback_result *r, const char *v);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name The error body (any non-2xx)
 *  HyperPreciseLocationResultException `{"responseCode": string, "message":
 *  string, "fault": {"code": string, "message": string, "description":
 *  string}}`, or the short form `{"errorCode": string, "errorMessage":
 *  string}` seen on ThingSpace pages: one type with a getter per member.
 *  Every member is optional and may be null (read as absent by the getters,
 *  written back as null).
 *  @{ */

/** The JSON body of an error response (400, 401, 403, 404, 409, 500...). */
typedef struct sr_error_body sr_error_body;

/** Members of the error body, for sr_error_body_get() and sr_error_body_set(). */
typedef enum sr_error_body_field {
    SR_ERROR_BODY_RESPONSE_CODE = 0,     /**< `/responseCode` */
    SR_ERROR_BODY_MESSAGE = 1,           /**< `/message` */
    SR_ERROR_BODY_FAULT_CODE = 2,        /**< `/fault/code` */
    SR_ERROR_BODY_FAULT_MESSAGE = 3,     /**< `/fault/message` */
    SR_ERROR_BODY_FAULT_DESCRIPTION = 4, /**< `/fault/description` */
    SR_ERROR_BODY_ERROR_CODE = 5,        /**< `/errorCode` (short form) */
    SR_ERROR_BODY_ERROR_MESSAGE = 6,     /**< `/errorMessage` (short form) */
    SR_ERROR_BODY_FIELD_COUNT = 7        /**< number of members (not a member) */
} sr_error_body_field;

/**
 * @brief Creates an empty error body (every member absent, no fault).
 * @return The new body, or NULL when memory is exhausted.
 *         Ownership: the caller frees it with sr_error_body_free().
 */
SR_API sr_error_body *sr_error_body_new(void) SR_WARN_UNUSED;

/** @brief Frees an error body. NULL is a no-op. */
SR_API void sr_error_body_free(sr_error_body *b);

/**
 * @brief Decodes an error body (either form, or a mix of both).
 * @param[in] json the bytes; may be NULL only when len is 0.
 * @param[in] len their number.
 * @param[in] opts options, or NULL for the defaults.
 * @param[out] out set to the new body, or to NULL on failure.
 * @param[out] err filled on failure (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_LIMIT, ::SR_ERR_SYNTAX,
 *         ::SR_ERR_ENCODING, ::SR_ERR_DUPLICATE, ::SR_ERR_TYPE (e.g.
 *         `/fault/code` holding a number, `/fault` not an object),
 *         ::SR_ERR_UNKNOWN_FIELD (strict only) or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out with sr_error_body_free().
 */
SR_API sr_status sr_error_body_from_json(const char *json, size_t len, const sr_parse_options *opts,
                                         sr_error_body **out, sr_error *err) SR_WARN_UNUSED;

/**
 * @brief Encodes the body: the members that are not absent, in the order
 *        responseCode, message, fault (code, message, description),
 *        errorCode, errorMessage; `{}` when empty. `fault` is written when it
 *        was decoded (as an object or null) or any of its members is set.
 * @param[in] b the body.
 * @param[in] flags ::SR_JSON_PRETTY or 0.
 * @param[out] out set to a NUL-terminated string, or NULL on failure.
 * @param[out] out_len set to its length, or 0 on failure (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_LIMIT or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out with sr_free().
 */
SR_API sr_status sr_error_body_to_json(const sr_error_body *b, unsigned flags, char **out,
                                       size_t *out_len) SR_WARN_UNUSED;

/**
 * @brief A member's value, or NULL when absent or null (or b is NULL, or f
 *        is not a member). Borrowed.
 */
SR_API const char *sr_error_body_get(const sr_error_body *b, sr_error_body_field f);

/**
 * @brief Sets a member to a copy of @p v (which may point into b); NULL
 *        makes it absent. Setting a fault member makes `fault` an object.
 * @return ::SR_OK, ::SR_ERR_ARG (b is NULL or f is not a member),
 *         ::SR_ERR_ENCODING or ::SR_ERR_NOMEM; on failure nothing changes.
 */
SR_API sr_status sr_error_body_set(sr_error_body *b, sr_error_body_field f, const char *v);

/** @brief `responseCode`, or NULL. Same as sr_error_body_get(b, SR_ERROR_BODY_RESPONSE_CODE). */
SR_API const char *sr_error_body_get_response_code(const sr_error_body *b);
/** @brief `message`, or NULL. Borrowed. */
SR_API const char *sr_error_body_get_message(const sr_error_body *b);
/** @brief 1 when `fault` is an object (decoded, or any fault member set), else 0. */
SR_API int sr_error_body_has_fault(const sr_error_body *b);
/** @brief `fault.code`, or NULL. Borrowed. */
SR_API const char *sr_error_body_get_fault_code(const sr_error_body *b);
/** @brief `fault.message`, or NULL. Borrowed. */
SR_API const char *sr_error_body_get_fault_message(const sr_error_body *b);
/** @brief `fault.description`, or NULL. Borrowed. */
SR_API const char *sr_error_body_get_fault_description(const sr_error_body *b);
/** @brief `errorCode` (short form), or NULL. Borrowed. */
SR_API const char *sr_error_body_get_error_code(const sr_error_body *b);
/** @brief `errorMessage` (short form), or NULL. Borrowed. */
SR_API const char *sr_error_body_get_error_message(const sr_error_body *b);
/**
 * @brief The body's most telling text, for one-line messages: `message`,
 *        else `errorMessage`, else `fault.message`, else `fault.description`;
 *        NULL when none is there. Borrowed.
 */
SR_API const char *sr_error_body_get_best_message(const sr_error_body *b);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Deprecated since 0.2: the 0.1 getter names, removed in 0.3
 *  Each one calls the getter named in its note, with the same arguments and
 *  the same result; calling one makes the compiler warn (::SR_DEPRECATED).
 *  @{ */

/** @deprecated Since 0.2, removed in 0.3: use sr_aggregate_report_get_txid(). */
SR_DEPRECATED("use sr_aggregate_report_get_txid()")
SR_API const char *sr_aggregate_report_txid(const sr_aggregate_report *r);
/** @deprecated Since 0.2, removed in 0.3: use sr_aggregate_report_get_usage_imei(). */
SR_DEPRECATED("use sr_aggregate_report_get_usage_imei()")
SR_API const char *sr_aggregate_report_usage_imei(const sr_aggregate_report *r, size_t i);
/** @deprecated Since 0.2, removed in 0.3: use sr_aggregate_report_get_usage_sessions(). */
SR_DEPRECATED("use sr_aggregate_report_get_usage_sessions()")
SR_API sr_status sr_aggregate_report_usage_sessions(const sr_aggregate_report *r, size_t i,
                                                    int64_t *out);
/** @deprecated Since 0.2, removed in 0.3: use sr_aggregate_report_get_usage_bytes(). */
SR_DEPRECATED("use sr_aggregate_report_get_usage_bytes()")
SR_API sr_status sr_aggregate_report_usage_bytes(const sr_aggregate_report *r, size_t i,
                                                 int64_t *out);
/** @deprecated Since 0.2, removed in 0.3: use sr_aggregate_report_get_error(). */
SR_DEPRECATED("use sr_aggregate_report_get_error()")
SR_API const char *sr_aggregate_report_error_get(const sr_aggregate_report *r, size_t i,
                                                 sr_row_error_field f);
/** @deprecated Since 0.2, removed in 0.3: use sr_callback_result_get_txid(). */
SR_DEPRECATED("use sr_callback_result_get_txid()")
SR_API const char *sr_callback_result_txid(const sr_callback_result *r);
/** @deprecated Since 0.2, removed in 0.3: use sr_callback_result_get_status(). */
SR_DEPRECATED("use sr_callback_result_get_status()")
SR_API const char *sr_callback_result_status(const sr_callback_result *r);
/** @deprecated Since 0.2, removed in 0.3: use sr_error_body_get_response_code(). */
SR_DEPRECATED("use sr_error_body_get_response_code()")
SR_API const char *sr_error_body_response_code(const sr_error_body *b);
/** @deprecated Since 0.2, removed in 0.3: use sr_error_body_get_message(). */
SR_DEPRECATED("use sr_error_body_get_message()")
SR_API const char *sr_error_body_message(const sr_error_body *b);
/** @deprecated Since 0.2, removed in 0.3: use sr_error_body_get_fault_code(). */
SR_DEPRECATED("use sr_error_body_get_fault_code()")
SR_API const char *sr_error_body_fault_code(const sr_error_body *b);
/** @deprecated Since 0.2, removed in 0.3: use sr_error_body_get_fault_message(). */
SR_DEPRECATED("use sr_error_body_get_fault_message()")
SR_API const char *sr_error_body_fault_message(const sr_error_body *b);
/** @deprecated Since 0.2, removed in 0.3: use sr_error_body_get_fault_description(). */
SR_DEPRECATED("use sr_error_body_get_fault_description()")
SR_API const char *sr_error_body_fault_description(const sr_error_body *b);
/** @deprecated Since 0.2, removed in 0.3: use sr_error_body_get_error_code(). */
SR_DEPRECATED("use sr_error_body_get_error_code()")
SR_API const char *sr_error_body_error_code(const sr_error_body *b);
/** @deprecated Since 0.2, removed in 0.3: use sr_error_body_get_error_message(). */
SR_DEPRECATED("use sr_error_body_get_error_message()")
SR_API const char *sr_error_body_error_message(const sr_error_body *b);
/** @deprecated Since 0.2, removed in 0.3: use sr_error_body_get_best_message(). */
SR_DEPRECATED("use sr_error_body_get_best_message()")
SR_API const char *sr_error_body_best_message(const sr_error_body *b);
/** @} */

SR_END_DECLS

#endif /* SESSREPORT_RESPONSE_H */
