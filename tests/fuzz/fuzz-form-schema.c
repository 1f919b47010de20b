/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the form-schema parser, and validation through a form
 * it accepted. The input is up to three parts separated by NUL bytes: the
 * service's form (JSON), the catalog's field groups (JSON) and a value
 * typed into every field (any bytes: the schema is the boundary where
 * invalid UTF-8 must be refused). A schema that loads validates anything
 * to a verdict with a message, never a crash.
 */
#include "config.h"

#include <string.h>

#include "emitra-form-schema.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* The next NUL-terminated part of the input, as a fresh string. */
static char *
next_part (const guint8 **data,
           size_t        *size)
{
  const guint8 *end = memchr (*data, '\0', *size);
  size_t length = end != NULL ? (size_t) (end - *data) : *size;
  char *part = g_strndup ((const char *) *data, length);

  *data += length;
  *size -= length;
  if (*size > 0)
    {
      (*data)++;
      (*size)--;
    }
  return part;
}

static void
validate_all (EmitraFormSchema *schema,
              const char       *value)
{
  GListModel *fields = emitra_form_schema_get_fields (schema);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GDate) today = g_date_new_dmy (28, G_DATE_NOVEMBER, 2026);
  g_auto(GStrv) sensitive = emitra_form_schema_dup_sensitive_ids (schema);

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(EmitraFormField) field = g_list_model_get_item (fields, i);
      const char *id = emitra_form_field_get_id (field);
      g_autofree char *normalised = NULL;
      g_autoptr(GError) error = NULL;
      EmitraValidity validity;

      g_assert_true (emitra_form_schema_lookup (schema, id) == field);
      validity = emitra_form_schema_validate_field (schema, id, value, today, &normalised, &error);
      if (validity == EMITRA_VALIDITY_VALID)
        {
          g_assert_no_error (error);
          g_assert_nonnull (normalised);
          g_assert_true (g_utf8_validate (normalised, -1, NULL));
        }
      else
        {
          /* A message to show under the field, naming it. */
          g_assert_nonnull (error);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
      g_ptr_array_add (ids, (gpointer) id);
      g_hash_table_insert (values, (gpointer) id, (gpointer) value);
    }
  g_ptr_array_add (ids, NULL);
  /* The fields the draft store masks are fields of this form. */
  for (guint i = 0; sensitive != NULL && sensitive[i] != NULL; i++)
    g_assert_nonnull (emitra_form_schema_lookup (schema, sensitive[i]));

  emitra_form_schema_validate_values (schema, (const char * const *) ids->pdata, values, today, &issues);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *form = next_part (&data, &size);
  g_autofree char *groups = next_part (&data, &size);
  g_autofree char *value = next_part (&data, &size);
  g_autoptr(EmitraFormSchema) schema = NULL;
  g_autoptr(GError) error = NULL;

  schema = emitra_form_schema_new_from_data (form, groups[0] != '\0' ? groups : NULL, &error);
  if (schema == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  validate_all (schema, value);
  {
    static const char * const ids[] = { "jaipur", "ajmer", NULL };

    emitra_form_schema_set_districts (schema, ids);
    validate_all (schema, "jaipur");
    validate_all (schema, "");
  }
  return 0;
}
