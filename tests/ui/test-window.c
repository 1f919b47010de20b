/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "emitra-application.h"
#include "emitra-screenshot.h"
#include "emitra-window.h"
#include "ui-test-util.h"

static EmitraApplication *app;

static void
spin_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static EmitraWindow *
open_window (void)
{
  EmitraWindow *window = emitra_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  spin_until (widget_is_mapped, window, 5000);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static void
test_window_pages (void)
{
  EmitraWindow *window = open_window ();
  static const char *pages[] = { "catalog", "receipts", "reports" };

  g_assert_cmpstr (emitra_window_get_visible_page (window), ==, "catalog");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      emitra_window_set_visible_page (window, pages[i]);
      g_assert_cmpstr (emitra_window_get_visible_page (window), ==, pages[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
on_shot_done_cb (GtkWidget *widget, gboolean ok, gpointer user_data)
{
  g_assert_true (ok);
}

static void
test_window_screenshot (void)
{
  EmitraWindow *window = open_window ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "window.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  emitra_screenshot_when_drawn (GTK_WIDGET (window), path, G_CALLBACK (on_shot_done_cb), NULL);
  spin_until (file_exists, path, 10000);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 360);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, 294);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* With LANGUAGE=hi the page names are the Hindi translation, which proves
 * the catalog of messages is built, found and applied. */
static void
test_window_hindi (void)
{
  const char *translated;

  if (!g_str_equal (g_getenv ("LANGUAGE") ?: "", "hi"))
    {
      g_test_skip ("Run with LANGUAGE=hi to check the Hindi interface");
      return;
    }

  translated = g_dpgettext2 (GETTEXT_PACKAGE, "page", "Receipts");
  g_assert_cmpstr (translated, ==, "रसीदें");
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("EMITRA_BUILD_ROOT");
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the system's MIME database,
   * without which GTK cannot load its own SVG icons. The user's own
   * directories are isolated by hand instead. */
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

  g_test_add_func ("/ui/window/pages", test_window_pages);
  g_test_add_func ("/ui/window/screenshot", test_window_screenshot);
  g_test_add_func ("/ui/window/hindi", test_window_hindi);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
