/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How EmitraGatewayClient sends one request: on the injected SoupSession,
 * with a deadline on every attempt (connect, send and the whole reply, so a
 * trickling gateway times out too), reading at most a fixed number of
 * bytes (an oversized reply is refused, not buffered), never following a
 * redirect (it could lead from https to http), and mapping whatever
 * happened to EMITRA_GATEWAY_ERROR.
 *
 * Calls marked RETRY (reads, which are safe to repeat) are tried again
 * after a transient failure, up to max-attempts, with exponential backoff
 * and jitter so a fleet of desks does not hammer a gateway that just came
 * back. Nothing else is repeated here; a transaction create is repeated
 * only by emitra-gateway-submit.c, after a verify.
 */
#include "config.h"

#include "emitra-gateway-client-private.h"

#include "emitra-gateway-replies.h"
#include "emitra-json.h"
#include "emitra-text.h"

#include <glib/gi18n-lib.h>

#define READ_CHUNK      (64 * 1024)
#define MAX_BACKOFF_MS  10000
/* A reply larger than this (the catalog: hundreds of KiB) is parsed on a
 * worker thread: tens of milliseconds of JSON, and many more on a slow
 * counter PC, must not cost the window its frames. */
#define PARSE_IN_THREAD_BYTES (64 * 1024)

typedef struct
{
  EmitraGatewayCall *call;
  guint              attempt;
  SoupMessage       *msg;
  GCancellable      *attempt_cancellable;
  gulong             cancelled_id;
  GSource           *timeout_source;
  gboolean           timed_out;
  GInputStream      *stream;
  GByteArray        *buffer;
  guint              status;
  EmitraGatewayReply *parsing;  /* the reply whose body a thread is parsing */
} CallState;

static void start_attempt (GTask *task);

EmitraGatewayCall *
_emitra_gateway_call_new (const char             *method,
                          EmitraGatewayCallFlags  flags,
                          const char             *path_format,
                          ...)
{
  EmitraGatewayCall *call = g_new0 (EmitraGatewayCall, 1);
  va_list args;

  call->method = method;
  call->flags = flags;
  call->max_reply = EMITRA_GATEWAY_MAX_REPLY;
  va_start (args, path_format);
  call->path = g_strdup_vprintf (path_format, args);
  va_end (args);
  return call;
}

void
_emitra_gateway_call_set_json (EmitraGatewayCall *call,
                               JsonObject        *body)
{
  char *text = emitra_json_object_to_string (body);

  g_clear_pointer (&call->body, g_bytes_unref);
  call->body = g_bytes_new_take (text, strlen (text));
  call->content_type = "application/json";
}

void
_emitra_gateway_call_free (EmitraGatewayCall *call)
{
  g_clear_pointer (&call->body, g_bytes_unref);
  g_free (call->path);
  g_free (call->if_none_match);
  g_free (call);
}

void
_emitra_gateway_reply_free (EmitraGatewayReply *reply)
{
  if (reply->parsed != NULL && reply->parsed_free != NULL)
    reply->parsed_free (reply->parsed);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply->etag);
  g_free (reply);
}

static void
end_attempt (CallState *state,
             GTask     *task)
{
  if (state->timeout_source != NULL)
    {
      g_source_destroy (state->timeout_source);
      g_clear_pointer (&state->timeout_source, g_source_unref);
    }
  if (state->cancelled_id != 0)
    {
      g_cancellable_disconnect (g_task_get_cancellable (task), state->cancelled_id);
      state->cancelled_id = 0;
    }
  g_clear_object (&state->stream);
  g_clear_object (&state->msg);
  g_clear_object (&state->attempt_cancellable);
  g_clear_pointer (&state->buffer, g_byte_array_unref);
}

static void
call_state_free (gpointer data)
{
  CallState *state = data;

  g_assert (state->msg == NULL && state->timeout_source == NULL);
  g_clear_pointer (&state->parsing, _emitra_gateway_reply_free);
  _emitra_gateway_call_free (state->call);
  g_free (state);
}

