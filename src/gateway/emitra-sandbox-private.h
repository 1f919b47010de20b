/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "emitra-sandbox.h"
#include "emitra-sandbox-catalog.h"
#include "emitra-sandbox-directory.h"
#include "emitra-sandbox-error.h"
#include "emitra-sandbox-store.h"

G_BEGIN_DECLS

/* Request bodies: JSON is small; a scan may be up to 2 MiB. */
#define EMITRA_SANDBOX_MAX_JSON_BODY     (64 * 1024)
#define EMITRA_SANDBOX_MAX_DOCUMENT_BODY (2 * 1024 * 1024)

typedef struct
{
  JsonObject *operator_;   /* borrowed from the directory */
  JsonObject *kiosk;       /* borrowed from the directory */
  char       *desk_id;
  gint64      expires_at;  /* Unix microseconds, real time: a one-second
                            * TTL (tests) lasts a whole second */
} EmitraSandboxSession;

typedef struct
{
  char   *family_id;
  guint   member_index;
  gint64  expires_at;
  guint   attempts;
  gboolean used;
} EmitraSandboxOtp;

struct _EmitraSandbox
{
  GObject                 parent_instance;

  SoupServer             *server;
  EmitraSandboxCatalog   *catalog;
  EmitraSandboxDirectory *directory;
  EmitraSandboxStore     *store;
  EmitraSandboxFaults    *faults;
  GHashTable             *sessions;   /* SHA-256 of token -> EmitraSandboxSession */
  GHashTable             *otps;       /* otp_ref -> EmitraSandboxOtp */
  guint                   session_ttl;
  gboolean                control;
  gboolean                quiet;

  guint64                 creates;
  guint64                 replays;
  guint64                 drops;
};

/* One request on its way through the sandbox. Handlers fill in the reply
 * (status and body) instead of writing to the message, so the fault layer
 * can still damage, slow or drop it afterwards. */
typedef struct
{
  EmitraSandbox         *sandbox;
  SoupServerMessage     *msg;
  char                  *path;
  char                 **segments;    /* path split at '/', without the leading "" */
  GHashTable            *query;
  gint64                 started;
  EmitraSandboxFaultPlan plan;
  gboolean               paused;
  EmitraSandboxSession  *session;     /* after authentication */

  guint                  status;
  GBytes                *body;
  gboolean               drop;        /* close the connection without a reply */
  const char            *note;        /* for the log line */
  char                  *error_note;  /* "error=CODE field=NAME", the note of a refusal */

  /* trickling */
  gsize                  trickle_offset;
  guint                  trickle_source;
} EmitraSandboxRequest;

typedef void (*EmitraSandboxHandler) (EmitraSandboxRequest *request);

void        _emitra_sandbox_reply_json    (EmitraSandboxRequest  *request,
                                           guint                  status,
                                           JsonObject            *body);
void        _emitra_sandbox_reply_error   (EmitraSandboxRequest  *request,
                                           const GError          *error);
JsonObject *_emitra_sandbox_read_json     (EmitraSandboxRequest  *request,
                                           GError               **error);
gboolean    _emitra_sandbox_authenticate  (EmitraSandboxRequest  *request,
                                           GError               **error);
const char *_emitra_sandbox_string_member (JsonObject            *object,
                                           const char            *member,
                                           gboolean               required,
                                           GError               **error);
gboolean    _emitra_sandbox_is_digits     (const char            *text,
                                           gsize                  length);
gboolean    _emitra_sandbox_is_token      (const char            *text,
                                           gsize                  min_length,
                                           gsize                  max_length);
void        _emitra_sandbox_maybe_drop    (EmitraSandboxRequest  *request);
GDate      *_emitra_sandbox_today         (void);

/* emitra-sandbox-handlers.c */
void _emitra_sandbox_handle_status        (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_sign_in       (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_sign_out      (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_catalog       (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_family        (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_otp_send      (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_otp_verify    (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_document      (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_bill          (EmitraSandboxRequest *request);

/* emitra-sandbox-transactions.c */
void _emitra_sandbox_handle_create        (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_verify        (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_transaction   (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_cancel        (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_wallet        (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_report        (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_control_faults (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_control_clock (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_control_wallet (EmitraSandboxRequest *request);
void _emitra_sandbox_handle_control_stats (EmitraSandboxRequest *request);

G_END_DECLS
