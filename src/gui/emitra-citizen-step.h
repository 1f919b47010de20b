/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-family.h"
#include "emitra-family-member.h"
#include "emitra-form-view.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_CITIZEN_STEP (emitra_citizen_step_get_type ())

G_DECLARE_FINAL_TYPE (EmitraCitizenStep, emitra_citizen_step, EMITRA, CITIZEN_STEP, GtkWidget)

EmitraFormView *emitra_citizen_step_get_form_view  (EmitraCitizenStep  *self);
const char     *emitra_citizen_step_get_family_id  (EmitraCitizenStep  *self);
void            emitra_citizen_step_set_family_id  (EmitraCitizenStep  *self,
                                                    const char         *family_id);
void            emitra_citizen_step_set_busy       (EmitraCitizenStep  *self,
                                                    const char         *message);
void            emitra_citizen_step_set_family_error (EmitraCitizenStep *self,
                                                    const char         *message);
void            emitra_citizen_step_set_family     (EmitraCitizenStep  *self,
                                                    EmitraFamily       *family);
guint           emitra_citizen_step_get_n_members  (EmitraCitizenStep  *self);
const char     *emitra_citizen_step_get_member_id  (EmitraCitizenStep  *self);
void            emitra_citizen_step_select_member  (EmitraCitizenStep  *self,
                                                    const char         *member_id);
void            emitra_citizen_step_set_otp_sent   (EmitraCitizenStep  *self,
                                                    const char         *mobile_masked);
void            emitra_citizen_step_set_otp_error  (EmitraCitizenStep  *self,
                                                    const char         *message);
const char     *emitra_citizen_step_get_otp        (EmitraCitizenStep  *self);
void            emitra_citizen_step_set_otp        (EmitraCitizenStep  *self,
                                                    const char         *otp);
void            emitra_citizen_step_apply_member   (EmitraCitizenStep  *self,
                                                    EmitraFamilyMember *member);
void            emitra_citizen_step_set_verified   (EmitraCitizenStep  *self,
                                                    gboolean            verified,
                                                    const char         *name);
gboolean        emitra_citizen_step_get_verified   (EmitraCitizenStep  *self);
void            emitra_citizen_step_focus          (EmitraCitizenStep  *self);

G_END_DECLS
