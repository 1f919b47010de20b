/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client against a sandbox that misbehaves on purpose: latency, 5xx,
 * the reply lost after the charge was committed, malformed, oversized and
 * trickled replies, switched on through the control endpoint and through
 * command-line flags. The promise under test: a read recovers or fails
 * with a clear error in time, and a transaction is charged exactly once.
 */
#include "config.h"

#include "client-sync.h"

#include "emitra-json.h"

#define START_BALANCE 5000000

static EmitraGatewayClient *
signed_in_client (SandboxFixture *fixture)
{
  EmitraGatewayClient *client = test_client_new (fixture);
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = sync_sign_in (client, "anil.kumawat", "demo123", "K11000142", &error);
  g_assert_no_error (error);
  return client;
}

static JsonObject *
new_request (SandboxFixture *fixture,
             gint64         *out_fee)
{
  g_autofree char *service = sandbox_pick_fee_service (fixture, out_fee);
  g_autofree char *request_id = test_request_id ();

  return emitra_gateway_transaction_request_new (request_id, service, NULL, NULL, NULL, -1);
}

static gint64
balance (EmitraGatewayClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraWallet) wallet = sync_get_wallet (client, &error);

  g_assert_no_error (error);
  return emitra_wallet_get_balance (wallet);
}

static void
test_latency_and_timeout (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture);
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  sandbox_set_faults (fixture, "{\"latency_ms\": 1500}");
  emitra_gateway_client_set_timeout (client, 200);
  emitra_gateway_client_set_retry (client, 2, 10);
  start = g_get_monotonic_time ();
  wallet = sync_get_wallet (client, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_TIMEOUT);
  g_assert_true (emitra_gateway_error_is_transient (error));
  /* Two attempts of 200 ms and a short backoff, not the gateway's 1.5 s. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1000 * G_TIME_SPAN_MILLISECOND);
  g_clear_error (&error);

  sandbox_set_faults (fixture, "{\"latency_ms\": 150}");
  emitra_gateway_client_set_timeout (client, 3000);
  start = g_get_monotonic_time ();
  wallet = sync_get_wallet (client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 150 * G_TIME_SPAN_MILLISECOND);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_server_errors (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture);
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fee = 0;

  /* Reads are retried through two 503s... */
  sandbox_set_faults (fixture, "{\"fail_next\": 2, \"fail_status\": 503}");
  wallet = sync_get_wallet (client, &error);
  g_assert_no_error (error);
  g_clear_object (&wallet);

  /* ...but give up after max-attempts, with the gateway's own words. */
  sandbox_set_faults (fixture, "{\"fail_next\": 10, \"fail_status\": 500}");
  emitra_gateway_client_set_retry (client, 3, 10);
  wallet = sync_get_wallet (client, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_SERVER);
  g_assert_cmpstr (emitra_gateway_error_get_gateway_code (error), ==, "INTERNAL");
  g_assert_cmpstr (error->message, ==, "The gateway failed to carry out the request.");
  g_clear_error (&error);

  /* A create is never repeated blindly: one 503, one error, no charge. */
  sandbox_set_faults (fixture, "{\"fail_next\": 1, \"path_prefix\": \"/v1/transactions\"}");
  request = new_request (fixture, &fee);
  transaction = sync_create (client, request, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, 0);

  /* Submit verifies (not found), then creates again with the same ID. */
  sandbox_set_faults (fixture, "{\"fail_next\": 1, \"path_prefix\": \"/v1/transactions\"}");
  transaction = sync_submit (client, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, 1);
  sandbox_set_faults (fixture, "{}");
  g_assert_cmpint (balance (client), ==, START_BALANCE - fee);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

/* The double-charge trap: the gateway commits the charge and the reply
 * never arrives. The desk must end with the one transaction there is. */
