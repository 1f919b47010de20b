/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk's database when the machine misbehaves: a damaged file is
 * detected at start and copied aside, never reset; a full disk refuses a
 * receipt with a clear message, corrupts nothing, and work resumes when
 * space is back.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "emitra-desk.h"
#include "emitra-desk-schema.h"

static void
test_desk_damaged_database_is_copied (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "desk", NULL);
  g_autofree char *path = g_build_filename (dir, "desk.db", NULL);
  g_autofree char *junk = g_strnfill (16384, 'Z');
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDesk) desk = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *after = NULL;
  const char *name;
  gboolean copied = FALSE;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, junk, -1, NULL));

  desk = emitra_desk_new (dir, "http://127.0.0.1:9", NULL, &error);
  g_assert_null (desk);
  g_assert_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "desk.db.damaged-"));

  /* The original is untouched and a byte-for-byte copy sits beside it. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, junk);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "desk.db.damaged-"))
      {
        g_autofree char *copy_path = g_build_filename (dir, name, NULL);
        g_autofree char *copy = NULL;

        g_assert_true (g_file_get_contents (copy_path, &copy, NULL, NULL));
        g_assert_cmpstr (copy, ==, junk);
        copied = TRUE;
      }
  g_assert_true (copied);
}

static EmitraReceipt *
new_receipt (const char *request_id)
{
  return g_object_new (EMITRA_TYPE_RECEIPT,
                       "request-id", request_id, "transaction-id", "100000000001",
                       "status", EMITRA_RECEIPT_STATUS_CONFIRMED,
                       "service-id", "caste-certificate-obc", "service-name-en", "Caste certificate",
                       "service-name-hi", "जाति प्रमाण पत्र", "citizen-name", "सुनीता मीणा",
                       "department-fee", (gint64) 0, "service-charge", (gint64) 5000,
                       "total", (gint64) 5000, "cash-received", (gint64) 5000,
                       "operator-id", "OP-1001", "operator-name", "Anil Kumawat",
                       "kiosk-code", "K11000142", NULL);
}

static void
test_desk_disk_full (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "full.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) database = emitra_desk_database_open (path, &error);
  g_autoptr(EmitraReceiptStore) store = NULL;
  g_autoptr(EmitraChainReport) report = NULL;
  guint stored = 0;

  g_assert_no_error (error);
  store = emitra_receipt_store_new (database);

  /* SQLite's page limit makes the disk "full" for this connection. */
  g_assert_true (emitra_database_exec (database, "PRAGMA max_page_count = 24", &error));
  for (guint i = 0; i < 500 && error == NULL; i++)
    {
      g_autofree char *request_id = g_strdup_printf ("request-%04u-0000000000", i);
      g_autoptr(EmitraReceipt) receipt = new_receipt (request_id);
      g_autoptr(EmitraReceipt) appended = emitra_receipt_store_append (store, receipt, &error);

      if (appended != NULL)
        stored++;
    }
  g_assert_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_cmpuint (stored, >, 0);
  g_clear_error (&error);

  /* Nothing half-written: the chain holds exactly what was stored. */
  report = emitra_receipt_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
  g_assert_cmpint (report->receipts_checked, ==, stored);
  g_clear_pointer (&report, emitra_chain_report_free);

  /* Space is back: the next receipt goes in, numbered after the last. */
  g_assert_true (emitra_database_exec (database, "PRAGMA max_page_count = 1073741823", &error));
  {
    g_autoptr(EmitraReceipt) receipt = new_receipt ("request-after-full-000000");
    g_autoptr(EmitraReceipt) appended = emitra_receipt_store_append (store, receipt, &error);

    g_assert_no_error (error);
    g_assert_cmpint (emitra_receipt_get_receipt_no (appended), ==, stored + 1);
  }
  report = emitra_receipt_store_verify (store, &error);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/desk/damaged-database-is-copied", test_desk_damaged_database_is_copied);
  g_test_add_func ("/desk/disk-full", test_desk_disk_full);

  return g_test_run ();
}
