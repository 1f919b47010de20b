/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox's errors are the API's errors: a code, an HTTP status, a
 * sentence in English and in Hindi, and the request member to blame. The
 * Hindi sentence and the field ride on the GError as extended-error
 * private data, so store and handlers can fail with a plain GError and
 * the server turns it into the documented body in one place.
 */
#include "config.h"

#include "emitra-sandbox-error.h"

#include <libsoup/soup.h>

typedef struct
{
  char *message_hi;
  char *field;
} EmitraSandboxErrorPrivate;

static void
emitra_sandbox_error_private_init (EmitraSandboxErrorPrivate *priv)
{
}

static void
emitra_sandbox_error_private_copy (const EmitraSandboxErrorPrivate *src,
                                   EmitraSandboxErrorPrivate       *dest)
{
  dest->message_hi = g_strdup (src->message_hi);
  dest->field = g_strdup (src->field);
}

static void
emitra_sandbox_error_private_clear (EmitraSandboxErrorPrivate *priv)
{
  g_clear_pointer (&priv->message_hi, g_free);
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (EmitraSandboxError, emitra_sandbox_error)

static const struct
{
  const char *name;
  guint       status;
} codes[] = {
  [EMITRA_SANDBOX_ERROR_INVALID_REQUEST]        = { "INVALID_REQUEST", 400 },
  [EMITRA_SANDBOX_ERROR_UNKNOWN_SERVICE]        = { "UNKNOWN_SERVICE", 400 },
  [EMITRA_SANDBOX_ERROR_UNKNOWN_DOCUMENT]       = { "UNKNOWN_DOCUMENT", 400 },
  [EMITRA_SANDBOX_ERROR_OTP_INVALID]            = { "OTP_INVALID", 400 },
  [EMITRA_SANDBOX_ERROR_OTP_EXPIRED]            = { "OTP_EXPIRED", 400 },
  [EMITRA_SANDBOX_ERROR_UNAUTHORIZED]           = { "UNAUTHORIZED", 401 },
  [EMITRA_SANDBOX_ERROR_SESSION_EXPIRED]        = { "SESSION_EXPIRED", 401 },
  [EMITRA_SANDBOX_ERROR_BAD_CREDENTIALS]        = { "BAD_CREDENTIALS", 401 },
  [EMITRA_SANDBOX_ERROR_INSUFFICIENT_BALANCE]   = { "INSUFFICIENT_BALANCE", 402 },
  [EMITRA_SANDBOX_ERROR_FORBIDDEN]              = { "FORBIDDEN", 403 },
  [EMITRA_SANDBOX_ERROR_KIOSK_MISMATCH]         = { "KIOSK_MISMATCH", 403 },
  [EMITRA_SANDBOX_ERROR_NOT_FOUND]              = { "NOT_FOUND", 404 },
  [EMITRA_SANDBOX_ERROR_METHOD_NOT_ALLOWED]     = { "METHOD_NOT_ALLOWED", 405 },
  [EMITRA_SANDBOX_ERROR_REQUEST_ID_REUSED]      = { "REQUEST_ID_REUSED", 409 },
  [EMITRA_SANDBOX_ERROR_NOT_CANCELLABLE]        = { "NOT_CANCELLABLE", 409 },
  [EMITRA_SANDBOX_ERROR_ALREADY_PAID]           = { "ALREADY_PAID", 409 },
  [EMITRA_SANDBOX_ERROR_AMOUNT_CHANGED]         = { "AMOUNT_CHANGED", 409 },
  [EMITRA_SANDBOX_ERROR_PAYLOAD_TOO_LARGE]      = { "PAYLOAD_TOO_LARGE", 413 },
  [EMITRA_SANDBOX_ERROR_UNSUPPORTED_MEDIA_TYPE] = { "UNSUPPORTED_MEDIA_TYPE", 415 },
  [EMITRA_SANDBOX_ERROR_TOO_MANY_ATTEMPTS]      = { "TOO_MANY_ATTEMPTS", 429 },
  [EMITRA_SANDBOX_ERROR_INTERNAL]               = { "INTERNAL", 500 },
  [EMITRA_SANDBOX_ERROR_UNAVAILABLE]            = { "UNAVAILABLE", 503 },
};

void
emitra_sandbox_set_error (GError             **error,
                          EmitraSandboxError   code,
                          const char          *field,
                          const char          *message_en,
                          const char          *message_hi)
{
  EmitraSandboxErrorPrivate *priv;

  if (error == NULL)
    return;

  g_set_error_literal (error, EMITRA_SANDBOX_ERROR, code, message_en);
  priv = emitra_sandbox_error_get_private (*error);
  priv->message_hi = g_strdup (message_hi);
  priv->field = g_strdup (field);
}

void
emitra_sandbox_set_error_printf (GError             **error,
                                 EmitraSandboxError   code,
                                 const char          *field,
                                 const char          *format_en,
                                 const char          *format_hi,
                                 ...)
{
  g_autofree char *message_en = NULL;
  g_autofree char *message_hi = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format_hi);
  message_en = g_strdup_vprintf (format_en, args);
  va_end (args);
  va_start (args, format_hi);
  message_hi = g_strdup_vprintf (format_hi, args);
  va_end (args);

  emitra_sandbox_set_error (error, code, field, message_en, message_hi);
}

