/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the request decoder on arbitrary bytes, plus the codec's
 * round-trip properties on whatever decodes (DESIGN section 4). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sessreport.h>
#include <sessreport/cjson.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken property: say which and stop, so libFuzzer keeps the input. */
static void violated(const char *property)
{
    fprintf(stderr, "fuzz_request: property violated: %s\n", property);
    abort();
}

static session_report_request *parse(const char *json, size_t len, unsigned flags, sr_status *st)
{
    sr_parse_options opts = {flags, 0};
    session_report_request *r = NULL;
    sr_error err;
    *st = session_report_request_from_json(json, len, &opts, &r, &err);
    if (*st == SR_OK ? r == NULL : r != NULL)
        violated("*out is set exactly on success");
    if (*st != SR_OK && (err.code != *st || memchr(err.path, '\0', sizeof err.path) == NULL))
        violated("the error record matches the status");
    if (*st == SR_ERR_NOMEM || *st == SR_ERR_ARG)
        violated("no NOMEM or ARG on ordinary input");
    return r;
}

static char *serialize(const session_report_request *r, unsigned flags, size_t *len)
{
    char *out = NULL;
    if (session_report_request_to_json(r, flags, &out, len) != SR_OK)
        violated("a decoded request serializes");
    if (strlen(out) != *len)
        violated("out_len is the string's length");
    return out;
}

/* 1 when no whitespace byte sits outside a string. */
static int has_no_insignificant_whitespace(const char *s, size_t n)
{
    int in_string = 0;
    for (size_t i = 0; i < n; i++) {
        if (in_string) {
            if (s[i] == '\\')
                i++;
            else if (s[i] == '"')
                in_string = 0;
        } else if (s[i] == '"') {
            in_string = 1;
        } else if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
            return 0;
        }
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    sr_status st, strict_st;
    session_report_request *r = parse(json, size, 0, &st);
    session_report_request *strict = parse(json, size, SR_PARSE_STRICT, &strict_st);

    /* Strict mode only adds errors. */
    if (strict_st == SR_OK && (st != SR_OK || !session_report_request_equal(r, strict)))
        violated("strict success implies the same request as lenient");
    session_report_request_free(strict);

    /* The size limit is checked first, and a limit of exactly the size is no limit. */
    if (size > 1) { /* max_bytes 0 means the default */
        sr_parse_options tight = {0, size - 1}, exact = {0, size};
        session_report_request *t = NULL;
        sr_error err, again;
        if (session_report_request_from_json(json, size, &tight, &t, &err) != SR_ERR_LIMIT ||
            t != NULL)
            violated("input over max_bytes is SR_ERR_LIMIT");
        sr_status exact_st = session_report_request_from_json(json, size, &exact, &t, &err);
        if (exact_st != st)
            violated("max_bytes equal to the size changes nothing");
        session_report_request_free(t);
        if (st != SR_OK) {
            /* Deterministic: the same bytes give the same error, in the same place. */
            (void)session_report_request_from_json(json, size, NULL, &t, &again);
            if (again.code != err.code || strcmp(again.path, err.path) != 0 ||
                again.offset != err.offset || again.line != err.line ||
                again.column != err.column || strcmp(again.message, err.message) != 0)
                violated("errors are deterministic");
        }
    }
    if (st != SR_OK)
        return 0;

    size_t compact_len, pretty_len;
    char *compact = serialize(r, 0, &compact_len);
    char *pretty = serialize(r, SR_JSON_PRETTY, &pretty_len);

    /* parse -> to_json -> parse gives an equal request, from either form. */
    session_report_request *from_compact = parse(compact, compact_len, 0, &st);
    if (st != SR_OK || !session_report_request_equal(r, from_compact))
        violated("compact output parses back equal");
    session_report_request *from_pretty = parse(pretty, pretty_len, 0, &st);
    if (st != SR_OK || !session_report_request_equal(r, from_pretty))
        violated("pretty output parses back equal");

    /* to_json -> parse -> to_json gives identical bytes. */
    size_t again_len;
    char *again = serialize(from_compact, 0, &again_len);
    if (again_len != compact_len || memcmp(again, compact, compact_len) != 0)
        violated("compact output is a fixed point");
    sr_free(again);
    again = serialize(from_pretty, SR_JSON_PRETTY, &again_len);
    if (again_len != pretty_len || memcmp(again, pretty, pretty_len) != 0)
        violated("pretty output is a fixed point");
    sr_free(again);

    if (!has_no_insignificant_whitespace(compact, compact_len))
        violated("compact output has no whitespace outside strings");
    if (pretty_len > 0 && (pretty[pretty_len - 1] == '\n' || pretty[pretty_len - 1] == ' '))
        violated("pretty output has no final newline");

    /* to_cjson -> from_cjson gives an equal request, and the tree prints
     * the compact bytes. */
    cJSON *tree = NULL;
    session_report_request *from_tree = NULL;
    if (session_report_request_to_cjson(r, &tree) != SR_OK ||
        session_report_request_from_cjson(tree, NULL, &from_tree, NULL) != SR_OK ||
        !session_report_request_equal(r, from_tree))
        violated("to_cjson output decodes back equal with from_cjson");
    char *printed = cJSON_PrintUnformatted(tree);
    if (printed == NULL || strcmp(printed, compact) != 0)
        violated("the to_cjson tree prints the compact bytes");
    cJSON_free(printed);
    cJSON_Delete(tree);
    session_report_request_free(from_tree);

    session_report_request *copy = NULL;
    if (session_report_request_clone(r, &copy) != SR_OK || !session_report_request_equal(copy, r))
        violated("a clone is equal");

    session_report_request_free(copy);
    session_report_request_free(from_pretty);
    session_report_request_free(from_compact);
    sr_free(pretty);
    sr_free(compact);
    session_report_request_free(r);
    return 0;
}
