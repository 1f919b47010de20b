/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-validate.h"
#include "emitra-verhoeff.h"

/* A row of a validator's table: the text an operator typed, the value the
 * validator hands back, or the error it reports (-1: none). */
typedef struct
{
  const char *text;
  const char *normalised;
  int         error;
} Case;

#define VALID(text, normalised) { text, normalised, -1 }
#define INVALID(text, code)     { text, NULL, EMITRA_VALIDATE_ERROR_##code }

typedef gboolean (*Validator) (const char  *label,
                               const char  *text,
                               char       **out_normalised,
                               GError     **error);

static void
count_cases (const Case *cases,
             gsize       n_cases,
             guint      *n_valid,
             guint      *n_invalid)
{
  *n_valid = *n_invalid = 0;
  for (gsize i = 0; i < n_cases; i++)
    (*(cases[i].error < 0 ? n_valid : n_invalid))++;
}

static void
run_table (const char *label,
           Validator   validate,
           const Case *cases,
           gsize       n_cases)
{
  guint n_valid, n_invalid;

  /* The issue asks for at least ten of each per identifier type. */
  count_cases (cases, n_cases, &n_valid, &n_invalid);
  g_assert_cmpuint (n_valid, >=, 10);
  g_assert_cmpuint (n_invalid, >=, 10);

  for (gsize i = 0; i < n_cases; i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      gboolean ok;

      g_test_message ("%s: “%s”", label, c->text);
      ok = validate (label, c->text, &normalised, &error);
      if (c->error < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (normalised, ==, c->normalised);
        }
      else
        {
          g_assert_false (ok);
          g_assert_null (normalised);
          g_assert_error (error, EMITRA_VALIDATE_ERROR, c->error);
          /* Every message names the field, first, as the operator reads it. */
          g_assert_true (g_str_has_prefix (error->message, label));
          g_assert_cmpuint (strlen (error->message), >, strlen (label) + 10);
        }
    }
}

/* Verhoeff ----------------------------------------------------------- */

static void
test_verhoeff (void)
{
  g_assert_true (emitra_verhoeff_validate ("12340"));
  /* DOMAIN.md's vectors, which caught a wrong row in a permutation table once. */
  g_assert_true (emitra_verhoeff_validate ("999941057058"));
  g_assert_true (emitra_verhoeff_validate ("999971658847"));
  g_assert_true (emitra_verhoeff_validate ("999999990019"));
  g_assert_true (emitra_verhoeff_validate ("2341234123412341"));
  g_assert_cmpint (emitra_verhoeff_check_digit ("1234"), ==, 0);
  g_assert_cmpint (emitra_verhoeff_check_digit ("236"), ==, 3);
  g_assert_true (emitra_verhoeff_validate ("2363"));
  g_assert_false (emitra_verhoeff_validate ("2364"));
  g_assert_false (emitra_verhoeff_validate ("12341"));
  g_assert_false (emitra_verhoeff_validate (""));
  g_assert_false (emitra_verhoeff_validate ("12a40"));
  g_assert_cmpint (emitra_verhoeff_check_digit ("12a4"), ==, -1);

  /* It catches every single-digit error and every swap of neighbours in
   * a real number. */
  {
    const char *good = "234123412346";

    g_assert_true (emitra_verhoeff_validate (good));
    for (guint i = 0; i < 12; i++)
      {
        char copy[13];

        for (char d = '0'; d <= '9'; d++)
          {
            if (d == good[i])
              continue;
            memcpy (copy, good, 13);
            copy[i] = d;
            g_assert_false (emitra_verhoeff_validate (copy));
          }
        if (i < 11 && good[i] != good[i + 1])
          {
            memcpy (copy, good, 13);
            copy[i] = good[i + 1];
            copy[i + 1] = good[i];
            g_assert_false (emitra_verhoeff_validate (copy));
          }
      }
  }
}

/* Aadhaar ------------------------------------------------------------ */

/* DOMAIN.md's vector first, then numbers whose last digit was computed
 * with the Verhoeff check (test_aadhaar_generated recomputes each). */
