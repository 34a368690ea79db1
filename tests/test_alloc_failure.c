/* SPDX-License-Identifier: MIT */
/* Allocation-failure injection: every operation is run with its 1st, 2nd,
 * ... allocation failing until a run succeeds; each run must return
 * SR_ERR_NOMEM (or succeed with the right result), leave its inputs
 * unchanged and leak nothing. Links sessreport_faulty. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include <sessreport.h>
#include <sessreport/cjson.h>

#include "alloc_fault.h"
#include "support/amplify.h"
#include "support/seed.h"

/* No operation under test needs more attempts than this; reaching it means
 * the loop never converges (a failure that is retried forever). */
#define MAX_ATTEMPTS 100000ul

static const char seed_json[] = SR_TEST_SEED_JSON;

static const char unknown_json[] =
    "{\"accountNumber\":\"0844021539-00001\",\"imei\":[\"709312034493372\",\"490154203237518\"],"
    "\"extra\":{\"a\":[1,2.50,-3e+07,true,false,null],\"b\":{\"c\":\"\\u00e9\\n\"}},"
    "\"deviceGroup\":null,\"n\":12345678901234567890123,\"s\":\"x\\ty\","
    "\"dataPlan\":null,\"deviceLabel\":null,\"noSessionFlag\":\"true\",\"e\":[],\"o\":{}}";

static const char dates_json[] = "{\"accountNumber\":\"0844021539-00001\",\"imei\":[],"
                                 "\"startDate\":\"20221209T2201+0100\","
                                 "\"endDate\":\"2022-W49-5T22:59:60.123456789-01:00\"}";

/* ---- cJSON's allocations share the seam's failure counter ---- */

static long cjson_live_blocks;

static void *counting_cjson_malloc(size_t n)
{
    if (sr__fault_tick())
        return NULL;
    void *p = malloc(n);
    if (p != NULL)
        cjson_live_blocks++;
    return p;
}

static void counting_cjson_free(void *p)
{
    if (p != NULL)
        cjson_live_blocks--;
    free(p);
}

static int install_cjson_hooks(void **state)
{
    (void)state;
    cJSON_Hooks hooks = {counting_cjson_malloc, counting_cjson_free};
    cJSON_InitHooks(&hooks);
    return 0;
}

static int restore_cjson_hooks(void **state)
{
    (void)state;
    cJSON_InitHooks(NULL);
    return 0;
}

/* ---- the driver ---- */

/* One operation: runs once with whatever allocation failing, releases what
 * it produced, and returns its status after checking its own result (a
 * success must be the right result; a failure must leave inputs as they
 * were). */
typedef sr_status (*operation_fn)(void *ctx);

/* Runs op with allocation 1, 2, ... failing until a run does not hit the
 * armed failure. Returns the number of allocations the successful run made. */
static unsigned long run_until_success(const char *what, operation_fn op, void *ctx,
                                       sr_status final_status)
{
    for (unsigned long n = 1; n < MAX_ATTEMPTS; n++) {
        long live_before = sr__fault_live_blocks();
        long cjson_before = cjson_live_blocks;

        sr__fault_arm(n);
        sr_status st = op(ctx);
        int fired = sr__fault_fired();
        unsigned long attempts = sr__fault_allocations();
        sr__fault_arm(0);

        if (sr__fault_live_blocks() != live_before || cjson_live_blocks != cjson_before) {
            fail_msg("%s: allocation %lu failing: leaked %ld seam and %ld cJSON blocks "
                     "(status %s)",
                     what, n, sr__fault_live_blocks() - live_before,
                     cjson_live_blocks - cjson_before, sr_status_name(st));
        }
        if (!fired) {
            if (st != final_status)
                fail_msg("%s: unhindered run gave %s, expected %s", what, sr_status_name(st),
                         sr_status_name(final_status));
            return attempts;
        }
        if (st != SR_ERR_NOMEM && st != final_status) {
            fail_msg("%s: allocation %lu failing gave %s (expected SR_ERR_NOMEM or %s)", what, n,
                     sr_status_name(st), sr_status_name(final_status));
        }
    }
    fail_msg("%s: did not succeed within %lu attempts", what, MAX_ATTEMPTS);
    return 0;
}

