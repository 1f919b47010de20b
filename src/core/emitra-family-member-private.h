/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-family-member.h"

G_BEGIN_DECLS

struct _EmitraFamilyMember
{
  GObject   parent_instance;

  char     *member_id;
  char     *family_id;
  char     *name_en;
  char     *name_hi;
  char     *relation;
  char     *relation_en;
  char     *relation_hi;
  char     *gender;
  guint     age;
  char     *aadhaar_masked;

  gboolean  has_record;
  char     *father_name_en;
  char     *father_name_hi;
  char     *date_of_birth;
  char     *mobile;
  char     *category;
  char     *address_en;
  char     *address_hi;
  char     *tehsil_en;
  char     *tehsil_hi;
  char     *district;
  char     *pin;
};

G_END_DECLS