static const Case aadhaar_cases[] = {
  VALID ("234123412346", "234123412346"),
  VALID ("2341 2341 2346", "234123412346"),
  VALID ("2341-2341-2346", "234123412346"),
  VALID ("२३४१२३४१२३४६", "234123412346"),
  VALID (" 2341 2341 2346 ", "234123412346"),
  VALID ("726018159082", "726018159082"),
  VALID ("339099603089", "339099603089"),
  VALID ("446281948213", "446281948213"),
  VALID ("551819093782", "551819093782"),
  VALID ("857975432313", "857975432313"),
  VALID ("687574911868", "687574911868"),
  VALID ("452760189555", "452760189555"),
  VALID ("797971147105", "797971147105"),
  VALID ("697465075295", "697465075295"),
  VALID ("370342366710", "370342366710"),
  VALID ("987789328793", "987789328793"),
  INVALID ("234123412347", CHECKSUM),       /* DOMAIN.md: wrong check digit */
  INVALID ("123412341234", FORMAT),         /* DOMAIN.md: starts with 1 */
  INVALID ("222222222222", CHECKSUM),       /* DOMAIN.md: fails the checksum as well */
  INVALID ("200009900002", FORMAT),         /* a palindrome that passes the checksum */
  INVALID ("800000000008", FORMAT),
  INVALID ("324123412346", CHECKSUM),       /* the first two digits swapped */
  INVALID ("023412341234", FORMAT),
  INVALID ("23412341234", LENGTH),
  INVALID ("2341234123460", LENGTH),
  INVALID ("2341 2341 234A", CHARACTERS),
  INVALID ("", EMPTY),
  INVALID ("   ", EMPTY),
  INVALID ("XXXX XXXX 2346", MASKED),
  /* DOMAIN.md's UIDAI staging numbers. */
  VALID ("999941057058", "999941057058"),
  VALID ("999971658847", "999971658847"),
  VALID ("999999990019", "999999990019"),
};

static void
test_aadhaar (void)
{
  run_table ("Aadhaar number", emitra_validate_aadhaar, aadhaar_cases, G_N_ELEMENTS (aadhaar_cases));
}

static const char *const generated_aadhaar[] = {
  "726018159082", "339099603089", "446281948213", "551819093782", "857975432313", "687574911868",
  "452760189555", "797971147105", "697465075295", "370342366710", "987789328793",
};

static const char *const generated_vid[] = {
  "8321223307924404", "4685995289078662", "8617603137215909", "3092815901396240",
  "7957117777412155", "6728038528084148", "7253888539336330", "9500474395755132",
  "3373537990751167", "5726516761222026", "9299752882001828",
};

/* The literals in the tables were made by appending the Verhoeff digit;
 * this recomputes it, so a typo in a table cannot pass unnoticed. */
static void
test_aadhaar_generated (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (generated_aadhaar); i++)
    {
      g_autofree char *body = g_strndup (generated_aadhaar[i], 11);

      g_assert_cmpint (emitra_verhoeff_check_digit (body), ==, generated_aadhaar[i][11] - '0');
    }
  for (guint i = 0; i < G_N_ELEMENTS (generated_vid); i++)
    {
      g_autofree char *body = g_strndup (generated_vid[i], 15);

      g_assert_cmpint (emitra_verhoeff_check_digit (body), ==, generated_vid[i][15] - '0');
    }
}

static const Case vid_cases[] = {
  VALID ("2341234123412341", "2341234123412341"),
  VALID ("2341 2341 2341 2341", "2341234123412341"),
  VALID ("२३४१२३४१२३४१२३४१", "2341234123412341"),
  VALID ("8321223307924404", "8321223307924404"),
  VALID ("4685995289078662", "4685995289078662"),
  VALID ("8617603137215909", "8617603137215909"),
  VALID ("3092815901396240", "3092815901396240"),
  VALID ("7957117777412155", "7957117777412155"),
  VALID ("6728038528084148", "6728038528084148"),
  VALID ("7253888539336330", "7253888539336330"),
  VALID ("9500474395755132", "9500474395755132"),
  VALID ("3373537990751167", "3373537990751167"),
  VALID ("5726516761222026", "5726516761222026"),
  VALID ("9299752882001828", "9299752882001828"),
  INVALID ("2341234123412342", CHECKSUM),
  INVALID ("3241234123412341", CHECKSUM),
  INVALID ("1341234123412341", FORMAT),
  INVALID ("0341234123412341", FORMAT),
  INVALID ("234123412341234", LENGTH),
  INVALID ("23412341234123412", LENGTH),
  INVALID ("234123412346", LENGTH),          /* an Aadhaar number, not a VID */
  INVALID ("2341234123412a41", CHARACTERS),
  INVALID ("", EMPTY),
  INVALID ("VID 2341234123412341", CHARACTERS),
};

