/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop search provider, called over a private D-Bus the way GNOME
 * Shell calls it, at the bus name and object path the installed .ini
 * names; its answers must be the catalog page's search, same ranking.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "emitra-application.h"
#include "emitra-catalog-page.h"
#include "emitra-service-details.h"
#include "emitra-text.h"
#include "emitra-window.h"
#include "ui-test-util.h"

#define IFACE "org.gnome.Shell.SearchProvider2"

static EmitraApplication *app;
static char *bus_name;
static char *object_path;

static void
spin_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  gboolean  done;
  GVariant *reply;
  GError   *error;
} Call;

static void
on_call_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Call *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  call->done = TRUE;
}

static gboolean
call_done (gpointer data)
{
  return ((Call *) data)->done;
}

/* A call as the shell makes it, to the name and path of the .ini; the
 * main loop runs meanwhile, since the desk answers on it. */
static GVariant *
call (const char *method,
      GVariant   *parameters)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));
  Call result = { FALSE, NULL, NULL };

  g_dbus_connection_call (connection, bus_name, object_path, IFACE, method, parameters, NULL,
                          G_DBUS_CALL_FLAGS_NONE, 10000, NULL, on_call_done_cb, &result);
  spin_until (call_done, &result, 15000);
  g_assert_no_error (result.error);
  g_assert_nonnull (result.reply);
  return result.reply;
}

static GVariant *
terms (const char *first, ...)
{
  GVariantBuilder builder;
  va_list args;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  va_start (args, first);
  for (const char *term = first; term != NULL; term = va_arg (args, const char *))
    g_variant_builder_add (&builder, "s", term);
  va_end (args);

  return g_variant_builder_end (&builder);
}

/* The installed .ini points at this very desk. */
static void
read_ini (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("EMITRA_BUILD_ROOT"), "data",
                                            APP_ID ".search-provider.ini", NULL);
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *desktop_id = NULL;

  g_key_file_load_from_file (ini, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  bus_name = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  g_assert_no_error (error);
  object_path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  g_assert_no_error (error);
  desktop_id = g_key_file_get_string (ini, "Shell Search Provider", "DesktopId", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_key_file_get_integer (ini, "Shell Search Provider", "Version", NULL), ==, 2);

  g_assert_cmpstr (bus_name, ==, APP_ID);
  g_assert_cmpstr (desktop_id, ==, APP_ID ".desktop");
}

/* Same engine, same ranking: the shell gets the page's first results. */
static void
test_provider_results (void)
{
  static const char *queries[] = { "jati", "जाति", "mool niwas", "bijli bill", "pension", "pensoin" };
  EmitraCatalogContext *context = emitra_application_get_catalog_context (app);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_auto(GStrv) words = g_strsplit (queries[q], " ", -1);
      GVariantBuilder builder;
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GPtrArray) expected = NULL;
      g_autofree const char **ids = NULL;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
      for (guint i = 0; words[i] != NULL; i++)
        g_variant_builder_add (&builder, "s", words[i]);

      reply = call ("GetInitialResultSet", g_variant_new ("(as)", &builder));
      g_variant_get (reply, "(^a&s)", &ids);
      expected = emitra_search_query (emitra_catalog_store_get_search (emitra_catalog_context_get_store (context)),
                                      queries[q], NULL, NULL);

      g_assert_cmpuint (g_strv_length ((char **) ids), >, 0);
      g_assert_cmpuint (g_strv_length ((char **) ids), ==, MIN (expected->len, 20));
      for (guint i = 0; ids[i] != NULL; i++)
        g_assert_cmpstr (ids[i], ==, emitra_service_get_id (expected->pdata[i]));
    }
}

