/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-transaction.h"

G_BEGIN_DECLS

struct _EmitraTransaction
{
  GObject                  parent_instance;

  char                    *transaction_id;
  char                    *request_id;
  char                    *receipt_no;
  char                    *service_id;
  char                    *service_name_en;
  char                    *service_name_hi;
  char                    *kiosk_code;
  char                    *operator_id;
  char                    *consumer_number;
  gint64                   department_fee;
  gint64                   service_charge;
  EmitraTransactionStatus  status;
  GDateTime               *created_at;
  GDate                    delivery_due;     /* cleared when there is none */
  GArray                  *steps;            /* EmitraTransactionStep */
  gboolean                 replayed;
  gint64                   wallet_balance;
};

G_END_DECLS
