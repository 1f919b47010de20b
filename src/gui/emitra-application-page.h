/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-catalog.h"
#include "emitra-draft-store.h"
#include "emitra-gateway-client.h"
#include "emitra-receipt.h"
#include "emitra-submitter.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_APPLICATION_PAGE (emitra_application_page_get_type ())

G_DECLARE_FINAL_TYPE (EmitraApplicationPage, emitra_application_page, EMITRA, APPLICATION_PAGE, GtkWidget)

GtkWidget   *emitra_application_page_new            (void);
void         emitra_application_page_set_desk       (EmitraApplicationPage *self,
                                                     EmitraCatalog         *catalog,
                                                     EmitraDraftStore      *draft_store,
                                                     EmitraGatewayClient   *client,
                                                     EmitraSubmitter       *submitter);
gboolean     emitra_application_page_open_service   (EmitraApplicationPage *self,
                                                     const char            *service_id,
                                                     GError               **error);
gboolean     emitra_application_page_open_draft     (EmitraApplicationPage *self,
                                                     EmitraDraft           *draft,
                                                     GError               **error);
EmitraDraft *emitra_application_page_get_draft      (EmitraApplicationPage *self);
const char  *emitra_application_page_get_step       (EmitraApplicationPage *self);
gboolean     emitra_application_page_go_to_step     (EmitraApplicationPage *self,
                                                     const char            *step,
                                                     gboolean              validate);
gboolean     emitra_application_page_get_busy       (EmitraApplicationPage *self);
void         emitra_application_page_set_training   (EmitraApplicationPage *self,
                                                     gboolean               training);
void         emitra_application_page_set_online     (EmitraApplicationPage *self,
                                                     gboolean               online);
void         emitra_application_page_flush_async    (EmitraApplicationPage *self,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean     emitra_application_page_flush_finish   (EmitraApplicationPage *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
