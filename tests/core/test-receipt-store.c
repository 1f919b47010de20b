/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "emitra-report.h"
#include "receipt-test-util.h"

typedef struct
{
  char               *path;
  EmitraDatabase     *db;
  EmitraReceiptStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = test_desk_db_path ();
  f->db = emitra_desk_database_open (f->path, &error);
  g_assert_no_error (error);
  f->store = emitra_receipt_store_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_unlink (f->path);
  g_free (f->path);
}

static const TestReceipt three_receipts[] = {
  { "req-1", "100000000001", NULL, NULL, NULL, "सुनीता देवी", "9414012345", 4000, 5000, NULL, NULL,
    EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-27 23:50" },
  { "req-2", NULL, "domicile-certificate", "Domicile certificate", "मूल निवास प्रमाण पत्र",
    "Ram Kumar", "9829098290", 0, 5000, "op-arjun", "Arjun Singh",
    EMITRA_RECEIPT_STATUS_PROVISIONAL, "2026-11-28 00:10" },
  { "req-3", "100000000003", NULL, NULL, NULL, "राम लाल", "9414012345", 10050, 1000, NULL, NULL,
    EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-28 14:05" },
};

static void
append_three (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (three_receipts); i++)
    g_object_unref (test_append (f->store, &three_receipts[i]));
}

static void
test_store_appends_in_sequence (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (three_receipts); i++)
    g_ptr_array_add (stored, test_append (f->store, &three_receipts[i]));

  for (guint i = 0; i < stored->len; i++)
    {
      EmitraReceipt *receipt = g_ptr_array_index (stored, i);
      g_autofree char *hash = emitra_receipt_compute_hash (receipt, emitra_receipt_get_prev_hash (receipt));
      g_autofree char *content = emitra_receipt_canonical_content (receipt, emitra_receipt_get_prev_hash (receipt));
      /* An independent SHA-256: the chain must verify with any tool. */
      g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);

      g_assert_cmpint (emitra_receipt_get_receipt_no (receipt), ==, i + 1);
      g_assert_cmpint (strlen (emitra_receipt_get_hash (receipt)), ==, 64);
      g_assert_cmpstr (emitra_receipt_get_hash (receipt), ==, hash);
      g_assert_cmpstr (hash, ==, expected);
      g_assert_cmpint (emitra_receipt_get_status (receipt), ==, three_receipts[i].status);
      if (i == 0)
        g_assert_cmpstr (emitra_receipt_get_prev_hash (receipt), ==, "");
      else
        g_assert_cmpstr (emitra_receipt_get_prev_hash (receipt), ==,
                         emitra_receipt_get_hash (g_ptr_array_index (stored, i - 1)));
    }

  /* The day and hour are the desk's local ones (India), not UTC's. */
  g_assert_cmpstr (emitra_receipt_get_day (g_ptr_array_index (stored, 0)), ==, "2026-11-27");
  g_assert_cmpint (emitra_receipt_get_hour (g_ptr_array_index (stored, 0)), ==, 23);
  g_assert_cmpstr (emitra_receipt_get_day (g_ptr_array_index (stored, 1)), ==, "2026-11-28");
  g_assert_cmpint (emitra_receipt_get_hour (g_ptr_array_index (stored, 1)), ==, 0);
  g_assert_cmpint (emitra_receipt_get_total (g_ptr_array_index (stored, 2)), ==, 11050);
}

static void
test_store_is_durable_and_private (Fixture       *f,
                                   gconstpointer  data)
{
  sqlite3_stmt *stmt;
  GStatBuf st;

  append_three (f);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  stmt = emitra_database_prepare (f->db, "PRAGMA synchronous", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2); /* FULL */
  sqlite3_finalize (stmt);
  stmt = emitra_database_prepare (f->db, "PRAGMA journal_mode", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
}

static void
test_store_refuses_duplicate_request (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(EmitraReceipt) again = test_receipt_new (&three_receipts[1]);
  g_autoptr(EmitraReceipt) refused = NULL;
  g_autoptr(EmitraReceipt) next = NULL;
  g_autoptr(GError) error = NULL;
  TestReceipt fourth = three_receipts[2];

  append_three (f);
  refused = emitra_receipt_store_append (f->store, again, &error);
  g_assert_null (refused);
  g_assert_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "req-2"));

  /* The refusal used no number and left the chain whole. */
  fourth.request_id = "req-4";
  next = test_append (f->store, &fourth);
  g_assert_cmpint (emitra_receipt_get_receipt_no (next), ==, 4);
}

