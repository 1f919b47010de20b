/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-validate.h"

G_BEGIN_DECLS

char     *_emitra_validate_compact     (const char  *text);
gboolean  _emitra_validate_all_digits  (const char  *text);
gboolean  _emitra_validate_set_empty   (const char  *label,
                                        GError     **error);
gboolean  _emitra_validate_check_utf8  (const char  *label,
                                        const char  *text,
                                        GError     **error);

G_END_DECLS
