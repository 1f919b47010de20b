/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-password-check.h"

G_BEGIN_DECLS

/* For the unit test: the derivation against published vectors, the
 * comparison, and what a verifier holds. */
void          _emitra_password_check_pbkdf2      (const guint8        *password,
                                                  gsize                password_len,
                                                  const guint8        *salt,
                                                  gsize                salt_len,
                                                  guint                iterations,
                                                  guint8               out[EMITRA_PASSWORD_CHECK_DIGEST_BYTES]);
gboolean      _emitra_password_check_bytes_equal (const guint8        *a,
                                                  const guint8        *b,
                                                  gsize                len);
const guint8 *_emitra_password_check_get_salt    (EmitraPasswordCheck *self);
const guint8 *_emitra_password_check_get_digest  (EmitraPasswordCheck *self);

G_END_DECLS
