/* SPDX-License-Identifier: MIT */
/* URL policy of the sender (base and token URLs): https anywhere, plain http only to loopback,
 * parsed by libcurl's own URL parser so that the check and the transfer
 * agree on the host. */
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "http_internal.h"

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int equals_ignore_case(const char *a, const char *b)
{
    for (; *a != '\0' && *b != '\0'; a++, b++) {
        if (ascii_lower((unsigned char)*a) != ascii_lower((unsigned char)*b))
            return 0;
    }
    return *a == *b;
}

/* Reads a decimal octet 0..255 at *s (no sign, no leading zeros beyond
 * "0"); advances *s. -1 when there is none. */
static int read_octet(const char **s)
{
    int v = 0, digits = 0;
    const char *p = *s;
    while (*p >= '0' && *p <= '9' && digits < 4) {
        v = v * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (digits == 0 || digits > 3 || v > 255 || (digits > 1 && **s == '0'))
        return -1;
    *s = p;
    return v;
}

/* 127.0.0.0/8 written as four dotted decimal octets. */
static int is_ipv4_loopback(const char *host)
{
    const char *p = host;
    for (int i = 0; i < 4; i++) {
        int octet = read_octet(&p);
        if (octet < 0 || (i == 0 && octet != 127))
            return 0;
        if (i < 3 && *p++ != '.')
            return 0;
    }
    return *p == '\0';
}

static int is_loopback_host(const char *host)
{
    return equals_ignore_case(host, "localhost") || strcmp(host, "[::1]") == 0 ||
           strcmp(host, "::1") == 0 || is_ipv4_loopback(host);
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
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
        st = sr__http_error(err, SR_ERR_ARG,
                            "%s is not an absolute http(s) URL: expected "
                            "https://HOST[:PORT]/PATH",
                            what);
        goto cleanup;
    }
    if (!equals_ignore_case(scheme, "https") && !equals_ignore_case(scheme, "http")) {
        st = sr__http_error(err, SR_ERR_ARG, "%s scheme '%s' refused: expected https://", what,
                            scheme);
        goto cleanup;
    }
    if (has_part(u, CURLUPART_USER) || has_part(u, CURLUPART_PASSWORD)) {
        st = sr__http_error(err, SR_ERR_ARG, "%s must not carry credentials", what);
        goto cleanup;
    }
    if (has_part(u, CURLUPART_QUERY) || has_part(u, CURLUPART_FRAGMENT)) {
        st = sr__http_error(err, SR_ERR_ARG, "%s must not have a query or a fragment", what);
        goto cleanup;
    }
    if (equals_ignore_case(scheme, "http") && !is_loopback_host(host)) {
        st = sr__http_error(err, SR_ERR_ARG,
                            "%s: refusing plain http:// to non-loopback host '%s': the tokens "
                            "would travel unencrypted; use https:// (http:// is allowed only for "
                            "127.0.0.0/8, ::1 and localhost)",
                            what, host);
        goto cleanup;
    }
cleanup:
    curl_free(scheme);
    curl_free(host);
    curl_url_cleanup(u);
    return st;
}

char *sr__http_join_url(const char *base, const char *path)
{
    size_t base_len = strlen(base), path_len = strlen(path);
    char *url;
    while (base_len > 0 && base[base_len - 1] == '/')
        base_len--;
    url = malloc(base_len + path_len + 1);
    if (url == NULL)
        return NULL;
    memcpy(url, base, base_len);
    memcpy(url + base_len, path, path_len + 1);
    return url;
}
