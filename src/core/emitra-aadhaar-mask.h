/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *emitra_aadhaar_mask          (const char *aadhaar);
gboolean  emitra_aadhaar_is_masked     (const char *text);
char     *emitra_aadhaar_mask_in_text  (const char *text);
gboolean  emitra_aadhaar_names_member  (const char *member);

G_END_DECLS
