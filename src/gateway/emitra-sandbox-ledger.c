/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Transactions in the sandbox store: create (idempotent by request_id),
 * look up, cancel, and the centre's daily report.
 *
 * A create is one SQLite write transaction: look for the request_id,
 * price the request, check and debit the wallet, record the transaction,
 * mark a bill paid, commit (synchronous=FULL). Either all of it is on disk
 * or none of it, and request_id is UNIQUE in the schema, so no sequence of
 * retries can charge twice.
 *
 * Status is not stored: it is computed from the creation time, the
 * service and the sandbox clock each time it is read (see timeline()), so
 * applications "move" without a background job.
 */
#include "config.h"

#include "emitra-sandbox-store-private.h"

#include "emitra-json.h"
#include "emitra-sandbox-error.h"

#define TRANSACTION_COLUMNS \
  "seq, transaction_id, request_id, kiosk_code, operator_id, service_id, consumer_number," \
  " department_fee, service_charge, created_at, cancelled_at"

typedef struct
{
  gint64      seq;
  const char *transaction_id;
  const char *request_id;
  const char *kiosk_code;
  const char *operator_id;
  const char *service_id;
  const char *consumer_number;
  gint64      department_fee;
  gint64      service_charge;
  gint64      created_at;
  gint64      cancelled_at;    /* 0 when not cancelled */
} Row;

static void
read_row (sqlite3_stmt *stmt,
          Row          *row)
{
  row->seq = sqlite3_column_int64 (stmt, 0);
  row->transaction_id = (const char *) sqlite3_column_text (stmt, 1);
  row->request_id = (const char *) sqlite3_column_text (stmt, 2);
  row->kiosk_code = (const char *) sqlite3_column_text (stmt, 3);
  row->operator_id = (const char *) sqlite3_column_text (stmt, 4);
  row->service_id = (const char *) sqlite3_column_text (stmt, 5);
  row->consumer_number = (const char *) sqlite3_column_text (stmt, 6);
  row->department_fee = sqlite3_column_int64 (stmt, 7);
  row->service_charge = sqlite3_column_int64 (stmt, 8);
  row->created_at = sqlite3_column_int64 (stmt, 9);
  row->cancelled_at = sqlite3_column_int64 (stmt, 10);
}

static void
add_step (JsonArray  *timeline,
          const char *status,
          gint64      at,
          const char *note_en,
          const char *note_hi)
{
  JsonObject *step = json_object_new ();
  g_autofree char *when = _emitra_sandbox_rfc3339 (at);

  json_object_set_string_member (step, "status", status);
  json_object_set_string_member (step, "at", when);
  json_object_set_string_member (step, "note_en", note_en);
  json_object_set_string_member (step, "note_hi", note_hi);
  json_array_add_object_element (timeline, step);
}

/* Builds the timeline (docs/api.md, Status and timeline) and returns the
 * current status, which is its last step. */
static const char *
timeline (EmitraSandboxStore         *self,
          const Row                  *row,
          const EmitraSandboxService *service,
          JsonArray                  *out)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC + self->clock_offset;
  gint64 delivery_days = service != NULL ? service->delivery_days : -1;
  gint64 review, decision, certificate;
  gboolean rejected = row->seq % 5 == 0;

  add_step (out, "submitted", row->created_at, "Application received", "आवेदन प्राप्त हुआ");

  if (row->cancelled_at > 0)
    {
      add_step (out, "cancelled", row->cancelled_at,
                "Cancelled at the kiosk; the department fee went back to the wallet",
                "कियोस्क पर रद्द; विभागीय शुल्क वॉलेट में लौटा दिया गया");
      return "cancelled";
    }

  if (service != NULL && service->bill)
    {
      add_step (out, "approved", row->created_at, "Paid to the biller", "बिलर को भुगतान किया गया");
      return "approved";
    }

  if (self->demo)
    {
      review = 20;
      decision = 40;
      certificate = 60;
    }
  else
    {
      review = 10 * 60;
      decision = MAX ((gint64) 86400, delivery_days * 86400 / 2);
      certificate = decision + 3600;
    }

  if (now < row->created_at + review)
    return "submitted";
  add_step (out, "under_review", row->created_at + review,
            "With the department for review", "विभाग में जाँच हेतु");

  if (now < row->created_at + decision)
    return "under_review";
  if (rejected)
    {
      add_step (out, "rejected", row->created_at + decision,
                "Rejected: the documents attached do not establish eligibility",
                "अस्वीकृत: संलग्न दस्तावेज़ों से पात्रता सिद्ध नहीं होती");
      return "rejected";
    }
  add_step (out, "approved", row->created_at + decision, "Approved", "स्वीकृत");

  if (delivery_days < 0 || now < row->created_at + certificate)
    return "approved";
  add_step (out, "certificate_ready", row->created_at + certificate,
            "Certificate ready to download and print", "प्रमाण पत्र डाउनलोड और प्रिंट के लिए तैयार");
  return "certificate_ready";
}

