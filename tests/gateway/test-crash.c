/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Power cuts under load: crash-driver submits applications through the
 * real submitter while this harness kills it with SIGKILL at random
 * moments and starts it again, until TARGET applications are through
 * (EMITRA_CRASH_APPLICATIONS, 200 by default). The sandbox drops some
 * replies after committing, the double-charge trap, on top. Afterwards
 * every transaction the gateway holds is exactly one receipt at the desk,
 * none is missing or doubled, and the receipt chain verifies.
 */
#include "config.h"

#include <signal.h>

#include "client-sync.h"

#include "emitra-desk-schema.h"
#include "emitra-receipt-store.h"

static char *
driver_path (void)
{
  return g_build_filename (g_getenv ("EMITRA_BUILD_ROOT"), "tests", "gateway", "crash-driver", NULL);
}

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
  guint             timeout_id;
  guint             delay_ms;
  gboolean          killed;
  gboolean          read_done;
} Run;

static gboolean
on_kill_timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  run->timeout_id = 0;
  run->killed = TRUE;
  g_subprocess_send_signal (run->process, SIGKILL);
  return G_SOURCE_REMOVE;
}

/* Most runs are cut short a random moment after the driver is ready
 * (signed in, recovery done), so kills land inside submissions however
 * slowly the process starts (sanitizers slow it down tenfold). */
static void
on_driver_line_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, NULL);

  if (line == NULL)
    {
      run->read_done = TRUE;
      return;
    }
  if (g_str_equal (line, "ready") && run->timeout_id == 0 && !run->killed)
    run->timeout_id = g_timeout_add (run->delay_ms, on_kill_timeout_cb, run);
  g_data_input_stream_read_line_async (run->output, G_PRIORITY_DEFAULT, NULL, on_driver_line_cb, run);
}

static void
on_driver_exited_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static GPtrArray *
column_strings (EmitraDatabase *database, const char *sql)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = emitra_database_prepare (database, sql, NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return values;
}

static void
test_crash_consistency (void)
{
  const char *extra[] = { "--drop-after-commit=0.1", NULL };
  SandboxFixture *sandbox = sandbox_start (extra);
  g_autofree char *service = NULL;
  g_autofree char *driver = driver_path ();
  g_autofree char *target_text = NULL;
  g_autofree char *fee_text = NULL;
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "desk.db", NULL);
  const char *env_target = g_getenv ("EMITRA_CRASH_APPLICATIONS");
  gint64 target = env_target != NULL ? g_ascii_strtoll (env_target, NULL, 10) : 200;
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) g_test_rand_int ());
  guint runs = 0, kills = 0;
  gint64 fee = 0;
  gboolean finished = FALSE;

  service = sandbox_pick_fee_service (sandbox, &fee);
  /* Enough for every application: a refusal would not test the crash. */
  sandbox_set_balance (sandbox, (gint64) 100000000000);
  target_text = g_strdup_printf ("%" G_GINT64_FORMAT, target);
  fee_text = g_strdup_printf ("%" G_GINT64_FORMAT, fee);

  while (!finished && runs < 5000)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      gboolean exited = FALSE;
      Run run = { 0 };

      g_subprocess_launcher_setenv (launcher, "EMITRA_DATA_DIR", g_get_user_data_dir (), TRUE);
      /* The isolated test directories hold no desktop proxy settings. */
      g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
      process = g_subprocess_launcher_spawn (launcher, &error, driver, sandbox->base_uri,
                                             target_text, service, fee_text, NULL);
      g_assert_no_error (error);
      runs++;

      /* Every run is cut short: one in five at a random moment of start-up
       * or recovery, the others a random moment into their submissions.
       * Each gets some work done, and the last finishes before its moment. */
      run.process = process;
      run.delay_ms = g_rand_int_range (rand, 5, 100);
      run.output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      if (g_rand_int_range (rand, 0, 5) == 0)
        run.timeout_id = g_timeout_add (run.delay_ms, on_kill_timeout_cb, &run);
      g_data_input_stream_read_line_async (run.output, G_PRIORITY_DEFAULT, NULL, on_driver_line_cb, &run);
      g_subprocess_wait_async (process, NULL, on_driver_exited_cb, &exited);
      while (!exited)
        g_main_context_iteration (NULL, TRUE);
      g_clear_handle_id (&run.timeout_id, g_source_remove);
      /* The pending read sees the end of the stream before run goes. */
      while (!run.read_done)
        g_main_context_iteration (NULL, TRUE);
      g_clear_object (&run.output);
      if (run.killed)
        kills++;
      else
        g_assert_true (g_subprocess_get_if_exited (process));

      finished = g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
    }
  g_assert_true (finished);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EmitraDatabase) database = emitra_desk_database_open (db_path, &error);
    g_autoptr(EmitraReceiptStore) store = NULL;
    g_autoptr(EmitraChainReport) report = NULL;
    g_autoptr(GPtrArray) receipt_txns = NULL;
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
    gint64 gateway_txns = sandbox_stat (sandbox, "transactions");

    g_assert_no_error (error);
    receipt_txns = column_strings (database,
                                   "SELECT coalesce(e.transaction_id, r.transaction_id) FROM receipts r"
                                   " LEFT JOIN receipt_status s ON s.receipt_id = r.id"
                                   " LEFT JOIN receipt_events e ON e.receipt_id = r.id AND e.status = 'confirmed'"
                                   " WHERE coalesce (s.status, r.status) = 'confirmed'");

    g_test_message ("%u runs, %u killed, %" G_GINT64_FORMAT " transactions at the gateway, "
                    "%u confirmed receipts, %" G_GINT64_FORMAT " replies dropped after commit",
                    runs, kills, gateway_txns, receipt_txns->len, sandbox_stat (sandbox, "drops"));

    /* Every application is through: none left pending, none lost. */
    g_assert_cmpint (gateway_txns, ==, target);
    g_assert_cmpuint (receipt_txns->len, ==, (guint) target);
    for (guint i = 0; i < receipt_txns->len; i++)
      {
        const char *txn = g_ptr_array_index (receipt_txns, i);

        g_assert_nonnull (txn);
        g_assert_false (g_hash_table_contains (seen, txn));
        g_hash_table_add (seen, (gpointer) txn);
      }

    store = emitra_receipt_store_new (database);
    report = emitra_receipt_store_verify (store, &error);
    g_assert_no_error (error);
    g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
  }

  sandbox_stop (sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crash/consistency", test_crash_consistency);

  return g_test_run ();
}
