/* SPDX-License-Identifier: MIT */
/* Checks that every bench document round-trips, so the timings compare equal work. */
#include <stdio.h>
#include <string.h>

#include "bench.h"

static int same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    return alen == blen && memcmp(a, b, alen) == 0;
}

/* The equivalent cJSON tree prints the library's compact bytes, and equals
 * cJSON's own reading of the library's pretty text. */
static int check_cjson(const session_report_request *r, const bench_doc *d, const char *pretty,
                       size_t pretty_len, char *why, size_t why_len)
{
    int rc = -1;
    char *compact = NULL;
    cJSON *parsed = NULL;
    cJSON *built = bench_cjson_from_request(r);
    if (built == NULL) {
        snprintf(why, why_len, "building the cJSON tree failed");
        goto cleanup;
    }
    compact = cJSON_PrintUnformatted(built);
    if (compact == NULL || !same_bytes(compact, strlen(compact), d->buf, d->len)) {
        snprintf(why, why_len, "cJSON_PrintUnformatted of the equivalent tree differs");
        goto cleanup;
    }
    parsed = cJSON_ParseWithLength(pretty, pretty_len);
    if (parsed == NULL || !cJSON_Compare(parsed, built, 1)) {
        snprintf(why, why_len, "cJSON reads the pretty output as a different document");
        goto cleanup;
    }
    rc = 0;
cleanup:
    cJSON_free(compact);
    cJSON_Delete(parsed);
    cJSON_Delete(built);
    return rc;
}

int bench_check_roundtrip(const bench_doc *d, const sr_validate_options *vopts, int compare_cjson,
                          char *why, size_t why_len)
{
    int rc = -1;
    session_report_request *r = NULL, *again = NULL;
    char *compact = NULL, *pretty = NULL, *pretty2 = NULL;
    size_t compact_len = 0, pretty_len = 0, pretty2_len = 0;
    sr_error err;
    memset(&err, 0, sizeof(err));

    sr_status s = session_report_request_from_json(d->buf, d->len, NULL, &r, &err);
    if (s != SR_OK) {
        snprintf(why, why_len, "from_json: %s at '%s': %s", sr_status_name(s), err.path,
                 err.message);
        goto cleanup;
    }
    size_t problems = session_report_request_validate(r, vopts, &err, 1);
    if (problems != 0) {
        snprintf(why, why_len, "validate: %zu problem(s), first %s at '%s': %s", problems,
                 sr_status_name(err.code), err.path, err.message);
        goto cleanup;
    }
    if (session_report_request_to_json(r, 0, &compact, &compact_len) != SR_OK ||
        !same_bytes(compact, compact_len, d->buf, d->len)) {
        snprintf(why, why_len, "compact to_json does not give back the input bytes");
        goto cleanup;
    }
    if (session_report_request_to_json(r, SR_JSON_PRETTY, &pretty, &pretty_len) != SR_OK) {
        snprintf(why, why_len, "pretty to_json failed");
        goto cleanup;
    }
    s = session_report_request_from_json(pretty, pretty_len, NULL, &again, &err);
    if (s != SR_OK || !session_report_request_equal(r, again)) {
        snprintf(why, why_len, "pretty output does not parse back to an equal request (%s)",
                 sr_status_name(s));
        goto cleanup;
    }
    if (session_report_request_to_json(again, SR_JSON_PRETTY, &pretty2, &pretty2_len) != SR_OK ||
        !same_bytes(pretty, pretty_len, pretty2, pretty2_len)) {
        snprintf(why, why_len, "serialize -> parse -> serialize changes the pretty bytes");
        goto cleanup;
    }
    if (compare_cjson && check_cjson(r, d, pretty, pretty_len, why, why_len) != 0)
        goto cleanup;
    rc = 0;
cleanup:
    sr_free(compact);
    sr_free(pretty);
    sr_free(pretty2);
    session_report_request_free(r);
    session_report_request_free(again);
    return rc;
}
