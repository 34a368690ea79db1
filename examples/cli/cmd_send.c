/* SPDX-License-Identifier: MIT */
/* `sessreport send`: validates a request, POSTs it with the libcurl sender
 * and prints the decoded answer. Credentials and tokens come from the
 * environment and are never printed; everything the server or the user
 * wrote reaches the terminal escaped. */
#include "cli_common.h"
#include "commands.h"

#include <sessreport/http.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char send_help[] =
    "Usage: sessreport send --endpoint sync|async [--base-url URL | --sandbox]\n"
    "                       [--oauth-url URL] [--login-url URL]\n"
    "                       [--portal-initiated true|false] [--retry-unsafe] [--split]\n"
    "                       [--timeout S] [VALIDATION OPTIONS] FILE\n"
    "\n"
    "Checks the request in FILE ('-' = standard input) as validate does, with\n"
    "the endpoint's IMEI limit (sync 10, async 10000): errors refuse to send,\n"
    "warnings are printed. Then POSTs it to BASE/report/aggregate (sync)\n"
    "or BASE/report/async/aggregate (async) and prints the decoded answer as JSON\n"
    "on stdout. A line on stderr gives the HTTP status, the number of attempts\n"
    "and the Idempotency-Key.\n"
    "\n"
    "Environment (never printed), for the OAuth access token:\n"
    "  THINGSPACE_CLIENT_ID and THINGSPACE_CLIENT_SECRET   fetch it (preferred)\n"
    "  THINGSPACE_ACCESS_TOKEN                             else use this one\n"
    "and for the M2M session token (VZ-M2M-Token):\n"
    "  THINGSPACE_USERNAME and THINGSPACE_PASSWORD         log in (preferred)\n"
    "  THINGSPACE_M2M_TOKEN                                else use this one\n"
    "Fetched tokens are reused while they are valid; a 401 fetches fresh ones\n"
    "once and resends. A refused login is never repeated (five failed logins\n"
    "lock the account).\n"
    "\n"
    "Options:\n"
    "  --endpoint sync|async      which endpoint (required)\n"
    "  --base-url URL             default " SR_HTTP_DEFAULT_BASE_URL "\n"
    "  --sandbox                  use " SR_HTTP_SANDBOX_BASE_URL "\n"
    "  --oauth-url URL            default " SR_HTTP_DEFAULT_OAUTH_URL "\n"
    "  --login-url URL            default " SR_HTTP_DEFAULT_LOGIN_URL "\n"
    "                             (every URL: plain http:// only to 127.0.0.0/8,\n"
    "                             ::1 or localhost)\n"
    "  --portal-initiated true|false\n"
    "                             send X-Portal-Initiated (async only; absent by\n"
    "                             default)\n"
    "  --retry-unsafe             also retry 500, 502, 504 and timeouts after the\n"
    "                             request went out (may create a second report)\n"
    "  --timeout S                give up after S seconds, token requests and\n"
    "                             retries included (default 60)\n"
    "  --split                    sync only: send a request of more than 10 IMEIs\n"
    "                             in parts of 10, one after the other, and print\n"
    "                             one merged report (a failed part fails the\n"
    "                             command and names the parts already sent)\n"
    "\n"
    "Only what cannot have been processed is retried, up to 3 times with the\n"
    "same Idempotency-Key: 429 and 503 (Retry-After honoured, else exponential\n"
    "backoff with jitter, each wait at most 30 s) and failures before the\n"
    "request went out (DNS, connect, TLS handshake). TLS verification is always\n"
    "on.\n"
    "\n"
    "The validation options of validate apply (--strict, --no-luhn, --rfc3339,\n"
    "--date-constant, --warnings-as-errors, --no-warnings, --max-problems).\n"
    "\n"
    "Exit status: 0 on a 2xx answer that decodes as the endpoint's response; 1\n"
    "on an invalid request, another status (printed with the error body's\n"
    "message), no answer, a failed token request, or an answer that does not\n"
    "decode; 2 on usage errors, missing credentials or a refused URL.\n"
    "\n"
    "Example:\n"
    "  THINGSPACE_CLIENT_ID=... THINGSPACE_CLIENT_SECRET=... \\\n"
    "  THINGSPACE_USERNAME=... THINGSPACE_PASSWORD=... \\\n"
    "      sessreport send --endpoint sync request.json\n";

/* Problems the library reports when it refuses a request the check
 * passed (it validates again before sending). */
