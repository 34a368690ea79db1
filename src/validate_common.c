/* SPDX-License-Identifier: MIT */
/* The problem sink and options shared by validation (errors) and lint
 * (warnings). */
#include <string.h>

#include "validate_common.h"

sr__rules sr__effective_rules(const sr_validate_options *opts)
{
    sr__rules o = {SR_MAX_IMEIS_ASYNC, SR_MAX_SPAN_DAYS, NULL, 0};
    if (opts != NULL) {
        if (opts->max_imeis != 0)
            o.max_imeis = opts->max_imeis;
        if (opts->max_span_days != 0)
            o.max_span_days = opts->max_span_days;
        o.date_constants = opts->date_constants;
        o.flags = opts->flags;
    }
    return o;
}

int sr__counted_without_detail(sr__sink *s)
{
    if (s->fn != NULL && !s->stopped)
        return 0;
    s->count++;
    return 1;
}

void sr__report(sr__sink *s, sr_status code, const char *path, const char *fmt, ...)
{
    if (sr__counted_without_detail(s))
        return;
    s->count++;
    sr_error e;
    va_list ap;
    va_start(ap, fmt);
    sr__error_vset(&e, code, path, fmt, ap);
    va_end(ap);
    if (s->fn(&e, s->ctx) != 0)
        s->stopped = 1;
}

size_t sr__walk(const session_report_request *r, const sr_validate_options *opts,
                void (*check)(sr__sink *s, const sr__rules *o, const session_report_request *r),
                sr_problem_fn fn, void *ctx)
{
    sr__sink s = {fn, ctx, 0, 0};
    if (r == NULL) {
        sr__report(&s, SR_ERR_ARG, "", "the request is NULL; expected a request to check");
        return s.count;
    }
    sr__rules o = sr__effective_rules(opts);
    check(&s, &o, r);
    return s.count;
}

/* The caller's array behind a sink: filled in order, never past its end. */
typedef struct array_sink {
    sr_error *out;
    size_t cap, filled;
} array_sink;

static int copy_into_array(const sr_error *problem, void *ctx)
{
    array_sink *a = ctx;
    memcpy(&a->out[a->filled++], problem, sizeof *problem);
    return a->filled == a->cap;
}

size_t sr__walk_into(const session_report_request *r, const sr_validate_options *opts,
                     void (*check)(sr__sink *s, const sr__rules *o,
                                   const session_report_request *r),
                     sr_error *out, size_t cap)
{
    array_sink a = {out, cap, 0};
    int room = out != NULL && cap > 0;
    return sr__walk(r, opts, check, room ? copy_into_array : NULL, room ? &a : NULL);
}

int sr__quote_length(const char *s, size_t len)
{
    if (len <= SR__QUOTE_MAX)
        return (int)len;
    size_t n = SR__QUOTE_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

const char *sr__quote_tail(size_t len)
{
    return len > SR__QUOTE_MAX ? "..." : "";
}

const char *sr__plural(size_t n)
{
    return n == 1 ? "" : "s";
}
