/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of a service's document checklist: what the citizen must bring,
 * whether it is required, and whether the operator may tick "original
 * seen" instead of attaching a scan.
 */
#include "config.h"

#include "emitra-document-requirement.h"

#include "emitra-catalog-private.h"
#include "emitra-service-private.h"

struct _EmitraDocumentRequirement
{
  GObject   parent_instance;

  char     *id;
  char     *name_en;
  char     *name_hi;
  gboolean  required;
  gboolean  original_seen;
};

G_DEFINE_FINAL_TYPE (EmitraDocumentRequirement, emitra_document_requirement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME_EN,
  PROP_NAME_HI,
  PROP_REQUIRED,
  PROP_ORIGINAL_SEEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

EmitraDocumentRequirement *
emitra_document_requirement_new_from_json (JsonObject  *object,
                                           const char  *where,
                                           GError     **error)
{
  EmitraDocumentRequirement *self;
  const char *id, *name_en, *name_hi;
  gboolean required, original_seen;

  g_return_val_if_fail (object != NULL, NULL);

  if ((id = _emitra_catalog_require_text (object, "id", where, error)) == NULL ||
      !_emitra_catalog_check_id (id, "id", where, error) ||
      (name_en = _emitra_catalog_require_text (object, "name_en", where, error)) == NULL ||
      (name_hi = _emitra_catalog_require_text (object, "name_hi", where, error)) == NULL ||
      /* A document is required unless the catalog says otherwise: asking
       * for one too many is safer than letting an application through
       * without it. */
      !_emitra_catalog_optional_bool (object, "required", where, TRUE, &required, error) ||
      !_emitra_catalog_optional_bool (object, "original_seen", where, FALSE, &original_seen, error))
    return NULL;

  self = g_object_new (EMITRA_TYPE_DOCUMENT_REQUIREMENT, NULL);
  self->id = g_strdup (id);
  self->name_en = g_strdup (name_en);
  self->name_hi = g_strdup (name_hi);
  self->required = required;
  self->original_seen = original_seen;

  return self;
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

  self->id = id;
  self->name_en = name_en;
  self->name_hi = name_hi;
  self->required = required;
  self->original_seen = original_seen;

  return self;
}

const char *
emitra_document_requirement_get_id (EmitraDocumentRequirement *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_REQUIREMENT (self), NULL);

  return self->id;
}

const char *
emitra_document_requirement_get_name_en (EmitraDocumentRequirement *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_REQUIREMENT (self), NULL);

  return self->name_en;
}

const char *
emitra_document_requirement_get_name_hi (EmitraDocumentRequirement *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_REQUIREMENT (self), NULL);

  return self->name_hi;
}

const char *
emitra_document_requirement_get_name (EmitraDocumentRequirement *self,
                                      gboolean                   hindi)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_REQUIREMENT (self), NULL);

  return hindi ? self->name_hi : self->name_en;
}

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
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME_EN:
      g_value_set_string (value, self->name_en);
      break;
    case PROP_NAME_HI:
      g_value_set_string (value, self->name_hi);
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_ORIGINAL_SEEN:
      g_value_set_boolean (value, self->original_seen);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_document_requirement_finalize (GObject *object)
{
  EmitraDocumentRequirement *self = EMITRA_DOCUMENT_REQUIREMENT (object);

  g_free (self->id);
  g_free (self->name_en);
  g_free (self->name_hi);

  G_OBJECT_CLASS (emitra_document_requirement_parent_class)->finalize (object);
}

static void
emitra_document_requirement_class_init (EmitraDocumentRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_document_requirement_get_property;
  object_class->finalize = emitra_document_requirement_finalize;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME_HI] =
    g_param_spec_string ("name-hi", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORIGINAL_SEEN] =
    g_param_spec_boolean ("original-seen", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_document_requirement_init (EmitraDocumentRequirement *self)
{
}
