/* SPDX-License-Identifier: MIT */
/* Generates the bench's request documents: distinct Luhn-valid IMEIs, unknown members. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define IMEI_BODY_LEN (SR_IMEI_LEN - 1)

/* Luhn (ISO/IEC 7812-1): from the right of the body, every other digit
 * starting with the rightmost is doubled, digits of the products summed. */
char bench_luhn_digit(const char *body14)
{
    unsigned sum = 0;
    for (size_t k = 0; k < IMEI_BODY_LEN; k++) {
        unsigned d = (unsigned)(body14[IMEI_BODY_LEN - 1 - k] - '0');
        if (k % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return (char)('0' + (10 - sum % 10) % 10);
}

void bench_imei(size_t i, char out[SR_IMEI_LEN + 1])
{
    /* "35" (a GSMA reporting body) + 12 digits; the stride spreads the serial
     * numbers and keeps them distinct for i < 10^12 / 7919 */
    unsigned long long serial = 100000ULL + (unsigned long long)i * 7919ULL;
    snprintf(out, SR_IMEI_LEN + 1, "35%012llu", serial % 1000000000000ULL);
    out[IMEI_BODY_LEN] = bench_luhn_digit(out);
    out[SR_IMEI_LEN] = '\0';
}

static int doc_reserve(bench_doc *d, size_t more)
{
    if (d->len + more + 1 <= d->cap)
        return 0;
    size_t cap = d->cap ? d->cap : 256;
    while (cap < d->len + more + 1)
        cap *= 2;
    char *p = realloc(d->buf, cap);
    if (p == NULL)
        return -1;
    d->buf = p;
    d->cap = cap;
    return 0;
}

static int doc_put(bench_doc *d, const char *s)
{
    size_t n = strlen(s);
    if (doc_reserve(d, n) != 0)
        return -1;
    memcpy(d->buf + d->len, s, n + 1);
    d->len += n;
    return 0;
}

static int doc_put_imei_array(bench_doc *d, size_t n)
{
    char imei[SR_IMEI_LEN + 1];
    if (doc_put(d, "\"imei\":[") != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        bench_imei(i, imei);
        if ((i > 0 && doc_put(d, ",") != 0) || doc_put(d, "\"") != 0 || doc_put(d, imei) != 0 ||
            doc_put(d, "\"") != 0)
            return -1;
    }
    return doc_put(d, "]");
}

int bench_doc_imeis(bench_doc *d, size_t n)
{
    memset(d, 0, sizeof(*d));
    if (doc_put(d, "{\"accountNumber\":\"0844021539-00001\","
                   "\"startDate\":\"2022-12-09T22:01:06.217Z\","
                   "\"endDate\":\"2023-01-09T22:01:08.734Z\",") != 0 ||
        doc_put_imei_array(d, n) != 0 ||
        doc_put(d, ",\"deviceGroup\":\"deviceGroup4\",\"dataPlan\":\"dataPlan2\","
                   "\"noSessionFlag\":\"false\",\"deviceLabel\":\"deviceLabel4\"}") != 0) {
        bench_doc_free(d);
        return -1;
    }
    return 0;
}

/* Every JSON type, already compact, so the library writes them back unchanged. */
static const char *const unknown_values[] = {
    "\"free text value\"",
    "1234567890123456789",
    "true",
    "null",
    "{\"a\":[1,2],\"b\":\"c\"}",
    "-1.25e3",
    "false",
    "[]",
    "{}",
    "[\"x\",{\"y\":null}]",
};

int bench_doc_unknown(bench_doc *d, size_t n)
{
    const size_t nvalues = sizeof(unknown_values) / sizeof(unknown_values[0]);
    char key[32];
    memset(d, 0, sizeof(*d));
    if (doc_put(d, "{\"accountNumber\":\"0844021539-00001\",") != 0 ||
        doc_put_imei_array(d, 1) != 0)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        snprintf(key, sizeof(key), ",\"ext%07zu\":", i);
        if (doc_put(d, key) != 0 || doc_put(d, unknown_values[i % nvalues]) != 0)
            goto fail;
    }
    if (doc_put(d, "}") != 0)
        goto fail;
    return 0;
fail:
    bench_doc_free(d);
    return -1;
}

void bench_doc_free(bench_doc *d)
{
    free(d->buf);
    memset(d, 0, sizeof(*d));
}
