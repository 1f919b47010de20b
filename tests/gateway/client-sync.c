/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "client-sync.h"

EmitraGatewayClient *
test_client_new (SandboxFixture *fixture)
{
  /* No proxy lookup: tests talk to loopback only, and the GNOME proxy
   * resolver would need a GSettings schema the test environment lacks. */
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(GError) error = NULL;
  EmitraGatewayClient *client = emitra_gateway_client_new (session, fixture->base_uri, &error);

  g_assert_no_error (error);
  /* Short deadlines and backoffs keep the fault tests fast. */
  emitra_gateway_client_set_timeout (client, 5000);
  emitra_gateway_client_set_retry (client, 4, 20);
  emitra_gateway_client_set_desk_id (client, "desk-test");
  return client;
}

#define SYNC_CALL(start, finish_expr) \
  G_STMT_START { \
    g_autoptr(GAsyncResult) result = NULL; \
    start; \
    wait_for_result (&result); \
    return finish_expr; \
  } G_STMT_END

EmitraOperatorSession *
sync_sign_in (EmitraGatewayClient *client, const char *sso_id, const char *password,
              const char *kiosk_code, GError **error)
{
  SYNC_CALL (emitra_gateway_client_sign_in_async (client, sso_id, password, kiosk_code, NULL, store_result_cb, &result),
             emitra_gateway_client_sign_in_finish (client, result, error));
}

gboolean
sync_sign_out (EmitraGatewayClient *client, GError **error)
{
  SYNC_CALL (emitra_gateway_client_sign_out_async (client, NULL, store_result_cb, &result),
             emitra_gateway_client_sign_out_finish (client, result, error));
}

gboolean
sync_fetch_catalog (EmitraGatewayClient *client, const char *etag, GBytes **out_catalog,
                    char **out_etag, GError **error)
{
  SYNC_CALL (emitra_gateway_client_fetch_catalog_async (client, etag, NULL, store_result_cb, &result),
             emitra_gateway_client_fetch_catalog_finish (client, result, out_catalog, out_etag, error));
}

EmitraFamily *
sync_get_family (EmitraGatewayClient *client, const char *family_id, GError **error)
{
  SYNC_CALL (emitra_gateway_client_get_family_async (client, family_id, NULL, store_result_cb, &result),
             emitra_gateway_client_get_family_finish (client, result, error));
}

char *
sync_send_otp (EmitraGatewayClient *client, const char *family_id, const char *member_id,
               char **out_mobile, GError **error)
{
  SYNC_CALL (emitra_gateway_client_send_otp_async (client, family_id, member_id, NULL, store_result_cb, &result),
             emitra_gateway_client_send_otp_finish (client, result, out_mobile, error));
}

EmitraFamilyMember *
sync_verify_otp (EmitraGatewayClient *client, const char *otp_ref, const char *otp, GError **error)
{
  SYNC_CALL (emitra_gateway_client_verify_otp_async (client, otp_ref, otp, NULL, store_result_cb, &result),
             emitra_gateway_client_verify_otp_finish (client, result, error));
}

char *
sync_upload (EmitraGatewayClient *client, GBytes *data, const char *content_type, GError **error)
{
  SYNC_CALL (emitra_gateway_client_upload_document_async (client, data, content_type, "photo", NULL,
                                                          store_result_cb, &result),
             emitra_gateway_client_upload_document_finish (client, result, error));
}

EmitraBill *
sync_fetch_bill (EmitraGatewayClient *client, const char *service_id, const char *consumer_number, GError **error)
{
  SYNC_CALL (emitra_gateway_client_fetch_bill_async (client, service_id, consumer_number, NULL, store_result_cb, &result),
             emitra_gateway_client_fetch_bill_finish (client, result, error));
}

EmitraTransaction *
sync_create (EmitraGatewayClient *client, JsonObject *request, GError **error)
{
  SYNC_CALL (emitra_gateway_client_create_transaction_async (client, request, NULL, store_result_cb, &result),
             emitra_gateway_client_create_transaction_finish (client, result, error));
}

EmitraTransaction *
sync_submit (EmitraGatewayClient *client, JsonObject *request, GError **error)
{
  SYNC_CALL (emitra_gateway_client_submit_transaction_async (client, request, NULL, store_result_cb, &result),
             emitra_gateway_client_submit_transaction_finish (client, result, error));
}

EmitraTransaction *
sync_verify (EmitraGatewayClient *client, const char *request_id, GError **error)
{
  SYNC_CALL (emitra_gateway_client_verify_transaction_async (client, request_id, NULL, store_result_cb, &result),
             emitra_gateway_client_verify_transaction_finish (client, result, error));
}

EmitraTransaction *
sync_get_transaction (EmitraGatewayClient *client, const char *transaction_id, GError **error)
{
  SYNC_CALL (emitra_gateway_client_get_transaction_async (client, transaction_id, NULL, store_result_cb, &result),
             emitra_gateway_client_get_transaction_finish (client, result, error));
}

EmitraTransaction *
sync_cancel (EmitraGatewayClient *client, const char *transaction_id, GError **error)
{
  SYNC_CALL (emitra_gateway_client_cancel_transaction_async (client, transaction_id, NULL, store_result_cb, &result),
             emitra_gateway_client_cancel_transaction_finish (client, result, error));
}

EmitraWallet *
sync_get_wallet (EmitraGatewayClient *client, GError **error)
{
  SYNC_CALL (emitra_gateway_client_get_wallet_async (client, NULL, store_result_cb, &result),
             emitra_gateway_client_get_wallet_finish (client, result, error));
}

EmitraCentreReport *
sync_get_report (EmitraGatewayClient *client, const GDate *date, GError **error)
{
  SYNC_CALL (emitra_gateway_client_get_centre_report_async (client, date, NULL, store_result_cb, &result),
             emitra_gateway_client_get_centre_report_finish (client, result, error));
}

char *
test_request_id (void)
{
  return g_uuid_string_random ();
}
