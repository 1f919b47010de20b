/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-catalog-context.h"
#include "emitra-desk.h"
#include "emitra-language-switch.h"
#include "emitra-notifier.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_APPLICATION (emitra_application_get_type ())

G_DECLARE_FINAL_TYPE (EmitraApplication, emitra_application, EMITRA, APPLICATION, AdwApplication)

EmitraApplication *emitra_application_new            (void);
void               emitra_application_setup_language (void);
GSettings         *emitra_application_get_settings   (EmitraApplication *self);
EmitraNotifier    *emitra_application_get_notifier   (EmitraApplication *self);
EmitraDesk        *emitra_application_get_desk       (EmitraApplication *self);
const GError      *emitra_application_get_desk_error (EmitraApplication *self);
EmitraCatalogContext *emitra_application_get_catalog_context (EmitraApplication *self);
int                emitra_application_get_exit_status (EmitraApplication *self);
EmitraLanguageSwitch *emitra_application_get_language_switch (EmitraApplication *self);

G_END_DECLS