/* @problem: "missing", "string", "integer", "object", "array", or "format". */
void
emitra_sandbox_set_field_error (GError     **error,
                                const char  *field,
                                const char  *problem)
{
  static const struct { const char *problem, *en, *hi; } sentences[] = {
    { "missing", "“%s” is missing.", "“%s” नहीं दिया गया है।" },
    { "string",  "“%s” must be a string.", "“%s” टेक्स्ट होना चाहिए।" },
    { "integer", "“%s” must be a whole number.", "“%s” पूर्ण संख्या होनी चाहिए।" },
    { "object",  "“%s” must be an object.", "“%s” एक ऑब्जेक्ट होना चाहिए।" },
    { "array",   "“%s” must be a list.", "“%s” एक सूची होनी चाहिए।" },
    { "format",  "“%s” is not in the expected format.", "“%s” अपेक्षित प्रारूप में नहीं है।" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    if (g_str_equal (sentences[i].problem, problem))
      {
        emitra_sandbox_set_error_printf (error, EMITRA_SANDBOX_ERROR_INVALID_REQUEST, field,
                                         sentences[i].en, sentences[i].hi, field, field);
        return;
      }
  g_assert_not_reached ();
}

guint
emitra_sandbox_error_status (const GError *error)
{
  if (error->domain == EMITRA_SANDBOX_ERROR && error->code >= 0 && (gsize) error->code < G_N_ELEMENTS (codes))
    return codes[error->code].status;
  return SOUP_STATUS_INTERNAL_SERVER_ERROR;
}

/* Any other domain (a SQLite failure, say) is an INTERNAL error; its
 * detail goes to the log, not to the client. */
JsonObject *
emitra_sandbox_error_to_json (const GError *error)
{
  JsonObject *body = json_object_new ();
  JsonObject *object = json_object_new ();

  if (error->domain == EMITRA_SANDBOX_ERROR && error->code >= 0 && (gsize) error->code < G_N_ELEMENTS (codes))
    {
      EmitraSandboxErrorPrivate *priv = emitra_sandbox_error_get_private (error);

      json_object_set_string_member (object, "code", codes[error->code].name);
      json_object_set_string_member (object, "message_en", error->message);
      json_object_set_string_member (object, "message_hi",
                                     priv->message_hi != NULL ? priv->message_hi : error->message);
      if (priv->field != NULL)
        json_object_set_string_member (object, "field", priv->field);
    }
  else
    {
      json_object_set_string_member (object, "code", "INTERNAL");
      json_object_set_string_member (object, "message_en", "The gateway failed to carry out the request.");
      json_object_set_string_member (object, "message_hi", "गेटवे अनुरोध पूरा नहीं कर सका।");
    }

  json_object_set_string_member (body, "mode", "training");
  json_object_set_object_member (body, "error", object);
  return body;
}
