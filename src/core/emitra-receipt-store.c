/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk's receipts: append-only and hash-chained (see emitra-receipt.c
 * for what is hashed). Appending a receipt numbers it, links it to the one
 * before and stores it with the status it was issued with, in one durable
 * transaction: a receipt that was handed to a citizen is on disk, and no
 * two receipts can take the same number or the same request ID. A status
 * change never edits a receipt: it is a new event, chained like the
 * receipts, and the current status beside it is derived data that
 * verification recomputes.
 *
 * Issuing writes one row, not three: the issued status is in the receipt's
 * row and hash, and events record changes only. Each row is another page
 * for the disk flush to write, and an append is what the operator waits
 * on at every counter. (Receipts issued before that format recorded their
 * first status as an event; see the desk schema's migration 3.)
 *
 * The store is not thread-safe by itself: use it from one thread at a
 * time. The GUI calls the _async variants, which all run on the database's
 * single worker thread; the command line and the tests call the
 * synchronous functions from the main thread.
 */
#include "config.h"

#include "emitra-receipt-store-private.h"
#include "emitra-receipt-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (emitra-receipt-store-error-quark, emitra_receipt_store_error)

G_DEFINE_BOXED_TYPE (EmitraChainReport, emitra_chain_report,
                     emitra_chain_report_copy, emitra_chain_report_free)
G_DEFINE_BOXED_TYPE (EmitraReceiptEvent, emitra_receipt_event,
                     emitra_receipt_event_copy, emitra_receipt_event_free)

typedef enum {
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_LAST_RECEIPT,
  STMT_LAST_EVENT,
  STMT_INSERT_RECEIPT,
  STMT_INSERT_EVENT,
  STMT_UPSERT_STATUS,
  STMT_BY_NUMBER,
  STMT_BY_REQUEST_ID,
  N_STMTS
} StmtId;

/* The statements an operator's every receipt goes through are prepared
 * once: a receipt's append is a disk flush plus as little else as possible. */
static const char *const stmt_sql[N_STMTS] = {
  /* IMMEDIATE takes the write lock at once: the transaction cannot fail
   * half-way for want of it. */
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_LAST_RECEIPT] = "SELECT receipt_no, hash FROM receipts ORDER BY id DESC LIMIT 1",
  [STMT_LAST_EVENT] = "SELECT hash FROM receipt_events ORDER BY id DESC LIMIT 1",
  [STMT_INSERT_RECEIPT] =
    "INSERT INTO receipts (receipt_no, request_id, transaction_id, service_id,"
    " service_name_en, service_name_hi, citizen_name, aadhaar_masked, mobile,"
    " department_fee, service_charge, total, cash_received, operator_id, operator_name,"
    " kiosk_code, created_at, day, hour, prev_hash, hash, status)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
    " ?18, ?19, ?20, ?21, ?22)",
  [STMT_INSERT_EVENT] =
    "INSERT INTO receipt_events (receipt_id, status, transaction_id, reason, at, prev_hash, hash)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_UPSERT_STATUS] =
    "INSERT INTO receipt_status (receipt_id, status, reason, updated_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (receipt_id) DO UPDATE SET status = excluded.status,"
    " reason = excluded.reason, updated_at = excluded.updated_at",
  [STMT_BY_NUMBER] = "SELECT " EMITRA_RECEIPT_COLUMNS " FROM " EMITRA_RECEIPT_FROM
                     " WHERE r.receipt_no = ?1",
  [STMT_BY_REQUEST_ID] = "SELECT " EMITRA_RECEIPT_COLUMNS " FROM " EMITRA_RECEIPT_FROM
                         " WHERE r.request_id = ?1",
};

struct _EmitraReceiptStore
{
  GObject         parent_instance;

  EmitraDatabase *database;
  sqlite3_stmt   *stmts[N_STMTS];
};

G_DEFINE_FINAL_TYPE (EmitraReceiptStore, emitra_receipt_store, G_TYPE_OBJECT)

EmitraChainReport *
emitra_chain_report_copy (const EmitraChainReport *report)
{
  EmitraChainReport *copy = g_memdup2 (report, sizeof *report);

  copy->message = g_strdup (report->message);
  return copy;
}

void
emitra_chain_report_free (EmitraChainReport *report)
{
  if (report == NULL)
    return;
  g_free (report->message);
  g_free (report);
}

