/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A service's application form, read from the catalog: the reusable field
 * groups it names (applicant, address, ...) expanded in order, then the
 * service's own fields. A form is refused whole, with a message, when it
 * names a group or a field type this version does not know or uses one id
 * twice, so the GUI never has to cope with half a form.
 *
 * Validation dispatches by field type to emitra-validate and is what the
 * GUI calls when a field is left and, for all fields of a step, when Next
 * is pressed. The parser also takes JSON text, for the fuzz target.
 */
#include "config.h"

#include "emitra-form-schema.h"
#include "emitra-json.h"

#include <glib/gi18n-lib.h>

#define MAX_FORM_JSON_BYTES  (1024 * 1024)
#define MAX_FIELDS           500
#define MAX_GROUPS           32
#define DEFAULT_NAME_LENGTH  100
#define DEFAULT_TEXT_LENGTH  250

G_DEFINE_QUARK (emitra-form-schema-error-quark, emitra_form_schema_error)

struct _EmitraFormSchema
{
  GObject      parent_instance;

  GListStore  *fields;
  GHashTable  *by_id;       /* id -> EmitraFormField, borrowed from @fields */
  GPtrArray   *groups;      /* of char *, NULL-terminated */
  GHashTable  *districts;   /* NULL until set: any district id then passes */
};

G_DEFINE_FINAL_TYPE (EmitraFormSchema, emitra_form_schema, G_TYPE_OBJECT)

void
emitra_field_issue_free (EmitraFieldIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->field_id);
  g_clear_error (&issue->error);
  g_free (issue);
}

static gboolean
wrap_json_error (GError **error,
                 GError  *json_error)
{
  g_set_error (error, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID,
               _("The service's form could not be read: %s"), json_error->message);
  g_error_free (json_error);
  return FALSE;
}

static gboolean
add_fields (EmitraFormSchema  *self,
            JsonArray         *array,
            const char        *group,
            GError           **error)
{
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      GError *json_error = NULL;
      JsonObject *object = emitra_json_array_get_object (array, i, &json_error);
      g_autoptr(EmitraFormField) field = NULL;
      const char *id;

      if (object == NULL)
        return wrap_json_error (error, json_error);

      field = emitra_form_field_new_from_json (object, group, error);
      if (field == NULL)
        return FALSE;

      id = emitra_form_field_get_id (field);
      if (g_hash_table_contains (self->by_id, id))
        {
          g_set_error (error, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_DUPLICATE_ID,
                       _("The service's form has two fields called “%s”."), id);
          return FALSE;
        }
      if (g_hash_table_size (self->by_id) >= MAX_FIELDS)
        {
          g_set_error (error, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_TOO_LARGE,
                       _("The service's form has more than %d fields."), MAX_FIELDS);
          return FALSE;
        }

      g_hash_table_insert (self->by_id, (gpointer) id, field);
      g_list_store_append (self->fields, field);
    }

  return TRUE;
}

/* @form is the service's "form" object, @field_groups the catalog's
 * "field_groups" object (may be NULL when no form uses a group). */
