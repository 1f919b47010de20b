/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Receipts page: today's receipts by default, in a column view the
 * operator can sort; one search box for what a returning citizen brings
 * (receipt or transaction number, mobile number, name), a date range and a
 * status filter; details, Reprint and Save as PDF, both marked DUPLICATE.
 * Its Pending view (emitra-receipts-page-pending.c) lists the outbox.
 *
 * Who sees what (emitra-receipts-page-session.c): nothing until someone
 * signs in; an operator the receipts they issued and their own waiting
 * submissions, a supervisor all. The query does the filtering, so no one
 * else's receipt is ever read for them.
 *
 * Every query runs on the database's worker thread through the receipt
 * store; a newer search cancels the one before, so typing never waits for
 * the disk and a late answer never replaces a newer one. The lists are
 * read again whenever the page is shown and whenever the submitter
 * settles a queued submission.
 */
#include "config.h"

#include "emitra-receipts-page-private.h"

#include <glib/gi18n.h>

#include "emitra-display.h"

#include "emitra-application.h"

G_DEFINE_FINAL_TYPE (EmitraReceiptsPage, emitra_receipts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DESK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * emitra_receipts_page_refresh:
 *
 * Reads the receipts and the outbox again, off the main thread, and the
 * open details window's receipt with them.
 */
void
emitra_receipts_page_refresh (EmitraReceiptsPage *self)
{
  g_return_if_fail (EMITRA_IS_RECEIPTS_PAGE (self));

  if (self->desk == NULL)
    return;
  if (self->session == NULL)
    {
      /* How many submissions wait, for the page that asks to sign in. */
      _emitra_receipts_page_load_pending (self);
      return;
    }
  _emitra_receipts_page_search (self);
  _emitra_receipts_page_load_pending (self);
  if (self->details != NULL)
    emitra_receipt_details_refresh (self->details);
}

gboolean
emitra_receipts_page_is_busy (EmitraReceiptsPage *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPTS_PAGE (self), FALSE);

  return self->searching || self->loading_pending;
}

void
emitra_receipts_page_focus_search (EmitraReceiptsPage *self)
{
  g_return_if_fail (EMITRA_IS_RECEIPTS_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "receipts");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
emitra_receipts_page_get_receipts (EmitraReceiptsPage *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

EmitraReceipt *
emitra_receipts_page_get_selected (EmitraReceiptsPage *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPTS_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* Details and printing ---------------------------------------------- */

static void
open_details (EmitraReceiptsPage *self,
              EmitraReceipt      *receipt)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (receipt == NULL || self->desk == NULL || !_emitra_receipts_page_may_see (self, receipt))
    return;

  if (self->details != NULL)
    gtk_window_destroy (GTK_WINDOW (self->details));
  self->details = emitra_receipt_details_new (emitra_desk_get_receipts (self->desk), self->printer, receipt);
  g_object_add_weak_pointer (G_OBJECT (self->details), (gpointer *) &self->details);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self->details), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (self->details));
}

static void
on_column_view_activate_cb (GtkColumnView      *view,
                            guint               position,
                            EmitraReceiptsPage *self)
{
  g_autoptr(EmitraReceipt) receipt = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  open_details (self, receipt);
}

/* Enter in the search box: straight to the one receipt found, or into
 * the list to pick among several. */
void
_emitra_receipts_page_activate_found (EmitraReceiptsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (n == 1)
    open_details (self, gtk_single_selection_get_selected_item (self->selection));
  else if (n > 1)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_search_entry_activate_cb (GtkSearchEntry     *entry,
                             EmitraReceiptsPage *self)
{
  /* A number typed and Enter pressed at once: the search entry has not
   * searched yet. Search now, and act on what that finds. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), self->query_text) != 0)
    {
      self->activate_when_found = TRUE;
      _emitra_receipts_page_search (self);
    }
  else if (self->searching)
    self->activate_when_found = TRUE;
  else
    _emitra_receipts_page_activate_found (self);
}

static void
on_details_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (widget);

  open_details (self, gtk_single_selection_get_selected_item (self->selection));
}

/* The selected receipt as a reprint draws it (marked DUPLICATE), or NULL
 * when none is selected. */
static EmitraReceiptRenderer *
selected_duplicate_renderer (EmitraReceiptsPage *self)
{
  EmitraReceipt *receipt = gtk_single_selection_get_selected_item (self->selection);

  return receipt != NULL ? _emitra_receipts_duplicate_renderer (receipt) : NULL;
}

static void
on_reprint_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (widget);
  g_autoptr(EmitraReceiptRenderer) renderer = selected_duplicate_renderer (self);

  if (renderer != NULL)
    emitra_receipt_printer_print (self->printer, renderer, widget);
}

static void
on_save_pdf_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (widget);
  g_autoptr(EmitraReceiptRenderer) renderer = selected_duplicate_renderer (self);

  if (renderer != NULL)
    emitra_receipt_printer_choose_pdf (self->printer, renderer, widget);
}

