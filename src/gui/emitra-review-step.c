/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Review step: the whole application on one page, to be read back to
 * the citizen before anything is submitted or charged. Each part links
 * back to the step where it is changed.
 *
 * The citizen may not read the operator's language, so the page reads in
 * English or Hindi at the press of a button, whatever the interface
 * language: labels, choices, districts and document names come in both
 * languages from the catalog; the few headings of this page are kept in
 * both languages here (gettext can give only the interface's language).
 * The Aadhaar number is always shown masked: it is read aloud.
 */
#include "config.h"

#include "emitra-review-step.h"

#include <glib/gi18n.h>

#include "emitra-flow-private.h"
#include "emitra-display.h"
#include "emitra-money.h"
#include "emitra-text.h"
#include "emitra-validate.h"

typedef struct
{
  const char *en;
  const char *hi;
} Bilingual;

/* The headings of this page in both languages (see the comment above). */
static const Bilingual heading_citizen = { "Citizen", "नागरिक" };
static const Bilingual heading_details = { "Application details", "आवेदन का विवरण" };
static const Bilingual heading_documents = { "Documents", "दस्तावेज़" };
static const Bilingual heading_fee = { "Fee", "शुल्क" };
static const Bilingual label_service = { "Service", "सेवा" };
static const Bilingual label_department_fee = { "Department fee", "विभागीय शुल्क" };
static const Bilingual label_service_charge = { "e-Mitra service charge", "ई-मित्र सेवा शुल्क" };
static const Bilingual label_total = { "Total", "कुल" };
static const Bilingual label_cash = { "Cash received", "प्राप्त नकद" };
static const Bilingual label_change = { "Change to return", "लौटाई जाने वाली राशि" };
static const Bilingual value_scan = { "Scan attached", "स्कैन संलग्न" };
static const Bilingual value_seen = { "Original seen", "मूल दस्तावेज़ देखा गया" };
static const Bilingual value_missing = { "Not provided", "नहीं दिया गया" };
static const Bilingual value_empty = { "Not filled", "नहीं भरा गया" };

typedef struct
{
  char *label;
  char *value;
} ReviewItem;

struct _EmitraReviewStep
{
  GtkWidget         parent_instance;

  EmitraService    *service;
  EmitraFormSchema *schema;
  EmitraCatalog    *catalog;
  EmitraDraft      *draft;
  gboolean          has_citizen_step;
  EmitraFee         fee;
  gint64            cash_received;
  gint64            change;
  gboolean          hindi;

  GString          *text;   /* what is shown, for tests and copying */

  /* Template widgets */
  GtkToggleButton  *english_button;
  GtkToggleButton  *hindi_button;
  GtkBox           *sections_box;
};

G_DEFINE_FINAL_TYPE (EmitraReviewStep, emitra_review_step, GTK_TYPE_WIDGET)

static const char *
pick (EmitraReviewStep *self,
      const Bilingual  *text)
{
  return self->hindi ? text->hi : text->en;
}

static const char *
pick2 (EmitraReviewStep *self,
       const char       *en,
       const char       *hi)
{
  if (self->hindi)
    return hi != NULL && hi[0] != '\0' ? hi : en;
  return en != NULL && en[0] != '\0' ? en : hi;
}

static AdwPreferencesGroup *
add_section (EmitraReviewStep *self,
             const char       *title,
             const char       *step)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (step != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Change"));
      /* Translators: the accessible name of a button; %s is a part of the
       * application, such as “Citizen”. */
      g_autofree char *name = g_strdup_printf (_("Change %s"), title);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "flow.goto-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", step);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      adw_preferences_group_set_header_suffix (group, button);
    }
  gtk_box_append (self->sections_box, GTK_WIDGET (group));
  g_string_append_printf (self->text, "%s\n", title);
  return group;
}

