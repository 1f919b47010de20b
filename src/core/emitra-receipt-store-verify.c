/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Verification of the receipt chain: every receipt's content is hashed
 * again and compared with its stored hash, every link to the receipt
 * before is followed, the numbers are checked for gaps, the status events
 * get the same treatment, and the current status kept beside each receipt
 * is compared with its history. The walk stops at the first broken link
 * and names it, because that is where a supervisor starts looking.
 *
 * What a chain cannot show: someone who rewrites every hash after a
 * change, or removes the newest receipts together with their events. The
 * chain makes an alteration visible; it does not make it impossible.
 */
#include "config.h"

#include "emitra-receipt-store-private.h"
#include "emitra-receipt-private.h"

#include <glib/gi18n-lib.h>

static void
set_text (char         **field,
          sqlite3_stmt  *stmt,
          int            column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_free (*field);
  *field = text != NULL ? g_strdup (text) : NULL;
}

static EmitraChainReport *
report_break (EmitraChainReport *report,
              EmitraChainBreak   result,
              gint64             receipt_no,
              gint64             event_id,
              char              *message)
{
  report->result = result;
  report->receipt_no = receipt_no;
  report->event_id = event_id;
  g_free (report->message);
  report->message = message;
  return report;
}

/* Returns FALSE on a database error; a break is recorded in @report. */
static gboolean
walk_receipts (sqlite3            *db,
               EmitraChainReport  *report,
               GError            **error)
{
  g_autoptr(EmitraReceipt) receipt = g_object_new (EMITRA_TYPE_RECEIPT, NULL);
  g_autofree char *expected_prev = g_strdup ("");
  gint64 expected_no = 1;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT receipt_no, request_id, transaction_id, service_id,"
                           " service_name_en, service_name_hi, citizen_name, aadhaar_masked, mobile,"
                           " department_fee, service_charge, total, cash_received, operator_id,"
                           " operator_name, kiosk_code, created_at, day, hour, prev_hash, hash, status"
                           " FROM receipts ORDER BY id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return emitra_database_set_error (db, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *computed = NULL;
      gint64 number = sqlite3_column_int64 (stmt, 0);

      receipt->receipt_no = number;
      set_text (&receipt->request_id, stmt, 1);
      set_text (&receipt->transaction_id, stmt, 2);
      set_text (&receipt->service_id, stmt, 3);
      set_text (&receipt->service_name_en, stmt, 4);
      set_text (&receipt->service_name_hi, stmt, 5);
      set_text (&receipt->citizen_name, stmt, 6);
      set_text (&receipt->aadhaar_masked, stmt, 7);
      set_text (&receipt->mobile, stmt, 8);
      receipt->department_fee = sqlite3_column_int64 (stmt, 9);
      receipt->service_charge = sqlite3_column_int64 (stmt, 10);
      receipt->total = sqlite3_column_int64 (stmt, 11);
      receipt->cash_received = sqlite3_column_int64 (stmt, 12);
      set_text (&receipt->operator_id, stmt, 13);
      set_text (&receipt->operator_name, stmt, 14);
      set_text (&receipt->kiosk_code, stmt, 15);
      receipt->created_at = sqlite3_column_int64 (stmt, 16);
      set_text (&receipt->day, stmt, 17);
      receipt->hour = sqlite3_column_int (stmt, 18);
      set_text (&receipt->prev_hash, stmt, 19);
      set_text (&receipt->hash, stmt, 20);
      /* A status that is not one of the four is hashed as format 1 would
       * be, and then cannot match: the receipt is named as altered. */
      receipt->issued_status = _emitra_receipt_issued_status_from_column ((const char *) sqlite3_column_text (stmt, 21));

      if (number > expected_no)
        {
          report_break (report, EMITRA_CHAIN_RECEIPT_MISSING, expected_no, 0,
                        expected_no == 1
                        ? g_strdup_printf (_("Receipt 1 is missing: the receipts start at number %lld."),
                                           (long long) number)
                        : g_strdup_printf (_("Receipt %lld is missing: receipt %lld comes straight after receipt %lld."),
                                           (long long) expected_no, (long long) number,
                                           (long long) expected_no - 1));
          break;
        }
      if (number < expected_no)
        {
          report_break (report, EMITRA_CHAIN_RECEIPT_UNLINKED, number, 0,
                        g_strdup_printf (_("Receipt %lld appears again after receipt %lld: the chain was rewritten there."),
                                         (long long) number, (long long) expected_no - 1));
          break;
        }

      computed = emitra_receipt_compute_hash (receipt, emitra_receipt_get_prev_hash (receipt));
      if (g_strcmp0 (computed, receipt->hash) != 0)
        {
          report_break (report, EMITRA_CHAIN_RECEIPT_ALTERED, number, 0,
                        g_strdup_printf (_("Receipt %lld was altered after it was issued: its content no longer matches its hash."),
                                         (long long) number));
          break;
        }
      if (g_strcmp0 (expected_prev, receipt->prev_hash) != 0)
        {
          report_break (report, EMITRA_CHAIN_RECEIPT_UNLINKED, number, 0,
                        number == 1
                        ? g_strdup (_("Receipt 1 is not the start of the chain: it was replaced."))
                        : g_strdup_printf (_("Receipt %lld does not follow receipt %lld: one of the two was replaced."),
                                           (long long) number, (long long) number - 1));
          break;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (receipt->hash);
      expected_no = number + 1;
      report->receipts_checked++;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    emitra_database_set_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
walk_events (sqlite3            *db,
             EmitraChainReport  *report,
             GError            **error)
{
  g_autofree char *expected_prev = g_strdup ("");
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT e.id, e.status, e.transaction_id, e.reason, e.at, e.prev_hash,"
                           " e.hash, r.receipt_no, r.hash"
                           " FROM receipt_events e LEFT JOIN receipts r ON r.id = e.receipt_id"
                           " ORDER BY e.id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return emitra_database_set_error (db, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, 5);
      const char *hash = (const char *) sqlite3_column_text (stmt, 6);
      gint64 receipt_no = sqlite3_column_int64 (stmt, 7);
      g_autofree char *computed = NULL;

      if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
        {
          report_break (report, EMITRA_CHAIN_EVENT_ORPHANED, 0, id,
                        g_strdup_printf (_("Status change %lld belongs to a receipt that no longer exists: the receipt was removed."),
                                         (long long) id));
          break;
        }

      computed = emitra_receipt_event_compute_hash ((const char *) sqlite3_column_text (stmt, 8),
                                                    (const char *) sqlite3_column_text (stmt, 1),
                                                    (const char *) sqlite3_column_text (stmt, 2),
                                                    (const char *) sqlite3_column_text (stmt, 3),
                                                    sqlite3_column_int64 (stmt, 4),
                                                    prev_hash);
      if (g_strcmp0 (computed, hash) != 0)
        {
          report_break (report, EMITRA_CHAIN_EVENT_ALTERED, receipt_no, id,
                        g_strdup_printf (_("Status change %lld of receipt %lld was altered after it was recorded."),
                                         (long long) id, (long long) receipt_no));
          break;
        }
      if (g_strcmp0 (expected_prev, prev_hash) != 0)
        {
          report_break (report, EMITRA_CHAIN_EVENT_UNLINKED, receipt_no, id,
                        g_strdup_printf (_("Status change %lld of receipt %lld does not follow the one before it: a status change was removed or replaced."),
                                         (long long) id, (long long) receipt_no));
          break;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (hash);
      report->events_checked++;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    emitra_database_set_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The status kept beside each receipt (what lists and reports read) must
 * be its latest event: a receipt quietly marked cancelled would otherwise
 * drop out of the day's cash. A receipt with no events is as it was
 * issued, and has no status row; one of format 1 (no issued status) must
 * have at least its first event. */
static gboolean
check_current_status (sqlite3            *db,
                      EmitraChainReport  *report,
                      GError            **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT r.receipt_no FROM receipts r"
                           " LEFT JOIN receipt_status s ON s.receipt_id = r.id"
                           " LEFT JOIN receipt_events e ON e.id ="
                           "  (SELECT max(id) FROM receipt_events WHERE receipt_id = r.id)"
                           " WHERE CASE WHEN e.id IS NULL THEN r.status IS NULL OR s.receipt_id IS NOT NULL"
                           "  ELSE s.status IS NOT e.status OR s.reason IS NOT e.reason END"
                           " ORDER BY r.id LIMIT 1",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return emitra_database_set_error (db, rc, error);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 number = sqlite3_column_int64 (stmt, 0);

      report_break (report, EMITRA_CHAIN_STATUS_MISMATCH, number, 0,
                    g_strdup_printf (_("The status shown for receipt %lld does not match its recorded history."),
                                     (long long) number));
    }
  else if (rc != SQLITE_DONE)
    emitra_database_set_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

EmitraChainReport *
_emitra_receipt_store_verify (EmitraReceiptStore  *self,
                              sqlite3             *db,
                              GError             **error)
{
  g_autoptr(EmitraChainReport) report = g_new0 (EmitraChainReport, 1);
  gboolean ok;

  /* One read transaction: the walk sees one consistent state even while
   * the desk keeps issuing receipts. */
  if (!emitra_database_set_error (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), error))
    return NULL;

  ok = walk_receipts (db, report, error) &&
       (report->result != EMITRA_CHAIN_INTACT || walk_events (db, report, error)) &&
       (report->result != EMITRA_CHAIN_INTACT || check_current_status (db, report, error));
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (!ok)
    return NULL;

  if (report->result == EMITRA_CHAIN_INTACT)
    report->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Checked %lld receipt and its history: the chain is intact.",
                                                    "Checked %lld receipts and their history: the chain is intact.",
                                                    (gulong) report->receipts_checked),
                                       (long long) report->receipts_checked);
  return g_steal_pointer (&report);
}

/**
 * emitra_receipt_store_verify:
 *
 * Walks the whole chain. Returns a report whose result is
 * %EMITRA_CHAIN_INTACT or names the first broken link; %NULL only when
 * the database could not be read.
 */
EmitraChainReport *
emitra_receipt_store_verify (EmitraReceiptStore  *self,
                             GError             **error)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);

  return _emitra_receipt_store_verify (self,
                                       emitra_database_get_handle (emitra_receipt_store_get_database (self)),
                                       error);
}
