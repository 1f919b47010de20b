/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal-first submitter against a live sandbox: the desk's books
 * (receipts and outbox in desk.db) and the gateway's must agree after
 * every fault: one transaction at the gateway is one receipt at the desk.
 */
#include "config.h"

#include "client-sync.h"

#include <string.h>

#include "emitra-desk-schema.h"
#include "emitra-json.h"
#include "emitra-submitter.h"

typedef struct
{
  SandboxFixture      *sandbox;
  EmitraGatewayClient *client;
  EmitraDatabase      *database;
  EmitraReceiptStore  *receipts;
  EmitraOutbox        *outbox;
  EmitraSubmitter     *submitter;
  char                *service_id;
  gint64               fee;
  guint                settled;
} Desk;

static void
on_settled_cb (EmitraSubmitter *submitter, EmitraReceipt *receipt, int state, gpointer user_data)
{
  Desk *desk = user_data;
  desk->settled++;
}

static Desk *
desk_new (void)
{
  Desk *desk = g_new0 (Desk, 1);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "desk.db", NULL);
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;

  desk->sandbox = sandbox_start (NULL);
  desk->client = test_client_new (desk->sandbox);
  emitra_gateway_client_set_retry (desk->client, 2, 10);
  session = sync_sign_in (desk->client, "anil.kumawat", "demo123", "K11000142", &error);
  g_assert_no_error (error);

  desk->database = emitra_desk_database_open (path, &error);
  g_assert_no_error (error);
  desk->receipts = emitra_receipt_store_new (desk->database);
  desk->outbox = emitra_outbox_new (desk->database);
  desk->submitter = emitra_submitter_new (desk->receipts, desk->outbox, desk->client);
  g_signal_connect (desk->submitter, "settled", G_CALLBACK (on_settled_cb), desk);
  desk->service_id = sandbox_pick_fee_service (desk->sandbox, &desk->fee);
  return desk;
}

static void
desk_free (Desk *desk)
{
  g_clear_object (&desk->submitter);
  g_clear_object (&desk->outbox);
  g_clear_object (&desk->receipts);
  g_clear_object (&desk->database);
  g_clear_object (&desk->client);
  sandbox_stop (desk->sandbox);
  g_free (desk->service_id);
  g_free (desk);
}

/* A request as the application flow builds it: with a full Aadhaar typed
 * by hand, which must reach the gateway and never the disk. */
static JsonObject *
new_request (Desk *desk, char **out_request_id)
{
  g_autofree char *request_id = g_uuid_string_random ();
  JsonObject *request = json_object_new ();
  JsonObject *form = json_object_new ();

  json_object_set_string_member (form, "applicant_name_en", "Sunita Meena");
  json_object_set_string_member (form, "applicant_aadhaar", "234123412346");
  json_object_set_string_member (request, "request_id", request_id);
  json_object_set_string_member (request, "service_id", desk->service_id);
  json_object_set_object_member (request, "form", form);
  if (out_request_id != NULL)
    *out_request_id = g_strdup (request_id);
  return request;
}

static EmitraReceipt *
new_template (Desk *desk)
{
  return g_object_new (EMITRA_TYPE_RECEIPT,
                       "service-id", desk->service_id,
                       "service-name-en", "A service",
                       "service-name-hi", "एक सेवा",
                       "citizen-name", "सुनीता मीणा",
                       "aadhaar-masked", "XXXX XXXX 2346",
                       "mobile", "9000011101",
                       "department-fee", desk->fee,
                       "service-charge", (gint64) 5000,
                       "total", desk->fee + 5000,
                       "cash-received", desk->fee + 5000,
                       "operator-id", "OP-1001",
                       "operator-name", "Anil Kumawat",
                       "kiosk-code", "K11000142",
                       NULL);
}

static EmitraReceipt *
submit (Desk *desk, JsonObject *request, GError **error)
{
  g_autoptr(EmitraReceipt) template = new_template (desk);
  GAsyncResult *result = NULL;

  emitra_submitter_submit_async (desk->submitter, request, template, NULL, NULL, store_result_cb, &result);
  wait_for_result (&result);
  {
    EmitraReceipt *receipt = emitra_submitter_submit_finish (desk->submitter, result, error);
    g_object_unref (result);
    return receipt;
  }
}

static guint
drain (Desk *desk)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  guint settled;

  emitra_submitter_drain_async (desk->submitter, FALSE, NULL, store_result_cb, &result);
  wait_for_result (&result);
  settled = emitra_submitter_drain_finish (desk->submitter, result, &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return settled;
}

static guint
pending_count (Desk *desk)
{
  g_autoptr(GPtrArray) items = emitra_outbox_list_pending (desk->outbox, NULL, NULL);
  return items->len;
}

