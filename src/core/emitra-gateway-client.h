/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "emitra-bill.h"
#include "emitra-centre-report.h"
#include "emitra-family.h"
#include "emitra-family-member.h"
#include "emitra-gateway-error.h"
#include "emitra-operator-session.h"
#include "emitra-password-check.h"
#include "emitra-transaction.h"
#include "emitra-wallet.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_GATEWAY_CLIENT (emitra_gateway_client_get_type ())

G_DECLARE_FINAL_TYPE (EmitraGatewayClient, emitra_gateway_client, EMITRA, GATEWAY_CLIENT, GObject)

/*
 * EmitraGatewayClient speaks docs/api.md to one e-Mitra gateway.
 *
 * - Every call is GIO-style async with a GCancellable, and has a deadline
 *   (timeout-ms) covering the whole exchange.
 * - Every failure is a GError. In EMITRA_GATEWAY_ERROR its message is
 *   ready to show, in the UI's language (the gateway's message_hi when the
 *   UI is Hindi). INVALID_REQUEST errors may name the form field to show
 *   it beside: emitra_gateway_error_get_field(). A cancelled call fails
 *   with G_IO_ERROR_CANCELLED, which the GUI ignores.
 * - Reads are retried after transient failures with backoff and jitter;
 *   nothing that charges money is repeated except through
 *   emitra_gateway_client_submit_transaction_async().
 * - The session token is kept in memory only. After UNAUTHORIZED (expired
 *   session) the client forgets the session: "operator-session" becomes
 *   NULL and the GUI asks the operator to sign in again.
 */

EmitraGatewayClient   *emitra_gateway_client_new                  (SoupSession          *session,
                                                                   const char           *base_uri,
                                                                   GError              **error);

const char            *emitra_gateway_client_get_base_uri         (EmitraGatewayClient  *self);
SoupSession           *emitra_gateway_client_get_soup_session     (EmitraGatewayClient  *self);

/* A PEM file of CAs trusted for this gateway besides the system's (for a
 * private gateway). NULL or "" trusts the system's alone. */
gboolean               emitra_gateway_client_set_ca_file          (EmitraGatewayClient  *self,
                                                                   const char           *path,
                                                                   GError              **error);
const char            *emitra_gateway_client_get_ca_file          (EmitraGatewayClient  *self);

/* Each attempt's deadline, in milliseconds (default 15000). */
void                   emitra_gateway_client_set_timeout          (EmitraGatewayClient  *self,
                                                                   guint                 timeout_ms);
guint                  emitra_gateway_client_get_timeout          (EmitraGatewayClient  *self);
/* How often a safe call is tried in all (default 4), and the first backoff
 * in milliseconds (default 500; it doubles, capped at 10 s, with jitter). */
void                   emitra_gateway_client_set_retry            (EmitraGatewayClient  *self,
                                                                   guint                 max_attempts,
                                                                   guint                 base_delay_ms);
/* The name of this desk, sent at sign-in so reports count by desk. */
void                   emitra_gateway_client_set_desk_id          (EmitraGatewayClient  *self,
                                                                   const char           *desk_id);

/* The signed-in session, or NULL ("operator-session", notified). */
EmitraOperatorSession *emitra_gateway_client_get_operator_session (EmitraGatewayClient  *self);
/* "training" or "production" as the gateway last said, NULL before the
 * first reply ("mode", notified). */
const char            *emitra_gateway_client_get_mode             (EmitraGatewayClient  *self);
gboolean               emitra_gateway_client_is_training          (EmitraGatewayClient  *self);

/* Signs in; on success the client keeps the session for later calls, and
 * a verifier of the password (in memory only) for an unlock while the
 * gateway cannot be reached. Wrong credentials: UNAUTHORIZED (field
 * "password"); SSO ID not bound to the kiosk: FORBIDDEN (field
 * "kiosk_code"). */
