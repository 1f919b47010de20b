/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-desk.h"
#include "emitra-operator-session.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_RECEIPTS_PAGE (emitra_receipts_page_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReceiptsPage, emitra_receipts_page, EMITRA, RECEIPTS_PAGE, AdwBin)

EmitraDesk    *emitra_receipts_page_get_desk        (EmitraReceiptsPage  *self);
void           emitra_receipts_page_set_desk        (EmitraReceiptsPage  *self,
                                                     EmitraDesk          *desk);
void           emitra_receipts_page_set_session     (EmitraReceiptsPage  *self,
                                                     EmitraOperatorSession *session);
void           emitra_receipts_page_set_range       (EmitraReceiptsPage  *self,
                                                     const char          *from_day,
                                                     const char          *to_day);
void           emitra_receipts_page_refresh         (EmitraReceiptsPage  *self);
gboolean       emitra_receipts_page_is_busy         (EmitraReceiptsPage  *self);
void           emitra_receipts_page_focus_search    (EmitraReceiptsPage  *self);
GListModel    *emitra_receipts_page_get_receipts    (EmitraReceiptsPage  *self);
EmitraReceipt *emitra_receipts_page_get_selected    (EmitraReceiptsPage  *self);
gboolean       emitra_receipts_page_reprint_to_file (EmitraReceiptsPage  *self,
                                                     const char          *path,
                                                     GError             **error);
gboolean       emitra_receipts_page_save_pdf        (EmitraReceiptsPage  *self,
                                                     const char          *path,
                                                     GError             **error);

G_END_DECLS
