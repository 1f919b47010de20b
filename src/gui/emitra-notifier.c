/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Desktop notifications, behind one small module. libnotify's calls are
 * synchronous D-Bus round trips: with no server they fail in milliseconds,
 * but a server that owns the name and never answers blocks the caller for
 * up to 50 s. So every libnotify call runs on this module's own thread and
 * the window never waits. A missing server is logged at debug level and
 * otherwise ignored: the same event is always shown in the window as a
 * toast (the "notified" signal, emitted on the main thread at once).
 */
#include "config.h"

#include "emitra-notifier.h"

#include <libnotify/notify.h>

/* What the worker thread may touch. It is reference-counted apart from the
 * notifier, so a notification still being shown when the window closes
 * never reaches freed memory, and closing never waits for a hung server. */
typedef struct
{
  char *app_name;
  gint  delivered;  /* atomic */
  gint  failed;     /* atomic */
} Shared;

struct _EmitraNotifier
{
  GObject      parent_instance;

  Shared      *shared;
  GThreadPool *worker;
};

G_DEFINE_FINAL_TYPE (EmitraNotifier, emitra_notifier, G_TYPE_OBJECT)

enum {
  NOTIFIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  Shared            *shared;
  EmitraNotifyEvent  event;
  char              *title;
  char              *body;
} Notice;

static void
shared_clear (gpointer data)
{
  Shared *shared = data;

  g_free (shared->app_name);
}

static void
notice_free (Notice *notice)
{
  g_atomic_rc_box_release_full (notice->shared, shared_clear);
  g_free (notice->title);
  g_free (notice->body);
  g_free (notice);
}

static const char *
icon_for_event (EmitraNotifyEvent event)
{
  switch (event)
    {
    case EMITRA_NOTIFY_SUBMISSION_CONFIRMED:
      return "emblem-ok-symbolic";
    case EMITRA_NOTIFY_SUBMISSION_REJECTED:
    case EMITRA_NOTIFY_OUTBOX_STUCK:
      return "dialog-warning-symbolic";
    case EMITRA_NOTIFY_CATALOG_UPDATED:
    default:
      return APP_ID;
    }
}

static void
show_in_worker (gpointer data,
                gpointer user_data)
{
  Notice *notice = data;
  Shared *shared = notice->shared;
  NotifyNotification *notification;
  g_autoptr(GError) error = NULL;

  if (!notify_is_initted () && !notify_init (shared->app_name))
    {
      g_debug ("Notifications unavailable: libnotify could not start");
      g_atomic_int_inc (&shared->failed);
      notice_free (notice);
      return;
    }

  notification = notify_notification_new (notice->title, notice->body, icon_for_event (notice->event));
  notify_notification_set_urgency (notification,
                                   notice->event == EMITRA_NOTIFY_SUBMISSION_REJECTED
                                     ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  if (notify_notification_show (notification, &error))
    g_atomic_int_inc (&shared->delivered);
  else
    {
      g_debug ("No notification shown (%s); the window shows it as a toast", error->message);
      g_atomic_int_inc (&shared->failed);
    }

  /* libnotify 0.8 has no autoptr for NotifyNotification. */
  g_object_unref (notification);
  notice_free (notice);
}

EmitraNotifier *
emitra_notifier_new (const char *app_name)
{
  EmitraNotifier *self = g_object_new (EMITRA_TYPE_NOTIFIER, NULL);

  self->shared->app_name = g_strdup (app_name);
  return self;
}

void
emitra_notifier_notify (EmitraNotifier    *self,
                        EmitraNotifyEvent  event,
                        const char        *title,
                        const char        *body)
{
  Notice *notice;

  g_return_if_fail (EMITRA_IS_NOTIFIER (self));
  g_return_if_fail (title != NULL);

  g_signal_emit (self, signals[NOTIFIED], 0, event, title, body);

  notice = g_new0 (Notice, 1);
  notice->shared = g_atomic_rc_box_acquire (self->shared);
  notice->event = event;
  notice->title = g_strdup (title);
  notice->body = g_strdup (body != NULL ? body : "");
  g_thread_pool_push (self->worker, notice, NULL);
}

guint
emitra_notifier_get_delivered (EmitraNotifier *self)
{
  g_return_val_if_fail (EMITRA_IS_NOTIFIER (self), 0);

  return (guint) g_atomic_int_get (&self->shared->delivered);
}

guint
emitra_notifier_get_failed (EmitraNotifier *self)
{
  g_return_val_if_fail (EMITRA_IS_NOTIFIER (self), 0);

  return (guint) g_atomic_int_get (&self->shared->failed);
}

/* Waits until every queued notification has been attempted; for tests and
 * for a clean shutdown, never called from a frame. */
void
emitra_notifier_flush (EmitraNotifier *self)
{
  g_return_if_fail (EMITRA_IS_NOTIFIER (self));

  g_thread_pool_free (self->worker, FALSE, TRUE);
  self->worker = g_thread_pool_new_full (show_in_worker, NULL, (GDestroyNotify) notice_free, 1, FALSE, NULL);
}

static void
emitra_notifier_dispose (GObject *object)
{
  EmitraNotifier *self = EMITRA_NOTIFIER (object);

  /* Do not wait for a server that may never answer: drop what is queued;
   * the one being shown finishes on its own with its own reference. */
  if (self->worker != NULL)
    {
      g_thread_pool_free (self->worker, TRUE, FALSE);
      self->worker = NULL;
    }

  G_OBJECT_CLASS (emitra_notifier_parent_class)->dispose (object);
}

static void
emitra_notifier_finalize (GObject *object)
{
  EmitraNotifier *self = EMITRA_NOTIFIER (object);

  g_atomic_rc_box_release_full (self->shared, shared_clear);

  G_OBJECT_CLASS (emitra_notifier_parent_class)->finalize (object);
}

static void
emitra_notifier_class_init (EmitraNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = emitra_notifier_dispose;
  object_class->finalize = emitra_notifier_finalize;

  /**
   * EmitraNotifier::notified:
   * @event: an #EmitraNotifyEvent
   * @title: the notification's title
   * @body: its body, or %NULL
   *
   * Emitted on the calling (main) thread for every event, whether or not a
   * desktop notification can be shown, so the window can show a toast.
   */
  signals[NOTIFIED] = g_signal_new ("notified",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 3,
                                    G_TYPE_INT, G_TYPE_STRING, G_TYPE_STRING);
}

static void
emitra_notifier_init (EmitraNotifier *self)
{
  self->shared = g_atomic_rc_box_new0 (Shared);
  self->worker = g_thread_pool_new_full (show_in_worker, NULL, (GDestroyNotify) notice_free, 1, FALSE, NULL);
}