static void
test_aadhaar_vid (void)
{
  run_table ("Virtual ID", emitra_validate_aadhaar_vid, vid_cases, G_N_ELEMENTS (vid_cases));
}

static void
test_aadhaar_mask (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "234123412346", "XXXX XXXX 2346" },
    { "2341 2341 2346", "XXXX XXXX 2346" },
    { "२३४१२३४१२३४६", "XXXX XXXX 2346" },
    { "XXXX XXXX 2346", "XXXX XXXX 2346" },
    { "2341234", "XXXX XXXX 1234" },
    { "234", "XXXX XXXX XXXX" },
    { "", "XXXX XXXX XXXX" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = emitra_aadhaar_mask (cases[i].in);

      g_assert_cmpstr (masked, ==, cases[i].out);
    }

  g_assert_true (emitra_aadhaar_is_masked ("XXXX XXXX 2346"));
  g_assert_true (emitra_aadhaar_is_masked ("xxxxxxxx2346"));
  g_assert_false (emitra_aadhaar_is_masked ("234123412346"));
  g_assert_false (emitra_aadhaar_is_masked ("XXXX XXXX 23"));
}

static void
test_aadhaar_names_member (void)
{
  const char *aadhaar[] = { "aadhaar", "Aadhaar", "applicant_aadhaar", "aadhar_no", "UID", "uid" };
  const char *other[] = { "jan_aadhaar_id", "JanAadhaar", "name", "mobile", "uidai_office", "guide" };

  for (guint i = 0; i < G_N_ELEMENTS (aadhaar); i++)
    g_assert_true (emitra_aadhaar_names_member (aadhaar[i]));
  for (guint i = 0; i < G_N_ELEMENTS (other); i++)
    g_assert_false (emitra_aadhaar_names_member (other[i]));
}

static void
test_aadhaar_mask_in_text (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Aadhaar 234123412346 seen", "Aadhaar XXXX XXXX 2346 seen" },
    { "आधार २३४१ २३४१ २३४६ देखा", "आधार XXXX XXXX 2346 देखा" },
    { "/scans/2341-2341-2346.pdf", "/scans/XXXX XXXX 2346.pdf" },
    { "two: 234123412346, 726018159082.", "two: XXXX XXXX 2346, XXXX XXXX 9082." },
    /* Not Aadhaar numbers, so left alone: a wrong check digit, a VID, a
     * mobile number, a longer run. */
    { "234123412347", "234123412347" },
    { "2341234123412341", "2341234123412341" },
    { "call 9829012345", "call 9829012345" },
    { "12341234123412346", "12341234123412346" },
    { "no digits", "no digits" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = emitra_aadhaar_mask_in_text (cases[i].in);

      g_assert_cmpstr (masked, ==, cases[i].out);
    }
}

/* Jan Aadhaar -------------------------------------------------------- */

static const Case family_cases[] = {
  VALID ("1012345678", "1012345678"),
  VALID ("2098765432", "2098765432"),
  VALID ("9999999999", "9999999999"),
  VALID ("0000000001", "0000000001"),
  VALID ("10123 45678", "1012345678"),
  VALID ("१०१२३४५६७८", "1012345678"),
  VALID (" 1012345678 ", "1012345678"),
  VALID ("1012-345-678", "1012345678"),
  VALID ("5555555555", "5555555555"),
  VALID ("3141592653", "3141592653"),
  INVALID ("101234567", LENGTH),
  INVALID ("10123456789", LENGTH),
  INVALID ("101234567890", LENGTH),
  INVALID ("", EMPTY),
  INVALID ("101234567O", CHARACTERS),
  INVALID ("JA10123456", CHARACTERS),
  INVALID ("१०१२३४५६७", LENGTH),
  INVALID ("1012345678/1", CHARACTERS),
  INVALID ("+911012345678", CHARACTERS),
  INVALID ("1", LENGTH),
};

