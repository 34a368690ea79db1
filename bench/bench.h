/* SPDX-License-Identifier: MIT */
/* Declarations shared by the files of sessreport-bench (never installed). */
#ifndef SESSREPORT_BENCH_H
#define SESSREPORT_BENCH_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "sessreport.h"

/* ---- counting allocator (alloc_count.c) ----
 * The executable is linked with --wrap=malloc,calloc,realloc,free, so every
 * allocation of the statically linked library lands in __wrap_*; cJSON is a
 * shared library and is counted through cJSON_InitHooks instead. Counting is
 * off outside the memory phase so that it never slows down a timed run.
 * The linker fixes the __wrap_/__real_ names, hence the NOLINT. */
/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);
void *__real_malloc(size_t n);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */

/* Starts counting; the peak restarts at the current live byte count. */
void bench_alloc_begin(void);
/* Stops counting. */
void bench_alloc_end(void);
/* Heap bytes (malloc_usable_size) allocated and not yet freed since counting began. */
long long bench_alloc_live(void);
/* Highest value bench_alloc_live() reached since bench_alloc_begin(). */
long long bench_alloc_peak(void);
/* Number of allocations counted since bench_alloc_begin(). */
unsigned long long bench_alloc_calls(void);
/* Routes cJSON's allocations through the counter (install = 1) or back to libc (0). */
void bench_alloc_cjson_hooks(int install);

/* ---- documents (docs.c) ---- */
typedef struct bench_doc {
    char *buf;
    size_t len, cap;
} bench_doc;

/* The i-th distinct IMEI: 15 digits, Luhn-valid, NUL-terminated. */
void bench_imei(size_t i, char out[SR_IMEI_LEN + 1]);
/* Luhn check digit ('0'..'9') of a 14-digit body. */
char bench_luhn_digit(const char *body14);
/* A complete compact request with n IMEIs, every field set: the bytes the
 * library writes back (canonical order). 0, or -1 when out of memory. */
int bench_doc_imeis(bench_doc *d, size_t n);
/* accountNumber, one IMEI, then n unknown members of mixed types. */
int bench_doc_unknown(bench_doc *d, size_t n);
void bench_doc_free(bench_doc *d);

/* ---- the equivalent cJSON tree (cjson_build.c) ---- */
/* Builds, from the request, the cJSON tree an application would build to
 * emit the same document without sessreport; NULL when out of memory. */
cJSON *bench_cjson_from_request(const session_report_request *r);

/* ---- interleaved timing (measure.c) ---- */
typedef int (*bench_op)(void *ctx); /* 0 on success */

typedef struct bench_config {
    int quick;            /* few rounds, one iteration a sample */
    unsigned rounds;      /* samples per side (odd: a true median) */
    double min_sample_ns; /* each sample repeats the op until it lasts this long */
} bench_config;

/* Medians over cfg->rounds interleaved rounds (a then b, b then a, ...) of
 * the same iteration count: the time of one call of a and of b, and the
 * median of the per-round ratios a/b (each taken from two neighbouring
 * samples, so load that drifts between rounds cancels out). */
typedef struct bench_result {
    double a_ns, b_ns, ratio;
} bench_result;

/* 0, or -1 when an op failed. */
int bench_compare(const bench_config *cfg, bench_op a, void *actx, bench_op b, void *bctx,
                  bench_result *out);
/* Monotonic clock in nanoseconds. */
double bench_now_ns(void);

/* ---- the timed operations (ops.c), each a bench_op ---- */
typedef struct bench_parse_ctx {
    const char *buf;
    size_t len;
    sr_validate_options vopts;
} bench_parse_ctx;

typedef struct bench_print_ctx {
    const session_report_request *r;
} bench_print_ctx;

/* from_json + validate (must find 0 problems) + free, on bench_parse_ctx:
 * what the parse budgets of issue 11 name */
int bench_op_sr_parse_validate(void *ctx);
/* the same plus lint (must find 0 problems): informational, and what the
 * linearity counts and the memory figures run, so that they cover lint too */
int bench_op_sr_parse_validate_lint(void *ctx);
/* cJSON_ParseWithLength + cJSON_Delete, on bench_parse_ctx */
int bench_op_cjson_parse(void *ctx);
/* to_json (compact or pretty) + sr_free, on bench_print_ctx */
int bench_op_sr_compact(void *ctx);
int bench_op_sr_pretty(void *ctx);
/* build the equivalent cJSON tree, cJSON_PrintUnformatted or cJSON_Print,
 * free the text, delete the tree, on bench_print_ctx */
int bench_op_cjson_compact(void *ctx);
int bench_op_cjson_pretty(void *ctx);

/* ---- correctness (roundtrip.c) ---- */
/* Checks that d parses, validates clean, serializes compact back to exactly
 * its bytes, and that pretty output re-parses to an equal request and
 * re-serializes identically; with compare_cjson, also that the equivalent
 * cJSON tree prints the same compact bytes and equals cJSON's parse of the
 * pretty text. 0, or -1 with the reason in why. */
int bench_check_roundtrip(const bench_doc *d, const sr_validate_options *vopts, int compare_cjson,
                          char *why, size_t why_len);

/* ---- memory (memory.c) ---- */
typedef struct bench_memory {
    long long peak_parse;           /* peak live bytes during from_json */
    long long peak_parse_validate;  /* ... during from_json + validate + lint */
    long long kept;                 /* live bytes held by the parsed request */
    unsigned long long allocations; /* allocations made by from_json */
    long long leaked;               /* live bytes left after free (must be 0) */
    long long cjson_peak;           /* peak during cJSON_ParseWithLength */
    long long cjson_kept;           /* bytes held by cJSON's tree */
} bench_memory;

/* Measures one parse of d with the counting allocator. 0, or -1 when a
 * parse failed. */
int bench_measure_memory(const bench_doc *d, const sr_validate_options *vopts, bench_memory *m);
/* Allocations (the library's and cJSON's) of one from_json + validate +
 * lint + free of d; 0 when it failed. */
unsigned long long bench_count_allocations(const bench_doc *d, const sr_validate_options *vopts);

/* ---- instructions (instructions.c) ---- */
/* from_json + validate + lint + free on a bench_parse_ctx, never inlined:
 * the function callgrind counts. */
int bench_counted_op(void *ctx);
/* The child's side (--count-one KIND N): builds the document ("imei" or
 * "unknown" with n items) and runs bench_counted_op once. Exit status. */
int bench_count_one(const char *kind, size_t n);
/* Runs the bench under valgrind's callgrind for one document and returns
 * the instructions of bench_counted_op, or 0 when valgrind is missing or
 * failed. */
unsigned long long bench_count_instructions(const char *kind, size_t n);

#endif /* SESSREPORT_BENCH_H */
