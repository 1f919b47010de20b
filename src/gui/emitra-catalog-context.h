/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-catalog-store.h"
#include "emitra-desk.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_CATALOG_CONTEXT (emitra_catalog_context_get_type ())

G_DECLARE_FINAL_TYPE (EmitraCatalogContext, emitra_catalog_context, EMITRA, CATALOG_CONTEXT, GObject)

EmitraCatalogContext *emitra_catalog_context_new            (const char           *cache_path,
                                                             const char           *bundled_dir,
                                                             const char           *desk_path);
EmitraCatalogStore   *emitra_catalog_context_get_store      (EmitraCatalogContext *self);
EmitraCatalog        *emitra_catalog_context_get_catalog    (EmitraCatalogContext *self);
gboolean              emitra_catalog_context_get_loading    (EmitraCatalogContext *self);
const GError         *emitra_catalog_context_get_error      (EmitraCatalogContext *self);

void                  emitra_catalog_context_note_use       (EmitraCatalogContext *self,
                                                             const char           *service_id);
gboolean              emitra_catalog_context_is_favourite   (EmitraCatalogContext *self,
                                                             const char           *service_id);
void                  emitra_catalog_context_set_favourite  (EmitraCatalogContext *self,
                                                             const char           *service_id,
                                                             gboolean              favourite);
GPtrArray            *emitra_catalog_context_list_favourites (EmitraCatalogContext *self);
GPtrArray            *emitra_catalog_context_list_recent    (EmitraCatalogContext *self,
                                                             guint                 max);

void                  emitra_catalog_context_start_desk     (EmitraCatalogContext *self,
                                                             EmitraDesk           *desk);

G_END_DECLS