EmitraFormSchema *
emitra_form_schema_new (JsonObject  *form,
                        JsonObject  *field_groups,
                        GError     **error)
{
  g_autoptr(EmitraFormSchema) self = NULL;
  GError *json_error = NULL;
  JsonArray *group_names;
  JsonArray *own_fields;
  guint n_groups;

  g_return_val_if_fail (form != NULL, NULL);

  self = g_object_new (EMITRA_TYPE_FORM_SCHEMA, NULL);

  group_names = emitra_json_get_array_or_empty (form, "groups", &json_error);
  if (json_error != NULL)
    {
      wrap_json_error (error, json_error);
      return NULL;
    }
  n_groups = group_names != NULL ? json_array_get_length (group_names) : 0;
  if (n_groups > MAX_GROUPS)
    {
      g_set_error (error, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_TOO_LARGE,
                   _("The service's form names more than %d field groups."), MAX_GROUPS);
      return NULL;
    }

  for (guint i = 0; i < n_groups; i++)
    {
      const char *name = emitra_json_array_get_string (group_names, i, &json_error);
      JsonArray *group_fields;

      if (name == NULL)
        {
          wrap_json_error (error, json_error);
          return NULL;
        }
      if (field_groups == NULL || !json_object_has_member (field_groups, name))
        {
          g_set_error (error, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_GROUP,
                       _("The service's form uses the field group “%s”, which the catalog does not have."),
                       name);
          return NULL;
        }
      if (g_strv_contains ((const char * const *) self->groups->pdata, name))
        continue;

      group_fields = emitra_json_get_array (field_groups, name, &json_error);
      if (group_fields == NULL)
        {
          wrap_json_error (error, json_error);
          return NULL;
        }
      if (!add_fields (self, group_fields, name, error))
        return NULL;

      g_ptr_array_add (self->groups, g_strdup (name));
    }

  own_fields = emitra_json_get_array_or_empty (form, "fields", &json_error);
  if (json_error != NULL)
    {
      wrap_json_error (error, json_error);
      return NULL;
    }
  if (!add_fields (self, own_fields, NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The same from JSON text: @groups_json is the "field_groups" object and
 * may be NULL. For the fuzz target and for tests. */
EmitraFormSchema *
emitra_form_schema_new_from_data (const char  *form_json,
                                  const char  *groups_json,
                                  GError     **error)
{
  g_autoptr(JsonObject) form = NULL;
  g_autoptr(JsonObject) groups = NULL;
  GError *json_error = NULL;

  g_return_val_if_fail (form_json != NULL, NULL);

  form = emitra_json_parse_object (form_json, -1, MAX_FORM_JSON_BYTES, &json_error);
  if (form == NULL)
    {
      wrap_json_error (error, json_error);
      return NULL;
    }

  if (groups_json != NULL)
    {
      groups = emitra_json_parse_object (groups_json, -1, MAX_FORM_JSON_BYTES, &json_error);
      if (groups == NULL)
        {
          wrap_json_error (error, json_error);
          return NULL;
        }
    }

  return emitra_form_schema_new (form, groups, error);
}

/* A GListModel of EmitraFormField in the order the form shows them. */
GListModel *
emitra_form_schema_get_fields (EmitraFormSchema *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_SCHEMA (self), NULL);
  return G_LIST_MODEL (self->fields);
}

EmitraFormField *
emitra_form_schema_lookup (EmitraFormSchema *self,
                           const char       *field_id)
{
  g_return_val_if_fail (EMITRA_IS_FORM_SCHEMA (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);
  return g_hash_table_lookup (self->by_id, field_id);
}

/* The field groups the form uses, in order; never NULL. */
const char * const *
emitra_form_schema_get_groups (EmitraFormSchema *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_SCHEMA (self), NULL);
  return (const char * const *) self->groups->pdata;
}

/* A section heading for the fields of @group (NULL: the service's own). */
const char *
emitra_form_group_get_title (const char *group)
{
  static const struct { const char *group; const char *title; } titles[] = {
    { "applicant", N_("Applicant") },
    { "address", N_("Address") },
    { "bank_account", N_("Bank account") },
    { "business", N_("Business") },
  };

  if (group == NULL)
    return _("Application details");

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (group, titles[i].group))
      return _(titles[i].title);

  return _("Other details");
}

/* The ids of the fields whose values must be masked before they are
 * written anywhere. */
GStrv
emitra_form_schema_dup_sensitive_ids (EmitraFormSchema *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (EMITRA_IS_FORM_SCHEMA (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->fields));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraFormField) field = g_list_model_get_item (G_LIST_MODEL (self->fields), i);

      if (emitra_form_field_is_sensitive (field))
        g_strv_builder_add (builder, emitra_form_field_get_id (field));
    }

  return g_strv_builder_end (builder);
}

/* The district ids of the current master data. Until they are set, a
 * district field takes any id (the GUI offers only the master list). */
void
emitra_form_schema_set_districts (EmitraFormSchema   *self,
                                  const char * const *district_ids)
{
  g_return_if_fail (EMITRA_IS_FORM_SCHEMA (self));

  g_clear_pointer (&self->districts, g_hash_table_unref);
  if (district_ids == NULL)
    return;

  self->districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; district_ids[i] != NULL; i++)
    g_hash_table_add (self->districts, g_strdup (district_ids[i]));
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static EmitraValidity
validity_of (gboolean ok)
{
  return ok ? EMITRA_VALIDITY_VALID : EMITRA_VALIDITY_INVALID;
}

