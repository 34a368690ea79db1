/* SPDX-License-Identifier: MIT */
/* session_report_request_validate: every field rule of DESIGN section 5, reported in the
 * serializer's field order. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sessreport/validate.h"

#include "internal.h"
#include "imei_repeats.h"
#include "iso8601.h"

/* Longest part of a user value quoted in a message. */
#define QUOTE_MAX 40

/* Where problems go: the caller's array (maybe too small, maybe NULL) and
 * the running total. */
typedef struct collector {
    sr_error *errors;
    size_t cap;
    size_t count;
} collector;

/* The effective options, defaults filled in. */
typedef struct rules {
    size_t max_imeis;
    unsigned max_span_days;
    const char *const *date_constants;
    unsigned flags;
} rules;

static void report(collector *c, sr_status code, const char *path, const char *fmt, ...)
    SR__PRINTF(4, 5);

static void report(collector *c, sr_status code, const char *path, const char *fmt, ...)
{
    if (c->errors != NULL && c->count < c->cap) {
        va_list ap;
        va_start(ap, fmt);
        sr__error_vset(&c->errors[c->count], code, path, fmt, ap);
        va_end(ap);
    }
    c->count++;
}

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static int is_ascii_letter(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

/* How many bytes of s to quote in a message: at most QUOTE_MAX, never
 * splitting a UTF-8 character. */
static int quote_length(const char *s, size_t len)
{
    if (len <= QUOTE_MAX)
        return (int)len;
    size_t n = QUOTE_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

static const char *quote_tail(size_t len)
{
    return len > QUOTE_MAX ? "..." : "";
}

/* ---- accountNumber: ^[0-9]{10}-[0-9]{5}$ ---- */

static size_t count_digits(const char *s)
{
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    return n;
}

static void check_account_number(collector *c, const char *v)
{
    static const char expected[] = "expected 10 digits, '-' and 5 digits, e.g. 0844021539-00001";
    if (v == NULL) {
        report(c, SR_ERR_MISSING, "/accountNumber", "accountNumber is required; %s", expected);
        return;
    }
    size_t head = count_digits(v);
    if (head != 10) {
        report(c, SR_ERR_FORMAT, "/accountNumber",
               "found %zu digits before the '-' instead of 10; %s", head, expected);
        return;
    }
    if (v[10] != '-') {
        report(c, SR_ERR_FORMAT, "/accountNumber", "the 11th character must be '-'; %s", expected);
        return;
    }
    size_t tail = count_digits(v + 11);
    if (tail != 5 || v[11 + tail] != '\0')
        report(c, SR_ERR_FORMAT, "/accountNumber",
               "the part after '-' must be exactly 5 digits; %s", expected);
}

/* ---- startDate / endDate ---- */

/* ^[A-Za-z][A-Za-z0-9_]*$; returns the offset of the first byte that breaks
 * it, or len when none does. */
static size_t identifier_break(const char *s, size_t len)
{
    for (size_t i = 1; i < len; i++) {
        if (!is_ascii_letter(s[i]) && !is_digit(s[i]) && s[i] != '_')
            return i;
    }
    return len;
}

static int in_allow_list(const char *const *list, const char *v)
{
    for (; *list != NULL; list++) {
        if (strcmp(*list, v) == 0)
            return 1;
    }
    return 0;
}

/* "A, B, C" into buf, cut with "..." when it does not fit. */
static void join_allow_list(const char *const *list, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (; *list != NULL; list++) {
        size_t n = strlen(*list);
        size_t sep = used > 0 ? 2 : 0;
        if (used + sep + n + 4 > cap) {
            memcpy(buf + used, "...", 4);
            return;
        }
        memcpy(buf + used, ", ", sep);
        memcpy(buf + used + sep, *list, n + 1);
        used += sep + n;
    }
}

static void check_date_constant(collector *c, const rules *o, const char *path, const char *v,
                                size_t len)
{
    size_t bad = identifier_break(v, len);
    if (bad < len) {
        report(c, SR_ERR_FORMAT, path,
               "date constant \"%.*s%s\" has a character other than a letter, digit or '_' at "
               "position %zu; expected an identifier such as LAST_7_DAYS",
               quote_length(v, len), v, quote_tail(len), bad + 1);
        return;
    }
    if (o->date_constants != NULL && !in_allow_list(o->date_constants, v)) {
        char names[128];
        join_allow_list(o->date_constants, names, sizeof names);
        report(c, SR_ERR_FORMAT, path,
               "date constant \"%.*s%s\" is not allowed; expected one of: %s", quote_length(v, len),
               v, quote_tail(len), names[0] != '\0' ? names : "(none)");
    }
}

/* Checks one date; returns 1 when it is a valid concrete date, with its
 * instant in *t (the range checks need both). */
static int check_date(collector *c, const rules *o, const char *path, const char *v, sr__instant *t)
{
    if (v == NULL)
        return 0;
    size_t len = strlen(v);
    if (sr__date_is_constant(v)) {
        check_date_constant(c, o, path, v, len);
        return 0;
    }
    char reason[SR__ISO8601_REASON_CAP];
    int rfc3339 = (o->flags & SR_VALIDATE_RFC3339) != 0;
    if (sr__iso8601_parse(v, len, rfc3339 ? SR__ISO8601_RFC3339 : 0u, t, reason, sizeof reason) !=
        SR_OK) {
        report(c, SR_ERR_FORMAT, path, "%s: %s; %s",
               rfc3339 ? "not an RFC 3339 date-time" : "not a valid ISO 8601 date", reason,
               rfc3339 ? SR__RFC3339_EXPECTED : SR__ISO8601_EXPECTED);
        return 0;
    }
    return 1;
}

static void check_date_range(collector *c, const rules *o, const sr__instant *start,
                             const sr__instant *end)
{
    char a[SR__RFC3339_CAP], b[SR__RFC3339_CAP];
    if (sr__instant_compare(end, start) < 0) {
        sr__iso8601_format_rfc3339(end, b, sizeof b);
        sr__iso8601_format_rfc3339(start, a, sizeof a);
        report(c, SR_ERR_RANGE, "/endDate",
               "endDate (%s) is before startDate (%s); expected an endDate at or after startDate",
               b, a);
        return;
    }
    int64_t limit = (int64_t)o->max_span_days * 86400;
    if (sr__instant_span_exceeds(start, end, limit)) {
        int64_t seconds;
        uint32_t nanos;
        char fraction[16] = "";
        sr__instant_span(start, end, &seconds, &nanos);
        if (nanos != 0)
            snprintf(fraction, sizeof fraction, ".%09u", (unsigned)nanos);
        report(c, SR_ERR_RANGE, "/endDate",
               "the range spans %lld days %02d:%02d:%02d%s, more than the %u-day maximum; "
               "expected endDate at most %u days after startDate",
               (long long)(seconds / 86400), (int)(seconds % 86400 / 3600),
               (int)(seconds % 3600 / 60), (int)(seconds % 60), fraction, o->max_span_days,
               o->max_span_days);
    }
}

/* ---- imei ---- */

/* The Luhn check digit of the first 14 digits of an IMEI. */
static unsigned luhn_check_digit(const char *digits)
{
    unsigned sum = 0;
    for (size_t i = 0; i < SR_IMEI_LEN - 1; i++) {
        unsigned v = (unsigned)(digits[SR_IMEI_LEN - 2 - i] - '0');
        if (i % 2 == 0) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
    }
    return (10 - sum % 10) % 10;
}

/* "/imei/N", built only when a problem is reported (it is off the hot path). */
static void imei_path(char *path, size_t cap, size_t index)
{
    path[0] = '\0';
    sr__pointer_append_key(path, cap, "imei", 4);
    sr__pointer_append_index(path, cap, index);
}

/* An exact key for the repeat check when the IMEI is well-formed (Luhn
 * included unless skipped), else SR__NO_KEY: the 15 digits as a number,
 * offset by one and scrambled by sr__repeats_key (a bijection, so equal keys
 * still mean equal IMEIs). Digits and Luhn sum are read in one pass. */
static uint64_t imei_key(const rules *o, const char *v)
{
    static const unsigned char doubled[10] = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};
    unsigned d[SR_IMEI_LEN];
    for (size_t i = 0; i < SR_IMEI_LEN; i++) {
        if (!is_digit(v[i]))
            return SR__NO_KEY;
        d[i] = (unsigned)(v[i] - '0');
    }
    if (v[SR_IMEI_LEN] != '\0')
        return SR__NO_KEY;
    /* two independent chains: the value's 7 high and 8 low digits, and the
     * Luhn sum (every second digit from the right doubled) */
    uint64_t hi = 0, lo = 0;
    unsigned sum = 0;
    for (size_t i = 0; i < 7; i++) {
        hi = hi * 10 + d[i];
        lo = lo * 10 + d[i + 7];
        sum += (i % 2 == 1 ? doubled[d[i]] : d[i]) + (i % 2 == 0 ? doubled[d[i + 7]] : d[i + 7]);
    }
    lo = lo * 10 + d[SR_IMEI_LEN - 1];
    if ((o->flags & SR_VALIDATE_NO_LUHN) == 0 && d[SR_IMEI_LEN - 1] != (10 - sum % 10) % 10)
        return SR__NO_KEY;
    return sr__repeats_key(hi * 100000000u + lo);
}

/* Reports why an IMEI without a key is malformed. */
static void report_malformed_imei(collector *c, const rules *o, size_t index, const char *v)
{
    char path[32];
    size_t len = strlen(v);
    size_t digits = count_digits(v);
    imei_path(path, sizeof path, index);
    if (len != SR_IMEI_LEN)
        report(c, SR_ERR_FORMAT, path,
               "an IMEI has exactly %d ASCII digits, this one has %zu bytes", SR_IMEI_LEN, len);
    else if (digits != SR_IMEI_LEN)
        report(c, SR_ERR_FORMAT, path,
               "an IMEI has exactly %d ASCII digits; character %zu is not a digit", SR_IMEI_LEN,
               digits + 1);
    else {
        unsigned want = luhn_check_digit(v);
        (void)o;
        report(c, SR_ERR_FORMAT, path,
               "wrong check digit %c: the Luhn check digit of %.14s is %u (expected %.14s%u)",
               v[SR_IMEI_LEN - 1], v, want, v, want);
    }
}

/* repeats has room for every IMEI, or none when there are fewer than two. */
static void check_imeis(collector *c, const rules *o, const session_report_request *r,
                        sr__repeats *repeats)
{
    size_t count = session_report_request_imei_count(r);
    if (count > o->max_imeis)
        report(c, SR_ERR_RANGE, "/imei",
               "%zu IMEIs given; expected at most %zu per request for this endpoint", count,
               o->max_imeis);
    if (repeats->keys != NULL) {
        for (size_t i = 0; i < count; i++)
            repeats->keys[i] = imei_key(o, session_report_request_imei_at(r, i));
        sr__repeats_find(repeats);
    }
    /* one problem per item, in index order: a malformed copy is reported as malformed */
    for (size_t i = 0; i < count; i++) {
        const char *v = session_report_request_imei_at(r, i);
        uint64_t key = repeats->keys != NULL ? repeats->keys[i] : imei_key(o, v);
        if (key == SR__NO_KEY) {
            report_malformed_imei(c, o, i, v);
        } else if (repeats->keys != NULL && repeats->earlier[i] != 0) {
            char path[32];
            imei_path(path, sizeof path, i);
            report(c, SR_ERR_DUPLICATE, path,
                   "IMEI %s repeats /imei/%zu; expected each device once", v,
                   (size_t)repeats->earlier[i] - 1);
        }
    }
}

/* ---- noSessionFlag and the nullable labels ---- */

static void check_no_session_flag(collector *c, const char *v)
{
    if (v != NULL && strcmp(v, "true") != 0 && strcmp(v, "false") != 0)
        report(c, SR_ERR_FORMAT, "/noSessionFlag",
               "expected the string \"true\" or \"false\", got \"%.*s%s\"",
               quote_length(v, strlen(v)), v, quote_tail(strlen(v)));
}

/* A label when it is a string (absent and null pass). */
static void check_label(collector *c, const char *path, const char *v)
{
    if (v == NULL)
        return;
    size_t len = strlen(v);
    if (len == 0)
        report(c, SR_ERR_RANGE, path,
               "the string is empty; expected 1 to %d bytes of UTF-8 (or null, or leave it out)",
               SR_MAX_LABEL_BYTES);
    else if (len > SR_MAX_LABEL_BYTES)
        report(c, SR_ERR_RANGE, path, "the string is %zu bytes long; expected at most %d bytes",
               len, SR_MAX_LABEL_BYTES);
}

static rules effective_rules(const sr_validate_options *opts)
{
    rules o = {SR_MAX_IMEIS_ASYNC, SR_MAX_SPAN_DAYS, NULL, 0};
    if (opts != NULL) {
        if (opts->max_imeis != 0)
            o.max_imeis = opts->max_imeis;
        if (opts->max_span_days != 0)
            o.max_span_days = opts->max_span_days;
        o.date_constants = opts->date_constants;
        o.flags = opts->flags;
    }
    return o;
}

size_t session_report_request_validate(const session_report_request *r,
                                       const sr_validate_options *opts, sr_error *errors,
                                       size_t max_errors)
{
    collector c = {errors, max_errors, 0};
    if (r == NULL) {
        report(&c, SR_ERR_ARG, "", "the request is NULL; expected a request to validate");
        return c.count;
    }
    rules o = effective_rules(opts);
    sr__instant start, end;
    sr__repeats repeats;
    memset(&repeats, 0, sizeof repeats);

    /* the only allocation, made first: without it nothing is reported but
     * the one SR_ERR_NOMEM problem */
    if (session_report_request_imei_count(r) > 1 &&
        sr__repeats_init(&repeats, session_report_request_imei_count(r)) != SR_OK) {
        report(&c, SR_ERR_NOMEM, "",
               "out of memory while validating (looking for repeated IMEIs); nothing was checked");
        return c.count;
    }
    check_account_number(&c, session_report_request_get_account_number(r));
    int start_ok =
        check_date(&c, &o, "/startDate", session_report_request_get_start_date(r), &start);
    int end_ok = check_date(&c, &o, "/endDate", session_report_request_get_end_date(r), &end);
    if (start_ok && end_ok)
        check_date_range(&c, &o, &start, &end);
    check_imeis(&c, &o, r, &repeats);
    check_label(&c, "/deviceGroup", session_report_request_get_device_group(r));
    check_label(&c, "/dataPlan", session_report_request_get_data_plan(r));
    check_no_session_flag(&c, session_report_request_get_no_session_flag(r));
    check_label(&c, "/deviceLabel", session_report_request_get_device_label(r));
    sr__repeats_free(&repeats);
    return c.count;
}
