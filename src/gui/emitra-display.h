/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "emitra-receipt-renderer.h"
#include "emitra-text.h"

G_BEGIN_DECLS

/* How numbers, amounts and dates look on screen and on paper, in the digit
 * set Preferences chose (the "devanagari-digits" key). Every page formats
 * through these, so one switch changes the whole desk. */

EmitraDigits  emitra_display_get_digits       (void);
char         *emitra_display_digits           (const char            *text);
char         *emitra_display_money            (gint64                 paise);
char         *emitra_display_count            (gint64                 count);
char         *emitra_display_number           (gint64                 number);
char         *emitra_display_date             (GDateTime             *date);
char         *emitra_display_date_time        (GDateTime             *date);
char         *emitra_display_recent_time      (gint64                 unix_time);
char         *emitra_display_date_time_in_words (gint64               unix_time);
char         *emitra_display_day              (const char            *day);
char         *emitra_display_day_in_words     (const char            *day);
void          emitra_display_setup_receipt_renderer (EmitraReceiptRenderer *renderer);
void          emitra_display_setup_spin_button (GtkSpinButton         *spin);

void          emitra_display_spin_while_mapped (GtkWidget             *spinner);
void          emitra_display_set_tooltip       (GtkWidget             *widget,
                                               const char            *text);

G_END_DECLS
