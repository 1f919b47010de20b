/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only form of an Aadhaar number that may be shown, logged or stored
 * is "XXXX XXXX 1234" (the last four digits). This file makes it, tells it
 * apart from a full number, and finds and masks full numbers inside free
 * text before that text reaches the disk.
 */
#include "config.h"

#include "emitra-aadhaar-mask.h"
#include "emitra-validate.h"
#include "emitra-validate-private.h"

#include <string.h>

/* "XXXX XXXX 2346": the only form of an Aadhaar number that may be shown,
 * logged or stored. Fewer than four digits keep none. */
char *
emitra_aadhaar_mask (const char *aadhaar)
{
  g_autofree char *compact = NULL;
  GString *last = g_string_new (NULL);
  gsize len;

  g_return_val_if_fail (aadhaar != NULL, NULL);

  compact = _emitra_validate_compact (aadhaar);
  len = strlen (compact);
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isdigit (compact[i]))
      g_string_append_c (last, compact[i]);

  if (last->len < 4)
    {
      g_string_free (last, TRUE);
      return g_strdup ("XXXX XXXX XXXX");
    }

  {
    g_autofree char *digits = g_string_free (last, FALSE);

    return g_strdup_printf ("XXXX XXXX %s", digits + strlen (digits) - 4);
  }
}

/* TRUE for "XXXX XXXX 1234" and its variants (any case, any spacing). */
gboolean
emitra_aadhaar_is_masked (const char *text)
{
  g_autofree char *compact = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  compact = _emitra_validate_compact (text);
  if (strlen (compact) != EMITRA_AADHAAR_LENGTH)
    return FALSE;

  for (guint i = 0; i < 8; i++)
    if (compact[i] != 'X' && compact[i] != 'x')
      return FALSE;

  return _emitra_validate_all_digits (compact + 8);
}

/* Masks every Aadhaar number written anywhere in @text, in either digit
 * set and with or without spaces or hyphens between the groups. It is the
 * last line of defence before text reaches the disk: a number typed into a
 * remarks field. Only runs of exactly 12 digits that pass the Aadhaar
 * checks are masked, so a 16-digit VID or a 10-digit mobile number is left
 * alone. */
char *
emitra_aadhaar_mask_in_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  /* The walk below reads characters; never past the end of broken bytes. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  p = text;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *run_end = p;
      const char *q = p;
      char digits[EMITRA_AADHAAR_LENGTH + 1];
      guint n = 0;
      gboolean too_long = FALSE;

      if (g_unichar_digit_value (c) < 0)
        {
          g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
          continue;
        }

      /* A run is digits with at most one space or hyphen between two of them. */
      while (*q)
        {
          gunichar d = g_utf8_get_char (q);
          int value = g_unichar_digit_value (d);

          if (value >= 0)
            {
              if (n < EMITRA_AADHAAR_LENGTH)
                digits[n] = (char) ('0' + value);
              else
                too_long = TRUE;
              n++;
              q = g_utf8_next_char (q);
              run_end = q;
            }
          else if ((d == ' ' || d == '-') && g_unichar_digit_value (g_utf8_get_char (q + 1)) >= 0)
            q++;
          else
            break;
        }

      if (n == EMITRA_AADHAAR_LENGTH && !too_long)
        {
          g_autofree char *masked = NULL;

          digits[n] = '\0';
          if (emitra_validate_aadhaar ("", digits, NULL, NULL))
            {
              masked = emitra_aadhaar_mask (digits);
              g_string_append (out, masked);
              p = run_end;
              continue;
            }
        }

      g_string_append_len (out, p, run_end - p);
      p = run_end;
    }

  return g_string_free (out, FALSE);
}

/* Whether a form or request member called @member holds an Aadhaar
 * number ("aadhaar", "applicant_aadhaar", "uid", also misspelt "aadhar"),
 * whose value may then show only its last four digits. A Jan Aadhaar ID
 * is the family's record number and may travel whole. */
gboolean
emitra_aadhaar_names_member (const char *member)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (member != NULL, FALSE);

  lower = g_ascii_strdown (member, -1);
  if (strstr (lower, "jan") != NULL)
    return FALSE;
  return strstr (lower, "aadhaar") != NULL || strstr (lower, "aadhar") != NULL ||
         g_str_equal (lower, "uid");
}
