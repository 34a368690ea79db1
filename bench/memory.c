/* SPDX-License-Identifier: MIT */
/* Heap use of one parse, measured with the counting allocator. */
#include <string.h>

#include "bench.h"

static int measure_sessreport(const bench_doc *d, const sr_validate_options *vopts, bench_memory *m)
{
    session_report_request *r = NULL;
    sr_error err;
    bench_alloc_begin();
    sr_status s = session_report_request_from_json(d->buf, d->len, NULL, &r, &err);
    m->peak_parse = bench_alloc_peak();
    m->kept = bench_alloc_live();
    m->allocations = bench_alloc_calls();
    size_t problems = s == SR_OK ? session_report_request_validate(r, vopts, &err, 1) +
                                       session_report_request_lint(r, vopts, &err, 1)
                                 : 1;
    m->peak_parse_validate = bench_alloc_peak();
    session_report_request_free(r);
    m->leaked = bench_alloc_live();
    bench_alloc_end();
    return s == SR_OK && problems == 0 ? 0 : -1;
}

static int measure_cjson(const bench_doc *d, bench_memory *m)
{
    bench_alloc_cjson_hooks(1);
    bench_alloc_begin();
    cJSON *tree = cJSON_ParseWithLength(d->buf, d->len);
    m->cjson_peak = bench_alloc_peak();
    m->cjson_kept = bench_alloc_live();
    cJSON_Delete(tree);
    bench_alloc_end();
    bench_alloc_cjson_hooks(0);
    return tree != NULL ? 0 : -1;
}

int bench_measure_memory(const bench_doc *d, const sr_validate_options *vopts, bench_memory *m)
{
    memset(m, 0, sizeof(*m));
    /* cJSON allocations the library itself makes are counted too */
    bench_alloc_cjson_hooks(1);
    int rc = measure_sessreport(d, vopts, m);
    bench_alloc_cjson_hooks(0);
    if (rc != 0)
        return -1;
    return measure_cjson(d, m);
}

unsigned long long bench_count_allocations(const bench_doc *d, const sr_validate_options *vopts)
{
    bench_parse_ctx ctx = {d->buf, d->len, *vopts};
    bench_alloc_cjson_hooks(1);
    bench_alloc_begin();
    int rc = bench_op_sr_parse_validate_lint(&ctx);
    unsigned long long n = bench_alloc_calls();
    bench_alloc_end();
    bench_alloc_cjson_hooks(0);
    return rc == 0 ? n : 0;
}