static void
test_drop_after_commit (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture);
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(EmitraTransaction) verified = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fee = 0;

  request = new_request (fixture, &fee);
  sandbox_set_faults (fixture, "{\"drop_after_commit_next\": 1}");
  transaction = sync_submit (client, request, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sandbox_stat (fixture, "drops"), ==, 1);
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, 1);
  /* The create reached the gateway once and its only reply was lost, so
   * the client can only have this transaction from its verify. */
  g_assert_cmpint (sandbox_stat (fixture, "creates"), ==, 1);
  g_assert_cmpint (sandbox_stat (fixture, "replays"), ==, 0);

  verified = sync_verify (client, json_object_get_string_member (request, "request_id"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_transaction_get_transaction_id (transaction), ==,
                   emitra_transaction_get_transaction_id (verified));
  g_assert_cmpint (balance (client), ==, START_BALANCE - fee);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_drop_rate_many (void)
{
  const char *args[] = { "--seed=7", NULL };
  SandboxFixture *fixture = sandbox_start (args);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture);
  g_autoptr(GError) error = NULL;
  gint64 fee = 0;
  const guint n = 12;

  sandbox_set_faults (fixture, "{\"drop_after_commit_rate\": 0.5}");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) request = new_request (fixture, &fee);
      g_autoptr(EmitraTransaction) transaction = sync_submit (client, request, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (emitra_transaction_get_request_id (transaction), ==,
                       json_object_get_string_member (request, "request_id"));
    }
  g_assert_cmpint (sandbox_stat (fixture, "drops"), >, 0);
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, n);
  g_assert_cmpint (balance (client), ==, START_BALANCE - (gint64) n * fee);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_malformed (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture);
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fee = 0;

  emitra_gateway_client_set_retry (client, 1, 10);
  sandbox_set_faults (fixture, "{\"malformed_next\": 1}");
  wallet = sync_get_wallet (client, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
  g_assert_true (g_str_has_prefix (error->message, "The gateway sent a reply that could not be read"));
  g_clear_error (&error);

  /* With retries, a read gets past one bad reply. */
  emitra_gateway_client_set_retry (client, 3, 10);
  sandbox_set_faults (fixture, "{\"malformed_next\": 1}");
  wallet = sync_get_wallet (client, &error);
  g_assert_no_error (error);

  /* A committed create whose reply is garbage is recovered by verify. */
  request = new_request (fixture, &fee);
  sandbox_set_faults (fixture, "{\"malformed_next\": 1, \"path_prefix\": \"/v1/transactions\"}");
  transaction = sync_submit (client, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, 1);
  g_assert_cmpint (sandbox_stat (fixture, "creates"), ==, 1);
  g_assert_cmpint (emitra_transaction_get_department_fee (transaction), ==, fee);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_oversized (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture);
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(GBytes) catalog = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  emitra_gateway_client_set_retry (client, 1, 10);
  sandbox_set_faults (fixture, "{\"oversized_next\": 1}");
  wallet = sync_get_wallet (client, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
  g_assert_cmpstr (error->message, ==, "The gateway sent a reply that is far too large.");
  g_clear_error (&error);

  /* Even the catalog, which may be large, has a limit. */
  sandbox_set_faults (fixture, "{\"oversized_next\": 1}");
  g_assert_false (sync_fetch_catalog (client, NULL, &catalog, &etag, &error));
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);

  sandbox_set_faults (fixture, "{}");
  wallet = sync_get_wallet (client, &error);
  g_assert_no_error (error);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_trickle (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture);
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* The wallet's 80-odd bytes at 16 bytes every 150 ms take most of a
   * second: past the deadline, though bytes keep arriving. */
  emitra_gateway_client_set_retry (client, 1, 10);
  emitra_gateway_client_set_timeout (client, 300);
  sandbox_set_faults (fixture, "{\"trickle_ms\": 150}");
  start = g_get_monotonic_time ();
  wallet = sync_get_wallet (client, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1000 * G_TIME_SPAN_MILLISECOND);
  g_clear_error (&error);

  /* A slow but steady reply within the deadline is read whole. */
  emitra_gateway_client_set_timeout (client, 5000);
  sandbox_set_faults (fixture, "{\"trickle_ms\": 1}");
  wallet = sync_get_wallet (client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_wallet_get_balance (wallet), ==, START_BALANCE);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_command_line_faults (void)
{
  const char *failing[] = { "--fail-rate=1.0", "--fail-status=500", "--latency-ms=100",
                            "--fault-path=/v1/wallet", NULL };
  const char *dropping[] = { "--drop-after-commit=1", NULL };
  SandboxFixture *fixture = sandbox_start (failing);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture);
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, fee = 0;

  emitra_gateway_client_set_retry (client, 2, 10);
  start = g_get_monotonic_time ();
  wallet = sync_get_wallet (client, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_SERVER);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * 100 * G_TIME_SPAN_MILLISECOND);
  g_clear_error (&error);
  g_clear_object (&client);
  sandbox_stop (fixture);

  fixture = sandbox_start (dropping);
  client = signed_in_client (fixture);
  request = new_request (fixture, &fee);
  transaction = sync_submit (client, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sandbox_stat (fixture, "drops"), ==, 1);
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, 1);
  g_assert_cmpint (balance (client), ==, START_BALANCE - fee);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_cancellation (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  sandbox_set_faults (fixture, "{\"latency_ms\": 3000}");
  start = g_get_monotonic_time ();
  emitra_gateway_client_get_wallet_async (client, cancellable, store_result_cb, &result);
  g_timeout_add_once (100, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  wait_for_result (&result);
  wallet = emitra_gateway_client_get_wallet_finish (client, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1000 * G_TIME_SPAN_MILLISECOND);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/gateway/faults/latency-and-timeout", test_latency_and_timeout);
  g_test_add_func ("/gateway/faults/server-errors", test_server_errors);
  g_test_add_func ("/gateway/faults/drop-after-commit", test_drop_after_commit);
  g_test_add_func ("/gateway/faults/drop-rate", test_drop_rate_many);
  g_test_add_func ("/gateway/faults/malformed", test_malformed);
  g_test_add_func ("/gateway/faults/oversized", test_oversized);
  g_test_add_func ("/gateway/faults/trickle", test_trickle);
  g_test_add_func ("/gateway/faults/command-line", test_command_line_faults);
  g_test_add_func ("/gateway/faults/cancellation", test_cancellation);

  return g_test_run ();
}
