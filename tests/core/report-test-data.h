/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A known day at a centre, for the report and command-line tests: every
 * status, three services with one paid in odd paise, two operators, the
 * day before and the day after. The expected figures are worked out by
 * hand in test-report.c.
 */
#pragma once

#include "emitra-outbox.h"
#include "receipt-test-util.h"

static const TestReceipt report_day[] = {
  /* 1 */ { "r-1", "200000000001", NULL, NULL, NULL, "सुनीता देवी", NULL, 4000, 5000, "op-meena", "Meena Sharma",
            EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-28 10:15" },
  /* 2 */ { "r-2", "200000000002", NULL, NULL, NULL, "Ram Kumar", NULL, 4000, 5000, "op-arjun", "Arjun Singh",
            EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-28 10:40" },
  /* 3 */ { "r-3", "200000000003", "domicile-certificate", "Domicile certificate", "मूल निवास प्रमाण पत्र",
            "Geeta", NULL, 0, 5000, "op-meena", "Meena Sharma", EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-28 11:05" },
  /* 4 */ { "r-4", "200000000004", "electricity-bill", "Electricity bill", "बिजली बिल", "Mohan Lal", NULL,
            123456, 1200, "op-meena", "Meena Sharma", EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-28 14:30" },
  /* 6 */ { "r-6", "200000000006", NULL, NULL, NULL, "Kamla", NULL, 4000, 5000, "op-meena", "Meena Sharma",
            EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-28 16:00" },
  /* previous day */
  { "r-8", "200000000008", NULL, NULL, NULL, "Asha", NULL, 4000, 5000, "op-meena", "Meena Sharma",
    EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-27 12:00" },
  /* next day: must not leak into the 28th */
  { "r-10", "200000000010", NULL, NULL, NULL, "Usha", NULL, 99900, 5000, "op-meena", "Meena Sharma",
    EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-29 09:00" },
};

/* Through the outbox: the provisional ones. */
static const TestReceipt report_provisional[] = {
  /* 5 */ { "r-5", NULL, "domicile-certificate", "Domicile certificate", "मूल निवास प्रमाण पत्र",
            "Pooja", NULL, 0, 5000, "op-arjun", "Arjun Singh", EMITRA_RECEIPT_STATUS_PROVISIONAL,
            "2026-11-28 15:10" },
  /* 7 */ { "r-7", NULL, "income-certificate", "Income certificate", "आय प्रमाण पत्र", "Suresh", NULL,
            2500, 5000, "op-arjun", "Arjun Singh", EMITRA_RECEIPT_STATUS_PROVISIONAL, "2026-11-28 17:20" },
};

/* Fills the desk database at @path with the known day. */
static inline void
report_seed (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) db = emitra_desk_database_open (path, &error);
  g_autoptr(EmitraReceiptStore) store = NULL;
  g_autoptr(EmitraOutbox) outbox = NULL;
  g_autoptr(EmitraReceipt) cancelled = NULL;

  g_assert_no_error (error);
  store = emitra_receipt_store_new (db);
  outbox = emitra_outbox_new (db);

  for (guint i = 0; i < G_N_ELEMENTS (report_day); i++)
    g_object_unref (test_append (store, &report_day[i]));
  for (guint i = 0; i < G_N_ELEMENTS (report_provisional); i++)
    {
      g_autoptr(EmitraReceipt) input = test_receipt_new (&report_provisional[i]);
      g_autoptr(EmitraReceipt) stored = emitra_outbox_enqueue_with_receipt (outbox, store, "{}", NULL,
                                                                            input, &error);
      g_assert_no_error (error);
    }

  g_assert_true (emitra_outbox_record_attempt (outbox, "r-5", "The gateway did not answer.",
                                               test_local_time ("2026-11-28 15:11"), &error));
  g_assert_true (emitra_outbox_settle (outbox, store, "r-7", EMITRA_OUTBOX_STATE_REJECTED, NULL,
                                       "Applicant not found in Jan Aadhaar", 0, NULL, &error));
  g_assert_no_error (error);
  cancelled = emitra_receipt_store_add_event (store, 5, EMITRA_RECEIPT_STATUS_CANCELLED, NULL,
                                              "Citizen asked for a refund", &error);
  g_assert_no_error (error);
}
