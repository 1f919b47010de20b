/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Receipts for tests: a table row turned into an EmitraReceipt, times
 * written as the desk's local clock reads them. The tests run in India's
 * time zone (set before anything reads it), as a desk does.
 */
#pragma once

#include <glib.h>
#include <stdio.h>

#include "emitra-desk-schema.h"
#include "emitra-receipt-store.h"

typedef struct
{
  const char          *request_id;
  const char          *transaction_id;
  const char          *service_id;
  const char          *name_en;
  const char          *name_hi;
  const char          *citizen;
  const char          *mobile;
  gint64               fee;
  gint64               charge;
  const char          *operator_id;
  const char          *operator_name;
  EmitraReceiptStatus  status;
  const char          *local_time;   /* "YYYY-MM-DD HH:MM" */
} TestReceipt;

static inline void
test_use_india_time (void)
{
  g_setenv ("TZ", "Asia/Kolkata", TRUE);
}

static inline gint64
test_local_time (const char *text)
{
  int year, month, day, hour, minute;
  g_autoptr(GDateTime) time = NULL;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &year, &month, &day, &hour, &minute), ==, 5);
  time = g_date_time_new_local (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (time);
}

static inline EmitraReceipt *
test_receipt_new (const TestReceipt *t)
{
  return g_object_new (EMITRA_TYPE_RECEIPT,
                       "request-id", t->request_id,
                       "transaction-id", t->transaction_id,
                       "service-id", t->service_id != NULL ? t->service_id : "caste-certificate",
                       "service-name-en", t->name_en != NULL ? t->name_en : "Caste certificate",
                       "service-name-hi", t->name_hi != NULL ? t->name_hi : "जाति प्रमाण पत्र",
                       "citizen-name", t->citizen != NULL ? t->citizen : "सुनीता देवी",
                       "aadhaar-masked", "XXXX XXXX 2346",
                       "mobile", t->mobile != NULL ? t->mobile : "9414012345",
                       "department-fee", t->fee,
                       "service-charge", t->charge,
                       "cash-received", t->fee + t->charge,
                       "operator-id", t->operator_id != NULL ? t->operator_id : "op-meena",
                       "operator-name", t->operator_name != NULL ? t->operator_name : "Meena Sharma",
                       "kiosk-code", "K11000142",
                       "status", t->status,
                       "created-at", t->local_time != NULL ? test_local_time (t->local_time) : (gint64) 0,
                       NULL);
}

static inline EmitraReceipt *
test_append (EmitraReceiptStore *store,
             const TestReceipt  *t)
{
  g_autoptr(EmitraReceipt) input = test_receipt_new (t);
  g_autoptr(GError) error = NULL;
  EmitraReceipt *stored = emitra_receipt_store_append (store, input, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static inline char *
test_desk_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "emitra-desk", "desk.db", NULL);
}