static EmitraValidity
validate_choice (EmitraFormSchema  *self,
                 EmitraFormField   *field,
                 const char        *label,
                 const char        *text,
                 char             **out_normalised,
                 GError           **error)
{
  g_autofree char *value = g_strstrip (g_strdup (text));
  gboolean known;

  if (emitra_form_field_get_field_type (field) == EMITRA_FIELD_TYPE_CHOICE)
    known = emitra_form_field_find_option (field, value) != NULL;
  else if (self->districts != NULL)
    known = g_hash_table_contains (self->districts, value);
  else
    known = TRUE;

  if (!known)
    {
      g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_NOT_AN_OPTION,
                   _("%s: choose one of the entries in the list."), label);
      return EMITRA_VALIDITY_INVALID;
    }

  if (out_normalised != NULL)
    *out_normalised = g_steal_pointer (&value);
  return EMITRA_VALIDITY_VALID;
}

/* Checks @text for the field @field_id. On VALID and WARNING the value is
 * accepted and @out_normalised gets its normalised form ("" for an empty
 * optional field); on WARNING and INVALID @error has the message to show
 * under the field, naming it. A masked Aadhaar number ("XXXX XXXX 1234")
 * is INVALID with EMITRA_VALIDATE_ERROR_MASKED: the GUI does not validate
 * a number that came, verified, from the citizen's Jan Aadhaar record. */
EmitraValidity
emitra_form_schema_validate_field (EmitraFormSchema  *self,
                                   const char        *field_id,
                                   const char        *text,
                                   const GDate       *today,
                                   char             **out_normalised,
                                   GError           **error)
{
  EmitraFormField *field;
  const char *label;
  gint64 min, max;

  g_return_val_if_fail (EMITRA_IS_FORM_SCHEMA (self), EMITRA_VALIDITY_INVALID);
  g_return_val_if_fail (field_id != NULL, EMITRA_VALIDITY_INVALID);

  field = g_hash_table_lookup (self->by_id, field_id);
  if (field == NULL)
    {
      g_set_error (error, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_FIELD,
                   _("The service's form has no field “%s”."), field_id);
      return EMITRA_VALIDITY_INVALID;
    }

  label = emitra_form_field_get_label (field);
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHARACTERS,
                   _("%s: the text contains a control character; type it again instead of pasting it."), label);
      return EMITRA_VALIDITY_INVALID;
    }
  if (text == NULL || is_blank (text))
    {
      if (emitra_form_field_get_required (field))
        {
          g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_EMPTY,
                       _("%s: this field is required."), label);
          return EMITRA_VALIDITY_INVALID;
        }
      if (out_normalised != NULL)
        *out_normalised = g_strdup ("");
      return EMITRA_VALIDITY_VALID;
    }

  switch (emitra_form_field_get_field_type (field))
    {
    case EMITRA_FIELD_TYPE_TEXT:
      return validity_of (emitra_validate_text (label, text,
                                                emitra_form_field_get_max_length (field) > 0
                                                  ? emitra_form_field_get_max_length (field)
                                                  : DEFAULT_TEXT_LENGTH,
                                                out_normalised, error));
    case EMITRA_FIELD_TYPE_NAME:
      return validity_of (emitra_validate_name (label, text,
                                                emitra_form_field_get_max_length (field) > 0
                                                  ? emitra_form_field_get_max_length (field)
                                                  : DEFAULT_NAME_LENGTH,
                                                out_normalised, error));
    case EMITRA_FIELD_TYPE_NUMBER:
      if (!emitra_form_field_get_min (field, &min))
        min = G_MININT64;
      if (!emitra_form_field_get_max (field, &max))
        max = G_MAXINT64;
      return validity_of (emitra_validate_number (label, text, min, max, NULL, out_normalised, error));
    case EMITRA_FIELD_TYPE_MONEY:
      if (!emitra_form_field_get_min (field, &min))
        min = 0;
      if (!emitra_form_field_get_max (field, &max))
        max = G_MAXINT64;
      return validity_of (emitra_validate_money (label, text, min, max, NULL, out_normalised, error));
    case EMITRA_FIELD_TYPE_DATE:
      return validity_of (emitra_validate_date (label, text, today,
                                                emitra_form_field_get_min_age (field),
                                                emitra_form_field_get_max_age (field),
                                                NULL, out_normalised, error));
    case EMITRA_FIELD_TYPE_CHOICE:
    case EMITRA_FIELD_TYPE_DISTRICT:
      return validate_choice (self, field, label, text, out_normalised, error);
    case EMITRA_FIELD_TYPE_AADHAAR:
      return validity_of (emitra_validate_aadhaar (label, text, out_normalised, error));
    case EMITRA_FIELD_TYPE_JAN_AADHAAR:
      return validity_of (emitra_validate_jan_aadhaar_member (label, text, out_normalised, error));
    case EMITRA_FIELD_TYPE_MOBILE:
      return validity_of (emitra_validate_mobile (label, text, out_normalised, error));
    case EMITRA_FIELD_TYPE_PIN:
      return emitra_validate_pin (label, text, out_normalised, error);
    case EMITRA_FIELD_TYPE_IFSC:
      return validity_of (emitra_validate_ifsc (label, text, out_normalised, error));
    case EMITRA_FIELD_TYPE_PAN:
      return validity_of (emitra_validate_pan (label, text, out_normalised, error));
    case EMITRA_FIELD_TYPE_CONSUMER_NUMBER:
      return validity_of (emitra_validate_consumer_number (label, text,
                                                           emitra_form_field_get_min_length (field),
                                                           emitra_form_field_get_max_length (field),
                                                           out_normalised, error));
    case EMITRA_FIELD_TYPE_DOCUMENT:
      /* The value is the attachment's reference; the documents step
       * checks the file itself. */
      if (out_normalised != NULL)
        *out_normalised = g_strdup (text);
      return EMITRA_VALIDITY_VALID;
    default:
      g_assert_not_reached ();
    }
}

