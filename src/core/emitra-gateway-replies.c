/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where the gateway's JSON becomes objects (docs/api.md).
 * Everything goes through the typed getters of emitra-json.c, and every
 * value is checked for what the desk relies on: money is a non-negative
 * integer of paise, times and dates parse, enumerations are known, a
 * token is printable ASCII (it goes into a header). Any deviation is a
 * MALFORMED_REPLY error whose message says, in the operator's language,
 * that the gateway's answer could not be read.
 *
 * These functions take bytes and nothing else, so fuzz targets can call
 * them directly.
 */
#include "config.h"

#include "emitra-gateway-replies.h"

#include "emitra-bill-private.h"
#include "emitra-centre-report-private.h"
#include "emitra-family-member-private.h"
#include "emitra-family-private.h"
#include "emitra-json.h"
#include "emitra-money.h"
#include "emitra-text.h"
#include "emitra-operator-session-private.h"
#include "emitra-transaction-private.h"
#include "emitra-wallet-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#define MAX_ERROR_REPLY (64 * 1024)

/* ---- typed members ---------------------------------------------------- */

static gboolean
dup_string (JsonObject  *object,
            const char  *member,
            char       **out,
            GError     **error)
{
  const char *value = emitra_json_get_string (object, member, error);

  if (value == NULL)
    return FALSE;
  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

/* Absent or null is fine (*out stays NULL); another type is not. */
static gboolean
dup_optional_string (JsonObject  *object,
                     const char  *member,
                     char       **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  return dup_string (object, member, out, error);
}

static gboolean
get_money (JsonObject  *object,
           const char  *member,
           gint64      *out,
           GError     **error)
{
  if (!emitra_json_get_int (object, member, out, error))
    return FALSE;
  if (*out < 0 || *out > EMITRA_MONEY_MAX_PAISE)
    {
      g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE,
                   /* Translators: %s names a member of the gateway's reply, such as "amount_due". */
                   _("“%s” is not an amount of money."), member);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_time (JsonObject  *object,
          const char  *member,
          GDateTime  **out,
          GError     **error)
{
  const char *text = emitra_json_get_string (object, member, error);
  GDateTime *time;

  if (text == NULL)
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    {
      g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE,
                   /* Translators: %s names a member of the gateway's reply, such as "amount_due". */
                   _("“%s” is not a time."), member);
      return FALSE;
    }
  g_clear_pointer (out, g_date_time_unref);
  *out = time;
  return TRUE;
}

/* "YYYY-MM-DD"; with @optional, absent or null leaves @out cleared. */
static gboolean
get_date (JsonObject  *object,
          const char  *member,
          gboolean     optional,
          GDate       *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;
  int year, month, day;
  char tail;

  if (optional && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  text = emitra_json_get_string (object, member, error);
  if (text == NULL)
    return FALSE;
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE,
                   /* Translators: %s names a member of the gateway's reply, such as "amount_due". */
                   _("“%s” is not a date."), member);
      return FALSE;
    }
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
get_count (JsonObject  *object,
           const char  *member,
           gint64       max,
           gint64      *out,
           GError     **error)
{
  if (!emitra_json_get_int (object, member, out, error))
    return FALSE;
  if (*out < 0 || *out > max)
    {
      g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE,
                   /* Translators: %s names a member of the gateway's reply, such as "amount_due". */
                   _("“%s” is out of range."), member);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bad_value (GError     **error,
           const char  *member)
{
  g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE,
               /* Translators: %s names a member of the gateway's reply, such as "amount_due". */
               _("“%s” has a value the desk does not know."), member);
  return FALSE;
}

/* Wraps whatever the readers found in the one error the GUI shows. */
static void
set_malformed (GError **error,
               GError  *cause)
{
  g_autofree char *message = g_strdup_printf (_("The gateway sent a reply that could not be read: %s"),
                                              cause->message);

  emitra_gateway_error_set (error, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY, NULL, NULL, message);
}

/* Parses @body and returns its member @name, an object, kept alive by
 * *out_root. */
static JsonObject *
open_reply (GBytes      *body,
            gsize        max_length,
            const char  *name,
            JsonObject **out_root,
            GError     **error)
{
  *out_root = body != NULL ? emitra_json_parse_bytes (body, max_length, error) : NULL;
  if (*out_root == NULL)
    {
      if (body == NULL)
        g_set_error_literal (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID, _("The reply is empty."));
      return NULL;
    }
  return name != NULL ? emitra_json_get_object (*out_root, name, error) : *out_root;
}

/* Defines emitra_gateway_parse_<thing>() around a reader that fails with
 * any error, turning that error into MALFORMED_REPLY. */
#define DEFINE_PARSER(Type, thing, reader) \
  Type * \
  emitra_gateway_parse_##thing (GBytes  *body, \
                                GError **error) \
  { \
    g_autoptr(GError) cause = NULL; \
    Type *result = reader (body, &cause); \
    if (result == NULL) \
      set_malformed (error, cause); \
    return result; \
  }

