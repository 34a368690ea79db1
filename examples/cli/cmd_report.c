/* SPDX-License-Identifier: MIT */
/* `sessreport report`: prints a response document (sync report, async
 * result or error body, as --endpoint says or guessed from its members) as
 * a readable table; text from the document is printed escaped. */
#include "cli_common.h"
#include "commands.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char report_help[] =
    "Usage: sessreport report [--endpoint sync|async|error] [--strict] FILE\n"
    "\n"
    "Reads a response of the aggregated usage report endpoints from FILE ('-' =\n"
    "standard input) and prints it as a table:\n"
    "  sync    AggregateSessionReport: txid, one row per usage entry (sessions,\n"
    "          exact bytes, a KiB/MiB/GiB figure; '-' for a count the answer\n"
    "          lacks), a totals line of the counts present, then the errors rows\n"
    "          and, on stderr, a line such as '2 of 12 devices failed'\n"
    "  async   AggregatedReportCallbackResult: txid and status\n"
    "  error   the error body of a non-2xx answer (either form)\n"
    "\n"
    "Options:\n"
    "  --endpoint E  decode as that type; without it the type is guessed from\n"
    "                the members, and a document that fits more than one type\n"
    "                is reported as ambiguous\n"
    "  --strict      unknown members are errors (they are skipped otherwise)\n"
    "\n"
    "Text from the document is printed with control characters escaped.\n"
    "\n"
    "Exit status: 0 printed, 1 FILE does not decode as the type (or fits none,\n"
    "or more than one without --endpoint), 2 usage error or unreadable FILE.\n"
    "\n"
    "Example:\n"
    "  sessreport send --endpoint sync request.json > response.json\n"
    "  sessreport report --endpoint sync response.json\n";

/* Room for the decimal sum of up to 10^20 values of at most 19 digits. */
#define TOTAL_DIGITS 48

/* An exact non-negative decimal total: digits[0] is the units digit. */
typedef struct decimal_total {
    unsigned char digits[TOTAL_DIGITS];
    size_t used;
} decimal_total;

static void total_add(decimal_total *t, int64_t v)
{
    uint64_t rest = (uint64_t)v;
    unsigned carry = 0;
    size_t i = 0;
    while ((rest != 0 || carry != 0) && i < TOTAL_DIGITS) {
        unsigned d = (i < t->used ? t->digits[i] : 0u) + (unsigned)(rest % 10u) + carry;
        t->digits[i] = (unsigned char)(d % 10u);
        carry = d / 10u;
        rest /= 10u;
        i++;
        if (i > t->used)
            t->used = i;
    }
}

static void total_format(const decimal_total *t, char *out)
{
    size_t n = 0;
    if (t->used == 0)
        out[n++] = '0';
    for (size_t i = t->used; i > 0; i--)
        out[n++] = (char)('0' + t->digits[i - 1]);
    out[n] = '\0';
}

/* "512 B", "4.0 KiB", "1.5 GiB": binary units, one decimal. */
static void format_size(double bytes, char *out, size_t cap)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    size_t u = 0;
    if (bytes < 1024.0) {
        snprintf(out, cap, "%.0f B", bytes);
        return;
    }
    bytes /= 1024.0;
    while (bytes >= 1024.0 && u + 1 < sizeof units / sizeof units[0]) {
        bytes /= 1024.0;
        u++;
    }
    snprintf(out, cap, "%.1f %s", bytes, units[u]);
}

/* Room for an escaped cell; longer text ends in "...". */
#define CELL 160

static void print_row(int imei_width, const char *imei, const char *sessions, const char *bytes,
                      const char *size)
{
    printf("%-*s  %20s  %20s  %s\n", imei_width, imei, sessions, bytes, size);
}

/* One count of row i as a cell ("-" when the answer lacks it), added to
 * the total when present. */
static void count_cell(sr_status (*get)(const sr_aggregate_report *, size_t, int64_t *),
                       const sr_aggregate_report *r, size_t i, decimal_total *total, char *cell,
                       size_t cap, int64_t *value)
{
    *value = -1;
    if (get(r, i, value) != SR_OK) {
        snprintf(cell, cap, "-");
        return;
    }
    total_add(total, *value);
    snprintf(cell, cap, "%lld", (long long)*value);
}

