/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox's handlers for status, sessions, the catalog, Jan Aadhaar,
 * documents and bills (docs/api.md). Each checks its input member by
 * member, so a wrong request gets the documented 4xx naming the field,
 * and fills in the reply; emitra-sandbox.c sends it.
 */
#include "config.h"

#include "emitra-sandbox-private.h"

#include "emitra-json.h"

#include <string.h>
#include <sys/random.h>

#define OTP_LIFETIME_SECONDS 300
#define OTP_MAX_ATTEMPTS     3
/* The sandbox sends no SMS: in training the one-time password is fixed
 * and documented (docs/api.md, README). */
#define TRAINING_OTP         "123456"

static void
reply_error_and_clear (EmitraSandboxRequest *request,
                       GError              **error)
{
  _emitra_sandbox_reply_error (request, *error);
  g_clear_error (error);
}

static gboolean
is_kiosk_code (const char *code)
{
  return code != NULL && code[0] == 'K' && _emitra_sandbox_is_token (code, 2, 16);
}

void
_emitra_sandbox_handle_status (EmitraSandboxRequest *request)
{
  JsonObject *body = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  json_object_set_int_member (body, "api_version", 1);
  json_object_set_string_member (body, "time", time);
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, body);
}

static char *
new_token (void)
{
  guint8 random[32];
  GString *token = g_string_sized_new (65);

  /* A bearer token must be unguessable even in training: the kernel's
   * generator, not GRand. */
  if (getrandom (random, sizeof random, 0) != sizeof random)
    g_error ("getrandom failed");
  for (guint i = 0; i < sizeof random; i++)
    g_string_append_printf (token, "%02x", random[i]);
  return g_string_free (token, FALSE);
}

void
_emitra_sandbox_handle_sign_in (EmitraSandboxRequest *request)
{
  EmitraSandbox *self = request->sandbox;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = _emitra_sandbox_read_json (request, &error);
  const char *sso_id, *password, *kiosk_code, *desk_id;
  JsonObject *operator_, *kiosk, *reply, *session_json;
  EmitraSandboxSession *session;
  g_autofree char *token = NULL;
  g_autofree char *expires = NULL;

  if (body == NULL ||
      (sso_id = _emitra_sandbox_string_member (body, "sso_id", TRUE, &error)) == NULL ||
      (password = _emitra_sandbox_string_member (body, "password", TRUE, &error)) == NULL ||
      (kiosk_code = _emitra_sandbox_string_member (body, "kiosk_code", TRUE, &error)) == NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }
  desk_id = _emitra_sandbox_string_member (body, "desk_id", FALSE, &error);
  if (error != NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }
  if (desk_id != NULL && !_emitra_sandbox_is_token (desk_id, 1, 64))
    {
      emitra_sandbox_set_field_error (&error, "desk_id", "format");
      {
        reply_error_and_clear (request, &error);
        return;
      }
    }
  if (!is_kiosk_code (kiosk_code))
    {
      emitra_sandbox_set_field_error (&error, "kiosk_code", "format");
      {
        reply_error_and_clear (request, &error);
        return;
      }
    }

  operator_ = emitra_sandbox_directory_find_operator (self->directory, sso_id);
  if (operator_ == NULL || !emitra_sandbox_directory_check_password (operator_, password))
    {
      emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_BAD_CREDENTIALS, "password",
                                "The SSO ID or the password is wrong.", "SSO आईडी या पासवर्ड गलत है।");
      {
        reply_error_and_clear (request, &error);
        return;
      }
    }
  kiosk = emitra_sandbox_directory_get_kiosk (self->directory, kiosk_code);
  if (kiosk == NULL || !emitra_sandbox_directory_operator_serves (operator_, kiosk_code))
    {
      emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_KIOSK_MISMATCH, "kiosk_code",
                                "This SSO ID is not registered at this kiosk.",
                                "यह SSO आईडी इस कियोस्क पर पंजीकृत नहीं है।");
      {
        reply_error_and_clear (request, &error);
        return;
      }
    }

  token = new_token ();
  session = g_new0 (EmitraSandboxSession, 1);
  session->operator_ = operator_;
  session->kiosk = kiosk;
  session->desk_id = g_strdup (desk_id != NULL ? desk_id : "desk-1");
  session->expires_at = g_get_real_time () + (gint64) self->session_ttl * G_USEC_PER_SEC;
  g_hash_table_replace (self->sessions, g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1), session);

  {
    g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (session->expires_at / G_USEC_PER_SEC);
    expires = g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
  }
  reply = json_object_new ();
  session_json = json_object_new ();
  json_object_set_string_member (session_json, "token", token);
  json_object_set_string_member (session_json, "expires_at", expires);
  json_object_set_object_member (reply, "session", session_json);
  json_object_set_object_member (reply, "operator", emitra_sandbox_directory_operator_json (operator_));
  json_object_set_object_member (reply, "kiosk", emitra_sandbox_directory_kiosk_json (kiosk));
  _emitra_sandbox_reply_json (request, SOUP_STATUS_CREATED, reply);
}

