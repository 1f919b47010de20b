/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog page driven as an operator drives it: real key presses,
 * sent to the X server by xdotool, into the desk's window under Xvfb.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "emitra-application.h"
#include "emitra-catalog-page.h"
#include "emitra-screenshot.h"
#include "emitra-service-details.h"
#include "emitra-service-row.h"
#include "emitra-window.h"
#include "ui-test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static EmitraApplication *app;

static void
spin_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
widget_has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The place in the results of the row that has the keyboard focus, or -1. */
static int
focused_result (EmitraCatalogPage *page)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (page)));
  GListModel *results = emitra_catalog_page_get_results (page);

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      GtkWidget *row = gtk_widget_get_first_child (focus);

      if (row != NULL && EMITRA_IS_SERVICE_ROW (row))
        {
          EmitraService *service = emitra_service_row_get_service (EMITRA_SERVICE_ROW (row));

          for (guint i = 0; i < g_list_model_get_n_items (results); i++)
            {
              g_autoptr(EmitraService) item = g_list_model_get_item (results, i);

              if (item == service)
                return (int) i;
            }
          return -1;
        }
    }
  return -1;
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
results_loaded (gpointer page)
{
  return g_list_model_get_n_items (emitra_catalog_page_get_results (page)) > 0;
}

static gboolean
window_mapped (gpointer window)
{
  return gtk_widget_get_mapped (window) && gtk_widget_has_focus (gtk_root_get_focus (window));
}

typedef struct
{
  gboolean done;
  gboolean ok;
} Run;

static void
on_xdotool_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Run *run = user_data;

  run->ok = g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, NULL);
  run->done = TRUE;
}

static gboolean
run_done (gpointer data)
{
  return ((Run *) data)->done;
}

/* Presses keys for real: xdotool's events reach the focused window the
 * way a keyboard's do. The main loop runs meanwhile, as the desk's would. */
static void
xdotool (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { FALSE, FALSE };
  va_list args;

  g_ptr_array_add (argv, "xdotool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_xdotool_done_cb, &run);
  spin_until (run_done, &run, 20000);
  g_assert_true (run.ok);
  /* Let the last key's events be handled and drawn. */
  spin (100);
}

typedef struct
{
  EmitraCatalogPage *page;
  const char        *prefix;
  GtkWidget         *entry;   /* with the whole query typed, if set */
  const char        *query;
} FirstIs;

static gboolean
first_result_is (gpointer data)
{
  FirstIs *first = data;
  g_autoptr(EmitraService) service = g_list_model_get_item (emitra_catalog_page_get_results (first->page), 0);

  if (first->entry != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (first->entry)), first->query) != 0)
    return FALSE;
  return service != NULL && g_str_has_prefix (emitra_service_get_id (service), first->prefix);
}

static GtkWidget *
visible_details (EmitraCatalogPage *page)
{
  GtkWidget *stack = find_child (GTK_WIDGET (page), GTK_TYPE_STACK);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "details") != 0)
    return NULL;
  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static gboolean
details_shown (gpointer page)
{
  return visible_details (page) != NULL;
}

static gboolean
details_hidden (gpointer page)
{
  return visible_details (page) == NULL;
}

static const char *
details_service_id (EmitraCatalogPage *page)
{
  GtkWidget *details = visible_details (page);

  g_assert_nonnull (details);
  return emitra_service_get_id (emitra_service_details_get_service (EMITRA_SERVICE_DETAILS (details)));
}

