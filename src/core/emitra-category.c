/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A category services are grouped under, such as certificates or bill payments.
 */
#include "config.h"

#include "emitra-category.h"

#include "emitra-catalog-entry-private.h"

struct _EmitraCategory
{
  GObject             parent_instance;

  EmitraCatalogEntry  entry;
};

G_DEFINE_FINAL_TYPE (EmitraCategory, emitra_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,  /* then name-en and name-hi: EmitraCatalogEntry's properties */
  N_PROPS = PROP_ID + EMITRA_CATALOG_ENTRY_N_PROPS
};

static GParamSpec *properties[N_PROPS];

EmitraCategory *
emitra_category_new_from_json (JsonObject  *object,
                               const char  *where,
                               GError     **error)
{
  g_autoptr(EmitraCategory) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (EMITRA_TYPE_CATEGORY, NULL);
  if (!_emitra_catalog_entry_read (&self->entry, object, where, error))
    return NULL;

  return g_steal_pointer (&self);
}

EMITRA_CATALOG_ENTRY_DEFINE_GETTERS (EmitraCategory, emitra_category, EMITRA_IS_CATEGORY, entry)

static void
emitra_category_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EmitraCategory *self = EMITRA_CATEGORY (object);

  if (!_emitra_catalog_entry_get_property (&self->entry, prop_id, PROP_ID, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
emitra_category_finalize (GObject *object)
{
  EmitraCategory *self = EMITRA_CATEGORY (object);

  _emitra_catalog_entry_clear (&self->entry);

  G_OBJECT_CLASS (emitra_category_parent_class)->finalize (object);
}

static void
emitra_category_class_init (EmitraCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_category_get_property;
  object_class->finalize = emitra_category_finalize;

  _emitra_catalog_entry_install_properties (properties, PROP_ID);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_category_init (EmitraCategory *self)
{
}