static void
test_provider_subsearch_and_metas (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GVariant) meta = NULL;
  g_autofree const char **ids = NULL;
  const char *name = NULL, *description = NULL, *id = NULL;

  reply = call ("GetSubsearchResultSet", g_variant_new ("(@as@as)", terms ("jati", NULL), terms ("jati", "praman", NULL)));
  g_variant_get (reply, "(^a&s)", &ids);
  g_assert_true (g_str_has_prefix (ids[0], "caste-certificate"));

  metas = call ("GetResultMetas", g_variant_new ("(@as)", terms ("caste-certificate-sc-st", "no-such-service", NULL)));
  list = g_variant_get_child_value (metas, 0);
  g_assert_cmpuint (g_variant_n_children (list), ==, 1);
  meta = g_variant_get_child_value (list, 0);
  g_assert_true (g_variant_lookup (meta, "id", "&s", &id));
  g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
  g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
  g_assert_cmpstr (id, ==, "caste-certificate-sc-st");
  /* The name in the interface's language, the other beneath. */
  if (emitra_text_prefers_hindi ())
    g_assert_true (g_str_has_prefix (name, "जाति प्रमाण पत्र"));
  else
    g_assert_true (g_str_has_prefix (name, "Caste Certificate"));
  g_assert_nonnull (strstr (description, emitra_text_prefers_hindi () ? "Caste Certificate" : "जाति प्रमाण पत्र"));
}

static GtkWindow *
main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (EMITRA_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
details_of (gpointer id)
{
  GtkWindow *window = main_window ();
  EmitraCatalogPage *page;
  GtkWidget *stack;

  if (window == NULL)
    return FALSE;
  page = emitra_window_get_catalog_page (EMITRA_WINDOW (window));
  stack = adw_bin_get_child (ADW_BIN (page));
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "details") == 0 &&
         g_str_equal (emitra_service_get_id (emitra_service_details_get_service (
                        EMITRA_SERVICE_DETAILS (gtk_stack_get_visible_child (GTK_STACK (stack))))), id);
}

/* Choosing a result in the shell opens the desk on that service. */
static void
test_provider_activate (void)
{
  g_autoptr(GVariant) reply = call ("ActivateResult", g_variant_new ("(s@asu)", "domicile-certificate",
                                                                    terms ("mool", NULL), 0));
  GtkWindow *window;

  spin_until (details_of, "domicile-certificate", 5000);
  g_assert_true (details_of ("domicile-certificate"));

  g_clear_pointer (&reply, g_variant_unref);
  reply = call ("LaunchSearch", g_variant_new ("(@asu)", terms ("bijli", "bill", NULL), 0));
  window = main_window ();
  g_assert_cmpstr (emitra_window_get_visible_page (EMITRA_WINDOW (window)), ==, "catalog");
  {
    GListModel *results = emitra_catalog_page_get_results (emitra_window_get_catalog_page (EMITRA_WINDOW (window)));
    g_autoptr(EmitraService) first = g_list_model_get_item (results, 0);

    g_assert_true (g_str_has_prefix (emitra_service_get_id (first), "electricity-bill"));
  }

  for (GList *l; (l = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL;)
    gtk_window_destroy (l->data);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();

  setlocale (LC_ALL, "");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A bus of the test's own: the desk owns its name there as it does on
   * a real session bus. */
  {
    g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

    bus = g_test_dbus_new (G_TEST_DBUS_NONE);
    g_test_dbus_up (bus);
    /* GTestDBus unsets DISPLAY, which the window needs; the private bus
     * has no accessibility bus for GTK to find. */
    if (display != NULL)
      g_setenv ("DISPLAY", display, TRUE);
    g_setenv ("GTK_A11Y", "none", TRUE);
  }

  gtk_init ();
  adw_init ();
  read_ini ();

  app = emitra_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  g_test_add_func ("/ui/search-provider/results", test_provider_results);
  g_test_add_func ("/ui/search-provider/subsearch-and-metas", test_provider_subsearch_and_metas);
  g_test_add_func ("/ui/search-provider/activate", test_provider_activate);

  status = g_test_run ();
  g_clear_object (&app);
  /* Not g_test_dbus_down () nor an unref, which calls it: it waits for
   * the session connection to go, and a registered GApplication keeps it
   * until the process exits. */
  g_test_dbus_stop (bus);
  return status;
}
