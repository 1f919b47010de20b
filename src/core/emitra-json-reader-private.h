/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by emitra-json-reader.c (the cursor) and emitra-json-reader-tree.c
 * (skipping values and building trees) only.
 */
#pragma once

#include "emitra-json-reader.h"

G_BEGIN_DECLS

static inline void
_emitra_json_cursor_skip_space (EmitraJsonCursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
}

gboolean _emitra_json_cursor_fail         (EmitraJsonCursor *c,
                                          const char       *what);
gboolean _emitra_json_cursor_read_number  (EmitraJsonCursor *c,
                                          gboolean         *out_is_int,
                                          gint64           *out_value,
                                          double           *out_double);
gboolean _emitra_json_cursor_read_literal (EmitraJsonCursor *c,
                                          const char       *word);

G_END_DECLS
