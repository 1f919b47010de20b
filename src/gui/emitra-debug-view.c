/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Puts a screenshot run (`emitra-desk --screenshot FILE`) on the screen to
 * be looked at, so every page can be checked in both languages, at a
 * kiosk's 1024x600 and in high contrast, without a person clicking:
 *
 *   EMITRA_DEBUG_VIEW="page:reports"          the Services, Receipts or Reports page
 *   EMITRA_DEBUG_VIEW="search:jati"           something typed into the search
 *   EMITRA_DEBUG_VIEW="service:income-certificate"   a service's details
 *   EMITRA_DEBUG_VIEW="window:preferences"    Preferences, the Keyboard
 *                                             Shortcuts ("shortcuts", or
 *                                             "shortcuts:records" for one of
 *                                             its sections), sign-in
 *                                             ("sign-in") or first-run setup
 *                                             ("setup") instead of the window
 *
 * several joined with ';'. The guided application has its own hooks
 * (EMITRA_OPEN_SERVICE, EMITRA_DEBUG_FLOW_*: see emitra-flow-debug.c).
 * Nothing here runs unless the variable is set.
 */
#include "config.h"

#include "emitra-debug-view.h"

#include "emitra-preferences-window.h"
#include "emitra-setup-window.h"
#include "emitra-screenshot.h"
#include "emitra-sign-in-window.h"

#include <string.h>

static GtkWidget *
open_window (EmitraWindow *window,
             const char   *name)
{
  EmitraApplication *app = EMITRA_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  GSettings *settings = emitra_application_get_settings (app);
  GtkWindow *dialog = NULL;

  if (g_str_equal (name, "preferences"))
    dialog = GTK_WINDOW (emitra_preferences_window_new (settings));
  else if (g_str_equal (name, "setup"))
    dialog = GTK_WINDOW (emitra_setup_window_new (settings));
  else if (g_str_equal (name, "sign-in") && emitra_application_get_desk (app) != NULL)
    dialog = GTK_WINDOW (emitra_sign_in_window_new (emitra_desk_get_gateway (emitra_application_get_desk (app)),
                                                    settings));
  else if (g_str_equal (name, "shortcuts") || g_str_has_prefix (name, "shortcuts:"))
    {
      GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
      if (overlay != NULL && name[strlen ("shortcuts")] == ':')
        g_object_set (overlay, "section-name", name + strlen ("shortcuts:"), NULL);
      return GTK_WIDGET (overlay);
    }
  if (dialog == NULL)
    {
      g_warning ("EMITRA_DEBUG_VIEW: no window “%s”", name);
      return NULL;
    }
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  gtk_window_present (dialog);
  return GTK_WIDGET (dialog);
}

/* Shows what EMITRA_DEBUG_VIEW asks for; returns the widget to take a
 * picture of (@window unless another window was asked for). */
static GtkWidget *
apply (EmitraWindow *window)
{
  const char *view = g_getenv ("EMITRA_DEBUG_VIEW");
  g_auto(GStrv) steps = NULL;
  GtkWidget *shot = GTK_WIDGET (window);

  if (view == NULL || view[0] == '\0')
    return shot;

  steps = g_strsplit (view, ";", 0);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      const char *colon = strchr (steps[i], ':');
      g_autofree char *kind = colon != NULL ? g_strndup (steps[i], colon - steps[i]) : g_strdup (steps[i]);
      const char *value = colon != NULL ? colon + 1 : "";

      if (g_str_equal (kind, "page"))
        emitra_window_set_visible_page (window, value);
      else if (g_str_equal (kind, "search"))
        emitra_catalog_page_search (emitra_window_get_catalog_page (window), value);
      else if (g_str_equal (kind, "service"))
        emitra_catalog_page_show_service (emitra_window_get_catalog_page (window), value);
      else if (g_str_equal (kind, "window"))
        {
          GtkWidget *other = open_window (window, value);

          if (other != NULL)
            shot = other;
        }
      else
        g_warning ("EMITRA_DEBUG_VIEW: “%s” is not understood", steps[i]);
    }
  return shot;
}

typedef struct
{
  EmitraWindow *window;
  GtkWidget    *shot;
  char         *path;
  GCallback     done;
  gpointer      user_data;
  gulong        handler;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->window);
  g_clear_object (&pending->shot);
  g_free (pending->path);
  g_free (pending);
}

/* After the page's own loading (the report is read off the main thread)
 * and the transitions (a header's cross-fade) are over. */
static gboolean
shoot_cb (gpointer user_data)
{
  Pending *pending = user_data;

  emitra_screenshot_when_drawn (pending->shot, pending->path, pending->done, pending->user_data);
  pending_free (pending);
  return G_SOURCE_REMOVE;
}

static gboolean
apply_cb (gpointer user_data)
{
  Pending *pending = user_data;

  pending->shot = g_object_ref (apply (pending->window));
  g_timeout_add (g_getenv ("EMITRA_DEBUG_VIEW") != NULL ? 800 : 0, shoot_cb, pending);
  return G_SOURCE_REMOVE;
}

static void
on_loading_cb (EmitraCatalogContext *context,
               GParamSpec           *pspec,
               Pending              *pending)
{
  if (emitra_catalog_context_get_loading (context))
    return;
  g_clear_signal_handler (&pending->handler, context);
  g_idle_add (apply_cb, pending);
}

/**
 * emitra_debug_view_screenshot:
 *
 * Once the catalog is loaded, shows what EMITRA_DEBUG_VIEW asks for and
 * writes a PNG of it to @path, then calls @done as
 * emitra_screenshot_when_drawn() does.
 */
void
emitra_debug_view_screenshot (EmitraWindow *window,
                              const char   *path,
                              GCallback     done,
                              gpointer      user_data)
{
  EmitraApplication *app = EMITRA_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  EmitraCatalogContext *context = emitra_application_get_catalog_context (app);
  Pending *pending = g_new0 (Pending, 1);

  pending->window = g_object_ref (window);
  pending->path = g_strdup (path);
  pending->done = done;
  pending->user_data = user_data;
  pending->handler = g_signal_connect (context, "notify::loading", G_CALLBACK (on_loading_cb), pending);
  on_loading_cb (context, NULL, pending);
}
