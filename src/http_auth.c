/* SPDX-License-Identifier: MIT */
/* The two tokens of a send: given ready-made, or fetched from credentials
 * (the OAuth client credentials grant and the M2M session login), cached in
 * the client until they expire, fetched again after a 401, and never
 * requested again after a refusal (five failed logins lock a ThingSpace
 * account). Token replies are parsed with cJSON; their bodies never reach a
 * result. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "http_internal.h"

/* Longest token accepted from a reply (a header line carries it). */
#define MAX_TOKEN_BYTES 8192
/* Longest expires_in honoured: a year, so that the arithmetic stays small. */
#define MAX_EXPIRES_IN_S (366.0 * 24 * 3600)

/* What differs between the two tokens, by stage. */
static const struct token_kind {
    const char *names[4]; /* user, secret, URL, token: for messages */
    const char *reply;    /* names the reply in messages */
    const char *member;   /* the token's member in the reply */
} KINDS[] = {
    [SR_HTTP_STAGE_OAUTH] = {{"client id", "client secret", "OAuth URL", "access token"},
                             "OAuth token",
                             "access_token"},
    [SR_HTTP_STAGE_LOGIN] = {{"username", "password", "login URL", "M2M session token"},
                             "login",
                             "sessionToken"},
};

/* One token's options: credentials (both or neither), else a static token. */
static sr_status init_token(sr__http_token *t, sr_http_stage stage, const char *user,
                            const char *secret, const char *url, const char *static_token,
                            sr_error *err)
{
    const char *const *names = KINDS[stage].names;
    sr_status st;
    memset(t, 0, sizeof *t);
    t->stage = stage;
    if (user == NULL && secret == NULL) {
        st = sr__http_check_secret(static_token, names[3], err);
        if (st != SR_OK)
            return st;
        t->value = sr__http_strdup(static_token);
        return t->value != NULL ? SR_OK : sr__http_error(err, SR_ERR_NOMEM, "out of memory");
    }
    st = sr__http_check_secret(user, names[0], err);
    if (st == SR_OK)
        st = sr__http_check_secret(secret, names[1], err);
    if (st == SR_OK)
        st = sr__http_check_url(url, names[2], err);
    if (st != SR_OK)
        return st;
    t->user = sr__http_strdup(user);
    t->secret = sr__http_strdup(secret);
    t->url = sr__http_strdup(url);
    if (t->user == NULL || t->secret == NULL || t->url == NULL)
        return sr__http_error(err, SR_ERR_NOMEM, "out of memory");
    return SR_OK;
}

static void free_token(sr__http_token *t)
{
    sr__http_wipe_free(t->user);
    sr__http_wipe_free(t->secret);
    sr__http_wipe_free(t->value);
    free(t->url);
    memset(t, 0, sizeof *t);
}

sr_status sr__http_auth_init(sr_http_client *c, const sr_http_options *opts, sr_error *err)
{
    sr_status st;
    if (opts->client_id != NULL && strchr(opts->client_id, ':') != NULL)
        return sr__http_error(err, SR_ERR_ARG,
                              "client id holds ':' (Basic authentication cannot carry it)");
    st = init_token(&c->oauth, SR_HTTP_STAGE_OAUTH, opts->client_id, opts->client_secret,
                    opts->oauth_url != NULL ? opts->oauth_url : SR_HTTP_DEFAULT_OAUTH_URL,
                    opts->access_token, err);
    if (st == SR_OK)
        st = init_token(&c->session, SR_HTTP_STAGE_LOGIN, opts->username, opts->password,
                        opts->login_url != NULL ? opts->login_url : SR_HTTP_DEFAULT_LOGIN_URL,
                        opts->m2m_token, err);
    return st;
}

void sr__http_auth_free(sr_http_client *c)
{
    free_token(&c->oauth);
    free_token(&c->session);
}

/* "Authorization: Basic base64(id:secret)", or NULL when out of memory. */
static char *basic_header(const sr__http_token *t)
{
    static const char prefix[] = "Authorization: Basic ";
    size_t n = strlen(t->user) + 1 + strlen(t->secret);
    char *plain = malloc(n + 1);
    char *line = plain != NULL ? malloc(sizeof prefix + 4 * ((n + 2) / 3)) : NULL;
    if (line != NULL) {
        snprintf(plain, n + 1, "%s:%s", t->user, t->secret);
        memcpy(line, prefix, sizeof prefix - 1);
        sr__http_base64((const unsigned char *)plain, n, line + sizeof prefix - 1);
    }
    sr__http_wipe_free(plain);
    return line;
}

