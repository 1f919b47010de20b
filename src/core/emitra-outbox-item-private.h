/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "emitra-outbox-item.h"

G_BEGIN_DECLS

/* The columns an outbox query selects, in the order the row is read. */
#define EMITRA_OUTBOX_COLUMNS \
  "o.request_id, o.service_id, o.draft_id, o.request_json, o.state, o.attempts," \
  " o.last_error, o.next_attempt_at, o.created_at, o.updated_at," \
  " r.receipt_no, r.citizen_name, r.service_name_en, r.service_name_hi, r.total"

#define EMITRA_OUTBOX_FROM "outbox o LEFT JOIN receipts r ON r.id = o.receipt_id"

EmitraOutboxItem *_emitra_outbox_item_new_from_row (sqlite3_stmt *stmt);

G_END_DECLS
