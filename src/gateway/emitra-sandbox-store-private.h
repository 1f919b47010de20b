/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-database.h"
#include "emitra-sandbox-store.h"

G_BEGIN_DECLS

/* A name of our own for the autoptr, so it cannot clash with one a core
 * header might define for sqlite3_stmt later. */
typedef sqlite3_stmt EmitraSandboxStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmitraSandboxStmt, sqlite3_finalize)

struct _EmitraSandboxStore
{
  GObject                 parent_instance;

  EmitraDatabase         *database;
  EmitraSandboxCatalog   *catalog;
  EmitraSandboxDirectory *directory;
  gint64                  clock_offset;
  gboolean                demo;
};

EmitraSandboxStmt *_emitra_sandbox_store_prepare (EmitraSandboxStore *self,
                                                 const char         *sql,
                                                 GError            **error);
gboolean _emitra_sandbox_store_fail   (EmitraSandboxStore  *self,
                                       int                  rc,
                                       GError             **error);
gboolean _emitra_sandbox_store_debit  (EmitraSandboxStore  *self,
                                       const char          *kiosk_code,
                                       const char          *kind,
                                       gint64               amount,
                                       const char          *transaction_id,
                                       const char          *service_id,
                                       gint64              *out_balance,
                                       GError             **error);
gboolean _emitra_sandbox_store_balance (EmitraSandboxStore *self,
                                       const char          *kiosk_code,
                                       gint64              *out_balance,
                                       GError             **error);
char    *_emitra_sandbox_rfc3339      (gint64               unix_seconds);

G_END_DECLS
