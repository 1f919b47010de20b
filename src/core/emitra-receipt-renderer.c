/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one receipt renderer: draws a receipt with Pango on any cairo_t,
 * so the same code prints through GtkPrintOperation, saves a PDF and
 * previews on screen. Two layouts: an 80 mm roll as long as the receipt
 * needs, and an A4 page.
 *
 * The labels are English and Hindi side by side whatever the interface
 * language: the citizen may read either, and the paper outlives the
 * operator's settings. So they are fixed here, not translated. The
 * citizen's name is printed exactly as entered, the amounts with Indian
 * grouping, and a QR code carries the transaction (or request) ID and the
 * receipt's hash, so anyone can check the paper against the desk's record.
 */
#include "config.h"

#include "emitra-receipt-renderer.h"
#include "emitra-money.h"
#include "emitra-print-util.h"

#include <math.h>
#include <qrencode.h>
#include <string.h>

struct _EmitraReceiptRenderer
{
  GObject                   parent_instance;

  EmitraReceipt            *receipt;
  EmitraReceiptRenderFlags  flags;
  char                     *centre_name;
  EmitraDigits              digits;
};

G_DEFINE_FINAL_TYPE (EmitraReceiptRenderer, emitra_receipt_renderer, G_TYPE_OBJECT)

typedef struct
{
  double margin;
  double body;         /* text size, points */
  double title;
  double small;
  double qr;           /* QR code side, points */
  double label_share;  /* of the content width */
  double gap;
} Metrics;

static const Metrics metrics[] = {
  [EMITRA_RECEIPT_LAYOUT_ROLL_80MM] = { 9.0, 7.5, 10.5, 6.0, 96.0, 0.50, 2.5 },
  [EMITRA_RECEIPT_LAYOUT_A4] = { 56.0, 11.0, 17.0, 8.5, 128.0, 0.40, 5.0 },
};

static void
emitra_receipt_renderer_finalize (GObject *object)
{
  EmitraReceiptRenderer *self = EMITRA_RECEIPT_RENDERER (object);

  g_clear_object (&self->receipt);
  g_free (self->centre_name);

  G_OBJECT_CLASS (emitra_receipt_renderer_parent_class)->finalize (object);
}

static void
emitra_receipt_renderer_class_init (EmitraReceiptRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_receipt_renderer_finalize;
}

static void
emitra_receipt_renderer_init (EmitraReceiptRenderer *self)
{
}

EmitraReceiptRenderer *
emitra_receipt_renderer_new (EmitraReceipt *receipt)
{
  EmitraReceiptRenderer *self;

  g_return_val_if_fail (EMITRA_IS_RECEIPT (receipt), NULL);

  self = g_object_new (EMITRA_TYPE_RECEIPT_RENDERER, NULL);
  self->receipt = g_object_ref (receipt);
  return self;
}

EmitraReceipt *
emitra_receipt_renderer_get_receipt (EmitraReceiptRenderer *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_RENDERER (self), NULL);

  return self->receipt;
}

void
emitra_receipt_renderer_set_flags (EmitraReceiptRenderer    *self,
                                   EmitraReceiptRenderFlags  flags)
{
  g_return_if_fail (EMITRA_IS_RECEIPT_RENDERER (self));

  self->flags = flags;
}

/* The centre's name as the supervisor set it in Preferences. */
void
emitra_receipt_renderer_set_centre_name (EmitraReceiptRenderer *self,
                                         const char            *centre_name)
{
  g_return_if_fail (EMITRA_IS_RECEIPT_RENDERER (self));

  g_free (self->centre_name);
  self->centre_name = g_strdup (centre_name);
}

/* The digits amounts, the receipt number and the date are printed in:
 * Devanagari where the centre chose them in Preferences. IDs (transaction,
 * request, kiosk, Aadhaar, mobile) stay in Latin digits, as the gateway and
 * the citizen's other papers write them. */
void
emitra_receipt_renderer_set_digits (EmitraReceiptRenderer *self,
                                    EmitraDigits           digits)
{
  g_return_if_fail (EMITRA_IS_RECEIPT_RENDERER (self));

  self->digits = digits;
}

EmitraDigits
emitra_receipt_renderer_get_digits (EmitraReceiptRenderer *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_RENDERER (self), EMITRA_DIGITS_LATIN);

  return self->digits;
}

typedef struct
{
  EmitraReceiptRenderer *self;
  const Metrics         *m;
  cairo_t               *cr;
  gboolean               draw;
  double                 x;
  double                 width;
  double                 y;
  PangoLayout           *body;
  PangoLayout           *bold;
  PangoLayout           *small;
  PangoLayout           *title;
} Flow;

