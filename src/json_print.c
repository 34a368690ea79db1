/* SPDX-License-Identifier: MIT */
/* sr__json_print: the output's size from the tree, then cJSON prints it
 * compact into one buffer of that size; the pretty form re-indents cJSON's
 * compact text in place, in the same buffer. */
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "json_tree.h"
#include "json_walk.h"

/* cJSON_PrintPreallocated needs a few bytes beyond the text it writes
 * (cJSON.h: "allocate 5 bytes more than you actually need"). */
#define CJSON_PRINT_SLACK 5
/* The longest text cJSON prints for a double ("%1.17g", or "null"). */
#define CJSON_DOUBLE_MAX 26

typedef struct sizes {
    size_t compact; /* cJSON's compact text (an upper bound when !exact) */
    size_t extra;   /* what the pretty form adds to it */
    int exact;      /* 0 when the tree holds cJSON numbers (doubles) */
    int pretty;
} sizes;

/* What cJSON adds to a byte of a string when it escapes it: 1 for '"',
 * '\\' and \b \f \n \r \t, 5 for the other control characters (\u00XX). */
static const unsigned char escape_extra[256] = {5, 5, 5, 5, 5, 5, 5, 5, 1, 1, 1, 5,
                                                1, 1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
                                                5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 1, ['\\'] = 1};

/* Bytes cJSON writes for the string s (NULL prints as ""), quotes included. */
static size_t quoted_size(const char *s)
{
    size_t n = 2;
    for (; s != NULL && *s != '\0'; s++)
        n += 1 + escape_extra[(unsigned char)*s];
    return n;
}

static size_t value_size(const cJSON *item, sizes *s)
{
    switch (item->type & 0xFF) {
    case cJSON_NULL:
    case cJSON_True:
        return 4;
    case cJSON_False:
        return 5;
    case cJSON_Number:
        s->exact = 0;
        return CJSON_DOUBLE_MAX;
    case cJSON_Raw:
        return item->valuestring != NULL ? strlen(item->valuestring) : (size_t)-1;
    case cJSON_String:
        return quoted_size(item->valuestring);
    case cJSON_Array:
    case cJSON_Object:
        return 2;
    default:
        return (size_t)-1; /* cJSON_Invalid: cJSON cannot print it */
    }
}

/* Adds one item: its separator, its key, its value; and, when pretty, the
 * line break and indentation before it and before its closing bracket. */
static sr_status add_item(void *vctx, const sr__json_walk *w, cJSON *item, int first)
{
    sizes *s = vctx;
    size_t depth = w->depth, n = value_size(item, s);
    int type = item->type & 0xFF;
    if (n == (size_t)-1)
        return SR_ERR_ARG;
    if (depth > 0) {
        s->compact += !first;
        s->extra += 1 + 2 * depth;
        if ((w->stack[depth - 1]->type & 0xFF) == cJSON_Object) {
            s->compact += quoted_size(item->string) + 1;
            s->extra += 1; /* ": " */
        }
    }
    if ((type == cJSON_Array || type == cJSON_Object) && item->child != NULL)
        s->extra += 1 + 2 * depth; /* the line of the closing bracket */
    s->compact += n;
    /* Stop early: a hostile tree could otherwise run the sums far past any
     * allocation. */
    if (s->compact > SR_JSON_MAX_OUTPUT ||
        (s->pretty && s->extra > SR_JSON_MAX_OUTPUT - s->compact))
        return SR_ERR_LIMIT;
    return SR_OK;
}

/* Writes a line break and the indentation of depth at out[o]; 0 when that
 * would reach the unread compact text at r (a sizing bug, never input). */
static int newline(char *out, size_t *o, size_t r, size_t depth)
{
    if (*o + 1 + 2 * depth > r)
        return 0;
    out[(*o)++] = '\n';
    memset(out + *o, ' ', 2 * depth);
    *o += 2 * depth;
    return 1;
}

/* Re-indents the compact text at buf[from..end) into the house 2-space form
 * at buf[0..), reading ahead of writing (from is what the pretty form adds,
 * so the writer never passes the reader). Returns the length written, or 0
 * when the sizes were wrong. */
static size_t reindent(char *buf, size_t from, size_t end)
{
    size_t r = from, o = 0, depth = 0;
    while (r < end) {
        char c = buf[r++];
        buf[o++] = c;
        if (c == '"') {
            do {
                c = buf[o++] = buf[r++];
                if (c == '\\')
                    buf[o++] = buf[r++];
            } while (c != '"');
        } else if ((c == '{' || c == '[') && buf[r] == (c == '{' ? '}' : ']')) {
            buf[o++] = buf[r++];
        } else if (c == '{' || c == '[' || c == ',') {
            depth += c != ',';
            if (!newline(buf, &o, r, depth))
                return 0;
        } else if (c == '}' || c == ']') {
            o--;
            if (!newline(buf, &o, r, --depth))
                return 0;
            buf[o++] = c;
        } else if (c == ':') {
            if (o + 1 > r)
                return 0;
            buf[o++] = ' ';
        }
    }
    return o;
}

sr_status sr__json_print(const cJSON *tree, unsigned flags, char **out, size_t *out_len)
{
    sizes s = {0, 0, 1, (flags & SR_JSON_PRETTY) != 0};
    if (out_len != NULL)
        *out_len = 0;
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    if (tree == NULL)
        return SR_ERR_ARG;
    /* cJSON's walk and print take non-const items but change nothing. */
    cJSON *root = (cJSON *)(uintptr_t)tree;
    sr_status st = sr__json_walk_tree(root, add_item, &s);
    if (st != SR_OK)
        return st;
    size_t from = s.pretty ? s.extra : 0;
    char *buf = sr__malloc(from + s.compact + CJSON_PRINT_SLACK);
    if (buf == NULL)
        return SR_ERR_NOMEM;
    if (!cJSON_PrintPreallocated(root, buf + from, (int)(s.compact + CJSON_PRINT_SLACK), 0)) {
        sr__free(buf);
        return SR_ERR_NOMEM;
    }
    size_t compact = s.exact ? s.compact : strlen(buf + from);
    size_t len = s.pretty ? reindent(buf, from, from + compact) : compact;
    if (buf[from + compact] != '\0' || (s.pretty && len != from + compact)) {
        sr__free(buf);
        return SR_ERR_NOMEM; /* the sizes above disagree with cJSON: never seen */
    }
    buf[len] = '\0';
    *out = buf;
    if (out_len != NULL)
        *out_len = len;
    return SR_OK;
}
