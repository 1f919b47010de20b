/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a service's fee, service charge, delivery time and age limits read
 * on screen, in the operator's language and digits. The amounts come from
 * emitra-fee.c, the one place that knows the charge rules.
 */
#include "config.h"

#include "emitra-service-text.h"

#include <glib/gi18n-lib.h>

#include "emitra-fee.h"
#include "emitra-money.h"

static char *
money (gint64       paise,
       EmitraDigits digits)
{
  return emitra_money_format (paise, digits);
}

/* The department's fee, short: for a list row. */
char *
emitra_service_text_fee (EmitraService *service,
                         EmitraDigits   digits)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (EMITRA_IS_SERVICE (service), NULL);

  if (emitra_service_get_bill (service))
    return g_strdup (_("Amount as billed"));
  if (emitra_service_get_department_fee (service) == 0)
    return g_strdup (C_("department fee", "No fee"));

  amount = money (emitra_service_get_department_fee (service), digits);
  /* Translators: the department's fee in a list of services, e.g. "Fee ₹40.00". */
  return g_strdup_printf (_("Fee %s"), amount);
}

/* The e-Mitra service charge, short: for a list row. */
char *
emitra_service_text_charge (EmitraService *service,
                            EmitraDigits   digits)
{
  EmitraChargeRule rule;
  g_autofree char *amount = NULL;
  EmitraFee fee;

  g_return_val_if_fail (EMITRA_IS_SERVICE (service), NULL);

  if (!emitra_charge_rule_from_string (emitra_service_get_charge_rule (service), &rule, NULL))
    return g_strdup ("");

  switch (rule)
    {
    case EMITRA_CHARGE_RULE_UTILITY_FREE:
      return g_strdup (_("No service charge"));
    case EMITRA_CHARGE_RULE_BILL_COLLECTION:
      amount = money (emitra_fee_bill_collection_charge (0), digits);
      /* Translators: the least service charge of a bill payment, e.g. "Charge from ₹10.00". */
      return g_strdup_printf (_("Charge from %s"), amount);
    default:
      if (!emitra_fee_compute (rule, 0, 0, 1, &fee, NULL))
        return g_strdup ("");
      amount = money (fee.service_charge, digits);
      if (emitra_charge_rule_is_per_page (rule))
        /* Translators: a service charge per printed page, e.g. "Charge ₹10.00 a page". */
        return g_strdup_printf (_("Charge %s a page"), amount);
      /* Translators: the e-Mitra service charge in a list of services, e.g. "Charge ₹50.00". */
      return g_strdup_printf (_("Charge %s"), amount);
    }
}

/* The charge rule spelt out: for the service's details. */
char *
emitra_service_text_charge_rule (EmitraService *service,
                                 EmitraDigits   digits)
{
  EmitraChargeRule rule;

  g_return_val_if_fail (EMITRA_IS_SERVICE (service), NULL);

  if (emitra_charge_rule_from_string (emitra_service_get_charge_rule (service), &rule, NULL) &&
      rule == EMITRA_CHARGE_RULE_BILL_COLLECTION)
    {
      g_autofree char *base = money (emitra_fee_bill_collection_charge (0), digits);
      g_autofree char *limit = money (200000, digits);
      g_autofree char *step = money (200, digits);
      g_autofree char *per = money (100000, digits);

      /* Translators: the bill-collection charge, e.g. "₹10.00 for a due up to ₹2,000.00,
       * plus ₹2.00 for each further ₹1,000.00 or part of it". */
      return g_strdup_printf (_("%s for a due up to %s, plus %s for each further %s or part of it"),
                              base, limit, step, per);
    }

  if (emitra_charge_rule_from_string (emitra_service_get_charge_rule (service), &rule, NULL) &&
      rule != EMITRA_CHARGE_RULE_UTILITY_FREE)
    {
      EmitraFee fee;
      g_autofree char *amount = NULL;

      if (!emitra_fee_compute (rule, 0, 0, 1, &fee, NULL))
        return g_strdup ("");
      amount = money (fee.service_charge, digits);
      if (emitra_charge_rule_is_per_page (rule))
        /* Translators: a service charge per printed page, e.g. "₹10.00 a page". */
        return g_strdup_printf (_("%s a page"), amount);
      return g_steal_pointer (&amount);
    }

  return g_strdup (C_("service charge", "None"));
}

/* The service charge and the total the citizen pays, when they do not
 * depend on a bill or a page count. */
gboolean
emitra_service_text_total (EmitraService *service,
                           gint64        *out_charge,
                           gint64        *out_total)
{
  EmitraChargeRule rule;
  EmitraFee fee;

  g_return_val_if_fail (EMITRA_IS_SERVICE (service), FALSE);

  if (emitra_service_get_bill (service) ||
      !emitra_charge_rule_from_string (emitra_service_get_charge_rule (service), &rule, NULL) ||
      rule == EMITRA_CHARGE_RULE_BILL_COLLECTION ||
      !emitra_fee_compute (rule, emitra_service_get_department_fee (service), 0, 1, &fee, NULL))
    return FALSE;

  if (out_charge != NULL)
    *out_charge = fee.service_charge;
  if (out_total != NULL)
    *out_total = fee.total;
  return TRUE;
}

/* The guaranteed delivery time; NULL when the law sets none. */
char *
emitra_service_text_delivery (EmitraService *service,
                              EmitraDigits   digits)
{
  int days;
  g_autofree char *text = NULL;

  g_return_val_if_fail (EMITRA_IS_SERVICE (service), NULL);

  days = emitra_service_get_delivery_days (service);
  if (days < 0)
    return NULL;
  if (days == 0)
    return g_strdup (_("Same day"));

  /* Translators: a guaranteed delivery time. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", (gulong) days), days);
  return emitra_text_to_digits (text, digits);
}

/* Who may apply by age; NULL when the form sets no limit. */
char *
emitra_service_text_age_limits (int          min_age,
                                int          max_age,
                                EmitraDigits digits)
{
  g_autofree char *text = NULL;

  if (min_age >= 0 && max_age >= 0)
    /* Translators: the applicant's age limits, e.g. "18 to 40 years". */
    text = g_strdup_printf (_("%d to %d years"), min_age, max_age);
  else if (min_age >= 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At least %d year", "At least %d years", (gulong) min_age),
                            min_age);
  else if (max_age >= 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Up to %d year", "Up to %d years", (gulong) max_age),
                            max_age);
  else
    return NULL;

  return emitra_text_to_digits (text, digits);
}
