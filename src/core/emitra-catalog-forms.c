/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog's checks of form schemas, read as a stream: the field groups
 * and each service's form. The forms module interprets fields; the catalog
 * only makes sure that what it accepts is complete: every field of a known
 * type, labelled in both languages, with IDs unique in its form (groups
 * included), its choices complete, and a district list for every district
 * field. Places in messages are paths like "services/x/form/fields/2".
 */
#include "config.h"

#include "emitra-catalog.h"
#include "emitra-catalog-private.h"

#include <string.h>

static const char * const field_types[] = {
  "text", "name", "number", "date", "choice", "district", "aadhaar", "jan_aadhaar", "mobile",
  "pin", "ifsc", "pan", "money", "document", "consumer_number",
};

static const char * const int_members[] = { "max_length", "min", "max", "min_age", "max_age" };

/* What one field said about itself. */
typedef struct
{
  char             *id;
  char             *type;
  EmitraValueState  id_state;
  EmitraValueState  type_state;
  EmitraValueState  label_en;
  EmitraValueState  label_hi;
  EmitraValueState  hint_en;
  EmitraValueState  hint_hi;
  EmitraValueState  options;      /* OK: some; BLANK: an empty list */
  const char       *bad_member;   /* a member of the wrong type */
  const char       *option_member;
  EmitraValueState  option_state;
  guint             option_index;
} Field;

static void
field_clear (Field *field)
{
  g_free (field->id);
  g_free (field->type);
}

static gboolean
name_is (const char *name,
         gsize       length,
         const char *member)
{
  return strlen (member) == length && memcmp (name, member, length) == 0;
}

