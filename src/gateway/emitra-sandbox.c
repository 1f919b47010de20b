/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * emitra-sandbox's HTTP side: a SoupServer on 127.0.0.1 that routes the
 * API of docs/api.md to the handlers, authenticates bearer tokens, turns
 * GErrors into the documented error body, writes one log line per request,
 * and applies the injected faults around each request:
 *
 *   arrival -> [latency] -> [fail: 5xx without doing anything]
 *           -> handler (may commit) -> [drop: close without a reply]
 *           -> [malformed | oversized] -> [trickle] -> reply
 *
 * Everything runs on the main context's thread; a handler never waits on
 * anything but SQLite, so requests are handled one after another, which is
 * also what makes the store's transactions simple. The helpers handlers
 * share (input checks, authentication, replies) are in
 * emitra-sandbox-request.c.
 */
#include "config.h"

#include "emitra-sandbox-private.h"

#include "emitra-json.h"

#include <string.h>

#define OVERSIZED_BYTES (32 * 1024 * 1024)
#define TRICKLE_CHUNK   16

G_DEFINE_FINAL_TYPE (EmitraSandbox, emitra_sandbox, G_TYPE_OBJECT)

typedef struct
{
  const char           *method;
  const char           *pattern;   /* '*' matches one segment */
  EmitraSandboxHandler  handler;
  gboolean              control;
} Route;

static const Route routes[] = {
  { "GET",    "v1/status",                          _emitra_sandbox_handle_status, FALSE },
  { "POST",   "v1/sessions",                        _emitra_sandbox_handle_sign_in, FALSE },
  { "DELETE", "v1/sessions/current",                _emitra_sandbox_handle_sign_out, FALSE },
  { "GET",    "v1/catalog",                         _emitra_sandbox_handle_catalog, FALSE },
  { "GET",    "v1/jan-aadhaar/families/*",          _emitra_sandbox_handle_family, FALSE },
  { "POST",   "v1/jan-aadhaar/otp",                 _emitra_sandbox_handle_otp_send, FALSE },
  { "POST",   "v1/jan-aadhaar/otp/verify",          _emitra_sandbox_handle_otp_verify, FALSE },
  { "POST",   "v1/documents",                       _emitra_sandbox_handle_document, FALSE },
  { "GET",    "v1/bills",                           _emitra_sandbox_handle_bill, FALSE },
  { "POST",   "v1/transactions",                    _emitra_sandbox_handle_create, FALSE },
  { "GET",    "v1/transactions/by-request-id/*",    _emitra_sandbox_handle_verify, FALSE },
  { "GET",    "v1/transactions/*",                  _emitra_sandbox_handle_transaction, FALSE },
  { "POST",   "v1/transactions/*/cancel",           _emitra_sandbox_handle_cancel, FALSE },
  { "GET",    "v1/wallet",                          _emitra_sandbox_handle_wallet, FALSE },
  { "GET",    "v1/reports/daily",                   _emitra_sandbox_handle_report, FALSE },
  { "POST",   "v1/_control/faults",                 _emitra_sandbox_handle_control_faults, TRUE },
  { "POST",   "v1/_control/clock",                  _emitra_sandbox_handle_control_clock, TRUE },
  { "POST",   "v1/_control/wallet",                 _emitra_sandbox_handle_control_wallet, TRUE },
  { "GET",    "v1/_control/stats",                  _emitra_sandbox_handle_control_stats, TRUE },
};

static void
session_free (gpointer data)
{
  EmitraSandboxSession *session = data;

  g_free (session->desk_id);
  g_free (session);
}

static void
otp_free (gpointer data)
{
  EmitraSandboxOtp *otp = data;

  g_free (otp->family_id);
  g_free (otp);
}

static void
request_free (EmitraSandboxRequest *request)
{
  g_clear_handle_id (&request->trickle_source, g_source_remove);
  if (request->msg != NULL)
    g_signal_handlers_disconnect_by_data (request->msg, request);
  g_clear_object (&request->msg);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_strfreev (request->segments);
  g_free (request->path);
  g_free (request->error_note);
  g_free (request);
}

