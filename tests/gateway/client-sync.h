/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-gateway-client.h"
#include "sandbox-fixture.h"

G_BEGIN_DECLS

/* Blocking wrappers over the client's async calls, for readable tests:
 * each spins the main context until its call has finished. */

EmitraGatewayClient   *test_client_new          (SandboxFixture      *fixture);
EmitraOperatorSession *sync_sign_in             (EmitraGatewayClient *client,
                                                 const char          *sso_id,
                                                 const char          *password,
                                                 const char          *kiosk_code,
                                                 GError             **error);
gboolean               sync_sign_out            (EmitraGatewayClient *client,
                                                 GError             **error);
gboolean               sync_fetch_catalog       (EmitraGatewayClient *client,
                                                 const char          *etag,
                                                 GBytes             **out_catalog,
                                                 char               **out_etag,
                                                 GError             **error);
EmitraFamily          *sync_get_family          (EmitraGatewayClient *client,
                                                 const char          *family_id,
                                                 GError             **error);
char                  *sync_send_otp            (EmitraGatewayClient *client,
                                                 const char          *family_id,
                                                 const char          *member_id,
                                                 char               **out_mobile,
                                                 GError             **error);
EmitraFamilyMember    *sync_verify_otp          (EmitraGatewayClient *client,
                                                 const char          *otp_ref,
                                                 const char          *otp,
                                                 GError             **error);
char                  *sync_upload              (EmitraGatewayClient *client,
                                                 GBytes              *data,
                                                 const char          *content_type,
                                                 GError             **error);
EmitraBill            *sync_fetch_bill          (EmitraGatewayClient *client,
                                                 const char          *service_id,
                                                 const char          *consumer_number,
                                                 GError             **error);
EmitraTransaction     *sync_create              (EmitraGatewayClient *client,
                                                 JsonObject          *request,
                                                 GError             **error);
EmitraTransaction     *sync_submit              (EmitraGatewayClient *client,
                                                 JsonObject          *request,
                                                 GError             **error);
EmitraTransaction     *sync_verify              (EmitraGatewayClient *client,
                                                 const char          *request_id,
                                                 GError             **error);
EmitraTransaction     *sync_get_transaction     (EmitraGatewayClient *client,
                                                 const char          *transaction_id,
                                                 GError             **error);
EmitraTransaction     *sync_cancel              (EmitraGatewayClient *client,
                                                 const char          *transaction_id,
                                                 GError             **error);
EmitraWallet          *sync_get_wallet          (EmitraGatewayClient *client,
                                                 GError             **error);
EmitraCentreReport    *sync_get_report          (EmitraGatewayClient *client,
                                                 const GDate         *date,
                                                 GError             **error);

/* A fresh request ID, as the desk's journal would make one. */
char                  *test_request_id          (void);

G_END_DECLS
