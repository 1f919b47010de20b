/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validators for the values of a form that are not identifiers: names in
 * Devanagari or Latin script, free text, dates typed DD/MM/YYYY (with the
 * age rules of a date of birth), whole numbers with bounds and money in
 * rupees. Lengths are counted in characters, never bytes: a Hindi name is
 * three bytes a character in UTF-8 and must get the same room as an English
 * one.
 */
#include "config.h"

#include "emitra-validate.h"
#include "emitra-validate-private.h"
#include "emitra-money.h"
#include "emitra-text.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#define ZERO_WIDTH_NON_JOINER 0x200C
#define ZERO_WIDTH_JOINER     0x200D

/* NFC, trimmed, every run of white space one plain space. */
static char *
tidy_text (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *out;
  gboolean pending_space = FALSE;

  if (nfc == NULL)
    return NULL;

  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
set_too_long (const char  *label,
              guint        max_chars,
              glong        n_chars,
              GError     **error)
{
  g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_LENGTH,
               /* Translators: the first %s is a field's label; then the limit and the count typed. */
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: use at most %u character (now %ld).",
                            "%s: use at most %u characters (now %ld).", max_chars),
               label, max_chars, n_chars);
  return FALSE;
}

/* A letter of a name: Devanagari letters and signs (matras, nukta, virama,
 * anusvara, candrabindu, visarga) but not its digits or danda, and Latin
 * letters, accented ones included. */
static gboolean
is_name_letter (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  if (script == G_UNICODE_SCRIPT_DEVANAGARI)
    return g_unichar_isalpha (c) || g_unichar_ismark (c);
  if (script == G_UNICODE_SCRIPT_LATIN)
    return g_unichar_isalpha (c);
  /* Combining marks shared by several scripts (the Vedic and generic
   * ones) report INHERITED. */
  if (script == G_UNICODE_SCRIPT_INHERITED)
    return g_unichar_ismark (c);

  return FALSE;
}

gboolean
emitra_validate_name (const char  *label,
                      const char  *text,
                      guint        max_chars,
                      char       **out_normalised,
                      GError     **error)
{
  g_autofree char *name = NULL;
  glong n_chars;
  gunichar previous = 0;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  if (!_emitra_validate_check_utf8 (label, text, error))
    return FALSE;

  name = tidy_text (text);
  if (name == NULL || name[0] == '\0')
    return _emitra_validate_set_empty (label, error);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean ok;

      if (c == ' ' || c == '.')
        ok = previous != 0;
      else if (c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER)
        /* Hindi keyboards put these after a virama to choose a half form. */
        ok = previous != 0 && is_name_letter (previous);
      else if (g_unichar_ismark (c))
        /* A vowel sign or nukta must sit on a letter, never on a space. */
        ok = previous != 0 && (is_name_letter (previous) ||
                               previous == ZERO_WIDTH_JOINER || previous == ZERO_WIDTH_NON_JOINER) &&
             is_name_letter (c);
      else
        ok = is_name_letter (c);

      if (!ok)
        {
          /* A letter of another script, or a digit, gets the list of what
           * is allowed; a dot or vowel sign in front, the rule it broke. */
          if (previous == 0 && (c == '.' || g_unichar_ismark (c) ||
                                c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER))
            g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_FORMAT,
                         _("%s: a name starts with a letter."), label);
          else
            g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHARACTERS,
                         _("%s: use only letters (Hindi or English), spaces and dots."), label);
          return FALSE;
        }
      previous = c;
    }

  n_chars = g_utf8_strlen (name, -1);
  if (max_chars > 0 && (gulong) n_chars > max_chars)
    return set_too_long (label, max_chars, n_chars, error);

  if (out_normalised != NULL)
    *out_normalised = g_steal_pointer (&name);
  return TRUE;
}

