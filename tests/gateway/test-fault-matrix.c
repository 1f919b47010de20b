/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every fault the sandbox can inject, during every operation the desk
 * performs through the gateway: sign-in, catalog refresh, Jan Aadhaar
 * lookup, document upload, submission and status check. For each pair the
 * operator must get, in bounded time and without the main loop ever
 * stalling, either the result (where the client may retry on its own) or
 * one clear message in the interface's language. A submission is charged
 * exactly once and leaves exactly one receipt, whatever happened: when the
 * outcome is unknown it waits in the outbox, and the drain once the
 * gateway is healthy again confirms it without a second charge.
 *
 * The test is registered twice (see meson.build): in English and with
 * LANGUAGE=hi, where every message must be Hindi.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "client-sync.h"

#include "emitra-desk-schema.h"
#include "emitra-json.h"
#include "emitra-submitter.h"

/* The deadline of one attempt (the catalog, which may be large, gets four
 * times as long); the faults that should time out take longer than that. */
#define TIMEOUT_MS     300
#define SLOW_MS        1500
#define TRICKLE_MS     100
/* No operation may keep the operator waiting longer than this. */
#define BOUND_MS       4000
/* ...or hold up the main loop (a frame) longer than this. */
#define STALL_MS       250

/* Long enough for a fresh sign-in and one submission even under the
 * sanitizers on a busy machine, short enough to wait out once. */
#define SESSION_TTL_S  2

/* Under the sanitizers everything runs several times slower: the bounds
 * get twice the room (the deadlines the client keeps do not change). */
static gint64
slack (void)
{
  return g_getenv ("ASAN_OPTIONS") != NULL ? 2 : 1;
}

typedef enum {
  OP_SIGN_IN,
  OP_CATALOG,
  OP_FAMILY,
  OP_UPLOAD,
  OP_SUBMIT,
  OP_STATUS,
  N_OPS
} Op;

static const char * const op_names[N_OPS] = {
  "sign-in", "catalog", "family", "upload", "submit", "status",
};

/* What the operator sees after one operation under one fault. */
typedef enum {
  OK,        /* the result, retried by the client if need be */
  ERR,       /* an error in EMITRA_GATEWAY_ERROR, code as given */
  QUEUED,    /* (submit) a provisional receipt; confirmed by the next drain */
} Outcome;

typedef struct
{
  Outcome            outcome;
  EmitraGatewayError code;
} Expect;

typedef struct
{
  const char *name;
  const char *faults;         /* the control endpoint's JSON, set before each operation */
  const char *sandbox_arg;    /* a command-line flag, or NULL */
  Expect      expect[N_OPS];
} FaultCase;

#define E_OK        { OK, 0 }
#define E_QUEUED    { QUEUED, 0 }
#define E_ERR(code) { ERR, EMITRA_GATEWAY_ERROR_##code }

static const FaultCase fault_cases[] = {
  /* Slow but within the deadline: everything works. */
  { "latency", "{\"latency_ms\": 120}", NULL,
    { E_OK, E_OK, E_OK, E_OK, E_OK, E_OK } },
  /* Slower than the deadline on every attempt. Reads give up after their
   * retries; sign-in and upload are never repeated on their own; the
   * submission's outcome is unknown, so it waits in the outbox. */
  { "latency-past-deadline", "{\"latency_ms\": " G_STRINGIFY (SLOW_MS) "}", NULL,
    { E_ERR (TIMEOUT), E_ERR (TIMEOUT), E_ERR (TIMEOUT), E_ERR (TIMEOUT), E_QUEUED, E_ERR (TIMEOUT) } },
  /* One 503: reads retry past it, the submission verifies and resends;
   * sign-in and upload report it. */
  { "5xx-once", "{\"fail_next\": 1, \"fail_status\": 503}", NULL,
    { E_ERR (SERVER), E_OK, E_OK, E_ERR (SERVER), E_OK, E_OK } },
  /* The gateway keeps failing with 500. */
  { "5xx-always", "{\"fail_rate\": 1.0, \"fail_status\": 500}", NULL,
    { E_ERR (SERVER), E_ERR (SERVER), E_ERR (SERVER), E_ERR (SERVER), E_QUEUED, E_ERR (SERVER) } },
  /* The reply to a committed create (or cancel) is lost: only the
   * submission is affected, and it finds its transaction by request ID. */
  { "dropped-after-commit", "{\"drop_after_commit_next\": 1}", NULL,
    { E_OK, E_OK, E_OK, E_OK, E_OK, E_OK } },
  /* The reply is cut off half-way (not JSON). */
  { "malformed", "{\"malformed_next\": 1}", NULL,
    { E_ERR (MALFORMED_REPLY), E_OK, E_OK, E_ERR (MALFORMED_REPLY), E_OK, E_OK } },
  /* A 32 MiB reply: refused unread, never buffered. */
  { "oversized", "{\"oversized_next\": 1}", NULL,
    { E_ERR (MALFORMED_REPLY), E_OK, E_OK, E_ERR (MALFORMED_REPLY), E_OK, E_OK } },
  /* Every reply trickles in 16 bytes at a time, past the deadline. */
  { "trickled", "{\"trickle_ms\": " G_STRINGIFY (TRICKLE_MS) "}", NULL,
    { E_ERR (TIMEOUT), E_ERR (TIMEOUT), E_ERR (TIMEOUT), E_ERR (TIMEOUT), E_QUEUED, E_ERR (TIMEOUT) } },
  /* The session expired while the desk was idle. Signing in again and the
   * catalog (no token needed) work; the rest ask for a new sign-in. The
   * gateway refused the submission before doing anything (401), so it is
   * not charged; submitted again after signing in, under the same request
   * ID, it is charged once. */
  { "session-expired", NULL, "--session-ttl=" G_STRINGIFY (SESSION_TTL_S),
    { E_OK, E_OK, E_ERR (UNAUTHORIZED), E_ERR (UNAUTHORIZED), E_ERR (UNAUTHORIZED), E_ERR (UNAUTHORIZED) } },
};

