/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-catalog.h"
#include "emitra-draft-store.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_DRAFTS_DIALOG (emitra_drafts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDraftsDialog, emitra_drafts_dialog, EMITRA, DRAFTS_DIALOG, AdwWindow)

EmitraDraftsDialog *emitra_drafts_dialog_new         (GtkWindow        *parent,
                                                      EmitraCatalog    *catalog,
                                                      EmitraDraftStore *store,
                                                      GListModel       *drafts,
                                                      guint             retention_days);
guint               emitra_drafts_dialog_get_n_drafts (EmitraDraftsDialog *self);
char               *emitra_drafts_dialog_dup_text    (EmitraDraftsDialog *self);
void                emitra_drafts_dialog_resume      (EmitraDraftsDialog *self,
                                                      guint               index);

G_END_DECLS
