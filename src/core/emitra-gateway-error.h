/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EMITRA_GATEWAY_ERROR (emitra_gateway_error_quark ())

/* What went wrong talking to the gateway. The message of every error in
 * this domain is ready to show the operator, in the UI's language. */
typedef enum {
  EMITRA_GATEWAY_ERROR_NETWORK,              /* not reachable, connection lost */
  EMITRA_GATEWAY_ERROR_TIMEOUT,              /* no (complete) answer in time */
  EMITRA_GATEWAY_ERROR_UNAUTHORIZED,         /* no session, bad token, session expired, wrong password */
  EMITRA_GATEWAY_ERROR_FORBIDDEN,            /* role or kiosk may not do this */
  EMITRA_GATEWAY_ERROR_NOT_FOUND,
  EMITRA_GATEWAY_ERROR_INVALID_REQUEST,      /* see emitra_gateway_error_get_field() */
  EMITRA_GATEWAY_ERROR_INSUFFICIENT_BALANCE, /* the kiosk wallet cannot pay */
  EMITRA_GATEWAY_ERROR_CONFLICT,             /* request ID reused, not cancellable, already paid... */
  EMITRA_GATEWAY_ERROR_SERVER,               /* 5xx or an unexpected status */
  EMITRA_GATEWAY_ERROR_MALFORMED_REPLY,      /* a reply that is not what docs/api.md says */
  EMITRA_GATEWAY_ERROR_TLS,                  /* the certificate did not verify */
  EMITRA_GATEWAY_ERROR_INSECURE,             /* plain http:// to a host that is not loopback */
  EMITRA_GATEWAY_ERROR_BAD_ADDRESS,          /* the configured gateway URL is not usable */
} EmitraGatewayError;

GQuark      emitra_gateway_error_quark         (void);

void        emitra_gateway_error_set           (GError             **error,
                                                EmitraGatewayError   code,
                                                const char          *gateway_code,
                                                const char          *field,
                                                const char          *message);
const char *emitra_gateway_error_get_field     (const GError        *error);
const char *emitra_gateway_error_get_gateway_code (const GError     *error);
gboolean    emitra_gateway_error_is_transient  (const GError        *error);


G_END_DECLS
