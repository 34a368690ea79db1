/* SPDX-License-Identifier: MIT */
/* The seed request of docs/design.md section 1, shared by the test suites: as
 * text (pretty exactly as docs/design.md shows it, and compact) and built
 * through the public setters. test_json_encode checks all three against
 * each other and against docs/design.md. */
#ifndef SESSREPORT_TESTS_SEED_H
#define SESSREPORT_TESTS_SEED_H

#include <sessreport.h>

/* The seed as session_report_request_to_json writes it with SR_JSON_PRETTY. */
#define SR_TEST_SEED_JSON                                                                          \
    "{\n"                                                                                          \
    "  \"accountNumber\": \"0844021539-00001\",\n"                                                 \
    "  \"startDate\": \"2022-12-09T22:01:06.217Z\",\n"                                             \
    "  \"endDate\": \"2022-12-09T22:01:08.734Z\",\n"                                               \
    "  \"imei\": [\n"                                                                              \
    "    \"709312034493372\"\n"                                                                    \
    "  ],\n"                                                                                       \
    "  \"deviceGroup\": \"deviceGroup4\",\n"                                                       \
    "  \"dataPlan\": \"dataPlan2\",\n"                                                             \
    "  \"noSessionFlag\": \"false\",\n"                                                            \
    "  \"deviceLabel\": \"deviceLabel4\"\n"                                                        \
    "}"

/* The seed as session_report_request_to_json writes it with flags 0. */
#define SR_TEST_SEED_COMPACT_JSON                                                                  \
    "{\"accountNumber\":\"0844021539-00001\",\"startDate\":\"2022-12-09T22:01:06.217Z\","          \
    "\"endDate\":\"2022-12-09T22:01:08.734Z\",\"imei\":[\"709312034493372\"],"                     \
    "\"deviceGroup\":\"deviceGroup4\",\"dataPlan\":\"dataPlan2\",\"noSessionFlag\":\"false\","     \
    "\"deviceLabel\":\"deviceLabel4\"}"

/* The seed built through the public setters, in an order unlike the
 * output's (so that encoding it shows the field order comes from the
 * encoder). NULL when any step does not return SR_OK, after a line on
 * stderr naming it. Ownership: the caller frees it with
 * session_report_request_free. */
session_report_request *sr_test_seed_request(void);

#endif /* SESSREPORT_TESTS_SEED_H */
