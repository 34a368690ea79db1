/* SPDX-License-Identifier: MIT */
/* Issue 15 item 4's document, shared by the printing suites. */
#ifndef SESSREPORT_TESTS_AMPLIFY_H
#define SESSREPORT_TESTS_AMPLIFY_H

#include <stddef.h>

/* A request of about 1 MB whose unknown member "x" holds 1000 arrays nested
 * 510 deep: its pretty form would be 524 MB (one indented line a level).
 * Returns a malloc'ed text of *len bytes (not NUL-terminated), or NULL. */
char *sr_test_amplifying_document(size_t *len);

#endif /* SESSREPORT_TESTS_AMPLIFY_H */
