/* SPDX-License-Identifier: MIT */
/* The strict single-pass RFC 8259 scanner: an explicit stack instead of
 * recursion, duplicate keys caught through a per-object hash index, and the
 * members of the outermost container handed to a callback as spans. */
#include "json_scan.h"

#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "sessreport/json.h"

/* Objects with fewer keys are checked for duplicates by a linear scan. */
#define SMALL_OBJECT_KEYS 8
/* No key entry yet (object frame before its first key). */
#define NO_KEY ((size_t)-1)

/* Byte classes inside a string: only class 0 continues the fast loop. */
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

/* A decoded object key kept while its object is open (for duplicates and
 * for rendering error paths). */
typedef struct key_entry {
    size_t off;   /* in the arena */
    uint32_t len; /* 16 bytes an entry: 100000 keys must stay cache-friendly */
    uint32_t hash;
} key_entry;

/* A hash index slot: the key's hash is kept here so that probing does not
 * touch the key entries. */
struct slot {
    uint32_t entry; /* position of the key within its object + 1; 0 = empty */
    uint32_t hash;
};

/* One open container within SR_MAX_DEPTH. */
typedef struct frame {
    int is_object;
    size_t index;       /* arrays: the current item; objects: keys so far */
    size_t key_first;   /* objects: first key entry of this object */
    size_t cur_key;     /* objects: entry of the member being scanned */
    size_t arena_mark;  /* arena length when opened, restored when closed */
    struct slot *table; /* hash index, large objects only */
    size_t table_cap;   /* power of two */
} frame;

typedef struct scanner {
    const char *buf; /* the whole document, for offsets */
    size_t len;
    size_t pos, end;
    const char *base_path;
    size_t base_len; /* strlen(base_path), at most SR_ERROR_PATH_SIZE - 1 */
    sr__json_value_fn fn;
    void *ctx;
    sr_error *err;
    int report_members; /* outermost container has the wanted kind */
    size_t member_start;
    size_t closed_items; /* items or members of the container that closed last */
    frame *frames;       /* the first min(depth, SR_MAX_DEPTH) levels */
    size_t frames_cap;
    size_t depth;
    /* Levels beyond SR_MAX_DEPTH: only their kind (1 bit each) is kept so that
     * the rest of the document is still checked and a syntax error wins over
     * the pending SR_ERR_LIMIT. */
    unsigned char *deep_bits;
    size_t deep_cap;
    int limit_hit;
    char *arena; /* decoded keys, each NUL-terminated */
    size_t arena_len, arena_cap;
    key_entry *keys;
    size_t key_count, key_cap;
    /* Set by scan_string on SR_ERR_ENCODING: where and why. */
    size_t bad;
    const char *bad_why;
} scanner;

