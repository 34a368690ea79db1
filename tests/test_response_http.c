/* SPDX-License-Identifier: MIT */
/* The libcurl sender against the loopback stand-in server
 * (tests/http/stub_server.py, started here on an ephemeral port): option
 * checks, validation before sending, retries with one Idempotency-Key,
 * decoded answers, transport failures. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <spawn.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include <cmocka.h>

#include <curl/curl.h>

#include <sessreport.h>
#include <sessreport/http.h>

#include "http_internal.h"

#define ACCESS "tok-access-5e1d"
#define M2M    "tok-m2m-0b7a"

extern char **environ;

typedef struct stub {
    pid_t pid;
    int port;
    char dir[64];
    char log[128];
    char url[64];
} stub;

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Starts stub_server.py with JSON scripts for the report endpoints and
 * (when not NULL) the OAuth and login endpoints; fails the test when it
 * cannot. Its output goes to /dev/null, and it stops by itself after 60 s
 * even when a failed test never stops it. */
static void stub_start_routes(stub *s, const char *script, const char *oauth, const char *login)
{
    const char *src = getenv("SR_SOURCE_DIR");
    char server[512], port_file[128], script_arg[4096], oauth_arg[1024], login_arg[1024];
    char *argv[16];
    int n = 0;
    FILE *f = NULL;
    posix_spawn_file_actions_t actions;
    assert_non_null(src);
    snprintf(server, sizeof server, "%s/tests/http/stub_server.py", src);
    strcpy(s->dir, "/tmp/sr-http-test-XXXXXX");
    assert_non_null(mkdtemp(s->dir));
    snprintf(port_file, sizeof port_file, "%s/port", s->dir);
    snprintf(s->log, sizeof s->log, "%s/log.jsonl", s->dir);
    assert_true(strlen(script) < sizeof script_arg);
    strcpy(script_arg, script); /* argv wants char *, the script is const */
    argv[n++] = "python3";
    argv[n++] = server;
    argv[n++] = "--port-file";
    argv[n++] = port_file;
    argv[n++] = "--log";
    argv[n++] = s->log;
    argv[n++] = "--lifetime";
    argv[n++] = "60";
    argv[n++] = "--script";
    argv[n++] = script_arg;
    if (oauth != NULL) {
        assert_true(strlen(oauth) < sizeof oauth_arg);
        strcpy(oauth_arg, oauth);
        argv[n++] = "--oauth";
        argv[n++] = oauth_arg;
    }
    if (login != NULL) {
        assert_true(strlen(login) < sizeof login_arg);
        strcpy(login_arg, login);
        argv[n++] = "--login";
        argv[n++] = login_arg;
    }
    argv[n] = NULL;
    assert_int_equal(posix_spawn_file_actions_init(&actions), 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    assert_int_equal(posix_spawnp(&s->pid, "python3", &actions, NULL, argv, environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < 500 && f == NULL; i++) {
        f = fopen(port_file, "r");
        if (f == NULL)
            sleep_ms(20);
    }
    assert_non_null(f);
    assert_int_equal(fscanf(f, "%d", &s->port), 1);
    fclose(f);
    snprintf(s->url, sizeof s->url, "http://127.0.0.1:%d", s->port);
}

static void stub_start(stub *s, const char *script)
{
    stub_start_routes(s, script, NULL, NULL);
}

static void stub_stop(stub *s)
{
    char path[160];
    kill(s->pid, SIGKILL);
    waitpid(s->pid, NULL, 0);
    snprintf(path, sizeof path, "%s/port", s->dir);
    remove(path);
    remove(s->log);
    rmdir(s->dir);
}

/* The log as one string (tests look for substrings). */
static char *stub_log(const stub *s)
{
    static char buf[65536];
    FILE *f = fopen(s->log, "r");
    size_t n = 0;
    if (f != NULL) {
        n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
    }
    buf[n] = '\0';
    return buf;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* 4901542032NNNN plus its Luhn check digit: distinct valid IMEIs. */
static void make_imei(size_t n, char out[16])
{
    int sum = 0;
    snprintf(out, 16, "4901542032%04u", (unsigned)(n % 10000));
    for (int i = 0; i < 14; i++) {
        int d = (out[i] - '0') * (i % 2 == 1 ? 2 : 1);
        sum += d > 9 ? d - 9 : d;
    }
    out[14] = (char)('0' + (10 - sum % 10) % 10);
    out[15] = '\0';
}

static session_report_request *seed_request(size_t imeis)
{
    session_report_request *r = session_report_request_new();
    char imei[16];
    assert_non_null(r);
    assert_int_equal(session_report_request_set_account_number(r, "0844021539-00001"), SR_OK);
    for (size_t i = 0; i < imeis; i++) {
        make_imei(i, imei);
        assert_int_equal(session_report_request_add_imei(r, imei), SR_OK);
    }
    return r;
}

static sr_http_client *client_with(const sr_http_options *o)
{
    sr_http_client *c = NULL;
    sr_error err;
    if (sr_http_client_new(o, &c, &err) != SR_OK)
        print_error("client: %s\n", err.message);
    assert_non_null(c);
    return c;
}

static void static_options(sr_http_options *o, const char *url, unsigned timeout_s)
{
    memset(o, 0, sizeof *o);
    o->base_url = url;
    o->access_token = ACCESS;
    o->m2m_token = M2M;
    o->timeout_s = timeout_s;
    o->backoff_ms = 10; /* keeps the retry tests fast */
}

static sr_http_client *client_for(const char *url, unsigned timeout_s)
{
    sr_http_options o;
    static_options(&o, url, timeout_s);
    return client_with(&o);
}

#define CLIENT_ID     "client-7f3a"
#define CLIENT_SECRET "secret-Q9x!e"
#define USERNAME      "m2m-user"
#define PASSWORD      "pass-W0rd\"42"

/* Credentials only; token URLs on the stub. */
static void credential_options(sr_http_options *o, const stub *s, char *oauth_url, char *login_url)
{
    memset(o, 0, sizeof *o);
    sprintf(oauth_url, "%s/api/ts/v1/oauth2/token", s->url);
    sprintf(login_url, "%s/api/m2m/v1/session/login", s->url);
    o->base_url = s->url;
    o->client_id = CLIENT_ID;
    o->client_secret = CLIENT_SECRET;
    o->oauth_url = oauth_url;
    o->username = USERNAME;
    o->password = PASSWORD;
    o->login_url = login_url;
    o->timeout_s = 10;
    o->backoff_ms = 10;
}

static void expect_refused(const sr_http_options *o, const char *phrase)
{
    sr_http_client *c = (sr_http_client *)&c; /* garbage: must become NULL */
    sr_error err;
    assert_int_equal(sr_http_client_new(o, &c, &err), SR_ERR_ARG);
    assert_null(c);
    if (strstr(err.message, phrase) == NULL)
        print_error("expected '%s' in: %s\n", phrase, err.message);
    assert_non_null(strstr(err.message, phrase));
}

static void client_options_are_checked(void **state)
{
    (void)state;
    static const struct {
        const char *url;
        const char *phrase;
    } refused[] = {
        {"http://example.com", "non-loopback host 'example.com'"},
        {"http://10.1.2.3:8080/v1", "non-loopback host '10.1.2.3'"},
        {"http://127.0.0.1.example.com", "non-loopback"},
        {"http://128.0.0.1", "non-loopback"},
        {"http://[::2]", "non-loopback"},
        {"ftp://127.0.0.1", "scheme 'ftp' refused"},
        {"https://user:pw@example.com", "credentials"},
        {"https://example.com/v1?x=1", "query"},
        {"not a url", "not an absolute"},
    };
    sr_http_options o;
    sr_http_client *c = (sr_http_client *)&o;
    sr_error err;
    memset(&o, 0, sizeof o);
    o.access_token = ACCESS;
    o.m2m_token = M2M;
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        o.base_url = refused[i].url;
        expect_refused(&o, refused[i].phrase);
    }
    static const char *const allowed[] = {"http://127.0.0.1:1",    "http://127.255.0.9/x/",
                                          "http://localhost:8080", "http://LOCALHOST",
                                          "http://[::1]:9",        "https://example.com/api"};
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
        o.base_url = allowed[i];
        assert_int_equal(sr_http_client_new(&o, &c, &err), SR_OK);
        sr_http_client_free(c);
    }
    o.base_url = NULL; /* the production URL */
    assert_int_equal(sr_http_client_new(&o, &c, &err), SR_OK);
    sr_http_client_free(c);

    o.access_token = "abc\r\nX-Injected: 1";
    expect_refused(&o, "access token holds a control character");
    o.access_token = ACCESS;
    o.m2m_token = "";
    expect_refused(&o, "M2M session token is missing");
    o.m2m_token = M2M;
    o.portal_initiated = "yes";
    expect_refused(&o, "portal_initiated");
    o.portal_initiated = "true";
    o.flags = 2;
    expect_refused(&o, "unknown flag");
    o.flags = SR_HTTP_RETRY_UNSAFE;
    assert_int_equal(sr_http_client_new(&o, &c, &err), SR_OK);
    sr_http_client_free(c);

    /* a long host is cut visibly, never silently */
    {
        char url[600];
        memset(url, 0, sizeof url);
        memcpy(url, "http://", 7);
        memset(url + 7, 'h', 500);
        o.base_url = url;
        assert_int_equal(sr_http_client_new(&o, &c, &err), SR_ERR_ARG);
        assert_int_equal(strlen(err.message), sizeof err.message - 1);
        assert_string_equal(err.message + sizeof err.message - 4, "...");
        o.base_url = NULL;
    }

    /* NULL options: *out is still set (issue 15 item 6) */
    c = (sr_http_client *)&o;
    assert_int_equal(sr_http_client_new(NULL, &c, &err), SR_ERR_ARG);
    assert_null(c);
    assert_int_equal(sr_http_client_new(&o, NULL, &err), SR_ERR_ARG);
    sr_http_client_free(NULL);
}

static void credential_options_are_checked(void **state)
{
    (void)state;
    sr_http_options o;
    sr_http_client *c = NULL;
    sr_error err;
    memset(&o, 0, sizeof o);
    o.base_url = "http://127.0.0.1:9";
    o.client_id = CLIENT_ID;
    o.client_secret = CLIENT_SECRET;
    o.username = USERNAME;
    o.password = PASSWORD;
    /* credentials alone are enough; the default token URLs are https */
    assert_int_equal(sr_http_client_new(&o, &c, &err), SR_OK);
    sr_http_client_free(c);

    /* one member changed at a time */
    static const struct {
        size_t member; /* offset of a const char * in sr_http_options */
        const char *value;
        const char *phrase;
    } refused[] = {
        {offsetof(sr_http_options, client_secret), NULL, "client secret is missing"},
        {offsetof(sr_http_options, client_id), "id:with-colon", "client id holds ':'"},
        {offsetof(sr_http_options, password), "pw\nX-Injected: 1",
         "password holds a control character"},
        {offsetof(sr_http_options, password), "pw\r", "password holds a control character"},
        {offsetof(sr_http_options, username), "", "username is missing"},
        {offsetof(sr_http_options, client_secret), "s\x7f",
         "client secret holds a control character"},
        {offsetof(sr_http_options, oauth_url), "http://auth.example.com/oauth2/token",
         "OAuth URL: refusing plain http:// to non-loopback host"},
        {offsetof(sr_http_options, login_url), "http://10.0.0.1/session/login",
         "login URL: refusing plain http://"},
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        sr_http_options bad = o;
        memcpy((char *)&bad + refused[i].member, &refused[i].value, sizeof(const char *));
        expect_refused(&bad, refused[i].phrase);
    }
    o.login_url = "https://login.example.com/session/login";
    assert_int_equal(sr_http_client_new(&o, &c, &err), SR_OK);
    sr_http_client_free(c);
    /* a static token given as well is ignored: credentials take precedence */
    o.access_token = "bad\ntoken";
    assert_int_equal(sr_http_client_new(&o, &c, &err), SR_OK);
    sr_http_client_free(c);
    /* neither credentials nor a token */
    memset(&o, 0, sizeof o);
    o.m2m_token = M2M;
    expect_refused(&o, "access token is missing");
    /* no message ever quotes a secret */
    o.access_token = "s3cr3t\r\n";
    expect_refused(&o, "access token");
    assert_int_equal(sr_http_client_new(&o, &c, &err), SR_ERR_ARG);
    assert_null(strstr(err.message, "s3cr3t"));
}

static void base64_is_exact(void **state)
{
    (void)state;
    /* RFC 4648 section 10 */
    static const char *const vectors[][2] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
        {"\xff\xfe\xfd", "//79"},
    };
    char out[32];
    for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        size_t n = strlen(vectors[i][0]);
        assert_int_equal(sr__http_base64((const unsigned char *)vectors[i][0], n, out),
                         strlen(vectors[i][1]));
        assert_string_equal(out, vectors[i][1]);
    }
}