void
_emitra_sandbox_handle_sign_out (EmitraSandboxRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");

  if (authorization != NULL && g_str_has_prefix (authorization, "Bearer "))
    {
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, authorization + 7, -1);
      g_hash_table_remove (request->sandbox->sessions, digest);
    }
  request->status = SOUP_STATUS_NO_CONTENT;
}

void
_emitra_sandbox_handle_catalog (EmitraSandboxRequest *request)
{
  EmitraSandboxCatalog *catalog = request->sandbox->catalog;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (request->msg);
  SoupMessageHeaders *out = soup_server_message_get_response_headers (request->msg);
  const char *etag = emitra_sandbox_catalog_get_etag (catalog);
  const char *if_none_match = soup_message_headers_get_one (in, "If-None-Match");

  soup_message_headers_replace (out, "ETag", etag);
  if (if_none_match != NULL && (strstr (if_none_match, etag) != NULL || g_str_equal (if_none_match, "*")))
    {
      request->status = SOUP_STATUS_NOT_MODIFIED;
      return;
    }
  request->status = SOUP_STATUS_OK;
  request->body = g_bytes_ref (emitra_sandbox_catalog_get_bytes (catalog));
}

void
_emitra_sandbox_handle_family (EmitraSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *family_id = request->segments[3];
  JsonObject *family, *reply;
  g_autoptr(GDate) today = _emitra_sandbox_today ();

  if (!_emitra_sandbox_authenticate (request, &error))
    {
      reply_error_and_clear (request, &error);
      return;
    }
  if (!_emitra_sandbox_is_digits (family_id, 10))
    {
      emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_INVALID_REQUEST, "family_id",
                                "A Jan Aadhaar family ID has 10 digits.", "जन आधार परिवार आईडी 10 अंकों की होती है।");
      {
        reply_error_and_clear (request, &error);
        return;
      }
    }
  family = emitra_sandbox_directory_get_family (request->sandbox->directory, family_id);
  if (family == NULL)
    {
      emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_NOT_FOUND, "family_id",
                                "No Jan Aadhaar family has this ID.", "इस आईडी का कोई जन आधार परिवार नहीं है।");
      {
        reply_error_and_clear (request, &error);
        return;
      }
    }

  reply = json_object_new ();
  json_object_set_object_member (reply, "family",
                                 emitra_sandbox_directory_family_json (request->sandbox->directory, family, today));
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, reply);
}

