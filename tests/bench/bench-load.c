/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A busy centre's year does not slow the desk down. Three desk databases
 * are generated in this run (bench-year.h):
 *
 *   year       1,000,000 receipts over the 365 days up to today (today
 *              ~2,740 of them), and 5,000 submissions queued in the outbox
 *              at the end of today
 *   first day  a new desk with the same today: its ~2,740 receipts and the
 *              same 5,000 queued, and no history
 *   empty      a new desk with nothing at all (printed, for reference)
 *
 * and the same work is timed on each, interleaved round by round so all
 * see the same machine, as medians; each figure is year / first day:
 *
 *   load.startup.ratio  the core of start-up, in-process: open the desk
 *                       (desk.db, its migrations check, the worker thread),
 *                       load the catalog (the bundled one, as on a new
 *                       desk), read the centre's service usage, the first
 *                       page (50) of today's receipts and the Drafts list
 *   load.search.ratio   the service usage read and set on the search, then
 *                       ten catalog queries
 *   load.lookup.ratio   one of today's receipts by number, then by its
 *                       citizen's mobile number
 *   load.report.ratio   today's day report
 *
 * The ratio's baseline is the first day, not the empty desk: against
 * nothing, a lookup finds nothing and a report adds nothing up, so the
 * ratio would measure today's work (which is the same on both desks,
 * 5,000 pending items in the report included), not the year's weight.
 * The empty desk's times are printed beside them.
 *
 *   load.outbox_drain_5000  the 5,000 queued submissions drained against
 *                       a live emitra-sandbox on loopback, from the main
 *                       loop as the desk runs it (gateway calls on the main
 *                       context, database work on the database's thread),
 *                       in seconds. Then every one must be confirmed at
 *                       both ends: the sandbox's own database file (read
 *                       after it stopped) holds 5,000 transactions for
 *                       their request IDs, and desk.db, reopened by a new
 *                       connection, 5,000 confirmed receipts and nothing
 *                       pending.
 *   load.outbox_drain_5000.late  meanwhile a 16 ms timer (a frame) on the
 *                       main loop: how late its worst tick came, in ms.
 *                       The window stays responsive if no frame waits
 *                       longer than 50 ms.
 *
 * Not part of ./test: `meson test -C _build --benchmark --suite bench load`
 * (the year takes a minute to generate; EMITRA_BENCH_KEEP=1 keeps it).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "../gateway/client-sync.h"
#include "../gateway/sandbox-fixture.h"
#include "bench-year.h"
#include "bench.h"
#include "emitra-catalog-store.h"
#include "emitra-desk.h"
#include "emitra-report.h"
#include "emitra-service-usage.h"
#include "emitra-submitter.h"

#define N_YEAR      1000000
#define N_DAYS      365
#define N_QUEUED    5000

/* EMITRA_BENCH_LOAD_SCALE=10 divides the year and the queue by ten: a
 * quick look while changing something, not the figure. */
static guint n_year = N_YEAR;
static guint n_queued = N_QUEUED;
#define ROUNDS      15
#define FIRST_PAGE  50

/* The queued submissions are for this catalog service (g2c, no fee). */
#define QUEUED_SERVICE "income-certificate"

typedef struct
{
  const char *name;
  char       *dir;
  char       *db_path;
  gint64      today_first;   /* receipt number of today's first receipt */
  gint64      today_count;
  gint64      queued;
  double      startup[ROUNDS];
  double      search[ROUNDS];
  double      lookup[ROUNDS];
  double      report[ROUNDS];
} Desk;

static const char *const queries[] = {
  "jati", "mool niwas", "बिजली", "income", "pension", "aay praman", "electricity bill", "patta", "birth",
  "jan aadhaar",
};

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static GHashTable *
load_usage (EmitraDatabase *database)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) usages = NULL;
  g_autoptr(GError) error = NULL;

  emitra_service_usage_load_async (database, NULL, store_cb, &result);
  usages = emitra_service_usage_load_finish (database, wait_for (&result), &error);
  g_assert_no_error (error);
  return emitra_service_usage_weights (usages, g_get_real_time () / G_USEC_PER_SEC);
}

