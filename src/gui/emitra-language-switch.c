/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new interface language, or Devanagari digits, chosen in Preferences
 * takes effect at once, with no restart and nothing on screen lost.
 *
 * gettext is pointed at the new language (LANGUAGE, then setlocale() so
 * its cache is dropped), and each main window is built again from its
 * templates, which is how every label, tooltip and accessible name gets the
 * new words: the old window first writes the open application's draft;
 * the new one takes over its size, the page shown, the search typed, the
 * service whose details were open, the report's day and the application
 * (resumed from its draft, or its receipt when it was already submitted),
 * and opens Preferences again if they were open, or the first-run setup
 * with what was typed into it (where the language can be chosen too);
 * then the old one goes.
 */
#include "config.h"

#include "emitra-language-switch.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "emitra-application-page-private.h"
#include "emitra-flow-private.h"
#include "emitra-preferences-window.h"
#include "emitra-report-page.h"
#include "emitra-setup-window.h"
#include "emitra-window-flow.h"
#include "emitra-window.h"

/* How long to wait for a gateway call of the open application to end
 * before switching, and how often to look. */
#define BUSY_RETRY_MS 200

struct _EmitraLanguageSwitch
{
  GObject         parent_instance;

  GtkApplication *application;   /* not owned: it owns us */
  GSettings      *settings;
  guint           idle_id;
  guint           n_rebuilds;
};

G_DEFINE_FINAL_TYPE (EmitraLanguageSwitch, emitra_language_switch, G_TYPE_OBJECT)

/* What the session asked for before the desk changed LANGUAGE, for going
 * back to "System default". */
static char *session_language;
static gboolean session_language_recorded;

/**
 * emitra_language_switch_apply_language:
 * @language: "hi", "en", or "" for the session's own language
 *
 * Points gettext (and so GTK and libadwaita) at @language for every string
 * looked up from now on.
 */
void
emitra_language_switch_apply_language (const char *language)
{
  const char *locale;

  if (!session_language_recorded)
    {
      session_language = g_strdup (g_getenv ("LANGUAGE"));
      session_language_recorded = TRUE;
      /* GLib decides once, at its first g_dgettext() with a domain, whether
       * to translate at all: not when the process started untranslated
       * under a textdomain() of its own in a locale such as C.UTF-8. Asked
       * now, before main() sets the textdomain, it says yes for good, so
       * core's messages and counts follow a later switch to Hindi too. */
      g_dgettext (GETTEXT_PACKAGE, "");
    }

  if (language != NULL && language[0] != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  else if (session_language != NULL)
    g_setenv ("LANGUAGE", session_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* setlocale() also makes gettext forget the translations it cached. In
   * the "C" locale gettext ignores LANGUAGE, so a language chosen on
   * purpose gets the C locale's UTF-8 twin, which honours it. */
  locale = setlocale (LC_MESSAGES, "");
  if (language != NULL && language[0] != '\0' &&
      (locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0))
    setlocale (LC_MESSAGES, "C.UTF-8");
}

typedef struct
{
  EmitraLanguageSwitch *self;
  EmitraWindow         *old;
  char                 *page;
  char                 *search_text;
  char                 *shown_service_id;
  char                 *report_day;
  char                 *draft_id;
  char                 *flow_service_id;
  EmitraReceipt        *receipt;
  int                   width;
  int                   height;
  gboolean              maximized;
} Rebuild;

static void
rebuild_free (Rebuild *rebuild)
{
  g_object_unref (rebuild->self);
  g_object_unref (rebuild->old);
  g_free (rebuild->page);
  g_free (rebuild->search_text);
  g_free (rebuild->shown_service_id);
  g_free (rebuild->report_day);
  g_free (rebuild->draft_id);
  g_free (rebuild->flow_service_id);
  g_clear_object (&rebuild->receipt);
  g_free (rebuild);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rebuild, rebuild_free)

/* The windows that belong to @window (Preferences, the first-run setup, a
 * message): returned so the new window can have its own. */
static GPtrArray *
list_transients (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *transients = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == window)
        g_ptr_array_add (transients, g_object_ref (toplevel));
    }
  return transients;
}

