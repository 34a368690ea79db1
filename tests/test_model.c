/* SPDX-License-Identifier: MIT */
/* The request model: every accessor, the nullable trio, the IMEI list,
 * clone and equal, and the ownership rules (setters copy, failures change
 * nothing). */
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

#include "support/seed.h"

typedef sr_status (*setter_fn)(session_report_request *, const char *);
typedef const char *(*getter_fn)(const session_report_request *);

struct plain_field {
    const char *name;
    setter_fn set;
    getter_fn get;
};

static const struct plain_field plain_fields[] = {
    {"account_number", session_report_request_set_account_number,
     session_report_request_get_account_number},
    {"start_date", session_report_request_set_start_date, session_report_request_get_start_date},
    {"end_date", session_report_request_set_end_date, session_report_request_get_end_date},
    {"no_session_flag", session_report_request_set_no_session_flag,
     session_report_request_get_no_session_flag},
};

struct nullable_field {
    const char *name;
    setter_fn set;
    sr_status (*set_null)(session_report_request *);
    void (*unset)(session_report_request *);
    getter_fn get;
    int (*is_null)(const session_report_request *);
    int (*has)(const session_report_request *);
};

static const struct nullable_field nullable_fields[] = {
    {"device_group", session_report_request_set_device_group,
     session_report_request_set_device_group_null, session_report_request_unset_device_group,
     session_report_request_get_device_group, session_report_request_is_device_group_null,
     session_report_request_has_device_group},
    {"data_plan", session_report_request_set_data_plan, session_report_request_set_data_plan_null,
     session_report_request_unset_data_plan, session_report_request_get_data_plan,
     session_report_request_is_data_plan_null, session_report_request_has_data_plan},
    {"device_label", session_report_request_set_device_label,
     session_report_request_set_device_label_null, session_report_request_unset_device_label,
     session_report_request_get_device_label, session_report_request_is_device_label_null,
     session_report_request_has_device_label},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void new_request_is_empty(void **state)
{
    (void)state;
    session_report_request *r = session_report_request_new();
    assert_non_null(r);
    for (size_t i = 0; i < COUNT(plain_fields); i++)
        assert_null(plain_fields[i].get(r));
    for (size_t i = 0; i < COUNT(nullable_fields); i++) {
        assert_null(nullable_fields[i].get(r));
        assert_int_equal(nullable_fields[i].is_null(r), 0);
        assert_int_equal(nullable_fields[i].has(r), 0);
    }
    assert_int_equal(session_report_request_imei_count(r), 0);
    assert_null(session_report_request_imei_at(r, 0));
    assert_int_equal(session_report_request_unknown_count(r), 0);
    session_report_request_free(r);
}

static void plain_setters_copy_and_unset(void **state)
{
    (void)state;
    session_report_request *r = session_report_request_new();
    for (size_t i = 0; i < COUNT(plain_fields); i++) {
        char buf[32];
        strcpy(buf, "value-1");
        assert_int_equal(plain_fields[i].set(r, buf), SR_OK);
        buf[0] = 'X'; /* the request kept its own copy */
        assert_string_equal(plain_fields[i].get(r), "value-1");
        assert_ptr_not_equal(plain_fields[i].get(r), buf);
        assert_int_equal(plain_fields[i].set(r, "value-2"), SR_OK);
        assert_string_equal(plain_fields[i].get(r), "value-2");
        assert_int_equal(plain_fields[i].set(r, ""), SR_OK);
        assert_string_equal(plain_fields[i].get(r), ""); /* "" is a value, not absence */
        assert_int_equal(plain_fields[i].set(r, NULL), SR_OK);
        assert_null(plain_fields[i].get(r));
    }
    session_report_request_free(r);
}

static void setters_refuse_bad_utf8_and_change_nothing(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "\xff",
        "abc\x80",
        "\xc0\xaf",         /* overlong '/' */
        "\xed\xa0\x80",     /* UTF-8 encoded surrogate */
        "\xf4\x90\x80\x80", /* above U+10FFFF */
        "\xe2\x82",         /* truncated */
    };
    session_report_request *r = session_report_request_new();
    for (size_t i = 0; i < COUNT(plain_fields); i++) {
        assert_int_equal(plain_fields[i].set(r, "keep"), SR_OK);
        for (size_t b = 0; b < COUNT(bad); b++) {
            assert_int_equal(plain_fields[i].set(r, bad[b]), SR_ERR_ENCODING);
            assert_string_equal(plain_fields[i].get(r), "keep");
        }
    }
    for (size_t i = 0; i < COUNT(nullable_fields); i++) {
        assert_int_equal(nullable_fields[i].set_null(r), SR_OK);
        assert_int_equal(nullable_fields[i].set(r, "\xff"), SR_ERR_ENCODING);
        assert_int_equal(nullable_fields[i].is_null(r), 1);
    }
    assert_int_equal(session_report_request_add_imei(r, "12\xff"), SR_ERR_ENCODING);
    assert_int_equal(session_report_request_imei_count(r), 0);
    /* valid multi-byte text is accepted */
    assert_int_equal(session_report_request_set_device_label(r, "caf\xc3\xa9 \xf0\x9f\x93\xb1"),
                     SR_OK);
    assert_string_equal(session_report_request_get_device_label(r), "caf\xc3\xa9 \xf0\x9f\x93\xb1");
    session_report_request_free(r);
}

