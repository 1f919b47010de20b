/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One place in the catalog page's list (see emitra-service-slots.c): the
 * service shown there is whatever the results hold at its position, and
 * ::changed says it is another one now.
 */
#include "config.h"

#include "emitra-service-slot.h"

struct _EmitraServiceSlot
{
  GObject            parent_instance;

  EmitraServiceList *list;  /* borrowed: the slots' owner keeps it */
  guint              position;
};

G_DEFINE_FINAL_TYPE (EmitraServiceSlot, emitra_service_slot, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

EmitraServiceSlot *
emitra_service_slot_new (EmitraServiceList *list,
                         guint              position)
{
  EmitraServiceSlot *self = g_object_new (EMITRA_TYPE_SERVICE_SLOT, NULL);

  self->list = list;
  self->position = position;
  return self;
}

guint
emitra_service_slot_get_position (EmitraServiceSlot *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE_SLOT (self), 0);

  return self->position;
}

/* The service at the slot's place now (borrowed). */
EmitraService *
emitra_service_slot_get_service (EmitraServiceSlot *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE_SLOT (self), NULL);

  return emitra_service_list_get_service (self->list, self->position);
}

EmitraServiceSection
emitra_service_slot_get_section (EmitraServiceSlot *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE_SLOT (self), EMITRA_SERVICE_SECTION_NONE);

  return emitra_service_list_get_section_start (self->list, self->position);
}

/* Only a slot on screen has a row listening; the thousands of others are
 * skipped cheaply. */
void
emitra_service_slot_changed (EmitraServiceSlot *self)
{
  if (g_signal_has_handler_pending (self, signals[CHANGED], 0, TRUE))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
emitra_service_slot_class_init (EmitraServiceSlotClass *klass)
{
  /* Another service (or another star or heading) is shown at this place. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
emitra_service_slot_init (EmitraServiceSlot *self)
{
}
