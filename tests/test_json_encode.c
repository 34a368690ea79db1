/* SPDX-License-Identifier: MIT */
/* Encoding rules of session_report_request_to_json (DESIGN sections 1 and
 * 4): field order, compact and pretty layout, escaping, unknown members. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sessreport.h"
#include "support/amplify.h"
#include "support/seed.h"

static const char seed_pretty[] = SR_TEST_SEED_JSON;
static const char seed_compact[] = SR_TEST_SEED_COMPACT_JSON;

/* The seed built through the setters, in an order unlike the output's. */
static session_report_request *seed_request(void)
{
    session_report_request *r = sr_test_seed_request();
    assert_non_null(r);
    return r;
}

static char *encode(const session_report_request *r, unsigned flags)
{
    char *out = NULL;
    size_t len = (size_t)-1;
    assert_int_equal(session_report_request_to_json(r, flags, &out, &len), SR_OK);
    assert_non_null(out);
    assert_int_equal(len, strlen(out));
    return out;
}

static session_report_request *decode(const char *json)
{
    session_report_request *r = NULL;
    sr_error err;
    sr_status st = session_report_request_from_json(json, strlen(json), NULL, &r, &err);
    if (st != SR_OK)
        print_message("decode: %s '%s' %s\n", sr_status_name(st), err.path, err.message);
    assert_int_equal(st, SR_OK);
    return r;
}

static void assert_encodes(const session_report_request *r, unsigned flags, const char *want)
{
    char *out = encode(r, flags);
    if (strcmp(out, want) != 0)
        print_message("got:\n%s\nwant:\n%s\n", out, want);
    assert_string_equal(out, want);
    sr_free(out);
}

static void test_seed_pretty_and_compact(void **state)
{
    session_report_request *r = seed_request();
    (void)state;
    assert_encodes(r, SR_JSON_PRETTY, seed_pretty);
    assert_encodes(r, 0, seed_compact);
    session_report_request_free(r);
}

/* The pretty form equals the seed example of the project's rules document
 * (docs/design.md) byte for byte; CI's shared-corpora stage checks that this
 * example is the one of the team's contract. */
static void test_seed_matches_design_document(void **state)
{
    const char *source = getenv("SR_SOURCE_DIR");
    char path[4096];
    FILE *f;
    static char text[65536];
    size_t n;
    const char *start, *end;
    (void)state;

    if (source == NULL)
        fail_msg("SR_SOURCE_DIR is not set");
    snprintf(path, sizeof path, "%s/docs/design.md", source);
    f = fopen(path, "rb");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    start = strstr(text, "```json\n");
    assert_non_null(start);
    start += strlen("```json\n");
    end = strstr(start, "\n```");
    assert_non_null(end);

    session_report_request *r = seed_request();
    char *out = encode(r, SR_JSON_PRETTY);
    assert_int_equal(strlen(out), (size_t)(end - start));
    assert_memory_equal(out, start, (size_t)(end - start));
    sr_free(out);
    session_report_request_free(r);
}

static void test_minimal_and_empty_lists(void **state)
{
    session_report_request *r = session_report_request_new();
    (void)state;
    assert_non_null(r);
    assert_int_equal(session_report_request_set_account_number(r, "A"), SR_OK);
    assert_encodes(r, 0, "{\"accountNumber\":\"A\",\"imei\":[]}");
    assert_encodes(r, SR_JSON_PRETTY, "{\n  \"accountNumber\": \"A\",\n  \"imei\": []\n}");
    assert_int_equal(session_report_request_add_imei(r, "1"), SR_OK);
    assert_int_equal(session_report_request_add_imei(r, "2"), SR_OK);
    assert_encodes(r, 0, "{\"accountNumber\":\"A\",\"imei\":[\"1\",\"2\"]}");
    assert_encodes(r, SR_JSON_PRETTY,
                   "{\n  \"accountNumber\": \"A\",\n  \"imei\": [\n    \"1\",\n    \"2\"\n  ]\n}");
    session_report_request_free(r);
}

