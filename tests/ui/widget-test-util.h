/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers for the tests that drive widgets in-process: spinning the main
 * loop with a bound (never a sleep), finding a widget in a tree the way a
 * person would look for it, and a PNG of a state to look at. */

#include <gtk/gtk.h>

#include "emitra-screenshot.h"

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
