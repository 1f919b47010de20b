/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The idle lock in the real window against a live sandbox, with a one-
 * second timeout (EMITRA_IDLE_LOCK_SECONDS): nobody signed in, nothing
 * locks; signed in and left alone, the window is covered and its work
 * hidden but kept; a wrong password is refused with the gateway's message;
 * the right one brings the work back exactly as it was. Five wrong ones
 * make the operator wait, counted down. With the gateway gone (the
 * sandbox stopped: connections refused), the right password still
 * unlocks, said so on the window, and a wrong one is still refused and
 * still counted. The next operator can sign the last one out from the
 * lock. Preferences sets how long the lock waits.
 *
 * Set EMITRA_TEST_SCREENSHOT_DIR to keep a PNG of each state for a look.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "emitra-application.h"
#include "emitra-catalog-page.h"
#include "emitra-display.h"
#include "emitra-idle-lock.h"
#include "emitra-preferences-window.h"
#include "emitra-sign-in-window.h"
#include "emitra-window-desk.h"
#include "emitra-window.h"
#include "sandbox-fixture.h"
#include "ui-test-util.h"
#include "widget-test-util.h"

static EmitraApplication *app;
static SandboxFixture *sandbox;

static gboolean
is_locked (gpointer data)
{
  return emitra_idle_lock_get_locked (data);
}

static gboolean
is_unlocked (gpointer data)
{
  return !emitra_idle_lock_get_locked (data);
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_has_css_class (emitra_test_find_widget (data, ADW_TYPE_PASSWORD_ENTRY_ROW), "error");
}

/* The catalog's search text: work the lock must keep. */
static gboolean
search_text_is (EmitraWindow *window,
                const char   *text)
{
  GtkWidget *entry = emitra_test_find_widget (GTK_WIDGET (emitra_window_get_catalog_page (window)), GTK_TYPE_SEARCH_ENTRY);

  return entry != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0;
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

/* The lock's message under the password: the label styled as an error. */
static const char *
lock_message (EmitraIdleLock *lock)
{
  GtkWidget *label = emitra_test_find (GTK_WIDGET (lock), is_error_label, NULL);

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static char *
wait_message (guint seconds)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Too many wrong passwords. Try again in %u second.",
                                                        "Too many wrong passwords. Try again in %u seconds.",
                                                        seconds),
                                           seconds);

  return emitra_display_digits (text);
}

static gboolean
password_cleared (gpointer data)
{
  EmitraIdleLock *lock = data;

  return !emitra_idle_lock_get_locked (lock) ||
         gtk_editable_get_text (GTK_EDITABLE (emitra_test_find_widget (GTK_WIDGET (lock), ADW_TYPE_PASSWORD_ENTRY_ROW)))[0] == '\0';
}

/* Types @password and presses Unlock; returns once it is answered (the
 * field emptied after a refusal, or the lock gone). */
static void
try_password (EmitraIdleLock *lock,
              const char     *password)
{
  GtkWidget *row = emitra_test_find_widget (GTK_WIDGET (lock), ADW_TYPE_PASSWORD_ENTRY_ROW);

  gtk_editable_set_text (GTK_EDITABLE (row), password);
  gtk_widget_activate_action (GTK_WIDGET (lock), "idle-lock.unlock", NULL);
  emitra_test_spin_until (password_cleared, lock, 10000);
  g_assert_true (password_cleared (lock));
}

/* A new window, signed in (if need be) and left alone: locked. */
static EmitraWindow *
open_locked_window (EmitraIdleLock **out_lock)
{
  EmitraWindow *window = emitra_window_new (app);
  EmitraGatewayClient *client = emitra_desk_get_gateway (emitra_application_get_desk (app));
  EmitraIdleLock *lock;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  lock = emitra_idle_lock_get_for (ADW_APPLICATION_WINDOW (window));
  if (emitra_gateway_client_get_operator_session (client) == NULL)
    g_object_unref (widget_test_sign_in (window));
  emitra_test_spin_until (is_locked, lock, 5000);
  g_assert_true (emitra_idle_lock_get_locked (lock));
  *out_lock = lock;
  return window;
}

