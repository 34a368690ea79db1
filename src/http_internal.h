/* SPDX-License-Identifier: MIT */
/* Private pieces of the sessreport_http library. It is a separate library
 * that uses only the public API of the core: the core's sr__* internals are
 * hidden in shared builds, so it has its own error filling and allocates
 * with the C library (everything it returns has its own _free function). */
#ifndef SESSREPORT_HTTP_INTERNAL_H
#define SESSREPORT_HTTP_INTERNAL_H

#include <stddef.h>

#include "sessreport/http.h"

#if defined(__GNUC__) || defined(__clang__)
#    define SR__HTTP_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#    define SR__HTTP_PRINTF(fmt, args)
#endif

/* Length of a UUID in its text form, without the terminator. */
#define SR__UUID_TEXT_LEN 36

/* Fills err (when not NULL): code, empty path, a one-line message. Returns code. */
sr_status sr__http_error(sr_error *err, sr_status code, const char *fmt, ...) SR__HTTP_PRINTF(3, 4);

/* ---- randomness (uuid.c) ---- */
/* n bytes from the kernel's CSPRNG (getrandom, else /dev/urandom).
 * SR_OK, or SR_ERR_NOMEM when neither source can be read. */
sr_status sr__http_random_bytes(void *buf, size_t n);
/* A random (version 4, RFC 9562) UUID in lowercase 8-4-4-4-12 form. */
sr_status sr__http_uuid_v4(char out[SR__UUID_TEXT_LEN + 1]);

/* ---- URLs (http_url.c) ---- */
/* Checks a base URL: absolute http(s), no credentials, query or fragment,
 * and plain http only to loopback. SR_OK or SR_ERR_ARG (err says why). */
sr_status sr__http_check_base_url(const char *url, sr_error *err);
/* base (without trailing slashes) + path, malloc'd; NULL when out of memory. */
char *sr__http_join_url(const char *base, const char *path);

/* ---- results (http_result.c) ---- */
struct sr_http_result {
    long status; /* 0 = no HTTP answer */
    unsigned attempts;
    char idempotency_key[SR__UUID_TEXT_LEN + 1];
    char *transport_error; /* NULL when an answer arrived */
    char *body;            /* NUL-terminated, never NULL once created */
    size_t body_len;
    sr_response_kind kind;
    sr_aggregate_report *report;
    sr_callback_result *callback;
    sr_error_body *error_body;
    int has_decode_error;
    sr_error decode_error;
};

/* A result with an empty body; NULL when out of memory. */
sr_http_result *sr__http_result_new(void);
/* Forgets the previous attempt's body and status. */
void sr__http_result_clear_answer(sr_http_result *r);
/* Appends to the body; SR_ERR_NOMEM, or SR_ERR_LIMIT beyond SR_HTTP_MAX_BODY_BYTES. */
sr_status sr__http_result_append_body(sr_http_result *r, const char *data, size_t n);
/* Records why no answer came. SR_OK or SR_ERR_NOMEM. */
sr_status sr__http_result_set_transport_error(sr_http_result *r, const char *message);
/* Decodes the body as the endpoint's response (2xx) or an error body (any
 * other status). A body that does not decode is kept with decode_error set;
 * only SR_ERR_NOMEM fails. */
sr_status sr__http_result_decode(sr_http_result *r, sr_http_endpoint endpoint);

#endif /* SESSREPORT_HTTP_INTERNAL_H */
