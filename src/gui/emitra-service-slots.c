/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog page's list view model: one EmitraServiceSlot per position
 * of the results, the same object at a position for as long as the list
 * is that long.
 *
 * Why: GtkListView 4.8 gives every item that enters the screen a new row
 * widget, built by the factory (for us a composite template: a GtkBuilder
 * parse) and the old ones are thrown away. With the results themselves as
 * items, every keystroke rebuilt every row on screen: tens of ms per key.
 * With slots, the items at the top never change; a keystroke only tells
 * the slots whose service changed (::changed), their rows refresh their
 * labels, and only growth or shrinking at the end is an items-changed.
 */
#include "config.h"

#include "emitra-service-slots.h"

struct _EmitraServiceSlots
{
  GObject            parent_instance;

  EmitraServiceList *list;
  GPtrArray         *slots;  /* EmitraServiceSlot, one per position ever shown */
  guint              n;      /* how many are in the list now */
};

static void emitra_service_slots_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EmitraServiceSlots, emitra_service_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, emitra_service_slots_model_init))

static void
on_list_items_changed_cb (GListModel         *list,
                          guint               position,
                          guint               removed,
                          guint               added,
                          EmitraServiceSlots *self)
{
  guint old_n = self->n;
  guint new_n = g_list_model_get_n_items (list);
  guint last_changed;

  /* The places that stay show other services from @position on: up to
   * the end when the list moved, else only the replaced ones. */
  last_changed = removed == added ? MIN (position + added, old_n) : MIN (old_n, new_n);
  for (guint i = position; i < last_changed; i++)
    emitra_service_slot_changed (self->slots->pdata[i]);

  /* Slots are kept when the list shrinks: clearing a query goes from a few
   * results back to every service, and would otherwise make thousands. */
  for (guint i = self->slots->len; i < new_n; i++)
    g_ptr_array_add (self->slots, emitra_service_slot_new (self->list, i));
  self->n = new_n;

  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

EmitraServiceSlots *
emitra_service_slots_new (EmitraServiceList *list)
{
  EmitraServiceSlots *self;
  guint n;

  g_return_val_if_fail (EMITRA_IS_SERVICE_LIST (list), NULL);

  self = g_object_new (EMITRA_TYPE_SERVICE_SLOTS, NULL);
  self->list = g_object_ref (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->slots, emitra_service_slot_new (list, i));
  self->n = n;
  g_signal_connect_object (list, "items-changed", G_CALLBACK (on_list_items_changed_cb), self, 0);

  return self;
}

/* Every place shows its service afresh (a star changed, say). */
void
emitra_service_slots_refresh (EmitraServiceSlots *self)
{
  g_return_if_fail (EMITRA_IS_SERVICE_SLOTS (self));

  for (guint i = 0; i < self->n; i++)
    emitra_service_slot_changed (self->slots->pdata[i]);
}

static GType
emitra_service_slots_get_item_type (GListModel *model)
{
  return EMITRA_TYPE_SERVICE_SLOT;
}

static guint
emitra_service_slots_get_n_items (GListModel *model)
{
  return EMITRA_SERVICE_SLOTS (model)->n;
}

static gpointer
emitra_service_slots_get_item (GListModel *model,
                               guint       position)
{
  EmitraServiceSlots *self = EMITRA_SERVICE_SLOTS (model);

  return position < self->n ? g_object_ref (self->slots->pdata[position]) : NULL;
}

static void
emitra_service_slots_model_init (GListModelInterface *iface)
{
  iface->get_item_type = emitra_service_slots_get_item_type;
  iface->get_n_items = emitra_service_slots_get_n_items;
  iface->get_item = emitra_service_slots_get_item;
}

static void
emitra_service_slots_finalize (GObject *object)
{
  EmitraServiceSlots *self = EMITRA_SERVICE_SLOTS (object);

  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (emitra_service_slots_parent_class)->finalize (object);
}

static void
emitra_service_slots_class_init (EmitraServiceSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = emitra_service_slots_finalize;
}

static void
emitra_service_slots_init (EmitraServiceSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}
