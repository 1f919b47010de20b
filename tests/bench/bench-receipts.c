/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Receipts and the day report at the scale of a busy centre's year:
 *
 *   receipt.append.ratio  a durable receipt append (median) over a bare
 *                         sqlite3 insert of the same row with the same
 *                         pragmas (WAL, synchronous=FULL), measured side by
 *                         side in this run, interleaved so both see the
 *                         same disk
 *   receipt.lookup.1m     lookup by receipt number or mobile number over
 *                         1,000,000 receipts (95th percentile of both)
 *   receipt.day_list.1m   one day's list over the same database (median)
 *   report.day.1m         one day's report over the same database (median)
 *   report.day.ratio      that report over the same aggregates run by the
 *                         sqlite3 command-line program on the same file
 *
 * The 1,000,000-receipt database is generated once per run in a temporary
 * folder by bench-year.h (shared with bench-load.c): a year of 24
 * services, 4 operators, repeat customers and the usual mix of statuses,
 * 2 % provisional with an outbox entry.
 *
 * About report.day.ratio: timing a spawned sqlite3 from here would measure
 * its process start, not its query. So the sqlite3 program runs the same
 * aggregates (by service, by operator, by hour, the lists, the previous
 * day: what the report computes) many times with `.timer on`, and its own
 * reported real time is averaged: its clock ticks in milliseconds, and the
 * mean of many tick counts is an unbiased estimate below one tick. The
 * report's time here is averaged over the same day the same number of
 * times. The same SQL run through the bare sqlite3 C API in this process
 * is printed beside it, as a second yardstick.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "bench-year.h"
#include "emitra-desk-schema.h"
#include "emitra-receipt-store.h"
#include "emitra-report.h"

#define N_RECEIPTS 1000000
#define N_DAYS 365
#define CLI_ROUNDS 200

/* The year starts here, as it always has for these figures. */
static void
generate (const char *path)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2025, 6, 1, 0, 0, 0);
  BenchYear spec = { .n_receipts = N_RECEIPTS, .n_days = N_DAYS, .first_day = start, .provisional = TRUE };

  bench_year_generate (path, &spec, 20261128);
}

static EmitraReceipt *
append_input (guint n)
{
  g_autofree char *request_id = g_strdup_printf ("append-%u", n);

  return g_object_new (EMITRA_TYPE_RECEIPT,
                       "request-id", request_id, "transaction-id", "100000000042",
                       "service-id", "caste-certificate", "service-name-en", "Caste certificate",
                       "service-name-hi", "जाति प्रमाण पत्र", "citizen-name", "सुनीता देवी",
                       "aadhaar-masked", "XXXX XXXX 2346", "mobile", "9414012345",
                       "department-fee", (gint64) 4000, "service-charge", (gint64) 5000,
                       "cash-received", (gint64) 10000, "operator-id", "op-meena",
                       "operator-name", "Meena Sharma", "kiosk-code", "K11000142",
                       "status", EMITRA_RECEIPT_STATUS_CONFIRMED, NULL);
}

