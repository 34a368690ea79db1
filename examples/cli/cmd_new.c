/* SPDX-License-Identifier: MIT */
/* `sessreport new`: builds a request from options through the setters,
 * validates it and prints it as JSON. */
#include "cli_common.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char new_help_head[] =
    "Usage: sessreport new --account A [--imei I]... [--imei-file FILE]\n"
    "                      [--start D] [--end D] [--last-days N]\n"
    "                      [--device-group G] [--data-plan P]\n"
    "                      [--device-label L] [--no-session-flag true|false]\n"
    "                      [--pretty|--compact] [VALIDATION OPTIONS]\n"
    "\n"
    "Builds a request from the options, validates it and prints it as JSON\n"
    "(compact by default) on stdout. Errors and warnings are printed on stderr\n"
    "in the form 'sessreport validate' uses; with an error (or, under\n"
    "--warnings-as-errors, a warning) nothing is printed on stdout.\n"
    "\n"
    "Fields:\n"
    "  --account A              accountNumber (required), e.g. 0844021539-00001\n"
    "  --imei I                 append one IMEI (repeatable; none = all devices)\n"
    "  --imei-file FILE         append the IMEIs of FILE, one a line ('-' = stdin;\n"
    "                           blank lines skipped, spaces and CR trimmed)\n"
    "  --start D, --end D       startDate, endDate: ISO 8601 or a constant\n"
    "  --last-days N            startDate N days ago and endDate now, in UTC as\n"
    "                           YYYY-MM-DDThh:mm:ssZ (instead of --start and --end)\n"
    "  --device-group G, --data-plan P, --device-label L\n"
    "  --no-session-flag true|false\n"
    "Output:\n"
    "  --compact                no whitespace (the default)\n"
    "  --pretty                 two-space indentation, one item per line\n"
    "\n";

static const char new_help_tail[] =
    "\n"
    "Exit status: 0 printed (warnings allowed unless --warnings-as-errors),\n"
    "1 invalid request, 2 usage error or unreadable FILE.\n"
    "\n"
    "Examples:\n"
    "  sessreport new --account 0844021539-00001 --imei 709312034493372\n"
    "  sessreport new --account 0844021539-00001 --imei-file imeis.txt \\\n"
    "      --start 2022-12-09T22:01:06.217Z --end 2022-12-10 --pretty\n"
    "  sessreport new --account 0844021539-00001 --last-days 30\n"
    "  sessreport new --endpoint sync --account 0844021539-00001 \\\n"
    "      --imei 709312034493372 --no-session-flag false > request.json\n";

/* Returned by the argument handlers to go on with the next argument. */
#define NEW_CONTINUE (-1)

typedef sr_status (*string_setter)(session_report_request *r, const char *v);

/* Options that set one string field, with the field's JSON Pointer. */
static const struct string_option {
    const char *option;
    const char *path;
    string_setter set;
} string_options[] = {
    {"--account", "/accountNumber", session_report_request_set_account_number},
    {"--start", "/startDate", session_report_request_set_start_date},
    {"--end", "/endDate", session_report_request_set_end_date},
    {"--device-group", "/deviceGroup", session_report_request_set_device_group},
    {"--data-plan", "/dataPlan", session_report_request_set_data_plan},
    {"--no-session-flag", "/noSessionFlag", session_report_request_set_no_session_flag},
    {"--device-label", "/deviceLabel", session_report_request_set_device_label},
};

/* Largest --last-days: about 270 years, far beyond any span the API takes
 * and well within the years a date may have. */
#define NEW_MAX_LAST_DAYS 100000

typedef struct new_state {
    session_report_request *r;
    cli_check_options check;
    unsigned json_flags;
    int dates_given; /* --start or --end seen */
    long last_days;  /* -1 = no --last-days */
} new_state;

static const char *setter_failure(sr_status st)
{
    switch (st) {
    case SR_ERR_ENCODING:
        return "not valid UTF-8 text";
    case SR_ERR_NOMEM:
        return "out of memory";
    default:
        return "cannot set this field";
    }
}

/* Reports a failed setter; returns the exit status. */
static int setter_problem(const char *source, sr_status st, const char *path)
{
    cli_print_problem(source, st, path, setter_failure(st));
    return CLI_EXIT_INVALID;
}

