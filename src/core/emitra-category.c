/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A category services are grouped under, such as certificates or bill payments.
 */
#include "config.h"

#include "emitra-category.h"

#include "emitra-catalog-private.h"

struct _EmitraCategory
{
  GObject  parent_instance;

  char    *id;
  char    *name_en;
  char    *name_hi;
};

G_DEFINE_FINAL_TYPE (EmitraCategory, emitra_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME_EN,
  PROP_NAME_HI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Both names are required: the catalog is shown in either language. */
EmitraCategory *
emitra_category_new_from_json (JsonObject  *object,
                               const char  *where,
                               GError     **error)
{
  EmitraCategory *self;
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

  self = g_object_new (EMITRA_TYPE_CATEGORY, NULL);
  self->id = g_strdup (id);
  self->name_en = g_strdup (name_en);
  self->name_hi = g_strdup (name_hi);

  return self;
}

const char *
emitra_category_get_id (EmitraCategory *self)
{
  g_return_val_if_fail (EMITRA_IS_CATEGORY (self), NULL);

  return self->id;
}

const char *
emitra_category_get_name_en (EmitraCategory *self)
{
  g_return_val_if_fail (EMITRA_IS_CATEGORY (self), NULL);

  return self->name_en;
}

const char *
emitra_category_get_name_hi (EmitraCategory *self)
{
  g_return_val_if_fail (EMITRA_IS_CATEGORY (self), NULL);

  return self->name_hi;
}

const char *
emitra_category_get_name (EmitraCategory *self,
                          gboolean        hindi)
{
  g_return_val_if_fail (EMITRA_IS_CATEGORY (self), NULL);

  return hindi ? self->name_hi : self->name_en;
}

static void
emitra_category_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EmitraCategory *self = EMITRA_CATEGORY (object);

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
emitra_category_finalize (GObject *object)
{
  EmitraCategory *self = EMITRA_CATEGORY (object);

  g_free (self->id);
  g_free (self->name_en);
  g_free (self->name_hi);

  G_OBJECT_CLASS (emitra_category_parent_class)->finalize (object);
}

static void
emitra_category_class_init (EmitraCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_category_get_property;
  object_class->finalize = emitra_category_finalize;

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
emitra_category_init (EmitraCategory *self)
{
}
