/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  EMITRA_JSON_KIND_NONE,      /* the data ends, or a character no value starts with */
  EMITRA_JSON_KIND_OBJECT,
  EMITRA_JSON_KIND_ARRAY,
  EMITRA_JSON_KIND_STRING,
  EMITRA_JSON_KIND_NUMBER,
  EMITRA_JSON_KIND_BOOLEAN,
  EMITRA_JSON_KIND_NULL,
} EmitraJsonKind;

/* A position in a JSON text being read. Lives on the stack; the data must
 * outlive it. */
typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GString    *scratch;
  GError    **error;
  guint       depth;
} EmitraJsonCursor;

void            emitra_json_cursor_init          (EmitraJsonCursor  *cursor,
                                                  const char        *data,
                                                  gsize              length,
                                                  GString           *scratch,
                                                  GError           **error);
EmitraJsonKind  emitra_json_cursor_peek          (EmitraJsonCursor  *cursor);
gboolean        emitra_json_cursor_enter_object  (EmitraJsonCursor  *cursor);
gboolean        emitra_json_cursor_next_member   (EmitraJsonCursor  *cursor,
                                                  const char       **out_name,
                                                  gsize             *out_length,
                                                  gboolean          *out_done);
gboolean        emitra_json_cursor_enter_array   (EmitraJsonCursor  *cursor);
gboolean        emitra_json_cursor_next_element  (EmitraJsonCursor  *cursor,
                                                  gboolean          *out_done);
gboolean        emitra_json_cursor_read_string   (EmitraJsonCursor  *cursor,
                                                  char             **out_text);
gboolean        emitra_json_cursor_read_string_ref (EmitraJsonCursor  *cursor,
                                                  const char       **out_text,
                                                  gsize             *out_length);
gboolean        emitra_json_cursor_read_int      (EmitraJsonCursor  *cursor,
                                                  gboolean          *out_is_int,
                                                  gint64            *out_value);
gboolean        emitra_json_cursor_read_boolean  (EmitraJsonCursor  *cursor,
                                                  gboolean          *out_value);
gboolean        emitra_json_cursor_skip          (EmitraJsonCursor  *cursor,
                                                  gsize             *out_offset,
                                                  gsize             *out_length);
JsonNode       *emitra_json_cursor_read_node     (EmitraJsonCursor  *cursor);
gboolean        emitra_json_cursor_finish        (EmitraJsonCursor  *cursor);

gboolean        emitra_json_reader_check_text    (const char        *data,
                                                  gsize              length,
                                                  GError           **error);
JsonObject     *emitra_json_reader_parse_object  (const char        *data,
                                                  gsize              length,
                                                  GError           **error);

G_END_DECLS
