/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's view of the desk: the training and offline banners, the
 * operator, kiosk and wallet balance in the header, sign-in on demand
 * (in place, returning to the same screen afterwards, also when a session
 * expires mid-work) and sign-out at the end of a shift. Kept apart from
 * emitra-window.c, which lays out pages.
 */
#include "config.h"

#include "emitra-window-desk.h"

#include <glib/gi18n.h>

#include "emitra-display.h"
#include "emitra-idle-lock.h"
#include "emitra-money.h"
#include "emitra-sign-in-window.h"
#include "emitra-text.h"

typedef struct
{
  EmitraDesk         *desk;
  EmitraSignInWindow *sign_in;     /* the one open, if any */
  GPtrArray          *waiting;     /* GTasks waiting for a session */
  gint64              balance;     /* -1 when unknown */
  GCancellable       *cancellable;
  guint               expiry_id;   /* checks the session's expiry */
} WindowDesk;

static void
window_desk_free (gpointer data)
{
  WindowDesk *wd = data;

  g_cancellable_cancel (wd->cancellable);
  g_clear_object (&wd->cancellable);
  g_clear_handle_id (&wd->expiry_id, g_source_remove);
  g_clear_pointer (&wd->waiting, g_ptr_array_unref);
  g_clear_object (&wd->desk);
  g_free (wd);
}

static WindowDesk *
get_window_desk (EmitraWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "emitra-window-desk");
}

static void
update_identity (EmitraWindow *window)
{
  WindowDesk *wd = get_window_desk (window);
  EmitraOperatorSession *session = emitra_gateway_client_get_operator_session (emitra_desk_get_gateway (wd->desk));
  g_autofree char *identity = NULL;

  if (session == NULL)
    {
      emitra_window_set_identity (window, NULL);
      return;
    }

  if (wd->balance >= 0)
    {
      g_autofree char *money = emitra_display_money (wd->balance);

      /* Translators: the header: operator's name · kiosk code · wallet balance. */
      identity = g_strdup_printf (_("%s · %s · wallet %s"),
                                  emitra_text_prefers_hindi () ? emitra_operator_session_get_name_hi (session)
                                                 : emitra_operator_session_get_name_en (session),
                                  emitra_operator_session_get_kiosk_code (session), money);
    }
  else
    identity = g_strdup_printf ("%s · %s",
                                emitra_text_prefers_hindi () ? emitra_operator_session_get_name_hi (session)
                                               : emitra_operator_session_get_name_en (session),
                                emitra_operator_session_get_kiosk_code (session));

  emitra_window_set_identity (window, identity);
}

static void
on_wallet_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(EmitraWindow) window = user_data;
  WindowDesk *wd = get_window_desk (window);
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(GError) error = NULL;

  wallet = emitra_gateway_client_get_wallet_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (wallet == NULL || wd == NULL)
    return;

  wd->balance = emitra_wallet_get_balance (wallet);
  update_identity (window);
}

/* The balance after a sign-in or a submission; never blocks the window. */
void
emitra_window_refresh_wallet (EmitraWindow *window)
{
  WindowDesk *wd = get_window_desk (window);

  if (wd == NULL || emitra_gateway_client_get_operator_session (emitra_desk_get_gateway (wd->desk)) == NULL)
    return;

  emitra_gateway_client_get_wallet_async (emitra_desk_get_gateway (wd->desk), wd->cancellable,
                                          on_wallet_cb, g_object_ref (window));
}

/* The session the Receipts and Reports pages show for: the one signed
 * in, as long as it lasts. An expired one shows nothing, as nobody does;
 * Sign In then asks for the password again (see ensure_signed_in). */
static EmitraOperatorSession *
shown_session (WindowDesk *wd)
{
  EmitraOperatorSession *session = emitra_gateway_client_get_operator_session (emitra_desk_get_gateway (wd->desk));

  return session != NULL && !emitra_operator_session_is_expired (session) ? session : NULL;
}

/* The pages that show citizens' names and the desk's takings show what
 * this session's role may see, or nothing. */
static void
show_session (EmitraWindow *window)
{
  WindowDesk *wd = get_window_desk (window);
  EmitraOperatorSession *session = shown_session (wd);

  /* The menu offers the one that applies. An expired session can still be
   * signed out: the next operator should not be asked for its password. */
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.sign-in", session == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.sign-out",
                                 emitra_gateway_client_get_operator_session (emitra_desk_get_gateway (wd->desk)) != NULL);

  if (emitra_window_peek_report_page (window) != NULL)
    emitra_report_page_set_session (emitra_window_peek_report_page (window), session);
  if (emitra_window_peek_receipts_page (window) != NULL)
    emitra_receipts_page_set_session (emitra_window_peek_receipts_page (window), session);
}

