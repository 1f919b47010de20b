/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-catalog.h"
#include "emitra-gateway-client.h"
#include "emitra-search.h"

G_BEGIN_DECLS

/* Where the catalog in use came from. */
typedef enum {
  EMITRA_CATALOG_SOURCE_NONE,
  EMITRA_CATALOG_SOURCE_BUNDLED,  /* data/catalog, shipped with the desk */
  EMITRA_CATALOG_SOURCE_CACHED,   /* fetched from the gateway, now or before */
} EmitraCatalogSource;

#define EMITRA_TYPE_CATALOG_STORE (emitra_catalog_store_get_type ())

G_DECLARE_FINAL_TYPE (EmitraCatalogStore, emitra_catalog_store, EMITRA, CATALOG_STORE, GObject)

EmitraCatalogStore  *emitra_catalog_store_new                 (const char          *cache_path,
                                                               const char          *bundled_dir);
gboolean             emitra_catalog_store_load                (EmitraCatalogStore  *self,
                                                               GError             **error);
void                 emitra_catalog_store_load_async          (EmitraCatalogStore  *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean             emitra_catalog_store_load_finish         (EmitraCatalogStore  *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
EmitraCatalog       *emitra_catalog_store_get_catalog         (EmitraCatalogStore  *self);
EmitraSearch        *emitra_catalog_store_get_search          (EmitraCatalogStore  *self);
EmitraCatalogSource  emitra_catalog_store_get_source          (EmitraCatalogStore  *self);
const char          *emitra_catalog_store_get_etag            (EmitraCatalogStore  *self);
void                 emitra_catalog_store_set_usage           (EmitraCatalogStore  *self,
                                                               GHashTable          *weights);

gboolean             emitra_catalog_store_replace             (EmitraCatalogStore  *self,
                                                               GBytes              *document,
                                                               const char          *etag,
                                                               GError             **error);
void                 emitra_catalog_store_replace_async       (EmitraCatalogStore  *self,
                                                               GBytes              *document,
                                                               const char          *etag,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean             emitra_catalog_store_replace_finish      (EmitraCatalogStore  *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

void                 emitra_catalog_store_refresh_async       (EmitraCatalogStore  *self,
                                                               EmitraGatewayClient *client,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean             emitra_catalog_store_refresh_finish      (EmitraCatalogStore  *self,
                                                               GAsyncResult        *result,
                                                               gboolean            *out_updated,
                                                               GError             **error);

char                *emitra_catalog_store_default_path        (void);
char                *emitra_catalog_store_default_bundled_dir (void);

G_END_DECLS
