/* SPDX-License-Identifier: MIT */
/* The strict check: the one reader of JSON text in the library. One pass
 * with an explicit stack (no recursion) over what cJSON accepts wrongly or
 * cannot tell: RFC 8259 grammar (leading zeros, "2.", raw control
 * characters, bad escapes), UTF-8 without NUL or lone surrogates, the
 * nesting bound, positions, and the span of every number. Duplicate keys
 * are found on the tree (json_check_tree.c). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "internal.h"
#include "json_check.h"
#include "sessreport/json.h"

/* An open container. */
typedef struct frame {
    size_t key, key_len; /* objects: the current key's literal, quotes included; 0 = none */
    size_t index;        /* arrays: the current item */
    int is_object;
} frame;

typedef struct checker {
    const char *buf; /* the whole input, for positions */
    size_t begin, len, pos, depth, keys;
    size_t end; /* where the last complete value ended, or just inside the last '{' or '[' */
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

static int is_ws(char c)
{
    return (unsigned char)c <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
}

static void skip_ws(checker *c)
{
    while (c->pos < c->len && is_ws(c->buf[c->pos]))
        c->pos++;
}

static sr_status nomem(checker *c)
{
    return sr__error_set(c->err, SR_ERR_NOMEM, "", "out of memory while checking JSON");
}

/* Returns code after keeping the text before the first error with its open
 * containers closed (a member whose key is complete gets the value 0):
 * sr__json_parse looks for a key repeated before the error in it. Only
 * worth it after two keys, and never past the nesting bound (its error
 * comes first). */
static sr_status fail(checker *c, sr_status code)
{
    size_t depth = c->depth, n;
    if (c->out->prefix != NULL || c->depth > SR_MAX_DEPTH || c->keys < 2)
        return code;
    const frame *f = &c->frames[depth > 0 ? depth - 1 : 0];
    int zero = depth > 0 && f->is_object && f->key_len > 0;
    n = (zero ? f->key + f->key_len : c->end) - c->begin;
    char *text = c->out->prefix = sr__malloc(n + 3 + depth);
    if (text == NULL)
        return nomem(c);
    memcpy(text, c->buf + c->begin, n);
    if (zero) {
        text[n++] = ':';
        text[n++] = '0';
    }
    while (depth > 0)
        text[n++] = c->frames[--depth].is_object ? '}' : ']';
    text[n] = '\0';
    c->out->prefix_len = n;
    c->out->prefix_numbers = c->out->count;
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
    return fail(c, SR_ERR_SYNTAX);
}

/* Appends the key whose literal body (escapes undecoded) is s[0..n). */
static sr_status append_key(char *path, const char *s, size_t n)
{
    if (memchr(s, '\\', n) == NULL) {
        sr__pointer_append_key(path, SR_ERROR_PATH_SIZE, s, n);
        return SR_OK;
    }
    char *quoted = sr__malloc(n + 2);
    cJSON *key = NULL;
    if (quoted != NULL) {
        quoted[0] = quoted[n + 1] = '"';
        memcpy(quoted + 1, s, n);
        key = cJSON_ParseWithLength(quoted, n + 2); /* checked text: fails only for memory */
        sr__free(quoted);
    }
    int ok = key != NULL && cJSON_IsString(key) && key->valuestring != NULL;
    if (ok)
        sr__pointer_append_key(path, SR_ERROR_PATH_SIZE, key->valuestring,
                               strlen(key->valuestring));
    cJSON_Delete(key);
    return ok ? SR_OK : SR_ERR_NOMEM;
}

/* The pointer of the value being checked in the outermost `levels` frames. */
static sr_status render_path(const checker *c, size_t levels, char *out)
{
    sr_status st = SR_OK;
    out[0] = '\0';
    for (size_t i = 0; i < levels && i < SR_MAX_DEPTH && st == SR_OK; i++) {
        const frame *f = &c->frames[i];
        if (!f->is_object)
            sr__pointer_append_index(out, SR_ERROR_PATH_SIZE, f->index);
        else if (f->key_len == 0)
            break;
        else
            st = append_key(out, c->buf + f->key + 1, f->key_len - 2);
    }
    return st;
}

/* ---- strings ---- */

/* An encoding error at byte `at` of the string whose opening quote is at
 * c->pos: a value, or a key whose path ends with its part before `at`. */
static sr_status encoding_error(checker *c, size_t at, const char *why, int in_key)
{
    char path[SR_ERROR_PATH_SIZE];
    sr_status st = render_path(c, in_key ? c->depth - 1 : c->depth, path);
    if (st == SR_OK && in_key && c->depth <= SR_MAX_DEPTH)
        st = append_key(path, c->buf + c->pos + 1, at - c->pos - 1);
    if (st != SR_OK)
        return nomem(c);
    sr__error_set(c->err, SR_ERR_ENCODING, path, "invalid string: %s (at byte %zu)", why, at);
    return fail(c, SR_ERR_ENCODING);
}

/* The \uXXXX escape at p, or -1 when its hex digits are missing or bad. */
static long unicode_escape(const checker *c, size_t p)
{
    if (c->len - p < 6)
        return -1;
    char hex[5] = {c->buf[p + 2], c->buf[p + 3], c->buf[p + 4], c->buf[p + 5], '\0'};
    return strspn(hex, "0123456789abcdefABCDEF") == 4 ? strtol(hex, NULL, 16) : -1;
}

/* Checks the escape whose backslash is at *p and moves *p past it. */
static sr_status check_escape(checker *c, size_t *p, int in_key)
{
    const char *b = c->buf, *why = NULL;
    size_t start = *p;
    if (start + 1 >= c->len)
        return syntax_error(c, c->len, "unexpected end of input inside string", 1);
    if (b[start + 1] != '\0' && strchr("\"\\/bfnrt", b[start + 1]) != NULL) {
        *p += 2;
        return SR_OK;
    }
    if (b[start + 1] != 'u')
        return syntax_error(c, start + 1,
                            "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)", 0);
    long cp = unicode_escape(c, start), lo = -1;
    if (cp < 0)
        return syntax_error(c, start + 2, "four hex digits after \\u", 0);
    *p += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && c->len - *p >= 2 && b[*p] == '\\' && b[*p + 1] == 'u') {
        if ((lo = unicode_escape(c, *p)) < 0)
            return syntax_error(c, *p + 2, "four hex digits after \\u", 0);
    }
    if (cp == 0)
        why = "\\u0000 (NUL) is not allowed";
    else if (cp >= 0xDC00 && cp <= 0xDFFF)
        why = "lone low surrogate escape";
    else if (cp >= 0xD800 && cp <= 0xDBFF && (lo < 0xDC00 || lo > 0xDFFF))
        why = "high surrogate escape not followed by a low surrogate escape";
    else if (cp >= 0xD800 && cp <= 0xDBFF)
        *p += 6;
    return why == NULL ? SR_OK : encoding_error(c, start, why, in_key);
}

