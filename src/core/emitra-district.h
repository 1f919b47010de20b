/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_DISTRICT (emitra_district_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDistrict, emitra_district, EMITRA, DISTRICT, GObject)

EmitraDistrict *emitra_district_new_from_json   (JsonObject  *object,
                                                 const char  *where,
                                                 GError     **error);
const char     *emitra_district_get_id          (EmitraDistrict *self);
const char     *emitra_district_get_name_en     (EmitraDistrict *self);
const char     *emitra_district_get_name_hi     (EmitraDistrict *self);
const char     *emitra_district_get_name        (EmitraDistrict *self,
                                                 gboolean       hindi);
const char     *emitra_district_get_division_id (EmitraDistrict *self);

G_END_DECLS
