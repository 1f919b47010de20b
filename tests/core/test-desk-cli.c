/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line as a supervisor's script uses it: the real emitra-desk
 * binary, run on a desk database this test fills, judged by its exit
 * status, its output and the files it writes.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "report-test-data.h"

typedef struct
{
  char *binary;
  char *data_dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *build_root = g_getenv ("EMITRA_BUILD_ROOT");

  f->binary = g_build_filename (build_root != NULL ? build_root : ".", "src", "emitra-desk", NULL);
  f->data_dir = g_build_filename (g_get_user_data_dir (), "emitra-desk", NULL);
  f->db_path = g_build_filename (f->data_dir, "desk.db", NULL);
  if (data != NULL)
    report_seed (f->db_path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->binary);
  g_free (f->data_dir);
  g_free (f->db_path);
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the desk with @args (NULL-terminated) and the test's data folder. */
static gboolean
run_desk (Fixture    *f,
          Run        *run,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list args;

  if (!g_file_test (f->binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the emitra-desk binary is not built (EMITRA_BUILD_ROOT)");
      return FALSE;
    }

  g_ptr_array_add (argv, f->binary);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "EMITRA_DATA_DIR", f->data_dir, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
  return TRUE;
}

static void
test_cli_verify (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Run) intact = { 0 };
  g_auto(Run) broken = { 0 };
  sqlite3 *raw = NULL;

  if (!run_desk (f, &intact, "--verify-receipts", NULL))
    return;
  g_assert_cmpint (intact.status, ==, 0);
  g_assert_nonnull (strstr (intact.out, "Checked 9 receipts"));

  /* Someone lowers one receipt's charge in the database file. */
  g_assert_cmpint (sqlite3_open (f->db_path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE receipts SET service_charge = 500, total = 4500"
                                      " WHERE receipt_no = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  run_desk (f, &broken, "--verify-receipts", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.out, "Receipt 3 was altered"));
}

static void
test_cli_report_formats (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(Run) text = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) pdf = { 0 };
  g_autofree char *csv_path = g_build_filename (g_get_user_data_dir (), "day.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (g_get_user_data_dir (), "day.pdf", NULL);
  g_autofree char *csv_output = g_strconcat ("--output=", csv_path, NULL);
  g_autofree char *pdf_output = g_strconcat ("--output=", pdf_path, NULL);
  g_autofree char *contents = NULL;

  if (!run_desk (f, &text, "--report=2026-11-28", NULL))
    return;
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "28 November 2026"));
  g_assert_nonnull (strstr (text.out, "₹1,526.56"));

  run_desk (f, &csv, "--report=2026-11-28", "--format=csv", csv_output, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_cmpstr (csv.out, ==, "");
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "service_id,"));
  g_assert_nonnull (strstr (contents, "\"TOTAL\",\"Total\",\"कुल\",4,1314.56,162.00,1476.56,1,50.00,1,1"));
  g_clear_pointer (&contents, g_free);

  run_desk (f, &pdf, "--report=2026-11-28", "--format=pdf", pdf_output, NULL);
  g_assert_cmpint (pdf.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *args[3];
    int         status;
    const char *message;
  } cases[] = {
    { { "--report=2026-02-30", NULL }, 2, "is not a date" },
    { { "--report=28/11/2026", NULL }, 2, "YYYY-MM-DD" },
    { { "--report=2026-11-28", "--format=xml", NULL }, 2, "not a report format" },
    { { "--format=csv", NULL }, 2, "--report" },
    { { "--report=2026-11-28", "--output=/nonexistent-folder/day.txt", NULL }, 3, "/nonexistent-folder/day.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      if (!run_desk (f, &run, cases[i].args[0], cases[i].args[1], NULL))
        return;
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      g_assert_cmpstr (run.out, ==, "");
    }
}

/* A desk that never issued a receipt: the report says so, verification
 * passes, and neither leaves a database behind. */
static void
test_cli_no_database (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Run) report = { 0 };
  g_auto(Run) verify = { 0 };

  if (!run_desk (f, &report, "--report=2026-11-28", NULL))
    return;
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.out, "No receipts were issued on 28 November 2026."));

  run_desk (f, &verify, "--verify-receipts", NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
}

#define ADD(path, seeded, func) \
  g_test_add (path, Fixture, seeded ? "seeded" : NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  test_use_india_time ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/desk-cli/verify", TRUE, test_cli_verify);
  ADD ("/desk-cli/report-formats", TRUE, test_cli_report_formats);
  ADD ("/desk-cli/errors", TRUE, test_cli_errors);
  ADD ("/desk-cli/no-database", FALSE, test_cli_no_database);

  return g_test_run ();
}
