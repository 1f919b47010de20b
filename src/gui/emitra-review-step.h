/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-catalog.h"
#include "emitra-draft.h"
#include "emitra-fee.h"
#include "emitra-form-schema.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_REVIEW_STEP (emitra_review_step_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReviewStep, emitra_review_step, EMITRA, REVIEW_STEP, GtkWidget)

void      emitra_review_step_show         (EmitraReviewStep *self,
                                           EmitraService    *service,
                                           EmitraFormSchema *schema,
                                           EmitraCatalog    *catalog,
                                           EmitraDraft      *draft,
                                           gboolean          has_citizen_step,
                                           const EmitraFee  *fee,
                                           gint64            cash_received,
                                           gint64            change);
void      emitra_review_step_set_hindi    (EmitraReviewStep *self,
                                           gboolean          hindi);
gboolean  emitra_review_step_get_hindi    (EmitraReviewStep *self);
char     *emitra_review_step_dup_text     (EmitraReviewStep *self);

G_END_DECLS
