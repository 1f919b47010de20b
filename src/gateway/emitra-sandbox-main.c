/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * emitra-sandbox: the reference e-Mitra gateway for training, development
 * and tests. It serves docs/api.md on 127.0.0.1 with its own SQLite file,
 * seeded from the project's data, and can inject faults. With --port 0 it
 * picks a free port; either way it prints the address it listens on as its
 * first line on standard output, so a test or ./run can read it.
 */
#include "config.h"

#include "emitra-sandbox.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static char *
default_data_dir (void)
{
  g_autofree char *source_catalog = g_build_filename (SOURCE_DATADIR, "catalog", "catalog.json", NULL);

  /* A build run from its tree uses the tree's data; an installed one its own. */
  if (g_file_test (source_catalog, G_FILE_TEST_EXISTS))
    return g_strdup (SOURCE_DATADIR);
  return g_strdup (PKGDATADIR);
}

int
main (int   argc,
      char *argv[])
{
  EmitraSandboxOptions options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraSandbox) sandbox = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *catalog_dir = NULL;
  g_autofree char *database = NULL;
  g_autofree char *seed_dir = NULL;
  g_autofree char *drop = NULL;
  g_autofree char *fault_path = NULL;
  g_autofree char *tls_certificate = NULL;
  g_autofree char *tls_key = NULL;
  int port = 8471;
  int session_ttl = 8 * 3600;
  int latency_ms = 0, fail_status = 503, trickle_ms = 0;
  gint64 seed = 1;
  double fail_rate = 0.0, malformed_rate = 0.0, oversized_rate = 0.0;
  gboolean demo = FALSE, no_control = FALSE, quiet = FALSE, fresh = FALSE, oversized = FALSE;
  guint bound;

  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0: any free port; default 8471)", "PORT" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "The project's data directory (catalog/, sandbox/)", "DIR" },
    { "catalog-dir", 0, 0, G_OPTION_ARG_FILENAME, &catalog_dir, "Serve catalog.json and masters.json from DIR", "DIR" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The sandbox's SQLite file", "FILE" },
    { "fresh", 0, 0, G_OPTION_ARG_NONE, &fresh, "Delete the SQLite file first and seed it anew", NULL },
    { "session-ttl", 0, 0, G_OPTION_ARG_INT, &session_ttl, "Sessions expire after SECONDS (default 8 hours)", "SECONDS" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, "Advance application statuses every 20 seconds", NULL },
    { "no-control", 0, 0, G_OPTION_ARG_NONE, &no_control, "Do not serve /v1/_control", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No log line per request", NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed for fault rates", "N" },
    { "latency-ms", 0, 0, G_OPTION_ARG_INT, &latency_ms, "Delay every request by MS", "MS" },
    { "fail-rate", 0, 0, G_OPTION_ARG_DOUBLE, &fail_rate, "Answer this share of requests with --fail-status", "RATE" },
    { "fail-status", 0, 0, G_OPTION_ARG_INT, &fail_status, "500 or 503 (default)", "STATUS" },
    { "drop-after-commit", 0, 0, G_OPTION_ARG_STRING, &drop, "Commit, then close without a reply: the next N creates/cancels, or a rate like 0.5", "N|RATE" },
    { "malformed-rate", 0, 0, G_OPTION_ARG_DOUBLE, &malformed_rate, "Cut this share of replies in half", "RATE" },
    { "oversized-rate", 0, 0, G_OPTION_ARG_DOUBLE, &oversized_rate, "Answer this share with a 32 MiB body", "RATE" },
    { "oversized", 0, 0, G_OPTION_ARG_NONE, &oversized, "Answer every request with a 32 MiB body", NULL },
    { "trickle-ms", 0, 0, G_OPTION_ARG_INT, &trickle_ms, "Send replies 16 bytes every MS", "MS" },
    { "fault-path", 0, 0, G_OPTION_ARG_STRING, &fault_path, "Inject faults only under this path prefix", "PREFIX" },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &tls_certificate, "Serve HTTPS with this PEM certificate", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, "The PEM private key of --tls-certificate", "FILE" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- the e-Mitra training gateway");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("emitra-sandbox: %s\n", error->message);
      return 2;
    }

  if (port < 0 || port > 65535 || session_ttl <= 0 || latency_ms < 0 || trickle_ms < 0 ||
      (fail_status != 500 && fail_status != 503) || fail_rate < 0 || fail_rate > 1 ||
      malformed_rate < 0 || malformed_rate > 1 || oversized_rate < 0 || oversized_rate > 1 ||
      (drop != NULL && !emitra_sandbox_faults_parse_count_or_rate (drop, &options.faults.drop_after_commit_next,
                                                                  &options.faults.drop_after_commit_rate)))
    {
      g_printerr ("emitra-sandbox: an option is out of range; see --help\n");
      return 2;
    }

  if (data_dir == NULL)
    data_dir = default_data_dir ();
  if (catalog_dir == NULL)
    catalog_dir = g_build_filename (data_dir, "catalog", NULL);
  seed_dir = g_build_filename (data_dir, "sandbox", NULL);
  if (database == NULL)
    database = g_build_filename (g_get_user_data_dir (), "emitra-sandbox", "sandbox.db", NULL);
  if (fresh)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *path = g_strconcat (database, suffixes[i], NULL);
          g_unlink (path);
        }
    }

  options.catalog_dir = catalog_dir;
  options.seed_dir = seed_dir;
  options.database_path = database;
  options.session_ttl = (guint) session_ttl;
  options.demo = demo;
  options.control = !no_control;
  options.quiet = quiet;
  options.seed = (guint32) seed;
  options.faults.latency_ms = (guint) latency_ms;
  options.faults.fail_rate = fail_rate;
  options.faults.fail_status = (guint) fail_status;
  options.faults.malformed_rate = malformed_rate;
  options.faults.oversized_rate = oversized ? 1.0 : oversized_rate;
  options.faults.trickle_ms = (guint) trickle_ms;
  options.faults.path_prefix = fault_path;
  options.tls_certificate = tls_certificate;
  options.tls_key = tls_key;

  sandbox = emitra_sandbox_new (&options, &error);
  if (sandbox == NULL)
    {
      g_printerr ("emitra-sandbox: %s\n", error->message);
      return 1;
    }
  bound = emitra_sandbox_listen (sandbox, (guint) port, &error);
  if (bound == 0)
    {
      g_printerr ("emitra-sandbox: cannot listen on 127.0.0.1:%d: %s\n", port, error->message);
      return 1;
    }

  printf ("emitra-sandbox listening on %s://127.0.0.1:%u (training mode)\n",
          emitra_sandbox_is_https (sandbox) ? "https" : "http", bound);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);

  /* Shut down in order, so every connection is released before the
   * process ends: first let connections that clients were closing as the
   * signal came finish closing, then close the rest with the server, and
   * run the idle callbacks that completes in. */
  g_timeout_add_once (100, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);
  g_clear_object (&sandbox);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return 0;
}