guint
_emitra_gateway_client_backoff_ms (EmitraGatewayClient *self,
                                   guint                attempt)
{
  guint64 delay = self->retry_base_ms;

  for (guint i = 1; i < attempt && delay < MAX_BACKOFF_MS; i++)
    delay *= 2;
  delay = MIN (delay, MAX_BACKOFF_MS);
  /* "Equal jitter": half the delay for sure, the other half at random. */
  return (guint) (delay / 2 + (delay > 1 ? (guint64) g_random_int_range (0, (gint32) (delay / 2) + 1) : 0));
}

static gboolean
on_backoff_done_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (!g_task_return_error_if_cancelled (task))
    start_attempt (task);
  return G_SOURCE_REMOVE;
}

/* Either returns @error or, for a retryable call and a transient error,
 * waits and tries again. Takes a reference on @task and @error. */
static void
fail_attempt (GTask  *task,
              GError *error)
{
  g_autoptr(GTask) owned = task;
  EmitraGatewayClient *self = g_task_get_source_object (task);
  CallState *state = g_task_get_task_data (task);
  g_autoptr(GSource) backoff = NULL;

  end_attempt (state, task);

  if (!(state->call->flags & EMITRA_GATEWAY_CALL_RETRY) ||
      !emitra_gateway_error_is_transient (error) ||
      state->attempt >= self->max_attempts ||
      g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_debug ("gateway: %s %s failed (%s); retrying", state->call->method, state->call->path, error->message);
  g_error_free (error);
  /* The source holds the task while it waits. */
  backoff = g_timeout_source_new (_emitra_gateway_client_backoff_ms (self, state->attempt));
  g_source_set_priority (backoff, g_task_get_priority (task));
  g_source_set_callback (backoff, on_backoff_done_cb, g_steal_pointer (&owned), g_object_unref);
  g_source_attach (backoff, g_task_get_context (task));
}

static GError *
transport_error (CallState    *state,
                 const GError *cause)
{
  GError *error = NULL;
  g_autofree char *message = NULL;

  if (state->timed_out)
    emitra_gateway_error_set (&error, EMITRA_GATEWAY_ERROR_TIMEOUT, NULL, NULL,
                              _("The gateway did not answer in time."));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    error = g_error_copy (cause);
  else if (cause->domain == G_TLS_ERROR)
    {
      message = g_strdup_printf (_("The gateway’s security certificate could not be verified: %s"), cause->message);
      emitra_gateway_error_set (&error, EMITRA_GATEWAY_ERROR_TLS, NULL, NULL, message);
    }
  else
    {
      message = g_strdup_printf (_("The gateway could not be reached: %s"), cause->message);
      emitra_gateway_error_set (&error, EMITRA_GATEWAY_ERROR_NETWORK, NULL, NULL, message);
    }
  return error;
}

static GError *
too_large_error (void)
{
  GError *error = NULL;

  emitra_gateway_error_set (&error, EMITRA_GATEWAY_ERROR_MALFORMED_REPLY, NULL, NULL,
                            _("The gateway sent a reply that is far too large."));
  return error;
}

typedef struct
{
  EmitraGatewayParseFunc  parse;
  GDestroyNotify          parsed_free;
  GBytes                 *body;
} ParseJob;

static void
parse_job_free (gpointer data)
{
  ParseJob *job = data;

  g_bytes_unref (job->body);
  g_free (job);
}

static void
parse_thread (GTask        *parse_task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseJob *job = task_data;
  GError *error = NULL;
  gpointer parsed = job->parse (job->body, &error);

  if (parsed == NULL)
    g_task_return_error (parse_task, error);
  else
    g_task_return_pointer (parse_task, parsed, job->parsed_free);
}

/* The parsed reply of a successful attempt: returned, or the attempt fails
 * (and may be tried again) when the body could not be read. */
static void
finish_parsed (GTask              *task,
               EmitraGatewayReply *reply,
               gpointer            parsed,
               GError             *error)
{
  CallState *state = g_task_get_task_data (task);

  if (parsed == NULL)
    {
      _emitra_gateway_reply_free (reply);
      fail_attempt (g_object_ref (task), error);
      return;
    }
  reply->parsed = parsed;
  reply->parsed_free = state->call->parsed_free;
  end_attempt (state, task);
  g_task_return_pointer (task, reply, (GDestroyNotify) _emitra_gateway_reply_free);
}

static void
on_parsed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallState *state = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer parsed = g_task_propagate_pointer (G_TASK (result), &error);

  finish_parsed (task, g_steal_pointer (&state->parsing), parsed, error);
}

