/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport/json.h
 * @brief Decoding and encoding the request as JSON (RFC 8259, UTF-8).
 */
#ifndef SESSREPORT_JSON_H
#define SESSREPORT_JSON_H

#include <stddef.h>

#include "sessreport/common.h"
#include "sessreport/error.h"
#include "sessreport/request.h"

SR_BEGIN_DECLS

/** Unknown members become ::SR_ERR_UNKNOWN_FIELD and a boolean noSessionFlag ::SR_ERR_TYPE. */
#define SR_PARSE_STRICT 1u

/** Default for ::sr_parse_options::max_bytes: 16 MiB. */
#define SR_DEFAULT_MAX_BYTES ((size_t)16 * 1024 * 1024)

/**
 * Longest JSON text an encoder writes: 64 MiB. The size of the output is
 * computed before anything is allocated; a longer one is ::SR_ERR_LIMIT.
 * Only a request whose unknown members are huge or very deeply nested
 * (the pretty form indents every level) comes near it.
 */
#define SR_JSON_MAX_OUTPUT ((size_t)64 * 1024 * 1024)

/** Deepest nesting of arrays and objects accepted anywhere in a document. */
#define SR_MAX_DEPTH 512

/** Options for session_report_request_from_json(); zero-initialise, then set. */
typedef struct sr_parse_options {
    unsigned flags;   /**< ::SR_PARSE_STRICT or 0 */
    size_t max_bytes; /**< 0 = ::SR_DEFAULT_MAX_BYTES */
} sr_parse_options;

/**
 * @brief Decodes a request from @p len bytes of JSON (no NUL terminator needed).
 *
 * A leading UTF-8 BOM is skipped; whitespace may follow the document.
 * Reports the first problem in document order; missing required fields are
 * checked once the whole object has been read. Does not validate field
 * formats: see session_report_request_validate().
 *
 * @param[in] json the bytes; may be NULL only when len is 0.
 * @param[in] len their number.
 * @param[in] opts options, or NULL for the defaults.
 * @param[out] out set to the new request, or to NULL on failure.
 * @param[out] err filled on failure (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_LIMIT (too long or too deep),
 *         ::SR_ERR_SYNTAX (with offset, line and column), ::SR_ERR_ENCODING,
 *         ::SR_ERR_DUPLICATE, ::SR_ERR_TYPE, ::SR_ERR_UNKNOWN_FIELD,
 *         ::SR_ERR_MISSING or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out with session_report_request_free().
 */
SR_API sr_status session_report_request_from_json(const char *json, size_t len,
                                                  const sr_parse_options *opts,
                                                  session_report_request **out,
                                                  sr_error *err) SR_WARN_UNUSED;

/** Two-space indentation, `": "`, one item per line, no final newline. */
#define SR_JSON_PRETTY 1u

/**
 * @brief Encodes a request as JSON: known fields in the documented order,
 *        then unknown members in their original order.
 *
 * Does not validate; only refuses a request without an account number.
 *
 * @param[in] r the request.
 * @param[in] flags ::SR_JSON_PRETTY or 0 (compact, no whitespace).
 * @param[out] out set to a NUL-terminated string, or NULL on failure.
 * @param[out] out_len set to its length without the NUL (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_MISSING, ::SR_ERR_LIMIT (the
 *         output would be longer than ::SR_JSON_MAX_OUTPUT; it is not
 *         allocated) or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out with sr_free().
 */
SR_API sr_status session_report_request_to_json(const session_report_request *r, unsigned flags,
                                                char **out, size_t *out_len) SR_WARN_UNUSED;

SR_END_DECLS

#endif /* SESSREPORT_JSON_H */
