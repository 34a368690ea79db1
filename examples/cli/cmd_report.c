/* SPDX-License-Identifier: MIT */
/* `sessreport report`: prints a response document (sync report, async
 * result or error body, told apart by shape) as a readable table. */
#include "cli_common.h"
#include "commands.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char report_help[] =
    "Usage: sessreport report [--strict] FILE\n"
    "\n"
    "Reads a response of the aggregated usage report endpoints from FILE ('-' =\n"
    "standard input), tells its type from its members and prints it:\n"
    "  usage                          AggregateSessionReport (synchronous): one row\n"
    "                                 per IMEI with sessions, exact bytes and a\n"
    "                                 KiB/MiB/GiB figure, then a totals line\n"
    "  txid and status                AggregatedReportCallbackResult (asynchronous)\n"
    "  responseCode, message, fault   error body\n"
    "\n"
    "Options:\n"
    "  --strict   unknown members are errors (they are skipped otherwise)\n"
    "\n"
    "Exit status: 0 printed, 1 FILE is not a valid response, 2 usage error or\n"
    "unreadable FILE.\n"
    "\n"
    "Example:\n"
    "  sessreport send --endpoint sync request.json > response.json\n"
    "  sessreport report response.json\n";

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

static void print_row(int imei_width, const char *imei, const char *sessions, const char *bytes,
                      const char *size)
{
    printf("%-*s  %20s  %20s  %s\n", imei_width, imei, sessions, bytes, size);
}

static void print_report(const sr_aggregate_report *r)
{
    size_t n = sr_aggregate_report_usage_count(r);
    decimal_total sessions_total, bytes_total;
    double bytes_approx = 0.0;
    char label[48], sessions[TOTAL_DIGITS + 1], bytes[TOTAL_DIGITS + 1], size[32];
    int width;

    memset(&sessions_total, 0, sizeof sessions_total);
    memset(&bytes_total, 0, sizeof bytes_total);
    snprintf(label, sizeof label, "TOTAL (%zu device%s)", n, n == 1 ? "" : "s");
    width = (int)strlen(label);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(sr_aggregate_report_usage_imei(r, i));
        if (len > (size_t)width)
            width = len > 64 ? 64 : (int)len;
    }

    printf("txid: %s\n",
           sr_aggregate_report_txid_is_null(r) ? "null" : sr_aggregate_report_txid(r));
    print_row(width, "IMEI", "SESSIONS", "BYTES", "SIZE");
    for (size_t i = 0; i < n; i++) {
        int64_t s = 0, b = 0;
        (void)sr_aggregate_report_usage_sessions(r, i, &s);
        (void)sr_aggregate_report_usage_bytes(r, i, &b);
        total_add(&sessions_total, s);
        total_add(&bytes_total, b);
        bytes_approx += (double)b;
        snprintf(sessions, sizeof sessions, "%lld", (long long)s);
        snprintf(bytes, sizeof bytes, "%lld", (long long)b);
        format_size((double)b, size, sizeof size);
        print_row(width, sr_aggregate_report_usage_imei(r, i), sessions, bytes, size);
    }
    total_format(&sessions_total, sessions);
    total_format(&bytes_total, bytes);
    format_size(bytes_approx, size, sizeof size);
    print_row(width, label, sessions, bytes, size);
}

static void print_field(const char *label, const char *value)
{
    if (value != NULL)
        printf("%s: %s\n", label, value);
}

static void print_error_body(const sr_error_body *b)
{
    print_field("responseCode", sr_error_body_response_code(b));
    print_field("message", sr_error_body_message(b));
    print_field("fault.code", sr_error_body_fault_code(b));
    print_field("fault.message", sr_error_body_fault_message(b));
    print_field("fault.description", sr_error_body_fault_description(b));
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
        if (st == SR_OK) {
            printf("txid: %s\nstatus: %s\n", sr_callback_result_txid(callback),
                   sr_callback_result_status(callback));
        }
    } else if (kind == SR_RESPONSE_ERROR_BODY) {
        st = sr_error_body_from_json(in->data, in->len, opts, &body, &err);
        if (st == SR_OK)
            print_error_body(body);
    } else {
        st = sr_aggregate_report_from_json(in->data, in->len, opts, &report, &err);
        if (st == SR_OK)
            print_report(report);
        else if (kind == SR_RESPONSE_UNKNOWN && st == SR_ERR_MISSING &&
                 strcmp(err.path, "/usage") == 0)
            snprintf(err.message, sizeof err.message,
                     "not a known response: expected usage (synchronous report), txid and "
                     "status (asynchronous result), or responseCode/message/fault (error body)");
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

int sr_cli_report(int argc, char **argv)
{
    sr_parse_options opts = {0, 0};
    const char *file = NULL;
    cli_buffer in = {NULL, 0};
    int only_files = 0, rc;

    for (int i = 1; i < argc; i++) {
        if (!only_files && strcmp(argv[i], "--") == 0) {
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
    rc = decode_and_print(sr_response_detect(in.data, in.len), &in, &opts, cli_display_name(file));
    cli_buffer_free(&in);
    return rc;
}
