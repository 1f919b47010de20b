/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first screen an operator sees: a search entry with the keyboard in
 * it, results that follow every keystroke, departments to browse, and
 * favourites and recently used services at the top. Enter or a click
 * opens a service's details; Esc comes back.
 *
 * Search runs synchronously on each keystroke, with no delay: the index
 * answers in well under a millisecond, and the list is a GtkListView, so
 * however many services match, only the rows on screen are bound.
 */
#include "config.h"

#include "emitra-catalog-page.h"
#include "emitra-catalog-page-private.h"

#include <glib/gi18n.h>

#include "emitra-application.h"
#include "emitra-display.h"
#include "emitra-first-frame.h"
#include "emitra-service-row.h"
#include "emitra-text.h"

G_DEFINE_FINAL_TYPE (EmitraCatalogPage, emitra_catalog_page, ADW_TYPE_BIN)

static gboolean
has_words (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)) || emitra_text_is_devanagari (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Finding a font for Devanagari in the search entry's size takes tens of
 * milliseconds the first time: done once the catalog is on screen, not on
 * the operator's first Hindi keystroke. */
static gboolean
warm_up_fonts_cb (gpointer user_data)
{
  EmitraCatalogPage *self = user_data;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->search_entry),
                                                                  "जाति प्रमाण पत्र पेंशन ₹");
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return G_SOURCE_REMOVE;
}

/* Runs on every keystroke: the query, or the browsed list when there is
 * none, into the list view's model in one change. */
static void
update_results (EmitraCatalogPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = has_words (text);
  g_autofree char *count = NULL;
  guint n;

  if (self->catalog == NULL)
    return;

  /* The first result is highlighted while searching, as the one Enter
   * opens; a browsed list under headings starts with nothing chosen. */
  gtk_single_selection_set_autoselect (self->selection, searching);
  gtk_single_selection_set_can_unselect (self->selection, !searching);
  if (searching)
    {
      EmitraSearch *search = emitra_catalog_store_get_search (emitra_catalog_context_get_store (self->context));
      g_autoptr(GPtrArray) found = emitra_search_query (search, text, self->department_id, NULL);

      emitra_service_list_set (self->results, found);
      /* The selection would follow its old item into the new results;
       * Enter must open the best match, which is the first. */
      gtk_single_selection_set_selected (self->selection, 0);
    }
  else
    {
      _emitra_catalog_page_show_browse_list (self);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", n), n);
  {
    g_autofree char *shown = emitra_text_to_digits (count, self->digits);

    gtk_label_set_label (self->count_label, shown);
  }

  if (n == 0 && searching)
    _emitra_catalog_page_show_nothing_found (self, text);
  else
    {
      gtk_stack_set_visible_child_name (self->results_stack, "list");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->results_scroller), 0);
    }

  if (!self->first_frame_reported && n > 0)
    {
      self->first_frame_reported = TRUE;
      emitra_first_frame_report (GTK_WIDGET (self));
      g_idle_add_full (G_PRIORITY_LOW, warm_up_fonts_cb, g_object_ref (self), g_object_unref);
    }
}

static void
refresh (EmitraCatalogPage *self)
{
  EmitraCatalog *catalog;

  if (self->context == NULL || emitra_catalog_context_get_loading (self->context))
    {
      gtk_stack_set_visible_child_name (self->results_stack, "loading");
      return;
    }

  catalog = emitra_catalog_context_get_catalog (self->context);
  if (catalog == NULL)
    {
      const GError *error = emitra_catalog_context_get_error (self->context);

      adw_status_page_set_description (self->error_status, error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->results_stack, "error");
      return;
    }

  if (catalog != self->catalog)
    _emitra_catalog_page_rebuild (self, catalog);
  update_results (self);
}

static void
on_context_changed_cb (EmitraCatalogPage *self)
{
  refresh (self);
}

static gboolean
refresh_usage_cb (gpointer user_data)
{
  EmitraCatalogPage *self = user_data;

  self->usage_refresh = 0;
  _emitra_catalog_page_forget_browse_list (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "browse") == 0)
    {
      update_results (self);
      emitra_service_slots_refresh (self->slots);
    }

  return G_SOURCE_REMOVE;
}

/* Stars and ranks changed. Shown after the frames that are due (the
 * figures arrive from desk.db while the window first draws); the list
 * behind the details catches up when the operator comes back to it. */
static void
on_usage_changed_cb (EmitraCatalogContext *context,
                     EmitraCatalogPage    *self)
{
  if (self->usage_refresh == 0)
    self->usage_refresh = g_idle_add_full (G_PRIORITY_LOW, refresh_usage_cb, self, NULL);
}

