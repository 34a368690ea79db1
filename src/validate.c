/* SPDX-License-Identifier: MIT */
/* session_report_request_validate: the rules the API documents (DESIGN
 * section 5, errors), reported in the serializer's field order. Likely
 * mistakes the API accepts are warnings, in validate_lint.c. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "iso8601.h"
#include "validate_common.h"

/* ---- startDate / endDate ---- */

/* What follows a date constant's first letter: ^[A-Za-z][A-Za-z0-9_]*$ */
static const char identifier_tail[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";

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
        size_t n = (size_t)snprintf(buf + used, cap - used, "%s%s", used > 0 ? ", " : "", *list);
        if (used + n + 4 > cap) {
            memcpy(buf + used, "...", 4); /* over the part that did not fit */
            return;
        }
        used += n;
    }
}

static void check_date_constant(sr__sink *c, const sr__rules *o, const char *path, const char *v,
                                size_t len)
{
    size_t bad = 1 + strspn(v + 1, identifier_tail);
    if (bad < len) {
        sr__report(c, SR_ERR_FORMAT, path,
                   "date constant \"%.*s%s\" has a character other than a letter, digit or '_' at "
                   "position %zu; expected an identifier such as LAST_7_DAYS",
                   sr__quote_length(v, len), v, sr__quote_tail(len), bad + 1);
        return;
    }
    if (o->date_constants != NULL && !in_allow_list(o->date_constants, v)) {
        char names[128];
        join_allow_list(o->date_constants, names, sizeof names);
        sr__report(
            c, SR_ERR_FORMAT, path, "date constant \"%.*s%s\" is not allowed; expected one of: %s",
            sr__quote_length(v, len), v, sr__quote_tail(len), names[0] != '\0' ? names : "(none)");
    }
}

/* Checks one date; returns 1 when it is a valid concrete date, with its
 * instant in *t (the range checks need both). */
static int check_date(sr__sink *c, const sr__rules *o, const char *path, const char *v,
                      sr__instant *t)
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
        sr__report(c, SR_ERR_FORMAT, path, "%s: %s; %s",
                   rfc3339 ? "not an RFC 3339 date-time" : "not a valid ISO 8601 date", reason,
                   rfc3339 ? SR__RFC3339_EXPECTED : SR__ISO8601_EXPECTED);
        return 0;
    }
    return 1;
}

static void check_date_range(sr__sink *c, const sr__rules *o, const sr__instant *start,
                             const sr__instant *end)
{
    char a[SR__RFC3339_CAP], b[SR__RFC3339_CAP];
    if (sr__instant_compare(end, start) < 0) {
        sr__iso8601_format_rfc3339(end, b, sizeof b);
        sr__iso8601_format_rfc3339(start, a, sizeof a);
        sr__report(
            c, SR_ERR_RANGE, "/endDate",
            "endDate (%s) is before startDate (%s); expected an endDate at or after startDate", b,
            a);
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
        sr__report(c, SR_ERR_RANGE, "/endDate",
                   "the range spans %lld day%s %02d:%02d:%02d%s, more than the %u-day maximum; "
                   "expected endDate at most %u day%s after startDate",
                   (long long)(seconds / 86400), sr__plural((size_t)(seconds / 86400)),
                   (int)(seconds % 86400 / 3600), (int)(seconds % 3600 / 60), (int)(seconds % 60),
                   fraction, o->max_span_days, o->max_span_days, sr__plural(o->max_span_days));
    }
}

/* ---- accountNumber, imei count, noSessionFlag ---- */

static void check_account_number(sr__sink *c, const char *v)
{
    static const char expected[] = "expected the account number, e.g. 0844021539-00001";
    if (v == NULL)
        sr__report(c, SR_ERR_MISSING, "/accountNumber", "accountNumber is required; %s", expected);
    else if (v[0] == '\0')
        sr__report(c, SR_ERR_FORMAT, "/accountNumber", "accountNumber is empty; %s", expected);
}

static void check_imei_count(sr__sink *c, const sr__rules *o, size_t count)
{
    if (count > o->max_imeis)
        sr__report(c, SR_ERR_RANGE, "/imei",
                   "%zu IMEIs given; expected at most %zu per request for this endpoint", count,
                   o->max_imeis);
}

static void check_no_session_flag(sr__sink *c, const char *v)
{
    if (v != NULL && strcmp(v, "true") != 0 && strcmp(v, "false") != 0)
        sr__report(c, SR_ERR_FORMAT, "/noSessionFlag",
                   "expected the string \"true\" or \"false\", got \"%.*s%s\"",
                   sr__quote_length(v, strlen(v)), v, sr__quote_tail(strlen(v)));
}

static void check_errors(sr__sink *c, const sr__rules *o, const session_report_request *r)
{
    sr__instant start, end;
    check_account_number(c, session_report_request_get_account_number(r));
    int start_ok = check_date(c, o, "/startDate", session_report_request_get_start_date(r), &start);
    int end_ok = check_date(c, o, "/endDate", session_report_request_get_end_date(r), &end);
    if (start_ok && end_ok)
        check_date_range(c, o, &start, &end);
    check_imei_count(c, o, session_report_request_imei_count(r));
    check_no_session_flag(c, session_report_request_get_no_session_flag(r));
}

size_t session_report_request_validate(const session_report_request *r,
                                       const sr_validate_options *opts, sr_error *errors,
                                       size_t max_errors)
{
    return sr__walk_into(r, opts, check_errors, errors, max_errors);
}

size_t session_report_request_validate_each(const session_report_request *r,
                                            const sr_validate_options *opts, sr_problem_fn fn,
                                            void *ctx)
{
    return sr__walk(r, opts, check_errors, fn, ctx);
}
