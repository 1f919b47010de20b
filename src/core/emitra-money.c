/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money is integer paise everywhere in the desk. This file turns paise
 * into what an Indian reader expects (₹1,23,456.78, lakh and crore
 * grouping, optionally in Devanagari digits) and turns what an operator
 * types ("1,200", "1200.5", "१२००", "Rs 50") back into paise, refusing
 * anything ambiguous with a message that says why.
 */
#include "config.h"

#include "emitra-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (emitra-money-error-quark, emitra_money_error)

static char *
format_rupees (gint64 paise)
{
  guint64 magnitude = paise < 0 ? (guint64) -(paise + 1) + 1 : (guint64) paise;
  g_autofree char *rupees = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  g_autofree char *grouped = emitra_text_group_indian (rupees);

  return g_strdup_printf ("%s%s.%02u", paise < 0 ? "-" : "", grouped,
                          (guint) (magnitude % 100));
}

/* "1,23,456.78" with no currency sign: for CSV and for fields. */
char *
emitra_money_format_plain (gint64 paise)
{
  return format_rupees (paise);
}

char *
emitra_money_format (gint64       paise,
                     EmitraDigits digits)
{
  g_autofree char *amount = format_rupees (paise);
  g_autofree char *signed_amount = NULL;

  if (amount[0] == '-')
    signed_amount = g_strdup_printf ("-₹%s", amount + 1);
  else
    signed_amount = g_strdup_printf ("₹%s", amount);

  return emitra_text_to_digits (signed_amount, digits);
}

static const char *
skip_currency_prefix (const char *p)
{
  static const char *const prefixes[] = { "₹", "Rs.", "Rs", "rs.", "rs", "INR", "रु.", "रु" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (p, prefixes[i]))
      return p + strlen (prefixes[i]);

  return p;
}

gboolean
emitra_money_parse (const char  *text,
                    gint64      *out_paise,
                    GError     **error)
{
  g_autofree char *latin = NULL;
  const char *p;
  guint64 rupees = 0;
  guint64 fraction = 0;
  guint n_digits = 0;
  guint n_decimals = 0;
  gboolean seen_point = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_paise != NULL, FALSE);

  latin = emitra_text_to_latin_digits (text);
  g_strstrip (latin);
  p = skip_currency_prefix (latin);
  while (g_ascii_isspace (*p))
    p++;

  if (*p == '\0')
    {
      g_set_error_literal (error, EMITRA_MONEY_ERROR, EMITRA_MONEY_ERROR_EMPTY,
                           _("Enter an amount."));
      return FALSE;
    }

  if (*p == '-')
    {
      g_set_error_literal (error, EMITRA_MONEY_ERROR, EMITRA_MONEY_ERROR_NEGATIVE,
                           _("The amount cannot be negative."));
      return FALSE;
    }

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (seen_point)
            {
              if (++n_decimals > 2)
                {
                  g_set_error_literal (error, EMITRA_MONEY_ERROR, EMITRA_MONEY_ERROR_TOO_PRECISE,
                                       _("Enter at most two digits after the decimal point."));
                  return FALSE;
                }
              fraction = fraction * 10 + (guint64) (*p - '0');
            }
          else
            {
              rupees = rupees * 10 + (guint64) (*p - '0');
              if (rupees * 100 > (guint64) EMITRA_MONEY_MAX_PAISE)
                {
                  g_set_error_literal (error, EMITRA_MONEY_ERROR, EMITRA_MONEY_ERROR_TOO_LARGE,
                                       _("The amount is too large."));
                  return FALSE;
                }
            }
          n_digits++;
        }
      else if (*p == ',' && !seen_point && n_digits > 0 && g_ascii_isdigit (p[1]))
        continue;
      else if (*p == '.' && !seen_point)
        seen_point = TRUE;
      else
        {
          g_set_error_literal (error, EMITRA_MONEY_ERROR, EMITRA_MONEY_ERROR_INVALID,
                               _("Enter the amount in rupees using digits, for example 1200 or 1,200.50."));
          return FALSE;
        }
    }

  if (n_digits == 0)
    {
      g_set_error_literal (error, EMITRA_MONEY_ERROR, EMITRA_MONEY_ERROR_INVALID,
                           _("Enter the amount in rupees using digits, for example 1200 or 1,200.50."));
      return FALSE;
    }

  if (n_decimals == 1)
    fraction *= 10;

  if (rupees * 100 + fraction > (guint64) EMITRA_MONEY_MAX_PAISE)
    {
      g_set_error_literal (error, EMITRA_MONEY_ERROR, EMITRA_MONEY_ERROR_TOO_LARGE,
                           _("The amount is too large."));
      return FALSE;
    }

  *out_paise = (gint64) (rupees * 100 + fraction);
  return TRUE;
}