static void
test_jan_aadhaar_family (void)
{
  run_table ("Jan Aadhaar family ID", emitra_validate_jan_aadhaar_family,
             family_cases, G_N_ELEMENTS (family_cases));
}

static const Case member_cases[] = {
  VALID ("10123456781", "10123456781"),
  VALID ("20987654320", "20987654320"),
  VALID ("99999999999", "99999999999"),
  VALID ("00000000012", "00000000012"),
  VALID ("10123 456781", "10123456781"),
  VALID ("१०१२३४५६७८१", "10123456781"),
  VALID (" 10123456781 ", "10123456781"),
  VALID ("1012-3456-781", "10123456781"),
  VALID ("55555555555", "55555555555"),
  VALID ("31415926535", "31415926535"),
  INVALID ("1012345678", LENGTH),           /* the family ID */
  INVALID ("101234567812", LENGTH),
  INVALID ("101234567", LENGTH),
  INVALID ("", EMPTY),
  INVALID ("1012345678I", CHARACTERS),
  INVALID ("M10123456781", CHARACTERS),
  INVALID ("१०१२३४५६७८", LENGTH),
  INVALID ("10123456781#", CHARACTERS),
  INVALID ("1", LENGTH),
  INVALID ("1012345678_1", CHARACTERS),
};

static void
test_jan_aadhaar_member (void)
{
  g_autoptr(GError) error = NULL;

  run_table ("Jan Aadhaar member ID", emitra_validate_jan_aadhaar_member,
             member_cases, G_N_ELEMENTS (member_cases));

  /* A family ID typed into the member field says which one is wanted. */
  g_assert_false (emitra_validate_jan_aadhaar_member ("Member ID", "1012345678", NULL, &error));
  g_assert_nonnull (strstr (error->message, "family ID"));
}

/* Mobile ------------------------------------------------------------- */

static const Case mobile_cases[] = {
  VALID ("9829012345", "9829012345"),
  VALID ("+919829012345", "9829012345"),
  VALID ("+91 98290 12345", "9829012345"),
  VALID ("+91-9829012345", "9829012345"),
  VALID ("09829012345", "9829012345"),
  VALID ("919829012345", "9829012345"),
  VALID ("6000000000", "6000000000"),
  VALID ("7999999999", "7999999999"),
  VALID ("८८२९०१२३४५", "8829012345"),
  VALID ("98290-12345", "9829012345"),
  VALID (" 98290 12345 ", "9829012345"),
  INVALID ("5829012345", FORMAT),
  INVALID ("1234567890", FORMAT),
  INVALID ("0982901234", FORMAT),
  INVALID ("982901234", LENGTH),
  INVALID ("98290123456", LENGTH),
  INVALID ("+9198290123", LENGTH),
  INVALID ("98290 1234a", CHARACTERS),
  INVALID ("+92 9829012345", CHARACTERS),
  INVALID ("+91", CHARACTERS),
  INVALID ("", EMPTY),
  INVALID ("00919829012345", LENGTH),
};

static void
test_mobile (void)
{
  run_table ("Mobile number", emitra_validate_mobile, mobile_cases, G_N_ELEMENTS (mobile_cases));
}

/* PIN ---------------------------------------------------------------- */

typedef struct
{
  const char     *text;
  const char     *normalised;
  EmitraValidity  validity;
  int             error;
} PinCase;