static session_report_request *parse_or_die(const char *json, size_t len)
{
    session_report_request *r = NULL;
    sr_error err;
    sr__fault_arm(0);
    sr_status st = session_report_request_from_json(json, len, NULL, &r, &err);
    if (st != SR_OK)
        fail_msg("fixture does not parse: %s at '%s': %s", sr_status_name(st), err.path,
                 err.message);
    return r;
}

static char *serialize_or_die(const session_report_request *r, unsigned flags)
{
    char *out = NULL;
    sr__fault_arm(0);
    assert_int_equal(session_report_request_to_json(r, flags, &out, NULL), SR_OK);
    return out;
}

/* ---- from_json ---- */

struct parse_case {
    const char *json;
    size_t len;
    unsigned flags;
    const session_report_request *expected; /* NULL when the parse must fail */
    sr_status expected_status;
    const char *expected_path;
};

static sr_status parse_op(void *ctx)
{
    const struct parse_case *c = ctx;
    char *copy = malloc(c->len + 1);
    assert_non_null(copy);
    memcpy(copy, c->json, c->len);
    copy[c->len] = '\0';

    sr_parse_options opts = {c->flags, 0};
    session_report_request *r = (session_report_request *)&opts; /* must become NULL */
    sr_error err;
    memset(&err, 0, sizeof err);
    sr_status st = session_report_request_from_json(copy, c->len, &opts, &r, &err);

    assert_memory_equal(copy, c->json, c->len); /* input untouched */
    free(copy);
    if (st == SR_OK) {
        assert_non_null(c->expected);
        assert_non_null(r);
        assert_true(session_report_request_equal(r, c->expected));
        session_report_request_free(r);
    } else {
        assert_null(r);
        assert_int_equal(err.code, st);
        if (st == c->expected_status && c->expected_path != NULL)
            assert_string_equal(err.path, c->expected_path);
    }
    return st;
}

static void check_parse(const char *what, const char *json, size_t len, unsigned flags)
{
    session_report_request *expected = parse_or_die(json, len);
    struct parse_case c = {json, len, flags, expected, SR_OK, NULL};
    long cjson_before = cjson_live_blocks;
    unsigned long allocations = run_until_success(what, parse_op, &c, SR_OK);
    assert_true(allocations > 0);
    assert_int_equal(cjson_live_blocks, cjson_before);
    print_message("%s: %lu allocations, each made to fail in turn\n", what, allocations);
    session_report_request_free(expected);
}

static void from_json_seed(void **state)
{
    (void)state;
    check_parse("from_json(seed)", seed_json, sizeof seed_json - 1, 0);
    check_parse("from_json(seed, strict)", seed_json, sizeof seed_json - 1, SR_PARSE_STRICT);
}

static void from_json_unknown_members(void **state)
{
    (void)state;
    check_parse("from_json(unknown members)", unknown_json, sizeof unknown_json - 1, 0);
    /* keys with escapes (decoded by cJSON in the check), and a number too
     * long for cJSON 1.7.15 (parsed from a copy with it shortened) */
    static const char tricky[] = "{\"accountNumber\":\"1\",\"imei\":[],\"\\u0061b\":1,"
                                 "\"a\\/c\":[0.123456789012345678901234567890123456789012345678901"
                                 "2345678901234567890e-5]}";
    check_parse("from_json(escaped keys, long number)", tricky, sizeof tricky - 1, 0);
}

/* A document with n IMEIs (valid Luhn digits do not matter to the parser). */
static char *imei_document(size_t n, size_t *len)
{
    const char head[] = "{\"accountNumber\":\"0844021539-00001\",\"imei\":[";
    size_t cap = sizeof head + n * 18 + 4;
    char *doc = malloc(cap);
    assert_non_null(doc);
    size_t at = (size_t)snprintf(doc, cap, "%s", head);
    for (size_t i = 0; i < n; i++)
        at +=
            (size_t)snprintf(doc + at, cap - at, "%s\"%015zu\"", i ? "," : "", 350000000000000 + i);
    at += (size_t)snprintf(doc + at, cap - at, "]}");
    *len = at;
    return doc;
}

