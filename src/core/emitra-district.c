/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A district of Rajasthan, with the division it belongs to. The list
 * changes over the years (33, 50, then 41 districts), so it is data from
 * the catalog, never a C array.
 */
#include "config.h"

#include "emitra-district.h"

#include "emitra-catalog-private.h"

struct _EmitraDistrict
{
  GObject  parent_instance;

  char    *id;
  char    *name_en;
  char    *name_hi;
  char    *division_id;
};

G_DEFINE_FINAL_TYPE (EmitraDistrict, emitra_district, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME_EN,
  PROP_NAME_HI,
  PROP_DIVISION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Both names are required: the catalog is shown in either language. */
EmitraDistrict *
emitra_district_new_from_json (JsonObject  *object,
                               const char  *where,
                               GError     **error)
{
  EmitraDistrict *self;
  const char *id, *name_en, *name_hi;
  const char *division_id;

  g_return_val_if_fail (object != NULL, NULL);

  id = _emitra_catalog_require_text (object, "id", where, error);
  if (id == NULL || !_emitra_catalog_check_id (id, "id", where, error))
    return NULL;
  name_en = _emitra_catalog_require_text (object, "name_en", where, error);
  if (name_en == NULL)
    return NULL;
  name_hi = _emitra_catalog_require_text (object, "name_hi", where, error);
  if (name_hi == NULL)
    return NULL;
  division_id = _emitra_catalog_require_text (object, "division", where, error);
  if (division_id == NULL || !_emitra_catalog_check_id (division_id, "division", where, error))
    return NULL;

  self = g_object_new (EMITRA_TYPE_DISTRICT, NULL);
  self->id = g_strdup (id);
  self->name_en = g_strdup (name_en);
  self->name_hi = g_strdup (name_hi);
  self->division_id = g_strdup (division_id);

  return self;
}

const char *
emitra_district_get_id (EmitraDistrict *self)
{
  g_return_val_if_fail (EMITRA_IS_DISTRICT (self), NULL);

  return self->id;
}

const char *
emitra_district_get_name_en (EmitraDistrict *self)
{
  g_return_val_if_fail (EMITRA_IS_DISTRICT (self), NULL);

  return self->name_en;
}

const char *
emitra_district_get_name_hi (EmitraDistrict *self)
{
  g_return_val_if_fail (EMITRA_IS_DISTRICT (self), NULL);

  return self->name_hi;
}

const char *
emitra_district_get_name (EmitraDistrict *self,
                          gboolean        hindi)
{
  g_return_val_if_fail (EMITRA_IS_DISTRICT (self), NULL);

  return hindi ? self->name_hi : self->name_en;
}

const char *
emitra_district_get_division_id (EmitraDistrict *self)
{
  g_return_val_if_fail (EMITRA_IS_DISTRICT (self), NULL);

  return self->division_id;
}

static void
emitra_district_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EmitraDistrict *self = EMITRA_DISTRICT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME_EN:
      g_value_set_string (value, self->name_en);
      break;
    case PROP_NAME_HI:
      g_value_set_string (value, self->name_hi);
      break;
    case PROP_DIVISION_ID:
      g_value_set_string (value, self->division_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_district_finalize (GObject *object)
{
  EmitraDistrict *self = EMITRA_DISTRICT (object);

  g_free (self->id);
  g_free (self->name_en);
  g_free (self->name_hi);
  g_free (self->division_id);

  G_OBJECT_CLASS (emitra_district_parent_class)->finalize (object);
}

static void
emitra_district_class_init (EmitraDistrictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_district_get_property;
  object_class->finalize = emitra_district_finalize;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME_HI] =
    g_param_spec_string ("name-hi", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIVISION_ID] =
    g_param_spec_string ("division-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_district_init (EmitraDistrict *self)
{
}
