/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ID and bilingual name that every entry of the catalog carries,
 * shared by the small catalog types (see emitra-catalog-entry-private.h).
 */
#include "config.h"

#include "emitra-catalog-entry-private.h"

#include "emitra-catalog-private.h"

/* Both names are required: the catalog is shown in either language. On
 * failure @entry is left as it was. */
gboolean
_emitra_catalog_entry_read (EmitraCatalogEntry  *entry,
                            JsonObject          *object,
                            const char          *where,
                            GError             **error)
{
  const char *id, *name_en, *name_hi;

  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  id = _emitra_catalog_require_text (object, "id", where, error);
  if (id == NULL || !_emitra_catalog_check_id (id, "id", where, error))
    return FALSE;
  name_en = _emitra_catalog_require_text (object, "name_en", where, error);
  if (name_en == NULL)
    return FALSE;
  name_hi = _emitra_catalog_require_text (object, "name_hi", where, error);
  if (name_hi == NULL)
    return FALSE;

  _emitra_catalog_entry_clear (entry);
  entry->id = g_strdup (id);
  entry->name_en = g_strdup (name_en);
  entry->name_hi = g_strdup (name_hi);

  return TRUE;
}

void
_emitra_catalog_entry_clear (EmitraCatalogEntry *entry)
{
  g_clear_pointer (&entry->id, g_free);
  g_clear_pointer (&entry->name_en, g_free);
  g_clear_pointer (&entry->name_hi, g_free);
}

/* A read-only string property, as every catalog type's are. */
GParamSpec *
_emitra_catalog_string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

/* Fills properties[prop_id] and the two after it with "id", "name-en" and
 * "name-hi". */
void
_emitra_catalog_entry_install_properties (GParamSpec **properties,
                                          guint        prop_id)
{
  properties[prop_id + EMITRA_CATALOG_ENTRY_PROP_ID] = _emitra_catalog_string_property ("id");
  properties[prop_id + EMITRA_CATALOG_ENTRY_PROP_NAME_EN] = _emitra_catalog_string_property ("name-en");
  properties[prop_id + EMITRA_CATALOG_ENTRY_PROP_NAME_HI] = _emitra_catalog_string_property ("name-hi");
}

/* For a type's get_property: sets @value when @prop_id is one of the
 * entry's properties, numbered from @first_prop_id; FALSE for any other. */
gboolean
_emitra_catalog_entry_get_property (const EmitraCatalogEntry *entry,
                                    guint                     prop_id,
                                    guint                     first_prop_id,
                                    GValue                   *value)
{
  if (prop_id < first_prop_id)
    return FALSE;

  switch (prop_id - first_prop_id)
    {
    case EMITRA_CATALOG_ENTRY_PROP_ID:
      g_value_set_string (value, entry->id);
      return TRUE;
    case EMITRA_CATALOG_ENTRY_PROP_NAME_EN:
      g_value_set_string (value, entry->name_en);
      return TRUE;
    case EMITRA_CATALOG_ENTRY_PROP_NAME_HI:
      g_value_set_string (value, entry->name_hi);
      return TRUE;
    default:
      return FALSE;
    }
}