static void test_explicit_nulls_and_absent_fields(void **state)
{
    session_report_request *r = session_report_request_new();
    (void)state;
    assert_non_null(r);
    assert_int_equal(session_report_request_set_account_number(r, "A"), SR_OK);
    assert_int_equal(session_report_request_set_device_group_null(r), SR_OK);
    assert_int_equal(session_report_request_set_device_label_null(r), SR_OK);
    assert_int_equal(session_report_request_set_end_date(r, "E"), SR_OK);
    assert_encodes(r, 0,
                   "{\"accountNumber\":\"A\",\"endDate\":\"E\",\"imei\":[],\"deviceGroup\":null,"
                   "\"deviceLabel\":null}");
    assert_encodes(r, SR_JSON_PRETTY,
                   "{\n  \"accountNumber\": \"A\",\n  \"endDate\": \"E\",\n  \"imei\": [],\n"
                   "  \"deviceGroup\": null,\n  \"deviceLabel\": null\n}");
    session_report_request_unset_device_group(r);
    assert_int_equal(session_report_request_set_data_plan(r, ""), SR_OK);
    assert_encodes(r, 0,
                   "{\"accountNumber\":\"A\",\"endDate\":\"E\",\"imei\":[],\"dataPlan\":\"\","
                   "\"deviceLabel\":null}");
    session_report_request_free(r);
}

static void test_escaping(void **state)
{
    session_report_request *r = session_report_request_new();
    (void)state;
    assert_non_null(r);
    assert_int_equal(
        session_report_request_set_account_number(
            r, "q\" b\\ s/ \b\f\n\r\t \x01\x1f\x7f \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"),
        SR_OK);
    assert_encodes(r, 0,
                   "{\"accountNumber\":\"q\\\" b\\\\ s/ \\b\\f\\n\\r\\t \\u0001\\u001f\x7f "
                   "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\",\"imei\":[]}");
    assert_int_equal(session_report_request_set_account_number(r, "\x0b\x1e"), SR_OK);
    assert_encodes(r, 0, "{\"accountNumber\":\"\\u000b\\u001e\",\"imei\":[]}");
    session_report_request_free(r);
}

static void test_unknown_members_last_in_input_order(void **state)
{
    session_report_request *r =
        decode("{\"z\":1,\"deviceLabel\":\"L\",\"a\\u0041\\n\":{\"k\":[1, 2.50e+3,{},[],"
               "{\"m\":null}],\"s\":\"a:b,c{d}[e] \\\"q\\\"\"},\"accountNumber\":\"A\","
               "\"e\":[],\"imei\":[],\"n\":-0.0}");
    (void)state;
    assert_encodes(r, 0,
                   "{\"accountNumber\":\"A\",\"imei\":[],\"deviceLabel\":\"L\",\"z\":1,"
                   "\"aA\\n\":{\"k\":[1,2.50e+3,{},[],{\"m\":null}],\"s\":\"a:b,c{d}[e] "
                   "\\\"q\\\"\"},\"e\":[],\"n\":-0.0}");
    assert_encodes(r, SR_JSON_PRETTY,
                   "{\n"
                   "  \"accountNumber\": \"A\",\n"
                   "  \"imei\": [],\n"
                   "  \"deviceLabel\": \"L\",\n"
                   "  \"z\": 1,\n"
                   "  \"aA\\n\": {\n"
                   "    \"k\": [\n"
                   "      1,\n"
                   "      2.50e+3,\n"
                   "      {},\n"
                   "      [],\n"
                   "      {\n"
                   "        \"m\": null\n"
                   "      }\n"
                   "    ],\n"
                   "    \"s\": \"a:b,c{d}[e] \\\"q\\\"\"\n"
                   "  },\n"
                   "  \"e\": [],\n"
                   "  \"n\": -0.0\n"
                   "}");
    session_report_request_free(r);
}

static void test_boolean_flag_written_as_string(void **state)
{
    session_report_request *r =
        decode("{\"accountNumber\":\"A\",\"imei\":[],\"noSessionFlag\":false}");
    (void)state;
    assert_encodes(r, 0, "{\"accountNumber\":\"A\",\"imei\":[],\"noSessionFlag\":\"false\"}");
    session_report_request_free(r);
}

