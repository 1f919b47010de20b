/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "emitra-catalog.h"
#include "emitra-service-list.h"
#include "emitra-text.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_SERVICE_ROW (emitra_service_row_get_type ())

G_DECLARE_FINAL_TYPE (EmitraServiceRow, emitra_service_row, EMITRA, SERVICE_ROW, GtkWidget)

GtkWidget     *emitra_service_row_new         (void);
void           emitra_service_row_set_service (EmitraServiceRow     *self,
                                               EmitraService        *service,
                                               EmitraCatalog        *catalog,
                                               gboolean              hindi,
                                               EmitraDigits          digits,
                                               gboolean              favourite,
                                               EmitraServiceSection  section);
EmitraService *emitra_service_row_get_service (EmitraServiceRow     *self);

G_END_DECLS
