/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-gateway-client.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_REPORT_PAGE (emitra_report_page_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReportPage, emitra_report_page, EMITRA, REPORT_PAGE, AdwBin)

const char *emitra_report_page_get_day (EmitraReportPage *self);
void        emitra_report_page_set_day (EmitraReportPage *self,
                                        const char       *day);
void        emitra_report_page_refresh (EmitraReportPage *self);

/* Who is signed in decides what the page shows: nothing before sign-in,
 * the operator's own day for an operator, the whole desk (and, from
 * @gateway, the centre's summary across its desks) for a supervisor. */
void        emitra_report_page_set_session (EmitraReportPage      *self,
                                            EmitraOperatorSession *session);
void        emitra_report_page_set_gateway (EmitraReportPage      *self,
                                            EmitraGatewayClient   *gateway);

G_END_DECLS
