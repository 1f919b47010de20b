/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox's handlers for transactions, the wallet, reports, and the
 * training-only control endpoints (docs/api.md).
 */
#include "config.h"

#include "emitra-sandbox-private.h"

#include "emitra-json.h"

#include <stdio.h>
#include <string.h>

#define FAIL(request, error) G_STMT_START { _emitra_sandbox_reply_error ((request), (error)); return; } G_STMT_END

static const char *
kiosk_code (EmitraSandboxRequest *request)
{
  return emitra_json_get_string_or (request->session->kiosk, "code", "");
}

static void
reply_transaction (EmitraSandboxRequest *request,
                   guint                 status,
                   JsonObject           *transaction,
                   gint64                balance)
{
  JsonObject *reply = json_object_new ();

  json_object_set_object_member (reply, "transaction", transaction);
  if (balance >= 0)
    {
      JsonObject *wallet = json_object_new ();
      json_object_set_int_member (wallet, "balance", balance);
      json_object_set_object_member (reply, "wallet", wallet);
    }
  _emitra_sandbox_reply_json (request, status, reply);
}

/* A form is a flat object of strings, numbers, booleans and nulls. */
static gboolean
check_form (JsonNode  *form,
            GError   **error)
{
  JsonObjectIter iter;
  JsonNode *value;
  const char *name;

  if (form == NULL || JSON_NODE_HOLDS_NULL (form))
    {
      emitra_sandbox_set_field_error (error, "form", "missing");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (form))
    {
      emitra_sandbox_set_field_error (error, "form", "object");
      return FALSE;
    }
  json_object_iter_init (&iter, json_node_get_object (form));
  while (json_object_iter_next (&iter, &name, &value))
    if (!JSON_NODE_HOLDS_VALUE (value) && !JSON_NODE_HOLDS_NULL (value))
      {
        emitra_sandbox_set_field_error (error, "form", "format");
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_documents (JsonObject  *body,
                 JsonArray  **out_documents,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (body, "documents");
  JsonArray *documents;

  *out_documents = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      emitra_sandbox_set_field_error (error, "documents", "array");
      return FALSE;
    }
  documents = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (documents); i++)
    if (!_emitra_sandbox_is_token (emitra_json_array_get_string (documents, i, NULL), 1, 64))
      {
        emitra_sandbox_set_field_error (error, "documents", "format");
        return FALSE;
      }
  *out_documents = documents;
  return TRUE;
}

static gboolean
read_expected_amount (JsonObject  *body,
                      gint64      *out_amount,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (body, "expected_amount");

  *out_amount = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0)
    {
      emitra_sandbox_set_field_error (error, "expected_amount", "integer");
      return FALSE;
    }
  *out_amount = json_node_get_int (node);
  return TRUE;
}

