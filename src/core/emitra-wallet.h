/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  EMITRA_WALLET_DEBIT,
  EMITRA_WALLET_REFUND,
  EMITRA_WALLET_TOP_UP,
} EmitraWalletMovementKind;

/* One movement of the kiosk's prepaid wallet; amounts are positive paise. */
typedef struct
{
  EmitraWalletMovementKind  kind;
  gint64                    amount;
  gint64                    balance_after;
  char                     *transaction_id;   /* NULL for a top-up */
  char                     *service_id;       /* NULL for a top-up */
  GDateTime                *at;
} EmitraWalletMovement;

#define EMITRA_TYPE_WALLET (emitra_wallet_get_type ())

G_DECLARE_FINAL_TYPE (EmitraWallet, emitra_wallet, EMITRA, WALLET, GObject)

/* The kiosk's wallet: its balance and the latest movements, newest first. */
const char                 *emitra_wallet_get_kiosk_code  (EmitraWallet *self);
gint64                      emitra_wallet_get_balance     (EmitraWallet *self);
guint                       emitra_wallet_get_n_movements (EmitraWallet *self);
const EmitraWalletMovement *emitra_wallet_get_movement    (EmitraWallet *self,
                                                           guint         index);

G_END_DECLS
