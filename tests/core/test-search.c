/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-search.h"
#include "catalog-test-util.h"

static EmitraCatalog *bundled;
static EmitraSearch *search;

typedef enum {
  HINDI,
  LATIN,      /* Hindi words in Latin letters */
  ENGLISH,
  MISSPELT,
  PARTIAL,    /* as typed, before the last word is finished */
  DEPARTMENT, /* a department's name finds its services */
} Kind;

/* The search-quality table: each query, as an operator types it, must
 * bring the named service into the first three results. A department's
 * name must also bring only that department's services there. */
static const struct
{
  Kind        kind;
  const char *query;
  const char *service;
} quality[] = {
  { LATIN, "jati praman patra", "caste-certificate-sc-st" },
  { LATIN, "jaati", "caste-certificate-sc-st" },
  { HINDI, "जाति", "caste-certificate-sc-st" },
  { HINDI, "जाति प्रमाण पत्र", "caste-certificate-sc-st" },
  { ENGLISH, "caste certificate", "caste-certificate-sc-st" },
  { LATIN, "mool niwas", "domicile-certificate" },
  { LATIN, "mul nivas", "domicile-certificate" },
  { HINDI, "मूल निवास", "domicile-certificate" },
  { ENGLISH, "domicile", "domicile-certificate" },
  { LATIN, "bijli bill", "electricity-bill-jvvnl" },
  { HINDI, "बिजली बिल", "electricity-bill-jvvnl" },
  { ENGLISH, "electricity bill", "electricity-bill-jvvnl" },
  { ENGLISH, "pension", "old-age-pension" },
  { HINDI, "पेंशन", "old-age-pension" },
  { LATIN, "vridha pension", "old-age-pension" },
  { LATIN, "vidhwa pension", "widow-pension" },
  { HINDI, "विधवा पेंशन", "widow-pension" },
  { LATIN, "aay praman patra", "income-certificate" },
  { HINDI, "आय प्रमाण पत्र", "income-certificate" },
  { ENGLISH, "income certificate", "income-certificate" },
  { LATIN, "jamabandi", "jamabandi-copy" },
  { HINDI, "जमाबंदी की नकल", "jamabandi-copy" },
  { LATIN, "namantaran", "namantaran-land" },
  { LATIN, "janm praman patra", "birth-certificate" },
  { LATIN, "janam", "birth-certificate" },
  { HINDI, "मृत्यु प्रमाण पत्र", "death-certificate" },
  { LATIN, "vivah panjiyan", "marriage-registration" },
  { LATIN, "jan aadhaar", "jan-aadhaar-enrolment" },
  { HINDI, "जन आधार", "jan-aadhaar-enrolment" },
  { LATIN, "pani bill", "water-bill-phed" },
  { HINDI, "पानी बिल", "water-bill-phed" },
  { ENGLISH, "ration card", "ration-card-new" },
  { HINDI, "राशन कार्ड", "ration-card-new" },
  { LATIN, "kirayedar", "police-verification-tenant" },
  { LATIN, "patta", "patta-municipal" },
  { HINDI, "पट्टा", "patta-municipal" },
  { LATIN, "post matric chhatravritti", "post-matric-scholarship" },
  { HINDI, "उत्तर मैट्रिक छात्रवृत्ति", "post-matric-scholarship" },
  { HINDI, "अल्पसंख्यक छात्रवृत्ति", "minority-scholarship" },
  { ENGLISH, "learner licence", "learner-licence" },
  { ENGLISH, "mobile recharge", "mobile-recharge" },
  { MISSPELT, "pensoin", "old-age-pension" },
  { MISSPELT, "domicle", "domicile-certificate" },
  { MISSPELT, "electrcity bill", "electricity-bill-jvvnl" },
  { MISSPELT, "jamabndi", "jamabandi-copy" },
  { MISSPELT, "castr certificate", "caste-certificate-sc-st" },
  { MISSPELT, "scholarhsip post matric", "post-matric-scholarship" },
  { MISSPELT, "jaati parman patra", "caste-certificate-sc-st" },
  { PARTIAL, "jati pr", "caste-certificate-sc-st" },
  { PARTIAL, "mool ni", "domicile-certificate" },
  { PARTIAL, "bijli b", "electricity-bill-jvvnl" },
  { PARTIAL, "domic", "domicile-certificate" },
  { PARTIAL, "जाति प्र", "caste-certificate-sc-st" },
  { PARTIAL, "ration c", "ration-card-new" },
  { DEPARTMENT, "jvvnl", "electricity-bill-jvvnl" },
  { DEPARTMENT, "jaipur vidyut vitran", "electricity-bill-jvvnl" },
  { DEPARTMENT, "जलदाय विभाग", "water-bill-phed" },
  { DEPARTMENT, "social justice", "palanhar-yojana" },
  { DEPARTMENT, "परिवहन", "learner-licence" },
  { DEPARTMENT, "revenue", "income-certificate" },
  { DEPARTMENT, "राजस्व", "income-certificate" },
};

