/* SPDX-License-Identifier: MIT */
/* Consumer of an installed sessreport: decodes, validates and re-encodes the
 * seed request through the public API only, so that the link needs cJSON;
 * and hands it over as a cJSON tree (sessreport/cjson.h), so that the
 * installed header and cJSON's own are found. */
#include <stdio.h>
#include <string.h>

#include <sessreport.h>
#include <sessreport/cjson.h>

static const char seed[] = "{\n"
                           "  \"accountNumber\": \"0844021539-00001\",\n"
                           "  \"startDate\": \"2022-12-09T22:01:06.217Z\",\n"
                           "  \"endDate\": \"2022-12-09T22:01:08.734Z\",\n"
                           "  \"imei\": [\n"
                           "    \"709312034493372\"\n"
                           "  ],\n"
                           "  \"deviceGroup\": \"deviceGroup4\",\n"
                           "  \"dataPlan\": \"dataPlan2\",\n"
                           "  \"noSessionFlag\": \"false\",\n"
                           "  \"deviceLabel\": \"deviceLabel4\"\n"
                           "}";

int main(void)
{
    session_report_request *req = NULL;
    sr_error err;
    char *json = NULL;
    size_t len = 0;
    int rc = 1;

    if (strcmp(sr_version(), SESSREPORT_VERSION_STRING) != 0) {
        fprintf(stderr, "consumer: header %s, library %s\n", SESSREPORT_VERSION_STRING,
                sr_version());
        return 1;
    }
    if (session_report_request_from_json(seed, sizeof seed - 1, NULL, &req, &err) != SR_OK) {
        fprintf(stderr, "consumer: %s: %s: %s\n", sr_status_name(err.code), err.path, err.message);
        return 1;
    }
    if (session_report_request_validate(req, NULL, &err, 1) != 0) {
        fprintf(stderr, "consumer: invalid: %s: %s\n", err.path, err.message);
        goto cleanup;
    }
    if (session_report_request_to_json(req, SR_JSON_PRETTY, &json, &len) != SR_OK) {
        fprintf(stderr, "consumer: to_json failed\n");
        goto cleanup;
    }
    if (len != sizeof seed - 1 || memcmp(json, seed, len) != 0) {
        fprintf(stderr, "consumer: round trip differs:\n%s\n", json);
        goto cleanup;
    }
    cJSON *tree = NULL;
    if (session_report_request_to_cjson(req, &tree) != SR_OK ||
        !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(tree, "accountNumber"))) {
        fprintf(stderr, "consumer: to_cjson failed\n");
        cJSON_Delete(tree);
        goto cleanup;
    }
    cJSON_Delete(tree);
    printf("consumer: sessreport %s round trip ok\n", sr_version());
    rc = 0;
cleanup:
    sr_free(json);
    session_report_request_free(req);
    return rc;
}
