/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choosing Hindi in Preferences, and English again, changes the words on
 * screen at once, with nothing lost: the application being filled stays
 * open at its step with what was typed, and the catalog keeps its search.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "emitra-application.h"
#include "emitra-display.h"
#include "emitra-preferences-window.h"
#include "emitra-setup-window.h"
#include "emitra-text.h"
#include "emitra-window-flow.h"
#include "emitra-window.h"
#include "flow-test-util.h"
#include "ui-test-util.h"

static EmitraApplication *app;

static EmitraWindow *
get_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (EMITRA_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
catalog_loaded (gpointer data)
{
  EmitraCatalogContext *context = emitra_application_get_catalog_context (app);

  return !emitra_catalog_context_get_loading (context) && emitra_catalog_context_get_catalog (context) != NULL;
}

static gboolean
showing_application (gpointer data)
{
  EmitraWindow *window = get_window ();

  return window != NULL && emitra_window_is_showing_application (window) &&
         emitra_application_page_get_draft (emitra_window_get_application_page (window)) != NULL;
}

typedef struct
{
  guint wanted;
} Rebuilds;

static gboolean
rebuilt (gpointer data)
{
  Rebuilds *rebuilds = data;

  return emitra_language_switch_get_n_rebuilds (emitra_application_get_language_switch (app)) >= rebuilds->wanted &&
         showing_application (NULL);
}

static const char *
next_label (EmitraWindow *window)
{
  return gtk_button_get_label (emitra_window_get_application_page (window)->next_button);
}

static const char *
field_text (EmitraWindow *window,
            const char   *id)
{
  EmitraApplicationPage *page = emitra_window_get_application_page (window);
  GtkWidget *row = emitra_form_view_get_field_row (emitra_citizen_step_get_form_view (page->citizen_step), id);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The one window of @type on screen, if any. */
static GtkWindow *
find_shown (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          g_assert_null (found);
          found = toplevel;
        }
    }
  return found;
}

/* The Preferences window open over @window, if any. */
static GtkWindow *
find_preferences (EmitraWindow *window)
{
  GtkWindow *found = find_shown (EMITRA_TYPE_PREFERENCES_WINDOW);

  g_assert_true (found == NULL || gtk_window_get_transient_for (found) == GTK_WINDOW (window));
  return found;
}

static gboolean
page_gone_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Switches to @language and waits for the window to be built again. */
static EmitraWindow *
switch_to (const char *language,
           Rebuilds   *rebuilds)
{
  EmitraWindow *old = get_window ();
  EmitraWindow *window;

  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);
  rebuilds->wanted++;
  g_settings_set_string (emitra_application_get_settings (app), "language", language);
  emitra_test_spin_until (rebuilt, rebuilds, 10000);
  g_assert_true (rebuilt (rebuilds));

  /* One window, a new one; the old one is gone, not leaked. */
  window = get_window ();
  g_assert_nonnull (window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  emitra_test_spin_until (page_gone_cb, &old, 3000);
  g_assert_null (old);
  return window;
}

