/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The submitter's bookkeeping, run on the database's worker thread: the
 * journal entry, the receipt once the outcome is known (or provisional
 * while it is not), and the outbox item's settlement. Each job is
 * idempotent by request ID, which is what makes a crash between any two
 * of them harmless. Also here: the outbox record (the masked request and
 * what the receipt must show) and the masking of Aadhaar numbers in it.
 */
#include "config.h"

#include "emitra-submitter-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "emitra-aadhaar-mask.h"
#include "emitra-json.h"

/* The receipt's own fields that travel in the outbox record, so a
 * submission found there after a restart can still get its receipt. */
static const char *const template_string_props[] = {
  "service-id", "service-name-en", "service-name-hi", "citizen-name", "aadhaar-masked",
  "mobile", "operator-id", "operator-name", "kiosk-code",
};
static const char *const template_money_props[] = {
  "department-fee", "service-charge", "total", "cash-received",
};

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Aadhaar ------------------------------------------------------------ */

/* The numbers a bill is paid by: a 12-digit K-number can pass the Aadhaar
 * checks, and masking it would send the payment to no bill (the same
 * exception the draft store makes for consumer-number fields). */
static gboolean
member_is_bill_number (const char *member)
{
  return g_str_equal (member, "consumer_number") || g_str_equal (member, "k_number") ||
         g_str_equal (member, "connection_number");
}

/* The identifiers the desk and the gateway make: never citizen text. A
 * random request ID ("c0a2e4eb-3362-4432-9653-ec58218b6002") can hold
 * twelve digits in hyphenated groups that pass the Aadhaar checks; masked,
 * the outbox's resend was refused for a malformed request ID. */
static gboolean
member_is_desk_identifier (const char *member)
{
  return g_str_equal (member, "request_id") || g_str_equal (member, "service_id") ||
         g_str_equal (member, "documents");
}

static void
mask_node (JsonNode *node,
           gboolean  under_aadhaar)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        for (GList *l = members; l != NULL; l = l->next)
          if (!member_is_bill_number (l->data) && !member_is_desk_identifier (l->data))
            mask_node (json_object_get_member (object, l->data), emitra_aadhaar_names_member (l->data));
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          mask_node (json_array_get_element (array, i), under_aadhaar);
      }
      break;
    case JSON_NODE_VALUE:
      if (under_aadhaar && json_node_get_value_type (node) == G_TYPE_STRING &&
          !emitra_aadhaar_is_masked (json_node_get_string (node)))
        {
          g_autofree char *masked = emitra_aadhaar_mask (json_node_get_string (node));
          json_node_set_string (node, masked);
        }
      else if (under_aadhaar && json_node_get_value_type (node) == G_TYPE_INT64)
        {
          g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          g_autofree char *masked = emitra_aadhaar_mask (digits);
          json_node_set_string (node, masked);
        }
      else if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          /* A number typed into a free-text field ("purpose: scholarship,
           * Aadhaar 2341 2341 2346") is masked as the draft store masks
           * it: the privacy test found it written whole to the outbox. */
          g_autofree char *masked = emitra_aadhaar_mask_in_text (json_node_get_string (node));

          if (g_strcmp0 (masked, json_node_get_string (node)) != 0)
            json_node_set_string (node, masked);
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* A deep copy of @request in which every Aadhaar member holds only its
 * last four digits: what may be written to disk. */
JsonObject *
emitra_submitter_mask_request (JsonObject *request)
{
  g_autoptr(JsonNode) original = json_node_init_object (json_node_alloc (), request);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) copy = NULL;

  /* json_node_copy() shares the members of an immutable (parsed) request
   * instead of copying them, and those cannot be masked: a copy through
   * the text is a new, mutable tree whatever the request was. */
  text = json_to_string (original, FALSE);
  copy = json_from_string (text, NULL);
  g_assert (copy != NULL && JSON_NODE_HOLDS_OBJECT (copy));

  mask_node (copy, FALSE);
  return json_object_ref (json_node_get_object (copy));
}

/* The outbox record ------------------------------------------------- */

