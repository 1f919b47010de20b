/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_LANGUAGE_SWITCH (emitra_language_switch_get_type ())

G_DECLARE_FINAL_TYPE (EmitraLanguageSwitch, emitra_language_switch, EMITRA, LANGUAGE_SWITCH, GObject)

EmitraLanguageSwitch *emitra_language_switch_new            (GtkApplication       *application,
                                                             GSettings            *settings);
void                  emitra_language_switch_apply_language (const char           *language);
guint                 emitra_language_switch_get_n_rebuilds (EmitraLanguageSwitch *self);

G_END_DECLS
