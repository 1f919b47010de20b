/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile text in every place an operator (or a pasted page, or a broken
 * record) can put it: quotes, SQL fragments, 10,000 characters, control
 * characters, mixed scripts, bytes that are not UTF-8. Through the draft
 * store, the receipt store (the citizen's name), the receipt search and
 * the catalog search, and through a form's fields. What must hold: the
 * tables are intact afterwards, a value comes back exactly as written or
 * is refused with a message, and lengths are counted in characters.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "catalog-test-util.h"
#include "emitra-desk-schema.h"
#include "emitra-draft-store.h"
#include "emitra-form-schema.h"
#include "emitra-json.h"
#include "emitra-search.h"
#include "emitra-submitter.h"
#include "receipt-test-util.h"

typedef struct
{
  const char *name;
  char       *text;
} Hostile;

static GPtrArray *
hostile_texts (void)
{
  GPtrArray *texts = g_ptr_array_new ();
  static const struct { const char *name; const char *text; } fixed[] = {
    { "quotes", "O'Brien \"Bobby\" `x` \\'" },
    { "sql-drop", "'); DROP TABLE receipts;--" },
    { "sql-delete", "x' OR '1'='1'; DELETE FROM drafts; --" },
    { "sql-comment", "Sunita /* */ -- ; PRAGMA writable_schema=1;" },
    { "like-wildcards", "%_%\\%" },
    { "control", "Ram\x01\x02\x1b[31m\x7f Lal\r\n\t" },
    { "mixed-scripts", "सुनीता Sunita سنیتا 孫 Σ ௐ \u202eevil\u202c \u200d\u200c" },
    { "emoji", "😀👍🏽 नमस्ते" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      Hostile *h = g_new0 (Hostile, 1);

      h->name = fixed[i].name;
      h->text = g_strdup (fixed[i].text);
      g_ptr_array_add (texts, h);
    }

  {
    Hostile *latin = g_new0 (Hostile, 1);
    Hostile *devanagari = g_new0 (Hostile, 1);
    GString *hindi = g_string_new (NULL);

    latin->name = "10000-latin";
    latin->text = g_strnfill (10000, 'a');
    devanagari->name = "10000-devanagari";
    for (guint i = 0; i < 10000; i++)
      g_string_append (hindi, "क");
    devanagari->text = g_string_free (hindi, FALSE);
    g_ptr_array_add (texts, latin);
    g_ptr_array_add (texts, devanagari);
  }
  return texts;
}

static void
hostile_free (gpointer data)
{
  Hostile *h = data;

  g_free (h->text);
  g_free (h);
}

/* What a raw look at the file says: every table of the schema still there,
 * the integrity check clean, and how many rows @table holds. */
static gint64
check_intact (const char *path,
              const char *table)
{
  static const char * const tables[] = { "receipts", "receipt_events", "receipt_status", "outbox", "drafts",
                                         "service_usage" };
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 rows = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  if (table != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

      g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      rows = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (raw);
  return rows;
}

static void
on_result_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static const char *const form_json =
  "{ \"fields\": ["
  "  { \"id\": \"name\", \"type\": \"name\", \"label_en\": \"Name\", \"label_hi\": \"नाम\", \"required\": true,"
  "    \"max_length\": 80 },"
  "  { \"id\": \"remarks\", \"type\": \"text\", \"label_en\": \"Remarks\", \"label_hi\": \"टिप्पणी\", \"max_length\": 200 }"
  "] }";

static EmitraFormSchema *
test_schema (void)
{
  g_autoptr(GError) error = NULL;
  EmitraFormSchema *schema = emitra_form_schema_new_from_data (form_json, NULL, &error);

  g_assert_no_error (error);
  return schema;
}

/* Every hostile text saved into a draft (as a value and as the citizen's
 * name) comes back byte for byte; bytes that are not UTF-8 come back as
 * U+FFFD instead of making the draft unreadable. */
static void
test_drafts (void)
{
  g_autofree char *path = test_desk_db_path ();
  g_autoptr(GPtrArray) texts = hostile_texts ();
  g_autoptr(EmitraFormSchema) schema = test_schema ();
  g_autoptr(EmitraDatabase) db = NULL;
  g_autoptr(EmitraDraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Hostile broken = { "not-utf8", (char *) "Ram \xff\xfe Lal \xe0\xa4" };

  g_ptr_array_set_free_func (texts, hostile_free);
  g_ptr_array_add (texts, &broken);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db = emitra_desk_database_open (path, &error);
  g_assert_no_error (error);
  store = emitra_draft_store_new (db);

  for (guint i = 0; i < texts->len; i++)
    {
      Hostile *h = g_ptr_array_index (texts, i);
      g_autoptr(EmitraDraft) draft = emitra_draft_new ("caste-certificate");
      g_autoptr(EmitraDraft) loaded = NULL;
      g_autoptr(GAsyncResult) saved = NULL;
      g_autoptr(GAsyncResult) read = NULL;
      gboolean utf8 = g_utf8_validate (h->text, -1, NULL);
      g_autofree char *expected = utf8 ? g_strdup (h->text) : g_utf8_make_valid (h->text, -1);

      g_test_message ("draft: %s", h->name);
      emitra_draft_set_citizen_name (draft, h->text);
      emitra_draft_set_value (draft, "remarks", h->text);
      emitra_draft_set_value (draft, h->name, h->text);
      emitra_draft_store_save_async (store, draft, schema, NULL, on_result_cb, &saved);
      g_assert_true (emitra_draft_store_save_finish (store, wait_for (&saved), &error));
      g_assert_no_error (error);

      emitra_draft_store_load_async (store, emitra_draft_get_id (draft), NULL, on_result_cb, &read);
      loaded = emitra_draft_store_load_finish (store, wait_for (&read), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (emitra_draft_get_citizen_name (loaded), ==, expected);
      g_assert_cmpstr (emitra_draft_get_value (loaded, "remarks"), ==, expected);
      g_assert_cmpstr (emitra_draft_get_value (loaded, h->name), ==, expected);
    }
  g_ptr_array_steal_index (texts, texts->len - 1);

  g_assert_cmpint (check_intact (path, "drafts"), ==, texts->len + 1);
}

/* A hostile citizen's name is kept exactly on a receipt and the chain
 * stays verifiable; one too long (in characters) or not UTF-8 is refused
 * with a message. Searching for any of them finds that receipt and only
 * it: LIKE's wildcards are literal. */
static void
test_receipts_and_search (void)
{
  g_autofree char *path = test_desk_db_path ();
  g_autoptr(GPtrArray) texts = hostile_texts ();
  g_autoptr(EmitraDatabase) db = NULL;
  g_autoptr(EmitraReceiptStore) store = NULL;
  g_autoptr(EmitraChainReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint kept = 0;

  g_ptr_array_set_free_func (texts, hostile_free);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db = emitra_desk_database_open (path, &error);
  g_assert_no_error (error);
  store = emitra_receipt_store_new (db);

  for (guint i = 0; i < texts->len; i++)
    {
      Hostile *h = g_ptr_array_index (texts, i);
      g_autofree char *request_id = g_strdup_printf ("hostile-request-%02u-0000000", i);
      TestReceipt t = { request_id, NULL, NULL, NULL, NULL, h->text, NULL, 0, 5000, NULL, NULL,
                        EMITRA_RECEIPT_STATUS_PROVISIONAL, NULL };
      g_autoptr(EmitraReceipt) input = test_receipt_new (&t);
      g_autoptr(EmitraReceipt) stored = emitra_receipt_store_append (store, input, &error);

      g_test_message ("receipt: %s", h->name);
      if (g_utf8_strlen (h->text, -1) > 300)
        {
          /* Refused, naming the limit in characters, not bytes. */
          g_assert_null (stored);
          g_assert_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "300 characters"));
          g_clear_error (&error);
          continue;
        }
      g_assert_no_error (error);
      kept++;
      g_clear_object (&stored);
      stored = emitra_receipt_store_get_by_request_id (store, request_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (emitra_receipt_get_citizen_name (stored), ==, h->text);
    }

  /* Not UTF-8: refused before it reaches the chain. */
  {
    TestReceipt t = { "hostile-request-not-utf8-0000", NULL, NULL, NULL, NULL, "Ram \xff Lal", NULL, 0, 5000,
                      NULL, NULL, EMITRA_RECEIPT_STATUS_PROVISIONAL, NULL };
    g_autoptr(EmitraReceipt) input = test_receipt_new (&t);
    g_autoptr(EmitraReceipt) stored = emitra_receipt_store_append (store, input, &error);

    g_assert_null (stored);
    g_assert_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* The search: every hostile query is just text. A kept name finds its
   * receipt (names match by their start); the rest find nothing. */
  for (guint i = 0; i < texts->len; i++)
    {
      Hostile *h = g_ptr_array_index (texts, i);
      EmitraReceiptQuery query = { h->text, NULL, NULL, NULL, 0, 0 };
      g_autoptr(GPtrArray) found = emitra_receipt_store_search (store, &query, &error);

      g_test_message ("search: %s", h->name);
      g_assert_no_error (error);
      g_assert_nonnull (found);
      if (g_utf8_strlen (h->text, -1) > 300)
        g_assert_cmpuint (found->len, ==, 0);
      else
        {
          g_assert_cmpuint (found->len, >=, 1);
          for (guint r = 0; r < found->len; r++)
            g_assert_true (g_str_has_prefix (emitra_receipt_get_citizen_name (g_ptr_array_index (found, r)),
                                             h->text));
        }
    }
  {
    /* A lone wildcard is a literal percent sign, not "everything". */
    EmitraReceiptQuery query = { "%", NULL, NULL, NULL, 0, 0 };
    g_autoptr(GPtrArray) found = emitra_receipt_store_search (store, &query, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (emitra_receipt_get_citizen_name (g_ptr_array_index (found, 0)), ==, "%_%\\%");
  }
  {
    EmitraReceiptQuery query = { "Ram \xff", NULL, NULL, NULL, 0, 0 };
    g_autoptr(GPtrArray) found = emitra_receipt_store_search (store, &query, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 0);
  }

  report = emitra_receipt_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
  g_assert_cmpint (report->receipts_checked, ==, kept);
  g_assert_cmpint (check_intact (path, "receipts"), ==, kept);
}

/* Through a form: each field's verdict is a value or a message naming the
 * field, and the limits are in characters (80 Devanagari letters are 240
 * bytes, and fit). */
static void
test_form_fields (void)
{
  g_autoptr(GPtrArray) texts = hostile_texts ();
  g_autoptr(EmitraFormSchema) schema = test_schema ();
  g_autoptr(GDate) today = g_date_new_dmy (28, G_DATE_NOVEMBER, 2026);
  GString *name80 = g_string_new (NULL);
  g_autofree char *name81 = NULL;

  g_ptr_array_set_free_func (texts, hostile_free);
  for (guint i = 0; i < texts->len; i++)
    {
      Hostile *h = g_ptr_array_index (texts, i);
      const char *fields[] = { "name", "remarks" };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *normalised = NULL;
          EmitraValidity validity = emitra_form_schema_validate_field (schema, fields[f], h->text, today,
                                                                       &normalised, &error);

          if (validity == EMITRA_VALIDITY_INVALID)
            {
              g_assert_nonnull (error);
              g_assert_true (g_str_has_prefix (error->message, f == 0 ? "Name: " : "Remarks: "));
            }
          else
            g_assert_cmpint (g_utf8_strlen (normalised, -1), <=, f == 0 ? 80 : 200);
        }
    }

  for (guint i = 0; i < 80; i++)
    g_string_append (name80, i % 2 == 0 ? "क" : "म");
  g_assert_cmpint (emitra_form_schema_validate_field (schema, "name", name80->str, today, NULL, NULL), ==,
                   EMITRA_VALIDITY_VALID);
  name81 = g_strconcat (name80->str, "र", NULL);
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (emitra_form_schema_validate_field (schema, "name", name81, today, NULL, &error), ==,
                     EMITRA_VALIDITY_INVALID);
    g_assert_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_LENGTH);
    g_assert_nonnull (strstr (error->message, "(now 81)"));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (emitra_form_schema_validate_field (schema, "remarks", "fine \xff", today, NULL, &error), ==,
                     EMITRA_VALIDITY_INVALID);
    g_assert_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHARACTERS);
  }
  g_string_free (name80, TRUE);
}

/* The catalog search takes anything typed into the search box. */
static void
test_catalog_search (void)
{
  g_autoptr(EmitraCatalog) catalog = catalog_test_load_bundled ();
  g_autoptr(EmitraSearch) search = emitra_search_new (catalog);
  g_autoptr(GPtrArray) texts = hostile_texts ();

  g_ptr_array_set_free_func (texts, hostile_free);
  for (guint i = 0; i < texts->len; i++)
    {
      Hostile *h = g_ptr_array_index (texts, i);
      g_autoptr(GPtrArray) results = emitra_search_query (search, h->text, NULL, NULL);

      g_test_message ("catalog search: %s", h->name);
      g_assert_nonnull (results);
    }
  {
    /* Still finds what it should afterwards. */
    g_autoptr(GPtrArray) results = emitra_search_query (search, "jati", NULL, NULL);

    g_assert_cmpuint (results->len, >, 0);
  }
}

/* The outbox's copy of a request: an Aadhaar number typed into free text
 * is masked like one in an Aadhaar field (the privacy test found it kept
 * whole), while a bill's number that happens to pass the Aadhaar checks
 * is kept, or the queued payment would go to no bill. So are the desk's
 * and the gateway's own IDs: this request ID's middle groups are
 * 3362 4432 9653, which passes the checks, and masking it made the
 * outbox's resend a malformed request (the fault matrix found it). */
static void
test_outbox_copy_masks_free_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) request = emitra_json_parse_object (
    "{\"request_id\": \"c0a2e4eb-3362-4432-9653-ec58218b6002\", \"service_id\": \"electricity-bill-jvvnl\","
    " \"documents\": [\"doc-3362-4432-9653\"],"
    " \"consumer_number\": \"234123412346\","
    " \"form\": {\"purpose\": \"Scholarship; Aadhaar २३४१ २३४१ २३४६ and 9999-4105-7058\","
    "          \"aadhaar\": \"234123412346\", \"k_number\": \"234123412346\","
    "          \"remarks\": [\"999971658847\", \"mobile 9876543210\"]}}", -1, 0, &error);
  g_autoptr(JsonObject) masked = NULL;
  g_autofree char *text = NULL;
  JsonObject *form;

  g_assert_no_error (error);
  masked = emitra_submitter_mask_request (request);
  text = emitra_json_object_to_string (masked);
  g_test_message ("%s", text);
  form = json_object_get_object_member (masked, "form");
  g_assert_cmpstr (json_object_get_string_member (form, "purpose"), ==,
                   "Scholarship; Aadhaar XXXX XXXX 2346 and XXXX XXXX 7058");
  g_assert_cmpstr (json_object_get_string_member (form, "aadhaar"), ==, "XXXX XXXX 2346");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (form, "remarks"), 0), ==,
                   "XXXX XXXX 8847");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (form, "remarks"), 1), ==,
                   "mobile 9876543210");
  g_assert_cmpstr (json_object_get_string_member (form, "k_number"), ==, "234123412346");
  g_assert_cmpstr (json_object_get_string_member (masked, "consumer_number"), ==, "234123412346");
  g_assert_cmpstr (json_object_get_string_member (masked, "request_id"), ==, "c0a2e4eb-3362-4432-9653-ec58218b6002");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (masked, "documents"), 0), ==,
                   "doc-3362-4432-9653");
  /* The request itself, which goes to the gateway, is untouched. */
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (request, "form"),
                                                           "purpose"), "२३४१"));
}

int
main (int   argc,
      char *argv[])
{
  test_use_india_time ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile-input/drafts", test_drafts);
  g_test_add_func ("/hostile-input/receipts-and-search", test_receipts_and_search);
  g_test_add_func ("/hostile-input/form-fields", test_form_fields);
  g_test_add_func ("/hostile-input/catalog-search", test_catalog_search);
  g_test_add_func ("/hostile-input/outbox-copy-masks-free-text", test_outbox_copy_masks_free_text);

  return g_test_run ();
}
