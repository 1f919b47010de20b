/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the catalog lives between runs. The desk starts from the catalog
 * it last fetched from the gateway (cached in catalog.db), or, on a first
 * start or when the cache is unusable, from the one bundled in data/. A
 * newer catalog from the gateway is checked completely before it replaces
 * the current one, and then replaces it in one transaction: a refused or
 * interrupted refresh leaves the old catalog in use and in the cache.
 *
 * catalog.db is a disposable cache of its own, not a table of desk.db:
 * its multi-megabyte writes must never hold up a receipt being saved, and
 * if it is damaged it is simply deleted and fetched again.
 *
 * The store also keeps the search index of the current catalog and the
 * centre's usage figures that rank it.
 */
#include "config.h"

#include "emitra-catalog-store.h"
#include "emitra-catalog-store-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "emitra-database.h"

struct _EmitraCatalogStore
{
  GObject              parent_instance;

  char                *cache_path;
  char                *bundled_dir;
  EmitraDatabase      *database;
  gboolean             database_tried;

  EmitraCatalog       *catalog;
  EmitraSearch        *search;
  EmitraCatalogSource  source;
  char                *etag;
  GHashTable          *usage;
};

G_DEFINE_FINAL_TYPE (EmitraCatalogStore, emitra_catalog_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EmitraMigration catalog_migrations[] = {
  {
    "the cached catalog document",
    /* One row: the merged document exactly as the gateway sent it, with
     * the ETag to send back as If-None-Match. */
    "CREATE TABLE catalog ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  version TEXT NOT NULL,"
    "  etag TEXT,"
    "  document BLOB NOT NULL,"
    "  stored_at INTEGER NOT NULL"
    ");"
  },
};

char *
emitra_catalog_store_default_path (void)
{
  g_autofree char *dir = emitra_database_default_dir ();

  return g_build_filename (dir, "catalog.db", NULL);
}

/* $EMITRA_CATALOG_DIR when set (tests, benchmarks); the source tree's
 * data/catalog when it is there (an uninstalled run); else the installed
 * copy. */
char *
emitra_catalog_store_default_bundled_dir (void)
{
  const char *override = g_getenv ("EMITRA_CATALOG_DIR");
  g_autofree char *source_dir = g_build_filename (SOURCE_DATADIR, "catalog", NULL);
  g_autofree char *source_file = g_build_filename (source_dir, "catalog.json", NULL);

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);
  if (g_file_test (source_file, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&source_dir);
  return g_build_filename (PKGDATADIR, "catalog", NULL);
}

/* @cache_path and @bundled_dir may be NULL for the defaults. */
EmitraCatalogStore *
emitra_catalog_store_new (const char *cache_path,
                          const char *bundled_dir)
{
  EmitraCatalogStore *self = g_object_new (EMITRA_TYPE_CATALOG_STORE, NULL);

  self->cache_path = cache_path != NULL ? g_strdup (cache_path) : emitra_catalog_store_default_path ();
  self->bundled_dir = bundled_dir != NULL ? g_strdup (bundled_dir) : emitra_catalog_store_default_bundled_dir ();

  return self;
}

static void
delete_cache_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* The cache is optional: without it the desk works from the bundled
 * catalog and whatever it fetches this session. */
EmitraDatabase *
_emitra_catalog_store_get_database (EmitraCatalogStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->database_tried)
    return self->database;
  self->database_tried = TRUE;

  self->database = emitra_database_open (self->cache_path, catalog_migrations,
                                         G_N_ELEMENTS (catalog_migrations),
                                         EMITRA_DATABASE_FLAGS_NONE, &error);
  if (self->database == NULL &&
      (g_error_matches (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_CORRUPT) ||
       g_error_matches (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_TOO_NEW)))
    {
      g_message ("The catalog cache %s is unusable and is started afresh: %s", self->cache_path, error->message);
      g_clear_error (&error);
      delete_cache_files (self->cache_path);
      self->database = emitra_database_open (self->cache_path, catalog_migrations,
                                             G_N_ELEMENTS (catalog_migrations),
                                             EMITRA_DATABASE_FLAGS_NONE, &error);
    }
  if (self->database == NULL)
    g_warning ("The catalog cache %s cannot be used: %s", self->cache_path, error->message);

  return self->database;
}

