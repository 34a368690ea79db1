/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the three response decoders and the shape detector on
 * the same bytes. What decodes must encode, decode again and encode to the
 * same bytes, and the detector must recognise the encoder's output. */
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
        if (sr_response_detect(out, strlen(out)) != SR_RESPONSE_AGGREGATE_REPORT)
            violated("the detector recognises an encoded aggregate report");
        if (sr_aggregate_report_usage_count(back) != sr_aggregate_report_usage_count(r))
            violated("usage rows survive the round trip");
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
    same_bytes(sr_callback_result_txid(r), sr_callback_result_txid(back), "txid survives");
    same_bytes(sr_callback_result_status(r), sr_callback_result_status(back), "status survives");
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
        if ((x == NULL) != (y == NULL) || (x != NULL && strcmp(x, y) != 0))
            violated("error body fields survive the round trip");
    }
    sr_free(out);
    sr_free(again);
    sr_error_body_free(back);
    sr_error_body_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    static const sr_parse_options lenient = {0, 0}, strict = {SR_PARSE_STRICT, 0};
    sr_response_kind kind = sr_response_detect(json, size);
    if (kind < SR_RESPONSE_UNKNOWN || kind > SR_RESPONSE_ERROR_BODY)
        violated("the detector returns a known kind");
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
