/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the three response decoders and the shape detector on
 * the same bytes. What decodes must encode, decode again to an equal object
 * (every getter the same) and encode to the same bytes; strict success
 * implies lenient success; a kind the detector names decodes as that kind. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sessreport.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void violated(const char *property)
{
    fprintf(stderr, "fuzz_responses: property violated: %s\n", property);
    abort();
}

static void check_status(sr_status st, const void *out, const sr_error *err)
{
    if (st == SR_OK ? out == NULL : out != NULL)
        violated("*out is set exactly on success");
    if (st == SR_ERR_NOMEM || st == SR_ERR_ARG || st == SR_ERR_FORMAT)
        violated("no NOMEM, ARG or FORMAT on ordinary input");
    if (st != SR_OK && (err->code != st || memchr(err->path, '\0', sizeof err->path) == NULL))
        violated("the error record matches the status");
}

static void same_bytes(const char *a, const char *b, const char *property)
{
    if (strcmp(a, b) != 0)
        violated(property);
}

static int same_text(const char *a, const char *b)
{
    return (a == NULL) == (b == NULL) && (a == NULL || strcmp(a, b) == 0);
}

static int same_count(sr_status (*get)(const sr_aggregate_report *, size_t, int64_t *),
                      const sr_aggregate_report *a, const sr_aggregate_report *b, size_t i)
{
    int64_t x = -1, y = -1;
    return get(a, i, &x) == get(b, i, &y) && x == y;
}

/* Every getter of a and b answers the same. */
static int same_report(const sr_aggregate_report *a, const sr_aggregate_report *b)
{
    size_t n = sr_aggregate_report_usage_count(a), e = sr_aggregate_report_error_count(a);
    if (!same_text(sr_aggregate_report_get_txid(a), sr_aggregate_report_get_txid(b)) ||
        n != sr_aggregate_report_usage_count(b) || e != sr_aggregate_report_error_count(b))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!same_text(sr_aggregate_report_get_usage_imei(a, i),
                       sr_aggregate_report_get_usage_imei(b, i)) ||
            !same_count(sr_aggregate_report_get_usage_sessions, a, b, i) ||
            !same_count(sr_aggregate_report_get_usage_bytes, a, b, i))
            return 0;
    }
    for (size_t i = 0; i < e; i++) {
        for (int f = 0; f < SR_ROW_ERROR_FIELD_COUNT; f++) {
            if (!same_text(sr_aggregate_report_get_error(a, i, (sr_row_error_field)f),
                           sr_aggregate_report_get_error(b, i, (sr_row_error_field)f)))
                return 0;
        }
    }
    return 1;
}

static void aggregate(const char *json, size_t size, const sr_parse_options *opts)
{
    sr_aggregate_report *r = NULL, *back = NULL;
    sr_error err;
    sr_status st = sr_aggregate_report_from_json(json, size, opts, &r, &err);
    check_status(st, r, &err);
    if (st != SR_OK)
        return;
    for (unsigned flags = 0; flags <= SR_JSON_PRETTY; flags++) {
        char *out = NULL, *again = NULL;
        if (sr_aggregate_report_to_json(r, flags, &out, NULL) != SR_OK ||
            sr_aggregate_report_from_json(out, strlen(out), NULL, &back, &err) != SR_OK ||
            sr_aggregate_report_to_json(back, flags, &again, NULL) != SR_OK)
            violated("an aggregate report encodes and decodes again");
        same_bytes(out, again, "aggregate report encoding is a fixed point");
        if (!same_report(r, back))
            violated("decode -> encode -> decode gives an equal aggregate report");
        sr_aggregate_report_free(back);
        back = NULL;
        sr_free(out);
        sr_free(again);
    }
    sr_aggregate_report_free(r);
}

