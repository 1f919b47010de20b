/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-validate.h"

typedef struct
{
  const char *text;
  const char *normalised;
  int         error;   /* -1 when valid */
} Case;

#define VALID(text, normalised) { text, normalised, -1 }
#define INVALID(text, code)     { text, NULL, EMITRA_VALIDATE_ERROR_##code }

static void
check_result (const char *label,
              const Case *c,
              gboolean    ok,
              const char *normalised,
              GError     *error)
{
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
      g_assert_true (g_str_has_prefix (error->message, label));
    }
}

/* Names -------------------------------------------------------------- */

static const Case name_cases[] = {
  VALID ("Ramesh Kumar", "Ramesh Kumar"),
  VALID ("रमेश कुमार", "रमेश कुमार"),
  VALID ("R. K. Sharma", "R. K. Sharma"),
  VALID ("R.K. Sharma", "R.K. Sharma"),
  VALID ("श्री. राम", "श्री. राम"),
  VALID ("क्षितिज", "क्षितिज"),                   /* virama conjuncts */
  VALID ("ज़ाकिर हुसैन", "ज़ाकिर हुसैन"),           /* nukta */
  VALID ("संजय", "संजय"),                         /* anusvara */
  VALID ("आँचल", "आँचल"),                         /* candrabindu */
  VALID ("  Sita   Devi  ", "Sita Devi"),
  VALID ("Ram कुमार", "Ram कुमार"),
  VALID ("Zoë", "Zoë"),
  VALID ("Zoe\xcc\x88", "Zoë"),                   /* combining diaeresis, composed */
  VALID ("श्\xe2\x80\x8dयाम", "श्\xe2\x80\x8dयाम"),   /* virama + zero-width joiner */
  INVALID ("Ram123", CHARACTERS),
  INVALID ("राम१", CHARACTERS),                   /* a Devanagari digit */
  INVALID ("राम।", CHARACTERS),                   /* danda */
  INVALID ("Ram-Kumar", CHARACTERS),
  INVALID ("Ram_Kumar", CHARACTERS),
  INVALID ("Ram@", CHARACTERS),
  INVALID ("Ram ि", CHARACTERS),                  /* a vowel sign after a space */
  INVALID (".Ram", FORMAT),
  INVALID ("ि राम", FORMAT),                      /* starts with a vowel sign */
  INVALID ("", EMPTY),
  INVALID ("   ", EMPTY),
  INVALID ("Сергей", CHARACTERS),                /* Cyrillic */
};

static void
test_name (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      gboolean ok;

      g_test_message ("name “%s”", name_cases[i].text);
      ok = emitra_validate_name ("Full name", name_cases[i].text, 100, &normalised, &error);
      check_result ("Full name", &name_cases[i], ok, normalised, error);
    }
}

/* Lengths are characters: 100 Devanagari letters are 300 bytes and fit a
 * 100-character limit; 101 do not. */
static void
test_name_length_in_characters (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (name, "क");
  g_assert_cmpuint (name->len, ==, 300);

  g_assert_true (emitra_validate_name ("Name", name->str, 100, &normalised, &error));
  g_assert_no_error (error);

  g_string_append (name, "ख");
  g_assert_false (emitra_validate_name ("Name", name->str, 100, NULL, &error));
  g_assert_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_LENGTH);
  g_assert_nonnull (strstr (error->message, "100"));
  g_assert_nonnull (strstr (error->message, "101"));
}

