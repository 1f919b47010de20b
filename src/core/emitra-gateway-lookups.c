/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gateway calls that look things up for a citizen's application: a
 * Jan Aadhaar family, the OTP that unlocks a member's record for
 * pre-filling, uploading a scanned document, and fetching a bill. Reads
 * are retried after transient failures; the OTP calls and the upload are
 * not (each creates something at the gateway).
 */
#include "config.h"

#include "emitra-gateway-client-private.h"

#include "emitra-gateway-replies.h"

#include <glib/gi18n-lib.h>

#define MAX_DOCUMENT_BYTES (2 * 1024 * 1024)

void
emitra_gateway_client_get_family_async (EmitraGatewayClient *self,
                                        const char          *family_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *id = _emitra_gateway_escape (family_id);

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  _emitra_gateway_client_typed_async (self,
                                      _emitra_gateway_call_new ("GET", EMITRA_GATEWAY_CALL_AUTH | EMITRA_GATEWAY_CALL_RETRY,
                                                                "/v1/jan-aadhaar/families/%s", id),
                                      (EmitraGatewayParseFunc) emitra_gateway_parse_family, g_object_unref,
                                      emitra_gateway_client_get_family_async, cancellable, callback, user_data);
}

EmitraFamily *
emitra_gateway_client_get_family_finish (EmitraGatewayClient  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_get_family_async, error);
}

typedef struct
{
  char *otp_ref;
  char *mobile_masked;
} OtpResult;

static void
otp_result_free (gpointer data)
{
  OtpResult *otp = data;

  g_free (otp->otp_ref);
  g_free (otp->mobile_masked);
  g_free (otp);
}

static gpointer
parse_otp_result (GBytes  *body,
                  GError **error)
{
  g_autofree char *mobile = NULL;
  char *otp_ref = emitra_gateway_parse_otp (body, &mobile, error);
  OtpResult *otp;

  if (otp_ref == NULL)
    return NULL;
  otp = g_new0 (OtpResult, 1);
  otp->otp_ref = otp_ref;
  otp->mobile_masked = g_steal_pointer (&mobile);
  return otp;
}

/* Both OTP calls post two strings as a JSON object. */
static EmitraGatewayCall *
otp_call_new (const char *path,
              const char *name1,
              const char *value1,
              const char *name2,
              const char *value2)
{
  g_autoptr(JsonObject) body = json_object_new ();
  EmitraGatewayCall *call = _emitra_gateway_call_new ("POST", EMITRA_GATEWAY_CALL_AUTH, "%s", path);

  json_object_set_string_member (body, name1, value1);
  json_object_set_string_member (body, name2, value2);
  _emitra_gateway_call_set_json (call, body);
  return call;
}

void
emitra_gateway_client_send_otp_async (EmitraGatewayClient *self,
                                      const char          *family_id,
                                      const char          *member_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  EmitraGatewayCall *call;

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (family_id != NULL && member_id != NULL);

  call = otp_call_new ("/v1/jan-aadhaar/otp", "family_id", family_id, "member_id", member_id);
  _emitra_gateway_client_typed_async (self, call, parse_otp_result, otp_result_free,
                                      emitra_gateway_client_send_otp_async, cancellable, callback, user_data);
}

char *
emitra_gateway_client_send_otp_finish (EmitraGatewayClient  *self,
                                       GAsyncResult         *result,
                                       char                **out_mobile_masked,
                                       GError              **error)
{
  OtpResult *otp = _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_send_otp_async, error);
  char *otp_ref;

  if (otp == NULL)
    return NULL;
  if (out_mobile_masked != NULL)
    *out_mobile_masked = g_steal_pointer (&otp->mobile_masked);
  otp_ref = g_steal_pointer (&otp->otp_ref);
  otp_result_free (otp);
  return otp_ref;
}

void
emitra_gateway_client_verify_otp_async (EmitraGatewayClient *self,
                                        const char          *otp_ref,
                                        const char          *otp,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  EmitraGatewayCall *call;

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (otp_ref != NULL && otp != NULL);

  call = otp_call_new ("/v1/jan-aadhaar/otp/verify", "otp_ref", otp_ref, "otp", otp);
  _emitra_gateway_client_typed_async (self, call, (EmitraGatewayParseFunc) emitra_gateway_parse_member,
                                      g_object_unref, emitra_gateway_client_verify_otp_async,
                                      cancellable, callback, user_data);
}

EmitraFamilyMember *
emitra_gateway_client_verify_otp_finish (EmitraGatewayClient  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_verify_otp_async, error);
}

void
emitra_gateway_client_upload_document_async (EmitraGatewayClient *self,
                                             GBytes              *data,
                                             const char          *content_type,
                                             const char          *kind,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  EmitraGatewayCall *call;

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (data != NULL && content_type != NULL);

  if (g_bytes_get_size (data) > MAX_DOCUMENT_BYTES)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
      GError *error = NULL;

      g_task_set_source_tag (task, emitra_gateway_client_upload_document_async);
      emitra_gateway_error_set (&error, EMITRA_GATEWAY_ERROR_INVALID_REQUEST, "PAYLOAD_TOO_LARGE", NULL,
                                _("The scan is larger than 2 MB. Scan it again at a lower resolution."));
      g_task_return_error (task, error);
      return;
    }

  if (kind != NULL)
    {
      g_autofree char *escaped = _emitra_gateway_escape (kind);
      call = _emitra_gateway_call_new ("POST", EMITRA_GATEWAY_CALL_AUTH, "/v1/documents?kind=%s", escaped);
    }
  else
    call = _emitra_gateway_call_new ("POST", EMITRA_GATEWAY_CALL_AUTH, "/v1/documents");
  call->body = g_bytes_ref (data);
  call->content_type = content_type;
  call->timeout_ms = self->timeout_ms * 4;
  _emitra_gateway_client_typed_async (self, call, (EmitraGatewayParseFunc) emitra_gateway_parse_document,
                                      g_free, emitra_gateway_client_upload_document_async,
                                      cancellable, callback, user_data);
}

char *
emitra_gateway_client_upload_document_finish (EmitraGatewayClient  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_upload_document_async, error);
}

void
emitra_gateway_client_fetch_bill_async (EmitraGatewayClient *self,
                                        const char          *service_id,
                                        const char          *consumer_number,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *service = _emitra_gateway_escape (service_id);
  g_autofree char *consumer = _emitra_gateway_escape (consumer_number);

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  _emitra_gateway_client_typed_async (self,
                                      _emitra_gateway_call_new ("GET", EMITRA_GATEWAY_CALL_AUTH | EMITRA_GATEWAY_CALL_RETRY,
                                                                "/v1/bills?service_id=%s&consumer_number=%s",
                                                                service, consumer),
                                      (EmitraGatewayParseFunc) emitra_gateway_parse_bill, g_object_unref,
                                      emitra_gateway_client_fetch_bill_async, cancellable, callback, user_data);
}

EmitraBill *
emitra_gateway_client_fetch_bill_finish (EmitraGatewayClient  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_fetch_bill_async, error);
}
