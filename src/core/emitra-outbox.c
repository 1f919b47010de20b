/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox: submissions written down before the network call (journal
 * first) and kept until the gateway has confirmed, rejected or cancelled
 * them. An item survives restarts and crashes because it is a row in the
 * durable desk database; it is retried with exponential backoff and
 * jitter; and its outcome updates its provisional receipt in the same
 * transaction, so the outbox and the receipts never disagree.
 *
 * This module keeps the books; talking to the gateway (verify by request
 * ID before any resend, then resend or settle) is the submission
 * orchestrator's job. Like the receipt store, it is used from one thread
 * at a time: the database's worker thread for the GUI. Reading items back
 * is emitra-outbox-query.c's.
 */
#include "config.h"

#include "emitra-outbox.h"
#include "emitra-outbox-item-private.h"
#include "emitra-receipt-store-private.h"
#include "emitra-aadhaar-mask.h"
#include "emitra-json.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (emitra-outbox-error-quark, emitra_outbox_error)

/* A request is at most this large: a form, never its scanned documents. */
#define MAX_REQUEST_JSON (1024 * 1024)

struct _EmitraOutbox
{
  GObject         parent_instance;

  EmitraDatabase *database;
};

G_DEFINE_FINAL_TYPE (EmitraOutbox, emitra_outbox, G_TYPE_OBJECT)

static void
emitra_outbox_finalize (GObject *object)
{
  EmitraOutbox *self = EMITRA_OUTBOX (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (emitra_outbox_parent_class)->finalize (object);
}

static void
emitra_outbox_class_init (EmitraOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_outbox_finalize;
}

static void
emitra_outbox_init (EmitraOutbox *self)
{
}

EmitraOutbox *
emitra_outbox_new (EmitraDatabase *database)
{
  EmitraOutbox *self;

  g_return_val_if_fail (EMITRA_IS_DATABASE (database), NULL);

  self = g_object_new (EMITRA_TYPE_OUTBOX, NULL);
  self->database = g_object_ref (database);
  return self;
}

EmitraDatabase *
emitra_outbox_get_database (EmitraOutbox *self)
{
  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), NULL);

  return self->database;
}

/**
 * emitra_outbox_backoff_seconds:
 * @attempts: the failed attempts so far (1 after the first failure)
 * @jitter: a number in [0, 1), random in use, fixed in tests
 *
 * How long to wait before the next attempt: 15 s doubling up to 15 min,
 * of which the second half is jitter ("equal jitter"), so the wait is
 * never below half the nominal delay and never above the cap.
 */
gint64
emitra_outbox_backoff_seconds (guint  attempts,
                               double jitter)
{
  gint64 delay = EMITRA_OUTBOX_FIRST_DELAY;

  for (guint i = 1; i < attempts && delay < EMITRA_OUTBOX_MAX_DELAY; i++)
    delay *= 2;
  delay = MIN (delay, EMITRA_OUTBOX_MAX_DELAY);
  jitter = CLAMP (jitter, 0.0, 1.0);

  return delay / 2 + (gint64) ((double) (delay - delay / 2) * jitter);
}

static guint
count_digits (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      n++;
  return n;
}

static gboolean
holds_full_aadhaar (JsonNode *node,
                    gboolean  under_aadhaar);

static void
check_member_cb (JsonObject  *object,
                 const char  *member,
                 JsonNode    *node,
                 gpointer     user_data)
{
  gboolean *found = user_data;

  if (!*found)
    *found = holds_full_aadhaar (node, emitra_aadhaar_names_member (member));
}

static void
check_element_cb (JsonArray *array,
                  guint      index,
                  JsonNode  *node,
                  gpointer   user_data)
{
  gboolean *found = user_data;

  if (!*found)
    *found = holds_full_aadhaar (node, FALSE);
}

