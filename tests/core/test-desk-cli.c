/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line as a supervisor's script uses it: the real emitra-desk
 * binary, run on a desk database this test fills, judged by its exit
 * status, its output and the files it writes. The report is for whoever
 * signs in (a live sandbox checks the password, given on standard input):
 * the whole desk for a supervisor, an operator's own day, and nothing at
 * all when the gateway cannot say who is asking.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "report-test-data.h"
#include "sandbox-fixture.h"

/* The sandbox's demo accounts (data/sandbox/operators.json). */
#define SUPERVISOR     "--sso-id=rajendra.shekhawat"
#define SUPERVISOR_PW  "super123\n"
#define OPERATOR       "--sso-id=anil.kumawat"
#define OPERATOR_PW    "demo123\n"
#define KIOSK          "--kiosk=K11000142"

typedef struct
{
  char           *binary;
  char           *data_dir;
  char           *db_path;
  SandboxFixture *sandbox;
  const char     *gateway_url;   /* what the desk is pointed at */
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
  f->sandbox = sandbox_start (NULL);
  f->gateway_url = f->sandbox->base_uri;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sandbox_stop (f->sandbox);
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

/* Runs the desk with @args (NULL-terminated) and the test's data folder,
 * @input on its standard input (NULL: none, as from /dev/null). */
static gboolean
run_desk (Fixture    *f,
          Run        *run,
          const char *input,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
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

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "EMITRA_DATA_DIR", f->data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "EMITRA_GATEWAY_URL", f->gateway_url, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  /* The isolated test folders hide the system's GSettings schemas, which
   * GNOME's proxy resolver needs: loopback needs no proxy anyway. */
  g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_test_message ("killed by signal %d; stderr: %s", g_subprocess_get_term_sig (process), run->err);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
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

  if (!run_desk (f, &intact, NULL, "--verify-receipts", NULL))
    return;
  g_assert_cmpint (intact.status, ==, 0);
  g_assert_nonnull (strstr (intact.out, "Checked 9 receipts"));

  /* Someone lowers one receipt's charge in the database file. */
  g_assert_cmpint (sqlite3_open (f->db_path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE receipts SET service_charge = 500, total = 4500"
                                      " WHERE receipt_no = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  run_desk (f, &broken, NULL, "--verify-receipts", NULL);
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

  if (!run_desk (f, &text, SUPERVISOR_PW, "--report=2026-11-28", SUPERVISOR, KIOSK, NULL))
    return;
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "28 November 2026"));
  g_assert_nonnull (strstr (text.out, "₹1,526.56"));

  run_desk (f, &csv, SUPERVISOR_PW, "--report=2026-11-28", "--format=csv", csv_output, SUPERVISOR, KIOSK, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_cmpstr (csv.out, ==, "");
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "service_id,"));
  g_assert_nonnull (strstr (contents, "\"TOTAL\",\"Total\",\"कुल\",4,1314.56,162.00,1476.56,1,50.00,1,1"));
  g_clear_pointer (&contents, g_free);

  run_desk (f, &pdf, SUPERVISOR_PW, "--report=2026-11-28", "--format=pdf", pdf_output, SUPERVISOR, KIOSK, NULL);
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
    { { "--mine", NULL }, 2, "--report" },
    { { "--report=2026-11-28", "--output=/nonexistent-folder/day.txt", NULL }, 3, "/nonexistent-folder/day.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      if (!run_desk (f, &run, SUPERVISOR_PW, cases[i].args[0], cases[i].args[1], SUPERVISOR, KIOSK, NULL))
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

  if (!run_desk (f, &report, SUPERVISOR_PW, "--report=2026-11-28", SUPERVISOR, KIOSK, NULL))
    return;
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.out, "No receipts were issued on 28 November 2026."));

  run_desk (f, &verify, NULL, "--verify-receipts", NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
}

/* Who may see which report: only someone who signed in, and the whole
 * desk only for a supervisor. */