typedef struct
{
  SandboxFixture      *sandbox;
  EmitraDatabase      *database;
  EmitraReceiptStore  *receipts;
  EmitraOutbox        *outbox;
  char                *service_id;
  gint64               fee;
  char                *transaction_id;   /* an earlier transaction, for status checks */
  gint64               transactions;     /* at the gateway, as the desk expects */
  gint64               receipts_issued;
} Desk;

/* The main loop's pulse: a 16 ms timer (a frame) and the longest gap
 * between two of its ticks while an operation ran. */
typedef struct
{
  gint64 last;
  gint64 worst;
} Pulse;

static gboolean
on_pulse_cb (gpointer user_data)
{
  Pulse *pulse = user_data;
  gint64 now = g_get_monotonic_time ();

  pulse->worst = MAX (pulse->worst, now - pulse->last);
  pulse->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
ui_is_hindi (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "hi") == 0;
}

static gboolean
has_devanagari (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0900 && c <= 0x097F)
        return TRUE;
    }
  return FALSE;
}

static EmitraGatewayClient *
client_for (Desk *desk)
{
  EmitraGatewayClient *client = test_client_new (desk->sandbox);

  emitra_gateway_client_set_timeout (client, TIMEOUT_MS);
  emitra_gateway_client_set_retry (client, 2, 10);
  return client;
}

static void
sign_in (EmitraGatewayClient *client)
{
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = sync_sign_in (client, "anil.kumawat", "demo123", "K11000142", &error);
  g_assert_no_error (error);
}

static Desk *
desk_new (const FaultCase *fault)
{
  const char *args[] = { fault->sandbox_arg, NULL };
  Desk *desk = g_new0 (Desk, 1);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "desk.db", NULL);
  g_autoptr(EmitraGatewayClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = test_request_id ();
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(EmitraTransaction) transaction = NULL;

  desk->sandbox = sandbox_start (args);
  desk->database = emitra_desk_database_open (path, &error);
  g_assert_no_error (error);
  desk->receipts = emitra_receipt_store_new (desk->database);
  desk->outbox = emitra_outbox_new (desk->database);
  desk->service_id = sandbox_pick_fee_service (desk->sandbox, &desk->fee);

  /* One transaction made before any fault, for the status checks. */
  client = test_client_new (desk->sandbox);
  sign_in (client);
  request = emitra_gateway_transaction_request_new (request_id, desk->service_id, NULL, NULL, NULL, -1);
  transaction = sync_submit (client, request, &error);
  g_assert_no_error (error);
  desk->transaction_id = g_strdup (emitra_transaction_get_transaction_id (transaction));
  desk->transactions = 1;
  return desk;
}

static void
desk_free (Desk *desk)
{
  g_clear_object (&desk->outbox);
  g_clear_object (&desk->receipts);
  g_clear_object (&desk->database);
  sandbox_stop (desk->sandbox);
  g_free (desk->service_id);
  g_free (desk->transaction_id);
  g_free (desk);
}