static JsonObject *
row_to_json (EmitraSandboxStore *self,
             const Row          *row)
{
  const EmitraSandboxService *service = emitra_sandbox_catalog_lookup (self->catalog, row->service_id);
  JsonObject *object = json_object_new ();
  JsonArray *steps = json_array_new ();
  g_autofree char *created = _emitra_sandbox_rfc3339 (row->created_at);
  g_autofree char *receipt_no = g_strdup_printf ("%s-%06" G_GINT64_FORMAT, row->kiosk_code, row->seq);
  const char *status = timeline (self, row, service, steps);

  json_object_set_string_member (object, "transaction_id", row->transaction_id);
  json_object_set_string_member (object, "request_id", row->request_id);
  json_object_set_string_member (object, "receipt_no", receipt_no);
  json_object_set_string_member (object, "service_id", row->service_id);
  json_object_set_string_member (object, "service_name_en", service != NULL ? service->name_en : row->service_id);
  json_object_set_string_member (object, "service_name_hi", service != NULL ? service->name_hi : row->service_id);
  json_object_set_string_member (object, "kiosk_code", row->kiosk_code);
  json_object_set_string_member (object, "operator_id", row->operator_id);
  if (row->consumer_number != NULL)
    json_object_set_string_member (object, "consumer_number", row->consumer_number);
  else
    json_object_set_null_member (object, "consumer_number");
  json_object_set_int_member (object, "department_fee", row->department_fee);
  json_object_set_int_member (object, "service_charge", row->service_charge);
  json_object_set_int_member (object, "total", row->department_fee + row->service_charge);
  json_object_set_string_member (object, "status", status);
  json_object_set_string_member (object, "created_at", created);
  if (service != NULL && service->delivery_days >= 0 && !service->bill)
    {
      g_autofree char *due = emitra_sandbox_ist_date (row->created_at + service->delivery_days * 86400);
      json_object_set_string_member (object, "delivery_due", due);
    }
  else
    json_object_set_null_member (object, "delivery_due");
  json_object_set_array_member (object, "timeline", steps);
  return object;
}

/* Finds one transaction by @column (a fixed column name, never input). */
static JsonObject *
find_by (EmitraSandboxStore  *self,
         const char          *column,
         const char          *kiosk_code,
         const char          *value,
         GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " TRANSACTION_COLUMNS " FROM transactions"
                                          " WHERE %s = ? AND kiosk_code = ?", column);
  g_autoptr(EmitraSandboxStmt) stmt = _emitra_sandbox_store_prepare (self, sql, error);
  Row row;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kiosk_code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (_emitra_sandbox_store_fail (self, rc, error))
        emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_NOT_FOUND, NULL,
                                  "No such transaction at this kiosk.",
                                  "इस कियोस्क पर ऐसा कोई लेन-देन नहीं है।");
      return NULL;
    }
  read_row (stmt, &row);
  return row_to_json (self, &row);
}

JsonObject *
emitra_sandbox_store_find_by_request_id (EmitraSandboxStore  *self,
                                         const char          *kiosk_code,
                                         const char          *request_id,
                                         GError             **error)
{
  return find_by (self, "request_id", kiosk_code, request_id, error);
}

JsonObject *
emitra_sandbox_store_get_transaction (EmitraSandboxStore  *self,
                                      const char          *kiosk_code,
                                      const char          *transaction_id,
                                      GError             **error)
{
  return find_by (self, "transaction_id", kiosk_code, transaction_id, error);
}

