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

/* ---- secrets (http_secret.c) ---- */
/* Overwrites n bytes through a volatile pointer, so the stores are kept
 * although the memory is freed next. */
void sr__http_wipe(void *p, size_t n);
/* Wipes the string's bytes and frees it; NULL is a no-op. */
void sr__http_wipe_free(char *s);
/* A malloc'd copy of s, or NULL when out of memory. */
char *sr__http_strdup(const char *s);
/* a followed by b, malloc'd; NULL when out of memory. */
char *sr__http_concat(const char *a, const char *b);
/* A credential or token goes into a header or a body: it must be there,
 * and hold no control character (CR, LF... could end a header line). The
 * message names `what`, never the value. SR_OK or SR_ERR_ARG. */
sr_status sr__http_check_secret(const char *value, const char *what, sr_error *err);
/* Standard base64 (RFC 4648, with padding) of n bytes into out, which has
 * room for 4 * ((n + 2) / 3) + 1 bytes. Returns the text length. */
size_t sr__http_base64(const unsigned char *in, size_t n, char *out);

/* ---- URLs (http_url.c) ---- */
/* Checks a URL the client will POST to (`what` names it in messages: "base
 * URL", "OAuth URL"...): absolute http(s), no credentials, query or
 * fragment, and plain http only to loopback. SR_OK or SR_ERR_ARG. */
sr_status sr__http_check_url(const char *url, const char *what, sr_error *err);

/* ---- results (http_result.c) ---- */
struct sr_http_result {
    long status; /* 0 = no HTTP answer */
    unsigned attempts;
    sr_http_end end;
    sr_http_stage stage;
    char idempotency_key[SR__UUID_TEXT_LEN + 1];
    char *url;             /* the last request's URL */
    char *transport_error; /* NULL when an answer arrived */
    char *body;            /* NUL-terminated, never NULL once created */
    size_t body_len;
    size_t body_cap; /* bytes allocated for body, terminator included */
    sr_response_kind kind;
    sr_aggregate_report *report;
    sr_callback_result *callback;
    sr_error_body *error_body;
    int has_decode_error;
    sr_error decode_error;
};

/* A result with an empty body; NULL when out of memory. */
sr_http_result *sr__http_result_new(void);
/* Forgets the previous attempt's body, status, transport error and decoded
 * answer (the old body's bytes are wiped: a token reply may be in it). */
void sr__http_result_clear_answer(sr_http_result *r);
/* Appends to the body, growing it geometrically (an outgrown buffer is
 * wiped before it is freed); SR_ERR_NOMEM, or SR_ERR_LIMIT beyond
 * SR_HTTP_MAX_BODY_BYTES. */
sr_status sr__http_result_append_body(sr_http_result *r, const char *data, size_t n);
/* Records why no answer came. SR_OK or SR_ERR_NOMEM. */
sr_status sr__http_result_set_transport_error(sr_http_result *r, const char *message);
/* Records the URL of the request about to be made. SR_OK or SR_ERR_NOMEM. */
sr_status sr__http_result_set_url(sr_http_result *r, const char *url);
/* Replaces every occurrence of secret (when 8 bytes or longer: a shorter
 * one would match ordinary text) in the body with "***". */
void sr__http_result_redact(sr_http_result *r, const char *secret);
/* Decodes the body as the endpoint's response (2xx) or an error body (any
 * other status). A body that does not decode is kept with decode_error set;
 * only SR_ERR_NOMEM fails. */
sr_status sr__http_result_decode(sr_http_result *r, sr_http_endpoint endpoint);

/* ---- retry policy (verdicts: http_transfer.c, waits: http.c) ---- */
/* How a finished exchange is judged. */
typedef enum sr__http_verdict {
    SR__HTTP_FINAL = 0,    /* an answer to keep */
    SR__HTTP_RETRY = 1,    /* retry (budget and deadline permitting) */
    SR__HTTP_NOT_SENT = 2, /* transport failure before sending: retry */
    SR__HTTP_UNSAFE = 3,   /* may have been processed: retry only under SR_HTTP_RETRY_UNSAFE */
    SR__HTTP_PERMANENT = 4 /* a transport failure that another attempt will not cure */
} sr__http_verdict;
/* The verdict on an HTTP status (status != 0). */
sr__http_verdict sr__http_judge_status(long status);
/* The verdict on a libcurl failure; sent says whether any byte of the
 * request may have left (0 = certainly not). */