static const PinCase pin_cases[] = {
  { "302001", "302001", EMITRA_VALIDITY_VALID, -1 },        /* Jaipur */
  { "305001", "305001", EMITRA_VALIDITY_VALID, -1 },        /* Ajmer */
  { "313001", "313001", EMITRA_VALIDITY_VALID, -1 },        /* Udaipur */
  { "334001", "334001", EMITRA_VALIDITY_VALID, -1 },        /* Bikaner */
  { "342001", "342001", EMITRA_VALIDITY_VALID, -1 },        /* Jodhpur */
  { "344001", "344001", EMITRA_VALIDITY_VALID, -1 },        /* Barmer */
  { "301001", "301001", EMITRA_VALIDITY_VALID, -1 },        /* Alwar */
  { "324001", "324001", EMITRA_VALIDITY_VALID, -1 },        /* Kota */
  { "३०२००१", "302001", EMITRA_VALIDITY_VALID, -1 },
  { "302 001", "302001", EMITRA_VALIDITY_VALID, -1 },
  /* Outside Rajasthan: accepted, with a second look asked for. */
  { "110001", "110001", EMITRA_VALIDITY_WARNING, EMITRA_VALIDATE_ERROR_UNUSUAL },
  { "400001", "400001", EMITRA_VALIDITY_WARNING, EMITRA_VALIDATE_ERROR_UNUSUAL },
  { "350001", "350001", EMITRA_VALIDITY_WARNING, EMITRA_VALIDATE_ERROR_UNUSUAL },
  { "299999", "299999", EMITRA_VALIDITY_WARNING, EMITRA_VALIDATE_ERROR_UNUSUAL },
  { "012345", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_FORMAT },
  { "000000", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_FORMAT },
  { "30200", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_LENGTH },
  { "3020011", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_LENGTH },
  { "30200a", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_CHARACTERS },
  { "3o2001", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_CHARACTERS },
  { "", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_EMPTY },
  { "३०२००", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_LENGTH },
  { "PIN 302001", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_CHARACTERS },
  { "3", NULL, EMITRA_VALIDITY_INVALID, EMITRA_VALIDATE_ERROR_LENGTH },
};

static void
test_pin (void)
{
  guint n_valid = 0, n_invalid = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pin_cases); i++)
    {
      const PinCase *c = &pin_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      EmitraValidity validity;

      g_test_message ("PIN “%s”", c->text);
      validity = emitra_validate_pin ("PIN code", c->text, &normalised, &error);
      g_assert_cmpint (validity, ==, c->validity);
      g_assert_cmpstr (normalised, ==, c->normalised);
      if (c->error < 0)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, EMITRA_VALIDATE_ERROR, c->error);
          g_assert_true (g_str_has_prefix (error->message, "PIN code: "));
        }
      if (validity == EMITRA_VALIDITY_INVALID)
        n_invalid++;
      else
        n_valid++;
    }

  g_assert_cmpuint (n_valid, >=, 10);
  g_assert_cmpuint (n_invalid, >=, 10);
}

/* IFSC and PAN ------------------------------------------------------- */

static const Case ifsc_cases[] = {
  VALID ("SBIN0000095", "SBIN0000095"),
  VALID ("sbin0000095", "SBIN0000095"),
  VALID ("SBIN 0000095", "SBIN0000095"),
  VALID ("HDFC0001234", "HDFC0001234"),
  VALID ("ICIC0000001", "ICIC0000001"),
  VALID ("PUNB0123400", "PUNB0123400"),
  VALID ("BARB0JAIPUR", "BARB0JAIPUR"),
  VALID ("UTIB0000123", "UTIB0000123"),
  VALID ("KKBK0000958", "KKBK0000958"),
  VALID ("IDIB000J004", "IDIB000J004"),
  INVALID ("SBIN1000095", FORMAT),
  INVALID ("SBINO000095", FORMAT),          /* the letter O for zero */
  INVALID ("SBI00000095", FORMAT),
  INVALID ("SB1N0000095", FORMAT),
  INVALID ("SBIN00000$5", FORMAT),
  INVALID ("1234567890A", FORMAT),
  INVALID ("SBIN000009", LENGTH),
  INVALID ("SBIN00000955", LENGTH),
  INVALID ("एसबीआई0000095", LENGTH),
  INVALID ("", EMPTY),
};

static void
test_ifsc (void)
{
  g_autoptr(GError) error = NULL;

  run_table ("IFSC code", emitra_validate_ifsc, ifsc_cases, G_N_ELEMENTS (ifsc_cases));

  g_assert_false (emitra_validate_ifsc ("IFSC", "SBINO000095", NULL, &error));
  g_assert_nonnull (strstr (error->message, "zero"));
}