gboolean
emitra_validate_text (const char  *label,
                      const char  *text,
                      guint        max_chars,
                      char       **out_normalised,
                      GError     **error)
{
  g_autofree char *tidy = NULL;
  glong n_chars;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  if (!_emitra_validate_check_utf8 (label, text, error))
    return FALSE;

  /* Control characters in text that goes to a department's server and
   * onto a printed receipt are refused, not silently dropped: an operator
   * pasting from elsewhere should see what was pasted. Line breaks are
   * white space and become single spaces. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && !g_unichar_isspace (c))
        {
          g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHARACTERS,
                       _("%s: the text contains a control character; type it again instead of pasting it."),
                       label);
          return FALSE;
        }
    }

  tidy = tidy_text (text);
  if (tidy == NULL || tidy[0] == '\0')
    return _emitra_validate_set_empty (label, error);

  n_chars = g_utf8_strlen (tidy, -1);
  if (max_chars > 0 && (gulong) n_chars > max_chars)
    return set_too_long (label, max_chars, n_chars, error);

  if (out_normalised != NULL)
    *out_normalised = g_steal_pointer (&tidy);
  return TRUE;
}

/* Completed years between @birth and @today; a birthday on 29 February
 * counts from 1 March in other years. Negative when @birth is after @today. */
int
emitra_validate_age_on (const GDate *birth,
                        const GDate *today)
{
  int age;

  g_return_val_if_fail (birth != NULL && g_date_valid (birth), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  age = (int) g_date_get_year (today) - (int) g_date_get_year (birth);
  if (g_date_get_month (today) < g_date_get_month (birth) ||
      (g_date_get_month (today) == g_date_get_month (birth) &&
       g_date_get_day (today) < g_date_get_day (birth)))
    age--;

  return age;
}

/* Day, month and year from "5/3/1990", "05-03-1990" or "०५/०३/१९९०".
 * Two-digit years are refused: "05/03/20" could be 1920 or 2020. */
static gboolean
split_date (const char *text,
            guint      *day,
            guint      *month,
            guint      *year)
{
  g_autofree char *latin = emitra_text_to_latin_digits (text);
  guint parts[3] = { 0, 0, 0 };
  guint widths[3] = { 0, 0, 0 };
  guint part = 0;
  char separator = 0;
  const char *p;

  g_strstrip (latin);
  for (p = latin; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (++widths[part] > 4)
            return FALSE;
          parts[part] = parts[part] * 10 + (guint) (*p - '0');
        }
      else if ((*p == '/' || *p == '-' || *p == '.') && part < 2 && widths[part] > 0 &&
               (separator == 0 || separator == *p))
        {
          separator = *p;
          part++;
        }
      else
        return FALSE;
    }

  if (part != 2 || widths[0] > 2 || widths[1] > 2 || widths[2] != 4 || widths[0] == 0 || widths[1] == 0)
    return FALSE;

  *day = parts[0];
  *month = parts[1];
  *year = parts[2];
  return TRUE;
}

gboolean
emitra_validate_date (const char   *label,
                      const char   *text,
                      const GDate  *today,
                      int           min_age,
                      int           max_age,
                      GDate        *out_date,
                      char        **out_normalised,
                      GError      **error)
{
  g_autoptr(GDate) now = NULL;
  GDate date;
  guint day, month, year;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  if (!_emitra_validate_check_utf8 (label, text, error))
    return FALSE;

  if (today == NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();

      now = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (local),
                            (GDateMonth) g_date_time_get_month (local),
                            (GDateYear) g_date_time_get_year (local));
      today = now;
    }

  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    if (stripped[0] == '\0')
      return _emitra_validate_set_empty (label, error);
  }

  if (!split_date (text, &day, &month, &year))
    {
      g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_FORMAT,
                   _("%s: type the date as DD/MM/YYYY, for example 05/03/1990."), label);
      return FALSE;
    }
  if (day > 31 || month > 12 || year > 9999 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_FORMAT,
                   _("%s: there is no such date; check the day and the month."), label);
      return FALSE;
    }
  if (year < 1900)
    {
      g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_RANGE,
                   _("%s: the year is too far in the past; check it."), label);
      return FALSE;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (g_date_compare (&date, today) > 0)
    {
      g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_FUTURE,
                   _("%s: the date cannot be in the future."), label);
      return FALSE;
    }

  if (min_age >= 0 || max_age >= 0)
    {
      int age = emitra_validate_age_on (&date, today);

      if (min_age >= 0 && age < min_age)
        {
          g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_AGE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s: the applicant must be at least %d year old.",
                                    "%s: the applicant must be at least %d years old.", (gulong) min_age),
                       label, min_age);
          return FALSE;
        }
      if (max_age >= 0 && age > max_age)
        {
          g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_AGE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s: the applicant must not be older than %d year.",
                                    "%s: the applicant must not be older than %d years.", (gulong) max_age),
                       label, max_age);
          return FALSE;
        }
    }

  if (out_date != NULL)
    *out_date = date;
  if (out_normalised != NULL)
    *out_normalised = g_strdup_printf ("%02u/%02u/%04u", day, month, year);
  return TRUE;
}

