/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the receipt and report renderers share: a Pango layout that
 * measures in points on any cairo surface (a PDF, a printer's page, a
 * widget), bilingual text in the fonts that hold both scripts, and PDF
 * output written whole or not at all.
 */
#include "config.h"

#include "emitra-print-util.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <gio/gio.h>

/* One point of text is one unit of @cr, whatever the surface, and glyph
 * metrics are not hinted, so a receipt lays out the same on paper, in a
 * PDF and on screen. */
PangoLayout *
emitra_print_layout_new (cairo_t  *cr,
                         double    size_pt,
                         gboolean  bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (EMITRA_PRINT_FONT);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);

  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_context_changed (layout);

  return layout;
}

/* Lays @text out in a box @width wide at (@x, @y), drawing it when @draw,
 * and returns its height: the same call measures and draws. */
double
emitra_print_text (cairo_t        *cr,
                   PangoLayout    *layout,
                   const char     *text,
                   double          x,
                   double          y,
                   double          width,
                   PangoAlignment  alignment,
                   gboolean        draw)
{
  int height;

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_size (layout, NULL, &height);

  if (draw)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }

  return (double) height / PANGO_SCALE;
}

static cairo_status_t
append_to_array_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The PDF in memory: a file is then written in one piece, and the command
 * line can send it to standard output. */
GBytes *
emitra_print_pdf_bytes (double                width,
                        double                height,
                        const char           *title,
                        EmitraPrintPagesFunc  draw,
                        gpointer              user_data,
                        GError              **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_to_array_cb, data, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "e-Mitra Desk " PACKAGE_VERSION);
  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Written to a temporary file and renamed: a reader never sees half a file. */
gboolean
emitra_print_write_file (const char  *path,
                         GBytes      *bytes,
                         GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_file_set_contents (path, data, (gssize) size, error);
}
