/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Citizen step: who is applying. The quick way is Jan Aadhaar: the
 * family ID shows the family's members, the operator picks the applicant,
 * an OTP goes to the family's registered mobile, and once verified the
 * member's record fills the applicant and address fields (names in both
 * scripts, gender, date of birth, address, mobile, the masked Aadhaar
 * number). The fields stay editable, and remain the way for a citizen
 * without Jan Aadhaar.
 *
 * This widget only shows and asks; the page talks to the gateway when it
 * hears "lookup", "send-otp" and "verify-otp", and answers through the
 * setters below. The keyboard path is Enter all the way: family ID,
 * Enter, arrows to the member, Enter, Enter on Send OTP, the OTP, Enter.
 */
#include "config.h"

#include "emitra-citizen-step.h"

#include <glib/gi18n.h>

#include "emitra-display.h"
#include "emitra-form-field.h"
#include "emitra-text.h"

struct _EmitraCitizenStep
{
  GtkWidget       parent_instance;

  EmitraFamily   *family;
  char           *member_id;
  gboolean        verified;
  gboolean        otp_sent;
  GtkCheckButton *member_group;   /* the first radio, which groups the rest */

  /* Template widgets */
  AdwEntryRow         *family_row;
  GtkWidget           *family_message_row;
  GtkStack            *family_message_icon;
  GtkSpinner          *family_spinner;
  GtkLabel            *family_message_label;
  AdwPreferencesGroup *members_group;
  GtkListBox          *members_list;
  AdwPreferencesGroup *otp_group;
  AdwActionRow        *otp_status_row;
  AdwEntryRow         *otp_row;
  GtkWidget           *otp_message_row;
  GtkLabel            *otp_message_label;
  AdwPreferencesGroup *verified_group;
  AdwActionRow        *verified_row;
  EmitraFormView      *form_view;
};

G_DEFINE_FINAL_TYPE (EmitraCitizenStep, emitra_citizen_step, GTK_TYPE_WIDGET)

enum {
  LOOKUP,
  SEND_OTP,
  VERIFY_OTP,
  FAMILY_CHANGED,
  MEMBER_APPLIED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

EmitraFormView *
emitra_citizen_step_get_form_view (EmitraCitizenStep *self)
{
  g_return_val_if_fail (EMITRA_IS_CITIZEN_STEP (self), NULL);
  return self->form_view;
}

const char *
emitra_citizen_step_get_family_id (EmitraCitizenStep *self)
{
  g_return_val_if_fail (EMITRA_IS_CITIZEN_STEP (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->family_row));
}

void
emitra_citizen_step_set_family_id (EmitraCitizenStep *self,
                                   const char        *family_id)
{
  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));
  gtk_editable_set_text (GTK_EDITABLE (self->family_row), family_id != NULL ? family_id : "");
}

static void
show_family_message (EmitraCitizenStep *self,
                     const char        *message,
                     gboolean           busy)
{
  gtk_label_set_label (self->family_message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->family_message_row, message != NULL);
  gtk_stack_set_visible_child_name (self->family_message_icon, busy ? "busy" : "error");
  if (busy)
    gtk_spinner_start (self->family_spinner);
  else
    gtk_spinner_stop (self->family_spinner);

  if (message != NULL && !busy)
    {
      gtk_widget_add_css_class (self->family_message_row, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->family_row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->family_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->family_message_row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->family_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->family_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* A message while the gateway is asked ("Looking up the family…"), or
 * NULL when the answer is in. */
void
emitra_citizen_step_set_busy (EmitraCitizenStep *self,
                              const char        *message)
{
  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));

  show_family_message (self, message, message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizen.lookup", message == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizen.send-otp", message == NULL && self->member_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizen.verify", message == NULL && self->otp_sent);
}

void
emitra_citizen_step_set_family_error (EmitraCitizenStep *self,
                                      const char        *message)
{
  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));

  emitra_citizen_step_set_busy (self, NULL);
  show_family_message (self, message, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->family_row));
}

