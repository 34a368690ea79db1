/* SPDX-License-Identifier: MIT */
/* sessreport-bench: sessreport against raw cJSON on the same bytes (docs/performance.md). */
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, sysconf */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

#define FULL_ROUNDS        21
#define QUICK_ROUNDS       3
#define FULL_MIN_SAMPLE_NS 5e6

static const size_t imei_sizes[] = {1, 10, 10000, 100000};
#define N_IMEI_SIZES (sizeof(imei_sizes) / sizeof(imei_sizes[0]))
/* imei_sizes[SMALL_SIZE] is the synchronous endpoint's largest request,
 * imei_sizes[TARGET_SIZE] the asynchronous one's */
#define SMALL_SIZE  1
#define TARGET_SIZE 2
#define LARGE_SIZE  3

static const size_t unknown_sizes[] = {10000, 100000};
#define N_UNKNOWN_SIZES (sizeof(unknown_sizes) / sizeof(unknown_sizes[0]))

/* The budgets of issue 11, against raw cJSON on the same bytes. */
#define BUDGET_PARSE_SMALL   1.55 /* from_json+validate / cJSON parse+delete, 10 IMEIs */
#define BUDGET_PARSE_LARGE   1.5  /* ... 10000 IMEIs */
#define BUDGET_COMPACT_SMALL 1.1  /* to_json compact / cJSON build+print, 10 IMEIs */
#define BUDGET_COMPACT_LARGE 1.2  /* ... 10000 IMEIs */
#define BUDGET_PRETTY        1.5  /* to_json pretty / cJSON build+formatted print */
#define BUDGET_LINEAR        10.5 /* 100000 against 10000 items, in counts */
#define BUDGET_PEAK          1.0  /* peak heap of from_json / (cJSON tree + 2x input) */

/* a = sessreport, b = cJSON */
typedef bench_result pair;
/* a = the 100000-item document, b = the 10000-item one */
typedef bench_result scale;

typedef struct results {
    size_t imei_bytes[N_IMEI_SIZES];
    pair parse[N_IMEI_SIZES], compact[N_IMEI_SIZES], pretty[N_IMEI_SIZES];
    /* from_json + validate + lint, no budget: [0] 10 IMEIs, [1] 10000 */
    pair parse_lint[2];
    size_t unknown_bytes[N_UNKNOWN_SIZES];
    pair unknown[N_UNKNOWN_SIZES];
    /* 100000 against 10000 items, timed against each other so that noise
     * and heap drift hit both sizes alike */
    scale scale_sr_imei, scale_cjson_imei, scale_sr_unknown, scale_cjson_unknown;
    bench_memory mem;
    /* one from_json + validate + free: [0] 10000 items, [1] 100000 */
    unsigned long long alloc_imei[2], alloc_unknown[2];
    unsigned long long instr_imei[2], instr_unknown[2]; /* 0 = not measured */
} results;

typedef struct target {
    const char *key, *what;
    double value, limit;
    int measured; /* 0: printed as SKIP, not counted */
} target;

static const char *verdict(const target *t)
{
    return !t->measured ? "SKIP" : t->value <= t->limit ? "PASS" : "FAIL";
}

static void usage(FILE *f)
{
    fprintf(f, "usage: sessreport-bench [--quick]\n"
               "  Times sessreport against raw cJSON on the same bytes and prints a table\n"
               "  and one key=value line per figure. Full mode exits 1 when a target is\n"
               "  missed; --quick (CI) runs few rounds and only checks correctness.\n");
}

/* "model name" of the first CPU, or "unknown" (Linux only). */
static void cpu_model(char *out, size_t cap)
{
    char line[256];
    snprintf(out, cap, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f == NULL)
        return;
    while (fgets(line, sizeof(line), f) != NULL) {
        const char *colon = strchr(line, ':');
        if (strncmp(line, "model name", 10) == 0 && colon != NULL) {
            snprintf(out, cap, "%s", colon + 2);
            out[strcspn(out, "\n")] = '\0';
            break;
        }
    }
    fclose(f);
}

static double ratio(double a, double b)
{
    return b > 0.0 ? a / b : 0.0;
}

