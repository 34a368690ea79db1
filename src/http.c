/* SPDX-License-Identifier: MIT */
/* The libcurl sender: client set-up, the report POST with its headers, the
 * retry loop with its waits (which answers are retried: http_transfer.c)
 * and the one resend after a 401 with fresh tokens (http_auth.c). */
#define _POSIX_C_SOURCE 200809L /* nanosleep */

#include <errno.h>
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

sr_status sr_http_client_new(const sr_http_options *opts, sr_http_client **out, sr_error *err)
{
    sr_http_client *c = NULL;
    const char *base, *portal;
    sr_status st;

    if (out != NULL)
        *out = NULL;
    if (out == NULL || opts == NULL)
        return sr__http_error(err, SR_ERR_ARG, "opts and out must not be NULL");
    if ((opts->flags & ~SR_HTTP_RETRY_UNSAFE) != 0)
        return sr__http_error(err, SR_ERR_ARG, "unknown flag 0x%x", opts->flags);
    portal = opts->portal_initiated;
    if (portal != NULL && strcmp(portal, "true") != 0 && strcmp(portal, "false") != 0)
        return sr__http_error(err, SR_ERR_ARG, "portal_initiated must be \"true\" or \"false\"");
    base = opts->base_url != NULL ? opts->base_url : SR_HTTP_DEFAULT_BASE_URL;
    st = sr__http_check_url(base, "base URL", err);
    if (st != SR_OK)
        return st;

    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return sr__http_error(err, SR_ERR_NOMEM, "libcurl could not be initialised");
    c = calloc(1, sizeof *c);
    if (c == NULL) {
        curl_global_cleanup();
        return sr__http_error(err, SR_ERR_NOMEM, "out of memory");
    }
    st = sr__http_auth_init(c, opts, err);
    if (st == SR_OK) {
        c->curl = curl_easy_init();
        c->base_url = sr__http_strdup(base);
        if (c->curl == NULL || c->base_url == NULL) {
            sr__http_error(err, SR_ERR_NOMEM, "out of memory");
            st = SR_ERR_NOMEM;
        }
    }
    if (st != SR_OK) {
        sr_http_client_free(c); /* also balances curl_global_init */
        return st;
    }
    for (size_t n = strlen(c->base_url); n > 0 && c->base_url[n - 1] == '/'; n--)
        c->base_url[n - 1] = '\0'; /* joined with the endpoint's path */
    c->timeout_s = opts->timeout_s != 0 ? opts->timeout_s : SR_HTTP_DEFAULT_TIMEOUT_S;
    c->backoff_ms = opts->backoff_ms != 0 ? opts->backoff_ms : SR_HTTP_DEFAULT_BACKOFF_MS;
    c->flags = opts->flags;
    /* a static string: the option's may be freed */
    if (portal != NULL)
        c->portal_initiated =
            portal[0] == 't' ? "X-Portal-Initiated: true" : "X-Portal-Initiated: false";
    *out = c;
    return SR_OK;
}

void sr_http_client_free(sr_http_client *c)
{
    if (c == NULL)
        return;
    curl_easy_cleanup(c->curl); /* NULL is a no-op */
    sr__http_auth_free(c);
    free(c->base_url);
    free(c);
    curl_global_cleanup();
}