/* ---- sessions ---------------------------------------------------------- */

static gboolean
token_is_safe (const char *token)
{
  gsize length = strlen (token);

  if (length < 16 || length > 512)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (token[i] <= ' ' || token[i] > '~')
      return FALSE;
  return TRUE;
}

static EmitraOperatorSession *
read_session (GBytes  *body,
              GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(EmitraOperatorSession) self = g_object_new (EMITRA_TYPE_OPERATOR_SESSION, NULL);
  JsonObject *session, *operator_, *kiosk;
  const char *role;

  if ((session = open_reply (body, EMITRA_GATEWAY_MAX_REPLY, "session", &root, error)) == NULL ||
      (operator_ = emitra_json_get_object (root, "operator", error)) == NULL ||
      (kiosk = emitra_json_get_object (root, "kiosk", error)) == NULL)
    return NULL;

  if (!dup_string (session, "token", &self->token, error) ||
      !get_time (session, "expires_at", &self->expires_at, error) ||
      !dup_string (operator_, "operator_id", &self->operator_id, error) ||
      !dup_optional_string (operator_, "sso_id", &self->sso_id, error) ||
      !dup_string (operator_, "name_en", &self->name_en, error) ||
      !dup_string (operator_, "name_hi", &self->name_hi, error) ||
      (role = emitra_json_get_string (operator_, "role", error)) == NULL ||
      !dup_string (kiosk, "code", &self->kiosk_code, error) ||
      !dup_optional_string (kiosk, "name_en", &self->kiosk_name_en, error) ||
      !dup_optional_string (kiosk, "name_hi", &self->kiosk_name_hi, error) ||
      !dup_string (kiosk, "district", &self->district, error) ||
      !dup_string (kiosk, "district_en", &self->district_en, error) ||
      !dup_string (kiosk, "district_hi", &self->district_hi, error) ||
      !dup_string (kiosk, "tehsil_en", &self->tehsil_en, error) ||
      !dup_string (kiosk, "tehsil_hi", &self->tehsil_hi, error))
    return NULL;

  if (!token_is_safe (self->token))
    {
      bad_value (error, "token");
      return NULL;
    }
  if (g_str_equal (role, "operator"))
    self->role = EMITRA_OPERATOR_ROLE_OPERATOR;
  else if (g_str_equal (role, "supervisor"))
    self->role = EMITRA_OPERATOR_ROLE_SUPERVISOR;
  else
    {
      bad_value (error, "role");
      return NULL;
    }

  return g_steal_pointer (&self);
}

DEFINE_PARSER (EmitraOperatorSession, session, read_session)

/* ---- Jan Aadhaar -------------------------------------------------------- */

static gboolean
read_member_summary (JsonObject          *object,
                     EmitraFamilyMember  *member,
                     GError             **error)
{
  gint64 age;

  if (!dup_string (object, "member_id", &member->member_id, error) ||
      !dup_string (object, "name_en", &member->name_en, error) ||
      !dup_string (object, "name_hi", &member->name_hi, error) ||
      !dup_string (object, "relation", &member->relation, error) ||
      !dup_string (object, "relation_en", &member->relation_en, error) ||
      !dup_string (object, "relation_hi", &member->relation_hi, error) ||
      !dup_string (object, "gender", &member->gender, error) ||
      !get_count (object, "age", 150, &age, error) ||
      !dup_string (object, "aadhaar_masked", &member->aadhaar_masked, error))
    return FALSE;
  member->age = (guint) age;

  /* A reply carrying a full Aadhaar number would put it in the desk's
   * memory and perhaps its database: refuse it outright. The last four are
   * digits too: they are printed on the receipt (fuzz-gateway-replies
   * found "XXXX XXXX <821" accepted). */
  if (!g_str_has_prefix (member->aadhaar_masked, "XXXX XXXX ") || strlen (member->aadhaar_masked) != 14 ||
      !g_ascii_isdigit (member->aadhaar_masked[10]) || !g_ascii_isdigit (member->aadhaar_masked[11]) ||
      !g_ascii_isdigit (member->aadhaar_masked[12]) || !g_ascii_isdigit (member->aadhaar_masked[13]))
    return bad_value (error, "aadhaar_masked");
  return TRUE;
}

