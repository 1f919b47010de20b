/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Jan Aadhaar family member as the gateway describes it. The summary
 * fields are read-only properties so a list of members can be shown with
 * GtkExpressions; the pre-fill record is read through getters.
 */
#include "config.h"

#include "emitra-family-member-private.h"

G_DEFINE_FINAL_TYPE (EmitraFamilyMember, emitra_family_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMBER_ID,
  PROP_NAME_EN,
  PROP_NAME_HI,
  PROP_RELATION_EN,
  PROP_RELATION_HI,
  PROP_GENDER,
  PROP_AGE,
  PROP_AADHAAR_MASKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define GETTER(member) \
  const char * \
  emitra_family_member_get_##member (EmitraFamilyMember *self) \
  { \
    g_return_val_if_fail (EMITRA_IS_FAMILY_MEMBER (self), NULL); \
    return self->member; \
  }

GETTER (member_id)
GETTER (family_id)
GETTER (name_en)
GETTER (name_hi)
GETTER (relation)
GETTER (relation_en)
GETTER (relation_hi)
GETTER (gender)
GETTER (aadhaar_masked)
GETTER (father_name_en)
GETTER (father_name_hi)
GETTER (date_of_birth)
GETTER (mobile)
GETTER (category)
GETTER (address_en)
GETTER (address_hi)
GETTER (tehsil_en)
GETTER (tehsil_hi)
GETTER (district)
GETTER (pin)

#undef GETTER

guint
emitra_family_member_get_age (EmitraFamilyMember *self)
{
  g_return_val_if_fail (EMITRA_IS_FAMILY_MEMBER (self), 0);
  return self->age;
}

gboolean
emitra_family_member_has_record (EmitraFamilyMember *self)
{
  g_return_val_if_fail (EMITRA_IS_FAMILY_MEMBER (self), FALSE);
  return self->has_record;
}

static void
emitra_family_member_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EmitraFamilyMember *self = EMITRA_FAMILY_MEMBER (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID: g_value_set_string (value, self->member_id); break;
    case PROP_NAME_EN: g_value_set_string (value, self->name_en); break;
    case PROP_NAME_HI: g_value_set_string (value, self->name_hi); break;
    case PROP_RELATION_EN: g_value_set_string (value, self->relation_en); break;
    case PROP_RELATION_HI: g_value_set_string (value, self->relation_hi); break;
    case PROP_GENDER: g_value_set_string (value, self->gender); break;
    case PROP_AGE: g_value_set_uint (value, self->age); break;
    case PROP_AADHAAR_MASKED: g_value_set_string (value, self->aadhaar_masked); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_family_member_finalize (GObject *object)
{
  EmitraFamilyMember *self = EMITRA_FAMILY_MEMBER (object);

  g_free (self->member_id);
  g_free (self->family_id);
  g_free (self->name_en);
  g_free (self->name_hi);
  g_free (self->relation);
  g_free (self->relation_en);
  g_free (self->relation_hi);
  g_free (self->gender);
  g_free (self->aadhaar_masked);
  g_free (self->father_name_en);
  g_free (self->father_name_hi);
  g_free (self->date_of_birth);
  g_free (self->mobile);
  g_free (self->category);
  g_free (self->address_en);
  g_free (self->address_hi);
  g_free (self->tehsil_en);
  g_free (self->tehsil_hi);
  g_free (self->district);
  g_free (self->pin);

  G_OBJECT_CLASS (emitra_family_member_parent_class)->finalize (object);
}

static void
emitra_family_member_class_init (EmitraFamilyMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = emitra_family_member_get_property;
  object_class->finalize = emitra_family_member_finalize;

  properties[PROP_MEMBER_ID] = g_param_spec_string ("member-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME_EN] = g_param_spec_string ("name-en", NULL, NULL, NULL, flags);
  properties[PROP_NAME_HI] = g_param_spec_string ("name-hi", NULL, NULL, NULL, flags);
  properties[PROP_RELATION_EN] = g_param_spec_string ("relation-en", NULL, NULL, NULL, flags);
  properties[PROP_RELATION_HI] = g_param_spec_string ("relation-hi", NULL, NULL, NULL, flags);
  properties[PROP_GENDER] = g_param_spec_string ("gender", NULL, NULL, NULL, flags);
  properties[PROP_AGE] = g_param_spec_uint ("age", NULL, NULL, 0, 200, 0, flags);
  properties[PROP_AADHAAR_MASKED] = g_param_spec_string ("aadhaar-masked", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_family_member_init (EmitraFamilyMember *self)
{
}
