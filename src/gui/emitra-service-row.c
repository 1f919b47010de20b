/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One service in the catalog's list: its name in the interface's language
 * with the other language beneath, the department, the fee and service
 * charge, and the guaranteed delivery time; and, above the first row of a
 * browsed section, the section's heading.
 */
#include "config.h"

#include "emitra-service-row.h"

#include <glib/gi18n.h>

#include "emitra-service-text.h"

struct _EmitraServiceRow
{
  GtkBox         parent_instance;

  EmitraService *service;

  /* Template widgets */
  GtkLabel      *section_label;
  GtkImage      *favourite_image;
  GtkLabel      *primary_label;
  GtkLabel      *secondary_label;
  GtkLabel      *department_label;
  GtkLabel      *fee_label;
  GtkLabel      *charge_label;
  GtkLabel      *delivery_label;
};

G_DEFINE_FINAL_TYPE (EmitraServiceRow, emitra_service_row, GTK_TYPE_BOX)

GtkWidget *
emitra_service_row_new (void)
{
  return g_object_new (EMITRA_TYPE_SERVICE_ROW, NULL);
}

static const char *
section_title (EmitraServiceSection section)
{
  switch (section)
    {
    case EMITRA_SERVICE_SECTION_FAVOURITES:
      return _("Favourites");
    case EMITRA_SERVICE_SECTION_RECENT:
      return _("Recently Used");
    case EMITRA_SERVICE_SECTION_ALL:
      return _("All Services");
    case EMITRA_SERVICE_SECTION_NONE:
    default:
      return NULL;
    }
}

/* Labels are only touched when their text changes: re-binding the rows on
 * screen after each keystroke must not re-lay-out what stayed the same. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text != NULL ? text : "") != 0)
    gtk_label_set_label (label, text != NULL ? text : "");
}

void
emitra_service_row_set_service (EmitraServiceRow     *self,
                                EmitraService        *service,
                                EmitraCatalog        *catalog,
                                gboolean              hindi,
                                EmitraDigits          digits,
                                gboolean              favourite,
                                EmitraServiceSection  section)
{
  EmitraDepartment *department;
  g_autofree char *fee = NULL;
  g_autofree char *charge = NULL;
  g_autofree char *delivery = NULL;
  const char *title;

  g_return_if_fail (EMITRA_IS_SERVICE_ROW (self));
  g_return_if_fail (service == NULL || EMITRA_IS_SERVICE (service));

  g_set_object (&self->service, service);
  if (service == NULL)
    return;

  title = section_title (section);
  set_label (self->section_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->section_label), title != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->favourite_image), favourite);

  set_label (self->primary_label, emitra_service_get_name (service, hindi));
  set_label (self->secondary_label, emitra_service_get_name (service, !hindi));

  department = catalog != NULL
    ? emitra_catalog_lookup_department (catalog, emitra_service_get_department_id (service))
    : NULL;
  set_label (self->department_label, department != NULL ? emitra_department_get_name (department, hindi) : NULL);

  fee = emitra_service_text_fee (service, digits);
  charge = emitra_service_text_charge (service, digits);
  delivery = emitra_service_text_delivery (service, digits);
  set_label (self->fee_label, fee);
  set_label (self->charge_label, charge);
  set_label (self->delivery_label, delivery);
}

EmitraService *
emitra_service_row_get_service (EmitraServiceRow *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE_ROW (self), NULL);

  return self->service;
}

static void
emitra_service_row_dispose (GObject *object)
{
  EmitraServiceRow *self = EMITRA_SERVICE_ROW (object);

  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_SERVICE_ROW);

  G_OBJECT_CLASS (emitra_service_row_parent_class)->dispose (object);
}

static void
emitra_service_row_class_init (EmitraServiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_service_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-service-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceRow, section_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceRow, favourite_image);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceRow, primary_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceRow, secondary_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceRow, department_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceRow, fee_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceRow, charge_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraServiceRow, delivery_label);
}

static void
emitra_service_row_init (EmitraServiceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
