/* SPDX-License-Identifier: MIT */
/* The libcurl sender: client setup, the POST with its headers, and the
 * retry loop (429/5xx, Retry-After, exponential backoff with jitter). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, nanosleep */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "http_internal.h"
#include "sessreport/json.h"
#include "sessreport/validate.h"

#define PATH_SYNC  "/report/aggregate"
#define PATH_ASYNC "/report/async/aggregate"

static const int64_t CONNECT_TIMEOUT_MS = (int64_t)SR_HTTP_CONNECT_TIMEOUT_S * 1000;

struct sr_http_client {
    CURL *curl;
    char *base_url;
    char *auth_header; /* "Authorization: Bearer <token>": wiped when freed */
    char *m2m_header;  /* "VZ-M2M-Token: <token>": wiped when freed */
    unsigned timeout_s;
    unsigned backoff_ms;
};

/* What one attempt's callbacks learn besides the body. */
typedef struct attempt {
    sr_http_result *result;
    sr_status body_status; /* why the body callback stopped the transfer */
    long retry_after_s;    /* -1 = none given (or not in seconds) */
} attempt;

/* Overwrites a secret before its memory is released; volatile so the
 * stores are not optimised away. */
static void wipe(char *s)
{
    if (s == NULL)
        return;
    for (volatile char *p = s; *p != '\0'; p++)
        *p = '\0';
}

static void wipe_and_free(char *s)
{
    wipe(s);
    free(s);
}

static char *concat(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *s = malloc(na + nb + 1);
    if (s == NULL)
        return NULL;
    memcpy(s, a, na);
    memcpy(s + na, b, nb + 1);
    return s;
}

/* A token goes into a header line: it must be there, and hold no control
 * character that could end the line. The token itself is never quoted. */
static sr_status check_token(const char *token, const char *what, sr_error *err)
{
    if (token == NULL || token[0] == '\0')
        return sr__http_error(err, SR_ERR_ARG, "%s is missing", what);
    for (const char *p = token; *p != '\0'; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return sr__http_error(err, SR_ERR_ARG, "%s holds a control character", what);
    }
    return SR_OK;
}

sr_status sr_http_client_new(const sr_http_options *opts, sr_http_client **out, sr_error *err)
{
    sr_http_client *c = NULL;
    const char *base;
    sr_status st;

    if (out == NULL || opts == NULL)
        return sr__http_error(err, SR_ERR_ARG, "opts and out must not be NULL");
    *out = NULL;
    base = opts->base_url != NULL ? opts->base_url : SR_HTTP_DEFAULT_BASE_URL;
    st = check_token(opts->access_token, "access token", err);
    if (st == SR_OK)
        st = check_token(opts->m2m_token, "M2M session token", err);
    if (st == SR_OK)
        st = sr__http_check_base_url(base, err);
    if (st != SR_OK)
        return st;

    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return sr__http_error(err, SR_ERR_NOMEM, "libcurl could not be initialised");
    c = calloc(1, sizeof *c);
    if (c == NULL)
        goto nomem;
    c->curl = curl_easy_init();
    c->base_url = concat(base, "");
    c->auth_header = concat("Authorization: Bearer ", opts->access_token);
    c->m2m_header = concat("VZ-M2M-Token: ", opts->m2m_token);
    if (c->curl == NULL || c->base_url == NULL || c->auth_header == NULL || c->m2m_header == NULL)
        goto nomem;
    c->timeout_s = opts->timeout_s != 0 ? opts->timeout_s : SR_HTTP_DEFAULT_TIMEOUT_S;
    c->backoff_ms = opts->backoff_ms != 0 ? opts->backoff_ms : SR_HTTP_DEFAULT_BACKOFF_MS;
    *out = c;
    return SR_OK;
nomem:
    sr_http_client_free(c); /* also balances curl_global_init */
    if (c == NULL)
        curl_global_cleanup();
    return sr__http_error(err, SR_ERR_NOMEM, "out of memory");
}

void sr_http_client_free(sr_http_client *c)
{
    if (c == NULL)
        return;
    if (c->curl != NULL)
        curl_easy_cleanup(c->curl);
    wipe_and_free(c->auth_header);
    wipe_and_free(c->m2m_header);
    free(c->base_url);
    free(c);
    curl_global_cleanup();
}

