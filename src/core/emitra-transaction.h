/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where an application stands at the gateway (docs/api.md). */
typedef enum {
  EMITRA_TRANSACTION_STATUS_SUBMITTED,
  EMITRA_TRANSACTION_STATUS_UNDER_REVIEW,
  EMITRA_TRANSACTION_STATUS_APPROVED,
  EMITRA_TRANSACTION_STATUS_REJECTED,
  EMITRA_TRANSACTION_STATUS_CERTIFICATE_READY,
  EMITRA_TRANSACTION_STATUS_CANCELLED,
} EmitraTransactionStatus;

/* One step of the timeline, oldest first; the last is the current status. */
typedef struct
{
  EmitraTransactionStatus  status;
  GDateTime               *at;
  char                    *note_en;
  char                    *note_hi;
} EmitraTransactionStep;

#define EMITRA_TYPE_TRANSACTION (emitra_transaction_get_type ())

G_DECLARE_FINAL_TYPE (EmitraTransaction, emitra_transaction, EMITRA, TRANSACTION, GObject)

const char              *emitra_transaction_status_to_string     (EmitraTransactionStatus status);
gboolean                 emitra_transaction_status_from_string   (const char              *text,
                                                                  EmitraTransactionStatus *out_status);

const char              *emitra_transaction_get_transaction_id   (EmitraTransaction *self);
const char              *emitra_transaction_get_request_id       (EmitraTransaction *self);
const char              *emitra_transaction_get_receipt_no       (EmitraTransaction *self);
const char              *emitra_transaction_get_service_id       (EmitraTransaction *self);
const char              *emitra_transaction_get_service_name_en  (EmitraTransaction *self);
const char              *emitra_transaction_get_service_name_hi  (EmitraTransaction *self);
const char              *emitra_transaction_get_kiosk_code       (EmitraTransaction *self);
const char              *emitra_transaction_get_operator_id      (EmitraTransaction *self);
const char              *emitra_transaction_get_consumer_number  (EmitraTransaction *self);
gint64                   emitra_transaction_get_department_fee   (EmitraTransaction *self);
gint64                   emitra_transaction_get_service_charge   (EmitraTransaction *self);
gint64                   emitra_transaction_get_total            (EmitraTransaction *self);
EmitraTransactionStatus  emitra_transaction_get_status           (EmitraTransaction *self);
GDateTime               *emitra_transaction_get_created_at       (EmitraTransaction *self);
const GDate             *emitra_transaction_get_delivery_due     (EmitraTransaction *self);
guint                    emitra_transaction_get_n_steps          (EmitraTransaction *self);
const EmitraTransactionStep *emitra_transaction_get_step         (EmitraTransaction *self,
                                                                  guint              index);

/* Only from a create: TRUE when the gateway already had this request_id
 * and charged nothing now. */
gboolean                 emitra_transaction_get_replayed         (EmitraTransaction *self);
/* Only from a create or cancel: the wallet balance after it, else -1. */
gint64                   emitra_transaction_get_wallet_balance   (EmitraTransaction *self);

G_END_DECLS
