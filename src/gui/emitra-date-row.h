/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_DATE_ROW (emitra_date_row_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDateRow, emitra_date_row, EMITRA, DATE_ROW, AdwEntryRow)

GtkWidget   *emitra_date_row_new            (void);
gboolean     emitra_date_row_get_date       (EmitraDateRow *self,
                                             GDate         *out_date);
void         emitra_date_row_popup_calendar (EmitraDateRow *self);
GtkCalendar *emitra_date_row_get_calendar   (EmitraDateRow *self);

G_END_DECLS
