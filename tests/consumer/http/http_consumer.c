/* SPDX-License-Identifier: MIT */
/* Consumer of the installed sender library: creating a client needs libcurl,
 * so this links only when the package brings CURL in for sessreport::http. */
#include <stdio.h>

#include <sessreport.h>
#include <sessreport/http.h>

int main(void)
{
    sr_http_options opts = {0};
    sr_http_client *client = NULL;
    sr_error err;

    opts.base_url = "http://127.0.0.1:9";
    opts.access_token = "consumer-access-token";
    opts.m2m_token = "consumer-m2m-token";
    if (sr_http_client_new(&opts, &client, &err) != SR_OK) {
        fprintf(stderr, "http_consumer: %s: %s\n", sr_status_name(err.code), err.message);
        return 1;
    }
    sr_http_client_free(client);
    printf("http_consumer: sessreport::http client created and freed\n");
    return 0;
}
