/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The steps of the guided application, in order. A draft records the one
 * where work stopped, so a resumed draft opens there. */
#define EMITRA_DRAFT_STEP_CITIZEN   "citizen"
#define EMITRA_DRAFT_STEP_DETAILS   "details"
#define EMITRA_DRAFT_STEP_DOCUMENTS "documents"
#define EMITRA_DRAFT_STEP_FEE       "fee"
#define EMITRA_DRAFT_STEP_REVIEW    "review"
#define EMITRA_DRAFT_STEP_SUBMIT    "submit"

#define EMITRA_TYPE_DRAFT (emitra_draft_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDraft, emitra_draft, EMITRA, DRAFT, GObject)

EmitraDraft *emitra_draft_new                  (const char   *service_id);

const char  *emitra_draft_get_id               (EmitraDraft  *self);
const char  *emitra_draft_get_service_id       (EmitraDraft  *self);
const char  *emitra_draft_get_step             (EmitraDraft  *self);
void         emitra_draft_set_step             (EmitraDraft  *self,
                                                const char   *step);
const char  *emitra_draft_get_citizen_name     (EmitraDraft  *self);
void         emitra_draft_set_citizen_name     (EmitraDraft  *self,
                                                const char   *name);
const char  *emitra_draft_get_request_id       (EmitraDraft  *self);
gboolean     emitra_draft_get_submitted        (EmitraDraft  *self);
gint64       emitra_draft_get_created_at       (EmitraDraft  *self);
gint64       emitra_draft_get_updated_at       (EmitraDraft  *self);
void         emitra_draft_set_updated_at       (EmitraDraft  *self,
                                                gint64        unix_seconds);

const char  *emitra_draft_get_value            (EmitraDraft  *self,
                                                const char   *field_id);
void         emitra_draft_set_value            (EmitraDraft  *self,
                                                const char   *field_id,
                                                const char   *value);
GHashTable  *emitra_draft_get_values           (EmitraDraft  *self);

void         emitra_draft_set_document         (EmitraDraft  *self,
                                                const char   *document_id,
                                                const char   *path,
                                                gboolean      original_seen);
gboolean     emitra_draft_get_document         (EmitraDraft  *self,
                                                const char   *document_id,
                                                const char  **out_path,
                                                gboolean     *out_original_seen);
void         emitra_draft_remove_document      (EmitraDraft  *self,
                                                const char   *document_id);
GStrv        emitra_draft_dup_document_ids     (EmitraDraft  *self);

G_END_DECLS