static void
test_cli_report_roles (Fixture       *f,
                       gconstpointer  data)
{
  static const TestReceipt anil = {
    "r-anil", "200000000011", NULL, NULL, NULL, "Kavita", NULL, 4000, 5000, "OP-1001", "Anil Kumawat",
    EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-28 12:30"
  };
  g_auto(Run) nobody = { 0 };
  g_auto(Run) operator_all = { 0 };
  g_auto(Run) operator_mine = { 0 };
  g_auto(Run) supervisor = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) no_password = { 0 };
  g_auto(Run) offline = { 0 };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EmitraDatabase) db = emitra_desk_database_open (f->db_path, &error);
    g_autoptr(EmitraReceiptStore) store = emitra_receipt_store_new (db);

    g_assert_no_error (error);
    g_object_unref (test_append (store, &anil));
  }

  /* Nobody signed in: no report, and the usage says how. */
  if (!run_desk (f, &nobody, NULL, "--report=2026-11-28", KIOSK, NULL))
    return;
  g_assert_cmpint (nobody.status, ==, 2);
  g_assert_nonnull (strstr (nobody.err, "--sso-id"));
  g_assert_cmpstr (nobody.out, ==, "");

  /* An operator asking for the whole desk is refused. */
  run_desk (f, &operator_all, OPERATOR_PW, "--report=2026-11-28", OPERATOR, KIOSK, NULL);
  g_assert_cmpint (operator_all.status, ==, 4);
  g_assert_nonnull (strstr (operator_all.err, "Only a supervisor"));
  g_assert_cmpstr (operator_all.out, ==, "");

  /* ...and gets their own day, and nobody else's, with --mine. */
  run_desk (f, &operator_mine, OPERATOR_PW, "--report=2026-11-28", "--mine", OPERATOR, KIOSK, NULL);
  g_assert_cmpint (operator_mine.status, ==, 0);
  g_assert_nonnull (strstr (operator_mine.out, "Operator: OP-1001"));
  g_assert_nonnull (strstr (operator_mine.out, "₹90.00"));
  g_assert_null (strstr (operator_mine.out, "Meena"));
  g_assert_null (strstr (operator_mine.out, "Arjun"));

  /* A supervisor sees the whole desk, both operators. */
  run_desk (f, &supervisor, SUPERVISOR_PW, "--report=2026-11-28", SUPERVISOR, KIOSK, NULL);
  g_assert_cmpint (supervisor.status, ==, 0);
  g_assert_nonnull (strstr (supervisor.out, "Meena Sharma"));
  g_assert_nonnull (strstr (supervisor.out, "Anil Kumawat"));

  /* A wrong password: refused, with the gateway's words. */
  run_desk (f, &wrong, "guess\n", "--report=2026-11-28", SUPERVISOR, KIOSK, NULL);
  g_assert_cmpint (wrong.status, ==, 4);
  g_assert_nonnull (strstr (wrong.err, "The SSO ID or the password is wrong."));
  g_assert_cmpstr (wrong.out, ==, "");

  /* No password on standard input. */
  run_desk (f, &no_password, NULL, "--report=2026-11-28", SUPERVISOR, KIOSK, NULL);
  g_assert_cmpint (no_password.status, ==, 2);
  g_assert_nonnull (strstr (no_password.err, "standard input"));

  /* The gateway cannot be reached: never an unchecked report. */
  f->gateway_url = "http://127.0.0.1:9";
  run_desk (f, &offline, SUPERVISOR_PW, "--report=2026-11-28", SUPERVISOR, KIOSK, NULL);
  g_assert_cmpint (offline.status, ==, 1);
  g_assert_nonnull (strstr (offline.err, "could not be reached"));
  g_assert_cmpstr (offline.out, ==, "");
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
  ADD ("/desk-cli/report-roles", TRUE, test_cli_report_roles);

  return g_test_run ();
}
