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

#include "emitra-receipt-renderer.h"

/* Points to pixels on screen: 96 dpi over 72 points an inch. */
#define PREVIEW_SCALE (96.0 / 72.0)

struct _EmitraReceiptView
{
  GtkWidget              parent_instance;

  EmitraReceipt         *receipt;
  EmitraReceiptRenderer *renderer;
  GSettings             *settings;

  /* Template widgets */
  GtkImage              *status_icon;
  GtkLabel              *title_label;
  GtkLabel              *description_label;
  GtkDrawingArea        *receipt_area;
};

G_DEFINE_FINAL_TYPE (EmitraReceiptView, emitra_receipt_view, GTK_TYPE_WIDGET)

static EmitraReceiptLayout
get_layout (EmitraReceiptView *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "receipt-format");

  return g_strcmp0 (format, "a4") == 0 ? EMITRA_RECEIPT_LAYOUT_A4 : EMITRA_RECEIPT_LAYOUT_ROLL_80MM;
}

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

  return emitra_receipt_renderer_write_pdf (self->renderer, get_layout (self), path, error);
}

static void
toast (EmitraReceiptView *self,
       const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 EmitraReceiptView *self)
{
  emitra_receipt_renderer_draw (self->renderer, gtk_print_context_get_cairo_context (context),
                                get_layout (self), gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  EmitraReceiptView       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  /* Translators: %s says why printing failed. */
  message = g_strdup_printf (_("The receipt could not be printed: %s"),
                             error != NULL ? error->message : "");
  toast (self, message);
}

static void
on_print_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EmitraReceiptView *self = EMITRA_RECEIPT_VIEW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *printer = g_settings_get_string (self->settings, "printer");
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (self->renderer == NULL)
    return;

  if (get_layout (self) == EMITRA_RECEIPT_LAYOUT_A4)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else
    {
      double height = emitra_receipt_renderer_measure_height (self->renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM,
                                                              EMITRA_RECEIPT_ROLL_WIDTH_PT);
      paper = gtk_paper_size_new_custom ("emitra-roll-80mm", _("80 mm roll"),
                                         EMITRA_RECEIPT_ROLL_WIDTH_PT, height, GTK_UNIT_POINTS);
      gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
      gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
      gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
      gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
    }
  gtk_page_setup_set_paper_size (setup, paper);
  if (printer[0] != '\0')
    gtk_print_settings_set_printer (print_settings, printer);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, print_settings);
  gtk_print_operation_set_job_name (operation, emitra_receipt_get_request_id (self->receipt));
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("The receipt could not be printed: %s"), error->message);
      toast (self, message);
    }
}

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  EmitraReceiptView *self = EMITRA_RECEIPT_VIEW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !emitra_receipt_view_save_pdf (self, path, &error))
        {
          /* Translators: %s says why the PDF could not be written. */
          g_autofree char *message = g_strdup_printf (_("The receipt could not be saved: %s"), error->message);
          toast (self, message);
        }
      else if (path != NULL)
        toast (self, _("Receipt saved as PDF"));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_save_pdf_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EmitraReceiptView *self = EMITRA_RECEIPT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->receipt == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Receipt as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of a receipt; %s is its request ID. */
  name = g_strdup_printf (_("receipt-%s.pdf"), emitra_receipt_get_request_id (self->receipt));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
emitra_receipt_view_dispose (GObject *object)
{
  EmitraReceiptView *self = EMITRA_RECEIPT_VIEW (object);
  GtkWidget *child;

  g_clear_object (&self->renderer);
  g_clear_object (&self->receipt);
  g_clear_object (&self->settings);
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
  self->settings = g_settings_new ("in.emitra.Desk");
  gtk_drawing_area_set_draw_func (self->receipt_area, draw_receipt_cb, self, NULL);
}
