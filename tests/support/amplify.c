/* SPDX-License-Identifier: MIT */
/* Issue 15 item 4's document: small, but huge when printed pretty. */
#include <stdlib.h>
#include <string.h>

#include "amplify.h"

char *sr_test_amplifying_document(size_t *len)
{
    static const char head[] = "{\"accountNumber\":\"1\",\"imei\":[],\"x\":[";
    size_t n = sizeof head - 1;
    char *json = malloc(n + 1000 * 1021 + 1);
    if (json == NULL)
        return NULL;
    memcpy(json, head, n);
    for (int i = 0; i < 1000; i++) {
        memset(json + n, '[', 510);
        memset(json + n + 510, ']', 510);
        n += 1020;
        json[n++] = i < 999 ? ',' : ']';
    }
    json[n++] = '}';
    *len = n;
    return json;
}
