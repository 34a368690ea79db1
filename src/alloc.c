/* SPDX-License-Identifier: MIT */
/* The allocation seam: every allocation of the library passes through here,
 * and the fault-injection build can make any one of them fail. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "alloc_fault.h"

#ifdef SR_FAULT_INJECTION
/* Test-only state, compiled into sessreport_faulty alone. Thread-local so
 * that concurrent tests do not disturb each other's counts. */
static _Thread_local unsigned long fault_at;   /* 0 = never fail */
static _Thread_local unsigned long fault_seen; /* attempts since arming */
static _Thread_local int fault_has_fired;
static _Thread_local long fault_live; /* seam blocks not yet freed */

void sr__fault_arm(unsigned long n)
{
    fault_at = n;
    fault_seen = 0;
    fault_has_fired = 0;
}

unsigned long sr__fault_allocations(void)
{
    return fault_seen;
}

int sr__fault_fired(void)
{
    return fault_has_fired;
}

int sr__fault_tick(void)
{
    /* never fires when disarmed (0): the count is at least 1 here */
    int fire = ++fault_seen == fault_at;
    fault_has_fired |= fire;
    return fire;
}

long sr__fault_live_blocks(void)
{
    return fault_live;
}
#endif

/* Whether this allocation must fail: never in the normal library. */
static int fault_fails(void)
{
#ifdef SR_FAULT_INJECTION
    return sr__fault_tick();
#else
    return 0;
#endif
}

/* Counts seam blocks (delta +1 for a new one, -1 for a freed one) so the
 * fault-injection build can find leaks; the normal library keeps no count. */
static void count_block(const void *p, long delta)
{
#ifdef SR_FAULT_INJECTION
    if (p != NULL)
        fault_live += delta;
#else
    (void)p;
    (void)delta;
#endif
}

/* malloc(0) may return NULL, which callers would take for exhaustion. */
static size_t at_least_one(size_t n)
{
    return n == 0 ? 1 : n;
}

void *sr__malloc(size_t n)
{
    if (fault_fails())
        return NULL;
    void *p = malloc(at_least_one(n));
    count_block(p, 1);
    return p;
}

void *sr__calloc(size_t count, size_t size)
{
    if (fault_fails())
        return NULL;
    void *p = calloc(at_least_one(count), at_least_one(size));
    count_block(p, 1);
    return p;
}

void *sr__realloc(void *p, size_t n)
{
    if (fault_fails())
        return NULL; /* like realloc: p stays valid and owned by the caller */
    void *q = realloc(p, at_least_one(n));
    if (p == NULL)
        count_block(q, 1);
    return q;
}

void sr__free(void *p)
{
    count_block(p, -1);
    free(p);
}

void sr_free(void *p)
{
    sr__free(p);
}

char *sr__strndup(const char *s, size_t n)
{
    if (n == (size_t)-1)
        return NULL;
    char *copy = sr__malloc(n + 1);
    if (copy == NULL)
        return NULL;
    if (n > 0)
        memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

/* cap doubled (from 8) until it holds need; 0 on overflow. */
static size_t grow_capacity(size_t cap, size_t need)
{
    size_t next = cap < 8 ? 8 : cap;
    while (next < need) {
        if (next > (size_t)-1 / 2)
            return 0;
        next *= 2;
    }
    return next;
}

void *sr__grow_array(void *items, size_t *cap, size_t need, size_t size)
{
    size_t next = grow_capacity(*cap, need);
    void *grown = next != 0 && next <= (size_t)-1 / size ? sr__realloc(items, next * size) : NULL;
    if (grown != NULL)
        *cap = next;
    return grown;
}
