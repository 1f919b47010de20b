/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_FAMILY (emitra_family_get_type ())

G_DECLARE_FINAL_TYPE (EmitraFamily, emitra_family, EMITRA, FAMILY, GObject)

/* A Jan Aadhaar family: its ID, the masked mobile OTPs go to, its
 * district, and its members (a GListModel of EmitraFamilyMember, ready
 * for a GtkListView). */
const char *emitra_family_get_family_id     (EmitraFamily *self);
const char *emitra_family_get_mobile_masked (EmitraFamily *self);
const char *emitra_family_get_district      (EmitraFamily *self);
GListModel *emitra_family_get_members       (EmitraFamily *self);

G_END_DECLS
