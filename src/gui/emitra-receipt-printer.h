/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-receipt-renderer.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_RECEIPT_PRINTER (emitra_receipt_printer_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReceiptPrinter, emitra_receipt_printer, EMITRA, RECEIPT_PRINTER, GObject)

EmitraReceiptPrinter *emitra_receipt_printer_new         (GSettings             *settings);
EmitraReceiptLayout   emitra_receipt_printer_get_layout  (EmitraReceiptPrinter  *self);
GtkPageSetup         *emitra_receipt_printer_page_setup  (EmitraReceiptPrinter  *self,
                                                          EmitraReceiptRenderer *renderer,
                                                          EmitraReceiptLayout    layout);

void                  emitra_receipt_printer_print       (EmitraReceiptPrinter  *self,
                                                          EmitraReceiptRenderer *renderer,
                                                          GtkWidget             *widget);
gboolean              emitra_receipt_printer_export      (EmitraReceiptPrinter  *self,
                                                          EmitraReceiptRenderer *renderer,
                                                          const char            *path,
                                                          GError               **error);
gboolean              emitra_receipt_printer_write_pdf   (EmitraReceiptPrinter  *self,
                                                          EmitraReceiptRenderer *renderer,
                                                          const char            *path,
                                                          GError               **error);
void                  emitra_receipt_printer_choose_pdf  (EmitraReceiptPrinter  *self,
                                                          EmitraReceiptRenderer *renderer,
                                                          GtkWidget             *widget);

G_END_DECLS
