/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The idle lock in the real window against a live sandbox, with a one-
 * second timeout (EMITRA_IDLE_LOCK_SECONDS): nobody signed in, nothing
 * locks; signed in and left alone, the window is covered and its work
 * hidden but kept; a wrong password is refused with the gateway's message;
 * the right one brings the work back exactly as it was.
 */
#include "config.h"

#include <locale.h>

#include "emitra-application.h"
#include "emitra-catalog-page.h"
#include "emitra-idle-lock.h"
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
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *root, GType type)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *w = g_queue_pop_head (queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (queue, c);
    }
  return NULL;
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
  return gtk_widget_has_css_class (find_widget (data, ADW_TYPE_PASSWORD_ENTRY_ROW), "error");
}

static void
sign_in (EmitraWindow *window)
{
  GAsyncResult *result = NULL;
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;
  EmitraSignInWindow *sign_in;

  emitra_window_ensure_signed_in_async (window, NULL, store_cb, &result);
  spin_until (widget_test_sign_in_shown, NULL, 5000);
  sign_in = widget_test_find_sign_in_window ();
  g_assert_nonnull (sign_in);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (sign_in), ADW_TYPE_ENTRY_ROW)), "anil.kumawat");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (sign_in), ADW_TYPE_PASSWORD_ENTRY_ROW)), "demo123");
  gtk_widget_activate_action (GTK_WIDGET (sign_in), "sign-in.submit", NULL);
  spin_until (result_ready, &result, 10000);
  g_assert_nonnull (result);
  session = emitra_window_ensure_signed_in_finish (window, result, &error);
  g_assert_no_error (error);
  g_object_unref (result);
}

/* The catalog's search text: work the lock must keep. */
static gboolean
search_text_is (EmitraWindow *window,
                const char   *text)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (emitra_window_get_catalog_page (window)), GTK_TYPE_SEARCH_ENTRY);

  return entry != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0;
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
  spin (1600);
  g_assert_false (emitra_idle_lock_get_locked (lock));

  /* Some work on screen: a search typed. */
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  entry = find_widget (GTK_WIDGET (emitra_window_get_catalog_page (window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "jati praman");

  sign_in (window);
  spin_until (is_locked, lock, 5000);
  g_assert_true (emitra_idle_lock_get_locked (lock));

  /* Covered: the content is under the lock, out of reach, and kept. */
  g_assert_true (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) != content);
  g_assert_true (gtk_widget_is_ancestor (content, GTK_WIDGET (window)));
  g_assert_false (gtk_widget_is_sensitive (content));
  g_assert_true (search_text_is (window, "jati praman"));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find_widget (GTK_WIDGET (lock), ADW_TYPE_STATUS_PAGE))),
                   !=, "");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (find_widget (GTK_WIDGET (lock),
                                                                                          ADW_TYPE_STATUS_PAGE))),
                            "anil.kumawat"));

  /* A wrong password: still locked, the gateway's message shown. */
  password = find_widget (GTK_WIDGET (lock), ADW_TYPE_PASSWORD_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (password), "not-it");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lock), "idle-lock.unlock", NULL));
  spin_until (error_shown, lock, 5000);
  g_assert_true (emitra_idle_lock_get_locked (lock));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");

  /* The right one: the work is back as it was, and usable. */
  gtk_editable_set_text (GTK_EDITABLE (password), "demo123");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lock), "idle-lock.unlock", NULL));
  spin_until (is_unlocked, lock, 5000);
  g_assert_false (emitra_idle_lock_get_locked (lock));
  g_assert_true (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) == content);
  g_assert_true (gtk_widget_is_sensitive (content));
  g_assert_true (search_text_is (window, "jati praman"));

  /* Left alone again, it locks again. */
  spin_until (is_locked, lock, 5000);
  g_assert_true (emitra_idle_lock_get_locked (lock));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
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
  g_setenv ("EMITRA_IDLE_LOCK_SECONDS", "1", TRUE);
  gtk_init ();
  adw_init ();

  sandbox = sandbox_start (NULL);
  app = widget_test_application_new (sandbox->base_uri);

  g_test_add_func ("/ui/idle-lock/locks-and-unlocks", test_idle_lock);

  status = g_test_run ();
  g_clear_object (&app);
  sandbox_stop (sandbox);
  return status;
}