/**
 * emitra_receipts_page_reprint_to_file:
 *
 * Reprints the selected receipt into the PDF file @path through the same
 * print operation as Reprint, without the dialog.
 */
gboolean
emitra_receipts_page_reprint_to_file (EmitraReceiptsPage  *self,
                                      const char          *path,
                                      GError             **error)
{
  g_autoptr(EmitraReceiptRenderer) renderer = NULL;

  g_return_val_if_fail (EMITRA_IS_RECEIPTS_PAGE (self), FALSE);

  renderer = selected_duplicate_renderer (self);
  g_return_val_if_fail (renderer != NULL, FALSE);
  return emitra_receipt_printer_export (self->printer, renderer, path, error);
}

/* Saves the selected receipt as a PDF at @path, as Save as PDF does. */
gboolean
emitra_receipts_page_save_pdf (EmitraReceiptsPage  *self,
                               const char          *path,
                               GError             **error)
{
  g_autoptr(EmitraReceiptRenderer) renderer = NULL;

  g_return_val_if_fail (EMITRA_IS_RECEIPTS_PAGE (self), FALSE);

  renderer = selected_duplicate_renderer (self);
  g_return_val_if_fail (renderer != NULL, FALSE);
  return emitra_receipt_printer_write_pdf (self->printer, renderer, path, error);
}

static void
on_refresh_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  emitra_receipts_page_refresh (EMITRA_RECEIPTS_PAGE (widget));
}

static void
on_focus_search_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  emitra_receipts_page_focus_search (EMITRA_RECEIPTS_PAGE (widget));
}

/* The desk ---------------------------------------------------------- */

static void
on_settled_cb (EmitraSubmitter    *submitter,
               EmitraReceipt      *receipt,
               int                 state,
               EmitraReceiptsPage *self)
{
  /* A hidden page reads everything again when it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    emitra_receipts_page_refresh (self);
}

EmitraDesk *
emitra_receipts_page_get_desk (EmitraReceiptsPage *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPTS_PAGE (self), NULL);

  return self->desk;
}

/**
 * emitra_receipts_page_set_desk:
 *
 * The desk whose receipts and outbox the page shows. In the window the
 * page takes the application's own when it is first shown.
 */
void
emitra_receipts_page_set_desk (EmitraReceiptsPage *self,
                               EmitraDesk         *desk)
{
  g_return_if_fail (EMITRA_IS_RECEIPTS_PAGE (self));
  g_return_if_fail (desk == NULL || EMITRA_IS_DESK (desk));

  if (self->desk == desk)
    return;

  if (self->desk != NULL)
    g_signal_handlers_disconnect_by_func (emitra_desk_get_submitter (self->desk), on_settled_cb, self);
  g_set_object (&self->desk, desk);
  if (desk != NULL)
    {
      g_signal_connect_object (emitra_desk_get_submitter (desk), "settled",
                               G_CALLBACK (on_settled_cb), self, 0);
      _emitra_receipts_page_show_scope (self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        emitra_receipts_page_refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESK]);
}

/* Without a desk database there is nothing to list: say why, plainly. */
static void
find_desk (EmitraReceiptsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  const GError *error = NULL;
  EmitraDesk *desk = NULL;

  if (EMITRA_IS_APPLICATION (app))
    {
      desk = emitra_application_get_desk (EMITRA_APPLICATION (app));
      error = emitra_application_get_desk_error (EMITRA_APPLICATION (app));
    }
  if (desk != NULL)
    {
      emitra_receipts_page_set_desk (self, desk);
      return;
    }

  adw_status_page_set_description (self->no_desk_page,
                                   error != NULL ? error->message
                                                 : _("The desk's database is not open, so no receipt can be read."));
  gtk_stack_set_visible_child_name (self->page_stack, "no-desk");
}

static gboolean
on_pending_timer_cb (gpointer user_data)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (user_data);

  /* The desk retries every half minute: the times shown keep up. */
  _emitra_receipts_page_load_pending (self);
  return G_SOURCE_CONTINUE;
}