static void
test_idle_lock (void)
{
  EmitraWindow *window = emitra_window_new (app);
  EmitraIdleLock *lock;
  GtkWidget *content;
  GtkWidget *entry;
  GtkWidget *password;

  gtk_window_present (GTK_WINDOW (window));
  lock = emitra_idle_lock_get_for (ADW_APPLICATION_WINDOW (window));
  g_assert_nonnull (lock);
  g_assert_cmpuint (emitra_idle_lock_get_timeout (lock), ==, 1);

  /* Nobody signed in: no password to ask for, no lock. */
  emitra_test_spin (1600);
  g_assert_false (emitra_idle_lock_get_locked (lock));

  /* Some work on screen: a search typed. */
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  entry = emitra_test_find_widget (GTK_WIDGET (emitra_window_get_catalog_page (window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "jati praman");

  g_object_unref (widget_test_sign_in (window));
  emitra_test_spin_until (is_locked, lock, 5000);
  g_assert_true (emitra_idle_lock_get_locked (lock));

  /* Covered: the content is under the lock, out of reach, and kept. */
  g_assert_true (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) != content);
  g_assert_true (gtk_widget_is_ancestor (content, GTK_WIDGET (window)));
  g_assert_false (gtk_widget_is_sensitive (content));
  g_assert_true (search_text_is (window, "jati praman"));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (emitra_test_find_widget (GTK_WIDGET (lock), ADW_TYPE_STATUS_PAGE))),
                   !=, "");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (emitra_test_find_widget (GTK_WIDGET (lock),
                                                                                          ADW_TYPE_STATUS_PAGE))),
                            "anil.kumawat"));

  /* A wrong password: still locked, the gateway's message shown. */
  password = emitra_test_find_widget (GTK_WIDGET (lock), ADW_TYPE_PASSWORD_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (password), "not-it");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lock), "idle-lock.unlock", NULL));
  emitra_test_spin_until (error_shown, lock, 5000);
  g_assert_true (emitra_idle_lock_get_locked (lock));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");

  /* The right one: the work is back as it was, and usable. */
  gtk_editable_set_text (GTK_EDITABLE (password), "demo123");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lock), "idle-lock.unlock", NULL));
  emitra_test_spin_until (is_unlocked, lock, 5000);
  g_assert_false (emitra_idle_lock_get_locked (lock));
  g_assert_true (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) == content);
  g_assert_true (gtk_widget_is_sensitive (content));
  g_assert_true (search_text_is (window, "jati praman"));

  /* Left alone again, it locks again. */
  emitra_test_spin_until (is_locked, lock, 5000);
  g_assert_true (emitra_idle_lock_get_locked (lock));

  gtk_window_destroy (GTK_WINDOW (window));
  emitra_test_spin (100);
}

static gboolean
is_sign_out_button (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.sign-out") == 0;
}

/* Shifts change at a locked desk: the next operator signs the last one
 * out from the lock, with no password. The application that was open is
 * saved and closed, waiting among the unfinished applications; the lock
 * lifts, and with nobody signed in it does not come back. */
