/* SPDX-License-Identifier: MIT */
/* URL policy of the sender (base and token URLs): https anywhere, plain http only to loopback,
 * parsed by libcurl's own URL parser so that the check and the transfer
 * agree on the host. libcurl lowercases the scheme and normalises an IP
 * address (127.1 and 0x7f.0.0.1 become 127.0.0.1, [0::1] becomes [::1]). */
#define _POSIX_C_SOURCE 200809L /* inet_pton, strcasecmp */

#include <arpa/inet.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "http_internal.h"

static int is_loopback_host(const char *host)
{
    unsigned char ipv4[4];
    if (strcasecmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
        return 1;
    return inet_pton(AF_INET, host, ipv4) == 1 && ipv4[0] == 127; /* 127.0.0.0/8 */
}

/* 1 when the URL has the given part (user, password, query, fragment). */
static int has_part(CURLU *u, CURLUPart part)
{
    char *value = NULL;
    CURLUcode rc = curl_url_get(u, part, &value, 0);
    curl_free(value);
    return rc == CURLUE_OK;
}

sr_status sr__http_check_url(const char *url, const char *what, sr_error *err)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL;
    sr_status st = SR_OK;

    if (u == NULL)
        return sr__http_error(err, SR_ERR_NOMEM, "out of memory");
    if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
        st = sr__http_error(err, SR_ERR_ARG,
                            "%s is not an absolute http(s) URL: expected "
                            "https://HOST[:PORT]/PATH",
                            what);
    else if (strcmp(scheme, "https") != 0 && strcmp(scheme, "http") != 0)
        st = sr__http_error(err, SR_ERR_ARG, "%s scheme '%s' refused: expected https://", what,
                            scheme);
    else if (has_part(u, CURLUPART_USER) || has_part(u, CURLUPART_PASSWORD))
        st = sr__http_error(err, SR_ERR_ARG, "%s must not carry credentials", what);
    else if (has_part(u, CURLUPART_QUERY) || has_part(u, CURLUPART_FRAGMENT))
        st = sr__http_error(err, SR_ERR_ARG, "%s must not have a query or a fragment", what);
    else if (strcmp(scheme, "http") == 0 && !is_loopback_host(host))
        st = sr__http_error(err, SR_ERR_ARG,
                            "%s: refusing plain http:// to non-loopback host '%s': the tokens "
                            "would travel unencrypted; use https:// (http:// is allowed only for "
                            "127.0.0.0/8, ::1 and localhost)",
                            what, host);
    curl_free(scheme);
    curl_free(host);
    curl_url_cleanup(u);
    return st;
}
