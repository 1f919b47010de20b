/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EMITRA_PASSWORD_CHECK_ERROR (emitra_password_check_error_quark ())

typedef enum {
  EMITRA_PASSWORD_CHECK_ERROR_MISMATCH,   /* not the password the verifier was made from */
  EMITRA_PASSWORD_CHECK_ERROR_NO_RANDOM,  /* the system gave no random bytes for a salt */
} EmitraPasswordCheckError;

#define EMITRA_PASSWORD_CHECK_SALT_BYTES   16
#define EMITRA_PASSWORD_CHECK_DIGEST_BYTES 32
/* PBKDF2-HMAC-SHA256 rounds: about 50 ms on the machine that builds the
 * desk (see emitra-password-check.c), so every guess costs as much. */
#define EMITRA_PASSWORD_CHECK_ITERATIONS   80000

#define EMITRA_TYPE_PASSWORD_CHECK (emitra_password_check_get_type ())

G_DECLARE_FINAL_TYPE (EmitraPasswordCheck, emitra_password_check, EMITRA, PASSWORD_CHECK, GObject)

/* A verifier of a password, kept in memory only: a random salt and the
 * password's slow salted hash, never the password itself. Immutable, so
 * it may be checked from any thread. Making one and checking a password
 * against it each take about 50 ms: the _async forms do it in a worker
 * thread. */

GQuark               emitra_password_check_error_quark   (void);

EmitraPasswordCheck *emitra_password_check_new           (const char           *password,
                                                          GError              **error);
EmitraPasswordCheck *emitra_password_check_new_with_salt (const char           *password,
                                                          const guint8         *salt,
                                                          gsize                 salt_len,
                                                          guint                 iterations);
void                 emitra_password_check_new_async     (const char           *password,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
EmitraPasswordCheck *emitra_password_check_new_finish    (GAsyncResult         *result,
                                                          GError              **error);

/* TRUE when @password is the one the verifier was made from; otherwise
 * FALSE with EMITRA_PASSWORD_CHECK_ERROR_MISMATCH. */
gboolean             emitra_password_check_verify        (EmitraPasswordCheck  *self,
                                                          const char           *password,
                                                          GError              **error);
void                 emitra_password_check_verify_async  (EmitraPasswordCheck  *self,
                                                          const char           *password,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             emitra_password_check_verify_finish (EmitraPasswordCheck  *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