static void invalid_requests_are_not_sent(void **state)
{
    (void)state;
    sr_http_client *c = client_for("http://127.0.0.1:9", 5);
    session_report_request *r = seed_request(11);
    sr_http_result *res = (sr_http_result *)&res;
    sr_error errors[4];
    size_t count = 0;
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, errors, 4, &count), SR_ERR_RANGE);
    assert_null(res);
    assert_int_equal(count, 1);
    assert_string_equal(errors[0].path, "/imei");
    /* an empty account number: the problem, not a transport error */
    assert_int_equal(session_report_request_set_account_number(r, ""), SR_OK);
    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, errors, 4, &count), SR_ERR_FORMAT);
    assert_int_equal(count, 1);
    assert_string_equal(errors[0].path, "/accountNumber");
    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_ERR_FORMAT);
    assert_int_equal(sr_http_send(c, (sr_http_endpoint)7, r, &res, errors, 4, &count), SR_ERR_ARG);
    session_report_request_free(r);
    sr_http_client_free(c);
}

static int free_port(void)
{
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    close(fd);
    return ntohs(a.sin_port);
}

static void connection_refused_is_a_transport_error(void **state)
{
    (void)state;
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", free_port());
    sr_http_client *c = client_for(url, 5);
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 0);
    /* nothing was sent: safe to retry, 3 times */
    assert_int_equal(sr_http_result_attempts(res), 1 + SR_HTTP_MAX_RETRIES);
    assert_int_equal(sr_http_result_end(res), SR_HTTP_END_RETRIES);
    assert_string_equal(sr_http_end_name(sr_http_result_end(res)), "retries exhausted");
    assert_int_equal(sr_http_result_stage(res), SR_HTTP_STAGE_REPORT);
    assert_non_null(strstr(sr_http_result_url(res), "/report/aggregate"));
    assert_non_null(sr_http_result_transport_error(res));
    assert_null(strstr(sr_http_result_transport_error(res), ACCESS));
    assert_int_equal(sr_http_result_kind(res), SR_RESPONSE_UNKNOWN);
    assert_null(sr_http_result_decode_error(res));
    sr_http_result_free(res);
    session_report_request_free(r);
    sr_http_client_free(c);
}

