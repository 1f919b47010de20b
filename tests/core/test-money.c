/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "emitra-money.h"

typedef struct
{
  gint64      paise;
  const char *latin;
  const char *devanagari;
} FormatCase;

static const FormatCase format_cases[] = {
  { 0, "₹0.00", "₹०.००" },
  { 5, "₹0.05", "₹०.०५" },
  { 5000, "₹50.00", "₹५०.००" },
  { 99999, "₹999.99", "₹९९९.९९" },
  { 100000, "₹1,000.00", "₹१,०००.००" },
  { 1234567, "₹12,345.67", "₹१२,३४५.६७" },
  { 12345678, "₹1,23,456.78", "₹१,२३,४५६.७८" },
  { 1000000000, "₹1,00,00,000.00", "₹१,००,००,०००.००" },
  { 123456789012, "₹1,23,45,67,890.12", "₹१,२३,४५,६७,८९०.१२" },
  { -5050, "-₹50.50", "-₹५०.५०" },
  { G_MININT64, "-₹92,23,37,20,36,85,47,758.08", NULL },
};

static void
test_money_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autofree char *latin = emitra_money_format (c->paise, EMITRA_DIGITS_LATIN);

      g_assert_cmpstr (latin, ==, c->latin);
      if (c->devanagari != NULL)
        {
          g_autofree char *devanagari = emitra_money_format (c->paise, EMITRA_DIGITS_DEVANAGARI);
          g_assert_cmpstr (devanagari, ==, c->devanagari);
        }
    }
}

static void
test_money_format_hindi_locale (void)
{
  /* The grouping is the same in both languages: Indian, not the locale's. */
  const char *old = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (old);
  g_autofree char *formatted = NULL;

  if (setlocale (LC_ALL, "hi_IN.UTF-8") == NULL)
    {
      g_test_skip ("hi_IN.UTF-8 locale not installed");
      return;
    }
  formatted = emitra_money_format (12345678, EMITRA_DIGITS_LATIN);
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (formatted, ==, "₹1,23,456.78");
}

typedef struct
{
  const char *text;
  gint64      paise;
  int         error;   /* -1 when the text is valid */
} ParseCase;

static const ParseCase parse_cases[] = {
  { "1200", 120000, -1 },
  { "1,200", 120000, -1 },
  { "1200.5", 120050, -1 },
  { "1200.50", 120050, -1 },
  { "1,23,456.78", 12345678, -1 },
  { "123,456.78", 12345678, -1 },
  { "१२००", 120000, -1 },
  { "१,२००.५०", 120050, -1 },
  { "₹50", 5000, -1 },
  { "₹ 50", 5000, -1 },
  { "Rs. 50", 5000, -1 },
  { "Rs 50", 5000, -1 },
  { "  75  ", 7500, -1 },
  { "0", 0, -1 },
  { "0.05", 5, -1 },
  { ".5", 50, -1 },
  { "100000000", 10000000000, -1 },
  { "", 0, EMITRA_MONEY_ERROR_EMPTY },
  { "   ", 0, EMITRA_MONEY_ERROR_EMPTY },
  { "₹", 0, EMITRA_MONEY_ERROR_EMPTY },
  { "-50", 0, EMITRA_MONEY_ERROR_NEGATIVE },
  { "12.345", 0, EMITRA_MONEY_ERROR_TOO_PRECISE },
  { "100000001", 0, EMITRA_MONEY_ERROR_TOO_LARGE },
  { "99999999999999999999999", 0, EMITRA_MONEY_ERROR_TOO_LARGE },
  { "12a", 0, EMITRA_MONEY_ERROR_INVALID },
  { "1.2.3", 0, EMITRA_MONEY_ERROR_INVALID },
  { ",100", 0, EMITRA_MONEY_ERROR_INVALID },
  { "100,", 0, EMITRA_MONEY_ERROR_INVALID },
  { "fifty", 0, EMITRA_MONEY_ERROR_INVALID },
  { ".", 0, EMITRA_MONEY_ERROR_INVALID },
  { "1 200", 0, EMITRA_MONEY_ERROR_INVALID },
  { "१२x", 0, EMITRA_MONEY_ERROR_INVALID },
};

static void
test_money_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(GError) error = NULL;
      gint64 paise = -1;
      gboolean ok;

      g_test_message ("parsing \"%s\"", c->text);
      ok = emitra_money_parse (c->text, &paise, &error);
      if (c->error < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (paise, ==, c->paise);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, EMITRA_MONEY_ERROR, c->error);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_cmpint (paise, ==, -1);
        }
    }
}

static void
test_money_round_trip (void)
{
  for (gint64 paise = 0; paise < 2000000; paise += 997)
    {
      g_autofree char *text = emitra_money_format (paise, EMITRA_DIGITS_DEVANAGARI);
      gint64 parsed = -1;

      g_assert_true (emitra_money_parse (text, &parsed, NULL));
      g_assert_cmpint (parsed, ==, paise);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/format/hindi-locale", test_money_format_hindi_locale);
  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/round-trip", test_money_round_trip);

  return g_test_run ();
}
