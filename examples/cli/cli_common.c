/* SPDX-License-Identifier: MIT */
/* Helpers shared by the CLI's subcommands: whole-file reads, option
 * matching, the shared validation options and the error line format. */
/* POSIX for isatty and fileno; the reserved name is the standard feature-test macro. */
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#define _POSIX_C_SOURCE 200809L

#include "cli_common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Read in chunks of this size at first; the buffer doubles from there. */
#define CLI_READ_CHUNK 65536

/* A problem list this long lives on the stack; longer ones are allocated. */
#define CLI_STACK_ERRORS 32

const char cli_check_options_help[] =
    "Validation options:\n"
    "  --endpoint sync|async   IMEI limit of the endpoint: 10 or 10000 (default async)\n"
    "  --strict                unknown members and a boolean noSessionFlag are errors\n"
    "  --no-luhn               do not check the IMEI check digit (length and digits still)\n"
    "  --rfc3339               accept only RFC 3339 dates (YYYY-MM-DDThh:mm:ss[.f]Z|+hh:mm)\n"
    "  --date-constant NAME    allow the date constant NAME (repeatable); without it any\n"
    "                          identifier such as TODAY is accepted\n";

static int grow_buffer(char **data, size_t *cap, size_t need)
{
    size_t new_cap = *cap ? *cap : CLI_READ_CHUNK;
    char *grown;

    while (new_cap < need) {
        if (new_cap > SIZE_MAX / 2)
            return ENOMEM;
        new_cap *= 2;
    }
    if (new_cap == *cap)
        return 0;
    grown = realloc(*data, new_cap);
    if (grown == NULL)
        return ENOMEM;
    *data = grown;
    *cap = new_cap;
    return 0;
}

static int read_stream(FILE *f, size_t max_bytes, cli_buffer *out)
{
    char *data = NULL;
    size_t len = 0, cap = 0;
    size_t limit = max_bytes < SIZE_MAX - 1 ? max_bytes + 1 : SIZE_MAX - 1;
    int rc = 0;

    for (;;) {
        size_t want, got;

        /* Keep room for the chunk plus the terminating NUL. */
        rc = grow_buffer(&data, &cap, len + CLI_READ_CHUNK + 1);
        if (rc != 0)
            goto cleanup;
        want = cap - 1 - len;
        if (want > limit - len)
            want = limit - len;
        got = fread(data + len, 1, want, f);
        len += got;
        if (got < want) {
            if (ferror(f)) {
                rc = errno != 0 ? errno : EIO;
                goto cleanup;
            }
            break;
        }
        if (len == limit)
            break;
    }
    data[len] = '\0';
    out->data = data;
    out->len = len;
    data = NULL;
cleanup:
    free(data);
    return rc;
}

int cli_read_file(const char *path, size_t max_bytes, cli_buffer *out)
{
    FILE *f;
    int rc;

    out->data = NULL;
    out->len = 0;
    if (strcmp(path, "-") == 0) {
        errno = 0;
        return read_stream(stdin, max_bytes, out);
    }
    errno = 0;
    f = fopen(path, "rb");
    if (f == NULL)
        return errno != 0 ? errno : EIO;
    errno = 0;
    rc = read_stream(f, max_bytes, out);
    fclose(f);
    return rc;
}

