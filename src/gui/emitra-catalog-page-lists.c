/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog page's lists: the services and departments sorted once per
 * catalog, the list shown with no query (favourites, recently used, all),
 * the "nothing found" state with its departments, and the rows of the
 * result list.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "emitra-catalog-page-private.h"
#include "emitra-display.h"
#include "emitra-service-row.h"
#include "emitra-service-slot.h"

typedef struct
{
  char    *key;
  GObject *object;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Keyed *) a)->key, ((const Keyed *) b)->key);
}

/* Sorts @model's items by @name_of in the interface's language, with the
 * locale's collation, computing each key once. */
static GPtrArray *
sort_by_name (GListModel  *model,
              const char *(*name_of) (gpointer item, gboolean hindi),
              gboolean     hindi)
{
  guint n = g_list_model_get_n_items (model);
  g_autofree Keyed *keyed = g_new (Keyed, MAX (n, 1));
  GPtrArray *sorted = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      keyed[i].object = g_list_model_get_item (model, i);
      keyed[i].key = g_utf8_collate_key (name_of (keyed[i].object, hindi), -1);
    }
  qsort (keyed, n, sizeof (Keyed), compare_keyed);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (sorted, keyed[i].object);
      g_free (keyed[i].key);
    }

  return sorted;
}

static void
on_empty_department_clicked_cb (GtkButton         *button,
                                EmitraCatalogPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "department-id");

  g_free (self->department_id);
  self->department_id = g_strdup (id);
  emitra_department_sidebar_select (self->sidebar, id);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkWidget *
_emitra_catalog_page_create_department_button (gpointer item,
                                               gpointer user_data)
{
  EmitraCatalogPage *self = user_data;
  EmitraDepartment *department = item;
  GtkWidget *button = gtk_button_new_with_label (emitra_department_get_name (department, self->hindi));
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  emitra_display_set_tooltip (button, emitra_department_get_name (department, self->hindi));
  g_object_set_data_full (G_OBJECT (button), "department-id",
                          g_strdup (emitra_department_get_id (department)), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_empty_department_clicked_cb), self, 0);

  return button;
}

void
_emitra_catalog_page_forget_browse_list (EmitraCatalogPage *self)
{
  g_clear_pointer (&self->browse, g_ptr_array_unref);
  g_clear_pointer (&self->browse_starts, g_array_unref);
}

/* Everything that depends on the catalog itself: sorted lists, the
 * department browser and its counts. */
void
_emitra_catalog_page_rebuild (EmitraCatalogPage *self,
                              EmitraCatalog     *catalog)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) departments = NULL;

  g_set_object (&self->catalog, catalog);
  _emitra_catalog_page_forget_browse_list (self);
  g_clear_pointer (&self->all_sorted, g_ptr_array_unref);
  self->all_sorted = sort_by_name (emitra_catalog_get_services (catalog),
                                   (const char *(*) (gpointer, gboolean)) emitra_service_get_name, self->hindi);
  departments = sort_by_name (emitra_catalog_get_departments (catalog),
                              (const char *(*) (gpointer, gboolean)) emitra_department_get_name, self->hindi);
  g_list_store_splice (self->departments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->departments)),
                       departments->pdata, departments->len);

  for (guint i = 0; i < self->all_sorted->len; i++)
    {
      const char *id = emitra_service_get_department_id (self->all_sorted->pdata[i]);
      g_hash_table_insert (counts, (gpointer) id, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1));
    }

  /* A department the new catalog lacks is no longer browsed. */
  if (self->department_id != NULL && emitra_catalog_lookup_department (catalog, self->department_id) == NULL)
    g_clear_pointer (&self->department_id, g_free);

  emitra_department_sidebar_set_departments (self->sidebar, departments, counts, self->all_sorted->len, self->hindi);
  emitra_department_sidebar_select (self->sidebar, self->department_id);
}


static void
add_browse_section (EmitraCatalogPage    *self,
                    EmitraServiceSection  section,
                    GPtrArray            *services)
{
  EmitraServiceSectionStart start = { self->browse->len, section };

  if (services->len == 0)
    return;
  g_array_append_val (self->browse_starts, start);
  for (guint i = 0; i < services->len; i++)
    g_ptr_array_add (self->browse, g_object_ref (services->pdata[i]));
}

/* The list shown with no query: favourites, recently used, then all
 * services, under headings; or one department's services. The full list
 * is built once and shown again on every cleared query, which must cost
 * nothing even with 10,000 services. */