static void
test_sign_out_at_lock (void)
{
  EmitraWindow *window = emitra_window_new (app);
  EmitraDesk *desk = emitra_application_get_desk (app);
  EmitraGatewayClient *client = emitra_desk_get_gateway (desk);
  g_autoptr(GListModel) drafts = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GError) error = NULL;
  EmitraIdleLock *lock;
  GtkWidget *button;
  gboolean kept = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  lock = emitra_idle_lock_get_for (ADW_APPLICATION_WINDOW (window));
  if (emitra_gateway_client_get_operator_session (client) == NULL)
    g_object_unref (widget_test_sign_in (window));

  /* An application on screen when the operator walks away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-application", "s",
                                             "income-certificate"));
  g_assert_true (emitra_window_is_showing_application (window));
  emitra_draft_set_citizen_name (emitra_application_page_get_draft (emitra_window_get_application_page (window)),
                                 "Shift Change Test");
  emitra_test_spin_until (is_locked, lock, 5000);
  g_assert_true (emitra_idle_lock_get_locked (lock));
  emitra_test_screenshot (GTK_WIDGET (window), "idle-lock", "sign-out");

  button = emitra_test_find (GTK_WIDGET (lock), is_sign_out_button, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  emitra_test_spin_until (is_unlocked, lock, 5000);

  g_assert_false (emitra_idle_lock_get_locked (lock));
  g_assert_null (emitra_gateway_client_get_operator_session (client));
  g_assert_false (emitra_window_is_showing_application (window));
  g_assert_false (gtk_widget_is_sensitive (button));

  emitra_draft_store_list_async (emitra_desk_get_drafts (desk), NULL, widget_test_store_result_cb, &listed);
  emitra_test_spin_until (widget_test_result_ready, &listed, 5000);
  g_assert_nonnull (listed);
  drafts = emitra_draft_store_list_finish (emitra_desk_get_drafts (desk), listed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (drafts);
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(EmitraDraft) draft = g_list_model_get_item (drafts, i);

      kept |= g_strcmp0 (emitra_draft_get_citizen_name (draft), "Shift Change Test") == 0 &&
              g_strcmp0 (emitra_draft_get_service_id (draft), "income-certificate") == 0;
    }
  g_assert_true (kept);

  emitra_test_spin (1600);
  g_assert_false (emitra_idle_lock_get_locked (lock));

  gtk_window_destroy (GTK_WINDOW (window));
  emitra_test_spin (100);
}

/* Online: five wrong passwords at the gateway, then a wait counted down,
 * during which not even the right password is tried. */
static void
test_wrong_passwords_wait (void)
{
  EmitraIdleLock *lock;
  EmitraWindow *window = open_locked_window (&lock);
  g_autofree char *thirty = wait_message (30);
  g_autofree char *twenty_nine = wait_message (29);
  g_autofree char *twenty_eight = wait_message (28);

  for (guint i = 0; i < 4; i++)
    {
      try_password (lock, "not-it");
      g_assert_true (emitra_idle_lock_get_locked (lock));
      g_assert_nonnull (lock_message (lock));
      g_assert_cmpstr (lock_message (lock), !=, thirty);
    }
  try_password (lock, "still-not-it");
  g_assert_cmpstr (lock_message (lock), ==, thirty);
  emitra_test_screenshot (GTK_WIDGET (window), "idle-lock", "wait");

  /* The right password, during the wait: not even sent. */
  gtk_editable_set_text (GTK_EDITABLE (emitra_test_find_widget (GTK_WIDGET (lock), ADW_TYPE_PASSWORD_ENTRY_ROW)), "demo123");
  gtk_widget_activate_action (GTK_WIDGET (lock), "idle-lock.unlock", NULL);
  emitra_test_spin (1500);
  g_assert_true (emitra_idle_lock_get_locked (lock));
  /* Counted down on screen. */
  g_assert_true (g_strcmp0 (lock_message (lock), twenty_nine) == 0 ||
                 g_strcmp0 (lock_message (lock), twenty_eight) == 0);

  gtk_window_destroy (GTK_WINDOW (window));
  emitra_test_spin (100);
}

static gboolean
label_shown (gpointer data)
{
  return emitra_test_find_label (data, g_dgettext (GETTEXT_PACKAGE, "Unlocked offline: the gateway could not check your "
                                                        "password, so the desk checked it itself.")) != NULL;
}

