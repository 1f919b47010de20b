/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  EMITRA_NOTIFY_SUBMISSION_CONFIRMED,
  EMITRA_NOTIFY_SUBMISSION_REJECTED,
  EMITRA_NOTIFY_OUTBOX_STUCK,
  EMITRA_NOTIFY_CATALOG_UPDATED,
} EmitraNotifyEvent;

#define EMITRA_TYPE_NOTIFIER (emitra_notifier_get_type ())

G_DECLARE_FINAL_TYPE (EmitraNotifier, emitra_notifier, EMITRA, NOTIFIER, GObject)

EmitraNotifier *emitra_notifier_new           (const char        *app_name);
void            emitra_notifier_notify        (EmitraNotifier    *self,
                                               EmitraNotifyEvent  event,
                                               const char        *title,
                                               const char        *body);
guint           emitra_notifier_get_delivered (EmitraNotifier    *self);
guint           emitra_notifier_get_failed    (EmitraNotifier    *self);
void            emitra_notifier_flush         (EmitraNotifier    *self);

G_END_DECLS
