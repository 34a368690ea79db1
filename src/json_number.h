/* SPDX-License-Identifier: MIT */
/* Exact integers from the text of a JSON number, never through a double. */
#ifndef SESSREPORT_JSON_NUMBER_H
#define SESSREPORT_JSON_NUMBER_H

#include <stddef.h>
#include <stdint.h>

#include "sessreport/error.h"

/* Reads raw[0..len), a number the scanner has already checked against the
 * RFC 8259 grammar, as a count: its exact value must be a whole number in
 * 0..INT64_MAX, however it is written (1.0, 1e3 and -0 qualify; 1.5, 15e-1
 * and -1 do not). SR_OK with *out set, or SR_ERR_RANGE with *why set to a
 * short static phrase ("is negative", "is not a whole number", "exceeds
 * 9223372036854775807", "is not a number") and *out untouched. */
sr_status sr__json_number_to_int64(const char *raw, size_t len, int64_t *out, const char **why);

#endif /* SESSREPORT_JSON_NUMBER_H */
