/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  EMITRA_OUTBOX_STATE_PENDING,
  EMITRA_OUTBOX_STATE_CONFIRMED,
  EMITRA_OUTBOX_STATE_REJECTED,
  EMITRA_OUTBOX_STATE_CANCELLED,
} EmitraOutboxState;

#define EMITRA_TYPE_OUTBOX_STATE (emitra_outbox_state_get_type ())
GType emitra_outbox_state_get_type (void);

const char *emitra_outbox_state_to_string   (EmitraOutboxState  state);
gboolean    emitra_outbox_state_from_string (const char        *text,
                                             EmitraOutboxState *out_state);

#define EMITRA_TYPE_OUTBOX_ITEM (emitra_outbox_item_get_type ())

G_DECLARE_FINAL_TYPE (EmitraOutboxItem, emitra_outbox_item, EMITRA, OUTBOX_ITEM, GObject)

const char        *emitra_outbox_item_get_request_id      (EmitraOutboxItem *self);
const char        *emitra_outbox_item_get_service_id      (EmitraOutboxItem *self);
const char        *emitra_outbox_item_get_draft_id        (EmitraOutboxItem *self);
const char        *emitra_outbox_item_get_request_json    (EmitraOutboxItem *self);
gint64             emitra_outbox_item_get_receipt_no      (EmitraOutboxItem *self);
const char        *emitra_outbox_item_get_citizen_name    (EmitraOutboxItem *self);
const char        *emitra_outbox_item_get_service_name_en (EmitraOutboxItem *self);
const char        *emitra_outbox_item_get_service_name_hi (EmitraOutboxItem *self);
gint64             emitra_outbox_item_get_total           (EmitraOutboxItem *self);
EmitraOutboxState  emitra_outbox_item_get_state           (EmitraOutboxItem *self);
guint              emitra_outbox_item_get_attempts        (EmitraOutboxItem *self);
const char        *emitra_outbox_item_get_last_error      (EmitraOutboxItem *self);
gint64             emitra_outbox_item_get_next_attempt_at (EmitraOutboxItem *self);
gint64             emitra_outbox_item_get_created_at      (EmitraOutboxItem *self);
gint64             emitra_outbox_item_get_updated_at      (EmitraOutboxItem *self);

G_END_DECLS
