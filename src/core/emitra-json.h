/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define EMITRA_JSON_ERROR (emitra_json_error_quark ())

typedef enum {
  EMITRA_JSON_ERROR_INVALID,     /* not JSON, not UTF-8, or not an object at the top */
  EMITRA_JSON_ERROR_TOO_LARGE,
  EMITRA_JSON_ERROR_MISSING,     /* a required member is absent or null */
  EMITRA_JSON_ERROR_WRONG_TYPE,  /* a member has another type than expected */
} EmitraJsonError;

GQuark      emitra_json_error_quark        (void);

JsonObject *emitra_json_parse_object       (const char  *data,
                                            gssize       length,
                                            gsize        max_length,
                                            GError     **error);
JsonObject *emitra_json_parse_bytes        (GBytes      *bytes,
                                            gsize        max_length,
                                            GError     **error);

const char *emitra_json_get_string         (JsonObject  *object,
                                            const char  *member,
                                            GError     **error);
const char *emitra_json_get_string_or      (JsonObject  *object,
                                            const char  *member,
                                            const char  *fallback);
gboolean    emitra_json_get_int            (JsonObject  *object,
                                            const char  *member,
                                            gint64      *out_value,
                                            GError     **error);
gint64      emitra_json_get_int_or         (JsonObject  *object,
                                            const char  *member,
                                            gint64       fallback);
gboolean    emitra_json_get_bool_or        (JsonObject  *object,
                                            const char  *member,
                                            gboolean     fallback);
JsonObject *emitra_json_get_object         (JsonObject  *object,
                                            const char  *member,
                                            GError     **error);
JsonArray  *emitra_json_get_array          (JsonObject  *object,
                                            const char  *member,
                                            GError     **error);
JsonArray  *emitra_json_get_array_or_empty (JsonObject  *object,
                                            const char  *member,
                                            GError     **error);
JsonObject *emitra_json_array_get_object   (JsonArray   *array,
                                            guint        index,
                                            GError     **error);
const char *emitra_json_array_get_string   (JsonArray   *array,
                                            guint        index,
                                            GError     **error);

char       *emitra_json_to_string          (JsonNode    *node,
                                            gboolean     pretty);
char       *emitra_json_object_to_string   (JsonObject  *object);

G_END_DECLS
