/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport/error.h
 * @brief Status codes and the caller-owned error record.
 *
 * Every function that can fail returns an ::sr_status (0 = ::SR_OK) and, when
 * given one, fills an ::sr_error that the caller owns (usually on the stack).
 * Nothing is kept in global or thread-local state.
 */
#ifndef SESSREPORT_ERROR_H
#define SESSREPORT_ERROR_H

#include <stddef.h>

#include "sessreport/common.h"

SR_BEGIN_DECLS

/** Outcome of a call. Values are stable and only ever appended. */
typedef enum sr_status {
    SR_OK = 0,                /**< success */
    SR_ERR_NOMEM = 1,         /**< an allocation failed; nothing was changed */
    SR_ERR_ARG = 2,           /**< a required argument was NULL or out of range */
    SR_ERR_SYNTAX = 3,        /**< the input is not well-formed JSON */
    SR_ERR_TYPE = 4,          /**< a value has the wrong JSON type */
    SR_ERR_MISSING = 5,       /**< a required field is absent */
    SR_ERR_FORMAT = 6,        /**< a string does not have the required form */
    SR_ERR_RANGE = 7,         /**< a value or a count is out of its range */
    SR_ERR_DUPLICATE = 8,     /**< a repeated object key or IMEI */
    SR_ERR_UNKNOWN_FIELD = 9, /**< an unknown member under ::SR_PARSE_STRICT */
    SR_ERR_ENCODING = 10,     /**< invalid UTF-8, a NUL or a lone surrogate */
    SR_ERR_LIMIT = 11         /**< input larger or deeper than allowed */
} sr_status;

/** Capacity of ::sr_error::path, terminator included. */
#define SR_ERROR_PATH_SIZE 128
/** Capacity of ::sr_error::message, terminator included. */
#define SR_ERROR_MESSAGE_SIZE 256

/**
 * @brief One problem: what, where, and a message a person can act on.
 *
 * Plain data, owned by the caller. A path that does not fit is cut at a
 * character boundary and ends in "...". A path holds keys as the document
 * decodes them, so it may hold control characters (a key written
 * `"a\nb"` puts a line break in it): escape it before showing it on a
 * terminal, as the CLI does.
 */
typedef struct sr_error {
    sr_status code;                /**< the failure, never SR_OK when filled */
    char path[SR_ERROR_PATH_SIZE]; /**< RFC 6901 JSON Pointer; "" = whole document */
    size_t offset;                 /**< byte offset in the input (syntax errors), else 0 */
    unsigned line;                 /**< 1-based line of a syntax error, 0 if not known */
    unsigned column; /**< 1-based column (in bytes) of a syntax error, 0 if not known */
    char message[SR_ERROR_MESSAGE_SIZE]; /**< one line, names the expected form */
} sr_error;

/**
 * @brief The enumerator's name, e.g. "SR_ERR_FORMAT".
 * @param[in] s any value, valid or not.
 * @return A static string; "SR_ERR_UNKNOWN_STATUS" for values outside the enum.
 *         Never NULL. Thread-safe.
 */
SR_API const char *sr_status_name(sr_status s);

/**
 * @brief Frees memory the library returned (e.g. from
 *        session_report_request_to_json()). NULL is a no-op.
 * @param[in] p the pointer to release.
 */
SR_API void sr_free(void *p);

SR_END_DECLS

#endif /* SESSREPORT_ERROR_H */
