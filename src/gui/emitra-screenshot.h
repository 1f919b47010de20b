/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean emitra_screenshot_save       (GtkWidget   *widget,
                                       const char  *path,
                                       GError     **error);
void     emitra_screenshot_when_drawn (GtkWidget   *widget,
                                       const char  *path,
                                       GCallback    done,
                                       gpointer     user_data);

G_END_DECLS
