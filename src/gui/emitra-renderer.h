/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean emitra_renderer_prefers_cairo (const char *dri_dir);
void     emitra_renderer_setup         (void);

G_END_DECLS