/* A valid receipt with one @property set to @text (or to @number when
 * @text is NULL). */
static EmitraReceipt *
receipt_with (const char *property,
              const char *text,
              gint64      number)
{
  static const struct { const char *name; const char *text; gint64 number; } defaults[] = {
    { "request-id", "req-bad", 0 },
    { "service-id", "caste-certificate", 0 },
    { "service-name-en", "Caste certificate", 0 },
    { "citizen-name", "Ram", 0 },
    { "operator-id", "op", 0 },
    { "kiosk-code", "K1", 0 },
    { "aadhaar-masked", "XXXX XXXX 2346", 0 },
    { "department-fee", NULL, 4000 },
    { "service-charge", NULL, 5000 },
    { "cash-received", NULL, 9000 },
    { "total", NULL, 9000 },
  };
  const char *names[G_N_ELEMENTS (defaults)];
  GValue values[G_N_ELEMENTS (defaults)] = { G_VALUE_INIT };
  GObject *object;

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      gboolean replace = g_str_equal (defaults[i].name, property);
      const char *value_text = replace ? text : defaults[i].text;

      names[i] = defaults[i].name;
      if (value_text != NULL)
        {
          g_value_init (&values[i], G_TYPE_STRING);
          g_value_set_string (&values[i], value_text);
        }
      else
        {
          g_value_init (&values[i], G_TYPE_INT64);
          g_value_set_int64 (&values[i], replace ? number : defaults[i].number);
        }
    }
  object = g_object_new_with_properties (EMITRA_TYPE_RECEIPT, G_N_ELEMENTS (names), names, values);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    g_value_unset (&values[i]);

  return EMITRA_RECEIPT (object);
}

static void
test_store_refuses_bad_content (Fixture       *f,
                                gconstpointer  data)
{
  static const struct { const char *property; const char *text; gint64 number; } cases[] = {
    { "aadhaar-masked", "2341 2341 2346", 0 },
    { "aadhaar-masked", "234123412346", 0 },
    { "citizen-name", "", 0 },
    { "total", NULL, 9999 },
    { "cash-received", NULL, 100 },
    { "department-fee", NULL, -5 },
  };
  g_autoptr(EmitraReceipt) good = receipt_with ("none", NULL, 0);
  g_autoptr(EmitraReceipt) stored = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EmitraReceipt) input = receipt_with (cases[i].property, cases[i].text, cases[i].number);
      g_autoptr(EmitraReceipt) refused = emitra_receipt_store_append (f->store, input, &error);

      g_test_message ("case %u: %s", i, cases[i].property);
      g_assert_null (refused);
      g_assert_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* The same receipt without the fault is taken, as number 1. */
  stored = emitra_receipt_store_append (f->store, good, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_receipt_no (stored), ==, 1);
}

