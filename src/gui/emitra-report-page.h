/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_REPORT_PAGE (emitra_report_page_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReportPage, emitra_report_page, EMITRA, REPORT_PAGE, AdwBin)

const char *emitra_report_page_get_day (EmitraReportPage *self);
void        emitra_report_page_set_day (EmitraReportPage *self,
                                        const char       *day);
void        emitra_report_page_refresh (EmitraReportPage *self);

G_END_DECLS
