/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-window.h"

G_BEGIN_DECLS

void emitra_flow_debug_started (EmitraWindow *window);
void emitra_flow_debug_resumed (EmitraWindow *window);

G_END_DECLS
