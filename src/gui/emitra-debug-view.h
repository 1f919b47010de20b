/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-window.h"

G_BEGIN_DECLS

void emitra_debug_view_screenshot (EmitraWindow *window,
                                   const char   *path,
                                   GCallback     done,
                                   gpointer      user_data);

G_END_DECLS
