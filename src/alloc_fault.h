/* SPDX-License-Identifier: MIT */
/* Test-only control of the allocation seam. These functions exist only in
 * the fault-injection build of the library (target sessreport_faulty,
 * compiled with SR_FAULT_INJECTION); the normal library has no such state.
 * The counters are thread-local, so each thread arms its own failures. */
#ifndef SESSREPORT_ALLOC_FAULT_H
#define SESSREPORT_ALLOC_FAULT_H

#include <stddef.h>

#ifdef SR_FAULT_INJECTION

/* Makes the n-th allocation from now fail (1 = the next one), once; every
 * other allocation succeeds. 0 disarms. Resets the allocation count. */
void sr__fault_arm(unsigned long n);
/* Allocations attempted (failed ones included) since the last arm. */
unsigned long sr__fault_allocations(void);
/* 1 when the armed failure has happened since the last arm. */
int sr__fault_fired(void);
/* Counts one allocation attempt; 1 when this one must fail. The seam calls
 * it, and so may a test's own allocators (e.g. the hooks it gives cJSON), so
 * that they share one counter. */
int sr__fault_tick(void);
/* Blocks obtained through the seam and not yet freed, on this thread. */
long sr__fault_live_blocks(void);

#endif /* SR_FAULT_INJECTION */

#endif /* SESSREPORT_ALLOC_FAULT_H */