static void callback(const char *json, size_t size, const sr_parse_options *opts)
{
    sr_callback_result *r = NULL, *back = NULL;
    sr_error err;
    sr_status st = sr_callback_result_from_json(json, size, opts, &r, &err);
    check_status(st, r, &err);
    if (st != SR_OK)
        return;
    char *out = NULL, *again = NULL;
    if (sr_callback_result_to_json(r, 0, &out, NULL) != SR_OK ||
        sr_callback_result_from_json(out, strlen(out), NULL, &back, &err) != SR_OK ||
        sr_callback_result_to_json(back, 0, &again, NULL) != SR_OK)
        violated("a callback result encodes and decodes again");
    same_bytes(out, again, "callback result encoding is a fixed point");
    same_bytes(sr_callback_result_get_txid(r), sr_callback_result_get_txid(back), "txid survives");
    if (!same_text(sr_callback_result_get_status(r), sr_callback_result_get_status(back)))
        violated("status survives");
    sr_free(out);
    sr_free(again);
    sr_callback_result_free(back);
    sr_callback_result_free(r);
}

static void error_body(const char *json, size_t size, const sr_parse_options *opts)
{
    sr_error_body *b = NULL, *back = NULL;
    sr_error err;
    sr_status st = sr_error_body_from_json(json, size, opts, &b, &err);
    check_status(st, b, &err);
    if (st != SR_OK)
        return;
    char *out = NULL, *again = NULL;
    if (sr_error_body_to_json(b, SR_JSON_PRETTY, &out, NULL) != SR_OK ||
        sr_error_body_from_json(out, strlen(out), NULL, &back, &err) != SR_OK ||
        sr_error_body_to_json(back, SR_JSON_PRETTY, &again, NULL) != SR_OK)
        violated("an error body encodes and decodes again");
    same_bytes(out, again, "error body encoding is a fixed point");
    for (int f = 0; f < SR_ERROR_BODY_FIELD_COUNT; f++) {
        const char *x = sr_error_body_get(b, (sr_error_body_field)f);
        const char *y = sr_error_body_get(back, (sr_error_body_field)f);
        if (!same_text(x, y))
            violated("error body fields survive the round trip");
    }
    sr_free(out);
    sr_free(again);
    sr_error_body_free(back);
    sr_error_body_free(b);
}

/* A kind the detector names decodes as that kind; strict success implies
 * lenient success for every type. */
static void check_detected(sr_response_kind kind, const char *json, size_t size)
{
    static const sr_parse_options strict = {SR_PARSE_STRICT, 0};
    sr_aggregate_report *r = NULL;
    sr_callback_result *c = NULL;
    sr_error_body *b = NULL;
    sr_status lenient[3], strict_st[3];
    lenient[0] = sr_aggregate_report_from_json(json, size, NULL, &r, NULL);
    sr_aggregate_report_free(r);
    lenient[1] = sr_callback_result_from_json(json, size, NULL, &c, NULL);
    sr_callback_result_free(c);
    lenient[2] = sr_error_body_from_json(json, size, NULL, &b, NULL);
    sr_error_body_free(b);
    strict_st[0] = sr_aggregate_report_from_json(json, size, &strict, &r, NULL);
    sr_aggregate_report_free(r);
    strict_st[1] = sr_callback_result_from_json(json, size, &strict, &c, NULL);
    sr_callback_result_free(c);
    strict_st[2] = sr_error_body_from_json(json, size, &strict, &b, NULL);
    sr_error_body_free(b);
    for (int i = 0; i < 3; i++) {
        if (strict_st[i] == SR_OK && lenient[i] != SR_OK)
            violated("strict success implies lenient success");
    }
    if (kind >= SR_RESPONSE_AGGREGATE_REPORT && kind <= SR_RESPONSE_ERROR_BODY &&
        lenient[kind - SR_RESPONSE_AGGREGATE_REPORT] != SR_OK)
        violated("a detected kind decodes as that kind");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    static const sr_parse_options lenient = {0, 0}, strict = {SR_PARSE_STRICT, 0};
    sr_response_kind kind = sr_response_detect(json, size);
    if (kind < SR_RESPONSE_UNKNOWN || kind > SR_RESPONSE_AMBIGUOUS)
        violated("the detector returns a known kind");
    check_detected(kind, json, size);
    if (sr_response_kind_name(kind) == NULL)
        violated("every kind has a name");
    aggregate(json, size, &lenient);
    aggregate(json, size, &strict);
    callback(json, size, &lenient);
    callback(json, size, &strict);
    error_body(json, size, &lenient);
    error_body(json, size, &strict);
    return 0;
}
