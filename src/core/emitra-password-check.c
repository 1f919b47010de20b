/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A password verifier for unlocking the desk while the gateway cannot be
 * reached. When an operator signs in, the gateway client makes one from
 * the password that worked: a random 16-byte salt (getrandom(), the
 * kernel's generator) and PBKDF2-HMAC-SHA256 (RFC 8018) of the password
 * over it. The desk's packages have no cryptographic library, and GLib's
 * GHmac allocates in every round (see emitra-sha256.c), so the HMAC is
 * built here on emitra-sha256.c. It lives in memory only: never written,
 * never logged, dropped at sign-out.
 *
 * The hash is slow on purpose. Someone who could read the desk's memory
 * would find the salt and the digest, and every guess at the password
 * then costs EMITRA_PASSWORD_CHECK_ITERATIONS rounds: 80,000, measured at
 * 48 ms on the 2-core machine that builds the desk. That is what an
 * unlock can spend, and less than the 600,000 rounds OWASP asks of a
 * stored password hash: a memory dump (by someone who already holds the
 * machine) costs work to turn into the password, not a lookup. The salt
 * means two verifiers of one password share nothing. The digests are
 * compared in constant time, so how long a refusal takes says nothing
 * about how close the guess was.
 */
#include "config.h"

#include "emitra-password-check-private.h"

#include "emitra-sha256.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <glib/gi18n-lib.h>

struct _EmitraPasswordCheck
{
  GObject parent_instance;

  guint   iterations;
  guint8  salt[EMITRA_PASSWORD_CHECK_SALT_BYTES];
  guint8  digest[EMITRA_PASSWORD_CHECK_DIGEST_BYTES];
};

G_DEFINE_FINAL_TYPE (EmitraPasswordCheck, emitra_password_check, G_TYPE_OBJECT)

G_DEFINE_QUARK (emitra-password-check-error-quark, emitra_password_check_error)

/* HMAC-SHA256 (RFC 2104) with the key's two padded blocks hashed once:
 * every round starts from a copy of those states. */
typedef struct
{
  EmitraSha256 inner;
  EmitraSha256 outer;
} Hmac;

static void
hmac_init (Hmac         *hmac,
           const guint8 *key,
           gsize         key_len)
{
  guint8 block[EMITRA_SHA256_BLOCK_BYTES] = { 0 };
  guint8 pad[EMITRA_SHA256_BLOCK_BYTES];

  if (key_len > sizeof block)
    {
      EmitraSha256 hashed;

      emitra_sha256_init (&hashed);
      emitra_sha256_update (&hashed, key, key_len);
      emitra_sha256_finish (&hashed, block);
    }
  else if (key_len > 0)
    memcpy (block, key, key_len);

  for (gsize i = 0; i < sizeof block; i++)
    pad[i] = block[i] ^ 0x36;
  emitra_sha256_init (&hmac->inner);
  emitra_sha256_update (&hmac->inner, pad, sizeof pad);
  for (gsize i = 0; i < sizeof block; i++)
    pad[i] = block[i] ^ 0x5c;
  emitra_sha256_init (&hmac->outer);
  emitra_sha256_update (&hmac->outer, pad, sizeof pad);
  explicit_bzero (block, sizeof block);
  explicit_bzero (pad, sizeof pad);
}

/* HMAC of @a followed by @b (@b may be empty); @out may be @a. */
static void
hmac_compute (const Hmac   *hmac,
              const guint8 *a,
              gsize         a_len,
              const guint8 *b,
              gsize         b_len,
              guint8        out[EMITRA_SHA256_BYTES])
{
  EmitraSha256 round = hmac->inner;
  guint8 inner[EMITRA_SHA256_BYTES];

  emitra_sha256_update (&round, a, a_len);
  emitra_sha256_update (&round, b, b_len);
  emitra_sha256_finish (&round, inner);
  round = hmac->outer;
  emitra_sha256_update (&round, inner, sizeof inner);
  emitra_sha256_finish (&round, out);
  explicit_bzero (inner, sizeof inner);
}

/* One block of PBKDF2 (RFC 8018, section 5.2): the digest is exactly one
 * SHA-256 output long, so T_1 is the whole key. */
void
_emitra_password_check_pbkdf2 (const guint8 *password,
                               gsize         password_len,
                               const guint8 *salt,
                               gsize         salt_len,
                               guint         iterations,
                               guint8        out[EMITRA_PASSWORD_CHECK_DIGEST_BYTES])
{
  static const guint8 block_index[4] = { 0, 0, 0, 1 };
  guint8 u[EMITRA_SHA256_BYTES];
  Hmac hmac;

  g_assert (iterations > 0);

  hmac_init (&hmac, password, password_len);
  hmac_compute (&hmac, salt, salt_len, block_index, sizeof block_index, u);
  memcpy (out, u, sizeof u);
  for (guint i = 1; i < iterations; i++)
    {
      hmac_compute (&hmac, u, sizeof u, NULL, 0, u);
      for (gsize j = 0; j < sizeof u; j++)
        out[j] ^= u[j];
    }
  explicit_bzero (&hmac, sizeof hmac);
  explicit_bzero (u, sizeof u);
}

/* Looks at every byte whatever it finds, and folds the differences
 * without a branch, so the time taken does not depend on where (or
 * whether) the two differ. */
gboolean
_emitra_password_check_bytes_equal (const guint8 *a,
                                    const guint8 *b,
                                    gsize         len)
{
  volatile guint8 difference = 0;

  for (gsize i = 0; i < len; i++)
    difference |= a[i] ^ b[i];
  return difference == 0;
}

const guint8 *
_emitra_password_check_get_salt (EmitraPasswordCheck *self)
{
  return self->salt;
}

const guint8 *
_emitra_password_check_get_digest (EmitraPasswordCheck *self)
{
  return self->digest;
}

/**
 * emitra_password_check_new_with_salt:
 * @salt: at most EMITRA_PASSWORD_CHECK_SALT_BYTES bytes (fewer are padded
 *   with zeros)
 *
 * A verifier with a chosen salt and number of rounds, for tests; the desk
 * uses emitra_password_check_new().
 */
EmitraPasswordCheck *
emitra_password_check_new_with_salt (const char   *password,
                                     const guint8 *salt,
                                     gsize         salt_len,
                                     guint         iterations)
{
  EmitraPasswordCheck *self;

  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (salt != NULL && salt_len <= EMITRA_PASSWORD_CHECK_SALT_BYTES, NULL);
  g_return_val_if_fail (iterations > 0, NULL);

  self = g_object_new (EMITRA_TYPE_PASSWORD_CHECK, NULL);
  self->iterations = iterations;
  memcpy (self->salt, salt, salt_len);
  _emitra_password_check_pbkdf2 ((const guint8 *) password, strlen (password), self->salt, sizeof self->salt,
                                 iterations, self->digest);
  return self;
}

/* A verifier with a fresh random salt and the full number of rounds.
 * Takes about 50 ms: call it from a worker thread, or use the _async form. */
EmitraPasswordCheck *
emitra_password_check_new (const char  *password,
                           GError     **error)
{
  guint8 salt[EMITRA_PASSWORD_CHECK_SALT_BYTES];
  gsize filled = 0;

  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  while (filled < sizeof salt)
    {
      ssize_t got = getrandom (salt + filled, sizeof salt - filled, 0);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          int saved_errno = errno;

          g_set_error (error, EMITRA_PASSWORD_CHECK_ERROR, EMITRA_PASSWORD_CHECK_ERROR_NO_RANDOM,
                       /* Translators: %s is the system's own explanation. */
                       _("The computer could not provide random numbers: %s"), g_strerror (saved_errno));
          return NULL;
        }
      filled += (gsize) got;
    }
  return emitra_password_check_new_with_salt (password, salt, sizeof salt, EMITRA_PASSWORD_CHECK_ITERATIONS);
}

