/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-bill.h"

G_BEGIN_DECLS

struct _EmitraBill
{
  GObject   parent_instance;

  char     *service_id;
  char     *consumer_number;
  char     *consumer_name_en;
  char     *consumer_name_hi;
  char     *bill_number;
  GDate     bill_date;
  GDate     due_date;
  gint64    amount_due;
  gboolean  paid;
};

G_END_DECLS