/* {"username": ..., "password": ...} printed by cJSON, or NULL. It is
 * printed into a buffer of the library's own, large enough for cJSON's
 * escaping (at most 6 bytes a byte), so that cJSON grows and frees no
 * buffer holding a copy of the password; the tree's copy is wiped before
 * it is deleted. */
static char *login_body(const sr__http_token *t)
{
    size_t n = strlen(t->user) + strlen(t->secret);
    size_t size = n < (size_t)(INT_MAX - 64) / 6 ? 6 * n + 64 : 0;
    char *json = size > 0 ? malloc(size) : NULL;
    cJSON *o = json != NULL ? cJSON_CreateObject() : NULL;
    cJSON *password = NULL;
    if (o != NULL && cJSON_AddStringToObject(o, "username", t->user) != NULL)
        password = cJSON_AddStringToObject(o, "password", t->secret);
    int ok = password != NULL && cJSON_PrintPreallocated(o, json, (int)size, 0);
    if (password != NULL && password->valuestring != NULL)
        sr__http_wipe(password->valuestring, strlen(password->valuestring));
    cJSON_Delete(o);
    if (!ok && json != NULL) {
        sr__http_wipe(json, size);
        free(json);
        json = NULL;
    }
    return json;
}

/* A usable token from the reply's member `name`: a non-empty string without
 * control characters, not too long. NULL when absent or unusable. */
static const char *usable_token(const cJSON *reply, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(reply, name);
    if (!cJSON_IsString(v) || v->valuestring == NULL || strlen(v->valuestring) > MAX_TOKEN_BYTES ||
        sr__http_check_secret(v->valuestring, name, NULL) != SR_OK)
        return NULL;
    return v->valuestring;
}

/* expires_in in seconds (a number, or a string of digits); 0 when absent
 * or not usable: the token then serves this send only. */
static double expires_in(const cJSON *reply)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(reply, "expires_in");
    double s = 0;
    if (cJSON_IsNumber(v))
        s = v->valuedouble;
    else if (cJSON_IsString(v) && v->valuestring != NULL && v->valuestring[0] != '\0' &&
             strspn(v->valuestring, "0123456789") == strlen(v->valuestring))
        s = strtod(v->valuestring, NULL);
    if (!(s > 0)) /* also NaN */
        return 0;
    return s < MAX_EXPIRES_IN_S ? s : MAX_EXPIRES_IN_S;
}

/* Wipes every string of a parsed reply before it is deleted. */
static void wipe_tree(cJSON *item)
{
    for (; item != NULL; item = item->next) {
        if (item->valuestring != NULL)
            sr__http_wipe(item->valuestring, strlen(item->valuestring));
        wipe_tree(item->child);
    }
}

/* Takes the token out of a 2xx reply held in r's body; the body is wiped
 * either way. Fills r's decode error when there is no usable token. */
static sr_status take_token(sr__http_token *t, sr_http_result *r, long long started_ms)
{
    const struct token_kind *kind = &KINDS[t->stage];
    /* A NUL in the reply (raw, or escaped) would cut a string silently once
     * cJSON hands it over as a C string: such a reply gives no token. The
     * body is NUL-terminated. */
    int nul = memchr(r->body, '\0', r->body_len) != NULL || strstr(r->body, "\\u0000") != NULL;
    cJSON *reply = nul ? NULL : cJSON_ParseWithLength(r->body, r->body_len);
    const char *token = reply != NULL ? usable_token(reply, kind->member) : NULL;
    long status = r->status;
    sr_status st = SR_OK;

    sr__http_result_clear_answer(r); /* the body holds the token: never kept */
    r->status = status;
    r->has_decode_error = token == NULL;
    if (token != NULL) {
        t->value = sr__http_strdup(token);
        st = t->value != NULL ? SR_OK : SR_ERR_NOMEM;
        t->expires_ms = t->stage == SR_HTTP_STAGE_OAUTH
                            ? started_ms + (long long)(expires_in(reply) * 1000.0) -
                                  (long long)SR_HTTP_TOKEN_MARGIN_S * 1000
                            : sr__http_now_ms() + (long long)SR_HTTP_SESSION_IDLE_S * 1000;
    } else if (nul) {
        sr__http_error(&r->decode_error, SR_ERR_ENCODING, "the %s reply holds a NUL", kind->reply);
    } else if (reply == NULL) {
        sr__http_error(&r->decode_error, SR_ERR_SYNTAX, "the %s reply is not JSON", kind->reply);
    } else {
        sr__http_error(&r->decode_error, SR_ERR_MISSING, "the %s reply has no usable %s",
                       kind->reply, kind->member);
    }
    wipe_tree(reply);
    cJSON_Delete(reply);
    return st;
}

