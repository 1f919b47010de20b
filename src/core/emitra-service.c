/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One service of the catalog, as the operator sees it: bilingual names and
 * description, the department's fee and the service-charge rule, the
 * document checklist, the guaranteed delivery time and the form schema.
 * The form is handed out as a JsonObject for the forms module; the catalog
 * has checked that its field groups and master lists exist.
 */
#include "config.h"

#include "emitra-service.h"

#include "emitra-catalog-entry-private.h"
#include "emitra-json.h"
#include "emitra-json-reader.h"
#include "emitra-service-private.h"

struct _EmitraService
{
  GObject            parent_instance;

  EmitraServiceData  data;
  JsonObject        *form;   /* read from data.document when first asked for */
  guint              index;
};

G_DEFINE_FINAL_TYPE (EmitraService, emitra_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,  /* then name-en and name-hi: EmitraCatalogEntry's properties */
  PROP_DESCRIPTION_EN = PROP_ID + EMITRA_CATALOG_ENTRY_N_PROPS,
  PROP_DESCRIPTION_HI,
  PROP_DEPARTMENT_ID,
  PROP_CATEGORY_ID,
  PROP_DEPARTMENT_FEE,
  PROP_CHARGE_RULE,
  PROP_BILL,
  PROP_DELIVERY_DAYS,
  PROP_KEYWORDS,
  PROP_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_emitra_service_data_clear (EmitraServiceData *data)
{
  _emitra_catalog_entry_clear (&data->entry);
  g_clear_pointer (&data->description_en, g_free);
  g_clear_pointer (&data->description_hi, g_free);
  g_clear_pointer (&data->department_id, g_free);
  g_clear_pointer (&data->category_id, g_free);
  g_clear_pointer (&data->charge_rule, g_free);
  g_clear_pointer (&data->keywords, g_strfreev);
  g_clear_object (&data->documents);
  g_clear_pointer (&data->document, g_bytes_unref);
}

/* From the catalog's reader, which has checked everything in @data; the
 * service takes it all. @index is its position in the catalog. */
EmitraService *
_emitra_service_new (EmitraServiceData *data,
                     guint              index)
{
  EmitraService *self = g_object_new (EMITRA_TYPE_SERVICE, NULL);
  GListStore *no_documents = g_steal_pointer (&self->data.documents);

  self->index = index;
  self->data = *data;
  *data = (EmitraServiceData) { 0 };
  if (self->data.keywords == NULL)
    self->data.keywords = g_new0 (char *, 1);
  if (self->data.documents == NULL)
    self->data.documents = g_steal_pointer (&no_documents);
  g_clear_object (&no_documents);

  return self;
}

EMITRA_CATALOG_ENTRY_DEFINE_GETTERS (EmitraService, emitra_service, EMITRA_IS_SERVICE, data.entry)

const char *
emitra_service_get_description_en (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), NULL);

  return self->data.description_en;
}

const char *
emitra_service_get_description_hi (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), NULL);

  return self->data.description_hi;
}

const char *
emitra_service_get_description (EmitraService *self,
                                gboolean       hindi)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), NULL);

  return hindi ? self->data.description_hi : self->data.description_en;
}

const char *
emitra_service_get_department_id (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), NULL);

  return self->data.department_id;
}

const char *
emitra_service_get_category_id (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), NULL);

  return self->data.category_id;
}

/* In paise; 0 when the department charges nothing, and for bills (the
 * amount due is fetched from the gateway). */
gint64
emitra_service_get_department_fee (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), 0);

  return self->data.department_fee;
}

const char *
emitra_service_get_charge_rule (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), NULL);

  return self->data.charge_rule;
}

gboolean
emitra_service_get_bill (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), FALSE);

  return self->data.bill;
}

/* The guaranteed delivery time in days, or -1 when the law sets none. */
int
emitra_service_get_delivery_days (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), -1);

  return self->data.delivery_days;
}

const char * const *
emitra_service_get_keywords (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), NULL);

  return (const char * const *) self->data.keywords;
}

/* A list of EmitraDocumentRequirement. */
GListModel *
emitra_service_get_documents (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), NULL);

  return G_LIST_MODEL (self->data.documents);
}

/* The service's "form" object: { "groups": [...], "fields": [...] },
 * immutable. Most services' forms are never opened in a day, so each is
 * built from the catalog's document the first time it is asked for. */
JsonObject *
emitra_service_get_form (EmitraService *self)
{
  JsonObject *form;

  g_return_val_if_fail (EMITRA_IS_SERVICE (self), NULL);

  form = g_atomic_pointer_get (&self->form);
  if (form != NULL || self->data.document == NULL)
    return form;

  /* The catalog checked this range when it was read. */
  form = emitra_json_reader_parse_object ((const char *) g_bytes_get_data (self->data.document, NULL) + self->data.form_offset,
                                          self->data.form_length, NULL);
  g_return_val_if_fail (form != NULL, NULL);
  if (!g_atomic_pointer_compare_and_exchange (&self->form, NULL, form))
    json_object_unref (form);

  return g_atomic_pointer_get (&self->form);
}

