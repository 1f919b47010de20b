/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The idle lock: a desk left alone with a citizen's application open (and
 * the operator's session alive) is a risk, so after idle-lock-minutes
 * without a key, a click or a move of the mouse in the window, the
 * window's content is covered by this lock screen. Nothing underneath is
 * closed or lost: the content is only moved under the lock (made
 * insensitive, so neither keyboard nor screen reader reaches it) and put
 * back as it was. Unlocking takes the locked operator's password, checked
 * at the gateway by signing in again with the same SSO ID and kiosk.
 *
 * Lines drop daily, and an operator must never be locked out of their own
 * desk with citizens waiting: when, and only when, the gateway cannot
 * judge the password (no connection, no answer in time, a 5xx or a reply
 * that is not the gateway's; never after a refusal), the password
 * is checked against the verifier the gateway client made at the last
 * good sign-in (emitra-password-check.c, in memory only), and the window
 * says it was unlocked offline. Wrong passwords, online or off, count
 * towards a limit: after LIMIT_TRIES in a row, LIMIT_WAIT_S seconds with
 * no try, counted down on the lock.
 *
 * Shifts change at a locked desk: the lock offers the window's Sign Out,
 * which needs no password (it ends the session and keeps an open
 * application as a draft, see emitra-window-desk.c). Once nobody is signed
 * in the lock lifts by itself.
 *
 * Nobody signed in, nothing to protect with a password: the lock waits
 * until someone is. The check runs on a coarse timer rather than a timer
 * restarted by every mouse move.
 */
#include "config.h"

#include "emitra-idle-lock.h"

#include "emitra-attempt-limit.h"
#include "emitra-display.h"
#include "emitra-window.h"

#include <glib/gi18n.h>

#define LIMIT_TRIES  5
#define LIMIT_WAIT_S 30

struct _EmitraIdleLock
{
  AdwBin                parent_instance;

  AdwApplicationWindow *window;        /* weak: the lock lives on its window */
  EmitraGatewayClient  *client;
  GSettings            *settings;
  GtkEventController   *watcher;
  GtkWidget            *content;       /* the window's content while locked */
  GtkWidget            *overlay;       /* holds it, under the lock, while locked */
  GtkWidget            *focus_before;  /* weak: where the keyboard was, for after */
  GCancellable         *cancellable;
  EmitraAttemptLimit   *limit;         /* wrong passwords, online and offline */
  guint                 countdown_id;  /* while the limit makes the operator wait */
  char                 *sso_id;        /* who must unlock */
  char                 *kiosk_code;
  gint64                last_input;    /* monotonic µs */
  guint                 timeout_s;     /* 0: never lock */
  guint                 check_id;
  gboolean              locked;

  /* Template widgets */
  AdwStatusPage        *status_page;
  AdwPasswordEntryRow  *password_row;
  GtkLabel             *error_label;
  GtkSpinner           *spinner;
  GtkButton            *unlock_button;
};

G_DEFINE_FINAL_TYPE (EmitraIdleLock, emitra_idle_lock, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DATA_KEY "emitra-idle-lock"

gboolean
emitra_idle_lock_get_locked (EmitraIdleLock *self)
{
  g_return_val_if_fail (EMITRA_IS_IDLE_LOCK (self), FALSE);

  return self->locked;
}

guint
emitra_idle_lock_get_timeout (EmitraIdleLock *self)
{
  g_return_val_if_fail (EMITRA_IS_IDLE_LOCK (self), 0);

  return self->timeout_s;
}

EmitraIdleLock *
emitra_idle_lock_get_for (AdwApplicationWindow *window)
{
  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), DATA_KEY);
}

static void
show_error (EmitraIdleLock *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

static void
set_busy (EmitraIdleLock *self,
          gboolean        busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  /* The text stays what was sent: the offline check reads it again. */
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "idle-lock.unlock",
                                 !busy && self->countdown_id == 0);
}

/* Shows how long the limit makes the operator wait, each second, and
 * allows a try again once it is over. */