static void print_usage(const sr_aggregate_report *r)
{
    size_t n = sr_aggregate_report_usage_count(r);
    decimal_total sessions_total, bytes_total;
    double bytes_approx = 0.0;
    char label[48], sessions[TOTAL_DIGITS + 1], bytes[TOTAL_DIGITS + 1], size[32], imei[CELL];
    int width;

    memset(&sessions_total, 0, sizeof sessions_total);
    memset(&bytes_total, 0, sizeof bytes_total);
    snprintf(label, sizeof label, "TOTAL (%zu device%s)", n, n == 1 ? "" : "s");
    width = (int)strlen(label);
    for (size_t i = 0; i < n; i++) {
        const char *text = sr_aggregate_report_get_usage_imei(r, i);
        size_t len = text != NULL ? strlen(cli_safe(text, imei, sizeof imei)) : 1;
        if (len > (size_t)width)
            width = len > 64 ? 64 : (int)len;
    }
    print_row(width, "IMEI", "SESSIONS", "BYTES", "SIZE");
    for (size_t i = 0; i < n; i++) {
        const char *text = sr_aggregate_report_get_usage_imei(r, i);
        int64_t s, b;
        count_cell(sr_aggregate_report_get_usage_sessions, r, i, &sessions_total, sessions,
                   sizeof sessions, &s);
        count_cell(sr_aggregate_report_get_usage_bytes, r, i, &bytes_total, bytes, sizeof bytes,
                   &b);
        if (b >= 0) {
            bytes_approx += (double)b;
            format_size((double)b, size, sizeof size);
        } else {
            snprintf(size, sizeof size, "-");
        }
        print_row(width, text != NULL ? cli_safe(text, imei, sizeof imei) : "-", sessions, bytes,
                  size);
    }
    /* the totals add what the answer holds; a '-' adds nothing */
    total_format(&sessions_total, sessions);
    total_format(&bytes_total, bytes);
    format_size(bytes_approx, size, sizeof size);
    print_row(width, label, sessions, bytes, size);
}

/* text escaped, or "-" when the answer lacks it. */
static const char *cell(const char *text, char *buf, size_t cap)
{
    return text != NULL ? cli_safe(text, buf, cap) : "-";
}

static void print_errors(const sr_aggregate_report *r)
{
    size_t n = sr_aggregate_report_error_count(r);
    char imei[CELL], message[CELL], code[CELL], status[CELL], detail[CELL];
    if (n == 0)
        return;
    printf("errors:\n");
    for (size_t i = 0; i < n; i++) {
        const char *text = sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_MESSAGE);
        if (text == NULL)
            text = sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_RESPONSE_MESSAGE);
        printf("%s: %s",
               cell(sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_IMEI), imei, sizeof imei),
               cell(text, message, sizeof message));
        if (sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_CODE) != NULL ||
            sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_HTTP_STATUS) != NULL)
            printf(" (%s, HTTP %s)",
                   cell(sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_CODE), code, sizeof code),
                   cell(sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_HTTP_STATUS), status,
                        sizeof status));
        if (sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_DETAIL) != NULL)
            printf(": %s", cli_safe(sr_aggregate_report_get_error(r, i, SR_ROW_ERROR_DETAIL),
                                    detail, sizeof detail));
        printf("\n");
    }
}

static void print_report(const sr_aggregate_report *r)
{
    char txid[CELL];
    size_t failed = sr_aggregate_report_error_count(r);
    printf("txid: %s\n", sr_aggregate_report_txid_is_null(r)
                             ? "null"
                             : cli_safe(sr_aggregate_report_get_txid(r), txid, sizeof txid));
    print_usage(r);
    print_errors(r);
    if (failed != 0) {
        size_t all = failed + sr_aggregate_report_usage_count(r);
        (void)fflush(stdout); /* the table before the summary line */
        fprintf(stderr, "%zu of %zu device%s failed\n", failed, all, all == 1 ? "" : "s");
    }
}

static void print_field(const char *label, const char *value)
{
    if (value == NULL)
        return;
    printf("%s: ", label);
    cli_put_text(stdout, value, strlen(value));
    printf("\n");
}

static void print_callback(const sr_callback_result *r)
{
    print_field("txid", sr_callback_result_get_txid(r));
    print_field("status", sr_callback_result_get_status(r));
}

static void print_error_body(const sr_error_body *b)
{
    print_field("responseCode", sr_error_body_get_response_code(b));
    print_field("message", sr_error_body_get_message(b));
    print_field("fault.code", sr_error_body_get_fault_code(b));
    print_field("fault.message", sr_error_body_get_fault_message(b));
    print_field("fault.description", sr_error_body_get_fault_description(b));
    print_field("errorCode", sr_error_body_get_error_code(b));
    print_field("errorMessage", sr_error_body_get_error_message(b));
}

