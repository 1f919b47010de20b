/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  EMITRA_RECEIPT_STATUS_PROVISIONAL,
  EMITRA_RECEIPT_STATUS_CONFIRMED,
  EMITRA_RECEIPT_STATUS_REJECTED,
  EMITRA_RECEIPT_STATUS_CANCELLED,
} EmitraReceiptStatus;

#define EMITRA_RECEIPT_N_STATUSES 4

#define EMITRA_TYPE_RECEIPT_STATUS (emitra_receipt_status_get_type ())
GType emitra_receipt_status_get_type (void);

#define EMITRA_TYPE_RECEIPT (emitra_receipt_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReceipt, emitra_receipt, EMITRA, RECEIPT, GObject)

/* The database spelling ("provisional", ...), never shown to a user. */
const char          *emitra_receipt_status_to_string   (EmitraReceiptStatus  status);
gboolean             emitra_receipt_status_from_string (const char          *text,
                                                        EmitraReceiptStatus *out_status);
/* The status in the operator's language. */
const char          *emitra_receipt_status_get_label   (EmitraReceiptStatus  status);

gint64               emitra_receipt_get_receipt_no      (EmitraReceipt *self);
const char          *emitra_receipt_get_request_id      (EmitraReceipt *self);
const char          *emitra_receipt_get_transaction_id  (EmitraReceipt *self);
const char          *emitra_receipt_get_service_id      (EmitraReceipt *self);
const char          *emitra_receipt_get_service_name_en (EmitraReceipt *self);
const char          *emitra_receipt_get_service_name_hi (EmitraReceipt *self);
const char          *emitra_receipt_get_citizen_name    (EmitraReceipt *self);
const char          *emitra_receipt_get_aadhaar_masked  (EmitraReceipt *self);
const char          *emitra_receipt_get_mobile          (EmitraReceipt *self);
gint64               emitra_receipt_get_department_fee  (EmitraReceipt *self);
gint64               emitra_receipt_get_service_charge  (EmitraReceipt *self);
gint64               emitra_receipt_get_total           (EmitraReceipt *self);
gint64               emitra_receipt_get_cash_received   (EmitraReceipt *self);
gint64               emitra_receipt_get_change_due      (EmitraReceipt *self);
const char          *emitra_receipt_get_operator_id     (EmitraReceipt *self);
const char          *emitra_receipt_get_operator_name   (EmitraReceipt *self);
const char          *emitra_receipt_get_kiosk_code      (EmitraReceipt *self);
gint64               emitra_receipt_get_created_at      (EmitraReceipt *self);
const char          *emitra_receipt_get_day             (EmitraReceipt *self);
int                  emitra_receipt_get_hour            (EmitraReceipt *self);
const char          *emitra_receipt_get_prev_hash       (EmitraReceipt *self);
const char          *emitra_receipt_get_hash            (EmitraReceipt *self);
EmitraReceiptStatus  emitra_receipt_get_status          (EmitraReceipt *self);
const char          *emitra_receipt_get_status_reason   (EmitraReceipt *self);
gint64               emitra_receipt_get_status_updated_at (EmitraReceipt *self);

char                *emitra_receipt_canonical_content   (EmitraReceipt *self,
                                                         const char    *prev_hash);
char                *emitra_receipt_compute_hash        (EmitraReceipt *self,
                                                         const char    *prev_hash);
char                *emitra_receipt_dup_qr_payload      (EmitraReceipt *self);

char                *emitra_receipt_event_compute_hash  (const char    *receipt_hash,
                                                         const char    *status,
                                                         const char    *transaction_id,
                                                         const char    *reason,
                                                         gint64         at,
                                                         const char    *prev_hash);

G_END_DECLS
