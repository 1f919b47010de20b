/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validators for the identifiers a citizen's application carries: Aadhaar
 * and its Virtual ID, Jan Aadhaar family and member IDs, mobile number, PIN
 * code, IFSC, PAN and utility consumer numbers. Each one accepts what an
 * operator actually types (Devanagari digits, spaces between groups of
 * digits, a +91 before a mobile number, lower-case letters) and hands back
 * one normalised form, or a translated message that names the field and
 * says what to fix.
 *
 * Free text, names, dates, numbers and money live in
 * emitra-validate-values.c, masking Aadhaar numbers in emitra-aadhaar-mask.c.
 */
#include "config.h"

#include "emitra-validate.h"
#include "emitra-validate-private.h"
#include "emitra-text.h"
#include "emitra-verhoeff.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (emitra-validate-error-quark, emitra_validate_error)

/* Latin digits, with the spaces, hyphens and dots people put between
 * groups of digits removed. Anything else is kept so the caller can refuse
 * it by name. */
char *
_emitra_validate_compact (const char *text)
{
  g_autofree char *latin = emitra_text_to_latin_digits (text);
  GString *out = g_string_sized_new (strlen (latin));

  for (const char *p = latin; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == '.' || c == 0x00A0)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
_emitra_validate_all_digits (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* Every validator's first check. Text from the window is always UTF-8,
 * but a value can also come from a draft on disk or a paste through
 * another program; bytes that are not UTF-8 are refused here, before any
 * code walks them character by character (and past their end). */
gboolean
_emitra_validate_check_utf8 (const char  *label,
                             const char  *text,
                             GError     **error)
{
  if (g_utf8_validate (text, -1, NULL))
    return TRUE;

  g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHARACTERS,
               _("%s: the text contains a control character; type it again instead of pasting it."), label);
  return FALSE;
}

gboolean
_emitra_validate_set_empty (const char  *label,
                            GError     **error)
{
  g_set_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_EMPTY,
               /* Translators: %s is the label of a form field, e.g. "Mobile number". */
               _("%s: this field is required."), label);
  return FALSE;
}

/* g_set_error() that returns FALSE, so that each check a validator makes
 * reads as one statement. */