static void nullable_three_states(void **state)
{
    (void)state;
    session_report_request *r = session_report_request_new();
    for (size_t i = 0; i < COUNT(nullable_fields); i++) {
        const struct nullable_field *f = &nullable_fields[i];
        assert_int_equal(f->set(r, "group"), SR_OK);
        assert_string_equal(f->get(r), "group");
        assert_int_equal(f->is_null(r), 0);
        assert_int_equal(f->has(r), 1);

        assert_int_equal(f->set_null(r), SR_OK);
        assert_null(f->get(r));
        assert_int_equal(f->is_null(r), 1);
        assert_int_equal(f->has(r), 1);

        assert_int_equal(f->set(r, ""), SR_OK);
        assert_string_equal(f->get(r), "");
        assert_int_equal(f->is_null(r), 0);
        assert_int_equal(f->has(r), 1);

        f->unset(r);
        assert_null(f->get(r));
        assert_int_equal(f->is_null(r), 0);
        assert_int_equal(f->has(r), 0);

        assert_int_equal(f->set(r, "again"), SR_OK);
        assert_int_equal(f->set(r, NULL), SR_OK); /* NULL makes it absent */
        assert_int_equal(f->has(r), 0);
    }
    session_report_request_free(r);
}

static void null_request_arguments(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT(plain_fields); i++) {
        assert_int_equal(plain_fields[i].set(NULL, "x"), SR_ERR_ARG);
        assert_null(plain_fields[i].get(NULL));
    }
    for (size_t i = 0; i < COUNT(nullable_fields); i++) {
        assert_int_equal(nullable_fields[i].set(NULL, "x"), SR_ERR_ARG);
        assert_int_equal(nullable_fields[i].set_null(NULL), SR_ERR_ARG);
        nullable_fields[i].unset(NULL);
        assert_int_equal(nullable_fields[i].is_null(NULL), 0);
        assert_int_equal(nullable_fields[i].has(NULL), 0);
    }
    assert_int_equal(session_report_request_add_imei(NULL, "1"), SR_ERR_ARG);
    session_report_request *r = session_report_request_new();
    assert_int_equal(session_report_request_add_imei(r, NULL), SR_ERR_ARG);
    assert_int_equal(session_report_request_set_imei(r, NULL, 1), SR_ERR_ARG);
    assert_int_equal(session_report_request_set_imei(r, NULL, 0), SR_OK);
    session_report_request *copy = (session_report_request *)&copy;
    assert_int_equal(session_report_request_clone(NULL, &copy), SR_ERR_ARG);
    assert_null(copy);
    assert_int_equal(session_report_request_clone(r, NULL), SR_ERR_ARG);
    assert_int_equal(session_report_request_imei_count(NULL), 0);
    assert_null(session_report_request_imei_at(NULL, 0));
    assert_int_equal(session_report_request_unknown_count(NULL), 0);
    assert_null(session_report_request_unknown_key_at(NULL, 0));
    assert_null(session_report_request_unknown_value_at(NULL, 0));
    session_report_request_clear_imei(NULL);
    session_report_request_clear_unknown(NULL);
    session_report_request_free(NULL);
    assert_int_equal(session_report_request_equal(NULL, NULL), 1);
    assert_int_equal(session_report_request_equal(r, NULL), 0);
    session_report_request_free(r);
}

