/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Receipts and reports are bilingual whatever the interface language:
 * Latin text in Noto Sans, Devanagari in Noto Sans Devanagari. */
#define EMITRA_PRINT_FONT "Noto Sans, Noto Sans Devanagari"

#define EMITRA_PRINT_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define EMITRA_PRINT_A4_WIDTH  595.276
#define EMITRA_PRINT_A4_HEIGHT 841.89

/* Draws the pages on @cr (a PDF surface of @width x @height points); calls
 * cairo_show_page() itself between pages and not after the last one. */
typedef void (*EmitraPrintPagesFunc) (cairo_t  *cr,
                                      double    width,
                                      double    height,
                                      gpointer  user_data);

PangoLayout *emitra_print_layout_new    (cairo_t         *cr,
                                         double           size_pt,
                                         gboolean         bold);
double       emitra_print_text          (cairo_t         *cr,
                                         PangoLayout     *layout,
                                         const char      *text,
                                         double           x,
                                         double           y,
                                         double           width,
                                         PangoAlignment   alignment,
                                         gboolean         draw);
GBytes      *emitra_print_pdf_bytes     (double                width,
                                         double                height,
                                         const char           *title,
                                         EmitraPrintPagesFunc  draw,
                                         gpointer              user_data,
                                         GError              **error);
gboolean     emitra_print_write_file    (const char           *path,
                                         GBytes               *bytes,
                                         GError              **error);

G_END_DECLS