static void
test_store_records_status_events (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(EmitraReceipt) confirmed = NULL;
  g_autoptr(EmitraReceipt) again = NULL;
  g_autoptr(EmitraReceipt) refused = NULL;
  g_autoptr(EmitraReceipt) cancelled = NULL;
  g_autoptr(EmitraReceipt) found = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  append_three (f);

  /* The provisional receipt 2 is confirmed with the gateway's ID. */
  confirmed = emitra_receipt_store_add_event (f->store, 2, EMITRA_RECEIPT_STATUS_CONFIRMED,
                                              "100000000002", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_status (confirmed), ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpstr (emitra_receipt_get_transaction_id (confirmed), ==, "100000000002");

  /* Hearing it twice adds nothing. */
  again = emitra_receipt_store_add_event (f->store, 2, EMITRA_RECEIPT_STATUS_CONFIRMED,
                                          "100000000002", NULL, &error);
  g_assert_no_error (error);

  refused = emitra_receipt_store_add_event (f->store, 2, EMITRA_RECEIPT_STATUS_REJECTED,
                                            NULL, "late", &error);
  g_assert_null (refused);
  g_assert_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_BAD_TRANSITION);
  g_clear_error (&error);

  cancelled = emitra_receipt_store_add_event (f->store, 2, EMITRA_RECEIPT_STATUS_CANCELLED,
                                              NULL, "Citizen asked for a refund", &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_status (cancelled), ==, EMITRA_RECEIPT_STATUS_CANCELLED);

  events = emitra_receipt_store_list_events (f->store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpint (((EmitraReceiptEvent *) events->pdata[0])->status, ==, EMITRA_RECEIPT_STATUS_PROVISIONAL);
  g_assert_cmpint (((EmitraReceiptEvent *) events->pdata[1])->status, ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpstr (((EmitraReceiptEvent *) events->pdata[2])->reason, ==, "Citizen asked for a refund");

  /* The receipt itself is untouched; only its status moved. */
  found = emitra_receipt_store_get_by_transaction_id (f->store, "100000000002", &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_receipt_no (found), ==, 2);
  g_assert_cmpint (emitra_receipt_get_status (found), ==, EMITRA_RECEIPT_STATUS_CANCELLED);
  g_assert_cmpstr (emitra_receipt_get_status_reason (found), ==, "Citizen asked for a refund");
  g_assert_cmpstr (emitra_receipt_get_hash (found), ==, emitra_receipt_get_hash (confirmed));

  g_clear_object (&refused);
  refused = emitra_receipt_store_add_event (f->store, 99, EMITRA_RECEIPT_STATUS_CONFIRMED, "1", NULL, &error);
  g_assert_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_NOT_FOUND);
}

/* The numbers of the receipts @query finds, in the order found. */
static char *
found_numbers (Fixture                  *f,
               const EmitraReceiptQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = emitra_receipt_store_search (f->store, query, &error);
  GString *numbers = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint j = 0; j < found->len; j++)
    g_string_append_printf (numbers, "%s%" G_GINT64_FORMAT, j > 0 ? " " : "",
                            emitra_receipt_get_receipt_no (g_ptr_array_index (found, j)));
  return g_string_free (numbers, FALSE);
}

static void
test_store_lookups (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *text;
    const char *from_day;
    const char *to_day;
    guint       status_mask;
    const char *expected;   /* receipt numbers, newest first */
  } cases[] = {
    { "2", NULL, NULL, 0, "2" },
    { "9414012345", NULL, NULL, 0, "3 1" },
    { "+91 94140 12345", NULL, NULL, 0, "3 1" },
    { "09829098290", NULL, NULL, 0, "2" },
    { "100000000003", NULL, NULL, 0, "3" },
    { "req-1", NULL, NULL, 0, "1" },
    { "ram", NULL, NULL, 0, "2" },
    { "RAM K", NULL, NULL, 0, "2" },
    { "राम", NULL, NULL, 0, "3" },
    { "सुनीता", NULL, NULL, 0, "1" },
    { "100%", NULL, NULL, 0, "" },
    { "nobody", NULL, NULL, 0, "" },
    { NULL, "2026-11-28", "2026-11-28", 0, "2 3" },
    { NULL, "2026-11-27", "2026-11-28", 0, "3 2 1" },
    { NULL, NULL, "2026-11-27", 0, "1" },
    { NULL, NULL, NULL, 1u << EMITRA_RECEIPT_STATUS_PROVISIONAL, "2" },
    { "9414012345", "2026-11-28", "2026-11-28", 1u << EMITRA_RECEIPT_STATUS_CONFIRMED, "3" },
  };
  g_autoptr(EmitraReceipt) by_number = NULL;
  g_autoptr(EmitraReceipt) by_request = NULL;
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(GError) error = NULL;

  append_three (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EmitraReceiptQuery query = {
        .text = cases[i].text, .from_day = cases[i].from_day, .to_day = cases[i].to_day,
        .status_mask = cases[i].status_mask,
      };
      g_autofree char *numbers = found_numbers (f, &query);

      g_test_message ("search %u: %s", i, cases[i].text);
      g_assert_cmpstr (numbers, ==, cases[i].expected);
    }

  by_number = emitra_receipt_store_get (f->store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_receipt_get_citizen_name (by_number), ==, "राम लाल");
  g_assert_cmpstr (emitra_receipt_get_service_name_hi (by_number), ==, "जाति प्रमाण पत्र");
  g_assert_cmpstr (emitra_receipt_get_aadhaar_masked (by_number), ==, "XXXX XXXX 2346");
  g_assert_cmpint (emitra_receipt_get_department_fee (by_number), ==, 10050);

  by_request = emitra_receipt_store_get_by_request_id (f->store, "req-2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_receipt_get_operator_name (by_request), ==, "Arjun Singh");

  day = emitra_receipt_store_list_day (f->store, "2026-11-28", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 2);
  g_assert_cmpint (emitra_receipt_get_receipt_no (g_ptr_array_index (day, 0)), ==, 2);
}