static void
finish (Rebuild *rebuild)
{
  EmitraLanguageSwitch *self = rebuild->self;
  g_autoptr(GPtrArray) transients = list_transients (GTK_WINDOW (rebuild->old));
  EmitraWindow *window;
  EmitraCatalogPage *catalog_page;
  EmitraSetupWindow *setup = NULL;
  gboolean reopen_preferences = FALSE;

  /* Without its application first, so the window's start-up work (the
   * Drafts list, the purge) is known to be done already. */
  window = g_object_new (EMITRA_TYPE_WINDOW, NULL);
  emitra_window_flow_mark_started (window);
  gtk_window_set_default_size (GTK_WINDOW (window), rebuild->width, rebuild->height);
  if (rebuild->maximized)
    gtk_window_maximize (GTK_WINDOW (window));
  gtk_window_set_application (GTK_WINDOW (window), self->application);
  gtk_window_present (GTK_WINDOW (window));

  if (rebuild->page != NULL)
    emitra_window_set_visible_page (window, rebuild->page);
  catalog_page = emitra_window_get_catalog_page (window);
  if (rebuild->search_text != NULL && rebuild->search_text[0] != '\0')
    emitra_catalog_page_search (catalog_page, rebuild->search_text);
  if (rebuild->shown_service_id != NULL)
    emitra_catalog_page_show_service (catalog_page, rebuild->shown_service_id);
  if (rebuild->report_day != NULL)
    emitra_report_page_set_day (emitra_window_get_report_page (window), rebuild->report_day);
  if (rebuild->flow_service_id != NULL)
    emitra_window_flow_reopen (window, rebuild->draft_id, rebuild->flow_service_id, rebuild->receipt);

  for (guint i = 0; i < transients->len; i++)
    {
      GtkWindow *transient = g_ptr_array_index (transients, i);

      reopen_preferences |= EMITRA_IS_PREFERENCES_WINDOW (transient);
      /* Nothing in the setup window is saved before Start: its new
       * self takes over what was typed. */
      if (EMITRA_IS_SETUP_WINDOW (transient) && setup == NULL)
        {
          setup = emitra_setup_window_new (self->settings);
          emitra_setup_window_take_input (setup, EMITRA_SETUP_WINDOW (transient));
        }
      gtk_window_destroy (transient);
    }
  /* The old window is not closed but destroyed: closing would save its
   * draft again and remember its size, both done already. */
  gtk_window_destroy (GTK_WINDOW (rebuild->old));

  if (setup != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (setup), GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (setup));
    }
  if (reopen_preferences)
    {
      EmitraPreferencesWindow *preferences = emitra_preferences_window_new (self->settings);

      gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (preferences));
    }

  self->n_rebuilds++;
  g_debug ("The window was rebuilt in the new language (%u so far)", self->n_rebuilds);
}

static void
on_flushed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Rebuild) rebuild = user_data;
  g_autoptr(GError) error = NULL;

  /* Not written now, it still is on screen and in memory: the old page
   * keeps trying as it goes, and the new one resumes what is on disk. */
  if (!emitra_application_page_flush_finish (EMITRA_APPLICATION_PAGE (source), result, &error))
    g_warning ("The draft could not be saved before the language changed: %s", error->message);
  finish (rebuild);
}

static void rebuild_window (EmitraLanguageSwitch *self,
                            EmitraWindow         *old);

static gboolean
retry_rebuild_cb (gpointer user_data)
{
  g_autoptr(Rebuild) rebuild = user_data;

  /* The window may have been closed while its gateway call ran. */
  if (gtk_window_get_application (GTK_WINDOW (rebuild->old)) != NULL)
    rebuild_window (rebuild->self, rebuild->old);
  return G_SOURCE_REMOVE;
}

