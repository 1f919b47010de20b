/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk in the desktop's own search: GNOME Shell's
 * org.gnome.Shell.SearchProvider2, answered from the same search index and
 * ranking as the catalog page. Activating a result opens the desk on that
 * service's details; "more results" opens the catalog with the terms.
 *
 * The shell may start the desk just to ask (D-Bus activation with
 * --gapplication-service); a question that arrives while the catalog is
 * still loading is answered as soon as it has loaded.
 */
#include "config.h"

#include "emitra-search-provider.h"

#include "emitra-shell-search-provider-generated.h"
#include "emitra-text.h"
#include "emitra-window.h"

struct _EmitraSearchProvider
{
  GObject                    parent_instance;

  GtkApplication            *application;  /* weak: the application owns us */
  EmitraCatalogContext      *context;
  EmitraShellSearchProvider2 *skeleton;
  GPtrArray                 *waiting;      /* Waiting: questions asked while loading */
};

G_DEFINE_FINAL_TYPE (EmitraSearchProvider, emitra_search_provider, G_TYPE_OBJECT)

typedef struct
{
  GDBusMethodInvocation *invocation;
  char                  *query;
} Waiting;

static void
waiting_free (gpointer data)
{
  Waiting *waiting = data;

  g_clear_object (&waiting->invocation);
  g_free (waiting->query);
  g_free (waiting);
}

static GVariant *
result_set (EmitraSearchProvider *self,
            const char           *query)
{
  EmitraSearch *search = emitra_catalog_store_get_search (emitra_catalog_context_get_store (self->context));
  g_autoptr(GPtrArray) results = search != NULL ? emitra_search_query (search, query, NULL, NULL) : NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  for (guint i = 0; results != NULL && i < MIN (results->len, EMITRA_SEARCH_PROVIDER_MAX_RESULTS); i++)
    g_variant_builder_add (&builder, "s", emitra_service_get_id (results->pdata[i]));

  return g_variant_new ("(as)", &builder);
}

static void
answer (EmitraSearchProvider  *self,
        GDBusMethodInvocation *invocation,
        const char            *query)
{
  g_dbus_method_invocation_return_value (invocation, result_set (self, query));
  g_application_release (G_APPLICATION (self->application));
}

static void
on_loading_changed_cb (EmitraCatalogContext *context,
                       GParamSpec           *pspec,
                       EmitraSearchProvider *self)
{
  g_autoptr(GPtrArray) waiting = NULL;

  if (emitra_catalog_context_get_loading (context))
    return;

  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (waiting_free);
  for (guint i = 0; i < waiting->len; i++)
    {
      Waiting *question = waiting->pdata[i];
      answer (self, question->invocation, question->query);
    }
}

/* Each question holds the application, so a desk started only to answer
 * stays up while the shell is searching and quits a while after. */
static void
ask (EmitraSearchProvider  *self,
     GDBusMethodInvocation *invocation,
     const char * const    *terms)
{
  g_autofree char *query = g_strjoinv (" ", (char **) terms);

  g_application_hold (G_APPLICATION (self->application));
  if (emitra_catalog_context_get_loading (self->context))
    {
      Waiting *waiting = g_new0 (Waiting, 1);

      waiting->invocation = g_object_ref (invocation);
      waiting->query = g_steal_pointer (&query);
      g_ptr_array_add (self->waiting, waiting);
      return;
    }

  answer (self, invocation, query);
}

static gboolean
handle_get_initial_result_set (EmitraShellSearchProvider2 *skeleton,
                               GDBusMethodInvocation      *invocation,
                               const char * const         *terms,
                               EmitraSearchProvider       *self)
{
  ask (self, invocation, terms);
  return TRUE;
}

/* The index is fast enough to search afresh rather than filter. */
static gboolean
handle_get_subsearch_result_set (EmitraShellSearchProvider2 *skeleton,
                                 GDBusMethodInvocation      *invocation,
                                 const char * const         *previous_results,
                                 const char * const         *terms,
                                 EmitraSearchProvider       *self)
{
  ask (self, invocation, terms);
  return TRUE;
}

static gboolean
handle_get_result_metas (EmitraShellSearchProvider2 *skeleton,
                         GDBusMethodInvocation      *invocation,
                         const char * const         *identifiers,
                         EmitraSearchProvider       *self)
{
  EmitraCatalog *catalog = emitra_catalog_context_get_catalog (self->context);
  gboolean hindi = emitra_text_prefers_hindi ();
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autofree char *icon_name = g_icon_to_string (icon);
  GVariantBuilder metas;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; identifiers[i] != NULL; i++)
    {
      EmitraService *service = catalog != NULL ? emitra_catalog_lookup_service (catalog, identifiers[i]) : NULL;
      EmitraDepartment *department;
      g_autofree char *description = NULL;
      GVariantBuilder meta;

      if (service == NULL)
        continue;

      department = emitra_catalog_lookup_department (catalog, emitra_service_get_department_id (service));
      description = g_strdup_printf ("%s · %s", emitra_service_get_name (service, !hindi),
                                     emitra_department_get_name (department, hindi));
      g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (identifiers[i]));
      g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (emitra_service_get_name (service, hindi)));
      g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&meta, "{sv}", "gicon", g_variant_new_string (icon_name));
      g_variant_builder_add_value (&metas, g_variant_builder_end (&meta));
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
  return TRUE;
}

