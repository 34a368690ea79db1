/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport/http.h
 * @brief The optional libcurl sender (library `sessreport_http`, CMake
 *        target `sessreport::http`): validates a request, POSTs it to the
 *        synchronous or asynchronous endpoint and decodes the answer.
 *
 * Not included by `sessreport.h`: only programs that link `sessreport_http`
 * (and so libcurl) include it.
 *
 * What a send does:
 * - validates the request with the endpoint's IMEI limit
 *   (::SR_MAX_IMEIS_SYNC or ::SR_MAX_IMEIS_ASYNC) and sends nothing when a
 *   rule fails;
 * - POSTs its compact JSON to `BASE/report/aggregate` (sync) or
 *   `BASE/report/async/aggregate` (async) with `Authorization: Bearer
 *   <access token>`, `VZ-M2M-Token: <m2m token>`, `Content-Type:
 *   application/json`, `Accept: application/json` and `Idempotency-Key:
 *   <random UUID v4>`, the key being the same on every retry of one send;
 * - retries a 429 or 5xx answer at most ::SR_HTTP_MAX_RETRIES times, waiting
 *   `Retry-After` seconds when the server gives them, else an exponential
 *   backoff (base, 2 x base, 4 x base) plus up to 50 % random jitter; every
 *   wait is capped at ::SR_HTTP_MAX_WAIT_S seconds, and no wait is started
 *   that would overrun the total timeout;
 * - connects within ::SR_HTTP_CONNECT_TIMEOUT_S seconds, and gives up the
 *   whole send (attempts and waits) after the total timeout;
 * - never follows redirects, never turns TLS peer or host verification off,
 *   and speaks only http and https.
 *
 * Tokens: they are sent over plain `http://` only to a loopback host
 * (127.0.0.0/8, `::1`, `localhost`); sr_http_client_new() refuses any other
 * `http://` base URL before anything connects. No message, error or result
 * of this library ever contains a token, and the client wipes its copies
 * when freed.
 *
 * Global state: sr_http_client_new() calls `curl_global_init()` and
 * sr_http_client_free() `curl_global_cleanup()`; libcurl counts these calls
 * and, from 7.84 on (it reports CURL_VERSION_THREADSAFE), they are safe to
 * make from several threads. That reference count is the only global state.
 *
 * Threads: one client serves one thread at a time; use one client per
 * thread to send concurrently. Results are independent of their client.
 */
#ifndef SESSREPORT_HTTP_H
#define SESSREPORT_HTTP_H

#include <stddef.h>

#include "sessreport/common.h"
#include "sessreport/error.h"
#include "sessreport/request.h"
#include "sessreport/response.h"

SR_BEGIN_DECLS

/** The production base URL. */
#define SR_HTTP_DEFAULT_BASE_URL "https://thingspace.verizon.com/api/hyper-precise/v1"
/** Default total timeout of one send, retries and waits included, in seconds. */
#define SR_HTTP_DEFAULT_TIMEOUT_S 60
/** Connect timeout of each attempt, in seconds. */
#define SR_HTTP_CONNECT_TIMEOUT_S 10
/** Retries after a 429 or 5xx answer (so at most 4 attempts). */
#define SR_HTTP_MAX_RETRIES 3
/** Longest wait before a retry, Retry-After included, in seconds. */
#define SR_HTTP_MAX_WAIT_S 30
/** Default first backoff, in milliseconds. */
#define SR_HTTP_DEFAULT_BACKOFF_MS 1000
/** Largest response body kept, in bytes (a longer one fails the send). */
#define SR_HTTP_MAX_BODY_BYTES ((size_t)16 * 1024 * 1024)

/** Which endpoint to POST to. */
typedef enum sr_http_endpoint {
    SR_HTTP_SYNC =
        0, /**< `POST /report/aggregate`, at most 10 IMEIs, answers ::sr_aggregate_report */
    SR_HTTP_ASYNC =
        1 /**< `POST /report/async/aggregate`, at most 10000 IMEIs, answers ::sr_callback_result */
} sr_http_endpoint;

/** Options for sr_http_client_new(); zero-initialise, then set. */
typedef struct sr_http_options {
    const char
        *base_url; /**< NULL = ::SR_HTTP_DEFAULT_BASE_URL; https://, or http:// to loopback */
    const char *access_token; /**< OAuth access token (Authorization: Bearer); required */
    const char *m2m_token;    /**< session token (VZ-M2M-Token); required */
    unsigned timeout_s;       /**< total timeout of a send; 0 = ::SR_HTTP_DEFAULT_TIMEOUT_S */
    unsigned backoff_ms;      /**< first backoff; 0 = ::SR_HTTP_DEFAULT_BACKOFF_MS */
} sr_http_options;

/** A configured sender: copies of the options and one libcurl handle. */
typedef struct sr_http_client sr_http_client;

/** The outcome of one send: status, body, decoded answer. */
typedef struct sr_http_result sr_http_result;

