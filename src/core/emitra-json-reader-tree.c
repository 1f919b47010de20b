/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON cursor's whole-value work: skipping a value (checked) where the
 * caller has no use for it yet, building a json-glib tree of one, and
 * reading a whole document as an object. See emitra-json-reader.c.
 */
#include "config.h"

#include "emitra-json-reader.h"
#include "emitra-json-reader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "emitra-json.h"

/* Skips the value at the cursor, checking it, and says where it was (as
 * offsets from the start of the data). */
gboolean
emitra_json_cursor_skip (EmitraJsonCursor *c,
                         gsize            *out_offset,
                         gsize            *out_length)
{
  const char *begin;
  gboolean done, is_int, boolean;
  gint64 integer;
  double number;
  gsize length;
  const char *name;

  _emitra_json_cursor_skip_space (c);
  begin = c->p;
  switch (emitra_json_cursor_peek (c))
    {
    case EMITRA_JSON_KIND_OBJECT:
      if (!emitra_json_cursor_enter_object (c))
        return FALSE;
      for (;;)
        {
          if (!emitra_json_cursor_next_member (c, &name, &length, &done))
            return FALSE;
          if (done)
            break;
          if (!emitra_json_cursor_skip (c, NULL, NULL))
            return FALSE;
        }
      break;
    case EMITRA_JSON_KIND_ARRAY:
      if (!emitra_json_cursor_enter_array (c))
        return FALSE;
      for (;;)
        {
          if (!emitra_json_cursor_next_element (c, &done))
            return FALSE;
          if (done)
            break;
          if (!emitra_json_cursor_skip (c, NULL, NULL))
            return FALSE;
        }
      break;
    case EMITRA_JSON_KIND_STRING:
      if (!emitra_json_cursor_read_string_ref (c, &name, &length))
        return FALSE;
      break;
    case EMITRA_JSON_KIND_NUMBER:
      if (!_emitra_json_cursor_read_number (c, &is_int, &integer, &number))
        return FALSE;
      break;
    case EMITRA_JSON_KIND_BOOLEAN:
      if (!emitra_json_cursor_read_boolean (c, &boolean))
        return FALSE;
      break;
    case EMITRA_JSON_KIND_NULL:
      if (!_emitra_json_cursor_read_literal (c, "null"))
        return FALSE;
      break;
    case EMITRA_JSON_KIND_NONE:
    default:
      return _emitra_json_cursor_fail (c, c->p >= c->end ? _("the data ends too early") : _("an unexpected character"));
    }

  if (out_offset != NULL)
    *out_offset = (gsize) (begin - c->start);
  if (out_length != NULL)
    *out_length = (gsize) (c->p - begin);
  return TRUE;
}

/* Builds a json-glib tree of the value at the cursor. */
JsonNode *
emitra_json_cursor_read_node (EmitraJsonCursor *c)
{
  gboolean done, is_int, boolean;
  gint64 integer;
  double number;
  const char *text;
  gsize length;

  switch (emitra_json_cursor_peek (c))
    {
    case EMITRA_JSON_KIND_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        if (!emitra_json_cursor_enter_object (c))
          return NULL;
        for (;;)
          {
            g_autofree char *name = NULL;
            JsonNode *value;

            if (!emitra_json_cursor_next_member (c, &text, &length, &done))
              return NULL;
            if (done)
              break;
            name = g_strndup (text, length);
            if ((value = emitra_json_cursor_read_node (c)) == NULL)
              return NULL;
            json_object_set_member (object, name, value);
          }
        return json_node_init_object (json_node_alloc (), object);
      }
    case EMITRA_JSON_KIND_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        if (!emitra_json_cursor_enter_array (c))
          return NULL;
        for (;;)
          {
            JsonNode *value;

            if (!emitra_json_cursor_next_element (c, &done))
              return NULL;
            if (done)
              break;
            if ((value = emitra_json_cursor_read_node (c)) == NULL)
              return NULL;
            json_array_add_element (array, value);
          }
        return json_node_init_array (json_node_alloc (), array);
      }
    case EMITRA_JSON_KIND_STRING:
      {
        g_autofree char *copy = NULL;

        if (!emitra_json_cursor_read_string (c, &copy))
          return NULL;
        return json_node_init_string (json_node_alloc (), copy);
      }
    case EMITRA_JSON_KIND_NUMBER:
      if (!_emitra_json_cursor_read_number (c, &is_int, &integer, &number))
        return NULL;
      return is_int ? json_node_init_int (json_node_alloc (), integer)
                    : json_node_init_double (json_node_alloc (), number);
    case EMITRA_JSON_KIND_BOOLEAN:
      if (!emitra_json_cursor_read_boolean (c, &boolean))
        return NULL;
      return json_node_init_boolean (json_node_alloc (), boolean);
    case EMITRA_JSON_KIND_NULL:
      return _emitra_json_cursor_read_literal (c, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    case EMITRA_JSON_KIND_NONE:
    default:
      _emitra_json_cursor_fail (c, c->p >= c->end ? _("the data ends too early") : _("an unexpected character"));
      return NULL;
    }
}

/* The checks on the whole text before reading it: UTF-8, no NUL byte. */
gboolean
emitra_json_reader_check_text (const char  *data,
                               gsize        length,
                               GError     **error)
{
  if (length > 0 && memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID,
                           _("The data could not be read: it contains a NUL byte."));
      return FALSE;
    }
  if (!g_utf8_validate (data, (gssize) length, NULL))
    {
      g_set_error_literal (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID,
                           _("The data could not be read: it is not valid UTF-8 text."));
      return FALSE;
    }
  return TRUE;
}

/* A JSON object from @data (@length bytes), sealed (immutable). */
JsonObject *
emitra_json_reader_parse_object (const char  *data,
                                 gsize        length,
                                 GError     **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  EmitraJsonCursor cursor;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!emitra_json_reader_check_text (data, length, error))
    return NULL;

  emitra_json_cursor_init (&cursor, data, length, scratch, error);
  if (emitra_json_cursor_peek (&cursor) != EMITRA_JSON_KIND_OBJECT)
    {
      g_set_error_literal (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID,
                           _("The data could not be read: a JSON object was expected."));
      return NULL;
    }
  if ((root = emitra_json_cursor_read_node (&cursor)) == NULL || !emitra_json_cursor_finish (&cursor))
    return NULL;

  json_node_seal (root);
  return json_object_ref (json_node_get_object (root));
}
