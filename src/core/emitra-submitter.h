/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "emitra-database.h"
#include "emitra-gateway-client.h"
#include "emitra-outbox.h"
#include "emitra-receipt-store.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_SUBMITTER (emitra_submitter_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSubmitter, emitra_submitter, EMITRA, SUBMITTER, GObject)

EmitraSubmitter *emitra_submitter_new          (EmitraReceiptStore   *receipts,
                                                EmitraOutbox         *outbox,
                                                EmitraGatewayClient  *gateway);

/* Submits one application or payment, journal first (see the .c file).
 * @request is the gateway's create body, held in memory only (it may carry
 * a full Aadhaar number); @receipt_template carries what the receipt shows
 * (service names, citizen, masked Aadhaar, fees, cash, operator, kiosk).
 * Finishes with the receipt: confirmed, or provisional when the outcome
 * is not yet known and the submission waits in the outbox. A GError means
 * nothing was charged: the gateway refused (its field, if any, in
 * emitra_gateway_error_get_field()) or the desk could not write. */
void             emitra_submitter_submit_async  (EmitraSubmitter      *self,
                                                 JsonObject           *request,
                                                 EmitraReceipt        *receipt_template,
                                                 const char           *draft_id,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
EmitraReceipt   *emitra_submitter_submit_finish (EmitraSubmitter      *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* Works through every outbox item that is due: verifies by request ID,
 * resends only what the gateway never received, and settles what it
 * answered. Emits "settled" for each. Finishes with the number settled. */
void             emitra_submitter_drain_async   (EmitraSubmitter      *self,
                                                 gboolean              due_only,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
guint            emitra_submitter_drain_finish  (EmitraSubmitter      *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* Asks the gateway to cancel a pending submission (or, when it never
 * reached the gateway, withdraws it) and settles it as cancelled. */
void             emitra_submitter_cancel_async  (EmitraSubmitter      *self,
                                                 const char           *request_id,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         emitra_submitter_cancel_finish (EmitraSubmitter      *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

JsonObject      *emitra_submitter_mask_request  (JsonObject           *request);

G_END_DECLS
