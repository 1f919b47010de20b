/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-gateway-client.h"
#include "emitra-password-check.h"

G_BEGIN_DECLS

struct _EmitraGatewayClient
{
  GObject                parent_instance;

  SoupSession           *session;
  char                  *base_uri;        /* without a trailing '/' */
  GError                *config_error;    /* an unusable address or CA file: every call fails with it */
  char                  *ca_file;
  GTlsDatabase          *ca_database;
  EmitraOperatorSession *operator_session;
  /* The verifier of the password the last operator signed in with, and
   * whose it is: kept past an expired session, dropped at sign-out. */
  EmitraPasswordCheck   *password_check;
  char                  *password_check_sso_id;
  char                  *password_check_kiosk;
  char                  *mode;
  char                  *desk_id;
  guint                  timeout_ms;
  guint                  max_attempts;
  guint                  retry_base_ms;
};

typedef enum {
  EMITRA_GATEWAY_CALL_NONE       = 0,
  EMITRA_GATEWAY_CALL_AUTH       = 1 << 0,  /* needs the session's bearer token */
  EMITRA_GATEWAY_CALL_RETRY      = 1 << 1,  /* safe to repeat: retried after transient errors */
  EMITRA_GATEWAY_CALL_IDEMPOTENT = 1 << 2,  /* a POST that may reuse a kept-alive connection */
} EmitraGatewayCallFlags;

typedef gpointer (*EmitraGatewayParseFunc) (GBytes  *body,
                                            GError **error);

typedef struct
{
  const char             *method;
  char                   *path;           /* "/v1/...", already escaped */
  GBytes                 *body;
  const char             *content_type;
  char                   *if_none_match;
  EmitraGatewayCallFlags  flags;
  gsize                   max_reply;
  guint                   timeout_ms;     /* 0: the client's timeout */
  /* Parses a 2xx body within the attempt, so an unreadable reply to a
   * RETRY call is retried like any other transient failure. */
  EmitraGatewayParseFunc  parse;
  GDestroyNotify          parsed_free;
} EmitraGatewayCall;

typedef struct
{
  guint           status;
  GBytes         *body;
  char           *etag;
  gpointer        parsed;        /* from EmitraGatewayCall.parse */
  GDestroyNotify  parsed_free;
} EmitraGatewayReply;

EmitraGatewayCall  *_emitra_gateway_call_new            (const char             *method,
                                                         EmitraGatewayCallFlags  flags,
                                                         const char             *path_format,
                                                         ...) G_GNUC_PRINTF (3, 4);
void                _emitra_gateway_call_set_json       (EmitraGatewayCall      *call,
                                                         JsonObject             *body);
void                _emitra_gateway_call_free           (EmitraGatewayCall      *call);
void                _emitra_gateway_reply_free          (EmitraGatewayReply     *reply);

void                _emitra_gateway_client_call_async   (EmitraGatewayClient    *self,
                                                         EmitraGatewayCall      *call,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
EmitraGatewayReply *_emitra_gateway_client_call_finish  (EmitraGatewayClient    *self,
                                                         GAsyncResult           *result,
                                                         GError                **error);

void                _emitra_gateway_client_set_operator_session (EmitraGatewayClient   *self,
                                                         EmitraOperatorSession  *session);
void                _emitra_gateway_client_forget_password_check (EmitraGatewayClient *self);
void                _emitra_gateway_client_note_mode    (EmitraGatewayClient    *self,
                                                         const char             *mode);
guint               _emitra_gateway_client_backoff_ms   (EmitraGatewayClient    *self,
                                                         guint                   attempt);

void                _emitra_gateway_client_typed_async  (EmitraGatewayClient    *self,
                                                         EmitraGatewayCall      *call,
                                                         EmitraGatewayParseFunc  parse,
                                                         GDestroyNotify          result_free,
                                                         gpointer                source_tag,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
gpointer            _emitra_gateway_client_typed_finish (EmitraGatewayClient    *self,
                                                         GAsyncResult           *result,
                                                         gpointer                source_tag,
                                                         GError                **error);
char               *_emitra_gateway_escape              (const char             *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmitraGatewayCall, _emitra_gateway_call_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmitraGatewayReply, _emitra_gateway_reply_free)

G_END_DECLS
