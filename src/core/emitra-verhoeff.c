/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Verhoeff check digit, which Aadhaar numbers and Virtual IDs end with.
 * Unlike a simple sum it catches every single-digit error and every swap of
 * two neighbouring digits, the two mistakes people make copying a number
 * from a card. The tables are the standard ones: d is the multiplication
 * table of the dihedral group D5, p the permutation applied by position.
 */
#include "config.h"

#include "emitra-verhoeff.h"

#include <string.h>

static const guint8 verhoeff_d[10][10] = {
  { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
  { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
  { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
  { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
  { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
  { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
  { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 },
  { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
  { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
  { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
};

static const guint8 verhoeff_p[8][10] = {
  { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
  { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
  { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
  { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
  { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 },
  { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
  { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 },
  { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
};

static const guint8 verhoeff_inv[10] = { 0, 4, 3, 2, 1, 5, 6, 7, 8, 9 };

static gboolean
all_ascii_digits (const char *digits)
{
  if (digits == NULL || digits[0] == '\0')
    return FALSE;

  for (const char *p = digits; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* Runs the checksum over @digits from the right; @offset is 1 when a check
 * digit is still to be appended, so every digit sits one position further. */
static guint
verhoeff_checksum (const char *digits,
                   guint       offset)
{
  gsize len = strlen (digits);
  guint c = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint digit = (guint) (digits[len - 1 - i] - '0');

      c = verhoeff_d[c][verhoeff_p[(i + offset) % 8][digit]];
    }

  return c;
}

/* TRUE when @digits (ASCII digits only, the check digit last) passes. */
gboolean
emitra_verhoeff_validate (const char *digits)
{
  if (!all_ascii_digits (digits))
    return FALSE;

  return verhoeff_checksum (digits, 0) == 0;
}

/* The digit to append to @digits, or -1 when @digits is not all digits. */
int
emitra_verhoeff_check_digit (const char *digits)
{
  if (!all_ascii_digits (digits))
    return -1;

  return verhoeff_inv[verhoeff_checksum (digits, 1)];
}