void
_emitra_sandbox_handle_create (EmitraSandboxRequest *request)
{
  EmitraSandbox *self = request->sandbox;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  EmitraSandboxCreate create = { 0 };
  JsonObject *transaction;
  gboolean replayed = FALSE;
  gint64 balance = -1;

  if (!_emitra_sandbox_authenticate (request, &error) ||
      (body = _emitra_sandbox_read_json (request, &error)) == NULL ||
      (create.request_id = _emitra_sandbox_string_member (body, "request_id", TRUE, &error)) == NULL)
    FAIL (request, error);
  if (!_emitra_sandbox_is_token (create.request_id, 16, 64))
    {
      emitra_sandbox_set_field_error (&error, "request_id", "format");
      FAIL (request, error);
    }
  if ((create.service_id = _emitra_sandbox_string_member (body, "service_id", TRUE, &error)) == NULL)
    FAIL (request, error);
  create.form = json_object_get_member (body, "form");
  create.consumer_number = _emitra_sandbox_string_member (body, "consumer_number", FALSE, &error);
  if (error != NULL || !check_form (create.form, &error) ||
      !check_documents (body, &create.documents, &error) ||
      !read_expected_amount (body, &create.expected_amount, &error))
    FAIL (request, error);
  if (create.consumer_number != NULL && !_emitra_sandbox_is_token (create.consumer_number, 4, 24))
    {
      emitra_sandbox_set_field_error (&error, "consumer_number", "format");
      FAIL (request, error);
    }

  create.kiosk_code = kiosk_code (request);
  create.operator_id = emitra_json_get_string_or (request->session->operator_, "operator_id", "");
  create.desk_id = request->session->desk_id;

  self->creates++;
  transaction = emitra_sandbox_store_create_transaction (self->store, &create, &replayed, &balance, &error);
  if (transaction == NULL)
    FAIL (request, error);
  if (replayed)
    self->replays++;

  _emitra_sandbox_maybe_drop (request);
  {
    JsonObject *reply = json_object_new ();
    JsonObject *wallet = json_object_new ();

    json_object_set_boolean_member (reply, "replayed", replayed);
    json_object_set_object_member (reply, "transaction", transaction);
    json_object_set_int_member (wallet, "balance", balance);
    json_object_set_object_member (reply, "wallet", wallet);
    _emitra_sandbox_reply_json (request, replayed ? SOUP_STATUS_OK : SOUP_STATUS_CREATED, reply);
  }
}

void
_emitra_sandbox_handle_verify (EmitraSandboxRequest *request)
{
  const char *request_id = request->segments[3];
  g_autoptr(GError) error = NULL;
  JsonObject *transaction;

  if (!_emitra_sandbox_authenticate (request, &error))
    FAIL (request, error);
  if (!_emitra_sandbox_is_token (request_id, 16, 64))
    {
      emitra_sandbox_set_field_error (&error, "request_id", "format");
      FAIL (request, error);
    }
  transaction = emitra_sandbox_store_find_by_request_id (request->sandbox->store, kiosk_code (request),
                                                         request_id, &error);
  if (transaction == NULL)
    FAIL (request, error);
  reply_transaction (request, SOUP_STATUS_OK, transaction, -1);
}

static gboolean
read_transaction_id (EmitraSandboxRequest  *request,
                     const char           **out_id,
                     GError               **error)
{
  *out_id = request->segments[2];
  if (_emitra_sandbox_is_digits (*out_id, 12))
    return TRUE;
  emitra_sandbox_set_field_error (error, "transaction_id", "format");
  return FALSE;
}

void
_emitra_sandbox_handle_transaction (EmitraSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *transaction_id;
  JsonObject *transaction;

  if (!_emitra_sandbox_authenticate (request, &error) ||
      !read_transaction_id (request, &transaction_id, &error))
    FAIL (request, error);
  transaction = emitra_sandbox_store_get_transaction (request->sandbox->store, kiosk_code (request),
                                                      transaction_id, &error);
  if (transaction == NULL)
    FAIL (request, error);
  reply_transaction (request, SOUP_STATUS_OK, transaction, -1);
}

void
_emitra_sandbox_handle_cancel (EmitraSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *transaction_id;
  JsonObject *transaction;
  gint64 balance = -1;

  if (!_emitra_sandbox_authenticate (request, &error) ||
      !read_transaction_id (request, &transaction_id, &error))
    FAIL (request, error);
  transaction = emitra_sandbox_store_cancel_transaction (request->sandbox->store, kiosk_code (request),
                                                         transaction_id, &balance, &error);
  if (transaction == NULL)
    FAIL (request, error);
  _emitra_sandbox_maybe_drop (request);
  reply_transaction (request, SOUP_STATUS_OK, transaction, balance);
}

void
_emitra_sandbox_handle_wallet (EmitraSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;
  JsonObject *wallet, *reply;

  if (!_emitra_sandbox_authenticate (request, &error))
    FAIL (request, error);
  wallet = emitra_sandbox_store_wallet (request->sandbox->store, kiosk_code (request), &error);
  if (wallet == NULL)
    FAIL (request, error);
  reply = json_object_new ();
  json_object_set_object_member (reply, "wallet", wallet);
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, reply);
}

