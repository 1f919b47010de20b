/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-application-page.h"
#include "emitra-window.h"

G_BEGIN_DECLS

void     emitra_window_flow_class_init        (GtkWidgetClass *widget_class);
void     emitra_window_flow_init              (EmitraWindow   *window);
void     emitra_window_flow_attach_page       (EmitraWindow   *window,
                                               EmitraApplicationPage *page);
gboolean emitra_window_flow_close_request     (EmitraWindow   *window);
void     emitra_window_flow_start_application (EmitraWindow   *window,
                                               const char     *service_id);
void     emitra_window_flow_resume_draft      (EmitraWindow   *window,
                                               const char     *draft_id);

/* For a window that replaces another (the language changed): no start-up
 * work (Drafts list, purge, EMITRA_OPEN_SERVICE), and the old window's
 * application carried over. */
void     emitra_window_flow_mark_started      (EmitraWindow   *window);
void     emitra_window_flow_reopen            (EmitraWindow   *window,
                                               const char     *draft_id,
                                               const char     *service_id,
                                               EmitraReceipt  *receipt);

G_END_DECLS