static const Case pan_cases[] = {
  VALID ("ACUPA7085R", "ACUPA7085R"),
  VALID ("acupa7085r", "ACUPA7085R"),
  VALID ("ACU PA 7085 R", "ACUPA7085R"),
  VALID ("AAACB1234C", "AAACB1234C"),
  VALID ("AAAFH1234F", "AAAFH1234F"),
  VALID ("AAAGX0001A", "AAAGX0001A"),
  VALID ("AAAHL1234K", "AAAHL1234K"),
  VALID ("BBBJP9999Z", "BBBJP9999Z"),
  VALID ("CCCKK1234L", "CCCKK1234L"),
  VALID ("DDDLB1234M", "DDDLB1234M"),
  VALID ("EEETK1234N", "EEETK1234N"),
  VALID ("ABCAD1234E", "ABCAD1234E"),
  INVALID ("ACUPA0000R", FORMAT),
  INVALID ("ACUDA7085R", FORMAT),
  INVALID ("ACUEA7085R", FORMAT),
  INVALID ("ACUPA70851", FORMAT),
  INVALID ("1CUPA7085R", FORMAT),
  INVALID ("ACUPA708AR", FORMAT),
  INVALID ("ACUPA 7O85R", FORMAT),
  INVALID ("ACUPA7085", LENGTH),
  INVALID ("ACUPA7085RR", LENGTH),
  INVALID ("", EMPTY),
};

static void
test_pan (void)
{
  run_table ("PAN", emitra_validate_pan, pan_cases, G_N_ELEMENTS (pan_cases));
}

/* Consumer numbers --------------------------------------------------- */

static gboolean
validate_consumer_default (const char *label, const char *text, char **out, GError **error)
{
  return emitra_validate_consumer_number (label, text, 0, 0, out, error);
}

static gboolean
validate_k_number (const char *label, const char *text, char **out, GError **error)
{
  return emitra_validate_consumer_number (label, text, 12, 12, out, error);
}

static const Case consumer_cases[] = {
  VALID ("123456", "123456"),
  VALID ("1234567890123456", "1234567890123456"),
  VALID ("210123456789", "210123456789"),
  VALID ("0141 2345678", "01412345678"),
  VALID ("१२३४५६७", "1234567"),
  VALID ("2101-2345-6789", "210123456789"),
  VALID ("000123", "000123"),
  VALID (" 98765432 ", "98765432"),
  VALID ("9829012345", "9829012345"),
  VALID ("11111111111", "11111111111"),
  INVALID ("12345", LENGTH),
  INVALID ("12345678901234567", LENGTH),
  INVALID ("ABC123", CHARACTERS),
  INVALID ("", EMPTY),
  INVALID ("1234 567A", CHARACTERS),
  INVALID ("1", LENGTH),
  INVALID ("K-210123456789", CHARACTERS),
  INVALID ("१२३४५", LENGTH),
  INVALID ("123456#", CHARACTERS),
  INVALID ("12345/678", CHARACTERS),
};

static const Case k_number_cases[] = {
  VALID ("210123456789", "210123456789"),
  VALID ("2101 2345 6789", "210123456789"),
  VALID ("२१०१२३४५६७८९", "210123456789"),
  VALID ("000000000001", "000000000001"),
  VALID ("999999999999", "999999999999"),
  VALID ("123412341234", "123412341234"),
  VALID ("210-123-456-789", "210123456789"),
  VALID ("310123456789", "310123456789"),
  VALID ("410123456789", "410123456789"),
  VALID (" 510123456789", "510123456789"),
  INVALID ("21012345678", LENGTH),
  INVALID ("2101234567890", LENGTH),
  INVALID ("123456", LENGTH),
  INVALID ("", EMPTY),
  INVALID ("21012345678K", CHARACTERS),
  INVALID ("K210123456789", CHARACTERS),
  INVALID ("२१०१२३४५६७८", LENGTH),
  INVALID ("1234567890123456", LENGTH),
  INVALID ("2101_2345_6789", CHARACTERS),
  INVALID ("1", LENGTH),
};

static void
test_consumer_number (void)
{
  run_table ("Consumer number", validate_consumer_default, consumer_cases, G_N_ELEMENTS (consumer_cases));
  run_table ("K-number", validate_k_number, k_number_cases, G_N_ELEMENTS (k_number_cases));
}

/* Bytes that are not UTF-8 (a damaged draft, a paste through another
 * program) are refused by every validator with a message naming the
 * field, never walked past their end. The first case is what fuzz-validators
 * found: Devanagari digits with one lead byte changed. */