static void
test_search_quality (void)
{
  static const char *kind_names[] = { "Hindi", "Latin", "English", "misspelt", "partial", "department" };
  guint failures = 0, per_kind[G_N_ELEMENTS (kind_names)] = { 0 };

  g_assert_cmpuint (G_N_ELEMENTS (quality), >=, 40);

  for (guint i = 0; i < G_N_ELEMENTS (quality); i++)
    {
      g_autoptr(GPtrArray) results = emitra_search_query (search, quality[i].query, NULL, NULL);
      gboolean found = FALSE;

      g_assert_nonnull (emitra_catalog_lookup_service (bundled, quality[i].service));
      per_kind[quality[i].kind]++;
      for (guint r = 0; r < MIN (results->len, 3); r++)
        found |= g_str_equal (emitra_service_get_id (results->pdata[r]), quality[i].service);
      for (guint r = 0; quality[i].kind == DEPARTMENT && r < MIN (results->len, 3); r++)
        found &= g_str_equal (emitra_service_get_department_id (results->pdata[r]),
                              emitra_service_get_department_id (emitra_catalog_lookup_service (bundled, quality[i].service)));

      if (!found)
        {
          failures++;
          g_test_message ("%s query “%s”: %s not in the top 3 (first: %s)", kind_names[quality[i].kind],
                          quality[i].query, quality[i].service,
                          results->len > 0 ? emitra_service_get_id (results->pdata[0]) : "nothing");
        }
    }

  /* Every kind of query is in the table. */
  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    g_assert_cmpuint (per_kind[k], >=, 4);
  g_assert_cmpuint (failures, ==, 0);
}

/* Typing "jati praman patra" letter by letter: from the third letter on,
 * the caste certificate stays in sight. */
static void
test_search_while_typing (void)
{
  const char *query = "jati praman patra";

  for (gsize length = 3; length <= strlen (query); length++)
    {
      g_autofree char *typed = g_strndup (query, length);
      g_autoptr(GPtrArray) results = emitra_search_query (search, typed, NULL, NULL);
      gboolean found = FALSE;

      for (guint r = 0; r < MIN (results->len, 5); r++)
        found |= g_str_has_prefix (emitra_service_get_id (results->pdata[r]), "caste-certificate");
      if (!found)
        g_error ("“%s” lost the caste certificate", typed);
    }
}

/* Exact word matches come before prefixes, prefixes before typos. */
static void
test_search_ranking_tiers (void)
{
  static const char *queries[] = { "jati", "pension", "bil", "card", "praman", "bijli" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) matches = NULL;
      g_autoptr(GPtrArray) results = emitra_search_query (search, queries[i], NULL, &matches);

      g_assert_cmpuint (results->len, ==, matches->len);
      g_assert_cmpuint (results->len, >, 0);
      g_assert_cmpint (g_array_index (matches, guint8, 0), ==, EMITRA_SEARCH_MATCH_EXACT);
      for (guint r = 1; r < matches->len; r++)
        g_assert_cmpint (g_array_index (matches, guint8, r), <=, g_array_index (matches, guint8, r - 1));
    }
}

/* One typo is forgiven in words of four letters or more, not in shorter
 * ones, where it would match nearly anything. */
static void
test_search_typos (void)
{
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GPtrArray) swapped = emitra_search_query (search, "jtai", NULL, &matches);
  g_autoptr(GPtrArray) short_typo = emitra_search_query (search, "jta", NULL, NULL);
  g_autoptr(GPtrArray) two_typos = emitra_search_query (search, "jtao", NULL, NULL);

  g_assert_cmpuint (swapped->len, >, 0);
  g_assert_true (g_str_has_prefix (emitra_service_get_id (swapped->pdata[0]), "caste-certificate"));
  g_assert_cmpint (g_array_index (matches, guint8, 0), ==, EMITRA_SEARCH_MATCH_FUZZY);

  for (guint r = 0; r < short_typo->len; r++)
    g_assert_false (g_str_has_prefix (emitra_service_get_id (short_typo->pdata[r]), "caste-certificate"));
  for (guint r = 0; r < two_typos->len; r++)
    g_assert_false (g_str_has_prefix (emitra_service_get_id (two_typos->pdata[r]), "caste-certificate"));
}