static void from_json_1000_imeis(void **state)
{
    (void)state;
    size_t len;
    char *doc = imei_document(1000, &len);
    check_parse("from_json(1000 IMEIs)", doc, len, 0);
    free(doc);
}

/* Failing documents: every run fails with NOMEM or with the document's own
 * error, and the error path stays exact. */
static void from_json_error_paths(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        unsigned flags;
        sr_status status;
        const char *path;
    } cases[] = {
        {"{\"accountNumber\":\"1\",\"imei\":[\"a\",\"b\",\"c\",4]}", 0, SR_ERR_TYPE, "/imei/3"},
        {"{\"accountNumber\":\"1\",\"imei\":[],\"x\":{\"k\":1,\"k\":2}}", 0, SR_ERR_DUPLICATE,
         "/x/k"},
        {"{\"imei\":[],\"zz\":[1,{\"q\":null}]}", 0, SR_ERR_MISSING, "/accountNumber"},
        {"{\"accountNumber\":\"1\",\"imei\":[],\"zz\":1}", SR_PARSE_STRICT, SR_ERR_UNKNOWN_FIELD,
         "/zz"},
        {"{\"accountNumber\":\"1\",\"imei\":[],\"a\":\"\\ud800\"}", 0, SR_ERR_ENCODING, "/a"},
        {"{\"accountNumber\":\"1\",\"imei\":[] ,}", 0, SR_ERR_SYNTAX, ""},
        {"{\"accountNumber\":\"1\",\"imei\":[],\"k\\u0041\\ud800\":1}", 0, SR_ERR_ENCODING, "/kA"},
        /* a key repeated before an error in the text: the text before the
         * error is closed and parsed to find it */
        {"{\"accountNumber\":\"1\",\"imei\":[],\"a\":1,\"a\":2 x", 0, SR_ERR_DUPLICATE, "/a"},
        {"{\"accountNumber\":\"1\",\"imei\":[],\"x\":{\"k\":1,\"k\":[1e1234567890123456789012345"
         "678901234567890123456789012345678901234567890123456789,",
         0, SR_ERR_DUPLICATE, "/x/k"},
        {"{\"accountNumber\":\"1\",\"imei\":[],\"a\":\"\xFF\"}", 0, SR_ERR_ENCODING, "/a"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct parse_case c = {cases[i].json, strlen(cases[i].json), cases[i].flags,
                               NULL,          cases[i].status,       cases[i].path};
        run_until_success(cases[i].json, parse_op, &c, cases[i].status);
    }
}

/* ---- to_json ---- */

struct serialize_case {
    const session_report_request *r;
    const session_report_request *snapshot;
    unsigned flags;
    const char *expected;
};

static sr_status serialize_op(void *ctx)
{
    const struct serialize_case *c = ctx;
    static char poison;
    char *out = &poison; /* must become NULL on failure */
    size_t len = 12345;
    sr_status st = session_report_request_to_json(c->r, c->flags, &out, &len);
    assert_true(session_report_request_equal(c->r, c->snapshot));
    if (st == SR_OK) {
        assert_string_equal(out, c->expected);
        assert_int_equal(len, strlen(c->expected));
        sr_free(out);
    } else {
        assert_null(out);
    }
    return st;
}

static void check_serialize(const char *what, const char *json, size_t len)
{
    session_report_request *r = parse_or_die(json, len);
    session_report_request *snapshot = parse_or_die(json, len);
    for (unsigned flags = 0; flags <= SR_JSON_PRETTY; flags++) {
        char *expected = serialize_or_die(r, flags);
        struct serialize_case c = {r, snapshot, flags, expected};
        run_until_success(what, serialize_op, &c, SR_OK);
        sr_free(expected);
    }
    session_report_request_free(snapshot);
    session_report_request_free(r);
}

static void to_json_both_forms(void **state)
{
    (void)state;
    check_serialize("to_json(seed)", seed_json, sizeof seed_json - 1);
    check_serialize("to_json(unknown members)", unknown_json, sizeof unknown_json - 1);
    size_t len;
    char *doc = imei_document(1000, &len);
    check_serialize("to_json(1000 IMEIs)", doc, len);
    free(doc);
}