EmitraReceiptEvent *
emitra_receipt_event_copy (const EmitraReceiptEvent *event)
{
  EmitraReceiptEvent *copy = g_memdup2 (event, sizeof *event);

  copy->transaction_id = g_strdup (event->transaction_id);
  copy->reason = g_strdup (event->reason);
  copy->hash = g_strdup (event->hash);
  return copy;
}

void
emitra_receipt_event_free (EmitraReceiptEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->transaction_id);
  g_free (event->reason);
  g_free (event->hash);
  g_free (event);
}

static void
emitra_receipt_store_finalize (GObject *object)
{
  EmitraReceiptStore *self = EMITRA_RECEIPT_STORE (object);

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (emitra_receipt_store_parent_class)->finalize (object);
}

static void
emitra_receipt_store_class_init (EmitraReceiptStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_receipt_store_finalize;
}

static void
emitra_receipt_store_init (EmitraReceiptStore *self)
{
}

EmitraReceiptStore *
emitra_receipt_store_new (EmitraDatabase *database)
{
  EmitraReceiptStore *self;

  g_return_val_if_fail (EMITRA_IS_DATABASE (database), NULL);

  self = g_object_new (EMITRA_TYPE_RECEIPT_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

EmitraDatabase *
emitra_receipt_store_get_database (EmitraReceiptStore *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);

  return self->database;
}

/* A cached statement, reset and ready to bind. */
static sqlite3_stmt *
get_stmt (EmitraReceiptStore  *self,
          StmtId               id,
          GError             **error)
{
  sqlite3 *db = emitra_database_get_handle (self->database);
  int rc;

  if (self->stmts[id] != NULL)
    {
      sqlite3_reset (self->stmts[id]);
      sqlite3_clear_bindings (self->stmts[id]);
      return self->stmts[id];
    }

  rc = sqlite3_prepare_v3 (db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &self->stmts[id], NULL);
  if (rc != SQLITE_OK)
    {
      emitra_database_set_error (db, rc, error);
      return NULL;
    }
  return self->stmts[id];
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_INVALID,
                       message);
  return FALSE;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The hash of the newest event ("" before the first): the next link. */
static char *
last_event_hash (EmitraReceiptStore  *self,
                 GError             **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_LAST_EVENT, error);
  char *hash = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  /* Every statement is reset as soon as it is read: one left active would
   * hold its read snapshot open past the commit. */
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    hash = dup_column (stmt, 0);
  else if (rc == SQLITE_DONE)
    hash = g_strdup ("");
  else
    emitra_database_set_error (emitra_database_get_handle (self->database), rc, error);
  sqlite3_reset (stmt);
  return hash;
}

static gboolean
step_done (EmitraReceiptStore  *self,
           sqlite3_stmt        *stmt,
           GError             **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return emitra_database_set_error (emitra_database_get_handle (self->database), rc, error);
}

static gboolean
begin (EmitraReceiptStore  *self,
       GError             **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_BEGIN, error);

  return stmt != NULL && step_done (self, stmt, error);
}

static gboolean
commit (EmitraReceiptStore  *self,
        GError             **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_COMMIT, error);

  if (stmt != NULL && step_done (self, stmt, error))
    return TRUE;
  emitra_database_rollback (self->database);
  return FALSE;
}

/* Inserts one chained event and sets the receipt's current status to it. */
static gboolean
insert_event (EmitraReceiptStore  *self,
              gint64               receipt_id,
              const char          *receipt_hash,
              EmitraReceiptStatus  status,
              const char          *transaction_id,
              const char          *reason,
              gint64               at,
              GError             **error)
{
  const char *status_name = emitra_receipt_status_to_string (status);
  g_autofree char *prev_hash = last_event_hash (self, error);
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  if (prev_hash == NULL)
    return FALSE;
  if (reason == NULL)
    reason = "";
  if (is_blank (transaction_id))
    transaction_id = NULL;

  hash = emitra_receipt_event_compute_hash (receipt_hash, status_name, transaction_id, reason,
                                            at, prev_hash);

  stmt = get_stmt (self, STMT_INSERT_EVENT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt_id);
  bind_text (stmt, 2, status_name);
  bind_text (stmt, 3, transaction_id);
  bind_text (stmt, 4, reason);
  sqlite3_bind_int64 (stmt, 5, at);
  bind_text (stmt, 6, prev_hash);
  bind_text (stmt, 7, hash);
  if (!step_done (self, stmt, error))
    return FALSE;

  stmt = get_stmt (self, STMT_UPSERT_STATUS, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt_id);
  bind_text (stmt, 2, status_name);
  bind_text (stmt, 3, reason);
  sqlite3_bind_int64 (stmt, 4, at);
  return step_done (self, stmt, error);
}