/* The gateway answers, but fails (503 on every sign-in): no verdict on the
 * password, so the desk checks it itself, as when the line is down. */
static void
test_gateway_failing (void)
{
  EmitraIdleLock *lock;
  EmitraWindow *window = open_locked_window (&lock);

  sandbox_set_faults (sandbox, "{ \"fail_rate\": 1.0, \"fail_status\": 503, \"path_prefix\": \"/v1/sessions\" }");
  try_password (lock, "demo123");
  g_assert_false (emitra_idle_lock_get_locked (lock));
  emitra_test_spin_until (label_shown, window, 2000);
  g_assert_true (label_shown (window));
  sandbox_set_faults (sandbox, "{}");

  gtk_window_destroy (GTK_WINDOW (window));
  emitra_test_spin (100);
}

/* The line drops: connections to the gateway are refused. The right
 * password still unlocks, and the window says it was checked offline; a
 * wrong one is refused, and five of them make the operator wait. */
static void
test_offline (void)
{
  const char *offline_refusal = g_dgettext (GETTEXT_PACKAGE, "Wrong password. The gateway could not check it, so "
                                                             "the desk checked it against the password you signed in with.");
  EmitraIdleLock *lock;
  EmitraWindow *window;
  GtkWidget *content;
  g_autofree char *thirty = wait_message (30);

  window = open_locked_window (&lock);
  sandbox_stop (g_steal_pointer (&sandbox));
  content = gtk_overlay_get_child (GTK_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))));
  gtk_editable_set_text (GTK_EDITABLE (emitra_test_find_widget (content, GTK_TYPE_SEARCH_ENTRY)), "aay praman");

  try_password (lock, "demo1234");
  g_assert_true (emitra_idle_lock_get_locked (lock));
  g_assert_cmpstr (lock_message (lock), ==, offline_refusal);
  emitra_test_screenshot (GTK_WIDGET (window), "idle-lock", "offline-refused");

  gtk_editable_set_text (GTK_EDITABLE (emitra_test_find_widget (GTK_WIDGET (lock), ADW_TYPE_PASSWORD_ENTRY_ROW)), "demo123");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lock), "idle-lock.unlock", NULL));
  emitra_test_spin_until (is_unlocked, lock, 10000);
  g_assert_false (emitra_idle_lock_get_locked (lock));
  g_assert_true (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) == content);
  g_assert_true (gtk_widget_is_sensitive (content));
  g_assert_true (search_text_is (window, "aay praman"));
  /* The keyboard is back where it was when the desk locked: the search. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         emitra_test_find_widget (content, GTK_TYPE_SEARCH_ENTRY)));
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (emitra_test_find_widget (content, GTK_TYPE_SEARCH_ENTRY)),
                                                     NULL, NULL));
  emitra_test_spin_until (label_shown, window, 2000);
  g_assert_true (label_shown (window));
  emitra_test_screenshot (GTK_WIDGET (window), "idle-lock", "offline-unlocked");

  /* Locked again: the right one cleared the count, so five wrong ones
   * (not four) make the operator wait, offline too. */
  emitra_test_spin_until (is_locked, lock, 5000);
  g_assert_true (emitra_idle_lock_get_locked (lock));
  for (guint i = 0; i < 4; i++)
    {
      try_password (lock, "guess");
      g_assert_cmpstr (lock_message (lock), ==, offline_refusal);
    }
  try_password (lock, "guess");
  g_assert_cmpstr (lock_message (lock), ==, thirty);
  gtk_editable_set_text (GTK_EDITABLE (emitra_test_find_widget (GTK_WIDGET (lock), ADW_TYPE_PASSWORD_ENTRY_ROW)), "demo123");
  gtk_widget_activate_action (GTK_WIDGET (lock), "idle-lock.unlock", NULL);
  emitra_test_spin (1000);
  g_assert_true (emitra_idle_lock_get_locked (lock));

  gtk_window_destroy (GTK_WINDOW (window));
  emitra_test_spin (100);
}

