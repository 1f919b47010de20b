/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_FAMILY_MEMBER (emitra_family_member_get_type ())

G_DECLARE_FINAL_TYPE (EmitraFamilyMember, emitra_family_member, EMITRA, FAMILY_MEMBER, GObject)

/* A member of a Jan Aadhaar family. From a family lookup it holds the
 * summary (name, relation, gender, age, masked Aadhaar); after OTP
 * verification it also holds the record for pre-filling a form
 * (emitra_family_member_has_record() is TRUE), otherwise those getters
 * return NULL. The Aadhaar number is only ever the masked form. */

const char *emitra_family_member_get_member_id      (EmitraFamilyMember *self);
const char *emitra_family_member_get_family_id      (EmitraFamilyMember *self);
const char *emitra_family_member_get_name_en        (EmitraFamilyMember *self);
const char *emitra_family_member_get_name_hi        (EmitraFamilyMember *self);
const char *emitra_family_member_get_relation       (EmitraFamilyMember *self);
const char *emitra_family_member_get_relation_en    (EmitraFamilyMember *self);
const char *emitra_family_member_get_relation_hi    (EmitraFamilyMember *self);
const char *emitra_family_member_get_gender         (EmitraFamilyMember *self);
guint       emitra_family_member_get_age            (EmitraFamilyMember *self);
const char *emitra_family_member_get_aadhaar_masked (EmitraFamilyMember *self);

gboolean    emitra_family_member_has_record         (EmitraFamilyMember *self);
const char *emitra_family_member_get_father_name_en (EmitraFamilyMember *self);
const char *emitra_family_member_get_father_name_hi (EmitraFamilyMember *self);
const char *emitra_family_member_get_date_of_birth  (EmitraFamilyMember *self);
const char *emitra_family_member_get_mobile         (EmitraFamilyMember *self);
const char *emitra_family_member_get_category       (EmitraFamilyMember *self);
const char *emitra_family_member_get_address_en     (EmitraFamilyMember *self);
const char *emitra_family_member_get_address_hi     (EmitraFamilyMember *self);
const char *emitra_family_member_get_tehsil_en      (EmitraFamilyMember *self);
const char *emitra_family_member_get_tehsil_hi      (EmitraFamilyMember *self);
const char *emitra_family_member_get_district       (EmitraFamilyMember *self);
const char *emitra_family_member_get_pin            (EmitraFamilyMember *self);

G_END_DECLS
