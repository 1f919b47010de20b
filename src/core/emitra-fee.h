/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define EMITRA_FEE_ERROR (emitra_fee_error_quark ())

typedef enum {
  EMITRA_FEE_ERROR_UNKNOWN_RULE,   /* a charge rule this version does not know */
  EMITRA_FEE_ERROR_INVALID,        /* a negative fee, no amount due, no pages */
  EMITRA_FEE_ERROR_TOO_LARGE,      /* more than the desk accepts in one transaction */
  EMITRA_FEE_ERROR_CASH_SHORT,     /* the cash received is less than the total */
} EmitraFeeError;

/* The e-Mitra service charge rules of docs/catalog.md. */
typedef enum {
  EMITRA_CHARGE_RULE_G2C,
  EMITRA_CHARGE_RULE_G2B,
  EMITRA_CHARGE_RULE_BILL_COLLECTION,
  EMITRA_CHARGE_RULE_UTILITY_FREE,
  EMITRA_CHARGE_RULE_PRINTOUT_A4,
  EMITRA_CHARGE_RULE_SIGNED_CERTIFICATE,
  EMITRA_CHARGE_RULE_PVC_CARD,
} EmitraChargeRule;

/* What the citizen pays, itemised as the receipt shows it. For a bill
 * payment the department fee is the amount due. All in paise. */
typedef struct
{
  EmitraChargeRule rule;
  gint64           department_fee;
  gint64           service_charge;
  gint64           total;
} EmitraFee;

#define EMITRA_TYPE_FEE (emitra_fee_get_type ())

GType       emitra_fee_get_type               (void) G_GNUC_CONST;
GQuark      emitra_fee_error_quark            (void);

EmitraFee  *emitra_fee_copy                   (const EmitraFee   *fee);
void        emitra_fee_free                   (EmitraFee         *fee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmitraFee, emitra_fee_free)

gboolean    emitra_charge_rule_from_string    (const char        *name,
                                               EmitraChargeRule  *out_rule,
                                               GError           **error);
const char *emitra_charge_rule_to_string      (EmitraChargeRule   rule);
gboolean    emitra_charge_rule_is_per_page    (EmitraChargeRule   rule);

gint64      emitra_fee_bill_collection_charge (gint64             amount_due);
gboolean    emitra_fee_compute                (EmitraChargeRule   rule,
                                               gint64             department_fee,
                                               gint64             amount_due,
                                               guint              pages,
                                               EmitraFee         *out_fee,
                                               GError           **error);
gboolean    emitra_fee_change                 (const EmitraFee   *fee,
                                               gint64             cash_received,
                                               gint64            *out_change,
                                               GError           **error);

G_END_DECLS
