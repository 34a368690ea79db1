/* SPDX-License-Identifier: MIT */
/* The retry policy: only what cannot have been processed is retried by
 * default (429, 503, failures before the request went out); what may have
 * been processed (500, 502, 504, a timeout after sending) only on request,
 * because the API's POSTs are not idempotent. And the wait before a retry,
 * in saturating arithmetic. */
#include <curl/curl.h>

#include "http_internal.h"

#define MAX_WAIT_MS ((unsigned long)SR_HTTP_MAX_WAIT_S * 1000ul)

sr__http_verdict sr__http_judge_status(long status)
{
    switch (status) {
    case 429: /* Too Many Requests: refused before any processing */
    case 503: /* Service Unavailable: likewise */
        return SR__HTTP_RETRY;
    case 500:
    case 502:
    case 504: /* the request may have reached the application */
        return SR__HTTP_UNSAFE;
    default:
        return SR__HTTP_FINAL;
    }
}

sr__http_verdict sr__http_judge_transport(int curl_code, int sent)
{
    switch ((CURLcode)curl_code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR: /* the TLS handshake: nothing sent yet */
        return SR__HTTP_NOT_SENT;
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
        return sent ? SR__HTTP_UNSAFE : SR__HTTP_NOT_SENT;
    default: /* certificate refused, protocol refused, URL malformed...: not transient */
        return SR__HTTP_PERMANENT;
    }
}

unsigned long sr__http_retry_wait_ms(unsigned backoff_ms, unsigned retry, long retry_after_s,
                                     unsigned long random)
{
    unsigned long wait;
    if (retry_after_s >= 0) {
        if ((unsigned long)retry_after_s >= MAX_WAIT_MS / 1000ul)
            return MAX_WAIT_MS;
        return (unsigned long)retry_after_s * 1000ul;
    }
    /* Double, stopping at the cap: never shifts past it, so nothing wraps. */
    wait = backoff_ms < MAX_WAIT_MS ? backoff_ms : MAX_WAIT_MS;
    for (unsigned i = 0; i < retry && wait < MAX_WAIT_MS; i++)
        wait = wait > MAX_WAIT_MS / 2 ? MAX_WAIT_MS : wait * 2;
    wait += random % (wait / 2 + 1); /* up to +50 % jitter; the divisor is >= 1 */
    return wait < MAX_WAIT_MS ? wait : MAX_WAIT_MS;
}
