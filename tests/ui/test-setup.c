/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "emitra-screenshot.h"
#include "emitra-setup-window.h"
#include "ui-test-util.h"

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
spin_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_by_buildable_id (GtkWidget *window, const char *type_name, guint nth)
{
  /* Walk the tree for the nth widget of a type: the test drives the window
   * the way a person does, through its rows. */
  GtkWidget *found = NULL;
  guint seen = 0;
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, window);
  while (!g_queue_is_empty (queue) && found == NULL)
    {
      GtkWidget *w = g_queue_pop_head (queue);

      if (g_str_equal (G_OBJECT_TYPE_NAME (w), type_name) && seen++ == nth)
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (queue, c);
    }
  return found;
}

static void
test_setup_validates_and_saves (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("in.emitra.Desk");
  EmitraSetupWindow *setup;
  GtkWidget *code_row;
  g_autofree char *shot = g_build_filename (g_get_tmp_dir (), "setup.png", NULL);
  g_autofree char *code = NULL;

  g_settings_reset (settings, "setup-complete");
  g_assert_true (emitra_setup_window_is_needed (settings));

  setup = emitra_setup_window_new (settings);
  g_object_add_weak_pointer (G_OBJECT (setup), (gpointer *) &setup);
  gtk_window_present (GTK_WINDOW (setup));
  emitra_screenshot_when_drawn (GTK_WIDGET (setup), shot, NULL, NULL);
  spin_until (file_exists, shot, 10000);

  /* A bad kiosk code keeps the window open and saves nothing. */
  code_row = find_by_buildable_id (GTK_WIDGET (setup), "AdwEntryRow", 0);
  g_assert_nonnull (code_row);
  gtk_editable_set_text (GTK_EDITABLE (code_row), "12345");
  gtk_widget_activate_action (GTK_WIDGET (setup), "setup.done", NULL);
  g_assert_nonnull (setup);
  g_assert_true (emitra_setup_window_is_needed (settings));

  gtk_editable_set_text (GTK_EDITABLE (code_row), "k11000142");
  gtk_widget_activate_action (GTK_WIDGET (setup), "setup.done", NULL);
  for (guint i = 0; i < 1000 && setup != NULL; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_false (emitra_setup_window_is_needed (settings));
  code = g_settings_get_string (settings, "centre-code");
  g_assert_cmpstr (code, ==, "K11000142");
  if (setup != NULL)
    gtk_window_destroy (GTK_WINDOW (setup));
}

/* The language buttons show the language the words are in, write nothing
 * until one is chosen, and then write the choice at once. */
static void
test_setup_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("in.emitra.Desk");
  EmitraSetupWindow *setup;
  GtkWidget *english;
  GtkWidget *hindi;
  g_autofree char *untouched = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *again = NULL;
  gboolean session_hindi = g_strcmp0 (g_getenv ("LANGUAGE"), "hi") == 0;

  g_settings_reset (settings, "language");
  setup = emitra_setup_window_new (settings);
  english = find_by_buildable_id (GTK_WIDGET (setup), "GtkToggleButton", 0);
  hindi = find_by_buildable_id (GTK_WIDGET (setup), "GtkToggleButton", 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (english)), ==, "English");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (hindi)), ==, "हिन्दी");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (session_hindi ? hindi : english)));
  untouched = g_settings_get_string (settings, "language");
  g_assert_cmpstr (untouched, ==, "");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (session_hindi ? english : hindi), TRUE);
  chosen = g_settings_get_string (settings, "language");
  g_assert_cmpstr (chosen, ==, session_hindi ? "en" : "hi");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (session_hindi ? hindi : english), TRUE);
  again = g_settings_get_string (settings, "language");
  g_assert_cmpstr (again, ==, session_hindi ? "hi" : "en");

  gtk_window_destroy (GTK_WINDOW (setup));
  g_settings_reset (settings, "language");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/setup/validates-and-saves", test_setup_validates_and_saves);
  g_test_add_func ("/ui/setup/language", test_setup_language);

  return g_test_run ();
}
