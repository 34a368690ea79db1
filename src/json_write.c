/* SPDX-License-Identifier: MIT */
/* The 0.1 exact-size JSON writer, left for the response encoders:
 * escaping, compact and pretty layout. */
#include "json_write.h"

#include <string.h>

#include "internal.h"

/* Bytes each input byte takes inside a JSON string. */
#define E6    6, 6, 6, 6, 6, 6, 6, 6
#define E1    1, 1, 1, 1, 1, 1, 1, 1
#define E1x16 E1, E1
static const unsigned char escaped_size[256] = {
    /* 0x00 .. 0x1F: \b \t \n \f \r have short forms, the rest \u00XX */
    6, 6, 6, 6, 6, 6, 6, 6, 2, 2, 2, 6, 2, 2, 6, 6, E6, E6,
    /* 0x20 .. 0x3F: '"' at 0x22 */
    1, 1, 2, 1, 1, 1, 1, 1, E1, E1x16,
    /* 0x40 .. 0x5F: '\\' at 0x5C */
    E1x16, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1,
    /* 0x60 .. 0xFF */
    E1x16, E1x16, E1x16, E1x16, E1x16, E1x16, E1x16, E1x16, E1x16, E1x16};
#undef E1x16
#undef E1
#undef E6

static const char hex_digits[] = "0123456789abcdef";

void sr__jw_raw(sr__jw *w, const char *s, size_t n)
{
    if (w->buf != NULL && n > 0)
        memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static void put_char(sr__jw *w, char c)
{
    if (w->buf != NULL)
        w->buf[w->len] = c;
    w->len++;
}

static void put_indent(sr__jw *w, unsigned level)
{
    put_char(w, '\n');
    for (unsigned i = 0; i < level; i++)
        sr__jw_raw(w, "  ", 2);
}

size_t sr__jw_string_size(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t size = 2;
    for (size_t i = 0; i < n; i++)
        size += escaped_size[p[i]];
    return size;
}

static void put_escape(sr__jw *w, unsigned char c)
{
    char e[6] = {'\\', 'u', '0', '0', hex_digits[c >> 4], hex_digits[c & 15]};
    switch (c) {
    case '"':
    case '\\':
        e[1] = (char)c;
        break;
    case '\b':
        e[1] = 'b';
        break;
    case '\f':
        e[1] = 'f';
        break;
    case '\n':
        e[1] = 'n';
        break;
    case '\r':
        e[1] = 'r';
        break;
    case '\t':
        e[1] = 't';
        break;
    default:
        break;
    }
    sr__jw_raw(w, e, escaped_size[c]);
}

void sr__jw_string(sr__jw *w, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (w->buf == NULL) {
        w->len += sr__jw_string_size(s, n);
        return;
    }
    put_char(w, '"');
    size_t run = 0; /* start of the pending unescaped run */
    for (size_t i = 0; i < n; i++) {
        if (escaped_size[p[i]] == 1)
            continue;
        sr__jw_raw(w, s + run, i - run);
        put_escape(w, p[i]);
        run = i + 1;
    }
    sr__jw_raw(w, s + run, n - run);
    put_char(w, '"');
}

void sr__jw_open(sr__jw *w, char bracket)
{
    put_char(w, bracket);
    w->level++;
    w->first = 1;
}

void sr__jw_close(sr__jw *w, char bracket)
{
    w->level--;
    if (w->pretty && !w->first)
        put_indent(w, w->level);
    put_char(w, bracket);
    w->first = 0;
}

void sr__jw_item(sr__jw *w)
{
    if (!w->first)
        put_char(w, ',');
    if (w->pretty)
        put_indent(w, w->level);
    w->first = 0;
}

void sr__jw_key(sr__jw *w, const char *key, size_t n)
{
    sr__jw_item(w);
    sr__jw_string(w, key, n);
    if (w->pretty)
        sr__jw_raw(w, ": ", 2);
    else
        put_char(w, ':');
}

sr_status sr__jw_render(sr__jw_emit_fn emit, const void *obj, int pretty, char **out,
                        size_t *out_len)
{
    sr__jw w;
    char *buf;

    memset(&w, 0, sizeof w);
    w.pretty = pretty;
    *out = NULL;
    emit(&w, obj);
    buf = sr__malloc(w.len + 1);
    if (buf == NULL)
        return SR_ERR_NOMEM;
    size_t need = w.len;
    memset(&w, 0, sizeof w);
    w.pretty = pretty;
    w.buf = buf;
    emit(&w, obj);
    buf[need] = '\0';
    *out = buf;
    if (out_len != NULL)
        *out_len = need;
    return SR_OK;
}
