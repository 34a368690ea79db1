/* SPDX-License-Identifier: MIT */
/* `sessreport send`: validates a request, POSTs it with the libcurl sender
 * and prints the decoded answer. Tokens come from the environment and are
 * never printed. */
#include "cli_common.h"
#include "commands.h"

#include <sessreport/http.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char send_help[] =
    "Usage: sessreport send --endpoint sync|async [--base-url URL] [--timeout S] FILE\n"
    "\n"
    "Validates the request in FILE ('-' = standard input) with the endpoint's\n"
    "IMEI limit (sync 10, async 10000), POSTs it to BASE/report/aggregate (sync)\n"
    "or BASE/report/async/aggregate (async) and prints the decoded answer as JSON\n"
    "on stdout. A line on stderr gives the HTTP status, the number of attempts\n"
    "and the Idempotency-Key.\n"
    "\n"
    "Environment (required, never printed):\n"
    "  THINGSPACE_ACCESS_TOKEN   OAuth access token (Authorization: Bearer)\n"
    "  THINGSPACE_M2M_TOKEN      session token (VZ-M2M-Token)\n"
    "\n"
    "Options:\n"
    "  --endpoint sync|async  which endpoint (required)\n"
    "  --base-url URL         default " SR_HTTP_DEFAULT_BASE_URL "\n"
    "                         plain http:// only to 127.0.0.0/8, ::1 or localhost\n"
    "  --timeout S            give up after S seconds, retries included (default 60)\n"
    "\n"
    "429 and 5xx answers are retried up to 3 times (Retry-After honoured, else\n"
    "exponential backoff with jitter, each wait at most 30 s), with the same\n"
    "Idempotency-Key. TLS verification is always on.\n"
    "\n"
    "Exit status: 0 on a 2xx answer; 1 on an invalid request, another status\n"
    "(printed with the error body's message), no answer, or an answer that does\n"
    "not decode; 2 on usage errors, a missing token or a refused base URL.\n"
    "\n"
    "Example:\n"
    "  THINGSPACE_ACCESS_TOKEN=... THINGSPACE_M2M_TOKEN=... \\\n"
    "      sessreport send --endpoint sync request.json\n";

/* Validation problems printed before "... and N more". */
#define MAX_PRINTED_PROBLEMS 50
/* Longest accepted --timeout, in seconds (one day). */
#define MAX_TIMEOUT_S 86400u

typedef struct send_options {
    int endpoint; /* -1 = not given */
    const char *base_url;
    unsigned timeout_s;
    const char *file;
} send_options;

static int parse_endpoint(const char *v, send_options *o)
{
    if (strcmp(v, "sync") == 0)
        o->endpoint = SR_HTTP_SYNC;
    else if (strcmp(v, "async") == 0)
        o->endpoint = SR_HTTP_ASYNC;
    else
        return cli_usage_error("send", "--endpoint must be sync or async, got '%s'", v);
    return CLI_EXIT_OK;
}

static int parse_timeout(const char *v, send_options *o)
{
    unsigned long s = 0;
    size_t i = 0;
    for (; v[i] >= '0' && v[i] <= '9' && s <= MAX_TIMEOUT_S; i++)
        s = s * 10 + (unsigned long)(v[i] - '0');
    if (i == 0 || v[i] != '\0' || s == 0 || s > MAX_TIMEOUT_S)
        return cli_usage_error("send", "--timeout must be whole seconds in 1..%u, got '%s'",
                               MAX_TIMEOUT_S, v);
    o->timeout_s = (unsigned)s;
    return CLI_EXIT_OK;
}

/* Returns -1 after printing help, CLI_EXIT_OK or CLI_EXIT_USAGE. */
static int parse_args(send_options *o, int argc, char **argv)
{
    int only_files = 0;
    memset(o, 0, sizeof *o);
    o->endpoint = -1;
    for (int i = 1; i < argc; i++) {
        const char *value = NULL;
        int m, rc = CLI_EXIT_OK;
        if (!only_files && strcmp(argv[i], "--") == 0) {
            only_files = 1;
            continue;
        }
        if (!only_files && cli_match_flag(argv[i], "--help")) {
            fputs(send_help, stdout);
            return -1;
        }
        if (only_files || !cli_is_option(argv[i])) {
            if (o->file != NULL)
                return cli_usage_error("send", "only one FILE, got '%s' and '%s'", o->file,
                                       argv[i]);
            o->file = argv[i];
            continue;
        }
        if ((m = cli_match_value(argc, argv, &i, "--endpoint", &value, "send")) != 0)
            rc = m < 0 ? CLI_EXIT_USAGE : parse_endpoint(value, o);
        else if ((m = cli_match_value(argc, argv, &i, "--base-url", &value, "send")) != 0)
            rc = m < 0 ? CLI_EXIT_USAGE : (o->base_url = value, CLI_EXIT_OK);
        else if ((m = cli_match_value(argc, argv, &i, "--timeout", &value, "send")) != 0)
            rc = m < 0 ? CLI_EXIT_USAGE : parse_timeout(value, o);
        else
            rc = cli_usage_error("send", "unknown option '%s'", argv[i]);
        if (rc != CLI_EXIT_OK)
            return rc;
    }
    if (o->endpoint < 0)
        return cli_usage_error("send", "--endpoint sync|async is required");
    if (o->file == NULL)
        return cli_usage_error("send", "no FILE given ('-' reads standard input)");
    return CLI_EXIT_OK;
}

/* The token in environment variable `name`, or NULL after a message. */
static const char *token_from_env(const char *name, const char *what)
{
    const char *v = getenv(name);
    if (v == NULL || v[0] == '\0') {
        fprintf(stderr, "sessreport send: %s is not set (%s)\n", name, what);
        return NULL;
    }
    return v;
}