static void test_refusals_and_arguments(void **state)
{
    session_report_request *r = session_report_request_new();
    char *out = (char *)(uintptr_t)1;
    size_t len = 7;
    (void)state;
    assert_non_null(r);
    assert_int_equal(session_report_request_add_imei(r, "709312034493372"), SR_OK);
    assert_int_equal(session_report_request_to_json(r, 0, &out, &len), SR_ERR_MISSING);
    assert_null(out);
    assert_int_equal(len, 0);
    out = (char *)(uintptr_t)1;
    assert_int_equal(session_report_request_to_json(NULL, 0, &out, NULL), SR_ERR_ARG);
    assert_null(out);
    assert_int_equal(session_report_request_to_json(r, 0, NULL, &len), SR_ERR_ARG);
    /* out_len may be NULL. */
    assert_int_equal(session_report_request_set_account_number(r, "A"), SR_OK);
    assert_int_equal(session_report_request_to_json(r, SR_JSON_PRETTY, &out, NULL), SR_OK);
    assert_non_null(out);
    assert_int_not_equal(out[strlen(out) - 1], '\n');
    sr_free(out);
    session_report_request_free(r);
}

/* The output is sized exactly: many IMEIs, length reported matches. */
static void test_many_imeis(void **state)
{
    session_report_request *r = session_report_request_new();
    char imei[16];
    size_t count = 10000;
    char *out;
    size_t len;
    (void)state;
    assert_non_null(r);
    assert_int_equal(session_report_request_set_account_number(r, "0844021539-00001"), SR_OK);
    for (size_t i = 0; i < count; i++) {
        snprintf(imei, sizeof imei, "%015zu", i);
        assert_int_equal(session_report_request_add_imei(r, imei), SR_OK);
    }
    assert_int_equal(session_report_request_to_json(r, 0, &out, &len), SR_OK);
    /* {"accountNumber":"0844021539-00001","imei":[ ... ]} */
    assert_int_equal(len, strlen("{\"accountNumber\":\"0844021539-00001\",\"imei\":[]}") +
                              count * 17 + (count - 1));
    assert_int_equal(len, strlen(out));
    assert_memory_equal(out + len - 18, "000000000009999\"]}", 18);
    sr_free(out);
    assert_int_equal(session_report_request_to_json(r, SR_JSON_PRETTY, &out, &len), SR_OK);
    assert_int_equal(
        len, strlen("{\n  \"accountNumber\": \"0844021539-00001\",\n  \"imei\": [\n  ]\n}") +
                 count * (4 + 17 + 1) + (count - 1));
    sr_free(out);
    session_report_request_free(r);
}

/* Issue 15 item 4: 1000 arrays nested 510 deep in an unknown member fit in
 * 1 MB but would print 524 MB pretty; the size is known first and the
 * output refused without allocating it. */
static void test_output_beyond_the_limit_is_refused(void **state)
{
    (void)state;
    size_t len = 0;
    char *json = sr_test_amplifying_document(&len);
    assert_non_null(json);
    session_report_request *r = NULL;
    assert_int_equal(session_report_request_from_json(json, len, NULL, &r, NULL), SR_OK);
    char *out = (char *)&out;
    size_t out_len = 1;
    assert_int_equal(session_report_request_to_json(r, SR_JSON_PRETTY, &out, &out_len),
                     SR_ERR_LIMIT);
    assert_null(out);
    assert_int_equal(out_len, 0);
    /* compact is the input's size */
    assert_int_equal(session_report_request_to_json(r, 0, &out, &out_len), SR_OK);
    assert_int_equal(out_len, len);
    assert_memory_equal(out, json, len);
    sr_free(out);
    session_report_request_free(r);
    free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_pretty_and_compact),
        cmocka_unit_test(test_seed_matches_design_document),
        cmocka_unit_test(test_minimal_and_empty_lists),
        cmocka_unit_test(test_explicit_nulls_and_absent_fields),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_unknown_members_last_in_input_order),
        cmocka_unit_test(test_boolean_flag_written_as_string),
        cmocka_unit_test(test_refusals_and_arguments),
        cmocka_unit_test(test_many_imeis),
        cmocka_unit_test(test_output_beyond_the_limit_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
