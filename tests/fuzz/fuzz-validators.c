/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the validators of emitra-validate.h, fed whatever an
 * operator might paste or a damaged draft might hold (any bytes, invalid
 * UTF-8 included). The first byte picks the validator, the rest is the
 * text. Each must end in a verdict: a normalised value that is valid
 * UTF-8 and passes the same validator again, or an error with a message
 * naming the field.
 */
#include "config.h"

#include <string.h>

#include "emitra-aadhaar-mask.h"
#include "emitra-validate.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define LABEL "Field"

typedef gboolean (*Validator) (const char *text, char **out_normalised, GError **error);

static gboolean
aadhaar (const char *text, char **out, GError **error)
{
  gboolean ok = emitra_validate_aadhaar (LABEL, text, out, error);

  /* A number the desk accepts as an Aadhaar is one it knows to mask. */
  if (ok && out != NULL && *out != NULL)
    {
      g_autofree char *masked = emitra_aadhaar_mask (*out);

      g_assert_true (emitra_aadhaar_is_masked (masked));
    }
  return ok;
}

static gboolean
vid (const char *text, char **out, GError **error)
{
  return emitra_validate_aadhaar_vid (LABEL, text, out, error);
}

static gboolean
family (const char *text, char **out, GError **error)
{
  return emitra_validate_jan_aadhaar_family (LABEL, text, out, error);
}

static gboolean
member (const char *text, char **out, GError **error)
{
  return emitra_validate_jan_aadhaar_member (LABEL, text, out, error);
}

static gboolean
mobile (const char *text, char **out, GError **error)
{
  return emitra_validate_mobile (LABEL, text, out, error);
}

static gboolean
pin (const char *text, char **out, GError **error)
{
  EmitraValidity validity = emitra_validate_pin (LABEL, text, out, error);

  /* A PIN outside Rajasthan is accepted with a warning to show. */
  if (validity == EMITRA_VALIDITY_WARNING)
    {
      g_assert_nonnull (*error);
      g_clear_error (error);
    }
  return validity != EMITRA_VALIDITY_INVALID;
}

static gboolean
ifsc (const char *text, char **out, GError **error)
{
  return emitra_validate_ifsc (LABEL, text, out, error);
}

static gboolean
pan (const char *text, char **out, GError **error)
{
  return emitra_validate_pan (LABEL, text, out, error);
}

static gboolean
consumer (const char *text, char **out, GError **error)
{
  return emitra_validate_consumer_number (LABEL, text, 6, 16, out, error);
}

static gboolean
name (const char *text, char **out, GError **error)
{
  return emitra_validate_name (LABEL, text, 100, out, error);
}

static gboolean
free_text (const char *text, char **out, GError **error)
{
  return emitra_validate_text (LABEL, text, 200, out, error);
}

static gboolean
date (const char *text, char **out, GError **error)
{
  g_autoptr(GDate) today = g_date_new_dmy (28, G_DATE_NOVEMBER, 2026);
  GDate parsed;

  g_date_clear (&parsed, 1);
  return emitra_validate_date (LABEL, text, today, 18, 120, &parsed, out, error);
}

static gboolean
number (const char *text, char **out, GError **error)
{
  gint64 value = 0;
  gboolean ok = emitra_validate_number (LABEL, text, -1000, G_MAXINT64 / 2, &value, out, error);

  g_assert_true (!ok || (value >= -1000 && value <= G_MAXINT64 / 2));
  return ok;
}

static gboolean
money (const char *text, char **out, GError **error)
{
  gint64 paise = 0;
  gboolean ok = emitra_validate_money (LABEL, text, 0, G_GINT64_CONSTANT (100000000000), &paise, out, error);

  g_assert_true (!ok || (paise >= 0 && paise <= G_GINT64_CONSTANT (100000000000)));
  return ok;
}

static const Validator validators[] = {
  aadhaar, vid, family, member, mobile, pin, ifsc, pan, consumer, name, free_text, date, number, money,
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autofree char *normalised = NULL;
  g_autoptr(GError) error = NULL;
  Validator validate;

  if (size < 1)
    return 0;
  validate = validators[data[0] % G_N_ELEMENTS (validators)];
  text = g_strndup ((const char *) data + 1, size - 1);

  if (validate (text, &normalised, &error))
    {
      g_autofree char *again = NULL;
      g_autoptr(GError) again_error = NULL;

      g_assert_nonnull (normalised);
      g_assert_true (g_utf8_validate (normalised, -1, NULL));
      /* Normalising is idempotent: what the desk stores validates again. */
      g_assert_true (validate (normalised, &again, &again_error));
      g_assert_no_error (again_error);
      g_assert_cmpstr (again, ==, normalised);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, LABEL));
    }
  return 0;
}
