/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-application.h"
#include "emitra-application-page.h"
#include "emitra-catalog-page.h"
#include "emitra-receipts-page.h"
#include "emitra-report-page.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_WINDOW (emitra_window_get_type ())

G_DECLARE_FINAL_TYPE (EmitraWindow, emitra_window, EMITRA, WINDOW, AdwApplicationWindow)

EmitraWindow *emitra_window_new              (EmitraApplication *application);
void          emitra_window_add_toast        (EmitraWindow      *self,
                                              const char        *message);
const char   *emitra_window_get_visible_page (EmitraWindow      *self);
void          emitra_window_set_visible_page (EmitraWindow      *self,
                                              const char        *name);
void          emitra_window_set_training     (EmitraWindow      *self,
                                              gboolean           training);
void          emitra_window_set_online       (EmitraWindow      *self,
                                              gboolean           online);
void          emitra_window_set_identity     (EmitraWindow      *self,
                                              const char        *identity);
EmitraCatalogPage *emitra_window_get_catalog_page (EmitraWindow   *self);
EmitraReportPage  *emitra_window_get_report_page  (EmitraWindow   *self);
EmitraReportPage  *emitra_window_peek_report_page (EmitraWindow   *self);
EmitraReceiptsPage *emitra_window_get_receipts_page  (EmitraWindow *self);
EmitraReceiptsPage *emitra_window_peek_receipts_page (EmitraWindow *self);

EmitraApplicationPage *emitra_window_get_application_page  (EmitraWindow *self);
EmitraApplicationPage *emitra_window_peek_application_page (EmitraWindow *self);
void                   emitra_window_show_application      (EmitraWindow *self,
                                                            gboolean      show);
gboolean               emitra_window_is_showing_application (EmitraWindow *self);

G_END_DECLS
