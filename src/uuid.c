/* SPDX-License-Identifier: MIT */
/* Random bytes from the kernel and UUID v4 Idempotency-Keys. */
#define _DEFAULT_SOURCE /* getrandom() in <sys/random.h> */

#include <errno.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/types.h>

#include "http_internal.h"

static int read_urandom(unsigned char *buf, size_t n)
{
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got;
    if (f == NULL)
        return 0;
    got = fread(buf, 1, n, f);
    fclose(f);
    return got == n;
}

sr_status sr__http_random_bytes(void *buf, size_t n)
{
    unsigned char *p = buf;
    size_t done = 0;
    while (done < n) {
        ssize_t got = getrandom(p + done, n - done, 0);
        if (got > 0) {
            done += (size_t)got;
            continue;
        }
        if (got < 0 && errno == EINTR)
            continue;
        /* ENOSYS (old kernels, some sandboxes): fall back to the device. */
        return read_urandom(p + done, n - done) ? SR_OK : SR_ERR_NOMEM;
    }
    return SR_OK;
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
