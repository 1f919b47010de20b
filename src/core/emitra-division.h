/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_DIVISION (emitra_division_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDivision, emitra_division, EMITRA, DIVISION, GObject)

EmitraDivision *emitra_division_new_from_json (JsonObject  *object,
                                               const char  *where,
                                               GError     **error);
const char     *emitra_division_get_id        (EmitraDivision *self);
const char     *emitra_division_get_name_en   (EmitraDivision *self);
const char     *emitra_division_get_name_hi   (EmitraDivision *self);
const char     *emitra_division_get_name      (EmitraDivision *self,
                                               gboolean       hindi);

G_END_DECLS