static void
flow_text (Flow           *flow,
           PangoLayout    *layout,
           const char     *text,
           PangoAlignment  alignment)
{
  flow->y += emitra_print_text (flow->cr, layout, text, flow->x, flow->y, flow->width,
                                alignment, flow->draw);
}

static void
flow_rule (Flow *flow)
{
  double y = flow->y + flow->m->gap * 1.5;

  if (flow->draw)
    {
      cairo_save (flow->cr);
      cairo_set_line_width (flow->cr, 0.6);
      cairo_set_dash (flow->cr, (double[]) { 2.0, 1.5 }, 2, 0);
      cairo_move_to (flow->cr, flow->x, y);
      cairo_line_to (flow->cr, flow->x + flow->width, y);
      cairo_stroke (flow->cr);
      cairo_restore (flow->cr);
    }
  flow->y = y + flow->m->gap * 1.5;
}

/* A boxed warning no one can miss: DUPLICATE, PROVISIONAL, CANCELLED. */
static void
flow_banner (Flow       *flow,
             const char *text)
{
  double pad = flow->m->gap * 1.5;
  double height;

  flow->y += flow->m->gap;
  height = emitra_print_text (flow->cr, flow->bold, text, flow->x + pad, flow->y + pad,
                              flow->width - 2 * pad, PANGO_ALIGN_CENTER, flow->draw);
  if (flow->draw)
    {
      cairo_save (flow->cr);
      cairo_set_line_width (flow->cr, 1.5);
      cairo_rectangle (flow->cr, flow->x + 0.75, flow->y + 0.75,
                       flow->width - 1.5, height + 2 * pad - 1.5);
      cairo_stroke (flow->cr);
      cairo_restore (flow->cr);
    }
  flow->y += height + 2 * pad + flow->m->gap;
}

static double
first_baseline (PangoLayout *layout,
                const char  *text,
                double       width)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* "English / हिन्दी" on the left, the value on the right, their first
 * lines on one baseline (Devanagari alone sits higher than mixed text). */
static void
flow_row (Flow       *flow,
          const char *label_en,
          const char *label_hi,
          const char *value,
          gboolean    strong)
{
  g_autofree char *label = g_strdup_printf ("%s / %s", label_en, label_hi);
  double label_width = flow->width * flow->m->label_share;
  double value_width = flow->width - label_width - flow->m->gap * 2;
  PangoLayout *layout = strong ? flow->bold : flow->body;
  double b1 = first_baseline (layout, label, label_width);
  double b2 = first_baseline (layout, value, value_width);
  double baseline = MAX (b1, b2);
  double h1, h2;

  h1 = emitra_print_text (flow->cr, layout, label, flow->x, flow->y + baseline - b1, label_width,
                          PANGO_ALIGN_LEFT, flow->draw);
  h2 = emitra_print_text (flow->cr, layout, value, flow->x + flow->width - value_width,
                          flow->y + baseline - b2, value_width, PANGO_ALIGN_RIGHT, flow->draw);
  flow->y += MAX (h1 + baseline - b1, h2 + baseline - b2) + flow->m->gap;
}

static void
flow_money_row (Flow       *flow,
                const char *label_en,
                const char *label_hi,
                gint64      paise,
                gboolean    strong)
{
  g_autofree char *amount = emitra_money_format (paise, flow->self->digits);

  flow_row (flow, label_en, label_hi, amount, strong);
}

static void
flow_qr (Flow       *flow,
         const char *payload)
{
  QRcode *qr = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double side = MIN (flow->m->qr, flow->width);
  double left = flow->x + (flow->width - side) / 2;

  if (qr == NULL)
    return;

  if (flow->draw)
    {
      /* Four modules of quiet zone all round, as scanners expect. */
      double module = side / (qr->width + 8);

      cairo_save (flow->cr);
      cairo_set_source_rgb (flow->cr, 1, 1, 1);
      cairo_rectangle (flow->cr, left, flow->y, side, side);
      cairo_fill (flow->cr);
      cairo_set_source_rgb (flow->cr, 0, 0, 0);
      for (int row = 0; row < qr->width; row++)
        for (int column = 0; column < qr->width; column++)
          if (qr->data[row * qr->width + column] & 1)
            cairo_rectangle (flow->cr, left + (column + 4) * module, flow->y + (row + 4) * module,
                             module, module);
      cairo_fill (flow->cr);
      cairo_restore (flow->cr);
    }
  QRcode_free (qr);
  flow->y += side;
}

/* DD/MM/YYYY, as Indian forms and the state's own receipts write dates. */
static char *
format_time (gint64       unix_time,
             EmitraDigits digits)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);
  g_autofree char *text = local != NULL ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup ("");

  return emitra_text_to_digits (text, digits);
}