static void
rebuild_window (EmitraLanguageSwitch *self,
                EmitraWindow         *old)
{
  g_autoptr(Rebuild) rebuild = g_new0 (Rebuild, 1);
  EmitraCatalogPage *catalog_page = emitra_window_get_catalog_page (old);
  EmitraApplicationPage *page = emitra_window_peek_application_page (old);
  EmitraReportPage *report_page = emitra_window_peek_report_page (old);

  rebuild->self = g_object_ref (self);
  rebuild->old = g_object_ref (old);

  /* A call to the gateway (a family lookup, a submission) is never cut
   * short by a change of words: the switch waits for it. */
  if (page != NULL && emitra_window_is_showing_application (old) && emitra_application_page_get_busy (page))
    {
      g_timeout_add (BUSY_RETRY_MS, retry_rebuild_cb, g_steal_pointer (&rebuild));
      return;
    }

  rebuild->page = g_strdup (emitra_window_get_visible_page (old));
  rebuild->search_text = g_strdup (emitra_catalog_page_get_search_text (catalog_page));
  rebuild->shown_service_id = g_strdup (emitra_catalog_page_get_shown_service_id (catalog_page));
  rebuild->report_day = report_page != NULL ? g_strdup (emitra_report_page_get_day (report_page)) : NULL;
  gtk_window_get_default_size (GTK_WINDOW (old), &rebuild->width, &rebuild->height);
  rebuild->maximized = gtk_window_is_maximized (GTK_WINDOW (old));

  if (page == NULL || !emitra_window_is_showing_application (old) || page->service == NULL)
    {
      finish (rebuild);
      return;
    }

  rebuild->flow_service_id = g_strdup (emitra_service_get_id (page->service));
  if (g_strcmp0 (emitra_application_page_get_step (page), EMITRA_FLOW_STEP_RECEIPT) == 0)
    {
      rebuild->receipt = emitra_receipt_view_get_receipt (page->receipt_view);
      if (rebuild->receipt != NULL)
        g_object_ref (rebuild->receipt);
      finish (rebuild);
      return;
    }

  rebuild->draft_id = g_strdup (emitra_draft_get_id (page->draft));
  emitra_application_page_flush_async (page, NULL, on_flushed_cb, g_steal_pointer (&rebuild));
}

static gboolean
rebuild_windows_cb (gpointer user_data)
{
  EmitraLanguageSwitch *self = user_data;
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  self->idle_id = 0;
  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    if (EMITRA_IS_WINDOW (l->data))
      g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    rebuild_window (self, g_ptr_array_index (windows, i));
  return G_SOURCE_REMOVE;
}

static void
on_settings_changed_cb (GSettings            *settings,
                        const char           *key,
                        EmitraLanguageSwitch *self)
{
  if (g_str_equal (key, "language"))
    {
      g_autofree char *language = g_settings_get_string (settings, key);

      emitra_language_switch_apply_language (language);
    }
  else if (!g_str_equal (key, "devanagari-digits"))
    return;

  /* Not from inside the signal: the change usually comes from a row of
   * Preferences, which is about to be rebuilt too. */
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (rebuild_windows_cb, self);
}

static void
emitra_language_switch_dispose (GObject *object)
{
  EmitraLanguageSwitch *self = EMITRA_LANGUAGE_SWITCH (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (emitra_language_switch_parent_class)->dispose (object);
}

static void
emitra_language_switch_class_init (EmitraLanguageSwitchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = emitra_language_switch_dispose;
}

static void
emitra_language_switch_init (EmitraLanguageSwitch *self)
{
}

/* Watches @settings for the application's windows; @application owns the
 * returned object. */
EmitraLanguageSwitch *
emitra_language_switch_new (GtkApplication *application,
                            GSettings      *settings)
{
  EmitraLanguageSwitch *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (EMITRA_TYPE_LANGUAGE_SWITCH, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self, 0);
  /* GSettings reports changes only of keys that were read. */
  g_free (g_settings_get_string (settings, "language"));
  g_settings_get_boolean (settings, "devanagari-digits");
  return self;
}

/* How many windows were rebuilt for a new language or digits: for tests. */
guint
emitra_language_switch_get_n_rebuilds (EmitraLanguageSwitch *self)
{
  g_return_val_if_fail (EMITRA_IS_LANGUAGE_SWITCH (self), 0);

  return self->n_rebuilds;
}
