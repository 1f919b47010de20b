/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One submission waiting in the outbox, as the Receipts page's Pending
 * view lists it: who and what it is for, how often the desk has tried,
 * when it tries next and the last thing that went wrong, with Retry Now
 * and Cancel below, so that it reads as well in a narrow window. The buttons activate the page's receipts.retry-item and
 * receipts.cancel-item actions with the item's request ID.
 */
#include "config.h"

#include "emitra-outbox-row.h"

#include <glib/gi18n.h>

#include "emitra-display.h"
#include "emitra-receipts-page-private.h"

struct _EmitraOutboxRow
{
  GtkListBoxRow     parent_instance;

  EmitraOutboxItem *item;

  /* Template widgets */
  GtkLabel         *citizen_label;
  GtkLabel         *total_label;
  GtkLabel         *service_label;
  GtkLabel         *tries_label;
  GtkLabel         *error_label;
  GtkButton        *retry_button;
  GtkButton        *cancel_button;
};

G_DEFINE_FINAL_TYPE (EmitraOutboxRow, emitra_outbox_row, GTK_TYPE_LIST_BOX_ROW)

static char *
describe_tries (EmitraOutboxItem *item)
{
  guint attempts = emitra_outbox_item_get_attempts (item);
  gint64 next = emitra_outbox_item_get_next_attempt_at (item);
  g_autofree char *next_text = NULL;
  g_autofree char *tried = NULL;

  if (next <= g_get_real_time () / G_USEC_PER_SEC)
    next_text = g_strdup (_("next try: due now"));
  else
    {
      g_autofree char *time = emitra_display_recent_time (next);

      /* Translators: %s is a time, such as 15:40 or 27 November 2026 15:40. */
      next_text = g_strdup_printf (_("next try at %s"), time);
    }

  if (attempts == 0)
    /* Translators: %s is "next try at 15:40" or "next try: due now". */
    return g_strdup_printf (_("Not tried yet, %s"), next_text);

  /* Translators: the second %s is "next try at 15:40" or "next try: due now". */
  tried = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tried %u time, %s", "Tried %u times, %s", attempts),
                           attempts, next_text);
  /* A count and a time, no names: the whole line in the chosen digits. */
  return emitra_display_digits (tried);
}

static void
show_item (EmitraOutboxRow *self)
{
  EmitraOutboxItem *item = self->item;
  const char *citizen = emitra_outbox_item_get_citizen_name (item);
  const char *last_error = emitra_outbox_item_get_last_error (item);
  const char *request_id = emitra_outbox_item_get_request_id (item);
  gint64 receipt_no = emitra_outbox_item_get_receipt_no (item);
  g_autofree char *created = emitra_display_recent_time (emitra_outbox_item_get_created_at (item));
  g_autofree char *total = emitra_display_money (emitra_outbox_item_get_total (item));
  g_autofree char *tries = describe_tries (item);
  g_autofree char *issued = NULL;
  g_autofree char *details = NULL;
  g_autofree char *number = NULL;
  g_autofree char *about = NULL;

  /* A receipt still without a number is known by its request ID, which
   * stays in Latin digits as the gateway writes it. */
  number = receipt_no > 0 ? emitra_display_number (receipt_no) : g_strdup (request_id);
  gtk_label_set_label (self->citizen_label, citizen != NULL && citizen[0] != '\0' ? citizen : "—");
  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->service_label,
                       _emitra_receipts_service_name (emitra_outbox_item_get_service_name_en (item),
                                                      emitra_outbox_item_get_service_name_hi (item)));
  /* Translators: a pending submission: its receipt number and when it was made. */
  issued = g_strdup_printf (_("Receipt %s, issued %s"), number, created);
  details = g_strdup_printf ("%s\n%s", issued, tries);
  gtk_label_set_label (self->tries_label, details);
  if (last_error != NULL && last_error[0] != '\0')
    {
      /* Translators: %s is the gateway's or the network's error message. */
      g_autofree char *error_line = g_strdup_printf (_("Last error: %s"), last_error);

      gtk_label_set_label (self->error_label, error_line);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), last_error != NULL && last_error[0] != '\0');

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->retry_button), "s", request_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->cancel_button), "s", request_id);
  /* Every row has the same two buttons: what they act on is their
   * description, read after their name. */
  /* Translators: "Receipt 42 for Sunita Meena". */
  about = g_strdup_printf (_("Receipt %s for %s"), number, citizen != NULL && citizen[0] != '\0' ? citizen : "—");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about, -1);
}

GtkWidget *
emitra_outbox_row_new (EmitraOutboxItem *item)
{
  EmitraOutboxRow *self;

  g_return_val_if_fail (EMITRA_IS_OUTBOX_ITEM (item), NULL);

  self = g_object_new (EMITRA_TYPE_OUTBOX_ROW, NULL);
  self->item = g_object_ref (item);
  show_item (self);
  return GTK_WIDGET (self);
}

EmitraOutboxItem *
emitra_outbox_row_get_item (EmitraOutboxRow *self)
{
  g_return_val_if_fail (EMITRA_IS_OUTBOX_ROW (self), NULL);

  return self->item;
}

static void
emitra_outbox_row_dispose (GObject *object)
{
  EmitraOutboxRow *self = EMITRA_OUTBOX_ROW (object);

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_OUTBOX_ROW);

  G_OBJECT_CLASS (emitra_outbox_row_parent_class)->dispose (object);
}

static void
emitra_outbox_row_class_init (EmitraOutboxRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_outbox_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-outbox-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraOutboxRow, citizen_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraOutboxRow, total_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraOutboxRow, service_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraOutboxRow, tries_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraOutboxRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraOutboxRow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraOutboxRow, cancel_button);
}

static void
emitra_outbox_row_init (EmitraOutboxRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