static double
flow_receipt (EmitraReceiptRenderer *self,
              cairo_t               *cr,
              EmitraReceiptLayout    layout,
              double                 width,
              gboolean               draw)
{
  EmitraReceipt *r = self->receipt;
  const Metrics *m = &metrics[layout];
  Flow flow = { self, m, cr, draw, m->margin, width - 2 * m->margin, m->margin };
  g_autoptr(PangoLayout) body = emitra_print_layout_new (cr, m->body, FALSE);
  g_autoptr(PangoLayout) bold = emitra_print_layout_new (cr, m->body, TRUE);
  g_autoptr(PangoLayout) small = emitra_print_layout_new (cr, m->small, FALSE);
  g_autoptr(PangoLayout) title = emitra_print_layout_new (cr, m->title, TRUE);
  g_autofree char *when = format_time (emitra_receipt_get_created_at (r), self->digits);
  g_autofree char *number_latin = g_strdup_printf ("%" G_GINT64_FORMAT, emitra_receipt_get_receipt_no (r));
  g_autofree char *number = emitra_text_to_digits (number_latin, self->digits);
  g_autofree char *service = NULL;
  g_autofree char *operator = NULL;
  g_autofree char *payload = emitra_receipt_dup_qr_payload (r);
  g_autofree char *hash_line = NULL;
  const char *transaction_id = emitra_receipt_get_transaction_id (r);
  const char *reason = emitra_receipt_get_status_reason (r);
  EmitraReceiptStatus status = emitra_receipt_get_status (r);

  flow.body = body;
  flow.bold = bold;
  flow.small = small;
  flow.title = title;

  if (draw)
    cairo_set_source_rgb (cr, 0, 0, 0);

  if (self->centre_name != NULL && self->centre_name[0] != '\0')
    flow_text (&flow, bold, self->centre_name, PANGO_ALIGN_CENTER);
  flow_text (&flow, title, "e-Mitra Receipt\nई-मित्र रसीद", PANGO_ALIGN_CENTER);

  if (self->flags & EMITRA_RECEIPT_RENDER_DUPLICATE)
    flow_banner (&flow, "DUPLICATE / प्रतिलिपि");
  if (status == EMITRA_RECEIPT_STATUS_PROVISIONAL)
    flow_banner (&flow, "PROVISIONAL - not yet confirmed\nअस्थायी - अभी पुष्ट नहीं");
  else if (status == EMITRA_RECEIPT_STATUS_CANCELLED || status == EMITRA_RECEIPT_STATUS_REJECTED)
    {
      g_autofree char *banner = g_strdup_printf ("%s%s%s",
                                                 status == EMITRA_RECEIPT_STATUS_CANCELLED
                                                 ? "CANCELLED / रद्द" : "REJECTED / अस्वीकृत",
                                                 reason[0] != '\0' ? "\n" : "", reason);
      flow_banner (&flow, banner);
    }
  flow_rule (&flow);

  flow_row (&flow, "Receipt No.", "रसीद संख्या", number, TRUE);
  flow_row (&flow, "Date", "दिनांक", when, FALSE);
  flow_row (&flow, "Transaction ID", "लेन-देन आईडी",
            transaction_id[0] != '\0' ? transaction_id : "Pending / लंबित", FALSE);
  flow_row (&flow, "Request ID", "अनुरोध आईडी", emitra_receipt_get_request_id (r), FALSE);
  service = g_strdup_printf ("%s\n%s", emitra_receipt_get_service_name_en (r),
                             emitra_receipt_get_service_name_hi (r));
  flow_row (&flow, "Service", "सेवा", g_strstrip (service), FALSE);
  flow_row (&flow, "Citizen", "नागरिक", emitra_receipt_get_citizen_name (r), TRUE);
  if (emitra_receipt_get_aadhaar_masked (r)[0] != '\0')
    flow_row (&flow, "Aadhaar", "आधार", emitra_receipt_get_aadhaar_masked (r), FALSE);
  if (emitra_receipt_get_mobile (r)[0] != '\0')
    flow_row (&flow, "Mobile", "मोबाइल", emitra_receipt_get_mobile (r), FALSE);
  flow_rule (&flow);

  flow_money_row (&flow, "Department fee", "विभागीय शुल्क", emitra_receipt_get_department_fee (r), FALSE);
  flow_money_row (&flow, "Service charge", "सेवा शुल्क", emitra_receipt_get_service_charge (r), FALSE);
  flow_money_row (&flow, "Total", "कुल", emitra_receipt_get_total (r), TRUE);
  flow_money_row (&flow, "Cash received", "प्राप्त नकद", emitra_receipt_get_cash_received (r), FALSE);
  if (emitra_receipt_get_change_due (r) > 0)
    flow_money_row (&flow, "Change", "लौटाई गई राशि", emitra_receipt_get_change_due (r), FALSE);
  flow_rule (&flow);

  operator = g_strdup_printf ("%s (%s)", emitra_receipt_get_operator_name (r),
                              emitra_receipt_get_operator_id (r));
  flow_row (&flow, "Operator", "ऑपरेटर", operator, FALSE);
  flow_row (&flow, "Kiosk", "कियोस्क", emitra_receipt_get_kiosk_code (r), FALSE);
  flow.y += m->gap * 2;

  flow_qr (&flow, payload);
  flow.y += m->gap;
  flow_text (&flow, small, "Scan to verify / सत्यापन के लिए स्कैन करें", PANGO_ALIGN_CENTER);
  /* The full hash in two lines of 32, so it can be read out over a phone. */
  {
    const char *hash = emitra_receipt_get_hash (r);
    gsize half = MIN (strlen (hash), 32);

    hash_line = g_strdup_printf ("SHA-256 %.*s\n%s", (int) half, hash, hash + half);
  }
  flow_text (&flow, small, hash_line, PANGO_ALIGN_CENTER);
  flow.y += m->gap;
  flow_text (&flow, small,
             "This is a computer-generated receipt.\nयह कंप्यूटर से बनी रसीद है।",
             PANGO_ALIGN_CENTER);

  return flow.y + m->margin;
}

