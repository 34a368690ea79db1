/* SPDX-License-Identifier: MIT */
/* The strict check: the one reader of JSON text in the library. One pass
 * with an explicit stack (no recursion) over what cJSON accepts wrongly or
 * cannot tell: RFC 8259 grammar (leading zeros, "2.", raw control
 * characters, bad escapes), UTF-8 without NUL or lone surrogates, the
 * nesting bound, positions, and the span of every number. Duplicate keys
 * are found on the tree (json_check_tree.c). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "internal.h"
#include "json_check.h"
#include "sessreport/json.h"

/* One open container within SR_MAX_DEPTH. */
typedef struct frame {
    size_t at;      /* where its current member or item began (or the last one ended) */
    size_t key_len; /* objects: the current key's literal, quotes included; 0 = none */
    size_t index;   /* arrays: the current item */
    int is_object;
} frame;

typedef struct checker {
    const char *buf; /* the whole input, for positions */
    size_t begin, len, pos, depth, keys;
    sr_error *err;
    sr__json_checked *out;
    /* Levels beyond SR_MAX_DEPTH: only their kind (1 bit each), so that the
     * rest of the text is still checked and a syntax error wins over the
     * pending SR_ERR_LIMIT. */
    unsigned char *deep_bits;
    size_t deep_cap;
    int limit_hit;
    frame frames[SR_MAX_DEPTH];
} checker;

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_ws(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
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

/* The text before the first error, its open containers closed (a member
 * whose key is complete gets the value 0), for the duplicate-key check of
 * sr__json_parse: a key repeated before the error comes first in document
 * order. Only built when the text had two keys. */
static sr_status close_prefix(checker *c, size_t cut_if_closed)
{
    size_t depth = c->depth < SR_MAX_DEPTH ? c->depth : SR_MAX_DEPTH, cut = cut_if_closed;
    int zero = 0;
    if (c->out == NULL || c->out->prefix != NULL || c->limit_hit || c->keys < 2)
        return SR_OK;
    if (depth > 0) {
        const frame *top = &c->frames[depth - 1];
        zero = top->is_object && top->key_len > 0;
        cut = top->at + (zero ? top->key_len : 0);
    } else if (cut == c->begin) {
        return SR_OK;
    }
    while (!zero && cut > c->begin && (is_ws(c->buf[cut - 1]) || c->buf[cut - 1] == ','))
        cut--;
    size_t n = cut - c->begin;
    char *text = sr__malloc(n + 2 + depth + 1);
    if (text == NULL)
        return nomem(c);
    memcpy(text, c->buf + c->begin, n);
    if (zero) {
        memcpy(text + n, ":0", 2);
        n += 2;
    }
    while (depth > 0)
        text[n++] = c->frames[--depth].is_object ? '}' : ']';
    text[n] = '\0';
    c->out->prefix = text;
    c->out->prefix_len = n;
    return SR_OK;
}

static sr_status fail(checker *c, sr_status code)
{
    sr_status st = close_prefix(c, c->begin);
    return st != SR_OK ? st : code;
}

static sr_status syntax_message(checker *c, size_t at, const char *message)
{
    sr__error_set(c->err, SR_ERR_SYNTAX, "", "%s", message);
    sr__error_set_position(c->err, c->buf, c->len, at);
    return fail(c, SR_ERR_SYNTAX);
}

static sr_status syntax_error(checker *c, size_t at, const char *expected)
{
    unsigned char ch = at < c->len ? (unsigned char)c->buf[at] : 0;
    if (at >= c->len)
        sr__error_set(c->err, SR_ERR_SYNTAX, "", "unexpected end of input: expected %s", expected);
    else if (ch > 0x20 && ch < 0x7F)
        sr__error_set(c->err, SR_ERR_SYNTAX, "", "expected %s, found '%c'", expected, ch);
    else
        sr__error_set(c->err, SR_ERR_SYNTAX, "", "expected %s, found byte 0x%02X", expected,
                      (unsigned)ch);
    sr__error_set_position(c->err, c->buf, c->len, at);
    return fail(c, SR_ERR_SYNTAX);
}

/* Appends the key whose literal body (escapes undecoded) is s[0..n),
 * decoded by cJSON when it holds escapes. */
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
    sr_status st = cJSON_IsString(key) ? SR_OK : SR_ERR_NOMEM;
    if (st == SR_OK)
        sr__pointer_append_key(path, SR_ERROR_PATH_SIZE, key->valuestring,
                               strlen(key->valuestring));
    cJSON_Delete(key);
    return st;
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
            st = append_key(out, c->buf + f->at + 1, f->key_len - 2);
    }
    return st;
}