/* Issue 15 item 4: a refused pretty output makes every allocation the compact form makes except
 * the output's own: its size is counted before it would be allocated. */
static void to_json_refused_output_is_not_allocated(void **state)
{
    (void)state;
    size_t len = 0;
    char *json = sr_test_amplifying_document(&len);
    assert_non_null(json);
    session_report_request *r = parse_or_die(json, len);
    char *out = NULL;
    sr__fault_arm(0);
    assert_int_equal(session_report_request_to_json(r, 0, &out, NULL), SR_OK);
    unsigned long compact = sr__fault_allocations();
    sr_free(out);
    sr__fault_arm(0);
    assert_int_equal(session_report_request_to_json(r, SR_JSON_PRETTY, &out, NULL), SR_ERR_LIMIT);
    assert_int_equal(sr__fault_allocations(), compact - 1);
    assert_null(out);
    session_report_request_free(r);
    free(json);
}

/* ---- from_cjson and to_cjson ---- */

struct tree_case {
    const cJSON *tree;
    const char *tree_text; /* the tree printed before: it must not change */
    const session_report_request *expected;
};

/* Prints tree without allocating through cJSON (whose allocations may be
 * armed to fail) and compares it with want. */
static void assert_tree_prints(cJSON *tree, const char *want)
{
    size_t cap = strlen(want) + 64;
    char *buf = malloc(cap);
    assert_non_null(buf);
    assert_true(cJSON_PrintPreallocated(tree, buf, (int)cap, 0));
    assert_string_equal(buf, want);
    free(buf);
}

static sr_status from_cjson_op(void *ctx)
{
    const struct tree_case *c = ctx;
    session_report_request *r = (session_report_request *)&r; /* must become NULL */
    sr_error err;
    sr_status st = session_report_request_from_cjson(c->tree, NULL, &r, &err);
    assert_tree_prints((cJSON *)(uintptr_t)c->tree, c->tree_text);
    if (st == SR_OK) {
        assert_true(session_report_request_equal(r, c->expected));
        session_report_request_free(r);
    } else {
        assert_null(r);
        assert_int_equal(err.code, st);
    }
    return st;
}

static sr_status to_cjson_op(void *ctx)
{
    const struct tree_case *c = ctx;
    cJSON *tree = (cJSON *)&tree; /* must become NULL on failure */
    sr_status st = session_report_request_to_cjson(c->expected, &tree);
    if (st != SR_OK) {
        assert_null(tree);
        return st;
    }
    assert_tree_prints(tree, c->tree_text);
    cJSON_Delete(tree);
    return SR_OK;
}

static void cjson_pair(void **state)
{
    (void)state;
    sr__fault_arm(0);
    /* ordinary cJSON numbers in unknown members, as an application has them */
    cJSON *tree = cJSON_Parse(unknown_json);
    assert_non_null(tree);
    cJSON_AddItemToObject(tree, "d", cJSON_CreateNumber(0.25));
    char *text = cJSON_PrintUnformatted(tree);
    assert_non_null(text);
    session_report_request *expected = NULL;
    assert_int_equal(session_report_request_from_cjson(tree, NULL, &expected, NULL), SR_OK);
    struct tree_case c = {tree, text, expected};
    unsigned long n = run_until_success("from_cjson", from_cjson_op, &c, SR_OK);
    print_message("from_cjson: %lu allocations, each made to fail in turn\n", n);
    cJSON_free(text);
    cJSON_Delete(tree);
    session_report_request_free(expected);

    expected = parse_or_die(unknown_json, sizeof unknown_json - 1);
    char *compact = serialize_or_die(expected, 0);
    struct tree_case t = {NULL, compact, expected};
    n = run_until_success("to_cjson", to_cjson_op, &t, SR_OK);
    print_message("to_cjson: %lu allocations, each made to fail in turn\n", n);
    sr_free(compact);
    session_report_request_free(expected);
}

/* ---- clone ---- */

struct clone_case {
    const session_report_request *r;
    const session_report_request *snapshot;
};