static void schedule_expiry_check (EmitraWindow *window);

static gboolean
on_expiry_check_cb (gpointer user_data)
{
  EmitraWindow *window = user_data;
  WindowDesk *wd = get_window_desk (window);

  wd->expiry_id = 0;
  if (shown_session (wd) == NULL)
    show_session (window);
  else
    schedule_expiry_check (window);
  return G_SOURCE_REMOVE;
}

/* A session ends at its expiry whether or not the gateway is asked
 * anything meanwhile. Checked at the expiry, and at least once a minute,
 * since a suspended machine's timers wait while the clock moves on. */
static void
schedule_expiry_check (EmitraWindow *window)
{
  WindowDesk *wd = get_window_desk (window);
  EmitraOperatorSession *session = shown_session (wd);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan left;

  g_clear_handle_id (&wd->expiry_id, g_source_remove);
  if (session == NULL)
    return;
  left = g_date_time_difference (emitra_operator_session_get_expires_at (session), now) / G_TIME_SPAN_SECOND;
  wd->expiry_id = g_timeout_add_seconds ((guint) CLAMP (left + 1, 1, 60), on_expiry_check_cb, window);
}

static void
on_session_changed_cb (EmitraWindow *window)
{
  WindowDesk *wd = get_window_desk (window);

  wd->balance = -1;
  update_identity (window);
  emitra_window_refresh_wallet (window);
  show_session (window);
  schedule_expiry_check (window);
}

static void
on_training_changed_cb (EmitraWindow *window)
{
  emitra_window_set_training (window, emitra_desk_get_training (get_window_desk (window)->desk));
}

static void
on_online_changed_cb (EmitraWindow *window)
{
  emitra_window_set_online (window, emitra_desk_get_online (get_window_desk (window)->desk));
}

static void
finish_waiting (WindowDesk            *wd,
                EmitraOperatorSession *session)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&wd->waiting);

  wd->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (session != NULL)
        g_task_return_pointer (task, g_object_ref (session), g_object_unref);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 "The operator did not sign in");
    }
}

static void
on_signed_in_cb (EmitraSignInWindow    *sign_in,
                 EmitraOperatorSession *session,
                 EmitraWindow          *window)
{
  finish_waiting (get_window_desk (window), session);
}

static void
on_sign_in_closed_cb (EmitraSignInWindow *sign_in,
                      EmitraWindow       *window)
{
  WindowDesk *wd = get_window_desk (window);

  if (wd == NULL)
    return;
  wd->sign_in = NULL;
  /* Closed without signing in: whoever waited is told so. */
  finish_waiting (wd, NULL);
}

void
emitra_window_ensure_signed_in_async (EmitraWindow        *window,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  WindowDesk *wd = get_window_desk (window);
  g_autoptr(GTask) task = g_task_new (window, cancellable, callback, user_data);
  EmitraOperatorSession *session;
  EmitraApplication *app;

  g_task_set_source_tag (task, emitra_window_ensure_signed_in_async);

  if (wd == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("The desk could not start, so nothing can be sent to the gateway."));
      return;
    }

  session = emitra_gateway_client_get_operator_session (emitra_desk_get_gateway (wd->desk));
  if (session != NULL && !emitra_operator_session_is_expired (session))
    {
      g_task_return_pointer (task, g_object_ref (session), g_object_unref);
      return;
    }

  g_ptr_array_add (wd->waiting, g_steal_pointer (&task));
  if (wd->sign_in != NULL)
    {
      gtk_window_present (GTK_WINDOW (wd->sign_in));
      return;
    }

  app = EMITRA_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  wd->sign_in = emitra_sign_in_window_new (emitra_desk_get_gateway (wd->desk),
                                           emitra_application_get_settings (app));
  if (session != NULL)
    emitra_sign_in_window_set_message (wd->sign_in,
                                       _("Your session has expired. Enter your password again; your work on screen is kept."));
  gtk_window_set_transient_for (GTK_WINDOW (wd->sign_in), GTK_WINDOW (window));
  g_signal_connect_object (wd->sign_in, "signed-in", G_CALLBACK (on_signed_in_cb), window, 0);
  g_signal_connect_object (wd->sign_in, "destroy", G_CALLBACK (on_sign_in_closed_cb), window, 0);
  gtk_window_present (GTK_WINDOW (wd->sign_in));
}

