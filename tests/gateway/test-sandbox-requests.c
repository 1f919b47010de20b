/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * emitra-sandbox against bad requests, sent by hand over HTTP: wrong
 * types, missing members, bad tokens, huge bodies, unknown services and
 * paths. Each must get the documented 4xx with the error body of
 * docs/api.md (code, both messages, the field to blame), and the sandbox
 * must keep serving (sandbox_stop() checks it exits cleanly).
 */
#include "config.h"

#include "sandbox-fixture.h"

#include <string.h>

typedef enum {
  AUTH_NONE,
  AUTH_OPERATOR,
  AUTH_BAD,
} Auth;

typedef struct
{
  const char *what;
  const char *method;
  const char *path;
  Auth        auth;
  const char *content_type;
  const char *body;
  guint       status;
  const char *code;
  const char *field;
} BadRequest;

#define JSON "application/json"

static const BadRequest bad_requests[] = {
  { "sign-in body not JSON", "POST", "/v1/sessions", AUTH_NONE, JSON, "sso_id=anil", 400, "INVALID_REQUEST", NULL },
  { "sign-in body an array", "POST", "/v1/sessions", AUTH_NONE, JSON, "[1, 2]", 400, "INVALID_REQUEST", NULL },
  { "sso_id a number", "POST", "/v1/sessions", AUTH_NONE, JSON,
    "{\"sso_id\": 5, \"password\": \"x\", \"kiosk_code\": \"K11000142\"}", 400, "INVALID_REQUEST", "sso_id" },
  { "password missing", "POST", "/v1/sessions", AUTH_NONE, JSON,
    "{\"sso_id\": \"anil.kumawat\", \"kiosk_code\": \"K11000142\"}", 400, "INVALID_REQUEST", "password" },
  { "kiosk code malformed", "POST", "/v1/sessions", AUTH_NONE, JSON,
    "{\"sso_id\": \"anil.kumawat\", \"password\": \"demo123\", \"kiosk_code\": \"../etc\"}", 400, "INVALID_REQUEST", "kiosk_code" },
  { "wrong password", "POST", "/v1/sessions", AUTH_NONE, JSON,
    "{\"sso_id\": \"anil.kumawat\", \"password\": \"guess\", \"kiosk_code\": \"K11000142\"}", 401, "BAD_CREDENTIALS", "password" },
  { "unknown SSO ID", "POST", "/v1/sessions", AUTH_NONE, JSON,
    "{\"sso_id\": \"nobody\", \"password\": \"demo123\", \"kiosk_code\": \"K11000142\"}", 401, "BAD_CREDENTIALS", "password" },
  { "another kiosk", "POST", "/v1/sessions", AUTH_NONE, JSON,
    "{\"sso_id\": \"anil.kumawat\", \"password\": \"demo123\", \"kiosk_code\": \"K31000057\"}", 403, "KIOSK_MISMATCH", "kiosk_code" },
  { "no token", "GET", "/v1/wallet", AUTH_NONE, NULL, NULL, 401, "UNAUTHORIZED", NULL },
  { "bad token", "GET", "/v1/wallet", AUTH_BAD, NULL, NULL, 401, "UNAUTHORIZED", NULL },
  { "bad token on create", "POST", "/v1/transactions", AUTH_BAD, JSON, "{}", 401, "UNAUTHORIZED", NULL },
  { "create body not JSON", "POST", "/v1/transactions", AUTH_OPERATOR, JSON, "{\"request_id\": ", 400, "INVALID_REQUEST", NULL },
  { "request_id a number", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": 12345678901234567, \"service_id\": \"income-certificate\", \"form\": {}}", 400, "INVALID_REQUEST", "request_id" },
  { "request_id too short", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"abc\", \"service_id\": \"income-certificate\", \"form\": {}}", 400, "INVALID_REQUEST", "request_id" },
  { "request_id with spaces", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"a request id with spaces\", \"service_id\": \"income-certificate\", \"form\": {}}", 400, "INVALID_REQUEST", "request_id" },
  { "service_id missing", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"form\": {}}", 400, "INVALID_REQUEST", "service_id" },
  { "form missing", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"income-certificate\"}", 400, "INVALID_REQUEST", "form" },
  { "form an array", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"income-certificate\", \"form\": []}", 400, "INVALID_REQUEST", "form" },
  { "form nested", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"income-certificate\", \"form\": {\"a\": {\"b\": 1}}}", 400, "INVALID_REQUEST", "form" },
  { "documents not a list", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"income-certificate\", \"form\": {}, \"documents\": \"DOC-1\"}", 400, "INVALID_REQUEST", "documents" },
  { "unknown document", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"income-certificate\", \"form\": {}, \"documents\": [\"DOC-feedfacecafe\"]}", 400, "UNKNOWN_DOCUMENT", "documents" },
  { "unknown service", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"moon-landing-permit\", \"form\": {}}", 400, "UNKNOWN_SERVICE", "service_id" },
  { "bill without consumer number", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"electricity-bill-jvvnl\", \"form\": {}}", 400, "INVALID_REQUEST", "consumer_number" },
  { "bill for an unknown consumer", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"electricity-bill-jvvnl\", \"form\": {}, \"consumer_number\": \"000000000000\"}", 404, "NOT_FOUND", "consumer_number" },
  { "expected amount a string", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"electricity-bill-jvvnl\", \"form\": {}, \"consumer_number\": \"210412345678\", \"expected_amount\": \"1843\"}", 400, "INVALID_REQUEST", "expected_amount" },
  { "expected amount stale", "POST", "/v1/transactions", AUTH_OPERATOR, JSON,
    "{\"request_id\": \"req-0000000000000001\", \"service_id\": \"electricity-bill-jvvnl\", \"form\": {}, \"consumer_number\": \"210412345678\", \"expected_amount\": 100}", 409, "AMOUNT_CHANGED", "expected_amount" },
  { "family ID too short", "GET", "/v1/jan-aadhaar/families/12345", AUTH_OPERATOR, NULL, NULL, 400, "INVALID_REQUEST", "family_id" },
  { "unknown family", "GET", "/v1/jan-aadhaar/families/9999999999", AUTH_OPERATOR, NULL, NULL, 404, "NOT_FOUND", "family_id" },
  { "OTP for an unknown member", "POST", "/v1/jan-aadhaar/otp", AUTH_OPERATOR, JSON,
    "{\"family_id\": \"1000012345\", \"member_id\": \"10000123459\"}", 404, "NOT_FOUND", "member_id" },
  { "OTP member ID a number", "POST", "/v1/jan-aadhaar/otp", AUTH_OPERATOR, JSON,
    "{\"family_id\": \"1000012345\", \"member_id\": 10000123451}", 400, "INVALID_REQUEST", "member_id" },
  { "OTP verify of an unknown request", "POST", "/v1/jan-aadhaar/otp/verify", AUTH_OPERATOR, JSON,
    "{\"otp_ref\": \"nothing\", \"otp\": \"123456\"}", 404, "NOT_FOUND", "otp_ref" },
  { "document not a scan type", "POST", "/v1/documents", AUTH_OPERATOR, "text/plain", "hello", 415, "UNSUPPORTED_MEDIA_TYPE", NULL },
  { "document bytes not a PDF", "POST", "/v1/documents", AUTH_OPERATOR, "application/pdf", "GIF89a...", 415, "UNSUPPORTED_MEDIA_TYPE", NULL },
  { "document kind malformed", "POST", "/v1/documents?kind=a%20b", AUTH_OPERATOR, "application/pdf", "%PDF-1.4", 400, "INVALID_REQUEST", "kind" },
  { "bill without consumer number", "GET", "/v1/bills?service_id=electricity-bill-jvvnl", AUTH_OPERATOR, NULL, NULL, 400, "INVALID_REQUEST", "consumer_number" },
  { "bill of a service without bills", "GET", "/v1/bills?service_id=income-certificate&consumer_number=123456", AUTH_OPERATOR, NULL, NULL, 400, "INVALID_REQUEST", "service_id" },
  { "bill of an unknown service", "GET", "/v1/bills?service_id=nope&consumer_number=123456", AUTH_OPERATOR, NULL, NULL, 400, "UNKNOWN_SERVICE", "service_id" },
  { "unknown bill", "GET", "/v1/bills?service_id=water-bill-phed&consumer_number=XYZ0000000", AUTH_OPERATOR, NULL, NULL, 404, "NOT_FOUND", "consumer_number" },
  { "transaction ID malformed", "GET", "/v1/transactions/abc", AUTH_OPERATOR, NULL, NULL, 400, "INVALID_REQUEST", "transaction_id" },
  { "unknown transaction", "GET", "/v1/transactions/999999999999", AUTH_OPERATOR, NULL, NULL, 404, "NOT_FOUND", NULL },
  { "verify of a malformed request ID", "GET", "/v1/transactions/by-request-id/x", AUTH_OPERATOR, NULL, NULL, 400, "INVALID_REQUEST", "request_id" },
  { "cancel of an unknown transaction", "POST", "/v1/transactions/999999999999/cancel", AUTH_OPERATOR, JSON, "{}", 404, "NOT_FOUND", NULL },
  { "report as an operator", "GET", "/v1/reports/daily", AUTH_OPERATOR, NULL, NULL, 403, "FORBIDDEN", NULL },
  { "unknown path", "GET", "/v1/nothing-here", AUTH_NONE, NULL, NULL, 404, "NOT_FOUND", NULL },
  { "path outside the API", "GET", "/index.html", AUTH_NONE, NULL, NULL, 404, "NOT_FOUND", NULL },
  { "wrong method", "DELETE", "/v1/catalog", AUTH_NONE, NULL, NULL, 405, "METHOD_NOT_ALLOWED", NULL },
  { "fault rate above 1", "POST", "/v1/_control/faults", AUTH_NONE, JSON, "{\"fail_rate\": 2}", 400, "INVALID_REQUEST", "fail_rate" },
  { "clock going back", "POST", "/v1/_control/clock", AUTH_NONE, JSON, "{\"advance_seconds\": -5}", 400, "INVALID_REQUEST", "advance_seconds" },
};

