/* SPDX-License-Identifier: MIT */
/* session_report_request_lint: likely mistakes the API does not refuse
 * (DESIGN section 5, warnings): the usual account number form, IMEI digits,
 * Luhn and repeats, label lengths. Same codes, paths and order as the
 * validation of 0.1. */
#include <string.h>

#include "imei_repeats.h"
#include "model.h"
#include "validate_common.h"

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static size_t count_digits(const char *s)
{
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    return n;
}

/* ---- accountNumber: ^[0-9]{10}-[0-9]{5}$ ---- */

/* Unset and empty are errors (validate.c), not warnings. */
static void check_account_form(sr__sink *c, const char *v)
{
    static const char expected[] =
        "the usual form is 10 digits, '-' and 5 digits, e.g. 0844021539-00001";
    if (v == NULL || v[0] == '\0')
        return;
    size_t head = count_digits(v);
    if (head != 10) {
        sr__report(c, SR_ERR_FORMAT, "/accountNumber",
                   "found %zu digit%s before the '-' instead of 10; %s", head, sr__plural(head),
                   expected);
        return;
    }
    if (v[10] != '-') {
        sr__report(c, SR_ERR_FORMAT, "/accountNumber", "the 11th character must be '-'; %s",
                   expected);
        return;
    }
    size_t tail = count_digits(v + 11);
    if (tail != 5 || v[11 + tail] != '\0')
        sr__report(c, SR_ERR_FORMAT, "/accountNumber",
                   "the part after '-' must be exactly 5 digits; %s", expected);
}

/* ---- imei ---- */

/* The Luhn (ISO/IEC 7812-1) check digit of the first 14 digits of an IMEI:
 * from the right, every other digit doubled (digit sum), starting with the
 * last. */
static unsigned luhn_check_digit(const char *digits)
{
    static const unsigned char doubled[10] = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};
    unsigned sum = 0;
    for (size_t i = 0; i < SR_IMEI_LEN - 1; i += 2)
        sum += (unsigned)(digits[i] - '0') + doubled[digits[i + 1] - '0'];
    return (10 - sum % 10) % 10;
}

/* 1 when v is 15 ASCII digits with a valid check digit (unless the Luhn
 * part is skipped), with the digits as a number in *value; else 0. */
static int well_formed_imei(const sr__rules *o, const char *v, uint64_t *value)
{
    uint64_t n = 0;
    for (size_t i = 0; i < SR_IMEI_LEN; i++) {
        if (!is_digit(v[i]))
            return 0;
        n = n * 10 + (uint64_t)(v[i] - '0');
    }
    if (v[SR_IMEI_LEN] != '\0')
        return 0;
    if ((o->flags & SR_VALIDATE_NO_LUHN) == 0 &&
        (unsigned)(v[SR_IMEI_LEN - 1] - '0') != luhn_check_digit(v))
        return 0;
    *value = n;
    return 1;
}

/* "/imei/N", built only when a problem is reported. */
static void imei_path(char *path, size_t cap, size_t index)
{
    path[0] = '\0';
    sr__pointer_append_key(path, cap, "imei", 4);
    sr__pointer_append_index(path, cap, index);
}

/* Says why an IMEI that is not well-formed is not. Past what the sink
 * wants, only counts: a million malformed items need no path each. */
static void report_malformed_imei(sr__sink *c, size_t index, const char *v)
{
    if (sr__counted_without_detail(c))
        return;
    char path[32];
    size_t len = strlen(v);
    size_t digits = count_digits(v);
    imei_path(path, sizeof path, index);
    if (len != SR_IMEI_LEN) {
        sr__report(c, SR_ERR_FORMAT, path,
                   "an IMEI has exactly %d ASCII digits, this one has %zu byte%s", SR_IMEI_LEN, len,
                   sr__plural(len));
    } else if (digits != SR_IMEI_LEN) {
        sr__report(c, SR_ERR_FORMAT, path,
                   "an IMEI has exactly %d ASCII digits; character %zu is not a digit", SR_IMEI_LEN,
                   digits + 1);
    } else {
        unsigned want = luhn_check_digit(v);
        sr__report(c, SR_ERR_FORMAT, path,
                   "wrong check digit %c: the Luhn check digit of %.14s is %u (expected %.14s%u)",
                   v[SR_IMEI_LEN - 1], v, want, v, want);
    }
}