static sr_status clone_op(void *ctx)
{
    const struct clone_case *c = ctx;
    session_report_request *copy = (session_report_request *)(uintptr_t)c->r;
    sr_status st = session_report_request_clone(c->r, &copy);
    assert_true(session_report_request_equal(c->r, c->snapshot));
    if (st == SR_OK) {
        assert_true(session_report_request_equal(copy, c->r));
        session_report_request_free(copy);
    } else {
        assert_null(copy);
    }
    return st;
}

static void clone_requests(void **state)
{
    (void)state;
    const char *docs[] = {seed_json, unknown_json};
    for (size_t i = 0; i < 2; i++) {
        session_report_request *r = parse_or_die(docs[i], strlen(docs[i]));
        session_report_request *snapshot = parse_or_die(docs[i], strlen(docs[i]));
        struct clone_case c = {r, snapshot};
        run_until_success("clone", clone_op, &c, SR_OK);
        session_report_request_free(snapshot);
        session_report_request_free(r);
    }
    session_report_request *empty = session_report_request_new();
    session_report_request *empty_snapshot = session_report_request_new();
    struct clone_case c = {empty, empty_snapshot};
    run_until_success("clone(empty)", clone_op, &c, SR_OK);
    session_report_request_free(empty);
    session_report_request_free(empty_snapshot);
}

/* ---- setters ---- */

enum setter_kind {
    SET_ACCOUNT,
    SET_START,
    SET_END,
    SET_FLAG,
    SET_GROUP,
    SET_PLAN,
    SET_LABEL,
    SET_GROUP_NULL,
    ADD_IMEI,
    SET_IMEI_LIST,
    SETTER_KINDS
};

static const char *const new_imeis[] = {"490154203237518", "356938035643809", "012345678901237"};

static sr_status apply_setter(session_report_request *r, enum setter_kind kind)
{
    switch (kind) {
    case SET_ACCOUNT:
        return session_report_request_set_account_number(r, "1234567890-12345");
    case SET_START:
        return session_report_request_set_start_date(r, "2023-01-01");
    case SET_END:
        return session_report_request_set_end_date(r, "2023-02-01T00:00:00Z");
    case SET_FLAG:
        return session_report_request_set_no_session_flag(r, "true");
    case SET_GROUP:
        return session_report_request_set_device_group(r, "group \xc3\xa9");
    case SET_PLAN:
        return session_report_request_set_data_plan(r, "plan");
    case SET_LABEL:
        return session_report_request_set_device_label(r, "label");
    case SET_GROUP_NULL:
        return session_report_request_set_device_group_null(r);
    case ADD_IMEI:
        return session_report_request_add_imei(r, "490154203237518");
    case SET_IMEI_LIST:
        return session_report_request_set_imei(r, new_imeis, 3);
    case SETTER_KINDS:
        break;
    }
    return SR_ERR_ARG;
}

/* The setter runs on a fresh clone of base each attempt; on failure the
 * clone must still equal base, on success it must equal the unhindered
 * result. */
static void check_setter(const session_report_request *base, enum setter_kind kind)
{
    session_report_request *expected = NULL;
    assert_int_equal(session_report_request_clone(base, &expected), SR_OK);
    assert_int_equal(apply_setter(expected, kind), SR_OK);

    for (unsigned long n = 1; n < MAX_ATTEMPTS; n++) {
        long live_before = sr__fault_live_blocks();
        session_report_request *target = NULL;
        sr__fault_arm(0);
        assert_int_equal(session_report_request_clone(base, &target), SR_OK);

        sr__fault_arm(n);
        sr_status st = apply_setter(target, kind);
        int fired = sr__fault_fired();
        sr__fault_arm(0);

        if (st == SR_OK) {
            assert_true(session_report_request_equal(target, expected));
        } else {
            assert_int_equal(st, SR_ERR_NOMEM);
            assert_true(fired);
            assert_true(session_report_request_equal(target, base));
        }
        session_report_request_free(target);
        assert_int_equal(sr__fault_live_blocks(), live_before);
        if (!fired)
            break;
    }
    session_report_request_free(expected);
}