#define MAX_LIBRARY_PROBLEMS 8
/* Longest accepted --timeout, in seconds (one day). */
#define MAX_TIMEOUT_S 86400u
/* Room for one escaped server text or message in a printf "%s". */
#define SAFE_TEXT 1024

typedef struct send_options {
    int endpoint; /* -1 = not given */
    const char *base_url;
    int sandbox;
    const char *oauth_url;
    const char *login_url;
    const char *portal_initiated;
    int retry_unsafe;
    int split;
    unsigned timeout_s;
    const char *file;
    cli_check_options check; /* the validation options validate has */
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

static int parse_portal(const char *v, send_options *o)
{
    if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0)
        return cli_usage_error("send", "--portal-initiated must be true or false, got '%s'", v);
    o->portal_initiated = v;
    return CLI_EXIT_OK;
}

/* One option at argv[*i]: CLI_EXIT_OK, or CLI_EXIT_USAGE after a message. */
static int parse_option(send_options *o, int argc, char **argv, int *i)
{
    const char *value = NULL;
    int m;
    if (strcmp(argv[*i], "--sandbox") == 0)
        return o->sandbox = 1, CLI_EXIT_OK;
    if (strcmp(argv[*i], "--retry-unsafe") == 0)
        return o->retry_unsafe = 1, CLI_EXIT_OK;
    if (strcmp(argv[*i], "--split") == 0)
        return o->split = 1, CLI_EXIT_OK;
    if ((m = cli_match_value(argc, argv, i, "--endpoint", &value, "send")) != 0)
        return m < 0 ? CLI_EXIT_USAGE : parse_endpoint(value, o);
    if ((m = cli_match_value(argc, argv, i, "--base-url", &value, "send")) != 0)
        return m < 0 ? CLI_EXIT_USAGE : (o->base_url = value, CLI_EXIT_OK);
    if ((m = cli_match_value(argc, argv, i, "--oauth-url", &value, "send")) != 0)
        return m < 0 ? CLI_EXIT_USAGE : (o->oauth_url = value, CLI_EXIT_OK);
    if ((m = cli_match_value(argc, argv, i, "--login-url", &value, "send")) != 0)
        return m < 0 ? CLI_EXIT_USAGE : (o->login_url = value, CLI_EXIT_OK);
    if ((m = cli_match_value(argc, argv, i, "--portal-initiated", &value, "send")) != 0)
        return m < 0 ? CLI_EXIT_USAGE : parse_portal(value, o);
    if ((m = cli_match_value(argc, argv, i, "--timeout", &value, "send")) != 0)
        return m < 0 ? CLI_EXIT_USAGE : parse_timeout(value, o);
    if ((m = cli_check_options_parse(&o->check, argc, argv, i, "send")) != 0)
        return m < 0 ? CLI_EXIT_USAGE : CLI_EXIT_OK;
    return cli_usage_error("send", "unknown option '%s'", argv[*i]);
}

/* Returns -1 after printing help, CLI_EXIT_OK or CLI_EXIT_USAGE; o->check
 * is initialised (to free) unless it returns CLI_EXIT_USAGE before. */
static int parse_args(send_options *o, int argc, char **argv)
{
    int only_files = 0;
    memset(o, 0, sizeof *o);
    o->endpoint = -1;
    if (cli_check_options_init(&o->check, argc) != 0) {
        fputs("sessreport send: out of memory\n", stderr);
        return CLI_EXIT_USAGE;
    }
    for (int i = 1; i < argc; i++) {
        int rc;
        if (!only_files && strcmp(argv[i], "--") == 0) {
            only_files = 1;
            continue;
        }
        if (!only_files && cli_match_flag(argv[i], "--help")) {
            fputs(send_help, stdout);
            fputs("\n", stdout);
            fputs(cli_check_options_help, stdout);
            return -1;
        }
        if (only_files || !cli_is_option(argv[i])) {
            if (o->file != NULL)
                return cli_usage_error("send", "only one FILE, got '%s' and '%s'", o->file,
                                       argv[i]);
            o->file = argv[i];
            continue;
        }
        rc = parse_option(o, argc, argv, &i);
        if (rc != CLI_EXIT_OK)
            return rc;
    }
    if (o->endpoint < 0)
        return cli_usage_error("send", "--endpoint sync|async is required");
    if (o->sandbox && o->base_url != NULL)
        return cli_usage_error("send", "--sandbox and --base-url exclude each other");
    if (o->file == NULL)
        return cli_usage_error("send", "no FILE given ('-' reads standard input)");
    if (o->split && o->endpoint != SR_HTTP_SYNC)
        return cli_usage_error("send", "--split applies to --endpoint sync");
    /* Under --split the whole request may hold any number of IMEIs: each
     * part is within the limit. */
    o->check.validate.max_imeis = o->split                      ? SIZE_MAX
                                  : o->endpoint == SR_HTTP_SYNC ? SR_MAX_IMEIS_SYNC
                                                                : SR_MAX_IMEIS_ASYNC;
    return CLI_EXIT_OK;
}

