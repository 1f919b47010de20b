/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-receipt.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_RECEIPT_VIEW (emitra_receipt_view_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReceiptView, emitra_receipt_view, EMITRA, RECEIPT_VIEW, GtkWidget)

void           emitra_receipt_view_set_receipt  (EmitraReceiptView *self,
                                                 EmitraReceipt     *receipt,
                                                 const char        *centre_name);
EmitraReceipt *emitra_receipt_view_get_receipt  (EmitraReceiptView *self);
gboolean       emitra_receipt_view_save_pdf     (EmitraReceiptView *self,
                                                 const char        *path,
                                                 GError           **error);

G_END_DECLS
