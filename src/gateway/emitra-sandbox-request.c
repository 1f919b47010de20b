/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every sandbox handler needs for one request: reading and checking
 * its input (JSON body, identifiers), authenticating its bearer token, and
 * filling in its reply or the documented error body.
 */
#include "config.h"

#include "emitra-sandbox-private.h"

#include "emitra-json.h"

#include <string.h>

GDate *
_emitra_sandbox_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) ist = g_date_time_add_seconds (now, 19800);

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (ist),
                         (GDateMonth) g_date_time_get_month (ist),
                         (GDateYear) g_date_time_get_year (ist));
}

void
_emitra_sandbox_reply_json (EmitraSandboxRequest *request,
                            guint                 status,
                            JsonObject           *body)
{
  g_autoptr(JsonObject) owned = body;
  char *text;

  if (!json_object_has_member (owned, "mode"))
    json_object_set_string_member (owned, "mode", "training");
  text = emitra_json_object_to_string (owned);
  request->status = status;
  g_clear_pointer (&request->body, g_bytes_unref);
  request->body = g_bytes_new_take (text, strlen (text));
}

void
_emitra_sandbox_reply_error (EmitraSandboxRequest *request,
                             const GError         *error)
{
  JsonObject *body = emitra_sandbox_error_to_json (error);
  JsonObject *detail = json_object_get_object_member (body, "error");
  const char *field = json_object_get_string_member_with_default (detail, "field", NULL);

  if (error->domain != EMITRA_SANDBOX_ERROR)
    g_warning ("%s %s: %s", soup_server_message_get_method (request->msg), request->path, error->message);
  /* Which refusal, on the log line: the code and the member it names, never
   * a value (no citizen data in the log). */
  g_free (request->error_note);
  request->error_note = g_strdup_printf ("error=%s%s%s", json_object_get_string_member (detail, "code"),
                                         field != NULL ? " field=" : "", field != NULL ? field : "");
  if (request->note == NULL)
    request->note = request->error_note;
  _emitra_sandbox_reply_json (request, emitra_sandbox_error_status (error), body);
}

gboolean
_emitra_sandbox_is_digits (const char *text,
                           gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Letters, digits, '-' and '_' only: IDs that are safe in a path and a log. */
gboolean
_emitra_sandbox_is_token (const char *text,
                          gsize       min_length,
                          gsize       max_length)
{
  gsize length = text != NULL ? strlen (text) : 0;

  if (length < min_length || length > max_length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '-' && text[i] != '_')
      return FALSE;
  return TRUE;
}

const char *
_emitra_sandbox_string_member (JsonObject  *object,
                               const char  *member,
                               gboolean     required,
                               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        emitra_sandbox_set_field_error (error, member, "missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      emitra_sandbox_set_field_error (error, member, "string");
      return NULL;
    }
  return json_node_get_string (node);
}

JsonObject *
_emitra_sandbox_read_json (EmitraSandboxRequest  *request,
                           GError               **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;

  if (g_bytes_get_size (bytes) > EMITRA_SANDBOX_MAX_JSON_BODY)
    {
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_PAYLOAD_TOO_LARGE, NULL,
                                "The request body is too large.", "अनुरोध का आकार बहुत बड़ा है।");
      return NULL;
    }
  object = emitra_json_parse_bytes (bytes, EMITRA_SANDBOX_MAX_JSON_BODY, &parse_error);
  if (object == NULL)
    emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_INVALID_REQUEST, NULL,
                              "The request body is not a JSON object.",
                              "अनुरोध का मुख्य भाग JSON ऑब्जेक्ट नहीं है।");
  return object;
}

gboolean
_emitra_sandbox_authenticate (EmitraSandboxRequest  *request,
                              GError               **error)
{
  EmitraSandbox *self = request->sandbox;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *digest = NULL;
  EmitraSandboxSession *session;

  if (authorization == NULL || !g_str_has_prefix (authorization, "Bearer ") || authorization[7] == '\0')
    {
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_UNAUTHORIZED, NULL,
                                "Sign in first.", "पहले साइन इन करें।");
      return FALSE;
    }

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, authorization + 7, -1);
  session = g_hash_table_lookup (self->sessions, digest);
  if (session == NULL)
    {
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_UNAUTHORIZED, NULL,
                                "This session is not known to the gateway. Sign in again.",
                                "यह सत्र गेटवे को ज्ञात नहीं है। फिर से साइन इन करें।");
      return FALSE;
    }
  if (g_get_real_time () >= session->expires_at)
    {
      g_hash_table_remove (self->sessions, digest);
      emitra_sandbox_set_error (error, EMITRA_SANDBOX_ERROR_SESSION_EXPIRED, NULL,
                                "Your session has expired. Sign in again.",
                                "आपका सत्र समाप्त हो गया है। फिर से साइन इन करें।");
      return FALSE;
    }

  request->session = session;
  return TRUE;
}

/* Called by a handler right after it committed a change: the drop fault
 * loses the reply exactly then, which is the double-charge trap. */
void
_emitra_sandbox_maybe_drop (EmitraSandboxRequest *request)
{
  if (emitra_sandbox_faults_take_drop (request->sandbox->faults, request->path))
    request->drop = TRUE;
}
