/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-draft.h"

G_BEGIN_DECLS

/* A value on its way to the disk: given the field id and the value as
 * typed, returns what may be written (a masked Aadhaar number, say). */
typedef char *(*EmitraDraftRedactFunc) (const char *field_id,
                                        const char *value,
                                        gpointer    user_data);

EmitraDraft *_emitra_draft_new_from_row      (const char             *id,
                                              const char             *service_id,
                                              const char             *step,
                                              const char             *values_json,
                                              const char             *request_id,
                                              const char             *citizen_name,
                                              gint64                  created_at,
                                              gint64                  updated_at,
                                              gboolean                submitted,
                                              GError                **error);
char        *_emitra_draft_to_values_json    (EmitraDraft            *self,
                                              EmitraDraftRedactFunc   redact,
                                              gpointer                user_data);
void         _emitra_draft_set_request_id    (EmitraDraft            *self,
                                              const char             *request_id);
void         _emitra_draft_set_submitted     (EmitraDraft            *self,
                                              gboolean                submitted);

G_END_DECLS