static void
test_text (void)
{
  static const struct {
    Case  c;
    guint max_chars;
  } cases[] = {
    { VALID ("Ward 12, near the temple", "Ward 12, near the temple"), 24 },
    { VALID ("  वार्ड १२,\n मंदिर के पास ", "वार्ड १२, मंदिर के पास"), 22 },
    { VALID ("1234567890", "1234567890"), 10 },
    { INVALID ("", EMPTY), 10 },
    { INVALID (" \t ", EMPTY), 10 },
    { INVALID ("bell\x07", CHARACTERS), 10 },
    { INVALID ("12345678901", LENGTH), 10 },
    { INVALID ("वार्ड १२, मंदिर के पास", LENGTH), 21 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      gboolean ok;

      g_test_message ("text “%s”", cases[i].c.text);
      ok = emitra_validate_text ("Address", cases[i].c.text, cases[i].max_chars, &normalised, &error);
      check_result ("Address", &cases[i].c, ok, normalised, error);
    }
}

/* Dates -------------------------------------------------------------- */

static const Case date_cases[] = {
  VALID ("05/03/1990", "05/03/1990"),
  VALID ("5/3/1990", "05/03/1990"),
  VALID ("05-03-1990", "05/03/1990"),
  VALID ("05.03.1990", "05/03/1990"),
  VALID ("०५/०३/१९९०", "05/03/1990"),
  VALID ("29/02/2000", "29/02/2000"),
  VALID ("28/11/2026", "28/11/2026"),           /* today */
  VALID ("01/01/1900", "01/01/1900"),
  VALID (" 31/12/1999 ", "31/12/1999"),
  VALID ("1/1/2000", "01/01/2000"),
  INVALID ("29/02/2001", FORMAT),
  INVALID ("31/04/2000", FORMAT),
  INVALID ("05/13/1990", FORMAT),
  INVALID ("00/01/2000", FORMAT),
  INVALID ("05/03/90", FORMAT),                 /* 1990 or 2090? */
  INVALID ("1990-03-05", FORMAT),
  INVALID ("05/03-1990", FORMAT),
  INVALID ("5 March 1990", FORMAT),
  INVALID ("29/11/2026", FUTURE),               /* tomorrow */
  INVALID ("01/01/3000", FUTURE),
  INVALID ("31/12/1899", RANGE),
  INVALID ("", EMPTY),
};

static GDate *
make_date (guint day, guint month, guint year)
{
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
test_date (void)
{
  g_autoptr(GDate) today = make_date (28, 11, 2026);

  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      gboolean ok;

      g_test_message ("date “%s”", date_cases[i].text);
      ok = emitra_validate_date ("Date of birth", date_cases[i].text, today, -1, -1, NULL, &normalised, &error);
      check_result ("Date of birth", &date_cases[i], ok, normalised, error);
    }
}

static void
test_date_age_rules (void)
{
  static const struct {
    const char *birth;
    guint       day, month, year;   /* today */
    int         min_age, max_age;
    const char *named;   /* the bound the message names; NULL when valid */
  } cases[] = {
    /* 18 on the birthday itself, not the day after. */
    { "28/11/2008", 28, 11, 2026, 18, -1, NULL },
    { "29/11/2008", 28, 11, 2026, 18, -1, "18" },
    /* Old-age pension: 60 or more. */
    { "28/11/1966", 28, 11, 2026, 60, -1, NULL },
    { "29/11/1966", 28, 11, 2026, 60, -1, "60" },
    /* A maximum counts completed years: 60 years and 364 days is 60. */
    { "29/11/1965", 28, 11, 2026, -1, 60, NULL },
    { "28/11/1965", 28, 11, 2026, -1, 60, "60" },
    /* Born on 29 February: a year older on 1 March in other years. */
    { "29/02/2008", 28, 2, 2026, 18, -1, "18" },
    { "29/02/2008", 1, 3, 2026, 18, -1, NULL },
    { "29/02/2008", 29, 2, 2028, 20, -1, NULL },
    /* Both bounds. */
    { "01/06/2000", 28, 11, 2026, 18, 40, NULL },
    { "01/06/1980", 28, 11, 2026, 18, 40, "40" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) today = make_date (cases[i].day, cases[i].month, cases[i].year);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      ok = emitra_validate_date ("Date of birth", cases[i].birth, today, cases[i].min_age, cases[i].max_age,
                                 NULL, NULL, &error);
      g_test_message ("born %s", cases[i].birth);
      g_assert_cmpint (ok, ==, cases[i].named == NULL);
      if (!ok)
        {
          g_assert_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_AGE);
          g_assert_nonnull (strstr (error->message, cases[i].named));
        }
    }
}

static void
test_date_out_date (void)
{
  g_autoptr(GDate) today = make_date (28, 11, 2026);
  GDate date;

  g_assert_true (emitra_validate_date ("Date", "5/3/1990", today, -1, -1, &date, NULL, NULL));
  g_assert_cmpuint (g_date_get_day (&date), ==, 5);
  g_assert_cmpuint (g_date_get_month (&date), ==, 3);
  g_assert_cmpuint (g_date_get_year (&date), ==, 1990);
  g_assert_cmpint (emitra_validate_age_on (&date, today), ==, 36);
}

