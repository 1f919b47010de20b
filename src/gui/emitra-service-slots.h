/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-service-list.h"
#include "emitra-service-slot.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_SERVICE_SLOTS (emitra_service_slots_get_type ())

G_DECLARE_FINAL_TYPE (EmitraServiceSlots, emitra_service_slots, EMITRA, SERVICE_SLOTS, GObject)

EmitraServiceSlots *emitra_service_slots_new     (EmitraServiceList  *list);
void                emitra_service_slots_refresh (EmitraServiceSlots *self);

G_END_DECLS
