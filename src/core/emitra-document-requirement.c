/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of a service's document checklist: what the citizen must bring,
 * whether it is required, and whether the operator may tick "original
 * seen" instead of attaching a scan.
 */
#include "config.h"

#include "emitra-document-requirement.h"

#include "emitra-catalog-entry-private.h"
#include "emitra-catalog-private.h"
#include "emitra-service-private.h"

struct _EmitraDocumentRequirement
{
  GObject             parent_instance;

  EmitraCatalogEntry  entry;
  gboolean            required;
  gboolean            original_seen;
};

G_DEFINE_FINAL_TYPE (EmitraDocumentRequirement, emitra_document_requirement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,  /* then name-en and name-hi: EmitraCatalogEntry's properties */
  PROP_REQUIRED = PROP_ID + EMITRA_CATALOG_ENTRY_N_PROPS,
  PROP_ORIGINAL_SEEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

EmitraDocumentRequirement *
emitra_document_requirement_new_from_json (JsonObject  *object,
                                           const char  *where,
                                           GError     **error)
{
  g_autoptr(EmitraDocumentRequirement) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (EMITRA_TYPE_DOCUMENT_REQUIREMENT, NULL);
  if (!_emitra_catalog_entry_read (&self->entry, object, where, error) ||
      /* A document is required unless the catalog says otherwise: asking
       * for one too many is safer than letting an application through
       * without it. */
      !_emitra_catalog_optional_bool (object, "required", where, TRUE, &self->required, error) ||
      !_emitra_catalog_optional_bool (object, "original_seen", where, FALSE, &self->original_seen, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* From the catalog's reader, which has checked the values; takes the strings. */
EmitraDocumentRequirement *
_emitra_document_requirement_new (char     *id,
                                  char     *name_en,
                                  char     *name_hi,
                                  gboolean  required,
                                  gboolean  original_seen)
{
  EmitraDocumentRequirement *self = g_object_new (EMITRA_TYPE_DOCUMENT_REQUIREMENT, NULL);

  self->entry.id = id;
  self->entry.name_en = name_en;
  self->entry.name_hi = name_hi;
  self->required = required;
  self->original_seen = original_seen;

  return self;
}

EMITRA_CATALOG_ENTRY_DEFINE_GETTERS (EmitraDocumentRequirement, emitra_document_requirement,
                                     EMITRA_IS_DOCUMENT_REQUIREMENT, entry)

gboolean
emitra_document_requirement_get_required (EmitraDocumentRequirement *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_REQUIREMENT (self), FALSE);

  return self->required;
}

gboolean
emitra_document_requirement_get_original_seen (EmitraDocumentRequirement *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_REQUIREMENT (self), FALSE);

  return self->original_seen;
}

static void
emitra_document_requirement_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  EmitraDocumentRequirement *self = EMITRA_DOCUMENT_REQUIREMENT (object);

  switch (prop_id)
    {
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_ORIGINAL_SEEN:
      g_value_set_boolean (value, self->original_seen);
      break;
    default:
      if (!_emitra_catalog_entry_get_property (&self->entry, prop_id, PROP_ID, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_document_requirement_finalize (GObject *object)
{
  EmitraDocumentRequirement *self = EMITRA_DOCUMENT_REQUIREMENT (object);

  _emitra_catalog_entry_clear (&self->entry);

  G_OBJECT_CLASS (emitra_document_requirement_parent_class)->finalize (object);
}

static void
emitra_document_requirement_class_init (EmitraDocumentRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = emitra_document_requirement_get_property;
  object_class->finalize = emitra_document_requirement_finalize;

  _emitra_catalog_entry_install_properties (properties, PROP_ID);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, TRUE, flags);
  properties[PROP_ORIGINAL_SEEN] = g_param_spec_boolean ("original-seen", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_document_requirement_init (EmitraDocumentRequirement *self)
{
}