static EmitraFamily *
read_family (GBytes  *body,
             GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(EmitraFamily) self = g_object_new (EMITRA_TYPE_FAMILY, NULL);
  JsonObject *family;
  JsonArray *members;

  if ((family = open_reply (body, EMITRA_GATEWAY_MAX_REPLY, "family", &root, error)) == NULL ||
      !dup_string (family, "family_id", &self->family_id, error) ||
      !dup_string (family, "mobile_masked", &self->mobile_masked, error) ||
      !dup_optional_string (family, "district", &self->district, error) ||
      (members = emitra_json_get_array (family, "members", error)) == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      g_autoptr(EmitraFamilyMember) member = g_object_new (EMITRA_TYPE_FAMILY_MEMBER, NULL);
      JsonObject *object = emitra_json_array_get_object (members, i, error);

      if (object == NULL || !read_member_summary (object, member, error))
        return NULL;
      member->family_id = g_strdup (self->family_id);
      g_list_store_append (self->members, member);
    }
  return g_steal_pointer (&self);
}

DEFINE_PARSER (EmitraFamily, family, read_family)

char *
emitra_gateway_parse_otp (GBytes  *body,
                          char   **out_mobile_masked,
                          GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) cause = NULL;
  g_autofree char *otp_ref = NULL;
  g_autofree char *mobile = NULL;
  JsonObject *otp;

  if ((otp = open_reply (body, EMITRA_GATEWAY_MAX_REPLY, "otp", &root, &cause)) == NULL ||
      !dup_string (otp, "otp_ref", &otp_ref, &cause) ||
      !dup_string (otp, "mobile_masked", &mobile, &cause))
    {
      set_malformed (error, cause);
      return NULL;
    }
  if (out_mobile_masked != NULL)
    *out_mobile_masked = g_steal_pointer (&mobile);
  return g_steal_pointer (&otp_ref);
}

static EmitraFamilyMember *
read_member (GBytes  *body,
             GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(EmitraFamilyMember) self = g_object_new (EMITRA_TYPE_FAMILY_MEMBER, NULL);
  JsonObject *member, *address;

  if ((member = open_reply (body, EMITRA_GATEWAY_MAX_REPLY, "member", &root, error)) == NULL ||
      !read_member_summary (member, self, error) ||
      !dup_string (member, "family_id", &self->family_id, error) ||
      !dup_string (member, "father_name_en", &self->father_name_en, error) ||
      !dup_string (member, "father_name_hi", &self->father_name_hi, error) ||
      !dup_string (member, "date_of_birth", &self->date_of_birth, error) ||
      !dup_optional_string (member, "mobile", &self->mobile, error) ||
      !dup_optional_string (member, "category", &self->category, error) ||
      (address = emitra_json_get_object (member, "address", error)) == NULL ||
      !dup_string (address, "line_en", &self->address_en, error) ||
      !dup_string (address, "line_hi", &self->address_hi, error) ||
      !dup_string (address, "tehsil_en", &self->tehsil_en, error) ||
      !dup_string (address, "tehsil_hi", &self->tehsil_hi, error) ||
      !dup_string (address, "district", &self->district, error) ||
      !dup_string (address, "pin", &self->pin, error))
    return NULL;

  {
    GDate check;
    if (!get_date (member, "date_of_birth", FALSE, &check, error))
      return NULL;
  }
  self->has_record = TRUE;
  return g_steal_pointer (&self);
}

DEFINE_PARSER (EmitraFamilyMember, member, read_member)

/* ---- documents and bills ------------------------------------------------ */

char *
emitra_gateway_parse_document (GBytes  *body,
                               GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) cause = NULL;
  g_autofree char *document_id = NULL;
  JsonObject *document;

  if ((document = open_reply (body, EMITRA_GATEWAY_MAX_REPLY, "document", &root, &cause)) == NULL ||
      !dup_string (document, "document_id", &document_id, &cause))
    {
      set_malformed (error, cause);
      return NULL;
    }
  if (document_id[0] == '\0')
    {
      bad_value (&cause, "document_id");
      set_malformed (error, cause);
      return NULL;
    }
  return g_steal_pointer (&document_id);
}

