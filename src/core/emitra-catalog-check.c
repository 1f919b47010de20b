/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog's checks: typed look-ups that name the place of a missing
 * or mistyped member in their error, and the checks of form schemas (field
 * groups and each service's form). The forms module interprets fields; the
 * catalog only makes sure that what it accepts is complete: every field of
 * a known type, labelled in both languages, with unique IDs, its choices
 * complete, and a district list for every district field.
 */
#include "config.h"

#include "emitra-catalog.h"
#include "emitra-catalog-private.h"

#include <glib/gi18n-lib.h>

#include "emitra-json.h"

void
_emitra_catalog_set_incomplete (GError     **error,
                                const char  *member,
                                const char  *where)
{
  g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_INCOMPLETE,
               /* Translators: the first %s is a member of the catalog's data such as
                * "name_hi", the second where it is, such as "services/caste-certificate". */
               _("The service catalog is incomplete: “%s” is missing or empty at %s."),
               member, where);
}

void
_emitra_catalog_set_invalid (GError     **error,
                             const char  *member,
                             const char  *where)
{
  g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_INVALID,
               /* Translators: the first %s is a member of the catalog's data such as
                * "department_fee", the second where it is, such as "services/caste-certificate". */
               _("The service catalog is invalid: “%s” at %s has a wrong value."),
               member, where);
}

void
_emitra_catalog_set_duplicate (GError     **error,
                               const char  *id,
                               const char  *where)
{
  g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_DUPLICATE,
               /* Translators: the second %s is a list of the catalog, such as "services". */
               _("The service catalog is invalid: the ID “%s” appears twice in %s."),
               id, where);
}

void
_emitra_catalog_set_unknown_reference (GError     **error,
                                       const char  *member,
                                       const char  *where,
                                       const char  *value)
{
  g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE,
               /* Translators: “%s” at %s is a member and its place, such as “department” at
                * services/caste-certificate; the last %s is the ID it names. */
               _("The service catalog is invalid: “%s” at %s names “%s”, which the catalog does not have."),
               member, where, value);
}

const char *
_emitra_catalog_require_text (JsonObject  *object,
                              const char  *member,
                              const char  *where,
                              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      _emitra_catalog_set_incomplete (error, member, where);
      return NULL;
    }

  text = emitra_json_get_string (object, member, NULL);
  if (text == NULL)
    {
      _emitra_catalog_set_invalid (error, member, where);
      return NULL;
    }

  /* A name of spaces is as missing as no name. */
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return text;

  _emitra_catalog_set_incomplete (error, member, where);
  return NULL;
}

gboolean
_emitra_catalog_optional_text (JsonObject   *object,
                               const char   *member,
                               const char   *where,
                               const char  **out_text,
                               GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out_text = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  *out_text = _emitra_catalog_require_text (object, member, where, error);
  return *out_text != NULL;
}

gboolean
_emitra_catalog_optional_bool (JsonObject  *object,
                               const char  *member,
                               const char  *where,
                               gboolean     fallback,
                               gboolean    *out_value,
                               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out_value = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      _emitra_catalog_set_invalid (error, member, where);
      return FALSE;
    }

  *out_value = json_node_get_boolean (node);
  return TRUE;
}

JsonArray *
_emitra_catalog_require_array (JsonObject  *object,
                               const char  *member,
                               const char  *where,
                               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      _emitra_catalog_set_incomplete (error, member, where);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _emitra_catalog_set_invalid (error, member, where);
      return NULL;
    }

  return json_node_get_array (node);
}

/* IDs are [a-z0-9_-]+: they end up in file names, URLs and SQL keys. */
gboolean
_emitra_catalog_check_id (const char  *id,
                          const char  *member,
                          const char  *where,
                          GError     **error)
{
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      {
        _emitra_catalog_set_invalid (error, member, where);
        return FALSE;
      }

  return TRUE;
}

/* Reads a string member's value for a check: *out_state says whether it
 * was text, null, blank or something else (which is skipped). Fails only
 * on a syntax error. @out_text, when given, receives a copy of the text. */
gboolean
_emitra_catalog_read_text (EmitraJsonCursor  *cursor,
                           char             **out_text,
                           EmitraValueState  *out_state)
{
  const char *text;
  gsize length;

  if (out_text != NULL)
    *out_text = NULL;

  switch (emitra_json_cursor_peek (cursor))
    {
    case EMITRA_JSON_KIND_STRING:
      /* Most strings are only checked, not kept: no copy for those. */
      if (!emitra_json_cursor_read_string_ref (cursor, &text, &length))
        return FALSE;
      *out_state = EMITRA_VALUE_BLANK;
      for (gsize i = 0; i < length; i++)
        if (!g_ascii_isspace (text[i]))
          {
            *out_state = EMITRA_VALUE_OK;
            break;
          }
      if (out_text != NULL && *out_state == EMITRA_VALUE_OK)
        *out_text = g_strndup (text, length);
      return TRUE;
    case EMITRA_JSON_KIND_NULL:
      *out_state = EMITRA_VALUE_NULL;
      return emitra_json_cursor_skip (cursor, NULL, NULL);
    default:
      *out_state = EMITRA_VALUE_WRONG;
      return emitra_json_cursor_skip (cursor, NULL, NULL);
    }
}

/* The error for a member that was not OK; FALSE always, to return. */
gboolean
_emitra_catalog_set_state_error (GError           **error,
                                 EmitraValueState   state,
                                 const char        *member,
                                 const char        *where)
{
  if (state == EMITRA_VALUE_WRONG)
    _emitra_catalog_set_invalid (error, member, where);
  else
    _emitra_catalog_set_incomplete (error, member, where);
  return FALSE;
}
