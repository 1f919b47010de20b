/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-gateway-client.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_SIGN_IN_WINDOW (emitra_sign_in_window_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSignInWindow, emitra_sign_in_window, EMITRA, SIGN_IN_WINDOW, AdwWindow)

EmitraSignInWindow *emitra_sign_in_window_new         (EmitraGatewayClient *client,
                                                       GSettings           *settings);
void                emitra_sign_in_window_set_message (EmitraSignInWindow  *self,
                                                       const char          *message);

G_END_DECLS
