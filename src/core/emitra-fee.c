/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a citizen pays at the counter: the department's fee (or, for a bill,
 * the amount due fetched from the gateway) plus the e-Mitra service charge
 * its rule sets, and the change for the cash handed over. The charge is
 * computed here and nowhere else, so the operator never types it:
 * overcharging at outlets is a complaint the state hears often.
 *
 * The rates are the state's from 1 September 2020, taxes included
 * (docs/catalog.md). All amounts are integer paise.
 */
#include "config.h"

#include "emitra-fee.h"
#include "emitra-money.h"

#include <glib/gi18n-lib.h>

#define RUPEES(n) ((gint64) (n) * 100)

/* Bill collection: Rs 10 up to Rs 2,000 due, and Rs 2 more for each
 * further Rs 1,000 or part of it. */
#define BILL_BASE_CHARGE  RUPEES (10)
#define BILL_BASE_LIMIT   RUPEES (2000)
#define BILL_STEP         RUPEES (1000)
#define BILL_STEP_CHARGE  RUPEES (2)

/* A printout or a certificate is a few pages; more is a typing slip. */
#define MAX_PAGES 500

G_DEFINE_QUARK (emitra-fee-error-quark, emitra_fee_error)

G_DEFINE_BOXED_TYPE (EmitraFee, emitra_fee, emitra_fee_copy, emitra_fee_free)

static const struct {
  EmitraChargeRule  rule;
  const char       *name;
} rule_names[] = {
  { EMITRA_CHARGE_RULE_G2C, "g2c" },
  { EMITRA_CHARGE_RULE_G2B, "g2b" },
  { EMITRA_CHARGE_RULE_BILL_COLLECTION, "bill_collection" },
  { EMITRA_CHARGE_RULE_UTILITY_FREE, "utility_free" },
  { EMITRA_CHARGE_RULE_PRINTOUT_A4, "printout_a4" },
  { EMITRA_CHARGE_RULE_SIGNED_CERTIFICATE, "signed_certificate" },
  { EMITRA_CHARGE_RULE_PVC_CARD, "pvc_card" },
};

EmitraFee *
emitra_fee_copy (const EmitraFee *fee)
{
  g_return_val_if_fail (fee != NULL, NULL);
  return g_memdup2 (fee, sizeof *fee);
}

void
emitra_fee_free (EmitraFee *fee)
{
  g_free (fee);
}

gboolean
emitra_charge_rule_from_string (const char        *name,
                                EmitraChargeRule  *out_rule,
                                GError           **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    if (g_str_equal (name, rule_names[i].name))
      {
        if (out_rule != NULL)
          *out_rule = rule_names[i].rule;
        return TRUE;
      }

  g_set_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_UNKNOWN_RULE,
               _("The service charge rule “%s” is not known to this version. Update e-Mitra Desk."), name);
  return FALSE;
}

const char *
emitra_charge_rule_to_string (EmitraChargeRule rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    if (rule_names[i].rule == rule)
      return rule_names[i].name;

  g_return_val_if_reached (NULL);
}

/* Whether the GUI must ask for a number of pages. */
gboolean
emitra_charge_rule_is_per_page (EmitraChargeRule rule)
{
  return rule == EMITRA_CHARGE_RULE_PRINTOUT_A4 || rule == EMITRA_CHARGE_RULE_SIGNED_CERTIFICATE;
}

gint64
emitra_fee_bill_collection_charge (gint64 amount_due)
{
  gint64 above;

  g_return_val_if_fail (amount_due >= 0, 0);

  if (amount_due <= BILL_BASE_LIMIT)
    return BILL_BASE_CHARGE;

  above = amount_due - BILL_BASE_LIMIT;
  return BILL_BASE_CHARGE + BILL_STEP_CHARGE * ((above + BILL_STEP - 1) / BILL_STEP);
}

/* Itemises what the citizen pays. @department_fee is the catalog's fee;
 * @amount_due the bill's amount fetched from the gateway (bill_collection
 * and utility_free bills; otherwise ignored); @pages the pages printed for
 * the per-page rules (otherwise ignored). */
