/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-wallet.h"

G_BEGIN_DECLS

struct _EmitraWallet
{
  GObject  parent_instance;

  char    *kiosk_code;
  gint64   balance;
  GArray  *movements;   /* EmitraWalletMovement */
};

G_END_DECLS
