/* SPDX-License-Identifier: MIT */
/* sr__json_print: cJSON prints the tree compact; the library copies that
 * text into its own allocation (cJSON's hooks may be another allocator) or
 * re-indents it into the house 2-space form, counted first. */
#include <string.h>

#include "internal.h"
#include "json_tree.h"

/* Puts n bytes of s, or n spaces when s is NULL, at out + o unless out is
 * NULL (only counting); returns o + n. */
static size_t put(char *out, size_t o, const char *s, size_t n)
{
    if (out != NULL && s != NULL)
        memcpy(out + o, s, n);
    else if (out != NULL)
        memset(out + o, ' ', n);
    return o + n;
}

static size_t newline(char *out, size_t o, size_t depth)
{
    return put(out, put(out, o, "\n", 1), NULL, 2 * depth);
}

/* Writes the compact text in[0..len) in the house 2-space form to out, or
 * only counts it when out is NULL; returns its length. Counting stops past
 * SR_JSON_MAX_OUTPUT, so that deep nesting cannot overflow the count. */
static size_t reindent(const char *in, size_t len, char *out)
{
    size_t o = 0, depth = 0;
    for (size_t r = 0; r < len && o <= SR_JSON_MAX_OUTPUT; r++) {
        char c = in[r];
        size_t n = 1;
        if (c == '"') {
            while (in[r + n] != '"')
                n += in[r + n] == '\\' ? 2 : 1;
            o = put(out, o, in + r, n + 1);
            r += n;
            continue;
        }
        if (c == ']' || c == '}')
            o = newline(out, o, --depth);
        o = put(out, o, in + r, 1);
        if (c == ':')
            o = put(out, o, NULL, 1);
        else if (c == ',')
            o = newline(out, o, depth);
        else if ((c == '[' || c == '{') && (in[r + 1] == ']' || in[r + 1] == '}'))
            o = put(out, o, in + ++r, 1);
        else if (c == '[' || c == '{')
            o = newline(out, o, ++depth);
    }
    return o;
}

sr_status sr__json_print(const cJSON *tree, unsigned flags, char **out, size_t *out_len)
{
    int pretty = (flags & SR_JSON_PRETTY) != 0;
    /* every tree the library prints is printable: cJSON fails only for
     * memory; a request of a few IMEIs fits its first 1024 bytes */
    char *compact = cJSON_PrintBuffered(tree, 1024, 0);
    size_t len = compact != NULL ? strlen(compact) : 0;
    size_t size = pretty ? reindent(compact, len, NULL) : len;
    char *buf = compact != NULL && size <= SR_JSON_MAX_OUTPUT ? sr__malloc(size + 1) : NULL;
    if (buf != NULL && pretty)
        reindent(compact, len, buf);
    else if (buf != NULL)
        memcpy(buf, compact, len);
    cJSON_free(compact);
    if (buf != NULL)
        buf[size] = '\0';
    *out = buf;
    if (out_len != NULL)
        *out_len = buf != NULL ? size : 0;
    return buf != NULL ? SR_OK : size <= SR_JSON_MAX_OUTPUT ? SR_ERR_NOMEM : SR_ERR_LIMIT;
}