void cli_buffer_free(cli_buffer *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

int cli_write_json(const char *json, size_t len)
{
    /* Flushed here so that a full disk is reported before any success line. */
    if (fwrite(json, 1, len, stdout) != len || fputc('\n', stdout) == EOF || fflush(stdout) != 0) {
        fputs("sessreport: cannot write to standard output\n", stderr);
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

const char *cli_display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? CLI_STDIN_NAME : path;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    char reason[1024];
    va_list ap;

    /* The reason quotes arguments and file names: print it escaped. */
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    fprintf(stderr, "sessreport %s: ", cmd);
    cli_put_text(stderr, reason, strlen(reason));
    fprintf(stderr, "\nTry 'sessreport %s --help'.\n", cmd);
    return CLI_EXIT_USAGE;
}

int cli_read_error(const char *cmd, const char *path, int errnum)
{
    return cli_usage_error(cmd, "cannot read '%s': %s", cli_display_name(path), strerror(errnum));
}

int cli_is_option(const char *arg)
{
    return arg[0] == '-' && arg[1] != '\0';
}

int cli_match_flag(const char *arg, const char *name)
{
    if (strcmp(name, "--help") == 0 && strcmp(arg, "-h") == 0)
        return 1;
    return strcmp(arg, name) == 0;
}

int cli_match_value(int argc, char **argv, int *i, const char *name, const char **value,
                    const char *cmd)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);

    if (strncmp(arg, name, n) != 0)
        return 0;
    if (arg[n] == '=') {
        *value = arg + n + 1;
        return 1;
    }
    if (arg[n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        cli_usage_error(cmd, "option '%s' needs an argument", name);
        return -1;
    }
    *i += 1;
    *value = argv[*i];
    return 1;
}

int cli_check_options_init(cli_check_options *o, int argc)
{
    memset(o, 0, sizeof *o);
    o->constants = calloc((size_t)(argc > 0 ? argc : 0) + 1, sizeof *o->constants);
    return o->constants != NULL ? 0 : -1;
}

void cli_check_options_free(cli_check_options *o)
{
    free(o->constants);
    o->constants = NULL;
}

static int set_endpoint(cli_check_options *o, const char *value, const char *cmd)
{
    if (strcmp(value, "sync") == 0)
        o->validate.max_imeis = SR_MAX_IMEIS_SYNC;
    else if (strcmp(value, "async") == 0)
        o->validate.max_imeis = SR_MAX_IMEIS_ASYNC;
    else {
        cli_usage_error(cmd, "--endpoint must be 'sync' or 'async', not '%s'", value);
        return -1;
    }
    return 1;
}

int cli_check_options_parse(cli_check_options *o, int argc, char **argv, int *i, const char *cmd)
{
    const char *value = NULL;
    int m;

    if (cli_match_flag(argv[*i], "--strict")) {
        o->parse.flags |= SR_PARSE_STRICT;
        return 1;
    }
    if (cli_match_flag(argv[*i], "--no-luhn")) {
        o->validate.flags |= SR_VALIDATE_NO_LUHN;
        return 1;
    }
    if (cli_match_flag(argv[*i], "--rfc3339")) {
        o->validate.flags |= SR_VALIDATE_RFC3339;
        return 1;
    }
    m = cli_match_value(argc, argv, i, "--endpoint", &value, cmd);
    if (m == 1)
        return set_endpoint(o, value, cmd);
    if (m != 0)
        return m;
    m = cli_match_value(argc, argv, i, "--date-constant", &value, cmd);
    if (m == 1) {
        /* Each constant takes at least one argv slot, so argc + 1 entries fit. */
        o->constants[o->constant_count++] = value;
        o->constants[o->constant_count] = NULL;
        o->validate.date_constants = o->constants;
    }
    return m;
}

static int use_colour(void)
{
    const char *term = getenv("TERM");

    if (getenv("NO_COLOR") != NULL)
        return 0;
    if (term != NULL && strcmp(term, "dumb") == 0)
        return 0;
    return isatty(fileno(stderr));
}

/* The bytes at s[0..n) that form one printable UTF-8 character, or 0 when
 * s starts with a control character (C0, DEL, C1) or a byte that is not
 * valid UTF-8. */
static size_t printable_length(const unsigned char *s, size_t n)
{
    size_t len, k;

    if (s[0] < 0x20 || s[0] == 0x7f)
        return 0;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xc2 && s[0] <= 0xdf)
        len = 2;
    else if (s[0] >= 0xe0 && s[0] <= 0xef)
        len = 3;
    else if (s[0] >= 0xf0 && s[0] <= 0xf4)
        len = 4;
    else
        return 0;
    if (len > n)
        return 0;
    for (k = 1; k < len; k++)
        if ((s[k] & 0xc0) != 0x80)
            return 0;
    /* C1 controls (U+0080..U+009F: CSI among them), overlong forms,
     * surrogates and code points past U+10FFFF. */
    if (len == 2 && s[0] == 0xc2 && s[1] < 0xa0)
        return 0;
    if (len == 3 && ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0)))
        return 0;
    if (len == 4 && ((s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90)))
        return 0;
    return len;
}

