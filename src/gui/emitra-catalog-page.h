/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-catalog-context.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_CATALOG_PAGE (emitra_catalog_page_get_type ())

G_DECLARE_FINAL_TYPE (EmitraCatalogPage, emitra_catalog_page, EMITRA, CATALOG_PAGE, AdwBin)

void        emitra_catalog_page_set_context  (EmitraCatalogPage    *self,
                                              EmitraCatalogContext *context);
void        emitra_catalog_page_focus_search (EmitraCatalogPage    *self);
void        emitra_catalog_page_search       (EmitraCatalogPage    *self,
                                              const char           *text);
gboolean    emitra_catalog_page_show_service (EmitraCatalogPage    *self,
                                              const char           *service_id);
GListModel *emitra_catalog_page_get_results  (EmitraCatalogPage    *self);
const char *emitra_catalog_page_get_search_text (EmitraCatalogPage *self);
const char *emitra_catalog_page_get_shown_service_id (EmitraCatalogPage *self);

G_END_DECLS