gboolean
emitra_fee_compute (EmitraChargeRule   rule,
                    gint64             department_fee,
                    gint64             amount_due,
                    guint              pages,
                    EmitraFee         *out_fee,
                    GError           **error)
{
  EmitraFee fee = { rule, department_fee, 0, 0 };

  g_return_val_if_fail (out_fee != NULL, FALSE);

  if (department_fee < 0 || amount_due < 0)
    {
      g_set_error_literal (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_INVALID,
                           _("A fee or an amount due cannot be negative."));
      return FALSE;
    }

  switch (rule)
    {
    case EMITRA_CHARGE_RULE_G2C:
      fee.service_charge = RUPEES (50);
      break;
    case EMITRA_CHARGE_RULE_G2B:
      fee.service_charge = RUPEES (100);
      break;
    case EMITRA_CHARGE_RULE_BILL_COLLECTION:
    case EMITRA_CHARGE_RULE_UTILITY_FREE:
      /* A bill's "department fee" is the amount due, fetched first;
       * a utility bill costs the citizen nothing more. */
      if (amount_due > 0)
        fee.department_fee = amount_due;
      if (fee.department_fee == 0 && rule == EMITRA_CHARGE_RULE_BILL_COLLECTION)
        {
          g_set_error_literal (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_INVALID,
                               _("Nothing is due on this bill, so there is nothing to collect."));
          return FALSE;
        }
      if (fee.department_fee > EMITRA_MONEY_MAX_PAISE)
        break;  /* Refused below. */
      fee.service_charge = rule == EMITRA_CHARGE_RULE_BILL_COLLECTION
                           ? emitra_fee_bill_collection_charge (fee.department_fee) : 0;
      break;
    case EMITRA_CHARGE_RULE_PRINTOUT_A4:
    case EMITRA_CHARGE_RULE_SIGNED_CERTIFICATE:
      if (pages == 0 || pages > MAX_PAGES)
        {
          g_set_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_INVALID,
                       _("Enter the number of pages, from 1 to %d."), MAX_PAGES);
          return FALSE;
        }
      fee.service_charge = (gint64) pages * (rule == EMITRA_CHARGE_RULE_PRINTOUT_A4 ? RUPEES (10) : RUPEES (20));
      break;
    case EMITRA_CHARGE_RULE_PVC_CARD:
      fee.service_charge = RUPEES (30);
      break;
    default:
      g_set_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_UNKNOWN_RULE,
                   _("The service charge rule %d is not known to this version. Update e-Mitra Desk."), (int) rule);
      return FALSE;
    }

  /* Each part is bounded first, so the sum cannot overflow. */
  if (fee.department_fee > EMITRA_MONEY_MAX_PAISE ||
      fee.department_fee + fee.service_charge > EMITRA_MONEY_MAX_PAISE)
    {
      g_set_error_literal (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_TOO_LARGE,
                           _("The amount is more than the desk accepts in one transaction."));
      return FALSE;
    }

  fee.total = fee.department_fee + fee.service_charge;
  *out_fee = fee;
  return TRUE;
}

/* The change to hand back for @cash_received; an error, naming the amount
 * still missing, when it is short of the total. */
gboolean
emitra_fee_change (const EmitraFee  *fee,
                   gint64            cash_received,
                   gint64           *out_change,
                   GError          **error)
{
  g_return_val_if_fail (fee != NULL, FALSE);
  g_return_val_if_fail (out_change != NULL, FALSE);

  if (cash_received < 0 || cash_received > EMITRA_MONEY_MAX_PAISE)
    {
      g_set_error_literal (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_INVALID,
                           _("Enter the cash received as an amount in rupees."));
      return FALSE;
    }

  if (cash_received < fee->total)
    {
      g_autofree char *total = emitra_money_format (fee->total, EMITRA_DIGITS_LATIN);
      g_autofree char *missing = emitra_money_format (fee->total - cash_received, EMITRA_DIGITS_LATIN);

      g_set_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_CASH_SHORT,
                   /* Translators: both are amounts, e.g. ₹120.00 and ₹20.00. */
                   _("The cash received is short of the total of %s by %s."), total, missing);
      return FALSE;
    }

  *out_change = cash_received - fee->total;
  return TRUE;
}
