/* SPDX-License-Identifier: MIT */
/* Handling of secrets: copies that are wiped before they are freed, the
 * check that keeps a credential from injecting a header, and the base64 of
 * the OAuth Basic header. */
#include <stdlib.h>
#include <string.h>

#include "http_internal.h"

void sr__http_wipe(void *p, size_t n)
{
    volatile unsigned char *v = p;
    while (n-- > 0)
        *v++ = 0;
}

void sr__http_wipe_free(char *s)
{
    if (s == NULL)
        return;
    sr__http_wipe(s, strlen(s));
    free(s);
}

char *sr__http_strdup(const char *s)
{
    return sr__http_concat(s, "");
}

char *sr__http_concat(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *s = malloc(na + nb + 1);
    if (s == NULL)
        return NULL;
    memcpy(s, a, na);
    memcpy(s + na, b, nb + 1);
    return s;
}

sr_status sr__http_check_secret(const char *value, const char *what, sr_error *err)
{
    if (value == NULL || value[0] == '\0')
        return sr__http_error(err, SR_ERR_ARG, "%s is missing", what);
    for (const char *p = value; *p != '\0'; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return sr__http_error(err, SR_ERR_ARG, "%s holds a control character", what);
    }
    return SR_OK;
}

size_t sr__http_base64(const unsigned char *in, size_t n, char *out)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t o = 0;
    /* Each group of up to 3 bytes gives 4 characters; the missing bytes of
     * the last group count as zero and their characters are '='. */
    for (size_t i = 0; i < n; i += 3) {
        unsigned long v = (unsigned long)in[i] << 16;
        if (i + 1 < n)
            v |= (unsigned long)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        out[o++] = alphabet[(v >> 18) & 63];
        out[o++] = alphabet[(v >> 12) & 63];
        out[o++] = i + 1 < n ? alphabet[(v >> 6) & 63] : '=';
        out[o++] = i + 2 < n ? alphabet[v & 63] : '=';
    }
    out[o] = '\0';
    return o;
}
