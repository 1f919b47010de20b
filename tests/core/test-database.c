/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "emitra-desk-schema.h"

static char *
temp_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "emitra-desk", "desk.db", NULL);
}

static void
test_database_creates_private_file (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) db = emitra_desk_database_open (path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (emitra_database_get_version (db), ==, 3);
}

static const EmitraMigration two_steps[] = {
  { "one", "CREATE TABLE t (a INTEGER);" },
  { "two", "ALTER TABLE t ADD COLUMN b TEXT;" },
};

static void
test_database_migrates_in_order (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "m.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) first = NULL;
  g_autoptr(EmitraDatabase) second = NULL;
  g_autoptr(EmitraDatabase) older = NULL;

  first = emitra_database_open (path, two_steps, 1, EMITRA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_database_get_version (first), ==, 1);
  g_assert_true (emitra_database_exec (first, "INSERT INTO t (a) VALUES (7)", &error));
  g_clear_object (&first);

  second = emitra_database_open (path, two_steps, 2, EMITRA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_database_get_version (second), ==, 2);
  g_assert_true (emitra_database_exec (second, "UPDATE t SET b = 'kept' WHERE a = 7", &error));
  g_clear_object (&second);

  /* A database from a newer release is refused, never downgraded. */
  older = emitra_database_open (path, two_steps, 1, EMITRA_DATABASE_FLAGS_NONE, &error);
  g_assert_null (older);
  g_assert_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_TOO_NEW);
}

static void
test_database_refuses_garbage (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "garbage.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) db = NULL;
  g_autofree char *junk = g_strnfill (8192, 'x');

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  db = emitra_desk_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_CORRUPT);
}

static gpointer
count_rows_job (sqlite3 *db, gpointer data, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 *count = g_new0 (gint64, 1);

  g_assert_false (g_main_context_is_owner (g_main_context_default ()));
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM receipts", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static void
on_counted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autofree gint64 *count = NULL;
  gint64 *out = user_data;
  g_autoptr(GError) error = NULL;

  count = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);
  g_assert_no_error (error);
  *out = *count;
}

static void
test_database_runs_jobs_off_main_thread (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(EmitraDatabase) db = emitra_desk_database_open (path, NULL);
  gint64 count = -1;

  g_main_context_acquire (g_main_context_default ());
  emitra_database_run_async (db, count_rows_job, NULL, NULL, g_free, NULL, on_counted_cb, &count);
  while (count < 0)
    g_main_context_iteration (NULL, TRUE);
  g_main_context_release (g_main_context_default ());
  g_assert_cmpint (count, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/private-file", test_database_creates_private_file);
  g_test_add_func ("/database/migrations", test_database_migrates_in_order);
  g_test_add_func ("/database/corrupt", test_database_refuses_garbage);
  g_test_add_func ("/database/async", test_database_runs_jobs_off_main_thread);

  return g_test_run ();
}