static void
emitra_receipts_page_map (GtkWidget *widget)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (widget);

  GTK_WIDGET_CLASS (emitra_receipts_page_parent_class)->map (widget);

  if (self->desk == NULL)
    find_desk (self);
  /* Receipts keep arriving: the lists are read again whenever shown. */
  emitra_receipts_page_refresh (self);
  if (self->pending_timer_id == 0)
    self->pending_timer_id = g_timeout_add_seconds (30, on_pending_timer_cb, self);
  if (self->desk != NULL && self->session != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "receipts") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
emitra_receipts_page_unmap (GtkWidget *widget)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (widget);

  g_clear_handle_id (&self->pending_timer_id, g_source_remove);

  GTK_WIDGET_CLASS (emitra_receipts_page_parent_class)->unmap (widget);
}

static void
emitra_receipts_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DESK:
      g_value_set_object (value, self->desk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_receipts_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DESK:
      emitra_receipts_page_set_desk (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_receipts_page_dispose (GObject *object)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (object);

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->pending_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pending_timer_id, g_source_remove);
  if (self->details != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->details), (gpointer *) &self->details);
      gtk_window_destroy (GTK_WINDOW (self->details));
      self->details = NULL;
    }
  if (self->desk != NULL)
    g_signal_handlers_disconnect_by_func (emitra_desk_get_submitter (self->desk), on_settled_cb, self);
  g_clear_object (&self->desk);
  /* Closed without a desk, the question leaves the outbox as it was. */
  if (self->cancel_dialog != NULL)
    {
      GtkWindow *dialog = self->cancel_dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->cancel_dialog);
      self->cancel_dialog = NULL;
      gtk_window_close (dialog);
    }
  /* The template's one widget is AdwBin's child, let go of in its dispose. */

  G_OBJECT_CLASS (emitra_receipts_page_parent_class)->dispose (object);
}

static void
emitra_receipts_page_finalize (GObject *object)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (object);

  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->pending_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->printer);
  g_clear_object (&self->session);
  g_clear_object (&self->selection);
  g_clear_object (&self->receipts);
  g_free (self->from_day);
  g_free (self->to_day);
  g_free (self->query_text);

  G_OBJECT_CLASS (emitra_receipts_page_parent_class)->finalize (object);
}

static void
emitra_receipts_page_class_init (EmitraReceiptsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = emitra_receipts_page_get_property;
  object_class->set_property = emitra_receipts_page_set_property;
  object_class->dispose = emitra_receipts_page_dispose;
  object_class->finalize = emitra_receipts_page_finalize;
  widget_class->map = emitra_receipts_page_map;
  widget_class->unmap = emitra_receipts_page_unmap;

  properties[PROP_DESK] = g_param_spec_object ("desk", NULL, NULL, EMITRA_TYPE_DESK,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                               G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The column sorters look up the receipt's properties. */
  g_type_ensure (EMITRA_TYPE_RECEIPT);
  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-receipts-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "list_spinner", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "pending_spinner", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, no_desk_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, receipts_view_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, pending_view_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, range_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, range_popover);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, receipts_stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, any_date_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, pending_stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, pending_error_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraReceiptsPage, pending_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "receipts.refresh", NULL, on_refresh_cb);
  gtk_widget_class_install_action (widget_class, "receipts.focus-search", NULL, on_focus_search_cb);
  gtk_widget_class_install_action (widget_class, "receipts.details", NULL, on_details_cb);
  gtk_widget_class_install_action (widget_class, "receipts.reprint", NULL, on_reprint_cb);
  gtk_widget_class_install_action (widget_class, "receipts.save-pdf", NULL, on_save_pdf_cb);
  _emitra_receipts_page_list_class_init (widget_class);
  _emitra_receipts_page_pending_class_init (widget_class);

  /* Only while focus is on this page: elsewhere Ctrl+F searches services. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "receipts.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "receipts.reprint", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "receipts.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "receipts.refresh", NULL);
}

static void
emitra_receipts_page_init (EmitraReceiptsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  emitra_display_spin_while_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), EMITRA_TYPE_RECEIPTS_PAGE, "list_spinner")));
  emitra_display_spin_while_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), EMITRA_TYPE_RECEIPTS_PAGE, "pending_spinner")));

  self->printer = emitra_receipt_printer_new (NULL);
  self->cancellable = g_cancellable_new ();
  _emitra_receipts_page_list_init (self);
  /* Nobody is signed in until the window says who is. */
  gtk_stack_set_visible_child_name (self->page_stack, "signed-out");
}