/* The core of a desk's start-up, as the window does it. */
static double
time_startup (Desk       *desk,
              const char *today,
              const char *url)
{
  double t0 = bench_now_us ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDesk) core = emitra_desk_new (desk->dir, url, NULL, &error);
  g_autoptr(EmitraCatalogStore) catalog = NULL;
  g_autoptr(GHashTable) weights = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GListModel) drafts = NULL;
  EmitraReceiptQuery query = { .from_day = today, .to_day = today, .limit = FIRST_PAGE };
  double elapsed;

  g_assert_no_error (error);
  catalog = emitra_catalog_store_new (NULL, NULL);
  g_assert_true (emitra_catalog_store_load (catalog, &error));
  g_assert_no_error (error);
  weights = load_usage (emitra_desk_get_database (core));
  emitra_catalog_store_set_usage (catalog, weights);
  page = emitra_receipt_store_search (emitra_desk_get_receipts (core), &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, MIN (FIRST_PAGE, desk->today_count + desk->queued));
  emitra_draft_store_list_async (emitra_desk_get_drafts (core), NULL, store_cb, &listed);
  drafts = emitra_draft_store_list_finish (emitra_desk_get_drafts (core), wait_for (&listed), &error);
  g_assert_no_error (error);
  elapsed = (bench_now_us () - t0) / 1000.0;

  return elapsed;
}

static double
time_search (EmitraDatabase *database,
             EmitraSearch   *search)
{
  double t0 = bench_now_us ();
  g_autoptr(GHashTable) weights = load_usage (database);

  emitra_search_set_usage (search, weights);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) found = emitra_search_query (search, queries[i], NULL, NULL);

      g_assert_cmpuint (found->len, >, 0);
    }
  return (bench_now_us () - t0) / 1000.0;
}

static double
time_lookup (Desk               *desk,
             EmitraReceiptStore *store,
             GRand              *rand)
{
  gint64 number = desk->today_count > 0
                    ? desk->today_first + g_rand_int_range (rand, 0, (gint32) desk->today_count) : 1;
  double t0 = bench_now_us ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraReceipt) receipt = emitra_receipt_store_get (store, number, &error);
  g_autoptr(GPtrArray) found = NULL;
  EmitraReceiptQuery query = { 0 };

  /* The empty desk finds nothing, and looks for a mobile all the same. */
  g_assert_true (receipt != NULL || desk->today_count == 0);
  query.text = receipt != NULL ? emitra_receipt_get_mobile (receipt) : "9414012345";
  g_clear_error (&error);
  found = emitra_receipt_store_search (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, desk->today_count > 0 ? 1 : 0);
  return (bench_now_us () - t0) / 1000.0;
}

static double
time_report (EmitraDatabase *database,
             const char     *today,
             gint64          expected)
{
  double t0 = bench_now_us ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraReport) report = emitra_report_compute (database, today, NULL, &error);
  double elapsed = (bench_now_us () - t0) / 1000.0;

  g_assert_no_error (error);
  g_assert_cmpint (emitra_report_get_confirmed (report)->count, >=, expected * 9 / 10);
  return elapsed;
}

static void
measure_round (Desk         *desk,
               guint         round,
               const char   *today,
               const char   *url,
               EmitraSearch *search,
               GRand        *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) database = NULL;
  g_autoptr(EmitraReceiptStore) store = NULL;
  double lookups[8];

  desk->startup[round] = time_startup (desk, today, url);

  database = emitra_desk_database_open (desk->db_path, &error);
  g_assert_no_error (error);
  store = emitra_receipt_store_new (database);
  desk->search[round] = time_search (database, search);
  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    lookups[i] = time_lookup (desk, store, rand);
  desk->lookup[round] = bench_percentile (lookups, G_N_ELEMENTS (lookups), 50);
  desk->report[round] = time_report (database, today, desk->today_count);
}

static gboolean
report_ratio (const char *name,
              const char *what,
              double     *empty_samples,
              double     *first_samples,
              double     *year_samples)
{
  double e = bench_percentile (empty_samples, ROUNDS, 50);
  double a = bench_percentile (first_samples, ROUNDS, 50);
  double b = bench_percentile (year_samples, ROUNDS, 50);

  printf ("# %s: year %.3f ms, first day %.3f ms, empty %.3f ms (medians of %d)\n", what, b, a, e, ROUNDS);
  return bench_report (name, b / a, "ratio", 2);
}

/* The drain ------------------------------------------------------------ */

typedef struct
{
  gint64 start;
  gint64 last;
  gint64 worst;
  gint64 worst_at;    /* since the drain began */
  guint  ticks;
  guint  late;        /* ticks more than 50 ms late */
} Pulse;

