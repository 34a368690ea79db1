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

/* Problem lines are gathered in a block of this size before each write. */
#define CLI_LINES_BLOCK 16384

const char cli_check_options_help[] =
    "Validation options:\n"
    "  --endpoint sync|async   IMEI limit of the endpoint: 10 or 10000 (default async)\n"
    "  --strict                unknown members and a boolean noSessionFlag are errors\n"
    "  --no-luhn               do not check the IMEI check digit (length and digits still)\n"
    "  --rfc3339               accept only RFC 3339 dates (YYYY-MM-DDThh:mm:ss[.f]Z|+hh:mm)\n"
    "  --date-constant NAME    allow the date constant NAME (repeatable); without it any\n"
    "                          identifier such as TODAY is accepted\n"
    "  --warnings-as-errors    warnings (likely mistakes the API accepts: account form,\n"
    "                          IMEI digits, Luhn and repeats, label lengths) fail too\n"
    "  --no-warnings           do not look for warnings at all\n"
    "  --max-problems N        print at most N problems (default 100, 0 = all), then\n"
    "                          how many more there were\n";

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
    o->max_problems = CLI_DEFAULT_MAX_PROBLEMS;
    o->constants = calloc((size_t)(argc > 0 ? argc : 0) + 1, sizeof *o->constants);
    return o->constants != NULL ? 0 : -1;
}

void cli_check_options_free(cli_check_options *o)
{
    free(o->constants);
    o->constants = NULL;
}

int cli_endpoint_limit(const char *value, const char *cmd, size_t *max_imeis)
{
    if (strcmp(value, "sync") == 0)
        *max_imeis = SR_MAX_IMEIS_SYNC;
    else if (strcmp(value, "async") == 0)
        *max_imeis = SR_MAX_IMEIS_ASYNC;
    else {
        cli_usage_error(cmd, "--endpoint must be 'sync' or 'async', not '%s'", value);
        return -1;
    }
    return 1;
}

/* A count for --max-problems: decimal digits only, no sign, no overflow. */
static int set_max_problems(cli_check_options *o, const char *value, const char *cmd)
{
    size_t n = 0;
    const char *p = value;

    if (*p == '\0')
        goto bad;
    for (; *p != '\0'; p++) {
        if (*p < '0' || *p > '9' || n > (SIZE_MAX - (size_t)(*p - '0')) / 10)
            goto bad;
        n = n * 10 + (size_t)(*p - '0');
    }
    o->max_problems = n;
    return 1;
bad:
    cli_usage_error(cmd, "--max-problems must be a whole number (0 = all), not '%s'", value);
    return -1;
}

static int add_date_constant(cli_check_options *o, const char *value, const char *cmd)
{
    /* An empty name could never match a constant (they start with a letter). */
    if (value[0] == '\0') {
        cli_usage_error(cmd, "--date-constant needs a name such as TODAY, not ''");
        return -1;
    }
    /* Each constant takes at least one argv slot, so argc + 1 entries fit. */
    o->constants[o->constant_count++] = value;
    o->constants[o->constant_count] = NULL;
    o->validate.date_constants = o->constants;
    return 1;
}

/* The options that take no value, and the flag each sets. */
static int check_flag(cli_check_options *o, const char *arg)
{
    if (cli_match_flag(arg, "--strict"))
        o->parse.flags |= SR_PARSE_STRICT;
    else if (cli_match_flag(arg, "--no-luhn"))
        o->validate.flags |= SR_VALIDATE_NO_LUHN;
    else if (cli_match_flag(arg, "--rfc3339"))
        o->validate.flags |= SR_VALIDATE_RFC3339;
    else if (cli_match_flag(arg, "--warnings-as-errors"))
        o->warnings_as_errors = 1;
    else if (cli_match_flag(arg, "--no-warnings"))
        o->no_warnings = 1;
    else
        return 0;
    return 1;
}

int cli_check_options_parse(cli_check_options *o, int argc, char **argv, int *i, const char *cmd)
{
    const char *value = NULL;
    int m;

    if (check_flag(o, argv[*i]))
        return 1;
    m = cli_match_value(argc, argv, i, "--endpoint", &value, cmd);
    if (m == 1)
        return cli_endpoint_limit(value, cmd, &o->validate.max_imeis);
    if (m != 0)
        return m;
    m = cli_match_value(argc, argv, i, "--max-problems", &value, cmd);
    if (m == 1)
        return set_max_problems(o, value, cmd);
    if (m != 0)
        return m;
    m = cli_match_value(argc, argv, i, "--date-constant", &value, cmd);
    if (m == 1)
        return add_date_constant(o, value, cmd);
    return m;
}