static int check_all(const bench_doc *imei_docs, const bench_doc *unknown_docs,
                     const sr_validate_options *vopts)
{
    char why[512];
    for (size_t i = 0; i < N_IMEI_SIZES; i++) {
        if (bench_check_roundtrip(&imei_docs[i], vopts, 1, why, sizeof(why)) != 0) {
            fprintf(stderr, "sessreport-bench: %zu-IMEI document: %s\n", imei_sizes[i], why);
            return -1;
        }
    }
    for (size_t i = 0; i < N_UNKNOWN_SIZES; i++) {
        if (bench_check_roundtrip(&unknown_docs[i], vopts, 0, why, sizeof(why)) != 0) {
            fprintf(stderr, "sessreport-bench: %zu-unknown-key document: %s\n", unknown_sizes[i],
                    why);
            return -1;
        }
    }
    return 0;
}

static int time_parse(const bench_config *cfg, bench_op op, const bench_doc *d,
                      const sr_validate_options *vopts, pair *out)
{
    bench_parse_ctx ctx = {d->buf, d->len, *vopts};
    return bench_compare(cfg, op, &ctx, bench_op_cjson_parse, &ctx, out);
}

static int time_print(const bench_config *cfg, const bench_doc *d, pair *compact, pair *pretty)
{
    session_report_request *r = NULL;
    if (session_report_request_from_json(d->buf, d->len, NULL, &r, NULL) != SR_OK)
        return -1;
    bench_print_ctx ctx = {r};
    int rc = bench_compare(cfg, bench_op_sr_compact, &ctx, bench_op_cjson_compact, &ctx, compact);
    if (rc == 0)
        rc = bench_compare(cfg, bench_op_sr_pretty, &ctx, bench_op_cjson_pretty, &ctx, pretty);
    session_report_request_free(r);
    return rc;
}

/* Time of op on the large document against the same op on the small one. */
static int time_scaling(const bench_config *cfg, bench_op op, const bench_doc *large,
                        const bench_doc *small, const sr_validate_options *vopts, scale *out)
{
    bench_parse_ctx lctx = {large->buf, large->len, *vopts};
    bench_parse_ctx sctx = {small->buf, small->len, *vopts};
    return bench_compare(cfg, op, &lctx, op, &sctx, out);
}

static int run_scaling(const bench_config *cfg, const bench_doc *imei_docs,
                       const bench_doc *unknown_docs, const sr_validate_options *vopts,
                       results *res)
{
    const bench_doc *il = &imei_docs[LARGE_SIZE], *is = &imei_docs[TARGET_SIZE];
    const bench_doc *ul = &unknown_docs[1], *us = &unknown_docs[0];
    if (time_scaling(cfg, bench_op_sr_parse_validate, il, is, vopts, &res->scale_sr_imei) != 0 ||
        time_scaling(cfg, bench_op_cjson_parse, il, is, vopts, &res->scale_cjson_imei) != 0 ||
        time_scaling(cfg, bench_op_sr_parse_validate, ul, us, vopts, &res->scale_sr_unknown) != 0 ||
        time_scaling(cfg, bench_op_cjson_parse, ul, us, vopts, &res->scale_cjson_unknown) != 0)
        return -1;
    return 0;
}

static int run_all(const bench_config *cfg, const bench_doc *imei_docs,
                   const bench_doc *unknown_docs, const sr_validate_options *vopts, results *res)
{
    for (size_t i = 0; i < N_IMEI_SIZES; i++) {
        res->imei_bytes[i] = imei_docs[i].len;
        if (time_parse(cfg, bench_op_sr_parse_validate, &imei_docs[i], vopts, &res->parse[i]) !=
                0 ||
            time_print(cfg, &imei_docs[i], &res->compact[i], &res->pretty[i]) != 0)
            return -1;
    }
    for (size_t i = 0; i < 2; i++) {
        if (time_parse(cfg, bench_op_sr_parse_validate_lint, &imei_docs[SMALL_SIZE + i], vopts,
                       &res->parse_lint[i]) != 0)
            return -1;
    }
    for (size_t i = 0; i < N_UNKNOWN_SIZES; i++) {
        res->unknown_bytes[i] = unknown_docs[i].len;
        if (time_parse(cfg, bench_op_sr_parse_validate, &unknown_docs[i], vopts,
                       &res->unknown[i]) != 0)
            return -1;
    }
    if (run_scaling(cfg, imei_docs, unknown_docs, vopts, res) != 0)
        return -1;
    for (size_t i = 0; i < 2; i++) {
        res->alloc_imei[i] = bench_count_allocations(&imei_docs[TARGET_SIZE + i], vopts);
        res->alloc_unknown[i] = bench_count_allocations(&unknown_docs[i], vopts);
        if (res->alloc_imei[i] == 0 || res->alloc_unknown[i] == 0)
            return -1;
        /* callgrind is slow: the full run only */
        if (!cfg->quick) {
            res->instr_imei[i] = bench_count_instructions("imei", imei_sizes[TARGET_SIZE + i]);
            res->instr_unknown[i] = bench_count_instructions("unknown", unknown_sizes[i]);
        }
    }
    return bench_measure_memory(&imei_docs[TARGET_SIZE], vopts, &res->mem);
}

