/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers for the tests of the guided application (the flow): a desk with
 * the bundled catalog and its own database, and ways to type into the
 * page's fields the way the operator does. */

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "emitra-application-page-private.h"
#include "emitra-catalog.h"
#include "emitra-desk-schema.h"
#include "emitra-draft-store.h"
#include "emitra-screenshot.h"
#include "widget-test-util.h"

static inline EmitraCatalog *
flow_test_load_catalog (void)
{
  g_autofree char *catalog_path = g_build_filename (g_getenv ("EMITRA_SOURCE_ROOT"), "data", "catalog", "catalog.json", NULL);
  g_autofree char *masters_path = g_build_filename (g_getenv ("EMITRA_SOURCE_ROOT"), "data", "catalog", "masters.json", NULL);
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GError) error = NULL;
  EmitraCatalog *catalog;

  merged = emitra_catalog_merge_files (catalog_path, masters_path, &error);
  g_assert_no_error (error);
  catalog = emitra_catalog_new_from_bytes (merged, &error);
  g_assert_no_error (error);
  return catalog;
}

static inline EmitraDatabase *
flow_test_open_database (void)
{
  g_autofree char *path = emitra_desk_database_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  EmitraDatabase *database;

  g_mkdir_with_parents (dir, 0700);
  database = emitra_desk_database_open (path, &error);
  g_assert_no_error (error);
  return database;
}

/* Types @text into the field @id of @view as the operator would: into the
 * entry, or by picking the option whose value is @text from the list. */
static inline void
flow_test_type (EmitraFormView *view,
                const char     *id,
                const char     *text)
{
  GtkWidget *row = emitra_form_view_get_field_row (view, id);

  g_assert_nonnull (row);
  if (ADW_IS_COMBO_ROW (row))
    {
      emitra_form_view_set_text (view, id, text);
      g_assert_cmpstr (emitra_form_view_get_text (view, id), ==, text);
      return;
    }

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Moves the keyboard focus on, out of the field, as Tab does. */
static inline void
flow_test_leave (EmitraFormView *view,
                 const char     *id)
{
  GtkWidget *row = emitra_form_view_get_field_row (view, id);
  GtkRoot *root = gtk_widget_get_root (row);

  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD));
  g_main_context_iteration (NULL, FALSE);
}

static inline gboolean
flow_test_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Removes @path and everything under it (a test's own desk). */
static inline void
flow_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        flow_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A PNG of @widget under $EMITRA_TEST_SCREENSHOT_DIR, for looking at. */
static inline void
flow_test_screenshot (GtkWidget  *widget,
                      const char *name)
{
  const char *dir = g_getenv ("EMITRA_TEST_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  emitra_test_spin (300);
  file = g_strdup_printf ("%s-%s.png", name, g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en");
  path = g_build_filename (dir, file, NULL);
  if (!emitra_screenshot_save (widget, path, &error))
    g_test_message ("screenshot %s: %s", path, error->message);
}
