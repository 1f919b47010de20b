/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Fee step: what the citizen pays, itemised exactly as the receipt
 * will show it (department fee, e-Mitra service charge, total), computed by
 * core from the catalog's charge rule and never typed by the operator, so a
 * centre cannot overcharge. For a bill the amount due is fetched from the
 * gateway first (the page does the fetching; this step shows it). The
 * operator types only the cash received and reads the change to return.
 */
#include "config.h"

#include "emitra-fee-step.h"

#include <glib/gi18n.h>

#include "emitra-display.h"
#include "emitra-money.h"
#include "emitra-validate.h"

struct _EmitraFeeStep
{
  GtkWidget         parent_instance;

  EmitraChargeRule  rule;
  gint64            department_fee;
  gboolean          known_rule;
  gboolean          bill;
  gint64            amount_due;      /* -1 until a bill is fetched */
  gboolean          per_page;
  guint             pages;
  char             *cash_error;
  char             *consumer_name;   /* the bill's, for the receipt */

  /* Template widgets */
  AdwPreferencesGroup *bill_group;
  AdwActionRow        *bill_status_row;
  GtkSpinner          *bill_spinner;
  AdwActionRow        *consumer_row;
  AdwActionRow        *bill_number_row;
  AdwActionRow        *due_date_row;
  AdwPreferencesGroup *pages_group;
  AdwActionRow        *department_fee_row;
  GtkSpinButton       *pages_spin;
  GtkLabel            *department_fee_label;
  GtkLabel            *service_charge_label;
  GtkLabel            *total_label;
  AdwEntryRow         *cash_row;
  GtkWidget           *cash_message_row;
  GtkLabel            *cash_message_label;
  GtkLabel            *change_label;
};

