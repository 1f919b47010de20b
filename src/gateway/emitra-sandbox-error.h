/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The API's error codes (docs/api.md, Errors); each maps to one HTTP status. */
typedef enum {
  EMITRA_SANDBOX_ERROR_INVALID_REQUEST,
  EMITRA_SANDBOX_ERROR_UNKNOWN_SERVICE,
  EMITRA_SANDBOX_ERROR_UNKNOWN_DOCUMENT,
  EMITRA_SANDBOX_ERROR_OTP_INVALID,
  EMITRA_SANDBOX_ERROR_OTP_EXPIRED,
  EMITRA_SANDBOX_ERROR_UNAUTHORIZED,
  EMITRA_SANDBOX_ERROR_SESSION_EXPIRED,
  EMITRA_SANDBOX_ERROR_BAD_CREDENTIALS,
  EMITRA_SANDBOX_ERROR_INSUFFICIENT_BALANCE,
  EMITRA_SANDBOX_ERROR_FORBIDDEN,
  EMITRA_SANDBOX_ERROR_KIOSK_MISMATCH,
  EMITRA_SANDBOX_ERROR_NOT_FOUND,
  EMITRA_SANDBOX_ERROR_METHOD_NOT_ALLOWED,
  EMITRA_SANDBOX_ERROR_REQUEST_ID_REUSED,
  EMITRA_SANDBOX_ERROR_NOT_CANCELLABLE,
  EMITRA_SANDBOX_ERROR_ALREADY_PAID,
  EMITRA_SANDBOX_ERROR_AMOUNT_CHANGED,
  EMITRA_SANDBOX_ERROR_PAYLOAD_TOO_LARGE,
  EMITRA_SANDBOX_ERROR_UNSUPPORTED_MEDIA_TYPE,
  EMITRA_SANDBOX_ERROR_TOO_MANY_ATTEMPTS,
  EMITRA_SANDBOX_ERROR_INTERNAL,
  EMITRA_SANDBOX_ERROR_UNAVAILABLE,
} EmitraSandboxError;

#define EMITRA_SANDBOX_ERROR (emitra_sandbox_error_quark ())

GQuark      emitra_sandbox_error_quark     (void);

void        emitra_sandbox_set_error       (GError             **error,
                                            EmitraSandboxError   code,
                                            const char          *field,
                                            const char          *message_en,
                                            const char          *message_hi);
void        emitra_sandbox_set_error_printf (GError            **error,
                                            EmitraSandboxError   code,
                                            const char          *field,
                                            const char          *format_en,
                                            const char          *format_hi,
                                            ...);
void        emitra_sandbox_set_field_error (GError             **error,
                                            const char          *field,
                                            const char          *problem);
guint       emitra_sandbox_error_status    (const GError        *error);
JsonObject *emitra_sandbox_error_to_json   (const GError        *error);

G_END_DECLS
