/* SPDX-License-Identifier: MIT */
/* The strict check's string lexer: escapes, UTF-8 without NUL or lone
 * surrogates, and a fast path over plain bytes 8 at a time (most of a
 * document is string bytes). */
#include <string.h>

#include "internal.h"
#include "json_check.h"

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

static sr_status fault(sr__string_fault *f, sr_status code, size_t at, const char *why,
                       int expected)
{
    f->at = at;
    f->why = why;
    f->expected = expected;
    return code;
}

/* The four hex digits at p (p + 4 <= end checked by the caller), or -1. */
static long hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int h = (c >= '0' && c <= '9')   ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : -1;
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Checks the escape whose backslash is at *p; advances *p past it. */
static sr_status check_escape(const char *b, size_t len, size_t *p, sr__string_fault *f)
{
    size_t start = *p, q = *p + 1;
    if (q >= len)
        return fault(f, SR_ERR_SYNTAX, len, "unexpected end of input inside string", 0);
    if (b[q] != '\0' && strchr("\"\\/bfnrt", b[q]) != NULL) {
        *p = q + 1;
        return SR_OK;
    }
    if (b[q] != 'u')
        return fault(f, SR_ERR_SYNTAX, q,
                     "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)", 1);
    if (len - (q + 1) < 4 || hex4(b + q + 1) < 0)
        return fault(f, SR_ERR_SYNTAX, q + 1, "four hex digits after \\u", 1);
    long cp = hex4(b + q + 1);
    q += 5;
    if (cp == 0)
        return fault(f, SR_ERR_ENCODING, start, "\\u0000 (NUL) is not allowed", 0);
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return fault(f, SR_ERR_ENCODING, start, "lone low surrogate escape", 0);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (len - q >= 2 && b[q] == '\\' && b[q + 1] == 'u') {
            if (len - (q + 2) < 4 || hex4(b + q + 2) < 0)
                return fault(f, SR_ERR_SYNTAX, q + 2, "four hex digits after \\u", 1);
            long lo = hex4(b + q + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                *p = q + 6;
                return SR_OK;
            }
        }
        return fault(f, SR_ERR_ENCODING, start,
                     "high surrogate escape not followed by a low surrogate escape", 0);
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

sr_status sr__json_check_string(const char *buf, size_t len, size_t *pos, int *escaped,
                                sr__string_fault *f)
{
    const unsigned char *b = (const unsigned char *)buf;
    size_t p = *pos + 1;
    for (;;) {
        p = skip_plain(b, p, len);
        if (p >= len)
            return fault(f, SR_ERR_SYNTAX, len, "unexpected end of input inside string", 0);
        switch (string_class[b[p]]) {
        case STR_QUOTE:
            *pos = p + 1;
            return SR_OK;
        case STR_BACKSLASH: {
            sr_status st = check_escape(buf, len, &p, f);
            if (st != SR_OK)
                return st;
            *escaped = 1;
            break;
        }
        case STR_CONTROL:
            return fault(f, SR_ERR_SYNTAX, p,
                         "a character or an escape (raw control characters must be escaped)", 1);
        default: {
            size_t n = sr__utf8_sequence_length(b + p, len - p);
            if (n == 0)
                return fault(f, SR_ERR_ENCODING, p, "invalid UTF-8 byte sequence", 0);
            p += n;
            break;
        }
        }
    }
}
