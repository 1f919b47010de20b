/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a receipt must say before the store will issue it, and the copy of
 * it that the store numbers and chains: checked, dated in the desk's local
 * time, and detached from the caller's object.
 */
#include "config.h"

#include "emitra-receipt-store-private.h"
#include "emitra-receipt-private.h"
#include "emitra-money.h"
#include "emitra-text.h"

#include <glib/gi18n-lib.h>

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

static guint
count_digits (const char *text)
{
  g_autofree char *latin = emitra_text_to_latin_digits (text != NULL ? text : "");
  guint n = 0;

  for (const char *p = latin; *p; p++)
    if (g_ascii_isdigit (*p))
      n++;
  return n;
}

/* Far above any name or service title a form lets through (80 to 200
 * characters), and low enough that a receipt still fits on 80 mm paper
 * and a pasted page of text never reaches the chain. */
#define MAX_TEXT_CHARS 300

/* Each text a receipt keeps is UTF-8 and of a printable length, counted
 * in characters (a Hindi name takes three bytes a character). */
static gboolean
text_ok (const char *text)
{
  return text == NULL || (g_utf8_validate (text, -1, NULL) &&
                          g_utf8_strlen (text, -1) <= MAX_TEXT_CHARS);
}

/* The last line of defence for what a receipt may say; the forms have
 * already told the operator the same in friendlier terms. */
static gboolean
validate (EmitraReceipt  *receipt,
          GError        **error)
{
  const char *texts[] = { receipt->request_id, receipt->transaction_id, receipt->service_id,
                          receipt->service_name_en, receipt->service_name_hi, receipt->citizen_name,
                          receipt->aadhaar_masked, receipt->mobile, receipt->operator_id,
                          receipt->operator_name, receipt->kiosk_code };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!text_ok (texts[i]))
      {
        g_set_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_INVALID,
                     _("The receipt holds text that is not readable or longer than %u characters."),
                     (guint) MAX_TEXT_CHARS);
        return FALSE;
      }
  if (is_blank (receipt->request_id))
    return refuse (error, _("The receipt has no request ID."));
  if (is_blank (receipt->service_id) || is_blank (receipt->service_name_en))
    return refuse (error, _("The receipt does not say which service was paid for."));
  if (is_blank (receipt->citizen_name))
    return refuse (error, _("The receipt has no citizen's name."));
  if (is_blank (receipt->operator_id) || is_blank (receipt->kiosk_code))
    return refuse (error, _("The receipt does not say which operator and kiosk issued it."));
  /* A full Aadhaar number must never be stored: at most its last 4 digits. */
  if (count_digits (receipt->aadhaar_masked) > 4)
    return refuse (error, _("The receipt holds a full Aadhaar number; only its last 4 digits may be kept."));
  if (receipt->department_fee < 0 || receipt->service_charge < 0 || receipt->cash_received < 0)
    return refuse (error, _("The receipt has a negative amount."));
  if (receipt->department_fee > EMITRA_MONEY_MAX_PAISE ||
      receipt->service_charge > EMITRA_MONEY_MAX_PAISE ||
      receipt->cash_received > EMITRA_MONEY_MAX_PAISE)
    return refuse (error, _("The receipt's amount is too large."));
  if (receipt->total != receipt->department_fee + receipt->service_charge)
    return refuse (error, _("The receipt's total is not the department fee plus the service charge."));
  if (receipt->cash_received < receipt->total)
    return refuse (error, _("The cash received is less than the total."));
  if (receipt->status != EMITRA_RECEIPT_STATUS_PROVISIONAL &&
      receipt->status != EMITRA_RECEIPT_STATUS_CONFIRMED)
    return refuse (error, _("A new receipt is either provisional or confirmed."));
  if (receipt->status == EMITRA_RECEIPT_STATUS_CONFIRMED && is_blank (receipt->transaction_id))
    return refuse (error, _("A confirmed receipt needs the gateway's transaction ID."));

  return TRUE;
}

static EmitraReceipt *
copy_input (EmitraReceipt *input)
{
  EmitraReceipt *copy = g_object_new (EMITRA_TYPE_RECEIPT, NULL);

  copy->request_id = g_strdup (input->request_id);
  copy->transaction_id = is_blank (input->transaction_id) ? NULL : g_strdup (input->transaction_id);
  copy->service_id = g_strdup (input->service_id);
  copy->service_name_en = g_strdup (input->service_name_en);
  copy->service_name_hi = g_strdup (input->service_name_hi != NULL ? input->service_name_hi : "");
  copy->citizen_name = g_strdup (input->citizen_name);
  copy->aadhaar_masked = g_strdup (input->aadhaar_masked != NULL ? input->aadhaar_masked : "");
  copy->mobile = g_strdup (input->mobile != NULL ? input->mobile : "");
  copy->department_fee = input->department_fee;
  copy->service_charge = input->service_charge;
  copy->total = input->total;
  copy->cash_received = input->cash_received;
  copy->operator_id = g_strdup (input->operator_id);
  copy->operator_name = g_strdup (input->operator_name != NULL ? input->operator_name : "");
  copy->kiosk_code = g_strdup (input->kiosk_code);
  copy->status = input->status;
  copy->created_at = input->created_at;

  return copy;
}

/* The receipt as it will be stored, before it has a number: checked,
 * copied, and dated in the desk's local time. */
EmitraReceipt *
_emitra_receipt_store_prepare (EmitraReceipt  *receipt,
                               GError        **error)
{
  g_autoptr(EmitraReceipt) stored = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (!validate (receipt, error))
    return NULL;

  stored = copy_input (receipt);
  if (stored->created_at <= 0)
    stored->created_at = g_get_real_time () / G_USEC_PER_SEC;

  /* The day and hour are the desk's local ones, fixed at issue: the day's
   * report is then an index range and never shifts with a later time zone. */
  local = g_date_time_new_from_unix_local (stored->created_at);
  if (local == NULL)
    {
      refuse (error, _("The receipt's time is out of range."));
      return NULL;
    }
  stored->day = g_date_time_format (local, "%Y-%m-%d");
  stored->hour = g_date_time_get_hour (local);
  stored->status_updated_at = stored->created_at;
  stored->issued_status = stored->status;

  return g_steal_pointer (&stored);
}