/* A PNG under $EMITRA_TEST_SCREENSHOT_DIR, for people to look at. */
static void
screenshot (EmitraWindow *window,
            const char   *name)
{
  const char *dir = g_getenv ("EMITRA_TEST_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  spin (300);
  file = g_strdup_printf ("catalog-%s-%s.png", name, g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en");
  path = g_build_filename (dir, file, NULL);
  if (!emitra_screenshot_save (GTK_WIDGET (window), path, &error))
    g_test_message ("screenshot %s: %s", path, error->message);
}

static EmitraWindow *
open_window (EmitraCatalogPage **out_page)
{
  EmitraWindow *window = emitra_window_new (app);
  EmitraCatalogPage *page = emitra_window_get_catalog_page (window);

  gtk_window_present (GTK_WINDOW (window));
  spin_until (results_loaded, page, 10000);
  g_assert_cmpuint (g_list_model_get_n_items (emitra_catalog_page_get_results (page)), >=, 160);
  spin_until (window_mapped, window, 5000);
  *out_page = page;
  return window;
}

static gboolean
can_type (void)
{
  const char *display = g_getenv ("DISPLAY");
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  gboolean x11 = GDK_IS_X11_DISPLAY (gdk_display_get_default ());
#else
  gboolean x11 = FALSE;
#endif

  if (display == NULL || display[0] == '\0' || xdotool == NULL || !x11)
    {
      g_test_skip ("Needs an X display (Xvfb) and xdotool to press keys");
      return FALSE;
    }

  return TRUE;
}

/* The whole errand by keyboard: the search entry has the keyboard when
 * the desk opens; typing finds the service; Enter opens its details; Esc
 * comes back; Down and Enter open another result; Ctrl+F returns to the
 * search from anywhere. */
static void
test_catalog_keyboard_alone (void)
{
  EmitraCatalogPage *page = NULL;
  EmitraWindow *window = NULL;
  GtkWidget *entry;
  FirstIs caste = { NULL, "caste-certificate", NULL, "jati praman" };
  FirstIs bill = { NULL, "electricity-bill", NULL, "bijli bill" };
  g_autofree char *second_id = NULL;

  if (!can_type ())
    return;

  window = open_window (&page);
  caste.page = bill.page = page;
  entry = find_child (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  caste.entry = bill.entry = entry;
  g_assert_true (widget_has_focus_within (entry));
  screenshot (window, "start");

  xdotool ("type", "--delay", "30", "jati praman", NULL);
  spin_until (first_result_is, &caste, 5000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "jati praman");
  g_assert_true (first_result_is (&caste));
  screenshot (window, "results");

  xdotool ("key", "Return", NULL);
  spin_until (details_shown, page, 5000);
  g_assert_true (g_str_has_prefix (details_service_id (page), "caste-certificate"));
  screenshot (window, "details");

  xdotool ("key", "Escape", NULL);
  spin_until (details_hidden, page, 5000);
  g_assert_null (visible_details (page));

  /* Down from the search moves into the list; Down again, the second result. */
  xdotool ("key", "ctrl+f", NULL);
  g_assert_true (widget_has_focus_within (entry));
  xdotool ("type", "--delay", "30", "bijli bill", NULL);
  spin_until (first_result_is, &bill, 5000);
  xdotool ("key", "Down", NULL);
  g_assert_false (widget_has_focus_within (entry));
  g_assert_cmpint (focused_result (page), ==, 0);
  xdotool ("key", "Down", NULL);
  g_assert_cmpint (focused_result (page), ==, 1);
  {
    g_autoptr(EmitraService) second = g_list_model_get_item (emitra_catalog_page_get_results (page), 1);
    second_id = g_strdup (emitra_service_get_id (second));
  }
  xdotool ("key", "Return", NULL);
  spin_until (details_shown, page, 5000);
  g_assert_cmpstr (details_service_id (page), ==, second_id);

  /* Ctrl+F from the details: back to the search, its text selected. */
  xdotool ("key", "ctrl+f", NULL);
  g_assert_null (visible_details (page));
  g_assert_true (widget_has_focus_within (entry));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row showing the result at @position, if it is on screen. */
static GtkWidget *
find_result_row (GtkWidget         *widget,
                 EmitraCatalogPage *page,
                 guint              position)
{
  g_autoptr(EmitraService) service = g_list_model_get_item (emitra_catalog_page_get_results (page), position);

  if (EMITRA_IS_SERVICE_ROW (widget) && gtk_widget_get_mapped (widget) &&
      emitra_service_row_get_service (EMITRA_SERVICE_ROW (widget)) == service)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_result_row (child, page, position);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Moves the pointer, for real, to the middle of @widget. */
static void
pointer_to (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  g_autofree char *x_text = NULL;
  g_autofree char *y_text = NULL;
  double x, y, surface_x, surface_y;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native),
                                                   gtk_widget_get_width (widget) / 2.0,
                                                   gtk_widget_get_height (widget) / 2.0, &x, &y));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  x_text = g_strdup_printf ("%d", (int) (x + surface_x));
  y_text = g_strdup_printf ("%d", (int) (y + surface_y));
  xdotool ("mousemove", "--window", xid, x_text, y_text, NULL);
#endif
}

/* A mouse left resting over the list must not take the best match's
 * place as what Enter opens; and one click on a row opens it. */
static void
test_catalog_pointer (void)
{
  EmitraCatalogPage *page = NULL;
  EmitraWindow *window = NULL;
  FirstIs bill = { NULL, "electricity-bill", NULL, "bijli bill" };
  g_autofree char *third_id = NULL;
  GtkWidget *row;

  if (!can_type ())
    return;

  window = open_window (&page);
  bill.page = page;
  bill.entry = find_child (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);

  row = find_result_row (GTK_WIDGET (page), page, 4);
  g_assert_nonnull (row);
  pointer_to (row);
  xdotool ("type", "--delay", "30", "bijli bill", NULL);
  spin_until (first_result_is, &bill, 5000);
  g_assert_true (first_result_is (&bill));
  xdotool ("key", "Return", NULL);
  spin_until (details_shown, page, 5000);
  g_assert_true (g_str_has_prefix (details_service_id (page), "electricity-bill"));
  {
    g_autoptr(EmitraService) first = g_list_model_get_item (emitra_catalog_page_get_results (page), 0);
    g_assert_cmpstr (details_service_id (page), ==, emitra_service_get_id (first));
  }

  xdotool ("key", "Escape", NULL);
  spin_until (details_hidden, page, 5000);
  {
    g_autoptr(EmitraService) third = g_list_model_get_item (emitra_catalog_page_get_results (page), 2);
    third_id = g_strdup (emitra_service_get_id (third));
  }
  row = find_result_row (GTK_WIDGET (page), page, 2);
  g_assert_nonnull (row);
  pointer_to (row);
  xdotool ("click", "1", NULL);
  spin_until (details_shown, page, 5000);
  g_assert_cmpstr (details_service_id (page), ==, third_id);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("EMITRA_BUILD_ROOT");
  int status;

  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();

  setlocale (LC_ALL, "");
  if (build_root != NULL)
    {
      g_autofree char *localedir = g_build_filename (build_root, "po", NULL);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();

  app = emitra_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/ui/catalog/keyboard-alone", test_catalog_keyboard_alone);
  g_test_add_func ("/ui/catalog/pointer", test_catalog_pointer);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