void
emitra_catalog_page_set_context (EmitraCatalogPage    *self,
                                 EmitraCatalogContext *context)
{
  g_return_if_fail (EMITRA_IS_CATALOG_PAGE (self));
  g_return_if_fail (context == NULL || EMITRA_IS_CATALOG_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->context, self);
      g_signal_handlers_disconnect_by_data (emitra_catalog_context_get_store (self->context), self);
    }
  g_set_object (&self->context, context);
  emitra_service_details_set_context (self->details, context);

  if (context != NULL)
    {
      g_signal_connect_object (context, "notify::loading", G_CALLBACK (on_context_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "usage-changed", G_CALLBACK (on_usage_changed_cb), self, 0);
      g_signal_connect_object (emitra_catalog_context_get_store (context), "notify::catalog",
                               G_CALLBACK (on_context_changed_cb), self, G_CONNECT_SWAPPED);
    }
  refresh (self);
}

void
_emitra_catalog_page_open_details (EmitraCatalogPage *self,
                                   EmitraService     *service)
{
  emitra_service_details_show (self->details, service, self->hindi, self->digits);
  gtk_stack_set_visible_child_name (self->stack, "details");
  emitra_service_details_focus (self->details);
}

static void
open_position (EmitraCatalogPage *self,
               guint              position)
{
  g_autoptr(EmitraService) service = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (service != NULL)
    _emitra_catalog_page_open_details (self, service);
}

static void
on_result_list_activate_cb (GtkListView       *list,
                            guint              position,
                            EmitraCatalogPage *self)
{
  open_position (self, position);
}

static void
on_search_entry_changed_cb (GtkSearchEntry    *entry,
                            EmitraCatalogPage *self)
{
  update_results (self);
}

/* Enter in the search entry opens the first result (or the one selected). */
static void
on_search_entry_activate_cb (GtkSearchEntry    *entry,
                             EmitraCatalogPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  open_position (self, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

/* Moves the keyboard into the list, onto the selected result (or the
 * first). GtkListView 4.8 has no call to focus an item, so the item's
 * widget is found among the rows on screen. */
static void
focus_results (EmitraCatalogPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(EmitraService) service = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  service = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  if (service == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->result_list), "list.scroll-to-item", "u", position);
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->result_list));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (EMITRA_IS_SERVICE_ROW (row) && emitra_service_row_get_service (EMITRA_SERVICE_ROW (row)) == service &&
          gtk_widget_grab_focus (item))
        {
          gtk_single_selection_set_selected (self->selection, position);
          return;
        }
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->result_list));
}

static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          EmitraCatalogPage     *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down || keyval == GDK_KEY_Page_Down) &&
      (state & GDK_MODIFIER_MASK) == 0)
    {
      focus_results (self);
      return TRUE;
    }

  return FALSE;
}

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        EmitraCatalogPage     *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      emitra_catalog_page_focus_search (self);
      return TRUE;
    }

  return FALSE;
}

