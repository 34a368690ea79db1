/* SPDX-License-Identifier: MIT */
/* The allocation seam: every allocation of the library passes through here. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void *sr__malloc(size_t n)
{
    return malloc(n == 0 ? 1 : n);
}

void *sr__calloc(size_t count, size_t size)
{
    return calloc(count == 0 ? 1 : count, size == 0 ? 1 : size);
}

void *sr__realloc(void *p, size_t n)
{
    return realloc(p, n == 0 ? 1 : n);
}

void sr__free(void *p)
{
    free(p);
}

void sr_free(void *p)
{
    sr__free(p);
}

char *sr__strndup(const char *s, size_t n)
{
    char *copy = sr__malloc(n + 1);
    if (copy == NULL)
        return NULL;
    if (n > 0)
        memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

size_t sr__grow_capacity(size_t cap, size_t need)
{
    size_t next = cap < 8 ? 8 : cap;
    while (next < need) {
        if (next > (size_t)-1 / 2)
            return 0;
        next *= 2;
    }
    return next;
}
