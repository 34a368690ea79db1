/* SPDX-License-Identifier: MIT */
/* `sessreport split`: cuts a request whose IMEI list is over an endpoint's
 * limit into requests within it, one compact JSON file each. */
/* POSIX for mkdir; the reserved name is the standard feature-test macro. */
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#define _POSIX_C_SOURCE 200809L

#include "cli_common.h"
#include "commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char split_help[] =
    "Usage: sessreport split [--endpoint sync|async] [--strict] --out-dir DIR FILE\n"
    "\n"
    "Cuts the request in FILE ('-' = standard input) into requests within the\n"
    "endpoint's IMEI limit (10 sync, 10000 async; default async): chunks of the\n"
    "limit in order, every other field copied as it is. An empty IMEI list means\n"
    "all devices and is never split. Writes DIR/part-0001.json, part-0002.json,\n"
    "... (compact JSON and a newline), creating DIR when it does not exist, and\n"
    "prints each file name on stdout. Existing files are never overwritten.\n"
    "Field rules are not checked (use 'sessreport validate' on the parts).\n"
    "\n"
    "Options:\n"
    "  --endpoint sync|async   the IMEI limit: 10 or 10000 (default async)\n"
    "  --out-dir DIR           where the parts go (required)\n"
    "  --strict                unknown members and a boolean noSessionFlag are errors\n"
    "\n"
    "Exit status: 0 written, 1 FILE invalid, 2 usage error, unreadable FILE or\n"
    "a part that cannot be written.\n"
    "\n"
    "Examples:\n"
    "  sessreport split --endpoint sync --out-dir parts request.json\n"
    "  for f in $(sessreport split --endpoint sync --out-dir parts big.json); do\n"
    "      sessreport send --endpoint sync \"$f\"; done\n";

typedef struct split_options {
    size_t max_imeis;
    sr_parse_options parse;
    const char *out_dir;
    const char *file;
} split_options;

/* One option or FILE; CLI_EXIT_OK or CLI_EXIT_USAGE. */
static int parse_one(split_options *o, int argc, char **argv, int *i)
{
    const char *value = NULL;
    int m;

    if (cli_match_flag(argv[*i], "--strict")) {
        o->parse.flags |= SR_PARSE_STRICT;
        return CLI_EXIT_OK;
    }
    m = cli_match_value(argc, argv, i, "--endpoint", &value, "split");
    if (m != 0)
        return m < 0 || cli_endpoint_limit(value, "split", &o->max_imeis) < 0 ? CLI_EXIT_USAGE
                                                                              : CLI_EXIT_OK;
    m = cli_match_value(argc, argv, i, "--out-dir", &value, "split");
    if (m != 0) {
        o->out_dir = value;
        return m < 0 ? CLI_EXIT_USAGE : CLI_EXIT_OK;
    }
    return cli_usage_error("split", "unknown option '%s'", argv[*i]);
}

/* Returns -1 after printing help, CLI_EXIT_OK or CLI_EXIT_USAGE. */
static int parse_args(split_options *o, int argc, char **argv)
{
    int i, rc, only_files = 0;

    memset(o, 0, sizeof *o);
    o->max_imeis = SR_MAX_IMEIS_ASYNC;
    for (i = 1; i < argc; i++) {
        if (!only_files && strcmp(argv[i], "--") == 0) {
            only_files = 1;
        } else if (!only_files && cli_match_flag(argv[i], "--help")) {
            fputs(split_help, stdout);
            return -1;
        } else if (!only_files && cli_is_option(argv[i])) {
            rc = parse_one(o, argc, argv, &i);
            if (rc != CLI_EXIT_OK)
                return rc;
        } else if (o->file != NULL) {
            return cli_usage_error("split", "only one FILE, got '%s' and '%s'", o->file, argv[i]);
        } else {
            o->file = argv[i];
        }
    }
    if (o->out_dir == NULL || o->out_dir[0] == '\0')
        return cli_usage_error("split", "--out-dir DIR is required");
    if (o->file == NULL)
        return cli_usage_error("split", "no FILE given ('-' reads standard input)");
    return CLI_EXIT_OK;
}

