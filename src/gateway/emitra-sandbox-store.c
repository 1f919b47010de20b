/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox's own SQLite file: kiosk wallets and their ledger, bills,
 * uploaded documents' fingerprints and transactions. It is opened DURABLE,
 * so a transaction the sandbox reports as created survives a crash, like a
 * real gateway's. On first open it is seeded from data/sandbox (wallets,
 * bills); later seeds only add bills it does not have yet.
 *
 * The sandbox runs on one thread, its GMainContext: every call here runs
 * to completion on it, so a create is one SQLite transaction with nothing
 * interleaved. Transactions and reports are in emitra-sandbox-ledger.c.
 *
 * No citizen data is kept: not the form, not the document bytes (only
 * their size and hash).
 */
#include "config.h"

#include "emitra-sandbox-store-private.h"

#include "emitra-json.h"
#include "emitra-sandbox-error.h"

G_DEFINE_FINAL_TYPE (EmitraSandboxStore, emitra_sandbox_store, G_TYPE_OBJECT)

static const EmitraMigration sandbox_migrations[] = {
  {
    "wallets, ledger, bills, documents, transactions",
    "CREATE TABLE wallets ("
    "  kiosk_code TEXT PRIMARY KEY,"
    "  balance INTEGER NOT NULL CHECK (balance >= 0)"
    ");"
    "CREATE TABLE wallet_ledger ("
    "  id INTEGER PRIMARY KEY,"
    "  kiosk_code TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('debit', 'refund', 'top_up')),"
    "  amount INTEGER NOT NULL CHECK (amount >= 0),"
    "  balance_after INTEGER NOT NULL,"
    "  transaction_id TEXT,"
    "  service_id TEXT,"
    "  at INTEGER NOT NULL"
    ");"
    "CREATE INDEX wallet_ledger_by_kiosk ON wallet_ledger (kiosk_code, id);"
    "CREATE TABLE bills ("
    "  service_id TEXT NOT NULL,"
    "  consumer_number TEXT NOT NULL,"
    "  bill_number TEXT NOT NULL,"
    "  consumer_name_en TEXT NOT NULL,"
    "  consumer_name_hi TEXT NOT NULL,"
    "  bill_date TEXT NOT NULL,"
    "  due_date TEXT NOT NULL,"
    "  amount_due INTEGER NOT NULL CHECK (amount_due >= 0),"
    "  paid_by TEXT,"
    "  PRIMARY KEY (service_id, consumer_number)"
    ");"
    "CREATE TABLE documents ("
    "  document_id TEXT PRIMARY KEY,"
    "  kiosk_code TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  content_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL"
    ");"
    /* request_id is UNIQUE: the database itself refuses a second charge
     * for one request, whatever the code above it does. */
    "CREATE TABLE transactions ("
    "  seq INTEGER PRIMARY KEY,"
    "  transaction_id TEXT NOT NULL UNIQUE,"
    "  request_id TEXT NOT NULL UNIQUE,"
    "  fingerprint TEXT NOT NULL,"
    "  kiosk_code TEXT NOT NULL,"
    "  operator_id TEXT NOT NULL,"
    "  desk_id TEXT NOT NULL,"
    "  service_id TEXT NOT NULL,"
    "  consumer_number TEXT,"
    "  department_fee INTEGER NOT NULL,"
    "  service_charge INTEGER NOT NULL,"
    "  created_at INTEGER NOT NULL,"
    "  day TEXT NOT NULL,"
    "  cancelled_at INTEGER"
    ");"
    "CREATE INDEX transactions_by_day ON transactions (kiosk_code, day);"
  },
};

EmitraSandboxStmt *
_emitra_sandbox_store_prepare (EmitraSandboxStore  *self,
                               const char          *sql,
                               GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = emitra_database_prepare (self->database, sql, &local_error);

  if (stmt == NULL)
    {
      g_warning ("sandbox store: %s", local_error->message);
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_INTERNAL, NULL,
                                "The gateway's database failed.", "गेटवे का डेटाबेस विफल हुआ।");
    }
  return stmt;
}

/* Logs SQLite's detail and reports a plain INTERNAL error to the client. */
gboolean
_emitra_sandbox_store_fail (EmitraSandboxStore  *self,
                            int                  rc,
                            GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (emitra_database_set_error (emitra_database_get_handle (self->database), rc, &local_error))
    return TRUE;
  g_warning ("sandbox store: %s", local_error->message);
  emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_INTERNAL, NULL,
                            "The gateway's database failed.", "गेटवे का डेटाबेस विफल हुआ।");
  return FALSE;
}