static gboolean
segments_match (const char  *pattern,
                char       **segments)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "/", -1);
  guint i;

  for (i = 0; parts[i] != NULL; i++)
    {
      if (segments[i] == NULL)
        return FALSE;
      if (!g_str_equal (parts[i], "*") ? !g_str_equal (parts[i], segments[i]) : segments[i][0] == '\0')
        return FALSE;
    }
  return segments[i] == NULL;
}

static void
dispatch (EmitraSandboxRequest *request)
{
  const char *method = soup_server_message_get_method (request->msg);
  gboolean path_known = FALSE;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      /* "by-request-id" must not be taken for a transaction ID. */
      if (routes[i].handler == _emitra_sandbox_handle_transaction &&
          g_strv_length (request->segments) > 2 && g_str_equal (request->segments[2], "by-request-id"))
        continue;
      if (!segments_match (routes[i].pattern, request->segments))
        continue;
      if (routes[i].control && !request->sandbox->control)
        break;
      path_known = TRUE;
      if (g_str_equal (routes[i].method, method))
        {
          routes[i].handler (request);
          return;
        }
    }

  if (path_known)
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_METHOD_NOT_ALLOWED, NULL,
                              "This method is not allowed here.", "यहाँ यह विधि मान्य नहीं है।");
  else
    emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_NOT_FOUND, NULL,
                              "There is nothing at this address.", "इस पते पर कुछ नहीं है।");
  _emitra_sandbox_reply_error (request, error);
}

static void
log_request (EmitraSandboxRequest *request)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;

  if (request->sandbox->quiet)
    return;
  now = g_date_time_new_now_utc ();
  stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  /* The path only, never the query or body: no citizen data in the log. */
  g_printerr ("%s %s %s %u %.1fms%s%s\n", stamp, soup_server_message_get_method (request->msg),
              request->path, request->status,
              (double) (g_get_monotonic_time () - request->started) / 1000.0,
              request->note != NULL ? " " : "", request->note != NULL ? request->note : "");
}

static gboolean
trickle_cb (gpointer user_data)
{
  EmitraSandboxRequest *request = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (request->msg);
  gsize size = g_bytes_get_size (request->body);
  gsize chunk = MIN (TRICKLE_CHUNK, size - request->trickle_offset);

  if (chunk > 0)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (request->body, request->trickle_offset, chunk);
      soup_message_body_append_bytes (body, part);
      request->trickle_offset += chunk;
    }
  if (request->trickle_offset >= size)
    soup_message_body_complete (body);
  soup_server_message_unpause (request->msg);

  if (request->trickle_offset < size)
    return G_SOURCE_CONTINUE;
  request->trickle_source = 0;
  request_free (request);
  return G_SOURCE_REMOVE;
}

static void
on_trickle_finished_cb (SoupServerMessage *msg,
                        gpointer           user_data)
{
  EmitraSandboxRequest *request = user_data;

  /* The client went away mid-trickle. */
  if (request->trickle_source != 0)
    request_free (request);
}

static void
finish (EmitraSandboxRequest *request)
{
  SoupServerMessage *msg = request->msg;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (request->drop)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      request->sandbox->drops++;
      request->status = 0;
      request->note = "fault=drop-after-commit";
      log_request (request);
      if (stream != NULL)
        g_io_stream_close (stream, NULL, NULL);
      request_free (request);
      return;
    }

  soup_message_headers_replace (headers, "X-Emitra-Mode", "training");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");

  if (request->body != NULL && request->plan.malformed)
    {
      GBytes *cut = g_bytes_new_from_bytes (request->body, 0, g_bytes_get_size (request->body) / 2);
      g_bytes_unref (request->body);
      request->body = cut;
      request->note = "fault=malformed";
    }
  else if (request->body != NULL && request->plan.oversized)
    {
      char *big = g_malloc (OVERSIZED_BYTES);
      memset (big, ' ', OVERSIZED_BYTES);
      big[0] = '{';
      g_bytes_unref (request->body);
      request->body = g_bytes_new_take (big, OVERSIZED_BYTES);
      request->note = "fault=oversized";
    }

  soup_server_message_set_status (msg, request->status, NULL);
  log_request (request);

  if (request->body != NULL && request->plan.trickle_ms > 0)
    {
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      if (!request->paused)
        soup_server_message_pause (msg);
      request->paused = TRUE;
      g_signal_connect (msg, "finished", G_CALLBACK (on_trickle_finished_cb), request);
      request->trickle_source = g_timeout_add (request->plan.trickle_ms, trickle_cb, request);
      return;
    }

  if (request->body != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body));
  if (request->paused)
    soup_server_message_unpause (msg);
  request_free (request);
}