EmitraOperatorSession *
emitra_window_ensure_signed_in_finish (EmitraWindow  *window,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_sign_in_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  emitra_window_ensure_signed_in_async (EMITRA_WINDOW (widget), NULL, NULL, NULL);
}

static void
on_signed_out_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The desk forgot the session before the request left; a gateway that
   * did not hear it lets the token lapse at its expiry. */
  if (!emitra_gateway_client_sign_out_finish (EMITRA_GATEWAY_CLIENT (source), result, &error))
    g_debug ("The gateway did not hear the sign-out: %s", error->message);
}

static void
sign_out (EmitraWindow *window)
{
  WindowDesk *wd = get_window_desk (window);

  if (wd == NULL || emitra_gateway_client_get_operator_session (emitra_desk_get_gateway (wd->desk)) == NULL)
    return;
  emitra_gateway_client_sign_out_async (emitra_desk_get_gateway (wd->desk), NULL, on_signed_out_cb, NULL);
  emitra_window_add_toast (window, _("Signed out. The next operator can sign in."));
}

static void
on_draft_kept_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EmitraWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!emitra_application_page_flush_finish (EMITRA_APPLICATION_PAGE (source), result, &error))
    {
      /* Nothing is closed and nobody signed out: the operator can try
       * again, or finish the application first. */
      emitra_window_add_toast (window, _("The application could not be saved, so you are still signed in. Try again."));
      return;
    }
  emitra_window_show_application (window, FALSE);
  sign_out (window);
}

/* At the end of a shift. An application on screen is saved as a draft
 * and closed first: the next operator finds it among the unfinished
 * applications, not open in front of them. */
static void
on_sign_out_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EmitraWindow *window = EMITRA_WINDOW (widget);

  if (emitra_window_is_showing_application (window))
    emitra_application_page_flush_async (emitra_window_peek_application_page (window), NULL,
                                         on_draft_kept_cb, g_object_ref (window));
  else
    sign_out (window);
}

static void
show_desk_error (EmitraWindow *window,
                 const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                              _("The Desk Cannot Keep Receipts"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nServices can still be looked up, but no application can be submitted until this is fixed. Nothing has been deleted. Call your district e-Mitra support and tell them this message."),
                                  error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
emitra_window_desk_init (EmitraWindow *window)
{
  EmitraApplication *app = EMITRA_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  EmitraDesk *desk;
  WindowDesk *wd;

  if (app == NULL)
    return;

  desk = emitra_application_get_desk (app);
  if (desk == NULL)
    {
      show_desk_error (window, emitra_application_get_desk_error (app));
      return;
    }

  wd = g_new0 (WindowDesk, 1);
  wd->desk = g_object_ref (desk);
  wd->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  wd->balance = -1;
  wd->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (window), "emitra-window-desk", wd, window_desk_free);

  g_signal_connect_object (emitra_desk_get_gateway (desk), "notify::operator-session",
                           G_CALLBACK (on_session_changed_cb), window, G_CONNECT_SWAPPED);
  g_signal_connect_object (desk, "notify::training",
                           G_CALLBACK (on_training_changed_cb), window, G_CONNECT_SWAPPED);
  g_signal_connect_object (desk, "notify::online",
                           G_CALLBACK (on_online_changed_cb), window, G_CONNECT_SWAPPED);
  on_training_changed_cb (window);
  on_online_changed_cb (window);
  update_identity (window);
  show_session (window);
  /* A window built while someone is signed in (the language switch). */
  schedule_expiry_check (window);
  /* Left alone while signed in, the window locks (emitra-idle-lock.c). */
  emitra_idle_lock_attach (ADW_APPLICATION_WINDOW (window), emitra_desk_get_gateway (desk),
                           emitra_application_get_settings (app));
}

/* The Reports page, once it is built, asks the desk's gateway as the
 * operator signed in. */
void
emitra_window_desk_attach_report_page (EmitraWindow     *window,
                                       EmitraReportPage *page)
{
  WindowDesk *wd = get_window_desk (window);

  if (wd == NULL)
    return;

  emitra_report_page_set_gateway (page, emitra_desk_get_gateway (wd->desk));
  emitra_report_page_set_session (page, shown_session (wd));
}

/* The Receipts page, once it is built, shows what the operator signed in
 * may see; see also on_session_changed_cb(). */
void
emitra_window_desk_attach_receipts_page (EmitraWindow       *window,
                                         EmitraReceiptsPage *page)
{
  WindowDesk *wd = get_window_desk (window);

  if (wd == NULL)
    return;

  emitra_receipts_page_set_session (page, shown_session (wd));
}

void
emitra_window_desk_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, on_sign_in_action_cb);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, on_sign_out_action_cb);
}