/* ---- strings ---- */

/* The four hex digits at p, or -1. */
static long hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        char ch = p[i];
        int h = is_digit(ch)                               ? ch - '0'
                : (ch | 0x20) >= 'a' && (ch | 0x20) <= 'f' ? (ch | 0x20) - 'a' + 10
                                                           : -1;
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Flags (high bit of each byte) the bytes of the 8 at b that end a plain
 * run: a quote, a backslash, a control character or a non-ASCII byte. A
 * borrow can only flag bytes after a truly flagged one, so the lowest flag
 * is exact. */
static uint64_t special_bytes(const char *b)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t v, q, bs;
    memcpy(&v, b, sizeof v);
    q = v ^ (ones * '"');
    bs = v ^ (ones * '\\');
    return (v | ((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & highs;
}

/* The first byte at or after p that is not plain string text. */
static size_t skip_plain(const char *b, size_t p, size_t end)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (uint64_t flags; end - p >= 8; p += 8) {
        if ((flags = special_bytes(b + p)) != 0)
            return p + (size_t)__builtin_ctzll(flags) / 8;
    }
#endif
    while (p < end && (unsigned char)b[p] >= 0x20 && (unsigned char)b[p] < 0x80 && b[p] != '"' &&
           b[p] != '\\')
        p++;
    return p;
}

/* An encoding error at byte `at` of the string whose key or value is
 * checked at path level `levels` (a key's path ends with its part before
 * the offending byte, which starts at body). */
static sr_status encoding_error(checker *c, size_t at, const char *why, int in_key, size_t body)
{
    char path[SR_ERROR_PATH_SIZE];
    sr_status st = render_path(c, in_key ? c->depth - 1 : c->depth, path);
    if (st == SR_OK && in_key && c->depth <= SR_MAX_DEPTH)
        st = append_key(path, c->buf + body, at - body);
    if (st != SR_OK)
        return nomem(c);
    sr__error_set(c->err, SR_ERR_ENCODING, path, "invalid string: %s (at byte %zu)", why, at);
    return fail(c, SR_ERR_ENCODING);
}

/* Checks the escape whose backslash is at *p and moves *p past it. */
static sr_status check_escape(checker *c, size_t *p, int in_key, size_t body)
{
    const char *b = c->buf;
    size_t start = *p, q = *p + 1;
    if (q >= c->len)
        return syntax_message(c, c->len, "unexpected end of input inside string");
    if (b[q] != '\0' && strchr("\"\\/bfnrt", b[q]) != NULL) {
        *p = q + 1;
        return SR_OK;
    }
    if (b[q] != 'u')
        return syntax_error(c, q, "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
    long cp = c->len - (q + 1) >= 4 ? hex4(b + q + 1) : -1;
    if (cp < 0)
        return syntax_error(c, q + 1, "four hex digits after \\u");
    q += 5;
    if (cp == 0)
        return encoding_error(c, start, "\\u0000 (NUL) is not allowed", in_key, body);
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return encoding_error(c, start, "lone low surrogate escape", in_key, body);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (c->len - q >= 2 && b[q] == '\\' && b[q + 1] == 'u') {
            long lo = c->len - (q + 2) >= 4 ? hex4(b + q + 2) : -1;
            if (lo < 0)
                return syntax_error(c, q + 2, "four hex digits after \\u");
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                *p = q + 6;
                return SR_OK;
            }
        }
        return encoding_error(
            c, start, "high surrogate escape not followed by a low surrogate escape", in_key, body);
    }
    *p = q;
    return SR_OK;
}

