/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-text.h"

static void
test_text_group_indian (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "0", "0" }, { "999", "999" }, { "1000", "1,000" }, { "12345", "12,345" },
    { "123456", "1,23,456" }, { "1234567", "12,34,567" }, { "12345678", "1,23,45,678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *grouped = emitra_text_group_indian (cases[i].in);
      g_assert_cmpstr (grouped, ==, cases[i].out);
    }
}

static void
test_text_digits (void)
{
  g_autofree char *latin = emitra_text_to_latin_digits ("पिन ३०२०१७");
  g_autofree char *devanagari = emitra_text_to_digits ("K 302017", EMITRA_DIGITS_DEVANAGARI);

  g_assert_cmpstr (latin, ==, "पिन 302017");
  g_assert_cmpstr (devanagari, ==, "K ३०२०१७");
}

static void
test_text_truncate_chars (void)
{
  /* Five characters of a Devanagari name are fifteen bytes: a byte cut
   * would leave half a character. */
  g_autofree char *cut = emitra_text_truncate_chars ("रमेशकुमार", 4);
  g_autofree char *whole = emitra_text_truncate_chars ("Ram", 10);

  g_assert_cmpstr (cut, ==, "रमेश");
  g_assert_true (g_utf8_validate (cut, -1, NULL));
  g_assert_cmpstr (whole, ==, "Ram");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/text/group-indian", test_text_group_indian);
  g_test_add_func ("/text/digits", test_text_digits);
  g_test_add_func ("/text/truncate-chars", test_text_truncate_chars);

  return g_test_run ();
}
