/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-family-private.h"

#include "emitra-family-member.h"

G_DEFINE_FINAL_TYPE (EmitraFamily, emitra_family, G_TYPE_OBJECT)

const char *
emitra_family_get_family_id (EmitraFamily *self)
{
  g_return_val_if_fail (EMITRA_IS_FAMILY (self), NULL);
  return self->family_id;
}

const char *
emitra_family_get_mobile_masked (EmitraFamily *self)
{
  g_return_val_if_fail (EMITRA_IS_FAMILY (self), NULL);
  return self->mobile_masked;
}

const char *
emitra_family_get_district (EmitraFamily *self)
{
  g_return_val_if_fail (EMITRA_IS_FAMILY (self), NULL);
  return self->district;
}

GListModel *
emitra_family_get_members (EmitraFamily *self)
{
  g_return_val_if_fail (EMITRA_IS_FAMILY (self), NULL);
  return G_LIST_MODEL (self->members);
}

static void
emitra_family_finalize (GObject *object)
{
  EmitraFamily *self = EMITRA_FAMILY (object);

  g_free (self->family_id);
  g_free (self->mobile_masked);
  g_free (self->district);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (emitra_family_parent_class)->finalize (object);
}

static void
emitra_family_class_init (EmitraFamilyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_family_finalize;
}

static void
emitra_family_init (EmitraFamily *self)
{
  self->members = g_list_store_new (EMITRA_TYPE_FAMILY_MEMBER);
}