static void
show_otp_message (EmitraCitizenStep *self,
                  const char        *message,
                  gboolean           error)
{
  gtk_label_set_label (self->otp_message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->otp_message_row, message != NULL);
  if (error)
    {
      gtk_widget_add_css_class (self->otp_message_row, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->otp_row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->otp_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->otp_message_row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->otp_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->otp_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
reset_otp (EmitraCitizenStep *self)
{
  self->otp_sent = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->otp_row), "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->otp_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->otp_status_row),
                                 _("Send an OTP to the family's registered mobile"));
  show_otp_message (self, NULL, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizen.verify", FALSE);
}

static void
on_member_toggled_cb (GtkCheckButton    *check,
                      EmitraCitizenStep *self)
{
  if (!gtk_check_button_get_active (check))
    return;

  g_free (self->member_id);
  self->member_id = g_strdup (g_object_get_data (G_OBJECT (check), "member-id"));
  reset_otp (self);
  gtk_widget_set_visible (GTK_WIDGET (self->otp_group), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizen.send-otp", TRUE);
}

static void
on_member_row_activated_cb (AdwActionRow      *row,
                            EmitraCitizenStep *self)
{
  /* The row's check button is toggled by the row itself; Enter then goes
   * on to Send OTP, the next thing to do. */
  gtk_widget_activate_action (GTK_WIDGET (self), "citizen.focus-send", NULL);
}

static GtkWidget *
create_member_row (EmitraCitizenStep  *self,
                   EmitraFamilyMember *member)
{
  gboolean hindi = emitra_text_prefers_hindi ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *age = emitra_display_count (emitra_family_member_get_age (member));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 hindi ? emitra_family_member_get_name_hi (member)
                                       : emitra_family_member_get_name_en (member));
  /* Translators: a family member's relation to the head of the family,
   * their age in years and their masked Aadhaar number (which keeps its
   * Latin digits, as on the card). */
  subtitle = g_strdup_printf (_("%s · age %s · Aadhaar %s"),
                              hindi ? emitra_family_member_get_relation_hi (member)
                                    : emitra_family_member_get_relation_en (member),
                              age,
                              emitra_family_member_get_aadhaar_masked (member));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->member_group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->member_group);
  else
    self->member_group = GTK_CHECK_BUTTON (check);
  g_object_set_data_full (G_OBJECT (check), "member-id",
                          g_strdup (emitra_family_member_get_member_id (member)), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  g_signal_connect (check, "toggled", G_CALLBACK (on_member_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect (row, "activated", G_CALLBACK (on_member_row_activated_cb), self);
  return row;
}

static void
clear_members (EmitraCitizenStep *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list))) != NULL)
    gtk_list_box_remove (self->members_list, child);
  self->member_group = NULL;
  g_clear_pointer (&self->member_id, g_free);
  g_clear_object (&self->family);
  gtk_widget_set_visible (GTK_WIDGET (self->members_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->otp_group), FALSE);
  reset_otp (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizen.send-otp", FALSE);
}

/* Shows the family's members to pick the applicant from. */
void
emitra_citizen_step_set_family (EmitraCitizenStep *self,
                                EmitraFamily      *family)
{
  GListModel *members;
  GtkListBoxRow *first;
  guint n;

  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));
  g_return_if_fail (EMITRA_IS_FAMILY (family));

  clear_members (self);
  emitra_citizen_step_set_busy (self, NULL);
  self->family = g_object_ref (family);
  members = emitra_family_get_members (family);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraFamilyMember) member = g_list_model_get_item (members, i);
      gtk_list_box_append (self->members_list, create_member_row (self, member));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->members_group), n > 0);

  first = gtk_list_box_get_row_at_index (self->members_list, 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

/* The members shown to pick from (0 before a family is looked up). */
guint
emitra_citizen_step_get_n_members (EmitraCitizenStep *self)
{
  guint n = 0;

  g_return_val_if_fail (EMITRA_IS_CITIZEN_STEP (self), 0);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->members_group)))
    return 0;
  while (gtk_list_box_get_row_at_index (self->members_list, n) != NULL)
    n++;
  return n;
}

const char *
emitra_citizen_step_get_member_id (EmitraCitizenStep *self)
{
  g_return_val_if_fail (EMITRA_IS_CITIZEN_STEP (self), NULL);
  return self->member_id;
}

void
emitra_citizen_step_select_member (EmitraCitizenStep *self,
                                   const char        *member_id)
{
  GtkWidget *row;

  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->members_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (check != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (check), "member-id"), member_id) == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }
}

