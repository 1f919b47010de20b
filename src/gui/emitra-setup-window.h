/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_SETUP_WINDOW (emitra_setup_window_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSetupWindow, emitra_setup_window, EMITRA, SETUP_WINDOW, AdwWindow)

EmitraSetupWindow *emitra_setup_window_new          (GSettings *settings);
gboolean           emitra_setup_window_is_needed    (GSettings *settings);
void               emitra_setup_window_take_input   (EmitraSetupWindow *self,
                                                     EmitraSetupWindow *from);

G_END_DECLS