/**
 * @brief Creates a client after checking the options.
 * @param[in] opts the options (copied; the caller may free its strings after).
 * @param[out] out set to the client, or to NULL on failure.
 * @param[out] err filled on failure (may be NULL); its message never holds a token.
 * @return ::SR_OK; ::SR_ERR_ARG for NULL arguments, a missing or empty
 *         token, a token holding a control character, a base URL that is not
 *         an absolute http(s) URL, carries credentials, a query or a fragment,
 *         or that is `http://` to a host other than loopback; ::SR_ERR_NOMEM
 *         (libcurl failing to initialise included).
 *         Ownership: the caller frees *out with sr_http_client_free().
 */
SR_API sr_status sr_http_client_new(const sr_http_options *opts, sr_http_client **out,
                                    sr_error *err) SR_WARN_UNUSED;

/** @brief Wipes the token copies and frees the client. NULL is a no-op. */
SR_API void sr_http_client_free(sr_http_client *c);

/**
 * @brief Validates @p req for @p endpoint, POSTs it and decodes the answer.
 *
 * ::SR_OK means the library did its part: the request was valid and sent.
 * Whether the server accepted it is in the result: sr_http_result_status()
 * (0 when no HTTP answer came, with sr_http_result_transport_error() saying
 * why: connection refused, timeout, TLS failure...).
 *
 * @param[in] c the client (not used by another thread meanwhile).
 * @param[in] endpoint ::SR_HTTP_SYNC or ::SR_HTTP_ASYNC.
 * @param[in] req the request.
 * @param[out] out set to the result on ::SR_OK, else to NULL.
 * @param[out] errors room for @p max_errors problems (may be NULL): every
 *             validation problem in document order, or the one reason of
 *             another failure.
 * @param[in] max_errors capacity of @p errors.
 * @param[out] error_count set to the number of problems (0 on ::SR_OK; may
 *             exceed max_errors; may be NULL).
 * @return ::SR_OK; the code of the first validation problem
 *         (::SR_ERR_FORMAT, ::SR_ERR_RANGE, ::SR_ERR_DUPLICATE,
 *         ::SR_ERR_MISSING...) when the request is invalid, nothing sent;
 *         ::SR_ERR_ARG (NULL argument, unknown endpoint) or ::SR_ERR_NOMEM.
 *         Ownership: the caller frees *out with sr_http_result_free().
 */
SR_API sr_status sr_http_send(sr_http_client *c, sr_http_endpoint endpoint,
                              const session_report_request *req, sr_http_result **out,
                              sr_error *errors, size_t max_errors,
                              size_t *error_count) SR_WARN_UNUSED;

/** @brief Frees a result and the decoded response it holds. NULL is a no-op. */
SR_API void sr_http_result_free(sr_http_result *r);

/** @brief The HTTP status of the last attempt, or 0 when no HTTP answer arrived. */
SR_API long sr_http_result_status(const sr_http_result *r);

/** @brief How many attempts were made (1 + retries); 0 for NULL. */
SR_API unsigned sr_http_result_attempts(const sr_http_result *r);

/** @brief The Idempotency-Key sent with every attempt (a UUID v4). Borrowed. */
SR_API const char *sr_http_result_idempotency_key(const sr_http_result *r);

/**
 * @brief Why no HTTP answer arrived (libcurl's reason, one line, no token),
 *        or NULL when one did. Borrowed.
 */
SR_API const char *sr_http_result_transport_error(const sr_http_result *r);

/**
 * @brief The raw body of the last answer (NUL-terminated; "" when empty).
 * @param[in] r the result.
 * @param[out] len set to its length in bytes (may be NULL).
 * @return The body, borrowed from the result; NULL for NULL r.
 */
SR_API const char *sr_http_result_body(const sr_http_result *r, size_t *len);

/**
 * @brief Which decoded object the result holds: ::SR_RESPONSE_AGGREGATE_REPORT
 *        (2xx from sync), ::SR_RESPONSE_CALLBACK_RESULT (2xx from async),
 *        ::SR_RESPONSE_ERROR_BODY (any other status with a decodable error
 *        body), or ::SR_RESPONSE_UNKNOWN (no answer, empty body, or a body
 *        that did not decode: see sr_http_result_decode_error()).
 */
SR_API sr_response_kind sr_http_result_kind(const sr_http_result *r);

/** @brief The decoded synchronous response, or NULL. Borrowed from the result. */
SR_API const sr_aggregate_report *sr_http_result_report(const sr_http_result *r);
/** @brief The decoded asynchronous response, or NULL. Borrowed from the result. */
SR_API const sr_callback_result *sr_http_result_callback(const sr_http_result *r);
/** @brief The decoded error body, or NULL. Borrowed from the result. */
SR_API const sr_error_body *sr_http_result_error_body(const sr_http_result *r);

/**
 * @brief Why a non-empty body did not decode as the expected type, or NULL
 *        when it did (or there was none). Borrowed from the result.
 */
SR_API const sr_error *sr_http_result_decode_error(const sr_http_result *r);

SR_END_DECLS

#endif /* SESSREPORT_HTTP_H */