static void
run (EmitraSandboxRequest *request)
{
  if (request->plan.fail_status != 0)
    {
      g_autoptr(GError) error = NULL;

      if (request->plan.fail_status == 500)
        emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_INTERNAL, NULL,
                                  "The gateway failed to carry out the request.", "गेटवे अनुरोध पूरा नहीं कर सका।");
      else
        emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_UNAVAILABLE, NULL,
                                  "The gateway is busy. Try again in a moment.",
                                  "गेटवे व्यस्त है। थोड़ी देर में फिर से प्रयास करें।");
      _emitra_sandbox_reply_error (request, error);
      request->note = "fault=fail";
    }
  else
    dispatch (request);

  finish (request);
}

static gboolean
after_latency_cb (gpointer user_data)
{
  run (user_data);
  return G_SOURCE_REMOVE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  EmitraSandbox *self = user_data;
  EmitraSandboxRequest *request = g_new0 (EmitraSandboxRequest, 1);

  request->sandbox = self;
  request->msg = g_object_ref (msg);
  request->path = g_strdup (path);
  request->segments = g_strsplit (path[0] == '/' ? path + 1 : path, "/", 16);
  request->query = query != NULL ? g_hash_table_ref (query) : g_hash_table_new (g_str_hash, g_str_equal);
  request->started = g_get_monotonic_time ();

  emitra_sandbox_faults_plan (self->faults, path, &request->plan);
  if (request->plan.latency_ms > 0)
    {
      soup_server_message_pause (msg);
      request->paused = TRUE;
      g_timeout_add (request->plan.latency_ms, after_latency_cb, request);
      return;
    }
  run (request);
}

/* A chunked body has no length to check in advance: count it as it
 * arrives and cut the connection once it passes the limit, rather than
 * let libsoup buffer it whole. */
static void
on_got_chunk_cb (SoupServerMessage *msg,
                 GBytes            *chunk,
                 gpointer           user_data)
{
  gsize limit = GPOINTER_TO_SIZE (user_data);
  gsize seen = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (msg), "emitra-body-bytes")) + g_bytes_get_size (chunk);

  g_object_set_data (G_OBJECT (msg), "emitra-body-bytes", GSIZE_TO_POINTER (seen));
  if (seen > limit)
    {
      g_signal_handlers_disconnect_by_func (msg, on_got_chunk_cb, user_data);
      g_printerr ("%s %s: chunked body over %" G_GSIZE_FORMAT " bytes, connection closed\n",
                  soup_server_message_get_method (msg), g_uri_get_path (soup_server_message_get_uri (msg)), limit);
      g_socket_shutdown (soup_server_message_get_socket (msg), TRUE, TRUE, NULL);
    }
}

