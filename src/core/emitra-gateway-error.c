/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gateway client's error domain. It is an extended GError: besides the
 * code and the message, an error carries the gateway's own code string
 * ("OTP_INVALID") and the request field to blame ("consumer_number"), so
 * the GUI can put the message under the right entry. Being part of the
 * GError, they survive g_error_copy() and GTask, unlike a side table.
 */
#include "config.h"

#include "emitra-gateway-error.h"

typedef struct
{
  char *gateway_code;
  char *field;
} EmitraGatewayErrorPrivate;

static void
emitra_gateway_error_private_init (EmitraGatewayErrorPrivate *priv)
{
}

static void
emitra_gateway_error_private_copy (const EmitraGatewayErrorPrivate *src,
                                   EmitraGatewayErrorPrivate       *dest)
{
  dest->gateway_code = g_strdup (src->gateway_code);
  dest->field = g_strdup (src->field);
}

static void
emitra_gateway_error_private_clear (EmitraGatewayErrorPrivate *priv)
{
  g_clear_pointer (&priv->gateway_code, g_free);
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (EmitraGatewayError, emitra_gateway_error)

/**
 * emitra_gateway_error_set:
 * @gateway_code: (nullable): the gateway's code, such as "OTP_INVALID"
 * @field: (nullable): the request member the error is about
 * @message: a sentence for the operator, already in the UI's language
 */
void
emitra_gateway_error_set (GError             **error,
                          EmitraGatewayError   code,
                          const char          *gateway_code,
                          const char          *field,
                          const char          *message)
{
  EmitraGatewayErrorPrivate *priv;

  if (error == NULL)
    return;

  g_set_error_literal (error, EMITRA_GATEWAY_ERROR, code, message);
  priv = emitra_gateway_error_get_private (*error);
  priv->gateway_code = g_strdup (gateway_code);
  priv->field = g_strdup (field != NULL && field[0] != '\0' ? field : NULL);
}

/* The request member to show the message beside, or NULL. */
const char *
emitra_gateway_error_get_field (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != EMITRA_GATEWAY_ERROR)
    return NULL;
  return emitra_gateway_error_get_private (error)->field;
}

/* The gateway's code string ("SESSION_EXPIRED", "OTP_INVALID"...), or NULL
 * for errors the client found itself. */
const char *
emitra_gateway_error_get_gateway_code (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != EMITRA_GATEWAY_ERROR)
    return NULL;
  return emitra_gateway_error_get_private (error)->gateway_code;
}

/* TRUE when the request may or may not have been carried out and trying
 * again later can help: no answer, a 5xx, an unreadable answer. */
gboolean
emitra_gateway_error_is_transient (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  return error->domain == EMITRA_GATEWAY_ERROR &&
         (error->code == EMITRA_GATEWAY_ERROR_NETWORK ||
          error->code == EMITRA_GATEWAY_ERROR_TIMEOUT ||
          error->code == EMITRA_GATEWAY_ERROR_SERVER ||
          error->code == EMITRA_GATEWAY_ERROR_MALFORMED_REPLY);
}

