/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One field of a service's application form, read from the catalog
 * (docs/catalog.md): its type, its labels in both languages, whether it is
 * required, its bounds and, for a choice, its options. Fields are immutable
 * once read; the GUI binds to their properties to build the form, and
 * EmitraFormSchema uses them to pick the right validator.
 */
#include "config.h"

#include "emitra-form-field.h"
#include "emitra-form-schema.h"
#include "emitra-json.h"
#include "emitra-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Limits that keep a malformed catalog from costing memory or time; no
 * real form comes near them. */
#define MAX_ID_LENGTH      64
#define MAX_LENGTH_LIMIT   10000
#define MAX_OPTIONS        1000
#define MAX_AGE            150

G_DEFINE_ENUM_TYPE (EmitraFieldType, emitra_field_type,
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_TEXT, "text"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_NAME, "name"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_NUMBER, "number"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_DATE, "date"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_CHOICE, "choice"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_DISTRICT, "district"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_AADHAAR, "aadhaar"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_JAN_AADHAAR, "jan_aadhaar"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_MOBILE, "mobile"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_PIN, "pin"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_IFSC, "ifsc"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_PAN, "pan"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_MONEY, "money"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_DOCUMENT, "document"),
  G_DEFINE_ENUM_VALUE (EMITRA_FIELD_TYPE_CONSUMER_NUMBER, "consumer_number"))

struct _EmitraFormField
{
  GObject          parent_instance;

  char            *id;
  EmitraFieldType  type;
  char            *group;
  char            *label_en;
  char            *label_hi;
  char            *pattern_hint_en;
  char            *pattern_hint_hi;
  gboolean         required;
  guint            min_length;
  guint            max_length;
  gboolean         has_min;
  gboolean         has_max;
  gint64           min;
  gint64           max;
  int              min_age;
  int              max_age;
  GPtrArray       *options;
};

G_DEFINE_FINAL_TYPE (EmitraFormField, emitra_form_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FIELD_TYPE,
  PROP_GROUP,
  PROP_LABEL,
  PROP_LABEL_EN,
  PROP_LABEL_HI,
  PROP_PATTERN_HINT,
  PROP_REQUIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
emitra_field_type_to_string (EmitraFieldType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (EMITRA_TYPE_FIELD_TYPE);
  GEnumValue *value = g_enum_get_value (klass, (int) type);

  return value != NULL ? value->value_nick : NULL;
}

gboolean
emitra_field_type_from_string (const char      *name,
                               EmitraFieldType *out_type)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (name != NULL, FALSE);

  klass = g_type_class_ref (EMITRA_TYPE_FIELD_TYPE);
  value = g_enum_get_value_by_nick (klass, name);
  if (value == NULL)
    return FALSE;

  if (out_type != NULL)
    *out_type = (EmitraFieldType) value->value;
  return TRUE;
}

static void
field_option_free (gpointer data)
{
  EmitraFieldOption *option = data;

  g_free (option->value);
  g_free (option->label_en);
  g_free (option->label_hi);
  g_free (option);
}

static gboolean
set_bad_field (GError     **error,
               const char  *field_id,
               const char  *detail)
{
  g_set_error (error, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD,
               /* Translators: the first %s is a field's id, the second says what is wrong. */
               _("The form's field “%s” is not usable: %s"), field_id, detail);
  return FALSE;
}

static gboolean
wrap_json_error (GError     **error,
                 const char  *field_id,
                 GError      *json_error)
{
  g_set_error (error, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID,
               _("The form's field “%s” could not be read: %s"), field_id, json_error->message);
  g_error_free (json_error);
  return FALSE;
}

/* An absent or null member leaves *@out_set FALSE. */
static gboolean
get_optional_int (JsonObject  *object,
                  const char  *member,
                  const char  *field_id,
                  gint64       lowest,
                  gint64       highest,
                  gboolean    *out_set,
                  gint64      *out_value,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GError *json_error = NULL;

  *out_set = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!emitra_json_get_int (object, member, out_value, &json_error))
    return wrap_json_error (error, field_id, json_error);

  if (*out_value < lowest || *out_value > highest)
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” is out of range."), member);

      return set_bad_field (error, field_id, detail);
    }

  *out_set = TRUE;
  return TRUE;
}

