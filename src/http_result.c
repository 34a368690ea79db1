/* SPDX-License-Identifier: MIT */
/* The result of one send: the last answer's status and body, and the
 * response decoded from it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http_internal.h"

sr_status sr__http_error(sr_error *err, sr_status code, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (err == NULL)
        return code;
    memset(err, 0, sizeof *err);
    err->code = code;
    va_start(ap, fmt);
    n = vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof err->message) {
        /* A message that did not fit ends in "..." (cut at a UTF-8
         * character boundary), so a long URL or host is never cut silently. */
        size_t end = sizeof err->message - 4;
        while (end > 0 && ((unsigned char)err->message[end] & 0xc0) == 0x80)
            end--;
        memcpy(err->message + end, "...", 4);
    }
    return code;
}

/* First allocation of a body that grows: most answers fit. */
#define BODY_FIRST_CAP 1024

sr_http_result *sr__http_result_new(void)
{
    sr_http_result *r = calloc(1, sizeof *r); /* SR_HTTP_END_NONE, SR_HTTP_STAGE_REPORT */
    char *body = malloc(BODY_FIRST_CAP);
    if (r == NULL || body == NULL) {
        free(r);
        free(body);
        return NULL;
    }
    body[0] = '\0';
    r->body = body;
    r->body_cap = BODY_FIRST_CAP;
    return r;
}

static void drop_decoded(sr_http_result *r)
{
    sr_aggregate_report_free(r->report);
    sr_callback_result_free(r->callback);
    sr_error_body_free(r->error_body);
    r->report = NULL;
    r->callback = NULL;
    r->error_body = NULL;
    r->kind = SR_RESPONSE_UNKNOWN;
    r->has_decode_error = 0;
}

void sr__http_result_clear_answer(sr_http_result *r)
{
    drop_decoded(r);
    r->status = 0;
    sr__http_wipe(r->body, r->body_len);
    r->body_len = 0;
    r->body[0] = '\0';
    free(r->transport_error);
    r->transport_error = NULL;
}

sr_status sr__http_result_append_body(sr_http_result *r, const char *data, size_t n)
{
    if (n > SR_HTTP_MAX_BODY_BYTES - r->body_len)
        return SR_ERR_LIMIT;
    if (r->body_len + n + 1 > r->body_cap) {
        /* Doubling up to the limit and its terminator. A new block rather
         * than realloc: the old one is wiped first, as it may hold a token
         * reply. */
        size_t cap = r->body_cap;
        char *grown;
        while (cap < r->body_len + n + 1)
            cap *= 2;
        if (cap > SR_HTTP_MAX_BODY_BYTES + 1)
            cap = SR_HTTP_MAX_BODY_BYTES + 1;
        grown = malloc(cap);
        if (grown == NULL)
            return SR_ERR_NOMEM;
        memcpy(grown, r->body, r->body_len);
        sr__http_wipe(r->body, r->body_len);
        free(r->body);
        r->body = grown;
        r->body_cap = cap;
    }
    memcpy(r->body + r->body_len, data, n);
    r->body_len += n;
    r->body[r->body_len] = '\0';
    return SR_OK;
}

/* Replaces *slot by a copy of text. SR_OK or SR_ERR_NOMEM. */
static sr_status replace(char **slot, const char *text)
{
    char *copy = sr__http_strdup(text);
    if (copy == NULL)
        return SR_ERR_NOMEM;
    free(*slot);
    *slot = copy;
    return SR_OK;
}

sr_status sr__http_result_set_url(sr_http_result *r, const char *url)
{
    return replace(&r->url, url);
}

void sr__http_result_redact(sr_http_result *r, const char *secret)
{
    size_t n = secret != NULL ? strlen(secret) : 0, in = 0, out = 0;
    /* A secret shorter than 8 bytes would match ordinary text of the body
     * ("a" inside every key) and mangle the answer: real tokens and
     * secrets are far longer. So the mask is shorter than what it hides,
     * and the body never grows. */
    if (n < 8)
        return;
    while (in < r->body_len) {
        if (r->body_len - in >= n && memcmp(r->body + in, secret, n) == 0) {
            memcpy(r->body + out, "***", 3);
            out += 3;
            in += n;
        } else {
            r->body[out++] = r->body[in++];
        }
    }
    sr__http_wipe(r->body + out, r->body_len - out);
    r->body_len = out;
    r->body[out] = '\0';
}

sr_status sr__http_result_set_transport_error(sr_http_result *r, const char *message)
{
    if (replace(&r->transport_error, message) != SR_OK)
        return SR_ERR_NOMEM;
    for (char *p = r->transport_error; *p != '\0'; p++) {
        if ((unsigned char)*p < 0x20)
            *p = ' '; /* one line, whatever libcurl wrote */
    }
    return SR_OK;
}

