/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-wallet-private.h"

G_DEFINE_FINAL_TYPE (EmitraWallet, emitra_wallet, G_TYPE_OBJECT)

const char *
emitra_wallet_get_kiosk_code (EmitraWallet *self)
{
  g_return_val_if_fail (EMITRA_IS_WALLET (self), NULL);
  return self->kiosk_code;
}

gint64
emitra_wallet_get_balance (EmitraWallet *self)
{
  g_return_val_if_fail (EMITRA_IS_WALLET (self), 0);
  return self->balance;
}

guint
emitra_wallet_get_n_movements (EmitraWallet *self)
{
  g_return_val_if_fail (EMITRA_IS_WALLET (self), 0);
  return self->movements->len;
}

const EmitraWalletMovement *
emitra_wallet_get_movement (EmitraWallet *self,
                            guint         index)
{
  g_return_val_if_fail (EMITRA_IS_WALLET (self), NULL);
  g_return_val_if_fail (index < self->movements->len, NULL);
  return &g_array_index (self->movements, EmitraWalletMovement, index);
}

static void
movement_clear (gpointer data)
{
  EmitraWalletMovement *movement = data;

  g_clear_pointer (&movement->transaction_id, g_free);
  g_clear_pointer (&movement->service_id, g_free);
  g_clear_pointer (&movement->at, g_date_time_unref);
}

static void
emitra_wallet_finalize (GObject *object)
{
  EmitraWallet *self = EMITRA_WALLET (object);

  g_free (self->kiosk_code);
  g_clear_pointer (&self->movements, g_array_unref);

  G_OBJECT_CLASS (emitra_wallet_parent_class)->finalize (object);
}

static void
emitra_wallet_class_init (EmitraWalletClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_wallet_finalize;
}

static void
emitra_wallet_init (EmitraWallet *self)
{
  self->movements = g_array_new (FALSE, TRUE, sizeof (EmitraWalletMovement));
  g_array_set_clear_func (self->movements, movement_clear);
}