static gboolean
insert_receipt (EmitraReceiptStore  *self,
                EmitraReceipt       *receipt,
                GError             **error)
{
  sqlite3 *db = emitra_database_get_handle (self->database);
  sqlite3_stmt *stmt = get_stmt (self, STMT_INSERT_RECEIPT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt->receipt_no);
  bind_text (stmt, 2, receipt->request_id);
  bind_text (stmt, 3, receipt->transaction_id);
  bind_text (stmt, 4, receipt->service_id);
  bind_text (stmt, 5, receipt->service_name_en);
  bind_text (stmt, 6, receipt->service_name_hi);
  bind_text (stmt, 7, receipt->citizen_name);
  bind_text (stmt, 8, receipt->aadhaar_masked);
  bind_text (stmt, 9, receipt->mobile);
  sqlite3_bind_int64 (stmt, 10, receipt->department_fee);
  sqlite3_bind_int64 (stmt, 11, receipt->service_charge);
  sqlite3_bind_int64 (stmt, 12, receipt->total);
  sqlite3_bind_int64 (stmt, 13, receipt->cash_received);
  bind_text (stmt, 14, receipt->operator_id);
  bind_text (stmt, 15, receipt->operator_name);
  bind_text (stmt, 16, receipt->kiosk_code);
  sqlite3_bind_int64 (stmt, 17, receipt->created_at);
  bind_text (stmt, 18, receipt->day);
  sqlite3_bind_int (stmt, 19, receipt->hour);
  bind_text (stmt, 20, receipt->prev_hash);
  bind_text (stmt, 21, receipt->hash);
  bind_text (stmt, 22, emitra_receipt_status_to_string (receipt->issued_status));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      receipt->id = sqlite3_last_insert_rowid (db);
      return TRUE;
    }

  if ((rc & 0xff) == SQLITE_CONSTRAINT && strstr (sqlite3_errmsg (db), "request_id") != NULL)
    g_set_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_DUPLICATE,
                 _("A receipt for request %s was already issued; it cannot be issued twice."),
                 receipt->request_id);
  else
    emitra_database_set_error (db, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

/* Numbers, chains and inserts a prepared receipt inside the caller's
 * transaction. */
gboolean
_emitra_receipt_store_insert (EmitraReceiptStore  *self,
                              EmitraReceipt       *stored,
                              GError             **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_LAST_RECEIPT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stored->receipt_no = sqlite3_column_int64 (stmt, 0) + 1;
      stored->prev_hash = dup_column (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    {
      stored->receipt_no = 1;
      stored->prev_hash = g_strdup ("");
    }
  else
    {
      emitra_database_set_error (emitra_database_get_handle (self->database), rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  stored->hash = emitra_receipt_compute_hash (stored, stored->prev_hash);

  return insert_receipt (self, stored, error);
}

/**
 * emitra_receipt_store_append:
 * @receipt: the receipt to issue, made with g_object_new() and its input
 *   properties; created-at 0 means now
 *
 * Issues @receipt durably: numbers it, chains it and records the status
 * it is issued with. Returns the stored receipt (a new object), or %NULL with
 * %EMITRA_RECEIPT_STORE_ERROR_DUPLICATE when its request ID already has a
 * receipt, %EMITRA_RECEIPT_STORE_ERROR_INVALID when its content is refused,
 * or a database error.
 */
EmitraReceipt *
emitra_receipt_store_append (EmitraReceiptStore  *self,
                             EmitraReceipt       *receipt,
                             GError             **error)
{
  g_autoptr(EmitraReceipt) stored = NULL;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);
  g_return_val_if_fail (EMITRA_IS_RECEIPT (receipt), NULL);

  stored = _emitra_receipt_store_prepare (receipt, error);
  if (stored == NULL || !begin (self, error))
    return NULL;
  if (!_emitra_receipt_store_insert (self, stored, error) ||
      !commit (self, error))
    {
      emitra_database_rollback (self->database);
      return NULL;
    }

  return g_steal_pointer (&stored);
}

static gboolean
transition_allowed (EmitraReceiptStatus from,
                    EmitraReceiptStatus to)
{
  switch (from)
    {
    case EMITRA_RECEIPT_STATUS_PROVISIONAL:
      return to != EMITRA_RECEIPT_STATUS_PROVISIONAL;
    case EMITRA_RECEIPT_STATUS_CONFIRMED:
      /* A confirmed transaction may still be cancelled through the gateway. */
      return to == EMITRA_RECEIPT_STATUS_CANCELLED;
    case EMITRA_RECEIPT_STATUS_REJECTED:
    case EMITRA_RECEIPT_STATUS_CANCELLED:
    default:
      return FALSE;
    }
}

/* The receipt with @request_id or, when that is %NULL, number @receipt_no. */
EmitraReceipt *
_emitra_receipt_store_fetch (EmitraReceiptStore  *self,
                             const char          *request_id,
                             gint64               receipt_no,
                             GError             **error)
{
  sqlite3_stmt *stmt = get_stmt (self, request_id != NULL ? STMT_BY_REQUEST_ID : STMT_BY_NUMBER, error);
  EmitraReceipt *receipt = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (request_id != NULL)
    bind_text (stmt, 1, request_id);
  else
    sqlite3_bind_int64 (stmt, 1, receipt_no);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    receipt = _emitra_receipt_store_read_row (stmt);
  else if (rc == SQLITE_DONE)
    {
      if (request_id != NULL)
        g_set_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_NOT_FOUND,
                     _("There is no receipt for request %s."), request_id);
      else
        g_set_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_NOT_FOUND,
                     _("There is no receipt number %lld."), (long long) receipt_no);
    }
  else
    emitra_database_set_error (emitra_database_get_handle (self->database), rc, error);
  sqlite3_reset (stmt);

  return receipt;
}

static EmitraReceipt *
add_event_to (EmitraReceiptStore   *self,
              EmitraReceipt        *receipt,
              EmitraReceiptStatus   status,
              const char           *transaction_id,
              const char           *reason,
              GError              **error)
{
  gint64 at = now_seconds ();

  /* Hearing the same outcome twice (a retry, a second poll) is not a
   * change: it adds nothing to the history. */
  if (status == receipt->status)
    return g_object_ref (receipt);

  if (!transition_allowed (receipt->status, status))
    {
      g_set_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_BAD_TRANSITION,
                   /* Translators: the two %s are receipt statuses, e.g. "Cancelled" and "Confirmed". */
                   _("Receipt %lld is %s; it cannot become %s."),
                   (long long) receipt->receipt_no,
                   emitra_receipt_status_get_label (receipt->status),
                   emitra_receipt_status_get_label (status));
      return NULL;
    }
  if (status == EMITRA_RECEIPT_STATUS_CONFIRMED && is_blank (transaction_id) &&
      emitra_receipt_get_transaction_id (receipt)[0] == '\0')
    {
      refuse (error, _("A confirmed receipt needs the gateway's transaction ID."));
      return NULL;
    }

  if (!insert_event (self, receipt->id, receipt->hash, status, transaction_id, reason, at, error))
    return NULL;

  _emitra_receipt_set_status (receipt, status, reason != NULL ? reason : "", transaction_id, at);
  return g_object_ref (receipt);
}

