/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void emitra_first_frame_report (GtkWidget *widget);

G_END_DECLS