G_DEFINE_FINAL_TYPE (EmitraFeeStep, emitra_fee_step, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  FETCH_BILL,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_money_label (GtkLabel *label,
                 gint64    paise)
{
  g_autofree char *text = NULL;

  if (paise < 0)
    {
      /* Translators: shown in place of an amount not known yet. */
      gtk_label_set_label (label, C_("amount", "—"));
      return;
    }
  text = emitra_display_money (paise);
  gtk_label_set_label (label, text);
}

gboolean
emitra_fee_step_get_fee (EmitraFeeStep  *self,
                         EmitraFee      *out_fee,
                         GError        **error)
{
  g_return_val_if_fail (EMITRA_IS_FEE_STEP (self), FALSE);

  if (!self->known_rule)
    {
      g_set_error_literal (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_UNKNOWN_RULE,
                           _("This service's charge is not known to this version of the desk. Update e-Mitra Desk."));
      return FALSE;
    }
  if (self->bill && self->amount_due < 0)
    {
      g_set_error_literal (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_INVALID,
                           _("The amount due has not been fetched yet. Fetch the bill first."));
      return FALSE;
    }

  return emitra_fee_compute (self->rule, self->department_fee, MAX (self->amount_due, 0),
                             self->pages, out_fee, error);
}

/* The cash typed, and the change it leaves, when the cash covers the total. */
gboolean
emitra_fee_step_get_cash (EmitraFeeStep *self,
                          gint64        *out_cash,
                          gint64        *out_change)
{
  g_autoptr(GError) error = NULL;
  EmitraFee fee;
  gint64 cash = 0, change = 0;

  g_return_val_if_fail (EMITRA_IS_FEE_STEP (self), FALSE);

  g_clear_pointer (&self->cash_error, g_free);
  if (!emitra_fee_step_get_fee (self, &fee, &error))
    {
      self->cash_error = g_strdup (error->message);
      return FALSE;
    }
  if (!emitra_validate_money (_("Cash received"), gtk_editable_get_text (GTK_EDITABLE (self->cash_row)),
                              0, EMITRA_MONEY_MAX_PAISE, &cash, NULL, &error) ||
      !emitra_fee_change (&fee, cash, &change, &error))
    {
      self->cash_error = g_strdup (error->message);
      return FALSE;
    }

  if (out_cash != NULL)
    *out_cash = cash;
  if (out_change != NULL)
    *out_change = change;
  return TRUE;
}

static void
update (EmitraFeeStep *self)
{
  EmitraFee fee;
  gint64 change = 0;
  gboolean have_fee = emitra_fee_step_get_fee (self, &fee, NULL);

  set_money_label (self->department_fee_label, have_fee ? fee.department_fee : -1);
  set_money_label (self->service_charge_label, have_fee ? fee.service_charge : -1);
  set_money_label (self->total_label, have_fee ? fee.total : -1);
  set_money_label (self->change_label,
                   emitra_fee_step_get_cash (self, NULL, &change) ? change : -1);
}

static void
show_cash_message (EmitraFeeStep *self,
                   const char    *message)
{
  gtk_label_set_label (self->cash_message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->cash_message_row, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->cash_row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->cash_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->cash_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cash_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->cash_row), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
on_cash_row_changed_cb (GtkEditable   *editable,
                        EmitraFeeStep *self)
{
  update (self);
  /* An error shown goes as soon as the amount is enough. */
  if (gtk_widget_get_visible (self->cash_message_row) && self->cash_error == NULL)
    show_cash_message (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_cash_row_entry_activated_cb (AdwEntryRow   *row,
                                EmitraFeeStep *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
on_pages_spin_value_changed_cb (GtkSpinButton *spin,
                                EmitraFeeStep *self)
{
  self->pages = (guint) gtk_spin_button_get_value_as_int (spin);
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
emitra_fee_step_set_service (EmitraFeeStep *self,
                             EmitraService *service,
                             gboolean       pages_in_form)
{
  g_return_if_fail (EMITRA_IS_FEE_STEP (self));
  g_return_if_fail (EMITRA_IS_SERVICE (service));

  self->known_rule = emitra_charge_rule_from_string (emitra_service_get_charge_rule (service),
                                                     &self->rule, NULL);
  self->department_fee = emitra_service_get_department_fee (service);
  self->bill = emitra_service_get_bill (service);
  self->amount_due = -1;
  self->per_page = self->known_rule && emitra_charge_rule_is_per_page (self->rule);
  self->pages = 1;

  gtk_widget_set_visible (GTK_WIDGET (self->bill_group), self->bill);
  /* For a bill the department's part is the amount due on it. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->department_fee_row),
                                 self->bill ? _("Amount due on the bill") : _("Department fee"));
  gtk_widget_set_visible (GTK_WIDGET (self->pages_group), self->per_page && !pages_in_form);
  gtk_spin_button_set_value (self->pages_spin, 1);
  update (self);
}

/* The pages as the form's own "pages" field says, for the per-page rules. */
void
emitra_fee_step_set_pages (EmitraFeeStep *self,
                           guint          pages)
{
  g_return_if_fail (EMITRA_IS_FEE_STEP (self));

  self->pages = pages;
  gtk_spin_button_set_value (self->pages_spin, MAX (pages, 1));
  update (self);
}

guint
emitra_fee_step_get_pages (EmitraFeeStep *self)
{
  g_return_val_if_fail (EMITRA_IS_FEE_STEP (self), 0);
  return self->per_page ? self->pages : 0;
}

gboolean
emitra_fee_step_needs_bill (EmitraFeeStep *self)
{
  g_return_val_if_fail (EMITRA_IS_FEE_STEP (self), FALSE);
  return self->bill;
}

gboolean
emitra_fee_step_has_bill (EmitraFeeStep *self)
{
  g_return_val_if_fail (EMITRA_IS_FEE_STEP (self), FALSE);
  return self->bill && self->amount_due >= 0;
}

gint64
emitra_fee_step_get_amount_due (EmitraFeeStep *self)
{
  g_return_val_if_fail (EMITRA_IS_FEE_STEP (self), -1);
  return self->amount_due;
}

const char *
emitra_fee_step_get_consumer_name (EmitraFeeStep *self)
{
  g_return_val_if_fail (EMITRA_IS_FEE_STEP (self), NULL);
  return self->consumer_name != NULL ? self->consumer_name : "";
}

void
emitra_fee_step_set_bill_loading (EmitraFeeStep *self)
{
  g_return_if_fail (EMITRA_IS_FEE_STEP (self));

  self->amount_due = -1;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->bill_status_row),
                                 _("Fetching the amount due…"));
  gtk_widget_set_visible (GTK_WIDGET (self->bill_spinner), TRUE);
  gtk_spinner_start (self->bill_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->bill_status_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->consumer_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->bill_number_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->due_date_row), FALSE);
  update (self);
}

void
emitra_fee_step_set_bill (EmitraFeeStep *self,
                          const char    *consumer_name,
                          const char    *bill_number,
                          const char    *due_date,
                          gint64         amount_due)
{
  g_return_if_fail (EMITRA_IS_FEE_STEP (self));

  self->amount_due = amount_due;
  g_free (self->consumer_name);
  self->consumer_name = g_strdup (consumer_name);
  gtk_spinner_stop (self->bill_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->bill_status_row), FALSE);
  adw_action_row_set_subtitle (self->consumer_row, consumer_name != NULL ? consumer_name : "");
  adw_action_row_set_subtitle (self->bill_number_row, bill_number != NULL ? bill_number : "");
  adw_action_row_set_subtitle (self->due_date_row, due_date != NULL ? due_date : "");
  gtk_widget_set_visible (GTK_WIDGET (self->consumer_row), consumer_name != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->bill_number_row), bill_number != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->due_date_row), due_date != NULL);
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
emitra_fee_step_set_bill_error (EmitraFeeStep *self,
                                const char    *message)
{
  g_return_if_fail (EMITRA_IS_FEE_STEP (self));

  self->amount_due = -1;
  gtk_spinner_stop (self->bill_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->bill_spinner), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->bill_status_row), message);
  gtk_widget_set_visible (GTK_WIDGET (self->bill_status_row), TRUE);
  update (self);
}

