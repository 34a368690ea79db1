/* SPDX-License-Identifier: MIT */
/* The strict check, the one reader of JSON text in the library: one pass
 * with an explicit stack over what cJSON accepts wrongly or cannot tell
 * (RFC 8259 grammar, UTF-8 without NUL or lone surrogates, the nesting
 * bound, positions, the span of every number). Repeated keys are found on
 * the tree (json_check_tree.c). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#    include <emmintrin.h>
#endif

#include "internal.h"
#include "json_check.h"
#include "sessreport/json.h"

/* An open container. */
typedef struct frame {
    size_t key_end; /* objects: just past the current key's closing quote; 0 = none */
    int is_object;
} frame;

typedef struct checker {
    const char *buf; /* the whole input, for positions */
    size_t begin, len, pos, depth;
    size_t end; /* past the last complete value or the last '{' or '[' (begin: none yet) */
    sr_error *err;
    sr__json_checked *out;
    /* Past SR_MAX_DEPTH the last frame stands for the innermost level: the
     * text is checked on until a container past the bound closes, so a
     * document that is too deep and breaks off is a syntax error. */
    frame frames[SR_MAX_DEPTH + 1];
} checker;

static frame *top(checker *c)
{
    return &c->frames[c->depth <= SR_MAX_DEPTH ? c->depth - 1 : SR_MAX_DEPTH];
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t skip_ws(const char *b, size_t p, size_t len)
{
    while (p < len && (unsigned char)b[p] <= ' ' &&
           (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t'))
        p++;
    return p;
}

static sr_status nomem(checker *c)
{
    return sr__error_set(c->err, SR_ERR_NOMEM, "", "out of memory while checking JSON");
}

/* Returns code after keeping, for sr__json_parse, the text before the
 * error with its open containers closed and a 0 standing in for the value
 * being read (for an encoding error in a key, a member named by the key's
 * part before key_part_end and a 0xFF byte, which no checked key holds, so
 * that it repeats none). cJSON finds in it a key repeated before the error,
 * and the error's path: the stand-in, depth levels down the last items.
 * Past the nesting bound the bound's text stands. */
static sr_status fail(checker *c, sr_status code, size_t key_part_end)
{
    size_t depth = c->depth, part = key_part_end > 0 ? key_part_end - c->pos - 1 : 0;
    if (c->out->prefix != NULL || depth > SR_MAX_DEPTH || c->end == c->begin)
        return code;
    const frame *f = &c->frames[depth > 0 ? depth - 1 : 0];
    size_t cut = depth > 0 && f->key_end > 0 ? f->key_end : c->end, n = cut - c->begin;
    size_t size = n + part + depth + 8;
    const char *sep = c->buf[cut - 1] == '{' || c->buf[cut - 1] == '[' ? "" : ",";
    char *text = c->out->prefix = sr__malloc(size);
    if (text == NULL)
        return nomem(c);
    memcpy(text, c->buf + c->begin, n);
    if (depth > 0 && f->key_end > 0)
        n += (size_t)snprintf(text + n, size - n, ":0");
    else if (key_part_end > 0) {
        n += (size_t)snprintf(text + n, size - n, "%s\"", sep);
        memcpy(text + n, c->buf + c->pos + 1, part);
        n += part + (size_t)snprintf(text + n + part, size - n - part, "\xFF\":0");
    } else if (depth > 0 && !f->is_object)
        n += (size_t)snprintf(text + n, size - n, "%s0", sep);
    while (depth > 0)
        text[n++] = c->frames[--depth].is_object ? '}' : ']';
    text[n] = '\0';
    c->out->prefix_numbers = c->out->count;
    c->out->prefix_depth = c->depth;
    return code;
}

/* A syntax error at `at`: what was expected there, or (plain) a message. */
static sr_status syntax_error(checker *c, size_t at, const char *what, int plain)
{
    unsigned char ch = at < c->len ? (unsigned char)c->buf[at] : 0;
    if (plain)
        sr__error_set(c->err, SR_ERR_SYNTAX, "", "%s", what);
    else if (at >= c->len)
        sr__error_set(c->err, SR_ERR_SYNTAX, "", "unexpected end of input: expected %s", what);
    else if (ch > 0x20 && ch < 0x7F)
        sr__error_set(c->err, SR_ERR_SYNTAX, "", "expected %s, found '%c'", what, ch);
    else
        sr__error_set(c->err, SR_ERR_SYNTAX, "", "expected %s, found byte 0x%02X", what,
                      (unsigned)ch);
    sr__error_set_position(c->err, c->buf, c->len, at);
    return fail(c, SR_ERR_SYNTAX, 0);
}

/* ---- strings ---- */

/* An encoding error at byte `at` of the string whose opening quote is at
 * c->pos, a value or a key; sr__json_parse sets its path. */
static sr_status encoding_error(checker *c, size_t at, const char *why, int in_key)
{
    sr__error_set(c->err, SR_ERR_ENCODING, "", "invalid string: %s (at byte %zu)", why, at);
    return fail(c, SR_ERR_ENCODING, in_key ? at : 0);
}

/* The \uXXXX escape at p, or -1 when its hex digits are missing or bad. */
static long unicode_escape(const checker *c, size_t p)
{
    char hex[5] = {0};
    if (c->len - p < 6)
        return -1;
    memcpy(hex, c->buf + p + 2, 4);
    return strspn(hex, "0123456789abcdefABCDEF") == 4 ? strtol(hex, NULL, 16) : -1;
}

/* Checks the escape whose backslash is at *p, not the last byte, and moves
 * *p past it. */
static sr_status check_escape(checker *c, size_t *p, int in_key)
{
    const char *b = c->buf, *why = NULL;
    size_t start = *p;
    if (b[start + 1] != 'u') {
        *p += 2;
        return b[start + 1] != '\0' && strchr("\"\\/bfnrt", b[start + 1]) != NULL
                   ? SR_OK
                   : syntax_error(c, start + 1,
                                  "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)", 0);
    }
    long cp = unicode_escape(c, start), lo = -1;
    if (cp < 0)
        return syntax_error(c, start + 2, "four hex digits after \\u", 0);
    *p += 6;
    int high = cp >= 0xD800 && cp <= 0xDBFF;
    if (high && c->len - *p >= 2 && b[*p] == '\\' && b[*p + 1] == 'u' &&
        (lo = unicode_escape(c, *p)) < 0)
        return syntax_error(c, *p + 2, "four hex digits after \\u", 0);
    if (cp == 0)
        why = "\\u0000 (NUL) is not allowed";
    else if (cp >= 0xDC00 && cp <= 0xDFFF)
        why = "lone low surrogate escape";
    else if (high && (lo < 0xDC00 || lo > 0xDFFF))
        why = "high surrogate escape not followed by a low surrogate escape";
    *p += high && why == NULL ? 6 : 0; /* *p stays in the text on an error too */
    return why == NULL ? SR_OK : encoding_error(c, start, why, in_key);
}

/* The first byte at or after p that ends plain string text: a quote, a
 * backslash, a control character or a non-ASCII byte. Most of a document
 * is string text: 16 bytes at a time, as signed bytes (non-ASCII ones are
 * negative, so one comparison finds them with the control characters). */
static size_t skip_plain(const unsigned char *b, size_t p, size_t len)
{
#if defined(__SSE2__)
    for (; len - p >= 16; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + p));
        __m128i e = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(' ')),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                              _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
        unsigned m = (unsigned)_mm_movemask_epi8(e);
        if (m != 0)
            return p + (size_t)__builtin_ctz(m);
    }
#endif
    while (p < len && b[p] >= 0x20 && b[p] < 0x80 && b[p] != '"' && b[p] != '\\')
        p++;
    return p;
}

