/* SPDX-License-Identifier: MIT */
/* Concurrency: four threads each parse, validate, normalize and serialize
 * their own requests, while all of them read one shared request (and one
 * shared response) through the getters and to_json. Meant to run under
 * ThreadSanitizer too. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <sessreport.h>

#include "support/seed.h"

#define THREADS    4
#define ITERATIONS 1000

static const char seed_pretty[] = SR_TEST_SEED_JSON;

/* Each thread's own document: ISO 8601 forms that normalize to known text. */
static const char own_template[] = "{\"accountNumber\":\"0844021539-0000%d\","
                                   "\"startDate\":\"2022120%dT2201+0100\","
                                   "\"endDate\":\"2022-W49-%dT23:59:59.5-01:30\","
                                   "\"imei\":[\"709312034493372\",\"490154203237518\"],"
                                   "\"deviceGroup\":null,\"x%d\":[1.50,{\"y\":\"\\u00e9\"}]}";

static const char report_json[] =
    "{\"txid\":\"c9f8a7e6\",\"usage\":[{\"imei\":\"709312034493372\",\"numberOfSessions\":3,"
    "\"bytesTransferred\":9007199254740993},{\"imei\":\"490154203237518\","
    "\"numberOfSessions\":0,\"bytesTransferred\":0}]}";

typedef struct worker {
    int id;
    const session_report_request *shared;
    const sr_aggregate_report *shared_report;
    const char *shared_compact;
    const char *shared_pretty;
    char own[512];
    size_t own_len;
    char expected_start[40];
    /* Filled by the thread: the first failure, "" when none. */
    char failure[200];
} worker;

static int record(worker *w, int iteration, const char *what)
{
    snprintf(w->failure, sizeof w->failure, "thread %d iteration %d: %s", w->id, iteration, what);
    return 0;
}

static int shared_reads_ok(worker *w, int i)
{
    const session_report_request *s = w->shared;
    if (strcmp(session_report_request_get_account_number(s), "0844021539-00001") != 0 ||
        strcmp(session_report_request_get_device_label(s), "deviceLabel4") != 0 ||
        session_report_request_imei_count(s) != 1 ||
        strcmp(session_report_request_imei_at(s, 0), "709312034493372") != 0 ||
        session_report_request_is_device_group_null(s))
        return record(w, i, "shared getters");
    for (unsigned flags = 0; flags <= SR_JSON_PRETTY; flags++) {
        char *out = NULL;
        if (session_report_request_to_json(s, flags, &out, NULL) != SR_OK)
            return record(w, i, "shared to_json");
        int same = strcmp(out, flags ? w->shared_pretty : w->shared_compact) == 0;
        sr_free(out);
        if (!same)
            return record(w, i, "shared to_json bytes");
    }
    if (session_report_request_validate(s, NULL, NULL, 0) != 0)
        return record(w, i, "shared validate");

    /* A shared response, read the same way. */
    const sr_aggregate_report *rep = w->shared_report;
    int64_t bytes = 0;
    char *out = NULL;
    if (strcmp(sr_aggregate_report_get_txid(rep), "c9f8a7e6") != 0 ||
        sr_aggregate_report_usage_count(rep) != 2 ||
        sr_aggregate_report_get_usage_bytes(rep, 0, &bytes) != SR_OK || bytes != 9007199254740993 ||
        sr_aggregate_report_to_json(rep, 0, &out, NULL) != SR_OK)
        return record(w, i, "shared report getters");
    int same = strcmp(out, report_json) == 0;
    sr_free(out);
    if (!same)
        return record(w, i, "shared report to_json bytes");
    return 1;
}

static int own_cycle_ok(worker *w, int i)
{
    session_report_request *r = NULL, *back = NULL, *copy = NULL;
    char *json = NULL;
    sr_error err;
    int ok = 0;

    if (session_report_request_from_json(w->own, w->own_len, NULL, &r, &err) != SR_OK) {
        record(w, i, "from_json");
        goto cleanup;
    }
    if (session_report_request_validate(r, NULL, NULL, 0) != 0) {
        record(w, i, "validate before normalize");
        goto cleanup;
    }
    if (session_report_request_normalize_dates(r, &err) != SR_OK ||
        strcmp(session_report_request_get_start_date(r), w->expected_start) != 0) {
        record(w, i, "normalize_dates");
        goto cleanup;
    }
    sr_validate_options strict = {0, 0, NULL, SR_VALIDATE_RFC3339};
    if (session_report_request_validate(r, &strict, NULL, 0) != 0) {
        record(w, i, "validate after normalize");
        goto cleanup;
    }
    if (session_report_request_clone(r, &copy) != SR_OK ||
        session_report_request_to_json(copy, (unsigned)(i & 1), &json, NULL) != SR_OK ||
        session_report_request_from_json(json, strlen(json), NULL, &back, &err) != SR_OK ||
        !session_report_request_equal(back, r)) {
        record(w, i, "clone/to_json/from_json round trip");
        goto cleanup;
    }
    ok = 1;
cleanup:
    session_report_request_free(r);
    session_report_request_free(back);
    session_report_request_free(copy);
    sr_free(json);
    return ok;
}

static void *work(void *arg)
{
    worker *w = arg;
    for (int i = 0; i < ITERATIONS; i++) {
        if (!shared_reads_ok(w, i) || !own_cycle_ok(w, i))
            break;
    }
    return NULL;
}

static void four_threads_share_one_request(void **state)
{
    (void)state;
    session_report_request *shared = NULL;
    char *compact = NULL, *pretty = NULL;
    assert_int_equal(
        session_report_request_from_json(seed_pretty, sizeof seed_pretty - 1, NULL, &shared, NULL),
        SR_OK);
    assert_int_equal(session_report_request_to_json(shared, 0, &compact, NULL), SR_OK);
    assert_int_equal(session_report_request_to_json(shared, SR_JSON_PRETTY, &pretty, NULL), SR_OK);
    assert_string_equal(pretty, seed_pretty);
    sr_aggregate_report *report = NULL;
    assert_int_equal(
        sr_aggregate_report_from_json(report_json, sizeof report_json - 1, NULL, &report, NULL),
        SR_OK);

    worker workers[THREADS];
    pthread_t threads[THREADS];
    for (int t = 0; t < THREADS; t++) {
        worker *w = &workers[t];
        memset(w, 0, sizeof *w);
        w->id = t;
        w->shared = shared;
        w->shared_report = report;
        w->shared_compact = compact;
        w->shared_pretty = pretty;
        int day = t + 1;
        w->own_len = (size_t)snprintf(w->own, sizeof w->own, own_template, t, day, day, t);
        /* 22:01 at +01:00 is 21:01 UTC on the same day. */
        snprintf(w->expected_start, sizeof w->expected_start, "2022-12-0%dT21:01:00Z", day);
    }
    for (int t = 0; t < THREADS; t++)
        assert_int_equal(pthread_create(&threads[t], NULL, work, &workers[t]), 0);
    for (int t = 0; t < THREADS; t++)
        assert_int_equal(pthread_join(threads[t], NULL), 0);
    for (int t = 0; t < THREADS; t++) {
        if (workers[t].failure[0] != '\0')
            fail_msg("%s", workers[t].failure);
    }
    sr_free(compact);
    sr_free(pretty);
    sr_aggregate_report_free(report);
    session_report_request_free(shared);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(four_threads_share_one_request),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
