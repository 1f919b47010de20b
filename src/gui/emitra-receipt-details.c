/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything a receipt holds, for the operator answering a citizen who
 * came back: every field, its status history (provisional, confirmed,
 * rejected, cancelled, with the gateway's reasons), what its QR code
 * carries and the hashes that chain it, with Reprint and Save as PDF
 * (both marked DUPLICATE). The receipt and its events are read again on
 * the database's worker thread when the window opens and whenever the
 * Receipts page learns that the outbox settled something.
 */
#include "config.h"

#include "emitra-receipt-details.h"

#include <glib/gi18n.h>

#include "emitra-catalog.h"
#include "emitra-display.h"
#include "emitra-text.h"
#include "emitra-receipts-page-private.h"

struct _EmitraReceiptDetails
{
  AdwWindow             parent_instance;

  EmitraReceiptStore   *store;
  EmitraReceiptPrinter *printer;
  EmitraReceipt        *receipt;
  GPtrArray            *history_rows;
  GCancellable         *cancellable;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkLabel             *number_label;
  AdwActionRow         *status_row;
  GtkLabel             *status_label;
  GtkLabel             *issued_label;
  GtkLabel             *transaction_label;
  GtkLabel             *request_label;
  GtkLabel             *citizen_label;
  GtkLabel             *aadhaar_label;
  GtkLabel             *mobile_label;
  AdwActionRow         *service_row;
  GtkLabel             *fee_label;
  GtkLabel             *charge_label;
  GtkLabel             *total_label;
  GtkLabel             *cash_label;
  GtkLabel             *change_label;
  GtkLabel             *operator_label;
  GtkLabel             *kiosk_label;
  AdwPreferencesGroup  *history_group;
  GtkLabel             *qr_label;
  GtkLabel             *hash_label;
  GtkLabel             *prev_hash_label;
};

G_DEFINE_FINAL_TYPE (EmitraReceiptDetails, emitra_receipt_details, ADW_TYPE_WINDOW)

typedef struct
{
  EmitraReceiptStore *store;
  gint64              receipt_no;
} LoadJob;

typedef struct
{
  EmitraReceipt *receipt;
  GPtrArray     *events;
} Loaded;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_object (&job->store);
  g_free (job);
}

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->receipt);
  g_clear_pointer (&loaded->events, g_ptr_array_unref);
  g_free (loaded);
}

/* On the database's thread. */
static gpointer
load_job (sqlite3   *db,
          gpointer   data,
          GError   **error)
{
  LoadJob *job = data;
  g_autoptr(EmitraReceipt) receipt = emitra_receipt_store_get (job->store, job->receipt_no, error);
  GPtrArray *events;
  Loaded *loaded;

  if (receipt == NULL)
    return NULL;
  events = emitra_receipt_store_list_events (job->store, job->receipt_no, error);
  if (events == NULL)
    return NULL;

  loaded = g_new0 (Loaded, 1);
  loaded->receipt = g_steal_pointer (&receipt);
  loaded->events = events;
  return loaded;
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_label (label, text != NULL && text[0] != '\0' ? text : "—");
}

static void
set_money (GtkLabel *label,
           gint64    paise)
{
  g_autofree char *text = emitra_display_money (paise);

  gtk_label_set_label (label, text);
}

static void
show_receipt (EmitraReceiptDetails *self)
{
  EmitraReceipt *r = self->receipt;
  EmitraReceiptStatus status = emitra_receipt_get_status (r);
  gboolean hindi = emitra_text_prefers_hindi ();
  const char *name_en = emitra_receipt_get_service_name_en (r);
  const char *name_hi = emitra_receipt_get_service_name_hi (r);
  g_autofree char *number = emitra_display_number (emitra_receipt_get_receipt_no (r));
  g_autofree char *title = NULL;
  g_autofree char *issued = emitra_display_date_time_in_words (emitra_receipt_get_created_at (r));
  g_autofree char *service_subtitle = NULL;
  g_autofree char *operator = NULL;
  g_autofree char *qr = emitra_receipt_dup_qr_payload (r);

  /* Translators: the title of a receipt's details window; %s is its number. */
  title = g_strdup_printf (_("Receipt %s"), number);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, emitra_receipt_get_citizen_name (r));

  set_text (self->number_label, number);
  set_text (self->status_label, emitra_receipt_status_get_label (status));
  for (guint i = 0; i < EMITRA_RECEIPT_N_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label),
                                 _emitra_receipts_status_css_class ((EmitraReceiptStatus) i));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), _emitra_receipts_status_css_class (status));
  adw_action_row_set_subtitle (self->status_row, emitra_receipt_get_status_reason (r));
  set_text (self->issued_label, issued);
  set_text (self->transaction_label, emitra_receipt_get_transaction_id (r));
  set_text (self->request_label, emitra_receipt_get_request_id (r));

  set_text (self->citizen_label, emitra_receipt_get_citizen_name (r));
  set_text (self->aadhaar_label, emitra_receipt_get_aadhaar_masked (r));
  set_text (self->mobile_label, emitra_receipt_get_mobile (r));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->service_row),
                                 _emitra_receipts_service_name (name_en, name_hi));
  service_subtitle = g_strdup_printf ("%s · %s", hindi ? name_en : name_hi,
                                      emitra_receipt_get_service_id (r));
  adw_action_row_set_subtitle (self->service_row, service_subtitle);

  set_money (self->fee_label, emitra_receipt_get_department_fee (r));
  set_money (self->charge_label, emitra_receipt_get_service_charge (r));
  set_money (self->total_label, emitra_receipt_get_total (r));
  set_money (self->cash_label, emitra_receipt_get_cash_received (r));
  set_money (self->change_label, emitra_receipt_get_change_due (r));

  operator = g_strdup_printf ("%s (%s)", emitra_receipt_get_operator_name (r), emitra_receipt_get_operator_id (r));
  set_text (self->operator_label, operator);
  set_text (self->kiosk_label, emitra_receipt_get_kiosk_code (r));

  set_text (self->qr_label, qr);
  set_text (self->hash_label, emitra_receipt_get_hash (r));
  set_text (self->prev_hash_label, emitra_receipt_get_prev_hash (r));
}

