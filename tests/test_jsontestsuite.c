/* SPDX-License-Identifier: MIT */
/* The JSONTestSuite parsing corpus, each file embedded as the value of an
 * unknown member as $SR_DATA_DIR/jsontestsuite/README.md prescribes. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sessreport.h"

static const char prefix[] = "{\"accountNumber\":\"0844021539-00001\",\"imei\":[],\"x\":";

/* Corpus size, so that a partial or missing corpus cannot pass. */
#define N_FILES 188
#define Y_FILES 95
#define I_FILES 35

typedef struct counts {
    int n, n_rejected, y, y_accepted, y_expected_errors, i, i_accepted, failures;
} counts;

/* The whole document for one corpus file, or NULL when it cannot be read. */
static char *embed_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *doc = NULL;
    long size;
    size_t pl = sizeof prefix - 1;
    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        doc = malloc(pl + (size_t)size + 1);
        if (doc != NULL && fread(doc + pl, 1, (size_t)size, f) == (size_t)size) {
            memcpy(doc, prefix, pl);
            doc[pl + (size_t)size] = '}';
            *len = pl + (size_t)size + 1;
        } else {
            free(doc);
            doc = NULL;
        }
    }
    fclose(f);
    return doc;
}

/* y_ files the rules of DESIGN section 4 reject, and how. The README lists
 * the first three; y_object_escaped_null_in_key.json ({"foo\u0000bar": 42})
 * holds a NUL in a key, and keys are strings too ("every string must be
 * valid UTF-8 without NUL"), so it is SR_ERR_ENCODING as well. */
static int y_exception(const char *name, sr_status *want)
{
    if (strcmp(name, "y_string_null_escape.json") == 0 ||
        strcmp(name, "y_object_escaped_null_in_key.json") == 0) {
        *want = SR_ERR_ENCODING;
        return 1;
    }
    if (strncmp(name, "y_object_duplicated_key", strlen("y_object_duplicated_key")) == 0) {
        *want = SR_ERR_DUPLICATE;
        return 1;
    }
    return 0;
}

/* An accepted document survives serialize -> parse unchanged. */
static int round_trips(const session_report_request *r)
{
    char *out = NULL;
    size_t len = 0;
    session_report_request *again = NULL;
    int ok = session_report_request_to_json(r, 0, &out, &len) == SR_OK &&
             session_report_request_from_json(out, len, NULL, &again, NULL) == SR_OK &&
             session_report_request_equal(r, again);
    session_report_request_free(again);
    sr_free(out);
    return ok;
}

static void check_file(const char *dir, const char *name, counts *c)
{
    char path[4096];
    size_t len = 0;
    char *doc;
    session_report_request *r = NULL;
    sr_error err;
    sr_status st, want = SR_OK;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    doc = embed_file(path, &len);
    if (doc == NULL) {
        print_message("FAIL %s: cannot read\n", name);
        c->failures++;
        return;
    }
    st = session_report_request_from_json(doc, len, NULL, &r, &err);
    switch (name[0]) {
    case 'n':
        c->n++;
        if (st == SR_ERR_SYNTAX || st == SR_ERR_ENCODING) {
            c->n_rejected++;
        } else {
            print_message("FAIL %s: got %s, want SR_ERR_SYNTAX or SR_ERR_ENCODING\n", name,
                          sr_status_name(st));
            c->failures++;
        }
        break;
    case 'y':
        c->y++;
        if (y_exception(name, &want))
            c->y_expected_errors++;
        else if (st == SR_OK)
            c->y_accepted++;
        if (st != want) {
            print_message("FAIL %s: got %s (%s '%s'), want %s\n", name, sr_status_name(st),
                          st != SR_OK ? err.message : "", st != SR_OK ? err.path : "",
                          sr_status_name(want));
            c->failures++;
        } else if (st == SR_OK && !round_trips(r)) {
            print_message("FAIL %s: does not round-trip\n", name);
            c->failures++;
        }
        break;
    case 'i':
        c->i++;
        if (st == SR_OK) {
            c->i_accepted++;
            if (!round_trips(r)) {
                print_message("FAIL %s: accepted but does not round-trip\n", name);
                c->failures++;
            }
        } else if (st != SR_ERR_SYNTAX && st != SR_ERR_ENCODING && st != SR_ERR_LIMIT) {
            print_message("FAIL %s: unexpected %s\n", name, sr_status_name(st));
            c->failures++;
        }
        break;
    default:
        break;
    }
    if (st != SR_OK && r != NULL) {
        print_message("FAIL %s: *out not NULL on failure\n", name);
        c->failures++;
    }
    session_report_request_free(r);
    free(doc);
}

static void test_parsing_corpus(void **state)
{
    const char *shared = getenv("SR_DATA_DIR");
    char dir[2048];
    DIR *d;
    const struct dirent *e;
    counts c;
    (void)state;

    memset(&c, 0, sizeof c);
    if (shared == NULL)
        fail_msg("SR_DATA_DIR is not set: cannot find the JSONTestSuite corpus");
    snprintf(dir, sizeof dir, "%s/jsontestsuite/test_parsing", shared);
    d = opendir(dir);
    if (d == NULL)
        fail_msg("JSONTestSuite corpus missing: cannot open %s", dir);
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 7 || e->d_name[1] != '_' || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        check_file(dir, e->d_name, &c);
    }
    closedir(d);

    print_message("JSONTestSuite: n_ %d/%d rejected; y_ %d/%d accepted + %d expected errors; "
                  "i_ %d files, %d accepted\n",
                  c.n_rejected, c.n, c.y_accepted, c.y, c.y_expected_errors, c.i, c.i_accepted);
    assert_int_equal(c.failures, 0);
    assert_int_equal(c.n, N_FILES);
    assert_int_equal(c.n_rejected, N_FILES);
    assert_int_equal(c.y, Y_FILES);
    assert_int_equal(c.y_expected_errors, 4);
    assert_int_equal(c.y_accepted, Y_FILES - 4);
    assert_int_equal(c.i, I_FILES);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parsing_corpus),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