static void
test_switch_keeps_work (void)
{
  EmitraWindow *window = emitra_window_new (app);
  Rebuilds rebuilds = { 0 };
  const char *english_next;

  gtk_window_present (GTK_WINDOW (window));
  emitra_test_spin_until (catalog_loaded, NULL, 10000);
  g_assert_true (catalog_loaded (NULL));

  /* Something typed into the search, then an application started with a
   * name typed in it (saved as a draft while typing). */
  emitra_catalog_page_search (emitra_window_get_catalog_page (window), "jati");
  g_assert_true (emitra_catalog_page_show_service (emitra_window_get_catalog_page (window), "income-certificate"));
  emitra_window_set_visible_page (window, "reports");
  emitra_window_flow_start_application (window, "caste-certificate-obc");
  emitra_test_spin_until (showing_application, NULL, 5000);
  g_assert_true (showing_application (NULL));
  gtk_editable_set_text (GTK_EDITABLE (emitra_form_view_get_field_row (
                           emitra_citizen_step_get_form_view (emitra_window_get_application_page (window)->citizen_step),
                           "full_name_en")),
                         "Sunita Kumari Saini");
  english_next = g_intern_string (next_label (window));
  g_assert_cmpstr (english_next, ==, "_Next");

  /* The switch is made in Preferences, which stay open, in the new words. */
  {
    EmitraPreferencesWindow *preferences = emitra_preferences_window_new (emitra_application_get_settings (app));

    gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
    gtk_window_present (GTK_WINDOW (preferences));
    g_assert_cmpstr (gtk_window_get_title (find_preferences (window)), ==, "Preferences");
  }
  window = switch_to ("hi", &rebuilds);
  g_assert_nonnull (find_preferences (window));
  g_assert_cmpstr (gtk_window_get_title (find_preferences (window)), ==, "प्राथमिकताएँ");
  gtk_window_destroy (find_preferences (window));
  /* The button reads in Hindi; the work is still there. */
  g_assert_cmpstr (next_label (window), ==, "_आगे");
  g_assert_cmpstr (field_text (window, "full_name_en"), ==, "Sunita Kumari Saini");
  g_assert_cmpstr (emitra_application_page_get_step (emitra_window_get_application_page (window)), ==, "citizen");
  g_assert_cmpstr (emitra_catalog_page_get_search_text (emitra_window_get_catalog_page (window)), ==, "jati");
  g_assert_cmpstr (emitra_catalog_page_get_shown_service_id (emitra_window_get_catalog_page (window)), ==,
                   "income-certificate");
  g_assert_cmpstr (emitra_window_get_visible_page (window), ==, "reports");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "page", "Receipts"), ==, "रसीदें");
  /* Catalog names and form labels follow: Hindi first now. */
  g_assert_true (emitra_text_prefers_hindi ());
  g_assert_true (emitra_text_prefers_hindi ());
  g_assert_cmpstr (adw_window_title_get_title (emitra_window_get_application_page (window)->window_title), ==,
                   "जाति प्रमाण पत्र (अन्य पिछड़ा वर्ग, नॉन-क्रीमीलेयर)");

  /* Typed in Hindi now, and back to English. */
  gtk_editable_set_text (GTK_EDITABLE (emitra_form_view_get_field_row (
                           emitra_citizen_step_get_form_view (emitra_window_get_application_page (window)->citizen_step),
                           "full_name_hi")),
                         "सुनीता कुमारी सैनी");
  window = switch_to ("en", &rebuilds);
  g_assert_cmpstr (next_label (window), ==, english_next);
  g_assert_cmpstr (field_text (window, "full_name_en"), ==, "Sunita Kumari Saini");
  g_assert_cmpstr (field_text (window, "full_name_hi"), ==, "सुनीता कुमारी सैनी");
  g_assert_cmpstr (emitra_catalog_page_get_search_text (emitra_window_get_catalog_page (window)), ==, "jati");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "page", "Receipts"), ==, "Receipts");
  g_assert_false (emitra_text_prefers_hindi ());
  g_assert_cmpstr (adw_window_title_get_title (emitra_window_get_application_page (window)->window_title), ==,
                   "Caste Certificate (OBC, non-creamy layer)");

  /* Devanagari digits: amounts show them at once, and go away again. */
  g_assert_cmpint (emitra_display_get_digits (), ==, EMITRA_DIGITS_LATIN);
  rebuilds.wanted++;
  g_settings_set_boolean (emitra_application_get_settings (app), "devanagari-digits", TRUE);
  emitra_test_spin_until (rebuilt, &rebuilds, 10000);
  g_assert_true (rebuilt (&rebuilds));
  {
    g_autofree char *money = emitra_display_money (12345600);

    g_assert_cmpstr (money, ==, "₹१,२३,४५६.००");
  }
  window = get_window ();
  g_assert_cmpstr (field_text (window, "full_name_en"), ==, "Sunita Kumari Saini");
  g_settings_set_boolean (emitra_application_get_settings (app), "devanagari-digits", FALSE);

  gtk_window_destroy (GTK_WINDOW (get_window ()));
  emitra_test_spin (100);
}

/* The setup window open over the desk's window, if any. */
static GtkWindow *
find_setup (void)
{
  return find_shown (EMITRA_TYPE_SETUP_WINDOW);
}

/* The @nth widget of type @type_name in @widget, in the order drawn. */
static GtkWidget *
find_nth (GtkWidget  *widget,
          const char *type_name,
          guint      *nth)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name) && (*nth)-- == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth (child, type_name, nth);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
setup_child (const char *type_name,
             guint       nth)
{
  GtkWindow *setup = find_setup ();

  g_assert_nonnull (setup);
  return find_nth (GTK_WIDGET (setup), type_name, &nth);
}

static gboolean
rebuilt_with_setup (gpointer data)
{
  Rebuilds *rebuilds = data;

  return emitra_language_switch_get_n_rebuilds (emitra_application_get_language_switch (app)) >= rebuilds->wanted &&
         find_setup () != NULL;
}

/* The language button of the setup window that reads @label. */
static GtkToggleButton *
language_button (const char *label)
{
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = setup_child ("GtkToggleButton", i);

      g_assert_nonnull (button);
      if (g_str_equal (gtk_button_get_label (GTK_BUTTON (button)), label))
        return GTK_TOGGLE_BUTTON (button);
    }
  g_assert_not_reached ();
}

/* Hindi chosen at the top of the first-run setup: the desk and the setup
 * window read in Hindi at once, and what the installer typed is all still
 * there; English again, and Start saves it. */
