/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every entry of the catalog has: an ID and a name in each of the
 * desk's two languages. The small catalog types (category, department,
 * division, district, document requirement, service) embed an
 * EmitraCatalogEntry named `entry` and hand it the reading, the "id",
 * "name-en" and "name-hi" properties and the four getters, so that each
 * file says only what is particular to its type.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *name_en;
  char *name_hi;
} EmitraCatalogEntry;

/* The entry's properties, in this order, numbered from the type's PROP_ID
 * (its first property after PROP_0). */
enum {
  EMITRA_CATALOG_ENTRY_PROP_ID,
  EMITRA_CATALOG_ENTRY_PROP_NAME_EN,
  EMITRA_CATALOG_ENTRY_PROP_NAME_HI,
  EMITRA_CATALOG_ENTRY_N_PROPS
};

gboolean  _emitra_catalog_entry_read                (EmitraCatalogEntry        *entry,
                                                     JsonObject                *object,
                                                     const char                *where,
                                                     GError                   **error);
void      _emitra_catalog_entry_clear               (EmitraCatalogEntry        *entry);
void      _emitra_catalog_entry_install_properties  (GParamSpec               **properties,
                                                     guint                      prop_id);
gboolean  _emitra_catalog_entry_get_property        (const EmitraCatalogEntry  *entry,
                                                     guint                      prop_id,
                                                     guint                      first_prop_id,
                                                     GValue                    *value);
GParamSpec *_emitra_catalog_string_property         (const char                *name);

/* Defines type_name_get_id(), _get_name_en(), _get_name_hi() and
 * _get_name() for a type whose instance struct holds an EmitraCatalogEntry
 * as @member (`entry`, or `data.entry`); their prototypes stay in the
 * type's public header. */
#define EMITRA_CATALOG_ENTRY_DEFINE_GETTERS(TypeName, type_name, TYPE_CHECK, member) \
  const char *                                                              \
  type_name##_get_id (TypeName *self)                                       \
  {                                                                         \
    g_return_val_if_fail (TYPE_CHECK (self), NULL);                         \
    return self->member.id;                                                  \
  }                                                                         \
                                                                            \
  const char *                                                              \
  type_name##_get_name_en (TypeName *self)                                  \
  {                                                                         \
    g_return_val_if_fail (TYPE_CHECK (self), NULL);                         \
    return self->member.name_en;                                             \
  }                                                                         \
                                                                            \
  const char *                                                              \
  type_name##_get_name_hi (TypeName *self)                                  \
  {                                                                         \
    g_return_val_if_fail (TYPE_CHECK (self), NULL);                         \
    return self->member.name_hi;                                             \
  }                                                                         \
                                                                            \
  const char *                                                              \
  type_name##_get_name (TypeName *self,                                     \
                        gboolean  hindi)                                    \
  {                                                                         \
    g_return_val_if_fail (TYPE_CHECK (self), NULL);                         \
    return hindi ? self->member.name_hi : self->member.name_en;               \
  }

G_END_DECLS
