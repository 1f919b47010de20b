/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-transliterate.h"

/* How a word of either script is keyed. The Hindi column is what the
 * phonetic spelling gives; the Latin column is how operators type it. */
static void
test_transliterate_keys (void)
{
  static const struct { const char *text, *key; } cases[] = {
    { "जाति प्रमाण पत्र", "jati praman patr" },
    { "jati praman patra", "jati praman patr" },
    { "JAATI", "jati" },
    { "मूल निवास", "mul nivas" },
    { "mool niwas", "mul nivas" },
    { "बिजली बिल", "bijli bil" },      /* medial schwa dropped: bij(a)li */
    { "सरकार", "sarkar" },
    { "कमल", "kamal" },               /* only the final schwa goes */
    { "नामांतरण", "namantaran" },
    { "बूंदी", "bundi" },              /* anusvara before d: n */
    { "अंबेडकर", "ambedkar" },          /* anusvara before b: m */
    { "में", "me" },                  /* a final anusvara only nasalises */
    { "गाँव", "gav" },                 /* chandrabindu dropped */
    { "ज्ञान", "gyan" },
    { "क्षेत्र", "ksetr" },
    { "बाड़मेर", "barmer" },            /* ड़ is r */
    { "रोज़गार rozgar rojgar", "rojgar rojgar rojgar" },
    { "चित्तौड़गढ़ Chittorgarh", "citorgar citorgar" },
    { "झुंझुनूं Jhunjhunu", "junjunu junjunu" },
    { "कृषि krishi", "krisi krisi" },
    { "सेवा sewa seva", "sev sev sev" },
    { "छात्रवृत्ति chhatravritti", "catravriti catravriti" },
    { "फ़ोन", "fon" },
    { "Électricité", "electricite" },
    { "PAN-कार्ड", "pan kard" },        /* a change of script ends a word */
    { "फॉर्म ६", "form 6" },            /* Devanagari digits */
    { "90-A", "90 a" },
    { "e-Mitra, ई-मित्र!", "e mitr i mitr" },
    { "  ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = emitra_transliterate_key (cases[i].text);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

/* A Devanagari word keeps its spelled-out form as a second key, so both
 * "sarakar"-style and "sarkar"-style Latin spellings find it. */
static void
test_transliterate_two_keys (void)
{
  char *keys[EMITRA_TRANSLITERATE_MAX_KEYS];
  guint n;

  n = emitra_transliterate_word_keys ("बिजली", -1, keys);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (keys[0], ==, "bijali");
  g_assert_cmpstr (keys[1], ==, "bijli");
  g_free (keys[0]);
  g_free (keys[1]);

  n = emitra_transliterate_word_keys ("jati", -1, keys);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (keys[0], ==, "jati");
  g_assert_null (keys[1]);
  g_free (keys[0]);

  g_assert_cmpuint (emitra_transliterate_word_keys ("।", -1, keys), ==, 0);
}

static void
collect_word_cb (const char *word,
                 gsize       length,
                 gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strndup (word, length));
}

static void
test_transliterate_words (void)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  emitra_transliterate_foreach_word ("जाति प्रमाण-पत्र। Caste (SC/ST)", collect_word_cb, words);
  g_ptr_array_add (words, NULL);
  g_assert_cmpstrv ((char **) words->pdata,
                    ((const char *[]) { "जाति", "प्रमाण", "पत्र", "Caste", "SC", "ST", NULL }));
}

static void
test_transliterate_to_latin (void)
{
  g_autofree char *latin = emitra_transliterate_to_latin ("मूल निवास प्रमाण पत्र");

  g_assert_cmpstr (latin, ==, "muul nivaas pramaan patr");
}

static void
test_transliterate_stopwords (void)
{
  static const char *stop[] = { "of", "AND", "का", "के", "में", "evam", "विभाग", "department" };
  static const char *keep[] = { "jati", "कार्ड", "bill", "ofc", "kaam" };

  for (guint i = 0; i < G_N_ELEMENTS (stop); i++)
    g_assert_true (emitra_transliterate_is_stopword (stop[i], -1));
  for (guint i = 0; i < G_N_ELEMENTS (keep); i++)
    g_assert_false (emitra_transliterate_is_stopword (keep[i], -1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/transliterate/keys", test_transliterate_keys);
  g_test_add_func ("/transliterate/two-keys", test_transliterate_two_keys);
  g_test_add_func ("/transliterate/words", test_transliterate_words);
  g_test_add_func ("/transliterate/to-latin", test_transliterate_to_latin);
  g_test_add_func ("/transliterate/stopwords", test_transliterate_stopwords);

  return g_test_run ();
}
