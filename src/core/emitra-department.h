/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_DEPARTMENT (emitra_department_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDepartment, emitra_department, EMITRA, DEPARTMENT, GObject)

EmitraDepartment *emitra_department_new_from_json (JsonObject  *object,
                                                   const char  *where,
                                                   GError     **error);
const char       *emitra_department_get_id        (EmitraDepartment *self);
const char       *emitra_department_get_name_en   (EmitraDepartment *self);
const char       *emitra_department_get_name_hi   (EmitraDepartment *self);
const char       *emitra_department_get_name      (EmitraDepartment *self,
                                                   gboolean         hindi);

G_END_DECLS
