/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signing in at the gateway. A successful sign-in also leaves the
 * client a verifier of the password that worked (emitra-password-check.c),
 * so the idle lock can still tell the operator's password when the line
 * is down. The verifier is made in a worker thread while the request is
 * on its way (about 50 ms, so a sign-in waits for whichever is slower, not
 * for both), and kept only once the gateway has accepted that password: a
 * wrong one never replaces it. It is the last operator's until sign-out or another
 * operator's sign-in; an expired session keeps it, since the same person
 * signs in again.
 */
#include "config.h"

#include "emitra-gateway-client-private.h"

#include "emitra-gateway-replies.h"

typedef struct
{
  EmitraPasswordCheck   *check;    /* NULL when none could be made */
  EmitraOperatorSession *session;  /* once the gateway has accepted */
  GError                *error;    /* the gateway's refusal, or cancelled */
  guint                  pending;  /* of the verifier and the request */
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_clear_object (&sign_in->check);
  g_clear_object (&sign_in->session);
  g_clear_error (&sign_in->error);
  g_free (sign_in);
}

static void
set_password_check (EmitraGatewayClient   *self,
                    EmitraPasswordCheck   *check,
                    EmitraOperatorSession *session)
{
  g_set_object (&self->password_check, check);
  g_free (self->password_check_sso_id);
  self->password_check_sso_id = check != NULL ? g_strdup (emitra_operator_session_get_sso_id (session)) : NULL;
  g_free (self->password_check_kiosk);
  self->password_check_kiosk = check != NULL ? g_strdup (emitra_operator_session_get_kiosk_code (session)) : NULL;
}

/* At sign-out the desk forgets the password too, even if the session
 * had already expired. */
void
_emitra_gateway_client_forget_password_check (EmitraGatewayClient *self)
{
  set_password_check (self, NULL, NULL);
}

/**
 * emitra_gateway_client_get_password_check:
 *
 * Returns: (transfer none) (nullable): the verifier of the password
 *   @sso_id last signed in with at @kiosk_code through this client, or
 *   NULL when the last sign-in was someone else's, or a sign-out followed.
 */
EmitraPasswordCheck *
emitra_gateway_client_get_password_check (EmitraGatewayClient *self,
                                          const char          *sso_id,
                                          const char          *kiosk_code)
{
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (self), NULL);

  if (self->password_check == NULL ||
      g_strcmp0 (sso_id, self->password_check_sso_id) != 0 ||
      g_strcmp0 (kiosk_code, self->password_check_kiosk) != 0)
    return NULL;
  return self->password_check;
}

/* Once both the verifier and the gateway's answer are in. */
static void
sign_in_step_done (GTask *task)
{
  EmitraGatewayClient *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);

  if (--sign_in->pending > 0)
    return;

  if (sign_in->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&sign_in->error));
      return;
    }
  /* The verifier first: whoever hears of the new session may ask for it. */
  set_password_check (self, sign_in->check, sign_in->session);
  _emitra_gateway_client_set_operator_session (self, sign_in->session);
  g_task_return_pointer (task, g_steal_pointer (&sign_in->session), g_object_unref);
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(EmitraGatewayReply) reply = NULL;
  GError *error = NULL;

  reply = _emitra_gateway_client_call_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (reply == NULL)
    g_propagate_error (&sign_in->error, error);
  else
    sign_in->session = g_steal_pointer (&reply->parsed);
  sign_in_step_done (task);
}

static void
on_password_check_made_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  sign_in->check = emitra_password_check_new_finish (result, &error);
  /* Without a verifier the sign-in still goes ahead; only an offline
   * unlock will not be possible. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && sign_in->error == NULL)
    sign_in->error = g_steal_pointer (&error);
  else if (sign_in->check == NULL)
    g_debug ("No password verifier for the offline unlock: %s", error->message);
  sign_in_step_done (task);
}

void
emitra_gateway_client_sign_in_async (EmitraGatewayClient *self,
                                     const char          *sso_id,
                                     const char          *password,
                                     const char          *kiosk_code,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  EmitraGatewayCall *call;
  SignIn *sign_in;
  GTask *task;

  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (sso_id != NULL && password != NULL && kiosk_code != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_gateway_client_sign_in_async);

  json_object_set_string_member (body, "sso_id", sso_id);
  json_object_set_string_member (body, "password", password);
  json_object_set_string_member (body, "kiosk_code", kiosk_code);
  if (self->desk_id != NULL)
    json_object_set_string_member (body, "desk_id", self->desk_id);
  call = _emitra_gateway_call_new ("POST", EMITRA_GATEWAY_CALL_NONE, "/v1/sessions");
  _emitra_gateway_call_set_json (call, body);
  call->parse = (EmitraGatewayParseFunc) emitra_gateway_parse_session;
  call->parsed_free = g_object_unref;
  sign_in = g_new0 (SignIn, 1);
  sign_in->pending = 2;
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);

  emitra_password_check_new_async (password, cancellable, on_password_check_made_cb, g_object_ref (task));
  _emitra_gateway_client_call_async (self, call, cancellable, on_signed_in_cb, task);
}

EmitraOperatorSession *
emitra_gateway_client_sign_in_finish (EmitraGatewayClient  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  return _emitra_gateway_client_typed_finish (self, result, emitra_gateway_client_sign_in_async, error);
}
