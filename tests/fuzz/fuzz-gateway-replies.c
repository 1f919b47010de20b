/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: every gateway reply parser (emitra-gateway-replies.h).
 * The first byte picks the parser, the rest is the reply's body. Whatever
 * the bytes, a parser returns an object that keeps the promises the desk
 * relies on (money never negative, text valid UTF-8, never a full Aadhaar
 * number) or fails with MALFORMED_REPLY; the error parser always returns
 * an error with a message to show.
 */
#include "config.h"

#include <string.h>

#include "emitra-aadhaar-mask.h"
#include "emitra-gateway-replies.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_text (const char *text)
{
  g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
}

static void
check_session (EmitraOperatorSession *session)
{
  const char *token = emitra_operator_session_get_token (session);

  /* The token goes into an HTTP header: printable ASCII only. */
  g_assert_nonnull (token);
  for (const char *p = token; *p != '\0'; p++)
    g_assert_true (*p > 0x20 && *p < 0x7f);
  check_text (emitra_operator_session_get_name_hi (session));
  check_text (emitra_operator_session_get_kiosk_name_hi (session));
}

static void
check_member (EmitraFamilyMember *member)
{
  const char *masked = emitra_family_member_get_aadhaar_masked (member);

  check_text (emitra_family_member_get_name_hi (member));
  g_assert_true (masked == NULL || masked[0] == '\0' || emitra_aadhaar_is_masked (masked));
}

static void
check_family (EmitraFamily *family)
{
  GListModel *members = emitra_family_get_members (family);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(EmitraFamilyMember) member = g_list_model_get_item (members, i);

      check_member (member);
    }
}

static void
check_transaction (EmitraTransaction *transaction)
{
  g_assert_cmpint (emitra_transaction_get_department_fee (transaction), >=, 0);
  g_assert_cmpint (emitra_transaction_get_service_charge (transaction), >=, 0);
  g_assert_cmpint (emitra_transaction_get_total (transaction), >=, 0);
  check_text (emitra_transaction_get_service_name_hi (transaction));
  for (guint i = 0; i < emitra_transaction_get_n_steps (transaction); i++)
    g_assert_nonnull (emitra_transaction_get_step (transaction, i));
}

static void
check_wallet (EmitraWallet *wallet)
{
  g_assert_cmpint (emitra_wallet_get_balance (wallet), >=, 0);
  for (guint i = 0; i < emitra_wallet_get_n_movements (wallet); i++)
    g_assert_nonnull (emitra_wallet_get_movement (wallet, i));
}

static void
check_bill (EmitraBill *bill)
{
  g_assert_cmpint (emitra_bill_get_amount_due (bill), >=, 0);
  check_text (emitra_bill_get_consumer_name_hi (bill));
}

static void
check_report (EmitraCentreReport *report)
{
  g_assert_cmpint (emitra_centre_report_get_total (report), >=, 0);
  check_text (emitra_centre_report_get_kiosk_code (report));
}

/* The statuses a gateway's error reply comes with. */
static const guint error_statuses[] = { 400, 401, 402, 403, 404, 405, 409, 413, 415, 429, 500, 502, 503, 504, 599 };

enum {
  PARSE_SESSION,
  PARSE_FAMILY,
  PARSE_OTP,
  PARSE_MEMBER,
  PARSE_DOCUMENT,
  PARSE_BILL,
  PARSE_TRANSACTION,
  PARSE_WALLET,
  PARSE_CENTRE_REPORT,
  PARSE_CATALOG,
  PARSE_ERROR,
  N_PARSERS
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gboolean parsed = FALSE;
  guint which;

  if (size < 1)
    return 0;
  which = data[0] % N_PARSERS;
  body = g_bytes_new (data + 1, size - 1);

  switch (which)
    {
    case PARSE_SESSION:
      {
        g_autoptr(EmitraOperatorSession) session = emitra_gateway_parse_session (body, &error);
        if ((parsed = session != NULL))
          check_session (session);
      }
      break;
    case PARSE_FAMILY:
      {
        g_autoptr(EmitraFamily) family = emitra_gateway_parse_family (body, &error);
        if ((parsed = family != NULL))
          check_family (family);
      }
      break;
    case PARSE_OTP:
      {
        g_autofree char *mobile = NULL;
        g_autofree char *ref = emitra_gateway_parse_otp (body, &mobile, &error);
        if ((parsed = ref != NULL))
          {
            check_text (ref);
            check_text (mobile);
          }
      }
      break;
    case PARSE_MEMBER:
      {
        g_autoptr(EmitraFamilyMember) member = emitra_gateway_parse_member (body, &error);
        if ((parsed = member != NULL))
          check_member (member);
      }
      break;
    case PARSE_DOCUMENT:
      {
        g_autofree char *id = emitra_gateway_parse_document (body, &error);
        if ((parsed = id != NULL))
          check_text (id);
      }
      break;
    case PARSE_BILL:
      {
        g_autoptr(EmitraBill) bill = emitra_gateway_parse_bill (body, &error);
        if ((parsed = bill != NULL))
          check_bill (bill);
      }
      break;
    case PARSE_TRANSACTION:
      {
        g_autoptr(EmitraTransaction) transaction = emitra_gateway_parse_transaction (body, &error);
        if ((parsed = transaction != NULL))
          check_transaction (transaction);
      }
      break;
    case PARSE_WALLET:
      {
        g_autoptr(EmitraWallet) wallet = emitra_gateway_parse_wallet (body, &error);
        if ((parsed = wallet != NULL))
          check_wallet (wallet);
      }
      break;
    case PARSE_CENTRE_REPORT:
      {
        g_autoptr(EmitraCentreReport) report = emitra_gateway_parse_centre_report (body, &error);
        if ((parsed = report != NULL))
          check_report (report);
      }
      break;
    case PARSE_CATALOG:
      {
        g_autoptr(JsonObject) catalog = emitra_gateway_parse_catalog (body, &error);
        parsed = catalog != NULL;
      }
      break;
    case PARSE_ERROR:
    default:
      {
        guint status = error_statuses[(data[0] / N_PARSERS) % G_N_ELEMENTS (error_statuses)];
        GError *reply_error = emitra_gateway_parse_error (status, body);

        /* Always an error, always something to tell the operator. */
        g_assert_nonnull (reply_error);
        g_assert_true (reply_error->domain == EMITRA_GATEWAY_ERROR);
        g_assert_true (reply_error->message != NULL && reply_error->message[0] != '\0');
        check_text (reply_error->message);
        check_text (emitra_gateway_error_get_field (reply_error));
        g_error_free (reply_error);
        return 0;
      }
    }

  if (parsed)
    g_assert_null (error);
  else
    {
      g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
      check_text (error->message);
    }
  return 0;
}