/* What "the same request" means for a replayed request_id. */
static char *
fingerprint (const EmitraSandboxCreate *create)
{
  g_autofree char *form = emitra_json_to_string (create->form, FALSE);
  g_autofree char *documents = NULL;
  g_autofree char *text = NULL;

  if (create->documents != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), create->documents);
      documents = emitra_json_to_string (node, FALSE);
    }
  text = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT "\n%s\n%s", create->service_id,
                          create->consumer_number != NULL ? create->consumer_number : "",
                          create->expected_amount, form, documents != NULL ? documents : "[]");
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Inside the write transaction: a request_id seen before. Returns TRUE and
 * sets *out_json when it is a replay; FALSE with @error for a conflict or
 * failure; TRUE with *out_json NULL when it is new. */
static gboolean
check_replay (EmitraSandboxStore        *self,
              const EmitraSandboxCreate *create,
              const char                *print,
              JsonObject               **out_json,
              GError                   **error)
{
  g_autoptr(EmitraSandboxStmt) stmt = NULL;
  Row row;
  int rc;

  *out_json = NULL;
  stmt = _emitra_sandbox_store_prepare (self, "SELECT " TRANSACTION_COLUMNS ", fingerprint FROM transactions"
                                              " WHERE request_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, create->request_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _emitra_sandbox_store_fail (self, rc, error);

  read_row (stmt, &row);
  if (!g_str_equal (row.kiosk_code, create->kiosk_code) ||
      !g_str_equal ((const char *) sqlite3_column_text (stmt, 11), print))
    {
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_REQUEST_ID_REUSED, "request_id",
                                "This request ID was already used for a different request.",
                                "यह अनुरोध आईडी पहले ही किसी दूसरे अनुरोध के लिए उपयोग हो चुकी है।");
      return FALSE;
    }
  *out_json = row_to_json (self, &row);
  return TRUE;
}

static gboolean
check_documents (EmitraSandboxStore        *self,
                 const EmitraSandboxCreate *create,
                 GError                   **error)
{
  g_autoptr(EmitraSandboxStmt) stmt = NULL;

  if (create->documents == NULL || json_array_get_length (create->documents) == 0)
    return TRUE;
  stmt = _emitra_sandbox_store_prepare (self, "SELECT 1 FROM documents WHERE document_id = ? AND kiosk_code = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (create->documents); i++)
    {
      const char *id = emitra_json_array_get_string (create->documents, i, NULL);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, create->kiosk_code, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        continue;
      if (_emitra_sandbox_store_fail (self, rc, error))
        emitra_sandbox_set_error_printf (error, EMITRA_SANDBOX_ERROR_UNKNOWN_DOCUMENT, "documents",
                                         "The document %s was not uploaded from this kiosk.",
                                         "दस्तावेज़ %s इस कियोस्क से अपलोड नहीं किया गया था।", id, id);
      return FALSE;
    }
  return TRUE;
}

/* The amount the wallet pays: the department fee, or a bill's amount due
 * (which is then marked paid). */
static gboolean
price (EmitraSandboxStore         *self,
       const EmitraSandboxCreate  *create,
       const EmitraSandboxService *service,
       gint64                     *out_amount,
       GError                    **error)
{
  g_autoptr(JsonObject) bill = NULL;
  gint64 due;

  if (!service->bill)
    {
      *out_amount = service->department_fee;
      return TRUE;
    }

  bill = emitra_sandbox_store_get_bill (self, create->service_id, create->consumer_number, error);
  if (bill == NULL)
    return FALSE;
  due = json_object_get_int_member (bill, "amount_due");
  if (due == 0)
    {
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_ALREADY_PAID, "consumer_number",
                                "This bill has already been paid.", "इस बिल का भुगतान पहले ही हो चुका है।");
      return FALSE;
    }
  if (create->expected_amount >= 0 && create->expected_amount != due)
    {
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_AMOUNT_CHANGED, "expected_amount",
                                "The amount due has changed; fetch the bill again.",
                                "देय राशि बदल गई है; बिल दोबारा प्राप्त करें।");
      return FALSE;
    }
  *out_amount = due;
  return TRUE;
}