static double count_ratio(const unsigned long long *c)
{
    return c[0] > 0 ? (double)c[1] / (double)c[0] : 0.0;
}

/* A duration for people: ns, us or ms with 3 significant-ish digits. */
static const char *human_time(double ns, char *buf, size_t cap)
{
    if (ns < 1e3)
        snprintf(buf, cap, "%.0f ns", ns);
    else if (ns < 1e6)
        snprintf(buf, cap, "%.2f us", ns / 1e3);
    else
        snprintf(buf, cap, "%.2f ms", ns / 1e6);
    return buf;
}

static void table_row(const char *what, size_t n, const char *unit, size_t bytes, const pair *p)
{
    char label[64], a[32], b[32];
    snprintf(label, sizeof(label), "%s, %zu %s", what, n, n == 1 ? "IMEI" : unit);
    printf("  %-36s %10zu %12s %12s %7.2f\n", label, bytes, human_time(p->a_ns, a, sizeof(a)),
           human_time(p->b_ns, b, sizeof(b)), p->ratio);
}

static void print_table(const results *res, const target *targets, size_t ntargets)
{
    printf("  %-36s %10s %12s %12s %7s\n", "case (median per call)", "input B", "sessreport",
           "cJSON", "ratio");
    for (size_t i = 0; i < N_IMEI_SIZES; i++)
        table_row("parse+validate", imei_sizes[i], "IMEIs", res->imei_bytes[i], &res->parse[i]);
    for (size_t i = 0; i < N_UNKNOWN_SIZES; i++)
        table_row("parse+validate", unknown_sizes[i], "unknown keys", res->unknown_bytes[i],
                  &res->unknown[i]);
    for (size_t i = 0; i < 2; i++)
        table_row("parse+validate+lint (no budget)", imei_sizes[SMALL_SIZE + i], "IMEIs",
                  res->imei_bytes[SMALL_SIZE + i], &res->parse_lint[i]);
    for (size_t i = 0; i < N_IMEI_SIZES; i++)
        table_row("compact to_json", imei_sizes[i], "IMEIs", res->imei_bytes[i], &res->compact[i]);
    for (size_t i = 0; i < N_IMEI_SIZES; i++)
        table_row("pretty to_json", imei_sizes[i], "IMEIs", res->imei_bytes[i], &res->pretty[i]);
    printf("\n  parse+validate time 100000 / 10000 (timed against each other): IMEIs %.2f "
           "(cJSON parse %.2f), unknown keys %.2f (cJSON parse %.2f)\n",
           res->scale_sr_imei.ratio, res->scale_cjson_imei.ratio, res->scale_sr_unknown.ratio,
           res->scale_cjson_unknown.ratio);
    printf(
        "  one from_json+validate+lint+free, 10000 / 100000 items: allocations IMEIs %llu / %llu, "
        "unknown keys %llu / %llu;\n  instructions (callgrind, 0 = not measured) IMEIs "
        "%llu / %llu, unknown keys %llu / %llu\n",
        res->alloc_imei[0], res->alloc_imei[1], res->alloc_unknown[0], res->alloc_unknown[1],
        res->instr_imei[0], res->instr_imei[1], res->instr_unknown[0], res->instr_unknown[1]);
    const bench_memory *m = &res->mem;
    double in = (double)res->imei_bytes[TARGET_SIZE];
    printf("\n  heap, %zu IMEIs (%zu input bytes): sessreport peak %lld B (%.2fx), keeps %lld B "
           "(%.2fx) in %llu allocations;\n  peak with validate and lint %lld B (%.2fx); cJSON peak "
           "%lld B "
           "(%.2fx), tree %lld B (%.2fx)\n",
           imei_sizes[TARGET_SIZE], res->imei_bytes[TARGET_SIZE], m->peak_parse,
           (double)m->peak_parse / in, m->kept, (double)m->kept / in, m->allocations,
           m->peak_parse_validate, (double)m->peak_parse_validate / in, m->cjson_peak,
           (double)m->cjson_peak / in, m->cjson_kept, (double)m->cjson_kept / in);
    printf("\n  %-58s %8s %8s\n", "target", "measured", "limit");
    for (size_t i = 0; i < ntargets; i++)
        printf("  %-58s %8.2f %8.2f  %s\n", targets[i].what, targets[i].value, targets[i].limit,
               verdict(&targets[i]));
}