static void
test_switch_from_setup (void)
{
  GSettings *settings = emitra_application_get_settings (app);
  EmitraWindow *window;
  EmitraSetupWindow *setup;
  g_autofree char *english_title = NULL;
  g_autofree char *code = NULL;
  g_autofree char *url = NULL;
  g_autofree char *printer = NULL;
  g_autofree char *format = NULL;
  g_autofree char *language = NULL;
  Rebuilds rebuilds = { 0 };
  static const char *const languages[] = { "हिन्दी", "English" };

  g_settings_reset (settings, "language");
  g_settings_set_boolean (settings, "setup-complete", FALSE);
  /* Any rebuild still due from before (the digits put back, the language
   * reset) is done first. */
  emitra_test_spin (300);
  rebuilds.wanted = emitra_language_switch_get_n_rebuilds (emitra_application_get_language_switch (app));
  window = emitra_window_new (app);
  setup = emitra_setup_window_new (settings);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_transient_for (GTK_WINDOW (setup), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (setup));
  emitra_test_spin (100);
  english_title = g_strdup (gtk_window_get_title (find_setup ()));
  g_assert_cmpstr (english_title, ==, "Set Up This Desk");
  /* The session's language (English here) is shown chosen, and nothing
   * is written until someone chooses. */
  g_assert_true (gtk_toggle_button_get_active (language_button ("English")));
  g_assert_cmpuint (rebuilds.wanted, ==,
                    emitra_language_switch_get_n_rebuilds (emitra_application_get_language_switch (app)));

  /* Typed, not saved: the kiosk code, the gateway and its address, the
   * A4 format and a printer. */
  gtk_editable_set_text (GTK_EDITABLE (setup_child ("AdwEntryRow", 0)), "K11000142");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (setup_child ("GtkCheckButton", 1)), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (setup_child ("AdwEntryRow", 1)), "https://emitra.example.in");
  adw_combo_row_set_selected (ADW_COMBO_ROW (setup_child ("AdwComboRow", 0)), 1);
  gtk_editable_set_text (GTK_EDITABLE (setup_child ("AdwEntryRow", 2)), "TVS RP3160");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      rebuilds.wanted++;
      gtk_widget_activate (GTK_WIDGET (language_button (languages[i])));
      emitra_test_spin_until (rebuilt_with_setup, &rebuilds, 10000);
      g_assert_true (rebuilt_with_setup (&rebuilds));
      g_assert_true (gtk_toggle_button_get_active (language_button (languages[i])));
      g_assert_cmpstr (gtk_window_get_title (find_setup ()), ==, i == 0 ? "इस डेस्क को सेट करें" : english_title);
      g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "page", "Receipts"), ==, i == 0 ? "रसीदें" : "Receipts");
      g_assert_true (gtk_window_get_transient_for (find_setup ()) == GTK_WINDOW (get_window ()));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (setup_child ("AdwEntryRow", 0))), ==, "K11000142");
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (setup_child ("GtkCheckButton", 1))));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (setup_child ("AdwEntryRow", 1))), ==,
                       "https://emitra.example.in");
      g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (setup_child ("AdwComboRow", 0))), ==, 1);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (setup_child ("AdwEntryRow", 2))), ==, "TVS RP3160");
      /* Nothing was saved on the way. */
      g_assert_true (emitra_setup_window_is_needed (settings));
    }

  gtk_widget_activate_action (GTK_WIDGET (find_setup ()), "setup.done", NULL);
  emitra_test_spin (100);
  g_assert_null (find_setup ());
  g_assert_false (emitra_setup_window_is_needed (settings));
  code = g_settings_get_string (settings, "centre-code");
  url = g_settings_get_string (settings, "gateway-url");
  format = g_settings_get_string (settings, "receipt-format");
  printer = g_settings_get_string (settings, "printer");
  g_assert_cmpstr (code, ==, "K11000142");
  g_assert_cmpstr (url, ==, "https://emitra.example.in");
  g_assert_cmpstr (format, ==, "a4");
  g_assert_cmpstr (printer, ==, "TVS RP3160");
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "en");

  gtk_window_destroy (GTK_WINDOW (get_window ()));
  emitra_test_spin (100);
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("EMITRA_BUILD_ROOT");
  g_autofree char *data_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();
  data_dir = g_build_filename (g_get_user_data_dir (), "emitra-desk", NULL);
  g_setenv ("EMITRA_DATA_DIR", data_dir, TRUE);
  /* The switch is to what Preferences say, whatever the session's. */
  g_unsetenv ("LANGUAGE");

  setlocale (LC_ALL, "");
  /* As main() does: before textdomain(), see emitra-language-switch.c. */
  emitra_application_setup_language ();
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

  g_test_add_func ("/ui/language-switch/keeps-work", test_switch_keeps_work);
  g_test_add_func ("/ui/language-switch/from-setup", test_switch_from_setup);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