static void imei_list_append_index_and_replace(void **state)
{
    (void)state;
    session_report_request *r = session_report_request_new();
    char buf[32];
    /* many appends: amortized growth keeps every earlier value intact */
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "35%013d", i);
        assert_int_equal(session_report_request_add_imei(r, buf), SR_OK);
    }
    assert_int_equal(session_report_request_imei_count(r), 5000);
    for (int i = 0; i < 5000; i += 499) {
        snprintf(buf, sizeof buf, "35%013d", i);
        assert_string_equal(session_report_request_imei_at(r, (size_t)i), buf);
    }
    assert_null(session_report_request_imei_at(r, 5000));

    const char *const two[] = {"709312034493372", "490154203237518"};
    assert_int_equal(session_report_request_set_imei(r, two, 2), SR_OK);
    assert_int_equal(session_report_request_imei_count(r), 2);
    assert_string_equal(session_report_request_imei_at(r, 1), "490154203237518");

    /* a failing set_imei keeps the old list */
    const char *const bad[] = {"111", "\xff"};
    assert_int_equal(session_report_request_set_imei(r, bad, 2), SR_ERR_ENCODING);
    const char *const with_null[] = {"111", NULL};
    assert_int_equal(session_report_request_set_imei(r, with_null, 2), SR_ERR_ARG);
    assert_int_equal(session_report_request_imei_count(r), 2);
    assert_string_equal(session_report_request_imei_at(r, 0), "709312034493372");

    /* empty strings are kept as items */
    assert_int_equal(session_report_request_add_imei(r, ""), SR_OK);
    assert_int_equal(session_report_request_imei_count(r), 3);
    assert_string_equal(session_report_request_imei_at(r, 2), "");

    session_report_request_clear_imei(r);
    assert_int_equal(session_report_request_imei_count(r), 0);
    assert_int_equal(session_report_request_add_imei(r, "709312034493372"), SR_OK);
    assert_string_equal(session_report_request_imei_at(r, 0), "709312034493372");
    assert_int_equal(session_report_request_set_imei(r, NULL, 0), SR_OK);
    assert_int_equal(session_report_request_imei_count(r), 0);
    session_report_request_free(r);
}

/* The DESIGN seed with a null dataPlan. */
static session_report_request *seed(void)
{
    session_report_request *r = sr_test_seed_request();
    assert_non_null(r);
    assert_int_equal(session_report_request_set_data_plan_null(r), SR_OK);
    return r;
}

static void clone_is_deep_and_equal(void **state)
{
    (void)state;
    session_report_request *r = seed();
    session_report_request *c = NULL;
    assert_int_equal(session_report_request_clone(r, &c), SR_OK);
    assert_non_null(c);
    assert_true(session_report_request_equal(r, c));
    assert_ptr_not_equal(session_report_request_get_account_number(r),
                         session_report_request_get_account_number(c));
    assert_ptr_not_equal(session_report_request_imei_at(r, 0),
                         session_report_request_imei_at(c, 0));
    assert_int_equal(session_report_request_is_data_plan_null(c), 1);
    /* changing the clone leaves the original alone */
    assert_int_equal(session_report_request_set_account_number(c, "1111111111-11111"), SR_OK);
    assert_string_equal(session_report_request_get_account_number(r), "0844021539-00001");
    session_report_request_free(r);
    session_report_request_free(c);

    session_report_request *empty = session_report_request_new(), *empty_copy = NULL;
    assert_int_equal(session_report_request_clone(empty, &empty_copy), SR_OK);
    assert_true(session_report_request_equal(empty, empty_copy));
    session_report_request_free(empty);
    session_report_request_free(empty_copy);
}

