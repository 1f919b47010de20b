/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_CATEGORY (emitra_category_get_type ())

G_DECLARE_FINAL_TYPE (EmitraCategory, emitra_category, EMITRA, CATEGORY, GObject)

EmitraCategory *emitra_category_new_from_json (JsonObject  *object,
                                               const char  *where,
                                               GError     **error);
const char     *emitra_category_get_id        (EmitraCategory *self);
const char     *emitra_category_get_name_en   (EmitraCategory *self);
const char     *emitra_category_get_name_hi   (EmitraCategory *self);
const char     *emitra_category_get_name      (EmitraCategory *self,
                                               gboolean       hindi);

G_END_DECLS
