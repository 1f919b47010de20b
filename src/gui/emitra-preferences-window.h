/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_PREFERENCES_WINDOW (emitra_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (EmitraPreferencesWindow, emitra_preferences_window, EMITRA, PREFERENCES_WINDOW, AdwPreferencesWindow)

EmitraPreferencesWindow *emitra_preferences_window_new (GSettings *settings);

G_END_DECLS