static void
show_events (EmitraReceiptDetails *self,
             GPtrArray            *events)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  for (guint i = 0; i < events->len; i++)
    {
      EmitraReceiptEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *at = emitra_display_date_time_in_words (event->at);
      GtkWidget *time = gtk_label_new (at);
      g_autoptr(GString) subtitle = g_string_new (event->reason);

      if (event->transaction_id != NULL && event->transaction_id[0] != '\0')
        {
          /* Translators: in a receipt's history; %s is the gateway's transaction ID. */
          g_autofree char *transaction = g_strdup_printf (_("Transaction ID %s"), event->transaction_id);

          g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", transaction);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), emitra_receipt_status_get_label (event->status));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_widget_add_css_class (time, "numeric");
      gtk_label_set_selectable (GTK_LABEL (time), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), time);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(EmitraReceiptDetails) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded == NULL)
    {
      /* Translators: %s says why the receipt's history could not be read. */
      g_autofree char *message = g_strdup_printf (_("The receipt's history could not be read: %s"),
                                                  error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  g_set_object (&self->receipt, loaded->receipt);
  show_receipt (self);
  show_events (self, loaded->events);
  loaded_free (loaded);
}

/**
 * emitra_receipt_details_refresh:
 *
 * Reads the receipt and its history again, off the main thread.
 */
void
emitra_receipt_details_refresh (EmitraReceiptDetails *self)
{
  LoadJob *job;

  g_return_if_fail (EMITRA_IS_RECEIPT_DETAILS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (LoadJob, 1);
  job->store = g_object_ref (self->store);
  job->receipt_no = emitra_receipt_get_receipt_no (self->receipt);
  emitra_database_run_async (emitra_receipt_store_get_database (self->store), load_job, job, load_job_free,
                             loaded_free, self->cancellable, on_loaded_cb, g_object_ref (self));
}

EmitraReceiptDetails *
emitra_receipt_details_new (EmitraReceiptStore   *store,
                            EmitraReceiptPrinter *printer,
                            EmitraReceipt        *receipt)
{
  EmitraReceiptDetails *self;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (store), NULL);
  g_return_val_if_fail (EMITRA_IS_RECEIPT_PRINTER (printer), NULL);
  g_return_val_if_fail (EMITRA_IS_RECEIPT (receipt), NULL);

  self = g_object_new (EMITRA_TYPE_RECEIPT_DETAILS, NULL);
  self->store = g_object_ref (store);
  self->printer = g_object_ref (printer);
  self->receipt = g_object_ref (receipt);
  /* What the list already holds is shown at once; the history follows. */
  show_receipt (self);
  emitra_receipt_details_refresh (self);
  return self;
}

EmitraReceipt *
emitra_receipt_details_get_receipt (EmitraReceiptDetails *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_DETAILS (self), NULL);

  return self->receipt;
}

static void
on_reprint_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EmitraReceiptDetails *self = EMITRA_RECEIPT_DETAILS (widget);
  g_autoptr(EmitraReceiptRenderer) renderer = _emitra_receipts_duplicate_renderer (self->receipt);

  emitra_receipt_printer_print (self->printer, renderer, GTK_WIDGET (self->toast_overlay));
}

static void
on_save_pdf_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EmitraReceiptDetails *self = EMITRA_RECEIPT_DETAILS (widget);
  g_autoptr(EmitraReceiptRenderer) renderer = _emitra_receipts_duplicate_renderer (self->receipt);

  emitra_receipt_printer_choose_pdf (self->printer, renderer, GTK_WIDGET (self->toast_overlay));
}

static void
emitra_receipt_details_dispose (GObject *object)
{
  EmitraReceiptDetails *self = EMITRA_RECEIPT_DETAILS (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_RECEIPT_DETAILS);

  G_OBJECT_CLASS (emitra_receipt_details_parent_class)->dispose (object);
}

static void
emitra_receipt_details_finalize (GObject *object)
{
  EmitraReceiptDetails *self = EMITRA_RECEIPT_DETAILS (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->printer);
  g_clear_object (&self->receipt);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (emitra_receipt_details_parent_class)->finalize (object);
}

static void
emitra_receipt_details_class_init (EmitraReceiptDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_receipt_details_dispose;
  object_class->finalize = emitra_receipt_details_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-receipt-details.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, window_title);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, number_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, status_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, status_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, issued_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, transaction_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, request_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, citizen_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, aadhaar_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, mobile_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, service_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, fee_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, charge_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, total_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, cash_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, change_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, operator_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, kiosk_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, history_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, qr_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, hash_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptDetails, prev_hash_label);

  gtk_widget_class_install_action (widget_class, "details.reprint", NULL, on_reprint_cb);
  gtk_widget_class_install_action (widget_class, "details.save-pdf", NULL, on_save_pdf_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "details.reprint", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "details.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
emitra_receipt_details_init (EmitraReceiptDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->history_rows = g_ptr_array_new ();
}
