/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signing in on demand against a live sandbox: the window asks, the
 * operator types the password, the header then shows who is at the desk
 * and the wallet; a wrong password stays in the window with the gateway's
 * message beside the field.
 */
#include "config.h"

#include <locale.h>

#include "emitra-application.h"
#include "emitra-sign-in-window.h"
#include "emitra-window-desk.h"
#include "emitra-window.h"
#include "sandbox-fixture.h"
#include "ui-test-util.h"
#include "widget-test-util.h"

static EmitraApplication *app;

static void
spin_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static EmitraSignInWindow *
find_sign_in_window (void)
{
  g_autoptr(GListModel) toplevels = NULL;
  GListModel *list = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (list, i);

      if (EMITRA_IS_SIGN_IN_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return EMITRA_SIGN_IN_WINDOW (window);
    }
  return NULL;
}

static gboolean
sign_in_shown (gpointer data)
{
  return find_sign_in_window () != NULL;
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static const char *
identity_text (EmitraWindow *window)
{
  GtkWidget *header = emitra_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *label = emitra_test_find_widget (header, GTK_TYPE_LABEL);

  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
identity_has_wallet (gpointer data)
{
  return strstr (identity_text (data), "₹") != NULL;
}

static void
type_password (EmitraSignInWindow *sign_in, const char *password)
{
  GtkWidget *row = emitra_test_find_widget (GTK_WIDGET (sign_in), ADW_TYPE_PASSWORD_ENTRY_ROW);

  gtk_editable_set_text (GTK_EDITABLE (row), password);
  gtk_widget_activate_action (GTK_WIDGET (sign_in), "sign-in.submit", NULL);
}

static void
test_sign_in_on_demand (void)
{
  EmitraWindow *window = emitra_window_new (app);
  GAsyncResult *result = NULL;
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;
  EmitraSignInWindow *sign_in;
  GtkWidget *sso_row;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (identity_text (window), !=, "");

  emitra_window_ensure_signed_in_async (window, NULL, store_cb, &result);
  spin_until (sign_in_shown, NULL, 5000);
  sign_in = find_sign_in_window ();
  g_assert_nonnull (sign_in);

  sso_row = emitra_test_find_widget (GTK_WIDGET (sign_in), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (sso_row), "anil.kumawat");

  /* A wrong password: the window stays, the message is shown. */
  type_password (sign_in, "not-the-password");
  spin_until ((gboolean (*) (gpointer)) gtk_widget_get_visible,
              emitra_test_find_widget (GTK_WIDGET (sign_in), GTK_TYPE_LABEL), 100);
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (g_get_monotonic_time () < deadline && result == NULL &&
           !gtk_widget_has_css_class (emitra_test_find_widget (GTK_WIDGET (sign_in), ADW_TYPE_PASSWORD_ENTRY_ROW), "error"))
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_null (result);
  g_assert_true (gtk_widget_has_css_class (emitra_test_find_widget (GTK_WIDGET (sign_in), ADW_TYPE_PASSWORD_ENTRY_ROW), "error"));

  type_password (sign_in, "demo123");
  spin_until (result_ready, &result, 10000);
  g_assert_nonnull (result);
  session = emitra_window_ensure_signed_in_finish (window, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_operator_session_get_kiosk_code (session), ==, "K11000142");
  g_object_unref (result);

  /* The header says who is at the desk, with the wallet balance. */
  spin_until (identity_has_wallet, window, 10000);
  g_assert_nonnull (strstr (identity_text (window), "K11000142"));
  g_assert_nonnull (strstr (identity_text (window), "₹"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  SandboxFixture *sandbox;
  int status;

  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();
  setlocale (LC_ALL, "");
  g_setenv ("EMITRA_DATA_DIR", g_get_user_data_dir (), TRUE);
  gtk_init ();
  adw_init ();

  sandbox = sandbox_start (NULL);
  g_setenv ("EMITRA_GATEWAY_URL", sandbox->base_uri, TRUE);

  /* As the first-run setup leaves it. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("in.emitra.Desk");
    g_settings_set_string (settings, "centre-code", "K11000142");
  }

  app = emitra_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/ui/sign-in/on-demand", test_sign_in_on_demand);

  status = g_test_run ();
  g_clear_object (&app);
  sandbox_stop (sandbox);
  return status;
}
