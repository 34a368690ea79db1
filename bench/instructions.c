/* SPDX-License-Identifier: MIT */
/* Instructions of one from_json + validate + lint + free, counted by callgrind: the
 * bench runs itself under valgrind with collection switched on only inside
 * bench_counted_op, and reads callgrind's "Collected" total. */
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#define _POSIX_C_SOURCE 200809L /* fork, pipe, fdopen */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

/* Kept out of line so that callgrind can switch collection on by its name. */
__attribute__((noinline)) int bench_counted_op(void *ctx)
{
    return bench_op_sr_parse_validate_lint(ctx);
}

int bench_count_one(const char *kind, size_t n)
{
    bench_doc d = {NULL, 0, 0};
    sr_validate_options vopts = {SIZE_MAX, 0, NULL, 0};
    int rc = strcmp(kind, "imei") == 0      ? bench_doc_imeis(&d, n)
             : strcmp(kind, "unknown") == 0 ? bench_doc_unknown(&d, n)
                                            : -1;
    if (rc == 0) {
        bench_parse_ctx ctx = {d.buf, d.len, vopts};
        rc = bench_counted_op(&ctx);
    }
    bench_doc_free(&d);
    return rc == 0 ? 0 : 1;
}

/* Runs argv (no shell) and returns a stream of what it writes to stderr,
 * or NULL; *pid is the child to wait for. */
static FILE *run_reading_stderr(char *const argv[], pid_t *pid)
{
    int fds[2];
    if (pipe(fds) != 0)
        return NULL;
    *pid = fork();
    if (*pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    if (*pid < 0) {
        close(fds[0]);
        return NULL;
    }
    return fdopen(fds[0], "r");
}

unsigned long long bench_count_instructions(const char *kind, size_t n)
{
    char exe[64], count[32], line[512];
    snprintf(exe, sizeof(exe), "/proc/%ld/exe", (long)getpid());
    snprintf(count, sizeof(count), "%zu", n);
    char *argv[] = {"valgrind",
                    "--tool=callgrind",
                    "--collect-atstart=no",
                    "--toggle-collect=bench_counted_op",
                    "--callgrind-out-file=/dev/null",
                    exe,
                    "--count-one",
                    (char *)(uintptr_t)kind,
                    count,
                    NULL};
    pid_t pid;
    int status = 1;
    unsigned long long collected = 0;
    FILE *err = run_reading_stderr(argv, &pid);
    if (err == NULL)
        return 0;
    while (fgets(line, sizeof(line), err) != NULL) {
        const char *at = strstr(line, "Collected : ");
        if (at != NULL)
            collected = strtoull(at + strlen("Collected : "), NULL, 10);
    }
    fclose(err);
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 0;
    return collected;
}
