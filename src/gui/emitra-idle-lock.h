/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-gateway-client.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_IDLE_LOCK (emitra_idle_lock_get_type ())

G_DECLARE_FINAL_TYPE (EmitraIdleLock, emitra_idle_lock, EMITRA, IDLE_LOCK, AdwBin)

/* Watches @window for input; after the idle-lock-minutes of @settings
 * without any (EMITRA_IDLE_LOCK_SECONDS overrides it, for tests) while
 * someone is signed in at @client, covers the window's content with a
 * lock screen that keeps the work underneath and asks for that operator's
 * password, checked at the gateway, or, while it cannot be reached, against
 * the verifier of the last sign-in. The lock lives as long as @window. */
EmitraIdleLock *emitra_idle_lock_attach      (AdwApplicationWindow *window,
                                              EmitraGatewayClient  *client,
                                              GSettings            *settings);
EmitraIdleLock *emitra_idle_lock_get_for     (AdwApplicationWindow *window);

gboolean        emitra_idle_lock_get_locked  (EmitraIdleLock       *self);
void            emitra_idle_lock_lock        (EmitraIdleLock       *self);
guint           emitra_idle_lock_get_timeout (EmitraIdleLock       *self);

G_END_DECLS
