/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-bill-private.h"

G_DEFINE_FINAL_TYPE (EmitraBill, emitra_bill, G_TYPE_OBJECT)

#define GETTER(member) \
  const char * \
  emitra_bill_get_##member (EmitraBill *self) \
  { \
    g_return_val_if_fail (EMITRA_IS_BILL (self), NULL); \
    return self->member; \
  }

GETTER (service_id)
GETTER (consumer_number)
GETTER (consumer_name_en)
GETTER (consumer_name_hi)
GETTER (bill_number)

#undef GETTER

const GDate *
emitra_bill_get_bill_date (EmitraBill *self)
{
  g_return_val_if_fail (EMITRA_IS_BILL (self), NULL);
  return &self->bill_date;
}

const GDate *
emitra_bill_get_due_date (EmitraBill *self)
{
  g_return_val_if_fail (EMITRA_IS_BILL (self), NULL);
  return &self->due_date;
}

gint64
emitra_bill_get_amount_due (EmitraBill *self)
{
  g_return_val_if_fail (EMITRA_IS_BILL (self), 0);
  return self->amount_due;
}

gboolean
emitra_bill_is_paid (EmitraBill *self)
{
  g_return_val_if_fail (EMITRA_IS_BILL (self), FALSE);
  return self->paid;
}

static void
emitra_bill_finalize (GObject *object)
{
  EmitraBill *self = EMITRA_BILL (object);

  g_free (self->service_id);
  g_free (self->consumer_number);
  g_free (self->consumer_name_en);
  g_free (self->consumer_name_hi);
  g_free (self->bill_number);

  G_OBJECT_CLASS (emitra_bill_parent_class)->finalize (object);
}

static void
emitra_bill_class_init (EmitraBillClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_bill_finalize;
}

static void
emitra_bill_init (EmitraBill *self)
{
  g_date_clear (&self->bill_date, 1);
  g_date_clear (&self->due_date, 1);
}