static void equal_sees_every_difference(void **state)
{
    (void)state;
    session_report_request *a = seed();
    session_report_request *b = seed();
    assert_true(session_report_request_equal(a, b));

    /* null versus absent versus "" are all different */
    session_report_request_unset_data_plan(b);
    assert_false(session_report_request_equal(a, b));
    assert_int_equal(session_report_request_set_data_plan(b, ""), SR_OK);
    assert_false(session_report_request_equal(a, b));
    assert_int_equal(session_report_request_set_data_plan_null(b), SR_OK);
    assert_true(session_report_request_equal(a, b));

    assert_int_equal(session_report_request_set_no_session_flag(b, NULL), SR_OK);
    assert_false(session_report_request_equal(a, b));
    assert_int_equal(session_report_request_set_no_session_flag(b, "false"), SR_OK);

    /* IMEI order matters; so does splitting the same characters differently */
    assert_int_equal(session_report_request_add_imei(a, "12"), SR_OK);
    assert_int_equal(session_report_request_add_imei(b, "1"), SR_OK);
    assert_false(session_report_request_equal(a, b));
    session_report_request_free(a);
    session_report_request_free(b);
}

/* ---- self-aliasing: every setter and adder takes a pointer into the
 * request itself (run under ASan to see a use-after-free) ---- */

static void setters_take_their_own_values(void **state)
{
    (void)state;
    session_report_request *r = seed();
    for (size_t f = 0; f < COUNT(plain_fields); f++) {
        const struct plain_field *p = &plain_fields[f];
        char before[64];
        snprintf(before, sizeof before, "%s", p->get(r));
        assert_int_equal(p->set(r, p->get(r)), SR_OK);
        assert_string_equal(p->get(r), before);
        assert_int_equal(p->set(r, p->get(r) + 1), SR_OK); /* a tail of itself */
        assert_string_equal(p->get(r), before + 1);
    }
    for (size_t f = 0; f < COUNT(nullable_fields); f++) {
        const struct nullable_field *n = &nullable_fields[f];
        assert_int_equal(n->set(r, "label-value"), SR_OK);
        assert_int_equal(n->set(r, n->get(r)), SR_OK);
        assert_string_equal(n->get(r), "label-value");
        assert_int_equal(n->set(r, n->get(r) + 6), SR_OK);
        assert_string_equal(n->get(r), "value");
    }
    /* one field's value into another, and an IMEI into a field */
    assert_int_equal(
        session_report_request_set_end_date(r, session_report_request_get_start_date(r)), SR_OK);
    assert_string_equal(session_report_request_get_end_date(r),
                        session_report_request_get_start_date(r));
    assert_int_equal(
        session_report_request_set_device_label(r, session_report_request_imei_at(r, 0)), SR_OK);
    assert_string_equal(session_report_request_get_device_label(r), "709312034493372");
    session_report_request_free(r);
}

static void add_imei_takes_its_own_items(void **state)
{
    (void)state;
    session_report_request *r = seed();
    /* every add may grow the buffer the argument lives in */
    for (size_t k = 0; k < 1000; k++) {
        size_t count = session_report_request_imei_count(r);
        assert_int_equal(
            session_report_request_add_imei(r, session_report_request_imei_at(r, count / 2)),
            SR_OK);
        assert_int_equal(session_report_request_imei_count(r), count + 1);
        assert_string_equal(session_report_request_imei_at(r, count), "709312034493372");
    }
    /* a tail of the last item */
    size_t last = session_report_request_imei_count(r) - 1;
    assert_int_equal(
        session_report_request_add_imei(r, session_report_request_imei_at(r, last) + 5), SR_OK);
    assert_string_equal(session_report_request_imei_at(r, last + 1), "2034493372");
    session_report_request_free(r);
}