size_t cli_escape_text(const char *s, size_t n, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, used = 0, written = 0;
    int full = out == NULL || cap == 0;

    while (i < n) {
        size_t len = printable_length(u + i, n - i);
        char esc[5];
        const char *piece = s + i;
        size_t piece_len = len;

        if (len == 0) {
            snprintf(esc, sizeof esc, "\\x%02x", u[i]);
            piece = esc;
            piece_len = 4;
            len = 1;
        }
        /* Whole pieces only, so a cut never splits an escape. */
        if (!full && written + piece_len < cap) {
            memcpy(out + written, piece, piece_len);
            written += piece_len;
        } else {
            full = 1;
        }
        used += piece_len;
        i += len;
    }
    if (out != NULL && cap > 0)
        out[written] = '\0';
    return used;
}

void cli_put_text(FILE *f, const char *s, size_t n)
{
    char chunk[256];
    size_t i = 0;

    /* Chunks of at most 60 input bytes escape to at most 240 output bytes. */
    while (i < n) {
        size_t take = n - i < 60 ? n - i : 60;
        size_t k;
        /* Keep a UTF-8 sequence whole within one chunk. */
        while (i + take < n && take > 56 && (((unsigned char)s[i + take]) & 0xc0) == 0x80)
            take--;
        k = cli_escape_text(s + i, take, chunk, sizeof chunk);
        fwrite(chunk, 1, k, f);
        i += take;
    }
}

const char *cli_safe(const char *s, char *buf, size_t cap)
{
    size_t written;

    if (s == NULL)
        s = "(null)";
    if (cli_escape_text(s, strlen(s), buf, cap) >= cap && cap >= 4) {
        /* Mark the cut after the last whole piece that leaves room. */
        written = strlen(buf);
        if (written > cap - 4)
            written = cap - 4;
        memcpy(buf + written, "...", 4);
    }
    return buf;
}

/* Keeps each problem on one line whatever bytes a path or message holds. */
static void put_one_line(const char *s)
{
    cli_put_text(stderr, s, strlen(s));
}

static void put_code(sr_status code, int colour)
{
    if (colour)
        fputs("\033[1;31m", stderr);
    fputs(sr_status_name(code), stderr);
    if (colour)
        fputs("\033[0m", stderr);
}

void cli_print_error(const char *source, const sr_error *e)
{
    put_one_line(source);
    if (e->code == SR_ERR_SYNTAX && e->line > 0)
        fprintf(stderr, ":%u:%u", e->line, e->column);
    fputs(": ", stderr);
    put_code(e->code, use_colour());
    fputs(": ", stderr);
    put_one_line(e->path);
    fputs(": ", stderr);
    put_one_line(e->message);
    fputc('\n', stderr);
}

void cli_print_problem(const char *source, sr_status code, const char *path, const char *message)
{
    sr_error e;

    memset(&e, 0, sizeof e);
    e.code = code;
    snprintf(e.path, sizeof e.path, "%s", path);
    snprintf(e.message, sizeof e.message, "%s", message);
    cli_print_error(source, &e);
}

size_t cli_report_problems(const char *source, const session_report_request *r,
                           const cli_check_options *o)
{
    sr_error stack_errors[CLI_STACK_ERRORS];
    sr_error *errors = stack_errors;
    size_t n, shown, k;

    n = session_report_request_validate(r, &o->validate, stack_errors, CLI_STACK_ERRORS);
    shown = n;
    if (n > CLI_STACK_ERRORS) {
        /* Count first, then fetch them all: every problem gets its line. */
        errors = malloc(n * sizeof *errors);
        if (errors != NULL) {
            shown = session_report_request_validate(r, &o->validate, errors, n);
            if (shown > n)
                shown = n;
        } else {
            errors = stack_errors;
            shown = CLI_STACK_ERRORS;
            cli_print_problem(source, SR_ERR_NOMEM, "",
                              "out of memory: only the first problems are listed");
        }
    }
    for (k = 0; k < shown; k++)
        cli_print_error(source, &errors[k]);
    if (errors != stack_errors)
        free(errors);
    return n;
}