/* One token request; on success t->value is set. */
static sr_status fetch(sr_http_client *c, sr__http_token *t, long long deadline_ms,
                       sr_http_result *r)
{
    static const char form[] = "grant_type=client_credentials";
    int oauth = t->stage == SR_HTTP_STAGE_OAUTH;
    char *auth_line = oauth ? basic_header(t) : NULL;
    char *json = oauth ? NULL : login_body(t);
    sr__http_post post = {t->url,
                          oauth ? form : json,
                          0,
                          {oauth ? "Content-Type: application/x-www-form-urlencoded"
                                 : "Content-Type: application/json",
                           auth_line}};
    sr__http_verdict verdict;
    long retry_after_s;
    long long started_ms = sr__http_now_ms();
    sr_status st = SR_ERR_NOMEM;

    if (post.body == NULL || (oauth && auth_line == NULL))
        goto cleanup;
    post.body_len = strlen(post.body);
    r->stage = t->stage;
    st = sr__http_exchange(c, &post, deadline_ms, r, &verdict, &retry_after_s);
    if (st == SR_OK && r->status >= 200 && r->status <= 299) {
        st = take_token(t, r, started_ms);
    } else if (st == SR_OK && r->status != 0) {
        /* a 4xx other than 429 is a refusal: never asked again */
        t->refused = r->status >= 400 && r->status <= 499 && r->status != 429;
        sr__http_auth_redact(c, r);
        st = sr__http_result_decode(r, SR_HTTP_SYNC); /* a non-2xx: as an error body */
    }
    if (st == SR_OK && t->value == NULL && r->end != SR_HTTP_END_DEADLINE)
        r->end = SR_HTTP_END_TOKEN;
cleanup:
    sr__http_wipe_free(auth_line);
    sr__http_wipe_free(json);
    return st;
}

/* Makes sure t is usable; *ready = 0 when it is not. */
static sr_status ensure_one(sr_http_client *c, sr__http_token *t, long long deadline_ms,
                            sr_http_result *r, int *ready)
{
    sr_status st;
    if (t->value != NULL && (t->user == NULL || sr__http_now_ms() < t->expires_ms))
        return SR_OK; /* static, or fetched and not yet expired */
    sr__http_wipe_free(t->value);
    t->value = NULL;
    if (t->refused) {
        sr__http_result_clear_answer(r);
        r->stage = t->stage;
        r->end = SR_HTTP_END_TOKEN_REFUSED_BEFORE;
        st = sr__http_result_set_url(r, t->url);
    } else {
        st = fetch(c, t, deadline_ms, r);
    }
    if (t->value == NULL)
        *ready = 0;
    return st;
}

sr_status sr__http_auth_ensure(sr_http_client *c, long long deadline_ms, sr_http_result *r,
                               int *ready)
{
    sr_status st;
    *ready = 1;
    st = ensure_one(c, &c->oauth, deadline_ms, r, ready);
    if (st == SR_OK && *ready)
        st = ensure_one(c, &c->session, deadline_ms, r, ready);
    if (st == SR_OK && *ready)
        r->stage = SR_HTTP_STAGE_REPORT; /* the report exchange clears the rest */
    return st;
}

int sr__http_auth_forget(sr_http_client *c)
{
    int forgot = 0;
    sr__http_token *tokens[2] = {&c->oauth, &c->session};
    for (size_t i = 0; i < 2; i++) {
        if (tokens[i]->user != NULL && tokens[i]->value != NULL) {
            sr__http_wipe_free(tokens[i]->value);
            tokens[i]->value = NULL;
            forgot = 1;
        }
    }
    return forgot;
}

void sr__http_auth_touch(sr_http_client *c)
{
    if (c->session.user != NULL && c->session.value != NULL)
        c->session.expires_ms = sr__http_now_ms() + (long long)SR_HTTP_SESSION_IDLE_S * 1000;
}

void sr__http_auth_redact(const sr_http_client *c, sr_http_result *r)
{
    sr__http_result_redact(r, c->oauth.secret);
    sr__http_result_redact(r, c->oauth.value);
    sr__http_result_redact(r, c->session.secret);
    sr__http_result_redact(r, c->session.value);
}

sr_status sr__http_auth_lines(const sr_http_client *c, char *lines[2])
{
    lines[0] = sr__http_concat("Authorization: Bearer ", c->oauth.value);
    lines[1] = sr__http_concat("VZ-M2M-Token: ", c->session.value);
    return lines[0] != NULL && lines[1] != NULL ? SR_OK : SR_ERR_NOMEM;
}