static gboolean
on_countdown_cb (gpointer user_data)
{
  EmitraIdleLock *self = user_data;
  guint wait = emitra_attempt_limit_get_wait (self->limit, g_get_monotonic_time ());
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;

  if (wait == 0)
    {
      self->countdown_id = 0;
      show_error (self, NULL);
      set_busy (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  message = g_strdup_printf (ngettext ("Too many wrong passwords. Try again in %u second.",
                                       "Too many wrong passwords. Try again in %u seconds.", wait),
                             wait);
  shown = emitra_display_digits (message);
  show_error (self, shown);
  return G_SOURCE_CONTINUE;
}

static void
start_countdown (EmitraIdleLock *self)
{
  if (self->countdown_id != 0 || emitra_attempt_limit_get_wait (self->limit, g_get_monotonic_time ()) == 0)
    return;
  self->countdown_id = g_timeout_add (1000, on_countdown_cb, self);
  on_countdown_cb (self);
  set_busy (self, FALSE);
}

/* The check's period: a tenth of the timeout, between 250 ms and 15 s. */
static guint
check_interval_ms (EmitraIdleLock *self)
{
  return CLAMP (self->timeout_s * 100, 250, 15000);
}

static gboolean on_check_cb (gpointer user_data);

static void
read_timeout (EmitraIdleLock *self)
{
  const char *override = g_getenv ("EMITRA_IDLE_LOCK_SECONDS");
  guint64 seconds = 0;

  if (override != NULL && g_ascii_string_to_unsigned (override, 10, 0, 24 * 3600, &seconds, NULL))
    self->timeout_s = (guint) seconds;
  else
    self->timeout_s = g_settings_get_uint (self->settings, "idle-lock-minutes") * 60;

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->timeout_s > 0)
    self->check_id = g_timeout_add (check_interval_ms (self), on_check_cb, self);
}

static void
on_setting_changed_cb (EmitraIdleLock *self)
{
  read_timeout (self);
}

static gboolean
on_event_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             EmitraIdleLock           *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      if (!self->locked)
        self->last_input = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  /* Only watching: every event goes on to its widget. */
  return GDK_EVENT_PROPAGATE;
}

static EmitraOperatorSession *
current_session (EmitraIdleLock *self)
{
  return emitra_gateway_client_get_operator_session (self->client);
}

static void unlock (EmitraIdleLock *self,
                    gboolean        offline);

/* Signed out (at this lock or anywhere else): nothing left to protect. An
 * unlock still on its way is dropped, so it cannot sign the last operator
 * back in. */
static void
on_session_changed_cb (EmitraIdleLock *self)
{
  if (current_session (self) != NULL || !self->locked)
    return;
  g_cancellable_cancel (self->cancellable);
  unlock (self, FALSE);
}

static gboolean
on_check_cb (gpointer user_data)
{
  EmitraIdleLock *self = user_data;

  if (self->locked || self->window == NULL || current_session (self) == NULL)
    {
      /* Time without a session does not count towards the lock. */
      if (!self->locked)
        self->last_input = g_get_monotonic_time ();
      return G_SOURCE_CONTINUE;
    }

  if (g_get_monotonic_time () - self->last_input >= (gint64) self->timeout_s * G_USEC_PER_SEC)
    emitra_idle_lock_lock (self);
  return G_SOURCE_CONTINUE;
}