void
emitra_citizen_step_set_otp_sent (EmitraCitizenStep *self,
                                  const char        *mobile_masked)
{
  g_autofree char *title = NULL;

  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));

  emitra_citizen_step_set_busy (self, NULL);
  self->otp_sent = TRUE;
  /* Translators: %s is the family's mobile number with all but the last digits hidden. */
  title = g_strdup_printf (_("OTP sent to %s"), mobile_masked != NULL ? mobile_masked : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->otp_status_row), title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->otp_row), TRUE);
  show_otp_message (self, NULL, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizen.verify", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->otp_row));
}

void
emitra_citizen_step_set_otp_error (EmitraCitizenStep *self,
                                   const char        *message)
{
  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));

  emitra_citizen_step_set_busy (self, NULL);
  show_otp_message (self, message, TRUE);
  if (self->otp_sent)
    gtk_widget_grab_focus (GTK_WIDGET (self->otp_row));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->otp_status_row), GTK_DIR_TAB_FORWARD);
}

const char *
emitra_citizen_step_get_otp (EmitraCitizenStep *self)
{
  g_return_val_if_fail (EMITRA_IS_CITIZEN_STEP (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->otp_row));
}

void
emitra_citizen_step_set_otp (EmitraCitizenStep *self,
                             const char        *otp)
{
  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));
  gtk_editable_set_text (GTK_EDITABLE (self->otp_row), otp != NULL ? otp : "");
}

/* "1974-03-12" (the gateway's) to "12/03/1974" (the form's). */
static char *
dup_form_date (const char *iso)
{
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup ("");
  return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
}

static void
fill (EmitraCitizenStep *self,
      const char        *field_id,
      const char        *value)
{
  if (value != NULL && value[0] != '\0')
    emitra_form_view_set_text (self->form_view, field_id, value);
}

/* Fills the form from the verified member's record. */
void
emitra_citizen_step_apply_member (EmitraCitizenStep  *self,
                                  EmitraFamilyMember *member)
{
  gboolean hindi = emitra_text_prefers_hindi ();
  g_autofree char *date = NULL;

  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));
  g_return_if_fail (EMITRA_IS_FAMILY_MEMBER (member));

  date = dup_form_date (emitra_family_member_get_date_of_birth (member));
  fill (self, "full_name_en", emitra_family_member_get_name_en (member));
  fill (self, "full_name_hi", emitra_family_member_get_name_hi (member));
  fill (self, "father_husband_name", hindi ? emitra_family_member_get_father_name_hi (member)
                                           : emitra_family_member_get_father_name_en (member));
  fill (self, "gender", emitra_family_member_get_gender (member));
  fill (self, "date_of_birth", date);
  fill (self, "mobile", emitra_family_member_get_mobile (member));
  fill (self, "aadhaar", emitra_family_member_get_aadhaar_masked (member));
  fill (self, "jan_aadhaar_member_id", emitra_family_member_get_member_id (member));
  fill (self, "house_street", hindi ? emitra_family_member_get_address_hi (member)
                                    : emitra_family_member_get_address_en (member));
  fill (self, "tehsil", hindi ? emitra_family_member_get_tehsil_hi (member)
                              : emitra_family_member_get_tehsil_en (member));
  fill (self, "district", emitra_family_member_get_district (member));
  fill (self, "pin", emitra_family_member_get_pin (member));

  emitra_citizen_step_set_verified (self, TRUE,
                                    hindi ? emitra_family_member_get_name_hi (member)
                                          : emitra_family_member_get_name_en (member));
  g_signal_emit (self, signals[MEMBER_APPLIED], 0, member);

  /* What the record lacks (the village or ward, say) is typed next. */
  emitra_form_view_validate (self->form_view, NULL);
}

/* Shows whether the form came from a verified Jan Aadhaar record (also
 * for a resumed draft) and lets the masked Aadhaar number stand. */
void
emitra_citizen_step_set_verified (EmitraCitizenStep *self,
                                  gboolean           verified,
                                  const char        *name)
{
  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));

  self->verified = verified;
  emitra_form_view_set_verified_aadhaar (self->form_view, verified);
  adw_action_row_set_subtitle (self->verified_row, name != NULL ? name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->verified_group), verified);
  if (verified)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->members_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->otp_group), FALSE);
    }
}

gboolean
emitra_citizen_step_get_verified (EmitraCitizenStep *self)
{
  g_return_val_if_fail (EMITRA_IS_CITIZEN_STEP (self), FALSE);
  return self->verified;
}

void
emitra_citizen_step_focus (EmitraCitizenStep *self)
{
  g_return_if_fail (EMITRA_IS_CITIZEN_STEP (self));

  if (self->verified)
    emitra_form_view_focus_first (self->form_view);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->family_row));
}