static void set_imei_takes_its_own_items(void **state)
{
    (void)state;
    session_report_request *r = session_report_request_new();
    assert_non_null(r);
    const char *abc[] = {"a", "bb", "ccc"};
    assert_int_equal(session_report_request_set_imei(r, abc, 3), SR_OK);
    /* the list reversed, from its own items */
    const char *own[] = {session_report_request_imei_at(r, 2), session_report_request_imei_at(r, 1),
                         session_report_request_imei_at(r, 0),
                         session_report_request_imei_at(r, 2)};
    assert_int_equal(session_report_request_set_imei(r, own, 4), SR_OK);
    assert_int_equal(session_report_request_imei_count(r), 4);
    assert_string_equal(session_report_request_imei_at(r, 0), "ccc");
    assert_string_equal(session_report_request_imei_at(r, 1), "bb");
    assert_string_equal(session_report_request_imei_at(r, 2), "a");
    assert_string_equal(session_report_request_imei_at(r, 3), "ccc");
    /* the new list grows and encodes like any other */
    assert_int_equal(session_report_request_add_imei(r, "d"), SR_OK);
    assert_int_equal(session_report_request_set_account_number(r, "0844021539-00001"), SR_OK);
    char *json = NULL;
    assert_int_equal(session_report_request_to_json(r, 0, &json, NULL), SR_OK);
    assert_non_null(strstr(json, "\"imei\":[\"ccc\",\"bb\",\"a\",\"ccc\",\"d\"]"));
    sr_free(json);
    session_report_request_free(r);
}

/* ---- remove_imei ---- */

/* A request whose IMEIs are items[0..n). */
static session_report_request *with_imeis(const char *const *items, size_t n)
{
    session_report_request *r = session_report_request_new();
    assert_non_null(r);
    assert_int_equal(session_report_request_set_imei(r, items, n), SR_OK);
    return r;
}

static void remove_imei_keeps_the_rest_in_order(void **state)
{
    (void)state;
    static const char *const items[] = {"first", "2", "third-item", "four"};
    for (size_t gone = 0; gone < 4; gone++) {
        session_report_request *r = with_imeis(items, 4);
        const char *rest[3];
        for (size_t i = 0, k = 0; i < 4; i++) {
            if (i != gone)
                rest[k++] = items[i];
        }
        session_report_request *want = with_imeis(rest, 3);
        assert_int_equal(session_report_request_remove_imei(r, gone), SR_OK);
        assert_true(session_report_request_equal(r, want));
        /* the list still grows normally afterwards */
        assert_int_equal(session_report_request_add_imei(r, "new"), SR_OK);
        assert_int_equal(session_report_request_add_imei(want, "new"), SR_OK);
        assert_true(session_report_request_equal(r, want));
        session_report_request_free(r);
        session_report_request_free(want);
    }
    /* down to empty */
    session_report_request *r = with_imeis(items, 1);
    session_report_request *empty = session_report_request_new();
    assert_int_equal(session_report_request_remove_imei(r, 0), SR_OK);
    assert_int_equal(session_report_request_imei_count(r), 0);
    assert_null(session_report_request_imei_at(r, 0));
    assert_true(session_report_request_equal(r, empty));
    session_report_request_free(empty);
    session_report_request_free(r);
}

static void remove_imei_out_of_range(void **state)
{
    (void)state;
    static const char *const items[] = {"a", "b"};
    session_report_request *r = with_imeis(items, 2);
    session_report_request *same = with_imeis(items, 2);
    assert_int_equal(session_report_request_remove_imei(r, 2), SR_ERR_ARG);
    assert_int_equal(session_report_request_remove_imei(r, (size_t)-1), SR_ERR_ARG);
    assert_true(session_report_request_equal(r, same));
    assert_int_equal(session_report_request_remove_imei(NULL, 0), SR_ERR_ARG);
    session_report_request *empty = session_report_request_new();
    assert_int_equal(session_report_request_remove_imei(empty, 0), SR_ERR_ARG);
    session_report_request_free(empty);
    session_report_request_free(same);
    session_report_request_free(r);
}

/* ---- split ---- */