static void sleep_ms(unsigned long ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

#define MAX_WAIT_MS ((unsigned long)SR_HTTP_MAX_WAIT_S * 1000ul)

/* Every wait saturates at MAX_WAIT_MS, whatever the options. */
unsigned long sr__http_retry_wait_ms(unsigned backoff_ms, unsigned retry, long retry_after_s,
                                     unsigned long random)
{
    unsigned long wait;
    if (retry_after_s >= 0)
        return (unsigned long)retry_after_s < SR_HTTP_MAX_WAIT_S ? retry_after_s * 1000ul
                                                                 : MAX_WAIT_MS;
    /* Double, stopping at the cap: never shifts past it, so nothing wraps. */
    wait = backoff_ms < MAX_WAIT_MS ? backoff_ms : MAX_WAIT_MS;
    for (unsigned i = 0; i < retry && wait < MAX_WAIT_MS; i++)
        wait = wait > MAX_WAIT_MS / 2 ? MAX_WAIT_MS : wait * 2;
    wait += random % (wait / 2 + 1); /* up to +50 % jitter; the divisor is >= 1 */
    return wait < MAX_WAIT_MS ? wait : MAX_WAIT_MS;
}

/* How the send ends after this verdict, or SR_HTTP_END_NONE to retry. */
static sr_http_end end_after(const sr_http_client *c, sr__http_verdict verdict, unsigned retries)
{
    if (verdict == SR__HTTP_FINAL)
        return SR_HTTP_END_ANSWER;
    if (verdict == SR__HTTP_PERMANENT)
        return SR_HTTP_END_FAILED;
    if (verdict == SR__HTTP_UNSAFE && (c->flags & SR_HTTP_RETRY_UNSAFE) == 0)
        return SR_HTTP_END_UNSAFE;
    return retries >= SR_HTTP_MAX_RETRIES ? SR_HTTP_END_RETRIES : SR_HTTP_END_NONE;
}

/* Runs the attempts of one set of tokens, sharing the retry budget
 * *retries; sets r->end. SR_OK or SR_ERR_NOMEM. */
static sr_status run_attempts(sr_http_client *c, const sr__http_post *post, long long deadline_ms,
                              unsigned *retries, sr_http_result *r)
{
    for (;; (*retries)++) {
        sr__http_verdict verdict;
        long retry_after_s;
        unsigned long random = 0, wait;

        r->attempts++;
        if (sr__http_exchange(c, post, deadline_ms, r, &verdict, &retry_after_s) != SR_OK)
            return SR_ERR_NOMEM;
        sr__http_auth_redact(c, r);
        if (r->end == SR_HTTP_END_NONE) /* else the deadline or the body limit */
            r->end = end_after(c, verdict, *retries);
        if (r->end != SR_HTTP_END_NONE)
            return SR_OK;
        (void)sr__http_random_bytes(&random, sizeof random); /* no jitter if it fails */
        wait = sr__http_retry_wait_ms(c->backoff_ms, *retries, retry_after_s, random);
        if (sr__http_now_ms() + (long long)wait >= deadline_ms) {
            r->end = SR_HTTP_END_DEADLINE; /* no time left to wait: report this answer */
            return SR_OK;
        }
        sleep_ms(wait);
    }
}

/* Tokens, then the attempts; after a 401, fresh tokens and the attempts
 * once more. SR_OK or SR_ERR_NOMEM; r says the rest. */
static sr_status deliver(sr_http_client *c, sr__http_post *post, long long deadline_ms,
                         sr_http_result *r)
{
    unsigned retries = 0;
    for (int refreshed = 0;; refreshed = 1) {
        int ready = 0;
        char *token_lines[2] = {NULL, NULL};
        sr_status st = sr__http_auth_ensure(c, deadline_ms, r, &ready);
        if (st != SR_OK || !ready)
            return st;
        st = sr__http_auth_lines(c, token_lines);
        post->lines[0] = token_lines[0];
        post->lines[1] = token_lines[1];
        if (st == SR_OK)
            st = run_attempts(c, post, deadline_ms, &retries, r);
        sr__http_wipe_free(token_lines[0]);
        sr__http_wipe_free(token_lines[1]);
        if (st != SR_OK)
            return st;
        /* A 401 was not processed: fresh tokens may cure it, once. */
        if (r->status == 401 && !refreshed && sr__http_auth_forget(c))
            continue;
        if (r->status >= 200 && r->status <= 299)
            sr__http_auth_touch(c);
        return SR_OK;
    }
}

/* The one reason of a failure other than validation, in errors. */
static sr_status fail(sr_status st, sr_error *errors, size_t max_errors, size_t *error_count)
{
    if (error_count != NULL)
        *error_count = 1;
    return sr__http_error(max_errors > 0 ? errors : NULL, st, "%s",
                          st == SR_ERR_ARG ? "client, request and out must be given, endpoint known"
                          : st == SR_ERR_NOMEM ? "out of memory"
                                               : "cannot encode the request");
}

sr_status sr_http_send(sr_http_client *c, sr_http_endpoint endpoint,
                       const session_report_request *req, sr_http_result **out, sr_error *errors,
                       size_t max_errors, size_t *error_count)
{
    sr_error first = {0};
    sr_error *problems = errors != NULL && max_errors > 0 ? errors : &first;
    char *body = NULL, *url = NULL, key_line[sizeof "Idempotency-Key: " + SR__UUID_TEXT_LEN];
    size_t body_len = 0, count;
    sr_validate_options vo;
    sr_http_result *r = NULL;
    sr__http_post post = {NULL, NULL, 0, {NULL, NULL, "Content-Type: application/json", key_line}};
    sr_status st = SR_OK;

    if (error_count != NULL)
        *error_count = 0;
    if (out != NULL)
        *out = NULL;
    if (c == NULL || req == NULL || out == NULL ||
        (endpoint != SR_HTTP_SYNC && endpoint != SR_HTTP_ASYNC))
        return fail(SR_ERR_ARG, errors, max_errors, error_count);
    memset(&vo, 0, sizeof vo);
    vo.max_imeis = endpoint == SR_HTTP_SYNC ? SR_MAX_IMEIS_SYNC : SR_MAX_IMEIS_ASYNC;
    count =
        session_report_request_validate(req, &vo, problems, problems == errors ? max_errors : 1);
    if (count > 0) {
        if (error_count != NULL)
            *error_count = count;
        return problems[0].code;
    }
    r = sr__http_result_new();
    url = sr__http_concat(c->base_url, endpoint == SR_HTTP_SYNC ? PATH_SYNC : PATH_ASYNC);
    if (r == NULL || url == NULL)
        st = SR_ERR_NOMEM;
    if (st == SR_OK)
        st = session_report_request_to_json(req, 0, &body, &body_len);
    if (st == SR_OK)
        st = sr__http_uuid_v4(r->idempotency_key);
    if (st == SR_OK) {
        snprintf(key_line, sizeof key_line, "Idempotency-Key: %s", r->idempotency_key);
        post.url = url;
        post.body = body;
        post.body_len = body_len;
        post.lines[4] = endpoint == SR_HTTP_ASYNC ? c->portal_initiated : NULL;
        /* timeout_s * 1000 fits in a long long for any unsigned timeout_s. */
        st = deliver(c, &post, sr__http_now_ms() + (long long)c->timeout_s * 1000, r);
    }
    if (st == SR_OK && r->stage == SR_HTTP_STAGE_REPORT && r->status != 0)
        st = sr__http_result_decode(r, endpoint);
    if (st == SR_OK) {
        *out = r;
        r = NULL;
    } else {
        fail(st, errors, max_errors, error_count);
    }
    sr_free(body);
    free(url);
    sr_http_result_free(r);
    return st;
}
