/* SPDX-License-Identifier: MIT */
/* The response setters, adders and merge when an allocation fails: every
 * failure is SR_ERR_NOMEM, leaves the object as it was (all or nothing),
 * and leaks nothing. Linked with sessreport_faulty (SR_FAULT_INJECTION). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <sessreport.h>

#include "alloc_fault.h"

static sr_aggregate_report *decode(const char *json)
{
    sr_aggregate_report *r = NULL;
    assert_int_equal(sr_aggregate_report_from_json(json, strlen(json), NULL, &r, NULL), SR_OK);
    return r;
}

static char *encode(const sr_aggregate_report *r)
{
    char *out = NULL;
    assert_int_equal(sr_aggregate_report_to_json(r, 0, &out, NULL), SR_OK);
    return out;
}

typedef sr_status (*report_op)(sr_aggregate_report *dst, const sr_aggregate_report *src);

static sr_status merge_op(sr_aggregate_report *dst, const sr_aggregate_report *src)
{
    return sr_aggregate_report_merge(dst, src);
}

static sr_status self_merge_op(sr_aggregate_report *dst, const sr_aggregate_report *src)
{
    (void)src;
    return sr_aggregate_report_merge(dst, dst);
}

static sr_status add_usage_op(sr_aggregate_report *dst, const sr_aggregate_report *src)
{
    (void)src;
    return sr_aggregate_report_add_usage(dst, sr_aggregate_report_get_usage_imei(dst, 0), 1, 2);
}

static sr_status add_error_op(sr_aggregate_report *dst, const sr_aggregate_report *src)
{
    (void)src;
    return sr_aggregate_report_add_error(dst, "1", sr_aggregate_report_get_error(dst, 0, 1));
}

static sr_status error_set_op(sr_aggregate_report *dst, const sr_aggregate_report *src)
{
    (void)src;
    return sr_aggregate_report_error_set(dst, 0, SR_ROW_ERROR_DETAIL, "detail");
}

static sr_status set_txid_op(sr_aggregate_report *dst, const sr_aggregate_report *src)
{
    (void)src;
    return sr_aggregate_report_set_txid(dst, "another");
}

/* Makes the 1st, 2nd, ... allocation of op fail until op succeeds; after
 * each failure dst must encode as before and no block may be left over. */
static void sweep(report_op op)
{
    static const char dst_json[] =
        "{\"txid\":\"a\",\"usage\":[{\"imei\":\"709312034493372\",\"numberOfSessions\":1}],"
        "\"errors\":[{\"imei\":\"4\",\"errorMessage\":\"m\"}]}";
    static const char src_json[] =
        "{\"usage\":[{\"imei\":\"2\",\"bytesTransferred\":20},{\"imei\":null}],\"errors\":[{"
        "\"imei\":\"5\",\"errorResponse\":{\"errorCode\":\"E\",\"httpStatusCode\":404}}]}";
    sr_status st = SR_ERR_NOMEM;
    unsigned long n;
    for (n = 1; st == SR_ERR_NOMEM && n < 1000; n++) {
        sr_aggregate_report *dst = decode(dst_json), *src = decode(src_json);
        char *before = encode(dst), *after;
        long live = sr__fault_live_blocks();
        sr__fault_arm(n);
        st = op(dst, src);
        sr__fault_arm(0);
        if (st == SR_ERR_NOMEM) {
            assert_int_equal(sr__fault_live_blocks(), live); /* nothing kept, nothing leaked */
            after = encode(dst);
            assert_string_equal(after, before); /* all or nothing */
            sr_free(after);
        } else {
            assert_int_equal(st, SR_OK);
        }
        sr_free(before);
        sr_aggregate_report_free(src);
        sr_aggregate_report_free(dst);
    }
    assert_int_equal(st, SR_OK);
    assert_true(n > 2); /* at least one allocation was made to fail */
}

static void merge_is_all_or_nothing(void **state)
{
    (void)state;
    sweep(merge_op);
    sweep(self_merge_op);
}

static void adders_and_setters_change_nothing_on_failure(void **state)
{
    (void)state;
    sweep(add_usage_op);
    sweep(add_error_op);
    sweep(error_set_op);
    sweep(set_txid_op);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(merge_is_all_or_nothing),
        cmocka_unit_test(adders_and_setters_change_nothing_on_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