/* Decodes in as `kind` and prints it; CLI_EXIT_OK or CLI_EXIT_INVALID. */
static int decode_and_print(sr_response_kind kind, const cli_buffer *in,
                            const sr_parse_options *opts, const char *name)
{
    sr_aggregate_report *report = NULL;
    sr_callback_result *callback = NULL;
    sr_error_body *body = NULL;
    sr_error err;
    sr_status st;

    if (kind == SR_RESPONSE_CALLBACK_RESULT) {
        st = sr_callback_result_from_json(in->data, in->len, opts, &callback, &err);
        if (st == SR_OK)
            print_callback(callback);
    } else if (kind == SR_RESPONSE_ERROR_BODY) {
        st = sr_error_body_from_json(in->data, in->len, opts, &body, &err);
        if (st == SR_OK)
            print_error_body(body);
    } else {
        st = sr_aggregate_report_from_json(in->data, in->len, opts, &report, &err);
        if (st == SR_OK)
            print_report(report);
    }
    if (st != SR_OK)
        cli_print_error(name, &err);
    sr_aggregate_report_free(report);
    sr_callback_result_free(callback);
    sr_error_body_free(body);
    if (st == SR_OK && fflush(stdout) != 0) {
        fputs("sessreport: cannot write to standard output\n", stderr);
        return CLI_EXIT_USAGE;
    }
    return st == SR_OK ? CLI_EXIT_OK : CLI_EXIT_INVALID;
}

/* Without --endpoint: the guess, or a line saying why there is none. */
static int guess_and_print(const cli_buffer *in, const sr_parse_options *opts, const char *name)
{
    sr_response_kind kind = sr_response_detect(in->data, in->len);
    sr_aggregate_report *report = NULL;
    sr_error err;
    if (kind == SR_RESPONSE_AMBIGUOUS) {
        cli_print_problem(name, SR_ERR_TYPE, "",
                          "ambiguous: the document fits more than one response type; say which "
                          "with --endpoint sync|async|error");
        return CLI_EXIT_INVALID;
    }
    if (kind != SR_RESPONSE_UNKNOWN)
        return decode_and_print(kind, in, opts, name);
    /* Nothing fits: the report decoder, which requires nothing, names a
     * syntax, encoding or value problem (a usage row's bad count); a
     * document it accepts has no telling member at all. */
    if (sr_aggregate_report_from_json(in->data, in->len, opts, &report, &err) != SR_OK) {
        cli_print_error(name, &err);
        return CLI_EXIT_INVALID;
    }
    sr_aggregate_report_free(report);
    cli_print_problem(name, SR_ERR_TYPE, "",
                      "not a known response: expected usage/errors (synchronous report), txid "
                      "and status (asynchronous result), or responseCode/message/fault or "
                      "errorCode/errorMessage (error body)");
    return CLI_EXIT_INVALID;
}

/* --endpoint's value as a kind; SR_RESPONSE_UNKNOWN for anything else. */
static sr_response_kind endpoint_kind(const char *value)
{
    if (strcmp(value, "sync") == 0)
        return SR_RESPONSE_AGGREGATE_REPORT;
    if (strcmp(value, "async") == 0)
        return SR_RESPONSE_CALLBACK_RESULT;
    if (strcmp(value, "error") == 0)
        return SR_RESPONSE_ERROR_BODY;
    return SR_RESPONSE_UNKNOWN;
}

int sr_cli_report(int argc, char **argv)
{
    sr_parse_options opts = {0, 0};
    const char *file = NULL, *endpoint = NULL;
    sr_response_kind kind = SR_RESPONSE_UNKNOWN;
    cli_buffer in = {NULL, 0};
    int only_files = 0, rc, m;

    for (int i = 1; i < argc; i++) {
        if (!only_files &&
            (m = cli_match_value(argc, argv, &i, "--endpoint", &endpoint, "report")) != 0) {
            if (m < 0)
                return CLI_EXIT_USAGE;
            kind = endpoint_kind(endpoint);
            if (kind == SR_RESPONSE_UNKNOWN)
                return cli_usage_error(
                    "report", "--endpoint must be sync, async or error, not '%s'", endpoint);
        } else if (!only_files && strcmp(argv[i], "--") == 0) {
            only_files = 1;
        } else if (!only_files && cli_match_flag(argv[i], "--help")) {
            fputs(report_help, stdout);
            return CLI_EXIT_OK;
        } else if (!only_files && cli_match_flag(argv[i], "--strict")) {
            opts.flags |= SR_PARSE_STRICT;
        } else if (!only_files && cli_is_option(argv[i])) {
            return cli_usage_error("report", "unknown option '%s'", argv[i]);
        } else if (file != NULL) {
            return cli_usage_error("report", "only one FILE, got '%s' and '%s'", file, argv[i]);
        } else {
            file = argv[i];
        }
    }
    if (file == NULL)
        return cli_usage_error("report", "no FILE given ('-' reads standard input)");
    rc = cli_read_file(file, SR_DEFAULT_MAX_BYTES, &in);
    if (rc != 0)
        return cli_read_error("report", file, rc);
    if (kind != SR_RESPONSE_UNKNOWN)
        rc = decode_and_print(kind, &in, &opts, cli_display_name(file));
    else
        rc = guess_and_print(&in, &opts, cli_display_name(file));
    cli_buffer_free(&in);
    return rc;
}
