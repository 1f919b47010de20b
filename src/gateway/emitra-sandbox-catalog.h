/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the sandbox needs to know about one service to charge for it. */
typedef struct
{
  char    *id;
  char    *name_en;
  char    *name_hi;
  char    *charge_rule;
  gint64   department_fee;   /* paise */
  gint64   delivery_days;    /* -1 when the service has none */
  gboolean bill;
} EmitraSandboxService;

#define EMITRA_TYPE_SANDBOX_CATALOG (emitra_sandbox_catalog_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSandboxCatalog, emitra_sandbox_catalog, EMITRA, SANDBOX_CATALOG, GObject)

EmitraSandboxCatalog       *emitra_sandbox_catalog_load           (const char            *catalog_dir,
                                                                   GError               **error);
GBytes                     *emitra_sandbox_catalog_get_bytes      (EmitraSandboxCatalog  *self);
const char                 *emitra_sandbox_catalog_get_etag       (EmitraSandboxCatalog  *self);
guint                       emitra_sandbox_catalog_get_n_services (EmitraSandboxCatalog  *self);
const EmitraSandboxService *emitra_sandbox_catalog_lookup         (EmitraSandboxCatalog  *self,
                                                                   const char            *service_id);

gint64                      emitra_sandbox_service_charge         (const char            *charge_rule,
                                                                   gint64                 amount);

G_END_DECLS