/* A string member that may be absent; present, it must be a string. */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *member,
                     const char  *field_id,
                     char       **out_value,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GError *json_error = NULL;
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  value = emitra_json_get_string (object, member, &json_error);
  if (value == NULL)
    return wrap_json_error (error, field_id, json_error);

  *out_value = value[0] != '\0' ? g_strdup (value) : NULL;
  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_ID_LENGTH)
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;

  return TRUE;
}

static gboolean
parse_options (EmitraFormField  *self,
               JsonObject       *object,
               GError          **error)
{
  GError *json_error = NULL;
  JsonArray *array = emitra_json_get_array (object, "options", &json_error);
  guint n;

  if (array == NULL)
    return wrap_json_error (error, self->id, json_error);

  n = json_array_get_length (array);
  if (n == 0 || n > MAX_OPTIONS)
    return set_bad_field (error, self->id, _("a choice needs between 1 and 1000 options."));

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = emitra_json_array_get_object (array, i, &json_error);
      const char *value, *label_en, *label_hi;
      EmitraFieldOption *option;

      if (item == NULL ||
          (value = emitra_json_get_string (item, "value", &json_error)) == NULL ||
          (label_en = emitra_json_get_string (item, "label_en", &json_error)) == NULL ||
          (label_hi = emitra_json_get_string (item, "label_hi", &json_error)) == NULL)
        return wrap_json_error (error, self->id, json_error);

      if (value[0] == '\0' || emitra_form_field_find_option (self, value) != NULL)
        return set_bad_field (error, self->id, _("two options have the same value, or one has none."));

      option = g_new0 (EmitraFieldOption, 1);
      option->value = g_strdup (value);
      option->label_en = g_strdup (label_en);
      option->label_hi = g_strdup (label_hi);
      g_ptr_array_add (self->options, option);
    }

  return TRUE;
}

static gboolean
parse_bounds (EmitraFormField  *self,
              JsonObject       *object,
              GError          **error)
{
  gboolean set;
  gint64 value;

  if (!get_optional_int (object, "max_length", self->id, 1, MAX_LENGTH_LIMIT, &set, &value, error))
    return FALSE;
  self->max_length = set ? (guint) value : 0;
  if (!get_optional_int (object, "min_length", self->id, 1, MAX_LENGTH_LIMIT, &set, &value, error))
    return FALSE;
  self->min_length = set ? (guint) value : 0;
  if (self->max_length > 0 && self->min_length > self->max_length)
    return set_bad_field (error, self->id, _("“min_length” is larger than “max_length”."));

  if (!get_optional_int (object, "min", self->id, G_MININT64, G_MAXINT64, &self->has_min, &self->min, error) ||
      !get_optional_int (object, "max", self->id, G_MININT64, G_MAXINT64, &self->has_max, &self->max, error))
    return FALSE;
  if (self->has_min && self->has_max && self->min > self->max)
    return set_bad_field (error, self->id, _("“min” is larger than “max”."));

  if (!get_optional_int (object, "min_age", self->id, 0, MAX_AGE, &set, &value, error))
    return FALSE;
  self->min_age = set ? (int) value : -1;
  if (!get_optional_int (object, "max_age", self->id, 0, MAX_AGE, &set, &value, error))
    return FALSE;
  self->max_age = set ? (int) value : -1;
  if (self->min_age >= 0 && self->max_age >= 0 && self->min_age > self->max_age)
    return set_bad_field (error, self->id, _("“min_age” is larger than “max_age”."));

  return TRUE;
}

/* Reads one field object of a form or of a field group (@group is the
 * group's key, or NULL for the service's own fields). */