const char *sr__kind_name(sr__kind k)
{
    switch (k) {
    case SR__KIND_NULL:
        return "null";
    case SR__KIND_FALSE:
    case SR__KIND_TRUE:
        return "boolean";
    case SR__KIND_NUMBER:
        return "number";
    case SR__KIND_STRING:
        return "string";
    case SR__KIND_ARRAY:
        return "array";
    case SR__KIND_OBJECT:
        return "object";
    }
    return "value";
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The four hex digits at p (p + 4 <= end checked by the caller), or -1. */
static long hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static void skip_ws(scanner *s)
{
    const char *b = s->buf;
    size_t p = s->pos, end = s->end;
    while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t'))
        p++;
    s->pos = p;
}

/* ---- errors ---- */

static sr_status syntax_error(scanner *s, size_t at, const char *expected)
{
    if (at >= s->end) {
        sr__error_set(s->err, SR_ERR_SYNTAX, "", "unexpected end of input: expected %s", expected);
    } else {
        unsigned char c = (unsigned char)s->buf[at];
        if (c > 0x20 && c < 0x7F)
            sr__error_set(s->err, SR_ERR_SYNTAX, "", "expected %s, found '%c'", expected, c);
        else
            sr__error_set(s->err, SR_ERR_SYNTAX, "", "expected %s, found byte 0x%02X", expected,
                          (unsigned)c);
    }
    sr__error_set_position(s->err, s->buf, s->len, at < s->end ? at : s->end);
    return SR_ERR_SYNTAX;
}

static sr_status syntax_message(scanner *s, size_t at, const char *message)
{
    sr__error_set(s->err, SR_ERR_SYNTAX, "", "%s", message);
    sr__error_set_position(s->err, s->buf, s->len, at);
    return SR_ERR_SYNTAX;
}

static void copy_base_path(const scanner *s, char *out)
{
    memcpy(out, s->base_path, s->base_len);
    out[s->base_len] = '\0';
}

/* The pointer of the value being scanned in the innermost `levels` frames
 * (only frames within SR_MAX_DEPTH are known). */
static void render_path(const scanner *s, size_t levels, char *out)
{
    copy_base_path(s, out);
    for (size_t i = 0; i < levels && i < SR_MAX_DEPTH; i++) {
        const frame *f = &s->frames[i];
        if (!f->is_object) {
            sr__pointer_append_index(out, SR_ERROR_PATH_SIZE, f->index);
        } else if (f->cur_key != NO_KEY) {
            const key_entry *k = &s->keys[f->cur_key];
            sr__pointer_append_key(out, SR_ERROR_PATH_SIZE, s->arena + k->off, k->len);
        } else {
            break;
        }
    }
}

static sr_status encoding_error_at(scanner *s, const char *path)
{
    return sr__error_set(s->err, SR_ERR_ENCODING, path, "invalid string: %s (at byte %zu)",
                         s->bad_why, s->bad);
}

static sr_status nomem(scanner *s)
{
    sr__error_set(s->err, SR_ERR_NOMEM, "", "out of memory while scanning JSON");
    return SR_ERR_NOMEM;
}

/* ---- strings ---- */

/* Checks the escape whose backslash is at *p; advances *p past it. */
static sr_status scan_escape(scanner *s, size_t *p)
{
    const char *b = s->buf;
    size_t start = *p, q = *p + 1;
    if (q >= s->end)
        return syntax_message(s, s->end, "unexpected end of input inside string");
    switch (b[q]) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        *p = q + 1;
        return SR_OK;
    case 'u':
        break;
    default:
        return syntax_error(s, q, "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
    }
    if (s->end - (q + 1) < 4 || hex4(b + q + 1) < 0)
        return syntax_error(s, q + 1, "four hex digits after \\u");
    long cp = hex4(b + q + 1);
    q += 5;
    if (cp == 0) {
        s->bad = start;
        s->bad_why = "\\u0000 (NUL) is not allowed";
        return SR_ERR_ENCODING;
    }
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
        s->bad = start;
        s->bad_why = "lone low surrogate escape";
        return SR_ERR_ENCODING;
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (s->end - q >= 2 && b[q] == '\\' && b[q + 1] == 'u') {
            if (s->end - (q + 2) < 4 || hex4(b + q + 2) < 0)
                return syntax_error(s, q + 2, "four hex digits after \\u");
            long lo = hex4(b + q + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                *p = q + 6;
                return SR_OK;
            }
        }
        s->bad = start;
        s->bad_why = "high surrogate escape not followed by a low surrogate escape";
        return SR_ERR_ENCODING;
    }
    *p = q;
    return SR_OK;
}

/* Scans the string whose opening quote is at s->pos; leaves s->pos after the
 * closing quote. SR_ERR_ENCODING leaves s->bad/s->bad_why for the caller,
 * which knows the path; syntax errors are reported here. */
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

static sr_status scan_string(scanner *s, int *escaped)
{
    const unsigned char *b = (const unsigned char *)s->buf;
    size_t p = s->pos + 1, end = s->end;
    for (;;) {
        p = skip_plain(b, p, end);
        if (p >= end)
            return syntax_message(s, end, "unexpected end of input inside string");
        switch (string_class[b[p]]) {
        case STR_QUOTE:
            s->pos = p + 1;
            return SR_OK;
        case STR_BACKSLASH: {
            sr_status st = scan_escape(s, &p);
            if (st != SR_OK)
                return st;
            *escaped = 1;
            break;
        }
        case STR_CONTROL:
            return syntax_error(s, p,
                                "a character or an escape (raw control characters must be "
                                "escaped)");
        default: {
            size_t n = sr__utf8_sequence_length(b + p, end - p);
            if (n == 0) {
                s->bad = p;
                s->bad_why = "invalid UTF-8 byte sequence";
                return SR_ERR_ENCODING;
            }
            p += n;
            break;
        }
        }
    }
}

