/* SPDX-License-Identifier: MIT */
/* Counting allocator of the bench: wraps malloc and friends at link time. */
#include <malloc.h>
#include <stdlib.h>

#include "bench.h"

/* The bench is single-threaded and is the application: file-level state is
 * fine here (it never is in the library). */
static int counting;
static long long live_bytes;
static long long peak_bytes;
static unsigned long long calls;

static void count_alloc(void *p)
{
    if (!counting || p == NULL)
        return;
    live_bytes += (long long)malloc_usable_size(p);
    calls++;
    if (live_bytes > peak_bytes)
        peak_bytes = live_bytes;
}

static void count_free(void *p)
{
    if (counting && p != NULL)
        live_bytes -= (long long)malloc_usable_size(p);
}

/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): names fixed by --wrap */
void *__wrap_malloc(size_t n)
{
    void *p = __real_malloc(n);
    count_alloc(p);
    return p;
}

void *__wrap_calloc(size_t count, size_t size)
{
    void *p = __real_calloc(count, size);
    count_alloc(p);
    return p;
}

void *__wrap_realloc(void *p, size_t n)
{
    size_t old = (counting && p != NULL) ? malloc_usable_size(p) : 0;
    void *q = __real_realloc(p, n);
    if (counting && q != NULL) {
        /* the old block is gone only when realloc succeeded */
        live_bytes -= (long long)old;
        count_alloc(q);
    }
    return q;
}

void __wrap_free(void *p)
{
    count_free(p);
    __real_free(p);
}

/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */

void bench_alloc_begin(void)
{
    live_bytes = 0;
    peak_bytes = 0;
    calls = 0;
    counting = 1;
}

void bench_alloc_end(void)
{
    counting = 0;
}

long long bench_alloc_live(void)
{
    return live_bytes;
}

long long bench_alloc_peak(void)
{
    return peak_bytes;
}

unsigned long long bench_alloc_calls(void)
{
    return calls;
}

static void *cjson_counted_malloc(size_t n)
{
    return __wrap_malloc(n);
}

static void cjson_counted_free(void *p)
{
    __wrap_free(p);
}

void bench_alloc_cjson_hooks(int install)
{
    cJSON_Hooks hooks = {cjson_counted_malloc, cjson_counted_free};
    /* NULL restores libc malloc/free and with them cJSON's realloc fast path */
    cJSON_InitHooks(install ? &hooks : NULL);
}