static void
complete_attempt (GTask *task)
{
  EmitraGatewayClient *self = g_task_get_source_object (task);
  CallState *state = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (state->msg);
  g_autoptr(EmitraGatewayReply) reply = g_new0 (EmitraGatewayReply, 1);

  reply->status = state->status;
  reply->body = g_byte_array_free_to_bytes (g_steal_pointer (&state->buffer));
  reply->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  _emitra_gateway_client_note_mode (self, soup_message_headers_get_one (headers, "X-Emitra-Mode"));

  if (reply->status == SOUP_STATUS_UNAUTHORIZED && (state->call->flags & EMITRA_GATEWAY_CALL_AUTH))
    _emitra_gateway_client_set_operator_session (self, NULL);

  if (SOUP_STATUS_IS_SUCCESSFUL (reply->status) && state->call->parse != NULL)
    {
      GError *error = NULL;
      gpointer parsed;

      if (g_bytes_get_size (reply->body) > PARSE_IN_THREAD_BYTES)
        {
          g_autoptr(GTask) parse_task = g_task_new (NULL, NULL, on_parsed_cb, g_object_ref (task));
          ParseJob *job = g_new0 (ParseJob, 1);

          job->parse = state->call->parse;
          job->parsed_free = state->call->parsed_free;
          job->body = g_bytes_ref (reply->body);
          g_task_set_source_tag (parse_task, complete_attempt);
          g_task_set_task_data (parse_task, job, parse_job_free);
          state->parsing = g_steal_pointer (&reply);
          g_task_run_in_thread (parse_task, parse_thread);
          return;
        }

      parsed = state->call->parse (reply->body, &error);
      finish_parsed (task, g_steal_pointer (&reply), parsed, error);
      return;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (reply->status) || reply->status == SOUP_STATUS_NOT_MODIFIED)
    {
      end_attempt (state, task);
      g_task_return_pointer (task, g_steal_pointer (&reply), (GDestroyNotify) _emitra_gateway_reply_free);
      return;
    }

  fail_attempt (g_object_ref (task), emitra_gateway_parse_error (reply->status, reply->body));
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (chunk == NULL)
    {
      fail_attempt (g_steal_pointer (&task), transport_error (state, error));
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      /* End of the body: the connection goes back to the pool for reuse. */
      g_input_stream_close (state->stream, NULL, NULL);
      complete_attempt (task);
      return;
    }
  if (state->buffer->len + g_bytes_get_size (chunk) > state->call->max_reply)
    {
      fail_attempt (g_steal_pointer (&task), too_large_error ());
      return;
    }

  g_byte_array_append (state->buffer, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (state->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   state->attempt_cancellable, on_read_cb, g_steal_pointer (&task));
}

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  state->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (state->stream == NULL)
    {
      fail_attempt (g_steal_pointer (&task), transport_error (state, error));
      return;
    }

  state->status = soup_message_get_status (state->msg);
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (state->msg));
  if (length > 0 && (gsize) length > state->call->max_reply)
    {
      fail_attempt (g_steal_pointer (&task), too_large_error ());
      return;
    }

  state->buffer = g_byte_array_new ();
  g_input_stream_read_bytes_async (state->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   state->attempt_cancellable, on_read_cb, g_steal_pointer (&task));
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  CallState *state = g_task_get_task_data (task);

  state->timed_out = TRUE;
  g_cancellable_cancel (state->attempt_cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled_cb (GCancellable *cancellable,
                        gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/* A private gateway's CA, in addition to the system's: when the normal
 * check fails, accept the certificate only if it verifies against the
 * configured CA file for this very host. */
static gboolean
on_accept_certificate_cb (SoupMessage          *msg,
                          GTlsCertificate      *certificate,
                          GTlsCertificateFlags  errors,
                          gpointer              user_data)
{
  EmitraGatewayClient *self = user_data;
  GUri *uri = soup_message_get_uri (msg);
  g_autoptr(GSocketConnectable) identity = NULL;
  g_autoptr(GError) error = NULL;
  GTlsCertificateFlags flags;

  if (self->ca_database == NULL)
    return FALSE;
  identity = g_network_address_new (g_uri_get_host (uri), (guint16) g_uri_get_port (uri));
  flags = g_tls_database_verify_chain (self->ca_database, certificate, G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER,
                                       identity, NULL, G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  return error == NULL && flags == 0;
}

static void
start_attempt (GTask *task)
{
  EmitraGatewayClient *self = g_task_get_source_object (task);
  CallState *state = g_task_get_task_data (task);
  EmitraGatewayCall *call = state->call;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *address = g_strconcat (self->base_uri, call->path, NULL);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  SoupMessageFlags flags = SOUP_MESSAGE_NO_REDIRECT;

  state->attempt++;
  state->timed_out = FALSE;

  uri = g_uri_parse (address, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL)
    {
      GError *bad = NULL;
      emitra_gateway_error_set (&bad, EMITRA_GATEWAY_ERROR_INVALID_REQUEST, NULL, NULL,
                                _("The request could not be addressed to the gateway."));
      g_task_return_error (task, bad);
      return;
    }

  state->msg = soup_message_new_from_uri (call->method, uri);
  if (call->flags & EMITRA_GATEWAY_CALL_IDEMPOTENT)
    flags |= SOUP_MESSAGE_IDEMPOTENT;
  soup_message_set_flags (state->msg, flags);
  headers = soup_message_get_request_headers (state->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "Accept-Language", emitra_text_prefers_hindi () ? "hi, en;q=0.5" : "en, hi;q=0.5");
  if (call->if_none_match != NULL)
    soup_message_headers_replace (headers, "If-None-Match", call->if_none_match);
  if ((call->flags & EMITRA_GATEWAY_CALL_AUTH) && self->operator_session != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", emitra_operator_session_get_token (self->operator_session), NULL);
      soup_message_headers_replace (headers, "Authorization", bearer);
    }
  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (state->msg, call->content_type, call->body);
  if (self->ca_database != NULL)
    g_signal_connect_object (state->msg, "accept-certificate", G_CALLBACK (on_accept_certificate_cb), self, 0);

  state->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    state->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled_cb),
                                                 g_object_ref (state->attempt_cancellable), g_object_unref);
  state->timeout_source = g_timeout_source_new (call->timeout_ms != 0 ? call->timeout_ms : self->timeout_ms);
  g_task_attach_source (task, state->timeout_source, on_timeout_cb);

  soup_session_send_async (self->session, state->msg, G_PRIORITY_DEFAULT, state->attempt_cancellable,
                           on_sent_cb, g_object_ref (task));
}

/* Takes @call. */
void
_emitra_gateway_client_call_async (EmitraGatewayClient *self,
                                   EmitraGatewayCall   *call,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  CallState *state = g_new0 (CallState, 1);

  g_task_set_source_tag (task, _emitra_gateway_client_call_async);
  state->call = call;
  g_task_set_task_data (task, state, call_state_free);

  if (self->config_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->config_error));
      return;
    }
  if ((call->flags & EMITRA_GATEWAY_CALL_AUTH) && self->operator_session == NULL)
    {
      GError *error = NULL;
      emitra_gateway_error_set (&error, EMITRA_GATEWAY_ERROR_UNAUTHORIZED, NULL, NULL,
                                _("Sign in to the gateway first."));
      g_task_return_error (task, error);
      return;
    }

  start_attempt (task);
}

EmitraGatewayReply *
_emitra_gateway_client_call_finish (EmitraGatewayClient  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