void
_emitra_sandbox_handle_otp_send (EmitraSandboxRequest *request)
{
  EmitraSandbox *self = request->sandbox;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *family_id, *member_id;
  JsonObject *family, *reply, *otp_json;
  EmitraSandboxOtp *otp;
  g_autofree char *mobile = NULL;
  char *otp_ref;
  guint index;

  if (!_emitra_sandbox_authenticate (request, &error) ||
      (body = _emitra_sandbox_read_json (request, &error)) == NULL ||
      (family_id = _emitra_sandbox_string_member (body, "family_id", TRUE, &error)) == NULL ||
      (member_id = _emitra_sandbox_string_member (body, "member_id", TRUE, &error)) == NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }
  if (!_emitra_sandbox_is_digits (family_id, 10))
    emitra_sandbox_set_field_error (&error, "family_id", "format");
  else if (!_emitra_sandbox_is_digits (member_id, 11))
    emitra_sandbox_set_field_error (&error, "member_id", "format");
  if (error != NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }

  family = emitra_sandbox_directory_get_family (self->directory, family_id);
  if (family == NULL || !emitra_sandbox_directory_member_index (family, member_id, &index))
    {
      emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_NOT_FOUND, family == NULL ? "family_id" : "member_id",
                                "No such Jan Aadhaar family member.", "ऐसा कोई जन आधार परिवार सदस्य नहीं है।");
      {
        reply_error_and_clear (request, &error);
        return;
      }
    }

  otp = g_new0 (EmitraSandboxOtp, 1);
  otp->family_id = g_strdup (family_id);
  otp->member_index = index;
  otp->expires_at = g_get_real_time () / G_USEC_PER_SEC + OTP_LIFETIME_SECONDS;
  otp_ref = g_uuid_string_random ();
  g_hash_table_replace (self->otps, otp_ref, otp);

  mobile = emitra_sandbox_mask_mobile (emitra_json_get_string_or (family, "mobile", NULL));
  otp_json = json_object_new ();
  json_object_set_string_member (otp_json, "otp_ref", otp_ref);
  json_object_set_string_member (otp_json, "mobile_masked", mobile);
  json_object_set_int_member (otp_json, "expires_in", OTP_LIFETIME_SECONDS);
  reply = json_object_new ();
  json_object_set_object_member (reply, "otp", otp_json);
  _emitra_sandbox_reply_json (request, SOUP_STATUS_CREATED, reply);
}

void
_emitra_sandbox_handle_otp_verify (EmitraSandboxRequest *request)
{
  EmitraSandbox *self = request->sandbox;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GDate) today = _emitra_sandbox_today ();
  const char *otp_ref, *code;
  EmitraSandboxOtp *otp;
  JsonObject *family, *reply;

  if (!_emitra_sandbox_authenticate (request, &error) ||
      (body = _emitra_sandbox_read_json (request, &error)) == NULL ||
      (otp_ref = _emitra_sandbox_string_member (body, "otp_ref", TRUE, &error)) == NULL ||
      (code = _emitra_sandbox_string_member (body, "otp", TRUE, &error)) == NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }

  otp = g_hash_table_lookup (self->otps, otp_ref);
  if (otp == NULL)
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_NOT_FOUND, "otp_ref",
                              "This OTP request is not known. Send a new OTP.",
                              "यह OTP अनुरोध ज्ञात नहीं है। नया OTP भेजें।");
  else if (otp->used || g_get_real_time () / G_USEC_PER_SEC >= otp->expires_at)
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_OTP_EXPIRED, "otp",
                              "This OTP has expired. Send a new one.", "यह OTP समाप्त हो गया है। नया OTP भेजें।");
  else if (otp->attempts >= OTP_MAX_ATTEMPTS)
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_TOO_MANY_ATTEMPTS, "otp",
                              "Too many wrong OTPs. Send a new one.", "बहुत बार गलत OTP डाला गया। नया OTP भेजें।");
  else if (!g_str_equal (code, TRAINING_OTP))
    {
      otp->attempts++;
      if (otp->attempts >= OTP_MAX_ATTEMPTS)
        emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_TOO_MANY_ATTEMPTS, "otp",
                                  "Too many wrong OTPs. Send a new one.", "बहुत बार गलत OTP डाला गया। नया OTP भेजें।");
      else
        emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_OTP_INVALID, "otp",
                                  "The OTP is wrong. Check it with the citizen and try again.",
                                  "OTP गलत है। नागरिक से पुष्टि करके फिर से प्रयास करें।");
    }
  if (error != NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }

  otp->used = TRUE;
  family = emitra_sandbox_directory_get_family (self->directory, otp->family_id);
  reply = json_object_new ();
  json_object_set_object_member (reply, "member",
                                 emitra_sandbox_directory_member_record (self->directory, family, otp->member_index, today));
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, reply);
}