/* Puts the window's content under the lock. */
void
emitra_idle_lock_lock (EmitraIdleLock *self)
{
  EmitraOperatorSession *session;
  g_autofree char *description = NULL;

  g_return_if_fail (EMITRA_IS_IDLE_LOCK (self));

  session = current_session (self);
  if (self->locked || self->window == NULL || session == NULL)
    return;

  g_free (self->sso_id);
  self->sso_id = g_strdup (emitra_operator_session_get_sso_id (session));
  g_free (self->kiosk_code);
  self->kiosk_code = g_strdup (emitra_operator_session_get_kiosk_code (session));
  /* Translators: on the lock screen; %s is the operator's SSO ID. */
  description = g_strdup_printf (_("Enter the password for %s to continue. The work on screen is kept."),
                                 self->sso_id);
  adw_status_page_set_description (self->status_page, description);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_error (self, NULL);
  set_busy (self, FALSE);
  start_countdown (self);

  /* The keyboard leaves the work first, so the widget that had it hears
   * so (a text field moved away with the focus would blink on, unaware);
   * it gets it back on unlock. */
  g_set_weak_pointer (&self->focus_before, gtk_window_get_focus (GTK_WINDOW (self->window)));
  gtk_window_set_focus (GTK_WINDOW (self->window), NULL);

  /* The content moves under the lock, held by our reference meanwhile. */
  self->content = g_object_ref (adw_application_window_get_content (self->window));
  adw_application_window_set_content (self->window, NULL);
  self->overlay = g_object_ref_sink (gtk_overlay_new ());
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), self->content);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), GTK_WIDGET (self));
  gtk_widget_set_sensitive (self->content, FALSE);
  adw_application_window_set_content (self->window, self->overlay);

  self->locked = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

/* Puts the content back as it was; @offline says so on the window. */
static void
unlock (EmitraIdleLock *self,
        gboolean        offline)
{
  g_autoptr(GtkWidget) content = g_steal_pointer (&self->content);
  g_autoptr(GtkWidget) overlay = g_steal_pointer (&self->overlay);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  if (self->window != NULL)
    adw_application_window_set_content (self->window, NULL);
  gtk_overlay_remove_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self));
  gtk_overlay_set_child (GTK_OVERLAY (overlay), NULL);
  gtk_widget_set_sensitive (content, TRUE);
  if (self->window != NULL)
    adw_application_window_set_content (self->window, content);
  /* A text field gets the keyboard back without its text selected, so
   * the next key continues the text instead of replacing it. One no
   * longer on screen (its application closed at a sign-out) does not. */
  if (self->focus_before != NULL && gtk_widget_is_ancestor (self->focus_before, content) &&
      gtk_widget_get_mapped (self->focus_before))
    {
      if (GTK_IS_TEXT (self->focus_before))
        gtk_text_grab_focus_without_selecting (GTK_TEXT (self->focus_before));
      else
        gtk_widget_grab_focus (self->focus_before);
    }
  g_clear_weak_pointer (&self->focus_before);

  self->locked = FALSE;
  self->last_input = g_get_monotonic_time ();
  emitra_attempt_limit_note_success (self->limit);
  if (offline && EMITRA_IS_WINDOW (self->window))
    emitra_window_add_toast (EMITRA_WINDOW (self->window),
                             _("Unlocked offline: the gateway could not check your password, so the desk checked it itself."));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

/* A wrong password: counted, and the operator told, or made to wait. */
static void
refuse (EmitraIdleLock *self,
        const char     *message)
{
  emitra_attempt_limit_note_failure (self->limit, g_get_monotonic_time ());
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_error (self, message);
  start_countdown (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_checked_offline_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(EmitraIdleLock) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!emitra_password_check_verify_finish (EMITRA_PASSWORD_CHECK (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      refuse (self, _("Wrong password. The gateway could not check it, so the desk checked it against the password you signed in with."));
      return;
    }
  set_busy (self, FALSE);
  if (self->locked)
    unlock (self, TRUE);
}

/* The gateway did not judge the password: no connection, no answer in
 * time, or an answer that is no verdict (a 5xx, or a proxy's error page
 * where its JSON should be). A failing gateway is as common in the field
 * as a dropped line, and must not lock an operator out of their desk. A
 * refusal is the gateway's word, and stands. */
static gboolean
gateway_unreachable (const GError *error)
{
  return g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_NETWORK) ||
         g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_TIMEOUT) ||
         g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_SERVER) ||
         g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EmitraIdleLock) self = user_data;
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = emitra_gateway_client_sign_in_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (session == NULL && gateway_unreachable (error))
    {
      EmitraPasswordCheck *check = emitra_gateway_client_get_password_check (self->client, self->sso_id,
                                                                            self->kiosk_code);

      if (check != NULL)
        {
          emitra_password_check_verify_async (check, gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                              self->cancellable, on_checked_offline_cb, g_object_ref (self));
          return;
        }
    }

  if (session == NULL && g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_UNAUTHORIZED))
    {
      refuse (self, error->message);
      return;
    }
  set_busy (self, FALSE);
  if (session == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  if (self->locked)
    unlock (self, FALSE);
}