static void
on_sidebar_department_selected_cb (EmitraDepartmentSidebar *sidebar,
                                   const char              *id,
                                   EmitraCatalogPage       *self)
{
  if (g_strcmp0 (id, self->department_id) == 0)
    return;

  g_free (self->department_id);
  self->department_id = g_strdup (id);
  update_results (self);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_details_back_cb (EmitraServiceDetails *details,
                    EmitraCatalogPage    *self)
{
  EmitraService *service = emitra_service_details_get_service (details);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  gtk_stack_set_visible_child_name (self->stack, "browse");
  update_results (self);

  /* Back where the operator left: on the service just seen. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraService) item = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      if (item == service)
        {
          gtk_single_selection_set_selected (self->selection, i);
          focus_results (self);
          return;
        }
    }
  emitra_catalog_page_focus_search (self);
}

static void
on_toggle_departments_action_cb (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  EmitraCatalogPage *self = EMITRA_CATALOG_PAGE (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->flap);

  adw_flap_set_reveal_flap (self->flap, reveal);
  if (reveal)
    emitra_department_sidebar_focus (self->sidebar);
  else
    emitra_catalog_page_focus_search (self);
}

/* Back to the list with the keyboard in the search entry, its text
 * selected so the next word typed replaces it. */
void
emitra_catalog_page_focus_search (EmitraCatalogPage *self)
{
  g_return_if_fail (EMITRA_IS_CATALOG_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "browse");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Searches for @text as if typed (the desktop's search hands it over). */
void
emitra_catalog_page_search (EmitraCatalogPage *self,
                            const char        *text)
{
  g_return_if_fail (EMITRA_IS_CATALOG_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "browse");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

/* Opens a service's details; FALSE when the catalog has no such service. */
gboolean
emitra_catalog_page_show_service (EmitraCatalogPage *self,
                                  const char        *service_id)
{
  EmitraCatalog *catalog;
  EmitraService *service;

  g_return_val_if_fail (EMITRA_IS_CATALOG_PAGE (self), FALSE);
  g_return_val_if_fail (service_id != NULL, FALSE);

  catalog = self->context != NULL ? emitra_catalog_context_get_catalog (self->context) : NULL;
  service = catalog != NULL ? emitra_catalog_lookup_service (catalog, service_id) : NULL;
  if (service == NULL)
    return FALSE;

  _emitra_catalog_page_open_details (self, service);
  return TRUE;
}

/* The services listed now (EmitraService), in order. */
GListModel *
emitra_catalog_page_get_results (EmitraCatalogPage *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_PAGE (self), NULL);

  return G_LIST_MODEL (self->results);
}

const char *
emitra_catalog_page_get_search_text (EmitraCatalogPage *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/* The service whose details are on screen; NULL on the list. */
const char *
emitra_catalog_page_get_shown_service_id (EmitraCatalogPage *self)
{
  EmitraService *service;

  g_return_val_if_fail (EMITRA_IS_CATALOG_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") != 0)
    return NULL;
  service = emitra_service_details_get_service (self->details);
  return service != NULL ? emitra_service_get_id (service) : NULL;
}

static void
on_digits_changed_cb (GSettings         *settings,
                      const char        *key,
                      EmitraCatalogPage *self)
{
  self->digits = emitra_display_get_digits ();
  emitra_service_slots_refresh (self->slots);
}

static void
on_map_cb (GtkWidget *widget,
           gpointer   user_data)
{
  EmitraCatalogPage *self = EMITRA_CATALOG_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "browse") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The window is given its application after it is built, so the page
 * finds the application's catalog when it is first realized. */
static void
emitra_catalog_page_realize (GtkWidget *widget)
{
  EmitraCatalogPage *self = EMITRA_CATALOG_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (emitra_catalog_page_parent_class)->realize (widget);

  root = gtk_widget_get_root (widget);
  if (self->context == NULL && GTK_IS_WINDOW (root) &&
      EMITRA_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (root))))
    emitra_catalog_page_set_context (self, emitra_application_get_catalog_context (
                                             EMITRA_APPLICATION (gtk_window_get_application (GTK_WINDOW (root)))));
}

static void
emitra_catalog_page_dispose (GObject *object)
{
  EmitraCatalogPage *self = EMITRA_CATALOG_PAGE (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (emitra_catalog_context_get_store (self->context), self);
  g_clear_handle_id (&self->usage_refresh, g_source_remove);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_CATALOG_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->slots);
  g_clear_object (&self->results);
  g_clear_object (&self->catalog);
  g_clear_object (&self->departments);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->all_sorted, g_ptr_array_unref);
  _emitra_catalog_page_forget_browse_list (self);
  g_clear_pointer (&self->department_id, g_free);

  G_OBJECT_CLASS (emitra_catalog_page_parent_class)->dispose (object);
}

static void
emitra_catalog_page_class_init (EmitraCatalogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_catalog_page_dispose;
  widget_class->realize = emitra_catalog_page_realize;

  g_type_ensure (EMITRA_TYPE_DEPARTMENT_SIDEBAR);
  g_type_ensure (EMITRA_TYPE_SERVICE_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-catalog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, browse_box);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, flap);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, result_list);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, empty_departments);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, EmitraCatalogPage, details);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_department_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_details_back_cb);

  gtk_widget_class_install_action (widget_class, "catalog.toggle-departments", NULL, on_toggle_departments_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "catalog.toggle-departments", NULL);
}

static void
emitra_catalog_page_init (EmitraCatalogPage *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's top widget is the bin's child, released by AdwBin:
   * bound as a template child, it would be released twice. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->hindi = emitra_text_prefers_hindi ();
  self->settings = g_settings_new ("in.emitra.Desk");
  self->digits = emitra_display_get_digits ();
  g_signal_connect_object (self->settings, "changed::devanagari-digits", G_CALLBACK (on_digits_changed_cb), self, 0);

  self->results = emitra_service_list_new ();
  self->slots = emitra_service_slots_new (self->results);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  self->departments = g_list_store_new (EMITRA_TYPE_DEPARTMENT);

  factory = _emitra_catalog_page_create_factory (self);
  gtk_list_view_set_factory (self->result_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->result_list, GTK_SELECTION_MODEL (self->selection));

  gtk_flow_box_bind_model (self->empty_departments, G_LIST_MODEL (self->departments),
                           _emitra_catalog_page_create_department_button, self, NULL);

  /* Typing anywhere in the list goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->browse_box));

  /* Before the entry's text sees Down, which would move the focus by
   * position rather than onto the result Enter would open. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->result_list), controller);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}