/* Equal matches go to the service this centre uses most. */
static void
test_search_usage_breaks_ties (void)
{
  g_autoptr(EmitraSearch) local = emitra_search_new (bundled);
  g_autoptr(GHashTable) usage = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) before = emitra_search_query (local, "bijli bill", NULL, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) exact_first = NULL;

  g_assert_cmpstr (emitra_service_get_id (before->pdata[0]), !=, "electricity-bill-jdvvnl");

  g_hash_table_insert (usage, "electricity-bill-jdvvnl", GUINT_TO_POINTER (40));
  g_hash_table_insert (usage, "electricity-bill-avvnl", GUINT_TO_POINTER (10));
  emitra_search_set_usage (local, usage);
  after = emitra_search_query (local, "bijli bill", NULL, NULL);
  g_assert_cmpstr (emitra_service_get_id (after->pdata[0]), ==, "electricity-bill-jdvvnl");
  g_assert_cmpstr (emitra_service_get_id (after->pdata[1]), ==, "electricity-bill-avvnl");
  g_assert_cmpuint (emitra_search_get_usage (local, after->pdata[0]), ==, 40);

  /* Usage orders equals; it never lifts a typo above an exact match. */
  g_hash_table_insert (usage, "jamabandi-copy", GUINT_TO_POINTER (1000));
  emitra_search_set_usage (local, usage);
  exact_first = emitra_search_query (local, "jati", NULL, NULL);
  g_assert_cmpstr (emitra_service_get_id (exact_first->pdata[0]), !=, "jamabandi-copy");

  emitra_search_add_use (local, "electricity-bill-avvnl");
  g_assert_cmpuint (emitra_search_get_usage (local, emitra_catalog_lookup_service (bundled, "electricity-bill-avvnl")), ==, 11);
}

static void
test_search_department_filter (void)
{
  g_autoptr(GPtrArray) all = emitra_search_query (search, "bill", NULL, NULL);
  g_autoptr(GPtrArray) phed = emitra_search_query (search, "bill", "phed", NULL);

  g_assert_cmpuint (phed->len, >, 0);
  g_assert_cmpuint (phed->len, <, all->len);
  for (guint r = 0; r < phed->len; r++)
    g_assert_cmpstr (emitra_service_get_department_id (phed->pdata[r]), ==, "phed");
}

/* A word no service has does not hide the ones that match the rest; a
 * query that matches nothing returns nothing. */
static void
test_search_partial_and_nothing (void)
{
  g_autoptr(GPtrArray) extra_word = emitra_search_query (search, "caste certificate xyzzy", NULL, NULL);
  g_autoptr(GPtrArray) stopword = emitra_search_query (search, "certificate of caste", NULL, NULL);
  g_autoptr(GPtrArray) nothing = emitra_search_query (search, "blorft xyzzy", NULL, NULL);
  g_autoptr(GPtrArray) empty = emitra_search_query (search, " - ", NULL, NULL);

  g_assert_cmpuint (extra_word->len, >, 0);
  g_assert_true (g_str_has_prefix (emitra_service_get_id (extra_word->pdata[0]), "caste-certificate"));
  g_assert_cmpuint (stopword->len, >, 0);
  g_assert_true (g_str_has_prefix (emitra_service_get_id (stopword->pdata[0]), "caste-certificate"));
  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  bundled = catalog_test_load_bundled ();
  search = emitra_search_new (bundled);

  g_test_add_func ("/search/quality", test_search_quality);
  g_test_add_func ("/search/while-typing", test_search_while_typing);
  g_test_add_func ("/search/ranking-tiers", test_search_ranking_tiers);
  g_test_add_func ("/search/typos", test_search_typos);
  g_test_add_func ("/search/usage-breaks-ties", test_search_usage_breaks_ties);
  g_test_add_func ("/search/department-filter", test_search_department_filter);
  g_test_add_func ("/search/partial-and-nothing", test_search_partial_and_nothing);

  status = g_test_run ();
  g_clear_object (&search);
  g_clear_object (&bundled);
  return status;
}