/* ---- numbers and literals ---- */

static sr_status scan_number(scanner *s)
{
    const char *b = s->buf;
    size_t p = s->pos, end = s->end;
    if (b[p] == '-')
        p++;
    if (p >= end || !is_digit(b[p]))
        return syntax_error(s, p, "a digit after '-'");
    if (b[p] == '0') {
        p++;
        if (p < end && is_digit(b[p]))
            return syntax_message(s, p, "leading zeros are not allowed in numbers");
    } else {
        while (p < end && is_digit(b[p]))
            p++;
    }
    if (p < end && b[p] == '.') {
        p++;
        if (p >= end || !is_digit(b[p]))
            return syntax_error(s, p, "a digit after the decimal point");
        while (p < end && is_digit(b[p]))
            p++;
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
        p++;
        if (p < end && (b[p] == '+' || b[p] == '-'))
            p++;
        if (p >= end || !is_digit(b[p]))
            return syntax_error(s, p, "a digit in the exponent");
        while (p < end && is_digit(b[p]))
            p++;
    }
    s->pos = p;
    return SR_OK;
}

static int literal_at(const scanner *s, const char *word, size_t n)
{
    return s->end - s->pos >= n && memcmp(s->buf + s->pos, word, n) == 0;
}

/* ---- keys ---- */

static uint32_t hash_bytes(const char *p, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 16777619u;
    }
    /* Final mix (MurmurHash3 fmix32): the index uses the low bits. */
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h;
}

