/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offline unlock's password verifier: the hash and the derivation
 * match published SHA-256 and PBKDF2-HMAC-SHA256 vectors and GLib's own
 * SHA-256, the right password is accepted and near misses refused, two
 * verifiers of one password share nothing, the comparison looks at every
 * byte, and the async forms agree. Also the lock's wrong-password limit.
 */
#include "config.h"

#include <string.h>

#include "emitra-attempt-limit.h"
#include "emitra-password-check-private.h"
#include "emitra-sha256.h"
#include "sandbox-fixture.h"

typedef struct
{
  const char *password;
  const char *salt;
  guint       iterations;
  const char *hex;
} VectorCase;

/* RFC 7914 section 11 (the first 32 bytes of its 64), then some computed
 * with Python's hashlib.pbkdf2_hmac (OpenSSL): an empty password, a
 * Devanagari one over the bytes 0..15, and keys of 64 and 87 bytes. */
static const VectorCase vectors[] = {
  { "passwd", "salt", 1, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc" },
  { "Password", "NaCl", 80000, "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56" },
  { "", "salt", 2, "62384466264daadc4144018c6bd864648272b34da8980d31521ffcce92ae003b" },
  { "पासवर्ड१२३", NULL, 1000, "85b8f6f494747d60ec069c24957a1a79fd281e0d9400383e1fe816be3173409f" },
  /* A key of exactly one SHA-256 block, and a longer one, which HMAC
   * hashes first. */
  { "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "salt", 3,
    "0582d52c2133ec90a168409527adb1a18782d00151ca2939679a72dedca074b5" },
  { "correct horse battery staple correct horse battery staple correct horse battery staple ", "NaCl", 100,
    "7925dab8175c67d4ccace48ca167897975a5bb23ea626295cc4cc05106cf999a" },
};

static char *
to_hex (const guint8 *bytes,
        gsize         len)
{
  GString *hex = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

static void
test_pbkdf2_vectors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      const VectorCase *c = &vectors[i];
      guint8 counting[16];
      guint8 out[EMITRA_PASSWORD_CHECK_DIGEST_BYTES];
      g_autofree char *hex = NULL;

      for (guint j = 0; j < sizeof counting; j++)
        counting[j] = j;
      _emitra_password_check_pbkdf2 ((const guint8 *) c->password, strlen (c->password),
                                     c->salt != NULL ? (const guint8 *) c->salt : counting,
                                     c->salt != NULL ? strlen (c->salt) : sizeof counting,
                                     c->iterations, out);
      hex = to_hex (out, sizeof out);
      g_assert_cmpstr (hex, ==, c->hex);
    }
}

static char *
sha256_hex (const guint8 *data,
            gsize         len,
            gsize         piece)
{
  EmitraSha256 sha;
  guint8 out[EMITRA_SHA256_BYTES];

  emitra_sha256_init (&sha);
  for (gsize done = 0; done < len; done += MIN (piece, len - done))
    emitra_sha256_update (&sha, data + done, MIN (piece, len - done));
  emitra_sha256_finish (&sha, out);
  return to_hex (out, sizeof out);
}

/* FIPS 180-4's examples (one block, two blocks, a million "a"), then
 * GLib's GChecksum as the reference over every length from 0 to 300
 * bytes, across the padding's edges (55, 56, 63, 64 bytes...), fed in
 * pieces of 1, 7, 64 and all bytes. */