gboolean
emitra_password_check_verify (EmitraPasswordCheck  *self,
                              const char           *password,
                              GError              **error)
{
  guint8 digest[EMITRA_PASSWORD_CHECK_DIGEST_BYTES];
  gboolean same;

  g_return_val_if_fail (EMITRA_IS_PASSWORD_CHECK (self), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _emitra_password_check_pbkdf2 ((const guint8 *) password, strlen (password), self->salt, sizeof self->salt,
                                 self->iterations, digest);
  same = _emitra_password_check_bytes_equal (digest, self->digest, sizeof digest);
  explicit_bzero (digest, sizeof digest);
  if (!same)
    g_set_error_literal (error, EMITRA_PASSWORD_CHECK_ERROR, EMITRA_PASSWORD_CHECK_ERROR_MISMATCH,
                         _("The password is not the one this operator signed in with."));
  return same;
}

/* ---- in a worker thread ------------------------------------------------- */

/* The task's copy of the password, wiped when the task lets go of it. */
static void
wipe_password (gpointer data)
{
  char *password = data;

  explicit_bzero (password, strlen (password));
  g_free (password);
}

static void
new_thread_cb (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  EmitraPasswordCheck *check = emitra_password_check_new (task_data, &error);

  if (check == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, check, g_object_unref);
}

void
emitra_password_check_new_async (const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_password_check_new_async);
  g_task_set_task_data (task, g_strdup (password), wipe_password);
  g_task_run_in_thread (task, new_thread_cb);
}

EmitraPasswordCheck *
emitra_password_check_new_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == emitra_password_check_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
verify_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (emitra_password_check_verify (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
emitra_password_check_verify_async (EmitraPasswordCheck *self,
                                    const char          *password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EMITRA_IS_PASSWORD_CHECK (self));
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_password_check_verify_async);
  g_task_set_task_data (task, g_strdup (password), wipe_password);
  g_task_run_in_thread (task, verify_thread_cb);
}

gboolean
emitra_password_check_verify_finish (EmitraPasswordCheck  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == emitra_password_check_verify_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the object --------------------------------------------------------- */

static void
emitra_password_check_finalize (GObject *object)
{
  EmitraPasswordCheck *self = EMITRA_PASSWORD_CHECK (object);

  explicit_bzero (self->salt, sizeof self->salt);
  explicit_bzero (self->digest, sizeof self->digest);

  G_OBJECT_CLASS (emitra_password_check_parent_class)->finalize (object);
}

static void
emitra_password_check_class_init (EmitraPasswordCheckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_password_check_finalize;
}

static void
emitra_password_check_init (EmitraPasswordCheck *self)
{
}
