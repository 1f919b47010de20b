/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * EmitraGatewayClient: the desk's side of docs/api.md. This file holds the
 * object (its settings, the signed-in session, the gateway's mode), the
 * address check, sign-out and the catalog call; emitra-gateway-sessions.c
 * has sign-in (and the password's verifier), emitra-gateway-lookups.c Jan
 * Aadhaar, documents and bills, emitra-gateway-transactions.c the money
 * calls, emitra-gateway-call.c the transport, emitra-gateway-replies.c the
 * parsing.
 *
 * Security rules enforced here: https only, except plain http to this
 * computer (the training sandbox); the system's CAs always apply; the
 * token is never logged or stored.
 */
#include "config.h"

#include "emitra-gateway-client-private.h"

#include "emitra-gateway-replies.h"
#include "emitra-json.h"

#include <glib/gi18n-lib.h>

#define DEFAULT_TIMEOUT_MS     15000
#define DEFAULT_MAX_ATTEMPTS   4
#define DEFAULT_RETRY_BASE_MS  500

G_DEFINE_FINAL_TYPE (EmitraGatewayClient, emitra_gateway_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOUP_SESSION,
  PROP_BASE_URI,
  PROP_OPERATOR_SESSION,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the address ------------------------------------------------------- */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static char *
check_base_uri (const char  *base_uri,
                GError     **error)
{
  g_autoptr(GUri) uri = base_uri != NULL ? g_uri_parse (base_uri, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  const char *scheme;
  gsize length;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The gateway address “%s” is not a usable web address."),
                                                  base_uri != NULL ? base_uri : "");
      emitra_gateway_error_set (error, EMITRA_GATEWAY_ERROR_BAD_ADDRESS, NULL, NULL, message);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (uri))))
    {
      emitra_gateway_error_set (error, EMITRA_GATEWAY_ERROR_INSECURE, NULL, NULL,
                                _("The gateway address must start with https://. Plain http:// is allowed only to this computer."));
      return NULL;
    }

  length = strlen (base_uri);
  while (length > 0 && base_uri[length - 1] == '/')
    length--;
  return g_strndup (base_uri, length);
}

/**
 * emitra_gateway_client_new:
 * @session: the SoupSession to use (tests and the app inject their own)
 * @base_uri: the gateway, such as "https://gateway.example.in" (the API's
 *   "/v1/..." paths are appended)
 *
 * Fails with INSECURE for http:// to anything but loopback, BAD_ADDRESS for
 * an address that cannot be used.
 */
EmitraGatewayClient *
emitra_gateway_client_new (SoupSession  *session,
                           const char   *base_uri,
                           GError      **error)
{
  g_autoptr(EmitraGatewayClient) self = NULL;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);

  self = g_object_new (EMITRA_TYPE_GATEWAY_CLIENT, "soup-session", session, "base-uri", base_uri, NULL);
  if (self->config_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->config_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
emitra_gateway_client_get_base_uri (EmitraGatewayClient *self)
{
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (self), NULL);
  return self->base_uri;
}

SoupSession *
emitra_gateway_client_get_soup_session (EmitraGatewayClient *self)
{
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (self), NULL);
  return self->session;
}

gboolean
emitra_gateway_client_set_ca_file (EmitraGatewayClient  *self,
                                   const char           *path,
                                   GError              **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (self), FALSE);

  if (path != NULL && path[0] != '\0')
    {
      database = g_tls_file_database_new (path, &local_error);
      if (database == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The certificate file %s could not be loaded: %s"),
                                                      path, local_error->message);
          emitra_gateway_error_set (error, EMITRA_GATEWAY_ERROR_TLS, NULL, NULL, message);
          return FALSE;
        }
    }

  g_set_object (&self->ca_database, database);
  g_free (self->ca_file);
  self->ca_file = database != NULL ? g_strdup (path) : NULL;
  return TRUE;
}

const char *
emitra_gateway_client_get_ca_file (EmitraGatewayClient *self)
{
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (self), NULL);
  return self->ca_file;
}

void
emitra_gateway_client_set_timeout (EmitraGatewayClient *self,
                                   guint                timeout_ms)
{
  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (timeout_ms > 0);
  self->timeout_ms = timeout_ms;
}

guint
emitra_gateway_client_get_timeout (EmitraGatewayClient *self)
{
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (self), 0);
  return self->timeout_ms;
}