static gboolean
set_out_of_range (const char  *label,
                  const char  *min_text,
                  const char  *max_text,
                  gboolean     is_money,
                  GError     **error)
{
  if (min_text != NULL && max_text != NULL)
    g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_RANGE,
                 is_money ? _("%s: enter an amount from %s to %s.") : _("%s: enter a number from %s to %s."),
                 label, min_text, max_text);
  else if (min_text != NULL)
    g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_RANGE,
                 is_money ? _("%s: enter an amount of at least %s.") : _("%s: enter a number of at least %s."),
                 label, min_text);
  else
    g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_RANGE,
                 is_money ? _("%s: enter an amount of at most %s.") : _("%s: enter a number of at most %s."),
                 label, max_text);
  return FALSE;
}

/* Bounds: G_MININT64 and G_MAXINT64 mean none. */
gboolean
emitra_validate_number (const char  *label,
                        const char  *text,
                        gint64       min,
                        gint64       max,
                        gint64      *out_value,
                        char       **out_normalised,
                        GError     **error)
{
  g_autofree char *digits = NULL;
  const char *p;
  gint64 value;
  char *end = NULL;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  if (!_emitra_validate_check_utf8 (label, text, error))
    return FALSE;

  digits = g_strstrip (emitra_text_to_latin_digits (text));
  if (digits[0] == '\0')
    return _emitra_validate_set_empty (label, error);

  p = digits[0] == '-' || digits[0] == '+' ? digits + 1 : digits;
  if (p[0] == '\0' || !_emitra_validate_all_digits (p) || strlen (p) > 18)
    {
      g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHARACTERS,
                   _("%s: enter a whole number using digits."), label);
      return FALSE;
    }

  errno = 0;
  value = g_ascii_strtoll (digits, &end, 10);
  g_assert (errno == 0 && end != NULL && *end == '\0');

  if (value < min || value > max)
    {
      g_autofree char *min_text = min != G_MININT64 ? g_strdup_printf ("%" G_GINT64_FORMAT, min) : NULL;
      g_autofree char *max_text = max != G_MAXINT64 ? g_strdup_printf ("%" G_GINT64_FORMAT, max) : NULL;

      return set_out_of_range (label, min_text, max_text, FALSE, error);
    }

  if (out_value != NULL)
    *out_value = value;
  if (out_normalised != NULL)
    *out_normalised = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return TRUE;
}

/* The normalised form is rupees with two decimals and no grouping
 * ("1200.50"): what emitra_money_parse reads back exactly. Bounds are in
 * paise; a negative @min_paise is treated as 0, since no form takes a
 * negative amount. */
gboolean
emitra_validate_money (const char  *label,
                       const char  *text,
                       gint64       min_paise,
                       gint64       max_paise,
                       gint64      *out_paise,
                       char       **out_normalised,
                       GError     **error)
{
  g_autoptr(GError) money_error = NULL;
  gint64 paise = 0;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  if (!_emitra_validate_check_utf8 (label, text, error))
    return FALSE;

  min_paise = MAX (min_paise, 0);
  max_paise = MIN (max_paise, EMITRA_MONEY_MAX_PAISE);

  if (!emitra_money_parse (text, &paise, &money_error))
    {
      switch (money_error->code)
        {
        case EMITRA_MONEY_ERROR_EMPTY:
          return _emitra_validate_set_empty (label, error);
        case EMITRA_MONEY_ERROR_NEGATIVE:
          g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_RANGE,
                       _("%s: the amount cannot be negative."), label);
          return FALSE;
        case EMITRA_MONEY_ERROR_TOO_PRECISE:
          g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_FORMAT,
                       _("%s: enter at most two digits after the decimal point."), label);
          return FALSE;
        case EMITRA_MONEY_ERROR_TOO_LARGE:
          break;  /* Reported below as out of range, with the bound. */
        default:
          g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHARACTERS,
                       _("%s: enter the amount in rupees using digits, for example 1200 or 1,200.50."), label);
          return FALSE;
        }
      paise = G_MAXINT64;
    }

  if (paise < min_paise || paise > max_paise)
    {
      g_autofree char *min_text = min_paise > 0 ? emitra_money_format (min_paise, EMITRA_DIGITS_LATIN) : NULL;
      g_autofree char *max_text = emitra_money_format (max_paise, EMITRA_DIGITS_LATIN);

      return set_out_of_range (label, min_text, max_text, TRUE, error);
    }

  if (out_paise != NULL)
    *out_paise = paise;
  if (out_normalised != NULL)
    *out_normalised = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", paise / 100, (int) (paise % 100));
  return TRUE;
}
