/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calls that move money: transaction create, verify, status, cancel;
 * the wallet; the centre's report; and the journal-safe submit.
 *
 * A create is sent as an idempotent request (it is one, by request_id),
 * which lets libsoup keep the connection alive between creates and even
 * resend on a connection that died before any answer: the gateway's
 * request_id rule makes that safe. The client itself never repeats a
 * create blindly: submit verifies by request_id first.
 */
#include "config.h"

#include "emitra-gateway-client-private.h"

#include "emitra-gateway-replies.h"

#include <glib/gi18n-lib.h>

JsonObject *
emitra_gateway_transaction_request_new (const char         *request_id,
                                        const char         *service_id,
                                        JsonObject         *form,
                                        const char * const *documents,
                                        const char         *consumer_number,
                                        gint64              expected_amount)
{
  JsonObject *request = json_object_new ();

  g_return_val_if_fail (request_id != NULL && service_id != NULL, NULL);

  json_object_set_string_member (request, "request_id", request_id);
  json_object_set_string_member (request, "service_id", service_id);
  json_object_set_object_member (request, "form", form != NULL ? json_object_ref (form) : json_object_new ());
  if (documents != NULL)
    {
      JsonArray *array = json_array_new ();
      for (guint i = 0; documents[i] != NULL; i++)
        json_array_add_string_element (array, documents[i]);
      json_object_set_array_member (request, "documents", array);
    }
  if (consumer_number != NULL)
    json_object_set_string_member (request, "consumer_number", consumer_number);
  if (expected_amount >= 0)
    json_object_set_int_member (request, "expected_amount", expected_amount);
  return request;
}

static const char *
request_id_of (JsonObject *request)
{
  JsonNode *node = json_object_get_member (request, "request_id");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Create, verify, get and cancel: each is answered with one transaction. */
static void
transaction_call_async (EmitraGatewayClient *self,
                        EmitraGatewayCall   *call,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  _emitra_gateway_client_typed_async (self, call, (EmitraGatewayParseFunc) emitra_gateway_parse_transaction,
                                      g_object_unref, source_tag, cancellable, callback, user_data);
}

void
emitra_gateway_client_create_transaction_async (EmitraGatewayClient *self,
                                                JsonObject          *request,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  EmitraGatewayCall *call;

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (request != NULL && request_id_of (request) != NULL);

  call = _emitra_gateway_call_new ("POST", EMITRA_GATEWAY_CALL_AUTH | EMITRA_GATEWAY_CALL_IDEMPOTENT,
                                   "/v1/transactions");
  _emitra_gateway_call_set_json (call, request);
  transaction_call_async (self, call, emitra_gateway_client_create_transaction_async,
                          cancellable, callback, user_data);
}

EmitraTransaction *
emitra_gateway_client_create_transaction_finish (EmitraGatewayClient  *self,
                                                 GAsyncResult         *result,
                                                 GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_create_transaction_async, error);
}

void
emitra_gateway_client_verify_transaction_async (EmitraGatewayClient *self,
                                                const char          *request_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autofree char *id = _emitra_gateway_escape (request_id);

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (request_id != NULL);

  transaction_call_async (self, _emitra_gateway_call_new ("GET", EMITRA_GATEWAY_CALL_AUTH | EMITRA_GATEWAY_CALL_RETRY,
                                                          "/v1/transactions/by-request-id/%s", id),
                          emitra_gateway_client_verify_transaction_async, cancellable, callback, user_data);
}

EmitraTransaction *
emitra_gateway_client_verify_transaction_finish (EmitraGatewayClient  *self,
                                                 GAsyncResult         *result,
                                                 GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_verify_transaction_async, error);
}

void
emitra_gateway_client_get_transaction_async (EmitraGatewayClient *self,
                                             const char          *transaction_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *id = _emitra_gateway_escape (transaction_id);

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (transaction_id != NULL);

  transaction_call_async (self, _emitra_gateway_call_new ("GET", EMITRA_GATEWAY_CALL_AUTH | EMITRA_GATEWAY_CALL_RETRY,
                                                          "/v1/transactions/%s", id),
                          emitra_gateway_client_get_transaction_async, cancellable, callback, user_data);
}

EmitraTransaction *
emitra_gateway_client_get_transaction_finish (EmitraGatewayClient  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_get_transaction_async, error);
}

void
emitra_gateway_client_cancel_transaction_async (EmitraGatewayClient *self,
                                                const char          *transaction_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autofree char *id = _emitra_gateway_escape (transaction_id);

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (transaction_id != NULL);

  transaction_call_async (self, _emitra_gateway_call_new ("POST", EMITRA_GATEWAY_CALL_AUTH,
                                                          "/v1/transactions/%s/cancel", id),
                          emitra_gateway_client_cancel_transaction_async, cancellable, callback, user_data);
}

EmitraTransaction *
emitra_gateway_client_cancel_transaction_finish (EmitraGatewayClient  *self,
                                                 GAsyncResult         *result,
                                                 GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_cancel_transaction_async, error);
}

