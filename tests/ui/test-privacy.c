/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a day at the desk leaves behind. The real window, against a live
 * sandbox: the operator signs in through the sign-in window, types a
 * citizen's application by hand with the full Aadhaar number (and the
 * number again inside a free-text field), attaches scans and submits.
 * Then every file the desk wrote (desk.db and its journal, catalog.db,
 * drafts, attachments), the settings (GSettings' keyfile backend, so they
 * are a file) and everything logged (G_MESSAGES_DEBUG=all, captured by a
 * log writer) are searched for the Aadhaar number, in every way it could
 * be written, and for the session token: neither may appear. The files
 * holding citizens' data must be readable by the user alone.
 */
#include "config.h"

#define _GNU_SOURCE
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "../gateway/sandbox-fixture.h"
#include "emitra-application.h"
#include "emitra-catalog-context.h"
#include "emitra-flow-private.h"
#include "emitra-sign-in-window.h"
#include "emitra-window-desk.h"
#include "emitra-window-flow.h"
#include "emitra-window.h"
#include "flow-test-util.h"
#include "ui-test-util.h"
#include "widget-test-util.h"

#define FULL_AADHAAR "234123412346"

static EmitraApplication *app;
static SandboxFixture *sandbox;
static GMutex log_lock;
static GString *log_text;

/* Every message, every level, from every thread: into memory, and the
 * warnings also where a test failure shows them. */
static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

  g_mutex_lock (&log_lock);
  if (log_text == NULL)
    log_text = g_string_new (NULL);
  g_string_append (log_text, line);
  g_string_append_c (log_text, '\n');
  g_mutex_unlock (&log_lock);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static gboolean
catalog_ready (gpointer data)
{
  return emitra_catalog_context_get_catalog (data) != NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !emitra_application_page_get_busy (data);
}

static gboolean
documents_idle (gpointer data)
{
  return !emitra_documents_step_is_busy (data);
}

static gboolean
draft_submitted (gpointer draft)
{
  return emitra_draft_get_submitted (draft);
}

static void
press_next (EmitraApplicationPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "flow.next", NULL));
  emitra_test_spin (50);
  emitra_test_spin_until (not_busy, page, 15000);
}

