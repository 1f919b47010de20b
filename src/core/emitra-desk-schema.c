/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema of the desk's own database (desk.db): receipts and their
 * status events, the outbox of submissions not yet confirmed, drafts, and
 * how often this centre uses each service. It is opened DURABLE
 * (synchronous=FULL): a receipt that was shown was written.
 *
 * Migrations are appended, never edited: a desk in the field has already
 * applied the earlier ones.
 *
 * Times are Unix seconds (UTC). `day` and `hour` are the desk's local date
 * (YYYY-MM-DD) and hour at creation, stored so a day's report is an index
 * range, not a computation over every row.
 */
#include "config.h"

#include "emitra-desk-schema.h"

static const EmitraMigration desk_migrations[] = {
  {
    "receipts, receipt events, outbox, drafts, service usage",
    /* Append-only: rows are inserted, never updated or deleted. `hash` is
     * SHA-256 (hex) over the receipt's canonical content and `prev_hash`,
     * the hash of the receipt before it ("" for the first). */
    "CREATE TABLE receipts ("
    "  id INTEGER PRIMARY KEY,"
    "  receipt_no INTEGER NOT NULL UNIQUE,"
    "  request_id TEXT NOT NULL UNIQUE,"
    "  transaction_id TEXT,"
    "  service_id TEXT NOT NULL,"
    "  service_name_en TEXT NOT NULL,"
    "  service_name_hi TEXT NOT NULL,"
    "  citizen_name TEXT NOT NULL,"
    "  aadhaar_masked TEXT NOT NULL DEFAULT '',"
    "  mobile TEXT NOT NULL DEFAULT '',"
    "  department_fee INTEGER NOT NULL,"
    "  service_charge INTEGER NOT NULL,"
    "  total INTEGER NOT NULL,"
    "  cash_received INTEGER NOT NULL,"
    "  operator_id TEXT NOT NULL,"
    "  operator_name TEXT NOT NULL,"
    "  kiosk_code TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL,"
    "  day TEXT NOT NULL,"
    "  hour INTEGER NOT NULL,"
    "  prev_hash TEXT NOT NULL,"
    "  hash TEXT NOT NULL"
    ");"
    "CREATE INDEX receipts_by_day ON receipts (day, operator_id);"
    "CREATE INDEX receipts_by_mobile ON receipts (mobile);"
    "CREATE INDEX receipts_by_transaction ON receipts (transaction_id);"
    /* Status history, also append-only and chained: provisional, confirmed,
     * rejected, cancelled. A receipt's status is its latest event. */
    "CREATE TABLE receipt_events ("
    "  id INTEGER PRIMARY KEY,"
    "  receipt_id INTEGER NOT NULL REFERENCES receipts (id),"
    "  status TEXT NOT NULL CHECK (status IN ('provisional', 'confirmed', 'rejected', 'cancelled')),"
    "  transaction_id TEXT,"
    "  reason TEXT NOT NULL DEFAULT '',"
    "  at INTEGER NOT NULL,"
    "  prev_hash TEXT NOT NULL,"
    "  hash TEXT NOT NULL"
    ");"
    "CREATE INDEX receipt_events_by_receipt ON receipt_events (receipt_id, id);"
    /* The current status of each receipt, kept beside the history so a
     * day's list or report needs no scan of the events. It is derived data:
     * verification recomputes it from receipt_events. */
    "CREATE TABLE receipt_status ("
    "  receipt_id INTEGER PRIMARY KEY REFERENCES receipts (id),"
    "  status TEXT NOT NULL,"
    "  reason TEXT NOT NULL DEFAULT '',"
    "  updated_at INTEGER NOT NULL"
    ");"
    /* Submissions written before the network call (journal first). The
     * request JSON holds the masked Aadhaar only. */
    "CREATE TABLE outbox ("
    "  request_id TEXT PRIMARY KEY,"
    "  receipt_id INTEGER REFERENCES receipts (id),"
    "  draft_id TEXT,"
    "  service_id TEXT NOT NULL,"
    "  request_json TEXT NOT NULL,"
    "  state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'rejected', 'cancelled')),"
    "  attempts INTEGER NOT NULL DEFAULT 0,"
    "  last_error TEXT NOT NULL DEFAULT '',"
    "  next_attempt_at INTEGER NOT NULL,"
    "  created_at INTEGER NOT NULL,"
    "  updated_at INTEGER NOT NULL"
    ");"
    "CREATE INDEX outbox_pending ON outbox (state, next_attempt_at);"
    /* A draft is one citizen's application being filled. `request_id` is
     * made once, the first time the draft is submitted, and never changes. */
    "CREATE TABLE drafts ("
    "  id TEXT PRIMARY KEY,"
    "  service_id TEXT NOT NULL,"
    "  step TEXT NOT NULL,"
    "  values_json TEXT NOT NULL,"
    "  request_id TEXT UNIQUE,"
    "  citizen_name TEXT NOT NULL DEFAULT '',"
    "  created_at INTEGER NOT NULL,"
    "  updated_at INTEGER NOT NULL,"
    "  submitted INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX drafts_by_update ON drafts (submitted, updated_at);"
    /* How often this centre used each service, for search ranking. */
    "CREATE TABLE service_usage ("
    "  service_id TEXT PRIMARY KEY,"
    "  uses INTEGER NOT NULL DEFAULT 0,"
    "  last_used_at INTEGER NOT NULL DEFAULT 0,"
    "  favourite INTEGER NOT NULL DEFAULT 0"
    ");"
  },
  {
    "receipt lookups by confirmed transaction ID and citizen's name; the day report's index",
    /* A provisional receipt learns its transaction ID from the confirmation
     * event, so a citizen's later lookup by that ID searches the events;
     * and the operator finds a receipt by the start of the citizen's name
     * (case-insensitive: LIKE 'ram%' uses a NOCASE index). Without these
     * both are full scans, far too slow over a year of receipts. */
    "CREATE INDEX receipt_events_by_transaction ON receipt_events (transaction_id)"
    "  WHERE transaction_id IS NOT NULL;"
    "CREATE INDEX receipts_by_citizen_name ON receipts (citizen_name COLLATE NOCASE);"
    /* The day's report reads its sums from this index alone, in the order
     * issued, never from the receipts' rows: a day of a busy centre is
     * then a few dozen pages, which keeps the report within a few
     * milliseconds over a year of receipts. */
    "CREATE INDEX receipts_by_day_totals ON receipts"
    "  (day, id, department_fee, service_charge, total, hour, service_id, operator_id);"
  },
  {
    "receipts carry the status they were issued with; status events are changes only",
    /* Issuing a receipt used to write three rows (the receipt, its first
     * status event and its current status), and every row is another page
     * in the write-ahead log before the disk flush. Now the status a
     * receipt is issued with is part of its row and of its hash (format 2,
     * see emitra_receipt_canonical_content()); receipt_events and
     * receipt_status gain rows only when a status changes. Receipts issued
     * before keep status NULL and their first event: both kinds verify. */
    "ALTER TABLE receipts ADD COLUMN status TEXT"
    "  CHECK (status IN ('provisional', 'confirmed', 'rejected', 'cancelled'));"
    /* The day's report reads the issued status with the sums. */
    "DROP INDEX receipts_by_day_totals;"
    "CREATE INDEX receipts_by_day_totals ON receipts"
    "  (day, id, department_fee, service_charge, total, hour, service_id, operator_id, status);"
  },
};

EmitraDatabase *
emitra_desk_database_open (const char  *path,
                           GError     **error)
{
  return emitra_database_open (path, desk_migrations, G_N_ELEMENTS (desk_migrations),
                               EMITRA_DATABASE_FLAGS_DURABLE, error);
}

char *
emitra_desk_database_default_path (void)
{
  g_autofree char *dir = emitra_database_default_dir ();

  return g_build_filename (dir, "desk.db", NULL);
}
