/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport/validate.h
 * @brief Field rules of the aggregated usage report request, and ISO 8601
 *        date normalisation.
 */
#ifndef SESSREPORT_VALIDATE_H
#define SESSREPORT_VALIDATE_H

#include <stddef.h>

#include "sessreport/common.h"
#include "sessreport/error.h"
#include "sessreport/request.h"

SR_BEGIN_DECLS

/** IMEIs per request accepted by the synchronous endpoint. */
#define SR_MAX_IMEIS_SYNC 10
/** IMEIs per request accepted by the asynchronous endpoint (the default). */
#define SR_MAX_IMEIS_ASYNC 10000
/** Longest date range in days (the default). */
#define SR_MAX_SPAN_DAYS 180
/** Digits in an IMEI. */
#define SR_IMEI_LEN 15
/** Longest deviceGroup, dataPlan or deviceLabel, in UTF-8 bytes. */
#define SR_MAX_LABEL_BYTES 1024

/** Skip the Luhn check digit of IMEIs (length and digits are still checked). */
#define SR_VALIDATE_NO_LUHN 1u
/** Accept only the RFC 3339 profile for concrete dates (constants still pass). */
#define SR_VALIDATE_RFC3339 2u

/** Options for session_report_request_validate(); zero-initialise, then set. */
typedef struct sr_validate_options {
    size_t max_imeis;                  /**< 0 = ::SR_MAX_IMEIS_ASYNC */
    unsigned max_span_days;            /**< 0 = ::SR_MAX_SPAN_DAYS */
    const char *const *date_constants; /**< NULL-terminated allow-list; NULL = any identifier */
    unsigned flags;                    /**< ::SR_VALIDATE_NO_LUHN | ::SR_VALIDATE_RFC3339 */
} sr_validate_options;

/**
 * @brief Checks every rule and reports every problem, in the serializer's
 *        field order (IMEIs in index order).
 * @param[in] r the request.
 * @param[in] opts options, or NULL for the defaults.
 * @param[out] errors room for @p max_errors problems (may be NULL to count only).
 * @param[in] max_errors capacity of @p errors.
 * @return The number of problems found (0 = valid), which may exceed
 *         @p max_errors; only the first @p max_errors are copied. A NULL
 *         @p r counts as one ::SR_ERR_ARG problem. Allocates nothing that
 *         outlives the call; on memory exhaustion reports one
 *         ::SR_ERR_NOMEM problem.
 */
SR_API size_t session_report_request_validate(const session_report_request *r,
                                              const sr_validate_options *opts, sr_error *errors,
                                              size_t max_errors);

/**
 * @brief Rewrites each concrete ISO 8601 date as RFC 3339 UTC,
 *        `YYYY-MM-DDThh:mm:ss[.f]Z`, keeping every fraction digit.
 *
 * Constants (values starting with a letter) and unset dates stay as they are.
 * @param[in,out] r the request.
 * @param[out] err filled on failure (may be NULL).
 * @return ::SR_OK, ::SR_ERR_ARG, ::SR_ERR_FORMAT (an invalid date; the
 *         request is left unchanged) or ::SR_ERR_NOMEM (unchanged).
 */
SR_API sr_status session_report_request_normalize_dates(session_report_request *r,
                                                        sr_error *err) SR_WARN_UNUSED;

SR_END_DECLS

#endif /* SESSREPORT_VALIDATE_H */
