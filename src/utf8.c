/* SPDX-License-Identifier: MIT */
/* UTF-8 well-formedness (RFC 3629, Unicode Table 3-7), shared by the setters
 * and the JSON scanner; and the string-slot replacement every setter uses. */
#include <string.h>

#include "internal.h"

size_t sr__utf8_sequence_length(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    /* continuation bytes, C0/C1 overlong leads and F5..FF start nothing */
    size_t len = c < 0xC2 ? 0 : c <= 0xDF ? 2 : c <= 0xEF ? 3 : c <= 0xF4 ? 4 : 0;
    /* the allowed second bytes: no overlong below U+0800 or U+10000, no
     * UTF-16 surrogate U+D800..U+DFFF, nothing above U+10FFFF */
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (len == 0 || n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    }
    return len;
}

int sr__utf8_valid_text(const char *s, size_t n, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        if (p[i] >= 0x01 && p[i] < 0x80) {
            i++;
            continue;
        }
        size_t len = p[i] == 0 ? 0 : sr__utf8_sequence_length(p + i, n - i);
        if (len == 0) {
            if (bad != NULL)
                *bad = i;
            return 0;
        }
        i += len;
    }
    return 1;
}

sr_status sr__replace_string(char **slot, const char *s, size_t len)
{
    /* copied before the old value is freed, so s may point into it */
    char *copy = sr__strndup(s, len);
    if (copy == NULL)
        return SR_ERR_NOMEM;
    sr__free(*slot);
    *slot = copy;
    return SR_OK;
}

sr_status sr__utf8_set_text(char **slot, const char *v)
{
    if (v == NULL) {
        sr__free(*slot);
        *slot = NULL;
        return SR_OK;
    }
    size_t n = strlen(v);
    if (!sr__utf8_valid_text(v, n, NULL))
        return SR_ERR_ENCODING;
    return sr__replace_string(slot, v, n);
}
