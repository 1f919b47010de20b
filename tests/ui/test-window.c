/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "emitra-application.h"
#include "emitra-date-row.h"
#include "emitra-drafts-dialog.h"
#include "emitra-receipt-details.h"
#include "emitra-receipt-view.h"
#include "emitra-receipts-page.h"
#include "emitra-report-page.h"
#include "emitra-screenshot.h"
#include "emitra-service-details.h"
#include "emitra-setup-window.h"
#include "emitra-sign-in-window.h"
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

/* Where a widget's shortcuts are listed in the Keyboard Shortcuts window:
 * the ids of its groups in ui/gtk/help-overlay.ui. */
static const struct {
  const char *type;
  const char *groups;
} shortcut_groups[] = {
  { "EmitraWindow", "general_group" },
  { "EmitraCatalogPage", "services_group" },
  { "EmitraServiceDetails", "services_group" },
  { "EmitraReceiptsPage", "receipts_group" },
  { "EmitraReceiptDetails", "receipts_group windows_group" },
  { "EmitraReportPage", "reports_group" },
  { "EmitraSetupWindow", "windows_group" },
  { "EmitraSignInWindow", "windows_group" },
  { "EmitraDraftsDialog", "windows_group" },
  { "EmitraApplicationPage", "application_group" },
  { "EmitraDateRow", "application_group" },
  { "EmitraReceiptView", "application_group" },
};

/* The key the shortcuts window shows for @keyval: Enter and the arrows of
 * the keypad are listed with the main ones. */
static guint
listed_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      return GDK_KEY_Return;
    case GDK_KEY_KP_Left:
      return GDK_KEY_Left;
    default:
      return gdk_keyval_to_lower (keyval);
    }
}

/* Whether @accel (a GtkShortcutsShortcut's "accelerator": alternatives
 * separated by spaces) lists @keyval with @mods. */
static gboolean
accelerator_lists (const char      *accel,
                   guint            keyval,
                   GdkModifierType  mods)
{
  g_auto(GStrv) alternatives = g_strsplit (accel, " ", 0);

  for (guint i = 0; alternatives[i] != NULL; i++)
    {
      guint key;
      GdkModifierType parsed;

      if (strstr (alternatives[i], "...") == NULL && gtk_accelerator_parse (alternatives[i], &key, &parsed) &&
          listed_key (key) == listed_key (keyval) && parsed == mods)
        return TRUE;
    }
  return FALSE;
}

/* Fails unless one of @groups (ids, space-separated) of @overlay lists the
 * keys of @trigger; @what names the shortcut in the failure. */
static void
assert_listed (GtkBuilder         *overlay,
               const char         *groups,
               GtkShortcutTrigger *trigger,
               const char         *what)
{
  g_auto(GStrv) ids = g_strsplit (groups, " ", 0);
  g_autofree char *keys = gtk_shortcut_trigger_to_string (trigger);

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      assert_listed (overlay, groups, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), what);
      assert_listed (overlay, groups, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), what);
      return;
    }
  g_assert_true (GTK_IS_KEYVAL_TRIGGER (trigger));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *group = GTK_WIDGET (gtk_builder_get_object (overlay, ids[i]));

      g_assert_nonnull (group);
      for (GtkWidget *row = gtk_widget_get_first_child (group); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          g_autofree char *accel = NULL;

          if (!GTK_IS_SHORTCUTS_SHORTCUT (row))
            continue;
          g_object_get (row, "accelerator", &accel, NULL);
          if (accel != NULL &&
              accelerator_lists (accel, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                 gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))))
            return;
        }
    }
  g_error ("%s (%s) is not in the Keyboard Shortcuts window's %s", what, keys, groups);
}

/* The nearest of @widget and its parents that is one of the desk's own. */
static GtkWidget *
desk_widget (GtkWidget *widget)
{
  while (widget != NULL && !g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Emitra"))
    widget = gtk_widget_get_parent (widget);
  return widget;
}

/* Whether @action_name is one the desk's own widget @owner installs, or
 * the window.close it binds Escape to: GTK's own bindings (the
 * inspector's, a text entry's) are not the desk's to list. */
static gboolean
is_desk_action (GtkWidget  *owner,
                const char *action_name)
{
  GType action_owner;
  const char *name;
  const GVariantType *parameter;
  const char *property;

  if (g_str_equal (action_name, "window.close"))
    return TRUE;
  /* GTK 4.8 writes every out argument: none may be NULL. */
  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (owner), i, &action_owner, &name,
                                                   &parameter, &property); i++)
    if (g_str_equal (name, action_name))
      return g_str_has_prefix (g_type_name (action_owner), "Emitra");
  return FALSE;
}

/* Every shortcut of @widget and the widgets inside it that activates one
 * of the desk's actions is in its group of the shortcuts window. */
static guint
assert_shortcuts_listed (GtkBuilder *overlay,
                         GtkWidget  *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkWidget *owner = desk_widget (widget);
  guint checked = 0;

  for (guint i = 0; owner != NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *groups = NULL;
          const char *name;

          if (!GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!is_desk_action (owner, name))
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (shortcut_groups); k++)
            if (g_str_equal (shortcut_groups[k].type, G_OBJECT_TYPE_NAME (owner)))
              groups = shortcut_groups[k].groups;
          if (groups == NULL)
            g_error ("%s binds %s: say in shortcut_groups where the shortcuts window lists it",
                     G_OBJECT_TYPE_NAME (owner), name);
          assert_listed (overlay, groups, gtk_shortcut_get_trigger (shortcut), name);
          checked++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += assert_shortcuts_listed (overlay, child);
  return checked;
}

/* Every key the desk binds, in the window, its pages, its dialogs and the
 * guided application, and every accelerator of the application, is in
 * the Keyboard Shortcuts window, in the group of the place it works. */
static void
test_window_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) overlay = gtk_builder_new_from_resource ("/in/emitra/Desk/gtk/help-overlay.ui");
  EmitraWindow *window = open_window ();
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GType standalone[] = {
    EMITRA_TYPE_SERVICE_DETAILS, EMITRA_TYPE_RECEIPT_DETAILS, EMITRA_TYPE_SETUP_WINDOW,
    EMITRA_TYPE_SIGN_IN_WINDOW, EMITRA_TYPE_DRAFTS_DIALOG, EMITRA_TYPE_DATE_ROW, EMITRA_TYPE_RECEIPT_VIEW,
  };
  guint checked = 0;

  /* The pages built on first show, and the guided application. */
  emitra_window_set_visible_page (window, "receipts");
  emitra_window_set_visible_page (window, "reports");
  emitra_window_set_visible_page (window, "catalog");
  g_assert_nonnull (emitra_window_get_report_page (window));
  g_assert_nonnull (emitra_window_get_application_page (window));
  checked += assert_shortcuts_listed (overlay, GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (standalone); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (standalone[i], NULL));

      checked += assert_shortcuts_listed (overlay, widget);
      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      g_object_unref (widget);
    }

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (accels[j]);

          assert_listed (overlay, "general_group", trigger, actions[i]);
          checked++;
        }
    }
  g_test_message ("%u shortcuts checked", checked);
  /* The Receipts page's Ctrl+R among them, so the walk reached the pages. */
  g_assert_cmpuint (checked, >=, 30);

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
  g_test_add_func ("/ui/window/shortcuts-listed", test_window_shortcuts_listed);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
