/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-service-list.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_SERVICE_SLOT (emitra_service_slot_get_type ())

G_DECLARE_FINAL_TYPE (EmitraServiceSlot, emitra_service_slot, EMITRA, SERVICE_SLOT, GObject)

EmitraServiceSlot    *emitra_service_slot_new         (EmitraServiceList *list,
                                                       guint              position);
guint                 emitra_service_slot_get_position (EmitraServiceSlot *self);
EmitraService        *emitra_service_slot_get_service  (EmitraServiceSlot *self);
EmitraServiceSection  emitra_service_slot_get_section  (EmitraServiceSlot *self);
void                  emitra_service_slot_changed      (EmitraServiceSlot *self);

G_END_DECLS
