/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typed, defensive access to JSON from the outside world (the gateway, the
 * bundled catalog). json-glib's own getters emit criticals and return
 * zeroes on a wrong type; these return a GError instead, so a malformed
 * reply becomes a message for the operator and never a crash or a silent 0.
 * Strings are guaranteed valid UTF-8 by json-glib's parser, which refuses
 * invalid input; we also refuse embedded NULs.
 */
#include "config.h"

#include "emitra-json.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (emitra-json-error-quark, emitra_json_error)

JsonObject *
emitra_json_parse_object (const char  *data,
                          gssize       length,
                          gsize        max_length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  gsize real_length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  real_length = length < 0 ? strlen (data) : (gsize) length;
  if (max_length > 0 && real_length > max_length)
    {
      g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_TOO_LARGE,
                   _("The data is too large (%lu bytes)."), (unsigned long) real_length);
      return NULL;
    }

  /* json-glib stops at an embedded NUL and would parse a truncated prefix. */
  if (real_length > 0 && memchr (data, '\0', real_length) != NULL)
    {
      g_set_error_literal (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID,
                           _("The data could not be read: it contains a NUL byte."));
      return NULL;
    }

  if (!g_utf8_validate (data, (gssize) real_length, NULL))
    {
      g_set_error_literal (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID,
                           _("The data could not be read: it is not valid UTF-8 text."));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) real_length, &parse_error))
    {
      /* json-glib's own words are English, and quote the offending token
       * cut at a byte count (maybe half a Devanagari character): they go
       * to the log, made whole UTF-8, and the operator reads ours. */
      g_autofree char *detail = g_utf8_make_valid (parse_error->message, -1);

      g_debug ("Not JSON: %s", detail);
      g_set_error_literal (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID,
                           _("The data could not be read: it is not valid JSON."));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID,
                           _("The data could not be read: a JSON object was expected."));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

JsonObject *
emitra_json_parse_bytes (GBytes  *bytes,
                         gsize    max_length,
                         GError **error)
{
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  return emitra_json_parse_object (data != NULL ? data : "", (gssize) size, max_length, error);
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *member,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_MISSING,
                   _("The data has no “%s”."), member);
      return NULL;
    }

  return node;
}

static void
set_wrong_type (GError     **error,
                const char  *member,
                const char  *expected)
{
  g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE,
               /* Translators: the second %s is a JSON type name: string, integer, object, array. */
               _("“%s” in the data is not a %s."), member, expected);
}

/* The member's node when it is a @node_type node (for JSON_NODE_VALUE, one
 * holding a @value_type); NULL with @error set when it is absent, null or
 * of another type, which @type_name names in the message. */
static JsonNode *
get_typed_member (JsonObject    *object,
                  const char    *member,
                  JsonNodeType   node_type,
                  GType          value_type,
                  const char    *type_name,
                  GError       **error)
{
  JsonNode *node = get_member (object, member, error);

  if (node == NULL)
    return NULL;

  if (JSON_NODE_TYPE (node) != node_type ||
      (node_type == JSON_NODE_VALUE && json_node_get_value_type (node) != value_type))
    {
      set_wrong_type (error, member, type_name);
      return NULL;
    }

  return node;
}

const char *
emitra_json_get_string (JsonObject  *object,
                        const char  *member,
                        GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);

  node = get_typed_member (object, member, JSON_NODE_VALUE, G_TYPE_STRING, "string", error);
  return node != NULL ? json_node_get_string (node) : NULL;
}

const char *
emitra_json_get_string_or (JsonObject *object,
                           const char *member,
                           const char *fallback)
{
  const char *value = emitra_json_get_string (object, member, NULL);

  return value != NULL ? value : fallback;
}

gboolean
emitra_json_get_int (JsonObject  *object,
                     const char  *member,
                     gint64      *out_value,
                     GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  /* Doubles are refused on purpose: money is integer paise, and 12.5 paise
   * in a reply is an error, not something to round. */
  node = get_typed_member (object, member, JSON_NODE_VALUE, G_TYPE_INT64, "integer", error);
  if (node == NULL)
    return FALSE;

  *out_value = json_node_get_int (node);
  return TRUE;
}

gint64
emitra_json_get_int_or (JsonObject *object,
                        const char *member,
                        gint64      fallback)
{
  gint64 value;

  return emitra_json_get_int (object, member, &value, NULL) ? value : fallback;
}

gboolean
emitra_json_get_bool_or (JsonObject *object,
                         const char *member,
                         gboolean    fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}

JsonObject *
emitra_json_get_object (JsonObject  *object,
                        const char  *member,
                        GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);

  node = get_typed_member (object, member, JSON_NODE_OBJECT, G_TYPE_INVALID, "object", error);
  return node != NULL ? json_node_get_object (node) : NULL;
}

JsonArray *
emitra_json_get_array (JsonObject  *object,
                       const char  *member,
                       GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);

  node = get_typed_member (object, member, JSON_NODE_ARRAY, G_TYPE_INVALID, "array", error);
  return node != NULL ? json_node_get_array (node) : NULL;
}

/* An absent member is an empty array (returns NULL with no error set, and
 * callers treat NULL as zero elements); a member of another type is an error. */
JsonArray *
emitra_json_get_array_or_empty (JsonObject  *object,
                                const char  *member,
                                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return emitra_json_get_array (object, member, error);
}

/* The element at @index, or NULL with @error set when there is none. */
static JsonNode *
get_item (JsonArray  *array,
          guint       index,
          GError    **error)
{
  if (index >= json_array_get_length (array))
    {
      g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_MISSING,
                   _("The data has no item %u."), index);
      return NULL;
    }

  return json_array_get_element (array, index);
}

JsonObject *
emitra_json_array_get_object (JsonArray  *array,
                              guint       index,
                              GError    **error)
{
  JsonNode *node;

  g_return_val_if_fail (array != NULL, NULL);

  node = get_item (array, index, error);
  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE,
                   _("Item %u in the data is not an object."), index);
      return NULL;
    }

  return json_node_get_object (node);
}

const char *
emitra_json_array_get_string (JsonArray  *array,
                              guint       index,
                              GError    **error)
{
  JsonNode *node;

  g_return_val_if_fail (array != NULL, NULL);

  node = get_item (array, index, error);
  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE,
                   _("Item %u in the data is not a string."), index);
      return NULL;
    }

  return json_node_get_string (node);
}

char *
emitra_json_to_string (JsonNode *node,
                       gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  return json_generator_to_data (generator, NULL);
}

char *
emitra_json_object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return emitra_json_to_string (node, FALSE);
}
