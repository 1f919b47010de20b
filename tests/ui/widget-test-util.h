/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests of windows and pages share: starting GTK the same way,
 * the desk's application against a sandbox, finding what the operator
 * sees (a widget of a type, every label shown, the sign-in window),
 * spinning the main loop with a bound (never a sleep), and a PNG of a
 * state to look at. */

#include <adwaita.h>

#include "emitra-application.h"
#include "emitra-screenshot.h"
#include "emitra-sign-in-window.h"
#include "emitra-window-desk.h"
#include "ui-test-util.h"

/* g_test_init() with the user's folders of the test's own, the build's
 * translations in the environment's language, then GTK and libadwaita. */
static inline void
widget_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
  emitra_test_isolate_user_dirs ();
  emitra_test_use_build_translations ();
  gtk_init ();
  adw_init ();
}

/* The desk's application as a window test runs it: against @gateway_uri
 * (a sandbox's), at the kiosk of the sandbox's demo accounts as the
 * first-run setup leaves it, registered. */
static inline EmitraApplication *
widget_test_application_new (const char *gateway_uri)
{
  g_autoptr(GSettings) settings = g_settings_new ("in.emitra.Desk");
  EmitraApplication *app;

  g_setenv ("EMITRA_GATEWAY_URL", gateway_uri, TRUE);
  g_settings_set_string (settings, "centre-code", "K11000142");
  app = emitra_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  return app;
}

/* The first widget of @type in @widget's tree, depth first; a popover's
 * widgets (a date picker's calendar) are not the page's. */
static inline GtkWidget *
widget_test_find_child (GtkWidget *widget,
                        GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  if (GTK_IS_POPOVER (widget))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = widget_test_find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every label the operator can see, one a line. */
static inline void
widget_test_collect_labels (GtkWidget *widget,
                            GString   *out)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) || GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    widget_test_collect_labels (child, out);
}

/* The sign-in window the desk shows, if one is. */
static inline EmitraSignInWindow *
widget_test_find_sign_in_window (void)
{
  GListModel *list = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (list, i);

      if (EMITRA_IS_SIGN_IN_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return EMITRA_SIGN_IN_WINDOW (window);
    }
  return NULL;
}

static inline gboolean
widget_test_sign_in_shown (gpointer data)
{
  return widget_test_find_sign_in_window () != NULL;
}

static inline void
emitra_test_spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static inline void
emitra_test_spin_until (gboolean (*done) (gpointer),
                        gpointer   data,
                        guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget under @root, breadth first, that @match accepts. */
static inline GtkWidget *
emitra_test_find (GtkWidget     *root,
                  gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                  gconstpointer  data)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *w = g_queue_pop_head (queue);

      if (match (w, data))
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (queue, c);
    }
  return NULL;
}

static inline gboolean
emitra_test_is_type (GtkWidget     *widget,
                     gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static inline GtkWidget *
emitra_test_find_widget (GtkWidget *root,
                         GType      type)
{
  return emitra_test_find (root, emitra_test_is_type, GSIZE_TO_POINTER (type));
}

static inline gboolean
emitra_test_is_label (GtkWidget     *widget,
                      gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The label under @root that shows @text, or NULL. */
static inline GtkLabel *
emitra_test_find_label (GtkWidget  *root,
                        const char *text)
{
  return GTK_LABEL (emitra_test_find (root, emitra_test_is_label, text));
}

/* With EMITRA_TEST_SCREENSHOT_DIR set, a PNG of @widget there, named
 * <prefix>-<name>-<en|hi>.png, once a few frames have drawn its state. */
static inline void
emitra_test_screenshot (GtkWidget  *widget,
                        const char *prefix,
                        const char *name)
{
  const char *dir = g_getenv ("EMITRA_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  emitra_test_spin (300);
  path = g_strdup_printf ("%s/%s-%s-%s.png", dir, prefix, name,
                          g_strcmp0 (g_getenv ("LANGUAGE"), "hi") == 0 ? "hi" : "en");
  g_assert_true (emitra_screenshot_save (widget, path, &error));
  g_assert_no_error (error);
}

static inline gboolean
widget_test_result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static inline void
widget_test_store_result_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Signs in as the operator does, through the sign-in window the desk
 * shows on demand, as anil.kumawat; returns the session. */
static inline EmitraOperatorSession *
widget_test_sign_in (EmitraWindow *window)
{
  GAsyncResult *result = NULL;
  EmitraOperatorSession *session;
  g_autoptr(GError) error = NULL;
  EmitraSignInWindow *sign_in;

  emitra_window_ensure_signed_in_async (window, NULL, widget_test_store_result_cb, &result);
  emitra_test_spin_until (widget_test_sign_in_shown, NULL, 5000);
  sign_in = widget_test_find_sign_in_window ();
  g_assert_nonnull (sign_in);
  gtk_editable_set_text (GTK_EDITABLE (emitra_test_find_widget (GTK_WIDGET (sign_in), ADW_TYPE_ENTRY_ROW)), "anil.kumawat");
  gtk_editable_set_text (GTK_EDITABLE (emitra_test_find_widget (GTK_WIDGET (sign_in), ADW_TYPE_PASSWORD_ENTRY_ROW)), "demo123");
  gtk_widget_activate_action (GTK_WIDGET (sign_in), "sign-in.submit", NULL);
  emitra_test_spin_until (widget_test_result_ready, &result, 10000);
  g_assert_nonnull (result);
  session = emitra_window_ensure_signed_in_finish (window, result, &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return session;
}