static EmitraBill *
read_bill (GBytes  *body,
           GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(EmitraBill) self = g_object_new (EMITRA_TYPE_BILL, NULL);
  JsonObject *bill;

  if ((bill = open_reply (body, EMITRA_GATEWAY_MAX_REPLY, "bill", &root, error)) == NULL ||
      !dup_string (bill, "service_id", &self->service_id, error) ||
      !dup_string (bill, "consumer_number", &self->consumer_number, error) ||
      !dup_string (bill, "consumer_name_en", &self->consumer_name_en, error) ||
      !dup_string (bill, "consumer_name_hi", &self->consumer_name_hi, error) ||
      !dup_string (bill, "bill_number", &self->bill_number, error) ||
      !get_date (bill, "bill_date", FALSE, &self->bill_date, error) ||
      !get_date (bill, "due_date", FALSE, &self->due_date, error) ||
      !get_money (bill, "amount_due", &self->amount_due, error))
    return NULL;
  self->paid = emitra_json_get_bool_or (bill, "paid", self->amount_due == 0);
  return g_steal_pointer (&self);
}

DEFINE_PARSER (EmitraBill, bill, read_bill)

/* ---- the catalog -------------------------------------------------------- */

/* Checks the merged document's frame (docs/catalog.md); the catalog
 * module reads the rest. */
static JsonObject *
read_catalog (GBytes  *body,
              GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  JsonObject *masters;

  if (open_reply (body, EMITRA_GATEWAY_MAX_CATALOG_REPLY, NULL, &root, error) == NULL ||
      emitra_json_get_string (root, "version", error) == NULL ||
      emitra_json_get_array (root, "departments", error) == NULL ||
      emitra_json_get_array (root, "categories", error) == NULL ||
      emitra_json_get_array (root, "services", error) == NULL ||
      (masters = emitra_json_get_object (root, "masters", error)) == NULL ||
      emitra_json_get_array (masters, "districts", error) == NULL)
    return NULL;
  return g_steal_pointer (&root);
}

DEFINE_PARSER (JsonObject, catalog, read_catalog)

/* ---- transactions, wallet, report -------------------------------------- */

static gboolean
read_step (JsonObject             *object,
           EmitraTransactionStep  *step,
           GError                **error)
{
  const char *status = emitra_json_get_string (object, "status", error);

  if (status == NULL)
    return FALSE;
  if (!emitra_transaction_status_from_string (status, &step->status))
    return bad_value (error, "status");
  return get_time (object, "at", &step->at, error) &&
         dup_string (object, "note_en", &step->note_en, error) &&
         dup_string (object, "note_hi", &step->note_hi, error);
}

static EmitraTransaction *
read_transaction (GBytes  *body,
                  GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(EmitraTransaction) self = g_object_new (EMITRA_TYPE_TRANSACTION, NULL);
  JsonObject *transaction, *wallet;
  JsonArray *timeline;
  JsonNode *node;
  const char *status;
  gint64 total;

  if ((transaction = open_reply (body, EMITRA_GATEWAY_MAX_REPLY, "transaction", &root, error)) == NULL ||
      !dup_string (transaction, "transaction_id", &self->transaction_id, error) ||
      !dup_string (transaction, "request_id", &self->request_id, error) ||
      !dup_string (transaction, "receipt_no", &self->receipt_no, error) ||
      !dup_string (transaction, "service_id", &self->service_id, error) ||
      !dup_string (transaction, "service_name_en", &self->service_name_en, error) ||
      !dup_string (transaction, "service_name_hi", &self->service_name_hi, error) ||
      !dup_string (transaction, "kiosk_code", &self->kiosk_code, error) ||
      !dup_string (transaction, "operator_id", &self->operator_id, error) ||
      !dup_optional_string (transaction, "consumer_number", &self->consumer_number, error) ||
      !get_money (transaction, "department_fee", &self->department_fee, error) ||
      !get_money (transaction, "service_charge", &self->service_charge, error) ||
      !get_money (transaction, "total", &total, error) ||
      (status = emitra_json_get_string (transaction, "status", error)) == NULL ||
      !get_time (transaction, "created_at", &self->created_at, error) ||
      !get_date (transaction, "delivery_due", TRUE, &self->delivery_due, error) ||
      (timeline = emitra_json_get_array (transaction, "timeline", error)) == NULL)
    return NULL;

  /* The receipt prints all three figures: they must agree. */
  if (total != self->department_fee + self->service_charge)
    {
      bad_value (error, "total");
      return NULL;
    }
  if (!emitra_transaction_status_from_string (status, &self->status))
    {
      bad_value (error, "status");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      EmitraTransactionStep step = { 0 };
      JsonObject *object = emitra_json_array_get_object (timeline, i, error);

      g_array_append_val (self->steps, step);
      if (object == NULL ||
          !read_step (object, &g_array_index (self->steps, EmitraTransactionStep, i), error))
        return NULL;
    }
  if (self->steps->len == 0 ||
      g_array_index (self->steps, EmitraTransactionStep, self->steps->len - 1).status != self->status)
    {
      bad_value (error, "timeline");
      return NULL;
    }

  self->replayed = emitra_json_get_bool_or (root, "replayed", FALSE);
  node = json_object_get_member (root, "wallet");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      ((wallet = emitra_json_get_object (root, "wallet", error)) == NULL ||
       !get_money (wallet, "balance", &self->wallet_balance, error)))
    return NULL;

  return g_steal_pointer (&self);
}