/* The seed's other fields (a null dataPlan, an unknown member) and n IMEIs. */
static session_report_request *split_source(size_t n)
{
    static const char doc[] = "{\"accountNumber\":\"0844021539-00001\",\"imei\":[],"
                              "\"deviceGroup\":\"g\",\"dataPlan\":null,\"noSessionFlag\":\"true\","
                              "\"extra\":{\"n\":1.50}}";
    session_report_request *r = NULL;
    assert_int_equal(session_report_request_from_json(doc, sizeof doc - 1, NULL, &r, NULL), SR_OK);
    char imei[24];
    for (size_t i = 0; i < n; i++) {
        snprintf(imei, sizeof imei, "%015zu", i);
        assert_int_equal(session_report_request_add_imei(r, imei), SR_OK);
    }
    return r;
}

/* Splits n IMEIs at limit and checks the parts: sizes, order, fields. */
static void check_split(size_t n, size_t limit, size_t want_parts)
{
    session_report_request *r = split_source(n);
    session_report_request **parts = NULL;
    size_t count = 0;
    assert_int_equal(session_report_request_split(r, limit, &parts, &count), SR_OK);
    assert_int_equal(count, want_parts);
    assert_non_null(parts);
    session_report_request *shape = NULL, *joined = NULL;
    assert_int_equal(session_report_request_clone(r, &shape), SR_OK);
    session_report_request_clear_imei(shape);
    assert_int_equal(session_report_request_clone(shape, &joined), SR_OK);
    for (size_t k = 0; k < count; k++) {
        size_t size = session_report_request_imei_count(parts[k]);
        /* chunks of the limit, the last one shorter */
        if (k + 1 < count)
            assert_int_equal(size, limit);
        else
            assert_int_equal(size, n - k * limit);
        /* every other field as it was */
        session_report_request *bare = NULL;
        assert_int_equal(session_report_request_clone(parts[k], &bare), SR_OK);
        session_report_request_clear_imei(bare);
        assert_true(session_report_request_equal(bare, shape));
        session_report_request_free(bare);
        for (size_t i = 0; i < size; i++)
            assert_int_equal(session_report_request_add_imei(
                                 joined, session_report_request_imei_at(parts[k], i)),
                             SR_OK);
    }
    /* order kept: the parts joined again are the original */
    assert_true(session_report_request_equal(joined, r));
    session_report_request_free(joined);
    session_report_request_free(shape);
    session_report_request_free_all(parts, count);
    session_report_request_free(r);
}

static void split_in_chunks_of_the_limit(void **state)
{
    (void)state;
    check_split(0, SR_MAX_IMEIS_SYNC, 1); /* all devices: never split */
    check_split(1, SR_MAX_IMEIS_SYNC, 1);
    check_split(SR_MAX_IMEIS_SYNC, SR_MAX_IMEIS_SYNC, 1);
    check_split(SR_MAX_IMEIS_SYNC + 1, SR_MAX_IMEIS_SYNC, 2);
    check_split(10001, SR_MAX_IMEIS_SYNC, 1001);
    check_split(10001, SR_MAX_IMEIS_ASYNC, 2);
    check_split(SR_MAX_IMEIS_ASYNC, SR_MAX_IMEIS_ASYNC, 1);
    check_split(7, 1, 7);
    check_split(7, (size_t)-1, 1);
}

static void split_refuses_bad_arguments(void **state)
{
    (void)state;
    session_report_request *r = split_source(3);
    session_report_request **parts = (session_report_request **)&parts;
    size_t count = 99;
    /* the out-parameters are cleared on every failure */
    assert_int_equal(session_report_request_split(r, 0, &parts, &count), SR_ERR_ARG);
    assert_null(parts);
    assert_int_equal(count, 0);
    parts = (session_report_request **)&parts;
    count = 99;
    assert_int_equal(session_report_request_split(NULL, 10, &parts, &count), SR_ERR_ARG);
    assert_null(parts);
    assert_int_equal(count, 0);
    count = 99;
    assert_int_equal(session_report_request_split(r, 10, NULL, &count), SR_ERR_ARG);
    assert_int_equal(count, 0);
    parts = (session_report_request **)&parts;
    assert_int_equal(session_report_request_split(r, 10, &parts, NULL), SR_ERR_ARG);
    assert_null(parts);
    session_report_request_free_all(NULL, 0);
    session_report_request_free_all(NULL, 5);
    session_report_request_free(r);
}

