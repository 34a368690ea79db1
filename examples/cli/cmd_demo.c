/* SPDX-License-Identifier: MIT */
/* `sessreport demo`: builds the DESIGN section 1 seed request through the
 * setters, validates it, prints it pretty and checks that it parses back. */
#include "cli_common.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>

static const char demo_help[] =
    "Usage: sessreport demo\n"
    "\n"
    "Builds the seed example request (account 0844021539-00001, one IMEI,\n"
    "dates, device group, data plan, label, noSessionFlag \"false\") through the\n"
    "library's setters, validates it with the default (async) rules, prints it\n"
    "as pretty JSON on stdout and states on stderr, in one line, what it checked.\n"
    "\n"
    "Exit status: 0 when every check passed, 1 otherwise.\n"
    "\n"
    "Examples:\n"
    "  sessreport demo\n"
    "  sessreport demo 2>/dev/null | sessreport validate --rfc3339 -\n";

/* The seed example of DESIGN section 1, one setter call a field; add_imei
 * has the setters' signature, so the IMEI fits the same table. */
static const struct seed_field {
    sr_status (*set)(session_report_request *r, const char *v);
    const char *value;
    const char *path;
} seed_fields[] = {
    {session_report_request_set_account_number, "0844021539-00001", "/accountNumber"},
    {session_report_request_set_start_date, "2022-12-09T22:01:06.217Z", "/startDate"},
    {session_report_request_set_end_date, "2022-12-09T22:01:08.734Z", "/endDate"},
    {session_report_request_add_imei, "709312034493372", "/imei/0"},
    {session_report_request_set_device_group, "deviceGroup4", "/deviceGroup"},
    {session_report_request_set_data_plan, "dataPlan2", "/dataPlan"},
    {session_report_request_set_no_session_flag, "false", "/noSessionFlag"},
    {session_report_request_set_device_label, "deviceLabel4", "/deviceLabel"},
};

static int build_seed(session_report_request *r)
{
    size_t k;

    for (k = 0; k < sizeof seed_fields / sizeof seed_fields[0]; k++) {
        sr_status st = seed_fields[k].set(r, seed_fields[k].value);
        if (st != SR_OK) {
            cli_print_problem("demo", st, seed_fields[k].path, "the setter failed");
            return CLI_EXIT_INVALID;
        }
    }
    return CLI_EXIT_OK;
}

/* Parses json back and compares it with r; returns the exit status. */
static int check_round_trip(const session_report_request *r, const char *json, size_t len)
{
    session_report_request *back = NULL;
    sr_error err;
    int rc = CLI_EXIT_OK;

    if (session_report_request_from_json(json, len, NULL, &back, &err) != SR_OK) {
        cli_print_error("demo", &err);
        rc = CLI_EXIT_INVALID;
    } else if (!session_report_request_equal(r, back)) {
        cli_print_problem("demo", SR_ERR_FORMAT, "", "the printed JSON parses to another request");
        rc = CLI_EXIT_INVALID;
    }
    session_report_request_free(back);
    return rc;
}

static int run_demo(session_report_request *r)
{
    cli_check_options defaults;
    int checked;
    char *json = NULL;
    size_t len = 0;
    sr_status st;
    int rc;

    rc = build_seed(r);
    if (rc != CLI_EXIT_OK)
        return rc;
    /* The seed is clean: a warning here is a failure of the demo too. */
    memset(&defaults, 0, sizeof defaults);
    defaults.warnings_as_errors = 1;
    checked = cli_check_request("demo", r, &defaults);
    if (checked != CLI_EXIT_OK)
        return checked;
    st = session_report_request_to_json(r, SR_JSON_PRETTY, &json, &len);
    if (st != SR_OK) {
        cli_print_problem("demo", st, "", "cannot encode the request");
        return CLI_EXIT_INVALID;
    }
    rc = cli_write_json(json, len);
    if (rc == CLI_EXIT_OK)
        rc = check_round_trip(r, json, len);
    sr_free(json);
    if (rc == CLI_EXIT_OK)
        fprintf(stderr,
                "demo: seed request built with %zu IMEI through the setters; no errors "
                "and no warnings under the async rules (account form, IMEI Luhn, ISO 8601 "
                "dates, 180-day span); its pretty JSON parses back to an equal request\n",
                session_report_request_imei_count(r));
    return rc;
}

int sr_cli_demo(int argc, char **argv)
{
    session_report_request *r;
    int rc;

    if (argc > 1) {
        if (cli_match_flag(argv[1], "--help") && argc == 2) {
            fputs(demo_help, stdout);
            return CLI_EXIT_OK;
        }
        return cli_usage_error("demo", "unexpected argument '%s'", argv[1]);
    }
    r = session_report_request_new();
    if (r == NULL) {
        fputs("sessreport demo: out of memory\n", stderr);
        return CLI_EXIT_INVALID;
    }
    rc = run_demo(r);
    session_report_request_free(r);
    return rc;
}