static int use_colour(void)
{
    const char *term = getenv("TERM");

    const char *no_colour = getenv("NO_COLOR");

    /* no-color.org: set and not empty */
    if (no_colour != NULL && no_colour[0] != '\0')
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

/* Escapes s[0..n) piece by piece and hands each escaped piece to put. */
static void escape_chunks(const char *s, size_t n, void (*put)(void *ctx, const char *p, size_t k),
                          void *ctx)
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
        put(ctx, chunk, k);
        i += take;
    }
}

static void put_to_file(void *ctx, const char *p, size_t k)
{
    fwrite(p, 1, k, (FILE *)ctx);
}

void cli_put_text(FILE *f, const char *s, size_t n)
{
    escape_chunks(s, n, put_to_file, f);
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

/* Problem lines for stderr, gathered into blocks so that many problems
 * cost few writes. */
typedef struct cli_lines {
    char data[CLI_LINES_BLOCK];
    size_t len;
    int colour;
} cli_lines;

static void lines_flush(cli_lines *b)
{
    if (b->len > 0)
        fwrite(b->data, 1, b->len, stderr);
    b->len = 0;
}

static void lines_put(void *ctx, const char *p, size_t k)
{
    cli_lines *b = ctx;

    if (k > sizeof b->data - b->len)
        lines_flush(b);
    if (k > sizeof b->data) {
        fwrite(p, 1, k, stderr);
        return;
    }
    memcpy(b->data + b->len, p, k);
    b->len += k;
}

static void lines_puts(cli_lines *b, const char *s)
{
    lines_put(b, s, strlen(s));
}

/* Keeps each problem on one line whatever bytes a name, path or message holds. */
static void lines_put_text(cli_lines *b, const char *s)
{
    escape_chunks(s, strlen(s), lines_put, b);
}

static void lines_init(cli_lines *b)
{
    b->len = 0;
    b->colour = use_colour();
}

/* One problem line; warning selects the "warning: " form. */
static void lines_problem(cli_lines *b, const char *source, const sr_error *e, int warning)
{
    char position[48];

    lines_put_text(b, source);
    if (e->code == SR_ERR_SYNTAX && e->line > 0) {
        snprintf(position, sizeof position, ":%u:%u", e->line, e->column);
        lines_puts(b, position);
    }
    lines_puts(b, warning ? ": warning: " : ": ");
    if (b->colour)
        lines_puts(b, warning ? "\033[1;33m" : "\033[1;31m");
    lines_puts(b, sr_status_name(e->code));
    if (b->colour)
        lines_puts(b, "\033[0m");
    lines_puts(b, ": ");
    lines_put_text(b, e->path);
    lines_puts(b, ": ");
    lines_put_text(b, e->message);
    lines_puts(b, "\n");
}

void cli_print_error(const char *source, const sr_error *e)
{
    cli_lines b;

    lines_init(&b);
    lines_problem(&b, source, e, 0);
    lines_flush(&b);
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

/* What the walks of one check print into. */
typedef struct problem_printer {
    cli_lines lines;
    const char *source;
    int warning;
    size_t left; /* lines still allowed; SIZE_MAX = no limit */
} problem_printer;

static int print_problem(const sr_error *problem, void *ctx)
{
    problem_printer *p = ctx;

    lines_problem(&p->lines, p->source, problem, p->warning);
    if (p->left != SIZE_MAX)
        p->left--;
    return p->left == 0;
}

/* Runs one walk: prints while lines are allowed, then only counts. */
static size_t print_walk(problem_printer *p,
                         size_t (*walk)(const session_report_request *r,
                                        const sr_validate_options *opts, sr_problem_fn fn,
                                        void *ctx),
                         const session_report_request *r, const cli_check_options *o)
{
    if (p->left == 0)
        return walk(r, &o->validate, NULL, NULL);
    return walk(r, &o->validate, print_problem, p);
}

int cli_check_request(const char *source, const session_report_request *r,
                      const cli_check_options *o)
{
    problem_printer p;
    size_t errors, warnings = 0, limit = o->max_problems == 0 ? SIZE_MAX : o->max_problems;
    char line[96];

    lines_init(&p.lines);
    p.source = source;
    p.left = limit;
    p.warning = 0;
    errors = print_walk(&p, session_report_request_validate_each, r, o);
    if (!o->no_warnings) {
        p.warning = 1;
        warnings = print_walk(&p, session_report_request_lint_each, r, o);
    }
    if (limit != SIZE_MAX && errors + warnings > limit) {
        size_t more = errors + warnings - limit;
        lines_put_text(&p.lines, source);
        snprintf(line, sizeof line, ": %zu more problem%s not shown (--max-problems %zu)\n", more,
                 more == 1 ? "" : "s", limit);
        lines_puts(&p.lines, line);
    }
    lines_flush(&p.lines);
    fflush(stderr);
    if (errors > 0 || (o->warnings_as_errors && warnings > 0))
        return CLI_EXIT_INVALID;
    return CLI_EXIT_OK;
}