static gboolean
insert_transaction (EmitraSandboxStore         *self,
                    const EmitraSandboxCreate  *create,
                    const EmitraSandboxService *service,
                    const char                 *print,
                    gint64                      amount,
                    Row                        *row,
                    char                      **out_transaction_id,
                    GError                    **error)
{
  g_autoptr(EmitraSandboxStmt) next = NULL;
  g_autoptr(EmitraSandboxStmt) insert = NULL;
  g_autofree char *day = NULL;

  next = _emitra_sandbox_store_prepare (self, "SELECT coalesce(max(seq), 0) + 1 FROM transactions", error);
  if (next == NULL || !_emitra_sandbox_store_fail (self, sqlite3_step (next), error))
    return FALSE;

  row->seq = sqlite3_column_int64 (next, 0);
  *out_transaction_id = g_strdup_printf ("%012" G_GINT64_FORMAT, (gint64) 100000000000 + row->seq);
  row->transaction_id = *out_transaction_id;
  row->request_id = create->request_id;
  row->kiosk_code = create->kiosk_code;
  row->operator_id = create->operator_id;
  row->service_id = create->service_id;
  row->consumer_number = service->bill ? create->consumer_number : NULL;
  row->department_fee = amount;
  row->service_charge = emitra_sandbox_service_charge (service->charge_rule, amount);
  row->created_at = g_get_real_time () / G_USEC_PER_SEC;
  row->cancelled_at = 0;
  day = emitra_sandbox_ist_date (row->created_at);

  insert = _emitra_sandbox_store_prepare (self,
                                          "INSERT INTO transactions (seq, transaction_id, request_id, fingerprint,"
                                          " kiosk_code, operator_id, desk_id, service_id, consumer_number,"
                                          " department_fee, service_charge, created_at, day)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, row->seq);
  sqlite3_bind_text (insert, 2, row->transaction_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, row->request_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, print, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, row->kiosk_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, row->operator_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, create->desk_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, row->service_id, -1, SQLITE_STATIC);
  if (row->consumer_number != NULL)
    sqlite3_bind_text (insert, 9, row->consumer_number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 10, row->department_fee);
  sqlite3_bind_int64 (insert, 11, row->service_charge);
  sqlite3_bind_int64 (insert, 12, row->created_at);
  sqlite3_bind_text (insert, 13, day, -1, SQLITE_STATIC);
  if (!_emitra_sandbox_store_fail (self, sqlite3_step (insert), error))
    return FALSE;

  if (service->bill)
    {
      g_autoptr(EmitraSandboxStmt) paid = NULL;

      paid = _emitra_sandbox_store_prepare (self, "UPDATE bills SET amount_due = 0, paid_by = ?"
                                                  " WHERE service_id = ? AND consumer_number = ?", error);
      if (paid == NULL)
        return FALSE;
      sqlite3_bind_text (paid, 1, row->transaction_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (paid, 2, row->service_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (paid, 3, row->consumer_number, -1, SQLITE_STATIC);
      if (!_emitra_sandbox_store_fail (self, sqlite3_step (paid), error))
        return FALSE;
    }
  return TRUE;
}

static JsonObject *
create_in_transaction (EmitraSandboxStore        *self,
                       const EmitraSandboxCreate *create,
                       gboolean                  *out_replayed,
                       gint64                    *out_balance,
                       GError                   **error)
{
  const EmitraSandboxService *service = emitra_sandbox_catalog_lookup (self->catalog, create->service_id);
  g_autofree char *print = fingerprint (create);
  g_autofree char *transaction_id = NULL;
  JsonObject *replay = NULL;
  gint64 amount, balance;
  Row row;

  if (!check_replay (self, create, print, &replay, error))
    return NULL;
  if (replay != NULL)
    {
      *out_replayed = TRUE;
      if (!_emitra_sandbox_store_balance (self, create->kiosk_code, out_balance, error))
        g_clear_pointer (&replay, json_object_unref);
      return replay;
    }

  if (service == NULL)
    {
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_UNKNOWN_SERVICE, "service_id",
                                "This service is not in the catalog.", "यह सेवा सूची में नहीं है।");
      return NULL;
    }
  if (service->bill && create->consumer_number == NULL)
    {
      emitra_sandbox_set_field_error (error, "consumer_number", "missing");
      return NULL;
    }
  if (!check_documents (self, create, error) ||
      !price (self, create, service, &amount, error) ||
      !_emitra_sandbox_store_balance (self, create->kiosk_code, &balance, error))
    return NULL;

  if (balance < amount)
    {
      emitra_sandbox_set_error_printf (error, EMITRA_SANDBOX_ERROR_INSUFFICIENT_BALANCE, NULL,
                                       "The kiosk wallet has %" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT
                                       " rupees; this needs %" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT
                                       ". Top up the wallet and submit again.",
                                       "कियोस्क वॉलेट में %" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT
                                       " रुपये हैं; इसके लिए %" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT
                                       " रुपये चाहिए। वॉलेट रिचार्ज करके फिर से जमा करें।",
                                       balance / 100, balance % 100, amount / 100, amount % 100,
                                       balance / 100, balance % 100, amount / 100, amount % 100);
      return NULL;
    }

  if (!insert_transaction (self, create, service, print, amount, &row, &transaction_id, error) ||
      !_emitra_sandbox_store_debit (self, create->kiosk_code, "debit", amount, row.transaction_id,
                                    row.service_id, out_balance, error))
    return NULL;

  *out_replayed = FALSE;
  return row_to_json (self, &row);
}

JsonObject *
emitra_sandbox_store_create_transaction (EmitraSandboxStore        *self,
                                         const EmitraSandboxCreate *create,
                                         gboolean                  *out_replayed,
                                         gint64                    *out_balance,
                                         GError                   **error)
{
  g_autoptr(JsonObject) result = NULL;

  g_return_val_if_fail (EMITRA_IS_SANDBOX_STORE (self), NULL);

  if (!emitra_database_begin (self->database, NULL))
    {
      _emitra_sandbox_store_fail (self, SQLITE_BUSY, error);
      return NULL;
    }
  result = create_in_transaction (self, create, out_replayed, out_balance, error);
  if (result == NULL)
    {
      emitra_database_rollback (self->database);
      return NULL;
    }
  if (!emitra_database_commit (self->database, NULL))
    {
      _emitra_sandbox_store_fail (self, SQLITE_IOERR, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

static JsonObject *
cancel_in_transaction (EmitraSandboxStore  *self,
                       const char          *kiosk_code,
                       const char          *transaction_id,
                       gint64              *out_balance,
                       GError             **error)
{
  g_autoptr(JsonObject) current = emitra_sandbox_store_get_transaction (self, kiosk_code, transaction_id, error);
  g_autoptr(EmitraSandboxStmt) update = NULL;
  const char *status;

  if (current == NULL)
    return NULL;
  status = json_object_get_string_member (current, "status");
  if (g_str_equal (status, "cancelled"))
    {
      if (!_emitra_sandbox_store_balance (self, kiosk_code, out_balance, error))
        return NULL;
      return g_steal_pointer (&current);
    }
  if (!g_str_equal (status, "submitted"))
    {
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_NOT_CANCELLABLE, NULL,
                                "This application can no longer be cancelled: it is with the department.",
                                "यह आवेदन अब रद्द नहीं किया जा सकता: यह विभाग के पास है।");
      return NULL;
    }

  update = _emitra_sandbox_store_prepare (self, "UPDATE transactions SET cancelled_at = ? WHERE transaction_id = ?", error);
  if (update == NULL)
    return NULL;
  sqlite3_bind_int64 (update, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (update, 2, transaction_id, -1, SQLITE_STATIC);
  if (!_emitra_sandbox_store_fail (self, sqlite3_step (update), error) ||
      !_emitra_sandbox_store_debit (self, kiosk_code, "refund",
                                    json_object_get_int_member (current, "department_fee"),
                                    transaction_id, json_object_get_string_member (current, "service_id"),
                                    out_balance, error))
    return NULL;

  return emitra_sandbox_store_get_transaction (self, kiosk_code, transaction_id, error);
}

JsonObject *
emitra_sandbox_store_cancel_transaction (EmitraSandboxStore  *self,
                                         const char          *kiosk_code,
                                         const char          *transaction_id,
                                         gint64              *out_balance,
                                         GError             **error)
{
  g_autoptr(JsonObject) result = NULL;

  if (!emitra_database_begin (self->database, NULL))
    {
      _emitra_sandbox_store_fail (self, SQLITE_BUSY, error);
      return NULL;
    }
  result = cancel_in_transaction (self, kiosk_code, transaction_id, out_balance, error);
  if (result == NULL)
    {
      emitra_database_rollback (self->database);
      return NULL;
    }
  if (!emitra_database_commit (self->database, NULL))
    {
      _emitra_sandbox_store_fail (self, SQLITE_IOERR, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gint64
emitra_sandbox_store_count_transactions (EmitraSandboxStore *self)
{
  g_autoptr(EmitraSandboxStmt) stmt = _emitra_sandbox_store_prepare (self, "SELECT count(*) FROM transactions", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}