sr__http_verdict sr__http_judge_transport(int curl_code, int sent);
/* The wait before retry number `retry` (0-based) in milliseconds, never
 * above SR_HTTP_MAX_WAIT_S seconds: retry_after_s seconds when >= 0, else
 * backoff_ms << retry plus jitter (random % (wait / 2 + 1)). Saturates for
 * any input; never divides by zero. */
unsigned long sr__http_retry_wait_ms(unsigned backoff_ms, unsigned retry, long retry_after_s,
                                     unsigned long random);

/* ---- the client (http.c, http_auth.c, http_transfer.c) ---- */
/* One token: static (given) or fetched from credentials. */
typedef struct sr__http_token {
    char *user;           /* client id / username: NULL when the token is static; wiped */
    char *secret;         /* client secret / password; wiped */
    char *url;            /* token URL */
    char *value;          /* the token; NULL = none yet; wiped */
    sr_http_stage stage;  /* SR_HTTP_STAGE_OAUTH or SR_HTTP_STAGE_LOGIN */
    long long expires_ms; /* monotonic time it stops being used (fetched tokens) */
    int refused;          /* the token request was refused with a 4xx: never made again */
} sr__http_token;

struct sr_http_client {
    void *curl;     /* CURL * */
    char *base_url; /* without trailing slashes */
    unsigned timeout_s;
    unsigned backoff_ms;
    unsigned flags;
    const char *portal_initiated; /* "true", "false" (static strings) or NULL */
    sr__http_token oauth;
    sr__http_token session;
};

/* Most header lines of one POST, besides those every request carries. */
#define SR__HTTP_MAX_LINES 5

/* One POST. */
typedef struct sr__http_post {
    const char *url;
    const char *body;
    size_t body_len;
    const char *lines[SR__HTTP_MAX_LINES]; /* its header lines; NULL ones are skipped */
} sr__http_post;

/* Monotonic milliseconds. */
long long sr__http_now_ms(void);
/* Makes one POST with the client's handle, at most until deadline_ms;
 * fills r's status and body (or transport error, status 0). Returns SR_OK
 * or SR_ERR_NOMEM; *verdict says how the exchange is judged and
 * *retry_after_s the answer's Retry-After (-1 = none). */
sr_status sr__http_exchange(sr_http_client *c, const sr__http_post *post, long long deadline_ms,
                            sr_http_result *r, sr__http_verdict *verdict, long *retry_after_s);
/* Copies the token options into c (checks them first). SR_OK, SR_ERR_ARG
 * or SR_ERR_NOMEM. */
sr_status sr__http_auth_init(sr_http_client *c, const sr_http_options *opts, sr_error *err);
/* Wipes and frees the token state. */
void sr__http_auth_free(sr_http_client *c);
/* Makes sure both tokens are at hand, fetching what is missing or expired.
 * On a failure r says which stage failed and why (r->end = SR_HTTP_END_TOKEN
 * or SR_HTTP_END_TOKEN_REFUSED_BEFORE) and *ready is 0. Returns SR_OK or
 * SR_ERR_NOMEM. */
sr_status sr__http_auth_ensure(sr_http_client *c, long long deadline_ms, sr_http_result *r,
                               int *ready);
/* Forgets the fetched tokens (after a 401); returns 1 when there was one
 * to forget, so that fetching again can help. */
int sr__http_auth_forget(sr_http_client *c);
/* A report POST used the session token now: its idle time starts again. */
void sr__http_auth_touch(sr_http_client *c);
/* The report POST's token lines (Authorization: Bearer, VZ-M2M-Token),
 * malloc'd, wiped and freed by the caller; SR_OK or SR_ERR_NOMEM. */
sr_status sr__http_auth_lines(const sr_http_client *c, char *lines[2]);
/* Replaces every secret and token the client holds in r's body with "***". */
void sr__http_auth_redact(const sr_http_client *c, sr_http_result *r);

#endif /* SESSREPORT_HTTP_INTERNAL_H */
