/* SPDX-License-Identifier: MIT */
/* One POST with libcurl: the options every request gets (TLS verification
 * on, no redirects, http and https only, timeouts), the header lines, the
 * body callback, and how a finished exchange is judged. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "http_internal.h"

static const long long CONNECT_TIMEOUT_MS = (long long)SR_HTTP_CONNECT_TIMEOUT_S * 1000;

/* What the body callback appends to, and why it stopped the transfer. */
typedef struct exchange_state {
    sr_http_result *result;
    sr_status body_status;
} exchange_state;

long long sr__http_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Only what cannot have been processed is retried by default (429, 503,
 * failures before the request went out); what may have been processed
 * (500, 502, 504, a timeout after sending) only on request, because the
 * API's POSTs are not idempotent. */
sr__http_verdict sr__http_judge_status(long status)
{
    if (status == 429 || status == 503) /* refused before any processing */
        return SR__HTTP_RETRY;
    if (status == 500 || status == 502 || status == 504) /* may have reached the application */
        return SR__HTTP_UNSAFE;
    return SR__HTTP_FINAL;
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

/* libcurl copied the lines, tokens included: wipe its copies too. */
static void free_header_list(struct curl_slist *list)
{
    for (struct curl_slist *p = list; p != NULL; p = p->next)
        sr__http_wipe(p->data, strlen(p->data));
    curl_slist_free_all(list);
}

/* The lines every request carries, then the post's own. NULL when out of
 * memory. */
static struct curl_slist *header_list(const sr__http_post *post)
{
    static const char *const common[] = {"Accept: application/json",
                                         "Expect:"}; /* no 100-continue round trip */
    struct curl_slist *list = NULL, *next;
    for (size_t i = 0; i < 2 + SR__HTTP_MAX_LINES; i++) {
        const char *line = i < 2 ? common[i] : post->lines[i - 2];
        if (line == NULL)
            continue;
        next = curl_slist_append(list, line);
        if (next == NULL) {
            free_header_list(list);
            return NULL;
        }
        list = next;
    }
    return list;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *user)
{
    exchange_state *x = user;
    size_t n = size * nmemb;
    x->body_status = sr__http_result_append_body(x->result, data, n);
    return x->body_status == SR_OK ? n : 0; /* 0 aborts the transfer */
}

/* Retry-After as delta-seconds (RFC 9110 10.2.3), -1 when absent; an
 * HTTP-date is ignored and the backoff applies instead. libcurl keeps the
 * final response's headers (not those of a 100 Continue), trimmed. */
static long read_retry_after(CURL *curl)
{
    struct curl_header *h;
    size_t digits;
    if (curl_easy_header(curl, "Retry-After", 0, CURLH_HEADER, -1, &h) != CURLHE_OK)
        return -1;
    digits = strspn(h->value, "0123456789");
    if (digits == 0 || h->value[digits] != '\0')
        return -1;
    return digits > 6 ? 1000000 : strtol(h->value, NULL, 10);
}

static long clamp_long(long long v)
{
    return v > (long long)LONG_MAX ? LONG_MAX : (long)v;
}

static void set_options(CURL *curl, const sr__http_post *post, struct curl_slist *headers,
                        exchange_state *x, char *errbuf, long long remaining_ms)
{
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, post->url);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, post->body); /* implies CURLOPT_POST */
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)post->body_len);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "sessreport-http");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);       /* timeouts without SIGALRM: thread-safe */
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L); /* a redirect must not carry the tokens */
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, clamp_long(remaining_ms));
    curl_easy_setopt(
        curl, CURLOPT_CONNECTTIMEOUT_MS,
        clamp_long(remaining_ms < CONNECT_TIMEOUT_MS ? remaining_ms : CONNECT_TIMEOUT_MS));
}

/* Whether any of the request may have left: libcurl counted request bytes,
 * or got past the connection set-up. */
static int request_may_have_left(CURL *curl)
{
    long request_size = 0;
    curl_off_t pretransfer = 0;
    curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &request_size);
    curl_easy_getinfo(curl, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
    return request_size > 0 || pretransfer > 0;
}

sr_status sr__http_exchange(sr_http_client *c, const sr__http_post *post, long long deadline_ms,
                            sr_http_result *r, sr__http_verdict *verdict, long *retry_after_s)
{
    char errbuf[CURL_ERROR_SIZE], msg[CURL_ERROR_SIZE + 128];
    exchange_state x = {r, SR_OK};
    struct curl_slist *headers;
    CURLcode rc;
    int sent;
    long long remaining = deadline_ms - sr__http_now_ms();

    sr__http_result_clear_answer(r);
    *retry_after_s = -1;
    *verdict = SR__HTTP_PERMANENT;
    r->end = SR_HTTP_END_NONE; /* the caller decides, unless set here */
    if (sr__http_result_set_url(r, post->url) != SR_OK)
        return SR_ERR_NOMEM;
    if (remaining <= 0) {
        snprintf(msg, sizeof msg, "total timeout of %u s reached", c->timeout_s);
        r->end = SR_HTTP_END_DEADLINE;
        return sr__http_result_set_transport_error(r, msg);
    }
    headers = header_list(post);
    if (headers == NULL)
        return SR_ERR_NOMEM;
    errbuf[0] = '\0';
    set_options(c->curl, post, headers, &x, errbuf, remaining);
    rc = curl_easy_perform(c->curl);
    sent = request_may_have_left(c->curl);
    if (rc == CURLE_OK) {
        curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &r->status);
        *retry_after_s = read_retry_after(c->curl);
    }
    curl_easy_reset(c->curl); /* drop its pointers to this call's buffers */
    free_header_list(headers);
    if (rc == CURLE_OK) {
        *verdict = sr__http_judge_status(r->status);
        return SR_OK;
    }
    if (x.body_status == SR_ERR_NOMEM)
        return SR_ERR_NOMEM;
    r->status = 0;
    if (x.body_status == SR_ERR_LIMIT) {
        snprintf(msg, sizeof msg, "response body larger than %zu bytes", SR_HTTP_MAX_BODY_BYTES);
        r->end = SR_HTTP_END_BODY_LIMIT;
    } else {
        snprintf(msg, sizeof msg, "%s%s%s", curl_easy_strerror(rc), errbuf[0] != '\0' ? ": " : "",
                 errbuf);
        *verdict = sr__http_judge_transport((int)rc, sent);
        if (rc == CURLE_OPERATION_TIMEDOUT && sr__http_now_ms() >= deadline_ms)
            r->end = SR_HTTP_END_DEADLINE;
    }
    return sr__http_result_set_transport_error(r, msg);
}