/* The first bytes of each accepted file type. */
static gboolean
looks_like (const char *content_type,
            GBytes     *data)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  if (g_str_equal (content_type, "application/pdf"))
    return size >= 5 && memcmp (bytes, "%PDF-", 5) == 0;
  if (g_str_equal (content_type, "image/jpeg"))
    return size >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
  if (g_str_equal (content_type, "image/png"))
    return size >= 8 && memcmp (bytes, "\x89PNG\r\n\x1a\n", 8) == 0;
  return FALSE;
}

void
_emitra_sandbox_handle_document (EmitraSandboxRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  const char *kind = g_hash_table_lookup (request->query, "kind");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *document, *reply;

  if (!_emitra_sandbox_authenticate (request, &error))
    {
      reply_error_and_clear (request, &error);
      return;
    }

  data = soup_message_body_flatten (soup_server_message_get_request_body (request->msg));
  if (kind != NULL && !_emitra_sandbox_is_token (kind, 1, 64))
    emitra_sandbox_set_field_error (&error, "kind", "format");
  else if (g_bytes_get_size (data) == 0)
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_INVALID_REQUEST, NULL,
                              "The document is empty.", "दस्तावेज़ खाली है।");
  else if (g_bytes_get_size (data) > EMITRA_SANDBOX_MAX_DOCUMENT_BODY)
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_PAYLOAD_TOO_LARGE, NULL,
                              "The document is larger than 2 MB.", "दस्तावेज़ 2 MB से बड़ा है।");
  else if (content_type == NULL ||
           (!g_str_equal (content_type, "application/pdf") && !g_str_equal (content_type, "image/jpeg") &&
            !g_str_equal (content_type, "image/png")))
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_UNSUPPORTED_MEDIA_TYPE, NULL,
                              "Only PDF, JPEG and PNG scans can be uploaded.",
                              "केवल PDF, JPEG और PNG स्कैन अपलोड किए जा सकते हैं।");
  else if (!looks_like (content_type, data))
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_UNSUPPORTED_MEDIA_TYPE, NULL,
                              "The file's contents do not match its type.",
                              "फ़ाइल की सामग्री उसके प्रकार से मेल नहीं खाती।");
  if (error != NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }

  document = emitra_sandbox_store_add_document (request->sandbox->store,
                                                emitra_json_get_string_or (request->session->kiosk, "code", ""),
                                                kind, content_type, data, &error);
  if (document == NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }
  reply = json_object_new ();
  json_object_set_object_member (reply, "document", document);
  _emitra_sandbox_reply_json (request, SOUP_STATUS_CREATED, reply);
}

void
_emitra_sandbox_handle_bill (EmitraSandboxRequest *request)
{
  const char *service_id = g_hash_table_lookup (request->query, "service_id");
  const char *consumer_number = g_hash_table_lookup (request->query, "consumer_number");
  const EmitraSandboxService *service;
  g_autoptr(GError) error = NULL;
  JsonObject *bill, *reply;

  if (!_emitra_sandbox_authenticate (request, &error))
    {
      reply_error_and_clear (request, &error);
      return;
    }
  if (service_id == NULL)
    emitra_sandbox_set_field_error (&error, "service_id", "missing");
  else if (consumer_number == NULL)
    emitra_sandbox_set_field_error (&error, "consumer_number", "missing");
  else if (!_emitra_sandbox_is_token (consumer_number, 4, 24))
    emitra_sandbox_set_field_error (&error, "consumer_number", "format");
  else if ((service = emitra_sandbox_catalog_lookup (request->sandbox->catalog, service_id)) == NULL)
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_UNKNOWN_SERVICE, "service_id",
                              "This service is not in the catalog.", "यह सेवा सूची में नहीं है।");
  else if (!service->bill)
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_INVALID_REQUEST, "service_id",
                              "This service has no bills to fetch.", "इस सेवा का कोई बिल नहीं होता।");
  if (error != NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }

  bill = emitra_sandbox_store_get_bill (request->sandbox->store, service_id, consumer_number, &error);
  if (bill == NULL)
    {
      reply_error_and_clear (request, &error);
      return;
    }
  reply = json_object_new ();
  json_object_set_object_member (reply, "bill", bill);
  _emitra_sandbox_reply_json (request, SOUP_STATUS_OK, reply);
}