static void
assert_error_body (JsonObject *reply,
                   const char *code,
                   const char *field,
                   const char *what)
{
  JsonObject *error;

  g_test_message ("%s", what);
  g_assert_nonnull (reply);
  g_assert_cmpstr (json_object_get_string_member_with_default (reply, "mode", NULL), ==, "training");
  error = json_object_get_object_member (reply, "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpuint (strlen (json_object_get_string_member (error, "message_en")), >, 5);
  g_assert_cmpuint (strlen (json_object_get_string_member (error, "message_hi")), >, 5);
  g_assert_cmpstr (json_object_get_string_member_with_default (error, "field", NULL), ==, field);
}

static void
test_bad_requests (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autofree char *token = sandbox_sign_in_token (fixture, "anil.kumawat", "demo123");

  for (guint i = 0; i < G_N_ELEMENTS (bad_requests); i++)
    {
      const BadRequest *bad = &bad_requests[i];
      g_autoptr(GBytes) body = bad->body != NULL ? g_bytes_new_static (bad->body, strlen (bad->body)) : NULL;
      g_autoptr(JsonObject) reply = NULL;
      const char *auth = bad->auth == AUTH_OPERATOR ? token : bad->auth == AUTH_BAD ? "0123456789abcdef" : NULL;
      guint status = 0;

      reply = sandbox_request (fixture, bad->method, bad->path, auth, bad->content_type, body, &status);
      g_test_message ("%s: %s %s -> %u", bad->what, bad->method, bad->path, status);
      g_assert_cmpuint (status, ==, bad->status);
      assert_error_body (reply, bad->code, bad->field, bad->what);
    }

  /* None of that changed anything. */
  g_assert_cmpint (sandbox_stat (fixture, "transactions"), ==, 0);
  sandbox_stop (fixture);
}

static void
test_huge_bodies (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autofree char *token = sandbox_sign_in_token (fixture, "anil.kumawat", "demo123");
  gsize json_size = 200 * 1024, scan_size = 3 * 1024 * 1024;
  g_autofree char *json = g_malloc (json_size);
  g_autofree char *scan = g_malloc0 (scan_size);
  g_autoptr(GBytes) big_json = NULL;
  g_autoptr(GBytes) big_scan = NULL;
  g_autoptr(JsonObject) reply = NULL;
  guint status = 0;

  memset (json, ' ', json_size);
  json[0] = '{';
  json[json_size - 1] = '}';
  big_json = g_bytes_new_static (json, json_size);
  reply = sandbox_request (fixture, "POST", "/v1/transactions", token, "application/json", big_json, &status);
  g_assert_cmpuint (status, ==, 413);
  assert_error_body (reply, "PAYLOAD_TOO_LARGE", NULL, "a 200 kB JSON body");
  g_clear_pointer (&reply, json_object_unref);

  memcpy (scan, "%PDF-1.4", 8);
  big_scan = g_bytes_new_static (scan, scan_size);
  reply = sandbox_request (fixture, "POST", "/v1/documents", token, "application/pdf", big_scan, &status);
  g_assert_cmpuint (status, ==, 413);
  assert_error_body (reply, "PAYLOAD_TOO_LARGE", NULL, "a 3 MB scan");
  g_clear_pointer (&reply, json_object_unref);

  {
    /* Chunked, so nothing announces the size: cut off once past the limit. */
    g_autofree char *address = g_strconcat (fixture->base_uri, "/v1/documents", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", address);
    g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (big_scan);
    g_autoptr(GBytes) answer = NULL;
    g_autoptr(GError) error = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    soup_message_set_request_body (msg, "application/pdf", stream, -1);
    answer = soup_session_send_and_read (fixture->raw, msg, NULL, &error);
    g_assert_true (error != NULL || soup_message_get_status (msg) == 413);
    g_assert_cmpuint (soup_message_get_status (msg), !=, 201);
  }

  /* Still serving. */
  reply = sandbox_request (fixture, "GET", "/v1/status", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  sandbox_stop (fixture);
}

static void
test_otp_attempts (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autofree char *token = sandbox_sign_in_token (fixture, "anil.kumawat", "demo123");
  g_autoptr(JsonObject) sent = NULL;
  g_autofree char *verify = NULL;
  const char *otp_ref;
  guint status = 0;

  sent = sandbox_request_json (fixture, "POST", "/v1/jan-aadhaar/otp", token,
                               "{\"family_id\": \"1000023456\", \"member_id\": \"10000234562\"}", &status);
  g_assert_cmpuint (status, ==, 201);
  otp_ref = json_object_get_string_member (json_object_get_object_member (sent, "otp"), "otp_ref");
  verify = g_strdup_printf ("{\"otp_ref\": \"%s\", \"otp\": \"999999\"}", otp_ref);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonObject) reply = sandbox_request_json (fixture, "POST", "/v1/jan-aadhaar/otp/verify", token, verify, &status);

      /* Two wrong tries are OTP_INVALID, the third locks the OTP. */
      g_assert_cmpuint (status, ==, i < 2 ? 400 : 429);
      assert_error_body (reply, i < 2 ? "OTP_INVALID" : "TOO_MANY_ATTEMPTS", "otp", "a wrong OTP");
    }
  {
    /* Now even the right one is refused: a new OTP is needed. */
    g_autofree char *right = g_strdup_printf ("{\"otp_ref\": \"%s\", \"otp\": \"123456\"}", otp_ref);
    g_autoptr(JsonObject) reply = sandbox_request_json (fixture, "POST", "/v1/jan-aadhaar/otp/verify", token, right, &status);
    g_assert_cmpuint (status, ==, 429);
  }
  sandbox_stop (fixture);
}

static void
test_garbage_http (void)
{
  SandboxFixture *fixture = sandbox_start (NULL);
  g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GUri) uri = g_uri_parse (fixture->base_uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = NULL;
  static const char garbage[] = "\x16\x03\x01 NOT HTTP AT ALL\r\n\r\n\r\n";
  char buffer[256];
  guint status = 0;

  g_socket_client_set_enable_proxy (socket_client, FALSE);
  connection = g_socket_client_connect_to_host (socket_client, "127.0.0.1", (guint16) g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), garbage, sizeof garbage - 1,
                             NULL, NULL, &error);
  g_assert_no_error (error);
  /* Whatever it answers (400 or nothing), it must answer the next client. */
  g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), buffer, sizeof buffer, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  reply = sandbox_request (fixture, "GET", "/v1/status", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  sandbox_stop (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/gateway/sandbox/bad-requests", test_bad_requests);
  g_test_add_func ("/gateway/sandbox/huge-bodies", test_huge_bodies);
  g_test_add_func ("/gateway/sandbox/otp-attempts", test_otp_attempts);
  g_test_add_func ("/gateway/sandbox/garbage-http", test_garbage_http);

  return g_test_run ();
}