static EmitraCatalogPage *
present_catalog (EmitraSearchProvider *self,
                 guint32               timestamp)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self->application));

  /* The main window, even when a dialog of it is the active one. */
  window = NULL;
  for (GList *l = gtk_application_get_windows (self->application); l != NULL && window == NULL; l = l->next)
    if (EMITRA_IS_WINDOW (l->data))
      window = l->data;
  if (window == NULL)
    return NULL;

  gtk_window_present_with_time (window, timestamp);
  emitra_window_set_visible_page (EMITRA_WINDOW (window), "catalog");
  return emitra_window_get_catalog_page (EMITRA_WINDOW (window));
}

static gboolean
handle_activate_result (EmitraShellSearchProvider2 *skeleton,
                        GDBusMethodInvocation      *invocation,
                        const char                 *identifier,
                        const char * const         *terms,
                        guint                       timestamp,
                        EmitraSearchProvider       *self)
{
  EmitraCatalogPage *page = present_catalog (self, timestamp);

  if (page != NULL && !emitra_catalog_page_show_service (page, identifier))
    {
      g_autofree char *query = g_strjoinv (" ", (char **) terms);
      emitra_catalog_page_search (page, query);
    }

  emitra_shell_search_provider2_complete_activate_result (skeleton, invocation);
  return TRUE;
}

static gboolean
handle_launch_search (EmitraShellSearchProvider2 *skeleton,
                      GDBusMethodInvocation      *invocation,
                      const char * const         *terms,
                      guint                       timestamp,
                      EmitraSearchProvider       *self)
{
  EmitraCatalogPage *page = present_catalog (self, timestamp);
  g_autofree char *query = g_strjoinv (" ", (char **) terms);

  if (page != NULL)
    emitra_catalog_page_search (page, query);

  emitra_shell_search_provider2_complete_launch_search (skeleton, invocation);
  return TRUE;
}

EmitraSearchProvider *
emitra_search_provider_new (GtkApplication       *application,
                            EmitraCatalogContext *context)
{
  EmitraSearchProvider *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (EMITRA_IS_CATALOG_CONTEXT (context), NULL);

  self = g_object_new (EMITRA_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::loading", G_CALLBACK (on_loading_changed_cb), self, 0);

  return self;
}

gboolean
emitra_search_provider_export (EmitraSearchProvider  *self,
                               GDBusConnection       *connection,
                               const char            *object_path,
                               GError               **error)
{
  g_return_val_if_fail (EMITRA_IS_SEARCH_PROVIDER (self), FALSE);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton), connection,
                                           object_path, error);
}

void
emitra_search_provider_unexport (EmitraSearchProvider *self)
{
  g_return_if_fail (EMITRA_IS_SEARCH_PROVIDER (self));

  g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
}

/* For tests, which call the handlers without a bus. */
GDBusInterfaceSkeleton *
emitra_search_provider_get_skeleton (EmitraSearchProvider *self)
{
  g_return_val_if_fail (EMITRA_IS_SEARCH_PROVIDER (self), NULL);

  return G_DBUS_INTERFACE_SKELETON (self->skeleton);
}

static void
emitra_search_provider_finalize (GObject *object)
{
  EmitraSearchProvider *self = EMITRA_SEARCH_PROVIDER (object);

  g_clear_object (&self->skeleton);
  g_clear_object (&self->context);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (emitra_search_provider_parent_class)->finalize (object);
}

static void
emitra_search_provider_class_init (EmitraSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = emitra_search_provider_finalize;
}

static void
emitra_search_provider_init (EmitraSearchProvider *self)
{
  self->waiting = g_ptr_array_new_with_free_func (waiting_free);
  self->skeleton = emitra_shell_search_provider2_skeleton_new ();

  g_signal_connect_object (self->skeleton, "handle-get-initial-result-set",
                           G_CALLBACK (handle_get_initial_result_set), self, 0);
  g_signal_connect_object (self->skeleton, "handle-get-subsearch-result-set",
                           G_CALLBACK (handle_get_subsearch_result_set), self, 0);
  g_signal_connect_object (self->skeleton, "handle-get-result-metas",
                           G_CALLBACK (handle_get_result_metas), self, 0);
  g_signal_connect_object (self->skeleton, "handle-activate-result",
                           G_CALLBACK (handle_activate_result), self, 0);
  g_signal_connect_object (self->skeleton, "handle-launch-search",
                           G_CALLBACK (handle_launch_search), self, 0);
}