static void kv_pair(const char *group, const char *item, const pair *p)
{
    printf("%s.%s.sessreport_ns=%.0f\n", group, item, p->a_ns);
    printf("%s.%s.cjson_ns=%.0f\n", group, item, p->b_ns);
    printf("%s.%s.ratio=%.3f\n", group, item, p->ratio);
}

static void print_key_values(const results *res, const target *targets, size_t ntargets)
{
    char item[32];
    for (size_t i = 0; i < N_IMEI_SIZES; i++) {
        snprintf(item, sizeof(item), "imei_%zu", imei_sizes[i]);
        printf("input_bytes.%s=%zu\n", item, res->imei_bytes[i]);
        kv_pair("parse_validate", item, &res->parse[i]);
        if (i == SMALL_SIZE || i == TARGET_SIZE)
            kv_pair("info.parse_validate_lint", item, &res->parse_lint[i - SMALL_SIZE]);
        kv_pair("compact", item, &res->compact[i]);
        kv_pair("pretty", item, &res->pretty[i]);
    }
    for (size_t i = 0; i < N_UNKNOWN_SIZES; i++) {
        snprintf(item, sizeof(item), "unknown_%zu", unknown_sizes[i]);
        printf("input_bytes.%s=%zu\n", item, res->unknown_bytes[i]);
        kv_pair("parse_validate", item, &res->unknown[i]);
    }
    printf("scaling.imei.sessreport_100000_ns=%.0f\n", res->scale_sr_imei.a_ns);
    printf("scaling.imei.sessreport_10000_ns=%.0f\n", res->scale_sr_imei.b_ns);
    printf("scaling.imei.cjson_100000_over_10000=%.3f\n", res->scale_cjson_imei.ratio);
    /* below 1: sessreport grows more slowly than raw cJSON on this machine */
    printf("scaling.imei.relative_to_cjson=%.3f\n",
           ratio(res->scale_sr_imei.ratio, res->scale_cjson_imei.ratio));
    printf("scaling.unknown.sessreport_100000_ns=%.0f\n", res->scale_sr_unknown.a_ns);
    printf("scaling.unknown.sessreport_10000_ns=%.0f\n", res->scale_sr_unknown.b_ns);
    printf("scaling.unknown.cjson_100000_over_10000=%.3f\n", res->scale_cjson_unknown.ratio);
    printf("scaling.unknown.relative_to_cjson=%.3f\n",
           ratio(res->scale_sr_unknown.ratio, res->scale_cjson_unknown.ratio));
    const bench_memory *m = &res->mem;
    printf("memory.imei_10000.input_bytes=%zu\n", res->imei_bytes[TARGET_SIZE]);
    printf("memory.imei_10000.peak_parse_bytes=%lld\n", m->peak_parse);
    printf("memory.imei_10000.peak_parse_validate_bytes=%lld\n", m->peak_parse_validate);
    printf("memory.imei_10000.kept_bytes=%lld\n", m->kept);
    printf("memory.imei_10000.parse_allocations=%llu\n", m->allocations);
    printf("memory.imei_10000.leaked_bytes=%lld\n", m->leaked);
    printf("memory.imei_10000.cjson_peak_bytes=%lld\n", m->cjson_peak);
    printf("memory.imei_10000.cjson_tree_bytes=%lld\n", m->cjson_kept);
    printf("counts.imei.allocations_10000=%llu\ncounts.imei.allocations_100000=%llu\n",
           res->alloc_imei[0], res->alloc_imei[1]);
    printf("counts.unknown.allocations_10000=%llu\ncounts.unknown.allocations_100000=%llu\n",
           res->alloc_unknown[0], res->alloc_unknown[1]);
    printf("counts.imei.instructions_10000=%llu\ncounts.imei.instructions_100000=%llu\n",
           res->instr_imei[0], res->instr_imei[1]);
    printf("counts.unknown.instructions_10000=%llu\ncounts.unknown.instructions_100000=%llu\n",
           res->instr_unknown[0], res->instr_unknown[1]);
    for (size_t i = 0; i < ntargets; i++) {
        printf("%s=%.3f\n", targets[i].key, targets[i].value);
        printf("%s.limit=%.2f\n", targets[i].key, targets[i].limit);
        printf("%s.result=%s\n", targets[i].key, verdict(&targets[i]));
    }
}