static size_t put_utf8(char *out, unsigned long cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the already checked string body raw[0..n) into out (which has
 * room for n bytes: escapes never grow); returns the decoded length. */
static size_t decode_checked(const char *raw, size_t n, char *out)
{
    size_t i = 0, o = 0;
    while (i < n) {
        if (raw[i] != '\\') {
            out[o++] = raw[i++];
            continue;
        }
        char e = raw[i + 1];
        i += 2;
        switch (e) {
        case 'b':
            out[o++] = '\b';
            break;
        case 'f':
            out[o++] = '\f';
            break;
        case 'n':
            out[o++] = '\n';
            break;
        case 'r':
            out[o++] = '\r';
            break;
        case 't':
            out[o++] = '\t';
            break;
        case 'u': {
            unsigned long cp = (unsigned long)hex4(raw + i);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= n) {
                unsigned long lo = (unsigned long)hex4(raw + i + 2);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
            o += put_utf8(out + o, cp);
            break;
        }
        default: /* '"', '\\', '/' stand for themselves */
            out[o++] = e;
            break;
        }
    }
    return o;
}

/* Appends the decoded body raw[0..n) to the arena, NUL-terminated; the new
 * key's offset and length come back through *off and *len. */
static sr_status arena_add(scanner *s, const char *raw, size_t n, int escaped, size_t *off,
                           size_t *len)
{
    if (s->arena == NULL || s->arena_cap - s->arena_len <= n) {
        size_t cap = sr__grow_capacity(s->arena_cap, s->arena_len + n + 1);
        char *grown = cap == 0 ? NULL : sr__realloc(s->arena, cap);
        if (grown == NULL)
            return nomem(s);
        s->arena = grown;
        s->arena_cap = cap;
    }
    char *dst = s->arena + s->arena_len;
    size_t out;
    if (escaped) {
        out = decode_checked(raw, n, dst);
    } else {
        memcpy(dst, raw, n);
        out = n;
    }
    dst[out] = '\0';
    *off = s->arena_len;
    *len = out;
    s->arena_len += out + 1;
    return SR_OK;
}

static int same_key(const scanner *s, const key_entry *a, const key_entry *b)
{
    return a->hash == b->hash && a->len == b->len &&
           memcmp(s->arena + a->off, s->arena + b->off, a->len) == 0;
}

/* Inserts entry e into f's table (which has a free slot); returns 1 when
 * an equal key is already there, else 0. */
static size_t table_insert(const scanner *s, frame *f, size_t e)
{
    size_t mask = f->table_cap - 1;
    uint32_t hash = s->keys[e].hash;
    size_t i = hash & mask;
    while (f->table[i].entry != 0) {
        if (f->table[i].hash == hash &&
            same_key(s, &s->keys[f->key_first + f->table[i].entry - 1], &s->keys[e]))
            return 1;
        i = (i + 1) & mask;
    }
    f->table[i].entry = (uint32_t)(e - f->key_first + 1);
    f->table[i].hash = hash;
    return 0;
}

static sr_status table_rebuild(scanner *s, frame *f, size_t last)
{
    size_t cap = 64;
    while (cap < 2 * (last - f->key_first + 1))
        cap *= 2;
    struct slot *table = sr__calloc(cap, sizeof *table);
    if (table == NULL)
        return nomem(s);
    sr__free(f->table);
    f->table = table;
    f->table_cap = cap;
    for (size_t e = f->key_first; e < last; e++)
        (void)table_insert(s, f, e);
    return SR_OK;
}

/* Is the new key entry e a repeat within frame f? 1 yes, 0 no; *st is set
 * on memory exhaustion. Linear in the object's size overall. */
static int is_duplicate(scanner *s, frame *f, size_t e, sr_status *st)
{
    size_t before = e - f->key_first;
    *st = SR_OK;
    if (f->table == NULL && before < SMALL_OBJECT_KEYS) {
        for (size_t i = f->key_first; i < e; i++) {
            if (same_key(s, &s->keys[i], &s->keys[e]))
                return 1;
        }
        return 0;
    }
    /* Slots hold 32-bit positions: no real input comes near that. */
    if (before >= UINT32_MAX - 1) {
        *st = sr__error_set(s->err, SR_ERR_LIMIT, "", "more than %lu keys in one object",
                            (unsigned long)(UINT32_MAX - 2));
        return 0;
    }
    /* Linear probing up to a load of 0.8: slots are 8 bytes, so a probe
     * run mostly stays within one cache line. */
    if (f->table == NULL || 5 * (before + 1) > 4 * f->table_cap) {
        *st = table_rebuild(s, f, e);
        if (*st != SR_OK)
            return 0;
    }
    return table_insert(s, f, e) != 0;
}

static sr_status key_encoding_error(scanner *s, size_t body)
{
    /* The path as far as known: the object's pointer plus the decoded part
     * of the key before the offending byte. */
    char path[SR_ERROR_PATH_SIZE];
    size_t off = 0, len = 0;
    size_t levels = s->depth <= SR_MAX_DEPTH ? s->depth - 1 : SR_MAX_DEPTH;
    render_path(s, levels, path);
    if (s->depth <= SR_MAX_DEPTH &&
        arena_add(s, s->buf + body, s->bad - body, 1, &off, &len) == SR_OK)
        sr__pointer_append_key(path, sizeof path, s->arena + off, len);
    return encoding_error_at(s, path);
}

/* Scans `"key"` `:` at s->pos (whitespace before it already skipped), then
 * the whitespace after the colon. */
static sr_status scan_key(scanner *s, const char *expected)
{
    if (s->pos >= s->end || s->buf[s->pos] != '"')
        return syntax_error(s, s->pos, expected);
    size_t body = s->pos + 1;
    int escaped = 0;
    sr_status st = scan_string(s, &escaped);
    if (st == SR_ERR_ENCODING)
        return key_encoding_error(s, body);
    if (st != SR_OK)
        return st;
    if (s->depth <= SR_MAX_DEPTH) {
        frame *f = &s->frames[s->depth - 1];
        if (s->key_count == s->key_cap) {
            size_t cap = sr__grow_capacity(s->key_cap, s->key_count + 1);
            key_entry *grown = cap == 0 ? NULL : sr__realloc(s->keys, cap * sizeof *grown);
            if (grown == NULL)
                return nomem(s);
            s->keys = grown;
            s->key_cap = cap;
        }
        key_entry *k = &s->keys[s->key_count];
        size_t key_len = 0;
        if (s->pos - 1 - body > UINT32_MAX)
            return sr__error_set(s->err, SR_ERR_LIMIT, "", "object key longer than 4 GiB");
        st = arena_add(s, s->buf + body, s->pos - 1 - body, escaped, &k->off, &key_len);
        if (st != SR_OK)
            return st;
        k->len = (uint32_t)key_len;
        k->hash = hash_bytes(s->arena + k->off, k->len);
        size_t e = s->key_count++;
        f->cur_key = e;
        f->index++;
        /* Past the depth limit the pending SR_ERR_LIMIT comes first in
         * document order, so later duplicates are not reported. */
        if (!s->limit_hit && is_duplicate(s, f, e, &st)) {
            char path[SR_ERROR_PATH_SIZE];
            render_path(s, s->depth, path);
            return sr__error_set(s->err, SR_ERR_DUPLICATE, path,
                                 "duplicate object key (each key may appear once)");
        }
        if (st != SR_OK)
            return st;
    }
    skip_ws(s);
    if (s->pos >= s->end || s->buf[s->pos] != ':')
        return syntax_error(s, s->pos, "':' after object key");
    s->pos++;
    skip_ws(s);
    return SR_OK;
}

/* ---- the container stack ---- */

static int top_is_object(const scanner *s)
{
    if (s->depth > SR_MAX_DEPTH) {
        size_t bit = s->depth - SR_MAX_DEPTH - 1;
        return (s->deep_bits[bit / 8] >> (bit % 8)) & 1;
    }
    return s->frames[s->depth - 1].is_object;
}

static sr_status push_deep(scanner *s, int is_object)
{
    size_t bit = s->depth - SR_MAX_DEPTH;
    if (bit / 8 >= s->deep_cap) {
        size_t cap = sr__grow_capacity(s->deep_cap, bit / 8 + 1);
        unsigned char *grown = cap == 0 ? NULL : sr__realloc(s->deep_bits, cap);
        if (grown == NULL)
            return nomem(s);
        s->deep_bits = grown;
        s->deep_cap = cap;
    }
    if (!s->limit_hit) {
        char path[SR_ERROR_PATH_SIZE];
        render_path(s, s->depth, path);
        sr__error_set(s->err, SR_ERR_LIMIT, path, "nesting deeper than %d arrays and objects",
                      SR_MAX_DEPTH);
        s->limit_hit = 1;
    }
    if (is_object)
        s->deep_bits[bit / 8] = (unsigned char)(s->deep_bits[bit / 8] | (1u << (bit % 8)));
    else
        s->deep_bits[bit / 8] = (unsigned char)(s->deep_bits[bit / 8] & ~(1u << (bit % 8)));
    s->depth++;
    return SR_OK;
}

static sr_status push(scanner *s, int is_object)
{
    if (s->depth >= SR_MAX_DEPTH)
        return push_deep(s, is_object);
    if (s->depth == s->frames_cap) {
        size_t cap = sr__grow_capacity(s->frames_cap, s->depth + 1);
        frame *grown = cap == 0 ? NULL : sr__realloc(s->frames, cap * sizeof *grown);
        if (grown == NULL)
            return nomem(s);
        s->frames = grown;
        s->frames_cap = cap;
    }
    frame *f = &s->frames[s->depth++];
    f->is_object = is_object;
    f->index = 0;
    f->key_first = s->key_count;
    f->cur_key = NO_KEY;
    f->arena_mark = s->arena_len;
    f->table = NULL;
    f->table_cap = 0;
    return SR_OK;
}

static void pop(scanner *s)
{
    s->depth--;
    if (s->depth >= SR_MAX_DEPTH)
        return;
    frame *f = &s->frames[s->depth];
    s->closed_items = f->is_object ? f->index : f->index + 1;
    sr__free(f->table);
    f->table = NULL;
    s->key_count = f->key_first;
    s->arena_len = f->arena_mark;
}

static void scanner_release(scanner *s)
{
    for (size_t i = 0; i < s->depth && i < SR_MAX_DEPTH; i++)
        sr__free(s->frames[i].table);
    sr__free(s->frames);
    sr__free(s->deep_bits);
    sr__free(s->arena);
    sr__free(s->keys);
}

/* The pointer of a member (or item) of the outermost container. This runs
 * once per member, so it skips the generic helpers when the result plainly
 * fits. */
static void member_path(const scanner *s, const frame *f, char *out)
{
    size_t n = s->base_len;
    memcpy(out, s->base_path, n);
    out[n] = '\0';
    if (f->is_object) {
        const key_entry *k = &s->keys[f->cur_key];
        const char *key = s->arena + k->off;
        if (n + 1 + 2 * (size_t)k->len >= SR_ERROR_PATH_SIZE) {
            sr__pointer_append_key(out, SR_ERROR_PATH_SIZE, key, k->len);
            return;
        }
        out[n++] = '/';
        for (size_t i = 0; i < k->len; i++) {
            if (key[i] == '~' || key[i] == '/') {
                out[n++] = '~';
                out[n++] = key[i] == '~' ? '0' : '1';
            } else {
                out[n++] = key[i];
            }
        }
        out[n] = '\0';
        return;
    }
    char digits[24];
    size_t d = 0, v = f->index;
    do {
        digits[d++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (n + 1 + d >= SR_ERROR_PATH_SIZE) {
        sr__pointer_append_index(out, SR_ERROR_PATH_SIZE, f->index);
        return;
    }
    out[n++] = '/';
    while (d > 0)
        out[n++] = digits[--d];
    out[n] = '\0';
}

/* Hands a finished member (or item) of the outermost container to fn. */
static sr_status report_member(scanner *s, sr__kind kind)
{
    char path[SR_ERROR_PATH_SIZE];
    const frame *f = &s->frames[0];
    sr__json_value v;
    member_path(s, f, path);
    if (f->is_object) {
        v.key = s->arena + s->keys[f->cur_key].off;
        v.key_len = s->keys[f->cur_key].len;
        v.index = 0;
    } else {
        v.key = NULL;
        v.key_len = 0;
        v.index = f->index;
    }
    v.raw = s->buf + s->member_start;
    v.raw_len = s->pos - s->member_start;
    v.offset = s->member_start;
    v.kind = kind;
    v.items = kind == SR__KIND_ARRAY || kind == SR__KIND_OBJECT ? s->closed_items : 0;
    v.path = path;
    return s->fn(s->ctx, &v, s->err);
}

/* Scans one value at s->pos; on return s->pos is after it and *kind is set.
 * Containers are walked with the explicit stack. */
static sr_status scan_values(scanner *s, sr__kind *top_kind)
{
    sr_status st;
    sr__kind kind;
    for (;;) {
        /* A value is expected at s->pos. */
        if (s->depth == 1)
            s->member_start = s->pos;
        if (s->pos >= s->end)
            return syntax_error(s, s->pos, "a value");
        switch (s->buf[s->pos]) {
        case '{':
            if ((st = push(s, 1)) != SR_OK)
                return st;
            s->pos++;
            skip_ws(s);
            if (s->pos < s->end && s->buf[s->pos] == '}') {
                s->pos++;
                pop(s);
                s->closed_items = 0;
                kind = SR__KIND_OBJECT;
                break;
            }
            if ((st = scan_key(s, "'\"' to start an object key, or '}'")) != SR_OK)
                return st;
            continue;
        case '[':
            if ((st = push(s, 0)) != SR_OK)
                return st;
            s->pos++;
            skip_ws(s);
            if (s->pos < s->end && s->buf[s->pos] == ']') {
                s->pos++;
                pop(s);
                s->closed_items = 0;
                kind = SR__KIND_ARRAY;
                break;
            }
            continue;
        case '"': {
            int escaped = 0;
            st = scan_string(s, &escaped);
            if (st == SR_ERR_ENCODING) {
                char path[SR_ERROR_PATH_SIZE];
                render_path(s, s->depth, path);
                return encoding_error_at(s, path);
            }
            if (st != SR_OK)
                return st;
            kind = SR__KIND_STRING;
            break;
        }
        case 't':
        case 'f':
        case 'n':
            if (literal_at(s, "true", 4)) {
                s->pos += 4;
                kind = SR__KIND_TRUE;
            } else if (literal_at(s, "false", 5)) {
                s->pos += 5;
                kind = SR__KIND_FALSE;
            } else if (literal_at(s, "null", 4)) {
                s->pos += 4;
                kind = SR__KIND_NULL;
            } else {
                return syntax_error(s, s->pos, "a value (true, false or null)");
            }
            break;
        default:
            if (s->buf[s->pos] != '-' && !is_digit(s->buf[s->pos]))
                return syntax_error(s, s->pos, "a value");
            if ((st = scan_number(s)) != SR_OK)
                return st;
            kind = SR__KIND_NUMBER;
            break;
        }
        /* A value of `kind` just ended: report it, then close every container
         * that ends here. */
        for (;;) {
            if (s->depth == 0) {
                *top_kind = kind;
                return SR_OK;
            }
            if (s->depth == 1 && s->report_members && !s->limit_hit) {
                if ((st = report_member(s, kind)) != SR_OK)
                    return st;
            }
            skip_ws(s);
            char c = s->pos < s->end ? s->buf[s->pos] : '\0';
            if (top_is_object(s)) {
                if (c == ',') {
                    s->pos++;
                    skip_ws(s);
                    if ((st = scan_key(s, "'\"' to start an object key after ','")) != SR_OK)
                        return st;
                    break;
                }
                if (s->pos >= s->end || c != '}')
                    return syntax_error(s, s->pos, "',' or '}' after object member");
                kind = SR__KIND_OBJECT;
            } else {
                if (c == ',') {
                    s->pos++;
                    skip_ws(s);
                    if (s->depth <= SR_MAX_DEPTH)
                        s->frames[s->depth - 1].index++;
                    break;
                }
                if (s->pos >= s->end || c != ']')
                    return syntax_error(s, s->pos, "',' or ']' after array item");
                kind = SR__KIND_ARRAY;
            }
            s->pos++;
            pop(s);
        }
    }
}

static sr_status scan_container(const sr__json_doc *doc, size_t begin, size_t end, const char *path,
                                int want_object, sr__json_value_fn fn, void *ctx, sr_error *err)
{
    scanner s;
    sr__kind kind = SR__KIND_NULL;
    sr_status st;

    memset(&s, 0, sizeof s);
    s.buf = doc->buf;
    s.len = doc->len;
    s.pos = begin;
    s.end = end;
    s.base_path = path != NULL ? path : "";
    s.base_len = strlen(s.base_path);
    if (s.base_len >= SR_ERROR_PATH_SIZE)
        s.base_len = SR_ERROR_PATH_SIZE - 1;
    s.fn = fn;
    s.ctx = ctx;
    s.err = err;

    skip_ws(&s);
    s.report_members = fn != NULL && s.pos < s.end && s.buf[s.pos] == (want_object ? '{' : '[');
    st = scan_values(&s, &kind);
    if (st != SR_OK)
        goto cleanup;
    skip_ws(&s);
    if (s.pos < s.end) {
        st = syntax_error(&s, s.pos, "end of input after the JSON value");
        goto cleanup;
    }
    if (s.limit_hit) {
        st = SR_ERR_LIMIT; /* err was filled when the limit was crossed */
        goto cleanup;
    }
    if (kind != (want_object ? SR__KIND_OBJECT : SR__KIND_ARRAY)) {
        st = sr__error_set(err, SR_ERR_TYPE, s.base_path, "expected %s, found %s",
                           want_object ? "object" : "array", sr__kind_name(kind));
        goto cleanup;
    }
cleanup:
    scanner_release(&s);
    return st;
}

sr_status sr__json_scan_object(const sr__json_doc *doc, size_t begin, size_t end, const char *path,
                               sr__json_value_fn fn, void *ctx, sr_error *err)
{
    return scan_container(doc, begin, end, path, 1, fn, ctx, err);
}

sr_status sr__json_scan_array(const sr__json_doc *doc, size_t begin, size_t end, const char *path,
                              sr__json_value_fn fn, void *ctx, sr_error *err)
{
    return scan_container(doc, begin, end, path, 0, fn, ctx, err);
}

size_t sr__json_string_decode(const char *raw, size_t raw_len, char *out)
{
    return decode_checked(raw + 1, raw_len - 2, out);
}
