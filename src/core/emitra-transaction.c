/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A transaction as the gateway reports it: what was charged, and the
 * application's timeline. Immutable once read from a reply.
 */
#include "config.h"

#include "emitra-transaction-private.h"

G_DEFINE_FINAL_TYPE (EmitraTransaction, emitra_transaction, G_TYPE_OBJECT)

static const char * const status_names[] = {
  [EMITRA_TRANSACTION_STATUS_SUBMITTED] = "submitted",
  [EMITRA_TRANSACTION_STATUS_UNDER_REVIEW] = "under_review",
  [EMITRA_TRANSACTION_STATUS_APPROVED] = "approved",
  [EMITRA_TRANSACTION_STATUS_REJECTED] = "rejected",
  [EMITRA_TRANSACTION_STATUS_CERTIFICATE_READY] = "certificate_ready",
  [EMITRA_TRANSACTION_STATUS_CANCELLED] = "cancelled",
};

const char *
emitra_transaction_status_to_string (EmitraTransactionStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
emitra_transaction_status_from_string (const char              *text,
                                       EmitraTransactionStatus *out_status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (text, status_names[i]))
      {
        *out_status = (EmitraTransactionStatus) i;
        return TRUE;
      }
  return FALSE;
}

#define GETTER(member) \
  const char * \
  emitra_transaction_get_##member (EmitraTransaction *self) \
  { \
    g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), NULL); \
    return self->member; \
  }

GETTER (transaction_id)
GETTER (request_id)
GETTER (receipt_no)
GETTER (service_id)
GETTER (service_name_en)
GETTER (service_name_hi)
GETTER (kiosk_code)
GETTER (operator_id)
GETTER (consumer_number)

#undef GETTER

gint64
emitra_transaction_get_department_fee (EmitraTransaction *self)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), 0);
  return self->department_fee;
}

gint64
emitra_transaction_get_service_charge (EmitraTransaction *self)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), 0);
  return self->service_charge;
}

gint64
emitra_transaction_get_total (EmitraTransaction *self)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), 0);
  return self->department_fee + self->service_charge;
}

EmitraTransactionStatus
emitra_transaction_get_status (EmitraTransaction *self)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), EMITRA_TRANSACTION_STATUS_SUBMITTED);
  return self->status;
}

GDateTime *
emitra_transaction_get_created_at (EmitraTransaction *self)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), NULL);
  return self->created_at;
}

/* NULL when the service has no guaranteed delivery date. */
const GDate *
emitra_transaction_get_delivery_due (EmitraTransaction *self)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), NULL);
  return g_date_valid (&self->delivery_due) ? &self->delivery_due : NULL;
}

guint
emitra_transaction_get_n_steps (EmitraTransaction *self)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), 0);
  return self->steps->len;
}

const EmitraTransactionStep *
emitra_transaction_get_step (EmitraTransaction *self,
                             guint              index)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return &g_array_index (self->steps, EmitraTransactionStep, index);
}

gboolean
emitra_transaction_get_replayed (EmitraTransaction *self)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), FALSE);
  return self->replayed;
}

gint64
emitra_transaction_get_wallet_balance (EmitraTransaction *self)
{
  g_return_val_if_fail (EMITRA_IS_TRANSACTION (self), -1);
  return self->wallet_balance;
}

static void
step_clear (gpointer data)
{
  EmitraTransactionStep *step = data;

  g_clear_pointer (&step->at, g_date_time_unref);
  g_clear_pointer (&step->note_en, g_free);
  g_clear_pointer (&step->note_hi, g_free);
}

static void
emitra_transaction_finalize (GObject *object)
{
  EmitraTransaction *self = EMITRA_TRANSACTION (object);

  g_free (self->transaction_id);
  g_free (self->request_id);
  g_free (self->receipt_no);
  g_free (self->service_id);
  g_free (self->service_name_en);
  g_free (self->service_name_hi);
  g_free (self->kiosk_code);
  g_free (self->operator_id);
  g_free (self->consumer_number);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (emitra_transaction_parent_class)->finalize (object);
}

static void
emitra_transaction_class_init (EmitraTransactionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_transaction_finalize;
}

static void
emitra_transaction_init (EmitraTransaction *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (EmitraTransactionStep));
  g_array_set_clear_func (self->steps, step_clear);
  g_date_clear (&self->delivery_due, 1);
  self->wallet_balance = -1;
}