static void retries_keep_one_idempotency_key(void **state)
{
    (void)state;
    stub s;
    stub_start(&s, "[{\"status\":503},{\"status\":429},{\"status\":200,\"body\":{\"txid\":\"t\","
                   "\"usage\":[{\"imei\":\"709312034493372\",\"numberOfSessions\":"
                   "9007199254740993,\"bytesTransferred\":9223372036854775807}]}}]");
    sr_http_client *c = client_for(s.url, 10);
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    char header[80];
    int64_t v = 0;
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 200);
    assert_int_equal(sr_http_result_attempts(res), 3);
    assert_int_equal(sr_http_result_end(res), SR_HTTP_END_ANSWER);
    assert_null(sr_http_result_transport_error(res));
    assert_int_equal(sr_http_result_kind(res), SR_RESPONSE_AGGREGATE_REPORT);
    const sr_aggregate_report *rep = sr_http_result_report(res);
    assert_non_null(rep);
    assert_int_equal(sr_aggregate_report_get_usage_sessions(rep, 0, &v), SR_OK);
    assert_true(v == INT64_C(9007199254740993));
    assert_int_equal(sr_aggregate_report_get_usage_bytes(rep, 0, &v), SR_OK);
    assert_true(v == INT64_MAX);

    const char *log = stub_log(&s);
    snprintf(header, sizeof header, "\"Idempotency-Key\": \"%s\"",
             sr_http_result_idempotency_key(res));
    assert_int_equal(count_of(log, header), 3);
    assert_int_equal(count_of(log, "\"path\": \"/report/aggregate\""), 3);
    assert_int_equal(count_of(log, "\"Authorization\": \"Bearer " ACCESS "\""), 3);
    assert_int_equal(count_of(log, "\"VZ-M2M-Token\": \"" M2M "\""), 3);
    sr_http_result_free(res);

    /* a second send on the same client: a new key, the same connection pool */
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_attempts(res), 1);
    assert_int_equal(count_of(stub_log(&s), header), 3);
    sr_http_result_free(res);
    session_report_request_free(r);
    sr_http_client_free(c);
    stub_stop(&s);
}