/* The first byte at or after p that ends plain string text: a quote, a
 * backslash, a control character or a non-ASCII byte. Most of a document
 * is string text: 8 bytes at a time, the high bit of each byte of `flags`
 * marking one that ends it (a borrow only marks bytes after a truly marked
 * one, so the lowest mark is exact). */
static size_t skip_plain(const unsigned char *b, size_t p, size_t len)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u;
    for (uint64_t v, q, bs, flags; len - p >= 8; p += 8) {
        memcpy(&v, b + p, sizeof v);
        q = v ^ (ones * '"');
        bs = v ^ (ones * '\\');
        flags = (v | ((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) &
                (ones * 0x80);
        if (flags != 0)
            return p + (size_t)__builtin_ctzll(flags) / 8;
    }
#endif
    while (p < len && b[p] >= 0x20 && b[p] < 0x80 && b[p] != '"' && b[p] != '\\')
        p++;
    return p;
}

/* The rest of a string from p, its first byte that is not plain text:
 * escapes, control characters, UTF-8 sequences, up to the closing quote.
 * Not inlined, so that plain strings (nearly all) take a short path. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static sr_status
check_string_rest(checker *c, size_t p, int in_key)
{
    const unsigned char *b = (const unsigned char *)c->buf;
    size_t len = c->len, n;
    sr_status st = SR_OK;
    for (; st == SR_OK; p = skip_plain(b, p, len)) {
        if (p >= len)
            return syntax_error(c, c->len, "unexpected end of input inside string", 1);
        if (b[p] == '"') {
            c->pos = p + 1;
            return SR_OK;
        }
        if (b[p] == '\\')
            st = check_escape(c, &p, in_key);
        else if (b[p] < 0x20)
            return syntax_error(
                c, p, "a character or an escape (raw control characters must be escaped)", 0);
        else if ((n = sr__utf8_sequence_length(b + p, len - p)) > 0)
            p += n;
        else
            return encoding_error(c, p, "invalid UTF-8 byte sequence", in_key);
    }
    return st;
}

/* Checks the string literal whose opening quote is at c->pos and moves
 * past its closing quote. */
static sr_status check_string(checker *c, int in_key)
{
    size_t p = skip_plain((const unsigned char *)c->buf, c->pos + 1, c->len);
    if (p < c->len && c->buf[p] == '"') {
        c->pos = p + 1;
        return SR_OK;
    }
    return check_string_rest(c, p, in_key);
}

/* ---- numbers, literals, keys ---- */

static size_t skip_digits(const char *b, size_t p, size_t end)
{
    while (p < end && is_digit(b[p]))
        p++;
    return p;
}

static sr_status check_number(checker *c)
{
    const char *b = c->buf;
    size_t start = c->pos, p = c->pos + (b[c->pos] == '-'), end = c->len;
    if (p >= end || !is_digit(b[p]))
        return syntax_error(c, p, "a digit after '-'", 0);
    if (b[p] == '0' && p + 1 < end && is_digit(b[p + 1]))
        return syntax_error(c, p + 1, "leading zeros are not allowed in numbers", 1);
    p = b[p] == '0' ? p + 1 : skip_digits(b, p, end);
    if (p < end && b[p] == '.') {
        if (++p >= end || !is_digit(b[p]))
            return syntax_error(c, p, "a digit after the decimal point", 0);
        p = skip_digits(b, p, end);
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
        p += p + 1 < end && (b[p + 1] == '+' || b[p + 1] == '-') ? 2 : 1;
        if (p >= end || !is_digit(b[p]))
            return syntax_error(c, p, "a digit in the exponent", 0);
        p = skip_digits(b, p, end);
    }
    c->pos = p;
    sr__json_checked *n = c->out;
    if (n->count == n->cap) {
        size_t cap = sr__grow_capacity(n->cap, n->count + 1);
        sr__json_span *grown = cap == 0 ? NULL : sr__realloc(n->items, cap * sizeof *grown);
        if (grown == NULL)
            return nomem(c);
        n->items = grown;
        n->cap = cap;
    }
    n->items[n->count++] = (sr__json_span){start, p - start};
    return SR_OK;
}

static sr_status check_scalar(checker *c)
{
    char ch = c->buf[c->pos];
    const char *word = ch == 't' ? "true" : ch == 'f' ? "false" : ch == 'n' ? "null" : NULL;
    if (ch == '"')
        return check_string(c, 0);
    if (word == NULL)
        return ch == '-' || is_digit(ch) ? check_number(c) : syntax_error(c, c->pos, "a value", 0);
    size_t n = strlen(word);
    if (c->len - c->pos < n || memcmp(c->buf + c->pos, word, n) != 0)
        return syntax_error(c, c->pos, "a value (true, false or null)", 0);
    c->pos += n;
    return SR_OK;
}

/* Checks `"key"` `:` at c->pos (whitespace before it skipped), then the
 * whitespace after the colon. */
static sr_status check_key(checker *c, const char *expected)
{
    frame *f = top(c);
    sr_status st;
    f->key = c->pos;
    f->key_len = 0;
    if (c->pos >= c->len || c->buf[c->pos] != '"')
        return syntax_error(c, c->pos, expected, 0);
    if ((st = check_string(c, 1)) != SR_OK)
        return st;
    c->keys++;
    f->key_len = c->pos - f->key;
    skip_ws(c);
    if (c->pos >= c->len || c->buf[c->pos] != ':')
        return syntax_error(c, c->pos, "':' after object key", 0);
    c->pos++;
    skip_ws(c);
    return SR_OK;
}

/* ---- the container stack ---- */

/* Opens the container at c->pos; *empty = 1 when its closing bracket
 * follows. Crossing the nesting bound sets the SR_ERR_LIMIT returned when
 * a container past it closes. */
static sr_status open_container(checker *c, int is_object, int *empty)
{
    char path[SR_ERROR_PATH_SIZE];
    if (c->depth == SR_MAX_DEPTH) {
        if (render_path(c, c->depth, path) != SR_OK || fail(c, SR_OK) != SR_OK)
            return nomem(c);
        sr__error_set(c->err, SR_ERR_LIMIT, path, "nesting deeper than %d arrays and objects",
                      SR_MAX_DEPTH);
    }
    c->depth++;
    *top(c) = (frame){0, 0, 0, is_object};
    c->out->objects += (size_t)is_object;
    c->end = ++c->pos;
    skip_ws(c);
    *empty = c->pos < c->len && c->buf[c->pos] == (is_object ? '}' : ']');
    return is_object && !*empty ? check_key(c, "'\"' to start an object key, or '}'") : SR_OK;
}

/* After a value: a separator and the next value's start, or closing
 * brackets. *done = 1 once the outermost value has ended. */
static sr_status after_value(checker *c, int *done)
{
    while (c->depth > 0) {
        frame *f = top(c);
        c->end = c->pos;
        f->key_len = 0;
        skip_ws(c);
        char ch = c->pos < c->len ? c->buf[c->pos] : '\0';
        if (ch == ',') {
            c->pos++;
            skip_ws(c);
            if (f->is_object)
                return check_key(c, "'\"' to start an object key after ','");
            f->index++;
            return SR_OK;
        }
        if (ch != (f->is_object ? '}' : ']'))
            return syntax_error(
                c, c->pos,
                f->is_object ? "',' or '}' after object member" : "',' or ']' after array item", 0);
        c->pos++;
        if (c->depth-- > SR_MAX_DEPTH)
            return SR_ERR_LIMIT; /* err was set at the bound */
    }
    c->end = c->pos;
    *done = 1;
    return SR_OK;
}

sr_status sr__json_check(const char *buf, size_t len, size_t begin, sr__json_checked *out,
                         sr_error *err)
{
    checker c;
    sr_status st = SR_OK;
    memset(&c, 0, offsetof(checker, frames));
    c.buf = buf;
    c.len = len;
    c.begin = c.pos = begin;
    c.err = err;
    c.out = out;
    skip_ws(&c);
    for (int done = 0, ended = 1; !done && st == SR_OK; ended = 1) {
        char ch = c.pos < c.len ? c.buf[c.pos] : '\0';
        if (c.pos >= c.len)
            st = syntax_error(&c, c.pos, "a value", 0);
        else if (ch == '{' || ch == '[')
            st = open_container(&c, ch == '{', &ended);
        else
            st = check_scalar(&c);
        if (st == SR_OK && ended)
            st = after_value(&c, &done);
    }
    skip_ws(&c);
    if (st == SR_OK && c.pos < c.len)
        return syntax_error(&c, c.pos, "end of input after the JSON value", 0);
    return st;
}