static EmitraCatalog *
load_cached (EmitraCatalogStore  *self,
             char               **out_etag)
{
  EmitraDatabase *database = _emitra_catalog_store_get_database (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) document = NULL;
  EmitraCatalog *catalog;
  sqlite3_stmt *stmt;

  if (database == NULL)
    return NULL;

  stmt = emitra_database_prepare (database, "SELECT etag, document FROM catalog WHERE id = 1", &error);
  if (stmt == NULL)
    {
      g_warning ("The catalog cache cannot be read: %s", error->message);
      return NULL;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *etag = (const char *) sqlite3_column_text (stmt, 0);

      *out_etag = g_strdup (etag);
      document = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
    }
  sqlite3_finalize (stmt);

  if (document == NULL)
    return NULL;

  /* A cache written by an older desk may fail a newer desk's checks; the
   * bundled catalog then serves until the next refresh. */
  catalog = emitra_catalog_new_from_bytes (document, &error);
  if (catalog == NULL)
    {
      g_message ("The cached catalog is not used: %s", error->message);
      g_clear_pointer (out_etag, g_free);
    }

  return catalog;
}

static EmitraCatalog *
load_bundled (EmitraCatalogStore  *self,
              GError             **error)
{
  g_autofree char *catalog_path = g_build_filename (self->bundled_dir, "catalog.json", NULL);
  g_autofree char *masters_path = g_build_filename (self->bundled_dir, "masters.json", NULL);

  if (!g_file_test (catalog_path, G_FILE_TEST_IS_REGULAR) || !g_file_test (masters_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_NOT_FOUND,
                   _("No service catalog is available: none has been downloaded yet and none is installed in %s."),
                   self->bundled_dir);
      return NULL;
    }

  return emitra_catalog_new_from_files (catalog_path, masters_path, error);
}

void
_emitra_catalog_store_set_catalog (EmitraCatalogStore  *self,
                                   EmitraCatalog       *catalog,
                                   EmitraSearch        *search,
                                   EmitraCatalogSource  source,
                                   const char          *etag)
{
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->search, search);
  self->source = source;
  g_free (self->etag);
  self->etag = g_strdup (etag);
  if (self->search != NULL)
    emitra_search_set_usage (self->search, self->usage);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/* The bundled catalog's version without parsing the whole file, when it
 * is the document's first member, as in the files we ship; NULL otherwise. */
static char *
peek_bundled_version (EmitraCatalogStore *self)
{
  g_autofree char *path = g_build_filename (self->bundled_dir, "catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[512] = { 0 };
  const char *p = head, *start;
  gsize length = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &length, NULL, NULL))
    return NULL;

#define SKIP_SPACE() while (g_ascii_isspace (*p)) p++
  SKIP_SPACE ();
  if (*p++ != '{')
    return NULL;
  SKIP_SPACE ();
  if (!g_str_has_prefix (p, "\"version\""))
    return NULL;
  p += strlen ("\"version\"");
  SKIP_SPACE ();
  if (*p++ != ':')
    return NULL;
  SKIP_SPACE ();
  if (*p++ != '"')
    return NULL;
#undef SKIP_SPACE
  start = p;
  while (*p != '\0' && *p != '"' && *p != '\\')
    p++;

  return *p == '"' ? g_strndup (start, (gsize) (p - start)) : NULL;
}

typedef struct
{
  EmitraCatalog       *catalog;
  EmitraSearch        *search;
  EmitraCatalogSource  source;
  char                *etag;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->catalog);
  g_clear_object (&loaded->search);
  g_free (loaded->etag);
  g_free (loaded);
}

/* The cached catalog, or the bundled one when there is no usable cache or
 * the bundled one is newer (the desk was updated since). Touches nothing
 * of @self but the cache's connection, so it may run on another thread. */
static Loaded *
load_now (EmitraCatalogStore  *self,
          GError             **error)
{
  g_autoptr(EmitraCatalog) cached = NULL;
  g_autoptr(EmitraCatalog) bundled = NULL;
  g_autoptr(GError) bundled_error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *bundled_version = NULL;
  Loaded *loaded;

  /* Parsing a catalog is most of the start-up time: the bundled one is
   * only parsed when it is needed. */
  cached = load_cached (self, &etag);
  if (cached != NULL)
    bundled_version = peek_bundled_version (self);
  if (cached == NULL || bundled_version == NULL ||
      emitra_catalog_compare_versions (emitra_catalog_get_version (cached), bundled_version) < 0)
    bundled = load_bundled (self, &bundled_error);

  loaded = g_new0 (Loaded, 1);
  if (cached != NULL &&
      (bundled == NULL ||
       emitra_catalog_compare_versions (emitra_catalog_get_version (cached),
                                        emitra_catalog_get_version (bundled)) >= 0))
    {
      loaded->catalog = g_steal_pointer (&cached);
      loaded->source = EMITRA_CATALOG_SOURCE_CACHED;
      loaded->etag = g_steal_pointer (&etag);
    }
  else if (bundled != NULL)
    {
      loaded->catalog = g_steal_pointer (&bundled);
      loaded->source = EMITRA_CATALOG_SOURCE_BUNDLED;
    }
  else
    {
      g_free (loaded);
      g_propagate_error (error, g_steal_pointer (&bundled_error));
      return NULL;
    }

  loaded->search = emitra_search_new (loaded->catalog);
  return loaded;
}

