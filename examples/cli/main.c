/* SPDX-License-Identifier: MIT */
/* The sessreport CLI: one main that dispatches through a table of
 * subcommands, each in its own cmd_*.c file. */
#include "cli_common.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>

typedef int (*cli_command_fn)(int argc, char **argv);

typedef struct cli_command {
    const char *name;
    const char *summary;
    cli_command_fn run;
    int built; /* 0 for a stand-in: the listing says so */
} cli_command;

#if !defined(SESSREPORT_CLI_HAVE_REPORT) || !defined(SESSREPORT_CLI_HAVE_SEND)
/* Stands in for a subcommand whose source or dependency was not built. */
static int not_built(int argc, char **argv)
{
    (void)argc;
    fprintf(stderr, "sessreport: '%s' is not built into this binary\n", argv[0]);
    return CLI_EXIT_USAGE;
}
#endif

#ifdef SESSREPORT_CLI_HAVE_REPORT
#    define CLI_REPORT_ENTRY sr_cli_report, 1
#else
#    define CLI_REPORT_ENTRY not_built, 0
#endif
#ifdef SESSREPORT_CLI_HAVE_SEND
#    define CLI_SEND_ENTRY sr_cli_send, 1
#else
#    define CLI_SEND_ENTRY not_built, 0
#endif

static const cli_command commands[] = {
    {"demo", "build the seed example, validate it, print it pretty", sr_cli_demo, 1},
    {"validate", "validate request documents ('-' = stdin)", sr_cli_validate, 1},
    {"format", "print a request as canonical JSON", sr_cli_format, 1},
    {"new", "build a request from options, validate it, print it", sr_cli_new, 1},
    {"split", "cut a request into requests within an endpoint's IMEI limit", sr_cli_split, 1},
    {"report", "print a response (sync or async) as a readable table", CLI_REPORT_ENTRY},
    {"send", "POST a request to ThingSpace with libcurl", CLI_SEND_ENTRY},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const char usage_head[] =
    "Usage: sessreport COMMAND [ARGS]...\n"
    "       sessreport --version | --help | help COMMAND\n"
    "\n"
    "Builds, validates and formats the JSON body of ThingSpace's aggregated\n"
    "usage report requests (POST /report/aggregate, /report/async/aggregate).\n"
    "\n"
    "Commands:\n";

static const char usage_tail[] =
    "\n"
    "Exit status: 0 success, 1 invalid input, 2 usage error or unreadable file.\n"
    "Run 'sessreport help COMMAND' or 'sessreport COMMAND --help' for details.\n"
    "\n"
    "Examples:\n"
    "  sessreport demo\n"
    "  sessreport validate --endpoint sync request.json\n"
    "  sessreport new --account 0844021539-00001 --imei 709312034493372 --pretty\n";

static const cli_command *find_command(const char *name)
{
    size_t k;

    for (k = 0; k < COMMAND_COUNT; k++)
        if (strcmp(commands[k].name, name) == 0)
            return &commands[k];
    return NULL;
}

static void print_usage(FILE *to)
{
    size_t k;

    fputs(usage_head, to);
    for (k = 0; k < COMMAND_COUNT; k++)
        fprintf(to, "  %-9s %s%s\n", commands[k].name, commands[k].summary,
                commands[k].built ? "" : " (not built)");
    fputs(usage_tail, to);
}

static int unknown_command(const char *name)
{
    fprintf(stderr, "sessreport: unknown command '%s'\nTry 'sessreport --help'.\n", name);
    return CLI_EXIT_USAGE;
}

/* `help [COMMAND]`: runs COMMAND --help. */
static int help(int argc, char **argv)
{
    const cli_command *cmd;
    char help_flag[] = "--help";
    char *sub_argv[3];

    if (argc < 2) {
        print_usage(stdout);
        return CLI_EXIT_OK;
    }
    if (argc > 2) {
        fprintf(stderr, "sessreport help: too many arguments\nTry 'sessreport --help'.\n");
        return CLI_EXIT_USAGE;
    }
    cmd = find_command(argv[1]);
    if (cmd == NULL)
        return unknown_command(argv[1]);
    sub_argv[0] = argv[1];
    sub_argv[1] = help_flag;
    sub_argv[2] = NULL;
    return cmd->run(2, sub_argv);
}

/* A failed write to stdout (full disk, closed pipe) must not look like
 * success; a command that already failed has said why. */
static int finish(int rc)
{
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc == CLI_EXIT_OK) {
        fputs("sessreport: cannot write to standard output\n", stderr);
        return CLI_EXIT_USAGE;
    }
    return rc;
}

int main(int argc, char **argv)
{
    const cli_command *cmd;

    if (argc < 2) {
        print_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (cli_match_flag(argv[1], "--help")) {
        print_usage(stdout);
        return finish(CLI_EXIT_OK);
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("sessreport %s\n", sr_version());
        return finish(CLI_EXIT_OK);
    }
    if (strcmp(argv[1], "help") == 0)
        return finish(help(argc - 1, argv + 1));
    cmd = find_command(argv[1]);
    if (cmd == NULL)
        return unknown_command(argv[1]);
    return finish(cmd->run(argc - 1, argv + 1));
}