void                   emitra_gateway_client_sign_in_async        (EmitraGatewayClient  *self,
                                                                   const char           *sso_id,
                                                                   const char           *password,
                                                                   const char           *kiosk_code,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraOperatorSession *emitra_gateway_client_sign_in_finish       (EmitraGatewayClient  *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
/* The verifier of the password @sso_id last signed in with at
 * @kiosk_code, or NULL: someone else signed in last, or signed out since.
 * An expired session keeps it. */
EmitraPasswordCheck   *emitra_gateway_client_get_password_check   (EmitraGatewayClient  *self,
                                                                   const char           *sso_id,
                                                                   const char           *kiosk_code);

/* Forgets the session and the password's verifier at once, then tells
 * the gateway. */
void                   emitra_gateway_client_sign_out_async       (EmitraGatewayClient  *self,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
gboolean               emitra_gateway_client_sign_out_finish      (EmitraGatewayClient  *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* Fetches the merged catalog document. With @etag (the one last stored),
 * an unchanged catalog returns TRUE with *out_catalog NULL ("not
 * modified"). Otherwise *out_catalog holds the exact bytes served (checked
 * to be a catalog document) and *out_etag their tag. No sign-in needed. */
void                   emitra_gateway_client_fetch_catalog_async  (EmitraGatewayClient  *self,
                                                                   const char           *etag,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
gboolean               emitra_gateway_client_fetch_catalog_finish (EmitraGatewayClient  *self,
                                                                   GAsyncResult         *result,
                                                                   GBytes              **out_catalog,
                                                                   char                **out_etag,
                                                                   GError              **error);

/* A Jan Aadhaar family and its members (NOT_FOUND when unknown). */
void                   emitra_gateway_client_get_family_async     (EmitraGatewayClient  *self,
                                                                   const char           *family_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraFamily          *emitra_gateway_client_get_family_finish    (EmitraGatewayClient  *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* Sends an OTP to the family's mobile for one member. Returns the OTP
 * reference to verify with, and the masked mobile to show. */
void                   emitra_gateway_client_send_otp_async       (EmitraGatewayClient  *self,
                                                                   const char           *family_id,
                                                                   const char           *member_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
char                  *emitra_gateway_client_send_otp_finish      (EmitraGatewayClient  *self,
                                                                   GAsyncResult         *result,
                                                                   char                **out_mobile_masked,
                                                                   GError              **error);

/* Verifies the OTP; returns the member with the record for pre-filling.
 * A wrong OTP is INVALID_REQUEST with field "otp". */
void                   emitra_gateway_client_verify_otp_async     (EmitraGatewayClient  *self,
                                                                   const char           *otp_ref,
                                                                   const char           *otp,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraFamilyMember    *emitra_gateway_client_verify_otp_finish    (EmitraGatewayClient  *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* Uploads a scan (application/pdf, image/jpeg or image/png, at most
 * 2 MiB); @kind is the catalog's document ID or NULL. Returns the
 * document ID to list in a transaction. */
void                   emitra_gateway_client_upload_document_async (EmitraGatewayClient *self,
                                                                   GBytes               *data,
                                                                   const char           *content_type,
                                                                   const char           *kind,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
char                  *emitra_gateway_client_upload_document_finish (EmitraGatewayClient *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* A bill by bill service and consumer number (NOT_FOUND when unknown). */
void                   emitra_gateway_client_fetch_bill_async     (EmitraGatewayClient  *self,
                                                                   const char           *service_id,
                                                                   const char           *consumer_number,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraBill            *emitra_gateway_client_fetch_bill_finish    (EmitraGatewayClient  *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* The body of a create (docs/api.md): @form, @documents, @consumer_number
 * may be NULL; @expected_amount < 0 leaves it out. Persist it (with its
 * request ID) before the first attempt. */
JsonObject            *emitra_gateway_transaction_request_new     (const char           *request_id,
                                                                   const char           *service_id,
                                                                   JsonObject           *form,
                                                                   const char * const   *documents,
                                                                   const char           *consumer_number,
                                                                   gint64                expected_amount);

/* One create attempt, never repeated here. Use submit (below) instead
 * unless you handle uncertain outcomes yourself. */
void                   emitra_gateway_client_create_transaction_async (EmitraGatewayClient *self,
                                                                   JsonObject           *request,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraTransaction     *emitra_gateway_client_create_transaction_finish (EmitraGatewayClient *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* The journal-safe submit: creates with the request's request_id; after a
 * timeout, a dropped connection, a 5xx or an unreadable reply it verifies
 * by request_id, takes the gateway's transaction if there is one, and only
 * otherwise creates again with the same request_id (bounded, backoff with
 * jitter). It never makes request IDs.
 *
 * The result may be a transaction created earlier (replayed, or even
 * cancelled since): the gateway's record is the truth. Errors INVALID_REQUEST,
 * INSUFFICIENT_BALANCE, CONFLICT, FORBIDDEN and NOT_FOUND mean the gateway
 * refused the request and charged nothing. Any other error (NETWORK,
 * TIMEOUT, SERVER, MALFORMED_REPLY, UNAUTHORIZED, TLS, cancelled) leaves the
 * outcome unknown: keep the request pending and submit it again later,
 * signed in again if need be; it will never be charged twice. */
void                   emitra_gateway_client_submit_transaction_async (EmitraGatewayClient *self,
                                                                   JsonObject           *request,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraTransaction     *emitra_gateway_client_submit_transaction_finish (EmitraGatewayClient *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* The gateway's transaction for @request_id; NOT_FOUND means it was never
 * committed and creating it again is safe. */
void                   emitra_gateway_client_verify_transaction_async (EmitraGatewayClient *self,
                                                                   const char           *request_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraTransaction     *emitra_gateway_client_verify_transaction_finish (EmitraGatewayClient *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* Status and timeline by transaction ID. */
void                   emitra_gateway_client_get_transaction_async (EmitraGatewayClient *self,
                                                                   const char           *transaction_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraTransaction     *emitra_gateway_client_get_transaction_finish (EmitraGatewayClient *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* Cancels an application still "submitted" (CONFLICT once under review);
 * the department fee goes back to the wallet. */
void                   emitra_gateway_client_cancel_transaction_async (EmitraGatewayClient *self,
                                                                   const char           *transaction_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraTransaction     *emitra_gateway_client_cancel_transaction_finish (EmitraGatewayClient *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* The kiosk wallet's balance and latest movements. */
void                   emitra_gateway_client_get_wallet_async     (EmitraGatewayClient  *self,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraWallet          *emitra_gateway_client_get_wallet_finish    (EmitraGatewayClient  *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* The centre's daily summary across its desks, for @date (NULL: today);
 * supervisors only (FORBIDDEN otherwise). */
void                   emitra_gateway_client_get_centre_report_async (EmitraGatewayClient *self,
                                                                   const GDate          *date,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
EmitraCentreReport    *emitra_gateway_client_get_centre_report_finish (EmitraGatewayClient *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

G_END_DECLS
