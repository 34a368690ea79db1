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
 * - gets the tokens: the OAuth access token from `client_id` and
 *   `client_secret` (a form POST `grant_type=client_credentials` with
 *   `Authorization: Basic base64(id:secret)` to the OAuth URL) and the M2M
 *   session token from `username` and `password` (a JSON POST to the login
 *   URL), or the static tokens given instead. A fetched token is kept in the
 *   client and reused: the access token until 60 s before its `expires_in`,
 *   the session token until it has been idle for 15 minutes. Each token
 *   request is made once (never retried), and a login or an OAuth request
 *   the server refused with a 4xx is never made again by that client (five
 *   failed logins lock a ThingSpace account);
 * - POSTs its compact JSON to `BASE/report/aggregate` (sync) or
 *   `BASE/report/async/aggregate` (async) with `Authorization: Bearer
 *   <access token>`, `VZ-M2M-Token: <m2m token>`, `Content-Type:
 *   application/json`, `Accept: application/json`, `Idempotency-Key:
 *   <random UUID v4>` (the same on every attempt of one send) and, on the
 *   asynchronous endpoint when asked for, `X-Portal-Initiated`;
 * - on a 401 answer, when a token was fetched from credentials, fetches
 *   fresh tokens once and resends; a second 401 is the answer;
 * - retries only what cannot have been processed, at most
 *   ::SR_HTTP_MAX_RETRIES times: a 429 or 503 answer, and a failure before
 *   the request went out (name resolution, connect, TLS handshake, a connect
 *   timeout). A 500, 502 or 504 answer, or a timeout or lost connection
 *   after the request went out, is retried only under
 *   ::SR_HTTP_RETRY_UNSAFE: the API's POSTs are not idempotent, and the
 *   API does not document `Idempotency-Key`. The wait is `Retry-After`
 *   seconds when the server gives them, else an exponential backoff (base,
 *   2 x base, 4 x base) plus up to 50 % random jitter; every wait is capped
 *   at ::SR_HTTP_MAX_WAIT_S seconds (the arithmetic saturates, whatever the
 *   options), and no wait is started that would overrun the total timeout;
 * - connects within ::SR_HTTP_CONNECT_TIMEOUT_S seconds, and gives up the
 *   whole send (token requests, attempts and waits) after the total timeout;
 * - never follows redirects, never turns TLS peer or host verification off,
 *   and speaks only http and https.
 *
 * Secrets: tokens and credentials go over plain `http://` only to a
 * loopback host (127.0.0.0/8, `::1`, `localhost`); sr_http_client_new()
 * refuses any other `http://` URL (the base URL and both token URLs) before
 * anything connects. A credential or token holding a control character (CR,
 * LF...) is refused, so none can inject a header. No message, error or
 * result of this library ever contains a secret or a token of 8 bytes or
 * more (an answer body that echoes one has it replaced by `***`; shorter
 * ones would match ordinary text), and the client wipes its copies
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
/** The sandbox (mock) base URL. */
#define SR_HTTP_SANDBOX_BASE_URL "https://mock.thingspace.verizon.com/api/hyper-precise/v1"
/** Where the OAuth 2 access token is fetched (client credentials grant). */
#define SR_HTTP_DEFAULT_OAUTH_URL "https://thingspace.verizon.com/api/ts/v1/oauth2/token"
/** Where the M2M session token is fetched (login with username and password). */
#define SR_HTTP_DEFAULT_LOGIN_URL "https://thingspace.verizon.com/api/m2m/v1/session/login"
/** Default total timeout of one send, token requests, retries and waits included, in seconds. */
#define SR_HTTP_DEFAULT_TIMEOUT_S 60
/** Connect timeout of each attempt, in seconds. */
#define SR_HTTP_CONNECT_TIMEOUT_S 10
/** Retries after an answer or failure that may be retried (so at most 4 attempts). */
#define SR_HTTP_MAX_RETRIES 3
/** Longest wait before a retry, Retry-After included, in seconds. */
#define SR_HTTP_MAX_WAIT_S 30
/** Default first backoff, in milliseconds. */
#define SR_HTTP_DEFAULT_BACKOFF_MS 1000
/** Largest response body kept, in bytes (a longer one fails the send). */
#define SR_HTTP_MAX_BODY_BYTES ((size_t)16 * 1024 * 1024)
/** A fetched access token is used until this many seconds before it expires. */
#define SR_HTTP_TOKEN_MARGIN_S 60
/** A fetched session token is used until it has been idle this long, in seconds. */
#define SR_HTTP_SESSION_IDLE_S (15 * 60)

/**
 * Flag of sr_http_options::flags: also retry what may have been processed,
 * a 500, 502 or 504 answer and a timeout or lost connection after the
 * request went out. The API's POSTs are not idempotent: a retry can create a
 * second report.
 */
