/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean emitra_verhoeff_validate     (const char *digits);
int      emitra_verhoeff_check_digit  (const char *digits);

G_END_DECLS
