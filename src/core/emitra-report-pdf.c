/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report as an A4 PDF, and its chart by hour on any cairo_t (the GUI
 * draws the same chart in a GtkDrawingArea). Like a receipt, the PDF is
 * bilingual whatever the interface language, since it is filed and read
 * by people other than the one who printed it; its labels are fixed here.
 * Long lists flow onto further pages.
 */
#include "config.h"

#include "emitra-report-private.h"
#include "emitra-money.h"
#include "emitra-print-util.h"

#include <stdio.h>

#define MARGIN 42.0
#define BODY 9.0
#define GAP 3.0

typedef struct
{
  EmitraReport *report;
  cairo_t      *cr;
  double        width;
  double        height;
  double        y;
  PangoLayout  *body;
  PangoLayout  *bold;
  PangoLayout  *heading;
  PangoLayout  *title;
} Page;

static char *
money (gint64 paise)
{
  return emitra_money_format (paise, EMITRA_DIGITS_LATIN);
}

/* "28 November 2026 / 28 नवंबर 2026". */
static char *
bilingual_date (const char *day)
{
  static const char *const en[] = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
  };
  static const char *const hi[] = {
    "जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त",
    "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर",
  };
  unsigned year, month, mday;

  if (sscanf (day, "%4u-%2u-%2u", &year, &month, &mday) != 3 || month < 1 || month > 12)
    return g_strdup (day);
  return g_strdup_printf ("%u %s %u / %u %s %u", mday, en[month - 1], year,
                          mday, hi[month - 1], year);
}

static double
content_width (Page *page)
{
  return page->width - 2 * MARGIN;
}

/* Starts a new page when @needed points do not fit on this one. */
static void
need (Page   *page,
      double  needed)
{
  if (page->y + needed <= page->height - MARGIN)
    return;
  cairo_show_page (page->cr);
  page->y = MARGIN;
}

static void
text_line (Page        *page,
           PangoLayout *layout,
           const char  *text,
           PangoAlignment alignment)
{
  double height = emitra_print_text (page->cr, layout, text, MARGIN, page->y,
                                     content_width (page), alignment, FALSE);

  need (page, height);
  page->y += emitra_print_text (page->cr, layout, text, MARGIN, page->y, content_width (page),
                                alignment, TRUE);
}

static void
heading (Page       *page,
         const char *text)
{
  /* A heading never ends a page: it keeps its table's first rows with it. */
  need (page, 96);
  page->y += GAP * 3;
  text_line (page, page->heading, text, PANGO_ALIGN_LEFT);
  cairo_set_line_width (page->cr, 0.8);
  cairo_move_to (page->cr, MARGIN, page->y + 1);
  cairo_line_to (page->cr, page->width - MARGIN, page->y + 1);
  cairo_stroke (page->cr);
  page->y += GAP * 2;
}

/* A table row: cells laid out in columns whose widths are shares of the
 * content width; the first cell is left-aligned, the rest right-aligned. */
static void
table_row (Page              *page,
           PangoLayout       *layout,
           const char *const *cells,
           const double      *shares,
           guint              n_cells)
{
  double heights[8] = { 0 };
  double x = MARGIN, row = 0;

  g_assert (n_cells <= G_N_ELEMENTS (heights));
  for (guint pass = 0; pass < 2; pass++)
    {
      x = MARGIN;
      if (pass == 1)
        need (page, row);
      for (guint i = 0; i < n_cells; i++)
        {
          double w = content_width (page) * shares[i];

          heights[i] = emitra_print_text (page->cr, layout, cells[i], x + (i > 0 ? 4 : 0), page->y,
                                          w - 4, i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT,
                                          pass == 1);
          row = MAX (row, heights[i]);
          x += w;
        }
    }
  page->y += row + GAP;
}

static void
label_value (Page       *page,
             PangoLayout *layout,
             const char *label,
             const char *value)
{
  static const double shares[] = { 0.7, 0.3 };
  const char *cells[] = { label, value };

  table_row (page, layout, cells, shares, 2);
}

