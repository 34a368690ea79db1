/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: validation and date normalisation on decoded requests
 * (or, when the bytes are not a request, on a request whose dates are the
 * bytes), with the properties DESIGN section 5 implies. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sessreport.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ERRORS 64

static void violated(const char *property)
{
    fprintf(stderr, "fuzz_validate: property violated: %s\n", property);
    abort();
}

static const char *const constants[] = {"TODAY", "LAST_WEEK", "last_30_days", NULL};

/* The option sets every request is validated under. */
static const sr_validate_options option_sets[] = {
    {0, 0, NULL, 0},
    {SR_MAX_IMEIS_SYNC, 0, NULL, 0},
    {0, 0, NULL, SR_VALIDATE_RFC3339},
    {0, 0, NULL, SR_VALIDATE_NO_LUHN},
    {0, 1, constants, 0},
    {2, 7, constants, SR_VALIDATE_RFC3339 | SR_VALIDATE_NO_LUHN},
};

/* Position of a problem in the serializer's field order: the field, then
 * the IMEI index. */
static unsigned long long order_rank(const char *path)
{
    static const char *const fields[] = {"/accountNumber", "/startDate",   "/endDate",
                                         "/imei",          "/deviceGroup", "/dataPlan",
                                         "/noSessionFlag", "/deviceLabel"};
    for (unsigned f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        size_t n = strlen(fields[f]);
        if (strncmp(path, fields[f], n) != 0 || (path[n] != '\0' && path[n] != '/'))
            continue;
        unsigned long long index = 0;
        if (path[n] == '/') {
            index = 1; /* items after the list-wide problems */
            for (const char *p = path + n + 1; *p >= '0' && *p <= '9'; p++)
                index = index * 10 + (unsigned long long)(*p - '0') + 1;
        }
        return ((unsigned long long)f << 56) | index;
    }
    violated("every validation problem points at a known field");
    return 0;
}

/* What a walk saw: the first problems and how many calls there were. */
typedef struct walk_log {
    const sr_error *want;
    size_t calls;
} walk_log;

/* Stops after the first few: the count must still be the total. */
static int compare_problem(const sr_error *p, void *ctx)
{
    walk_log *log = ctx;
    const sr_error *w = &log->want[log->calls];
    if (p->code != w->code || strcmp(p->path, w->path) != 0 || strcmp(p->message, w->message) != 0)
        violated("a walk hands on the problems the array gets, in order");
    return ++log->calls == 3;
}

typedef size_t (*check_fn)(const session_report_request *r, const sr_validate_options *opts,
                           sr_error *problems, size_t max);
typedef size_t (*walk_fn)(const session_report_request *r, const sr_validate_options *opts,
                          sr_problem_fn fn, void *ctx);

/* 1 when path belongs to the warning side (lint): the IMEI items and the labels. */
static int warning_path(const char *path)
{
    return strncmp(path, "/imei/", 6) == 0 || strcmp(path, "/deviceGroup") == 0 ||
           strcmp(path, "/dataPlan") == 0 || strcmp(path, "/deviceLabel") == 0;
}

/* Runs one side (validate or lint) and checks what every report must
 * satisfy; returns the count. */
static size_t checked_side(const session_report_request *r, const sr_validate_options *o,
                           sr_error *errors, check_fn check, walk_fn walk, int warnings)
{
    size_t n = check(r, o, errors, MAX_ERRORS);
    if (check(r, o, NULL, 0) != n)
        violated("counting alone gives the same count");
    walk_log log = {errors, 0};
    if (walk(r, o, compare_problem, &log) != n || log.calls != (n < 3 ? n : 3))
        violated("a walk counts every problem, and stops handing them on when asked");
    for (size_t i = 0; i < n && i < MAX_ERRORS; i++) {
        int lint_only = warning_path(errors[i].path) || errors[i].code == SR_ERR_DUPLICATE;
        if (lint_only != warnings && strcmp(errors[i].path, "/accountNumber") != 0)
            violated("each rule reports on its own side (error or warning)");
    }
    unsigned long long last = 0;
    for (size_t i = 0; i < n && i < MAX_ERRORS; i++) {
        if (errors[i].code <= SR_OK || errors[i].code > SR_ERR_LIMIT ||
            errors[i].code == SR_ERR_NOMEM)
            violated("each problem has a failure code");
        if (memchr(errors[i].path, '\0', SR_ERROR_PATH_SIZE) == NULL ||
            memchr(errors[i].message, '\0', SR_ERROR_MESSAGE_SIZE) == NULL ||
            errors[i].message[0] == '\0')
            violated("path and message are terminated, message not empty");
        unsigned long long rank = order_rank(errors[i].path);
        if (rank < last)
            violated("problems come in the serializer's field order");
        last = rank;
    }
    return n;
}

/* Errors (what checked_side checks for validate), after the warnings have
 * been checked the same way. */
static size_t checked_validate(const session_report_request *r, const sr_validate_options *o,
                               sr_error *errors)
{
    (void)checked_side(r, o, errors, session_report_request_lint, session_report_request_lint_each,
                       1);
    return checked_side(r, o, errors, session_report_request_validate,
                        session_report_request_validate_each, 0);
}

