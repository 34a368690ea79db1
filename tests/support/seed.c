/* SPDX-License-Identifier: MIT */
/* The seed request of docs/design.md, built through the public setters. */
#include <stdio.h>

#include "seed.h"

/* Reports a failed step; 1 when st is SR_OK. */
static int step_ok(sr_status st, const char *step)
{
    if (st == SR_OK)
        return 1;
    fprintf(stderr, "sr_test_seed_request: %s returned %s\n", step, sr_status_name(st));
    return 0;
}

session_report_request *sr_test_seed_request(void)
{
    session_report_request *r = session_report_request_new();
    if (r == NULL) {
        fprintf(stderr, "sr_test_seed_request: session_report_request_new returned NULL\n");
        return NULL;
    }
    if (!step_ok(session_report_request_set_device_label(r, "deviceLabel4"), "set_device_label") ||
        !step_ok(session_report_request_set_no_session_flag(r, "false"), "set_no_session_flag") ||
        !step_ok(session_report_request_add_imei(r, "709312034493372"), "add_imei") ||
        !step_ok(session_report_request_set_data_plan(r, "dataPlan2"), "set_data_plan") ||
        !step_ok(session_report_request_set_device_group(r, "deviceGroup4"), "set_device_group") ||
        !step_ok(session_report_request_set_end_date(r, "2022-12-09T22:01:08.734Z"),
                 "set_end_date") ||
        !step_ok(session_report_request_set_start_date(r, "2022-12-09T22:01:06.217Z"),
                 "set_start_date") ||
        !step_ok(session_report_request_set_account_number(r, "0844021539-00001"),
                 "set_account_number")) {
        session_report_request_free(r);
        return NULL;
    }
    return r;
}