const char *
emitra_fee_step_get_cash_text (EmitraFeeStep *self)
{
  g_return_val_if_fail (EMITRA_IS_FEE_STEP (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->cash_row));
}

void
emitra_fee_step_set_cash_text (EmitraFeeStep *self,
                               const char    *text)
{
  g_return_if_fail (EMITRA_IS_FEE_STEP (self));
  gtk_editable_set_text (GTK_EDITABLE (self->cash_row), text != NULL ? text : "");
}

/* Next is allowed once the fee is known and the cash covers it. */
gboolean
emitra_fee_step_validate (EmitraFeeStep  *self,
                          char          **out_message)
{
  g_return_val_if_fail (EMITRA_IS_FEE_STEP (self), FALSE);

  if (emitra_fee_step_get_cash (self, NULL, NULL))
    {
      show_cash_message (self, NULL);
      return TRUE;
    }

  show_cash_message (self, self->cash_error);
  gtk_widget_grab_focus (GTK_WIDGET (self->cash_row));
  if (out_message != NULL)
    *out_message = g_strdup (self->cash_error);
  return FALSE;
}

void
emitra_fee_step_focus (EmitraFeeStep *self)
{
  g_return_if_fail (EMITRA_IS_FEE_STEP (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->cash_row));
}

static void
on_fetch_bill_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_signal_emit (widget, signals[FETCH_BILL], 0);
}

static void
emitra_fee_step_dispose (GObject *object)
{
  EmitraFeeStep *self = EMITRA_FEE_STEP (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_FEE_STEP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (emitra_fee_step_parent_class)->dispose (object);
}

static void
emitra_fee_step_finalize (GObject *object)
{
  EmitraFeeStep *self = EMITRA_FEE_STEP (object);

  g_clear_pointer (&self->cash_error, g_free);
  g_clear_pointer (&self->consumer_name, g_free);

  G_OBJECT_CLASS (emitra_fee_step_parent_class)->finalize (object);
}

static void
emitra_fee_step_class_init (EmitraFeeStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_fee_step_dispose;
  object_class->finalize = emitra_fee_step_finalize;

  /* The cash or the pages changed: the page saves the draft. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The operator asked for the bill again. */
  signals[FETCH_BILL] = g_signal_new ("fetch-bill", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Enter in the cash field. */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-fee-step.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, bill_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, bill_status_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, bill_spinner);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, consumer_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, bill_number_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, due_date_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, pages_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, department_fee_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, pages_spin);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, department_fee_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, service_charge_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, total_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, cash_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, cash_message_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, cash_message_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraFeeStep, change_label);
  gtk_widget_class_bind_template_callback (widget_class, on_cash_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cash_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pages_spin_value_changed_cb);

  gtk_widget_class_install_action (widget_class, "fee.fetch-bill", NULL, on_fetch_bill_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
emitra_fee_step_init (EmitraFeeStep *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  emitra_display_setup_spin_button (self->pages_spin);
  self->amount_due = -1;
  self->pages = 1;
}