static gboolean fail (GError              **error,
                      EmitraValidateError   code,
                      const char           *format,
                      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError              **error,
      EmitraValidateError   code,
      const char           *format,
      ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (EMITRA_VALIDATE_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

/* The messages of the rules below are formats with the field's label as
 * their one %s. The compiler checks a format only where it is a literal,
 * and these come from tables, so this is the one place that formats them. */
static gboolean
fail_rule (GError              **error,
           EmitraValidateError   code,
           const char           *message,
           const char           *label)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return fail (error, code, _(message), label);
#pragma GCC diagnostic pop
}

static gboolean
set_digits_only (const char  *label,
                 GError     **error)
{
  return fail (error, EMITRA_VALIDATE_ERROR_CHARACTERS, _("%s: use digits only."), label);
}

/* Hands a copy of @value to the caller when it wants the normalised form;
 * TRUE, so that it can end a validator's chain of checks. */
static gboolean
accept (char       **out_normalised,
        const char  *value)
{
  if (out_normalised != NULL)
    *out_normalised = g_strdup (value);
  return TRUE;
}

/* The common first half of every digit identifier: UTF-8, not empty,
 * digits only. Returns the compacted digits, or NULL with @error set. */
static char *
read_digits (const char  *label,
             const char  *text,
             GError     **error)
{
  g_autofree char *digits = NULL;

  if (!_emitra_validate_check_utf8 (label, text, error))
    return NULL;

  digits = _emitra_validate_compact (text);
  if (digits[0] == '\0')
    {
      _emitra_validate_set_empty (label, error);
      return NULL;
    }
  if (!_emitra_validate_all_digits (digits))
    {
      set_digits_only (label, error);
      return NULL;
    }

  return g_steal_pointer (&digits);
}

/* What an identifier made of digits must be, checked in this order: its
 * length, its first digit, its check digit. */
typedef struct
{
  gsize       length;
  char        lowest_first_digit;  /* '0' when any digit may lead */
  gboolean    verhoeff;            /* the last digit is a Verhoeff check digit */
  const char *wrong_length;
  const char *wrong_first_digit;
} DigitRule;

static gboolean
check_digit_rule (const DigitRule  *rule,
                  const char       *label,
                  const char       *digits,
                  GError          **error)
{
  if (strlen (digits) != rule->length)
    return fail_rule (error, EMITRA_VALIDATE_ERROR_LENGTH, rule->wrong_length, label);
  if (digits[0] < rule->lowest_first_digit)
    return fail_rule (error, EMITRA_VALIDATE_ERROR_FORMAT, rule->wrong_first_digit, label);
  if (rule->verhoeff && !emitra_verhoeff_validate (digits))
    return fail (error, EMITRA_VALIDATE_ERROR_CHECKSUM,
                 _("%s: the check digit is wrong; check the number on the card."), label);

  return TRUE;
}

/* read_digits() then check_digit_rule(): the whole of most validators.
 * Returns the digits, or NULL with @error set. */
static char *
read_digit_id (const DigitRule  *rule,
               const char       *label,
               const char       *text,
               GError          **error)
{
  g_autofree char *digits = read_digits (label, text, error);

  if (digits == NULL || !check_digit_rule (rule, label, digits, error))
    return NULL;

  return g_steal_pointer (&digits);
}

static gboolean
is_palindrome (const char *digits)
{
  gsize len = strlen (digits);

  for (gsize i = 0; i < len / 2; i++)
    if (digits[i] != digits[len - 1 - i])
      return FALSE;

  return TRUE;
}

static const DigitRule aadhaar_rule = {
  EMITRA_AADHAAR_LENGTH, '2', TRUE,
  N_("%s: an Aadhaar number has 12 digits; check for a missing or extra digit."),
  N_("%s: an Aadhaar number never starts with 0 or 1."),
};

gboolean
emitra_validate_aadhaar (const char  *label,
                         const char  *text,
                         char       **out_normalised,
                         GError     **error)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  if (!_emitra_validate_check_utf8 (label, text, error))
    return FALSE;

  /* A masked number comes back from a resumed draft: the full number was
   * never written to disk, so it has to be typed again from the card. */
  if (emitra_aadhaar_is_masked (text))
    return fail (error, EMITRA_VALIDATE_ERROR_MASKED,
                 _("%s: only the last 4 digits were kept; type the full 12-digit number from the card again."),
                 label);

  digits = read_digit_id (&aadhaar_rule, label, text, error);
  if (digits == NULL)
    return FALSE;

  /* UIDAI never issues numbers that read the same backwards (222222222222
   * passes the checksum); they are what people type to get past a form. */
  if (is_palindrome (digits))
    return fail (error, EMITRA_VALIDATE_ERROR_FORMAT,
                 _("%s: this is not a real Aadhaar number; check the number on the card."), label);

  return accept (out_normalised, digits);
}

static const DigitRule virtual_id_rule = {
  EMITRA_AADHAAR_VID_LENGTH, '2', TRUE,
  N_("%s: a Virtual ID has 16 digits; check for a missing or extra digit."),
  N_("%s: a Virtual ID never starts with 0 or 1."),
};

gboolean
emitra_validate_aadhaar_vid (const char  *label,
                             const char  *text,
                             char       **out_normalised,
                             GError     **error)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  digits = read_digit_id (&virtual_id_rule, label, text, error);
  return digits != NULL && accept (out_normalised, digits);
}

/* Jan Aadhaar IDs carry no public check digit: the length is all that can
 * be checked here; the gateway's look-up does the rest. */
static const DigitRule jan_aadhaar_family_rule = {
  EMITRA_JAN_AADHAAR_FAMILY_LENGTH, '0', FALSE,
  N_("%s: a Jan Aadhaar family ID has 10 digits."),
  NULL,
};

gboolean
emitra_validate_jan_aadhaar_family (const char  *label,
                                    const char  *text,
                                    char       **out_normalised,
                                    GError     **error)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  digits = read_digit_id (&jan_aadhaar_family_rule, label, text, error);
  return digits != NULL && accept (out_normalised, digits);
}

