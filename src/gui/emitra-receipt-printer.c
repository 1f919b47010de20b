/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a receipt, shared by the flow's receipt view and the Receipts
 * page: GtkPrintOperation on the 80 mm roll or on A4 as Preferences say,
 * and Save as PDF through a file chooser. The page setup the operator last
 * printed with is remembered per layout in GSettings, so margins set once
 * for the counter's roll printer (or a different A4 paper) survive a
 * restart. What goes wrong becomes a toast in the nearest toast overlay.
 */
#include "config.h"

#include "emitra-receipt-printer.h"

#include <glib/gi18n.h>

/* The paper made for each receipt on the roll: as long as that receipt. */
#define ROLL_PAPER_NAME "emitra-roll-80mm"

struct _EmitraReceiptPrinter
{
  GObject    parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (EmitraReceiptPrinter, emitra_receipt_printer, G_TYPE_OBJECT)

typedef struct
{
  EmitraReceiptPrinter  *printer;
  EmitraReceiptRenderer *renderer;
  EmitraReceiptLayout    layout;
  GtkWidget             *widget;   /* where toasts go; NULL when exporting */
  GtkPageSetup          *used;     /* what the print dialog settled on */
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->printer);
  g_clear_object (&job->renderer);
  g_clear_object (&job->widget);
  g_clear_object (&job->used);
  g_free (job);
}

/* @settings: (nullable): the desk's settings; NULL reads the schema's own. */
EmitraReceiptPrinter *
emitra_receipt_printer_new (GSettings *settings)
{
  EmitraReceiptPrinter *self = g_object_new (EMITRA_TYPE_RECEIPT_PRINTER, NULL);

  self->settings = settings != NULL ? g_object_ref (settings) : g_settings_new ("in.emitra.Desk");
  return self;
}

EmitraReceiptLayout
emitra_receipt_printer_get_layout (EmitraReceiptPrinter *self)
{
  g_autofree char *format = NULL;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_PRINTER (self), EMITRA_RECEIPT_LAYOUT_ROLL_80MM);

  format = g_settings_get_string (self->settings, "receipt-format");
  return g_strcmp0 (format, "a4") == 0 ? EMITRA_RECEIPT_LAYOUT_A4 : EMITRA_RECEIPT_LAYOUT_ROLL_80MM;
}

static const char *
page_setup_key (EmitraReceiptLayout layout)
{
  return layout == EMITRA_RECEIPT_LAYOUT_A4 ? "page-setup-a4" : "page-setup-roll-80mm";
}

/**
 * emitra_receipt_printer_page_setup:
 *
 * The page @renderer's receipt prints on: the setup last printed with in
 * @layout, or the layout's own (A4 with the printer's margins; the 80 mm
 * roll edge to edge). On the roll the paper is cut to this receipt's
 * length, inside whatever margins were remembered.
 *
 * Returns: (transfer full): a new page setup
 */
GtkPageSetup *
emitra_receipt_printer_page_setup (EmitraReceiptPrinter  *self,
                                   EmitraReceiptRenderer *renderer,
                                   EmitraReceiptLayout    layout)
{
  g_autoptr(GVariant) saved = NULL;
  GtkPageSetup *setup = NULL;
  gboolean remembered;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_PRINTER (self), NULL);
  g_return_val_if_fail (EMITRA_IS_RECEIPT_RENDERER (renderer), NULL);

  saved = g_settings_get_value (self->settings, page_setup_key (layout));
  if (g_variant_n_children (saved) > 0)
    setup = gtk_page_setup_new_from_gvariant (saved);
  remembered = setup != NULL;

  if (!remembered)
    {
      setup = gtk_page_setup_new ();
      if (layout == EMITRA_RECEIPT_LAYOUT_A4)
        {
          g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

          gtk_page_setup_set_paper_size (setup, a4);
          return setup;
        }
      gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
      gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
      gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
      gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
    }
  else if (layout == EMITRA_RECEIPT_LAYOUT_A4)
    return setup;

  /* A roll paper the printer's driver names (the operator chose it) is
   * kept as it is; ours is made again for this receipt's length. */
  if (remembered &&
      g_strcmp0 (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ROLL_PAPER_NAME) != 0)
    return setup;

  {
    double left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);
    double right = gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS);
    double top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);
    double bottom = gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS);
    double width = MAX (EMITRA_RECEIPT_ROLL_WIDTH_PT - left - right, EMITRA_RECEIPT_ROLL_WIDTH_PT / 2);
    double height = emitra_receipt_renderer_measure_height (renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM, width);
    g_autoptr(GtkPaperSize) roll = gtk_paper_size_new_custom (ROLL_PAPER_NAME, _("80 mm roll"),
                                                              EMITRA_RECEIPT_ROLL_WIDTH_PT,
                                                              height + top + bottom, GTK_UNIT_POINTS);

    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
    gtk_page_setup_set_paper_size (setup, roll);
  }
  return setup;
}

static void
toast (GtkWidget  *widget,
       const char *message)
{
  GtkWidget *overlay = widget != NULL ? gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) : NULL;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  g_clear_object (&job->used);
  job->used = gtk_page_setup_copy (gtk_print_context_get_page_setup (context));
  emitra_receipt_renderer_draw (job->renderer, gtk_print_context_get_cairo_context (context),
                                job->layout, gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  PrintJob                *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->used != NULL)
    {
      /* Printed: this is the page the operator wants for this layout. */
      g_settings_set_value (job->printer->settings, page_setup_key (job->layout),
                            gtk_page_setup_to_gvariant (job->used));
      return;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  /* Translators: %s says why printing failed. */
  message = g_strdup_printf (_("The receipt could not be printed: %s"),
                             error != NULL ? error->message : "");
  toast (job->widget, message);
}