static gint64
count_rows (Desk       *desk,
            const char *sql)
{
  sqlite3_stmt *stmt = emitra_database_prepare (desk->database, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static JsonObject *
new_request (Desk *desk)
{
  g_autofree char *request_id = test_request_id ();
  JsonObject *request = json_object_new ();
  JsonObject *form = json_object_new ();

  json_object_set_string_member (form, "applicant_name_en", "Sunita Meena");
  json_object_set_string_member (request, "request_id", request_id);
  json_object_set_string_member (request, "service_id", desk->service_id);
  json_object_set_object_member (request, "form", form);
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

/* Runs @op once; returns whether it succeeded, with the receipt of a
 * submission in *@out_receipt. */
static EmitraReceipt *
submit (Desk             *desk,
        EmitraSubmitter  *submitter,
        JsonObject       *request,
        GError          **error)
{
  g_autoptr(EmitraReceipt) template = new_template (desk);
  g_autoptr(GAsyncResult) result = NULL;

  emitra_submitter_submit_async (submitter, request, template, NULL, NULL, store_result_cb, &result);
  wait_for_result (&result);
  return emitra_submitter_submit_finish (submitter, result, error);
}

static gboolean
run_op (Desk                 *desk,
        EmitraGatewayClient  *client,
        EmitraSubmitter      *submitter,
        Op                    op,
        JsonObject           *request,
        EmitraReceipt       **out_receipt,
        GError              **error)
{
  switch (op)
    {
    case OP_SIGN_IN:
      {
        g_autoptr(EmitraOperatorSession) session = sync_sign_in (client, "anil.kumawat", "demo123",
                                                                  "K11000142", error);
        return session != NULL;
      }
    case OP_CATALOG:
      {
        g_autoptr(GBytes) catalog = NULL;
        g_autofree char *etag = NULL;

        return sync_fetch_catalog (client, NULL, &catalog, &etag, error) && catalog != NULL;
      }
    case OP_FAMILY:
      {
        g_autoptr(EmitraFamily) family = sync_get_family (client, "1000012345", error);

        return family != NULL;
      }
    case OP_UPLOAD:
      {
        static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        g_autoptr(GBytes) data = g_bytes_new_static (pdf, sizeof pdf - 1);
        g_autofree char *document_id = sync_upload (client, data, "application/pdf", error);

        return document_id != NULL;
      }
    case OP_SUBMIT:
      *out_receipt = submit (desk, submitter, request, error);
      return *out_receipt != NULL;
    case OP_STATUS:
      {
        g_autoptr(EmitraTransaction) transaction = sync_get_transaction (client, desk->transaction_id, error);

        return transaction != NULL;
      }
    case N_OPS:
    default:
      g_assert_not_reached ();
    }
}

static guint
drain (EmitraSubmitter *submitter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint settled;

  emitra_submitter_drain_async (submitter, FALSE, NULL, store_result_cb, &result);
  wait_for_result (&result);
  settled = emitra_submitter_drain_finish (submitter, result, &error);
  g_assert_no_error (error);
  return settled;
}

/* After a submission under a fault: one receipt more at the desk, and,
 * once the gateway is healthy and the outbox drained, one transaction more
 * at the gateway, the receipt confirmed and nothing left waiting. */
static void
check_books (Desk                *desk,
             EmitraGatewayClient *client,
             EmitraSubmitter     *submitter,
             JsonObject          *request,
             EmitraReceipt       *submitted,
             gboolean             slow)
{
  g_autoptr(EmitraReceipt) later = NULL;
  g_autoptr(EmitraReceipt) receipt = submitted != NULL ? g_object_ref (submitted) : NULL;
  g_autoptr(GError) error = NULL;

  sandbox_set_faults (desk->sandbox, "{}");
  if (emitra_gateway_client_get_operator_session (client) == NULL)
    sign_in (client);

  /* Refused, so no receipt: the operator submits the same application
   * again (the draft keeps its request ID). */
  if (receipt == NULL)
    {
      g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM receipts"), ==, desk->receipts_issued);
      receipt = submit (desk, submitter, request, &error);
      g_assert_no_error (error);
    }

  desk->receipts_issued++;
  desk->transactions++;
  g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM receipts"), ==, desk->receipts_issued);

  /* A create that timed out may still be sleeping in the sandbox: the
   * drain and it meet at the same request ID, so the order is free. */
  drain (submitter);
  if (emitra_receipt_get_status (receipt) != EMITRA_RECEIPT_STATUS_CONFIRMED)
    {
      gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

      while (count_rows (desk, "SELECT count(*) FROM outbox WHERE state = 'pending'") > 0 &&
             g_get_monotonic_time () < deadline)
        {
          g_usleep (50 * 1000);
          drain (submitter);
        }
    }
  later = emitra_receipt_store_get (desk->receipts, emitra_receipt_get_receipt_no (receipt), &error);
  g_assert_no_error (error);
  if (emitra_receipt_get_status (later) != EMITRA_RECEIPT_STATUS_CONFIRMED)
    g_test_message ("receipt %" G_GINT64_FORMAT " is %s: %s", emitra_receipt_get_receipt_no (later),
                    emitra_receipt_status_to_string (emitra_receipt_get_status (later)),
                    emitra_receipt_get_status_reason (later));
  g_assert_cmpint (emitra_receipt_get_status (later), ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM outbox WHERE state = 'pending'"), ==, 0);
  g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM receipts"), ==, desk->receipts_issued);
  /* Let a create that was still sleeping in the sandbox land, then count. */
  if (slow)
    g_usleep ((SLOW_MS + 100) * 1000);
  g_assert_cmpint (sandbox_stat (desk->sandbox, "transactions"), ==, desk->transactions);
}

static void
test_fault (gconstpointer data)
{
  const FaultCase *fault = data;
  Desk *desk = desk_new (fault);
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func (g_object_unref);

  /* One client per operation, all signed in now: the expired-session case
   * then waits once for all their tokens to lapse. */
  for (guint op = 0; op < N_OPS; op++)
    {
      EmitraGatewayClient *client = client_for (desk);

      sign_in (client);
      g_ptr_array_add (clients, client);
    }
  if (fault->sandbox_arg != NULL && g_str_has_prefix (fault->sandbox_arg, "--session-ttl"))
    g_usleep ((SESSION_TTL_S * 1000 + 200) * 1000);

  for (guint op = 0; op < N_OPS; op++)
    {
      EmitraGatewayClient *client = g_ptr_array_index (clients, op);
      g_autoptr(EmitraSubmitter) submitter = emitra_submitter_new (desk->receipts, desk->outbox, client);
      const Expect *expect = &fault->expect[op];
      g_autoptr(EmitraReceipt) receipt = NULL;
      g_autoptr(JsonObject) request = new_request (desk);
      g_autoptr(GError) error = NULL;
      Pulse pulse = { g_get_monotonic_time (), 0 };
      guint pulse_id;
      gint64 start;
      gboolean ok;

      g_test_message ("%s during %s", fault->name, op_names[op]);
      if (fault->faults != NULL)
        sandbox_set_faults (desk->sandbox, fault->faults);

      pulse_id = g_timeout_add (16, on_pulse_cb, &pulse);
      start = g_get_monotonic_time ();
      ok = run_op (desk, client, submitter, op, request, &receipt, &error);
      g_source_remove (pulse_id);
      /* The last stretch counts too: an operation that held the loop from
       * its last tick to its end. */
      on_pulse_cb (&pulse);
      g_test_message ("  %s in %" G_GINT64_FORMAT " ms (main loop held at most %" G_GINT64_FORMAT " ms)%s%s",
                      ok ? "done" : "failed", (g_get_monotonic_time () - start) / 1000, pulse.worst / 1000,
                      error != NULL ? ": " : "", error != NULL ? error->message : "");

      /* In bounded time, and the window could have drawn all along. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, slack () * BOUND_MS * G_TIME_SPAN_MILLISECOND);
      g_assert_cmpint (pulse.worst, <, slack () * STALL_MS * G_TIME_SPAN_MILLISECOND);

      switch (expect->outcome)
        {
        case OK:
          g_assert_no_error (error);
          g_assert_true (ok);
          if (op == OP_SUBMIT)
            g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
          break;
        case QUEUED:
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_PROVISIONAL);
          break;
        case ERR:
        default:
          g_assert_false (ok);
          g_assert_error (error, EMITRA_GATEWAY_ERROR, (int) expect->code);
          /* One sentence for the operator, in their language. */
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_cmpuint (strlen (error->message), >, 10);
          g_assert_null (strstr (error->message, "%"));
          if (ui_is_hindi ())
            g_assert_true (has_devanagari (error->message));
          else
            g_assert_false (has_devanagari (error->message));
          break;
        }

      if (op == OP_SUBMIT)
        check_books (desk, client, submitter, request, receipt,
                     fault->faults != NULL && strstr (fault->faults, "latency_ms") != NULL);
      sandbox_set_faults (desk->sandbox, "{}");
    }

  desk_free (desk);
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("EMITRA_BUILD_ROOT");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The client's own messages come from the build's translations. */
  setlocale (LC_ALL, "");
  if (build_root != NULL)
    {
      g_autofree char *localedir = g_build_filename (build_root, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/gateway/fault-matrix/", fault_cases[i].name, NULL);

      g_test_add_data_func (path, &fault_cases[i], test_fault);
    }

  return g_test_run ();
}
