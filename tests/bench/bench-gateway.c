/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gateway over loopback, client and emitra-sandbox end to end:
 *   gateway.catalog_fetch  the full catalog fetched and parsed (median)
 *   gateway.catalog_304    an unchanged refresh (median)
 *   gateway.create_1000    1,000 sequential creates on one keep-alive
 *                          connection, each journalled durably by the
 *                          client before it is sent and marked done after,
 *                          and committed durably by the sandbox
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench.h"
#include "client-sync.h"
#include "emitra-database.h"
#include "emitra-json.h"

#define FETCHES  20
#define CREATES  1000

static guint new_connections;

static void
on_network_event_cb (SoupMessage        *msg,
                     GSocketClientEvent  event,
                     GIOStream          *connection,
                     gpointer            user_data)
{
  if (event == G_SOCKET_CLIENT_CONNECTED)
    new_connections++;
}

static void
on_request_queued_cb (SoupSession *session,
                      SoupMessage *msg,
                      gpointer     user_data)
{
  g_signal_connect (msg, "network-event", G_CALLBACK (on_network_event_cb), NULL);
}

static gboolean
bench_catalog (EmitraGatewayClient *client)
{
  double fetch[FETCHES], unchanged[FETCHES];
  g_autofree char *etag = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i <= FETCHES; i++)
    {
      g_autoptr(GBytes) catalog = NULL;
      g_autoptr(GError) error = NULL;
      double start = bench_now_us ();

      g_clear_pointer (&etag, g_free);
      g_assert_true (sync_fetch_catalog (client, NULL, &catalog, &etag, &error));
      g_assert_no_error (error);
      g_assert_nonnull (catalog);
      /* The first fetch opens the connection; measure the steady state. */
      if (i > 0)
        fetch[i - 1] = (bench_now_us () - start) / 1000.0;
    }

  for (guint i = 0; i < FETCHES; i++)
    {
      g_autoptr(GBytes) catalog = NULL;
      g_autofree char *same = NULL;
      g_autoptr(GError) error = NULL;
      double start = bench_now_us ();

      g_assert_true (sync_fetch_catalog (client, etag, &catalog, &same, &error));
      g_assert_no_error (error);
      g_assert_null (catalog);
      unchanged[i] = (bench_now_us () - start) / 1000.0;
    }

  ok &= bench_report ("gateway.catalog_fetch", bench_percentile (fetch, FETCHES, 50), "ms", 50);
  ok &= bench_report ("gateway.catalog_304", bench_percentile (unchanged, FETCHES, 50), "ms", 5);
  return ok;
}

static const EmitraMigration journal_schema[] = {
  { "journal", "CREATE TABLE journal (request_id TEXT PRIMARY KEY, body TEXT NOT NULL,"
               " state TEXT NOT NULL, transaction_id TEXT);" },
};

static gboolean
bench_creates (SandboxFixture      *fixture,
               EmitraGatewayClient *client)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "journal.db", NULL);
  g_autoptr(EmitraDatabase) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *service = NULL;
  sqlite3_stmt *insert, *confirm;
  guint connections_before;
  gint64 fee = 0;
  double start, elapsed;

  journal = emitra_database_open (path, journal_schema, 1, EMITRA_DATABASE_FLAGS_DURABLE, &error);
  g_assert_no_error (error);
  insert = emitra_database_prepare (journal, "INSERT INTO journal (request_id, body, state) VALUES (?, ?, 'pending')", &error);
  confirm = emitra_database_prepare (journal, "UPDATE journal SET state = 'confirmed', transaction_id = ? WHERE request_id = ?", &error);
  g_assert_no_error (error);

  service = sandbox_pick_fee_service (fixture, &fee);
  sandbox_set_balance (fixture, fee * CREATES);
  connections_before = new_connections;

  start = bench_now_us ();
  for (guint i = 0; i < CREATES; i++)
    {
      g_autofree char *request_id = test_request_id ();
      g_autoptr(JsonObject) request = emitra_gateway_transaction_request_new (request_id, service, NULL, NULL, NULL, -1);
      g_autofree char *body = emitra_json_object_to_string (request);
      g_autoptr(EmitraTransaction) transaction = NULL;

      /* Journal first: on disk before the network call. */
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, request_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, body, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);

      transaction = sync_submit (client, request, &error);
      g_assert_no_error (error);

      sqlite3_reset (confirm);
      sqlite3_bind_text (confirm, 1, emitra_transaction_get_transaction_id (transaction), -1, SQLITE_STATIC);
      sqlite3_bind_text (confirm, 2, request_id, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (confirm), ==, SQLITE_DONE);
    }
  elapsed = (bench_now_us () - start) / G_USEC_PER_SEC;

  sqlite3_finalize (insert);
  sqlite3_finalize (confirm);
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, CREATES);
  /* One keep-alive connection: at most the one opened for the first create. */
  g_assert_cmpuint (new_connections - connections_before, <=, 1);

  return bench_report ("gateway.create_1000", elapsed, "s", 3);
}

int
main (int   argc,
      char *argv[])
{
  const char *sandbox_args[] = { "--quiet", NULL };
  g_autofree char *home = g_dir_make_tmp ("bench-gateway-XXXXXX", NULL);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(EmitraGatewayClient) client = NULL;
  g_autoptr(EmitraOperatorSession) operator_session = NULL;
  g_autoptr(GError) error = NULL;
  SandboxFixture *fixture;
  gboolean ok = TRUE;

  /* Keep the sandbox's and the journal's files out of the real data dir. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  fixture = sandbox_start (sandbox_args);
  client = test_client_new (fixture);
  session = g_object_ref (emitra_gateway_client_get_soup_session (client));
  g_signal_connect (session, "request-queued", G_CALLBACK (on_request_queued_cb), NULL);

  ok &= bench_catalog (client);

  operator_session = sync_sign_in (client, "anil.kumawat", "demo123", "K11000142", &error);
  g_assert_no_error (error);
  ok &= bench_creates (fixture, client);

  g_clear_object (&client);
  sandbox_stop (fixture);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (home);
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                     G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
    GFileInfo *info;

    while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autoptr(GFileInfo) owned = info;
        g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
        g_file_delete (child, NULL, NULL);
      }
    g_rmdir (home);
  }

  return ok ? 0 : 1;
}
