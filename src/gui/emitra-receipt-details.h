/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-receipt-printer.h"
#include "emitra-receipt-store.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_RECEIPT_DETAILS (emitra_receipt_details_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReceiptDetails, emitra_receipt_details, EMITRA, RECEIPT_DETAILS, AdwWindow)

EmitraReceiptDetails *emitra_receipt_details_new         (EmitraReceiptStore   *store,
                                                          EmitraReceiptPrinter *printer,
                                                          EmitraReceipt        *receipt);
EmitraReceipt        *emitra_receipt_details_get_receipt (EmitraReceiptDetails *self);
void                  emitra_receipt_details_refresh     (EmitraReceiptDetails *self);

G_END_DECLS
