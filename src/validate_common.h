/* SPDX-License-Identifier: MIT */
/* What the error checks (validate.c) and the warning checks
 * (validate_lint.c) share: where problems go, the effective options, and
 * how a user value is quoted in a message. */
#ifndef SESSREPORT_VALIDATE_COMMON_H
#define SESSREPORT_VALIDATE_COMMON_H

#include <stddef.h>

#include "sessreport/validate.h"

#include "internal.h"

/* Where problems go: each is counted; it is formatted and handed to fn only
 * while fn wants more, so counting the rest costs no formatting. */
typedef struct sr__sink {
    sr_problem_fn fn; /* NULL = count only */
    void *ctx;
    size_t count;
    int stopped;
} sr__sink;

/* The effective options, defaults filled in. */
typedef struct sr__rules {
    size_t max_imeis;
    unsigned max_span_days;
    const char *const *date_constants;
    unsigned flags;
} sr__rules;

sr__rules sr__effective_rules(const sr_validate_options *opts);

/* Once the sink wants no more problems handed on, counts one and returns
 * 1: the caller skips building its path and message. Else 0, counting
 * nothing (sr__report counts). */
int sr__counted_without_detail(sr__sink *s);

/* Counts one problem and, while the sink wants more, formats it and hands
 * it on. */
void sr__report(sr__sink *s, sr_status code, const char *path, const char *fmt, ...)
    SR__PRINTF(4, 5);

/* Runs check over r into a sink for fn; a NULL r is one SR_ERR_ARG problem. */
size_t sr__walk(const session_report_request *r, const sr_validate_options *opts,
                void (*check)(sr__sink *s, const sr__rules *o, const session_report_request *r),
                sr_problem_fn fn, void *ctx);
/* The same, copying the first cap problems into out (which may be NULL). */
size_t sr__walk_into(const session_report_request *r, const sr_validate_options *opts,
                     void (*check)(sr__sink *s, const sr__rules *o,
                                   const session_report_request *r),
                     sr_error *out, size_t cap);

/* Longest part of a user value quoted in a message. */
#define SR__QUOTE_MAX 40
/* How many bytes of s[0..len) to quote: at most SR__QUOTE_MAX, never
 * splitting a UTF-8 character; quote with "%.*s%s" and sr__quote_tail. */
int sr__quote_length(const char *s, size_t len);
/* "..." when the quote was cut, else "". */
const char *sr__quote_tail(size_t len);
/* "s" unless n is 1: "1 digit", "2 digits". */
const char *sr__plural(size_t n);

#endif /* SESSREPORT_VALIDATE_COMMON_H */
