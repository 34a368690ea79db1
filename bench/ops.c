/* SPDX-License-Identifier: MIT */
/* The operations the bench times: sessreport and raw cJSON on the same data. */
#include "bench.h"

static int sr_parse(const bench_parse_ctx *c, int lint)
{
    session_report_request *r = NULL;
    sr_error err;
    if (session_report_request_from_json(c->buf, c->len, NULL, &r, &err) != SR_OK)
        return -1;
    size_t problems = session_report_request_validate(r, &c->vopts, &err, 1);
    if (lint)
        problems += session_report_request_lint(r, &c->vopts, &err, 1);
    session_report_request_free(r);
    return problems == 0 ? 0 : -1;
}

int bench_op_sr_parse_validate(void *ctx)
{
    return sr_parse(ctx, 0);
}

int bench_op_sr_parse_validate_lint(void *ctx)
{
    return sr_parse(ctx, 1);
}

int bench_op_cjson_parse(void *ctx)
{
    const bench_parse_ctx *c = ctx;
    cJSON *tree = cJSON_ParseWithLength(c->buf, c->len);
    if (tree == NULL)
        return -1;
    cJSON_Delete(tree);
    return 0;
}

static int sr_print(const bench_print_ctx *c, unsigned flags)
{
    char *out = NULL;
    size_t len = 0;
    if (session_report_request_to_json(c->r, flags, &out, &len) != SR_OK)
        return -1;
    sr_free(out);
    return len > 0 ? 0 : -1;
}

int bench_op_sr_compact(void *ctx)
{
    return sr_print(ctx, 0);
}

int bench_op_sr_pretty(void *ctx)
{
    return sr_print(ctx, SR_JSON_PRETTY);
}

static int cjson_print(const bench_print_ctx *c, int pretty)
{
    cJSON *tree = bench_cjson_from_request(c->r);
    if (tree == NULL)
        return -1;
    char *out = pretty ? cJSON_Print(tree) : cJSON_PrintUnformatted(tree);
    cJSON_Delete(tree);
    if (out == NULL)
        return -1;
    cJSON_free(out);
    return 0;
}

int bench_op_cjson_compact(void *ctx)
{
    return cjson_print(ctx, 0);
}

int bench_op_cjson_pretty(void *ctx)
{
    return cjson_print(ctx, 1);
}