static gboolean
read_option (EmitraJsonCursor *c,
             Field            *field,
             guint             index)
{
  static const char * const members[] = { "value", "label_en", "label_hi" };
  EmitraValueState states[G_N_ELEMENTS (members)] = { EMITRA_VALUE_ABSENT, EMITRA_VALUE_ABSENT, EMITRA_VALUE_ABSENT };
  const char *name;
  gsize length;
  gboolean done;

  if (emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_OBJECT)
    {
      field->bad_member = "options";
      return emitra_json_cursor_skip (c, NULL, NULL);
    }

  if (!emitra_json_cursor_enter_object (c))
    return FALSE;
  for (;;)
    {
      gboolean known = FALSE;

      if (!emitra_json_cursor_next_member (c, &name, &length, &done))
        return FALSE;
      if (done)
        break;
      for (guint i = 0; i < G_N_ELEMENTS (members) && !known; i++)
        if (name_is (name, length, members[i]))
          {
            known = TRUE;
            if (!_emitra_catalog_read_text (c, NULL, &states[i]))
              return FALSE;
          }
      if (!known && !emitra_json_cursor_skip (c, NULL, NULL))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (states[i] != EMITRA_VALUE_OK && field->option_member == NULL)
      {
        field->option_member = members[i];
        field->option_state = states[i];
        field->option_index = index;
      }

  return TRUE;
}

static gboolean
read_options (EmitraJsonCursor *c,
              Field            *field)
{
  gboolean done;
  guint n = 0;

  switch (emitra_json_cursor_peek (c))
    {
    case EMITRA_JSON_KIND_ARRAY:
      break;
    case EMITRA_JSON_KIND_NULL:
      field->options = EMITRA_VALUE_NULL;
      return emitra_json_cursor_skip (c, NULL, NULL);
    default:
      field->options = EMITRA_VALUE_WRONG;
      return emitra_json_cursor_skip (c, NULL, NULL);
    }

  if (!emitra_json_cursor_enter_array (c))
    return FALSE;
  for (;; n++)
    {
      if (!emitra_json_cursor_next_element (c, &done))
        return FALSE;
      if (done)
        break;
      if (!read_option (c, field, n))
        return FALSE;
    }

  field->options = n > 0 ? EMITRA_VALUE_OK : EMITRA_VALUE_BLANK;
  return TRUE;
}

/* Reads a field object into @field; FALSE only on a syntax error. */
static gboolean
read_field (EmitraJsonCursor *c,
            Field            *field)
{
  const char *name;
  gsize length;
  gboolean done, known;
  gint64 number;
  gboolean is_int;

  if (!emitra_json_cursor_enter_object (c))
    return FALSE;

  for (;;)
    {
      if (!emitra_json_cursor_next_member (c, &name, &length, &done))
        return FALSE;
      if (done)
        return TRUE;

      /* A member given twice counts once, as the last (as json-glib reads
       * it); the first copy is let go (fuzz-catalog found the leak). */
      if (name_is (name, length, "id"))
        {
          g_clear_pointer (&field->id, g_free);
          known = _emitra_catalog_read_text (c, &field->id, &field->id_state);
        }
      else if (name_is (name, length, "type"))
        {
          g_clear_pointer (&field->type, g_free);
          known = _emitra_catalog_read_text (c, &field->type, &field->type_state);
        }
      else if (name_is (name, length, "label_en"))
        known = _emitra_catalog_read_text (c, NULL, &field->label_en);
      else if (name_is (name, length, "label_hi"))
        known = _emitra_catalog_read_text (c, NULL, &field->label_hi);
      else if (name_is (name, length, "pattern_hint_en"))
        known = _emitra_catalog_read_text (c, NULL, &field->hint_en);
      else if (name_is (name, length, "pattern_hint_hi"))
        known = _emitra_catalog_read_text (c, NULL, &field->hint_hi);
      else if (name_is (name, length, "options"))
        known = read_options (c, field);
      else if (name_is (name, length, "required"))
        {
          EmitraJsonKind kind = emitra_json_cursor_peek (c);

          if (kind != EMITRA_JSON_KIND_BOOLEAN && kind != EMITRA_JSON_KIND_NULL)
            field->bad_member = "required";
          known = emitra_json_cursor_skip (c, NULL, NULL);
        }
      else
        {
          const char *int_member = NULL;

          for (guint i = 0; i < G_N_ELEMENTS (int_members); i++)
            if (name_is (name, length, int_members[i]))
              int_member = int_members[i];

          if (int_member != NULL && emitra_json_cursor_peek (c) == EMITRA_JSON_KIND_NUMBER)
            {
              known = emitra_json_cursor_read_int (c, &is_int, &number);
              if (!is_int)
                field->bad_member = int_member;
            }
          else
            {
              if (int_member != NULL && emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_NULL)
                field->bad_member = int_member;
              known = emitra_json_cursor_skip (c, NULL, NULL);
            }
        }

      if (!known)
        return FALSE;
    }
}

/* Places are only spelt out for an error: a catalog of 10,000 services
 * has a hundred thousand fields and documents that pass. The place of a
 * field is @base @suffix / @index, like "services/x" "/form/fields" "/2". */
static char *
place (const char *base,
       const char *suffix,
       guint       index)
{
  return g_strdup_printf ("%s%s/%u", base, suffix, index);
}

static gboolean
fail_at (GError           **error,
         EmitraValueState   state,
         const char        *member,
         const char        *base,
         const char        *suffix,
         guint              index)
{
  g_autofree char *where = place (base, suffix, index);

  return _emitra_catalog_set_state_error (error, state, member, where);
}

/* Checks what a field said; @ids collects the IDs seen in its form (owned). */
static gboolean
check_field (Field       *field,
             const char  *base,
             const char  *suffix,
             guint        index,
             gboolean     have_districts,
             GHashTable  *ids,
             GError     **error)
{
  gboolean known = FALSE;

  if (field->id_state != EMITRA_VALUE_OK)
    return fail_at (error, field->id_state, "id", base, suffix, index);
  for (const char *p = field->id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return fail_at (error, EMITRA_VALUE_WRONG, "id", base, suffix, index);
  if (g_hash_table_contains (ids, field->id))
    {
      g_autofree char *where = place (base, suffix, index);
      _emitra_catalog_set_duplicate (error, field->id, where);
      return FALSE;
    }
  g_hash_table_add (ids, g_steal_pointer (&field->id));

  if (field->type_state != EMITRA_VALUE_OK)
    return fail_at (error, field->type_state, "type", base, suffix, index);
  for (guint i = 0; i < G_N_ELEMENTS (field_types); i++)
    known |= g_str_equal (field->type, field_types[i]);
  if (!known)
    return fail_at (error, EMITRA_VALUE_WRONG, "type", base, suffix, index);

  if (field->label_en != EMITRA_VALUE_OK)
    return fail_at (error, field->label_en, "label_en", base, suffix, index);
  if (field->label_hi != EMITRA_VALUE_OK)
    return fail_at (error, field->label_hi, "label_hi", base, suffix, index);
  if (field->bad_member != NULL)
    return fail_at (error, EMITRA_VALUE_WRONG, field->bad_member, base, suffix, index);

  /* A hint in one language only would leave the other screen without it. */
  if (field->hint_en == EMITRA_VALUE_WRONG || field->hint_en == EMITRA_VALUE_BLANK)
    return fail_at (error, field->hint_en, "pattern_hint_en", base, suffix, index);
  if (field->hint_hi == EMITRA_VALUE_WRONG || field->hint_hi == EMITRA_VALUE_BLANK)
    return fail_at (error, field->hint_hi, "pattern_hint_hi", base, suffix, index);
  if ((field->hint_en == EMITRA_VALUE_OK) != (field->hint_hi == EMITRA_VALUE_OK))
    return fail_at (error, EMITRA_VALUE_ABSENT,
                    field->hint_en == EMITRA_VALUE_OK ? "pattern_hint_hi" : "pattern_hint_en", base, suffix, index);

  if (g_str_equal (field->type, "choice"))
    {
      if (field->options != EMITRA_VALUE_OK)
        return fail_at (error, field->options, "options", base, suffix, index);
      if (field->option_member != NULL)
        {
          g_autofree char *option_base = place (base, suffix, index);
          return fail_at (error, field->option_state, field->option_member, option_base, "/options",
                          field->option_index);
        }
    }

  if (g_str_equal (field->type, "district") && !have_districts)
    {
      g_autofree char *where = place (base, suffix, index);
      _emitra_catalog_set_unknown_reference (error, "type", where, "masters/districts");
      return FALSE;
    }

  return TRUE;
}

/* The array of fields at the cursor, checked; their IDs go into @ids. */
static gboolean
check_fields (EmitraJsonCursor  *c,
              const char        *base,
              const char        *suffix,
              gboolean           have_districts,
              GHashTable        *ids,
              GError           **error)
{
  gboolean done;
  guint n = 0;

  if (!emitra_json_cursor_enter_array (c))
    return FALSE;

  for (;; n++)
    {
      Field field = { 0 };
      gboolean ok;

      if (!emitra_json_cursor_next_element (c, &done))
        return FALSE;
      if (done)
        break;
      if (emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_OBJECT)
        return fail_at (error, EMITRA_VALUE_WRONG, "fields", base, suffix, n);

      ok = read_field (c, &field) && check_field (&field, base, suffix, n, have_districts, ids, error);
      field_clear (&field);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* The "field_groups" object at the cursor: each group a list of fields.
 * Records each group's set of field IDs in @rules for the forms that use
 * it. */
gboolean
_emitra_catalog_check_field_groups (EmitraJsonCursor  *c,
                                    EmitraFormRules   *rules,
                                    GError           **error)
{
  const char *name;
  gsize length;
  gboolean done;

  if (!emitra_json_cursor_enter_object (c))
    return FALSE;

  for (;;)
    {
      g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *group = NULL;
      g_autofree char *base = NULL;

      if (!emitra_json_cursor_next_member (c, &name, &length, &done))
        return FALSE;
      if (done)
        return TRUE;

      group = g_strndup (name, length);
      base = g_strdup_printf ("field_groups/%s", group);
      if (emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_ARRAY)
        return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, group, "field_groups");
      if (!check_fields (c, base, "", rules->have_districts, ids, error))
        return FALSE;

      g_hash_table_insert (rules->group_ids, g_steal_pointer (&group), g_steal_pointer (&ids));
    }
}

/* A field ID two groups share, if any (forms use few groups, and groups
 * rarely share IDs, so a plain scan is enough). */
static const char *
shared_id (const EmitraFormRules *rules,
           const char            *a,
           const char            *b)
{
  GHashTable *first = g_hash_table_lookup (rules->group_ids, a);
  GHashTable *second = g_hash_table_lookup (rules->group_ids, b);
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (second, id))
      return id;

  return NULL;
}

/* The form's group names; FALSE with no error set for a name that is not
 * a string. */
static gboolean
read_groups (EmitraJsonCursor  *c,
             GPtrArray         *groups)
{
  gboolean done;
  char *group;

  if (!emitra_json_cursor_enter_array (c))
    return FALSE;

  for (;;)
    {
      if (!emitra_json_cursor_next_element (c, &done))
        return FALSE;
      if (done)
        return TRUE;
      if (emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_STRING)
        return FALSE;
      if (!emitra_json_cursor_read_string (c, &group))
        return FALSE;
      g_ptr_array_add (groups, group);
    }
}

/* A service's form at the cursor ({ "groups": [...], "fields": [...] }):
 * its groups must exist, and its field IDs, its groups' included, must be
 * unique, since a draft stores values by field ID. @where is the
 * service's place ("services/x"). */
gboolean
_emitra_catalog_check_form (EmitraJsonCursor       *c,
                            const char             *where,
                            const EmitraFormRules  *rules,
                            GError                **error)
{
  g_autofree char *form_where = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gsize length;
  gboolean done;
  guint n_ids = 0;

  switch (emitra_json_cursor_peek (c))
    {
    case EMITRA_JSON_KIND_OBJECT:
      break;
    case EMITRA_JSON_KIND_NULL:
      return _emitra_catalog_set_state_error (error, EMITRA_VALUE_NULL, "form", where);
    default:
      return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "form", where);
    }

  if (!emitra_json_cursor_enter_object (c))
    return FALSE;
  for (;;)
    {
      EmitraJsonKind kind;

      if (!emitra_json_cursor_next_member (c, &name, &length, &done))
        return FALSE;
      if (done)
        break;

      kind = emitra_json_cursor_peek (c);
      if (name_is (name, length, "groups") && kind == EMITRA_JSON_KIND_ARRAY)
        {
          if (!read_groups (c, groups))
            {
              if (c->error == NULL || *c->error == NULL)
                {
                  form_where = g_strdup_printf ("%s/form", where);
                  _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "groups", form_where);
                }
              return FALSE;
            }
        }
      else if (name_is (name, length, "fields") && kind == EMITRA_JSON_KIND_ARRAY)
        {
          if (!check_fields (c, where, "/form/fields", rules->have_districts, ids, error))
            return FALSE;
        }
      else if ((name_is (name, length, "groups") || name_is (name, length, "fields")) &&
               kind != EMITRA_JSON_KIND_NULL)
        {
          form_where = g_strdup_printf ("%s/form", where);
          return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG,
                                                  name_is (name, length, "groups") ? "groups" : "fields",
                                                  form_where);
        }
      else if (!emitra_json_cursor_skip (c, NULL, NULL))
        return FALSE;
    }

  /* The form's own IDs and each group's must not meet; nor two groups'. */
  for (guint i = 0; i < groups->len; i++)
    {
      GHashTable *group_ids = g_hash_table_lookup (rules->group_ids, groups->pdata[i]);
      GHashTableIter iter;
      gpointer id;

      if (group_ids == NULL)
        {
          form_where = g_strdup_printf ("%s/form", where);
          _emitra_catalog_set_unknown_reference (error, "groups", form_where, groups->pdata[i]);
          return FALSE;
        }
      n_ids += g_hash_table_size (group_ids);

      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        if (g_hash_table_contains (group_ids, id))
          {
            form_where = g_strdup_printf ("%s/form", where);
            _emitra_catalog_set_duplicate (error, id, form_where);
            return FALSE;
          }
      for (guint j = 0; j < i; j++)
        {
          const char *shared = shared_id (rules, groups->pdata[j], groups->pdata[i]);

          if (shared != NULL)
            {
              form_where = g_strdup_printf ("%s/form", where);
              _emitra_catalog_set_duplicate (error, shared, form_where);
              return FALSE;
            }
        }
    }

  /* A form with nothing to fill in is an unfinished entry, not a service. */
  if (n_ids + g_hash_table_size (ids) == 0)
    {
      form_where = g_strdup_printf ("%s/form", where);
      return _emitra_catalog_set_state_error (error, EMITRA_VALUE_ABSENT, "fields", form_where);
    }

  return TRUE;
}