/* A value under an Aadhaar member may show at most the last 4 digits. */
static gboolean
holds_full_aadhaar (JsonNode *node,
                    gboolean  under_aadhaar)
{
  gboolean found = FALSE;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      json_object_foreach_member (json_node_get_object (node), check_member_cb, &found);
      return found;
    case JSON_NODE_ARRAY:
      json_array_foreach_element (json_node_get_array (node), check_element_cb, &found);
      return found;
    case JSON_NODE_VALUE:
      if (!under_aadhaar)
        return FALSE;
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return count_digits (json_node_get_string (node)) > 4;
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        return json_node_get_int (node) > 9999 || json_node_get_int (node) < -9999;
      return FALSE;
    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

static gboolean
check_request_json (const char  *request_json,
                    GError     **error)
{
  g_autoptr(JsonObject) object = emitra_json_parse_object (request_json, -1, MAX_REQUEST_JSON, error);
  g_autoptr(JsonNode) root = NULL;

  if (object == NULL)
    return FALSE;

  root = json_node_init_object (json_node_alloc (), object);
  if (holds_full_aadhaar (root, FALSE))
    {
      g_set_error_literal (error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_UNMASKED_AADHAAR,
                           _("The application holds a full Aadhaar number; only its last 4 digits may be kept."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_item (EmitraOutbox  *self,
             const char    *request_id,
             gint64         receipt_id,
             const char    *service_id,
             const char    *request_json,
             const char    *draft_id,
             gint64         now,
             GError       **error)
{
  sqlite3 *db = emitra_database_get_handle (self->database);
  sqlite3_stmt *stmt;
  int rc;

  stmt = emitra_database_prepare (self->database,
                                  "INSERT INTO outbox (request_id, receipt_id, draft_id, service_id,"
                                  " request_json, state, attempts, last_error, next_attempt_at,"
                                  " created_at, updated_at)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, '', ?6, ?6, ?6)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, request_id, -1, SQLITE_STATIC);
  if (receipt_id > 0)
    sqlite3_bind_int64 (stmt, 2, receipt_id);
  else
    sqlite3_bind_null (stmt, 2);
  if (draft_id != NULL)
    sqlite3_bind_text (stmt, 3, draft_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, service_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, request_json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, now);

  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT && strstr (sqlite3_errmsg (db), "outbox.request_id") != NULL)
    g_set_error (error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_DUPLICATE,
                 _("Request %s is already waiting to be sent."), request_id);
  else if (rc != SQLITE_DONE)
    emitra_database_set_error (db, rc, error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

/**
 * emitra_outbox_enqueue:
 * @now: Unix seconds; the item is due at once
 *
 * Writes a submission down before it is sent. Refuses a request ID that
 * is already in the outbox and a request that holds a full Aadhaar number.
 */
gboolean
emitra_outbox_enqueue (EmitraOutbox  *self,
                       const char    *request_id,
                       const char    *service_id,
                       const char    *request_json,
                       const char    *draft_id,
                       gint64         now,
                       GError       **error)
{
  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (request_id != NULL && request_id[0] != '\0', FALSE);
  g_return_val_if_fail (service_id != NULL, FALSE);
  g_return_val_if_fail (request_json != NULL, FALSE);

  if (!check_request_json (request_json, error))
    return FALSE;

  return insert_item (self, request_id, 0, service_id, request_json, draft_id, now, error);
}

/**
 * emitra_outbox_enqueue_with_receipt:
 * @provisional: the provisional receipt handed to the citizen meanwhile
 *
 * Writes the submission and issues its provisional receipt in one
 * transaction: there is never a receipt without its pending submission,
 * nor the other way round. Returns the stored receipt.
 */
EmitraReceipt *
emitra_outbox_enqueue_with_receipt (EmitraOutbox        *self,
                                    EmitraReceiptStore  *store,
                                    const char          *request_json,
                                    const char          *draft_id,
                                    EmitraReceipt       *provisional,
                                    GError             **error)
{
  g_autoptr(EmitraReceipt) stored = NULL;
  sqlite3_stmt *stmt;
  gint64 receipt_id = 0;

  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (store), NULL);
  g_return_val_if_fail (emitra_receipt_store_get_database (store) == self->database, NULL);
  g_return_val_if_fail (EMITRA_IS_RECEIPT (provisional), NULL);

  if (emitra_receipt_get_status (provisional) != EMITRA_RECEIPT_STATUS_PROVISIONAL)
    {
      g_set_error_literal (error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_INVALID,
                           _("Only a provisional receipt waits in the outbox."));
      return NULL;
    }
  if (!check_request_json (request_json, error))
    return NULL;
  stored = _emitra_receipt_store_prepare (provisional, error);
  if (stored == NULL || !emitra_database_begin (self->database, error))
    return NULL;

  if (!_emitra_receipt_store_insert (store, stored, error))
    goto fail;

  /* The stored receipt knows its row only through its number. */
  stmt = emitra_database_prepare (self->database, "SELECT id FROM receipts WHERE receipt_no = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, emitra_receipt_get_receipt_no (stored));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    receipt_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (!insert_item (self, emitra_receipt_get_request_id (stored), receipt_id,
                    emitra_receipt_get_service_id (stored), request_json, draft_id,
                    emitra_receipt_get_created_at (stored), error) ||
      !emitra_database_commit (self->database, error))
    goto fail;

  return g_steal_pointer (&stored);

fail:
  emitra_database_rollback (self->database);
  return NULL;
}

/**
 * emitra_outbox_attach_receipt:
 * @provisional: the provisional receipt for an item already journalled
 *
 * Issues the provisional receipt of a pending item that was written before
 * its first attempt (journal first) and whose outcome turned out unknown:
 * the receipt and its link to the item are one transaction, so a later
 * settle moves the receipt with the item. Returns the stored receipt.
 */
EmitraReceipt *
emitra_outbox_attach_receipt (EmitraOutbox        *self,
                              EmitraReceiptStore  *store,
                              EmitraReceipt       *provisional,
                              GError             **error)
{
  g_autoptr(EmitraReceipt) stored = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (store), NULL);
  g_return_val_if_fail (emitra_receipt_get_status (provisional) == EMITRA_RECEIPT_STATUS_PROVISIONAL, NULL);

  stored = _emitra_receipt_store_prepare (provisional, error);
  if (stored == NULL || !emitra_database_begin (self->database, error))
    return NULL;

  if (!_emitra_receipt_store_insert (store, stored, error))
    goto fail;

  stmt = emitra_database_prepare (self->database,
                                  "UPDATE outbox SET receipt_id ="
                                  " (SELECT id FROM receipts WHERE receipt_no = ?2)"
                                  " WHERE request_id = ?1 AND state = 'pending' AND receipt_id IS NULL",
                                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, emitra_receipt_get_request_id (stored), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, emitra_receipt_get_receipt_no (stored));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      emitra_database_set_error (emitra_database_get_handle (self->database), rc, error);
      goto fail;
    }
  if (sqlite3_changes (emitra_database_get_handle (self->database)) != 1)
    {
      g_set_error (error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_NOT_PENDING,
                   _("Request %s is no longer waiting: it was already settled."),
                   emitra_receipt_get_request_id (stored));
      goto fail;
    }

  if (!emitra_database_commit (self->database, error))
    goto fail;
  return g_steal_pointer (&stored);

fail:
  emitra_database_rollback (self->database);
  return NULL;
}

/* Runs an UPDATE of one pending item, its parameters numbered ?1 request
 * ID, ?2 text, ?3 number, ?4 now (binding one a statement does not use is
 * harmless); NOT_FOUND or NOT_PENDING when it changed nothing. */
static gboolean
update_pending (EmitraOutbox  *self,
                const char    *sql,
                const char    *request_id,
                const char    *text,
                gint64         number,
                gint64         now,
                GError       **error)
{
  g_autoptr(EmitraOutboxItem) item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = emitra_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, request_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text != NULL ? text : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, number);
  sqlite3_bind_int64 (stmt, 4, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    emitra_database_set_error (sqlite3_db_handle (stmt), rc, error);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  if (sqlite3_changes (emitra_database_get_handle (self->database)) > 0)
    return TRUE;

  item = emitra_outbox_get (self, request_id, error);
  if (item != NULL)
    g_set_error (error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_NOT_PENDING,
                 _("Request %s is no longer waiting: it was already settled."), request_id);
  return FALSE;
}

/**
 * emitra_outbox_reopen:
 * @request_json: the corrected submission
 *
 * Puts back in the queue a submission the gateway refused outright (it was
 * settled rejected or cancelled and never had a receipt, so nothing was
 * charged), for the operator's corrected second attempt under the same
 * request ID. A submission that has a receipt is never reopened.
 */
gboolean
emitra_outbox_reopen (EmitraOutbox  *self,
                      const char    *request_id,
                      const char    *request_json,
                      gint64         now,
                      GError       **error)
{
  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (request_id != NULL, FALSE);

  if (!check_request_json (request_json, error))
    return FALSE;

  /* update_pending binds ?2 as text and ?3 as a number; the state test is
   * the opposite of its usual one, hence the SQL here. */
  return update_pending (self,
                         "UPDATE outbox SET state = 'pending', request_json = ?2, attempts = ?3,"
                         " last_error = '', next_attempt_at = ?4, updated_at = ?4"
                         " WHERE request_id = ?1 AND state IN ('rejected', 'cancelled')"
                         " AND receipt_id IS NULL",
                         request_id, request_json, 0, now, error);
}

/**
 * emitra_outbox_record_attempt:
 * @error_message: what went wrong, in the operator's language
 *
 * Notes a failed attempt and schedules the next one with backoff.
 */
gboolean
emitra_outbox_record_attempt (EmitraOutbox  *self,
                              const char    *request_id,
                              const char    *error_message,
                              gint64         now,
                              GError       **error)
{
  g_autoptr(EmitraOutboxItem) item = NULL;
  gint64 delay;

  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (request_id != NULL, FALSE);

  item = emitra_outbox_get (self, request_id, error);
  if (item == NULL)
    return FALSE;
  delay = emitra_outbox_backoff_seconds (emitra_outbox_item_get_attempts (item) + 1, g_random_double ());

  return update_pending (self,
                         "UPDATE outbox SET attempts = attempts + 1, last_error = ?2,"
                         " next_attempt_at = ?4 + ?3, updated_at = ?4"
                         " WHERE request_id = ?1 AND state = 'pending'",
                         request_id, error_message, delay, now, error);
}

/* The operator's "Retry now": the item is due at once. */
gboolean
emitra_outbox_retry_now (EmitraOutbox  *self,
                         const char    *request_id,
                         gint64         now,
                         GError       **error)
{
  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (request_id != NULL, FALSE);

  return update_pending (self,
                         "UPDATE outbox SET next_attempt_at = ?4, updated_at = ?4"
                         " WHERE request_id = ?1 AND state = 'pending'",
                         request_id, NULL, 0, now, error);
}

static gboolean
settled_state_to_status (EmitraOutboxState    state,
                         EmitraReceiptStatus *out_status)
{
  switch (state)
    {
    case EMITRA_OUTBOX_STATE_CONFIRMED:
      *out_status = EMITRA_RECEIPT_STATUS_CONFIRMED;
      return TRUE;
    case EMITRA_OUTBOX_STATE_REJECTED:
      *out_status = EMITRA_RECEIPT_STATUS_REJECTED;
      return TRUE;
    case EMITRA_OUTBOX_STATE_CANCELLED:
      *out_status = EMITRA_RECEIPT_STATUS_CANCELLED;
      return TRUE;
    case EMITRA_OUTBOX_STATE_PENDING:
    default:
      return FALSE;
    }
}

/**
 * emitra_outbox_settle:
 * @state: confirmed, rejected or cancelled: the gateway's answer
 * @transaction_id: the gateway's transaction ID, for a confirmation
 * @reason: the gateway's reason, for a rejection or a cancellation
 * @out_receipt: (out) (optional): the item's receipt as it now stands,
 *   or %NULL when the item has none
 *
 * Closes a pending item and moves its receipt to the same status, in one
 * transaction. Hearing the same answer twice is not an error.
 */
gboolean
emitra_outbox_settle (EmitraOutbox         *self,
                      EmitraReceiptStore   *store,
                      const char           *request_id,
                      EmitraOutboxState     state,
                      const char           *transaction_id,
                      const char           *reason,
                      gint64                now,
                      EmitraReceipt       **out_receipt,
                      GError              **error)
{
  g_autoptr(EmitraOutboxItem) item = NULL;
  g_autoptr(EmitraReceipt) receipt = NULL;
  EmitraReceiptStatus status;

  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (store), FALSE);
  g_return_val_if_fail (emitra_receipt_store_get_database (store) == self->database, FALSE);
  g_return_val_if_fail (request_id != NULL, FALSE);
  g_return_val_if_fail (settled_state_to_status (state, &status), FALSE);

  if (!emitra_database_begin (self->database, error))
    return FALSE;

  item = emitra_outbox_get (self, request_id, error);
  if (item == NULL)
    goto fail;

  if (emitra_outbox_item_get_state (item) != state &&
      !update_pending (self,
                       "UPDATE outbox SET state = ?2, last_error = CASE WHEN ?2 = 'confirmed'"
                       " THEN '' ELSE last_error END, updated_at = ?4"
                       " WHERE request_id = ?1 AND state = 'pending'",
                       request_id, emitra_outbox_state_to_string (state), 0, now, error))
    goto fail;

  if (emitra_outbox_item_get_receipt_no (item) > 0)
    {
      receipt = _emitra_receipt_store_add_event_by_request_id (store, request_id, status,
                                                               transaction_id, reason, error);
      if (receipt == NULL)
        goto fail;
    }

  if (!emitra_database_commit (self->database, error))
    goto fail;

  if (out_receipt != NULL)
    *out_receipt = g_steal_pointer (&receipt);
  return TRUE;

fail:
  emitra_database_rollback (self->database);
  return FALSE;
}
