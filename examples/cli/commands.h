/* SPDX-License-Identifier: MIT */
/* The subcommands of the sessreport CLI: each takes its own argv, where
 * argv[0] is the subcommand's name, and returns the process exit status. */
#ifndef SESSREPORT_CLI_COMMANDS_H
#define SESSREPORT_CLI_COMMANDS_H

int sr_cli_demo(int argc, char **argv);
int sr_cli_validate(int argc, char **argv);
int sr_cli_format(int argc, char **argv);
int sr_cli_new(int argc, char **argv);
int sr_cli_split(int argc, char **argv);

/* Built only when the target defines SESSREPORT_CLI_HAVE_REPORT /
 * SESSREPORT_CLI_HAVE_SEND (see examples/CMakeLists.txt). */
int sr_cli_report(int argc, char **argv);
int sr_cli_send(int argc, char **argv);

#endif /* SESSREPORT_CLI_COMMANDS_H */