/* The string whose opening quote is at c->pos, from p, its first byte that
 * is not plain text: escapes, control characters, UTF-8 sequences, up to
 * the closing quote; c->pos ends past it. */
static sr_status check_string_rest(checker *c, size_t p, int in_key)
{
    const unsigned char *b = (const unsigned char *)c->buf;
    size_t n;
    sr_status st = SR_OK;
    for (; st == SR_OK; p = skip_plain(b, p, c->len)) {
        if (p >= c->len)
            return syntax_error(c, c->len, "unexpected end of input inside string", 1);
        if (b[p] == '"') {
            c->pos = p + 1;
            return SR_OK;
        }
        if (b[p] == '\\' && p + 1 < c->len)
            st = check_escape(c, &p, in_key);
        else if (b[p] < 0x20)
            return syntax_error(
                c, p, "a character or an escape (raw control characters must be escaped)", 0);
        else if ((n = sr__utf8_sequence_length(b + p, c->len - p)) > 0)
            p += n;
        else
            return encoding_error(c, p, "invalid UTF-8 byte sequence", in_key);
    }
    return st;
}

/* ---- numbers and literals ---- */

/* Moves *p past the digits there; a syntax error expecting `what` if none. */
static sr_status digits(checker *c, size_t *p, const char *what)
{
    size_t start = *p;
    while (*p < c->len && is_digit(c->buf[*p]))
        ++*p;
    return *p > start ? SR_OK : syntax_error(c, start, what, 0);
}

static sr_status check_number(checker *c, size_t *p)
{
    const char *b = c->buf;
    size_t start = *p;
    *p += b[*p] == '-';
    if (*p + 1 < c->len && b[*p] == '0' && is_digit(b[*p + 1]))
        return syntax_error(c, *p + 1, "leading zeros are not allowed in numbers", 1);
    sr_status st = digits(c, p, "a digit after '-'");
    if (st == SR_OK && *p < c->len && b[*p] == '.') {
        ++*p;
        st = digits(c, p, "a digit after the decimal point");
    }
    if (st == SR_OK && *p < c->len && (b[*p] == 'e' || b[*p] == 'E')) {
        *p += *p + 1 < c->len && (b[*p + 1] == '+' || b[*p + 1] == '-') ? 2 : 1;
        st = digits(c, p, "a digit in the exponent");
    }
    if (st != SR_OK)
        return st;
    sr__json_checked *o = c->out;
    if (o->count == o->cap) {
        sr__json_span *grown = sr__grow_array(o->items, &o->cap, o->count + 1, sizeof *grown);
        if (grown == NULL)
            return nomem(c);
        o->items = grown;
    }
    o->items[o->count++] = (sr__json_span){start, *p - start};
    return SR_OK;
}