EmitraFormField *
emitra_form_field_new_from_json (JsonObject  *object,
                                 const char  *group,
                                 GError     **error)
{
  g_autoptr(EmitraFormField) self = NULL;
  GError *json_error = NULL;
  const char *id, *type, *label_en, *label_hi;
  JsonNode *required;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (EMITRA_TYPE_FORM_FIELD, NULL);
  self->group = g_strdup (group);

  id = emitra_json_get_string (object, "id", &json_error);
  if (id == NULL)
    {
      wrap_json_error (error, "?", json_error);
      return NULL;
    }
  if (!is_valid_id (id))
    {
      g_autofree char *shown = emitra_text_truncate_chars (id, MAX_ID_LENGTH);

      set_bad_field (error, shown, _("an id is 1 to 64 characters a-z, 0-9 or _."));
      return NULL;
    }
  self->id = g_strdup (id);

  type = emitra_json_get_string (object, "type", &json_error);
  if (type == NULL)
    {
      wrap_json_error (error, self->id, json_error);
      return NULL;
    }
  if (!emitra_field_type_from_string (type, &self->type))
    {
      g_set_error (error, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_TYPE,
                   _("The form's field “%s” has a type this version does not know (“%s”). Update e-Mitra Desk."),
                   self->id, type);
      return NULL;
    }

  label_en = emitra_json_get_string (object, "label_en", &json_error);
  label_hi = label_en != NULL ? emitra_json_get_string (object, "label_hi", &json_error) : NULL;
  if (label_en == NULL || label_hi == NULL)
    {
      wrap_json_error (error, self->id, json_error);
      return NULL;
    }
  if (label_en[0] == '\0' || label_hi[0] == '\0')
    {
      set_bad_field (error, self->id, _("a field needs a label in both languages."));
      return NULL;
    }
  self->label_en = g_strdup (label_en);
  self->label_hi = g_strdup (label_hi);

  /* A string "true" must not pass for a boolean: a required field that
   * silently became optional would let incomplete applications through. */
  required = json_object_get_member (object, "required");
  if (required != NULL && !JSON_NODE_HOLDS_NULL (required))
    {
      if (!JSON_NODE_HOLDS_VALUE (required) || json_node_get_value_type (required) != G_TYPE_BOOLEAN)
        {
          set_bad_field (error, self->id, _("“required” is not true or false."));
          return NULL;
        }
      self->required = json_node_get_boolean (required);
    }

  if (!get_optional_string (object, "pattern_hint_en", self->id, &self->pattern_hint_en, error) ||
      !get_optional_string (object, "pattern_hint_hi", self->id, &self->pattern_hint_hi, error) ||
      !parse_bounds (self, object, error))
    return NULL;

  if (self->type == EMITRA_FIELD_TYPE_CHOICE && !parse_options (self, object, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
emitra_form_field_get_id (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  return self->id;
}

EmitraFieldType
emitra_form_field_get_field_type (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), EMITRA_FIELD_TYPE_TEXT);
  return self->type;
}

/* The field group's key ("applicant", "address"), or NULL for a field of
 * the service's own. */
const char *
emitra_form_field_get_group (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  return self->group;
}

const char *
emitra_form_field_get_label_en (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  return self->label_en;
}

const char *
emitra_form_field_get_label_hi (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  return self->label_hi;
}

/* The label in the interface's language. */
const char *
emitra_form_field_get_label (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  return emitra_text_prefers_hindi () ? self->label_hi : self->label_en;
}

const char *
emitra_form_field_get_pattern_hint_en (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  return self->pattern_hint_en;
}

const char *
emitra_form_field_get_pattern_hint_hi (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  return self->pattern_hint_hi;
}

/* The hint in the interface's language, or NULL when there is none. */
const char *
emitra_form_field_get_pattern_hint (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  if (emitra_text_prefers_hindi () && self->pattern_hint_hi != NULL)
    return self->pattern_hint_hi;
  return self->pattern_hint_en;
}

gboolean
emitra_form_field_get_required (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), FALSE);
  return self->required;
}