static void
totals (Page *page)
{
  EmitraReport *r = page->report;
  g_autofree char *count = g_strdup_printf ("%lld", (long long) r->confirmed.count);
  g_autofree char *fees = money (r->confirmed.department_fees);
  g_autofree char *charges = money (r->confirmed.service_charges);
  g_autofree char *collected = money (r->confirmed.total);
  g_autofree char *held = money (r->provisional.total);
  g_autofree char *held_label = g_strdup_printf ("Held pending confirmation (%lld) / पुष्टि हेतु रोकी गई राशि",
                                                 (long long) r->provisional.count);
  g_autofree char *cash = money (emitra_report_get_cash_to_hand_over (r));
  g_autofree char *rejected = g_strdup_printf ("%lld", (long long) r->rejected.count);
  g_autofree char *cancelled = g_strdup_printf ("%lld", (long long) r->cancelled.count);
  g_autofree char *previous = bilingual_date (r->previous_day);
  g_autofree char *previous_label = g_strdup_printf ("Previous day / पिछला दिन (%s)", previous);
  g_autofree char *previous_collected = money (r->previous_confirmed.total);
  g_autofree char *previous_value = g_strdup_printf ("%lld · %s", (long long) r->previous_confirmed.count,
                                                     previous_collected);
  gint64 delta = r->confirmed.total - r->previous_confirmed.total;
  g_autofree char *delta_money = money (delta < 0 ? -delta : delta);
  g_autofree char *change = g_strdup_printf ("%+lld · %s%s",
                                             (long long) (r->confirmed.count - r->previous_confirmed.count),
                                             delta < 0 ? "−" : "+", delta_money);

  heading (page, "Totals / कुल योग");
  label_value (page, page->body, "Transactions confirmed / पुष्ट लेन-देन", count);
  label_value (page, page->body, "Department fees / विभागीय शुल्क", fees);
  label_value (page, page->body, "Service charges / सेवा शुल्क", charges);
  label_value (page, page->bold, "Total collected / कुल संग्रह", collected);
  label_value (page, page->body, held_label, held);
  label_value (page, page->bold, "Cash to hand over / सौंपी जाने वाली नकद राशि", cash);
  label_value (page, page->body, "Rejected, not counted / अस्वीकृत, गिनी नहीं गईं", rejected);
  label_value (page, page->body, "Cancelled, not counted / रद्द, गिनी नहीं गईं", cancelled);
  label_value (page, page->body, previous_label, previous_value);
  label_value (page, page->body, "Change / अंतर", change);
}

static void
groups (Page       *page,
        const char *title,
        GPtrArray  *list,
        gboolean    is_service)
{
  static const double shares[] = { 0.40, 0.10, 0.10, 0.13, 0.13, 0.14 };
  const char *header[] = {
    is_service ? "Service / सेवा" : "Operator / ऑपरेटर", "Count / संख्या", "Pending / लंबित",
    "Fees / शुल्क", "Charges / सेवा शुल्क", "Total / कुल",
  };

  heading (page, title);
  table_row (page, page->bold, header, shares, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      EmitraReportGroup *g = g_ptr_array_index (list, i);
      g_autofree char *name = is_service ? g_strdup_printf ("%s\n%s", g->name_en, g->name_hi)
                                         : g_strdup_printf ("%s (%s)", g->name_en, g->key);
      g_autofree char *count = g_strdup_printf ("%lld", (long long) g->confirmed.count);
      g_autofree char *pending = g_strdup_printf ("%lld", (long long) g->provisional.count);
      g_autofree char *fees = money (g->confirmed.department_fees);
      g_autofree char *charges = money (g->confirmed.service_charges);
      g_autofree char *total = money (g->confirmed.total);
      const char *cells[] = { name, count, pending, fees, charges, total };

      table_row (page, page->body, cells, shares, G_N_ELEMENTS (cells));
    }
}

static void
items (Page       *page,
       const char *title,
       GPtrArray  *list)
{
  static const double shares[] = { 0.09, 0.08, 0.28, 0.22, 0.13, 0.20 };
  const char *header[] = {
    "No. / क्रमांक", "Time / समय", "Service / सेवा", "Citizen / नागरिक", "Amount / राशि",
    "Reason / कारण",
  };

  if (list->len == 0)
    return;
  heading (page, title);
  table_row (page, page->bold, header, shares, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      EmitraReportItem *item = g_ptr_array_index (list, i);
      g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (item->created_at);
      g_autofree char *number = g_strdup_printf ("%lld", (long long) item->receipt_no);
      g_autofree char *time = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("");
      g_autofree char *service = g_strdup_printf ("%s\n%s", item->service_en, item->service_hi);
      g_autofree char *amount = money (item->total);
      const char *cells[] = { number, time, service, item->citizen_name, amount, item->reason };

      table_row (page, page->body, cells, shares, G_N_ELEMENTS (cells));
    }
}

/**
 * emitra_report_draw_hour_chart:
 *
 * Bars of the transactions in each hour, confirmed and provisional
 * stacked, drawn from the origin of @cr into @width x @height points.
 */