/* The IMEI at index repeats the one at first (both 0-based). */
static void report_repeat(sr__sink *c, size_t index, const char *v, size_t first)
{
    if (sr__counted_without_detail(c))
        return;
    char path[32];
    imei_path(path, sizeof path, index);
    sr__report(c, SR_ERR_DUPLICATE, path, "IMEI %s repeats /imei/%zu; expected each device once", v,
               first);
}

/* The set of well-formed IMEIs seen so far, or no set when no IMEI can
 * repeat (fewer than two have 15 bytes): a list of malformed items
 * allocates nothing. */
static sr_status prepare_repeats(const session_report_request *r, sr__imei_set *seen)
{
    /* the items of the right length bound the well-formed ones */
    size_t candidates = 0;
    seen->slots = NULL;
    for (size_t i = 0; i < r->imei.count; i++)
        candidates += strlen(r->imei.items[i]->valuestring) == SR_IMEI_LEN;
    return candidates < 2 ? SR_OK : sr__imei_set_init(seen, candidates);
}

/* One problem per item, in index order: a malformed copy is reported as
 * malformed, a well-formed one seen before as a repeat of its first copy. */
static void check_imeis(sr__sink *c, const sr__rules *o, const session_report_request *r,
                        sr__imei_set *seen)
{
    size_t count = session_report_request_imei_count(r);
    uint64_t value;
    for (size_t i = 0; i < count; i++) {
        const char *v = session_report_request_imei_at(r, i);
        size_t first;
        if (!well_formed_imei(o, v, &value))
            report_malformed_imei(c, i, v);
        else if (seen->slots != NULL && (first = sr__imei_set_add(seen, value, i)) != 0)
            report_repeat(c, i, v, first - 1);
    }
}

/* ---- the nullable labels ---- */

/* A label when it is a string (absent and null pass). */
static void check_label(sr__sink *c, const char *path, const char *v)
{
    if (v == NULL)
        return;
    size_t len = strlen(v);
    if (len == 0)
        sr__report(c, SR_ERR_RANGE, path,
                   "the string is empty; expected 1 to %d bytes of UTF-8 (or null, or leave it "
                   "out)",
                   SR_MAX_LABEL_BYTES);
    else if (len > SR_MAX_LABEL_BYTES)
        sr__report(c, SR_ERR_RANGE, path, "the string is %zu bytes long; expected at most %d bytes",
                   len, SR_MAX_LABEL_BYTES);
}

static void check_warnings(sr__sink *c, const sr__rules *o, const session_report_request *r)
{
    sr__imei_set seen;
    /* the only allocation, made first: without it nothing is reported but
     * the one SR_ERR_NOMEM problem */
    if (prepare_repeats(r, &seen) != SR_OK) {
        sr__report(c, SR_ERR_NOMEM, "",
                   "out of memory while looking for repeated IMEIs; nothing was checked");
        return;
    }
    check_account_form(c, session_report_request_get_account_number(r));
    check_imeis(c, o, r, &seen);
    check_label(c, "/deviceGroup", session_report_request_get_device_group(r));
    check_label(c, "/dataPlan", session_report_request_get_data_plan(r));
    check_label(c, "/deviceLabel", session_report_request_get_device_label(r));
    sr__imei_set_free(&seen);
}

size_t session_report_request_lint(const session_report_request *r, const sr_validate_options *opts,
                                   sr_error *warnings, size_t max_warnings)
{
    return sr__walk_into(r, opts, check_warnings, warnings, max_warnings);
}

size_t session_report_request_lint_each(const session_report_request *r,
                                        const sr_validate_options *opts, sr_problem_fn fn,
                                        void *ctx)
{
    return sr__walk(r, opts, check_warnings, fn, ctx);
}