/* The environment variable, or NULL when unset or empty. */
static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0' ? v : NULL;
}

/* One token's source: the credential pair, else the token variable.
 * CLI_EXIT_OK, or CLI_EXIT_USAGE after a message. */
static int credentials_from_env(const char *user_var, const char *secret_var, const char *token_var,
                                const char **user, const char **secret, const char **token)
{
    *user = env(user_var);
    *secret = env(secret_var);
    *token = NULL;
    if (*user != NULL && *secret != NULL)
        return CLI_EXIT_OK;
    if (*user != NULL || *secret != NULL) {
        fprintf(stderr, "sessreport send: %s is set but %s is not\n",
                *user != NULL ? user_var : secret_var, *user != NULL ? secret_var : user_var);
        return CLI_EXIT_USAGE;
    }
    *token = env(token_var);
    if (*token == NULL) {
        fprintf(stderr, "sessreport send: %s is not set (nor %s and %s)\n", token_var, user_var,
                secret_var);
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

/* The sender's options from the command line and the environment. */
static int http_options(const send_options *o, sr_http_options *ho)
{
    int rc;
    memset(ho, 0, sizeof *ho);
    ho->base_url = o->sandbox ? SR_HTTP_SANDBOX_BASE_URL : o->base_url;
    ho->oauth_url = o->oauth_url;
    ho->login_url = o->login_url;
    ho->timeout_s = o->timeout_s;
    ho->portal_initiated = o->portal_initiated;
    ho->flags = o->retry_unsafe ? SR_HTTP_RETRY_UNSAFE : 0u;
    rc = credentials_from_env("THINGSPACE_CLIENT_ID", "THINGSPACE_CLIENT_SECRET",
                              "THINGSPACE_ACCESS_TOKEN", &ho->client_id, &ho->client_secret,
                              &ho->access_token);
    if (rc == CLI_EXIT_OK)
        rc = credentials_from_env("THINGSPACE_USERNAME", "THINGSPACE_PASSWORD",
                                  "THINGSPACE_M2M_TOKEN", &ho->username, &ho->password,
                                  &ho->m2m_token);
    return rc;
}

/* ---- printing the outcome ---- */

/* "sessreport send: " + escaped text + newline. */
static void say(const char *lead, const char *text, size_t len)
{
    fprintf(stderr, "sessreport send: %s", lead);
    cli_put_text(stderr, text, len);
    fputc('\n', stderr);
}

/* The most useful line of an error body, or NULL when it has none. */
static const char *error_message(const sr_error_body *b)
{
    if (sr_error_body_get_message(b) != NULL)
        return sr_error_body_get_message(b);
    if (sr_error_body_get_fault_message(b) != NULL)
        return sr_error_body_get_fault_message(b);
    if (sr_error_body_get_fault_description(b) != NULL)
        return sr_error_body_get_fault_description(b);
    return sr_error_body_get_response_code(b);
}

/* The decoded answer as pretty JSON on stdout. 0 when there was none to
 * print (or it was an error body without any known member). */
static int print_decoded(const sr_http_result *res)
{
    char *json = NULL;
    size_t len = 0;
    sr_status st = SR_ERR_ARG;
    switch (sr_http_result_kind(res)) {
    case SR_RESPONSE_AGGREGATE_REPORT:
        st = sr_aggregate_report_to_json(sr_http_result_report(res), SR_JSON_PRETTY, &json, &len);
        break;
    case SR_RESPONSE_CALLBACK_RESULT:
        st = sr_callback_result_to_json(sr_http_result_callback(res), SR_JSON_PRETTY, &json, &len);
        break;
    case SR_RESPONSE_ERROR_BODY:
        if (error_message(sr_http_result_error_body(res)) != NULL)
            st = sr_error_body_to_json(sr_http_result_error_body(res), SR_JSON_PRETTY, &json, &len);
        break;
    default:
        break;
    }
    if (st == SR_OK)
        (void)cli_write_json(json, len);
    sr_free(json);
    return st == SR_OK;
}

/* The first of a row's messages that is there. */
static const char *row_error_message(const sr_aggregate_report *report, size_t i)
{
    static const sr_row_error_field order[] = {SR_ROW_ERROR_MESSAGE, SR_ROW_ERROR_RESPONSE_MESSAGE,
                                               SR_ROW_ERROR_DETAIL, SR_ROW_ERROR_CODE,
                                               SR_ROW_ERROR_HTTP_STATUS};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        const char *m = sr_aggregate_report_get_error(report, i, order[k]);
        if (m != NULL)
            return m;
    }
    return "(no message)";
}

/* The report's errors rows on stderr, one a line, then how many devices
 * failed ("2 of 12 devices failed"). The command still succeeds: the
 * report itself was answered. */
static void print_error_rows(const sr_aggregate_report *report)
{
    size_t errors = sr_aggregate_report_error_count(report);
    size_t total = sr_aggregate_report_usage_count(report) + errors;
    char imei[128], message[SAFE_TEXT];
    for (size_t i = 0; i < errors; i++)
        fprintf(stderr, "sessreport send: device %s: %s\n",
                cli_safe(sr_aggregate_report_get_error(report, i, SR_ROW_ERROR_IMEI), imei,
                         sizeof imei),
                cli_safe(row_error_message(report, i), message, sizeof message));
    if (errors > 0)
        fprintf(stderr, "sessreport send: %zu of %zu device%s failed\n", errors, total,
                total == 1 ? "" : "s");
}

/* The raw body, escaped, on stderr (a body that decoded to nothing known). */
static void show_body(const sr_http_result *res)
{
    size_t len = 0;
    const char *body = sr_http_result_body(res, &len);
    if (len == 0)
        say("body: ", "(empty)", 7);
    else
        say("body: ", body, len);
}

/* "HTTP 200 after 2 attempts (Idempotency-Key ...)" and why it ended when
 * that is not simply the answer. */
static void status_line(const sr_http_result *res, const char *label)
{
    unsigned attempts = sr_http_result_attempts(res);
    sr_http_end end = sr_http_result_end(res);
    fprintf(stderr, "sessreport send: %sHTTP %ld after %u attempt%s", label,
            sr_http_result_status(res), attempts, attempts == 1 ? "" : "s");
    if (end != SR_HTTP_END_ANSWER)
        fprintf(stderr, ", %s", sr_http_end_name(end));
    fprintf(stderr, " (Idempotency-Key %s)\n", sr_http_result_idempotency_key(res));
}

/* A token request failed: nothing was sent. Returns the exit status. */
static int report_token_failure(const sr_http_result *res)
{
    const char *what = sr_http_result_stage(res) == SR_HTTP_STAGE_OAUTH ? "the OAuth token request"
                                                                        : "the M2M login";
    const char *url = sr_http_result_url(res);
    const sr_error *decode_error = sr_http_result_decode_error(res);
    char buf[SAFE_TEXT];
    long status = sr_http_result_status(res);

    if (sr_http_result_end(res) == SR_HTTP_END_TOKEN_REFUSED_BEFORE) {
        fprintf(stderr, "sessreport send: %s was refused before and is not repeated\n", what);
    } else if (status == 0) {
        fprintf(stderr, "sessreport send: %s to ", what);
        cli_put_text(stderr, url, strlen(url));
        fprintf(stderr, " got no answer: %s\n",
                cli_safe(sr_http_result_transport_error(res), buf, sizeof buf));
    } else if (decode_error != NULL && status >= 200 && status <= 299) {
        fprintf(stderr, "sessreport send: %s: HTTP %ld: %s\n", what, status,
                cli_safe(decode_error->message, buf, sizeof buf));
    } else {
        const char *message = error_message(sr_http_result_error_body(res));
        fprintf(stderr, "sessreport send: %s failed: HTTP %ld", what, status);
        if (message != NULL)
            fprintf(stderr, ": %s", cli_safe(message, buf, sizeof buf));
        fputc('\n', stderr);
        if (message == NULL)
            show_body(res);
        if (sr_http_result_stage(res) == SR_HTTP_STAGE_LOGIN && status >= 400 && status < 500)
            fputs("sessreport send: the login is not repeated (five failed logins lock the "
                  "account)\n",
                  stderr);
    }
    fputs("sessreport send: nothing was sent\n", stderr);
    return CLI_EXIT_INVALID;
}

/* Prints the outcome (label: "" or "part 2 of 3: "); the decoded answer
 * of a success only when print_success. Returns the exit status. */
static int report_result(const sr_http_result *res, const char *label, int print_success)
{
    long status = sr_http_result_status(res);
    const sr_error *decode_error = sr_http_result_decode_error(res);
    const char *url = sr_http_result_url(res);
    unsigned attempts = sr_http_result_attempts(res);
    char buf[SAFE_TEXT];

    if (sr_http_result_stage(res) != SR_HTTP_STAGE_REPORT)
        return report_token_failure(res);
    if (status == 0) {
        fprintf(stderr, "sessreport send: %sno answer from ", label);
        cli_put_text(stderr, url, strlen(url));
        fprintf(stderr, " after %u attempt%s (%s): %s\n", attempts, attempts == 1 ? "" : "s",
                sr_http_end_name(sr_http_result_end(res)),
                cli_safe(sr_http_result_transport_error(res), buf, sizeof buf));
        return CLI_EXIT_INVALID;
    }
    status_line(res, label);
    if (status < 200 || status > 299) {
        const char *message = error_message(sr_http_result_error_body(res));
        if (print_decoded(res) && message != NULL) {
            fprintf(stderr, "sessreport send: HTTP %ld: %s\n", status,
                    cli_safe(message, buf, sizeof buf));
        } else if (sr_http_result_body(res, NULL)[0] == '\0') {
            fprintf(stderr, "sessreport send: HTTP %ld with an empty body\n", status);
        } else {
            fprintf(stderr, "sessreport send: HTTP %ld with a body that is not a known error\n",
                    status);
            show_body(res);
        }
        return CLI_EXIT_INVALID;
    }
    if (decode_error != NULL) {
        cli_print_error("response", decode_error);
        show_body(res);
        return CLI_EXIT_INVALID;
    }
    if (print_success) {
        (void)print_decoded(res);
        if (sr_http_result_report(res) != NULL)
            print_error_rows(sr_http_result_report(res));
    }
    return CLI_EXIT_OK;
}

static void print_problems(const char *name, const sr_error *errors, size_t count)
{
    for (size_t i = 0; i < count && i < MAX_LIBRARY_PROBLEMS; i++)
        cli_print_error(name, &errors[i]);
    if (count > MAX_LIBRARY_PROBLEMS)
        fprintf(stderr, "%s: ... and %zu more problems\n", name,
                count - (size_t)MAX_LIBRARY_PROBLEMS);
}

/* One send and its report; returns the exit status. *res is the result
 * (the caller frees it; NULL when the library refused the request). */
static int send_one(sr_http_client *client, sr_http_endpoint endpoint,
                    const session_report_request *req, const char *name, const char *label,
                    int print_success, sr_http_result **res)
{
    sr_error errors[MAX_LIBRARY_PROBLEMS];
    size_t count = 0;
    if (sr_http_send(client, endpoint, req, res, errors, MAX_LIBRARY_PROBLEMS, &count) != SR_OK) {
        print_problems(name, errors, count);
        return CLI_EXIT_INVALID;
    }
    return report_result(*res, label, print_success);
}

/* "parts sent: 1 (txid A), 2 (txid B)" after part `failed` (0-based) of n. */
static void name_sent_parts(const sr_aggregate_report *const *reports, size_t failed, size_t n)
{
    char buf[SAFE_TEXT];
    fprintf(stderr, "sessreport send: part %zu of %zu failed; ", failed + 1, n);
    if (failed == 0) {
        fputs("no part was sent before it\n", stderr);
        return;
    }
    fputs("parts already sent:", stderr);
    for (size_t i = 0; i < failed; i++)
        fprintf(stderr, "%s %zu (txid %s)", i == 0 ? "" : ",", i + 1,
                cli_safe(sr_aggregate_report_get_txid(reports[i]), buf, sizeof buf));
    fputc('\n', stderr);
}

/* The merged report of the parts' reports: the first part's txid, every
 * part's rows in order. NULL when out of memory. */
static sr_aggregate_report *merge_reports(const sr_aggregate_report *const *reports, size_t n)
{
    sr_aggregate_report *merged = sr_aggregate_report_new();
    const char *txid = n > 0 ? sr_aggregate_report_get_txid(reports[0]) : NULL;
    if (merged == NULL)
        return NULL;
    if (txid != NULL && sr_aggregate_report_set_txid(merged, txid) != SR_OK) {
        sr_aggregate_report_free(merged);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        if (sr_aggregate_report_merge(merged, reports[i]) != SR_OK) {
            sr_aggregate_report_free(merged);
            return NULL;
        }
    }
    return merged;
}

static int print_report(const sr_aggregate_report *report)
{
    char *json = NULL;
    size_t len = 0;
    int rc = CLI_EXIT_USAGE;
    if (sr_aggregate_report_to_json(report, SR_JSON_PRETTY, &json, &len) == SR_OK)
        rc = cli_write_json(json, len);
    else
        fputs("sessreport send: out of memory\n", stderr);
    sr_free(json);
    print_error_rows(report);
    return rc;
}

/* --split: the parts of split one after the other on the synchronous
 * endpoint, one merged report. Returns the exit status. */
static int send_parts(sr_http_client *client, const session_report_request *req, const char *name)
{
    session_report_request **parts = NULL;
    sr_http_result **results = NULL;
    const sr_aggregate_report **reports = NULL;
    sr_aggregate_report *merged = NULL;
    size_t n = 0, done = 0;
    int rc = CLI_EXIT_USAGE;

    if (session_report_request_split(req, SR_MAX_IMEIS_SYNC, &parts, &n) != SR_OK ||
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): arrays of pointers */
        (results = calloc(n, sizeof *results)) == NULL ||
        /* NOLINTNEXTLINE(bugprone-sizeof-expression) */
        (reports = calloc(n, sizeof *reports)) == NULL) {
        fputs("sessreport send: out of memory\n", stderr);
        goto cleanup;
    }
    for (; done < n; done++) {
        char label[64];
        snprintf(label, sizeof label, "part %zu of %zu: ", done + 1, n);
        rc = send_one(client, SR_HTTP_SYNC, parts[done], name, label, 0, &results[done]);
        if (rc != CLI_EXIT_OK) {
            name_sent_parts(reports, done, n);
            goto cleanup;
        }
        reports[done] = sr_http_result_report(results[done]);
    }
    merged = merge_reports(reports, n);
    rc = merged != NULL ? print_report(merged) : CLI_EXIT_USAGE;
    if (merged == NULL)
        fputs("sessreport send: out of memory\n", stderr);
cleanup:
    for (size_t i = 0; results != NULL && i < n; i++)
        sr_http_result_free(results[i]);
    free(results);
    free(reports);
    sr_aggregate_report_free(merged);
    session_report_request_free_all(parts, n);
    return rc;
}

