/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Receipts page's Pending view: every submission waiting in the
 * outbox, with its last error, attempts and next retry. Retry Now makes
 * the item due and drains the outbox at once; Cancel asks the gateway to
 * cancel (after the operator confirms, since the fee is refunded and the
 * citizen's money goes back). Both speak to the gateway, so both ask for
 * sign-in first when no session is alive.
 */
#include "config.h"

#include "emitra-receipts-page-private.h"

#include <glib/gi18n.h>

#include "emitra-display.h"
#include "emitra-outbox-row.h"
#include "emitra-window.h"
#include "emitra-window-desk.h"

void
_emitra_receipts_page_toast (EmitraReceiptsPage *self,
                             const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
clear_rows (EmitraReceiptsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pending_list))) != NULL)
    gtk_list_box_remove (self->pending_list, child);
}

static EmitraOutboxRow *
find_row (EmitraReceiptsPage *self,
          const char         *request_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pending_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (EMITRA_IS_OUTBOX_ROW (child) &&
        g_strcmp0 (emitra_outbox_item_get_request_id (emitra_outbox_row_get_item (EMITRA_OUTBOX_ROW (child))),
                   request_id) == 0)
      return EMITRA_OUTBOX_ROW (child);
  return NULL;
}

static void
on_pending_listed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(EmitraReceiptsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = emitra_outbox_list_pending_finish (EMITRA_OUTBOX (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading_pending = FALSE;

  if (items == NULL)
    {
      adw_status_page_set_description (self->pending_error_page, error->message);
      gtk_stack_set_visible_child_name (self->pending_stack, "error");
      return;
    }

  clear_rows (self);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->pending_list, emitra_outbox_row_new (g_ptr_array_index (items, i)));
  /* libadwaita draws a badge's number itself, in Latin digits only: with
   * Devanagari digits chosen the tab shows a dot instead, and the count is
   * the list's own. */
  adw_view_stack_page_set_badge_number (self->pending_view_page,
                                        emitra_display_get_digits () == EMITRA_DIGITS_LATIN ? items->len : 0);
  adw_view_stack_page_set_needs_attention (self->pending_view_page, items->len > 0);
  gtk_stack_set_visible_child_name (self->pending_stack, items->len > 0 ? "list" : "empty");
}

/* Before sign-in the page says how many submissions wait, and nothing
 * about them: without it nobody at the desk could tell that work is held
 * up until someone signs in (the desk sends nothing for nobody). */
static void
on_pending_counted_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(EmitraReceiptsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 count = emitra_outbox_count_pending_finish (EMITRA_OUTBOX (source), result, &error);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading_pending = FALSE;
  if (count <= 0)
    {
      /* An outbox that cannot be read is the signed-in page's to explain. */
      if (error != NULL)
        g_debug ("The outbox could not be counted: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), FALSE);
      return;
    }

  /* Translators: on the Receipts page before anyone signs in; no names. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u submission is still waiting for the gateway.",
                                       "%u submissions are still waiting for the gateway.", (gulong) count),
                          (guint) count);
  shown = emitra_display_digits (text);
  gtk_label_set_label (self->waiting_label, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), TRUE);
}

/* Forgets the rows, the badge and any answer on its way: what the
 * session before may have seen. */
void
_emitra_receipts_page_forget_pending (EmitraReceiptsPage *self)
{
  g_cancellable_cancel (self->pending_cancellable);
  self->loading_pending = FALSE;
  clear_rows (self);
  adw_view_stack_page_set_badge_number (self->pending_view_page, 0);
  adw_view_stack_page_set_needs_attention (self->pending_view_page, FALSE);
  gtk_stack_set_visible_child_name (self->pending_stack, "loading");
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), FALSE);
  /* A question about the last session's submission is not the next one's to answer. */
  if (self->cancel_dialog != NULL)
    gtk_window_close (self->cancel_dialog);
}

void
_emitra_receipts_page_load_pending (EmitraReceiptsPage *self)
{
  if (self->desk == NULL)
    return;

  g_cancellable_cancel (self->pending_cancellable);
  g_clear_object (&self->pending_cancellable);
  self->pending_cancellable = g_cancellable_new ();
  self->loading_pending = TRUE;

  if (self->session == NULL)
    {
      emitra_outbox_count_pending_async (emitra_desk_get_outbox (self->desk), self->pending_cancellable,
                                         on_pending_counted_cb, g_object_ref (self));
      return;
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pending_stack), "list") != 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pending_stack), "empty") != 0)
    gtk_stack_set_visible_child_name (self->pending_stack, "loading");

  /* An operator's own submissions; a supervisor's page, the whole desk's. */
  emitra_outbox_list_pending_async (emitra_desk_get_outbox (self->desk), _emitra_receipts_page_shown_operator (self),
                                    self->pending_cancellable, on_pending_listed_cb, g_object_ref (self));
}

