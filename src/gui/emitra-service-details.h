/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "emitra-catalog-context.h"
#include "emitra-text.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_SERVICE_DETAILS (emitra_service_details_get_type ())

G_DECLARE_FINAL_TYPE (EmitraServiceDetails, emitra_service_details, EMITRA, SERVICE_DETAILS, GtkBox)

GtkWidget     *emitra_service_details_new         (void);
void           emitra_service_details_set_context (EmitraServiceDetails *self,
                                                   EmitraCatalogContext *context);
void           emitra_service_details_show        (EmitraServiceDetails *self,
                                                   EmitraService        *service,
                                                   gboolean              hindi,
                                                   EmitraDigits          digits);
EmitraService *emitra_service_details_get_service (EmitraServiceDetails *self);
void           emitra_service_details_focus       (EmitraServiceDetails *self);

G_END_DECLS