static void
on_family_row_changed_cb (GtkEditable       *editable,
                          EmitraCitizenStep *self)
{
  if (self->family != NULL &&
      g_strcmp0 (emitra_family_get_family_id (self->family), gtk_editable_get_text (editable)) != 0)
    clear_members (self);
  show_family_message (self, NULL, FALSE);
  g_signal_emit (self, signals[FAMILY_CHANGED], 0);
}

static void
on_family_row_entry_activated_cb (AdwEntryRow       *row,
                                  EmitraCitizenStep *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "citizen.lookup", NULL);
}

static void
on_otp_row_entry_activated_cb (AdwEntryRow       *row,
                               EmitraCitizenStep *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "citizen.verify", NULL);
}

static void
on_lookup_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EmitraCitizenStep *self = EMITRA_CITIZEN_STEP (widget);

  clear_members (self);
  g_signal_emit (self, signals[LOOKUP], 0, emitra_citizen_step_get_family_id (self));
}

static void
on_send_otp_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EmitraCitizenStep *self = EMITRA_CITIZEN_STEP (widget);

  if (self->member_id != NULL)
    g_signal_emit (self, signals[SEND_OTP], 0);
}

static void
on_verify_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EmitraCitizenStep *self = EMITRA_CITIZEN_STEP (widget);

  if (self->otp_sent)
    g_signal_emit (self, signals[VERIFY_OTP], 0);
}

static void
on_focus_send_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EmitraCitizenStep *self = EMITRA_CITIZEN_STEP (widget);

  gtk_widget_child_focus (GTK_WIDGET (self->otp_status_row), GTK_DIR_TAB_FORWARD);
}

static void
on_reset_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EmitraCitizenStep *self = EMITRA_CITIZEN_STEP (widget);

  clear_members (self);
  emitra_citizen_step_set_verified (self, FALSE, NULL);
  emitra_citizen_step_set_family_id (self, "");
  g_signal_emit (self, signals[RESET], 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->family_row));
}

static void
emitra_citizen_step_dispose (GObject *object)
{
  EmitraCitizenStep *self = EMITRA_CITIZEN_STEP (object);
  GtkWidget *child;

  g_clear_object (&self->family);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_CITIZEN_STEP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (emitra_citizen_step_parent_class)->dispose (object);
}

static void
emitra_citizen_step_finalize (GObject *object)
{
  EmitraCitizenStep *self = EMITRA_CITIZEN_STEP (object);

  g_clear_pointer (&self->member_id, g_free);

  G_OBJECT_CLASS (emitra_citizen_step_parent_class)->finalize (object);
}

static void
emitra_citizen_step_class_init (EmitraCitizenStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_citizen_step_dispose;
  object_class->finalize = emitra_citizen_step_finalize;

  /* The operator asked for the family of the ID typed (the argument). */
  signals[LOOKUP] = g_signal_new ("lookup", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SEND_OTP] = g_signal_new ("send-otp", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[VERIFY_OTP] = g_signal_new ("verify-otp", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The family ID was edited: the page keeps it in the draft. */
  signals[FAMILY_CHANGED] = g_signal_new ("family-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A verified member's record filled the form. */
  signals[MEMBER_APPLIED] = g_signal_new ("member-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, EMITRA_TYPE_FAMILY_MEMBER);
  /* The operator started over with another citizen. */
  signals[RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (EMITRA_TYPE_FORM_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-citizen-step.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, family_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, family_message_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, family_message_icon);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, family_spinner);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, family_message_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, members_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, members_list);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, otp_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, otp_status_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, otp_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, otp_message_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, otp_message_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, verified_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, verified_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraCitizenStep, form_view);
  gtk_widget_class_bind_template_callback (widget_class, on_family_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_family_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_otp_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "citizen.lookup", NULL, on_lookup_action_cb);
  gtk_widget_class_install_action (widget_class, "citizen.send-otp", NULL, on_send_otp_action_cb);
  gtk_widget_class_install_action (widget_class, "citizen.verify", NULL, on_verify_action_cb);
  gtk_widget_class_install_action (widget_class, "citizen.focus-send", NULL, on_focus_send_action_cb);
  gtk_widget_class_install_action (widget_class, "citizen.reset", NULL, on_reset_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
emitra_citizen_step_init (EmitraCitizenStep *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizen.send-otp", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizen.verify", FALSE);
}
