/* SPDX-License-Identifier: MIT */
/* The responses from and to cJSON trees (sessreport/cjson.h). */
#include "response_common.h"
#include "sessreport/cjson.h"

sr_status sr_aggregate_report_from_cjson(const cJSON *object, const sr_parse_options *opts,
                                         sr_aggregate_report **out, sr_error *err)
{
    void *obj = NULL;
    sr_status st = sr__response_from_cjson(&sr__aggregate_report_type, object, opts,
                                           out != NULL ? &obj : NULL, err);
    if (out != NULL)
        *out = obj;
    return st;
}

sr_status sr_aggregate_report_to_cjson(const sr_aggregate_report *r, cJSON **out)
{
    return sr__response_to_cjson(&sr__aggregate_report_type, r, out);
}

sr_status sr_callback_result_from_cjson(const cJSON *object, const sr_parse_options *opts,
                                        sr_callback_result **out, sr_error *err)
{
    void *obj = NULL;
    sr_status st = sr__response_from_cjson(&sr__callback_result_type, object, opts,
                                           out != NULL ? &obj : NULL, err);
    if (out != NULL)
        *out = obj;
    return st;
}

sr_status sr_callback_result_to_cjson(const sr_callback_result *r, cJSON **out)
{
    return sr__response_to_cjson(&sr__callback_result_type, r, out);
}

sr_status sr_error_body_from_cjson(const cJSON *object, const sr_parse_options *opts,
                                   sr_error_body **out, sr_error *err)
{
    void *obj = NULL;
    sr_status st =
        sr__response_from_cjson(&sr__error_body_type, object, opts, out != NULL ? &obj : NULL, err);
    if (out != NULL)
        *out = obj;
    return st;
}

sr_status sr_error_body_to_cjson(const sr_error_body *b, cJSON **out)
{
    return sr__response_to_cjson(&sr__error_body_type, b, out);
}