/* Fills targets[] from the results; returns how many there are. */
static size_t make_targets(const results *res, target *t)
{
    double in = (double)res->imei_bytes[TARGET_SIZE];
    double peak_budget = (double)res->mem.cjson_kept + 2.0 * in;
    int instr = res->instr_imei[0] > 0 && res->instr_imei[1] > 0 && res->instr_unknown[0] > 0 &&
                res->instr_unknown[1] > 0;
    size_t n = 0;
    t[n++] = (target){"target.parse_validate_ratio_10",
                      "from_json+validate / cJSON parse+delete, 10 IMEIs",
                      res->parse[SMALL_SIZE].ratio, BUDGET_PARSE_SMALL, 1};
    t[n++] = (target){"target.parse_validate_ratio_10000",
                      "from_json+validate / cJSON parse+delete, 10000 IMEIs",
                      res->parse[TARGET_SIZE].ratio, BUDGET_PARSE_LARGE, 1};
    t[n++] = (target){"target.compact_ratio_10", "compact to_json / cJSON build+print, 10 IMEIs",
                      res->compact[SMALL_SIZE].ratio, BUDGET_COMPACT_SMALL, 1};
    t[n++] =
        (target){"target.compact_ratio_10000", "compact to_json / cJSON build+print, 10000 IMEIs",
                 res->compact[TARGET_SIZE].ratio, BUDGET_COMPACT_LARGE, 1};
    t[n++] = (target){"target.pretty_ratio_10", "pretty to_json / cJSON build+print, 10 IMEIs",
                      res->pretty[SMALL_SIZE].ratio, BUDGET_PRETTY, 1};
    t[n++] =
        (target){"target.pretty_ratio_10000", "pretty to_json / cJSON build+print, 10000 IMEIs",
                 res->pretty[TARGET_SIZE].ratio, BUDGET_PRETTY, 1};
    t[n++] =
        (target){"target.allocations_imei_100000_over_10000", "allocations 100000 / 10000 IMEIs",
                 count_ratio(res->alloc_imei), BUDGET_LINEAR, 1};
    t[n++] = (target){"target.allocations_unknown_100000_over_10000",
                      "allocations 100000 / 10000 unknown keys", count_ratio(res->alloc_unknown),
                      BUDGET_LINEAR, 1};
    t[n++] =
        (target){"target.instructions_imei_100000_over_10000", "instructions 100000 / 10000 IMEIs",
                 count_ratio(res->instr_imei), BUDGET_LINEAR, instr};
    t[n++] = (target){"target.instructions_unknown_100000_over_10000",
                      "instructions 100000 / 10000 unknown keys", count_ratio(res->instr_unknown),
                      BUDGET_LINEAR, instr};
    t[n++] =
        (target){"target.peak_heap_over_budget_10000",
                 "peak heap of from_json / (cJSON tree + 2x input), 10000",
                 peak_budget > 0 ? (double)res->mem.peak_parse / peak_budget : 0.0, BUDGET_PEAK, 1};
    return n;
}

