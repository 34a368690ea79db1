/* SPDX-License-Identifier: MIT */
/* Helpers shared by the CLI's subcommands: exit codes, reading whole files,
 * option matching, the shared validation options and error lines. */
#ifndef SESSREPORT_CLI_COMMON_H
#define SESSREPORT_CLI_COMMON_H

#include <stddef.h>
#include <stdio.h>

#include <sessreport.h>

/* Exit statuses (DESIGN section 6). */
#define CLI_EXIT_OK      0
#define CLI_EXIT_INVALID 1
#define CLI_EXIT_USAGE   2

/* What error lines name when the input is not a file. */
#define CLI_STDIN_NAME        "<stdin>"
#define CLI_COMMAND_LINE_NAME "<command-line>"

#if defined(__GNUC__) || defined(__clang__)
#    define CLI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#    define CLI_PRINTF(fmt, args)
#endif

/* Bytes read from a file; data holds len bytes plus a NUL the input does
 * not contain, so text helpers can rely on it. */
typedef struct cli_buffer {
    char *data;
    size_t len;
} cli_buffer;

/* Reads path ("-" = stdin) fully in binary mode, but never more than
 * max_bytes + 1 bytes, so an oversized input is still seen as too long
 * without holding all of it. Returns 0, or an errno value (nothing printed). */
int cli_read_file(const char *path, size_t max_bytes, cli_buffer *out);
void cli_buffer_free(cli_buffer *b);

/* Writes len bytes of JSON and a newline on stdout. CLI_EXIT_OK, or
 * CLI_EXIT_USAGE after a message when the write fails. */
int cli_write_json(const char *json, size_t len);

/* ---- outside text in human-readable output ----
 * Text the CLI did not write itself (server bodies, txid, status, messages,
 * file names, arguments, URLs) goes through these before it reaches a
 * terminal: control characters (C0, DEL, the C1 range such as CSI) and bytes
 * that are not valid UTF-8 become visible "\xNN" escapes, so the text can
 * neither drive the terminal nor break a line. JSON output stays JSON. */

/* Escapes s[0..n) into out (cap bytes, NUL-terminated when cap > 0; a cut
 * never splits an escape) and returns the escaped length, which may be
 * larger than what fit. out may be NULL to measure. */
size_t cli_escape_text(const char *s, size_t n, char *out, size_t cap);
/* Writes s[0..n) escaped to f. */
void cli_put_text(FILE *f, const char *s, size_t n);
/* s (NULL prints "(null)") escaped into buf for a printf "%s"; a text that
 * does not fit ends in "...". Returns buf. */
const char *cli_safe(const char *s, char *buf, size_t cap);

/* The name error lines use for path: CLI_STDIN_NAME for "-". */
const char *cli_display_name(const char *path);

/* Prints "sessreport CMD: reason" and a hint to --help on stderr, returns
 * CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);
/* Usage error for a file that could not be read (errnum from cli_read_file). */
int cli_read_error(const char *cmd, const char *path, int errnum);

/* 1 when arg looks like an option: starts with '-' and is not "-". */
int cli_is_option(const char *arg);
/* 1 when arg is exactly name, or "-h" / "--help" for name "--help". */
int cli_match_flag(const char *arg, const char *name);
/* Matches argv[*i] as "NAME VALUE" (advancing *i) or "NAME=VALUE".
 * Returns 1 and sets *value on a match, 0 when argv[*i] is another
 * argument, -1 after printing a usage error when the value is missing. */
int cli_match_value(int argc, char **argv, int *i, const char *name, const char **value,
                    const char *cmd);

/* --endpoint VALUE: *max_imeis = 10 for "sync", 10000 for "async"; 1, or
 * -1 after printing a usage error for anything else. */
int cli_endpoint_limit(const char *value, const char *cmd, size_t *max_imeis);

/* Problems printed per file unless --max-problems says otherwise. */
#define CLI_DEFAULT_MAX_PROBLEMS 100

/* The options validate, new and send share: --endpoint, --strict, --no-luhn,
 * --rfc3339, --date-constant, --warnings-as-errors, --no-warnings,
 * --max-problems. */
typedef struct cli_check_options {
    sr_parse_options parse;
    sr_validate_options validate;
    const char **constants; /* NULL-terminated; argv strings, borrowed */
    size_t constant_count;
    int warnings_as_errors; /* a warning fails the check too */
    int no_warnings;        /* skip session_report_request_lint */
    size_t max_problems;    /* lines printed per check; 0 = all */
} cli_check_options;

/* Defaults, and room for every --date-constant argc arguments may hold.
 * 0, or -1 when memory is exhausted. */
int cli_check_options_init(cli_check_options *o, int argc);
void cli_check_options_free(cli_check_options *o);
/* Consumes argv[*i] (and its value) when it is a shared option: returns 1,
 * 0 when it is not one, -1 after printing a usage error. */
int cli_check_options_parse(cli_check_options *o, int argc, char **argv, int *i, const char *cmd);
/* One help paragraph describing the shared options. */
extern const char cli_check_options_help[];

/* Prints one problem as "SOURCE: SR_ERR_X: /pointer: message", or for
 * syntax errors "SOURCE:LINE:COLUMN: SR_ERR_SYNTAX: : message", on stderr
 * in one write; the code is coloured when stderr is a terminal and NO_COLOR
 * is unset or empty. */
void cli_print_error(const char *source, const sr_error *e);
/* Prints a problem the CLI found itself (no sr_error from the library). */
void cli_print_problem(const char *source, sr_status code, const char *path, const char *message);

/* The check validate, new and send run before they accept a request:
 * validates r (errors), then lints it (warnings) unless o->no_warnings.
 * Prints errors first, then warnings as
 * "SOURCE: warning: SR_ERR_X: /pointer: message", at most o->max_problems
 * lines in all (0 = all), then one line saying how many more there were.
 * Output is written in large blocks; memory stays constant whatever the
 * number of problems. Returns CLI_EXIT_OK, or CLI_EXIT_INVALID when there
 * was an error or, under o->warnings_as_errors, a warning. */
int cli_check_request(const char *source, const session_report_request *r,
                      const cli_check_options *o);

#endif /* SESSREPORT_CLI_COMMON_H */