typedef struct _ItemAction ItemAction;
typedef void (*SignedInFunc) (ItemAction *action);

/* What an action on one item carries from step to step. */
struct _ItemAction
{
  EmitraReceiptsPage *page;
  char               *request_id;
  char               *number;      /* the receipt number, as shown */
  SignedInFunc        then;        /* what to do once signed in */
};

static void
item_action_free (ItemAction *action)
{
  g_clear_object (&action->page);
  g_free (action->request_id);
  g_free (action->number);
  g_free (action);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ItemAction, item_action_free)

static ItemAction *
item_action_new (EmitraReceiptsPage *self,
                 const char         *request_id)
{
  ItemAction *action = g_new0 (ItemAction, 1);
  EmitraOutboxRow *row = find_row (self, request_id);
  gint64 receipt_no = row != NULL ? emitra_outbox_item_get_receipt_no (emitra_outbox_row_get_item (row)) : 0;

  action->page = g_object_ref (self);
  action->request_id = g_strdup (request_id);
  action->number = receipt_no > 0 ? emitra_display_number (receipt_no) : g_strdup (request_id);
  /* One thing at a time per item: its buttons wait for the outcome. */
  if (row != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
  return action;
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ItemAction) action = user_data;
  SignedInFunc then = action->then;
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = emitra_window_ensure_signed_in_finish (EMITRA_WINDOW (source), result, &error);
  if (session == NULL)
    {
      /* Sign-in was closed: the item stays as it was. */
      _emitra_receipts_page_load_pending (action->page);
      return;
    }
  then (g_steal_pointer (&action));
}

/* Anything sent to the gateway for a citizen needs a live session; in the
 * desk's window the operator is asked to sign in, in place. */
static void
when_signed_in (ItemAction   *action,
                SignedInFunc  then)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (action->page));

  if (!EMITRA_IS_WINDOW (root))
    {
      then (action);
      return;
    }
  action->then = then;
  emitra_window_ensure_signed_in_async (EMITRA_WINDOW (root), action->page->cancellable,
                                        on_signed_in_cb, action);
}

/* Retry now --------------------------------------------------------- */

static void
on_drained_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ItemAction) action = user_data;
  g_autoptr(GError) error = NULL;
  guint settled = emitra_submitter_drain_finish (EMITRA_SUBMITTER (source), result, &error);

  /* The page was closed meanwhile: nothing left to show it on. */
  if (action->page->desk == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      /* Translators: %s says why the outbox could not be worked through. */
      g_autofree char *message = g_strdup_printf (_("The outbox could not be sent: %s"), error->message);

      _emitra_receipts_page_toast (action->page, message);
    }
  else if (settled == 0)
    {
      /* Translators: %s is a receipt number. */
      g_autofree char *message = g_strdup_printf (_("Receipt %s is not confirmed yet; the desk keeps trying."),
                                                  action->number);

      _emitra_receipts_page_toast (action->page, message);
    }
  /* A settled item was announced already (see EmitraApplication). */
  emitra_receipts_page_refresh (action->page);
}

