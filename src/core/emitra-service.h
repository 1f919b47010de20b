/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "emitra-document-requirement.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_SERVICE (emitra_service_get_type ())

G_DECLARE_FINAL_TYPE (EmitraService, emitra_service, EMITRA, SERVICE, GObject)

const char         *emitra_service_get_id              (EmitraService  *self);
const char         *emitra_service_get_name_en         (EmitraService  *self);
const char         *emitra_service_get_name_hi         (EmitraService  *self);
const char         *emitra_service_get_name            (EmitraService  *self,
                                                        gboolean        hindi);
const char         *emitra_service_get_description_en  (EmitraService  *self);
const char         *emitra_service_get_description_hi  (EmitraService  *self);
const char         *emitra_service_get_description     (EmitraService  *self,
                                                        gboolean        hindi);
const char         *emitra_service_get_department_id   (EmitraService  *self);
const char         *emitra_service_get_category_id     (EmitraService  *self);
gint64              emitra_service_get_department_fee  (EmitraService  *self);
const char         *emitra_service_get_charge_rule     (EmitraService  *self);
gboolean            emitra_service_get_bill            (EmitraService  *self);
int                 emitra_service_get_delivery_days   (EmitraService  *self);
const char * const *emitra_service_get_keywords        (EmitraService  *self);
GListModel         *emitra_service_get_documents       (EmitraService  *self);
JsonObject         *emitra_service_get_form            (EmitraService  *self);
guint               emitra_service_get_index           (EmitraService  *self);
gboolean            emitra_service_get_age_limits      (EmitraService  *self,
                                                        JsonObject     *field_groups,
                                                        int            *out_min_age,
                                                        int            *out_max_age);

G_END_DECLS