static int add_one_imei(new_state *s, const char *source, const char *imei)
{
    char path[SR_ERROR_PATH_SIZE];
    size_t index = session_report_request_imei_count(s->r);
    sr_status st = session_report_request_add_imei(s->r, imei);

    if (st == SR_OK)
        return NEW_CONTINUE;
    snprintf(path, sizeof path, "/imei/%zu", index);
    return setter_problem(source, st, path);
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Appends every non-blank line of the file; lines are cut in place. */
static int add_imeis_from(new_state *s, cli_buffer *in, const char *source)
{
    char *line = in->data, *end = in->data + in->len;

    while (line < end) {
        char *eol = memchr(line, '\n', (size_t)(end - line));
        char *stop = eol != NULL ? eol : end;
        int rc;

        while (line < stop && is_blank(*line))
            line++;
        while (stop > line && is_blank(stop[-1]))
            stop--;
        if (stop > line) {
            char path[SR_ERROR_PATH_SIZE];
            if (memchr(line, '\0', (size_t)(stop - line)) != NULL) {
                snprintf(path, sizeof path, "/imei/%zu", session_report_request_imei_count(s->r));
                cli_print_problem(source, SR_ERR_ENCODING, path, "IMEI line holds a NUL byte");
                return CLI_EXIT_INVALID;
            }
            *stop = '\0';
            rc = add_one_imei(s, source, line);
            if (rc != NEW_CONTINUE)
                return rc;
        }
        line = eol != NULL ? eol + 1 : end;
    }
    return NEW_CONTINUE;
}

static int add_imei_file(new_state *s, const char *path)
{
    cli_buffer in;
    int rc = cli_read_file(path, SR_DEFAULT_MAX_BYTES, &in);

    if (rc != 0)
        return cli_read_error("new", path, rc);
    if (in.len > SR_DEFAULT_MAX_BYTES)
        rc = cli_usage_error("new", "'%s' is larger than %zu bytes", cli_display_name(path),
                             (size_t)SR_DEFAULT_MAX_BYTES);
    else
        rc = add_imeis_from(s, &in, cli_display_name(path));
    cli_buffer_free(&in);
    return rc;
}

static int parse_last_days(new_state *s, const char *value)
{
    long n = 0;
    const char *p = value;

    for (; *p >= '0' && *p <= '9' && n <= NEW_MAX_LAST_DAYS; p++)
        n = n * 10 + (*p - '0');
    if (p == value || *p != '\0' || n > NEW_MAX_LAST_DAYS)
        return cli_usage_error("new",
                               "--last-days must be a whole number of days in 0..%d, not '%s'",
                               NEW_MAX_LAST_DAYS, value);
    s->last_days = n;
    return NEW_CONTINUE;
}

/* t as "YYYY-MM-DDThh:mm:ssZ" (UTC) into buf; 0 when the clock cannot say. */
static int format_utc(time_t t, char *buf, size_t cap)
{
    const struct tm *tm = gmtime(&t);
    return tm != NULL && strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", tm) > 0;
}

/* startDate = now - N days, endDate = now, both in UTC. */
static int set_last_days(new_state *s)
{
    char start[32], end[32];
    time_t now = time(NULL);

    if (s->dates_given)
        return cli_usage_error("new", "--last-days sets startDate and endDate; "
                                      "give it without --start and --end");
    if (now == (time_t)-1 || !format_utc(now - (time_t)s->last_days * 86400, start, sizeof start) ||
        !format_utc(now, end, sizeof end))
        return cli_usage_error("new", "cannot read the system clock for --last-days");
    if (session_report_request_set_start_date(s->r, start) != SR_OK ||
        session_report_request_set_end_date(s->r, end) != SR_OK)
        return setter_problem(CLI_COMMAND_LINE_NAME, SR_ERR_NOMEM, "/startDate");
    return NEW_CONTINUE;
}

/* Handles the field options; 0 when argv[*i] is none of them. */
static int field_option(new_state *s, int argc, char **argv, int *i)
{
    const char *value = NULL;
    size_t k;
    int m;

    for (k = 0; k < sizeof string_options / sizeof string_options[0]; k++) {
        const struct string_option *opt = &string_options[k];
        sr_status st;

        m = cli_match_value(argc, argv, i, opt->option, &value, "new");
        if (m == 0)
            continue;
        if (m < 0)
            return CLI_EXIT_USAGE;
        if (opt->set == session_report_request_set_no_session_flag && strcmp(value, "true") != 0 &&
            strcmp(value, "false") != 0)
            return cli_usage_error("new", "--no-session-flag must be 'true' or 'false', not '%s'",
                                   value);
        if (opt->set == session_report_request_set_start_date ||
            opt->set == session_report_request_set_end_date)
            s->dates_given = 1;
        st = opt->set(s->r, value);
        return st == SR_OK ? NEW_CONTINUE : setter_problem(CLI_COMMAND_LINE_NAME, st, opt->path);
    }
    m = cli_match_value(argc, argv, i, "--imei", &value, "new");
    if (m != 0)
        return m < 0 ? CLI_EXIT_USAGE : add_one_imei(s, CLI_COMMAND_LINE_NAME, value);
    m = cli_match_value(argc, argv, i, "--last-days", &value, "new");
    if (m != 0)
        return m < 0 ? CLI_EXIT_USAGE : parse_last_days(s, value);
    m = cli_match_value(argc, argv, i, "--imei-file", &value, "new");
    if (m != 0)
        return m < 0 ? CLI_EXIT_USAGE : add_imei_file(s, value);
    return 0;
}

static int handle_arg(new_state *s, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    int m;

    if (cli_match_flag(arg, "--help")) {
        fputs(new_help_head, stdout);
        fputs(cli_check_options_help, stdout);
        fputs(new_help_tail, stdout);
        return CLI_EXIT_OK;
    }
    if (!cli_is_option(arg))
        return cli_usage_error("new", "unexpected argument '%s' (values follow their option)", arg);
    if (cli_match_flag(arg, "--pretty")) {
        s->json_flags = SR_JSON_PRETTY;
        return NEW_CONTINUE;
    }
    if (cli_match_flag(arg, "--compact")) {
        s->json_flags = 0;
        return NEW_CONTINUE;
    }
    m = field_option(s, argc, argv, i);
    if (m != 0)
        return m;
    m = cli_check_options_parse(&s->check, argc, argv, i, "new");
    if (m == 0)
        return cli_usage_error("new", "unknown option '%s'", arg);
    return m < 0 ? CLI_EXIT_USAGE : NEW_CONTINUE;
}

/* Validates and prints the finished request; returns the exit status. */
static int emit(const new_state *s)
{
    char *json = NULL;
    size_t json_len = 0;
    sr_status st;
    int rc;

    if (cli_check_request(CLI_COMMAND_LINE_NAME, s->r, &s->check) != CLI_EXIT_OK)
        return CLI_EXIT_INVALID;
    st = session_report_request_to_json(s->r, s->json_flags, &json, &json_len);
    if (st != SR_OK) {
        cli_print_problem(CLI_COMMAND_LINE_NAME, st, "", "cannot encode the request");
        return CLI_EXIT_INVALID;
    }
    rc = cli_write_json(json, json_len);
    sr_free(json);
    return rc;
}

int sr_cli_new(int argc, char **argv)
{
    new_state s;
    int i, rc = NEW_CONTINUE;

    memset(&s, 0, sizeof s);
    s.last_days = -1;
    if (cli_check_options_init(&s.check, argc) != 0 ||
        (s.r = session_report_request_new()) == NULL) {
        fputs("sessreport new: out of memory\n", stderr);
        rc = CLI_EXIT_USAGE;
        goto cleanup;
    }
    for (i = 1; i < argc && rc == NEW_CONTINUE; i++)
        rc = handle_arg(&s, argc, argv, &i);
    if (rc != NEW_CONTINUE)
        goto cleanup;
    if (s.last_days >= 0 && (rc = set_last_days(&s)) != NEW_CONTINUE)
        goto cleanup;
    if (session_report_request_get_account_number(s.r) == NULL)
        rc = cli_usage_error("new", "--account is required");
    else
        rc = emit(&s);
cleanup:
    session_report_request_free(s.r);
    cli_check_options_free(&s.check);
    return rc;
}