static void
on_unlock_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EmitraIdleLock *self = EMITRA_IDLE_LOCK (widget);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (!self->locked || self->countdown_id != 0)
    return;
  if (password[0] == '\0')
    {
      show_error (self, _("Enter your password."));
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  emitra_gateway_client_sign_in_async (self->client, self->sso_id, password, self->kiosk_code,
                                       self->cancellable, on_signed_in_cb, g_object_ref (self));
}

static void
on_password_row_entry_activated_cb (AdwEntryRow    *row,
                                    EmitraIdleLock *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "idle-lock.unlock", NULL);
}

static void
on_window_gone_cb (gpointer  data,
                   GObject  *where_the_window_was)
{
  EmitraIdleLock *self = data;

  self->window = NULL;
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
}

EmitraIdleLock *
emitra_idle_lock_attach (AdwApplicationWindow *window,
                         EmitraGatewayClient  *client,
                         GSettings            *settings)
{
  EmitraIdleLock *self;

  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_ref_sink (g_object_new (EMITRA_TYPE_IDLE_LOCK, NULL));
  self->window = window;
  g_object_weak_ref (G_OBJECT (window), on_window_gone_cb, self);
  self->client = g_object_ref (client);
  self->settings = g_object_ref (settings);
  self->last_input = g_get_monotonic_time ();

  self->watcher = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (self->watcher, GTK_PHASE_CAPTURE);
  g_signal_connect (self->watcher, "event", G_CALLBACK (on_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (window), self->watcher);

  g_signal_connect_object (settings, "changed::idle-lock-minutes", G_CALLBACK (on_setting_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (client, "notify::operator-session", G_CALLBACK (on_session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  read_timeout (self);

  g_object_set_data_full (G_OBJECT (window), DATA_KEY, self, g_object_unref);
  return self;
}

static void
emitra_idle_lock_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EmitraIdleLock *self = EMITRA_IDLE_LOCK (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_idle_lock_dispose (GObject *object)
{
  EmitraIdleLock *self = EMITRA_IDLE_LOCK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  if (self->window != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->window), on_window_gone_cb, self);
      self->window = NULL;
    }
  g_clear_weak_pointer (&self->focus_before);
  g_clear_object (&self->content);
  g_clear_object (&self->overlay);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->limit);

  G_OBJECT_CLASS (emitra_idle_lock_parent_class)->dispose (object);
}

static void
emitra_idle_lock_finalize (GObject *object)
{
  EmitraIdleLock *self = EMITRA_IDLE_LOCK (object);

  g_free (self->sso_id);
  g_free (self->kiosk_code);

  G_OBJECT_CLASS (emitra_idle_lock_parent_class)->finalize (object);
}

static void
emitra_idle_lock_class_init (EmitraIdleLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = emitra_idle_lock_get_property;
  object_class->dispose = emitra_idle_lock_dispose;
  object_class->finalize = emitra_idle_lock_finalize;

  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-idle-lock.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraIdleLock, status_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraIdleLock, password_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraIdleLock, error_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraIdleLock, spinner);
  gtk_widget_class_bind_template_child (widget_class, EmitraIdleLock, unlock_button);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "idle-lock.unlock", NULL, on_unlock_action_cb);
}

static void
emitra_idle_lock_init (EmitraIdleLock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->limit = emitra_attempt_limit_new (LIMIT_TRIES, LIMIT_WAIT_S);
}
