/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport/response.h
 * @brief Responses of the aggregated usage report endpoints (filled in by the
 *        responses work; see DESIGN section 7).
 */
#ifndef SESSREPORT_RESPONSE_H
#define SESSREPORT_RESPONSE_H

#include "sessreport/common.h"
#include "sessreport/error.h"

#endif /* SESSREPORT_RESPONSE_H */
