/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-draft-store.h"

G_BEGIN_DECLS

#define EMITRA_DRAFT_SAVER_DEFAULT_DELAY_MS 300

#define EMITRA_TYPE_DRAFT_SAVER (emitra_draft_saver_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDraftSaver, emitra_draft_saver, EMITRA, DRAFT_SAVER, GObject)

EmitraDraftSaver *emitra_draft_saver_new          (EmitraDraftStore     *store,
                                                   EmitraDraft          *draft,
                                                   EmitraFormSchema     *schema);
EmitraDraft      *emitra_draft_saver_get_draft    (EmitraDraftSaver     *self);
void              emitra_draft_saver_set_delay    (EmitraDraftSaver     *self,
                                                   guint                 delay_ms);
gboolean          emitra_draft_saver_get_pending  (EmitraDraftSaver     *self);
guint             emitra_draft_saver_get_n_saves  (EmitraDraftSaver     *self);

void              emitra_draft_saver_queue        (EmitraDraftSaver     *self);
void              emitra_draft_saver_flush_async  (EmitraDraftSaver     *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          emitra_draft_saver_flush_finish (EmitraDraftSaver     *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
