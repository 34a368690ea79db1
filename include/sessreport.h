/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport.h
 * @brief Umbrella header: everything a client of the core library needs.
 *
 * The optional HTTP sender lives in `sessreport/http.h` (library
 * `sessreport_http`) and is not included here, so that the core keeps cJSON
 * as its only dependency.
 */
#ifndef SESSREPORT_H
#define SESSREPORT_H

#include "sessreport/common.h"
#include "sessreport/version.h"
#include "sessreport/error.h"
#include "sessreport/request.h"
#include "sessreport/json.h"
#include "sessreport/validate.h"
#include "sessreport/response.h"

#endif /* SESSREPORT_H */