static void setters(void **state)
{
    (void)state;
    session_report_request *seed = parse_or_die(seed_json, sizeof seed_json - 1);
    session_report_request *empty = session_report_request_new();
    size_t len;
    char *doc = imei_document(1000, &len);
    session_report_request *many = parse_or_die(doc, len);
    free(doc);
    for (int k = 0; k < SETTER_KINDS; k++) {
        check_setter(seed, (enum setter_kind)k);
        check_setter(empty, (enum setter_kind)k);
        check_setter(many, (enum setter_kind)k);
    }
    session_report_request_free(many);
    session_report_request_free(empty);
    session_report_request_free(seed);
}

static void new_request(void **state)
{
    (void)state;
    sr__fault_arm(1);
    session_report_request *r = session_report_request_new();
    assert_true(sr__fault_fired());
    sr__fault_arm(0);
    assert_null(r);
}

/* ---- validate and lint ---- */

typedef size_t (*check_fn)(const session_report_request *r, const sr_validate_options *opts,
                           sr_error *problems, size_t max);

struct validate_case {
    check_fn check;
    const session_report_request *r;
    const session_report_request *snapshot;
    size_t expected_count;
};

static sr_status validate_op(void *ctx)
{
    const struct validate_case *c = ctx;
    sr_error errors[8];
    memset(errors, 0, sizeof errors);
    size_t n = c->check(c->r, NULL, errors, 8);
    assert_true(session_report_request_equal(c->r, c->snapshot));
    if (n == 1 && errors[0].code == SR_ERR_NOMEM)
        return SR_ERR_NOMEM;
    assert_int_equal(n, c->expected_count);
    return SR_OK;
}

static void validate_requests(void **state)
{
    (void)state;
    const char *docs[] = {seed_json, unknown_json, dates_json};
    check_fn checks[] = {session_report_request_validate, session_report_request_lint};
    for (size_t k = 0; k < 2; k++) {
        for (size_t i = 0; i < 3; i++) {
            session_report_request *r = parse_or_die(docs[i], strlen(docs[i]));
            session_report_request *snapshot = parse_or_die(docs[i], strlen(docs[i]));
            sr__fault_arm(0);
            struct validate_case c = {checks[k], r, snapshot, checks[k](r, NULL, NULL, 0)};
            run_until_success("validate", validate_op, &c, SR_OK);
            session_report_request_free(snapshot);
            session_report_request_free(r);
        }
    }
    /* Many IMEIs, some repeated: lint's repeat set is its one allocation, and
     * when it fails the result is the one SR_ERR_NOMEM problem; validate
     * allocates nothing. */
    size_t len;
    char *doc = imei_document(1000, &len);
    /* The last IMEI repeats the first. */
    memcpy(doc + len - 19, "\"350000000000000\"]}", 19);
    session_report_request *r = parse_or_die(doc, len);
    session_report_request *snapshot = parse_or_die(doc, len);
    free(doc);
    sr__fault_arm(0);
    struct validate_case c = {session_report_request_lint, r, snapshot,
                              session_report_request_lint(r, NULL, NULL, 0)};
    assert_true(c.expected_count >= 2); /* wrong Luhn digits and the repeat */
    assert_int_equal(run_until_success("lint(1000 IMEIs)", validate_op, &c, SR_OK), 1);
    c.check = session_report_request_validate;
    c.expected_count = session_report_request_validate(r, NULL, NULL, 0);
    assert_int_equal(run_until_success("validate(1000 IMEIs)", validate_op, &c, SR_OK), 0);
    session_report_request_free(snapshot);
    session_report_request_free(r);
}

/* ---- split ---- */

struct split_case {
    const session_report_request *r;
    size_t max_imeis, want_parts;
};

/* Every failure leaves *parts NULL and *n 0 (and nothing allocated). */
static sr_status split_op(void *ctx)
{
    const struct split_case *c = ctx;
    session_report_request **parts = (session_report_request **)&parts;
    size_t n = 99;
    sr_status st = session_report_request_split(c->r, c->max_imeis, &parts, &n);
    if (st != SR_OK) {
        assert_null(parts);
        assert_int_equal(n, 0);
        return st;
    }
    assert_int_equal(n, c->want_parts);
    for (size_t k = 0; k < n; k++)
        assert_int_equal(session_report_request_unknown_count(parts[k]),
                         session_report_request_unknown_count(c->r));
    session_report_request_free_all(parts, n);
    return SR_OK;
}

