/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-draft.h"
#include "emitra-service.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_DOCUMENTS_STEP (emitra_documents_step_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDocumentsStep, emitra_documents_step, EMITRA, DOCUMENTS_STEP, GtkWidget)

void      emitra_documents_step_set_draft    (EmitraDocumentsStep  *self,
                                              EmitraService        *service,
                                              EmitraDraft          *draft);
guint     emitra_documents_step_get_n_documents (EmitraDocumentsStep *self);
void      emitra_documents_step_attach_file  (EmitraDocumentsStep  *self,
                                              const char           *document_id,
                                              GFile                *file);
void      emitra_documents_step_set_original_seen (EmitraDocumentsStep *self,
                                              const char           *document_id,
                                              gboolean              seen);
gboolean  emitra_documents_step_is_busy      (EmitraDocumentsStep  *self);
gboolean  emitra_documents_step_is_attached  (EmitraDocumentsStep  *self,
                                              const char           *document_id);
const char *emitra_documents_step_get_message (EmitraDocumentsStep *self,
                                              const char           *document_id);
gboolean  emitra_documents_step_validate     (EmitraDocumentsStep  *self,
                                              char                **out_message);
gboolean  emitra_documents_step_show_error   (EmitraDocumentsStep  *self,
                                              const char           *document_id,
                                              const char           *message);
void      emitra_documents_step_focus        (EmitraDocumentsStep  *self);

G_END_DECLS
