/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An administrative division of Rajasthan: a group of districts.
 */
#include "config.h"

#include "emitra-division.h"

#include "emitra-catalog-private.h"

struct _EmitraDivision
{
  GObject  parent_instance;

  char    *id;
  char    *name_en;
  char    *name_hi;
};

G_DEFINE_FINAL_TYPE (EmitraDivision, emitra_division, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME_EN,
  PROP_NAME_HI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Both names are required: the catalog is shown in either language. */
EmitraDivision *
emitra_division_new_from_json (JsonObject  *object,
                               const char  *where,
                               GError     **error)
{
  EmitraDivision *self;
  const char *id, *name_en, *name_hi;

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

  self = g_object_new (EMITRA_TYPE_DIVISION, NULL);
  self->id = g_strdup (id);
  self->name_en = g_strdup (name_en);
  self->name_hi = g_strdup (name_hi);

  return self;
}

const char *
emitra_division_get_id (EmitraDivision *self)
{
  g_return_val_if_fail (EMITRA_IS_DIVISION (self), NULL);

  return self->id;
}

const char *
emitra_division_get_name_en (EmitraDivision *self)
{
  g_return_val_if_fail (EMITRA_IS_DIVISION (self), NULL);

  return self->name_en;
}

const char *
emitra_division_get_name_hi (EmitraDivision *self)
{
  g_return_val_if_fail (EMITRA_IS_DIVISION (self), NULL);

  return self->name_hi;
}

const char *
emitra_division_get_name (EmitraDivision *self,
                          gboolean        hindi)
{
  g_return_val_if_fail (EMITRA_IS_DIVISION (self), NULL);

  return hindi ? self->name_hi : self->name_en;
}

static void
emitra_division_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EmitraDivision *self = EMITRA_DIVISION (object);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_division_finalize (GObject *object)
{
  EmitraDivision *self = EMITRA_DIVISION (object);

  g_free (self->id);
  g_free (self->name_en);
  g_free (self->name_hi);

  G_OBJECT_CLASS (emitra_division_parent_class)->finalize (object);
}

static void
emitra_division_class_init (EmitraDivisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_division_get_property;
  object_class->finalize = emitra_division_finalize;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME_HI] =
    g_param_spec_string ("name-hi", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_division_init (EmitraDivision *self)
{
}
