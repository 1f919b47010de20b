/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gateway client against a live emitra-sandbox over real HTTP on
 * loopback: every endpoint, as an operator and a supervisor would use it.
 */
#include "config.h"

#include "client-sync.h"

#include "emitra-json.h"

static EmitraGatewayClient *
signed_in_client (SandboxFixture *fixture,
                  const char     *sso_id,
                  const char     *password)
{
  EmitraGatewayClient *client = test_client_new (fixture);
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = sync_sign_in (client, sso_id, password, "K11000142", &error);
  g_assert_no_error (error);
  return client;
}

static void
test_sign_in (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = test_client_new (fixture);
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(GError) error = NULL;

  /* Before signing in, nothing that needs a session is even sent. */
  wallet = sync_get_wallet (client, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  session = sync_sign_in (client, "anil.kumawat", "wrong-password", "K11000142", &error);
  g_assert_null (session);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (emitra_gateway_error_get_field (error), ==, "password");
  g_assert_cmpstr (emitra_gateway_error_get_gateway_code (error), ==, "BAD_CREDENTIALS");
  g_assert_cmpstr (error->message, ==, "The SSO ID or the password is wrong.");
  g_clear_error (&error);

  session = sync_sign_in (client, "anil.kumawat", "demo123", "K99000001", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_FORBIDDEN);
  g_assert_cmpstr (emitra_gateway_error_get_field (error), ==, "kiosk_code");
  g_clear_error (&error);

  session = sync_sign_in (client, "anil.kumawat", "demo123", "K11000142", &error);
  g_assert_no_error (error);
  g_assert_true (emitra_gateway_client_get_operator_session (client) == session);
  g_assert_cmpstr (emitra_operator_session_get_operator_id (session), ==, "OP-1001");
  g_assert_cmpstr (emitra_operator_session_get_name_hi (session), ==, "अनिल कुमावत");
  g_assert_false (emitra_operator_session_is_supervisor (session));
  g_assert_cmpstr (emitra_operator_session_get_kiosk_code (session), ==, "K11000142");
  g_assert_cmpstr (emitra_operator_session_get_district_en (session), ==, "Jaipur");
  g_assert_cmpstr (emitra_operator_session_get_tehsil_hi (session), ==, "सांगानेर");
  g_assert_false (emitra_operator_session_is_expired (session));
  g_assert_cmpuint (strlen (emitra_operator_session_get_token (session)), >=, 32);
  g_assert_true (emitra_gateway_client_is_training (client));

  wallet = sync_get_wallet (client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_wallet_get_balance (wallet), ==, 5000000);

  g_assert_true (sync_sign_out (client, &error));
  g_assert_no_error (error);
  g_assert_null (emitra_gateway_client_get_operator_session (client));
  {
    /* The token no longer works at the gateway either. */
    g_autoptr(JsonObject) reply = NULL;
    guint status = 0;

    reply = sandbox_request (fixture, "GET", "/v1/wallet", emitra_operator_session_get_token (session), NULL, NULL, &status);
    g_assert_cmpuint (status, ==, 401);
  }

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_catalog (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = test_client_new (fixture);
  g_autoptr(GBytes) catalog = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  /* No sign-in needed: a desk refreshes its catalog at start-up. */
  g_assert_true (sync_fetch_catalog (client, NULL, &catalog, &etag, &error));
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, catalog);
  expected = g_strdup_printf ("\"%s\"", digest);
  g_assert_cmpstr (etag, ==, expected);

  root = emitra_json_parse_bytes (catalog, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "services")), >, 10);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "masters"),
                                                                         "districts")), ==, 41);

  /* Unchanged: "not modified", no body, the same tag. */
  g_assert_true (sync_fetch_catalog (client, etag, &again, &etag2, &error));
  g_assert_no_error (error);
  g_assert_null (again);
  g_assert_cmpstr (etag2, ==, etag);
  g_clear_pointer (&etag2, g_free);

  /* A stale tag gets the whole catalog again. */
  g_assert_true (sync_fetch_catalog (client, "\"stale\"", &again, &etag2, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (again, catalog));

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_jan_aadhaar (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture, "seema.choudhary", "demo123");
  g_autoptr(EmitraFamily) family = NULL;
  g_autoptr(EmitraFamilyMember) head = NULL;
  g_autoptr(EmitraFamilyMember) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *otp_ref = NULL;
  g_autofree char *mobile = NULL;
  GListModel *members;

  family = sync_get_family (client, "1000012345", &error);
  g_assert_no_error (error);
  members = emitra_family_get_members (family);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 4);
  head = g_list_model_get_item (members, 0);
  g_assert_cmpstr (emitra_family_member_get_name_hi (head), ==, "रमेश चंद शर्मा");
  g_assert_cmpstr (emitra_family_member_get_relation_en (head), ==, "Head of family");
  g_assert_cmpstr (emitra_family_member_get_aadhaar_masked (head), ==, "XXXX XXXX 4821");
  g_assert_cmpuint (emitra_family_member_get_age (head), >=, 52);
  g_assert_false (emitra_family_member_has_record (head));

  g_clear_object (&family);
  family = sync_get_family (client, "9999999999", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  otp_ref = sync_send_otp (client, "1000012345", emitra_family_member_get_member_id (head), &mobile, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mobile, ==, "XXXXXX1101");

  record = sync_verify_otp (client, otp_ref, "000000", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_INVALID_REQUEST);
  g_assert_cmpstr (emitra_gateway_error_get_field (error), ==, "otp");
  g_clear_error (&error);

  record = sync_verify_otp (client, otp_ref, "123456", &error);
  g_assert_no_error (error);
  g_assert_true (emitra_family_member_has_record (record));
  g_assert_cmpstr (emitra_family_member_get_father_name_en (record), ==, "Gopal Lal Sharma");
  g_assert_cmpstr (emitra_family_member_get_date_of_birth (record), ==, "1974-03-12");
  g_assert_cmpstr (emitra_family_member_get_district (record), ==, "jaipur");
  g_assert_cmpstr (emitra_family_member_get_pin (record), ==, "302018");
  g_assert_cmpstr (emitra_family_member_get_aadhaar_masked (record), ==, "XXXX XXXX 4821");
  g_clear_object (&record);

  /* An OTP works once. */
  record = sync_verify_otp (client, otp_ref, "123456", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_INVALID_REQUEST);
  g_assert_cmpstr (emitra_gateway_error_get_gateway_code (error), ==, "OTP_EXPIRED");

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_documents (void)
{
  static const char pdf[] = "%PDF-1.4\n% a scanned caste certificate\n%%EOF\n";
  static const char png[] = "\x89PNG\r\n\x1a\n....";
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture, "anil.kumawat", "demo123");
  g_autoptr(GBytes) scan = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(GBytes) image = g_bytes_new_static (png, sizeof png - 1);
  g_autoptr(GBytes) huge = g_bytes_new_take (g_malloc0 (3 * 1024 * 1024), 3 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *bad = NULL;

  id = sync_upload (client, scan, "application/pdf", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (id, "DOC-"));
  id2 = sync_upload (client, image, "image/png", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, !=, id2);

  /* PNG bytes sent as a PDF are refused. */
  bad = sync_upload (client, image, "application/pdf", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_INVALID_REQUEST);
  g_assert_cmpstr (emitra_gateway_error_get_gateway_code (error), ==, "UNSUPPORTED_MEDIA_TYPE");
  g_clear_error (&error);

  bad = sync_upload (client, huge, "application/pdf", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_bill_payment (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture, "anil.kumawat", "demo123");
  g_autoptr(EmitraBill) bill = NULL;
  g_autoptr(EmitraBill) paid = NULL;
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(EmitraTransaction) twice = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = test_request_id ();
  g_autofree char *request_id2 = test_request_id ();

  bill = sync_fetch_bill (client, "electricity-bill-jvvnl", "210412345678", &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_bill_get_amount_due (bill), ==, 184300);
  g_assert_cmpstr (emitra_bill_get_consumer_name_hi (bill), ==, "रमेश चंद शर्मा");
  g_assert_cmpuint (g_date_get_day (emitra_bill_get_due_date (bill)), ==, 25);
  g_assert_false (emitra_bill_is_paid (bill));

  request = emitra_gateway_transaction_request_new (request_id, "electricity-bill-jvvnl", NULL, NULL,
                                                    "210412345678", emitra_bill_get_amount_due (bill));
  transaction = sync_submit (client, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_transaction_get_department_fee (transaction), ==, 184300);
  g_assert_cmpint (emitra_transaction_get_service_charge (transaction), ==, 0);
  g_assert_cmpint (emitra_transaction_get_status (transaction), ==, EMITRA_TRANSACTION_STATUS_APPROVED);
  g_assert_cmpstr (emitra_transaction_get_consumer_number (transaction), ==, "210412345678");
  g_assert_cmpint (emitra_transaction_get_wallet_balance (transaction), ==, 5000000 - 184300);

  paid = sync_fetch_bill (client, "electricity-bill-jvvnl", "210412345678", &error);
  g_assert_no_error (error);
  g_assert_true (emitra_bill_is_paid (paid));
  g_assert_cmpint (emitra_bill_get_amount_due (paid), ==, 0);

  /* Another request for the same, now paid, bill charges nothing. */
  again = emitra_gateway_transaction_request_new (request_id2, "electricity-bill-jvvnl", NULL, NULL, "210412345678", -1);
  twice = sync_submit (client, again, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_CONFLICT);
  g_assert_cmpstr (emitra_gateway_error_get_gateway_code (error), ==, "ALREADY_PAID");
  g_clear_error (&error);

  wallet = sync_get_wallet (client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_wallet_get_balance (wallet), ==, 5000000 - 184300);
  g_assert_cmpuint (emitra_wallet_get_n_movements (wallet), ==, 1);
  g_assert_cmpint (emitra_wallet_get_movement (wallet, 0)->kind, ==, EMITRA_WALLET_DEBIT);
  g_assert_cmpstr (emitra_wallet_get_movement (wallet, 0)->transaction_id, ==,
                   emitra_transaction_get_transaction_id (transaction));

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static JsonObject *
fee_request (SandboxFixture *fixture,
             gint64         *out_fee,
             char          **out_request_id)
{
  g_autofree char *service = sandbox_pick_fee_service (fixture, out_fee);
  g_autoptr(JsonObject) form = json_object_new ();

  *out_request_id = test_request_id ();
  json_object_set_string_member (form, "applicant_name", "Vikas Sharma");
  json_object_set_string_member (form, "aadhaar", "XXXX XXXX 9146");
  return emitra_gateway_transaction_request_new (*out_request_id, service, form, NULL, NULL, -1);
}

static void
test_transaction_lifecycle (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture, "anil.kumawat", "demo123");
  g_autoptr(EmitraTransaction) created = NULL;
  g_autoptr(EmitraTransaction) replayed = NULL;
  g_autoptr(EmitraTransaction) verified = NULL;
  g_autoptr(EmitraTransaction) cancelled = NULL;
  g_autoptr(EmitraTransaction) later = NULL;
  g_autoptr(EmitraTransaction) status = NULL;
  g_autoptr(EmitraTransaction) refused = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;
  g_autofree char *second_id = NULL;
  gint64 fee = 0, unused = 0;
  const EmitraTransactionStep *step;

  request = fee_request (fixture, &fee, &request_id);
  created = sync_create (client, request, &error);
  g_assert_no_error (error);
  g_assert_false (emitra_transaction_get_replayed (created));
  g_assert_cmpuint (strlen (emitra_transaction_get_transaction_id (created)), ==, 12);
  g_assert_cmpstr (emitra_transaction_get_request_id (created), ==, request_id);
  g_assert_cmpint (emitra_transaction_get_department_fee (created), ==, fee);
  g_assert_cmpint (emitra_transaction_get_service_charge (created), ==, 5000);
  g_assert_cmpint (emitra_transaction_get_total (created), ==, fee + 5000);
  g_assert_cmpint (emitra_transaction_get_status (created), ==, EMITRA_TRANSACTION_STATUS_SUBMITTED);
  g_assert_nonnull (emitra_transaction_get_delivery_due (created));
  g_assert_cmpint (emitra_transaction_get_wallet_balance (created), ==, 5000000 - fee);

  /* The same request again: the same transaction, nothing charged. */
  replayed = sync_create (client, request, &error);
  g_assert_no_error (error);
  g_assert_true (emitra_transaction_get_replayed (replayed));
  g_assert_cmpstr (emitra_transaction_get_transaction_id (replayed), ==, emitra_transaction_get_transaction_id (created));
  g_assert_cmpint (emitra_transaction_get_wallet_balance (replayed), ==, 5000000 - fee);

  verified = sync_verify (client, request_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_transaction_get_transaction_id (verified), ==, emitra_transaction_get_transaction_id (created));

  {
    g_autofree char *never = test_request_id ();
    g_autoptr(EmitraTransaction) none = sync_verify (client, never, &error);
    g_assert_null (none);
    g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  cancelled = sync_cancel (client, emitra_transaction_get_transaction_id (created), &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_transaction_get_status (cancelled), ==, EMITRA_TRANSACTION_STATUS_CANCELLED);
  g_assert_cmpuint (emitra_transaction_get_n_steps (cancelled), ==, 2);
  g_assert_cmpint (emitra_transaction_get_wallet_balance (cancelled), ==, 5000000);
  g_clear_object (&cancelled);
  /* Cancelling twice refunds once. */
  cancelled = sync_cancel (client, emitra_transaction_get_transaction_id (created), &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_transaction_get_wallet_balance (cancelled), ==, 5000000);

  /* A second application moves along with the sandbox clock. */
  second = fee_request (fixture, &unused, &second_id);
  later = sync_submit (client, second, &error);
  g_assert_no_error (error);
  sandbox_advance_clock (fixture, 15 * 60);
  status = sync_get_transaction (client, emitra_transaction_get_transaction_id (later), &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_transaction_get_status (status), ==, EMITRA_TRANSACTION_STATUS_UNDER_REVIEW);
  refused = sync_cancel (client, emitra_transaction_get_transaction_id (later), &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_CONFLICT);
  g_assert_cmpstr (emitra_gateway_error_get_gateway_code (error), ==, "NOT_CANCELLABLE");
  g_clear_error (&error);

  sandbox_advance_clock (fixture, 40 * 86400);
  g_clear_object (&status);
  status = sync_get_transaction (client, emitra_transaction_get_transaction_id (later), &error);
  g_assert_no_error (error);
  /* Transaction 2 is not one of the sandbox's every-fifth rejections. */
  g_assert_cmpint (emitra_transaction_get_status (status), ==, EMITRA_TRANSACTION_STATUS_CERTIFICATE_READY);
  g_assert_cmpuint (emitra_transaction_get_n_steps (status), ==, 4);
  for (guint i = 1; i < emitra_transaction_get_n_steps (status); i++)
    g_assert_cmpint (g_date_time_compare (emitra_transaction_get_step (status, i - 1)->at,
                                          emitra_transaction_get_step (status, i)->at), <=, 0);
  step = emitra_transaction_get_step (status, 3);
  g_assert_cmpint (step->status, ==, EMITRA_TRANSACTION_STATUS_CERTIFICATE_READY);
  g_assert_cmpstr (step->note_hi, ==, "प्रमाण पत्र डाउनलोड और प्रिंट के लिए तैयार");

  wallet = sync_get_wallet (client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_wallet_get_balance (wallet), ==, 5000000 - fee);
  g_assert_cmpuint (emitra_wallet_get_n_movements (wallet), ==, 3);
  g_assert_cmpint (emitra_wallet_get_movement (wallet, 1)->kind, ==, EMITRA_WALLET_REFUND);
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, 2);

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_insufficient_balance (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture, "anil.kumawat", "demo123");
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;
  gint64 fee = 0;

  request = fee_request (fixture, &fee, &request_id);
  sandbox_set_balance (fixture, fee - 1);
  transaction = sync_submit (client, request, &error);
  g_assert_null (transaction);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_INSUFFICIENT_BALANCE);
  g_assert_true (strstr (error->message, "Top up") != NULL);
  g_clear_error (&error);
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, 0);

  /* After a top-up, the same request ID goes through, once. */
  sandbox_set_balance (fixture, fee);
  transaction = sync_submit (client, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_transaction_get_wallet_balance (transaction), ==, 0);

  {
    g_autoptr(EmitraWallet) wallet = sync_get_wallet (client, &error);
    const EmitraWalletMovement *top_up;

    g_assert_no_error (error);
    g_assert_cmpuint (emitra_wallet_get_n_movements (wallet), ==, 3);
    g_assert_cmpint (emitra_wallet_get_movement (wallet, 0)->kind, ==, EMITRA_WALLET_DEBIT);
    g_assert_cmpint (emitra_wallet_get_movement (wallet, 0)->amount, ==, fee);
    top_up = emitra_wallet_get_movement (wallet, 1);
    g_assert_cmpint (top_up->kind, ==, EMITRA_WALLET_TOP_UP);
    g_assert_cmpint (top_up->amount, ==, 1);
    g_assert_null (top_up->transaction_id);
  }

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static void
test_centre_report (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) anil = signed_in_client (fixture, "anil.kumawat", "demo123");
  g_autoptr(EmitraGatewayClient) seema = signed_in_client (fixture, "seema.choudhary", "demo123");
  g_autoptr(EmitraGatewayClient) supervisor = signed_in_client (fixture, "rajendra.shekhawat", "super123");
  g_autoptr(EmitraCentreReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fee = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *request_id = NULL;
      g_autoptr(JsonObject) request = fee_request (fixture, &fee, &request_id);
      g_autoptr(EmitraTransaction) transaction = sync_submit (i < 2 ? anil : seema, request, &error);
      g_assert_no_error (error);
    }

  report = sync_get_report (anil, NULL, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_true (emitra_operator_session_is_supervisor (emitra_gateway_client_get_operator_session (supervisor)));
  report = sync_get_report (supervisor, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_centre_report_get_kiosk_code (report), ==, "K11000142");
  g_assert_cmpint (emitra_centre_report_get_count (report), ==, 3);
  g_assert_cmpint (emitra_centre_report_get_department_fees (report), ==, 3 * fee);
  g_assert_cmpint (emitra_centre_report_get_service_charges (report), ==, 3 * 5000);
  g_assert_cmpuint (emitra_centre_report_get_n_rows (report, EMITRA_CENTRE_REPORT_BY_OPERATOR), ==, 2);
  g_assert_cmpstr (emitra_centre_report_get_row (report, EMITRA_CENTRE_REPORT_BY_OPERATOR, 0)->name_hi, ==, "अनिल कुमावत");
  g_assert_cmpint (emitra_centre_report_get_row (report, EMITRA_CENTRE_REPORT_BY_OPERATOR, 0)->count, ==, 2);
  g_assert_cmpuint (emitra_centre_report_get_n_rows (report, EMITRA_CENTRE_REPORT_BY_DESK), ==, 1);
  g_assert_cmpstr (emitra_centre_report_get_row (report, EMITRA_CENTRE_REPORT_BY_DESK, 0)->id, ==, "desk-test");
  g_assert_cmpuint (emitra_centre_report_get_n_rows (report, EMITRA_CENTRE_REPORT_BY_SERVICE), ==, 1);

  {
    /* Another day has nothing. */
    g_autoptr(EmitraCentreReport) other = NULL;
    g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2020);

    other = sync_get_report (supervisor, day, &error);
    g_assert_no_error (error);
    g_assert_cmpint (emitra_centre_report_get_count (other), ==, 0);
  }

  g_clear_object (&anil);
  g_clear_object (&seema);
  g_clear_object (&supervisor);
  sandbox_stop (fixture);
}