static void print_header(const bench_config *cfg)
{
    char cpu[160];
    cpu_model(cpu, sizeof(cpu));
#ifdef __OPTIMIZE__
    const char *optimized = "yes";
#else
    const char *optimized = "no";
#endif
    printf("sessreport-bench: %s mode, %u interleaved rounds, medians\n",
           cfg->quick ? "quick" : "full", cfg->rounds);
    printf("  cpu %s (%ld online), sessreport %s, cJSON %s, compiler %s, optimized %s\n\n", cpu,
           sysconf(_SC_NPROCESSORS_ONLN), sr_version(), cJSON_Version(), __VERSION__, optimized);
    printf("bench.mode=%s\nbench.rounds=%u\nmachine.cpu=%s\nmachine.cpus_online=%ld\n",
           cfg->quick ? "quick" : "full", cfg->rounds, cpu, sysconf(_SC_NPROCESSORS_ONLN));
    printf("build.compiler=%s\nbuild.optimized=%s\ncjson.version=%s\n", __VERSION__, optimized,
           cJSON_Version());
}

static int make_docs(bench_doc *imei_docs, bench_doc *unknown_docs)
{
    for (size_t i = 0; i < N_IMEI_SIZES; i++) {
        if (bench_doc_imeis(&imei_docs[i], imei_sizes[i]) != 0)
            return -1;
    }
    for (size_t i = 0; i < N_UNKNOWN_SIZES; i++) {
        if (bench_doc_unknown(&unknown_docs[i], unknown_sizes[i]) != 0)
            return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    bench_config cfg = {0, FULL_ROUNDS, FULL_MIN_SAMPLE_NS};
    bench_doc imei_docs[N_IMEI_SIZES], unknown_docs[N_UNKNOWN_SIZES];
    results res;
    target targets[16];
    int status = 1;
    memset(imei_docs, 0, sizeof(imei_docs));
    memset(unknown_docs, 0, sizeof(unknown_docs));
    memset(&res, 0, sizeof(res));

    if (argc == 4 && strcmp(argv[1], "--count-one") == 0)
        return bench_count_one(argv[2], (size_t)strtoull(argv[3], NULL, 10));
    if (argc == 2 && strcmp(argv[1], "--quick") == 0) {
        cfg = (bench_config){1, QUICK_ROUNDS, 0.0};
    } else if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        usage(stdout);
        return 0;
    } else if (argc != 1) {
        usage(stderr);
        return 2;
    }
    /* every document is valid for the async endpoint except for its size:
     * lift the IMEI limit so validation does all its per-IMEI work */
    sr_validate_options vopts = {SIZE_MAX, 0, NULL, 0};

    print_header(&cfg);
    if (make_docs(imei_docs, unknown_docs) != 0) {
        fprintf(stderr, "sessreport-bench: out of memory\n");
        goto cleanup;
    }
    if (check_all(imei_docs, unknown_docs, &vopts) != 0) {
        printf("roundtrip=FAIL\nresult=FAIL\n");
        goto cleanup;
    }
    printf("roundtrip=PASS\n");
    if (run_all(&cfg, imei_docs, unknown_docs, &vopts, &res) != 0) {
        fprintf(stderr, "sessreport-bench: a timed operation failed\n");
        printf("result=FAIL\n");
        goto cleanup;
    }
    size_t ntargets = make_targets(&res, targets), missed = 0;
    for (size_t i = 0; i < ntargets; i++)
        missed += targets[i].measured && targets[i].value > targets[i].limit;
    print_key_values(&res, targets, ntargets);
    printf("targets.missed=%zu\ntargets.asserted=%s\n", missed, cfg.quick ? "no" : "yes");
    int leak_free = res.mem.leaked == 0 && res.mem.kept > 0;
    if (!leak_free)
        fprintf(stderr, "sessreport-bench: counting allocator: kept %lld, leaked %lld bytes\n",
                res.mem.kept, res.mem.leaked);
    status = (leak_free && (cfg.quick || missed == 0)) ? 0 : 1;
    printf("result=%s\n\n", status == 0 ? "PASS" : "FAIL");
    print_table(&res, targets, ntargets);
cleanup:
    for (size_t i = 0; i < N_IMEI_SIZES; i++)
        bench_doc_free(&imei_docs[i]);
    for (size_t i = 0; i < N_UNKNOWN_SIZES; i++)
        bench_doc_free(&unknown_docs[i]);
    return status;
}