/* The same row through a bare prepared INSERT, in autocommit. */
static void
bare_insert (sqlite3_stmt  *stmt,
             EmitraReceipt *stored,
             guint          n)
{
  g_autofree char *request_id = g_strdup_printf ("append-%u", n);

  sqlite3_bind_int64 (stmt, 1, n);
  sqlite3_bind_text (stmt, 2, request_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, emitra_receipt_get_transaction_id (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, emitra_receipt_get_service_id (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, emitra_receipt_get_service_name_en (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, emitra_receipt_get_service_name_hi (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, emitra_receipt_get_citizen_name (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, emitra_receipt_get_aadhaar_masked (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, emitra_receipt_get_mobile (stored), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, emitra_receipt_get_department_fee (stored));
  sqlite3_bind_int64 (stmt, 11, emitra_receipt_get_service_charge (stored));
  sqlite3_bind_int64 (stmt, 12, emitra_receipt_get_total (stored));
  sqlite3_bind_int64 (stmt, 13, emitra_receipt_get_cash_received (stored));
  sqlite3_bind_text (stmt, 14, emitra_receipt_get_operator_id (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, emitra_receipt_get_operator_name (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, emitra_receipt_get_kiosk_code (stored), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 17, emitra_receipt_get_created_at (stored));
  sqlite3_bind_text (stmt, 18, emitra_receipt_get_day (stored), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 19, emitra_receipt_get_hour (stored));
  sqlite3_bind_text (stmt, 20, emitra_receipt_get_prev_hash (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 21, emitra_receipt_get_hash (stored), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 22, emitra_receipt_status_to_string (emitra_receipt_get_status (stored)),
                     -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("bare insert: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
}

static gboolean
bench_append (const char *dir)
{
  g_autofree char *store_path = g_build_filename (dir, "append-store.db", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "append-bare.db", NULL);
  g_autoptr(EmitraDatabase) store_db = emitra_desk_database_open (store_path, NULL);
  g_autoptr(EmitraDatabase) bare_db = emitra_desk_database_open (bare_path, NULL);
  g_autoptr(EmitraReceiptStore) store = emitra_receipt_store_new (store_db);
  sqlite3_stmt *insert = emitra_database_prepare (bare_db,
    "INSERT INTO receipts (receipt_no, request_id, transaction_id, service_id,"
    " service_name_en, service_name_hi, citizen_name, aadhaar_masked, mobile,"
    " department_fee, service_charge, total, cash_received, operator_id, operator_name,"
    " kiosk_code, created_at, day, hour, prev_hash, hash, status)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
    " ?18, ?19, ?20, ?21, ?22)", NULL);
  enum { WARM = 20, ROUNDS = 1000 };
  double ours[ROUNDS], bare[ROUNDS];
  double ours_median, bare_median;

  for (guint n = 0; n < WARM + ROUNDS; n++)
    {
      g_autoptr(EmitraReceipt) input = append_input (n);
      g_autoptr(EmitraReceipt) stored = NULL;
      double t0 = bench_now_us (), t1, t2;

      stored = emitra_receipt_store_append (store, input, NULL);
      t1 = bench_now_us ();
      g_assert (stored != NULL);
      bare_insert (insert, stored, n + 1);
      t2 = bench_now_us ();
      if (n >= WARM)
        {
          ours[n - WARM] = t1 - t0;
          bare[n - WARM] = t2 - t1;
        }
    }
  sqlite3_finalize (insert);

  ours_median = bench_percentile (ours, ROUNDS, 50);
  bare_median = bench_percentile (bare, ROUNDS, 50);
  printf ("# durable append: median %.0f us; bare sqlite3 insert: median %.0f us\n",
          ours_median, bare_median);
  return bench_report ("receipt.append.ratio", ours_median / bare_median, "ratio", 1.2);
}

static gboolean
bench_lookups (EmitraReceiptStore *store,
               GRand              *rand)
{
  enum { ROUNDS = 200 };
  double samples[2 * ROUNDS], days[50];
  double by_number, by_mobile, p95;

  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 number = g_rand_int_range (rand, 1, N_RECEIPTS + 1);
      g_autofree char *mobile = bench_mobile_for ((guint) g_rand_int_range (rand, 0, 300000));
      EmitraReceiptQuery query = { .text = mobile };
      g_autoptr(EmitraReceipt) receipt = NULL;
      g_autoptr(GPtrArray) found = NULL;
      double t0 = bench_now_us (), t1, t2;

      receipt = emitra_receipt_store_get (store, number, NULL);
      t1 = bench_now_us ();
      found = emitra_receipt_store_search (store, &query, NULL);
      t2 = bench_now_us ();
      g_assert (receipt != NULL && found != NULL);
      samples[i] = (t1 - t0) / 1000.0;
      samples[ROUNDS + i] = (t2 - t1) / 1000.0;
    }
  by_number = bench_percentile (samples, ROUNDS, 50);
  by_mobile = bench_percentile (samples + ROUNDS, ROUNDS, 50);
  p95 = bench_percentile (samples, 2 * ROUNDS, 95);
  printf ("# lookup by number: median %.3f ms; by mobile: median %.3f ms\n", by_number, by_mobile);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      const char *day = bench_day_names[g_rand_int_range (rand, 0, N_DAYS)];
      double t0 = bench_now_us ();
      g_autoptr(GPtrArray) list = emitra_receipt_store_list_day (store, day, NULL);

      days[i] = (bench_now_us () - t0) / 1000.0;
      g_assert (list != NULL && list->len > 2600);
    }

  return bench_report ("receipt.lookup.1m", p95, "ms", 5) &
         bench_report ("receipt.day_list.1m", bench_percentile (days, G_N_ELEMENTS (days), 50), "ms", 20);
}

/* What the report computes, as plain SQL for the sqlite3 program, on the
 * same index the report reads (left to itself, SQLite's planner picks the
 * narrower day index and reads every row: slower, and no fair yardstick). */
static char *
report_sql (const char *day,
            const char *previous)
{
  return g_strdup_printf (
    "SELECT r.service_id, r.service_name_en, r.service_name_hi, coalesce (s.status, r.status),"
    " count(*), sum(r.department_fee), sum(r.service_charge), sum(r.total)"
    " FROM receipts r INDEXED BY receipts_by_day_totals LEFT JOIN receipt_status s ON s.receipt_id = r.id"
    " WHERE r.day = '%s' GROUP BY r.service_id, 4;\n"
    "SELECT r.operator_id, r.operator_name, coalesce (s.status, r.status), count(*),"
    " sum(r.department_fee), sum(r.service_charge), sum(r.total)"
    " FROM receipts r INDEXED BY receipts_by_day_totals LEFT JOIN receipt_status s ON s.receipt_id = r.id"
    " WHERE r.day = '%s' GROUP BY r.operator_id, 3;\n"
    "SELECT r.hour, coalesce (s.status, r.status), count(*), sum(r.total)"
    " FROM receipts r INDEXED BY receipts_by_day_totals LEFT JOIN receipt_status s ON s.receipt_id = r.id"
    " WHERE r.day = '%s' GROUP BY r.hour, 2;\n"
    "SELECT r.receipt_no, r.created_at, coalesce (s.status, r.status), r.service_name_en,"
    " r.service_name_hi, r.citizen_name, r.operator_name, r.total, coalesce (s.reason, ''),"
    " (SELECT o.last_error FROM outbox o WHERE o.request_id = r.request_id)"
    " FROM receipts r LEFT JOIN receipt_status s ON s.receipt_id = r.id"
    " WHERE r.day = '%s' AND coalesce (s.status, r.status) <> 'confirmed' ORDER BY r.id;\n"
    "SELECT coalesce (s.status, r.status), count(*), sum(r.department_fee), sum(r.service_charge), sum(r.total)"
    " FROM receipts r INDEXED BY receipts_by_day_totals LEFT JOIN receipt_status s ON s.receipt_id = r.id"
    " WHERE r.day = '%s' AND coalesce (s.status, r.status) IN ('confirmed', 'provisional') GROUP BY 1;\n",
    day, day, day, day, previous);
}

/* The sqlite3 program's own mean real time for the report's SQL, in ms,
 * or a negative number when it cannot be run. */
static double
cli_report_ms (const char *dir,
               const char *db_path,
               const char *sql)
{
  g_autofree char *script_path = g_build_filename (dir, "report.sql", NULL);
  g_autoptr(GString) script = g_string_new (".output /dev/null\n");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *read = NULL;
  const char *argv[] = { "sqlite3", "-bail", db_path, NULL, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  double total = 0;
  guint timed = 0;

  if (g_find_program_in_path ("sqlite3") == NULL)
    return -1;

  /* One warm-up round untimed, as the report below gets. */
  g_string_append (script, sql);
  g_string_append (script, ".timer on\n");
  for (guint i = 0; i < CLI_ROUNDS; i++)
    g_string_append (script, sql);
  g_assert (g_file_set_contents (script_path, script->str, -1, NULL));
  read = g_strdup_printf (".read %s", script_path);
  argv[3] = read;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;

  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double real;

      if (sscanf (lines[i], "Run Time: real %lf", &real) == 1)
        {
          total += real * 1000.0;
          timed++;
        }
    }
  if (timed != CLI_ROUNDS * 5)
    {
      printf ("# sqlite3 reported %u timings, expected %u\n", timed, CLI_ROUNDS * 5);
      return -1;
    }
  return total / CLI_ROUNDS;
}

/* The same SQL through the bare C API in this process, mean ms. */
static double
c_api_report_ms (sqlite3    *db,
                 const char *sql)
{
  double start = bench_now_us ();

  for (guint round = 0; round <= CLI_ROUNDS; round++)
    {
      const char *tail = sql;

      if (round == 1)
        start = bench_now_us ();
      while (tail != NULL && *tail != '\0')
        {
          sqlite3_stmt *stmt = NULL;

          bench_check (sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail), db, "prepare report sql");
          if (stmt == NULL)
            break;
          while (sqlite3_step (stmt) == SQLITE_ROW)
            ;
          sqlite3_finalize (stmt);
        }
    }
  return (bench_now_us () - start) / 1000.0 / CLI_ROUNDS;
}

static gboolean
bench_report_day (const char     *dir,
                  const char     *db_path,
                  EmitraDatabase *db,
                  GRand          *rand)
{
  double samples[50];
  double ours_mean, cli_ms, c_api_ms, start = 0;
  const char *day = bench_day_names[200], *previous = bench_day_names[199];
  g_autofree char *sql = report_sql (day, previous);
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const char *any_day = bench_day_names[g_rand_int_range (rand, 1, N_DAYS)];
      double t0 = bench_now_us ();
      g_autoptr(EmitraReport) report = emitra_report_compute (db, any_day, NULL, NULL);

      samples[i] = (bench_now_us () - t0) / 1000.0;
      g_assert (report != NULL && emitra_report_get_confirmed (report)->count > 2400);
    }
  ok = bench_report ("report.day.1m", bench_percentile (samples, G_N_ELEMENTS (samples), 50), "ms", 5);

  /* The same day over and over, as the sqlite3 program gets it. */
  for (guint round = 0; round <= CLI_ROUNDS; round++)
    {
      g_autoptr(EmitraReport) report = NULL;

      if (round == 1)
        start = bench_now_us ();
      report = emitra_report_compute (db, day, NULL, NULL);
    }
  ours_mean = (bench_now_us () - start) / 1000.0 / CLI_ROUNDS;
  c_api_ms = c_api_report_ms (emitra_database_get_handle (db), sql);
  cli_ms = cli_report_ms (dir, db_path, sql);

  printf ("# report of %s: %.3f ms; the same aggregates through the C API: %.3f ms;"
          " in the sqlite3 program (.timer, mean of %d): %.3f ms\n",
          day, ours_mean, c_api_ms, CLI_ROUNDS, cli_ms);
  ok &= bench_report ("report.day.ratio_c_api", ours_mean / c_api_ms, "ratio", 1.5);
  if (cli_ms <= 0)
    {
      printf ("# sqlite3 (the command-line program) could not be run: report.day.ratio not measured\n");
      return FALSE;
    }
  return bench_report ("report.day.ratio", ours_mean / cli_ms, "ratio", 1.5) && ok;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("emitra-bench-receipts-XXXXXX", &error);
  g_autofree char *db_path = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gboolean ok = TRUE;

  g_setenv ("TZ", "Asia/Kolkata", TRUE);
  g_assert_no_error (error);

  ok &= bench_append (dir);

  db_path = g_build_filename (dir, "desk.db", NULL);
  generate (db_path);
  {
    g_autoptr(EmitraDatabase) db = emitra_desk_database_open (db_path, &error);
    g_autoptr(EmitraReceiptStore) store = NULL;

    g_assert_no_error (error);
    store = emitra_receipt_store_new (db);
    ok &= bench_lookups (store, rand);
    ok &= bench_report_day (dir, db_path, db, rand);
  }

  /* EMITRA_BENCH_KEEP=1 keeps the generated database for a closer look. */
  if (g_getenv ("EMITRA_BENCH_KEEP") == NULL)
    remove_tree (dir);
  else
    printf ("# kept %s\n", dir);
  return ok ? 0 : 1;
}