EmitraReceipt *
_emitra_receipt_store_add_event_by_request_id (EmitraReceiptStore   *self,
                                               const char           *request_id,
                                               EmitraReceiptStatus   status,
                                               const char           *transaction_id,
                                               const char           *reason,
                                               GError              **error)
{
  g_autoptr(EmitraReceipt) receipt = _emitra_receipt_store_fetch (self, request_id, 0, error);

  if (receipt == NULL)
    return NULL;
  return add_event_to (self, receipt, status, transaction_id, reason, error);
}

/**
 * emitra_receipt_store_add_event:
 *
 * Records that receipt @receipt_no became @status (with the gateway's
 * @transaction_id for a confirmation, and the gateway's or operator's
 * @reason for a rejection or cancellation). Returns the receipt as it now
 * stands.
 */
EmitraReceipt *
emitra_receipt_store_add_event (EmitraReceiptStore   *self,
                                gint64                receipt_no,
                                EmitraReceiptStatus   status,
                                const char           *transaction_id,
                                const char           *reason,
                                GError              **error)
{
  g_autoptr(EmitraReceipt) receipt = NULL;
  EmitraReceipt *updated;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);

  if (!begin (self, error))
    return NULL;

  receipt = _emitra_receipt_store_fetch (self, NULL, receipt_no, error);
  updated = receipt != NULL ? add_event_to (self, receipt, status, transaction_id, reason, error) : NULL;
  if (updated == NULL || !commit (self, error))
    {
      g_clear_object (&updated);
      emitra_database_rollback (self->database);
      return NULL;
    }

  return updated;
}
