/* SPDX-License-Identifier: MIT */
/* The strict check: the one reader of JSON text in the library. A single
 * pass with an explicit stack (no recursion) over RFC 8259 syntax, UTF-8
 * and escapes in strings, duplicate keys (json_check_keys.c), the nesting
 * bound, and the span of every number. cJSON builds the tree afterwards. */
#include <stddef.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "internal.h"
#include "json_check.h"
#include "sessreport/json.h"

/* No key entry yet (object frame before its first key). */
#define NO_KEY ((size_t)-1)

/* Byte classes inside a string: only STR_PLAIN continues the fast loop. */
enum { STR_PLAIN = 0, STR_QUOTE, STR_BACKSLASH, STR_CONTROL, STR_NON_ASCII };

#define C8(x)  x, x, x, x, x, x, x, x
#define C16(x) C8(x), C8(x)
static const unsigned char string_class[256] = {
    C16(STR_CONTROL), C16(STR_CONTROL),
    /* 0x20 .. 0x2F */
    STR_PLAIN, STR_PLAIN, STR_QUOTE, STR_PLAIN, STR_PLAIN, STR_PLAIN, STR_PLAIN, STR_PLAIN,
    C8(STR_PLAIN),
    /* 0x30 .. 0x5B */
    C16(STR_PLAIN), C16(STR_PLAIN), C8(STR_PLAIN), STR_PLAIN, STR_PLAIN, STR_PLAIN, STR_PLAIN,
    /* 0x5C backslash, then 0x5D .. 0x7F */
    STR_BACKSLASH, STR_PLAIN, STR_PLAIN, STR_PLAIN, C16(STR_PLAIN), C16(STR_PLAIN),
    /* 0x80 .. 0xFF */
    C16(STR_NON_ASCII), C16(STR_NON_ASCII), C16(STR_NON_ASCII), C16(STR_NON_ASCII),
    C16(STR_NON_ASCII), C16(STR_NON_ASCII), C16(STR_NON_ASCII), C16(STR_NON_ASCII)};
#undef C16
#undef C8

/* One open container within SR_MAX_DEPTH. */
typedef struct frame {
    int is_object;
    size_t index;   /* arrays: the current item */
    size_t cur_key; /* objects: key entry of the member being checked */
} frame;

typedef struct checker {
    const char *buf; /* the whole input, for positions */
    size_t len, pos;
    sr_error *err;
    sr__json_spans *numbers;
    frame *frames; /* the first min(depth, SR_MAX_DEPTH) levels */
    size_t frames_cap, depth;
    /* Levels beyond SR_MAX_DEPTH: only their kind (1 bit each) is kept so
     * that the rest of the text is still checked and a syntax error wins
     * over the pending SR_ERR_LIMIT. */
    unsigned char *deep_bits;
    size_t deep_cap;
    int limit_hit;
    /* Set by check_string on SR_ERR_ENCODING: where and why. */
    size_t bad;
    const char *bad_why;
    /* Not cleared on entry (large): */
    sr__keyset keys;
    frame fixed_frames[16];
} checker;

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The four hex digits at p (p + 4 <= end checked by the caller), or -1. */
static long hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int h = is_digit(c)              ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : -1;
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static void skip_ws(checker *c)
{
    const char *b = c->buf;
    size_t p = c->pos, end = c->len;
    while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t'))
        p++;
    c->pos = p;
}

/* ---- errors ---- */

static sr_status syntax_error(checker *c, size_t at, const char *expected)
{
    if (at >= c->len) {
        sr__error_set(c->err, SR_ERR_SYNTAX, "", "unexpected end of input: expected %s", expected);
    } else {
        unsigned char ch = (unsigned char)c->buf[at];
        if (ch > 0x20 && ch < 0x7F)
            sr__error_set(c->err, SR_ERR_SYNTAX, "", "expected %s, found '%c'", expected, ch);
        else
            sr__error_set(c->err, SR_ERR_SYNTAX, "", "expected %s, found byte 0x%02X", expected,
                          (unsigned)ch);
    }
    sr__error_set_position(c->err, c->buf, c->len, at);
    return SR_ERR_SYNTAX;
}

