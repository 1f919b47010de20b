/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-catalog-store.h"
#include "emitra-database.h"

G_BEGIN_DECLS

EmitraDatabase *_emitra_catalog_store_get_database (EmitraCatalogStore  *self);
void            _emitra_catalog_store_set_catalog  (EmitraCatalogStore  *self,
                                                    EmitraCatalog       *catalog,
                                                    EmitraSearch        *search,
                                                    EmitraCatalogSource  source,
                                                    const char          *etag);

G_END_DECLS
