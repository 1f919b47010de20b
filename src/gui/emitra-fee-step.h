/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "emitra-fee.h"
#include "emitra-service.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_FEE_STEP (emitra_fee_step_get_type ())

G_DECLARE_FINAL_TYPE (EmitraFeeStep, emitra_fee_step, EMITRA, FEE_STEP, GtkWidget)

void        emitra_fee_step_set_service      (EmitraFeeStep  *self,
                                              EmitraService  *service,
                                              gboolean        pages_in_form);
void        emitra_fee_step_set_pages        (EmitraFeeStep  *self,
                                              guint           pages);
guint       emitra_fee_step_get_pages        (EmitraFeeStep  *self);
gboolean    emitra_fee_step_needs_bill       (EmitraFeeStep  *self);
gboolean    emitra_fee_step_has_bill         (EmitraFeeStep  *self);
void        emitra_fee_step_set_bill_loading (EmitraFeeStep  *self);
void        emitra_fee_step_set_bill         (EmitraFeeStep  *self,
                                              const char     *consumer_name,
                                              const char     *bill_number,
                                              const char     *due_date,
                                              gint64          amount_due);
void        emitra_fee_step_set_bill_error   (EmitraFeeStep  *self,
                                              const char     *message);
gint64      emitra_fee_step_get_amount_due   (EmitraFeeStep  *self);
const char *emitra_fee_step_get_consumer_name (EmitraFeeStep *self);
gboolean    emitra_fee_step_get_fee          (EmitraFeeStep  *self,
                                              EmitraFee      *out_fee,
                                              GError        **error);
const char *emitra_fee_step_get_cash_text    (EmitraFeeStep  *self);
void        emitra_fee_step_set_cash_text    (EmitraFeeStep  *self,
                                              const char     *text);
gboolean    emitra_fee_step_get_cash         (EmitraFeeStep  *self,
                                              gint64         *out_cash,
                                              gint64         *out_change);
gboolean    emitra_fee_step_validate         (EmitraFeeStep  *self,
                                              char          **out_message);
void        emitra_fee_step_focus            (EmitraFeeStep  *self);

G_END_DECLS
