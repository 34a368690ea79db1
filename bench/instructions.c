/* SPDX-License-Identifier: MIT */
/* Instructions of one from_json + validate + free, counted by callgrind: the
 * bench runs itself under valgrind with collection switched on only inside
 * bench_counted_op, and reads callgrind's "Collected" total. */
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#define _POSIX_C_SOURCE 200809L /* popen */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

/* Kept out of line so that callgrind can switch collection on by its name. */
__attribute__((noinline)) int bench_counted_op(void *ctx)
{
    return bench_op_sr_parse_validate(ctx);
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

unsigned long long bench_count_instructions(const char *kind, size_t n)
{
    char cmd[512], line[512];
    unsigned long long collected = 0;
    snprintf(cmd, sizeof(cmd),
             "valgrind --tool=callgrind --collect-atstart=no --toggle-collect=bench_counted_op "
             "--callgrind-out-file=/dev/null /proc/%ld/exe --count-one %s %zu 2>&1",
             (long)getpid(), kind, n);
    FILE *p = popen(cmd, "r");
    if (p == NULL)
        return 0;
    while (fgets(line, sizeof(line), p) != NULL) {
        const char *at = strstr(line, "Collected : ");
        if (at != NULL)
            collected = strtoull(at + strlen("Collected : "), NULL, 10);
    }
    return pclose(p) == 0 ? collected : 0;
}