static void
on_made_due_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ItemAction) action = user_data;
  g_autoptr(GError) error = NULL;
  EmitraReceiptsPage *self = action->page;

  if (!emitra_outbox_retry_now_finish (EMITRA_OUTBOX (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: the first %s is a receipt number, the second says why. */
      message = g_strdup_printf (_("Receipt %s could not be retried: %s"), action->number, error->message);
      _emitra_receipts_page_toast (self, message);
      _emitra_receipts_page_load_pending (self);
      return;
    }

  /* The drain is the desk's work: it runs to its end even if the page
   * goes away meanwhile, so no item is left half verified. */
  emitra_submitter_drain_async (emitra_desk_get_submitter (self->desk), TRUE, NULL,
                                on_drained_cb, g_steal_pointer (&action));
}

static void
retry_now (ItemAction *action)
{
  EmitraReceiptsPage *self = action->page;

  emitra_outbox_retry_now_async (emitra_desk_get_outbox (self->desk), action->request_id,
                                 g_get_real_time () / G_USEC_PER_SEC, self->cancellable, on_made_due_cb, action);
}

static void
on_retry_item_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (widget);
  const char *request_id = g_variant_get_string (parameter, NULL);

  /* Only an item this session's page lists: never someone else's. */
  if (self->desk == NULL || find_row (self, request_id) == NULL)
    return;
  when_signed_in (item_action_new (self, request_id), retry_now);
}

/* Cancel ------------------------------------------------------------ */

static void
on_cancelled_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ItemAction) action = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean cancelled = emitra_submitter_cancel_finish (EMITRA_SUBMITTER (source), result, &error);

  /* The page was closed meanwhile: nothing left to show it on. */
  if (action->page->desk == NULL)
    return;
  if (!cancelled)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: the first %s is a receipt number, the second says why. */
      message = g_strdup_printf (_("Receipt %s could not be cancelled: %s"), action->number, error->message);
    }
  else
    /* Translators: %s is a receipt number. */
    message = g_strdup_printf (_("Receipt %s was cancelled. Return the citizen's money."), action->number);
  _emitra_receipts_page_toast (action->page, message);
  emitra_receipts_page_refresh (action->page);
}

static void
cancel_item (ItemAction *action)
{
  EmitraReceiptsPage *self = action->page;

  /* Once asked, the gateway's answer is always recorded, page or not. */
  emitra_submitter_cancel_async (emitra_desk_get_submitter (self->desk), action->request_id,
                                 NULL, on_cancelled_cb, action);
}

static void
on_cancel_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  ItemAction *action = user_data;
  EmitraReceiptsPage *self = action->page;

  /* Answered: closing it again would answer twice. */
  if (self->cancel_dialog == GTK_WINDOW (dialog))
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->cancel_dialog);
      self->cancel_dialog = NULL;
    }
  if (g_strcmp0 (response, "cancel-submission") == 0)
    when_signed_in (action, cancel_item);
  else
    {
      _emitra_receipts_page_load_pending (action->page);
      item_action_free (action);
    }
}

static void
on_cancel_item_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (widget);
  const char *request_id = g_variant_get_string (parameter, NULL);
  EmitraOutboxRow *row = find_row (self, request_id);
  GtkRoot *root = gtk_widget_get_root (widget);
  EmitraOutboxItem *item;
  g_autofree char *total = NULL;
  ItemAction *action;
  GtkWidget *dialog;

  if (self->desk == NULL || row == NULL)
    return;

  item = emitra_outbox_row_get_item (row);
  total = emitra_display_money (emitra_outbox_item_get_total (item));
  action = item_action_new (self, request_id);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Cancel This Submission?"), NULL);
  /* Translators: the first %s is a receipt number, the second the citizen's
   * name, the third the amount the citizen paid. */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The gateway will be asked to cancel receipt %s for %s, and the fee will be refunded to the kiosk wallet. Give the citizen back the %s they paid."),
                                  action->number, emitra_outbox_item_get_citizen_name (item), total);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Waiting"),
                                    "cancel-submission", _("_Cancel Submission"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-submission",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_cancel_response_cb), action);
  if (self->cancel_dialog != NULL)
    gtk_window_close (self->cancel_dialog);
  self->cancel_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->cancel_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_emitra_receipts_page_pending_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "receipts.retry-item", "s", on_retry_item_cb);
  gtk_widget_class_install_action (widget_class, "receipts.cancel-item", "s", on_cancel_item_cb);
}