void
emitra_gateway_client_set_retry (EmitraGatewayClient *self,
                                 guint                max_attempts,
                                 guint                base_delay_ms)
{
  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (max_attempts >= 1 && max_attempts <= 20);
  self->max_attempts = max_attempts;
  self->retry_base_ms = base_delay_ms;
}

void
emitra_gateway_client_set_desk_id (EmitraGatewayClient *self,
                                   const char          *desk_id)
{
  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_free (self->desk_id);
  self->desk_id = g_strdup (desk_id);
}

EmitraOperatorSession *
emitra_gateway_client_get_operator_session (EmitraGatewayClient *self)
{
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (self), NULL);
  return self->operator_session;
}

void
_emitra_gateway_client_set_operator_session (EmitraGatewayClient   *self,
                                             EmitraOperatorSession *session)
{
  if (g_set_object (&self->operator_session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR_SESSION]);
}

const char *
emitra_gateway_client_get_mode (EmitraGatewayClient *self)
{
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (self), NULL);
  return self->mode;
}

gboolean
emitra_gateway_client_is_training (EmitraGatewayClient *self)
{
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (self), FALSE);
  return g_strcmp0 (self->mode, "training") == 0;
}

void
_emitra_gateway_client_note_mode (EmitraGatewayClient *self,
                                  const char          *mode)
{
  if (mode == NULL || (!g_str_equal (mode, "training") && !g_str_equal (mode, "production")))
    return;
  if (g_strcmp0 (self->mode, mode) == 0)
    return;
  g_free (self->mode);
  self->mode = g_strdup (mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

char *
_emitra_gateway_escape (const char *text)
{
  return g_uri_escape_string (text != NULL ? text : "", NULL, FALSE);
}

/* ---- typed calls -------------------------------------------------------- */

static void
on_typed_reply_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(EmitraGatewayReply) reply = NULL;
  GError *error = NULL;

  reply = _emitra_gateway_client_call_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (reply == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&reply->parsed), reply->parsed_free);
}

/* Sends @call (taken) and parses a successful reply with @parse. */
void
_emitra_gateway_client_typed_async (EmitraGatewayClient    *self,
                                    EmitraGatewayCall      *call,
                                    EmitraGatewayParseFunc  parse,
                                    GDestroyNotify          result_free,
                                    gpointer                source_tag,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  call->parse = parse;
  call->parsed_free = result_free;
  _emitra_gateway_client_call_async (self, call, cancellable, on_typed_reply_cb, task);
}