/* ---- time ---- */

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(int64_t ms)
{
    struct timespec ts;
    ts.tv_sec = (time_t)(ms / 1000);
    ts.tv_nsec = (long)(ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* ---- libcurl callbacks ---- */

static size_t on_body(char *data, size_t size, size_t nmemb, void *user)
{
    attempt *a = user;
    size_t n = size * nmemb;
    a->body_status = sr__http_result_append_body(a->result, data, n);
    return a->body_status == SR_OK ? n : 0; /* 0 aborts the transfer */
}

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int starts_with_ignore_case(const char *s, size_t n, const char *prefix)
{
    size_t i = 0;
    for (; prefix[i] != '\0'; i++) {
        if (i >= n || ascii_lower((unsigned char)s[i]) != prefix[i])
            return 0;
    }
    return 1;
}

/* Retry-After as delta-seconds (RFC 9110 10.2.3); an HTTP-date is ignored
 * and the backoff applies instead. */
static long parse_retry_after(const char *s, size_t n)
{
    size_t i = 0;
    long v = 0;
    int digits = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
        if (v < 1000000)
            v = v * 10 + (s[i] - '0');
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return (digits > 0 && i == n) ? v : -1;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *user)
{
    attempt *a = user;
    size_t n = size * nmemb;
    static const char name[] = "retry-after:";
    if (starts_with_ignore_case(data, n, "http/"))
        a->retry_after_s = -1; /* a new response (after 100 Continue...) */
    else if (starts_with_ignore_case(data, n, name))
        a->retry_after_s = parse_retry_after(data + sizeof name - 1, n - (sizeof name - 1));
    return n;
}

/* ---- one send ---- */

static int is_retryable(long status)
{
    return status == 429 || (status >= 500 && status <= 599);
}

/* The wait before retry number `retry` (0-based), in milliseconds. */
static int64_t retry_wait_ms(const sr_http_client *c, unsigned retry, long retry_after_s)
{
    int64_t wait;
    if (retry_after_s >= 0) {
        wait = (int64_t)retry_after_s * 1000;
    } else {
        uint32_t r = 0;
        wait = (int64_t)c->backoff_ms << retry;
        if (sr__http_random_bytes(&r, sizeof r) == SR_OK)
            wait += (int64_t)(r % (uint32_t)(wait / 2 + 1)); /* up to +50 % jitter */
    }
    return wait > (int64_t)SR_HTTP_MAX_WAIT_S * 1000 ? (int64_t)SR_HTTP_MAX_WAIT_S * 1000 : wait;
}

static struct curl_slist *build_headers(const sr_http_client *c, const char *key)
{
    char key_header[sizeof "Idempotency-Key: " + SR__UUID_TEXT_LEN];
    const char *lines[7];
    struct curl_slist *list = NULL;
    snprintf(key_header, sizeof key_header, "Idempotency-Key: %s", key);
    lines[0] = c->auth_header;
    lines[1] = c->m2m_header;
    lines[2] = "Content-Type: application/json";
    lines[3] = "Accept: application/json";
    lines[4] = key_header;
    lines[5] = "Expect:"; /* no 100-continue round trip */
    lines[6] = NULL;
    for (size_t i = 0; lines[i] != NULL; i++) {
        struct curl_slist *next = curl_slist_append(list, lines[i]);
        if (next == NULL) {
            curl_slist_free_all(list);
            return NULL;
        }
        list = next;
    }
    return list;
}

/* libcurl copied the token lines: wipe its copies too. */
static void free_headers(struct curl_slist *list)
{
    for (struct curl_slist *p = list; p != NULL; p = p->next)
        wipe(p->data);
    curl_slist_free_all(list);
}

static void set_common_options(CURL *curl, const char *url, const char *body, size_t body_len,
                               struct curl_slist *headers, attempt *a, char *errbuf)
{
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "sessreport-http");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, a);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, a);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);       /* timeouts without SIGALRM: thread-safe */
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L); /* a redirect must not carry the tokens */
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

/* Runs the attempts; fills r's status/body or transport error. */
static sr_status run_attempts(sr_http_client *c, const char *url, const char *body, size_t body_len,
                              struct curl_slist *headers, sr_http_result *r)
{
    char errbuf[CURL_ERROR_SIZE];
    attempt a;
    int64_t deadline = now_ms() + (int64_t)c->timeout_s * 1000;

