/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for the operator's SSO ID, password and kiosk code and signs in
 * through the gateway client. The SSO ID and kiosk code are remembered in
 * GSettings; the password never leaves this window and the client's
 * memory. The window emits "signed-in" and closes on success; on failure
 * the gateway's message lands beside the field it names.
 */
#include "config.h"

#include "emitra-sign-in-window.h"

#include <glib/gi18n.h>

struct _EmitraSignInWindow
{
  AdwWindow            parent_instance;

  EmitraGatewayClient *client;
  GSettings           *settings;
  GCancellable        *cancellable;

  /* Template widgets */
  AdwPreferencesGroup  *group;
  AdwEntryRow          *sso_id_row;
  AdwPasswordEntryRow  *password_row;
  AdwEntryRow          *kiosk_code_row;
  GtkLabel             *error_label;
  GtkSpinner           *spinner;
  GtkButton            *sign_in_button;
};

G_DEFINE_FINAL_TYPE (EmitraSignInWindow, emitra_sign_in_window, ADW_TYPE_WINDOW)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (EmitraSignInWindow *self,
          gboolean            busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit", !busy);
}

static void
show_error (EmitraSignInWindow *self,
            const char         *message,
            GtkWidget          *row)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_widget_grab_focus (row);
    }
}

static void
clear_errors (EmitraSignInWindow *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->sso_id_row), GTK_WIDGET (self->password_row),
                        GTK_WIDGET (self->kiosk_code_row) };

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_remove_css_class (rows[i], "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static GtkWidget *
row_for_field (EmitraSignInWindow *self,
               const char         *field)
{
  if (field == NULL)
    return NULL;
  if (g_str_equal (field, "sso_id"))
    return GTK_WIDGET (self->sso_id_row);
  if (g_str_equal (field, "password"))
    return GTK_WIDGET (self->password_row);
  if (g_str_equal (field, "kiosk_code"))
    return GTK_WIDGET (self->kiosk_code_row);
  return NULL;
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EmitraSignInWindow) self = user_data;
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = emitra_gateway_client_sign_in_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (session == NULL)
    {
      GtkWidget *row = row_for_field (self, emitra_gateway_error_get_field (error));

      /* Wrong credentials clear the password, so the next try starts clean. */
      if (row == GTK_WIDGET (self->password_row))
        gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      show_error (self, error->message, row);
      return;
    }

  g_settings_set_string (self->settings, "sso-id", emitra_operator_session_get_sso_id (session));
  g_signal_emit (self, signals[SIGNED_IN], 0, session);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_submit_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EmitraSignInWindow *self = EMITRA_SIGN_IN_WINDOW (widget);
  g_autofree char *sso_id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->sso_id_row))));
  g_autofree char *kiosk = g_strstrip (g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->kiosk_code_row)), -1));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  clear_errors (self);
  if (sso_id[0] == '\0')
    {
      show_error (self, _("Enter your SSO ID."), GTK_WIDGET (self->sso_id_row));
      return;
    }
  if (password[0] == '\0')
    {
      show_error (self, _("Enter your password."), GTK_WIDGET (self->password_row));
      return;
    }
  if (kiosk[0] == '\0')
    {
      show_error (self, _("Enter the kiosk code of this centre."), GTK_WIDGET (self->kiosk_code_row));
      return;
    }

  set_busy (self, TRUE);
  emitra_gateway_client_sign_in_async (self->client, sso_id, password, kiosk, self->cancellable,
                                       on_signed_in_cb, g_object_ref (self));
}

void
emitra_sign_in_window_set_message (EmitraSignInWindow *self,
                                   const char         *message)
{
  g_return_if_fail (EMITRA_IS_SIGN_IN_WINDOW (self));

  adw_preferences_group_set_description (self->group, message);
}

static gboolean
emitra_sign_in_window_close_request (GtkWindow *window)
{
  EmitraSignInWindow *self = EMITRA_SIGN_IN_WINDOW (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (emitra_sign_in_window_parent_class)->close_request (window);
}

static void
emitra_sign_in_window_dispose (GObject *object)
{
  EmitraSignInWindow *self = EMITRA_SIGN_IN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_SIGN_IN_WINDOW);

  G_OBJECT_CLASS (emitra_sign_in_window_parent_class)->dispose (object);
}

static void
emitra_sign_in_window_class_init (EmitraSignInWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = emitra_sign_in_window_dispose;
  window_class->close_request = emitra_sign_in_window_close_request;

  /**
   * EmitraSignInWindow::signed-in:
   * @session: the new #EmitraOperatorSession
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                     EMITRA_TYPE_OPERATOR_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-sign-in-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraSignInWindow, group);
  gtk_widget_class_bind_template_child (widget_class, EmitraSignInWindow, sso_id_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraSignInWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraSignInWindow, kiosk_code_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraSignInWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraSignInWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, EmitraSignInWindow, sign_in_button);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, on_submit_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
emitra_sign_in_window_init (EmitraSignInWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->sign_in_button));
}

EmitraSignInWindow *
emitra_sign_in_window_new (EmitraGatewayClient *client,
                           GSettings           *settings)
{
  EmitraSignInWindow *self = g_object_new (EMITRA_TYPE_SIGN_IN_WINDOW, NULL);
  g_autofree char *sso_id = g_settings_get_string (settings, "sso-id");
  g_autofree char *kiosk = g_settings_get_string (settings, "centre-code");

  self->client = g_object_ref (client);
  self->settings = g_object_ref (settings);
  gtk_editable_set_text (GTK_EDITABLE (self->sso_id_row), sso_id);
  gtk_editable_set_text (GTK_EDITABLE (self->kiosk_code_row), kiosk);
  /* Start where typing is needed: the password when the ID is known. */
  gtk_widget_grab_focus (GTK_WIDGET (sso_id[0] != '\0' ? (GtkWidget *) self->password_row
                                                       : (GtkWidget *) self->sso_id_row));
  return self;
}