static char *
write_scan (const char *name,
            gboolean    pdf)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  if (pdf)
    {
      static const char tiny_pdf[] =
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
        "trailer << /Root 1 0 R >>\n%%EOF\n";

      g_assert_true (g_file_set_contents (path, tiny_pdf, sizeof tiny_pdf - 1, NULL));
    }
  else
    {
      g_autofree guchar *pixels = g_malloc (60 * 80 * 4);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      memset (pixels, 0x90, 60 * 80 * 4);
      bytes = g_bytes_new_take (g_steal_pointer (&pixels), 60 * 80 * 4);
      texture = gdk_memory_texture_new (60, 80, GDK_MEMORY_R8G8B8A8, bytes, 60 * 4);
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
  return g_steal_pointer (&path);
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* desk.db and its journal: 0600, in a folder that is 0700. */
static void
assert_private (const char *data_dir)
{
  static const char * const files[] = { "desk.db", "desk.db-wal", "desk.db-shm" };

  g_assert_cmpuint (mode_of (data_dir), ==, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (data_dir, files[i], NULL);

      if (i > 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      g_test_message ("%s: %o", path, mode_of (path));
      g_assert_cmpuint (mode_of (path), ==, 0600);
    }
}

/* The scans attached to a draft (removed once it is submitted): 0600, in
 * folders that are 0700. Returns how many there are. */
static guint
assert_attachments_private (const char *data_dir)
{
  g_autofree char *attachments = g_build_filename (data_dir, "attachments", NULL);
  g_autoptr(GDir) drafts = NULL;
  const char *name;
  guint n_scans = 0;

  g_assert_cmpuint (mode_of (attachments), ==, 0700);
  drafts = g_dir_open (attachments, 0, NULL);
  g_assert_nonnull (drafts);
  while ((name = g_dir_read_name (drafts)) != NULL)
    {
      g_autofree char *draft_dir = g_build_filename (attachments, name, NULL);
      g_autoptr(GDir) scans = g_dir_open (draft_dir, 0, NULL);
      const char *scan;

      g_assert_cmpuint (mode_of (draft_dir), ==, 0700);
      while (scans != NULL && (scan = g_dir_read_name (scans)) != NULL)
        {
          g_autofree char *file = g_build_filename (draft_dir, scan, NULL);

          g_test_message ("%s: %o", file, mode_of (file));
          g_assert_cmpuint (mode_of (file), ==, 0600);
          n_scans++;
        }
    }
  return n_scans;
}

/* The whole application, typed by hand. @offline: the gateway refuses
 * every submission (503), so the application waits in the outbox, which
 * is when its copy there matters most. */
static void
fill_and_submit (EmitraWindow *window,
                 gboolean      offline)
{
  EmitraApplicationPage *page = emitra_window_get_application_page (window);
  EmitraFormView *citizen;
  g_autofree char *photo = write_scan ("photo.png", FALSE);
  g_autofree char *declaration = write_scan ("declaration.pdf", TRUE);
  g_autoptr(GFile) photo_file = g_file_new_for_path (photo);
  g_autoptr(GFile) declaration_file = g_file_new_for_path (declaration);
  EmitraReceipt *receipt;
  static const char * const citizen_fields[][2] = {
    { "full_name_en", "Sunita Kumari" }, { "full_name_hi", "सुनीता कुमारी" },
    { "father_husband_name", "Mohan Lal" }, { "gender", "female" }, { "date_of_birth", "05/06/1990" },
    { "mobile", "9876543210" }, { "aadhaar", "2341 2341 2346" }, { "house_street", "4, Gandhi Path" },
    { "village_ward", "Ward 12" }, { "tehsil", "Sanganer" }, { "district", "jaipur" }, { "pin", "302029" },
  };

  emitra_window_flow_start_application (window, "income-certificate");
  g_assert_true (emitra_window_is_showing_application (window));
  g_assert_cmpstr (emitra_application_page_get_step (page), ==, EMITRA_FLOW_STEP_CITIZEN);

  citizen = emitra_citizen_step_get_form_view (page->citizen_step);
  for (guint i = 0; i < G_N_ELEMENTS (citizen_fields); i++)
    {
      flow_test_type (citizen, citizen_fields[i][0], citizen_fields[i][1]);
      flow_test_leave (citizen, citizen_fields[i][0]);
    }
  g_assert_null (emitra_form_view_get_shown_message (citizen, "aadhaar"));
  press_next (page);
  g_assert_cmpstr (emitra_application_page_get_step (page), ==, EMITRA_FLOW_STEP_DETAILS);

  flow_test_type (page->details_form, "annual_income", "96000");
  flow_test_type (page->details_form, "income_source", "agriculture");
  /* The number once more, where no field expects it. */
  flow_test_type (page->details_form, "purpose", "Scholarship; Aadhaar 2341 2341 2346 as on the card");
  press_next (page);
  g_assert_cmpstr (emitra_application_page_get_step (page), ==, EMITRA_FLOW_STEP_DOCUMENTS);

  emitra_documents_step_attach_file (page->documents_step, "photo", photo_file);
  emitra_documents_step_attach_file (page->documents_step, "self_declaration", declaration_file);
  emitra_test_spin_until (documents_idle, page->documents_step, 5000);
  g_assert_true (emitra_documents_step_is_attached (page->documents_step, "photo"));
  g_assert_true (emitra_documents_step_is_attached (page->documents_step, "self_declaration"));
  g_assert_cmpuint (assert_attachments_private (g_getenv ("EMITRA_DATA_DIR")), ==, 2);
  emitra_documents_step_set_original_seen (page->documents_step, "jan_aadhaar", TRUE);
  emitra_documents_step_set_original_seen (page->documents_step, "aadhaar", TRUE);
  press_next (page);
  g_assert_cmpstr (emitra_application_page_get_step (page), ==, EMITRA_FLOW_STEP_FEE);

  emitra_fee_step_set_cash_text (page->fee_step, "50");
  press_next (page);
  g_assert_cmpstr (emitra_application_page_get_step (page), ==, EMITRA_FLOW_STEP_REVIEW);

  if (offline)
    sandbox_set_faults (sandbox, "{\"fail_rate\": 1.0, \"fail_status\": 503, \"path_prefix\": \"/v1/transactions\"}");
  press_next (page);
  sandbox_set_faults (sandbox, "{}");
  g_assert_cmpstr (emitra_application_page_get_step (page), ==, EMITRA_FLOW_STEP_RECEIPT);
  receipt = emitra_receipt_view_get_receipt (page->receipt_view);
  g_assert_nonnull (receipt);
  g_assert_cmpint (emitra_receipt_get_status (receipt), ==,
                   offline ? EMITRA_RECEIPT_STATUS_PROVISIONAL : EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpstr (emitra_receipt_get_aadhaar_masked (receipt), ==, "XXXX XXXX 2346");
  emitra_test_spin_until (draft_submitted, emitra_application_page_get_draft (page), 5000);
  g_assert_true (emitra_draft_get_submitted (emitra_application_page_get_draft (page)));

  g_unlink (photo);
  g_unlink (declaration);
}

/* The ways the number could have been written down. */
static const char * const aadhaar_forms[] = {
  FULL_AADHAAR, "2341 2341 2346", "2341-2341-2346", "२३४१२३४१२३४६", "२३४१ २३४१ २३४६",
};

/* memmem(), not g_strstr_len(): a database file has NUL bytes all through
 * it, and g_strstr_len() stops at the first. */
static gboolean
contains (const char *contents,
          gsize       length,
          const char *needle)
{
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
assert_clean (const char *what,
              const char *contents,
              gsize       length,
              const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (aadhaar_forms); i++)
    if (contains (contents, length, aadhaar_forms[i]))
      g_error ("%s holds the full Aadhaar number (as “%s”)", what, aadhaar_forms[i]);
  if (contains (contents, length, token))
    g_error ("%s holds the session token", what);
}

/* Scans every file under @path; counts them into *@n_files. */
static void
scan_tree (const char *path,
           const char *token,
           guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        scan_tree (child, token, n_files);
      else
        {
          g_autofree char *contents = NULL;
          gsize length = 0;

          g_assert_true (g_file_get_contents (child, &contents, &length, NULL));
          g_test_message ("scanned %s (%" G_GSIZE_FORMAT " bytes)", child, length);
          assert_clean (child, contents, length, token);
          (*n_files)++;
        }
    }
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_nothing_left_behind (void)
{
  EmitraWindow *window = emitra_window_new (app);
  const char *data_dir = g_getenv ("EMITRA_DATA_DIR");
  g_autofree char *token = NULL;
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *log_path = g_build_filename (g_get_user_cache_dir (), "desk-test.log", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n_files = 0;

  gtk_window_present (GTK_WINDOW (window));
  {
    g_autoptr(EmitraOperatorSession) session = widget_test_sign_in (window);

    token = g_strdup (emitra_operator_session_get_token (session));
  }
  g_assert_cmpuint (strlen (token), >=, 16);

  emitra_test_spin_until (catalog_ready, emitra_application_get_catalog_context (app), 10000);
  g_assert_nonnull (emitra_catalog_context_get_catalog (emitra_application_get_catalog_context (app)));
  fill_and_submit (window, FALSE);
  fill_and_submit (window, TRUE);

  /* The operator closes the desk for the day: everything is written. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  emitra_test_spin_until (window_gone, &window, 5000);
  g_assert_null (window);
  g_settings_sync ();
  emitra_test_spin (200);

  /* The second application waits in the outbox, with its request. */
  {
    g_autofree char *db = g_build_filename (data_dir, "desk.db", NULL);
    sqlite3 *raw = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (db, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT request_json FROM outbox WHERE state = 'pending'", -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_test_message ("queued: %s", sqlite3_column_text (stmt, 0));
    g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 0), "Scholarship"));
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    sqlite3_close (raw);
  }

  /* The files the desk wrote. */
  scan_tree (data_dir, token, &n_files);
  g_assert_cmpuint (n_files, >=, 2);    /* desk.db and catalog.db at least */
  assert_private (data_dir);

  /* The settings, on disk: the sign-in window remembered the SSO ID. */
  g_assert_true (g_file_get_contents (keyfile, &contents, &length, NULL));
  g_test_message ("settings:\n%s", contents);
  g_assert_nonnull (strstr (contents, "anil.kumawat"));
  assert_clean (keyfile, contents, length, token);
  g_clear_pointer (&contents, g_free);

  /* Everything logged, written out as a log file would be. */
  g_mutex_lock (&log_lock);
  g_assert_nonnull (log_text);
  g_assert_true (g_file_set_contents (log_path, log_text->str, (gssize) log_text->len, NULL));
  g_mutex_unlock (&log_lock);
  g_assert_true (g_file_get_contents (log_path, &contents, &length, NULL));
  g_test_message ("%" G_GSIZE_FORMAT " bytes of log", length);
  /* It did log the gateway calls (so the scan means something). */
  g_assert_nonnull (strstr (contents, "DEBUG"));
  assert_clean (log_path, contents, length, token);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  int status;

  /* Before anything logs: every message of the run goes through here. */
  g_log_set_writer_func (capture_writer, NULL, NULL);
  /* Settings on disk, in the test's own config folder. */
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();
  setlocale (LC_ALL, "");
  data_dir = g_build_filename (g_get_user_data_dir (), "emitra-desk", NULL);
  g_setenv ("EMITRA_DATA_DIR", data_dir, TRUE);
  gtk_init ();
  adw_init ();

  sandbox = sandbox_start (NULL);
  /* Debug messages on from here (the sandbox, started above, would print
   * them before its address). */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  app = widget_test_application_new (sandbox->base_uri);

  g_test_add_func ("/ui/privacy/nothing-left-behind", test_nothing_left_behind);

  status = g_test_run ();
  g_clear_object (&app);
  sandbox_stop (sandbox);
  return status;
}