    for (unsigned retry = 0;; retry++) {
        int64_t remaining = deadline - now_ms();
        CURLcode rc;
        if (remaining <= 0) {
            char msg[96];
            snprintf(msg, sizeof msg, "total timeout of %u s reached", c->timeout_s);
            return sr__http_result_set_transport_error(r, msg);
        }
        sr__http_result_clear_answer(r);
        a.result = r;
        a.body_status = SR_OK;
        a.retry_after_s = -1;
        errbuf[0] = '\0';
        set_common_options(c->curl, url, body, body_len, headers, &a, errbuf);
        curl_easy_setopt(c->curl, CURLOPT_TIMEOUT_MS, (long)remaining);
        curl_easy_setopt(c->curl, CURLOPT_CONNECTTIMEOUT_MS,
                         (long)(remaining < CONNECT_TIMEOUT_MS ? remaining : CONNECT_TIMEOUT_MS));
        r->attempts++;
        rc = curl_easy_perform(c->curl);
        if (rc != CURLE_OK) {
            char msg[CURL_ERROR_SIZE + 128];
            if (a.body_status == SR_ERR_NOMEM)
                return SR_ERR_NOMEM;
            if (a.body_status == SR_ERR_LIMIT)
                snprintf(msg, sizeof msg, "response body larger than %zu bytes",
                         SR_HTTP_MAX_BODY_BYTES);
            else
                snprintf(msg, sizeof msg, "%s%s%s", curl_easy_strerror(rc),
                         errbuf[0] != '\0' ? ": " : "", errbuf);
            r->status = 0;
            return sr__http_result_set_transport_error(r, msg);
        }
        curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &r->status);
        if (!is_retryable(r->status) || retry >= SR_HTTP_MAX_RETRIES)
            return SR_OK;
        {
            int64_t wait = retry_wait_ms(c, retry, a.retry_after_s);
            if (now_ms() + wait >= deadline)
                return SR_OK; /* no time left to wait: report this answer */
            sleep_ms(wait);
        }
    }
}

static sr_status fail(sr_status st, const sr_error *e, sr_error *errors, size_t max_errors,
                      size_t *error_count)
{
    if (errors != NULL && max_errors > 0)
        errors[0] = *e;
    if (error_count != NULL)
        *error_count = 1;
    return st;
}

/* Validation with the endpoint's IMEI limit; returns the problem count. */
static size_t validate_for(sr_http_endpoint endpoint, const session_report_request *req,
                           sr_error *errors, size_t max_errors, sr_error *first)
{
    sr_validate_options vo;
    size_t n;
    memset(&vo, 0, sizeof vo);
    vo.max_imeis = endpoint == SR_HTTP_SYNC ? SR_MAX_IMEIS_SYNC : SR_MAX_IMEIS_ASYNC;
    n = session_report_request_validate(req, &vo, first, 1);
    if (n > 0 && errors != NULL && max_errors > 0)
        (void)session_report_request_validate(req, &vo, errors, max_errors);
    return n;
}

sr_status sr_http_send(sr_http_client *c, sr_http_endpoint endpoint,
                       const session_report_request *req, sr_http_result **out, sr_error *errors,
                       size_t max_errors, size_t *error_count)
{
    sr_error e;
    char *body = NULL, *url = NULL;
    size_t body_len = 0, problems;
    struct curl_slist *headers = NULL;
    sr_http_result *r = NULL;
    sr_status st = SR_OK;

    if (error_count != NULL)
        *error_count = 0;
    if (out != NULL)
        *out = NULL;
    if (c == NULL || req == NULL || out == NULL ||
        (endpoint != SR_HTTP_SYNC && endpoint != SR_HTTP_ASYNC)) {
        sr__http_error(&e, SR_ERR_ARG, "client, request and out must be given, endpoint known");
        return fail(SR_ERR_ARG, &e, errors, max_errors, error_count);
    }
    problems = validate_for(endpoint, req, errors, max_errors, &e);
    if (problems > 0) {
        if (error_count != NULL)
            *error_count = problems;
        return e.code;
    }
    r = sr__http_result_new();
    url = sr__http_join_url(c->base_url, endpoint == SR_HTTP_SYNC ? PATH_SYNC : PATH_ASYNC);
    if (r == NULL || url == NULL) {
        st = SR_ERR_NOMEM;
        goto cleanup;
    }
    st = session_report_request_to_json(req, 0, &body, &body_len);
    if (st == SR_OK)
        st = sr__http_uuid_v4(r->idempotency_key);
    if (st != SR_OK)
        goto cleanup;
    headers = build_headers(c, r->idempotency_key);
    if (headers == NULL) {
        st = SR_ERR_NOMEM;
        goto cleanup;
    }
    st = run_attempts(c, url, body, body_len, headers, r);
    curl_easy_reset(c->curl); /* drop its pointers to this call's buffers */
    if (st == SR_OK && r->status != 0)
        st = sr__http_result_decode(r, endpoint);
    if (st == SR_OK) {
        *out = r;
        r = NULL;
    }
cleanup:
    if (st != SR_OK) {
        sr__http_error(&e, st, st == SR_ERR_NOMEM ? "out of memory" : "cannot encode the request");
        fail(st, &e, errors, max_errors, error_count);
    }
    free_headers(headers);
    sr_free(body);
    free(url);
    sr_http_result_free(r);
    return st;
}
