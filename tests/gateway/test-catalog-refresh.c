/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog refresh against a live emitra-sandbox: the first refresh
 * stores the gateway's catalog with its ETag, the next costs a "not
 * modified", and a broken catalog from the gateway (incomplete, or a
 * malformed reply) is refused while the one in use stays, in memory and
 * in the cache.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "client-sync.h"
#include "emitra-catalog-store.h"

typedef struct
{
  char *dir;
  char *cache_path;
  char *bundled_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("catalog-refresh-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->cache_path = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->bundled_dir = g_build_filename (g_getenv ("EMITRA_SOURCE_ROOT"), "data", "catalog", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->cache_path);
  g_free (fixture->bundled_dir);
}

static EmitraCatalogStore *
loaded_store (Fixture *fixture)
{
  g_autoptr(EmitraCatalogStore) store = emitra_catalog_store_new (fixture->cache_path, fixture->bundled_dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (emitra_catalog_store_load (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static gboolean
sync_refresh (EmitraCatalogStore   *store,
              EmitraGatewayClient  *client,
              gboolean             *out_updated,
              GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  emitra_catalog_store_refresh_async (store, client, NULL, store_result_cb, &result);
  wait_for_result (&result);
  return emitra_catalog_store_refresh_finish (store, result, out_updated, error);
}

static char *
gateway_etag (EmitraGatewayClient *client)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *etag = NULL;

  g_assert_true (sync_fetch_catalog (client, NULL, &bytes, &etag, &error));
  g_assert_no_error (error);
  return etag;
}

static void
test_refresh_stores_and_revalidates (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  SandboxFixture *sandbox = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = test_client_new (sandbox);
  g_autoptr(EmitraCatalogStore) store = loaded_store (fixture);
  g_autoptr(EmitraCatalogStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = gateway_etag (client);
  EmitraCatalog *before;
  gboolean updated = FALSE;

  /* First start: the bundled catalog, which has no tag to revalidate. */
  g_assert_cmpint (emitra_catalog_store_get_source (store), ==, EMITRA_CATALOG_SOURCE_BUNDLED);
  g_assert_null (emitra_catalog_store_get_etag (store));

  g_assert_true (sync_refresh (store, client, &updated, &error));
  g_assert_no_error (error);
  g_assert_true (updated);
  g_assert_cmpint (emitra_catalog_store_get_source (store), ==, EMITRA_CATALOG_SOURCE_CACHED);
  g_assert_cmpstr (emitra_catalog_store_get_etag (store), ==, etag);
  g_assert_cmpuint (g_list_model_get_n_items (emitra_catalog_get_services (emitra_catalog_store_get_catalog (store))),
                    >, 10);

  /* Unchanged: a "not modified", and the catalog object stays as it is. */
  before = emitra_catalog_store_get_catalog (store);
  g_assert_true (sync_refresh (store, client, &updated, &error));
  g_assert_no_error (error);
  g_assert_false (updated);
  g_assert_true (emitra_catalog_store_get_catalog (store) == before);

  /* The next start finds it in the cache, with its tag. */
  again = loaded_store (fixture);
  g_assert_cmpint (emitra_catalog_store_get_source (again), ==, EMITRA_CATALOG_SOURCE_CACHED);
  g_assert_cmpstr (emitra_catalog_store_get_etag (again), ==, etag);
  g_assert_cmpstr (emitra_catalog_get_version (emitra_catalog_store_get_catalog (again)), ==,
                   emitra_catalog_get_version (before));

  g_clear_object (&client);
  sandbox_stop (sandbox);
}

/* A catalog directory whose first service names a department that does
 * not exist: the sandbox serves it as it is; the desk must not take it. */
static char *
write_broken_catalog_dir (Fixture *fixture)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "broken", NULL);
  g_autofree char *catalog_path = g_build_filename (fixture->bundled_dir, "catalog.json", NULL);
  g_autofree char *masters_path = g_build_filename (fixture->bundled_dir, "masters.json", NULL);
  g_autofree char *out_catalog = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *out_masters = g_build_filename (dir, "masters.json", NULL);
  g_autofree char *masters = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *services;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  json_parser_load_from_file (parser, catalog_path, &error);
  g_assert_no_error (error);
  services = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "services");
  json_object_set_string_member (json_array_get_object_element (services, 0), "department", "no-such-department");
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  g_assert_true (g_file_set_contents (out_catalog, text, -1, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (masters_path, &masters, NULL, &error));
  g_assert_true (g_file_set_contents (out_masters, masters, -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&dir);
}

static void
test_refresh_refuses_broken (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *broken_dir = write_broken_catalog_dir (fixture);
  g_autofree char *catalog_dir_arg = g_strconcat ("--catalog-dir=", broken_dir, NULL);
  const char *broken_args[] = { catalog_dir_arg, NULL };
  const char *malformed_args[] = { "--malformed-rate=1", "--fault-path=/v1/catalog", NULL };
  SandboxFixture *good = sandbox_start (NULL);
  g_autoptr(EmitraGatewayClient) client = test_client_new (good);
  g_autoptr(EmitraCatalogStore) store = loaded_store (fixture);
  g_autoptr(EmitraCatalogStore) again = NULL;
  g_autoptr(EmitraCatalogStore) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.db", NULL);
  EmitraCatalog *before;
  EmitraCatalog *fresh_before;
  SandboxFixture *sandbox;
  gboolean updated = TRUE;

  g_assert_true (sync_refresh (store, client, &updated, &error));
  g_assert_no_error (error);
  etag = g_strdup (emitra_catalog_store_get_etag (store));
  before = emitra_catalog_store_get_catalog (store);
  g_clear_object (&client);
  sandbox_stop (good);

  fresh = emitra_catalog_store_new (fresh_path, fixture->bundled_dir);
  g_assert_true (emitra_catalog_store_load (fresh, &error));
  g_assert_no_error (error);
  fresh_before = emitra_catalog_store_get_catalog (fresh);

  /* An incomplete catalog: refused, with a message the operator can read. */
  sandbox = sandbox_start (broken_args);
  client = test_client_new (sandbox);
  g_assert_false (sync_refresh (store, client, &updated, &error));
  g_assert_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "no-such-department"));
  g_assert_false (updated);
  g_clear_error (&error);
  g_assert_true (emitra_catalog_store_get_catalog (store) == before);
  g_assert_cmpstr (emitra_catalog_store_get_etag (store), ==, etag);
  g_clear_object (&client);
  sandbox_stop (sandbox);

  /* A reply that is not a catalog at all (to a store with no tag, or the
   * reply would be a bodiless "not modified"). */
  sandbox = sandbox_start (malformed_args);
  client = test_client_new (sandbox);
  g_assert_false (sync_refresh (fresh, client, &updated, &error));
  g_assert_nonnull (error);
  g_assert_false (updated);
  g_clear_error (&error);
  g_assert_true (emitra_catalog_store_get_catalog (fresh) == fresh_before);
  g_assert_cmpint (emitra_catalog_store_get_source (fresh), ==, EMITRA_CATALOG_SOURCE_BUNDLED);
  g_clear_object (&client);
  sandbox_stop (sandbox);

  /* The cache still holds the good one. */
  again = loaded_store (fixture);
  g_assert_cmpint (emitra_catalog_store_get_source (again), ==, EMITRA_CATALOG_SOURCE_CACHED);
  g_assert_cmpstr (emitra_catalog_store_get_etag (again), ==, etag);
  g_assert_cmpuint (g_list_model_get_n_items (emitra_catalog_get_services (emitra_catalog_store_get_catalog (again))),
                    ==, g_list_model_get_n_items (emitra_catalog_get_services (before)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/gateway/catalog-refresh/stores-and-revalidates", Fixture, NULL,
              fixture_set_up, test_refresh_stores_and_revalidates, fixture_tear_down);
  g_test_add ("/gateway/catalog-refresh/refuses-broken", Fixture, NULL,
              fixture_set_up, test_refresh_refuses_broken, fixture_tear_down);

  return g_test_run ();
}