static void
test_invalid_utf8 (void)
{
  static const char * const inputs[] = {
    "\xe0\xa5\xaf\xe0\xa5\xaf\xe0\xa5\xaf\xe0\xa5\xaf \xe0\xa5\xaa\xe0\xa5\xa7\xe0\xa5\xa6\xe0\xa5\xab"
      " \xe0\xa5\xadz\xa5\xa6\xe0\xa5\xab\xf0\xa5\xae",
    "2341234123\xf0",
    "\xe0",
    "Sunita \xff\xfe Kumari",
    "\xc0\x80",
  };
  g_autoptr(GDate) today = g_date_new_dmy (28, G_DATE_NOVEMBER, 2026);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      const char *text = inputs[i];
      GError *errors[14] = { NULL, };
      gint64 value = 0;
      guint n = 0;

      g_assert_false (emitra_validate_aadhaar ("Field", text, NULL, &errors[n++]));
      g_assert_false (emitra_validate_aadhaar_vid ("Field", text, NULL, &errors[n++]));
      g_assert_false (emitra_validate_jan_aadhaar_family ("Field", text, NULL, &errors[n++]));
      g_assert_false (emitra_validate_jan_aadhaar_member ("Field", text, NULL, &errors[n++]));
      g_assert_false (emitra_validate_mobile ("Field", text, NULL, &errors[n++]));
      g_assert_cmpint (emitra_validate_pin ("Field", text, NULL, &errors[n++]), ==, EMITRA_VALIDITY_INVALID);
      g_assert_false (emitra_validate_ifsc ("Field", text, NULL, &errors[n++]));
      g_assert_false (emitra_validate_pan ("Field", text, NULL, &errors[n++]));
      g_assert_false (emitra_validate_consumer_number ("Field", text, 6, 16, NULL, &errors[n++]));
      g_assert_false (emitra_validate_name ("Field", text, 100, NULL, &errors[n++]));
      g_assert_false (emitra_validate_text ("Field", text, 100, NULL, &errors[n++]));
      g_assert_false (emitra_validate_date ("Field", text, today, 0, 0, NULL, NULL, &errors[n++]));
      g_assert_false (emitra_validate_number ("Field", text, 0, 100, &value, NULL, &errors[n++]));
      g_assert_false (emitra_validate_money ("Field", text, 0, 100, &value, NULL, &errors[n++]));
      g_assert_cmpuint (n, ==, G_N_ELEMENTS (errors));

      for (guint v = 0; v < n; v++)
        {
          g_assert_error (errors[v], EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHARACTERS);
          g_assert_true (g_str_has_prefix (errors[v]->message, "Field: "));
          g_error_free (errors[v]);
        }

      /* Masking never reads past the end either, and keeps what it can. */
      {
        g_autofree char *masked = emitra_aadhaar_mask_in_text (text);

        g_assert_true (g_utf8_validate (masked, -1, NULL));
        g_assert_false (emitra_aadhaar_is_masked (text));
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/validate/verhoeff", test_verhoeff);
  g_test_add_func ("/validate/aadhaar", test_aadhaar);
  g_test_add_func ("/validate/aadhaar-generated", test_aadhaar_generated);
  g_test_add_func ("/validate/aadhaar-vid", test_aadhaar_vid);
  g_test_add_func ("/validate/aadhaar-mask", test_aadhaar_mask);
  g_test_add_func ("/validate/aadhaar-mask-in-text", test_aadhaar_mask_in_text);
  g_test_add_func ("/validate/aadhaar-names-member", test_aadhaar_names_member);
  g_test_add_func ("/validate/jan-aadhaar-family", test_jan_aadhaar_family);
  g_test_add_func ("/validate/jan-aadhaar-member", test_jan_aadhaar_member);
  g_test_add_func ("/validate/mobile", test_mobile);
  g_test_add_func ("/validate/pin", test_pin);
  g_test_add_func ("/validate/ifsc", test_ifsc);
  g_test_add_func ("/validate/pan", test_pan);
  g_test_add_func ("/validate/consumer-number", test_consumer_number);
  g_test_add_func ("/validate/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