DEFINE_PARSER (EmitraTransaction, transaction, read_transaction)

static gboolean
read_movement (JsonObject            *object,
               EmitraWalletMovement  *movement,
               GError               **error)
{
  const char *kind = emitra_json_get_string (object, "kind", error);

  if (kind == NULL)
    return FALSE;
  if (g_str_equal (kind, "debit"))
    movement->kind = EMITRA_WALLET_DEBIT;
  else if (g_str_equal (kind, "refund"))
    movement->kind = EMITRA_WALLET_REFUND;
  else if (g_str_equal (kind, "top_up"))
    movement->kind = EMITRA_WALLET_TOP_UP;
  else
    return bad_value (error, "kind");

  return get_money (object, "amount", &movement->amount, error) &&
         get_money (object, "balance_after", &movement->balance_after, error) &&
         dup_optional_string (object, "transaction_id", &movement->transaction_id, error) &&
         dup_optional_string (object, "service_id", &movement->service_id, error) &&
         get_time (object, "at", &movement->at, error);
}

static EmitraWallet *
read_wallet (GBytes  *body,
             GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(EmitraWallet) self = g_object_new (EMITRA_TYPE_WALLET, NULL);
  JsonObject *wallet;
  JsonArray *recent;

  if ((wallet = open_reply (body, EMITRA_GATEWAY_MAX_REPLY, "wallet", &root, error)) == NULL ||
      !dup_string (wallet, "kiosk_code", &self->kiosk_code, error) ||
      !get_money (wallet, "balance", &self->balance, error) ||
      (recent = emitra_json_get_array (wallet, "recent", error)) == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (recent); i++)
    {
      EmitraWalletMovement movement = { 0 };
      JsonObject *object = emitra_json_array_get_object (recent, i, error);

      g_array_append_val (self->movements, movement);
      if (object == NULL ||
          !read_movement (object, &g_array_index (self->movements, EmitraWalletMovement, i), error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

DEFINE_PARSER (EmitraWallet, wallet, read_wallet)

static gboolean
read_rows (JsonObject  *report,
           const char  *member,
           const char  *id_member,
           GArray      *rows,
           GError     **error)
{
  JsonArray *array = emitra_json_get_array (report, member, error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      EmitraCentreReportRow empty = { 0 };
      EmitraCentreReportRow *row;
      JsonObject *object = emitra_json_array_get_object (array, i, error);

      g_array_append_val (rows, empty);
      row = &g_array_index (rows, EmitraCentreReportRow, i);
      if (object == NULL ||
          !dup_string (object, id_member, &row->id, error) ||
          !dup_optional_string (object, "name_en", &row->name_en, error) ||
          !dup_optional_string (object, "name_hi", &row->name_hi, error) ||
          !get_count (object, "count", G_MAXINT32, &row->count, error) ||
          !get_money (object, "department_fees", &row->department_fees, error) ||
          !get_money (object, "service_charges", &row->service_charges, error))
        return FALSE;
    }
  return TRUE;
}

static EmitraCentreReport *
read_centre_report (GBytes  *body,
                    GError **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(EmitraCentreReport) self = g_object_new (EMITRA_TYPE_CENTRE_REPORT, NULL);
  JsonObject *report, *totals;

  if ((report = open_reply (body, EMITRA_GATEWAY_MAX_REPLY, "report", &root, error)) == NULL ||
      !dup_string (report, "kiosk_code", &self->kiosk_code, error) ||
      !get_date (report, "date", FALSE, &self->date, error) ||
      (totals = emitra_json_get_object (report, "totals", error)) == NULL ||
      !get_count (totals, "count", G_MAXINT32, &self->count, error) ||
      !get_count (totals, "cancelled", G_MAXINT32, &self->cancelled, error) ||
      !get_money (totals, "department_fees", &self->department_fees, error) ||
      !get_money (totals, "service_charges", &self->service_charges, error) ||
      !read_rows (report, "by_operator", "operator_id", self->groups[EMITRA_CENTRE_REPORT_BY_OPERATOR], error) ||
      !read_rows (report, "by_desk", "desk_id", self->groups[EMITRA_CENTRE_REPORT_BY_DESK], error) ||
      !read_rows (report, "by_service", "service_id", self->groups[EMITRA_CENTRE_REPORT_BY_SERVICE], error))
    return NULL;
  return g_steal_pointer (&self);
}

DEFINE_PARSER (EmitraCentreReport, centre_report, read_centre_report)

/* ---- errors ------------------------------------------------------------- */

static EmitraGatewayError
code_for_status (guint status)
{
  switch (status)
    {
    case 401: return EMITRA_GATEWAY_ERROR_UNAUTHORIZED;
    case 402: return EMITRA_GATEWAY_ERROR_INSUFFICIENT_BALANCE;
    case 403: return EMITRA_GATEWAY_ERROR_FORBIDDEN;
    case 404: return EMITRA_GATEWAY_ERROR_NOT_FOUND;
    case 409: return EMITRA_GATEWAY_ERROR_CONFLICT;
    default:
      return status >= 400 && status < 500 ? EMITRA_GATEWAY_ERROR_INVALID_REQUEST : EMITRA_GATEWAY_ERROR_SERVER;
    }
}

/* The client's own words when the gateway gave none we can read. */
static char *
message_for_status (guint status)
{
  switch (code_for_status (status))
    {
    case EMITRA_GATEWAY_ERROR_UNAUTHORIZED:
      return g_strdup (_("Your session has ended. Sign in again."));
    case EMITRA_GATEWAY_ERROR_INSUFFICIENT_BALANCE:
      return g_strdup (_("The kiosk wallet does not have enough balance."));
    case EMITRA_GATEWAY_ERROR_FORBIDDEN:
      return g_strdup (_("You are not allowed to do this."));
    case EMITRA_GATEWAY_ERROR_NOT_FOUND:
      return g_strdup (_("The gateway could not find what was asked for."));
    case EMITRA_GATEWAY_ERROR_CONFLICT:
      return g_strdup (_("The gateway refused this because it conflicts with an earlier request."));
    case EMITRA_GATEWAY_ERROR_INVALID_REQUEST:
      return g_strdup_printf (_("The gateway did not accept the request (HTTP %u)."), status);
    default:
      if (status >= 500 && status < 600)
        return g_strdup_printf (_("The gateway failed (HTTP %u). Try again in a moment."), status);
      return g_strdup_printf (_("The gateway sent an unexpected answer (HTTP %u)."), status);
    }
}

GError *
emitra_gateway_parse_error (guint   status,
                            GBytes *body)
{
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *own = NULL;
  JsonObject *object = NULL;
  const char *message = NULL;
  const char *code = NULL;
  const char *field = NULL;
  GError *error = NULL;

  if (body != NULL)
    root = emitra_json_parse_bytes (body, MAX_ERROR_REPLY, NULL);
  if (root != NULL)
    object = emitra_json_get_object (root, "error", NULL);
  if (object != NULL)
    {
      const char *en = emitra_json_get_string (object, "message_en", NULL);
      const char *hi = emitra_json_get_string (object, "message_hi", NULL);

      message = emitra_text_prefers_hindi () && hi != NULL && hi[0] != '\0' ? hi : en;
      if (message == NULL || message[0] == '\0')
        message = hi;
      code = emitra_json_get_string (object, "code", NULL);
      field = emitra_json_get_string (object, "field", NULL);
    }
  if (message == NULL || message[0] == '\0')
    message = own = message_for_status (status);

  emitra_gateway_error_set (&error, code_for_status (status), code, field, message);
  return error;
}