static sr_status syntax_message(checker *c, size_t at, const char *message)
{
    sr__error_set(c->err, SR_ERR_SYNTAX, "", "%s", message);
    sr__error_set_position(c->err, c->buf, c->len, at);
    return SR_ERR_SYNTAX;
}

static sr_status nomem(checker *c)
{
    return sr__error_set(c->err, SR_ERR_NOMEM, "", "out of memory while checking JSON");
}

/* The pointer of the value being checked in the outermost `levels` frames
 * (only frames within SR_MAX_DEPTH are known). */
static void render_path(const checker *c, size_t levels, char *out)
{
    out[0] = '\0';
    for (size_t i = 0; i < levels && i < SR_MAX_DEPTH; i++) {
        const frame *f = &c->frames[i];
        if (!f->is_object) {
            sr__pointer_append_index(out, SR_ERROR_PATH_SIZE, f->index);
        } else if (f->cur_key != NO_KEY) {
            size_t n;
            const char *key = sr__keyset_key(&c->keys, f->cur_key, &n);
            sr__pointer_append_key(out, SR_ERROR_PATH_SIZE, key, n);
        } else {
            break;
        }
    }
}

static sr_status encoding_error(checker *c, const char *path)
{
    return sr__error_set(c->err, SR_ERR_ENCODING, path, "invalid string: %s (at byte %zu)",
                         c->bad_why, c->bad);
}

/* ---- strings ---- */

static sr_status bad_string(checker *c, size_t at, const char *why)
{
    c->bad = at;
    c->bad_why = why;
    return SR_ERR_ENCODING;
}

/* Checks the escape whose backslash is at *p; advances *p past it. */
static sr_status check_escape(checker *c, size_t *p)
{
    const char *b = c->buf;
    size_t start = *p, q = *p + 1;
    if (q >= c->len)
        return syntax_message(c, c->len, "unexpected end of input inside string");
    if (strchr("\"\\/bfnrt", b[q]) != NULL && b[q] != '\0') {
        *p = q + 1;
        return SR_OK;
    }
    if (b[q] != 'u')
        return syntax_error(c, q, "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
    if (c->len - (q + 1) < 4 || hex4(b + q + 1) < 0)
        return syntax_error(c, q + 1, "four hex digits after \\u");
    long cp = hex4(b + q + 1);
    q += 5;
    if (cp == 0)
        return bad_string(c, start, "\\u0000 (NUL) is not allowed");
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return bad_string(c, start, "lone low surrogate escape");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (c->len - q >= 2 && b[q] == '\\' && b[q + 1] == 'u') {
            if (c->len - (q + 2) < 4 || hex4(b + q + 2) < 0)
                return syntax_error(c, q + 2, "four hex digits after \\u");
            long lo = hex4(b + q + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                *p = q + 6;
                return SR_OK;
            }
        }
        return bad_string(c, start, "high surrogate escape not followed by a low surrogate escape");
    }
    *p = q;
    return SR_OK;
}

/* Flags (high bit of each byte) the bytes of the 8 at b that end a plain
 * run: a quote, a backslash, a control character or a non-ASCII byte. Bit
 * tricks on a 64-bit word; a borrow can only flag bytes after a truly
 * flagged one, so the lowest flag is exact. */