gpointer
_emitra_gateway_client_typed_finish (EmitraGatewayClient  *self,
                                     GAsyncResult         *result,
                                     gpointer              source_tag,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- sessions ----------------------------------------------------------- */

static void
on_signed_out_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(EmitraGatewayReply) reply = NULL;
  GError *error = NULL;

  reply = _emitra_gateway_client_call_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (reply == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
emitra_gateway_client_sign_out_async (EmitraGatewayClient *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_gateway_client_sign_out_async);
  _emitra_gateway_client_forget_password_check (self);
  if (self->operator_session == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  /* The request takes the token with it synchronously; then the desk
   * forgets it whatever the network does. */
  _emitra_gateway_client_call_async (self, _emitra_gateway_call_new ("DELETE", EMITRA_GATEWAY_CALL_AUTH,
                                                                     "/v1/sessions/current"),
                                     cancellable, on_signed_out_cb, task);
  _emitra_gateway_client_set_operator_session (self, NULL);
}

gboolean
emitra_gateway_client_sign_out_finish (EmitraGatewayClient  *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the catalog -------------------------------------------------------- */

typedef struct
{
  GBytes *catalog;
  char   *etag;
} CatalogResult;

static void
catalog_result_free (gpointer data)
{
  CatalogResult *result = data;

  g_clear_pointer (&result->catalog, g_bytes_unref);
  g_free (result->etag);
  g_free (result);
}

static void
on_catalog_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(EmitraGatewayReply) reply = NULL;
  CatalogResult *out;
  GError *error = NULL;

  reply = _emitra_gateway_client_call_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  out = g_new0 (CatalogResult, 1);
  if (reply->status == SOUP_STATUS_NOT_MODIFIED)
    out->etag = g_strdup (reply->etag != NULL ? reply->etag : g_task_get_task_data (task));
  else
    {
      /* Checked by emitra_gateway_parse_catalog() within the attempt. */
      out->catalog = g_bytes_ref (reply->body);
      out->etag = g_strdup (reply->etag);
    }
  g_task_return_pointer (task, out, catalog_result_free);
}

/* The catalog's check: the parsed tree itself is not kept (the catalog
 * store reads the bytes again), so it is let go where it was made, on the
 * parsing thread (a big reply's tree is freed in many small pieces). */
static gpointer
check_catalog (GBytes  *body,
               GError **error)
{
  g_autoptr(JsonObject) document = emitra_gateway_parse_catalog (body, error);

  return document != NULL ? GINT_TO_POINTER (TRUE) : NULL;
}

void
emitra_gateway_client_fetch_catalog_async (EmitraGatewayClient *self,
                                           const char          *etag,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  EmitraGatewayCall *call;
  GTask *task;

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_gateway_client_fetch_catalog_async);
  g_task_set_task_data (task, g_strdup (etag), g_free);

  call = _emitra_gateway_call_new ("GET", EMITRA_GATEWAY_CALL_RETRY, "/v1/catalog");
  call->max_reply = EMITRA_GATEWAY_MAX_CATALOG_REPLY;
  call->timeout_ms = self->timeout_ms * 4;
  call->if_none_match = etag != NULL && etag[0] != '\0' ? g_strdup (etag) : NULL;
  call->parse = check_catalog;
  call->parsed_free = NULL;
  _emitra_gateway_client_call_async (self, call, cancellable, on_catalog_cb, task);
}

gboolean
emitra_gateway_client_fetch_catalog_finish (EmitraGatewayClient  *self,
                                            GAsyncResult         *result,
                                            GBytes              **out_catalog,
                                            char                **out_etag,
                                            GError              **error)
{
  CatalogResult *catalog;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  catalog = g_task_propagate_pointer (G_TASK (result), error);
  if (catalog == NULL)
    return FALSE;
  if (out_catalog != NULL)
    *out_catalog = g_steal_pointer (&catalog->catalog);
  if (out_etag != NULL)
    *out_etag = g_steal_pointer (&catalog->etag);
  catalog_result_free (catalog);
  return TRUE;
}

/* ---- the object ---------------------------------------------------------- */

static void
emitra_gateway_client_constructed (GObject *object)
{
  EmitraGatewayClient *self = EMITRA_GATEWAY_CLIENT (object);
  g_autofree char *requested = g_steal_pointer (&self->base_uri);

  G_OBJECT_CLASS (emitra_gateway_client_parent_class)->constructed (object);

  /* A client built with g_object_new() and a bad address still refuses
   * to send anything: every call fails with this error. */
  self->base_uri = check_base_uri (requested, &self->config_error);
}

static void
emitra_gateway_client_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EmitraGatewayClient *self = EMITRA_GATEWAY_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SOUP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_BASE_URI: g_value_set_string (value, self->base_uri); break;
    case PROP_OPERATOR_SESSION: g_value_set_object (value, self->operator_session); break;
    case PROP_MODE: g_value_set_string (value, self->mode); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_gateway_client_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EmitraGatewayClient *self = EMITRA_GATEWAY_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SOUP_SESSION: self->session = g_value_dup_object (value); break;
    case PROP_BASE_URI: self->base_uri = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_gateway_client_finalize (GObject *object)
{
  EmitraGatewayClient *self = EMITRA_GATEWAY_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->ca_database);
  g_clear_object (&self->operator_session);
  g_clear_object (&self->password_check);
  g_clear_error (&self->config_error);
  g_free (self->base_uri);
  g_free (self->ca_file);
  g_free (self->mode);
  g_free (self->desk_id);
  g_free (self->password_check_sso_id);
  g_free (self->password_check_kiosk);

  G_OBJECT_CLASS (emitra_gateway_client_parent_class)->finalize (object);
}

static void
emitra_gateway_client_class_init (EmitraGatewayClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = emitra_gateway_client_constructed;
  object_class->get_property = emitra_gateway_client_get_property;
  object_class->set_property = emitra_gateway_client_set_property;
  object_class->finalize = emitra_gateway_client_finalize;

  properties[PROP_SOUP_SESSION] =
    g_param_spec_object ("soup-session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPERATOR_SESSION] =
    g_param_spec_object ("operator-session", NULL, NULL, EMITRA_TYPE_OPERATOR_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_gateway_client_init (EmitraGatewayClient *self)
{
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->retry_base_ms = DEFAULT_RETRY_BASE_MS;
}
