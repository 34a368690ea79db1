/* SPDX-License-Identifier: MIT */
/* `sessreport validate`: decodes and validates request documents, one line
 * per error or warning on stderr, nothing on stdout. */
#include "cli_common.h"
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char validate_help_head[] =
    "Usage: sessreport validate [OPTIONS] FILE...\n"
    "\n"
    "Decodes each FILE ('-' = standard input) as an aggregated usage report\n"
    "request and checks every field rule. Prints nothing for a clean file; each\n"
    "problem is one line on stderr:\n"
    "  FILE: SR_ERR_X: /json/pointer: message            (an error: the API refuses it)\n"
    "  FILE: warning: SR_ERR_X: /json/pointer: message   (a likely mistake it accepts)\n"
    "  FILE:LINE:COLUMN: SR_ERR_SYNTAX: : message        (malformed JSON)\n"
    "Decoding stops at its first error; validation lists every error, then every\n"
    "warning.\n"
    "\n";

static const char validate_help_tail[] =
    "\n"
    "Exit status: 0 no errors (warnings allowed unless --warnings-as-errors),\n"
    "1 some FILE has an error, 2 usage error or unreadable FILE.\n"
    "\n"
    "Examples:\n"
    "  sessreport validate request.json\n"
    "  sessreport validate --endpoint sync --strict a.json b.json\n"
    "  sessreport new --account 0844021539-00001 --imei 709312034493372 \\\n"
    "      | sessreport validate --rfc3339 -\n"
    "  sessreport validate --date-constant TODAY --date-constant LAST_30_DAYS req.json\n"
    "  sessreport validate --warnings-as-errors --max-problems 0 request.json\n";

/* Validates one file; returns its exit status. */
static int validate_one(const char *path, const cli_check_options *o)
{
    const char *name = cli_display_name(path);
    size_t max_bytes = o->parse.max_bytes ? o->parse.max_bytes : SR_DEFAULT_MAX_BYTES;
    session_report_request *r = NULL;
    cli_buffer in;
    sr_error err;
    int rc;

    rc = cli_read_file(path, max_bytes, &in);
    if (rc != 0)
        return cli_read_error("validate", path, rc);
    if (session_report_request_from_json(in.data, in.len, &o->parse, &r, &err) != SR_OK) {
        cli_print_error(name, &err);
        rc = CLI_EXIT_INVALID;
        goto cleanup;
    }
    rc = cli_check_request(name, r, o);
cleanup:
    session_report_request_free(r);
    cli_buffer_free(&in);
    return rc;
}

int sr_cli_validate(int argc, char **argv)
{
    cli_check_options o;
    const char **files = NULL;
    size_t nfiles = 0, k;
    int i, m, rc = CLI_EXIT_OK, only_files = 0;

    if (cli_check_options_init(&o, argc) != 0) {
        fputs("sessreport validate: out of memory\n", stderr);
        return CLI_EXIT_USAGE;
    }
    files = calloc((size_t)argc + 1, sizeof *files);
    if (files == NULL) {
        fputs("sessreport validate: out of memory\n", stderr);
        rc = CLI_EXIT_USAGE;
        goto cleanup;
    }
    for (i = 1; i < argc; i++) {
        if (only_files || !cli_is_option(argv[i])) {
            files[nfiles++] = argv[i];
            continue;
        }
        if (strcmp(argv[i], "--") == 0) {
            only_files = 1;
            continue;
        }
        if (cli_match_flag(argv[i], "--help")) {
            fputs(validate_help_head, stdout);
            fputs(cli_check_options_help, stdout);
            fputs(validate_help_tail, stdout);
            goto cleanup;
        }
        m = cli_check_options_parse(&o, argc, argv, &i, "validate");
        if (m == 0)
            cli_usage_error("validate", "unknown option '%s'", argv[i]);
        if (m <= 0) {
            rc = CLI_EXIT_USAGE;
            goto cleanup;
        }
    }
    if (nfiles == 0) {
        rc = cli_usage_error("validate", "no FILE given ('-' reads standard input)");
        goto cleanup;
    }
    for (k = 0; k < nfiles; k++) {
        int one = validate_one(files[k], &o);
        if (one > rc)
            rc = one;
    }
cleanup:
    free(files);
    cli_check_options_free(&o);
    return rc;
}