static void clone_clears_its_out_parameter(void **state)
{
    (void)state;
    session_report_request *out = (session_report_request *)&out;
    assert_int_equal(session_report_request_clone(NULL, &out), SR_ERR_ARG);
    assert_null(out);
    session_report_request *r = session_report_request_new();
    assert_int_equal(session_report_request_clone(r, NULL), SR_ERR_ARG);
    session_report_request_free(r);
}

/* ---- a parsed request under an application's own cJSON hooks ---- */

static long hooked_blocks;

static void *hooked_malloc(size_t n)
{
    hooked_blocks++;
    return malloc(n);
}

static void hooked_free(void *p)
{
    hooked_blocks -= p != NULL;
    free(p);
}

/* A parsed request keeps the document's strings: replacing, removing,
 * rewriting or copying them must free each block through cJSON's hooks,
 * where it was allocated, and leave none behind. */
static void parsed_strings_go_back_to_cjson_hooks(void **state)
{
    (void)state;
    static const char doc[] = SR_TEST_SEED_JSON;
    cJSON_Hooks hooks = {hooked_malloc, hooked_free};
    cJSON_InitHooks(&hooks);
    hooked_blocks = 0;
    session_report_request *r = NULL, *copy = NULL, **parts = NULL;
    size_t n = 0;
    assert_int_equal(session_report_request_from_json(doc, sizeof doc - 1, NULL, &r, NULL), SR_OK);
    assert_int_equal(session_report_request_set_account_number(r, "1"), SR_OK);
    assert_int_equal(session_report_request_set_device_group(r, NULL), SR_OK);
    assert_int_equal(session_report_request_set_data_plan_null(r), SR_OK);
    session_report_request_unset_device_label(r);
    assert_int_equal(session_report_request_normalize_dates(r, NULL), SR_OK);
    assert_int_equal(session_report_request_add_imei(r, "490154203237518"), SR_OK);
    assert_int_equal(session_report_request_remove_imei(r, 0), SR_OK);
    assert_int_equal(session_report_request_clone(r, &copy), SR_OK);
    assert_int_equal(session_report_request_split(copy, 1, &parts, &n), SR_OK);
    assert_string_equal(session_report_request_get_account_number(parts[0]), "1");
    assert_string_equal(session_report_request_get_start_date(parts[0]),
                        "2022-12-09T22:01:06.217Z");
    assert_string_equal(session_report_request_imei_at(parts[0], 0), "490154203237518");
    assert_true(session_report_request_is_data_plan_null(parts[0]));
    session_report_request_free_all(parts, n);
    session_report_request_free(copy);
    session_report_request_free(r);
    cJSON_InitHooks(NULL);
    assert_int_equal(hooked_blocks, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_request_is_empty),
        cmocka_unit_test(plain_setters_copy_and_unset),
        cmocka_unit_test(setters_refuse_bad_utf8_and_change_nothing),
        cmocka_unit_test(nullable_three_states),
        cmocka_unit_test(null_request_arguments),
        cmocka_unit_test(imei_list_append_index_and_replace),
        cmocka_unit_test(clone_is_deep_and_equal),
        cmocka_unit_test(equal_sees_every_difference),
        cmocka_unit_test(setters_take_their_own_values),
        cmocka_unit_test(add_imei_takes_its_own_items),
        cmocka_unit_test(set_imei_takes_its_own_items),
        cmocka_unit_test(remove_imei_keeps_the_rest_in_order),
        cmocka_unit_test(remove_imei_out_of_range),
        cmocka_unit_test(split_in_chunks_of_the_limit),
        cmocka_unit_test(split_refuses_bad_arguments),
        cmocka_unit_test(clone_clears_its_out_parameter),
        cmocka_unit_test(parsed_strings_go_back_to_cjson_hooks),
    };
    return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