/* 0 when the catalog sets no limit. */
guint
emitra_form_field_get_min_length (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), 0);
  return self->min_length;
}

guint
emitra_form_field_get_max_length (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), 0);
  return self->max_length;
}

gboolean
emitra_form_field_get_min (EmitraFormField *self,
                           gint64          *out_min)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), FALSE);
  if (self->has_min && out_min != NULL)
    *out_min = self->min;
  return self->has_min;
}

gboolean
emitra_form_field_get_max (EmitraFormField *self,
                           gint64          *out_max)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), FALSE);
  if (self->has_max && out_max != NULL)
    *out_max = self->max;
  return self->has_max;
}

/* -1 when there is no age rule. */
int
emitra_form_field_get_min_age (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), -1);
  return self->min_age;
}

int
emitra_form_field_get_max_age (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), -1);
  return self->max_age;
}

guint
emitra_form_field_get_n_options (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), 0);
  return self->options->len;
}

const EmitraFieldOption *
emitra_form_field_get_option (EmitraFormField *self,
                              guint            index)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  g_return_val_if_fail (index < self->options->len, NULL);
  return g_ptr_array_index (self->options, index);
}

const EmitraFieldOption *
emitra_form_field_find_option (EmitraFormField *self,
                               const char      *value)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; i < self->options->len; i++)
    {
      EmitraFieldOption *option = g_ptr_array_index (self->options, i);

      if (g_str_equal (option->value, value))
        return option;
    }

  return NULL;
}

const char *
emitra_field_option_get_label (const EmitraFieldOption *option)
{
  g_return_val_if_fail (option != NULL, NULL);
  return emitra_text_prefers_hindi () ? option->label_hi : option->label_en;
}

/* Whether the value must never reach the disk as typed (only masked). */
gboolean
emitra_form_field_is_sensitive (EmitraFormField *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (self), FALSE);
  return self->type == EMITRA_FIELD_TYPE_AADHAAR;
}

static void
emitra_form_field_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EmitraFormField *self = EMITRA_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_FIELD_TYPE:
      g_value_set_enum (value, (int) self->type);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_LABEL:
      g_value_set_string (value, emitra_form_field_get_label (self));
      break;
    case PROP_LABEL_EN:
      g_value_set_string (value, self->label_en);
      break;
    case PROP_LABEL_HI:
      g_value_set_string (value, self->label_hi);
      break;
    case PROP_PATTERN_HINT:
      g_value_set_string (value, emitra_form_field_get_pattern_hint (self));
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_form_field_finalize (GObject *object)
{
  EmitraFormField *self = EMITRA_FORM_FIELD (object);

  g_free (self->id);
  g_free (self->group);
  g_free (self->label_en);
  g_free (self->label_hi);
  g_free (self->pattern_hint_en);
  g_free (self->pattern_hint_hi);
  g_ptr_array_unref (self->options);

  G_OBJECT_CLASS (emitra_form_field_parent_class)->finalize (object);
}

static void
emitra_form_field_class_init (EmitraFormFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = emitra_form_field_get_property;
  object_class->finalize = emitra_form_field_finalize;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_FIELD_TYPE] = g_param_spec_enum ("field-type", NULL, NULL, EMITRA_TYPE_FIELD_TYPE,
                                                   EMITRA_FIELD_TYPE_TEXT, flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_LABEL_EN] = g_param_spec_string ("label-en", NULL, NULL, NULL, flags);
  properties[PROP_LABEL_HI] = g_param_spec_string ("label-hi", NULL, NULL, NULL, flags);
  properties[PROP_PATTERN_HINT] = g_param_spec_string ("pattern-hint", NULL, NULL, NULL, flags);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_form_field_init (EmitraFormField *self)
{
  self->options = g_ptr_array_new_with_free_func (field_option_free);
  self->min_age = -1;
  self->max_age = -1;
}
