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

#include <cmocka.h>

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

/* Starts stub_server.py with a JSON script; fails the test when it cannot. */
static void stub_start(stub *s, const char *script)
{
    const char *src = getenv("SR_SOURCE_DIR");
    char server[512], port_file[128], script_arg[4096];
    FILE *f = NULL;
    assert_non_null(src);
    snprintf(server, sizeof server, "%s/tests/http/stub_server.py", src);
    strcpy(s->dir, "/tmp/sr-http-test-XXXXXX");
    assert_non_null(mkdtemp(s->dir));
    snprintf(port_file, sizeof port_file, "%s/port", s->dir);
    snprintf(s->log, sizeof s->log, "%s/log.jsonl", s->dir);
    assert_true(strlen(script) < sizeof script_arg);
    strcpy(script_arg, script); /* argv wants char *, the script is const */
    char *argv[] = {"python3", server,     "--port-file", port_file, "--log",
                    s->log,    "--script", script_arg,    NULL};
    assert_int_equal(posix_spawnp(&s->pid, "python3", NULL, NULL, argv, environ), 0);
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

static sr_http_client *client_for(const char *url, unsigned timeout_s)
{
    sr_http_options o;
    sr_http_client *c = NULL;
    sr_error err;
    memset(&o, 0, sizeof o);
    o.base_url = url;
    o.access_token = ACCESS;
    o.m2m_token = M2M;
    o.timeout_s = timeout_s;
    o.backoff_ms = 10; /* keeps the retry tests fast */
    if (sr_http_client_new(&o, &c, &err) != SR_OK)
        print_error("client: %s\n", err.message);
    assert_non_null(c);
    return c;
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
        assert_int_equal(sr_http_client_new(&o, &c, &err), SR_ERR_ARG);
        assert_null(c);
        if (strstr(err.message, refused[i].phrase) == NULL)
            print_error("%s: %s\n", refused[i].url, err.message);
        assert_non_null(strstr(err.message, refused[i].phrase));
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
    assert_int_equal(sr_http_client_new(&o, &c, &err), SR_ERR_ARG);
    assert_string_equal(err.message, "access token holds a control character");
    o.access_token = ACCESS;
    o.m2m_token = "";
    assert_int_equal(sr_http_client_new(&o, &c, &err), SR_ERR_ARG);
    assert_string_equal(err.message, "M2M session token is missing");
    assert_int_equal(sr_http_client_new(NULL, &c, &err), SR_ERR_ARG);
    sr_http_client_free(NULL);
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
    assert_int_equal(sr_http_result_attempts(res), 1); /* not retried */
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
    stub_start(&s, "[{\"status\":503},{\"status\":502},{\"status\":200,\"body\":{\"txid\":\"t\","
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
    assert_null(sr_http_result_transport_error(res));
    assert_int_equal(sr_http_result_kind(res), SR_RESPONSE_AGGREGATE_REPORT);
    const sr_aggregate_report *rep = sr_http_result_report(res);
    assert_non_null(rep);
    assert_int_equal(sr_aggregate_report_usage_sessions(rep, 0, &v), SR_OK);
    assert_true(v == INT64_C(9007199254740993));
    assert_int_equal(sr_aggregate_report_usage_bytes(rep, 0, &v), SR_OK);
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
                   "{\"status\":200,\"body\":{\"txid\":\"t\"}},{\"status\":429}]");
    sr_http_client *c = client_for(s.url, 10);
    session_report_request *r = seed_request(1);
    sr_http_result *res = NULL;
    size_t len = 0;

    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 404);
    assert_int_equal(sr_http_result_kind(res), SR_RESPONSE_ERROR_BODY);
    assert_string_equal(sr_error_body_message(sr_http_result_error_body(res)), "no such account");
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
    assert_int_equal(sr_http_result_decode_error(res)->code, SR_ERR_MISSING);
    assert_string_equal(sr_http_result_decode_error(res)->path, "/status");
    assert_string_equal(sr_http_result_body(res, NULL), "{\"txid\": \"t\"}");
    sr_http_result_free(res);

    /* 429 forever: 1 attempt + 3 retries, then the last answer */
    assert_int_equal(sr_http_send(c, SR_HTTP_ASYNC, r, &res, NULL, 0, NULL), SR_OK);
    assert_int_equal(sr_http_result_status(res), 429);
    assert_int_equal(sr_http_result_attempts(res), 1 + SR_HTTP_MAX_RETRIES);
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
    assert_non_null(strstr(sr_http_result_transport_error(res), "imeout"));
    assert_true(t1.tv_sec - t0.tv_sec < 5);
    sr_http_result_free(res);
    session_report_request_free(r);
    sr_http_client_free(c);
    stub_stop(&s);
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
        cmocka_unit_test(invalid_requests_are_not_sent),
        cmocka_unit_test(connection_refused_is_a_transport_error),
        cmocka_unit_test(retries_keep_one_idempotency_key),
        cmocka_unit_test(error_bodies_and_undecodable_answers),
        cmocka_unit_test(total_timeout_covers_a_silent_server),
        cmocka_unit_test(uuids_are_version_4),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
