/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "emitra-catalog-store.h"
#include "catalog-test-util.h"

typedef struct
{
  char *cache_path;
  char *bundled_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->cache_path = g_build_filename (g_get_user_data_dir (), "emitra-desk", "catalog.db", NULL);
  fixture->bundled_dir = g_build_filename (g_get_user_data_dir (), "bundled", NULL);
  catalog_test_write_bundled (fixture->bundled_dir, "2026.1.1");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->cache_path);
  g_free (fixture->bundled_dir);
}

static EmitraCatalogStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  EmitraCatalogStore *store = emitra_catalog_store_new (fixture->cache_path, fixture->bundled_dir);

  g_assert_true (emitra_catalog_store_load (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* First start, offline: the bundled catalog, and no ETag to offer. */
static void
test_store_first_start_uses_bundled (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(EmitraCatalogStore) store = open_store (fixture);
  g_autoptr(GPtrArray) results = NULL;

  g_assert_cmpint (emitra_catalog_store_get_source (store), ==, EMITRA_CATALOG_SOURCE_BUNDLED);
  g_assert_cmpstr (emitra_catalog_get_version (emitra_catalog_store_get_catalog (store)), ==, "2026.1.1");
  g_assert_null (emitra_catalog_store_get_etag (store));

  /* The search index comes with it. */
  results = emitra_search_query (emitra_catalog_store_get_search (store), "jati", NULL, NULL);
  g_assert_cmpuint (results->len, >, 0);
  g_assert_cmpstr (emitra_service_get_id (results->pdata[0]), ==, "caste-certificate");
}

/* A new catalog from the gateway replaces the old one, is cached with its
 * ETag, and is what the next (offline) start uses. */
static void
test_store_replace_and_restart (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(EmitraCatalogStore) store = open_store (fixture);
  g_autoptr(EmitraCatalogStore) restarted = NULL;
  g_autoptr(GBytes) newer = catalog_test_small_bytes ("2026.2.1");
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  guint notified = 0;

  g_signal_connect (store, "notify::catalog", G_CALLBACK (count_notify_cb), &notified);
  g_assert_true (emitra_catalog_store_replace (store, newer, "\"v2\"", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (emitra_catalog_get_version (emitra_catalog_store_get_catalog (store)), ==, "2026.2.1");
  g_assert_cmpint (emitra_catalog_store_get_source (store), ==, EMITRA_CATALOG_SOURCE_CACHED);
  g_assert_cmpstr (emitra_catalog_store_get_etag (store), ==, "\"v2\"");

  /* The cache is the desk's own file, private to the user. */
  g_assert_cmpint (g_stat (fixture->cache_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  restarted = open_store (fixture);
  g_assert_cmpint (emitra_catalog_store_get_source (restarted), ==, EMITRA_CATALOG_SOURCE_CACHED);
  g_assert_cmpstr (emitra_catalog_get_version (emitra_catalog_store_get_catalog (restarted)), ==, "2026.2.1");
  g_assert_cmpstr (emitra_catalog_store_get_etag (restarted), ==, "\"v2\"");
}

/* A corrupt, truncated or incomplete catalog from the gateway is refused
 * with a clear message; the catalog in use and the cache stay as they were. */
static void
test_store_refuses_bad_replacement (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(EmitraCatalogStore) store = open_store (fixture);
  g_autoptr(EmitraCatalogStore) restarted = NULL;
  g_autoptr(GBytes) good = catalog_test_small_bytes ("2026.2.1");
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
  g_autoptr(JsonNode) incomplete_tree = catalog_test_small_tree ();
  g_autoptr(GBytes) incomplete = NULL;
  g_autoptr(GError) error = NULL;
  EmitraCatalog *before;
  JsonObject *service;
  guint notified = 0;

  g_assert_true (emitra_catalog_store_replace (store, good, "\"v2\"", &error));
  before = emitra_catalog_store_get_catalog (store);
  g_signal_connect (store, "notify::catalog", G_CALLBACK (count_notify_cb), &notified);

  g_assert_false (emitra_catalog_store_replace (store, truncated, "\"v3\"", &error));
  g_assert_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_CORRUPT);
  g_clear_error (&error);

  json_object_set_string_member (json_node_get_object (incomplete_tree), "version", "2026.3.1");
  service = json_array_get_object_element (json_object_get_array_member (json_node_get_object (incomplete_tree),
                                                                         "services"), 2);
  json_object_remove_member (service, "name_hi");
  incomplete = catalog_test_tree_bytes (incomplete_tree);
  g_assert_false (emitra_catalog_store_replace (store, incomplete, "\"v3\"", &error));
  g_assert_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "electricity-bill-jvvnl"));

  g_assert_cmpuint (notified, ==, 0);
  g_assert_true (emitra_catalog_store_get_catalog (store) == before);
  g_assert_cmpstr (emitra_catalog_store_get_etag (store), ==, "\"v2\"");

  restarted = open_store (fixture);
  g_assert_cmpstr (emitra_catalog_get_version (emitra_catalog_store_get_catalog (restarted)), ==, "2026.2.1");
  g_assert_cmpstr (emitra_catalog_store_get_etag (restarted), ==, "\"v2\"");
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Wait;

static void
on_replaced_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Wait *wait = user_data;

  emitra_catalog_store_replace_finish (EMITRA_CATALOG_STORE (source), result, &wait->error);
  wait->done = TRUE;
}

static GError *
replace_and_wait (EmitraCatalogStore *store,
                  GBytes             *document,
                  const char         *etag)
{
  Wait wait = { FALSE, NULL };

  emitra_catalog_store_replace_async (store, document, etag, NULL, on_replaced_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  return wait.error;
}

/* The refresh the app does in the background: checked and written off the
 * main thread, swapped in when done. */
static void
test_store_replace_async (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EmitraCatalogStore) store = open_store (fixture);
  g_autoptr(GBytes) newer = catalog_test_small_bytes ("2026.4.1");
  g_autoptr(GBytes) garbage = g_bytes_new_static ("<html>504</html>", 16);
  g_autoptr(GError) good_error = NULL;
  g_autoptr(GError) bad_error = NULL;

  good_error = replace_and_wait (store, newer, "W/\"v4\"");
  g_assert_no_error (good_error);
  g_assert_cmpstr (emitra_catalog_get_version (emitra_catalog_store_get_catalog (store)), ==, "2026.4.1");
  g_assert_cmpstr (emitra_catalog_store_get_etag (store), ==, "W/\"v4\"");

  bad_error = replace_and_wait (store, garbage, "W/\"v5\"");
  g_assert_error (bad_error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_CORRUPT);
  g_assert_cmpstr (emitra_catalog_get_version (emitra_catalog_store_get_catalog (store)), ==, "2026.4.1");
  g_assert_cmpstr (emitra_catalog_store_get_etag (store), ==, "W/\"v4\"");
}

/* An update of the desk may bring a newer bundled catalog than the cached
 * one: the newer wins, and its lack of an ETag makes the next refresh a
 * full one. */
static void
test_store_newer_bundled_wins (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EmitraCatalogStore) store = open_store (fixture);
  g_autoptr(EmitraCatalogStore) updated = NULL;
  g_autoptr(GBytes) cached = catalog_test_small_bytes ("2026.2.1");

  g_assert_true (emitra_catalog_store_replace (store, cached, "\"v2\"", NULL));
  catalog_test_write_bundled (fixture->bundled_dir, "2026.10.1");

  updated = open_store (fixture);
  g_assert_cmpint (emitra_catalog_store_get_source (updated), ==, EMITRA_CATALOG_SOURCE_BUNDLED);
  g_assert_cmpstr (emitra_catalog_get_version (emitra_catalog_store_get_catalog (updated)), ==, "2026.10.1");
  g_assert_null (emitra_catalog_store_get_etag (updated));
}

/* The cache is disposable: a damaged file is started afresh. */
static void
test_store_damaged_cache (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *junk = g_strnfill (16384, 'x');
  g_autofree char *cache_dir = g_path_get_dirname (fixture->cache_path);
  g_autoptr(EmitraCatalogStore) store = NULL;
  g_autoptr(EmitraCatalogStore) again = NULL;
  g_autoptr(GBytes) newer = catalog_test_small_bytes ("2026.2.1");

  g_assert_cmpint (g_mkdir_with_parents (cache_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->cache_path, junk, -1, NULL));

  store = open_store (fixture);
  g_assert_cmpint (emitra_catalog_store_get_source (store), ==, EMITRA_CATALOG_SOURCE_BUNDLED);
  g_assert_true (emitra_catalog_store_replace (store, newer, "\"v2\"", NULL));

  again = open_store (fixture);
  g_assert_cmpstr (emitra_catalog_store_get_etag (again), ==, "\"v2\"");
}

static void
test_store_nothing_at_all (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *empty_dir = g_build_filename (g_get_user_data_dir (), "empty", NULL);
  g_autoptr(EmitraCatalogStore) store = emitra_catalog_store_new (fixture->cache_path, empty_dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (emitra_catalog_store_load (store, &error));
  g_assert_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_NOT_FOUND);
  g_assert_null (emitra_catalog_store_get_catalog (store));
  g_assert_cmpint (emitra_catalog_store_get_source (store), ==, EMITRA_CATALOG_SOURCE_NONE);
}

/* Usage set on the store ranks the search of every later catalog too. */
static void
test_store_usage_follows_catalog (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(EmitraCatalogStore) store = open_store (fixture);
  g_autoptr(GHashTable) usage = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) newer = catalog_test_small_bytes ("2026.2.1");
  g_autoptr(GPtrArray) results = NULL;

  g_hash_table_insert (usage, "domicile-certificate", GUINT_TO_POINTER (5));
  emitra_catalog_store_set_usage (store, usage);
  g_assert_true (emitra_catalog_store_replace (store, newer, NULL, NULL));

  results = emitra_search_query (emitra_catalog_store_get_search (store), "praman patra", NULL, NULL);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpstr (emitra_service_get_id (results->pdata[0]), ==, "domicile-certificate");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/catalog-store/first-start-uses-bundled", test_store_first_start_uses_bundled);
  ADD ("/catalog-store/replace-and-restart", test_store_replace_and_restart);
  ADD ("/catalog-store/refuses-bad-replacement", test_store_refuses_bad_replacement);
  ADD ("/catalog-store/replace-async", test_store_replace_async);
  ADD ("/catalog-store/newer-bundled-wins", test_store_newer_bundled_wins);
  ADD ("/catalog-store/damaged-cache", test_store_damaged_cache);
  ADD ("/catalog-store/nothing-at-all", test_store_nothing_at_all);
  ADD ("/catalog-store/usage-follows-catalog", test_store_usage_follows_catalog);
#undef ADD

  return g_test_run ();
}
