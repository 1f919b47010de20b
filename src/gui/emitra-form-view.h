/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-form-schema.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_FORM_VIEW (emitra_form_view_get_type ())

G_DECLARE_FINAL_TYPE (EmitraFormView, emitra_form_view, EMITRA, FORM_VIEW, GtkWidget)

GtkWidget   *emitra_form_view_new                  (void);
void         emitra_form_view_set_fields           (EmitraFormView    *self,
                                                    EmitraFormSchema  *schema,
                                                    GPtrArray         *fields,
                                                    GListModel        *districts);
guint        emitra_form_view_get_n_fields         (EmitraFormView    *self);
gboolean     emitra_form_view_has_field            (EmitraFormView    *self,
                                                    const char        *field_id);
GStrv        emitra_form_view_dup_field_ids        (EmitraFormView    *self);

const char  *emitra_form_view_get_text             (EmitraFormView    *self,
                                                    const char        *field_id);
void         emitra_form_view_set_text             (EmitraFormView    *self,
                                                    const char        *field_id,
                                                    const char        *text);
void         emitra_form_view_set_verified_aadhaar (EmitraFormView    *self,
                                                    gboolean           verified);

gboolean     emitra_form_view_check_field          (EmitraFormView    *self,
                                                    const char        *field_id);
gboolean     emitra_form_view_validate             (EmitraFormView    *self,
                                                    char             **out_first_message);
gboolean     emitra_form_view_show_error           (EmitraFormView    *self,
                                                    const char        *field_id,
                                                    const char        *message);
GtkWidget   *emitra_form_view_get_field_row        (EmitraFormView    *self,
                                                    const char        *field_id);
const char  *emitra_form_view_get_shown_message    (EmitraFormView    *self,
                                                    const char        *field_id);
GHashTable  *emitra_form_view_dup_normalised       (EmitraFormView    *self,
                                                    GError           **error);
void         emitra_form_view_focus_first          (EmitraFormView    *self);

G_END_DECLS