#define SR_HTTP_RETRY_UNSAFE 1u

/** Which endpoint to POST to. */
typedef enum sr_http_endpoint {
    SR_HTTP_SYNC =
        0, /**< `POST /report/aggregate`, at most 10 IMEIs, answers ::sr_aggregate_report */
    SR_HTTP_ASYNC =
        1 /**< `POST /report/async/aggregate`, at most 10000 IMEIs, answers ::sr_callback_result */
} sr_http_endpoint;

/**
 * Options for sr_http_client_new(); zero-initialise, then set. The client
 * copies every string. The members of 0.1 come first, in their 0.1 order.
 *
 * The access token comes from `client_id` + `client_secret` when both are
 * given, else from `access_token`; the session token from `username` +
 * `password` when both are given, else from `m2m_token`. Credentials take
 * precedence over a static token given as well.
 */
typedef struct sr_http_options {
    /** NULL = ::SR_HTTP_DEFAULT_BASE_URL; https://, or http:// to loopback. */
    const char *base_url;
    /** A ready OAuth access token (Authorization: Bearer); NULL when
     *  `client_id` and `client_secret` are given. */
    const char *access_token;
    /** A ready session token (VZ-M2M-Token); NULL when `username` and
     *  `password` are given. */
    const char *m2m_token;
    /** Total timeout of a send; 0 = ::SR_HTTP_DEFAULT_TIMEOUT_S. */
    unsigned timeout_s;
    /** First backoff in milliseconds; 0 = ::SR_HTTP_DEFAULT_BACKOFF_MS. */
    unsigned backoff_ms;
    /** Bit set of ::SR_HTTP_RETRY_UNSAFE; 0 = retry only what is safe. */
    unsigned flags;
    /** OAuth client id (since 0.2); may not contain ':'. NULL = not used. */
    const char *client_id;
    /** OAuth client secret (since 0.2). NULL = not used. */
    const char *client_secret;
    /** The OAuth token URL (since 0.2); NULL = ::SR_HTTP_DEFAULT_OAUTH_URL. */
    const char *oauth_url;
    /** ThingSpace user name for the M2M login (since 0.2). NULL = not used. */
    const char *username;
    /** ThingSpace password for the M2M login (since 0.2). NULL = not used. */
    const char *password;
    /** The M2M login URL (since 0.2); NULL = ::SR_HTTP_DEFAULT_LOGIN_URL. */
    const char *login_url;
    /** `X-Portal-Initiated` on the asynchronous endpoint (since 0.2): NULL =
     *  the header is absent (the default), else "true" or "false". Never sent
     *  to the synchronous endpoint. */
    const char *portal_initiated;
} sr_http_options;

/** Which request of a send the result's status and body belong to. */
typedef enum sr_http_stage {
    SR_HTTP_STAGE_REPORT = 0, /**< the report POST (the usual case) */
    SR_HTTP_STAGE_OAUTH = 1,  /**< the OAuth token request: no report was sent */
    SR_HTTP_STAGE_LOGIN = 2   /**< the M2M login: no report was sent */
} sr_http_stage;

/** Why the last attempt of a send ended the send (what the transport or the
 *  server said is in sr_http_result_status() and
 *  sr_http_result_transport_error()). */
typedef enum sr_http_end {
    SR_HTTP_END_NONE = 0,       /**< no result (NULL) */
    SR_HTTP_END_ANSWER = 1,     /**< an answer that is never retried (2xx, 4xx, 501...) */
    SR_HTTP_END_RETRIES = 2,    /**< retryable (429, 503, a failure before sending...), but
                                     ::SR_HTTP_MAX_RETRIES retries were made */
    SR_HTTP_END_DEADLINE = 3,   /**< the total timeout: reached, or the next wait would pass it */
    SR_HTTP_END_UNSAFE = 4,     /**< a 500, 502 or 504 answer, or a timeout or lost connection
                                     after the request may have gone out: not retried without
                                     ::SR_HTTP_RETRY_UNSAFE */
    SR_HTTP_END_FAILED = 5,     /**< a transport failure another attempt would not cure
                                     (certificate refused, protocol refused...) */
    SR_HTTP_END_BODY_LIMIT = 6, /**< the answer was larger than ::SR_HTTP_MAX_BODY_BYTES */
    SR_HTTP_END_TOKEN = 7,      /**< a token request failed (see sr_http_result_stage()):
                                     nothing was sent to the report endpoint */
    SR_HTTP_END_TOKEN_REFUSED_BEFORE = 8 /**< an earlier token request of this client was
                                              refused with a 4xx: not made again, nothing sent */
} sr_http_end;

/** A configured sender: copies of the options and one libcurl handle. */
typedef struct sr_http_client sr_http_client;

/** The outcome of one send: status, body, decoded answer. */
typedef struct sr_http_result sr_http_result;

