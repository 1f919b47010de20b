/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the operator sees once an application is submitted: the receipt
 * itself, drawn by core's renderer exactly as it will print, with Print
 * (GtkPrintOperation, on the 80 mm roll or A4 as Preferences say) and
 * Save as PDF. A provisional receipt (the gateway could not be reached and
 * the submission waits in the outbox) says so plainly.
 */
#include "config.h"

#include "emitra-receipt-view.h"

#include <glib/gi18n.h>

#include "emitra-display.h"
#include "emitra-receipt-printer.h"
#include "emitra-receipt-renderer.h"

/* Points to pixels on screen: 96 dpi over 72 points an inch. */
#define PREVIEW_SCALE (96.0 / 72.0)

struct _EmitraReceiptView
{
  GtkWidget              parent_instance;

  EmitraReceipt         *receipt;
  EmitraReceiptRenderer *renderer;
  EmitraReceiptPrinter  *printer;

  /* Template widgets */
  GtkImage              *status_icon;
  GtkLabel              *title_label;
  GtkLabel              *description_label;
  GtkDrawingArea        *receipt_area;
};

G_DEFINE_FINAL_TYPE (EmitraReceiptView, emitra_receipt_view, GTK_TYPE_WIDGET)

static void
draw_receipt_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  EmitraReceiptView *self = EMITRA_RECEIPT_VIEW (user_data);

  if (self->renderer == NULL)
    return;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, PREVIEW_SCALE, PREVIEW_SCALE);
  emitra_receipt_renderer_draw (self->renderer, cr, EMITRA_RECEIPT_LAYOUT_ROLL_80MM,
                                width / PREVIEW_SCALE, height / PREVIEW_SCALE);
}

void
emitra_receipt_view_set_receipt (EmitraReceiptView *self,
                                 EmitraReceipt     *receipt,
                                 const char        *centre_name)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  double height;

  g_return_if_fail (EMITRA_IS_RECEIPT_VIEW (self));
  g_return_if_fail (EMITRA_IS_RECEIPT (receipt));

  g_set_object (&self->receipt, receipt);
  g_clear_object (&self->renderer);
  self->renderer = emitra_receipt_renderer_new (receipt);
  emitra_display_setup_receipt_renderer (self->renderer);
  if (centre_name != NULL)
    emitra_receipt_renderer_set_centre_name (self->renderer, centre_name);

  if (emitra_receipt_get_status (receipt) == EMITRA_RECEIPT_STATUS_PROVISIONAL)
    {
      gtk_image_set_from_icon_name (self->status_icon, "mail-send-symbolic");
      title = g_strdup (_("Waiting to Be Sent"));
      description = g_strdup (_("The gateway could not be reached. The application waits in the outbox and is sent, with the same request, as soon as the line is back. Give the citizen this provisional receipt."));
    }
  else
    {
      const char *transaction_id = emitra_receipt_get_transaction_id (receipt);

      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      title = g_strdup (_("Application Submitted"));
      /* Translators: %s is the gateway's transaction ID, 12 digits. */
      description = g_strdup_printf (_("Transaction ID %s. Print the receipt and hand it to the citizen."),
                                     transaction_id != NULL ? transaction_id : "");
    }
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->description_label, description);

  height = emitra_receipt_renderer_measure_height (self->renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM,
                                                   EMITRA_RECEIPT_ROLL_WIDTH_PT);
  gtk_drawing_area_set_content_width (self->receipt_area, (int) (EMITRA_RECEIPT_ROLL_WIDTH_PT * PREVIEW_SCALE));
  gtk_drawing_area_set_content_height (self->receipt_area, (int) (height * PREVIEW_SCALE + 0.5));
  gtk_widget_queue_draw (GTK_WIDGET (self->receipt_area));
}

EmitraReceipt *
emitra_receipt_view_get_receipt (EmitraReceiptView *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_VIEW (self), NULL);
  return self->receipt;
}

gboolean
emitra_receipt_view_save_pdf (EmitraReceiptView  *self,
                              const char         *path,
                              GError            **error)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_VIEW (self), FALSE);
  g_return_val_if_fail (self->renderer != NULL, FALSE);

  return emitra_receipt_printer_write_pdf (self->printer, self->renderer, path, error);
}

static void
on_print_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EmitraReceiptView *self = EMITRA_RECEIPT_VIEW (widget);

  if (self->renderer == NULL)
    return;

  emitra_receipt_printer_print (self->printer, self->renderer, widget);
}

static void
on_save_pdf_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EmitraReceiptView *self = EMITRA_RECEIPT_VIEW (widget);

  if (self->receipt == NULL || self->renderer == NULL)
    return;

  emitra_receipt_printer_choose_pdf (self->printer, self->renderer, widget);
}

static void
emitra_receipt_view_dispose (GObject *object)
{
  EmitraReceiptView *self = EMITRA_RECEIPT_VIEW (object);
  GtkWidget *child;

  g_clear_object (&self->renderer);
  g_clear_object (&self->receipt);
  g_clear_object (&self->printer);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_RECEIPT_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (emitra_receipt_view_parent_class)->dispose (object);
}

static void
emitra_receipt_view_class_init (EmitraReceiptViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_receipt_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-receipt-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptView, title_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptView, description_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptView, receipt_area);

  gtk_widget_class_install_action (widget_class, "receipt.print", NULL, on_print_action_cb);
  gtk_widget_class_install_action (widget_class, "receipt.save-pdf", NULL, on_save_pdf_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "receipt.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "receipt.save-pdf", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
emitra_receipt_view_init (EmitraReceiptView *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
  self->printer = emitra_receipt_printer_new (NULL);
  gtk_drawing_area_set_draw_func (self->receipt_area, draw_receipt_cb, self, NULL);
}