/* An operator's search finds only the receipts they issued, whatever
 * else it asks for; the query does the filtering, so a limit counts only
 * theirs. Receipts 1 and 3 are Meena's, 2 is Arjun's. */
static void
test_store_search_by_operator (Fixture       *f,
                               gconstpointer  data)
{
  static const struct {
    const char *operator_id;
    const char *text;
    const char *from_day;
    const char *to_day;
    guint       status_mask;
    guint       limit;
    const char *expected;   /* receipt numbers, newest first */
  } cases[] = {
    { NULL, NULL, NULL, NULL, 0, 0, "3 2 1" },
    { "op-meena", NULL, NULL, NULL, 0, 0, "3 1" },
    { "op-arjun", NULL, NULL, NULL, 0, 0, "2" },
    { "op-nobody", NULL, NULL, NULL, 0, 0, "" },
    { "OP-MEENA", NULL, NULL, NULL, 0, 0, "" },
    { "op-meena", NULL, "2026-11-28", "2026-11-28", 0, 0, "3" },
    { "op-arjun", NULL, "2026-11-28", "2026-11-28", 0, 0, "2" },
    { "op-meena", NULL, "2026-11-27", "2026-11-28", 0, 0, "3 1" },
    { "op-meena", "9414012345", NULL, NULL, 0, 0, "3 1" },
    { "op-arjun", "9414012345", NULL, NULL, 0, 0, "" },
    { "op-arjun", "ram", NULL, NULL, 0, 0, "2" },
    { "op-meena", "ram", NULL, NULL, 0, 0, "" },
    { "op-meena", "2", NULL, NULL, 0, 0, "" },
    { "op-meena", "req-2", NULL, NULL, 0, 0, "" },
    { "op-arjun", NULL, NULL, NULL, 1u << EMITRA_RECEIPT_STATUS_PROVISIONAL, 0, "2" },
    { "op-meena", NULL, NULL, NULL, 1u << EMITRA_RECEIPT_STATUS_PROVISIONAL, 0, "" },
    { "op-meena", NULL, NULL, NULL, 0, 1, "3" },
    { "op-arjun", NULL, NULL, NULL, 0, 1, "2" },
  };

  append_three (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EmitraReceiptQuery query = {
        .text = cases[i].text, .from_day = cases[i].from_day, .to_day = cases[i].to_day,
        .operator_id = cases[i].operator_id, .status_mask = cases[i].status_mask, .limit = cases[i].limit,
      };
      g_autofree char *numbers = found_numbers (f, &query);

      g_test_message ("case %u: %s %s", i, cases[i].operator_id, cases[i].text);
      g_assert_cmpstr (numbers, ==, cases[i].expected);
    }
}

/* A receipt as someone with the database file might change it. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  sqlite3 *raw = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  if (sqlite3_exec (raw, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (raw);
}

static void
test_store_verify_intact (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(EmitraChainReport) report = NULL;
  g_autoptr(EmitraReceipt) confirmed = NULL;
  g_autoptr(GError) error = NULL;

  report = emitra_receipt_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
  g_clear_pointer (&report, emitra_chain_report_free);

  append_three (f);
  confirmed = emitra_receipt_store_add_event (f->store, 2, EMITRA_RECEIPT_STATUS_CONFIRMED,
                                              "100000000002", NULL, &error);
  g_assert_no_error (error);

  report = emitra_receipt_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
  g_assert_cmpint (report->receipts_checked, ==, 3);
  /* Issuing records no event: the one change is the only one. */
  g_assert_cmpint (report->events_checked, ==, 1);
}

typedef struct
{
  const char       *sql;
  EmitraChainBreak  result;
  gint64            receipt_no;
} TamperCase;