/* The service's position in its catalog, which the search index uses to
 * keep per-service figures in plain arrays. */
guint
emitra_service_get_index (EmitraService *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE (self), 0);

  return self->index;
}

static void
find_age_limits (JsonArray *fields,
                 int       *min_age,
                 int       *max_age)
{
  for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      JsonObject *field = emitra_json_array_get_object (fields, i, NULL);

      if (field == NULL || !g_str_equal (emitra_json_get_string_or (field, "type", ""), "date"))
        continue;
      *min_age = MAX (*min_age, (int) CLAMP (emitra_json_get_int_or (field, "min_age", -1), -1, 200));
      if (emitra_json_get_int_or (field, "max_age", -1) >= 0)
        {
          int limit = (int) CLAMP (emitra_json_get_int_or (field, "max_age", -1), 0, 200);
          *max_age = *max_age < 0 ? limit : MIN (*max_age, limit);
        }
    }
}

/* Who may apply, as far as the form says it: the applicant's age limits
 * from a date of birth's min_age/max_age, in the service's own fields or
 * in its field groups. Each limit is -1 when absent; FALSE when neither
 * is set. */
gboolean
emitra_service_get_age_limits (EmitraService *self,
                               JsonObject    *field_groups,
                               int           *out_min_age,
                               int           *out_max_age)
{
  JsonArray *groups;
  int min_age = -1, max_age = -1;

  g_return_val_if_fail (EMITRA_IS_SERVICE (self), FALSE);

  find_age_limits (emitra_json_get_array_or_empty (emitra_service_get_form (self), "fields", NULL), &min_age, &max_age);
  groups = emitra_json_get_array_or_empty (emitra_service_get_form (self), "groups", NULL);
  for (guint i = 0; field_groups != NULL && groups != NULL && i < json_array_get_length (groups); i++)
    {
      const char *group = emitra_json_array_get_string (groups, i, NULL);

      if (group != NULL)
        find_age_limits (emitra_json_get_array_or_empty (field_groups, group, NULL), &min_age, &max_age);
    }

  if (out_min_age != NULL)
    *out_min_age = min_age;
  if (out_max_age != NULL)
    *out_max_age = max_age;
  return min_age >= 0 || max_age >= 0;
}

static void
emitra_service_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EmitraService *self = EMITRA_SERVICE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION_EN:
      g_value_set_string (value, self->data.description_en);
      break;
    case PROP_DESCRIPTION_HI:
      g_value_set_string (value, self->data.description_hi);
      break;
    case PROP_DEPARTMENT_ID:
      g_value_set_string (value, self->data.department_id);
      break;
    case PROP_CATEGORY_ID:
      g_value_set_string (value, self->data.category_id);
      break;
    case PROP_DEPARTMENT_FEE:
      g_value_set_int64 (value, self->data.department_fee);
      break;
    case PROP_CHARGE_RULE:
      g_value_set_string (value, self->data.charge_rule);
      break;
    case PROP_BILL:
      g_value_set_boolean (value, self->data.bill);
      break;
    case PROP_DELIVERY_DAYS:
      g_value_set_int (value, self->data.delivery_days);
      break;
    case PROP_KEYWORDS:
      g_value_set_boxed (value, self->data.keywords);
      break;
    case PROP_DOCUMENTS:
      g_value_set_object (value, self->data.documents);
      break;
    default:
      if (!_emitra_catalog_entry_get_property (&self->data.entry, prop_id, PROP_ID, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_service_finalize (GObject *object)
{
  EmitraService *self = EMITRA_SERVICE (object);

  _emitra_service_data_clear (&self->data);
  g_clear_pointer (&self->form, json_object_unref);

  G_OBJECT_CLASS (emitra_service_parent_class)->finalize (object);
}

static void
emitra_service_class_init (EmitraServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = emitra_service_get_property;
  object_class->finalize = emitra_service_finalize;

  _emitra_catalog_entry_install_properties (properties, PROP_ID);
  properties[PROP_DESCRIPTION_EN] = _emitra_catalog_string_property ("description-en");
  properties[PROP_DESCRIPTION_HI] = _emitra_catalog_string_property ("description-hi");
  properties[PROP_DEPARTMENT_ID] = _emitra_catalog_string_property ("department-id");
  properties[PROP_CATEGORY_ID] = _emitra_catalog_string_property ("category-id");
  properties[PROP_CHARGE_RULE] = _emitra_catalog_string_property ("charge-rule");
  properties[PROP_DEPARTMENT_FEE] =
    g_param_spec_int64 ("department-fee", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_BILL] = g_param_spec_boolean ("bill", NULL, NULL, FALSE, flags);
  properties[PROP_DELIVERY_DAYS] = g_param_spec_int ("delivery-days", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_KEYWORDS] = g_param_spec_boxed ("keywords", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_DOCUMENTS] = g_param_spec_object ("documents", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_service_init (EmitraService *self)
{
  self->data.documents = g_list_store_new (EMITRA_TYPE_DOCUMENT_REQUIREMENT);
  self->data.delivery_days = -1;
}