/* The decoded answer as pretty JSON on stdout, else the raw body. */
static void print_answer(const sr_http_result *res)
{
    char *json = NULL;
    size_t len = 0, body_len = 0;
    const char *body = sr_http_result_body(res, &body_len);
    sr_status st = SR_ERR_ARG;
    switch (sr_http_result_kind(res)) {
    case SR_RESPONSE_AGGREGATE_REPORT:
        st = sr_aggregate_report_to_json(sr_http_result_report(res), SR_JSON_PRETTY, &json, &len);
        break;
    case SR_RESPONSE_CALLBACK_RESULT:
        st = sr_callback_result_to_json(sr_http_result_callback(res), SR_JSON_PRETTY, &json, &len);
        break;
    case SR_RESPONSE_ERROR_BODY:
        st = sr_error_body_to_json(sr_http_result_error_body(res), SR_JSON_PRETTY, &json, &len);
        break;
    default:
        break;
    }
    if (st == SR_OK)
        (void)cli_write_json(json, len);
    else if (body_len > 0)
        (void)cli_write_json(body, body_len);
    sr_free(json);
}

/* The most useful line of an error body, or a placeholder. */
static const char *error_message(const sr_http_result *res)
{
    const sr_error_body *b = sr_http_result_error_body(res);
    if (sr_error_body_message(b) != NULL)
        return sr_error_body_message(b);
    if (sr_error_body_fault_message(b) != NULL)
        return sr_error_body_fault_message(b);
    if (sr_error_body_fault_description(b) != NULL)
        return sr_error_body_fault_description(b);
    return "(no error message in the body)";
}

/* Prints the outcome; returns the exit status. */
static int report_result(const sr_http_result *res, const char *url)
{
    long status = sr_http_result_status(res);
    const sr_error *decode_error = sr_http_result_decode_error(res);
    unsigned attempts = sr_http_result_attempts(res);

    if (status == 0) {
        fprintf(stderr, "sessreport send: no answer from %s after %u attempt%s: %s\n", url,
                attempts, attempts == 1 ? "" : "s", sr_http_result_transport_error(res));
        return CLI_EXIT_INVALID;
    }
    fprintf(stderr, "sessreport send: HTTP %ld after %u attempt%s (Idempotency-Key %s)\n", status,
            attempts, attempts == 1 ? "" : "s", sr_http_result_idempotency_key(res));
    print_answer(res);
    if (status < 200 || status > 299) {
        fprintf(stderr, "sessreport send: HTTP %ld: %s\n", status, error_message(res));
        return CLI_EXIT_INVALID;
    }
    if (decode_error != NULL) {
        cli_print_error("response", decode_error);
        return CLI_EXIT_INVALID;
    }
    return CLI_EXIT_OK;
}

static void print_problems(const char *name, const sr_error *errors, size_t count)
{
    for (size_t i = 0; i < count && i < MAX_PRINTED_PROBLEMS; i++)
        cli_print_error(name, &errors[i]);
    if (count > MAX_PRINTED_PROBLEMS)
        fprintf(stderr, "%s: ... and %zu more problems\n", name,
                count - (size_t)MAX_PRINTED_PROBLEMS);
}

int sr_cli_send(int argc, char **argv)
{
    send_options o;
    sr_http_options ho;
    sr_http_client *client = NULL;
    sr_http_result *res = NULL;
    session_report_request *req = NULL;
    cli_buffer in = {NULL, 0};
    sr_error errors[MAX_PRINTED_PROBLEMS];
    size_t count = 0;
    const char *name;
    char url[1024];
    int rc;

    rc = parse_args(&o, argc, argv);
    if (rc != CLI_EXIT_OK)
        return rc < 0 ? CLI_EXIT_OK : rc;
    memset(&ho, 0, sizeof ho);
    ho.base_url = o.base_url;
    ho.timeout_s = o.timeout_s;
    ho.access_token = token_from_env("THINGSPACE_ACCESS_TOKEN", "the OAuth access token");
    ho.m2m_token = token_from_env("THINGSPACE_M2M_TOKEN", "the VZ-M2M session token");
    if (ho.access_token == NULL || ho.m2m_token == NULL)
        return CLI_EXIT_USAGE;
    if (sr_http_client_new(&ho, &client, &errors[0]) != SR_OK) {
        fprintf(stderr, "sessreport send: %s\n", errors[0].message);
        return CLI_EXIT_USAGE;
    }
    snprintf(url, sizeof url, "%s%s", o.base_url != NULL ? o.base_url : SR_HTTP_DEFAULT_BASE_URL,
             o.endpoint == SR_HTTP_SYNC ? "/report/aggregate" : "/report/async/aggregate");

    name = cli_display_name(o.file);
    rc = cli_read_file(o.file, SR_DEFAULT_MAX_BYTES, &in);
    if (rc != 0) {
        rc = cli_read_error("send", o.file, rc);
        goto cleanup;
    }
    rc = CLI_EXIT_INVALID;
    if (session_report_request_from_json(in.data, in.len, NULL, &req, &errors[0]) != SR_OK) {
        cli_print_error(name, &errors[0]);
        goto cleanup;
    }
    if (sr_http_send(client, (sr_http_endpoint)o.endpoint, req, &res, errors, MAX_PRINTED_PROBLEMS,
                     &count) != SR_OK) {
        print_problems(name, errors, count);
        goto cleanup;
    }
    rc = report_result(res, url);
cleanup:
    sr_http_result_free(res);
    session_report_request_free(req);
    sr_http_client_free(client);
    cli_buffer_free(&in);
    return rc;
}
