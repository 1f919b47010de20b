/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-outbox-item.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_OUTBOX_ROW (emitra_outbox_row_get_type ())

G_DECLARE_FINAL_TYPE (EmitraOutboxRow, emitra_outbox_row, EMITRA, OUTBOX_ROW, GtkListBoxRow)

GtkWidget        *emitra_outbox_row_new      (EmitraOutboxItem *item);
EmitraOutboxItem *emitra_outbox_row_get_item (EmitraOutboxRow  *self);

G_END_DECLS