static guint
index_of_item (AdwComboRow *row,
               const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return i;
  g_assert_not_reached ();
}

static const char *
selected_item (AdwComboRow *row)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

static char *
minutes_label (guint minutes)
{
  g_autofree char *text = NULL;

  if (minutes == 0)
    return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "idle lock", "Never"));
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes), minutes);
  return emitra_display_digits (text);
}

static gboolean
is_idle_lock_row (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                      g_dgettext (GETTEXT_PACKAGE, "Lock when idle"));
}

/* Preferences' "Lock when idle": what it picks is the key, and the lock
 * in the window follows at once. */
static void
test_preferences (void)
{
  static const guint picks[] = { 5, 0, 2, 30, 10 };
  GSettings *settings = emitra_application_get_settings (app);
  g_autofree char *override = g_strdup (g_getenv ("EMITRA_IDLE_LOCK_SECONDS"));
  g_autofree char *fifteen = minutes_label (15);
  g_autofree char *forty_five = minutes_label (45);
  EmitraPreferencesWindow *preferences;
  EmitraWindow *window;
  EmitraIdleLock *lock;
  AdwComboRow *row;

  /* The setting itself, not the tests' one-second override. */
  g_unsetenv ("EMITRA_IDLE_LOCK_SECONDS");
  g_settings_reset (settings, "idle-lock-minutes");
  window = emitra_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  lock = emitra_idle_lock_get_for (ADW_APPLICATION_WINDOW (window));
  g_assert_cmpuint (emitra_idle_lock_get_timeout (lock), ==, 15 * 60);

  preferences = emitra_preferences_window_new (settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  row = ADW_COMBO_ROW (emitra_test_find (GTK_WIDGET (preferences), is_idle_lock_row, NULL));
  g_assert_nonnull (row);
  g_assert_cmpstr (selected_item (row), ==, fifteen);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 6);
  emitra_test_screenshot (GTK_WIDGET (preferences), "idle-lock", "preferences");

  for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
    {
      g_autofree char *label = minutes_label (picks[i]);

      adw_combo_row_set_selected (row, index_of_item (row, label));
      g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==, picks[i]);
      g_assert_cmpuint (emitra_idle_lock_get_timeout (lock), ==, picks[i] * 60);
      g_assert_cmpstr (selected_item (row), ==, label);
    }

  /* A value set another way is shown as it is, and left alone. */
  g_settings_set_uint (settings, "idle-lock-minutes", 45);
  g_assert_cmpstr (selected_item (row), ==, forty_five);
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==, 45);
  g_assert_cmpuint (emitra_idle_lock_get_timeout (lock), ==, 45 * 60);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  emitra_test_spin (100);
  g_settings_reset (settings, "idle-lock-minutes");
  g_setenv ("EMITRA_IDLE_LOCK_SECONDS", override, TRUE);
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
  g_setenv ("EMITRA_DATA_DIR", g_get_user_data_dir (), TRUE);
  g_setenv ("EMITRA_IDLE_LOCK_SECONDS", "1", TRUE);
  gtk_init ();
  adw_init ();

  sandbox = sandbox_start (NULL);
  app = widget_test_application_new (sandbox->base_uri);

  g_test_add_func ("/ui/idle-lock/locks-and-unlocks", test_idle_lock);
  g_test_add_func ("/ui/idle-lock/sign-out", test_sign_out_at_lock);
  g_test_add_func ("/ui/idle-lock/wrong-passwords-wait", test_wrong_passwords_wait);
  g_test_add_func ("/ui/idle-lock/gateway-failing", test_gateway_failing);
  g_test_add_func ("/ui/idle-lock/offline", test_offline);
  g_test_add_func ("/ui/idle-lock/preferences", test_preferences);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_pointer (&sandbox, sandbox_stop);
  return status;
}