static void error_bodies_and_undecodable_answers(void **state)
{
    (void)state;
    stub s;
    stub_start(&s, "[{\"status\":404,\"body\":{\"responseCode\":\"404\",\"message\":\"no such "
                   "account\"}},{\"status\":409,\"body\":\"<html>conflict</html>\"},"
                   "{\"status\":200,\"body\":{\"status\":\"QUEUED\"}},{\"status\":429}]");
    sr_http_client *c = client_for(s.url, 10);
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    size_t len = 0;

    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 404);
    assert_int_equal(sr_http_result_kind(res), SR_RESPONSE_ERROR_BODY);
    assert_string_equal(sr_error_body_get_message(sr_http_result_error_body(res)),
                        "no such account");
    assert_null(sr_http_result_callback(res));
    sr_http_result_free(res);

    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 409);
    assert_int_equal(sr_http_result_kind(res), SR_RESPONSE_UNKNOWN);
    assert_string_equal(sr_http_result_body(res, &len), "<html>conflict</html>");
    assert_int_equal(len, 21);
    assert_non_null(sr_http_result_decode_error(res));
    assert_int_equal(sr_http_result_decode_error(res)->code, SR_ERR_SYNTAX);
    sr_http_result_free(res);

    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 200);
    /* the callback result's txid is required */
    assert_non_null(sr_http_result_decode_error(res));
    assert_int_equal(sr_http_result_decode_error(res)->code, SR_ERR_MISSING);
    assert_string_equal(sr_http_result_decode_error(res)->path, "/txid");
    assert_string_equal(sr_http_result_body(res, NULL), "{\"status\": \"QUEUED\"}");
    sr_http_result_free(res);

    /* 429 forever: 1 attempt + 3 retries, then the last answer */
    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 429);
    assert_int_equal(sr_http_result_attempts(res), 1 + SR_HTTP_MAX_RETRIES);
    assert_int_equal(sr_http_result_end(res), SR_HTTP_END_RETRIES);
    assert_string_equal(sr_http_result_body(res, &len), "");
    assert_null(sr_http_result_decode_error(res));
    assert_int_equal(count_of(stub_log(&s), "/report/async/aggregate"), 7);
    sr_http_result_free(res);
    session_report_request_free(r);
    sr_http_client_free(c);
    stub_stop(&s);
}

static void total_timeout_covers_a_silent_server(void **state)
{
    (void)state;
    stub s;
    stub_start(&s, "[{\"hang\":true,\"seconds\":30}]");
    sr_http_client *c = client_for(s.url, 1);
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_int_equal(sr_http_result_status(res), 0);
    assert_int_equal(sr_http_result_attempts(res), 1);
    assert_int_equal(sr_http_result_end(res), SR_HTTP_END_DEADLINE);
    assert_non_null(strstr(sr_http_result_transport_error(res), "imeout"));
    assert_true(t1.tv_sec - t0.tv_sec < 5);
    sr_http_result_free(res);
    session_report_request_free(r);
    sr_http_client_free(c);
    stub_stop(&s);
}

/* The stub's log lines for a path ending. */
static size_t requests_to(const stub *s, const char *path_end)
{
    char needle[128];
    snprintf(needle, sizeof needle, "%s\"", path_end);
    return count_of(stub_log(s), needle);
}

static void unsafe_answers_are_retried_only_on_request(void **state)
{
    (void)state;
    static const long unsafe[] = {500, 502, 504};
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    for (size_t i = 0; i < 3; i++) {
        char script[256];
        stub s;
        snprintf(script, sizeof script,
                 "[{\"status\":%ld,\"body\":{\"message\":\"m\"}},{\"status\":200,\"body\":"
                 "{\"txid\":\"t\",\"usage\":[]}}]",
                 unsafe[i]);
        stub_start(&s, script);
        sr_http_client *c = client_for(s.url, 10);
        assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
        assert_int_equal(sr_http_result_status(res), unsafe[i]);
        assert_int_equal(sr_http_result_attempts(res), 1);
        assert_int_equal(sr_http_result_end(res), SR_HTTP_END_UNSAFE);
        assert_int_equal(sr_http_result_kind(res), SR_RESPONSE_ERROR_BODY);
        assert_int_equal(requests_to(&s, "/report/aggregate"), 1);
        sr_http_result_free(res);
        sr_http_client_free(c);
        stub_stop(&s);
    }
    /* with SR_HTTP_RETRY_UNSAFE: 500, 502, 504, then 200, one key */
    stub s;
    sr_http_options o;
    char header[80];
    stub_start(&s, "[{\"status\":500},{\"status\":502},{\"status\":504},{\"status\":200,"
                   "\"body\":{\"txid\":\"t\",\"usage\":[]}}]");
    static_options(&o, s.url, 10);
    o.flags = SR_HTTP_RETRY_UNSAFE;
    sr_http_client *c = client_with(&o);
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 200);
    assert_int_equal(sr_http_result_attempts(res), 4);
    snprintf(header, sizeof header, "\"Idempotency-Key\": \"%s\"",
             sr_http_result_idempotency_key(res));
    assert_int_equal(count_of(stub_log(&s), header), 4);
    sr_http_result_free(res);
    sr_http_client_free(c);
    stub_stop(&s);
    session_report_request_free(r);
}