static uint64_t special_bytes(const unsigned char *b)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t v, q, bs;
    memcpy(&v, b, sizeof v);
    q = v ^ (ones * '"');
    bs = v ^ (ones * '\\');
    return (v | ((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & highs;
}

/* The index of the first byte at or after p that is not plain string text. */
static size_t skip_plain(const unsigned char *b, size_t p, size_t end)
{
    while (end - p >= 8) {
        uint64_t flags = special_bytes(b + p);
        if (flags != 0) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return p + (size_t)__builtin_ctzll(flags) / 8;
#else
            break;
#endif
        }
        p += 8;
    }
    while (p < end && string_class[b[p]] == STR_PLAIN)
        p++;
    return p;
}

/* Checks the string whose opening quote is at c->pos; leaves c->pos after
 * the closing quote. SR_ERR_ENCODING leaves c->bad/c->bad_why for the
 * caller, which knows the path; syntax errors are reported here. */
static sr_status check_string(checker *c, int *escaped)
{
    const unsigned char *b = (const unsigned char *)c->buf;
    size_t p = c->pos + 1, end = c->len;
    for (;;) {
        p = skip_plain(b, p, end);
        if (p >= end)
            return syntax_message(c, end, "unexpected end of input inside string");
        switch (string_class[b[p]]) {
        case STR_QUOTE:
            c->pos = p + 1;
            return SR_OK;
        case STR_BACKSLASH: {
            sr_status st = check_escape(c, &p);
            if (st != SR_OK)
                return st;
            *escaped = 1;
            break;
        }
        case STR_CONTROL:
            return syntax_error(c, p,
                                "a character or an escape (raw control characters must be "
                                "escaped)");
        default: {
            size_t n = sr__utf8_sequence_length(b + p, end - p);
            if (n == 0)
                return bad_string(c, p, "invalid UTF-8 byte sequence");
            p += n;
            break;
        }
        }
    }
}

/* ---- numbers and literals ---- */

static sr_status check_number(checker *c)
{
    const char *b = c->buf;
    size_t start = c->pos, p = c->pos, end = c->len;
    if (b[p] == '-')
        p++;
    if (p >= end || !is_digit(b[p]))
        return syntax_error(c, p, "a digit after '-'");
    if (b[p] == '0') {
        p++;
        if (p < end && is_digit(b[p]))
            return syntax_message(c, p, "leading zeros are not allowed in numbers");
    } else {
        while (p < end && is_digit(b[p]))
            p++;
    }
    if (p < end && b[p] == '.') {
        p++;
        if (p >= end || !is_digit(b[p]))
            return syntax_error(c, p, "a digit after the decimal point");
        while (p < end && is_digit(b[p]))
            p++;
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
        p++;
        if (p < end && (b[p] == '+' || b[p] == '-'))
            p++;
        if (p >= end || !is_digit(b[p]))
            return syntax_error(c, p, "a digit in the exponent");
        while (p < end && is_digit(b[p]))
            p++;
    }
    c->pos = p;
    sr__json_spans *n = c->numbers;
    if (n == NULL)
        return SR_OK;
    if (n->count == n->cap) {
        size_t cap = sr__grow_capacity(n->cap, n->count + 1);
        sr__json_span *grown = cap == 0 ? NULL : sr__realloc(n->items, cap * sizeof *grown);
        if (grown == NULL)
            return nomem(c);
        n->items = grown;
        n->cap = cap;
    }
    n->items[n->count].offset = start;
    n->items[n->count++].len = p - start;
    return SR_OK;
}

static int literal_at(const checker *c, const char *word, size_t n)
{
    return c->len - c->pos >= n && memcmp(c->buf + c->pos, word, n) == 0;
}

/* ---- keys ---- */

/* Adds the key literal quoted[0..n) (quotes included) to the innermost
 * object: its bytes as they are, or decoded by cJSON and copied when it
 * holds escapes. */
static sr_status add_key(checker *c, const char *quoted, size_t n, int escaped, size_t *entry,
                         int *dup)
{
    if (!escaped)
        return sr__keyset_add(&c->keys, quoted + 1, n - 2, 0, entry, dup);
    cJSON *decoded = cJSON_ParseWithLength(quoted, n);
    sr_status st = SR_ERR_NOMEM; /* the text is checked: cJSON fails only for memory */
    if (cJSON_IsString(decoded))
        st = sr__keyset_add(&c->keys, decoded->valuestring, strlen(decoded->valuestring), 1, entry,
                            dup);
    cJSON_Delete(decoded);
    return st;
}

/* An invalid key: its path is the object's pointer plus the part of the key
 * before the offending byte (decoded by cJSON from a quoted copy). */
static sr_status key_encoding_error(checker *c, size_t body)
{
    char path[SR_ERROR_PATH_SIZE];
    size_t part = c->bad - body, entry, n;
    int dup;
    render_path(c, c->depth - 1, path);
    if (c->depth <= SR_MAX_DEPTH) {
        char *quoted = sr__malloc(part + 2);
        sr_status st = quoted == NULL ? SR_ERR_NOMEM : SR_OK;
        if (st == SR_OK) {
            quoted[0] = '"';
            memcpy(quoted + 1, c->buf + body, part);
            quoted[part + 1] = '"';
            st = add_key(c, quoted, part + 2, 1, &entry, &dup);
            sr__free(quoted);
        }
        if (st != SR_OK)
            return nomem(c);
        const char *key = sr__keyset_key(&c->keys, entry, &n);
        sr__pointer_append_key(path, sizeof path, key, n);
    }
    return encoding_error(c, path);
}

/* Checks `"key"` `:` at c->pos (whitespace before it already skipped), then
 * the whitespace after the colon. */
static sr_status check_key(checker *c, const char *expected)
{
    if (c->pos >= c->len || c->buf[c->pos] != '"')
        return syntax_error(c, c->pos, expected);
    size_t start = c->pos;
    int escaped = 0;
    sr_status st = check_string(c, &escaped);
    if (st == SR_ERR_ENCODING)
        return key_encoding_error(c, start + 1);
    if (st != SR_OK)
        return st;
    if (c->depth <= SR_MAX_DEPTH) {
        frame *f = &c->frames[c->depth - 1];
        int dup = 0;
        st = add_key(c, c->buf + start, c->pos - start, escaped, &f->cur_key, &dup);
        if (st == SR_ERR_LIMIT)
            return sr__error_set(c->err, st, "", "object key or object beyond 32-bit sizes");
        if (st != SR_OK)
            return nomem(c);
        /* Past the depth limit the pending SR_ERR_LIMIT comes first in
         * document order, so later duplicates are not reported. */
        if (dup && !c->limit_hit) {
            char path[SR_ERROR_PATH_SIZE];
            render_path(c, c->depth, path);
            return sr__error_set(c->err, SR_ERR_DUPLICATE, path,
                                 "duplicate object key (each key may appear once)");
        }
    }
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
    if (c->depth > SR_MAX_DEPTH) {
        size_t bit = c->depth - SR_MAX_DEPTH - 1;
        return (c->deep_bits[bit / 8] >> (bit % 8)) & 1;
    }
    return c->frames[c->depth - 1].is_object;
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
        render_path(c, c->depth, path);
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

static sr_status push(checker *c, int is_object)
{
    if (c->depth >= SR_MAX_DEPTH)
        return push_deep(c, is_object);
    if (c->depth == c->frames_cap &&
        sr__json_grow((void **)&c->frames, &c->frames_cap, c->depth + 1, sizeof *c->frames,
                      c->fixed_frames) != SR_OK)
        return nomem(c);
    if (is_object && sr__keyset_open(&c->keys) != SR_OK)
        return nomem(c);
    frame *f = &c->frames[c->depth++];
    f->is_object = is_object;
    f->index = 0;
    f->cur_key = NO_KEY;
    return SR_OK;
}

static void pop(checker *c)
{
    c->depth--;
    if (c->depth < SR_MAX_DEPTH && c->frames[c->depth].is_object)
        sr__keyset_close(&c->keys);
}

/* Opens the container at c->pos; *closed = 1 when it is empty and already
 * closed again. */
static sr_status open_container(checker *c, int is_object, int *closed)
{
    sr_status st = push(c, is_object);
    if (st != SR_OK)
        return st;
    c->pos++;
    skip_ws(c);
    *closed = c->pos < c->len && c->buf[c->pos] == (is_object ? '}' : ']');
    if (*closed) {
        c->pos++;
        pop(c);
        return SR_OK;
    }
    return is_object ? check_key(c, "'\"' to start an object key, or '}'") : SR_OK;
}

/* Checks one scalar at c->pos (a container start is handled by the caller). */
static sr_status check_scalar(checker *c)
{
    char ch = c->buf[c->pos];
    if (ch == '"') {
        int escaped = 0;
        sr_status st = check_string(c, &escaped);
        if (st == SR_ERR_ENCODING) {
            char path[SR_ERROR_PATH_SIZE];
            render_path(c, c->depth, path);
            return encoding_error(c, path);
        }
        return st;
    }
    static const char *const literals[] = {"true", "false", "null"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(literals[i]);
        if (literal_at(c, literals[i], n)) {
            c->pos += n;
            return SR_OK;
        }
    }
    if (ch == 't' || ch == 'f' || ch == 'n')
        return syntax_error(c, c->pos, "a value (true, false or null)");
    if (ch != '-' && !is_digit(ch))
        return syntax_error(c, c->pos, "a value");
    return check_number(c);
}

/* After a value: a separator and the next value's start, or closing
 * brackets. *done = 1 once the outermost value has ended. */
static sr_status after_value(checker *c, int *done)
{
    for (;;) {
        if (c->depth == 0) {
            *done = 1;
            return SR_OK;
        }
        skip_ws(c);
        char ch = c->pos < c->len ? c->buf[c->pos] : '\0';
        int is_object = top_is_object(c);
        if (c->pos < c->len && ch == ',') {
            c->pos++;
            skip_ws(c);
            if (is_object)
                return check_key(c, "'\"' to start an object key after ','");
            if (c->depth <= SR_MAX_DEPTH)
                c->frames[c->depth - 1].index++;
            return SR_OK;
        }
        if (c->pos >= c->len || ch != (is_object ? '}' : ']'))
            return syntax_error(c, c->pos,
                                is_object ? "',' or '}' after object member"
                                          : "',' or ']' after array item");
        c->pos++;
        pop(c);
    }
}

static sr_status check_values(checker *c)
{
    sr_status st;
    int done = 0;
    while (!done) {
        if (c->pos >= c->len)
            return syntax_error(c, c->pos, "a value");
        char ch = c->buf[c->pos];
        if (ch == '{' || ch == '[') {
            int closed = 0;
            if ((st = open_container(c, ch == '{', &closed)) != SR_OK)
                return st;
            if (!closed)
                continue;
        } else if ((st = check_scalar(c)) != SR_OK) {
            return st;
        }
        if ((st = after_value(c, &done)) != SR_OK)
            return st;
    }
    return SR_OK;
}

sr_status sr__json_check(const char *buf, size_t len, size_t begin, sr__json_spans *numbers,
                         sr_error *err)
{
    checker c;
    memset(&c, 0, offsetof(checker, keys));
    c.buf = buf;
    c.len = len;
    c.pos = begin;
    c.err = err;
    c.numbers = numbers;
    c.frames = c.fixed_frames;
    c.frames_cap = sizeof c.fixed_frames / sizeof c.fixed_frames[0];
    sr__keyset_init(&c.keys);
    skip_ws(&c);
    sr_status st = check_values(&c);
    if (st == SR_OK) {
        skip_ws(&c);
        if (c.pos < c.len)
            st = syntax_error(&c, c.pos, "end of input after the JSON value");
        else if (c.limit_hit)
            st = SR_ERR_LIMIT; /* err was filled when the limit was crossed */
    }
    sr__keyset_release(&c.keys);
    sr__json_grow_free(c.frames, c.fixed_frames);
    sr__free(c.deep_bits);
    return st;
}
