/* SPDX-License-Identifier: MIT */
/* Interleaved timing of two operations on the same input, reported as medians. */
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdlib.h>
#include <time.h>

#include "bench.h"

/* A sample that repeats the op more often than this gains nothing. */
#define MAX_ITERATIONS 1000000u

double bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Time of `iterations` calls of op, per call; negative when op failed. */
static double time_op(bench_op op, void *ctx, unsigned iterations)
{
    double t0 = bench_now_ns();
    for (unsigned i = 0; i < iterations; i++) {
        if (op(ctx) != 0)
            return -1.0;
    }
    return (bench_now_ns() - t0) / (double)iterations;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof(*v), compare_doubles);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/* Iterations that make the faster op's sample last min_sample_ns, so both
 * sides of a round run the same count. */
static unsigned pick_iterations(const bench_config *cfg, double a_ns, double b_ns)
{
    double fastest = a_ns < b_ns ? a_ns : b_ns;
    if (cfg->quick || cfg->min_sample_ns <= 0.0)
        return 1;
    if (fastest < 1.0)
        fastest = 1.0;
    double n = cfg->min_sample_ns / fastest;
    if (n < 1.0)
        return 1;
    return n > (double)MAX_ITERATIONS ? MAX_ITERATIONS : (unsigned)n + 1u;
}

int bench_compare(const bench_config *cfg, bench_op a, void *actx, bench_op b, void *bctx,
                  bench_result *out)
{
    int rc = -1;
    unsigned rounds = cfg->rounds ? cfg->rounds : 1;
    double *as = malloc(rounds * sizeof(*as));
    double *bs = malloc(rounds * sizeof(*bs));
    double *ratios = malloc(rounds * sizeof(*ratios));
    if (as == NULL || bs == NULL || ratios == NULL)
        goto cleanup;
    /* warm-up: caches, page faults, lazy binding; also the calibration */
    double wa = time_op(a, actx, 1), wb = time_op(b, bctx, 1);
    if (wa < 0 || wb < 0)
        goto cleanup;
    unsigned iterations = pick_iterations(cfg, wa, wb);
    for (unsigned r = 0; r < rounds; r++) {
        /* alternate who goes first so neither side always gets the warm cache */
        if (r % 2 == 0) {
            as[r] = time_op(a, actx, iterations);
            bs[r] = time_op(b, bctx, iterations);
        } else {
            bs[r] = time_op(b, bctx, iterations);
            as[r] = time_op(a, actx, iterations);
        }
        if (as[r] < 0 || bs[r] < 0)
            goto cleanup;
        ratios[r] = bs[r] > 0.0 ? as[r] / bs[r] : 0.0;
    }
    out->a_ns = median(as, rounds);
    out->b_ns = median(bs, rounds);
    out->ratio = median(ratios, rounds);
    rc = 0;
cleanup:
    free(as);
    free(bs);
    free(ratios);
    return rc;
}
