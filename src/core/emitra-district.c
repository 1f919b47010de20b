/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A district of Rajasthan, with the division it belongs to. The list
 * changes over the years (33, 50, then 41 districts), so it is data from
 * the catalog, never a C array.
 */
#include "config.h"

#include "emitra-district.h"

#include "emitra-catalog-entry-private.h"
#include "emitra-catalog-private.h"

struct _EmitraDistrict
{
  GObject             parent_instance;

  EmitraCatalogEntry  entry;
  char               *division_id;
};

G_DEFINE_FINAL_TYPE (EmitraDistrict, emitra_district, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,  /* then name-en and name-hi: EmitraCatalogEntry's properties */
  PROP_DIVISION_ID = PROP_ID + EMITRA_CATALOG_ENTRY_N_PROPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

EmitraDistrict *
emitra_district_new_from_json (JsonObject  *object,
                               const char  *where,
                               GError     **error)
{
  g_autoptr(EmitraDistrict) self = NULL;
  const char *division_id;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (EMITRA_TYPE_DISTRICT, NULL);
  if (!_emitra_catalog_entry_read (&self->entry, object, where, error))
    return NULL;
  division_id = _emitra_catalog_require_text (object, "division", where, error);
  if (division_id == NULL || !_emitra_catalog_check_id (division_id, "division", where, error))
    return NULL;
  self->division_id = g_strdup (division_id);

  return g_steal_pointer (&self);
}

EMITRA_CATALOG_ENTRY_DEFINE_GETTERS (EmitraDistrict, emitra_district, EMITRA_IS_DISTRICT, entry)

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

  if (prop_id == PROP_DIVISION_ID)
    g_value_set_string (value, self->division_id);
  else if (!_emitra_catalog_entry_get_property (&self->entry, prop_id, PROP_ID, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
emitra_district_finalize (GObject *object)
{
  EmitraDistrict *self = EMITRA_DISTRICT (object);

  _emitra_catalog_entry_clear (&self->entry);
  g_free (self->division_id);

  G_OBJECT_CLASS (emitra_district_parent_class)->finalize (object);
}

static void
emitra_district_class_init (EmitraDistrictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_district_get_property;
  object_class->finalize = emitra_district_finalize;

  _emitra_catalog_entry_install_properties (properties, PROP_ID);
  properties[PROP_DIVISION_ID] = _emitra_catalog_string_property ("division-id");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_district_init (EmitraDistrict *self)
{
}