/* Checks the string literal whose opening quote is at c->pos and moves
 * past its closing quote. */
static sr_status check_string(checker *c, int in_key)
{
    const char *b = c->buf;
    size_t body = c->pos + 1, p = body;
    sr_status st;
    for (;;) {
        p = skip_plain(b, p, c->len);
        if (p >= c->len)
            return syntax_message(c, c->len, "unexpected end of input inside string");
        unsigned char ch = (unsigned char)b[p];
        if (ch == '"') {
            c->pos = p + 1;
            return SR_OK;
        }
        if (ch == '\\') {
            if ((st = check_escape(c, &p, in_key, body)) != SR_OK)
                return st;
        } else if (ch < 0x20) {
            return syntax_error(c, p,
                                "a character or an escape (raw control characters must be "
                                "escaped)");
        } else {
            size_t n = sr__utf8_sequence_length((const unsigned char *)b + p, c->len - p);
            if (n == 0)
                return encoding_error(c, p, "invalid UTF-8 byte sequence", in_key, body);
            p += n;
        }
    }
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
        return syntax_error(c, p, "a digit after '-'");
    if (b[p] == '0' && p + 1 < end && is_digit(b[p + 1]))
        return syntax_message(c, p + 1, "leading zeros are not allowed in numbers");
    p = b[p] == '0' ? p + 1 : skip_digits(b, p, end);
    if (p < end && b[p] == '.') {
        if (++p >= end || !is_digit(b[p]))
            return syntax_error(c, p, "a digit after the decimal point");
        p = skip_digits(b, p, end);
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
        p += p + 1 < end && (b[p + 1] == '+' || b[p + 1] == '-') ? 2 : 1;
        if (p >= end || !is_digit(b[p]))
            return syntax_error(c, p, "a digit in the exponent");
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
    if (ch == '"')
        return check_string(c, 0);
    const char *word = ch == 't' ? "true" : ch == 'f' ? "false" : ch == 'n' ? "null" : NULL;
    if (word != NULL) {
        size_t n = ch == 'f' ? 5 : 4;
        if (c->len - c->pos < n || memcmp(c->buf + c->pos, word, n) != 0)
            return syntax_error(c, c->pos, "a value (true, false or null)");
        c->pos += n;
        return SR_OK;
    }
    if (ch != '-' && !is_digit(ch))
        return syntax_error(c, c->pos, "a value");
    return check_number(c);
}

/* Checks `"key"` `:` at c->pos (whitespace before it skipped), then the
 * whitespace after the colon. */
static sr_status check_key(checker *c, const char *expected)
{
    frame *f = c->depth <= SR_MAX_DEPTH ? &c->frames[c->depth - 1] : NULL;
    size_t start = c->pos;
    if (f != NULL) {
        f->at = start;
        f->key_len = 0;
    }
    if (c->pos >= c->len || c->buf[c->pos] != '"')
        return syntax_error(c, c->pos, expected);
    sr_status st = check_string(c, 1);
    if (st != SR_OK)
        return st;
    c->keys++;
    if (f != NULL)
        f->key_len = c->pos - start;
    skip_ws(c);
    if (c->pos >= c->len || c->buf[c->pos] != ':')
        return syntax_error(c, c->pos, "':' after object key");
    c->pos++;
    skip_ws(c);
    return SR_OK;
}

/* ---- the container stack ---- */

static int top_is_object(const checker *c)
{
    size_t bit = c->depth - SR_MAX_DEPTH - 1;
    return c->depth > SR_MAX_DEPTH ? (c->deep_bits[bit / 8] >> (bit % 8)) & 1
                                   : c->frames[c->depth - 1].is_object;
}

static sr_status push_deep(checker *c, int is_object)
{
    size_t bit = c->depth - SR_MAX_DEPTH;
    if (bit / 8 >= c->deep_cap) {
        size_t cap = sr__grow_capacity(c->deep_cap, bit / 8 + 1);
        unsigned char *grown = cap == 0 ? NULL : sr__realloc(c->deep_bits, cap);
        if (grown == NULL)
            return nomem(c);
        c->deep_bits = grown;
        c->deep_cap = cap;
    }
    if (!c->limit_hit) {
        char path[SR_ERROR_PATH_SIZE];
        sr_status st = render_path(c, c->depth, path);
        if (st == SR_OK)
            st = close_prefix(c, c->begin);
        if (st != SR_OK)
            return nomem(c);
        sr__error_set(c->err, SR_ERR_LIMIT, path, "nesting deeper than %d arrays and objects",
                      SR_MAX_DEPTH);
        c->limit_hit = 1;
    }
    unsigned char mask = (unsigned char)(1u << (bit % 8));
    c->deep_bits[bit / 8] =
        (unsigned char)(is_object ? c->deep_bits[bit / 8] | mask : c->deep_bits[bit / 8] & ~mask);
    c->depth++;
    return SR_OK;
}

/* Opens the container at c->pos; *closed = 1 when it is empty and already
 * closed again. */
static sr_status open_container(checker *c, int is_object, int *closed)
{
    if (c->depth >= SR_MAX_DEPTH) {
        sr_status st = push_deep(c, is_object);
        if (st != SR_OK)
            return st;
    } else {
        c->frames[c->depth++] = (frame){c->pos + 1, 0, 0, is_object};
        c->out->objects += (size_t)is_object;
    }
    c->pos++;
    skip_ws(c);
    *closed = c->pos < c->len && c->buf[c->pos] == (is_object ? '}' : ']');
    if (*closed) {
        c->pos++;
        c->depth--;
        return SR_OK;
    }
    return is_object ? check_key(c, "'\"' to start an object key, or '}'") : SR_OK;
}

/* After a value: a separator and the next value's start, or closing
 * brackets. *done = 1 once the outermost value has ended. */
static sr_status after_value(checker *c, int *done)
{
    while (c->depth > 0) {
        frame *f = c->depth <= SR_MAX_DEPTH ? &c->frames[c->depth - 1] : NULL;
        int is_object = top_is_object(c);
        if (f != NULL) {
            f->at = c->pos;
            f->key_len = 0;
        }
        skip_ws(c);
        char ch = c->pos < c->len ? c->buf[c->pos] : '\0';
        if (ch == ',') {
            c->pos++;
            skip_ws(c);
            if (is_object)
                return check_key(c, "'\"' to start an object key after ','");
            if (f != NULL) {
                f->index++;
                f->at = c->pos;
            }
            return SR_OK;
        }
        if (ch != (is_object ? '}' : ']'))
            return syntax_error(c, c->pos,
                                is_object ? "',' or '}' after object member"
                                          : "',' or ']' after array item");
        c->pos++;
        c->depth--;
    }
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
    for (int done = 0, closed; !done && st == SR_OK;) {
        char ch = c.pos < c.len ? c.buf[c.pos] : '\0';
        if (c.pos >= c.len) {
            st = syntax_error(&c, c.pos, "a value");
        } else if (ch == '{' || ch == '[') {
            st = open_container(&c, ch == '{', &closed);
            if (st == SR_OK && closed)
                st = after_value(&c, &done);
        } else {
            st = check_scalar(&c);
            if (st == SR_OK)
                st = after_value(&c, &done);
        }
    }
    if (st == SR_OK) {
        size_t end = c.pos;
        skip_ws(&c);
        if (c.pos < c.len) {
            sr_status closing = close_prefix(&c, end);
            st = closing != SR_OK ? closing
                                  : syntax_error(&c, c.pos, "end of input after the JSON value");
        } else if (c.limit_hit) {
            st = SR_ERR_LIMIT; /* err was filled when the limit was crossed */
        }
    }
    sr__free(c.deep_bits);
    return st;
}
