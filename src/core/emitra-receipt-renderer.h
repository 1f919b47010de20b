/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "emitra-receipt.h"
#include "emitra-text.h"

G_BEGIN_DECLS

typedef enum {
  EMITRA_RECEIPT_LAYOUT_ROLL_80MM,   /* thermal or dot-matrix roll, as long as it needs */
  EMITRA_RECEIPT_LAYOUT_A4,
} EmitraReceiptLayout;

typedef enum {
  EMITRA_RECEIPT_RENDER_NONE      = 0,
  EMITRA_RECEIPT_RENDER_DUPLICATE = 1 << 0,   /* a reprint */
} EmitraReceiptRenderFlags;

/* The roll's width; its printable width is what the printer's driver says. */
#define EMITRA_RECEIPT_ROLL_WIDTH_PT (80.0 * 72.0 / 25.4)

#define EMITRA_TYPE_RECEIPT_RENDERER (emitra_receipt_renderer_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReceiptRenderer, emitra_receipt_renderer, EMITRA, RECEIPT_RENDERER, GObject)

EmitraReceiptRenderer *emitra_receipt_renderer_new            (EmitraReceipt            *receipt);
EmitraReceipt         *emitra_receipt_renderer_get_receipt    (EmitraReceiptRenderer    *self);
void                   emitra_receipt_renderer_set_flags      (EmitraReceiptRenderer    *self,
                                                               EmitraReceiptRenderFlags  flags);
void                   emitra_receipt_renderer_set_centre_name (EmitraReceiptRenderer   *self,
                                                                const char              *centre_name);
void                   emitra_receipt_renderer_set_digits     (EmitraReceiptRenderer    *self,
                                                               EmitraDigits              digits);
EmitraDigits           emitra_receipt_renderer_get_digits     (EmitraReceiptRenderer    *self);

double                 emitra_receipt_renderer_measure_height (EmitraReceiptRenderer    *self,
                                                               EmitraReceiptLayout       layout,
                                                               double                    width_pt);
void                   emitra_receipt_renderer_draw           (EmitraReceiptRenderer    *self,
                                                               cairo_t                  *cr,
                                                               EmitraReceiptLayout       layout,
                                                               double                    width_pt,
                                                               double                    height_pt);
gboolean               emitra_receipt_renderer_write_pdf      (EmitraReceiptRenderer    *self,
                                                               EmitraReceiptLayout       layout,
                                                               const char               *path,
                                                               GError                  **error);

gboolean               emitra_receipt_render_pdf              (EmitraReceipt            *receipt,
                                                               EmitraReceiptLayout       layout,
                                                               EmitraReceiptRenderFlags  flags,
                                                               const char               *path,
                                                               GError                  **error);

G_END_DECLS