static void split_requests(void **state)
{
    (void)state;
    size_t len;
    char *doc = imei_document(25, &len);
    session_report_request *r = parse_or_die(doc, len);
    free(doc);
    session_report_request *u = parse_or_die(unknown_json, strlen(unknown_json));
    struct split_case cases[] = {{r, 10, 3}, {r, 100, 1}, {u, 10, 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_true(run_until_success("split", split_op, &cases[i], SR_OK) > 1);
    session_report_request_free(u);
    session_report_request_free(r);
}

/* ---- normalize_dates ---- */

static void normalize(void **state)
{
    (void)state;
    const char *docs[] = {seed_json, dates_json};
    for (size_t i = 0; i < 2; i++) {
        session_report_request *base = parse_or_die(docs[i], strlen(docs[i]));
        session_report_request *expected = parse_or_die(docs[i], strlen(docs[i]));
        sr_error err;
        assert_int_equal(session_report_request_normalize_dates(expected, &err), SR_OK);

        for (unsigned long n = 1; n < MAX_ATTEMPTS; n++) {
            long live_before = sr__fault_live_blocks();
            long cjson_before = cjson_live_blocks;
            session_report_request *target = NULL;
            sr__fault_arm(0);
            assert_int_equal(session_report_request_clone(base, &target), SR_OK);

            sr__fault_arm(n);
            sr_status st = session_report_request_normalize_dates(target, &err);
            int fired = sr__fault_fired();
            sr__fault_arm(0);

            if (st == SR_OK) {
                assert_true(session_report_request_equal(target, expected));
            } else {
                assert_int_equal(st, SR_ERR_NOMEM);
                assert_int_equal(err.code, SR_ERR_NOMEM);
                assert_true(fired);
                assert_true(session_report_request_equal(target, base));
            }
            session_report_request_free(target);
            assert_int_equal(sr__fault_live_blocks(), live_before);
            assert_int_equal(cjson_live_blocks, cjson_before);
            if (!fired)
                break;
        }
        session_report_request_free(expected);
        session_report_request_free(base);
    }
}

/* ---- response decoders ---- */

typedef enum response_type { AGGREGATE, CALLBACK, ERROR_BODY } response_type;

struct response_case {
    response_type type;
    const char *json;
    const char *expected; /* compact encoding of the decoded response */
    sr_status expected_status;
    const char *expected_path;
};

/* Decodes with the type's decoder and, on success, encodes compactly. */
static sr_status decode_and_encode(response_type type, const char *json, char **out, sr_error *err)
{
    size_t len = strlen(json);
    sr_status st = SR_ERR_ARG;
    *out = NULL;
    if (type == AGGREGATE) {
        sr_aggregate_report *r = NULL;
        st = sr_aggregate_report_from_json(json, len, NULL, &r, err);
        if (st == SR_OK)
            st = sr_aggregate_report_to_json(r, 0, out, NULL);
        else
            assert_null(r);
        sr_aggregate_report_free(r);
    } else if (type == CALLBACK) {
        sr_callback_result *r = NULL;
        st = sr_callback_result_from_json(json, len, NULL, &r, err);
        if (st == SR_OK)
            st = sr_callback_result_to_json(r, 0, out, NULL);
        else
            assert_null(r);
        sr_callback_result_free(r);
    } else {
        sr_error_body *b = NULL;
        st = sr_error_body_from_json(json, len, NULL, &b, err);
        if (st == SR_OK)
            st = sr_error_body_to_json(b, 0, out, NULL);
        else
            assert_null(b);
        sr_error_body_free(b);
    }
    return st;
}

static sr_status response_op(void *ctx)
{
    const struct response_case *c = ctx;
    char *out = NULL;
    sr_error err;
    memset(&err, 0, sizeof err);
    sr_status st = decode_and_encode(c->type, c->json, &out, &err);
    if (st == SR_OK) {
        assert_string_equal(out, c->expected);
    } else {
        assert_null(out);
        if (st == c->expected_status && c->expected_path != NULL)
            assert_string_equal(err.path, c->expected_path);
    }
    sr_free(out);
    return st;
}

static void response_decoders(void **state)
{
    (void)state;
    static const struct {
        response_type type;
        const char *json;
        sr_status status;
        const char *path;
    } docs[] = {
        {AGGREGATE,
         "{\"txid\":\"abc-123\",\"usage\":[{\"imei\":\"709312034493372\","
         "\"numberOfSessions\":3,\"bytesTransferred\":9007199254740993},"
         "{\"imei\":\"490154203237518\",\"numberOfSessions\":0,\"bytesTransferred\":1e3,"
         "\"extra\":[1,{\"x\":null}]}],\"more\":{}}",
         SR_OK, NULL},
        {AGGREGATE, "{\"txid\":null,\"usage\":[]}", SR_OK, NULL},
        {AGGREGATE,
         "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":1.5,\"bytesTransferred\":1}]}",
         SR_ERR_RANGE, "/usage/0/numberOfSessions"},
        {AGGREGATE, "{\"usage\":[{\"imei\":\"1\",\"numberOfSessions\":\"1\"}]}", SR_ERR_TYPE,
         "/usage/0/numberOfSessions"},
        {AGGREGATE,
         "{\"txid\":\"t\",\"usage\":[{\"imei\":null}],\"errors\":[{\"imei\":\"1\","
         "\"errorMessage\":\"m\",\"errorResponse\":{\"errorCode\":\"E\",\"httpStatusCode\":404}}]}",
         SR_OK, NULL},
        {CALLBACK, "{\"txid\":\"t-1\",\"status\":\"QUEUED\",\"x\":[true]}", SR_OK, NULL},
        {CALLBACK, "{\"status\":\"QUEUED\"}", SR_ERR_MISSING, "/txid"},
        {ERROR_BODY,
         "{\"responseCode\":\"400\",\"message\":\"bad \\u00e9\",\"fault\":{\"code\":\"E1\","
         "\"message\":\"m\",\"description\":\"d\",\"x\":1}}",
         SR_OK, NULL},
        {ERROR_BODY, "{}", SR_OK, NULL},
        {ERROR_BODY, "{\"fault\":{\"code\":7}}", SR_ERR_TYPE, "/fault/code"},
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        char *expected = NULL;
        sr__fault_arm(0);
        assert_int_equal(decode_and_encode(docs[i].type, docs[i].json, &expected, NULL),
                         docs[i].status);
        struct response_case c = {docs[i].type, docs[i].json, expected, docs[i].status,
                                  docs[i].path};
        unsigned long n = run_until_success(docs[i].json, response_op, &c, docs[i].status);
        print_message("response %zu: %lu allocations\n", i, n);
        sr_free(expected);
    }
}

static sr_status detect_op(void *ctx)
{
    const char *json = ctx;
    sr_response_kind k = sr_response_detect(json, strlen(json));
    return k == SR_RESPONSE_AGGREGATE_REPORT ? SR_OK : SR_ERR_NOMEM;
}

static void response_detect(void **state)
{
    (void)state;
    /* The detector has no error channel: a failed allocation inside it may
     * only turn the answer into "unknown", never crash or leak. */
    static char doc[] = "{\"txid\":\"a\",\"usage\":[],\"z\":{\"k\":[1,2,3]}}";
    run_until_success("sr_response_detect", detect_op, doc, SR_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_request),
        cmocka_unit_test(from_json_seed),
        cmocka_unit_test(from_json_unknown_members),
        cmocka_unit_test(from_json_1000_imeis),
        cmocka_unit_test(from_json_error_paths),
        cmocka_unit_test(to_json_both_forms),
        cmocka_unit_test(to_json_refused_output_is_not_allocated),
        cmocka_unit_test(cjson_pair),
        cmocka_unit_test(clone_requests),
        cmocka_unit_test(setters),
        cmocka_unit_test(validate_requests),
        cmocka_unit_test(split_requests),
        cmocka_unit_test(normalize),
        cmocka_unit_test(response_decoders),
        cmocka_unit_test(response_detect),
    };
    return cmocka_run_group_tests(tests, install_cjson_hooks, restore_cjson_hooks);
}
