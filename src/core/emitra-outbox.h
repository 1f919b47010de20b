/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-database.h"
#include "emitra-outbox-item.h"
#include "emitra-receipt-store.h"

G_BEGIN_DECLS

#define EMITRA_OUTBOX_ERROR (emitra_outbox_error_quark ())

typedef enum {
  EMITRA_OUTBOX_ERROR_DUPLICATE,          /* the request ID is already in the outbox */
  EMITRA_OUTBOX_ERROR_NOT_FOUND,
  EMITRA_OUTBOX_ERROR_NOT_PENDING,        /* already confirmed, rejected or cancelled */
  EMITRA_OUTBOX_ERROR_UNMASKED_AADHAAR,   /* the request holds a full Aadhaar number */
  EMITRA_OUTBOX_ERROR_INVALID,
} EmitraOutboxError;

/* Retries wait 15 s, then twice as long each time, up to 15 minutes,
 * with jitter so a centre's desks do not all call back at once. */
#define EMITRA_OUTBOX_FIRST_DELAY  15
#define EMITRA_OUTBOX_MAX_DELAY    (15 * 60)

#define EMITRA_TYPE_OUTBOX (emitra_outbox_get_type ())

G_DECLARE_FINAL_TYPE (EmitraOutbox, emitra_outbox, EMITRA, OUTBOX, GObject)

GQuark            emitra_outbox_error_quark      (void);

gint64            emitra_outbox_backoff_seconds  (guint                attempts,
                                                  double               jitter);

EmitraOutbox     *emitra_outbox_new              (EmitraDatabase      *database);
EmitraDatabase   *emitra_outbox_get_database     (EmitraOutbox        *self);

gboolean          emitra_outbox_enqueue          (EmitraOutbox        *self,
                                                  const char          *request_id,
                                                  const char          *service_id,
                                                  const char          *request_json,
                                                  const char          *draft_id,
                                                  gint64               now,
                                                  GError             **error);
EmitraReceipt    *emitra_outbox_enqueue_with_receipt (EmitraOutbox    *self,
                                                      EmitraReceiptStore *store,
                                                      const char      *request_json,
                                                      const char      *draft_id,
                                                      EmitraReceipt   *provisional,
                                                      GError         **error);

EmitraReceipt    *emitra_outbox_attach_receipt   (EmitraOutbox        *self,
                                                  EmitraReceiptStore  *store,
                                                  EmitraReceipt       *provisional,
                                                  GError             **error);

EmitraOutboxItem *emitra_outbox_get              (EmitraOutbox        *self,
                                                  const char          *request_id,
                                                  GError             **error);
GPtrArray        *emitra_outbox_list_pending     (EmitraOutbox        *self,
                                                  const char          *operator_id,
                                                  GError             **error);
gint64            emitra_outbox_count_pending    (EmitraOutbox        *self,
                                                  GError             **error);
GPtrArray        *emitra_outbox_list_due         (EmitraOutbox        *self,
                                                  gint64               now,
                                                  GError             **error);

gboolean          emitra_outbox_record_attempt   (EmitraOutbox        *self,
                                                  const char          *request_id,
                                                  const char          *error_message,
                                                  gint64               now,
                                                  GError             **error);
gboolean          emitra_outbox_reopen           (EmitraOutbox        *self,
                                                  const char          *request_id,
                                                  const char          *request_json,
                                                  gint64               now,
                                                  GError             **error);
gboolean          emitra_outbox_retry_now        (EmitraOutbox        *self,
                                                  const char          *request_id,
                                                  gint64               now,
                                                  GError             **error);
gboolean          emitra_outbox_settle           (EmitraOutbox        *self,
                                                  EmitraReceiptStore  *store,
                                                  const char          *request_id,
                                                  EmitraOutboxState    state,
                                                  const char          *transaction_id,
                                                  const char          *reason,
                                                  gint64               now,
                                                  EmitraReceipt      **out_receipt,
                                                  GError             **error);

void              emitra_outbox_list_pending_async  (EmitraOutbox        *self,
                                                     const char          *operator_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray        *emitra_outbox_list_pending_finish (EmitraOutbox        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void              emitra_outbox_count_pending_async  (EmitraOutbox        *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gint64            emitra_outbox_count_pending_finish (EmitraOutbox        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void              emitra_outbox_retry_now_async  (EmitraOutbox        *self,
                                                  const char          *request_id,
                                                  gint64               now,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean          emitra_outbox_retry_now_finish (EmitraOutbox        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