/* A number or a literal at *p; moves *p past it. */
static sr_status check_scalar(checker *c, size_t *p)
{
    char ch = c->buf[*p];
    const char *word = ch == 't' ? "true" : ch == 'f' ? "false" : ch == 'n' ? "null" : NULL;
    if (word == NULL)
        return ch == '-' || is_digit(ch) ? check_number(c, p) : syntax_error(c, *p, "a value", 0);
    if (c->len - *p < strlen(word) || memcmp(c->buf + *p, word, strlen(word)) != 0)
        return syntax_error(c, *p, "a value (true, false or null)", 0);
    *p += strlen(word);
    return SR_OK;
}

/* ---- the container stack ---- */

/* Opens the container at c->pos and returns its frame, NULL for memory.
 * Crossing the nesting bound sets the SR_ERR_LIMIT returned when a
 * container past it closes. */
static frame *open_container(checker *c, int is_object)
{
    if (c->depth == SR_MAX_DEPTH) {
        sr__error_set(c->err, SR_ERR_LIMIT, "", "nesting deeper than %d arrays and objects",
                      SR_MAX_DEPTH);
        if (fail(c, SR_ERR_LIMIT, 0) != SR_ERR_LIMIT)
            return NULL;
    }
    frame *f = &c->frames[c->depth < SR_MAX_DEPTH ? c->depth : SR_MAX_DEPTH];
    *f = (frame){0, is_object};
    c->depth++;
    c->out->objects += (size_t)is_object;
    c->end = c->pos + 1;
    return f;
}

/* One loop over the tokens with the position in a local: a key (`key`
 * says what to report when it is missing) or a value, then after a
 * complete value the separators and closing brackets up to the next one. */
sr_status sr__json_check(const char *buf, size_t len, size_t begin, sr__json_checked *out,
                         sr_error *err)
{
    checker c;
    sr_status st;
    frame *f = NULL;
    const char *key = NULL;
    memset(&c, 0, offsetof(checker, frames));
    c.buf = buf;
    c.len = len;
    c.begin = begin;
    c.err = err;
    c.out = out;
    c.end = begin;
    for (size_t p = skip_ws(buf, begin, len);;) {
        char ch = p < len ? buf[p] : '\0';
        c.pos = p;
        if (ch == '"') {
            p = skip_plain((const unsigned char *)buf, p + 1, len);
            if (p < len && buf[p] == '"')
                p++;
            else if ((st = check_string_rest(&c, p, key != NULL)) != SR_OK)
                return st;
            else
                p = c.pos;
            if (key != NULL) {
                f->key_end = p;
                p = skip_ws(buf, p, len);
                if (p >= len || buf[p] != ':')
                    return syntax_error(&c, p, "':' after object key", 0);
                p = skip_ws(buf, p + 1, len);
                key = NULL;
                continue;
            }
        } else if (key != NULL) {
            return syntax_error(&c, p, key, 0);
        } else if (ch == '{' || ch == '[') {
            if ((f = open_container(&c, ch == '{')) == NULL)
                return nomem(&c);
            p = skip_ws(buf, p + 1, len);
            if (p >= len || buf[p] != ch + 2) { /* '{' + 2 is '}', '[' + 2 is ']' */
                key = ch == '{' ? "'\"' to start an object key, or '}'" : NULL;
                continue;
            }
        } else if (p >= len) {
            return syntax_error(&c, p, "a value", 0);
        } else if ((st = check_scalar(&c, &p)) != SR_OK) {
            return st;
        }
        while (c.depth > 0) {
            f = top(&c);
            c.end = p;
            f->key_end = 0;
            p = skip_ws(buf, p, len);
            ch = p < len ? buf[p] : '\0';
            if (ch == ',') {
                key = f->is_object ? "'\"' to start an object key after ','" : NULL;
                break;
            }
            if (ch != (f->is_object ? '}' : ']'))
                return syntax_error(&c, p,
                                    f->is_object ? "',' or '}' after object member"
                                                 : "',' or ']' after array item",
                                    0);
            p++;
            if (c.depth-- > SR_MAX_DEPTH)
                return SR_ERR_LIMIT; /* err was set at the bound */
        }
        if (c.depth == 0) {
            c.end = p;
            p = skip_ws(buf, p, len);
            return p < len ? syntax_error(&c, p, "end of input after the JSON value", 0) : SR_OK;
        }
        p = skip_ws(buf, p + 1, len);
    }
}
