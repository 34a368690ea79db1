/* SPDX-License-Identifier: MIT */
/* Random bytes from the kernel and UUID v4 Idempotency-Keys. */
#define _DEFAULT_SOURCE /* getrandom() in <sys/random.h> */

#include <stdio.h>
#include <sys/random.h>
#include <sys/types.h>

#include "http_internal.h"

sr_status sr__http_random_bytes(void *buf, size_t n)
{
    FILE *f;
    size_t got;
    /* Up to 256 bytes, getrandom() gives them all in one call. */
    if (n <= 256 && getrandom(buf, n, 0) == (ssize_t)n)
        return SR_OK;
    /* ENOSYS (old kernels, some sandboxes), or EINTR: the device. */
    f = fopen("/dev/urandom", "rb");
    if (f == NULL)
        return SR_ERR_NOMEM;
    got = fread(buf, 1, n, f);
    fclose(f);
    return got == n ? SR_OK : SR_ERR_NOMEM;
}

sr_status sr__http_uuid_v4(char out[SR__UUID_TEXT_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char b[16];
    size_t n = 0;
    if (sr__http_random_bytes(b, sizeof b) != SR_OK)
        return SR_ERR_NOMEM;
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80); /* RFC 9562 variant */
    for (size_t i = 0; i < sizeof b; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[n++] = '-';
        out[n++] = hex[b[i] >> 4];
        out[n++] = hex[b[i] & 0x0F];
    }
    out[n] = '\0';
    return SR_OK;
}