/* Money and numbers -------------------------------------------------- */

static void
test_money (void)
{
  static const struct {
    Case   c;
    gint64 paise;
  } cases[] = {
    { VALID ("1200", "1200.00"), 120000 },
    { VALID ("1,200.50", "1200.50"), 120050 },
    { VALID ("₹50", "50.00"), 5000 },
    { VALID ("Rs 50", "50.00"), 5000 },
    { VALID ("१२००", "1200.00"), 120000 },
    { VALID ("0", "0.00"), 0 },
    { VALID ("0.5", "0.50"), 50 },
    { INVALID ("-5", RANGE), 0 },
    { INVALID ("12.345", FORMAT), 0 },
    { INVALID ("abc", CHARACTERS), 0 },
    { INVALID ("", EMPTY), 0 },
    { INVALID ("100000001", RANGE), 0 },        /* above the desk's limit */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      gint64 paise = -1;
      gboolean ok;

      g_test_message ("money “%s”", cases[i].c.text);
      ok = emitra_validate_money ("Annual income", cases[i].c.text, 0, G_MAXINT64, &paise, &normalised, &error);
      check_result ("Annual income", &cases[i].c, ok, normalised, error);
      if (ok)
        g_assert_cmpint (paise, ==, cases[i].paise);
    }
}

static void
test_money_bounds (void)
{
  g_autoptr(GError) error = NULL;

  /* Bounds are paise; the message states them in rupees. */
  g_assert_true (emitra_validate_money ("Amount", "1.00", 100, 500000, NULL, NULL, NULL));
  g_assert_true (emitra_validate_money ("Amount", "5000", 100, 500000, NULL, NULL, NULL));
  g_assert_false (emitra_validate_money ("Amount", "0.99", 100, 500000, NULL, NULL, &error));
  g_assert_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "₹1.00"));
  g_assert_nonnull (strstr (error->message, "₹5,000.00"));
  g_clear_error (&error);
  g_assert_false (emitra_validate_money ("Amount", "5000.01", 100, 500000, NULL, NULL, &error));
  g_assert_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_RANGE);
}

static void
test_number (void)
{
  static const struct {
    Case   c;
    gint64 min, max;
  } cases[] = {
    { VALID ("42", "42"), G_MININT64, G_MAXINT64 },
    { VALID (" 7 ", "7"), 0, 10 },
    { VALID ("१०", "10"), 0, 10 },
    { VALID ("-3", "-3"), -10, 10 },
    { VALID ("+3", "3"), -10, 10 },
    { VALID ("1900", "1900"), 1900, 2100 },
    { INVALID ("4.5", CHARACTERS), G_MININT64, G_MAXINT64 },
    { INVALID ("1,000", CHARACTERS), G_MININT64, G_MAXINT64 },
    { INVALID ("abc", CHARACTERS), G_MININT64, G_MAXINT64 },
    { INVALID ("-", CHARACTERS), G_MININT64, G_MAXINT64 },
    { INVALID ("", EMPTY), G_MININT64, G_MAXINT64 },
    { INVALID ("11", RANGE), 0, 10 },
    { INVALID ("-1", RANGE), 0, 10 },
    { INVALID ("1899", RANGE), 1900, 2100 },
    { INVALID ("99999999999999999999", CHARACTERS), G_MININT64, G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      gboolean ok;

      g_test_message ("number “%s”", cases[i].c.text);
      ok = emitra_validate_number ("Family members", cases[i].c.text, cases[i].min, cases[i].max,
                                   NULL, &normalised, &error);
      check_result ("Family members", &cases[i].c, ok, normalised, error);
      if (!ok && cases[i].c.error == EMITRA_VALIDATE_ERROR_RANGE)
        g_assert_nonnull (strstr (error->message, cases[i].min == 0 ? "0" : "1900"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/validate/name", test_name);
  g_test_add_func ("/validate/name-length", test_name_length_in_characters);
  g_test_add_func ("/validate/text", test_text);
  g_test_add_func ("/validate/date", test_date);
  g_test_add_func ("/validate/date-age", test_date_age_rules);
  g_test_add_func ("/validate/date-out", test_date_out_date);
  g_test_add_func ("/validate/money", test_money);
  g_test_add_func ("/validate/money-bounds", test_money_bounds);
  g_test_add_func ("/validate/number", test_number);

  return g_test_run ();
}
