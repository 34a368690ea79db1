/* SPDX-License-Identifier: MIT */
/* The request model: every accessor, the nullable trio, the IMEI list,
 * clone and equal, and the ownership rules (setters copy, failures change
 * nothing). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

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
    };
    return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