char *
_emitra_submitter_build_record (JsonObject    *request,
                                EmitraReceipt *template)
{
  g_autoptr(JsonObject) masked = emitra_submitter_mask_request (request);
  g_autoptr(JsonObject) record = json_object_new ();
  JsonObject *receipt = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (template_string_props); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (template, template_string_props[i], &value, NULL);
      json_object_set_string_member (receipt, template_string_props[i], value != NULL ? value : "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (template_money_props); i++)
    {
      gint64 value = 0;

      g_object_get (template, template_money_props[i], &value, NULL);
      json_object_set_int_member (receipt, template_money_props[i], value);
    }

  json_object_set_object_member (record, "request", json_object_ref (masked));
  json_object_set_object_member (record, "receipt", receipt);
  return emitra_json_object_to_string (record);
}

/* Receipts are immutable once built (their properties are construct-only,
 * as befits a hash-chained record), so every variant is built whole. */
typedef struct
{
  const char          *request_id;
  const char          *transaction_id;
  EmitraReceiptStatus  status;
  gint64               department_fee;   /* < 0: the template's */
  gint64               service_charge;
  gint64               total;
} ReceiptOverrides;

static EmitraReceipt *
build_receipt (EmitraReceipt          *template,
               JsonObject             *record_receipt,
               const ReceiptOverrides *overrides)
{
  const char *names[G_N_ELEMENTS (template_string_props) + G_N_ELEMENTS (template_money_props) + 3];
  GValue values[G_N_ELEMENTS (names)];
  guint n = 0;
  EmitraReceipt *receipt;

  memset (values, 0, sizeof values);
  for (guint i = 0; i < G_N_ELEMENTS (template_string_props); i++, n++)
    {
      names[n] = template_string_props[i];
      g_value_init (&values[n], G_TYPE_STRING);
      if (template != NULL)
        g_object_get_property (G_OBJECT (template), names[n], &values[n]);
      else
        g_value_set_string (&values[n], emitra_json_get_string_or (record_receipt, names[n], ""));
    }
  for (guint i = 0; i < G_N_ELEMENTS (template_money_props); i++, n++)
    {
      gint64 value = 0;

      names[n] = template_money_props[i];
      g_value_init (&values[n], G_TYPE_INT64);
      if (template != NULL)
        g_object_get (template, names[n], &value, NULL);
      else
        value = emitra_json_get_int_or (record_receipt, names[n], 0);
      if (overrides != NULL && i == 0 && overrides->department_fee >= 0)
        value = overrides->department_fee;
      else if (overrides != NULL && i == 1 && overrides->department_fee >= 0)
        value = overrides->service_charge;
      else if (overrides != NULL && i == 2 && overrides->department_fee >= 0)
        value = overrides->total;
      g_value_set_int64 (&values[n], value);
    }
  if (overrides != NULL)
    {
      names[n] = "request-id";
      g_value_init (&values[n], G_TYPE_STRING);
      g_value_set_string (&values[n++], overrides->request_id);
      names[n] = "transaction-id";
      g_value_init (&values[n], G_TYPE_STRING);
      g_value_set_string (&values[n++], overrides->transaction_id);
      names[n] = "status";
      g_value_init (&values[n], EMITRA_TYPE_RECEIPT_STATUS);
      g_value_set_enum (&values[n++], overrides->status);
    }

  receipt = EMITRA_RECEIPT (g_object_new_with_properties (EMITRA_TYPE_RECEIPT, n, names, values));
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  return receipt;
}

EmitraReceipt *
_emitra_submitter_template_from_record (const char  *record_json,
                                        GError     **error)
{
  g_autoptr(JsonObject) record = emitra_json_parse_object (record_json, -1, 0, error);
  JsonObject *receipt;

  if (record == NULL)
    return NULL;
  receipt = emitra_json_get_object (record, "receipt", error);
  if (receipt == NULL)
    return NULL;

  return build_receipt (NULL, receipt, NULL);
}

JsonObject *
_emitra_submitter_request_from_record (const char  *record_json,
                                       GError     **error)
{
  g_autoptr(JsonObject) record = emitra_json_parse_object (record_json, -1, 0, error);
  JsonObject *request;

  if (record == NULL)
    return NULL;
  request = emitra_json_get_object (record, "request", error);
  return request != NULL ? json_object_ref (request) : NULL;
}

/* Database jobs (worker thread) ------------------------------------- */

void
_emitra_submitter_job_free (gpointer data)
{
  Job *job = data;

  g_free (job->request_id);
  g_free (job->service_id);
  g_free (job->draft_id);
  g_free (job->record_json);
  g_clear_object (&job->template);
  g_clear_object (&job->transaction);
  g_free (job->reason);
  g_free (job);
}

/* Writes the journal entry unless it is already there (a resubmission of
 * the same draft). A receipt already confirmed for this request ID is
 * returned at once: that citizen has paid. */
gpointer
_emitra_submitter_journal_job (sqlite3  *db,
                               gpointer  data,
                               GError  **error)
{
  Job *job = data;
  g_autoptr(EmitraReceipt) existing = NULL;
  g_autoptr(EmitraOutboxItem) item = NULL;
  g_autoptr(GError) local_error = NULL;

  existing = emitra_receipt_store_get_by_request_id (job->self->receipts, job->request_id, NULL);
  if (existing != NULL && emitra_receipt_get_status (existing) == EMITRA_RECEIPT_STATUS_CONFIRMED)
    return g_steal_pointer (&existing);

  item = emitra_outbox_get (job->self->outbox, job->request_id, &local_error);
  if (item != NULL && emitra_outbox_item_get_state (item) == EMITRA_OUTBOX_STATE_PENDING)
    return NULL;
  /* The gateway refused an earlier attempt and charged nothing: the same
   * request ID is safe to try again with the corrected form. */
  if (item != NULL)
    {
      if (!emitra_outbox_reopen (job->self->outbox, job->request_id, job->record_json,
                                 now_seconds (), error))
        return NULL;
      return NULL;
    }
  g_clear_error (&local_error);

  if (!emitra_outbox_enqueue (job->self->outbox, job->request_id, job->service_id,
                              job->record_json, job->draft_id, now_seconds (), error))
    return NULL;

  return NULL;
}

/* Makes the desk agree with a transaction the gateway holds: exactly one
 * receipt, confirmed, and the outbox item settled. Safe to repeat. */
gpointer
_emitra_submitter_confirm_job (sqlite3  *db,
                               gpointer  data,
                               GError  **error)
{
  Job *job = data;
  const char *transaction_id = emitra_transaction_get_transaction_id (job->transaction);
  g_autoptr(EmitraReceipt) receipt = NULL;

  g_autoptr(EmitraOutboxItem) item = NULL;
  EmitraReceipt *settled = NULL;

  /* A provisional receipt linked to its outbox item moves with it when the
   * item is settled: one transaction, one event. */
  item = emitra_outbox_get (job->self->outbox, job->request_id, NULL);
  if (item != NULL && emitra_outbox_item_get_state (item) == EMITRA_OUTBOX_STATE_PENDING &&
      emitra_outbox_item_get_receipt_no (item) > 0)
    {
      if (!emitra_outbox_settle (job->self->outbox, job->self->receipts, job->request_id,
                                 EMITRA_OUTBOX_STATE_CONFIRMED, transaction_id, NULL,
                                 now_seconds (), &settled, error))
        return NULL;
      return settled;
    }

  /* Otherwise the receipt comes first and the item is settled after, so a
   * crash in between leaves a pending item, which the next drain settles,
   * never a settled item without its receipt. */
  receipt = emitra_receipt_store_get_by_request_id (job->self->receipts, job->request_id, NULL);
  if (receipt == NULL)
    {
      /* The gateway's figures are the ones charged; the cash received is
       * the desk's own. */
      ReceiptOverrides overrides = {
        .request_id = job->request_id,
        .transaction_id = transaction_id,
        .status = EMITRA_RECEIPT_STATUS_CONFIRMED,
        .department_fee = emitra_transaction_get_department_fee (job->transaction),
        .service_charge = emitra_transaction_get_service_charge (job->transaction),
        .total = emitra_transaction_get_total (job->transaction),
      };
      g_autoptr(EmitraReceipt) fresh = build_receipt (job->template, NULL, &overrides);

      receipt = emitra_receipt_store_append (job->self->receipts, fresh, error);
      if (receipt == NULL)
        return NULL;
    }
  else if (emitra_receipt_get_status (receipt) == EMITRA_RECEIPT_STATUS_PROVISIONAL)
    {
      g_autoptr(EmitraReceipt) updated = NULL;

      updated = emitra_receipt_store_add_event (job->self->receipts,
                                                emitra_receipt_get_receipt_no (receipt),
                                                EMITRA_RECEIPT_STATUS_CONFIRMED,
                                                transaction_id, "", error);
      if (updated == NULL)
        return NULL;
      g_set_object (&receipt, updated);
    }

  if (item != NULL &&
      !emitra_outbox_settle (job->self->outbox, job->self->receipts, job->request_id,
                             EMITRA_OUTBOX_STATE_CONFIRMED, transaction_id, NULL,
                             now_seconds (), NULL, error))
    {
      /* An item no longer pending has nothing to settle. */
      if (!g_error_matches (*error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_NOT_PENDING))
        return NULL;
      g_clear_error (error);
    }

  return g_steal_pointer (&receipt);
}

/* The outcome is not known: the citizen gets a provisional receipt now and
 * the item stays pending with its error and next retry. */
gpointer
_emitra_submitter_provisional_job (sqlite3  *db,
                                   gpointer  data,
                                   GError  **error)
{
  Job *job = data;
  g_autoptr(EmitraReceipt) receipt = NULL;

  if (!emitra_outbox_record_attempt (job->self->outbox, job->request_id, job->reason,
                                     now_seconds (), error))
    return NULL;

  receipt = emitra_receipt_store_get_by_request_id (job->self->receipts, job->request_id, NULL);
  if (receipt != NULL)
    return g_steal_pointer (&receipt);

  {
    ReceiptOverrides overrides = {
      .request_id = job->request_id,
      .status = EMITRA_RECEIPT_STATUS_PROVISIONAL,
      .department_fee = -1,
    };
    g_autoptr(EmitraReceipt) provisional = build_receipt (job->template, NULL, &overrides);

    return emitra_outbox_attach_receipt (job->self->outbox, job->self->receipts, provisional, error);
  }
}

/* The gateway refused and charged nothing: the journal entry is closed as
 * rejected (or cancelled) with the reason, and any provisional receipt
 * follows it in the same transaction. */
gpointer
_emitra_submitter_settle_job (sqlite3  *db,
                              gpointer  data,
                              GError  **error)
{
  Job *job = data;
  EmitraReceipt *receipt = NULL;

  if (!emitra_outbox_settle (job->self->outbox, job->self->receipts, job->request_id,
                             job->outcome, NULL, job->reason, now_seconds (), &receipt, error))
    return NULL;

  return receipt != NULL ? receipt : g_object_new (EMITRA_TYPE_RECEIPT, NULL);
}

gpointer
_emitra_submitter_due_items_job (sqlite3  *db,
                                 gpointer  data,
                                 GError  **error)
{
  Job *job = data;

  if (job->outcome == EMITRA_OUTBOX_STATE_PENDING)
    return emitra_outbox_list_pending (job->self->outbox, NULL, error);
  return emitra_outbox_list_due (job->self->outbox, now_seconds (), error);
}

gpointer
_emitra_submitter_attempt_job (sqlite3  *db,
                               gpointer  data,
                               GError  **error)
{
  Job *job = data;

  if (!emitra_outbox_record_attempt (job->self->outbox, job->request_id, job->reason,
                                     now_seconds (), error))
    return NULL;
  return g_object_new (EMITRA_TYPE_RECEIPT, NULL);
}

/* An answer from the gateway that proves nothing was charged. */
gboolean
_emitra_submitter_is_definite_refusal (const GError *error)
{
  if (error->domain != EMITRA_GATEWAY_ERROR)
    return FALSE;

  switch (error->code)
    {
    case EMITRA_GATEWAY_ERROR_INVALID_REQUEST:
    case EMITRA_GATEWAY_ERROR_INSUFFICIENT_BALANCE:
    case EMITRA_GATEWAY_ERROR_FORBIDDEN:
    case EMITRA_GATEWAY_ERROR_NOT_FOUND:
    case EMITRA_GATEWAY_ERROR_CONFLICT:
    case EMITRA_GATEWAY_ERROR_UNAUTHORIZED:
      return TRUE;
    default:
      return FALSE;
    }
}


Job *
_emitra_submitter_job_copy (Job *job)
{
  Job *copy = g_new0 (Job, 1);

  copy->self = job->self;
  copy->request_id = g_strdup (job->request_id);
  copy->service_id = g_strdup (job->service_id);
  copy->draft_id = g_strdup (job->draft_id);
  copy->template = job->template != NULL ? g_object_ref (job->template) : NULL;
  return copy;
}
