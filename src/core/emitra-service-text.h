/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-service.h"
#include "emitra-text.h"

G_BEGIN_DECLS

char     *emitra_service_text_fee          (EmitraService *service,
                                            EmitraDigits   digits);
char     *emitra_service_text_charge       (EmitraService *service,
                                            EmitraDigits   digits);
char     *emitra_service_text_charge_rule  (EmitraService *service,
                                            EmitraDigits   digits);
gboolean  emitra_service_text_total        (EmitraService *service,
                                            gint64        *out_charge,
                                            gint64        *out_total);
char     *emitra_service_text_delivery     (EmitraService *service,
                                            EmitraDigits   digits);
char     *emitra_service_text_age_limits   (int            min_age,
                                            int            max_age,
                                            EmitraDigits   digits);

G_END_DECLS
