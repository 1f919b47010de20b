/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SHA-256 (FIPS 180-4, section 6.2) for the offline unlock's password
 * verifier. GLib has SHA-256, but GChecksum allocates when copied (GHmac
 * copies its keyed state) and for every digest (it keeps a hex string of
 * it). PBKDF2 needs some hundred thousand HMACs per verifier; with an
 * allocation in each, the allocator set the pace: under the test suite's
 * AddressSanitizer settings a verifier took over a second with GHmac and
 * 0.6 s with reused GChecksums (which also hash the key's block again
 * every round), against 0.17 s here. This state lives in a struct copied
 * by assignment. It is checked against FIPS's examples and against
 * GChecksum over every length from 0 to 300 bytes
 * (tests/core/test-password-check.c).
 */
#include "config.h"

#include "emitra-sha256.h"

#include <string.h>

static const guint32 k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
compress (guint32       state[8],
          const guint8  block[EMITRA_SHA256_BLOCK_BYTES])
{
  guint32 w[64];
  guint32 a = state[0], b = state[1], c = state[2], d = state[3];
  guint32 e = state[4], f = state[5], g = state[6], h = state[7];

  for (guint t = 0; t < 16; t++)
    w[t] = (guint32) block[4 * t] << 24 | (guint32) block[4 * t + 1] << 16 |
           (guint32) block[4 * t + 2] << 8 | (guint32) block[4 * t + 3];
  for (guint t = 16; t < 64; t++)
    {
      guint32 s0 = ROTR (w[t - 15], 7) ^ ROTR (w[t - 15], 18) ^ (w[t - 15] >> 3);
      guint32 s1 = ROTR (w[t - 2], 17) ^ ROTR (w[t - 2], 19) ^ (w[t - 2] >> 10);

      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }

  for (guint t = 0; t < 64; t++)
    {
      guint32 t1 = h + (ROTR (e, 6) ^ ROTR (e, 11) ^ ROTR (e, 25)) + ((e & f) ^ (~e & g)) + k[t] + w[t];
      guint32 t2 = (ROTR (a, 2) ^ ROTR (a, 13) ^ ROTR (a, 22)) + ((a & b) ^ (a & c) ^ (b & c));

      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }

  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += h;
  explicit_bzero (w, sizeof w);
}

void
emitra_sha256_init (EmitraSha256 *self)
{
  static const guint32 initial[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };

  memcpy (self->state, initial, sizeof initial);
  self->fill = 0;
  self->length = 0;
}

void
emitra_sha256_update (EmitraSha256 *self,
                      const guint8 *data,
                      gsize         len)
{
  self->length += len;
  while (len > 0)
    {
      gsize take = MIN (len, sizeof self->block - self->fill);

      memcpy (self->block + self->fill, data, take);
      self->fill += take;
      data += take;
      len -= take;
      if (self->fill == sizeof self->block)
        {
          compress (self->state, self->block);
          self->fill = 0;
        }
    }
}

void
emitra_sha256_finish (EmitraSha256 *self,
                      guint8        out[EMITRA_SHA256_BYTES])
{
  guint64 bits = self->length * 8;

  /* The padding: a 1 bit, zeros, and the length in bits in the last
   * eight bytes of a block. */
  self->block[self->fill++] = 0x80;
  if (self->fill > sizeof self->block - 8)
    {
      memset (self->block + self->fill, 0, sizeof self->block - self->fill);
      compress (self->state, self->block);
      self->fill = 0;
    }
  memset (self->block + self->fill, 0, sizeof self->block - 8 - self->fill);
  for (guint i = 0; i < 8; i++)
    self->block[sizeof self->block - 1 - i] = (guint8) (bits >> (8 * i));
  compress (self->state, self->block);

  for (guint i = 0; i < 8; i++)
    {
      out[4 * i] = (guint8) (self->state[i] >> 24);
      out[4 * i + 1] = (guint8) (self->state[i] >> 16);
      out[4 * i + 2] = (guint8) (self->state[i] >> 8);
      out[4 * i + 3] = (guint8) self->state[i];
    }
  explicit_bzero (self, sizeof *self);
}
