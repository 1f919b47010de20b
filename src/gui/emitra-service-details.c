/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A service's details, opened from the catalog: what the citizen pays
 * (department fee, service charge, total), who may apply, when it is
 * delivered, the documents to bring, and "Start Application", which
 * activates win.start-application with the service's ID. Esc goes back.
 */
#include "config.h"

#include "emitra-service-details.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "emitra-money.h"
#include "emitra-service-text.h"

struct _EmitraServiceDetails
{
  GtkBox                parent_instance;

  EmitraCatalogContext *context;
  EmitraService        *service;
  gboolean              hindi;

  /* Template widgets */
  GtkButton            *favourite_button;
  GtkLabel             *breadcrumb_label;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *description_label;
  GtkLabel             *fee_value;
  GtkLabel             *charge_value;
  AdwActionRow         *total_row;
  GtkLabel             *total_value;
  AdwActionRow         *department_row;
  AdwActionRow         *category_row;
  GtkLabel             *age_value;
  GtkLabel             *delivery_value;
  GtkListBox           *documents_list;
  GtkButton            *start_button;
};

G_DEFINE_FINAL_TYPE (EmitraServiceDetails, emitra_service_details, GTK_TYPE_BOX)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
emitra_service_details_new (void)
{
  return g_object_new (EMITRA_TYPE_SERVICE_DETAILS, NULL);
}

void
emitra_service_details_set_context (EmitraServiceDetails *self,
                                    EmitraCatalogContext *context)
{
  g_return_if_fail (EMITRA_IS_SERVICE_DETAILS (self));

  g_set_object (&self->context, context);
}

static void
update_favourite (EmitraServiceDetails *self)
{
  gboolean favourite = self->context != NULL && self->service != NULL &&
                       emitra_catalog_context_is_favourite (self->context, emitra_service_get_id (self->service));

  gtk_button_set_icon_name (self->favourite_button, favourite ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->favourite_button),
                               favourite ? _("Remove from Favourites (Ctrl+D)") : _("Add to Favourites (Ctrl+D)"));
  /* A star alone says nothing to a screen reader: the button is named
   * after what it does now. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->favourite_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  favourite ? _("Remove from Favourites") : _("Add to Favourites"), -1);
}

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  EmitraServiceDetails *self = user_data;
  EmitraDocumentRequirement *document = item;
  gboolean required = emitra_document_requirement_get_required (document);
  gboolean original = emitra_document_requirement_get_original_seen (document);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status;
  const char *text;

  /* Names from the catalog are text, not markup ("Jan Aadhaar & ..."). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 emitra_document_requirement_get_name (document, self->hindi));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               emitra_document_requirement_get_name (document, !self->hindi));

  if (required)
    text = original ? _("Required · the original may be shown") : _("Required");
  else
    text = original ? _("Optional · the original may be shown") : _("Optional");
  status = gtk_label_new (text);
  gtk_widget_add_css_class (status, required ? "document-required" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);

  return row;
}

static void
set_money (GtkLabel     *label,
           gint64        paise,
           EmitraDigits  digits)
{
  g_autofree char *text = emitra_money_format (paise, digits);

  gtk_label_set_label (label, text);
}

/* Shows @service; @hindi says which language comes first. */
void
emitra_service_details_show (EmitraServiceDetails *self,
                             EmitraService        *service,
                             gboolean              hindi,
                             EmitraDigits          digits)
{
  EmitraCatalog *catalog;
  EmitraDepartment *department;
  EmitraCategory *category;
  g_autofree char *charge = NULL;
  g_autofree char *delivery = NULL;
  g_autofree char *ages = NULL;
  gint64 total;
  int min_age = -1, max_age = -1;

  g_return_if_fail (EMITRA_IS_SERVICE_DETAILS (self));
  g_return_if_fail (EMITRA_IS_SERVICE (service));

  g_set_object (&self->service, service);
  self->hindi = hindi;
  catalog = self->context != NULL ? emitra_catalog_context_get_catalog (self->context) : NULL;
  department = catalog != NULL ? emitra_catalog_lookup_department (catalog, emitra_service_get_department_id (service)) : NULL;
  category = catalog != NULL ? emitra_catalog_lookup_category (catalog, emitra_service_get_category_id (service)) : NULL;

  gtk_label_set_label (self->title_label, emitra_service_get_name (service, hindi));
  gtk_label_set_label (self->subtitle_label, emitra_service_get_name (service, !hindi));
  gtk_label_set_label (self->description_label, emitra_service_get_description (service, hindi));
  gtk_label_set_label (self->breadcrumb_label, category != NULL ? emitra_category_get_name (category, hindi) : "");

  if (emitra_service_get_bill (service))
    gtk_label_set_label (self->fee_value, _("The amount due on the bill"));
  else if (emitra_service_get_department_fee (service) == 0)
    gtk_label_set_label (self->fee_value, C_("department fee", "None"));
  else
    set_money (self->fee_value, emitra_service_get_department_fee (service), digits);
  charge = emitra_service_text_charge_rule (service, digits);
  gtk_label_set_label (self->charge_value, charge);
  /* Only the bill-collection rule is a sentence that needs wrapping; a
   * wrapping label would break "₹50.00" too. */
  gtk_label_set_wrap (self->charge_value, g_utf8_strlen (charge, -1) > 24);
  gtk_widget_set_visible (GTK_WIDGET (self->total_row), emitra_service_text_total (service, NULL, &total));
  if (gtk_widget_get_visible (GTK_WIDGET (self->total_row)))
    set_money (self->total_value, total, digits);

  adw_action_row_set_subtitle (self->department_row, department != NULL ? emitra_department_get_name (department, hindi) : "");
  adw_action_row_set_subtitle (self->category_row, category != NULL ? emitra_category_get_name (category, hindi) : "");
  emitra_service_get_age_limits (service, catalog != NULL ? emitra_catalog_get_field_groups (catalog) : NULL,
                                 &min_age, &max_age);
  ages = emitra_service_text_age_limits (min_age, max_age, digits);
  gtk_label_set_label (self->age_value, ages != NULL ? ages : _("No age limit"));

  delivery = emitra_service_text_delivery (service, digits);
  if (delivery == NULL)
    delivery = g_strdup (emitra_service_get_bill (service) ? _("Paid at once") : _("No guaranteed time"));
  gtk_label_set_label (self->delivery_value, delivery);

  gtk_list_box_bind_model (self->documents_list, emitra_service_get_documents (service),
                           create_document_row, self, NULL);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->start_button),
                                          g_variant_new_string (emitra_service_get_id (service)));
  update_favourite (self);
}