static int has_error_at(const sr_error *errors, size_t n, sr_status code, const char *path)
{
    for (size_t i = 0; i < n && i < MAX_ERRORS; i++) {
        if (errors[i].code == code && strcmp(errors[i].path, path) == 0)
            return 1;
    }
    return 0;
}

static int is_ascii_letter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A FORMAT problem at a concrete date (one that does not start with a
 * letter: those are constants, which normalize leaves alone). */
static int has_concrete_date_format_error(const session_report_request *r, const sr_error *errors,
                                          size_t n)
{
    const char *start = session_report_request_get_start_date(r);
    const char *end = session_report_request_get_end_date(r);
    return (start != NULL && !is_ascii_letter(start[0]) &&
            has_error_at(errors, n, SR_ERR_FORMAT, "/startDate")) ||
           (end != NULL && !is_ascii_letter(end[0]) &&
            has_error_at(errors, n, SR_ERR_FORMAT, "/endDate"));
}

static int same_text(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Not a request: a seed request whose dates are the two halves of the bytes
 * (split at the first '|' or in the middle). NULL when the bytes are not
 * valid text for a setter. */
static session_report_request *request_with_dates(const char *s, size_t n)
{
    const char *bar = memchr(s, '|', n);
    size_t cut = bar != NULL ? (size_t)(bar - s) : n / 2;
    size_t rest = bar != NULL ? cut + 1 : cut;
    char *start = malloc(cut + 1), *end = malloc(n - rest + 1);
    session_report_request *r = session_report_request_new();
    if (start == NULL || end == NULL || r == NULL)
        abort();
    memcpy(start, s, cut);
    start[cut] = '\0';
    memcpy(end, s + rest, n - rest);
    end[n - rest] = '\0';
    if (session_report_request_set_account_number(r, "0844021539-00001") != SR_OK ||
        session_report_request_add_imei(r, "709312034493372") != SR_OK ||
        session_report_request_set_start_date(r, start) != SR_OK ||
        session_report_request_set_end_date(r, end) != SR_OK) {
        session_report_request_free(r);
        r = NULL;
    }
    free(start);
    free(end);
    return r;
}

static void check_normalize(const session_report_request *r)
{
    static sr_error before[MAX_ERRORS], after[MAX_ERRORS];
    session_report_request *once = NULL, *twice = NULL;
    if (session_report_request_clone(r, &once) != SR_OK)
        violated("clone");
    sr_error err;
    sr_status st = session_report_request_normalize_dates(once, &err);
    size_t n_before = checked_validate(r, &option_sets[0], before);

    if (st == SR_ERR_FORMAT) {
        if (!session_report_request_equal(once, r))
            violated("a failed normalize changes nothing");
        if (strcmp(err.path, "/startDate") != 0 && strcmp(err.path, "/endDate") != 0)
            violated("normalize fails at a date");
        if (!has_error_at(before, n_before, SR_ERR_FORMAT, err.path) && n_before <= MAX_ERRORS)
            violated("a date normalize rejects is a FORMAT problem for validate");
    } else if (st == SR_OK) {
        if (n_before <= MAX_ERRORS && has_concrete_date_format_error(r, before, n_before))
            violated("normalize accepts only concrete dates validate accepts");
        const char *start = session_report_request_get_start_date(r);
        const char *end = session_report_request_get_end_date(r);
        if ((start != NULL && is_ascii_letter(start[0]) &&
             !same_text(start, session_report_request_get_start_date(once))) ||
            (end != NULL && is_ascii_letter(end[0]) &&
             !same_text(end, session_report_request_get_end_date(once))))
            violated("normalize leaves constants alone");
        if (session_report_request_clone(once, &twice) != SR_OK ||
            session_report_request_normalize_dates(twice, &err) != SR_OK ||
            !session_report_request_equal(once, twice))
            violated("normalize twice = normalize once");
        sr_validate_options rfc = {0, 0, NULL, SR_VALIDATE_RFC3339};
        size_t n_after = checked_validate(once, &rfc, after);
        if (n_after <= MAX_ERRORS && has_concrete_date_format_error(once, after, n_after))
            violated("normalized dates pass the RFC 3339 profile");
        /* The same instants: the range verdict does not change. */
        n_after = checked_validate(once, &option_sets[0], after);
        if (n_before <= MAX_ERRORS && n_after <= MAX_ERRORS &&
            has_error_at(before, n_before, SR_ERR_RANGE, "/endDate") !=
                has_error_at(after, n_after, SR_ERR_RANGE, "/endDate"))
            violated("normalizing keeps the range verdict");
    } else {
        violated("normalize returns SR_OK or SR_ERR_FORMAT");
    }
    session_report_request_free(twice);
    session_report_request_free(once);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sr_error errors[MAX_ERRORS];
    const char *json = (const char *)data;
    session_report_request *r = NULL;
    if (session_report_request_from_json(json, size, NULL, &r, NULL) != SR_OK)
        r = request_with_dates(json, size);
    if (r == NULL)
        return 0;
    for (size_t i = 0; i < sizeof option_sets / sizeof option_sets[0]; i++)
        (void)checked_validate(r, &option_sets[i], errors);
    check_normalize(r);
    session_report_request_free(r);
    return 0;
}
