/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A live emitra-sandbox on a free loopback port, with its own database in
 * the test's (isolated) data directory. */
typedef struct
{
  GSubprocess *process;
  char        *base_uri;
  SoupSession *raw;      /* for control and hand-made requests */
  char        *fee_service;
  gint64       fee;
} SandboxFixture;

SandboxFixture *sandbox_start          (const char * const *extra_args);
void            sandbox_stop           (SandboxFixture     *fixture);

/* A synchronous request, for control endpoints and malformed input.
 * Returns the parsed JSON body (NULL when there is none or it is not JSON). */
JsonObject     *sandbox_request        (SandboxFixture     *fixture,
                                        const char         *method,
                                        const char         *path,
                                        const char         *token,
                                        const char         *content_type,
                                        GBytes             *body,
                                        guint              *out_status);
JsonObject     *sandbox_request_json   (SandboxFixture     *fixture,
                                        const char         *method,
                                        const char         *path,
                                        const char         *token,
                                        const char         *json,
                                        guint              *out_status);
void            sandbox_set_faults     (SandboxFixture     *fixture,
                                        const char         *json);
gint64          sandbox_stat           (SandboxFixture     *fixture,
                                        const char         *member);
void            sandbox_advance_clock  (SandboxFixture     *fixture,
                                        gint64              seconds);
void            sandbox_set_balance    (SandboxFixture     *fixture,
                                        gint64              balance);
char           *sandbox_sign_in_token  (SandboxFixture     *fixture,
                                        const char         *sso_id,
                                        const char         *password);

/* Spins the default main context until an async call has finished. */
GAsyncResult   *wait_for_result        (GAsyncResult      **slot);
void            store_result_cb        (GObject            *source,
                                        GAsyncResult       *result,
                                        gpointer            user_data);

/* The first catalog service with a department fee and no bill, for
 * creates that move money. */
char           *sandbox_pick_fee_service (SandboxFixture   *fixture,
                                          gint64           *out_fee);

G_END_DECLS
