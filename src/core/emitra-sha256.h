/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EMITRA_SHA256_BYTES       32
#define EMITRA_SHA256_BLOCK_BYTES 64

/* SHA-256 (FIPS 180-4) in a plain struct: copied by assignment, it keeps a
 * hash state without allocating, which PBKDF2's rounds need (see
 * emitra-sha256.c). For anything else, GLib's GChecksum. */
typedef struct
{
  guint32 state[8];
  guint8  block[EMITRA_SHA256_BLOCK_BYTES];
  gsize   fill;      /* bytes waiting in block */
  guint64 length;    /* bytes hashed in all */
} EmitraSha256;

void emitra_sha256_init   (EmitraSha256 *self);
void emitra_sha256_update (EmitraSha256 *self,
                           const guint8 *data,
                           gsize         len);
/* Writes the digest and wipes @self. */
void emitra_sha256_finish (EmitraSha256 *self,
                           guint8        out[EMITRA_SHA256_BYTES]);

G_END_DECLS