int sr_cli_send(int argc, char **argv)
{
    send_options o;
    sr_http_options ho;
    sr_http_client *client = NULL;
    sr_http_result *res = NULL;
    session_report_request *req = NULL;
    cli_buffer in = {NULL, 0};
    sr_error error;
    const char *name;
    char buf[SAFE_TEXT];
    int rc;

    rc = parse_args(&o, argc, argv);
    if (rc == CLI_EXIT_OK)
        rc = http_options(&o, &ho);
    if (rc != CLI_EXIT_OK) {
        cli_check_options_free(&o.check);
        return rc < 0 ? CLI_EXIT_OK : rc;
    }
    if (sr_http_client_new(&ho, &client, &error) != SR_OK) {
        fprintf(stderr, "sessreport send: %s\n", cli_safe(error.message, buf, sizeof buf));
        cli_check_options_free(&o.check);
        return CLI_EXIT_USAGE;
    }

    name = cli_display_name(o.file);
    rc = cli_read_file(o.file, SR_DEFAULT_MAX_BYTES, &in);
    if (rc != 0) {
        rc = cli_read_error("send", o.file, rc);
        goto cleanup;
    }
    rc = CLI_EXIT_INVALID;
    if (session_report_request_from_json(in.data, in.len, &o.check.parse, &req, &error) != SR_OK) {
        cli_print_error(name, &error);
        goto cleanup;
    }
    /* errors refuse to send; warnings are printed (and fail under
     * --warnings-as-errors) */
    if (cli_check_request(name, req, &o.check) != CLI_EXIT_OK)
        goto cleanup;
    if (o.split)
        rc = send_parts(client, req, name);
    else
        rc = send_one(client, (sr_http_endpoint)o.endpoint, req, name, "", 1, &res);
cleanup:
    sr_http_result_free(res);
    session_report_request_free(req);
    sr_http_client_free(client);
    cli_buffer_free(&in);
    cli_check_options_free(&o.check);
    return rc;
}
