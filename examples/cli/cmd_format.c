/* SPDX-License-Identifier: MIT */
/* `sessreport format`: decodes a request and writes it back as canonical
 * JSON on stdout, unknown members kept. */
#include "cli_common.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>

static const char format_help[] =
    "Usage: sessreport format [--pretty|--compact] [--normalize-dates] [--strict] FILE\n"
    "\n"
    "Decodes FILE ('-' = standard input) and prints it as canonical JSON on\n"
    "stdout followed by a newline: the known fields in the documented order,\n"
    "then unknown members in input order with their values unchanged. Field\n"
    "rules are not checked (use 'sessreport validate').\n"
    "\n"
    "Options:\n"
    "  --compact          no whitespace (the default)\n"
    "  --pretty           two-space indentation, one item per line\n"
    "  --normalize-dates  rewrite concrete dates as RFC 3339 UTC\n"
    "                     (YYYY-MM-DDThh:mm:ss[.f]Z); constants stay\n"
    "  --strict           unknown members and a boolean noSessionFlag are errors\n"
    "\n"
    "A decoding error is printed like 'sessreport validate' prints it. Output\n"
    "longer than 64 MiB (a pretty form of deeply nested unknown members can\n"
    "grow that far) is refused with SR_ERR_LIMIT; --compact stays near the\n"
    "input's size.\n"
    "Exit status: 0 printed, 1 FILE invalid, 2 usage error or unreadable FILE.\n"
    "\n"
    "Examples:\n"
    "  sessreport format --pretty request.json\n"
    "  sessreport format --normalize-dates - < request.json\n"
    "  sessreport new --account 0844021539-00001 --imei 709312034493372 \\\n"
    "      | sessreport format --pretty -\n";

typedef struct format_options {
    unsigned json_flags;
    int normalize_dates;
    sr_parse_options parse;
    const char *file;
} format_options;

/* 1 when the option was recognised, else 0. */
static int parse_flag(format_options *o, const char *arg)
{
    if (cli_match_flag(arg, "--pretty"))
        o->json_flags = SR_JSON_PRETTY;
    else if (cli_match_flag(arg, "--compact"))
        o->json_flags = 0;
    else if (cli_match_flag(arg, "--normalize-dates"))
        o->normalize_dates = 1;
    else if (cli_match_flag(arg, "--strict"))
        o->parse.flags |= SR_PARSE_STRICT;
    else
        return 0;
    return 1;
}

/* Returns -1 after printing help, CLI_EXIT_OK or CLI_EXIT_USAGE. */
static int parse_args(format_options *o, int argc, char **argv)
{
    int i, only_files = 0;

    memset(o, 0, sizeof *o);
    for (i = 1; i < argc; i++) {
        if (!only_files && strcmp(argv[i], "--") == 0) {
            only_files = 1;
        } else if (!only_files && cli_match_flag(argv[i], "--help")) {
            fputs(format_help, stdout);
            return -1;
        } else if (!only_files && cli_is_option(argv[i])) {
            if (!parse_flag(o, argv[i]))
                return cli_usage_error("format", "unknown option '%s'", argv[i]);
        } else if (o->file != NULL) {
            return cli_usage_error("format", "only one FILE, got '%s' and '%s'", o->file, argv[i]);
        } else {
            o->file = argv[i];
        }
    }
    if (o->file == NULL)
        return cli_usage_error("format", "no FILE given ('-' reads standard input)");
    return CLI_EXIT_OK;
}

int sr_cli_format(int argc, char **argv)
{
    format_options o;
    session_report_request *r = NULL;
    cli_buffer in = {NULL, 0};
    char *json = NULL;
    size_t json_len = 0;
    const char *name;
    sr_error err;
    sr_status st;
    int rc;

    rc = parse_args(&o, argc, argv);
    if (rc != CLI_EXIT_OK)
        return rc < 0 ? CLI_EXIT_OK : rc;
    name = cli_display_name(o.file);
    rc = cli_read_file(o.file, SR_DEFAULT_MAX_BYTES, &in);
    if (rc != 0)
        return cli_read_error("format", o.file, rc);
    rc = CLI_EXIT_INVALID;
    if (session_report_request_from_json(in.data, in.len, &o.parse, &r, &err) != SR_OK) {
        cli_print_error(name, &err);
        goto cleanup;
    }
    if (o.normalize_dates && session_report_request_normalize_dates(r, &err) != SR_OK) {
        cli_print_error(name, &err);
        goto cleanup;
    }
    st = session_report_request_to_json(r, o.json_flags, &json, &json_len);
    if (st == SR_ERR_LIMIT) {
        cli_print_problem(name, st, "",
                          "the output would be longer than 64 MiB (SR_JSON_MAX_OUTPUT); "
                          "try --compact");
        goto cleanup;
    }
    if (st != SR_OK) {
        cli_print_problem(name, st, "", "cannot encode the request");
        goto cleanup;
    }
    rc = cli_write_json(json, json_len);
cleanup:
    sr_free(json);
    session_report_request_free(r);
    cli_buffer_free(&in);
    return rc;
}
