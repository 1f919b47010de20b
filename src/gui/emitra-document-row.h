/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-document-requirement.h"
#include "emitra-scan.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_DOCUMENT_ROW (emitra_document_row_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDocumentRow, emitra_document_row, EMITRA, DOCUMENT_ROW, AdwActionRow)

EmitraDocumentRow         *emitra_document_row_new               (EmitraDocumentRequirement *requirement);
EmitraDocumentRequirement *emitra_document_row_get_requirement   (EmitraDocumentRow         *self);
const char                *emitra_document_row_get_id            (EmitraDocumentRow         *self);

void                       emitra_document_row_set_scan          (EmitraDocumentRow         *self,
                                                                  const EmitraScanInfo      *info);
const EmitraScanInfo      *emitra_document_row_get_scan          (EmitraDocumentRow         *self);
void                       emitra_document_row_set_original_seen (EmitraDocumentRow         *self,
                                                                  gboolean                   seen);
gboolean                   emitra_document_row_get_original_seen (EmitraDocumentRow         *self);
void                       emitra_document_row_set_busy          (EmitraDocumentRow         *self,
                                                                  gboolean                   busy);
gboolean                   emitra_document_row_get_busy          (EmitraDocumentRow         *self);
gboolean                   emitra_document_row_is_provided       (EmitraDocumentRow         *self);
void                       emitra_document_row_focus             (EmitraDocumentRow         *self);

G_END_DECLS