/**
 * @brief Creates a client after checking the options.
 * @param[in] opts the options (copied; the caller may free its strings after).
 * @param[out] out set to the client, or to NULL on failure.
 * @param[out] err filled on failure (may be NULL); its message never holds a token.
 * @return ::SR_OK; ::SR_ERR_ARG for NULL arguments, an access token that
 *         is neither given nor fetchable (`client_id` and `client_secret`),
 *         the same for the session token (`username` and `password`), only
 *         one of a credential pair, an empty credential or token, one holding
 *         a control character (CR, LF...), a `client_id` holding ':', a
 *         `portal_initiated` other than "true" or "false", an unknown flag, a
 *         base, OAuth or login URL that is not an absolute http(s) URL,
 *         carries credentials, a query or a fragment, or that is `http://` to
 *         a host other than loopback; ::SR_ERR_NOMEM (libcurl failing to
 *         initialise included).
 *         Ownership: the caller frees *out with sr_http_client_free().
 */
SR_API sr_status sr_http_client_new(const sr_http_options *opts, sr_http_client **out,
                                    sr_error *err) SR_WARN_UNUSED;

/** @brief Wipes the copies of the credentials and tokens and frees the client. NULL is a
 *         no-op. */
SR_API void sr_http_client_free(sr_http_client *c);

/**
 * @brief Validates @p req for @p endpoint, POSTs it and decodes the answer.
 *
 * ::SR_OK means the library did its part: the request was valid and an
 * exchange was attempted. Whether the server accepted it is in the result:
 * sr_http_result_status() (0 when no HTTP answer came, with
 * sr_http_result_transport_error() saying why: connection refused, timeout,
 * TLS failure...), sr_http_result_end() (why the last attempt ended the
 * send) and sr_http_result_stage() (a token request that failed: then no
 * report was sent).
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

/** @brief How many report POSTs were made (1 + retries, + 1 after a 401 that
 *         fetched fresh tokens; token requests are not counted, so 0 when the
 *         first one failed); 0 for NULL. */
SR_API unsigned sr_http_result_attempts(const sr_http_result *r);

/** @brief Why the last attempt ended the send; ::SR_HTTP_END_NONE for NULL. */
SR_API sr_http_end sr_http_result_end(const sr_http_result *r);

/** @brief A short English description of @p e, e.g. "retries exhausted". Never
 *         NULL; static storage. */
SR_API const char *sr_http_end_name(sr_http_end e);

/** @brief Which request the status, body and decode error belong to;
 *         ::SR_HTTP_STAGE_REPORT for NULL. */
SR_API sr_http_stage sr_http_result_stage(const sr_http_result *r);

/** @brief The URL of the last request, exactly as it was sent (the base URL
 *         joined with the endpoint's path, or a token URL). Borrowed; NULL for
 *         NULL r. */
SR_API const char *sr_http_result_url(const sr_http_result *r);

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
 * @param[out] len set to its length in bytes, 0 for NULL r (may be NULL).
 * @return The body, borrowed from the result; NULL for NULL r. The body of a
 *         token reply is never kept (it holds the token): it is "" then.
 */
SR_API const char *sr_http_result_body(const sr_http_result *r, size_t *len);

/**
 * @brief Which decoded object the result holds: ::SR_RESPONSE_AGGREGATE_REPORT
 *        (2xx from sync), ::SR_RESPONSE_CALLBACK_RESULT (2xx from async),
 *        ::SR_RESPONSE_ERROR_BODY (any other status with a decodable error
 *        body), or ::SR_RESPONSE_UNKNOWN (no answer, an empty non-2xx body,
 *        or a body that did not decode: see sr_http_result_decode_error()).
 */
SR_API sr_response_kind sr_http_result_kind(const sr_http_result *r);

/** @brief The decoded synchronous response, or NULL. Borrowed from the result. */
SR_API const sr_aggregate_report *sr_http_result_report(const sr_http_result *r);
/** @brief The decoded asynchronous response, or NULL. Borrowed from the result. */
SR_API const sr_callback_result *sr_http_result_callback(const sr_http_result *r);
/** @brief The decoded error body, or NULL. Borrowed from the result. */
SR_API const sr_error_body *sr_http_result_error_body(const sr_http_result *r);

/**
 * @brief Why the body did not decode as the expected type, or NULL when it
 *        did. A 2xx must carry the endpoint's response: an empty 2xx body
 *        (a 204 included) is ::SR_ERR_MISSING. An empty non-2xx body is no
 *        decode error. For a token request: why its reply gave no token
 *        (its body is not kept). Borrowed from the result.
 */
SR_API const sr_error *sr_http_result_decode_error(const sr_http_result *r);

SR_END_DECLS

#endif /* SESSREPORT_HTTP_H */