static void empty_success_is_a_decode_error(void **state)
{
    (void)state;
    stub s;
    stub_start(&s, "[{\"status\":204},{\"status\":200,\"body\":\"\"},{\"status\":202,\"body\":"
                   "\"\"}]");
    sr_http_client *c = client_for(s.url, 10);
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(
            sr_http_send(c, i < 2 ? SR_HTTP_SYNC : SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
        assert_int_equal(sr_http_result_kind(res), SR_RESPONSE_UNKNOWN);
        assert_non_null(sr_http_result_decode_error(res));
        assert_int_equal(sr_http_result_decode_error(res)->code, SR_ERR_MISSING);
        assert_non_null(strstr(sr_http_result_decode_error(res)->message, "empty body"));
        sr_http_result_free(res);
    }
    session_report_request_free(r);
    sr_http_client_free(c);
    stub_stop(&s);
}

#define REPORT_200 "[{\"status\":200,\"body\":{\"txid\":\"t\",\"usage\":[]}}]"

static void tokens_are_fetched_and_reused(void **state)
{
    (void)state;
    stub s;
    sr_http_options o;
    char oauth_url[128], login_url[128], basic[128], expected[200];
    char plain[] = CLIENT_ID ":" CLIENT_SECRET;
    stub_start(&s, REPORT_200);
    credential_options(&o, &s, oauth_url, login_url);
    sr_http_client *c = client_with(&o);
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;

    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 200);
    assert_int_equal(sr_http_result_stage(res), SR_HTTP_STAGE_REPORT);
    assert_int_equal(sr_http_result_attempts(res), 1);
    sr_http_result_free(res);
    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
    sr_http_result_free(res);

    const char *log = stub_log(&s);
    /* one token request each, reused by the second send */
    assert_int_equal(requests_to(&s, "/oauth2/token"), 1);
    assert_int_equal(requests_to(&s, "/session/login"), 1);
    /* the Basic header, exactly */
    sr__http_base64((const unsigned char *)plain, strlen(plain), basic);
    snprintf(expected, sizeof expected, "\"Authorization\": \"Basic %s\"", basic);
    assert_int_equal(count_of(log, expected), 1);
    assert_int_equal(count_of(log, "\"body\": \"grant_type=client_credentials\""), 1);
    assert_int_equal(count_of(log, "\"Content-Type\": \"application/x-www-form-urlencoded\""), 1);
    /* the login body is JSON (the quote in the password escaped) */
    assert_int_equal(count_of(log, "{\\\"username\\\":\\\"" USERNAME "\\\",\\\"password\\\":"
                                   "\\\"pass-W0rd\\\\\\\"42\\\"}"),
                     1);
    /* both reports carry the fetched tokens */
    assert_int_equal(count_of(log, "\"Authorization\": \"Bearer oauth-tok-1\""), 2);
    assert_int_equal(count_of(log, "\"VZ-M2M-Token\": \"session-tok-1\""), 2);
    session_report_request_free(r);
    sr_http_client_free(c);
    stub_stop(&s);
}

static void an_expiring_token_is_fetched_again(void **state)
{
    (void)state;
    stub s;
    sr_http_options o;
    char oauth_url[128], login_url[128];
    /* expires_in 30 is inside the 60 s margin: each send needs a new one */
    stub_start_routes(&s, REPORT_200,
                      "[{\"status\":200,\"body\":{\"access_token\":\"oauth-tok-$N\","
                      "\"token_type\":\"Bearer\",\"expires_in\":30}}]",
                      NULL);
    credential_options(&o, &s, oauth_url, login_url);
    sr_http_client *c = client_with(&o);
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
        assert_int_equal(sr_http_result_status(res), 200);
        sr_http_result_free(res);
    }
    assert_int_equal(requests_to(&s, "/oauth2/token"), 2);
    assert_int_equal(requests_to(&s, "/session/login"), 1); /* 15 idle minutes */
    assert_int_equal(count_of(stub_log(&s), "\"Authorization\": \"Bearer oauth-tok-2\""), 1);
    session_report_request_free(r);
    sr_http_client_free(c);
    stub_stop(&s);
}

static void a_401_fetches_fresh_tokens_once(void **state)
{
    (void)state;
    stub s;
    sr_http_options o;
    char oauth_url[128], login_url[128];
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;

    stub_start(&s, "[{\"status\":401,\"body\":{\"message\":\"expired\"}},{\"status\":200,"
                   "\"body\":{\"txid\":\"t\",\"usage\":[]}}]");
    credential_options(&o, &s, oauth_url, login_url);
    sr_http_client *c = client_with(&o);
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 200);
    assert_int_equal(sr_http_result_attempts(res), 2);
    assert_int_equal(requests_to(&s, "/oauth2/token"), 2);
    assert_int_equal(requests_to(&s, "/session/login"), 2);
    assert_int_equal(count_of(stub_log(&s), "\"Bearer oauth-tok-2\""), 1);
    assert_int_equal(count_of(stub_log(&s), "\"VZ-M2M-Token\": \"session-tok-2\""), 1);
    sr_http_result_free(res);
    sr_http_client_free(c);
    stub_stop(&s);

    /* a second 401 is the answer */
    stub_start(&s, "[{\"status\":401,\"body\":{\"message\":\"no\"}}]");
    credential_options(&o, &s, oauth_url, login_url);
    c = client_with(&o);
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 401);
    assert_int_equal(sr_http_result_attempts(res), 2);
    assert_int_equal(sr_http_result_end(res), SR_HTTP_END_ANSWER);
    assert_int_equal(requests_to(&s, "/report/aggregate"), 2);
    assert_int_equal(requests_to(&s, "/oauth2/token"), 2);
    sr_http_result_free(res);
    sr_http_client_free(c);
    stub_stop(&s);

    /* static tokens: nothing to refresh, the 401 is the answer at once */
    stub_start(&s, "[{\"status\":401,\"body\":{\"message\":\"no\"}}]");
    c = client_for(s.url, 10);
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 401);
    assert_int_equal(sr_http_result_attempts(res), 1);
    sr_http_result_free(res);
    sr_http_client_free(c);
    stub_stop(&s);
    session_report_request_free(r);
}

