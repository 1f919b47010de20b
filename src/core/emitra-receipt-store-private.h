/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the store's other files (verification) and the outbox, which
 * settles a receipt inside its own transaction, share with the store.
 */
#pragma once

#include <sqlite3.h>

#include "emitra-receipt-store.h"

G_BEGIN_DECLS

/* The columns every receipt query selects, in the order
 * _emitra_receipt_store_read_row() reads them. A receipt whose status
 * never changed has no receipt_status row: it is still as issued. */
/* A receipt's status now: its latest change, or the status it was issued
 * with (receipts r, receipt_status s). */
#define EMITRA_RECEIPT_CURRENT_STATUS "coalesce (s.status, r.status)"

#define EMITRA_RECEIPT_COLUMNS \
  "r.id, r.receipt_no, r.request_id, r.transaction_id, r.service_id," \
  " r.service_name_en, r.service_name_hi, r.citizen_name, r.aadhaar_masked, r.mobile," \
  " r.department_fee, r.service_charge, r.total, r.cash_received, r.operator_id," \
  " r.operator_name, r.kiosk_code, r.created_at, r.day, r.hour, r.prev_hash, r.hash," \
  " " EMITRA_RECEIPT_CURRENT_STATUS ", coalesce (s.reason, ''), coalesce (s.updated_at, r.created_at)," \
  " CASE WHEN r.transaction_id IS NULL THEN" \
  "  (SELECT e.transaction_id FROM receipt_events e" \
  "   WHERE e.receipt_id = r.id AND e.transaction_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)" \
  " END, r.status"

#define EMITRA_RECEIPT_FROM "receipts r LEFT JOIN receipt_status s ON s.receipt_id = r.id"

EmitraReceipt *_emitra_receipt_store_read_row (sqlite3_stmt *stmt);
EmitraReceipt *_emitra_receipt_store_fetch    (EmitraReceiptStore  *self,
                                               const char          *request_id,
                                               gint64               receipt_no,
                                               GError             **error);

EmitraReceipt *_emitra_receipt_store_prepare (EmitraReceipt        *receipt,
                                              GError              **error);
gboolean       _emitra_receipt_store_insert  (EmitraReceiptStore   *self,
                                              EmitraReceipt        *stored,
                                              GError              **error);

/* Records a status change of the receipt with @request_id. The caller holds
 * an open transaction on the store's database; nothing is committed. */
EmitraReceipt *_emitra_receipt_store_add_event_by_request_id (EmitraReceiptStore   *self,
                                                              const char           *request_id,
                                                              EmitraReceiptStatus   status,
                                                              const char           *transaction_id,
                                                              const char           *reason,
                                                              GError              **error);

EmitraChainReport *_emitra_receipt_store_verify (EmitraReceiptStore  *self,
                                                 sqlite3             *db,
                                                 GError             **error);

G_END_DECLS