static void
test_sha256 (void)
{
  g_autofree guint8 *million = g_malloc (1000000);
  g_autofree char *abc = sha256_hex ((const guint8 *) "abc", 3, 3);
  g_autofree char *two = NULL;
  g_autofree char *a_million = NULL;
  static const char two_blocks[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  guint8 data[300];
  static const gsize pieces[] = { 1, 7, 64, G_MAXSIZE };

  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  two = sha256_hex ((const guint8 *) two_blocks, strlen (two_blocks), 13);
  g_assert_cmpstr (two, ==, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  memset (million, 'a', 1000000);
  a_million = sha256_hex (million, 1000000, 4096);
  g_assert_cmpstr (a_million, ==, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8) g_rand_int (rand);
  for (gsize len = 0; len <= sizeof data; len++)
    {
      g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);

      for (guint p = 0; p < G_N_ELEMENTS (pieces); p++)
        {
          g_autofree char *got = sha256_hex (data, len, pieces[p]);

          g_assert_cmpstr (got, ==, expected);
        }
    }
}

typedef struct
{
  const char *tried;
  gboolean    accepted;
} TryCase;

static void
test_right_and_wrong (void)
{
  static const TryCase tries[] = {
    { "demo123", TRUE },
    { "demo124", FALSE },   /* the last character */
    { "Demo123", FALSE },   /* the first, by case */
    { "demo12", FALSE },    /* a prefix */
    { "demo1234", FALSE },  /* longer */
    { "demo123 ", FALSE },  /* a trailing space */
    { "", FALSE },
    { "डेमो123", FALSE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraPasswordCheck) check = emitra_password_check_new ("demo123", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      g_autoptr(GError) verify_error = NULL;
      gboolean accepted = emitra_password_check_verify (check, tries[i].tried, &verify_error);

      g_assert_cmpint (accepted, ==, tries[i].accepted);
      if (accepted)
        g_assert_no_error (verify_error);
      else
        g_assert_error (verify_error, EMITRA_PASSWORD_CHECK_ERROR, EMITRA_PASSWORD_CHECK_ERROR_MISMATCH);
    }
}

/* Each verifier has its own salt, so the same password gives another
 * digest, and a verifier says nothing about another's password. */
static void
test_salts_differ (void)
{
  g_autoptr(EmitraPasswordCheck) a = emitra_password_check_new ("demo123", NULL);
  g_autoptr(EmitraPasswordCheck) b = emitra_password_check_new ("demo123", NULL);
  static const guint8 zeros[EMITRA_PASSWORD_CHECK_SALT_BYTES] = { 0 };
  static const guint8 one[1] = { 1 };
  g_autoptr(EmitraPasswordCheck) c = emitra_password_check_new_with_salt ("demo123", zeros, sizeof zeros, 10);
  g_autoptr(EmitraPasswordCheck) d = emitra_password_check_new_with_salt ("demo123", one, sizeof one, 10);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (memcmp (_emitra_password_check_get_salt (a), _emitra_password_check_get_salt (b),
                         EMITRA_PASSWORD_CHECK_SALT_BYTES) != 0);
  g_assert_true (memcmp (_emitra_password_check_get_salt (a), zeros, sizeof zeros) != 0);
  g_assert_true (memcmp (_emitra_password_check_get_digest (a), _emitra_password_check_get_digest (b),
                         EMITRA_PASSWORD_CHECK_DIGEST_BYTES) != 0);
  g_assert_true (memcmp (_emitra_password_check_get_digest (c), _emitra_password_check_get_digest (d),
                         EMITRA_PASSWORD_CHECK_DIGEST_BYTES) != 0);
  g_assert_true (emitra_password_check_verify (a, "demo123", NULL));
  g_assert_true (emitra_password_check_verify (b, "demo123", NULL));
  g_assert_true (emitra_password_check_verify (d, "demo123", NULL));
}

static void
test_bytes_equal (void)
{
  guint8 a[64];
  guint8 b[64];

  for (guint i = 0; i < sizeof a; i++)
    a[i] = b[i] = (guint8) (i * 37 + 11);
  g_assert_true (_emitra_password_check_bytes_equal (a, b, sizeof a));
  g_assert_true (_emitra_password_check_bytes_equal (a, b, 0));

  /* Every single bit of every byte is noticed. */
  for (guint i = 0; i < sizeof a; i++)
    for (guint bit = 0; bit < 8; bit++)
      {
        b[i] ^= 1u << bit;
        g_assert_false (_emitra_password_check_bytes_equal (a, b, sizeof a));
        b[i] ^= 1u << bit;
      }
  g_assert_true (_emitra_password_check_bytes_equal (a, b, sizeof a));
}

static gint64
fastest_compare (const guint8 *a,
                 const guint8 *b,
                 gsize         len)
{
  gint64 fastest = G_MAXINT64;

  for (guint run = 0; run < 15; run++)
    {
      gint64 start = g_get_monotonic_time ();
      gboolean equal = _emitra_password_check_bytes_equal (a, b, len);

      fastest = MIN (fastest, g_get_monotonic_time () - start);
      g_assert_cmpint (equal, ==, a[0] == b[0]);
    }
  return MAX (fastest, 1);
}

/* Two megabytes that differ in the first byte take as long to compare as
 * two that are the same: a comparison that stops at the first difference
 * (memcmp) is a thousand times faster there. The fastest of several runs
 * keeps a busy machine from deciding. */
static void
test_bytes_equal_constant_time (void)
{
  const gsize len = 2 * 1024 * 1024;
  g_autofree guint8 *a = g_malloc0 (len);
  g_autofree guint8 *b = g_malloc0 (len);
  gint64 same;
  gint64 differ_first;

  same = fastest_compare (a, b, len);
  b[0] = 1;
  differ_first = fastest_compare (a, b, len);
  g_test_message ("2 MiB compared in %" G_GINT64_FORMAT " µs equal, %" G_GINT64_FORMAT " µs differing first",
                  same, differ_first);
  g_assert_cmpint (differ_first * 2, >, same);
}

static void
test_async (void)
{
  GAsyncResult *result = NULL;
  g_autoptr(EmitraPasswordCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  emitra_password_check_new_async ("पासवर्ड१२३", NULL, store_result_cb, &result);
  check = emitra_password_check_new_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_clear_object (&result);
  g_test_message ("a verifier of %u rounds made in %.1f ms", EMITRA_PASSWORD_CHECK_ITERATIONS,
                  (g_get_monotonic_time () - start) / 1000.0);

  emitra_password_check_verify_async (check, "पासवर्ड१२३", NULL, store_result_cb, &result);
  g_assert_true (emitra_password_check_verify_finish (check, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  emitra_password_check_verify_async (check, "पासवर्ड१२", NULL, store_result_cb, &result);
  g_assert_false (emitra_password_check_verify_finish (check, wait_for_result (&result), &error));
  g_assert_error (error, EMITRA_PASSWORD_CHECK_ERROR, EMITRA_PASSWORD_CHECK_ERROR_MISMATCH);
  g_clear_object (&result);
}

#define SECOND G_USEC_PER_SEC

/* Five wrong in a row, then thirty seconds' wait, counted down; a right
 * one clears the count. */
static void
test_attempt_limit (void)
{
  g_autoptr(EmitraAttemptLimit) limit = emitra_attempt_limit_new (5, 30);
  gint64 now = 1000 * SECOND;

  for (guint i = 0; i < 4; i++)
    {
      emitra_attempt_limit_note_failure (limit, now);
      g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now), ==, 0);
    }
  /* A right one after four wrong: the count starts again. */
  emitra_attempt_limit_note_success (limit);
  for (guint i = 0; i < 4; i++)
    emitra_attempt_limit_note_failure (limit, now);
  g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now), ==, 0);

  emitra_attempt_limit_note_failure (limit, now);
  g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now), ==, 30);
  g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now + SECOND / 2), ==, 30);
  g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now + 29 * SECOND + 1), ==, 1);
  g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now + 30 * SECOND), ==, 0);

  /* After the wait, five more wrong ones mean another wait. */
  now += 31 * SECOND;
  for (guint i = 0; i < 4; i++)
    emitra_attempt_limit_note_failure (limit, now);
  g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now), ==, 0);
  emitra_attempt_limit_note_failure (limit, now);
  g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now), ==, 30);

  /* A wrong one let through during the wait never shortens it. */
  emitra_attempt_limit_note_failure (limit, now + SECOND);
  g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now + 29 * SECOND), ==, 1);

  emitra_attempt_limit_note_success (limit);
  g_assert_cmpuint (emitra_attempt_limit_get_wait (limit, now), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/password-check/sha256", test_sha256);
  g_test_add_func ("/password-check/pbkdf2-vectors", test_pbkdf2_vectors);
  g_test_add_func ("/password-check/right-and-wrong", test_right_and_wrong);
  g_test_add_func ("/password-check/salts-differ", test_salts_differ);
  g_test_add_func ("/password-check/bytes-equal", test_bytes_equal);
  g_test_add_func ("/password-check/bytes-equal-constant-time", test_bytes_equal_constant_time);
  g_test_add_func ("/password-check/async", test_async);
  g_test_add_func ("/password-check/attempt-limit", test_attempt_limit);

  return g_test_run ();
}