static gboolean
on_pulse_cb (gpointer user_data)
{
  Pulse *pulse = user_data;
  gint64 now = g_get_monotonic_time ();

  gint64 lateness = now - pulse->last - 16 * G_TIME_SPAN_MILLISECOND;

  /* Lateness: how much longer than the 16 ms asked for. */
  if (lateness > pulse->worst)
    {
      pulse->worst = lateness;
      pulse->worst_at = now - pulse->start;
    }
  if (lateness > 50 * G_TIME_SPAN_MILLISECOND)
    pulse->late++;
  pulse->ticks++;
  pulse->last = now;
  return G_SOURCE_CONTINUE;
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  bench_check (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), db, "open to count");
  bench_check (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), db, sql);
  bench_check (sqlite3_step (stmt), db, sql);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gboolean
bench_drain (Desk           *year,
             SandboxFixture *sandbox)
{
  g_autofree char *sandbox_db = g_build_filename (g_get_user_data_dir (), "sandbox.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraGatewayClient) client = test_client_new (sandbox);
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  EmitraDatabase *database;
  EmitraReceiptStore *receipts;
  EmitraOutbox *outbox;
  EmitraSubmitter *submitter;
  Pulse pulse;
  guint pulse_id, settled;
  double t0, seconds;
  gint64 gateway_count, confirmed, pending;
  gboolean ok;

  session = sync_sign_in (client, "anil.kumawat", "demo123", "K11000142", &error);
  g_assert_no_error (error);

  database = emitra_desk_database_open (year->db_path, &error);
  g_assert_no_error (error);
  receipts = emitra_receipt_store_new (database);
  outbox = emitra_outbox_new (database);
  submitter = emitra_submitter_new (receipts, outbox, client);

  memset (&pulse, 0, sizeof pulse);
  pulse.start = pulse.last = g_get_monotonic_time ();
  pulse_id = g_timeout_add (16, on_pulse_cb, &pulse);
  t0 = bench_now_us ();
  emitra_submitter_drain_async (submitter, FALSE, NULL, store_cb, &result);
  settled = emitra_submitter_drain_finish (submitter, wait_for (&result), &error);
  seconds = (bench_now_us () - t0) / 1e6;
  g_source_remove (pulse_id);
  g_assert_no_error (error);
  printf ("# drained: %u settled in %.1f s (%.2f ms each); the main loop's worst lateness %.1f ms,"
          " %.1f s in; %u of %u ticks more than 50 ms late\n",
          settled, seconds, seconds * 1000 / MAX (settled, 1), pulse.worst / 1000.0, pulse.worst_at / 1e6,
          pulse.late, pulse.ticks);

  /* Both ends, from their files, by new connections. */
  g_object_unref (submitter);
  g_object_unref (outbox);
  g_object_unref (receipts);
  g_object_unref (database);
  sandbox_stop (sandbox);
  gateway_count = count_rows (sandbox_db, "SELECT count(*) FROM transactions WHERE request_id LIKE '"
                                          BENCH_QUEUED_PREFIX "%' AND cancelled_at IS NULL");
  confirmed = count_rows (year->db_path, "SELECT count(*) FROM receipts r LEFT JOIN receipt_status s"
                                         " ON s.receipt_id = r.id WHERE r.request_id LIKE '" BENCH_QUEUED_PREFIX "%'"
                                         " AND coalesce (s.status, r.status) = 'confirmed' AND r.hash IS NOT NULL");
  pending = count_rows (year->db_path, "SELECT count(*) FROM outbox WHERE state = 'pending'");
  printf ("# at the gateway: %" G_GINT64_FORMAT " transactions; at the desk: %" G_GINT64_FORMAT
          " confirmed receipts, %" G_GINT64_FORMAT " still pending\n", gateway_count, confirmed, pending);

  ok = settled == n_queued && gateway_count == n_queued && confirmed == n_queued && pending == 0;
  if (!ok)
    printf ("# not every queued submission was confirmed at both ends\n");
  ok &= bench_report ("load.outbox_drain_5000", seconds, "s", 30);
  ok &= bench_report ("load.outbox_drain_5000.late", pulse.worst / 1000.0, "ms", 50);
  return ok;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("emitra-bench-load-XXXXXX", &error);
  g_autofree char *home = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) year_start = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(EmitraCatalogStore) catalog = NULL;
  SandboxFixture *sandbox;
  Desk empty = { "empty" }, first = { "first day" }, year = { "year" };
  Desk *desks[] = { &empty, &first, &year };
  gboolean ok = TRUE;

  g_setenv ("TZ", "Asia/Kolkata", TRUE);
  g_assert_no_error (error);
  if (g_getenv ("EMITRA_BENCH_LOAD_SCALE") != NULL)
    {
      guint scale = MAX (1, (guint) g_ascii_strtoull (g_getenv ("EMITRA_BENCH_LOAD_SCALE"), NULL, 10));

      n_year /= scale;
      n_queued /= scale;
      printf ("# scaled down by %u: not the figures\n", scale);
    }
  /* Nothing of this run outside its folder: the sandbox's database and
   * the desks' data live under it. */
  home = g_build_filename (root, "home", NULL);
  g_mkdir_with_parents (home, 0700);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  now = g_date_time_new_now_local ();
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  year_start = g_date_time_add_days (midnight, -(N_DAYS - 1));
  today = g_date_time_format (midnight, "%Y-%m-%d");

  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      gboolean is_year = desks[i] == &year;
      gboolean is_empty = desks[i] == &empty;
      BenchYear spec = {
        .n_receipts = is_year ? n_year : N_YEAR / N_DAYS, .n_days = is_year ? N_DAYS : 1,
        .first_day = is_year ? year_start : midnight, .provisional = FALSE,
        .n_queued = n_queued, .queued_service_id = QUEUED_SERVICE,
        .queued_service_en = "Income Certificate", .queued_service_hi = "आय प्रमाण पत्र",
        .queued_fee = 0, .queued_charge = 5000,
      };
      guint last = spec.n_days - 1;

      desks[i]->dir = g_build_filename (root, desks[i]->name, NULL);
      desks[i]->db_path = g_build_filename (desks[i]->dir, "desk.db", NULL);
      g_mkdir_with_parents (desks[i]->dir, 0700);
      if (is_empty)
        {
          g_autoptr(EmitraDatabase) database = emitra_desk_database_open (desks[i]->db_path, &error);

          g_assert_no_error (error);
          continue;
        }
      bench_year_generate (desks[i]->db_path, &spec, 20261128);
      g_assert_cmpstr (bench_day_names[last], ==, today);
      desks[i]->today_first = bench_day_first[last];
      /* Today's own receipts, not the queue at its end. */
      desks[i]->today_count = bench_day_count[last] - spec.n_queued;
      desks[i]->queued = spec.n_queued;
      printf ("# %s: today %s has %" G_GINT64_FORMAT " receipts and %" G_GINT64_FORMAT " queued\n",
              desks[i]->name, today, desks[i]->today_count, desks[i]->queued);
    }

  sandbox = sandbox_start (NULL);

  /* One search, as the catalog page keeps one; usage is set each round. */
  catalog = emitra_catalog_store_new (NULL, NULL);
  g_assert_true (emitra_catalog_store_load (catalog, &error));
  g_assert_no_error (error);

  /* A warm-up round each, untimed (the page cache, the catalog's files). */
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    measure_round (desks[i], 0, today, sandbox->base_uri, emitra_catalog_store_get_search (catalog), rand);
  for (guint round = 0; round < ROUNDS; round++)
    for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
      measure_round (desks[(round + i) % G_N_ELEMENTS (desks)], round, today, sandbox->base_uri,
                     emitra_catalog_store_get_search (catalog), rand);

  ok &= report_ratio ("load.startup.ratio", "start-up (desk, catalog, usage, first page, drafts)",
                      empty.startup, first.startup, year.startup);
  ok &= report_ratio ("load.search.ratio", "usage and ten catalog searches", empty.search, first.search,
                      year.search);
  ok &= report_ratio ("load.lookup.ratio", "a receipt by number, then by mobile", empty.lookup, first.lookup,
                      year.lookup);
  ok &= report_ratio ("load.report.ratio", "today's report", empty.report, first.report, year.report);

  ok &= bench_drain (&year, sandbox);

  if (g_getenv ("EMITRA_BENCH_KEEP") == NULL)
    remove_tree (root);
  else
    printf ("# kept %s\n", root);
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      g_free (desks[i]->dir);
      g_free (desks[i]->db_path);
    }
  return ok ? 0 : 1;
}