static void a_failed_login_is_never_repeated(void **state)
{
    (void)state;
    stub s;
    sr_http_options o;
    char oauth_url[128], login_url[128];
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    stub_start_routes(&s, REPORT_200, NULL,
                      "[{\"status\":401,\"body\":{\"responseCode\":\"401\",\"message\":\"bad "
                      "credentials\"}}]");
    credential_options(&o, &s, oauth_url, login_url);
    sr_http_client *c = client_with(&o);
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_stage(res), SR_HTTP_STAGE_LOGIN);
    assert_int_equal(sr_http_result_end(res), SR_HTTP_END_TOKEN);
    assert_int_equal(sr_http_result_status(res), 401);
    assert_int_equal(sr_http_result_attempts(res), 0);
    assert_int_equal(sr_http_result_kind(res), SR_RESPONSE_ERROR_BODY);
    assert_string_equal(sr_error_body_get_message(sr_http_result_error_body(res)),
                        "bad credentials");
    assert_string_equal(sr_http_result_url(res), login_url);
    sr_http_result_free(res);
    /* the next send does not log in again */
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_end(res), SR_HTTP_END_TOKEN_REFUSED_BEFORE);
    assert_int_equal(sr_http_result_stage(res), SR_HTTP_STAGE_LOGIN);
    assert_int_equal(sr_http_result_status(res), 0);
    sr_http_result_free(res);
    assert_int_equal(requests_to(&s, "/session/login"), 1);
    assert_int_equal(requests_to(&s, "/report/aggregate"), 0);
    sr_http_client_free(c);
    stub_stop(&s);
    session_report_request_free(r);
}

/* An OAuth reply (oauth_script) whose token cannot be used: the send stops
 * at the token stage, keeps no body and never posts the report; the decode
 * error names why. */
static void assert_token_reply_refused(const char *oauth_script, const char *why)
{
    stub s;
    sr_http_options o;
    char oauth_url[128], login_url[128];
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    size_t len = 1;
    stub_start_routes(&s, REPORT_200, oauth_script, NULL);
    credential_options(&o, &s, oauth_url, login_url);
    sr_http_client *c = client_with(&o);
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_stage(res), SR_HTTP_STAGE_OAUTH);
    assert_int_equal(sr_http_result_end(res), SR_HTTP_END_TOKEN);
    assert_int_equal(sr_http_result_status(res), 200);
    assert_string_equal(sr_http_result_body(res, &len), "");
    assert_int_equal(len, 0);
    assert_non_null(strstr(sr_http_result_decode_error(res)->message, why));
    assert_int_equal(requests_to(&s, "/report/aggregate"), 0);
    sr_http_result_free(res);
    sr_http_client_free(c);
    stub_stop(&s);
    session_report_request_free(r);
}

static void a_token_reply_without_token_is_not_kept(void **state)
{
    (void)state;
    assert_token_reply_refused(
        "[{\"status\":200,\"body\":{\"access_token\":\"tok\\r\\nX-Evil: 1\"}}]",
        "no usable access_token");
}

static void a_token_reply_with_nul_is_not_kept(void **state)
{
    (void)state;
    assert_token_reply_refused("[{\"status\":200,\"body\":{\"access_token\":\"tok\\u0000evil\"}}]",
                               "holds a NUL");
}

static void echoed_secrets_are_masked(void **state)
{
    (void)state;
    stub s;
    sr_http_options o;
    char oauth_url[128], login_url[128];
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    stub_start(&s, "[{\"status\":400,\"body\":{\"message\":\"bad: oauth-tok-1 session-tok-1 "
                   "secret-Q9x!e\"}}]");
    credential_options(&o, &s, oauth_url, login_url);
    sr_http_client *c = client_with(&o);
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 400);
    assert_null(strstr(sr_http_result_body(res, NULL), "tok-1"));
    assert_null(strstr(sr_http_result_body(res, NULL), CLIENT_SECRET));
    /* not assert_string_equal: a failure must not print the tokens */
    assert_true(
        strcmp(sr_error_body_get_message(sr_http_result_error_body(res)), "bad: *** *** ***") == 0);
    sr_http_result_free(res);
    sr_http_client_free(c);
    stub_stop(&s);
    session_report_request_free(r);
}

static void portal_initiated_goes_to_async_only(void **state)
{
    (void)state;
    stub s;
    sr_http_options o;
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    stub_start(&s, "[{\"status\":202,\"body\":{\"txid\":\"t\",\"status\":\"QUEUED\"}}]");
    static_options(&o, s.url, 10);
    sr_http_client *c = client_with(&o); /* absent by default */
    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
    sr_http_result_free(res);
    sr_http_client_free(c);
    assert_int_equal(count_of(stub_log(&s), "X-Portal-Initiated"), 0);
    o.portal_initiated = "false";
    c = client_with(&o);
    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
    sr_http_result_free(res);
    assert_int_equal(count_of(stub_log(&s), "\"X-Portal-Initiated\": \"false\""), 1);
    assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
    sr_http_result_free(res);
    assert_int_equal(count_of(stub_log(&s), "X-Portal-Initiated"), 1); /* not on sync */
    sr_http_client_free(c);
    stub_stop(&s);
    session_report_request_free(r);
}

/* Issue 15 item 2: the wait saturates for every input and never divides by
 * zero (backoff UINT_MAX used to wrap to 0 and take % 0). */