static void
on_session_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_session_expiry (void)
{
  const char *args[] = { "--session-ttl=1", NULL };
  SandboxFixture *fixture = sandbox_start (args);
  g_autoptr(EmitraGatewayClient) client = signed_in_client (fixture, "anil.kumawat", "demo123");
  g_autoptr(EmitraWallet) wallet = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect (client, "notify::operator-session", G_CALLBACK (on_session_notify_cb), &notified);
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);

  wallet = sync_get_wallet (client, &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (emitra_gateway_error_get_gateway_code (error), ==, "SESSION_EXPIRED");
  /* The GUI learns it must ask for the password again. */
  g_assert_null (emitra_gateway_client_get_operator_session (client));
  g_assert_cmpuint (notified, ==, 1);
  /* The same operator is still at the desk: the idle lock can still
   * check the password offline. */
  g_assert_nonnull (emitra_gateway_client_get_password_check (client, "anil.kumawat", "K11000142"));

  g_clear_object (&client);
  sandbox_stop (fixture);
}

static gboolean
check_accepts (EmitraGatewayClient *client,
               const char          *sso_id,
               const char          *password)
{
  EmitraPasswordCheck *check = emitra_gateway_client_get_password_check (client, sso_id, "K11000142");

  return check != NULL && emitra_password_check_verify (check, password, NULL);
}