static const TamperCase tamper_cases[] = {
  /* The amount of one receipt changed. */
  { "UPDATE receipts SET total = total - 1000, service_charge = service_charge - 1000 WHERE receipt_no = 2",
    EMITRA_CHAIN_RECEIPT_ALTERED, 2 },
  { "UPDATE receipts SET citizen_name = 'Someone Else' WHERE receipt_no = 3",
    EMITRA_CHAIN_RECEIPT_ALTERED, 3 },
  /* Receipt 2 replaced by a wholly new one with a hash of its own. */
  { "UPDATE receipts SET hash = 'f00d' || substr (hash, 5) WHERE receipt_no = 2",
    EMITRA_CHAIN_RECEIPT_ALTERED, 2 },
  { "PRAGMA foreign_keys = OFF; DELETE FROM receipts WHERE receipt_no = 2",
    EMITRA_CHAIN_RECEIPT_MISSING, 2 },
  /* The status a receipt was issued with is part of its hash. */
  { "UPDATE receipts SET status = 'confirmed' WHERE receipt_no = 2",
    EMITRA_CHAIN_RECEIPT_ALTERED, 2 },
  { "UPDATE receipts SET status = NULL WHERE receipt_no = 1",
    EMITRA_CHAIN_RECEIPT_ALTERED, 1 },
  /* Event 1 confirms receipt 2, event 2 cancels receipt 3. */
  { "UPDATE receipt_events SET reason = 'hidden' WHERE id = 1",
    EMITRA_CHAIN_EVENT_ALTERED, 2 },
  { "DELETE FROM receipt_events WHERE id = 2",
    EMITRA_CHAIN_STATUS_MISMATCH, 3 },
  { "DELETE FROM receipt_events WHERE id = 1",
    EMITRA_CHAIN_EVENT_UNLINKED, 3 },
  { "UPDATE receipt_status SET status = 'cancelled' WHERE receipt_id = 2",
    EMITRA_CHAIN_STATUS_MISMATCH, 2 },
  /* A receipt never changed, quietly given a status of its own. */
  { "INSERT INTO receipt_status (receipt_id, status, updated_at) VALUES (1, 'cancelled', 0)",
    EMITRA_CHAIN_STATUS_MISMATCH, 1 },
};

static void
test_store_verify_names_tampering (Fixture       *f,
                                   gconstpointer  data)
{
  const TamperCase *c = data;
  g_autoptr(EmitraChainReport) report = NULL;
  g_autoptr(EmitraReceipt) confirmed = NULL;
  g_autoptr(EmitraReceipt) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  append_three (f);
  confirmed = emitra_receipt_store_add_event (f->store, 2, EMITRA_RECEIPT_STATUS_CONFIRMED,
                                              "100000000002", NULL, &error);
  g_assert_no_error (error);
  cancelled = emitra_receipt_store_add_event (f->store, 3, EMITRA_RECEIPT_STATUS_CANCELLED,
                                              NULL, "Citizen asked for a refund", &error);
  g_assert_no_error (error);

  tamper (f, c->sql);

  report = emitra_receipt_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report->message);
  g_assert_cmpint (report->result, ==, c->result);
  g_assert_cmpint (report->receipt_no, ==, c->receipt_no);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, c->receipt_no);
  g_assert_nonnull (strstr (report->message, number));
}

/* An attacker who recomputes the altered receipt's own hash still breaks
 * the link to the receipt after it, and that is the link named. */
static void
test_store_verify_names_relinked_receipt (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(EmitraReceipt) forged = NULL;
  g_autoptr(EmitraChainReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;
  TestReceipt changed = three_receipts[1];

  append_three (f);
  receipt = emitra_receipt_store_get (f->store, 2, &error);
  g_assert_no_error (error);

  /* Build receipt 2 as it would be with a smaller charge, and its hash. */
  changed.charge = 1000;
  changed.request_id = "req-forged";
  {
    g_autoptr(EmitraReceiptStore) scratch_store = NULL;
    g_autoptr(EmitraDatabase) scratch = NULL;
    g_autofree char *scratch_path = g_build_filename (g_get_user_data_dir (), "scratch.db", NULL);

    scratch = emitra_desk_database_open (scratch_path, &error);
    g_assert_no_error (error);
    scratch_store = emitra_receipt_store_new (scratch);
    g_object_unref (test_append (scratch_store, &three_receipts[0]));
    forged = test_append (scratch_store, &changed);
  }
  hash = emitra_receipt_compute_hash (forged, emitra_receipt_get_prev_hash (receipt));
  sql = g_strdup_printf ("UPDATE receipts SET service_charge = 1000, total = 1000, cash_received = 1000,"
                         " request_id = 'req-forged', hash = '%s' WHERE receipt_no = 2", hash);
  tamper (f, sql);

  report = emitra_receipt_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report->message);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_RECEIPT_UNLINKED);
  g_assert_cmpint (report->receipt_no, ==, 3);
}

