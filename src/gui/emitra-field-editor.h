/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-form-field.h"
#include "emitra-validate.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_FIELD_EDITOR (emitra_field_editor_get_type ())

G_DECLARE_FINAL_TYPE (EmitraFieldEditor, emitra_field_editor, EMITRA, FIELD_EDITOR, GObject)

EmitraFieldEditor *emitra_field_editor_new             (EmitraFormField   *field,
                                                        GListModel        *districts);
EmitraFormField   *emitra_field_editor_get_field       (EmitraFieldEditor *self);
const char        *emitra_field_editor_get_id          (EmitraFieldEditor *self);
GtkWidget         *emitra_field_editor_get_row         (EmitraFieldEditor *self);
GtkWidget         *emitra_field_editor_get_message_row (EmitraFieldEditor *self);

const char        *emitra_field_editor_get_text        (EmitraFieldEditor *self);
void               emitra_field_editor_set_text        (EmitraFieldEditor *self,
                                                        const char        *text);
gboolean           emitra_field_editor_get_dirty       (EmitraFieldEditor *self);
void               emitra_field_editor_set_dirty       (EmitraFieldEditor *self,
                                                        gboolean           dirty);
void               emitra_field_editor_show_message    (EmitraFieldEditor *self,
                                                        EmitraValidity     validity,
                                                        const char        *message);
EmitraValidity     emitra_field_editor_get_shown_validity (EmitraFieldEditor *self);
const char        *emitra_field_editor_get_shown_message (EmitraFieldEditor *self);
void               emitra_field_editor_grab_focus      (EmitraFieldEditor *self);

G_END_DECLS
