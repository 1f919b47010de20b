/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-application-page.h"
#include "emitra-window.h"

G_BEGIN_DECLS

void     emitra_window_flow_class_init        (GtkWidgetClass *widget_class);
void     emitra_window_flow_init              (EmitraWindow   *window);
gboolean emitra_window_flow_close_request     (EmitraWindow   *window);
void     emitra_window_flow_start_application (EmitraWindow   *window,
                                               const char     *service_id);
void     emitra_window_flow_resume_draft      (EmitraWindow   *window,
                                               const char     *draft_id);

G_END_DECLS