static void retry_waits_saturate(void **state)
{
    (void)state;
    static const unsigned backoffs[] = {0, 1, 2, 1000, 15000, 30000, 0x7fffffffu, UINT_MAX};
    static const unsigned long randoms[] = {0, 1, 12345, ULONG_MAX};
    static const long afters[] = {-1, 0, 1, 29, 30, 31, 1000000, LONG_MAX};
    for (size_t b = 0; b < sizeof backoffs / sizeof backoffs[0]; b++) {
        for (unsigned retry = 0; retry < 40; retry++) {
            for (size_t k = 0; k < sizeof randoms / sizeof randoms[0]; k++) {
                unsigned long w = sr__http_retry_wait_ms(backoffs[b], retry, -1, randoms[k]);
                unsigned long base = backoffs[b] < 30000 ? backoffs[b] : 30000;
                assert_true(w <= 30000ul);
                assert_true(w >= base); /* never wraps below the base */
                if (backoffs[b] >= 30000)
                    assert_int_equal(w, 30000);
            }
        }
    }
    assert_int_equal(sr__http_retry_wait_ms(1000, 0, -1, 0), 1000);
    assert_int_equal(sr__http_retry_wait_ms(1000, 1, -1, 0), 2000);
    assert_int_equal(sr__http_retry_wait_ms(1000, 2, -1, 0), 4000);
    assert_int_equal(sr__http_retry_wait_ms(1000, 2, -1, 2000), 6000); /* +50 % at most */
    assert_int_equal(sr__http_retry_wait_ms(1000, 2, -1, 2001), 0 + 4000);
    for (size_t a = 0; a < sizeof afters / sizeof afters[0]; a++) {
        unsigned long w = sr__http_retry_wait_ms(UINT_MAX, 3, afters[a], ULONG_MAX);
        if (afters[a] < 0)
            assert_int_equal(w, 30000);
        else
            assert_int_equal(w, afters[a] < 30 ? (unsigned long)afters[a] * 1000ul : 30000ul);
    }
}

/* What may be retried: statuses, and libcurl failures before and after
 * the request may have gone out. */
static void the_retry_policy(void **state)
{
    (void)state;
    assert_int_equal(sr__http_judge_status(429), SR__HTTP_RETRY);
    assert_int_equal(sr__http_judge_status(503), SR__HTTP_RETRY);
    assert_int_equal(sr__http_judge_status(500), SR__HTTP_UNSAFE);
    assert_int_equal(sr__http_judge_status(502), SR__HTTP_UNSAFE);
    assert_int_equal(sr__http_judge_status(504), SR__HTTP_UNSAFE);
    static const long final_statuses[] = {200, 202, 204, 400, 401, 403, 404, 409, 501, 505};
    for (size_t i = 0; i < sizeof final_statuses / sizeof final_statuses[0]; i++)
        assert_int_equal(sr__http_judge_status(final_statuses[i]), SR__HTTP_FINAL);
    static const int before[] = {CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY,
                                 CURLE_COULDNT_CONNECT, CURLE_SSL_CONNECT_ERROR};
    for (size_t i = 0; i < sizeof before / sizeof before[0]; i++) {
        assert_int_equal(sr__http_judge_transport(before[i], 0), SR__HTTP_NOT_SENT);
        assert_int_equal(sr__http_judge_transport(before[i], 1), SR__HTTP_NOT_SENT);
    }
    static const int maybe[] = {CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
                                CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE};
    for (size_t i = 0; i < sizeof maybe / sizeof maybe[0]; i++) {
        assert_int_equal(sr__http_judge_transport(maybe[i], 0), SR__HTTP_NOT_SENT);
        assert_int_equal(sr__http_judge_transport(maybe[i], 1), SR__HTTP_UNSAFE);
    }
    assert_int_equal(sr__http_judge_transport(CURLE_PEER_FAILED_VERIFICATION, 0),
                     SR__HTTP_PERMANENT);
    assert_int_equal(sr__http_judge_transport(CURLE_UNSUPPORTED_PROTOCOL, 0), SR__HTTP_PERMANENT);
}

/* Retry-After counts only as delta-seconds (surrounding blanks allowed):
 * an HTTP-date or trailing text is ignored and the backoff applies, here a
 * 30 s wait that does not fit in the 5 s total timeout. */
static void retry_after_is_seconds_only(void **state)
{
    (void)state;
    static const struct {
        const char *value;
        unsigned attempts;
        sr_http_end end;
    } cases[] = {{"  0 ", 2, SR_HTTP_END_ANSWER},
                 {"Wed, 21 Oct 2015 07:28:00 GMT", 1, SR_HTTP_END_DEADLINE},
                 {"0x", 1, SR_HTTP_END_DEADLINE},
                 {"", 1, SR_HTTP_END_DEADLINE}};
    session_report_request *r = seed_request(1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char script[256];
        stub s;
        sr_http_options o;
        sr_http_result *res = NULL;
        snprintf(script, sizeof script,
                 "[{\"status\":503,\"headers\":{\"Retry-After\":\"%s\"}},"
                 "{\"status\":200,\"body\":{\"txid\":\"t\",\"usage\":[]}}]",
                 cases[i].value);
        stub_start(&s, script);
        static_options(&o, s.url, 5);
        o.backoff_ms = 60000;
        sr_http_client *c = client_with(&o);
        assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
        assert_int_equal(sr_http_result_attempts(res), cases[i].attempts);
        assert_int_equal(sr_http_result_end(res), cases[i].end);
        sr_http_result_free(res);
        sr_http_client_free(c);
        stub_stop(&s);
    }
    session_report_request_free(r);
}

/* The same through the public API: backoff UINT_MAX, a 503 answered with
 * Retry-After 0 then a 503 without it (the second retry's wait is the one
 * that divided by zero), with extreme timeouts. */
