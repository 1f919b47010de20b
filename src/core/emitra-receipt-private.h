/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The receipt's fields, open to the store that fills them from a database
 * row (a day's list builds thousands of receipts, so no property calls)
 * and to nothing else.
 */
#pragma once

#include "emitra-receipt.h"

G_BEGIN_DECLS

struct _EmitraReceipt
{
  GObject              parent_instance;

  gint64               id;
  gint64               receipt_no;
  char                *request_id;
  /* As written when the receipt was issued (part of its hash). */
  char                *transaction_id;
  char                *service_id;
  char                *service_name_en;
  char                *service_name_hi;
  char                *citizen_name;
  char                *aadhaar_masked;
  char                *mobile;
  gint64               department_fee;
  gint64               service_charge;
  gint64               total;
  gint64               cash_received;
  char                *operator_id;
  char                *operator_name;
  char                *kiosk_code;
  gint64               created_at;
  char                *day;
  int                  hour;
  char                *prev_hash;
  char                *hash;
  /* The status it was issued with, hashed with it (format 2); -1 for a
   * receipt of format 1, whose first status is its first status event. */
  int                  issued_status;

  EmitraReceiptStatus  status;
  char                *status_reason;
  /* The transaction ID a later confirmation brought, for a receipt that
   * was issued provisionally without one. */
  char                *status_transaction_id;
  gint64               status_updated_at;
};

/* The issued status as a receipts.status column holds it: -1 for NULL (a
 * receipt of format 1) or, in a tampered row, for a name that is none of
 * the four. */
static inline int
_emitra_receipt_issued_status_from_column (const char *text)
{
  EmitraReceiptStatus status;

  return emitra_receipt_status_from_string (text, &status) ? (int) status : -1;
}

void _emitra_receipt_set_status (EmitraReceipt       *self,
                                 EmitraReceiptStatus  status,
                                 const char          *reason,
                                 const char          *transaction_id,
                                 gint64               updated_at);

G_END_DECLS