static gint64
receipt_count (Desk *desk)
{
  sqlite3_stmt *stmt = emitra_database_prepare (desk->database, "SELECT count(*) FROM receipts", NULL);
  gint64 n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
assert_no_full_aadhaar_on_disk (Desk *desk)
{
  g_autofree char *path = g_strdup (emitra_database_get_path (desk->database));
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (file, &contents, &length, NULL))
        continue;
      /* Not g_strstr_len(): it stops at the first NUL, and a database
       * file is full of them. */
      for (gsize at = 0; at + 12 <= length; at++)
        g_assert_false (memcmp (contents + at, "234123412346", 12) == 0);
    }
}

static void
test_submitter_confirms_online (void)
{
  Desk *desk = desk_new ();
  g_autoptr(JsonObject) request = new_request (desk, NULL);
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  receipt = submit (desk, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpstr (emitra_receipt_get_transaction_id (receipt), !=, NULL);
  g_assert_cmpint (emitra_receipt_get_department_fee (receipt), ==, desk->fee);
  g_assert_cmpint (sandbox_stat (desk->sandbox, "transactions"), ==, 1);
  g_assert_cmpint (receipt_count (desk), ==, 1);
  g_assert_cmpuint (pending_count (desk), ==, 0);

  /* The same draft submitted again (a double click) is the same receipt. */
  {
    g_autoptr(EmitraReceipt) again = submit (desk, request, &error);
    g_assert_no_error (error);
    g_assert_cmpint (emitra_receipt_get_receipt_no (again), ==, emitra_receipt_get_receipt_no (receipt));
  }
  g_assert_cmpint (sandbox_stat (desk->sandbox, "transactions"), ==, 1);
  g_assert_cmpint (receipt_count (desk), ==, 1);
  assert_no_full_aadhaar_on_disk (desk);
  desk_free (desk);
}

/* The double-charge trap: the gateway commits, then the reply is lost. */
static void
test_submitter_dropped_reply (void)
{
  Desk *desk = desk_new ();
  g_autoptr(JsonObject) request = new_request (desk, NULL);
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  sandbox_set_faults (desk->sandbox, "{\"drop_after_commit_next\": 1}");
  receipt = submit (desk, request, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sandbox_stat (desk->sandbox, "drops"), ==, 1);
  g_assert_cmpint (sandbox_stat (desk->sandbox, "transactions"), ==, 1);
  g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpint (receipt_count (desk), ==, 1);
  desk_free (desk);
}

/* Offline: a provisional receipt now, confirmed by the drain later, with
 * the same receipt number and still one transaction. */
static void
test_submitter_queues_offline (void)
{
  Desk *desk = desk_new ();
  g_autoptr(JsonObject) request = new_request (desk, NULL);
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(EmitraReceipt) later = NULL;
  g_autoptr(GError) error = NULL;

  sandbox_set_faults (desk->sandbox, "{\"fail_rate\": 1.0, \"fail_status\": 503}");
  receipt = submit (desk, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_PROVISIONAL);
  g_assert_cmpuint (pending_count (desk), ==, 1);
  g_assert_cmpint (sandbox_stat (desk->sandbox, "transactions"), ==, 0);

  /* Still failing: the drain keeps it, with its error. */
  g_assert_cmpuint (drain (desk), ==, 0);
  g_assert_cmpuint (pending_count (desk), ==, 1);

  sandbox_set_faults (desk->sandbox, "{}");
  g_assert_cmpuint (drain (desk), ==, 1);
  g_assert_cmpuint (desk->settled, ==, 1);
  g_assert_cmpuint (pending_count (desk), ==, 0);
  g_assert_cmpint (sandbox_stat (desk->sandbox, "transactions"), ==, 1);

  later = emitra_receipt_store_get (desk->receipts, emitra_receipt_get_receipt_no (receipt), &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_status (later), ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpint (receipt_count (desk), ==, 1);
  assert_no_full_aadhaar_on_disk (desk);
  desk_free (desk);
}

/* The gateway committed but the desk crashed before writing anything
 * but its journal: the drain finds the transaction by request ID and
 * issues the one receipt, without charging again. */
static EmitraTransaction *
sync_create_transaction (EmitraGatewayClient *client, JsonObject *request, GError **error)
{
  GAsyncResult *result = NULL;
  EmitraTransaction *transaction;

  emitra_gateway_client_create_transaction_async (client, request, NULL, store_result_cb, &result);
  wait_for_result (&result);
  transaction = emitra_gateway_client_create_transaction_finish (client, result, error);
  g_object_unref (result);
  return transaction;
}

static void
test_submitter_recovers_after_crash (void)
{
  Desk *desk = desk_new ();
  g_autoptr(JsonObject) request = new_request (desk, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) masked = emitra_submitter_mask_request (request);
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autofree char *record = NULL;
  g_autoptr(EmitraReceipt) template = new_template (desk);

  /* The journal entry, as step 1 writes it. */
  {
    g_autoptr(JsonObject) outer = json_object_new ();
    JsonObject *receipt = json_object_new ();

    json_object_set_string_member (receipt, "citizen-name", "सुनीता मीणा");
    json_object_set_string_member (receipt, "service-id", desk->service_id);
    json_object_set_string_member (receipt, "service-name-en", "A service");
    json_object_set_string_member (receipt, "service-name-hi", "एक सेवा");
    json_object_set_string_member (receipt, "operator-id", "OP-1001");
    json_object_set_string_member (receipt, "operator-name", "Anil Kumawat");
    json_object_set_string_member (receipt, "kiosk-code", "K11000142");
    json_object_set_int_member (receipt, "cash-received", desk->fee + 5000);
    json_object_set_object_member (outer, "request", json_object_ref (masked));
    json_object_set_object_member (outer, "receipt", receipt);
    record = emitra_json_object_to_string (outer);
  }
  g_assert_true (emitra_outbox_enqueue (desk->outbox, json_object_get_string_member (request, "request_id"),
                                        desk->service_id, record, NULL, g_get_real_time () / G_USEC_PER_SEC,
                                        &error));
  g_assert_no_error (error);
  /* ...and the gateway committed it, but the desk never heard. */
  transaction = sync_create_transaction (desk->client, request, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (drain (desk), ==, 1);
  g_assert_cmpint (receipt_count (desk), ==, 1);
  g_assert_cmpint (sandbox_stat (desk->sandbox, "transactions"), ==, 1);
  {
    g_autoptr(EmitraReceipt) receipt = emitra_receipt_store_get_by_transaction_id (
      desk->receipts, emitra_transaction_get_transaction_id (transaction), &error);
    g_assert_no_error (error);
    g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
    g_assert_cmpint (emitra_receipt_get_total (receipt), ==, desk->fee + 5000);
  }
  desk_free (desk);
}

/* An empty wallet: nothing charged, no receipt, the error for the form;
 * after a top-up the same request ID goes through. */
static void
test_submitter_refusal_then_retry (void)
{
  Desk *desk = desk_new ();
  g_autoptr(JsonObject) request = new_request (desk, NULL);
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  sandbox_set_balance (desk->sandbox, 0);
  receipt = submit (desk, request, &error);
  g_assert_null (receipt);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_INSUFFICIENT_BALANCE);
  g_clear_error (&error);
  g_assert_cmpint (receipt_count (desk), ==, 0);
  g_assert_cmpuint (pending_count (desk), ==, 0);

  sandbox_set_balance (desk->sandbox, 5000000);
  receipt = submit (desk, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpint (sandbox_stat (desk->sandbox, "transactions"), ==, 1);
  desk_free (desk);
}

/* Cancelling a queued submission that never reached the gateway. */
static void
test_submitter_cancel (void)
{
  Desk *desk = desk_new ();
  g_autofree char *request_id = NULL;
  g_autoptr(JsonObject) request = new_request (desk, &request_id);
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(EmitraReceipt) after = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  sandbox_set_faults (desk->sandbox, "{\"fail_rate\": 1.0, \"fail_status\": 503, \"path_prefix\": \"/v1/transactions\"}");
  receipt = submit (desk, request, &error);
  g_assert_no_error (error);
  sandbox_set_faults (desk->sandbox, "{}");

  emitra_submitter_cancel_async (desk->submitter, request_id, NULL, store_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (emitra_submitter_cancel_finish (desk->submitter, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);

  after = emitra_receipt_store_get (desk->receipts, emitra_receipt_get_receipt_no (receipt), &error);
  g_assert_cmpint (emitra_receipt_get_status (after), ==, EMITRA_RECEIPT_STATUS_CANCELLED);
  g_assert_cmpuint (pending_count (desk), ==, 0);
  g_assert_cmpint (sandbox_stat (desk->sandbox, "transactions"), ==, 0);
  desk_free (desk);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/submitter/confirms-online", test_submitter_confirms_online);
  g_test_add_func ("/submitter/dropped-reply", test_submitter_dropped_reply);
  g_test_add_func ("/submitter/queues-offline", test_submitter_queues_offline);
  g_test_add_func ("/submitter/recovers-after-crash", test_submitter_recovers_after_crash);
  g_test_add_func ("/submitter/refusal-then-retry", test_submitter_refusal_then_retry);
  g_test_add_func ("/submitter/cancel", test_submitter_cancel);

  return g_test_run ();
}
