/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog the desk's heartbeat brings, as the application wires it
 * (EmitraCatalogContext following an EmitraDesk), against live sandboxes.
 * Each step is a new start of the desk on the same data directory: the
 * gateway's copy of the bundled catalog replaces it quietly, a new version
 * is taken and announced, and a broken one is refused once, with the good
 * one kept in use and in the cache.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "emitra-catalog-context.h"
#include "sandbox-fixture.h"
#include "ui-test-util.h"

typedef struct
{
  SandboxFixture       *sandbox;
  EmitraDesk           *desk;
  EmitraCatalogContext *context;
  guint                 updated;
  guint                 refused;
  GError               *refusal;
} Start;

static char *
data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "heartbeat", name, NULL);
}

static void
on_updated_cb (EmitraCatalogContext *context,
               Start                *start)
{
  start->updated++;
}

static void
on_refused_cb (EmitraCatalogContext *context,
               const GError         *error,
               Start                *start)
{
  start->refused++;
  g_clear_error (&start->refusal);
  start->refusal = g_error_copy (error);
}

static void
spin_until (gboolean (*done) (Start *start),
            Start    *start)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (start))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The main loop for a while, for what must not happen. */
static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A start of the desk with a sandbox serving @catalog_dir (NULL: the
 * bundled catalog). */
static Start *
start_desk (const char *catalog_dir)
{
  g_autofree char *dir = data_path (NULL);
  g_autofree char *cache = data_path ("catalog.db");
  g_autofree char *desk_db = data_path ("desk.db");
  g_autofree char *bundled = g_build_filename (g_getenv ("EMITRA_SOURCE_ROOT"), "data", "catalog", NULL);
  g_autofree char *arg = catalog_dir != NULL ? g_strconcat ("--catalog-dir=", catalog_dir, NULL) : NULL;
  const char *args[] = { arg, NULL };
  g_autoptr(GError) error = NULL;
  Start *start = g_new0 (Start, 1);

  g_mkdir_with_parents (dir, 0700);
  start->sandbox = sandbox_start (args);
  start->desk = emitra_desk_new (dir, start->sandbox->base_uri, NULL, &error);
  g_assert_no_error (error);
  start->context = emitra_catalog_context_new (cache, bundled, desk_db);
  g_signal_connect (start->context, "updated", G_CALLBACK (on_updated_cb), start);
  g_signal_connect (start->context, "refused", G_CALLBACK (on_refused_cb), start);
  emitra_catalog_context_start_desk (start->context, start->desk);
  return start;
}

static void
stop_desk (Start *start)
{
  g_signal_handlers_disconnect_by_data (start->context, start);
  g_clear_object (&start->context);
  g_clear_object (&start->desk);
  /* The desk's database closes on its own thread. */
  spin_for (50);
  sandbox_stop (start->sandbox);
  g_clear_error (&start->refusal);
  g_free (start);
}

static EmitraCatalogStore *
store_of (Start *start)
{
  return emitra_catalog_context_get_store (start->context);
}

static const char *
version_of (Start *start)
{
  return emitra_catalog_get_version (emitra_catalog_context_get_catalog (start->context));
}

static gboolean
is_cached (Start *start)
{
  return !emitra_catalog_context_get_loading (start->context) &&
         emitra_catalog_store_get_source (store_of (start)) == EMITRA_CATALOG_SOURCE_CACHED;
}

static gboolean
was_updated (Start *start)
{
  return start->updated > 0;
}

static gboolean
was_refused (Start *start)
{
  return start->refused > 0;
}

/* A copy of the bundled catalog directory with catalog.json edited. */
static char *
write_catalog_dir (const char *name,
                   const char *version,
                   gboolean    broken)
{
  g_autofree char *dir = data_path (name);
  g_autofree char *bundled = g_build_filename (g_getenv ("EMITRA_SOURCE_ROOT"), "data", "catalog", NULL);
  g_autofree char *catalog_path = g_build_filename (bundled, "catalog.json", NULL);
  g_autofree char *masters_path = g_build_filename (bundled, "masters.json", NULL);
  g_autofree char *out_catalog = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *out_masters = g_build_filename (dir, "masters.json", NULL);
  g_autofree char *masters = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  json_parser_load_from_file (parser, catalog_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "version", version);
  if (broken)
    json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "services"), 0),
                                   "department", "no-such-department");
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  g_assert_true (g_file_set_contents (out_catalog, text, -1, &error));
  g_assert_true (g_file_get_contents (masters_path, &masters, NULL, &error));
  g_assert_true (g_file_set_contents (out_masters, masters, -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&dir);
}

static void
test_heartbeat_catalogs (void)
{
  g_autofree char *newer = write_catalog_dir ("newer", "2099.1.1", FALSE);
  g_autofree char *broken = write_catalog_dir ("broken", "2099.2.1", TRUE);
  g_autofree char *bundled_version = NULL;
  g_autofree char *etag = NULL;
  Start *start;

  /* First start: the bundled catalog, then the gateway's copy of it,
   * which is the same version, so nothing is announced. */
  start = start_desk (NULL);
  spin_until (is_cached, start);
  g_assert_nonnull (emitra_catalog_store_get_etag (store_of (start)));
  g_assert_cmpuint (start->updated, ==, 0);
  g_assert_cmpuint (start->refused, ==, 0);
  bundled_version = g_strdup (version_of (start));
  stop_desk (start);

  /* The gateway has a newer one: taken and announced. */
  start = start_desk (newer);
  spin_until (was_updated, start);
  g_assert_cmpstr (version_of (start), ==, "2099.1.1");
  g_assert_cmpuint (start->updated, ==, 1);
  etag = g_strdup (emitra_catalog_store_get_etag (store_of (start)));
  stop_desk (start);

  /* The gateway's is broken: refused, once, and the newer one stays. */
  start = start_desk (broken);
  spin_until (was_refused, start);
  g_assert_error (start->refusal, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE);
  g_assert_cmpstr (version_of (start), ==, "2099.1.1");
  g_assert_cmpstr (emitra_catalog_store_get_etag (store_of (start)), ==, etag);
  emitra_desk_check_now (start->desk);
  spin_for (500);
  g_assert_cmpuint (start->refused, ==, 1);
  g_assert_cmpuint (start->updated, ==, 0);
  stop_desk (start);

  /* And the cache still holds it. */
  start = start_desk (newer);
  spin_until (is_cached, start);
  g_assert_cmpstr (version_of (start), ==, "2099.1.1");
  g_assert_cmpstr (emitra_catalog_store_get_etag (store_of (start)), ==, etag);
  spin_for (300);
  g_assert_cmpuint (start->updated, ==, 0);
  stop_desk (start);
  g_assert_cmpstr (bundled_version, !=, "2099.1.1");
}

int
main (int   argc,
      char *argv[])
{
  /* Only the user's directories: the system's GSettings schemas (the
   * proxy settings the HTTP session reads) must stay. */
  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();

  g_test_add_func ("/ui/catalog-heartbeat/catalogs", test_heartbeat_catalogs);

  return g_test_run ();
}