static gboolean
is_date (const char *text)
{
  int year, month, day;
  char tail;

  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

void
_emitra_sandbox_handle_report (EmitraSandboxRequest *request)
{
  const char *date = g_hash_table_lookup (request->query, "date");
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *report, *reply;

  if (!_emitra_sandbox_authenticate (request, &error))
    FAIL (request, error);
  if (!g_str_equal (emitra_json_get_string_or (request->session->operator_, "role", ""), "supervisor"))
    {
      emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_FORBIDDEN, NULL,
                                "Only a supervisor can see the centre's report.",
                                "केंद्र की रिपोर्ट केवल पर्यवेक्षक देख सकते हैं।");
      FAIL (request, error);
    }
  if (date == NULL)
    date = today = emitra_sandbox_ist_date (g_get_real_time () / G_USEC_PER_SEC);
  else if (!is_date (date))
    {
      emitra_sandbox_set_field_error (&error, "date", "format");
      FAIL (request, error);
    }

  report = emitra_sandbox_store_daily_report (request->sandbox->store, kiosk_code (request), date, &error);
  if (report == NULL)
    FAIL (request, error);
  reply = json_object_new ();
  json_object_set_object_member (reply, "report", report);
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, reply);
}

void
_emitra_sandbox_handle_control_faults (EmitraSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = _emitra_sandbox_read_json (request, &error);
  g_autofree char *bad = NULL;
  JsonObject *reply;

  if (body == NULL)
    FAIL (request, error);
  if (!emitra_sandbox_faults_set_from_json (request->sandbox->faults, body, &bad))
    {
      emitra_sandbox_set_field_error (&error, bad, "format");
      FAIL (request, error);
    }
  reply = json_object_new ();
  json_object_set_object_member (reply, "faults", emitra_sandbox_faults_to_json (request->sandbox->faults));
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, reply);
}

void
_emitra_sandbox_handle_control_clock (EmitraSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = _emitra_sandbox_read_json (request, &error);
  gint64 seconds;
  JsonObject *reply;

  if (body == NULL)
    FAIL (request, error);
  if (!emitra_json_get_int (body, "advance_seconds", &seconds, NULL) || seconds < 0 || seconds > 10 * 365 * 86400)
    {
      emitra_sandbox_set_field_error (&error, "advance_seconds", "integer");
      FAIL (request, error);
    }
  emitra_sandbox_store_advance_clock (request->sandbox->store, seconds);
  reply = json_object_new ();
  json_object_set_int_member (reply, "offset_seconds", emitra_sandbox_store_get_clock_offset (request->sandbox->store));
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, reply);
}

void
_emitra_sandbox_handle_control_wallet (EmitraSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = _emitra_sandbox_read_json (request, &error);
  const char *code = NULL;
  gint64 balance;
  JsonObject *reply;

  if (body == NULL || (code = _emitra_sandbox_string_member (body, "kiosk_code", TRUE, &error)) == NULL)
    FAIL (request, error);
  if (!emitra_json_get_int (body, "balance", &balance, NULL) || balance < 0)
    {
      emitra_sandbox_set_field_error (&error, "balance", "integer");
      FAIL (request, error);
    }
  if (!emitra_sandbox_store_set_balance (request->sandbox->store, code, balance, &error))
    FAIL (request, error);
  reply = json_object_new ();
  json_object_set_int_member (reply, "balance", balance);
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, reply);
}

void
_emitra_sandbox_handle_control_stats (EmitraSandboxRequest *request)
{
  EmitraSandbox *self = request->sandbox;
  JsonObject *reply = json_object_new ();

  json_object_set_int_member (reply, "transactions", emitra_sandbox_store_count_transactions (self->store));
  json_object_set_int_member (reply, "creates", (gint64) self->creates);
  json_object_set_int_member (reply, "replays", (gint64) self->replays);
  json_object_set_int_member (reply, "drops", (gint64) self->drops);
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, reply);
}
