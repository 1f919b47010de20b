/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_DOCUMENT_REQUIREMENT (emitra_document_requirement_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDocumentRequirement, emitra_document_requirement, EMITRA, DOCUMENT_REQUIREMENT, GObject)

EmitraDocumentRequirement *emitra_document_requirement_new_from_json     (JsonObject                 *object,
                                                                          const char                 *where,
                                                                          GError                    **error);
const char                *emitra_document_requirement_get_id            (EmitraDocumentRequirement  *self);
const char                *emitra_document_requirement_get_name_en       (EmitraDocumentRequirement  *self);
const char                *emitra_document_requirement_get_name_hi       (EmitraDocumentRequirement  *self);
const char                *emitra_document_requirement_get_name          (EmitraDocumentRequirement  *self,
                                                                          gboolean                    hindi);
gboolean                   emitra_document_requirement_get_required      (EmitraDocumentRequirement  *self);
gboolean                   emitra_document_requirement_get_original_seen (EmitraDocumentRequirement  *self);

G_END_DECLS