static const DigitRule jan_aadhaar_member_rule = {
  EMITRA_JAN_AADHAAR_MEMBER_LENGTH, '0', FALSE,
  N_("%s: a Jan Aadhaar member ID has 11 digits."),
  NULL,
};

gboolean
emitra_validate_jan_aadhaar_member (const char  *label,
                                    const char  *text,
                                    char       **out_normalised,
                                    GError     **error)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  digits = read_digits (label, text, error);
  if (digits == NULL)
    return FALSE;

  /* Both IDs are on the same card; the family's is the one people know. */
  if (strlen (digits) == EMITRA_JAN_AADHAAR_FAMILY_LENGTH)
    return fail (error, EMITRA_VALIDATE_ERROR_LENGTH,
                 _("%s: this is a 10-digit family ID; enter the applicant's 11-digit member ID."), label);

  return check_digit_rule (&jan_aadhaar_member_rule, label, digits, error)
         && accept (out_normalised, digits);
}

static const DigitRule mobile_rule = {
  10, '6', FALSE,
  N_("%s: a mobile number has 10 digits; check for a missing or extra digit."),
  N_("%s: a mobile number starts with 6, 7, 8 or 9."),
};

gboolean
emitra_validate_mobile (const char  *label,
                        const char  *text,
                        char       **out_normalised,
                        GError     **error)
{
  g_autofree char *compact = NULL;
  const char *digits;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  if (!_emitra_validate_check_utf8 (label, text, error))
    return FALSE;

  compact = _emitra_validate_compact (text);
  if (compact[0] == '\0')
    return _emitra_validate_set_empty (label, error);

  /* The country code and the trunk zero are how people write the same
   * number; a 12-digit number starting 91 is that too, since a mobile
   * number itself has only 10. */
  digits = compact;
  if (g_str_has_prefix (digits, "+91"))
    digits += 3;
  else if (strlen (digits) == 12 && g_str_has_prefix (digits, "91"))
    digits += 2;
  else if (strlen (digits) == 11 && digits[0] == '0')
    digits += 1;

  if (digits[0] == '\0' || !_emitra_validate_all_digits (digits))
    return set_digits_only (label, error);

  return check_digit_rule (&mobile_rule, label, digits, error)
         && accept (out_normalised, digits);
}

static const DigitRule pin_rule = {
  6, '1', FALSE,
  N_("%s: a PIN code has 6 digits."),
  N_("%s: a PIN code never starts with 0."),
};

EmitraValidity
emitra_validate_pin (const char  *label,
                     const char  *text,
                     char       **out_normalised,
                     GError     **error)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (label != NULL, EMITRA_VALIDITY_INVALID);
  g_return_val_if_fail (text != NULL, EMITRA_VALIDITY_INVALID);

  digits = read_digit_id (&pin_rule, label, text, error);
  if (digits == NULL)
    return EMITRA_VALIDITY_INVALID;

  accept (out_normalised, digits);

  /* Citizens who live outside the state do apply (a migrant worker's
   * permanent address), so this only asks for a second look. */
  if (digits[0] != '3' || digits[1] > '4')
    {
      fail (error, EMITRA_VALIDATE_ERROR_UNUSUAL,
            _("%s: this PIN code is outside Rajasthan (those begin with 30 to 34); check that it is right."),
            label);
      return EMITRA_VALIDITY_WARNING;
    }

  return EMITRA_VALIDITY_VALID;
}

/* What a code of letters and digits must look like: a character of
 * @shape for each byte of the code, 'A' a capital letter, '9' a digit,
 * 'X' either and '?' anything (checked on its own, with its own message). */
typedef struct
{
  const char *shape;
  const char *wrong_shape;
} CodeRule;