/* Refuses a body that announces itself as too large before libsoup reads
 * it into memory. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);
  goffset limit = g_str_equal (path, "/v1/documents") ? EMITRA_SANDBOX_MAX_DOCUMENT_BODY : EMITRA_SANDBOX_MAX_JSON_BODY;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *text = NULL;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED)
    {
      g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk_cb), GSIZE_TO_POINTER ((gsize) limit));
      return;
    }
  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH || length <= limit)
    return;

  emitra_sandbox_set_error (&error, EMITRA_SANDBOX_ERROR_PAYLOAD_TOO_LARGE, NULL,
                            "The request body is too large.", "अनुरोध का आकार बहुत बड़ा है।");
  body = emitra_sandbox_error_to_json (error);
  text = emitra_json_object_to_string (body);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
  if (!EMITRA_SANDBOX (user_data)->quiet)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

      g_printerr ("%s %s %s 413 0.0ms body of %" G_GOFFSET_FORMAT " bytes refused\n",
                  stamp, soup_server_message_get_method (msg), path, length);
    }
}

EmitraSandbox *
emitra_sandbox_new (const EmitraSandboxOptions  *options,
                    GError                     **error)
{
  g_autoptr(EmitraSandbox) self = g_object_new (EMITRA_TYPE_SANDBOX, NULL);

  self->catalog = emitra_sandbox_catalog_load (options->catalog_dir, error);
  if (self->catalog == NULL)
    return NULL;
  self->directory = emitra_sandbox_directory_load (options->seed_dir, error);
  if (self->directory == NULL)
    return NULL;
  self->store = emitra_sandbox_store_open (options->database_path, options->seed_dir,
                                           self->catalog, self->directory, error);
  if (self->store == NULL)
    return NULL;
  emitra_sandbox_store_set_demo (self->store, options->demo);

  self->faults = emitra_sandbox_faults_new (options->seed);
  emitra_sandbox_faults_set (self->faults, &options->faults);
  self->session_ttl = options->session_ttl > 0 ? options->session_ttl : 8 * 3600;
  self->control = options->control;
  self->quiet = options->quiet;

  self->server = soup_server_new ("server-header", "emitra-sandbox/" PACKAGE_VERSION " ", NULL);
  if (options->tls_certificate != NULL || options->tls_key != NULL)
    {
      g_autoptr(GTlsCertificate) certificate = NULL;

      if (options->tls_certificate == NULL || options->tls_key == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "HTTPS needs both --tls-certificate and --tls-key");
          return NULL;
        }
      certificate = g_tls_certificate_new_from_files (options->tls_certificate, options->tls_key, error);
      if (certificate == NULL)
        return NULL;
      soup_server_set_tls_certificate (self->server, certificate);
    }
  soup_server_add_early_handler (self->server, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);

  return g_steal_pointer (&self);
}

/* Listens on 127.0.0.1 only: the sandbox holds demo accounts with public
 * passwords and must never be reachable from the network. */
guint
emitra_sandbox_listen (EmitraSandbox  *self,
                       guint           port,
                       GError        **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, (guint16) port);
  GSList *listeners;
  g_autoptr(GSocketAddress) local = NULL;

  g_return_val_if_fail (EMITRA_IS_SANDBOX (self), 0);

  if (!soup_server_listen (self->server, address,
                           emitra_sandbox_is_https (self) ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return 0;

  /* The listener's own address, not soup_server_get_uris(), which leaks
   * one in libsoup 3.2. */
  listeners = soup_server_get_listeners (self->server);
  local = listeners != NULL ? g_socket_get_local_address (listeners->data, error) : NULL;
  g_slist_free (listeners);
  if (local == NULL || !G_IS_INET_SOCKET_ADDRESS (local))
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
}

gboolean
emitra_sandbox_is_https (EmitraSandbox *self)
{
  g_return_val_if_fail (EMITRA_IS_SANDBOX (self), FALSE);

  return soup_server_get_tls_certificate (self->server) != NULL;
}

static void
emitra_sandbox_dispose (GObject *object)
{
  EmitraSandbox *self = EMITRA_SANDBOX (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (emitra_sandbox_parent_class)->dispose (object);
}

static void
emitra_sandbox_finalize (GObject *object)
{
  EmitraSandbox *self = EMITRA_SANDBOX (object);

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->directory);
  g_clear_object (&self->faults);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->otps, g_hash_table_unref);

  G_OBJECT_CLASS (emitra_sandbox_parent_class)->finalize (object);
}

static void
emitra_sandbox_class_init (EmitraSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = emitra_sandbox_dispose;
  object_class->finalize = emitra_sandbox_finalize;
}

static void
emitra_sandbox_init (EmitraSandbox *self)
{
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, session_free);
  self->otps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, otp_free);
}