static GtkPrintOperation *
make_operation (EmitraReceiptPrinter  *self,
                EmitraReceiptRenderer *renderer,
                GtkWidget             *widget)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  EmitraReceiptLayout layout = emitra_receipt_printer_get_layout (self);
  g_autoptr(GtkPageSetup) setup = emitra_receipt_printer_page_setup (self, renderer, layout);
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autofree char *printer = g_settings_get_string (self->settings, "printer");
  EmitraReceipt *receipt = emitra_receipt_renderer_get_receipt (renderer);
  PrintJob *job = g_new0 (PrintJob, 1);

  if (printer[0] != '\0')
    gtk_print_settings_set_printer (print_settings, printer);

  job->printer = g_object_ref (self);
  job->renderer = g_object_ref (renderer);
  job->layout = layout;
  job->widget = widget != NULL ? g_object_ref (widget) : NULL;
  /* The job lives exactly as long as the operation that runs it. */
  g_object_set_data_full (G_OBJECT (operation), "emitra-print-job", job, print_job_free);

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, print_settings);
  gtk_print_operation_set_job_name (operation, emitra_receipt_get_request_id (receipt));
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  if (widget != NULL)
    g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), job);
  return operation;
}

/**
 * emitra_receipt_printer_print:
 * @widget: the widget asking; its window is the dialog's parent, and a
 *   failure is a toast in its toast overlay
 *
 * Opens the print dialog for @renderer's receipt, in the layout
 * Preferences say, on the remembered page setup.
 */
void
emitra_receipt_printer_print (EmitraReceiptPrinter  *self,
                              EmitraReceiptRenderer *renderer,
                              GtkWidget             *widget)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  g_return_if_fail (EMITRA_IS_RECEIPT_PRINTER (self));
  g_return_if_fail (EMITRA_IS_RECEIPT_RENDERER (renderer));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  operation = make_operation (self, renderer, widget);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("The receipt could not be printed: %s"), error->message);
      toast (widget, message);
    }
}

/**
 * emitra_receipt_printer_export:
 *
 * Prints @renderer's receipt to the PDF file @path without a dialog,
 * through the same print operation and page setup as
 * emitra_receipt_printer_print(): what a test or a script can check.
 */
gboolean
emitra_receipt_printer_export (EmitraReceiptPrinter   *self,
                               EmitraReceiptRenderer  *renderer,
                               const char             *path,
                               GError                **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_PRINTER (self), FALSE);
  g_return_val_if_fail (EMITRA_IS_RECEIPT_RENDERER (renderer), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = make_operation (self, renderer, NULL);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
emitra_receipt_printer_write_pdf (EmitraReceiptPrinter   *self,
                                  EmitraReceiptRenderer  *renderer,
                                  const char             *path,
                                  GError                **error)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_PRINTER (self), FALSE);
  g_return_val_if_fail (EMITRA_IS_RECEIPT_RENDERER (renderer), FALSE);

  return emitra_receipt_renderer_write_pdf (renderer, emitra_receipt_printer_get_layout (self), path, error);
}

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  PrintJob *job = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !emitra_receipt_printer_write_pdf (job->printer, job->renderer, path, &error))
        {
          /* Translators: %s says why the PDF could not be written. */
          g_autofree char *message = g_strdup_printf (_("The receipt could not be saved: %s"), error->message);
          toast (job->widget, message);
        }
      else if (path != NULL)
        toast (job->widget, _("Receipt saved as PDF"));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  print_job_free (job);
}

/**
 * emitra_receipt_printer_choose_pdf:
 *
 * Asks where to save @renderer's receipt as a PDF and writes it there, in
 * the layout Preferences say; says how that went in a toast.
 */
void
emitra_receipt_printer_choose_pdf (EmitraReceiptPrinter  *self,
                                   EmitraReceiptRenderer *renderer,
                                   GtkWidget             *widget)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  PrintJob *job;

  g_return_if_fail (EMITRA_IS_RECEIPT_PRINTER (self));
  g_return_if_fail (EMITRA_IS_RECEIPT_RENDERER (renderer));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  chooser = gtk_file_chooser_native_new (_("Save Receipt as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of a receipt; %s is its request ID. */
  name = g_strdup_printf (_("receipt-%s.pdf"),
                          emitra_receipt_get_request_id (emitra_receipt_renderer_get_receipt (renderer)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  job = g_new0 (PrintJob, 1);
  job->printer = g_object_ref (self);
  job->renderer = g_object_ref (renderer);
  job->widget = g_object_ref (widget);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
emitra_receipt_printer_dispose (GObject *object)
{
  EmitraReceiptPrinter *self = EMITRA_RECEIPT_PRINTER (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (emitra_receipt_printer_parent_class)->dispose (object);
}

static void
emitra_receipt_printer_class_init (EmitraReceiptPrinterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = emitra_receipt_printer_dispose;
}

static void
emitra_receipt_printer_init (EmitraReceiptPrinter *self)
{
}