void
emitra_gateway_client_get_wallet_async (EmitraGatewayClient *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));

  _emitra_gateway_client_typed_async (self,
                                      _emitra_gateway_call_new ("GET", EMITRA_GATEWAY_CALL_AUTH | EMITRA_GATEWAY_CALL_RETRY,
                                                                "/v1/wallet"),
                                      (EmitraGatewayParseFunc) emitra_gateway_parse_wallet, g_object_unref,
                                      emitra_gateway_client_get_wallet_async, cancellable, callback, user_data);
}

EmitraWallet *
emitra_gateway_client_get_wallet_finish (EmitraGatewayClient  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_get_wallet_async, error);
}

void
emitra_gateway_client_get_centre_report_async (EmitraGatewayClient *self,
                                               const GDate         *date,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  EmitraGatewayCall *call;

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (date != NULL)
    call = _emitra_gateway_call_new ("GET", EMITRA_GATEWAY_CALL_AUTH | EMITRA_GATEWAY_CALL_RETRY,
                                     "/v1/reports/daily?date=%04u-%02u-%02u", g_date_get_year (date),
                                     (guint) g_date_get_month (date), g_date_get_day (date));
  else
    call = _emitra_gateway_call_new ("GET", EMITRA_GATEWAY_CALL_AUTH | EMITRA_GATEWAY_CALL_RETRY,
                                     "/v1/reports/daily");
  _emitra_gateway_client_typed_async (self, call, (EmitraGatewayParseFunc) emitra_gateway_parse_centre_report,
                                      g_object_unref, emitra_gateway_client_get_centre_report_async,
                                      cancellable, callback, user_data);
}

EmitraCentreReport *
emitra_gateway_client_get_centre_report_finish (EmitraGatewayClient  *self,
                                                GAsyncResult         *result,
                                                GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_get_centre_report_async, error);
}

/* ---- the journal-safe submit -------------------------------------------- */

typedef struct
{
  JsonObject *request;
  guint       attempt;
  GError     *create_error;
} SubmitState;

static void
submit_state_free (gpointer data)
{
  SubmitState *state = data;

  json_object_unref (state->request);
  g_clear_error (&state->create_error);
  g_free (state);
}

static void create_once (GTask *task);

static gboolean
on_submit_backoff_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (!g_task_return_error_if_cancelled (task))
    create_once (task);
  return G_SOURCE_REMOVE;
}

static void
on_verified_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EmitraGatewayClient *self = EMITRA_GATEWAY_CLIENT (source);
  SubmitState *state = g_task_get_task_data (task);
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(GSource) backoff = NULL;
  GMainContext *context;
  GError *error = NULL;

  transaction = emitra_gateway_client_verify_transaction_finish (self, result, &error);
  if (transaction != NULL)
    {
      /* The gateway committed it; only the answer was lost. */
      g_debug ("gateway: %s recovered by verify", emitra_transaction_get_request_id (transaction));
      g_task_return_pointer (task, g_steal_pointer (&transaction), g_object_unref);
      return;
    }

  if (!g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_NOT_FOUND))
    {
      /* Verify failed too: the outcome stays unknown; the caller keeps the
       * request pending and submits it again later. */
      g_task_return_error (task, error);
      return;
    }
  g_error_free (error);

  if (state->attempt >= self->max_attempts || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_error (task, g_steal_pointer (&state->create_error));
      return;
    }

  /* Never committed: safe to create again with the same request_id. */
  context = g_task_get_context (task);
  backoff = g_timeout_source_new (_emitra_gateway_client_backoff_ms (self, state->attempt));
  g_source_set_callback (backoff, on_submit_backoff_cb, g_steal_pointer (&task), g_object_unref);
  g_source_attach (backoff, context);
}

static void
on_created_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EmitraGatewayClient *self = EMITRA_GATEWAY_CLIENT (source);
  SubmitState *state = g_task_get_task_data (task);
  g_autoptr(EmitraTransaction) transaction = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  transaction = emitra_gateway_client_create_transaction_finish (self, result, &error);
  if (transaction != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&transaction), g_object_unref);
      return;
    }
  if (!emitra_gateway_error_is_transient (error) || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Timeout, lost connection, 5xx, unreadable answer: the gateway may
   * have charged. Ask before anything else. */
  g_clear_error (&state->create_error);
  state->create_error = error;
  cancellable = g_task_get_cancellable (task);
  emitra_gateway_client_verify_transaction_async (self, request_id_of (state->request), cancellable,
                                                  on_verified_cb, g_steal_pointer (&task));
}

static void
create_once (GTask *task)
{
  EmitraGatewayClient *self = g_task_get_source_object (task);
  SubmitState *state = g_task_get_task_data (task);

  state->attempt++;
  emitra_gateway_client_create_transaction_async (self, state->request, g_task_get_cancellable (task),
                                                  on_created_cb, g_object_ref (task));
}

void
emitra_gateway_client_submit_transaction_async (EmitraGatewayClient *self,
                                                JsonObject          *request,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SubmitState *state;

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (request != NULL && request_id_of (request) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_gateway_client_submit_transaction_async);
  state = g_new0 (SubmitState, 1);
  state->request = json_object_ref (request);
  g_task_set_task_data (task, state, submit_state_free);

  create_once (task);
}

EmitraTransaction *
emitra_gateway_client_submit_transaction_finish (EmitraGatewayClient  *self,
                                                 GAsyncResult         *result,
                                                 GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_submit_transaction_async, error);
}
