/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-sandbox-faults.h"

G_BEGIN_DECLS

typedef struct
{
  const char                  *catalog_dir;    /* holds catalog.json and masters.json */
  const char                  *seed_dir;       /* holds data/sandbox's JSON */
  const char                  *database_path;
  guint                        session_ttl;    /* seconds */
  gboolean                     demo;           /* statuses advance in seconds */
  gboolean                     control;        /* serve /v1/_control */
  gboolean                     quiet;          /* no request log */
  guint32                      seed;           /* for fault rates */
  const char                  *tls_certificate; /* PEM; with tls_key, serve HTTPS */
  const char                  *tls_key;
  EmitraSandboxFaultSettings   faults;
} EmitraSandboxOptions;

#define EMITRA_TYPE_SANDBOX (emitra_sandbox_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSandbox, emitra_sandbox, EMITRA, SANDBOX, GObject)

EmitraSandbox *emitra_sandbox_new    (const EmitraSandboxOptions  *options,
                                      GError                     **error);
guint          emitra_sandbox_listen (EmitraSandbox               *self,
                                      guint                        port,
                                      GError                     **error);
gboolean       emitra_sandbox_is_https (EmitraSandbox             *self);

G_END_DECLS