/* Validates the fields @field_ids (NULL: every field) with their text in
 * @values (field id -> text; a missing id counts as empty), as when Next
 * is pressed. Returns FALSE when any field is INVALID; warnings alone do
 * not block. @out_issues gets every WARNING and INVALID in form order. */
gboolean
emitra_form_schema_validate_values (EmitraFormSchema   *self,
                                    const char * const *field_ids,
                                    GHashTable         *values,
                                    const GDate        *today,
                                    GPtrArray         **out_issues)
{
  g_autoptr(GPtrArray) issues = NULL;
  gboolean all_valid = TRUE;
  guint n;

  g_return_val_if_fail (EMITRA_IS_FORM_SCHEMA (self), FALSE);

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) emitra_field_issue_free);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->fields));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraFormField) field = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      const char *id = emitra_form_field_get_id (field);
      GError *error = NULL;
      EmitraValidity validity;

      if (field_ids != NULL && !g_strv_contains (field_ids, id))
        continue;

      validity = emitra_form_schema_validate_field (self, id,
                                                    values != NULL ? g_hash_table_lookup (values, id) : NULL,
                                                    today, NULL, &error);
      if (validity == EMITRA_VALIDITY_VALID)
        continue;

      if (validity == EMITRA_VALIDITY_INVALID)
        all_valid = FALSE;

      {
        EmitraFieldIssue *issue = g_new0 (EmitraFieldIssue, 1);

        issue->field_id = g_strdup (id);
        issue->validity = validity;
        issue->error = error;
        g_ptr_array_add (issues, issue);
      }
    }

  if (out_issues != NULL)
    *out_issues = g_steal_pointer (&issues);
  return all_valid;
}

static void
emitra_form_schema_finalize (GObject *object)
{
  EmitraFormSchema *self = EMITRA_FORM_SCHEMA (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->fields);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->districts, g_hash_table_unref);

  G_OBJECT_CLASS (emitra_form_schema_parent_class)->finalize (object);
}

static void
emitra_form_schema_class_init (EmitraFormSchemaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = emitra_form_schema_finalize;
}

static void
emitra_form_schema_init (EmitraFormSchema *self)
{
  self->fields = g_list_store_new (EMITRA_TYPE_FORM_FIELD);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->groups = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}
