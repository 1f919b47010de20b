/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-window.h"

G_BEGIN_DECLS

void                   emitra_window_desk_class_init      (GtkWidgetClass       *widget_class);
void                   emitra_window_desk_init            (EmitraWindow         *window);
void                   emitra_window_desk_attach_report_page (EmitraWindow      *window,
                                                              EmitraReportPage  *page);
void                   emitra_window_desk_attach_receipts_page (EmitraWindow       *window,
                                                                EmitraReceiptsPage *page);

/* Anything done on a citizen's behalf through the gateway asks for
 * sign-in first, in place: this finishes at once with the session when
 * one is alive, or after the operator has signed in; with an error
 * (G_IO_ERROR_CANCELLED) when they closed the sign-in window. */
void                   emitra_window_ensure_signed_in_async  (EmitraWindow        *window,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
EmitraOperatorSession *emitra_window_ensure_signed_in_finish (EmitraWindow        *window,
                                                              GAsyncResult        *result,
                                                              GError             **error);
void                   emitra_window_refresh_wallet         (EmitraWindow        *window);

G_END_DECLS