char *
_emitra_sandbox_rfc3339 (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* The calendar date in India Standard Time, which is what a "day" of a
 * centre's work means. */
char *
emitra_sandbox_ist_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds + 19800);

  return g_date_time_format (time, "%Y-%m-%d");
}

static gboolean
seed_wallets (EmitraSandboxStore  *self,
              GError             **error)
{
  JsonArray *kiosks = emitra_sandbox_directory_get_kiosks (self->directory);
  g_autoptr(EmitraSandboxStmt) stmt = NULL;

  stmt = _emitra_sandbox_store_prepare (self, "INSERT OR IGNORE INTO wallets (kiosk_code, balance) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; kiosks != NULL && i < json_array_get_length (kiosks); i++)
    {
      JsonObject *kiosk = emitra_json_array_get_object (kiosks, i, NULL);

      if (kiosk == NULL)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, emitra_json_get_string_or (kiosk, "code", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, MAX (0, emitra_json_get_int_or (kiosk, "wallet_balance", 0)));
      if (!_emitra_sandbox_store_fail (self, sqlite3_step (stmt), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_bills (EmitraSandboxStore  *self,
            const char          *seed_dir,
            GError             **error)
{
  g_autofree char *path = g_build_filename (seed_dir, "bills.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonObject) file = NULL;
  g_autoptr(EmitraSandboxStmt) stmt = NULL;
  JsonArray *bills;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  file = emitra_json_parse_object (contents, (gssize) length, 4 * 1024 * 1024, error);
  if (file == NULL)
    return FALSE;
  bills = emitra_json_get_array (file, "bills", error);
  if (bills == NULL)
    return FALSE;

  stmt = _emitra_sandbox_store_prepare (self,
                                        "INSERT OR IGNORE INTO bills (service_id, consumer_number, bill_number,"
                                        " consumer_name_en, consumer_name_hi, bill_date, due_date, amount_due)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (bills); i++)
    {
      static const char * const text_members[] = {
        "service_id", "consumer_number", "bill_number", "consumer_name_en",
        "consumer_name_hi", "bill_date", "due_date",
      };
      JsonObject *bill = emitra_json_array_get_object (bills, i, error);

      if (bill == NULL)
        return FALSE;
      if (emitra_sandbox_catalog_lookup (self->catalog, emitra_json_get_string_or (bill, "service_id", "")) == NULL)
        g_message ("bills.json: service “%s” is not in the catalog; its bill can never be fetched",
                   emitra_json_get_string_or (bill, "service_id", ""));
      sqlite3_reset (stmt);
      for (guint m = 0; m < G_N_ELEMENTS (text_members); m++)
        sqlite3_bind_text (stmt, (int) m + 1, emitra_json_get_string_or (bill, text_members[m], ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 8, MAX (0, emitra_json_get_int_or (bill, "amount_due", 0)));
      if (!_emitra_sandbox_store_fail (self, sqlite3_step (stmt), error))
        return FALSE;
    }
  return TRUE;
}

EmitraSandboxStore *
emitra_sandbox_store_open (const char              *path,
                           const char              *seed_dir,
                           EmitraSandboxCatalog    *catalog,
                           EmitraSandboxDirectory  *directory,
                           GError                 **error)
{
  g_autoptr(EmitraSandboxStore) self = g_object_new (EMITRA_TYPE_SANDBOX_STORE, NULL);

  self->catalog = g_object_ref (catalog);
  self->directory = g_object_ref (directory);
  self->database = emitra_database_open (path, sandbox_migrations, G_N_ELEMENTS (sandbox_migrations),
                                         EMITRA_DATABASE_FLAGS_DURABLE, error);
  if (self->database == NULL)
    return NULL;

  if (!emitra_database_begin (self->database, error))
    return NULL;
  if (!seed_wallets (self, error) || !seed_bills (self, seed_dir, error) ||
      !emitra_database_commit (self->database, error))
    {
      emitra_database_rollback (self->database);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
emitra_sandbox_store_set_demo (EmitraSandboxStore *self,
                               gboolean            demo)
{
  self->demo = demo;
}

void
emitra_sandbox_store_advance_clock (EmitraSandboxStore *self,
                                    gint64              seconds)
{
  self->clock_offset += seconds;
}

gint64
emitra_sandbox_store_get_clock_offset (EmitraSandboxStore *self)
{
  return self->clock_offset;
}

gboolean
_emitra_sandbox_store_balance (EmitraSandboxStore  *self,
                               const char          *kiosk_code,
                               gint64              *out_balance,
                               GError             **error)
{
  g_autoptr(EmitraSandboxStmt) stmt = NULL;
  int rc;

  stmt = _emitra_sandbox_store_prepare (self, "SELECT balance FROM wallets WHERE kiosk_code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kiosk_code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_balance = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (!_emitra_sandbox_store_fail (self, rc, error))
    return FALSE;
  emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_NOT_FOUND, NULL,
                            "This kiosk has no wallet.", "इस कियोस्क का कोई वॉलेट नहीं है।");
  return FALSE;
}

/* Moves @amount out of (debit) or into (refund, top_up) the wallet and
 * records it in the ledger. The caller holds the write transaction. */
gboolean
_emitra_sandbox_store_debit (EmitraSandboxStore  *self,
                             const char          *kiosk_code,
                             const char          *kind,
                             gint64               amount,
                             const char          *transaction_id,
                             const char          *service_id,
                             gint64              *out_balance,
                             GError             **error)
{
  g_autoptr(EmitraSandboxStmt) update = NULL;
  g_autoptr(EmitraSandboxStmt) insert = NULL;
  gint64 balance;

  if (!_emitra_sandbox_store_balance (self, kiosk_code, &balance, error))
    return FALSE;
  balance += g_str_equal (kind, "debit") ? -amount : amount;
  g_assert (balance >= 0);
  *out_balance = balance;
  if (amount == 0)
    return TRUE;

  update = _emitra_sandbox_store_prepare (self, "UPDATE wallets SET balance = ? WHERE kiosk_code = ?", error);
  insert = _emitra_sandbox_store_prepare (self,
                                          "INSERT INTO wallet_ledger (kiosk_code, kind, amount, balance_after,"
                                          " transaction_id, service_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (update == NULL || insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, balance);
  sqlite3_bind_text (update, 2, kiosk_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 1, kiosk_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 3, amount);
  sqlite3_bind_int64 (insert, 4, balance);
  sqlite3_bind_text (insert, 5, transaction_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, service_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 7, g_get_real_time () / G_USEC_PER_SEC);
  return _emitra_sandbox_store_fail (self, sqlite3_step (update), error) &&
         _emitra_sandbox_store_fail (self, sqlite3_step (insert), error);
}

JsonObject *
emitra_sandbox_store_wallet (EmitraSandboxStore  *self,
                             const char          *kiosk_code,
                             GError             **error)
{
  g_autoptr(EmitraSandboxStmt) stmt = NULL;
  g_autoptr(JsonObject) wallet = json_object_new ();
  JsonArray *recent = json_array_new ();
  gint64 balance;
  int rc;

  json_object_set_array_member (wallet, "recent", recent);
  if (!_emitra_sandbox_store_balance (self, kiosk_code, &balance, error))
    return NULL;
  stmt = _emitra_sandbox_store_prepare (self,
                                        "SELECT kind, amount, balance_after, transaction_id, service_id, at"
                                        " FROM wallet_ledger WHERE kiosk_code = ? ORDER BY id DESC LIMIT 20", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kiosk_code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *item = json_object_new ();
      g_autofree char *at = _emitra_sandbox_rfc3339 (sqlite3_column_int64 (stmt, 5));

      json_object_set_string_member (item, "kind", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_int_member (item, "amount", sqlite3_column_int64 (stmt, 1));
      json_object_set_int_member (item, "balance_after", sqlite3_column_int64 (stmt, 2));
      /* A top-up belongs to no transaction: null, not "". */
      for (int column = 3; column <= 4; column++)
        {
          const char *member = column == 3 ? "transaction_id" : "service_id";

          if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
            json_object_set_null_member (item, member);
          else
            json_object_set_string_member (item, member, (const char *) sqlite3_column_text (stmt, column));
        }
      json_object_set_string_member (item, "at", at);
      json_array_add_object_element (recent, item);
    }
  if (!_emitra_sandbox_store_fail (self, rc, error))
    return NULL;

  json_object_set_string_member (wallet, "kiosk_code", kiosk_code);
  json_object_set_int_member (wallet, "balance", balance);
  return g_steal_pointer (&wallet);
}

gboolean
emitra_sandbox_store_set_balance (EmitraSandboxStore  *self,
                                  const char          *kiosk_code,
                                  gint64               balance,
                                  GError             **error)
{
  gint64 current, after;

  if (!emitra_database_begin (self->database, NULL))
    return _emitra_sandbox_store_fail (self, SQLITE_BUSY, error);
  if (!_emitra_sandbox_store_balance (self, kiosk_code, &current, error) ||
      !_emitra_sandbox_store_debit (self, kiosk_code, balance >= current ? "top_up" : "debit",
                                    ABS (balance - current), NULL, NULL, &after, error) ||
      !emitra_database_commit (self->database, NULL))
    {
      emitra_database_rollback (self->database);
      if (error != NULL && *error == NULL)
        _emitra_sandbox_store_fail (self, SQLITE_ERROR, error);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
emitra_sandbox_store_get_bill (EmitraSandboxStore  *self,
                               const char          *service_id,
                               const char          *consumer_number,
                               GError             **error)
{
  static const char * const text_columns[] = {
    "service_id", "consumer_number", "bill_number", "consumer_name_en",
    "consumer_name_hi", "bill_date", "due_date",
  };
  g_autoptr(EmitraSandboxStmt) stmt = NULL;
  JsonObject *bill;
  int rc;

  stmt = _emitra_sandbox_store_prepare (self,
                                        "SELECT service_id, consumer_number, bill_number, consumer_name_en,"
                                        " consumer_name_hi, bill_date, due_date, amount_due FROM bills"
                                        " WHERE service_id = ? AND consumer_number = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, service_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, consumer_number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (_emitra_sandbox_store_fail (self, rc, error))
        emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_NOT_FOUND, "consumer_number",
                                  "No bill was found for this consumer number.",
                                  "इस उपभोक्ता संख्या का कोई बिल नहीं मिला।");
      return NULL;
    }

  bill = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    json_object_set_string_member (bill, text_columns[i], (const char *) sqlite3_column_text (stmt, (int) i));
  json_object_set_int_member (bill, "amount_due", sqlite3_column_int64 (stmt, 7));
  json_object_set_boolean_member (bill, "paid", sqlite3_column_int64 (stmt, 7) == 0);
  return bill;
}

JsonObject *
emitra_sandbox_store_add_document (EmitraSandboxStore  *self,
                                   const char          *kiosk_code,
                                   const char          *kind,
                                   const char          *content_type,
                                   GBytes              *data,
                                   GError             **error)
{
  g_autoptr(EmitraSandboxStmt) stmt = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *document_id = NULL;
  JsonObject *document;

  /* "DOC-" and twelve hex digits of a random UUID: unguessable enough that
   * one kiosk cannot attach another's scan by counting. */
  uuid[8] = '\0';
  document_id = g_strdup_printf ("DOC-%s%.4s", uuid, uuid + 9);

  stmt = _emitra_sandbox_store_prepare (self,
                                        "INSERT INTO documents (document_id, kiosk_code, kind, content_type, size,"
                                        " sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kiosk_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind != NULL ? kind : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, content_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, (gint64) g_bytes_get_size (data));
  sqlite3_bind_text (stmt, 6, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  if (!_emitra_sandbox_store_fail (self, sqlite3_step (stmt), error))
    return NULL;

  document = json_object_new ();
  json_object_set_string_member (document, "document_id", document_id);
  json_object_set_string_member (document, "content_type", content_type);
  json_object_set_int_member (document, "size", (gint64) g_bytes_get_size (data));
  json_object_set_string_member (document, "sha256", sha256);
  return document;
}

static void
emitra_sandbox_store_finalize (GObject *object)
{
  EmitraSandboxStore *self = EMITRA_SANDBOX_STORE (object);

  g_clear_object (&self->database);
  g_clear_object (&self->catalog);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (emitra_sandbox_store_parent_class)->finalize (object);
}

static void
emitra_sandbox_store_class_init (EmitraSandboxStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_sandbox_store_finalize;
}

static void
emitra_sandbox_store_init (EmitraSandboxStore *self)
{
}