static gboolean
has_shape (const char *code,
           const char *shape)
{
  if (strlen (code) != strlen (shape))
    return FALSE;

  for (gsize i = 0; shape[i] != '\0'; i++)
    {
      gboolean ok = (shape[i] == '?'
                     || (shape[i] == 'A' && g_ascii_isupper (code[i]))
                     || (shape[i] == '9' && g_ascii_isdigit (code[i]))
                     || (shape[i] == 'X' && (g_ascii_isupper (code[i]) || g_ascii_isdigit (code[i]))));

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Upper-cased, with spaces removed: IFSC and PAN are printed in capitals
 * and people copy them in whatever case their keyboard is in. Returns the
 * code when it has @rule's shape, or NULL with @error set: a wrong length
 * is told apart from the right length in the wrong shape. */
static char *
read_code (const CodeRule  *rule,
           const char      *label,
           const char      *text,
           GError         **error)
{
  g_autofree char *compact = NULL;
  g_autofree char *code = NULL;

  if (!_emitra_validate_check_utf8 (label, text, error))
    return NULL;

  compact = _emitra_validate_compact (text);
  code = g_ascii_strup (compact, -1);
  if (code[0] == '\0')
    {
      _emitra_validate_set_empty (label, error);
      return NULL;
    }
  if (!has_shape (code, rule->shape))
    {
      fail_rule (error,
                 strlen (code) == strlen (rule->shape) ? EMITRA_VALIDATE_ERROR_FORMAT : EMITRA_VALIDATE_ERROR_LENGTH,
                 rule->wrong_shape, label);
      return NULL;
    }

  return g_steal_pointer (&code);
}

static const CodeRule ifsc_rule = {
  "AAAA?XXXXXX",
  N_("%s: an IFSC has 11 characters: 4 letters, a zero, then 6 letters or digits, for example SBIN0000095."),
};

gboolean
emitra_validate_ifsc (const char  *label,
                      const char  *text,
                      char       **out_normalised,
                      GError     **error)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  code = read_code (&ifsc_rule, label, text, error);
  if (code == NULL)
    return FALSE;

  /* The letter O for the digit zero is the usual slip. */
  if (code[4] != '0')
    return fail (error, EMITRA_VALIDATE_ERROR_FORMAT,
                 _("%s: the fifth character of an IFSC is always the digit zero (0)."), label);

  return accept (out_normalised, code);
}

static const CodeRule pan_rule = {
  "AAAAA9999A",
  N_("%s: a PAN has 10 characters: 5 letters, 4 digits and a letter, for example ACUPA7085R."),
};

gboolean
emitra_validate_pan (const char  *label,
                     const char  *text,
                     char       **out_normalised,
                     GError     **error)
{
  g_autofree char *pan = NULL;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  pan = read_code (&pan_rule, label, text, error);
  if (pan == NULL)
    return FALSE;

  /* The fourth letter says who holds the PAN (P a person, C a company...);
   * only these letters are issued. */
  if (strchr ("ABCFGHJKLPT", pan[3]) == NULL)
    return fail (error, EMITRA_VALIDATE_ERROR_FORMAT,
                 _("%s: the fourth letter of a PAN is one of A, B, C, F, G, H, J, K, L, P or T."), label);
  if (strncmp (pan + 5, "0000", 4) == 0)
    return fail (error, EMITRA_VALIDATE_ERROR_FORMAT,
                 _("%s: the four digits of a PAN are never 0000."), label);

  return accept (out_normalised, pan);
}

gboolean
emitra_validate_consumer_number (const char  *label,
                                 const char  *text,
                                 guint        min_digits,
                                 guint        max_digits,
                                 char       **out_normalised,
                                 GError     **error)
{
  g_autofree char *digits = NULL;
  gsize len;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (min_digits == 0)
    min_digits = EMITRA_CONSUMER_NUMBER_MIN_LENGTH;
  if (max_digits == 0)
    max_digits = MAX (min_digits, EMITRA_CONSUMER_NUMBER_MAX_LENGTH);

  digits = read_digits (label, text, error);
  if (digits == NULL)
    return FALSE;

  len = strlen (digits);
  if (len >= min_digits && len <= max_digits)
    return accept (out_normalised, digits);

  if (min_digits == max_digits)
    return fail (error, EMITRA_VALIDATE_ERROR_LENGTH,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s: enter exactly %u digit.",
                              "%s: enter exactly %u digits.", max_digits),
                 label, max_digits);

  return fail (error, EMITRA_VALIDATE_ERROR_LENGTH,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: enter from %u to %u digit.",
                            "%s: enter from %u to %u digits.", max_digits),
               label, min_digits, max_digits);
}
