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

/** Options for session_report_request_validate() and _lint(); zero-initialise, then set. */
typedef struct sr_validate_options {
    size_t max_imeis;                  /**< 0 = ::SR_MAX_IMEIS_ASYNC */
    unsigned max_span_days;            /**< 0 = ::SR_MAX_SPAN_DAYS */
    const char *const *date_constants; /**< NULL-terminated allow-list; NULL = any identifier */
    unsigned flags;                    /**< ::SR_VALIDATE_NO_LUHN | ::SR_VALIDATE_RFC3339 */
} sr_validate_options;

/**
 * @brief Receives one problem of a walk (see
 *        session_report_request_validate_each()).
 * @param[in] problem the problem; valid only during the call (copy what
 *            you keep).
 * @param[in] ctx the pointer given to the walk.
 * @return 0 to receive the next problem, nonzero to receive no more.
 */
typedef int (*sr_problem_fn)(const sr_error *problem, void *ctx);

/**
 * @brief Checks the rules the API documents and reports every error, in
 *        the serializer's field order (IMEIs in index order).
 *
 * Errors are what the API itself refuses: accountNumber unset or empty,
 * more than @c max_imeis IMEIs, a noSessionFlag other than "true" or
 * "false", dates that are neither ISO 8601 nor a constant, an endDate
 * before startDate or a span over @c max_span_days. Likely mistakes the
 * API accepts are warnings: see session_report_request_lint().
 * @param[in] r the request.
 * @param[in] opts options, or NULL for the defaults.
 * @param[out] errors room for @p max_errors problems (may be NULL to count only).
 * @param[in] max_errors capacity of @p errors.
 * @return The number of errors found (0 = the API should accept it), which
 *         may exceed @p max_errors; only the first @p max_errors are copied
 *         and nothing is written past them. A NULL @p r counts as one
 *         ::SR_ERR_ARG problem. Allocates nothing.
 */
SR_API size_t session_report_request_validate(const session_report_request *r,
                                              const sr_validate_options *opts, sr_error *errors,
                                              size_t max_errors);

/**
 * @brief Reports likely mistakes that the API does not refuse, in the same
 *        order, with the same codes and paths as validation reported them
 *        before 0.2.
 *
 * The warnings: an accountNumber not of the usual form `0844021539-00001`
 * (::SR_ERR_FORMAT); an IMEI that is not 15 ASCII digits with a valid Luhn
 * check digit (::SR_ERR_FORMAT at `/imei/N`; the Luhn part is skipped under
 * ::SR_VALIDATE_NO_LUHN); a repeated IMEI (::SR_ERR_DUPLICATE at every
 * later index); a deviceGroup, dataPlan or deviceLabel that is an empty
 * string or longer than ::SR_MAX_LABEL_BYTES (::SR_ERR_RANGE). Callers that
 * want the pre-0.2 behaviour treat warnings as errors.
 * @param[in] r the request.
 * @param[in] opts options (flags and the IMEI rules), or NULL for the defaults.
 * @param[out] warnings room for @p max_warnings problems (may be NULL to count only).
 * @param[in] max_warnings capacity of @p warnings.
 * @return The number of warnings found, which may exceed @p max_warnings
 *         (only the first are copied). A NULL @p r counts as one
 *         ::SR_ERR_ARG problem. The repeat check allocates memory for the
 *         well-formed IMEIs while it runs; when that fails the only problem
 *         reported is one ::SR_ERR_NOMEM.
 */
SR_API size_t session_report_request_lint(const session_report_request *r,
                                          const sr_validate_options *opts, sr_error *warnings,
                                          size_t max_warnings);

/**
 * @brief session_report_request_validate() without an array: hands each
 *        error to @p fn, in order, so that any number of them takes
 *        constant memory.
 * @param[in] r the request.
 * @param[in] opts options, or NULL for the defaults.
 * @param[in] fn called once per error; once it returns nonzero it is not
 *            called again. NULL counts only.
 * @param[in] ctx passed to @p fn.
 * @return The number of errors found, always the full count: after @p fn
 *         asked to stop, the remaining errors are counted without being
 *         formatted.
 */
SR_API size_t session_report_request_validate_each(const session_report_request *r,
                                                   const sr_validate_options *opts,
                                                   sr_problem_fn fn, void *ctx);

/**
 * @brief session_report_request_lint() without an array: hands each
 *        warning to @p fn (same contract as
 *        session_report_request_validate_each()).
 * @return The number of warnings found, always the full count.
 */
SR_API size_t session_report_request_lint_each(const session_report_request *r,
                                               const sr_validate_options *opts, sr_problem_fn fn,
                                               void *ctx);

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