static void
on_appended_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  EmitraReceipt **out = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (EMITRA_IS_RECEIPT_STORE (source));
  *out = emitra_receipt_store_append_finish (EMITRA_RECEIPT_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_searched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = emitra_receipt_store_search_finish (EMITRA_RECEIPT_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_verified_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  EmitraChainReport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = emitra_receipt_store_verify_finish (EMITRA_RECEIPT_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_store_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(EmitraReceipt) input = test_receipt_new (&three_receipts[0]);
  g_autoptr(EmitraReceipt) stored = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(EmitraChainReport) report = NULL;
  char *text = g_strdup ("सुनीता");
  EmitraReceiptQuery query = { .text = text };

  emitra_receipt_store_append_async (f->store, input, NULL, on_appended_cb, &stored);
  while (stored == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (emitra_receipt_get_receipt_no (stored), ==, 1);

  emitra_receipt_store_search_async (f->store, &query, NULL, on_searched_cb, &found);
  g_free (text);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (found->len, ==, 1);

  emitra_receipt_store_verify_async (f->store, NULL, on_verified_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
}

/* A desk that issued receipts before the issued status was part of the
 * receipt (format 1: every receipt's first status was an event) upgrades
 * in place: its chain still verifies, new receipts chain on to it, and
 * lists, history and the day's report read both kinds alike. */
static const TestReceipt after_upgrade[] = {
  { "new-4", NULL, NULL, NULL, NULL, "Geeta Kumari", "9414012347", 4000, 5000, NULL, NULL,
    EMITRA_RECEIPT_STATUS_PROVISIONAL, "2026-11-27 18:00" },
  { "new-5", "100000000105", NULL, NULL, NULL, "Mohan Lal", "9414012348", 0, 3000, NULL, NULL,
    EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-27 19:00" },
};

/* The fixture, but its database is one the previous desk left (format 1),
 * opened, and so upgraded, by this one. */
static void
format1_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("EMITRA_SOURCE_ROOT"), "tests", "core", "data",
                                               "desk-format1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;

  f->path = test_desk_db_path ();
  folder = g_path_get_dirname (f->path);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  f->db = emitra_desk_database_open (f->path, &error);
  g_assert_no_error (error);
  f->store = emitra_receipt_store_new (f->db);
}

static void
test_store_upgrades_format1 (Fixture       *f,
                             gconstpointer  data)
{
  EmitraReceiptStore *store = f->store;
  EmitraDatabase *db = f->db;
  g_autoptr(EmitraChainReport) report = NULL;
  g_autoptr(EmitraReceipt) old_third = NULL;
  g_autoptr(EmitraReceipt) fourth = NULL;
  g_autoptr(EmitraReceipt) cancelled = NULL;
  g_autoptr(GPtrArray) old_history = NULL;
  g_autoptr(GPtrArray) new_history = NULL;
  g_autoptr(GPtrArray) confirmed = NULL;
  g_autoptr(EmitraReport) day = NULL;
  g_autoptr(GError) error = NULL;
  EmitraReceiptQuery query = { .from_day = "2026-11-27", .to_day = "2026-11-27",
                               .status_mask = 1u << EMITRA_RECEIPT_STATUS_CONFIRMED };

  g_assert_cmpint (emitra_database_get_version (db), ==, 3);
  report = emitra_receipt_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
  g_assert_cmpint (report->receipts_checked, ==, 3);
  g_assert_cmpint (report->events_checked, ==, 5);
  g_clear_pointer (&report, emitra_chain_report_free);

  old_third = emitra_receipt_store_get (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_status (old_third), ==, EMITRA_RECEIPT_STATUS_REJECTED);
  g_assert_cmpstr (emitra_receipt_get_status_reason (old_third), ==, "Applicant not found in Jan Aadhaar");

  fourth = test_append (store, &after_upgrade[0]);
  g_object_unref (test_append (store, &after_upgrade[1]));
  g_assert_cmpint (emitra_receipt_get_receipt_no (fourth), ==, 4);
  g_assert_cmpstr (emitra_receipt_get_prev_hash (fourth), ==, emitra_receipt_get_hash (old_third));
  cancelled = emitra_receipt_store_add_event (store, 1, EMITRA_RECEIPT_STATUS_CANCELLED, NULL,
                                              "Citizen asked for a refund", &error);
  g_assert_no_error (error);

  report = emitra_receipt_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
  g_assert_cmpint (report->receipts_checked, ==, 5);
  g_assert_cmpint (report->events_checked, ==, 6);

  /* Both histories start with the status the receipt was issued with. */
  old_history = emitra_receipt_store_list_events (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old_history->len, ==, 2);
  g_assert_cmpint (((EmitraReceiptEvent *) old_history->pdata[0])->status, ==, EMITRA_RECEIPT_STATUS_PROVISIONAL);
  g_assert_cmpint (((EmitraReceiptEvent *) old_history->pdata[1])->status, ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  new_history = emitra_receipt_store_list_events (store, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (new_history->len, ==, 1);
  g_assert_cmpint (((EmitraReceiptEvent *) new_history->pdata[0])->status, ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpint (((EmitraReceiptEvent *) new_history->pdata[0])->at, ==, test_local_time ("2026-11-27 19:00"));

  /* Receipt 2 (confirmed by an event) and 5 (issued confirmed). */
  confirmed = emitra_receipt_store_search (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (confirmed->len, ==, 2);
  g_assert_cmpint (emitra_receipt_get_receipt_no (confirmed->pdata[0]), ==, 2);
  g_assert_cmpint (emitra_receipt_get_receipt_no (confirmed->pdata[1]), ==, 5);

  day = emitra_report_compute (db, "2026-11-27", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_report_get_confirmed (day)->count, ==, 2);
  g_assert_cmpint (emitra_report_get_confirmed (day)->total, ==, 5000 + 3000);
  g_assert_cmpint (emitra_report_get_provisional (day)->count, ==, 1);
  g_assert_cmpint (emitra_report_get_rejected (day)->count, ==, 1);
  g_assert_cmpint (emitra_report_get_cancelled (day)->count, ==, 1);
  g_assert_cmpint (emitra_report_get_cancelled (day)->total, ==, 9000);
}

/* A format 1 receipt's first status is still protected by its event. */
static void
test_store_verify_names_format1_tampering (Fixture       *f,
                                           gconstpointer  data)
{
  EmitraReceiptStore *store = f->store;
  EmitraDatabase *db = f->db;
  g_autoptr(EmitraChainReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (emitra_database_exec (db, "UPDATE receipt_events SET status = 'confirmed' WHERE id = 3", &error));
  report = emitra_receipt_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_EVENT_ALTERED);
  g_assert_cmpint (report->receipt_no, ==, 3);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  test_use_india_time ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/receipt-store/sequence", test_store_appends_in_sequence);
  ADD ("/receipt-store/durable", test_store_is_durable_and_private);
  ADD ("/receipt-store/duplicate-request", test_store_refuses_duplicate_request);
  ADD ("/receipt-store/bad-content", test_store_refuses_bad_content);
  ADD ("/receipt-store/events", test_store_records_status_events);
  ADD ("/receipt-store/lookups", test_store_lookups);
  ADD ("/receipt-store/search-by-operator", test_store_search_by_operator);
  ADD ("/receipt-store/verify/intact", test_store_verify_intact);
  ADD ("/receipt-store/verify/relinked", test_store_verify_names_relinked_receipt);
  ADD ("/receipt-store/async", test_store_async);
  g_test_add ("/receipt-store/upgrade/format1", Fixture, NULL, format1_set_up,
              test_store_upgrades_format1, fixture_tear_down);
  g_test_add ("/receipt-store/upgrade/format1-tampered", Fixture, NULL, format1_set_up,
              test_store_verify_names_format1_tampering, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (tamper_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/receipt-store/verify/tamper/%u", i);

      g_test_add (path, Fixture, &tamper_cases[i], fixture_set_up,
                  test_store_verify_names_tampering, fixture_tear_down);
    }

  return g_test_run ();
}
