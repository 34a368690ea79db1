/* SPDX-License-Identifier: MIT */
/* Status names, filling sr_error, and building RFC 6901 JSON Pointers. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const char *const status_names[] = {
    "SR_OK",           "SR_ERR_NOMEM",  "SR_ERR_ARG",   "SR_ERR_SYNTAX",    "SR_ERR_TYPE",
    "SR_ERR_MISSING",  "SR_ERR_FORMAT", "SR_ERR_RANGE", "SR_ERR_DUPLICATE", "SR_ERR_UNKNOWN_FIELD",
    "SR_ERR_ENCODING", "SR_ERR_LIMIT",
};

const char *sr_status_name(sr_status s)
{
    size_t i = (size_t)s;
    if (i >= sizeof status_names / sizeof status_names[0])
        return "SR_ERR_UNKNOWN_STATUS";
    return status_names[i];
}

/* 1 when cutting s[0..len) before s[at] would split a UTF-8 character or
 * a "~0" / "~1" escape (in a JSON Pointer '~' only ever starts one). */
static int splits_at(const char *s, size_t at, size_t len)
{
    return at > 0 && at < len && (((unsigned char)s[at] & 0xC0) == 0x80 || s[at - 1] == '~');
}

/* Appends text[0..n) to path; on overflow cuts where no character or
 * escape is split and ends the path in "...". Returns 0 once truncated. */
static int append_bytes(char *path, size_t cap, const char *text, size_t n)
{
    size_t used = strlen(path);
    /* A cut path ends in "..." within 3 bytes (a backed-off character) of full. */
    if (used >= 3 && used + 4 >= cap && strcmp(path + used - 3, "...") == 0)
        return 0;
    if (used + n < cap) {
        memcpy(path + used, text, n);
        path[used + n] = '\0';
        return 1;
    }
    if (cap < 4)
        return 0;
    size_t keep = cap - 4; /* room for "..." and the NUL */
    if (keep < used) {
        size_t whole = used;
        used = keep;
        while (splits_at(path, used, whole))
            used--;
    }
    size_t take = keep - used;
    if (take > n)
        take = n;
    while (splits_at(text, take, n))
        take--;
    memcpy(path + used, text, take);
    memcpy(path + used + take, "...", 4);
    return 0;
}

/* Keeps a message on one line: control characters become spaces. */
static void flatten_line(char *s)
{
    for (; *s != '\0'; s++) {
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = ' ';
    }
}

sr_status sr__error_vset(sr_error *err, sr_status code, const char *path, const char *fmt,
                         va_list ap)
{
    if (err == NULL)
        return code;
    memset(err, 0, sizeof *err);
    err->code = code;
    if (path != NULL)
        append_bytes(err->path, sizeof err->path, path, strlen(path));
    if (fmt != NULL) {
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        flatten_line(err->message);
    }
    return code;
}

sr_status sr__error_set(sr_error *err, sr_status code, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sr__error_vset(err, code, path, fmt, ap);
    va_end(ap);
    return code;
}

void sr__error_set_position(sr_error *err, const char *buf, size_t len, size_t offset)
{
    if (err == NULL)
        return;
    if (offset > len)
        offset = len;
    unsigned line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset; i++) {
        if (buf[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    }
    err->offset = offset;
    err->line = line;
    err->column = (unsigned)(offset - line_start + 1);
}

void sr__pointer_append_key(char *path, size_t cap, const char *key, size_t key_len)
{
    if (cap == 0)
        return;
    if (!append_bytes(path, cap, "/", 1))
        return;
    size_t run = 0;
    for (size_t i = 0; i < key_len; i++) {
        const char *escape = key[i] == '~' ? "~0" : key[i] == '/' ? "~1" : NULL;
        if (escape == NULL)
            continue;
        if (!append_bytes(path, cap, key + run, i - run) || !append_bytes(path, cap, escape, 2))
            return;
        run = i + 1;
    }
    append_bytes(path, cap, key + run, key_len - run);
}

void sr__pointer_append_index(char *path, size_t cap, size_t index)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "/%zu", index);
    if (n > 0 && cap > 0)
        append_bytes(path, cap, digits, (size_t)n);
}
