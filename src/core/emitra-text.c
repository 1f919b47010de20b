/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small text helpers shared by every core module: the two digit sets an
 * operator may type (Latin 0-9 and Devanagari ०-९), Indian digit grouping
 * (1,23,45,678: the last three digits, then pairs), and cutting text by
 * characters rather than bytes so a Devanagari name is never split inside
 * a character. And which of the two languages the desk speaks.
 */
#include "config.h"

#include "emitra-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define DEVANAGARI_ZERO 0x0966

gboolean
emitra_text_is_devanagari (gunichar c)
{
  return c >= 0x0900 && c <= 0x097F;
}

char *
emitra_text_to_digits (const char   *text,
                       EmitraDigits  digits)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* Bytes that are not UTF-8 (a damaged draft, a bad paste) become U+FFFD
   * rather than send the walk below past the end of the string. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (digits == EMITRA_DIGITS_LATIN && c >= DEVANAGARI_ZERO && c <= DEVANAGARI_ZERO + 9)
        g_string_append_c (out, (char) ('0' + (c - DEVANAGARI_ZERO)));
      else if (digits == EMITRA_DIGITS_DEVANAGARI && c >= '0' && c <= '9')
        g_string_append_unichar (out, DEVANAGARI_ZERO + (c - '0'));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
emitra_text_to_latin_digits (const char *text)
{
  return emitra_text_to_digits (text, EMITRA_DIGITS_LATIN);
}

/* @digits is a string of ASCII digits with no sign. */
char *
emitra_text_group_indian (const char *digits)
{
  gsize len;
  GString *out;

  g_return_val_if_fail (digits != NULL, NULL);

  len = strlen (digits);
  if (len <= 3)
    return g_strdup (digits);

  out = g_string_sized_new (len + len / 2);
  /* Everything before the last three digits is grouped in pairs; an odd
   * count leaves a single leading digit. */
  for (gsize i = 0; i < len - 3; i++)
    {
      g_string_append_c (out, digits[i]);
      if ((len - 3 - i - 1) % 2 == 0)
        g_string_append_c (out, ',');
    }
  g_string_append (out, digits + len - 3);

  return g_string_free (out, FALSE);
}

char *
emitra_text_truncate_chars (const char *text,
                            gsize       max_chars)
{
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  if ((gsize) g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, (glong) max_chars);
  return g_strndup (text, (gsize) (end - text));
}

/* Whether the desk speaks Hindi: service names, form labels and the
 * gateway's messages then come in Hindi first. The translation itself
 * says so, so whatever is shown is in the language of the words around it
 * whatever the locale variables say; without a translation (a build whose
 * catalogue is not installed), the session's first language decides.
 * Asked each time, not remembered: Preferences can change the language
 * while the desk runs, and the answer is a lookup or two. */
gboolean
emitra_text_prefers_hindi (void)
{
  /* Translators: not shown. Write the code of the language you translate
   * into ("hi" for Hindi). */
  const char *marker = C_("interface language code", "en");
  const char * const *languages;
  const char *first;

  if (!g_str_equal (marker, "en"))
    return g_str_equal (marker, "hi");

  languages = g_get_language_names ();
  first = languages != NULL ? languages[0] : NULL;
  return first != NULL && g_str_has_prefix (first, "hi") &&
         (first[2] == '\0' || first[2] == '_' || first[2] == '.' || first[2] == '@');
}