static void
add_item (EmitraReviewStep    *self,
          AdwPreferencesGroup *group,
          const char          *label,
          const char          *value)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label_label = gtk_label_new (label);
  GtkWidget *value_label = gtk_label_new (value);
  g_autofree char *spoken = g_strdup_printf ("%s: %s", label, value);

  /* The label on the left, dim; the value on the right, as it will be
   * read out; both wrap rather than cut a long address or name short. */
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_label_set_wrap (GTK_LABEL (label_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label_label), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (label_label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (label_label), 30);
  gtk_widget_add_css_class (label_label, "dim-label");
  gtk_widget_set_valign (label_label, GTK_ALIGN_BASELINE);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1.0);
  gtk_label_set_justify (GTK_LABEL (value_label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_set_valign (value_label, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (value_label, "review-value");
  gtk_box_append (GTK_BOX (box), label_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  /* A screen reader hears "label: value" as one line. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  adw_preferences_group_add (group, row);
  g_string_append_printf (self->text, "%s\n", spoken);
}

static char *
format_money (gint64 paise)
{
  return emitra_display_money (paise);
}

static char *
dup_field_value (EmitraReviewStep *self,
                 EmitraFormField  *field,
                 const char       *text)
{
  const EmitraFieldOption *option;

  if (text == NULL || text[0] == '\0')
    return g_strdup (pick (self, &value_empty));

  switch (emitra_form_field_get_field_type (field))
    {
    case EMITRA_FIELD_TYPE_CHOICE:
      option = emitra_form_field_find_option (field, text);
      return g_strdup (option != NULL ? pick2 (self, option->label_en, option->label_hi) : text);
    case EMITRA_FIELD_TYPE_DISTRICT:
      {
        EmitraDistrict *district = self->catalog != NULL ? emitra_catalog_lookup_district (self->catalog, text) : NULL;
        return g_strdup (district != NULL ? emitra_district_get_name (district, self->hindi) : text);
      }
    case EMITRA_FIELD_TYPE_AADHAAR:
      return emitra_aadhaar_is_masked (text) ? g_strdup (text) : emitra_aadhaar_mask (text);
    case EMITRA_FIELD_TYPE_MONEY:
      {
        g_autofree char *normalised = NULL;
        gint64 paise;

        if (emitra_form_schema_validate_field (self->schema, emitra_form_field_get_id (field), text,
                                               NULL, &normalised, NULL) != EMITRA_VALIDITY_INVALID &&
            normalised != NULL && g_ascii_string_to_signed (normalised, 10, 0, G_MAXINT64, &paise, NULL))
          return format_money (paise);
        return g_strdup (text);
      }
    default:
      return g_strdup (text);
    }
}

static void
render_fields (EmitraReviewStep *self,
               gboolean          citizen_part)
{
  GListModel *fields = emitra_form_schema_get_fields (self->schema);
  AdwPreferencesGroup *group = NULL;
  guint n = g_list_model_get_n_items (fields);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraFormField) field = g_list_model_get_item (fields, i);
      gboolean in_citizen = self->has_citizen_step && emitra_flow_field_in_citizen_step (field);
      g_autofree char *value = NULL;

      if (in_citizen != citizen_part || emitra_form_field_get_field_type (field) == EMITRA_FIELD_TYPE_DOCUMENT)
        continue;

      if (group == NULL)
        {
          group = citizen_part ? add_section (self, pick (self, &heading_citizen), EMITRA_FLOW_STEP_CITIZEN)
                               : add_section (self, pick (self, &heading_details), EMITRA_FLOW_STEP_DETAILS);
          if (!citizen_part)
            add_item (self, group, pick (self, &label_service),
                      emitra_service_get_name (self->service, self->hindi));
        }

      value = dup_field_value (self, field, emitra_draft_get_value (self->draft, emitra_form_field_get_id (field)));
      add_item (self, group,
                pick2 (self, emitra_form_field_get_label_en (field), emitra_form_field_get_label_hi (field)),
                value);
    }
}

static void
render_documents (EmitraReviewStep *self)
{
  GListModel *documents = emitra_service_get_documents (self->service);
  guint n = g_list_model_get_n_items (documents);
  AdwPreferencesGroup *group;

  if (n == 0)
    return;

  group = add_section (self, pick (self, &heading_documents), EMITRA_FLOW_STEP_DOCUMENTS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraDocumentRequirement) requirement = g_list_model_get_item (documents, i);
      const char *path = NULL;
      gboolean seen = FALSE;
      const Bilingual *state = &value_missing;

      if (emitra_draft_get_document (self->draft, emitra_document_requirement_get_id (requirement), &path, &seen))
        state = path != NULL && path[0] != '\0' ? &value_scan : seen ? &value_seen : &value_missing;
      if (state == &value_missing && !emitra_document_requirement_get_required (requirement))
        continue;
      add_item (self, group, emitra_document_requirement_get_name (requirement, self->hindi), pick (self, state));
    }
}

static void
render_fee (EmitraReviewStep *self)
{
  AdwPreferencesGroup *group = add_section (self, pick (self, &heading_fee), EMITRA_FLOW_STEP_FEE);
  g_autofree char *department_fee = format_money (self->fee.department_fee);
  g_autofree char *service_charge = format_money (self->fee.service_charge);
  g_autofree char *total = format_money (self->fee.total);
  g_autofree char *cash = format_money (self->cash_received);
  g_autofree char *change = format_money (self->change);

  add_item (self, group, pick (self, &label_department_fee), department_fee);
  add_item (self, group, pick (self, &label_service_charge), service_charge);
  add_item (self, group, pick (self, &label_total), total);
  add_item (self, group, pick (self, &label_cash), cash);
  add_item (self, group, pick (self, &label_change), change);
}

static void
render (EmitraReviewStep *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  g_string_truncate (self->text, 0);

  if (self->service == NULL || self->schema == NULL || self->draft == NULL)
    return;

  if (self->has_citizen_step)
    render_fields (self, TRUE);
  render_fields (self, FALSE);
  render_documents (self);
  render_fee (self);
}

void
emitra_review_step_show (EmitraReviewStep *self,
                         EmitraService    *service,
                         EmitraFormSchema *schema,
                         EmitraCatalog    *catalog,
                         EmitraDraft      *draft,
                         gboolean          has_citizen_step,
                         const EmitraFee  *fee,
                         gint64            cash_received,
                         gint64            change)
{
  g_return_if_fail (EMITRA_IS_REVIEW_STEP (self));
  g_return_if_fail (fee != NULL);

  g_set_object (&self->service, service);
  g_set_object (&self->schema, schema);
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->draft, draft);
  self->has_citizen_step = has_citizen_step;
  self->fee = *fee;
  self->cash_received = cash_received;
  self->change = change;
  render (self);
}

void
emitra_review_step_set_hindi (EmitraReviewStep *self,
                              gboolean          hindi)
{
  g_return_if_fail (EMITRA_IS_REVIEW_STEP (self));

  gtk_toggle_button_set_active (hindi ? self->hindi_button : self->english_button, TRUE);
}

gboolean
emitra_review_step_get_hindi (EmitraReviewStep *self)
{
  g_return_val_if_fail (EMITRA_IS_REVIEW_STEP (self), FALSE);
  return self->hindi;
}

/* The page as plain text, "label: value" a line. */
char *
emitra_review_step_dup_text (EmitraReviewStep *self)
{
  g_return_val_if_fail (EMITRA_IS_REVIEW_STEP (self), NULL);
  return g_strdup (self->text->str);
}

static void
on_language_toggled_cb (GtkToggleButton  *button,
                        EmitraReviewStep *self)
{
  gboolean hindi = gtk_toggle_button_get_active (self->hindi_button);

  if (!gtk_toggle_button_get_active (button) || hindi == self->hindi)
    return;
  self->hindi = hindi;
  render (self);
}

static void
emitra_review_step_dispose (GObject *object)
{
  EmitraReviewStep *self = EMITRA_REVIEW_STEP (object);
  GtkWidget *child;

  g_clear_object (&self->service);
  g_clear_object (&self->schema);
  g_clear_object (&self->catalog);
  g_clear_object (&self->draft);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_REVIEW_STEP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (emitra_review_step_parent_class)->dispose (object);
}

static void
emitra_review_step_finalize (GObject *object)
{
  EmitraReviewStep *self = EMITRA_REVIEW_STEP (object);

  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (emitra_review_step_parent_class)->finalize (object);
}

static void
emitra_review_step_class_init (EmitraReviewStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_review_step_dispose;
  object_class->finalize = emitra_review_step_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-review-step.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraReviewStep, english_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraReviewStep, hindi_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraReviewStep, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, on_language_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
emitra_review_step_init (EmitraReviewStep *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->text = g_string_new (NULL);

  /* Start in the interface's language; the operator switches for the citizen. */
  self->hindi = emitra_text_prefers_hindi ();
  gtk_toggle_button_set_active (self->hindi ? self->hindi_button : self->english_button, TRUE);
}