/* DIR/part-NNNN.json for part k (0-based) into buf; 0 when it does not fit. */
static int part_name(const char *dir, size_t k, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, "%s/part-%04zu.json", dir, k + 1);
    return n > 0 && (size_t)n < cap;
}

/* Writes one part, never over an existing file; CLI_EXIT_OK or CLI_EXIT_USAGE. */
static int write_part(const session_report_request *part, const char *path)
{
    char *json = NULL;
    size_t len = 0;
    FILE *f;
    int ok;
    sr_status st = session_report_request_to_json(part, 0, &json, &len);

    if (st != SR_OK)
        return cli_usage_error("split", "cannot encode '%s': %s", path, sr_status_name(st));
    errno = 0;
    f = fopen(path, "wbx"); /* C11 exclusive mode: fails when the file exists */
    if (f == NULL) {
        int e = errno;
        sr_free(json);
        if (e == EEXIST)
            return cli_usage_error("split", "'%s' exists; split never overwrites a file", path);
        return cli_usage_error("split", "cannot create '%s': %s", path, strerror(e != 0 ? e : EIO));
    }
    ok = fwrite(json, 1, len, f) == len && fputc('\n', f) != EOF;
    ok = fclose(f) == 0 && ok;
    sr_free(json);
    if (!ok)
        return cli_usage_error("split", "cannot write '%s'", path);
    cli_put_text(stdout, path, strlen(path));
    fputc('\n', stdout);
    return CLI_EXIT_OK;
}

/* Creates dir unless it exists; CLI_EXIT_OK or CLI_EXIT_USAGE. */
static int make_out_dir(const char *dir)
{
    struct stat st;

    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode)
                   ? CLI_EXIT_OK
                   : cli_usage_error("split", "--out-dir '%s' is not a directory", dir);
    if (mkdir(dir, 0777) != 0)
        return cli_usage_error("split", "cannot create '%s': %s", dir, strerror(errno));
    return CLI_EXIT_OK;
}

static int write_parts(const split_options *o, session_report_request **parts, size_t n)
{
    char path[4096];
    size_t k;
    int rc = make_out_dir(o->out_dir);

    /* refuse before writing anything when a name is too long or taken */
    for (k = 0; k < n && rc == CLI_EXIT_OK; k++) {
        struct stat st;
        if (!part_name(o->out_dir, k, path, sizeof path))
            rc = cli_usage_error("split", "--out-dir '%s' is too long", o->out_dir);
        else if (stat(path, &st) == 0)
            rc = cli_usage_error("split", "'%s' exists; split never overwrites a file", path);
    }
    for (k = 0; k < n && rc == CLI_EXIT_OK; k++) {
        part_name(o->out_dir, k, path, sizeof path);
        rc = write_part(parts[k], path);
    }
    return rc;
}

int sr_cli_split(int argc, char **argv)
{
    split_options o;
    session_report_request *r = NULL;
    session_report_request **parts = NULL;
    size_t n = 0;
    cli_buffer in = {NULL, 0};
    sr_error err;
    sr_status st;
    int rc = parse_args(&o, argc, argv);

    if (rc != CLI_EXIT_OK)
        return rc < 0 ? CLI_EXIT_OK : rc;
    rc = cli_read_file(o.file, SR_DEFAULT_MAX_BYTES, &in);
    if (rc != 0)
        return cli_read_error("split", o.file, rc);
    if (session_report_request_from_json(in.data, in.len, &o.parse, &r, &err) != SR_OK) {
        cli_print_error(cli_display_name(o.file), &err);
        rc = CLI_EXIT_INVALID;
        goto cleanup;
    }
    st = session_report_request_split(r, o.max_imeis, &parts, &n);
    if (st != SR_OK) {
        cli_print_problem(cli_display_name(o.file), st, "/imei", "cannot split the request");
        rc = CLI_EXIT_INVALID;
        goto cleanup;
    }
    rc = write_parts(&o, parts, n);
cleanup:
    session_report_request_free_all(parts, n);
    session_report_request_free(r);
    cli_buffer_free(&in);
    return rc;
}
