/* SPDX-License-Identifier: MIT */
/* The run-time version query: reports the version the library was built as. */
#include "sessreport/version.h"

const char *sr_version(void)
{
    return SESSREPORT_VERSION_STRING;
}
