/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A department of the state that offers services.
 */
#include "config.h"

#include "emitra-department.h"

#include "emitra-catalog-entry-private.h"

struct _EmitraDepartment
{
  GObject             parent_instance;

  EmitraCatalogEntry  entry;
};

G_DEFINE_FINAL_TYPE (EmitraDepartment, emitra_department, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,  /* then name-en and name-hi: EmitraCatalogEntry's properties */
  N_PROPS = PROP_ID + EMITRA_CATALOG_ENTRY_N_PROPS
};

static GParamSpec *properties[N_PROPS];

EmitraDepartment *
emitra_department_new_from_json (JsonObject  *object,
                                 const char  *where,
                                 GError     **error)
{
  g_autoptr(EmitraDepartment) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (EMITRA_TYPE_DEPARTMENT, NULL);
  if (!_emitra_catalog_entry_read (&self->entry, object, where, error))
    return NULL;

  return g_steal_pointer (&self);
}

EMITRA_CATALOG_ENTRY_DEFINE_GETTERS (EmitraDepartment, emitra_department, EMITRA_IS_DEPARTMENT, entry)

static void
emitra_department_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EmitraDepartment *self = EMITRA_DEPARTMENT (object);

  if (!_emitra_catalog_entry_get_property (&self->entry, prop_id, PROP_ID, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
emitra_department_finalize (GObject *object)
{
  EmitraDepartment *self = EMITRA_DEPARTMENT (object);

  _emitra_catalog_entry_clear (&self->entry);

  G_OBJECT_CLASS (emitra_department_parent_class)->finalize (object);
}

static void
emitra_department_class_init (EmitraDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_department_get_property;
  object_class->finalize = emitra_department_finalize;

  _emitra_catalog_entry_install_properties (properties, PROP_ID);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_department_init (EmitraDepartment *self)
{
}
