/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reply parsers on their own: well-formed replies become objects;
 * anything else (garbage, truncation, wrong types, values the desk must
 * not accept) becomes MALFORMED_REPLY, never a critical. And the client's
 * rule for gateway addresses: https, or http to this computer only.
 */
#include "config.h"

#include <string.h>

#include "emitra-gateway-client.h"
#include "emitra-gateway-replies.h"
#include "sandbox-fixture.h"

typedef gpointer (*ParseFunc) (GBytes *body, GError **error);

static gpointer
parse_otp (GBytes *body, GError **error)
{
  return emitra_gateway_parse_otp (body, NULL, error);
}

static const struct
{
  const char *name;
  ParseFunc   parse;
} parsers[] = {
  { "session", (ParseFunc) emitra_gateway_parse_session },
  { "family", (ParseFunc) emitra_gateway_parse_family },
  { "otp", parse_otp },
  { "member", (ParseFunc) emitra_gateway_parse_member },
  { "document", (ParseFunc) emitra_gateway_parse_document },
  { "bill", (ParseFunc) emitra_gateway_parse_bill },
  { "transaction", (ParseFunc) emitra_gateway_parse_transaction },
  { "wallet", (ParseFunc) emitra_gateway_parse_wallet },
  { "centre report", (ParseFunc) emitra_gateway_parse_centre_report },
};

static GBytes *
bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_garbage_everywhere (void)
{
  static const char * const garbage[] = {
    "",
    "null",
    "[]",
    "\"a string\"",
    "{",
    "{\"transaction\": ",
    "{\"session\": 5}",
    "{\"wallet\": []}",
    "<html><body>502 Bad Gateway</body></html>",
    "{\"mode\": \"training\", \"error\": {\"code\": \"INTERNAL\"}}",
    "\xff\xfe{}",
  };

  for (guint p = 0; p < G_N_ELEMENTS (parsers); p++)
    for (guint g = 0; g < G_N_ELEMENTS (garbage); g++)
      {
        g_autoptr(GBytes) body = bytes (garbage[g]);
        g_autoptr(GError) error = NULL;
        gpointer result = parsers[p].parse (body, &error);
        /* Escaped: raw invalid UTF-8 would break the TAP stream. */
        g_autofree char *shown = g_strescape (garbage[g], NULL);

        g_test_message ("%s <- %s", parsers[p].name, shown);
        g_assert_null (result);
        g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
        g_assert_true (g_str_has_prefix (error->message, "The gateway sent a reply that could not be read"));
        /* Never json-glib's English ("<data>:1:15: Parse error: ..."),
         * which the Hindi screen would show untranslated. */
        g_assert_null (strstr (error->message, "<data>"));
        g_assert_null (strstr (error->message, "Parse error"));
      }

  /* Embedded NUL and a body far over the limit, too. */
  for (guint p = 0; p < G_N_ELEMENTS (parsers); p++)
    {
      g_autoptr(GBytes) nul = g_bytes_new ("{\"a\":\0\"b\"}", 10);
      gsize size = EMITRA_GATEWAY_MAX_REPLY + 10;
      g_autofree char *big = g_malloc (size);
      g_autoptr(GBytes) huge = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_null (parsers[p].parse (nul, &error));
      g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
      g_clear_error (&error);

      memset (big, ' ', size);
      big[0] = '{';
      big[size - 1] = '}';
      huge = g_bytes_new_static (big, size);
      g_assert_null (parsers[p].parse (huge, &error));
      g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
    }
}

#define SESSION(token, role) \
  "{\"mode\":\"training\",\"session\":{\"token\":\"" token "\",\"expires_at\":\"2026-11-28T18:00:00Z\"}," \
  "\"operator\":{\"operator_id\":\"OP-1\",\"name_en\":\"Anil\",\"name_hi\":\"अनिल\",\"role\":\"" role "\"}," \
  "\"kiosk\":{\"code\":\"K11000142\",\"district\":\"jaipur\",\"district_en\":\"Jaipur\",\"district_hi\":\"जयपुर\"," \
  "\"tehsil_en\":\"Sanganer\",\"tehsil_hi\":\"सांगानेर\"}}"