/* Loads the cached catalog, or the bundled one (see load_now()). Fails
 * only when neither is there. */
gboolean
emitra_catalog_store_load (EmitraCatalogStore  *self,
                           GError             **error)
{
  Loaded *loaded;

  g_return_val_if_fail (EMITRA_IS_CATALOG_STORE (self), FALSE);

  _emitra_catalog_store_get_database (self);
  loaded = load_now (self, error);
  if (loaded == NULL)
    return FALSE;

  _emitra_catalog_store_set_catalog (self, loaded->catalog, loaded->search, loaded->source, loaded->etag);
  loaded_free (loaded);
  return TRUE;
}

static void
load_in_thread_cb (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  Loaded *loaded = load_now (source_object, &error);

  if (loaded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, loaded, loaded_free);
}

/* emitra_catalog_store_load() with the reading and parsing on another
 * thread, so the window can be drawn meanwhile. */
void
emitra_catalog_store_load_async (EmitraCatalogStore  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EMITRA_IS_CATALOG_STORE (self));

  /* Opened here, so the thread only reads through the connection. */
  _emitra_catalog_store_get_database (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_catalog_store_load_async);
  g_task_run_in_thread (task, load_in_thread_cb);
}

gboolean
emitra_catalog_store_load_finish (EmitraCatalogStore  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  Loaded *loaded;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;

  /* A refresh that finished first is newer than what was on disk. */
  if (self->catalog == NULL)
    _emitra_catalog_store_set_catalog (self, loaded->catalog, loaded->search, loaded->source, loaded->etag);
  loaded_free (loaded);
  return TRUE;
}

EmitraCatalog *
emitra_catalog_store_get_catalog (EmitraCatalogStore *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_STORE (self), NULL);

  return self->catalog;
}

/* The search index of the current catalog, ranked with the usage figures. */
EmitraSearch *
emitra_catalog_store_get_search (EmitraCatalogStore *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_STORE (self), NULL);

  return self->search;
}

EmitraCatalogSource
emitra_catalog_store_get_source (EmitraCatalogStore *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_STORE (self), EMITRA_CATALOG_SOURCE_NONE);

  return self->source;
}

/* The ETag of the catalog in use, for If-None-Match; NULL when the catalog
 * in use did not come from the gateway, so the next refresh fetches it. */
const char *
emitra_catalog_store_get_etag (EmitraCatalogStore *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_STORE (self), NULL);

  return self->source == EMITRA_CATALOG_SOURCE_CACHED ? self->etag : NULL;
}

/* @weights: service ID -> GUINT_TO_POINTER (weight); see emitra_search_set_usage(). */
void
emitra_catalog_store_set_usage (EmitraCatalogStore *self,
                                GHashTable         *weights)
{
  g_return_if_fail (EMITRA_IS_CATALOG_STORE (self));

  if (weights != NULL)
    g_hash_table_ref (weights);
  g_clear_pointer (&self->usage, g_hash_table_unref);
  self->usage = weights;
  if (self->search != NULL)
    emitra_search_set_usage (self->search, self->usage);
}

static void
emitra_catalog_store_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EmitraCatalogStore *self = EMITRA_CATALOG_STORE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_catalog_store_finalize (GObject *object)
{
  EmitraCatalogStore *self = EMITRA_CATALOG_STORE (object);

  g_clear_object (&self->database);
  g_clear_object (&self->catalog);
  g_clear_object (&self->search);
  g_clear_pointer (&self->usage, g_hash_table_unref);
  g_free (self->etag);
  g_free (self->cache_path);
  g_free (self->bundled_dir);

  G_OBJECT_CLASS (emitra_catalog_store_parent_class)->finalize (object);
}

static void
emitra_catalog_store_class_init (EmitraCatalogStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_catalog_store_get_property;
  object_class->finalize = emitra_catalog_store_finalize;

  /* Notified whenever a new catalog replaces the one in use. */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, EMITRA_TYPE_CATALOG,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_catalog_store_init (EmitraCatalogStore *self)
{
}
