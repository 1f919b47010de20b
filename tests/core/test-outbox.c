/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-json.h"
#include "emitra-outbox.h"
#include "receipt-test-util.h"

#define NOW ((gint64) 1795000000)

typedef struct
{
  char               *path;
  EmitraDatabase     *db;
  EmitraReceiptStore *store;
  EmitraOutbox       *outbox;
} Fixture;

static void
open_all (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->db = emitra_desk_database_open (f->path, &error);
  g_assert_no_error (error);
  f->store = emitra_receipt_store_new (f->db);
  f->outbox = emitra_outbox_new (f->db);
}

static void
close_all (Fixture *f)
{
  g_clear_object (&f->outbox);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->path = test_desk_db_path ();
  open_all (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_all (f);
  g_free (f->path);
}

static void
test_outbox_backoff (void)
{
  static const struct { guint attempts; gint64 low; gint64 high; } cases[] = {
    { 1, 7, 15 },
    { 2, 15, 30 },
    { 3, 30, 60 },
    { 6, 240, 480 },
    { 7, 450, 900 },      /* 960 s would be past the 15-minute cap */
    { 30, 450, 900 },
    { G_MAXUINT, 450, 900 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (emitra_outbox_backoff_seconds (cases[i].attempts, 0.0), ==, cases[i].low);
      g_assert_cmpint (emitra_outbox_backoff_seconds (cases[i].attempts, 0.999999), <=, cases[i].high);
      g_assert_cmpint (emitra_outbox_backoff_seconds (cases[i].attempts, 0.999999), >=, cases[i].high - 1);
      for (guint j = 0; j < 50; j++)
        {
          gint64 delay = emitra_outbox_backoff_seconds (cases[i].attempts, g_random_double ());

          g_assert_cmpint (delay, >=, cases[i].low);
          g_assert_cmpint (delay, <=, cases[i].high);
        }
    }
}

static EmitraOutboxItem *
get_item (Fixture    *f,
          const char *request_id)
{
  g_autoptr(GError) error = NULL;
  EmitraOutboxItem *item = emitra_outbox_get (f->outbox, request_id, &error);

  g_assert_no_error (error);
  return item;
}

static void
test_outbox_retries_with_backoff (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(EmitraOutboxItem) item = NULL;
  gint64 next;

  g_assert_true (emitra_outbox_enqueue (f->outbox, "req-1", "caste-certificate",
                                        "{\"applicant\": {\"name\": \"Ram\", \"aadhaar\": \"XXXX XXXX 2346\"}}",
                                        "draft-1", NOW, &error));
  g_assert_no_error (error);

  due = emitra_outbox_list_due (f->outbox, NOW, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* The gateway could not be reached: the item waits 7-15 s. */
  g_assert_true (emitra_outbox_record_attempt (f->outbox, "req-1", "The gateway did not answer.", NOW, &error));
  item = get_item (f, "req-1");
  g_assert_cmpuint (emitra_outbox_item_get_attempts (item), ==, 1);
  g_assert_cmpstr (emitra_outbox_item_get_last_error (item), ==, "The gateway did not answer.");
  g_assert_cmpstr (emitra_outbox_item_get_draft_id (item), ==, "draft-1");
  next = emitra_outbox_item_get_next_attempt_at (item);
  g_assert_cmpint (next, >=, NOW + 7);
  g_assert_cmpint (next, <=, NOW + 15);

  due = emitra_outbox_list_due (f->outbox, NOW + 6, &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = emitra_outbox_list_due (f->outbox, next, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* The second failure waits longer. */
  g_assert_true (emitra_outbox_record_attempt (f->outbox, "req-1", "Still down.", next, &error));
  g_clear_object (&item);
  item = get_item (f, "req-1");
  g_assert_cmpuint (emitra_outbox_item_get_attempts (item), ==, 2);
  g_assert_cmpint (emitra_outbox_item_get_next_attempt_at (item), >=, next + 15);

  /* The operator's "Retry now" makes it due at once. */
  g_assert_true (emitra_outbox_retry_now (f->outbox, "req-1", next + 1, &error));
  due = emitra_outbox_list_due (f->outbox, next + 1, &error);
  g_assert_cmpuint (due->len, ==, 1);

  /* It survives a restart, attempts and all. */
  close_all (f);
  open_all (f);
  pending = emitra_outbox_list_pending (f->outbox, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpuint (emitra_outbox_item_get_attempts (g_ptr_array_index (pending, 0)), ==, 2);
  g_assert_cmpstr (emitra_outbox_item_get_last_error (g_ptr_array_index (pending, 0)), ==, "Still down.");

  g_assert_false (emitra_outbox_record_attempt (f->outbox, "req-unknown", "x", NOW, &error));
  g_assert_error (error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_NOT_FOUND);
}

static void
test_outbox_refuses (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *json; int code; } cases[] = {
    { "{\"applicant\": {\"aadhaar\": \"2341 2341 2346\"}}", EMITRA_OUTBOX_ERROR_UNMASKED_AADHAAR },
    { "{\"aadhaar_number\": 234123412346}", EMITRA_OUTBOX_ERROR_UNMASKED_AADHAAR },
    { "{\"members\": [{\"Aadhar\": \"२३४१२३४१२३४६\"}]}", EMITRA_OUTBOX_ERROR_UNMASKED_AADHAAR },
    { "{\"uid\": \"234123412346\"}", EMITRA_OUTBOX_ERROR_UNMASKED_AADHAAR },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (emitra_outbox_enqueue (f->outbox, "req-x", "s", cases[i].json, NULL, NOW, &error));
      g_assert_error (error, EMITRA_OUTBOX_ERROR, cases[i].code);
      g_clear_error (&error);
    }

  g_assert_false (emitra_outbox_enqueue (f->outbox, "req-x", "s", "not json", NULL, NOW, &error));
  g_assert_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID);
  g_clear_error (&error);

  /* A Jan Aadhaar ID and a masked Aadhaar travel; a request goes in once. */
  g_assert_true (emitra_outbox_enqueue (f->outbox, "req-x", "s",
                                        "{\"jan_aadhaar_id\": \"1234567890\", \"aadhaar\": \"XXXX XXXX 2346\"}",
                                        NULL, NOW, &error));
  g_assert_no_error (error);
  g_assert_false (emitra_outbox_enqueue (f->outbox, "req-x", "s", "{}", NULL, NOW, &error));
  g_assert_error (error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_DUPLICATE);
}

static const TestReceipt provisional = {
  "req-p", NULL, NULL, NULL, NULL, "सुनीता देवी", NULL, 4000, 5000, NULL, NULL,
  EMITRA_RECEIPT_STATUS_PROVISIONAL, "2026-11-28 10:15"
};

static void
test_outbox_settles_receipt (Fixture       *f,
                             gconstpointer  data)
{
  static const struct {
    EmitraOutboxState   state;
    const char         *transaction_id;
    const char         *reason;
    EmitraReceiptStatus status;
  } cases[] = {
    { EMITRA_OUTBOX_STATE_CONFIRMED, "100000000077", NULL, EMITRA_RECEIPT_STATUS_CONFIRMED },
    { EMITRA_OUTBOX_STATE_REJECTED, NULL, "Applicant not found in Jan Aadhaar", EMITRA_RECEIPT_STATUS_REJECTED },
    { EMITRA_OUTBOX_STATE_CANCELLED, NULL, "Cancelled by the operator", EMITRA_RECEIPT_STATUS_CANCELLED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EmitraReceipt) input = NULL;
      g_autoptr(EmitraReceipt) stored = NULL;
      g_autoptr(EmitraReceipt) settled = NULL;
      g_autoptr(EmitraReceipt) again = NULL;
      g_autoptr(EmitraReceipt) reread = NULL;
      g_autoptr(EmitraOutboxItem) item = NULL;
      g_autoptr(GPtrArray) pending = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *request_id = g_strdup_printf ("req-p%u", i);
      TestReceipt t = provisional;

      t.request_id = request_id;
      input = test_receipt_new (&t);
      stored = emitra_outbox_enqueue_with_receipt (f->outbox, f->store, "{\"name\": \"सुनीता देवी\"}",
                                                   NULL, input, &error);
      g_assert_no_error (error);
      g_assert_cmpint (emitra_receipt_get_status (stored), ==, EMITRA_RECEIPT_STATUS_PROVISIONAL);

      pending = emitra_outbox_list_pending (f->outbox, NULL, &error);
      g_assert_cmpuint (pending->len, ==, 1);
      g_assert_cmpint (emitra_outbox_item_get_receipt_no (g_ptr_array_index (pending, 0)), ==,
                       emitra_receipt_get_receipt_no (stored));
      g_assert_cmpstr (emitra_outbox_item_get_citizen_name (g_ptr_array_index (pending, 0)), ==, "सुनीता देवी");
      g_assert_cmpint (emitra_outbox_item_get_total (g_ptr_array_index (pending, 0)), ==, 9000);
      g_clear_pointer (&pending, g_ptr_array_unref);

      g_assert_true (emitra_outbox_settle (f->outbox, f->store, request_id, cases[i].state,
                                           cases[i].transaction_id, cases[i].reason, NOW,
                                           &settled, &error));
      g_assert_no_error (error);
      g_assert_cmpint (emitra_receipt_get_status (settled), ==, cases[i].status);

      /* Heard twice: no error, no second event. */
      g_assert_true (emitra_outbox_settle (f->outbox, f->store, request_id, cases[i].state,
                                           cases[i].transaction_id, cases[i].reason, NOW,
                                           &again, &error));
      g_assert_no_error (error);

      /* A contradicting answer afterwards changes nothing. */
      g_assert_false (emitra_outbox_settle (f->outbox, f->store, request_id,
                                            cases[i].state == EMITRA_OUTBOX_STATE_CONFIRMED
                                            ? EMITRA_OUTBOX_STATE_REJECTED : EMITRA_OUTBOX_STATE_CONFIRMED,
                                            "1", "late", NOW, NULL, &error));
      g_assert_error (error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_NOT_PENDING);
      g_clear_error (&error);

      reread = emitra_receipt_store_get_by_request_id (f->store, request_id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (emitra_receipt_get_status (reread), ==, cases[i].status);
      if (cases[i].transaction_id != NULL)
        g_assert_cmpstr (emitra_receipt_get_transaction_id (reread), ==, cases[i].transaction_id);
      if (cases[i].reason != NULL)
        g_assert_cmpstr (emitra_receipt_get_status_reason (reread), ==, cases[i].reason);

      item = get_item (f, request_id);
      g_assert_cmpint (emitra_outbox_item_get_state (item), ==, cases[i].state);
      pending = emitra_outbox_list_pending (f->outbox, NULL, &error);
      g_assert_cmpuint (pending->len, ==, 0);
    }

  {
    g_autoptr(EmitraChainReport) report = emitra_receipt_store_verify (f->store, NULL);

    g_assert_cmpint (report->result, ==, EMITRA_CHAIN_INTACT);
    /* Issuing records no event; each settlement is one. */
    g_assert_cmpint (report->events_checked, ==, 3);
  }
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = emitra_outbox_list_pending_finish (EMITRA_OUTBOX (source), result, &error);
  g_assert_no_error (error);
}

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gint64 *out = user_data;
  g_autoptr(GError) error = NULL;

  *out = emitra_outbox_count_pending_finish (EMITRA_OUTBOX (source), result, &error);
  g_assert_no_error (error);
}

static void
on_retried_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = g_new (gboolean, 1);
  **out = emitra_outbox_retry_now_finish (EMITRA_OUTBOX (source), result, &error);
  g_assert_no_error (error);
}

static void
test_outbox_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree gboolean *retried = NULL;
  gint64 count = -2;

  g_assert_true (emitra_outbox_enqueue (f->outbox, "req-a", "s", "{}", NULL, NOW, NULL));
  emitra_outbox_list_pending_async (f->outbox, NULL, NULL, on_listed_cb, &items);
  while (items == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (emitra_outbox_item_get_request_id (g_ptr_array_index (items, 0)), ==, "req-a");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* One operator's: the item names nobody, so it is not theirs. */
  emitra_outbox_list_pending_async (f->outbox, "op-a", NULL, on_listed_cb, &items);
  while (items == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (items->len, ==, 0);

  emitra_outbox_count_pending_async (f->outbox, NULL, on_counted_cb, &count);
  while (count == -2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count, ==, 1);

  /* Retry Now from the page: the waiting item is due at once. */
  g_assert_true (emitra_outbox_record_attempt (f->outbox, "req-a", "Down.", NOW, NULL));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = emitra_outbox_list_due (f->outbox, NOW + 1, NULL);
  g_assert_cmpuint (items->len, ==, 0);
  emitra_outbox_retry_now_async (f->outbox, "req-a", NOW + 1, NULL, on_retried_cb, &retried);
  while (retried == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (*retried);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = emitra_outbox_list_due (f->outbox, NOW + 1, NULL);
  g_assert_cmpuint (items->len, ==, 1);
}

/* Whose submissions an operator sees: those their receipts name, and
 * those journalled before a receipt, by the operator the record names. */
static void
test_outbox_pending_by_operator (Fixture       *f,
                                 gconstpointer  data)
{
  static const TestReceipt issued[] = {
    { "req-a1", NULL, NULL, NULL, NULL, "Sunita Devi", NULL, 4000, 5000, "op-a", "Anil",
      EMITRA_RECEIPT_STATUS_PROVISIONAL, "2026-11-28 10:00" },
    { "req-b1", NULL, NULL, NULL, NULL, "Ram Kumar", NULL, 4000, 5000, "op-b", "Bhanu",
      EMITRA_RECEIPT_STATUS_PROVISIONAL, "2026-11-28 10:10" },
    { "req-a3", NULL, NULL, NULL, NULL, "Pooja Meena", NULL, 4000, 5000, "op-a", "Anil",
      EMITRA_RECEIPT_STATUS_PROVISIONAL, "2026-11-28 10:20" },
  };
  static const struct { const char *operator_id; const char *expected; } cases[] = {
    { NULL, "req-a1 req-b1 req-a2 req-x" },
    { "op-a", "req-a1 req-a2" },
    { "op-b", "req-b1" },
    { "op-nobody", "" },
    { "", "" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (issued); i++)
    {
      g_autoptr(EmitraReceipt) input = test_receipt_new (&issued[i]);
      g_autoptr(EmitraReceipt) stored = emitra_outbox_enqueue_with_receipt (f->outbox, f->store,
                                                                            "{\"request\": {}, \"receipt\": {}}",
                                                                            NULL, input, &error);
      g_assert_no_error (error);
    }
  /* Journalled, the receipt not yet issued: the record says whose it is. */
  g_assert_true (emitra_outbox_enqueue (f->outbox, "req-a2", "s",
                                        "{\"request\": {}, \"receipt\": {\"operator-id\": \"op-a\"}}", NULL,
                                        test_local_time ("2026-11-28 10:30"), &error));
  g_assert_true (emitra_outbox_enqueue (f->outbox, "req-x", "s", "{}", NULL,
                                        test_local_time ("2026-11-28 10:40"), &error));
  /* Settled: no longer anyone's pending submission. */
  g_assert_true (emitra_outbox_settle (f->outbox, f->store, "req-a3", EMITRA_OUTBOX_STATE_CONFIRMED,
                                       "100000000003", NULL, NOW, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) pending = emitra_outbox_list_pending (f->outbox, cases[i].operator_id, &error);
      g_autoptr(GString) ids = g_string_new (NULL);

      g_assert_no_error (error);
      for (guint j = 0; j < pending->len; j++)
        g_string_append_printf (ids, "%s%s", j > 0 ? " " : "",
                                emitra_outbox_item_get_request_id (g_ptr_array_index (pending, j)));
      g_test_message ("operator %s", cases[i].operator_id);
      g_assert_cmpstr (ids->str, ==, cases[i].expected);
    }

  /* Before sign-in the page may say how many wait, and nothing else. */
  g_assert_cmpint (emitra_outbox_count_pending (f->outbox, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_true (emitra_outbox_settle (f->outbox, f->store, "req-b1", EMITRA_OUTBOX_STATE_REJECTED,
                                       NULL, "Refused", NOW, NULL, &error));
  g_assert_cmpint (emitra_outbox_count_pending (f->outbox, &error), ==, 3);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  test_use_india_time ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/outbox/backoff", test_outbox_backoff);
  ADD ("/outbox/retries", test_outbox_retries_with_backoff);
  ADD ("/outbox/refuses", test_outbox_refuses);
  ADD ("/outbox/settles-receipt", test_outbox_settles_receipt);
  ADD ("/outbox/async", test_outbox_async);
  ADD ("/outbox/pending-by-operator", test_outbox_pending_by_operator);

  return g_test_run ();
}