EmitraService *
emitra_service_details_get_service (EmitraServiceDetails *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE_DETAILS (self), NULL);

  return self->service;
}

/* Puts the keyboard on "Start Application", so Enter starts it; on the
 * back button while that action is not available. */
void
emitra_service_details_focus (EmitraServiceDetails *self)
{
  g_return_if_fail (EMITRA_IS_SERVICE_DETAILS (self));

  if (!gtk_widget_grab_focus (GTK_WIDGET (self->start_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->favourite_button));
}

static void
on_start_button_clicked_cb (GtkButton            *button,
                            EmitraServiceDetails *self)
{
  if (self->context != NULL && self->service != NULL)
    emitra_catalog_context_note_use (self->context, emitra_service_get_id (self->service));
}

static void
on_back_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
on_toggle_favourite_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  EmitraServiceDetails *self = EMITRA_SERVICE_DETAILS (widget);
  const char *id;

  if (self->context == NULL || self->service == NULL)
    return;

  id = emitra_service_get_id (self->service);
  emitra_catalog_context_set_favourite (self->context, id, !emitra_catalog_context_is_favourite (self->context, id));
  update_favourite (self);
}

static void
emitra_service_details_dispose (GObject *object)
{
  EmitraServiceDetails *self = EMITRA_SERVICE_DETAILS (object);

  g_clear_object (&self->context);
  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_SERVICE_DETAILS);

  G_OBJECT_CLASS (emitra_service_details_parent_class)->dispose (object);
}

static void
emitra_service_details_class_init (EmitraServiceDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_service_details_dispose;

  /* The operator asked to go back to the list. */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-service-details.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, favourite_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, breadcrumb_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, description_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, fee_value);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, charge_value);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, total_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, total_value);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, department_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, category_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, age_value);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, delivery_value);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, documents_list);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceDetails, start_button);
  gtk_widget_class_bind_template_callback (widget_class, on_start_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "details.back", NULL, on_back_action_cb);
  gtk_widget_class_install_action (widget_class, "details.toggle-favourite", NULL, on_toggle_favourite_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "details.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "details.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "details.toggle-favourite", NULL);
}

static void
emitra_service_details_init (EmitraServiceDetails *self)
{
  g_autoptr(GtkWidget) placeholder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = g_object_ref_sink (gtk_label_new (_("No documents needed")));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->documents_list, placeholder);
}