void
emitra_report_draw_hour_chart (EmitraReport *self,
                               cairo_t      *cr,
                               double        width,
                               double        height)
{
  g_autoptr(PangoLayout) small = NULL;
  double axis = 24.0, legend = 14.0, label = 12.0;
  double plot_width, plot_height, slot;
  gint64 most = 0;
  g_autofree char *most_text = NULL;

  g_return_if_fail (EMITRA_IS_REPORT (self));

  small = emitra_print_layout_new (cr, 7.0, FALSE);
  for (guint h = 0; h < 24; h++)
    most = MAX (most, self->hours[h][0].count + self->hours[h][1].count);
  most = MAX (most, 1);

  plot_width = width - axis;
  plot_height = height - legend - label;
  slot = plot_width / 24.0;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, axis, legend);
  cairo_line_to (cr, axis, legend + plot_height);
  cairo_line_to (cr, width, legend + plot_height);
  cairo_stroke (cr);

  most_text = g_strdup_printf ("%lld", (long long) most);
  emitra_print_text (cr, small, most_text, 0, legend - 4, axis - 3, PANGO_ALIGN_RIGHT, TRUE);
  emitra_print_text (cr, small, "0", 0, legend + plot_height - 9, axis - 3, PANGO_ALIGN_RIGHT, TRUE);

  for (guint h = 0; h < 24; h++)
    {
      double x = axis + h * slot + slot * 0.15;
      double bar = slot * 0.7;
      double confirmed = plot_height * (double) self->hours[h][0].count / (double) most;
      double provisional = plot_height * (double) self->hours[h][1].count / (double) most;
      double base = legend + plot_height;

      cairo_set_source_rgb (cr, 0.12, 0.35, 0.64);
      cairo_rectangle (cr, x, base - confirmed, bar, confirmed);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.96, 0.55, 0.10);
      cairo_rectangle (cr, x, base - confirmed - provisional, bar, provisional);
      cairo_fill (cr);

      if (h % 3 == 0)
        {
          char hour[8];

          g_snprintf (hour, sizeof hour, "%02u", h);
          cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
          emitra_print_text (cr, small, hour, axis + h * slot, base + 2, slot * 2,
                             PANGO_ALIGN_LEFT, TRUE);
        }
    }

  /* The legend, top left. */
  cairo_set_source_rgb (cr, 0.12, 0.35, 0.64);
  cairo_rectangle (cr, axis + 4, 2, 8, 8);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  emitra_print_text (cr, small, "Confirmed / पुष्ट", axis + 15, 0, 120, PANGO_ALIGN_LEFT, TRUE);
  cairo_set_source_rgb (cr, 0.96, 0.55, 0.10);
  cairo_rectangle (cr, axis + 140, 2, 8, 8);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  emitra_print_text (cr, small, "Provisional / अस्थायी", axis + 151, 0, 140, PANGO_ALIGN_LEFT, TRUE);
  cairo_restore (cr);
}

static void
draw_pages (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  EmitraReport *r = user_data;
  g_autoptr(PangoLayout) body = emitra_print_layout_new (cr, BODY, FALSE);
  g_autoptr(PangoLayout) bold = emitra_print_layout_new (cr, BODY, TRUE);
  g_autoptr(PangoLayout) head = emitra_print_layout_new (cr, 11.5, TRUE);
  g_autoptr(PangoLayout) title = emitra_print_layout_new (cr, 16.0, TRUE);
  g_autofree char *date = bilingual_date (r->day);
  Page page = { r, cr, width, height, MARGIN, body, bold, head, title };

  cairo_set_source_rgb (cr, 0, 0, 0);
  text_line (&page, title, "e-Mitra Desk: day report / ई-मित्र डेस्क: दैनिक रिपोर्ट", PANGO_ALIGN_LEFT);
  text_line (&page, head, date, PANGO_ALIGN_LEFT);
  if (r->operator_id != NULL)
    {
      g_autofree char *operator = g_strdup_printf ("Operator / ऑपरेटर: %s", r->operator_id);

      text_line (&page, body, operator, PANGO_ALIGN_LEFT);
    }

  if (emitra_report_is_empty (r))
    {
      page.y += GAP * 4;
      text_line (&page, head, "No receipts were issued on this day. / इस दिन कोई रसीद जारी नहीं हुई।",
                 PANGO_ALIGN_LEFT);
      return;
    }

  totals (&page);

  heading (&page, "Transactions by hour / घंटेवार लेन-देन");
  need (&page, 150);
  cairo_save (cr);
  cairo_translate (cr, MARGIN, page.y);
  emitra_report_draw_hour_chart (r, cr, content_width (&page), 140);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  page.y += 150;

  groups (&page, "By service / सेवावार", r->services, TRUE);
  groups (&page, "By operator / ऑपरेटरवार", r->operators, FALSE);
  items (&page, "Pending confirmation / पुष्टि हेतु लंबित", r->pending);
  items (&page, "Failed / विफल", r->failed);
  items (&page, "Cancelled / रद्द", r->cancelled_items);
}

/**
 * emitra_report_to_pdf:
 *
 * The report as an A4 PDF, in memory.
 */
GBytes *
emitra_report_to_pdf (EmitraReport  *self,
                      GError       **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (EMITRA_IS_REPORT (self), NULL);

  title = g_strdup_printf ("e-Mitra Desk day report %s", self->day);
  return emitra_print_pdf_bytes (EMITRA_PRINT_A4_WIDTH, EMITRA_PRINT_A4_HEIGHT, title,
                                 draw_pages, self, error);
}