/* The verifier of the last good sign-in's password: only the operator's
 * own, kept through a wrong try and an unreachable gateway, replaced by
 * another operator's sign-in, gone at sign-out. */
static void
test_password_check (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = test_client_new (fixture);
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (emitra_gateway_client_get_password_check (client, "anil.kumawat", "K11000142"));
  session = sync_sign_in (client, "anil.kumawat", "wrong-password", "K11000142", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_null (emitra_gateway_client_get_password_check (client, "anil.kumawat", "K11000142"));

  session = sync_sign_in (client, "anil.kumawat", "demo123", "K11000142", &error);
  g_assert_no_error (error);
  g_clear_object (&session);
  g_assert_true (check_accepts (client, "anil.kumawat", "demo123"));
  g_assert_false (check_accepts (client, "anil.kumawat", "demo12"));
  g_assert_null (emitra_gateway_client_get_password_check (client, "seema.choudhary", "K11000142"));
  g_assert_null (emitra_gateway_client_get_password_check (client, "anil.kumawat", "K99000001"));

  /* A wrong password at the gateway replaces nothing. */
  session = sync_sign_in (client, "anil.kumawat", "demo1234", "K11000142", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_true (check_accepts (client, "anil.kumawat", "demo123"));

  /* Another operator signs in: the first one's verifier is gone. */
  session = sync_sign_in (client, "rajendra.shekhawat", "super123", "K11000142", &error);
  g_assert_no_error (error);
  g_clear_object (&session);
  g_assert_null (emitra_gateway_client_get_password_check (client, "anil.kumawat", "K11000142"));
  g_assert_true (check_accepts (client, "rajendra.shekhawat", "super123"));

  g_assert_true (sync_sign_out (client, &error));
  g_assert_no_error (error);
  g_assert_null (emitra_gateway_client_get_password_check (client, "rajendra.shekhawat", "K11000142"));

  /* With the gateway gone, a sign-in fails and leaves no verifier. */
  sandbox_stop (fixture);
  session = sync_sign_in (client, "anil.kumawat", "demo123", "K11000142", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_NETWORK);
  g_assert_null (emitra_gateway_client_get_password_check (client, "anil.kumawat", "K11000142"));
}

static void
test_hindi_messages (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = test_client_new (fixture);
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "hi", TRUE);
  session = sync_sign_in (client, "anil.kumawat", "nope", "K11000142", &error);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "SSO आईडी या पासवर्ड गलत है।");
  g_clear_error (&error);

  g_setenv ("LANGUAGE", "en", TRUE);
  session = sync_sign_in (client, "anil.kumawat", "nope", "K11000142", &error);
  g_assert_cmpstr (error->message, ==, "The SSO ID or the password is wrong.");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_clear_object (&client);
  sandbox_stop (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/gateway/client/sign-in", test_sign_in);
  g_test_add_func ("/gateway/client/catalog", test_catalog);
  g_test_add_func ("/gateway/client/jan-aadhaar", test_jan_aadhaar);
  g_test_add_func ("/gateway/client/documents", test_documents);
  g_test_add_func ("/gateway/client/bill-payment", test_bill_payment);
  g_test_add_func ("/gateway/client/transaction-lifecycle", test_transaction_lifecycle);
  g_test_add_func ("/gateway/client/insufficient-balance", test_insufficient_balance);
  g_test_add_func ("/gateway/client/centre-report", test_centre_report);
  g_test_add_func ("/gateway/client/session-expiry", test_session_expiry);
  g_test_add_func ("/gateway/client/password-check", test_password_check);
  g_test_add_func ("/gateway/client/hindi-messages", test_hindi_messages);

  return g_test_run ();
}
