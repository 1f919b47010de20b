/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_BILL (emitra_bill_get_type ())

G_DECLARE_FINAL_TYPE (EmitraBill, emitra_bill, EMITRA, BILL, GObject)

/* A bill fetched by service and consumer number (an electricity
 * K-number, a water connection number...). Money in paise. */
const char  *emitra_bill_get_service_id       (EmitraBill *self);
const char  *emitra_bill_get_consumer_number  (EmitraBill *self);
const char  *emitra_bill_get_consumer_name_en (EmitraBill *self);
const char  *emitra_bill_get_consumer_name_hi (EmitraBill *self);
const char  *emitra_bill_get_bill_number      (EmitraBill *self);
const GDate *emitra_bill_get_bill_date        (EmitraBill *self);
const GDate *emitra_bill_get_due_date         (EmitraBill *self);
gint64       emitra_bill_get_amount_due       (EmitraBill *self);
gboolean     emitra_bill_is_paid              (EmitraBill *self);

G_END_DECLS