void
_emitra_catalog_page_show_browse_list (EmitraCatalogPage *self)
{
  if (self->department_id == NULL)
    {
      if (self->browse == NULL)
        {
          g_autoptr(GPtrArray) favourites = emitra_catalog_context_list_favourites (self->context);
          g_autoptr(GPtrArray) recent = emitra_catalog_context_list_recent (self->context, RECENT_SERVICES);

          self->browse = g_ptr_array_new_full (self->all_sorted->len + favourites->len + recent->len,
                                               g_object_unref);
          self->browse_starts = g_array_new (FALSE, FALSE, sizeof (EmitraServiceSectionStart));
          add_browse_section (self, EMITRA_SERVICE_SECTION_FAVOURITES, favourites);
          add_browse_section (self, EMITRA_SERVICE_SECTION_RECENT, recent);
          add_browse_section (self, EMITRA_SERVICE_SECTION_ALL, self->all_sorted);
        }
      emitra_service_list_set_sections (self->results, self->browse, self->browse_starts);
    }
  else
    {
      g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < self->all_sorted->len; i++)
        if (g_str_equal (emitra_service_get_department_id (self->all_sorted->pdata[i]), self->department_id))
          g_ptr_array_add (services, g_object_ref (self->all_sorted->pdata[i]));
      emitra_service_list_set (self->results, services);
    }
}

void
_emitra_catalog_page_show_nothing_found (EmitraCatalogPage *self,
                                         const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (g_strstrip (g_strdup (text)), -1);
  g_autofree char *description = NULL;
  EmitraDepartment *department = self->department_id != NULL
    ? emitra_catalog_lookup_department (self->catalog, self->department_id)
    : NULL;

  if (department != NULL)
    {
      g_autofree char *name = g_markup_escape_text (emitra_department_get_name (department, self->hindi), -1);

      /* Translators: the first %s is a department, the second what the operator typed. */
      description = g_strdup_printf (_("No service of %s matches “%s”. Check the spelling, try the name in Hindi or English, or look in another department:"),
                                     name, escaped);
    }
  else
    description = g_strdup_printf (_("No service matches “%s”. Check the spelling, try the name in Hindi or English, or browse a department:"),
                                   escaped);

  adw_status_page_set_description (self->empty_status, description);
  gtk_stack_set_visible_child_name (self->results_stack, "empty");
}

static void
bind_row (EmitraCatalogPage *self,
          EmitraServiceRow  *row,
          EmitraServiceSlot *slot)
{
  EmitraService *service = emitra_service_slot_get_service (slot);

  if (service == NULL)
    return;
  emitra_service_row_set_service (row, service, self->catalog, self->hindi, self->digits,
                                  emitra_catalog_context_is_favourite (self->context, emitra_service_get_id (service)),
                                  emitra_service_slot_get_section (slot));
}

static void
on_slot_changed_cb (EmitraServiceSlot *slot,
                    EmitraServiceRow  *row)
{
  bind_row (g_object_get_data (G_OBJECT (row), "emitra-catalog-page"), row, slot);
}

static void
on_row_clicked_cb (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   EmitraCatalogPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  EmitraService *service = emitra_service_row_get_service (EMITRA_SERVICE_ROW (row));

  if (n_press == 1 && service != NULL)
    _emitra_catalog_page_open_details (self, service);
}

/* One click opens a service. Not the list view's single-click-activate:
 * that also selects whatever row the pointer rests on, and a mouse left
 * over the list would take Enter's place from the best match. */
static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     EmitraCatalogPage        *self)
{
  GtkWidget *row = emitra_service_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_row_clicked_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  g_object_set_data (G_OBJECT (row), "emitra-catalog-page", self);
  gtk_list_item_set_child (item, row);
}

/* A row follows its slot: when another service takes the slot's place,
 * the row shows it, without a new row being built. */
static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    EmitraCatalogPage        *self)
{
  EmitraServiceSlot *slot = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  bind_row (self, EMITRA_SERVICE_ROW (row), slot);
  g_signal_connect_object (slot, "changed", G_CALLBACK (on_slot_changed_cb), row, 0);
}

/* A row no longer bound to an item must not pass for one: the list keeps
 * a few such widgets around. */
static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      EmitraCatalogPage        *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), row);
  emitra_service_row_set_service (EMITRA_SERVICE_ROW (row), NULL, NULL, FALSE,
                                  EMITRA_DIGITS_LATIN, FALSE, EMITRA_SERVICE_SECTION_NONE);
}

/* The result list's rows: built once each, refreshed in place. */
GtkListItemFactory *
_emitra_catalog_page_create_factory (EmitraCatalogPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self, 0);
  return factory;
}