static void extreme_options_do_not_crash(void **state)
{
    (void)state;
    static const unsigned timeouts[] = {1, 2};
    static const unsigned backoffs[] = {UINT_MAX, 0x80000000u};
    session_report_request *r = seed_request(1);
    for (size_t t = 0; t < 2; t++) {
        stub s;
        sr_http_options o;
        sr_http_result *res = NULL;
        stub_start(&s, "[{\"status\":503,\"headers\":{\"Retry-After\":\"0\"}},{\"status\":503}]");
        static_options(&o, s.url, timeouts[t]);
        o.backoff_ms = backoffs[t];
        sr_http_client *c = client_with(&o);
        assert_int_equal(sr_http_send(c, SR_HTTP_SYNC, r, &res, NULL, 0, NULL), SR_OK);
        assert_int_equal(sr_http_result_status(res), 503);
        assert_int_equal(sr_http_result_attempts(res), 2);
        /* a 30 s wait does not fit in the total timeout */
        assert_int_equal(sr_http_result_end(res), SR_HTTP_END_DEADLINE);
        sr_http_result_free(res);
        sr_http_client_free(c);
        stub_stop(&s);
    }
    /* timeout and backoff UINT_MAX, 0 and 1: the client accepts them */
    static const unsigned extremes[] = {0, 1, UINT_MAX};
    for (size_t i = 0; i < 3; i++) {
        for (size_t j = 0; j < 3; j++) {
            sr_http_options o;
            sr_http_client *c = NULL;
            sr_error err;
            static_options(&o, "http://127.0.0.1:9", extremes[i]);
            o.backoff_ms = extremes[j];
            assert_int_equal(sr_http_client_new(&o, &c, &err), SR_OK);
            sr_http_client_free(c);
        }
    }
    session_report_request_free(r);
}

/* Issue 15 item 6 and a smaller finding: out-parameters and body growth. */
static void out_parameters_and_body_growth(void **state)
{
    (void)state;
    size_t len = 77, changes = 0;
    sr_http_result *res = (sr_http_result *)&len;
    sr_error errors[2];
    size_t count = 9;
    assert_null(sr_http_result_body(NULL, &len));
    assert_int_equal(len, 0);
    assert_int_equal(sr_http_send(NULL, SR_HTTP_SYNC, NULL, &res, errors, 2, &count), SR_ERR_ARG);
    assert_null(res);
    assert_int_equal(count, 1);
    assert_int_equal(errors[0].code, SR_ERR_ARG);
    assert_int_equal(sr_http_result_end(NULL), SR_HTTP_END_NONE);
    assert_int_equal(sr_http_result_stage(NULL), SR_HTTP_STAGE_REPORT);
    assert_null(sr_http_result_url(NULL));
    assert_string_equal(sr_http_end_name((sr_http_end)99), "unknown");

    /* a body fed one byte at a time is reallocated a logarithmic number of
     * times, not once per chunk */
    sr_http_result *r = sr__http_result_new();
    assert_non_null(r);
    size_t cap = r->body_cap;
    for (size_t i = 0; i < 100000; i++) {
        assert_int_equal(sr__http_result_append_body(r, "x", 1), SR_OK);
        if (r->body_cap != cap) {
            changes++;
            cap = r->body_cap;
        }
    }
    assert_int_equal(r->body_len, 100000);
    assert_true(changes <= 10);
    assert_int_equal(sr__http_result_append_body(r, "x", SR_HTTP_MAX_BODY_BYTES), SR_ERR_LIMIT);
    sr__http_result_redact(r, "xxxxx"); /* too short to mask: left alone */
    assert_int_equal(r->body_len, 100000);
    sr__http_result_redact(r, "xxxxxxxxxx"); /* 100000 x -> 10000 "***" */
    assert_int_equal(r->body_len, 30000);
    sr_http_result_free(r);
}

static void uuids_are_version_4(void **state)
{
    (void)state;
    char a[SR__UUID_TEXT_LEN + 1], b[SR__UUID_TEXT_LEN + 1];
    assert_int_equal(sr__http_uuid_v4(a), SR_OK);
    assert_int_equal(sr__http_uuid_v4(b), SR_OK);
    assert_int_equal(strlen(a), 36);
    assert_true(a[8] == '-' && a[13] == '-' && a[18] == '-' && a[23] == '-');
    assert_int_equal(a[14], '4');
    assert_non_null(strchr("89ab", a[19]));
    assert_string_not_equal(a, b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(client_options_are_checked),
        cmocka_unit_test(credential_options_are_checked),
        cmocka_unit_test(base64_is_exact),
        cmocka_unit_test(invalid_requests_are_not_sent),
        cmocka_unit_test(connection_refused_is_a_transport_error),
        cmocka_unit_test(retries_keep_one_idempotency_key),
        cmocka_unit_test(error_bodies_and_undecodable_answers),
        cmocka_unit_test(total_timeout_covers_a_silent_server),
        cmocka_unit_test(unsafe_answers_are_retried_only_on_request),
        cmocka_unit_test(empty_success_is_a_decode_error),
        cmocka_unit_test(tokens_are_fetched_and_reused),
        cmocka_unit_test(an_expiring_token_is_fetched_again),
        cmocka_unit_test(a_401_fetches_fresh_tokens_once),
        cmocka_unit_test(a_failed_login_is_never_repeated),
        cmocka_unit_test(a_token_reply_without_token_is_not_kept),
        cmocka_unit_test(a_token_reply_with_nul_is_not_kept),
        cmocka_unit_test(echoed_secrets_are_masked),
        cmocka_unit_test(portal_initiated_goes_to_async_only),
        cmocka_unit_test(retry_waits_saturate),
        cmocka_unit_test(the_retry_policy),
        cmocka_unit_test(retry_after_is_seconds_only),
        cmocka_unit_test(extreme_options_do_not_crash),
        cmocka_unit_test(out_parameters_and_body_growth),
        cmocka_unit_test(uuids_are_version_4),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
