/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Certificates are always verified. emitra-sandbox serves HTTPS on
 * loopback with a certificate from a test CA (tests/gateway/tls): the
 * client refuses it, trusts it once that CA is its CA file, and still
 * refuses it under an unrelated CA file.
 */
#include "config.h"

#include "client-sync.h"

static char *
tls_file (const char *name)
{
  return g_build_filename (g_getenv ("EMITRA_SOURCE_ROOT"), "tests", "gateway", "tls", name, NULL);
}

static void
test_certificates_verified (void)
{
  g_autofree char *certificate = tls_file ("server.pem");
  g_autofree char *key = tls_file ("server-key.pem");
  g_autofree char *ca = tls_file ("ca.pem");
  g_autofree char *other_ca = tls_file ("other-ca.pem");
  g_autofree char *certificate_arg = g_strconcat ("--tls-certificate=", certificate, NULL);
  g_autofree char *key_arg = g_strconcat ("--tls-key=", key, NULL);
  const char *args[] = { certificate_arg, key_arg, NULL };
  SandboxFixture *fixture = NULL;
  g_autoptr(EmitraGatewayClient) client = NULL;
  g_autoptr(GBytes) catalog = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  fixture = sandbox_start (args);
  g_assert_true (g_str_has_prefix (fixture->base_uri, "https://"));
  client = test_client_new (fixture);
  emitra_gateway_client_set_retry (client, 1, 10);

  /* An unknown CA: refused, whatever the gateway then says. */
  g_assert_false (sync_fetch_catalog (client, NULL, &catalog, &etag, &error));
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_TLS);
  g_assert_false (emitra_gateway_error_is_transient (error));
  g_clear_error (&error);

  /* A CA file that does not vouch for it changes nothing. */
  g_assert_true (emitra_gateway_client_set_ca_file (client, other_ca, &error));
  g_assert_no_error (error);
  g_assert_false (sync_fetch_catalog (client, NULL, &catalog, &etag, &error));
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_TLS);
  g_clear_error (&error);

  /* The private gateway's own CA: trusted. */
  g_assert_true (emitra_gateway_client_set_ca_file (client, ca, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_gateway_client_get_ca_file (client), ==, ca);
  g_assert_true (sync_fetch_catalog (client, NULL, &catalog, &etag, &error));
  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/gateway/tls/certificates-verified", test_certificates_verified);

  return g_test_run ();
}