/* The length of roll a receipt needs at @width_pt. */
double
emitra_receipt_renderer_measure_height (EmitraReceiptRenderer *self,
                                        EmitraReceiptLayout    layout,
                                        double                 width_pt)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_RENDERER (self), 0);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  height = flow_receipt (self, cr, layout, width_pt, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return height;
}

/**
 * emitra_receipt_renderer_draw:
 * @cr: any cairo context whose unit is the point (a print context set to
 *   GTK_UNIT_POINTS, a PDF surface)
 * @height_pt: the page's height; the roll layout draws its full length
 *
 * Draws the receipt from the top left of @cr.
 */
void
emitra_receipt_renderer_draw (EmitraReceiptRenderer *self,
                              cairo_t               *cr,
                              EmitraReceiptLayout    layout,
                              double                 width_pt,
                              double                 height_pt)
{
  g_return_if_fail (EMITRA_IS_RECEIPT_RENDERER (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  if (layout == EMITRA_RECEIPT_LAYOUT_A4 && height_pt > 0)
    {
      cairo_rectangle (cr, 0, 0, width_pt, height_pt);
      cairo_clip (cr);
    }
  flow_receipt (self, cr, layout, width_pt, TRUE);
  cairo_restore (cr);
}

typedef struct
{
  EmitraReceiptRenderer *self;
  EmitraReceiptLayout    layout;
} PdfJob;

static void
draw_pdf_page (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  PdfJob *job = user_data;

  emitra_receipt_renderer_draw (job->self, cr, job->layout, width, height);
}

gboolean
emitra_receipt_renderer_write_pdf (EmitraReceiptRenderer  *self,
                                   EmitraReceiptLayout     layout,
                                   const char             *path,
                                   GError                **error)
{
  PdfJob job = { self, layout };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  double width, height;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_RENDERER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (layout == EMITRA_RECEIPT_LAYOUT_A4)
    {
      width = EMITRA_PRINT_A4_WIDTH;
      height = EMITRA_PRINT_A4_HEIGHT;
    }
  else
    {
      width = EMITRA_RECEIPT_ROLL_WIDTH_PT;
      height = ceil (emitra_receipt_renderer_measure_height (self, layout, width));
    }

  title = g_strdup_printf ("e-Mitra receipt %" G_GINT64_FORMAT,
                           emitra_receipt_get_receipt_no (self->receipt));
  bytes = emitra_print_pdf_bytes (width, height, title, draw_pdf_page, &job, error);

  return bytes != NULL && emitra_print_write_file (path, bytes, error);
}

gboolean
emitra_receipt_render_pdf (EmitraReceipt             *receipt,
                           EmitraReceiptLayout        layout,
                           EmitraReceiptRenderFlags   flags,
                           const char                *path,
                           GError                   **error)
{
  g_autoptr(EmitraReceiptRenderer) renderer = NULL;

  g_return_val_if_fail (EMITRA_IS_RECEIPT (receipt), FALSE);

  renderer = emitra_receipt_renderer_new (receipt);
  emitra_receipt_renderer_set_flags (renderer, flags);
  return emitra_receipt_renderer_write_pdf (renderer, layout, path, error);
}