static void
test_session (void)
{
  static const struct { const char *body; gboolean ok; } cases[] = {
    { SESSION ("0123456789abcdef0123456789abcdef", "operator"), TRUE },
    { SESSION ("0123456789abcdef0123456789abcdef", "supervisor"), TRUE },
    /* The token goes into a header: no line breaks, no spaces. */
    { SESSION ("0123456789abcdef\\r\\nX-Evil: 1", "operator"), FALSE },
    { SESSION ("0123456789abcdef 0123456789abcdef", "operator"), FALSE },
    { SESSION ("short", "operator"), FALSE },
    { SESSION ("0123456789abcdef0123456789abcdef", "admin"), FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = bytes (cases[i].body);
      g_autoptr(GError) error = NULL;
      g_autoptr(EmitraOperatorSession) session = emitra_gateway_parse_session (body, &error);

      g_assert_true ((session != NULL) == cases[i].ok);
      if (!cases[i].ok)
        g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
    }
}

#define STEP(status) "{\"status\":\"" status "\",\"at\":\"2026-11-28T10:00:00Z\",\"note_en\":\"n\",\"note_hi\":\"न\"}"
#define TRANSACTION(fee, charge, total, status, timeline) \
  "{\"replayed\":false,\"wallet\":{\"balance\":100},\"transaction\":{\"transaction_id\":\"100000000001\"," \
  "\"request_id\":\"5d6f1c1e-8a4b-4c55-9a43-8f8b5e0d2a11\",\"receipt_no\":\"K11000142-000001\"," \
  "\"service_id\":\"income-certificate\",\"service_name_en\":\"Income certificate\",\"service_name_hi\":\"आय प्रमाण पत्र\"," \
  "\"kiosk_code\":\"K11000142\",\"operator_id\":\"OP-1001\",\"consumer_number\":null," \
  "\"department_fee\":" fee ",\"service_charge\":" charge ",\"total\":" total ",\"status\":\"" status "\"," \
  "\"created_at\":\"2026-11-28T10:00:00Z\",\"delivery_due\":\"2026-12-05\",\"timeline\":[" timeline "]}}"

static void
test_transaction (void)
{
  static const struct { const char *what; const char *body; gboolean ok; } cases[] = {
    { "valid", TRANSACTION ("1000", "5000", "6000", "submitted", STEP ("submitted")), TRUE },
    { "two steps", TRANSACTION ("0", "5000", "5000", "under_review", STEP ("submitted") "," STEP ("under_review")), TRUE },
    { "total disagrees", TRANSACTION ("1000", "5000", "5000", "submitted", STEP ("submitted")), FALSE },
    { "negative fee", TRANSACTION ("-1000", "5000", "4000", "submitted", STEP ("submitted")), FALSE },
    { "fractional paise", TRANSACTION ("12.5", "5000", "5012.5", "submitted", STEP ("submitted")), FALSE },
    { "fee as a string", TRANSACTION ("\"1000\"", "5000", "6000", "submitted", STEP ("submitted")), FALSE },
    { "unknown status", TRANSACTION ("0", "0", "0", "lost", STEP ("submitted")), FALSE },
    { "status not the last step", TRANSACTION ("0", "0", "0", "approved", STEP ("submitted")), FALSE },
    { "empty timeline", TRANSACTION ("0", "0", "0", "submitted", ""), FALSE },
    { "step without time", TRANSACTION ("0", "0", "0", "submitted",
                                        "{\"status\":\"submitted\",\"note_en\":\"n\",\"note_hi\":\"न\"}"), FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = bytes (cases[i].body);
      g_autoptr(GError) error = NULL;
      g_autoptr(EmitraTransaction) transaction = emitra_gateway_parse_transaction (body, &error);

      g_test_message ("%s", cases[i].what);
      g_assert_true ((transaction != NULL) == cases[i].ok);
      if (transaction != NULL)
        {
          g_assert_cmpint (emitra_transaction_get_total (transaction), ==,
                           emitra_transaction_get_department_fee (transaction) + emitra_transaction_get_service_charge (transaction));
          g_assert_cmpint (emitra_transaction_get_wallet_balance (transaction), ==, 100);
          g_assert_null (emitra_transaction_get_consumer_number (transaction));
          g_assert_cmpuint (g_date_get_day (emitra_transaction_get_delivery_due (transaction)), ==, 5);
        }
      else
        g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
    }
}

#define FAMILY(aadhaar) \
  "{\"family\":{\"family_id\":\"1000012345\",\"mobile_masked\":\"XXXXXX1101\",\"members\":[{\"member_id\":\"10000123451\"," \
  "\"name_en\":\"Ramesh\",\"name_hi\":\"रमेश\",\"relation\":\"self\",\"relation_en\":\"Head\",\"relation_hi\":\"मुखिया\"," \
  "\"gender\":\"male\",\"age\":52,\"aadhaar_masked\":\"" aadhaar "\"}]}}"

static void
test_family_never_holds_full_aadhaar (void)
{
  g_autoptr(GBytes) good = bytes (FAMILY ("XXXX XXXX 4821"));
  g_autoptr(GBytes) full = bytes (FAMILY ("2341 2341 2346"));
  g_autoptr(GBytes) bare = bytes (FAMILY ("234123412346"));
  g_autoptr(EmitraFamily) family = NULL;
  g_autoptr(GError) error = NULL;

  family = emitra_gateway_parse_family (good, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (emitra_family_get_members (family)), ==, 1);
  g_clear_object (&family);

  family = emitra_gateway_parse_family (full, &error);
  g_assert_null (family);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
  /* The number is not repeated in the message either. */
  g_assert_null (strstr (error->message, "2341"));
  g_clear_error (&error);

  family = emitra_gateway_parse_family (bare, &error);
  g_assert_null (family);
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);

  /* The four digits the receipt prints are digits (fuzz-gateway-replies
   * found "XXXX XXXX <821" accepted). */
  {
    static const char * const bad_tails[] = { FAMILY ("XXXX XXXX <821"), FAMILY ("XXXX XXXX 48 1"),
                                              FAMILY ("XXXX XXXX abcd") };

    for (guint i = 0; i < G_N_ELEMENTS (bad_tails); i++)
      {
        g_autoptr(GBytes) body = bytes (bad_tails[i]);
        g_autoptr(GError) tail_error = NULL;
        g_autoptr(EmitraFamily) tail_family = emitra_gateway_parse_family (body, &tail_error);

        g_assert_null (tail_family);
        g_assert_error (tail_error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
      }
  }
}

/* Bytes that are not UTF-8 inside an otherwise well-formed reply (a name
 * from a badly converted record) are refused at the boundary, before any
 * of it reaches a label, a receipt or the database. */
static void
test_invalid_utf8_refused (void)
{
  static const char * const replies[] = {
    "{\"family\":{\"family_id\":\"1000012345\",\"mobile_masked\":\"XXXXXX1101\",\"members\":[{\"member_id\":\"10000123451\","
      "\"name_en\":\"Ramesh\",\"name_hi\":\"\xe0\xa4\xb0\xe0\xa4\",\"relation\":\"self\",\"relation_en\":\"Head\","
      "\"relation_hi\":\"x\",\"gender\":\"male\",\"age\":52,\"aadhaar_masked\":\"XXXX XXXX 4821\"}]}}",
    "{\"mode\":\"training\",\"wallet\":{\"kiosk_code\":\"K1100\xff\",\"balance\":5,\"recent\":[]}}",
    "{\"mode\":\"training\",\"document\":{\"document_id\":\"DOC-\xc0\x80\",\"content_type\":\"application/pdf\","
      "\"size\":1,\"sha256\":\"00\"}}",
  };
  ParseFunc parse[] = { (ParseFunc) emitra_gateway_parse_family, (ParseFunc) emitra_gateway_parse_wallet,
                        (ParseFunc) emitra_gateway_parse_document };

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autoptr(GBytes) body = bytes (replies[i]);
      g_autoptr(GError) error = NULL;
      gpointer result = parse[i] (body, &error);

      g_assert_null (result);
      g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_errors (void)
{
  static const struct
  {
    guint               status;
    const char         *body;
    EmitraGatewayError  code;
    const char         *gateway_code;
    const char         *field;
    const char         *message_en;
    gboolean            transient;
  } cases[] = {
    { 400, "{\"error\":{\"code\":\"INVALID_REQUEST\",\"message_en\":\"Bad K-number.\",\"message_hi\":\"गलत के-नंबर।\",\"field\":\"consumer_number\"}}",
      EMITRA_GATEWAY_ERROR_INVALID_REQUEST, "INVALID_REQUEST", "consumer_number", "Bad K-number.", FALSE },
    { 401, "{\"error\":{\"code\":\"SESSION_EXPIRED\",\"message_en\":\"Expired.\",\"message_hi\":\"समाप्त।\"}}",
      EMITRA_GATEWAY_ERROR_UNAUTHORIZED, "SESSION_EXPIRED", NULL, "Expired.", FALSE },
    { 402, "{\"error\":{\"code\":\"INSUFFICIENT_BALANCE\",\"message_en\":\"Top up.\",\"message_hi\":\"रिचार्ज करें।\"}}",
      EMITRA_GATEWAY_ERROR_INSUFFICIENT_BALANCE, "INSUFFICIENT_BALANCE", NULL, "Top up.", FALSE },
    { 403, NULL, EMITRA_GATEWAY_ERROR_FORBIDDEN, NULL, NULL, "You are not allowed to do this.", FALSE },
    { 404, "<html>Not Found</html>", EMITRA_GATEWAY_ERROR_NOT_FOUND, NULL, NULL,
      "The gateway could not find what was asked for.", FALSE },
    { 409, "{\"error\":{\"code\":\"REQUEST_ID_REUSED\",\"message_en\":\"Reused.\",\"message_hi\":\"पुनः प्रयुक्त।\",\"field\":\"request_id\"}}",
      EMITRA_GATEWAY_ERROR_CONFLICT, "REQUEST_ID_REUSED", "request_id", "Reused.", FALSE },
    { 413, "{}", EMITRA_GATEWAY_ERROR_INVALID_REQUEST, NULL, NULL, "The gateway did not accept the request (HTTP 413).", FALSE },
    { 502, "<html>Bad Gateway</html>", EMITRA_GATEWAY_ERROR_SERVER, NULL, NULL,
      "The gateway failed (HTTP 502). Try again in a moment.", TRUE },
    { 503, "{\"error\":{\"code\":\"UNAVAILABLE\",\"message_en\":\"Busy.\",\"message_hi\":\"व्यस्त।\"}}",
      EMITRA_GATEWAY_ERROR_SERVER, "UNAVAILABLE", NULL, "Busy.", TRUE },
    { 302, NULL, EMITRA_GATEWAY_ERROR_SERVER, NULL, NULL, "The gateway sent an unexpected answer (HTTP 302).", TRUE },
    /* A wrong type inside the error body falls back to the client's words. */
    { 409, "{\"error\":{\"code\":5,\"message_en\":[]}}", EMITRA_GATEWAY_ERROR_CONFLICT, NULL, NULL,
      "The gateway refused this because it conflicts with an earlier request.", FALSE },
  };

  g_setenv ("LANGUAGE", "en", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = cases[i].body != NULL ? bytes (cases[i].body) : NULL;
      g_autoptr(GError) error = emitra_gateway_parse_error (cases[i].status, body);

      g_assert_error (error, EMITRA_GATEWAY_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (emitra_gateway_error_get_gateway_code (error), ==, cases[i].gateway_code);
      g_assert_cmpstr (emitra_gateway_error_get_field (error), ==, cases[i].field);
      g_assert_cmpstr (error->message, ==, cases[i].message_en);
      g_assert_true (emitra_gateway_error_is_transient (error) == cases[i].transient);

      {
        /* The field survives a copy, as through a GTask. */
        g_autoptr(GError) copy = g_error_copy (error);
        g_assert_cmpstr (emitra_gateway_error_get_field (copy), ==, cases[i].field);
      }
    }

  g_setenv ("LANGUAGE", "hi", TRUE);
  {
    g_autoptr(GBytes) body = bytes (cases[0].body);
    g_autoptr(GError) error = emitra_gateway_parse_error (400, body);
    g_assert_cmpstr (error->message, ==, "गलत के-नंबर।");
  }
  g_unsetenv ("LANGUAGE");
}

static void
test_addresses (void)
{
  static const struct { const char *uri; gint code; } cases[] = {
    { "https://gateway.emitra.example.in", -1 },
    { "https://gateway.emitra.example.in/api/", -1 },
    { "http://127.0.0.1:8471", -1 },
    { "http://127.1.2.3:8471/", -1 },
    { "http://localhost:8471", -1 },
    { "http://[::1]:8471", -1 },
    { "http://10.0.0.5:8471", EMITRA_GATEWAY_ERROR_INSECURE },
    { "http://gateway.emitra.example.in", EMITRA_GATEWAY_ERROR_INSECURE },
    { "http://127.0.0.1.example.in", EMITRA_GATEWAY_ERROR_INSECURE },
    { "ftp://127.0.0.1", EMITRA_GATEWAY_ERROR_INSECURE },
    { "https://user:secret@gateway.example.in", EMITRA_GATEWAY_ERROR_BAD_ADDRESS },
    { "https://gateway.example.in/?x=1", EMITRA_GATEWAY_ERROR_BAD_ADDRESS },
    { "gateway.example.in", EMITRA_GATEWAY_ERROR_BAD_ADDRESS },
    { "", EMITRA_GATEWAY_ERROR_BAD_ADDRESS },
  };
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EmitraGatewayClient) client = emitra_gateway_client_new (session, cases[i].uri, &error);

      g_test_message ("%s", cases[i].uri);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_false (g_str_has_suffix (emitra_gateway_client_get_base_uri (client), "/"));
        }
      else
        {
          g_assert_null (client);
          g_assert_error (error, EMITRA_GATEWAY_ERROR, cases[i].code);
        }
    }

  {
    /* g_object_new() with an insecure address builds a client that
     * refuses to send anything. */
    g_autoptr(EmitraGatewayClient) client = g_object_new (EMITRA_TYPE_GATEWAY_CLIENT, "soup-session", session,
                                                          "base-uri", "http://example.in", NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GBytes) catalog = NULL;
    g_autoptr(GError) error = NULL;

    emitra_gateway_client_fetch_catalog_async (client, NULL, NULL, store_result_cb, &result);
    wait_for_result (&result);
    g_assert_false (emitra_gateway_client_fetch_catalog_finish (client, result, &catalog, NULL, &error));
    g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_INSECURE);
    g_assert_null (catalog);
  }
}

static void
test_ca_file (void)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(EmitraGatewayClient) client = emitra_gateway_client_new (session, "https://gateway.example.in", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "not-a-ca.pem", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, "not a certificate", -1, NULL));
  g_assert_false (emitra_gateway_client_set_ca_file (client, path, &error));
  g_assert_error (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_TLS);
  g_assert_null (emitra_gateway_client_get_ca_file (client));
  g_clear_error (&error);

  g_assert_true (emitra_gateway_client_set_ca_file (client, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/gateway/replies/garbage", test_garbage_everywhere);
  g_test_add_func ("/gateway/replies/session", test_session);
  g_test_add_func ("/gateway/replies/transaction", test_transaction);
  g_test_add_func ("/gateway/replies/family-aadhaar", test_family_never_holds_full_aadhaar);
  g_test_add_func ("/gateway/replies/errors", test_errors);
  g_test_add_func ("/gateway/replies/invalid-utf8", test_invalid_utf8_refused);
  g_test_add_func ("/gateway/client/addresses", test_addresses);
  g_test_add_func ("/gateway/client/ca-file", test_ca_file);

  return g_test_run ();
}