sr_status sr__http_result_decode(sr_http_result *r, sr_http_endpoint endpoint)
{
    int success = r->status >= 200 && r->status <= 299;
    sr_response_kind kind = !success                   ? SR_RESPONSE_ERROR_BODY
                            : endpoint == SR_HTTP_SYNC ? SR_RESPONSE_AGGREGATE_REPORT
                                                       : SR_RESPONSE_CALLBACK_RESULT;
    sr_status st = SR_OK;
    drop_decoded(r);
    /* Both endpoints answer a success with a body: an empty one (a 204
     * too) is not what was asked for. An empty non-2xx body is no error. */
    if (r->body_len == 0 && success)
        st = sr__http_error(&r->decode_error, SR_ERR_MISSING,
                            "HTTP %ld with an empty body: expected %s", r->status,
                            endpoint == SR_HTTP_SYNC ? "an aggregate report" : "a callback result");
    else if (r->body_len == 0)
        return SR_OK;
    else if (kind == SR_RESPONSE_ERROR_BODY)
        st = sr_error_body_from_json(r->body, r->body_len, NULL, &r->error_body, &r->decode_error);
    else if (kind == SR_RESPONSE_AGGREGATE_REPORT)
        st =
            sr_aggregate_report_from_json(r->body, r->body_len, NULL, &r->report, &r->decode_error);
    else
        st = sr_callback_result_from_json(r->body, r->body_len, NULL, &r->callback,
                                          &r->decode_error);
    if (st == SR_ERR_NOMEM)
        return st;
    r->kind = st == SR_OK ? kind : SR_RESPONSE_UNKNOWN;
    r->has_decode_error = st != SR_OK;
    return SR_OK;
}

void sr_http_result_free(sr_http_result *r)
{
    if (r == NULL)
        return;
    drop_decoded(r);
    free(r->transport_error);
    free(r->url);
    sr__http_wipe(r->body, r->body_len);
    free(r->body);
    free(r);
}

/* The getters of one member each: the member, or `none` for NULL r. type
 * is a type name, which cannot be parenthesized. */
/* NOLINTBEGIN(bugprone-macro-parentheses) */
#define MEMBER_GETTER(type, member, none)                                                          \
    type sr_http_result_##member(const sr_http_result *r)                                          \
    {                                                                                              \
        return r != NULL ? r->member : none;                                                       \
    }
/* NOLINTEND(bugprone-macro-parentheses) */

MEMBER_GETTER(long, status, 0)
MEMBER_GETTER(unsigned, attempts, 0)
MEMBER_GETTER(sr_http_end, end, SR_HTTP_END_NONE)
MEMBER_GETTER(sr_http_stage, stage, SR_HTTP_STAGE_REPORT)
MEMBER_GETTER(const char *, url, NULL)
MEMBER_GETTER(const char *, idempotency_key, NULL)
MEMBER_GETTER(const char *, transport_error, NULL)
MEMBER_GETTER(sr_response_kind, kind, SR_RESPONSE_UNKNOWN)
MEMBER_GETTER(const sr_aggregate_report *, report, NULL)
MEMBER_GETTER(const sr_callback_result *, callback, NULL)
MEMBER_GETTER(const sr_error_body *, error_body, NULL)

const char *sr_http_result_body(const sr_http_result *r, size_t *len)
{
    if (len != NULL)
        *len = r != NULL ? r->body_len : 0;
    return r != NULL ? r->body : NULL;
}

const sr_error *sr_http_result_decode_error(const sr_http_result *r)
{
    return (r != NULL && r->has_decode_error) ? &r->decode_error : NULL;
}

const char *sr_http_end_name(sr_http_end e)
{
    static const char *const names[] = {
        [SR_HTTP_END_NONE] = "no exchange",
        [SR_HTTP_END_ANSWER] = "final answer",
        [SR_HTTP_END_RETRIES] = "retries exhausted",
        [SR_HTTP_END_DEADLINE] = "total timeout",
        [SR_HTTP_END_UNSAFE] = "not retried: the request may have been processed",
        [SR_HTTP_END_FAILED] = "transport failure",
        [SR_HTTP_END_BODY_LIMIT] = "answer too large",
        [SR_HTTP_END_TOKEN] = "token request failed",
        [SR_HTTP_END_TOKEN_REFUSED_BEFORE] = "token request refused earlier, not made again"};
    return (unsigned)e < sizeof names / sizeof names[0] ? names[e] : "unknown";
}
