/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replacing the catalog with a new one from the gateway: the document is
 * checked whole, indexed, and written to the cache in one transaction
 * before it takes the old one's place; anything less leaves the old one
 * in use and in the cache. Also the refresh from the gateway, which asks
 * for the catalog with the cached one's ETag and replaces it when it
 * changed.
 */
#include "config.h"

#include "emitra-catalog-store.h"
#include "emitra-catalog-store-private.h"

typedef struct
{
  GBytes *document;
  char   *etag;
} ReplaceData;

typedef struct
{
  EmitraCatalog *catalog;
  EmitraSearch  *search;
  char          *etag;
} Replacement;

static void
replace_data_free (gpointer data)
{
  ReplaceData *replace = data;

  g_bytes_unref (replace->document);
  g_free (replace->etag);
  g_free (replace);
}

static void
replacement_free (gpointer data)
{
  Replacement *replacement = data;

  g_clear_object (&replacement->catalog);
  g_clear_object (&replacement->search);
  g_free (replacement->etag);
  g_free (replacement);
}

static gboolean
write_cache (sqlite3      *db,
             const char   *version,
             const char   *etag,
             GBytes       *document,
             GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gsize size;
  const void *data = g_bytes_get_data (document, &size);
  int rc;

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT OR REPLACE INTO catalog (id, version, etag, document, stored_at) "
                             "VALUES (1, ?, ?, ?, ?)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, version, -1, SQLITE_TRANSIENT);
      if (etag != NULL)
        sqlite3_bind_text (stmt, 2, etag, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob64 (stmt, 3, data, size, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      emitra_database_set_error (db, rc, error);
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Checks the whole document, builds its index, then stores it in one
 * transaction. Runs on the cache's own thread for the async call. @db
 * may be NULL when there is no cache. */
static gpointer
prepare_replacement (sqlite3   *db,
                     gpointer   job_data,
                     GError   **error)
{
  ReplaceData *replace = job_data;
  g_autoptr(EmitraCatalog) catalog = NULL;
  Replacement *replacement;

  catalog = emitra_catalog_new_from_bytes (replace->document, error);
  if (catalog == NULL)
    return NULL;

  if (db != NULL &&
      !write_cache (db, emitra_catalog_get_version (catalog), replace->etag, replace->document, error))
    return NULL;

  replacement = g_new0 (Replacement, 1);
  replacement->search = emitra_search_new (catalog);
  replacement->catalog = g_steal_pointer (&catalog);
  replacement->etag = g_strdup (replace->etag);
  return replacement;
}

static ReplaceData *
replace_data_new (GBytes     *document,
                  const char *etag)
{
  ReplaceData *replace = g_new0 (ReplaceData, 1);

  replace->document = g_bytes_ref (document);
  replace->etag = g_strdup (etag);
  return replace;
}

/* Replaces the catalog with @document, the merged catalog as the gateway
 * sent it with @etag. A document that is corrupt, truncated or incomplete
 * is refused with an EMITRA_CATALOG_ERROR, and the catalog in use stays,
 * in memory and in the cache. */
gboolean
emitra_catalog_store_replace (EmitraCatalogStore  *self,
                              GBytes              *document,
                              const char          *etag,
                              GError             **error)
{
  EmitraDatabase *database;
  ReplaceData *replace;
  Replacement *replacement;

  g_return_val_if_fail (EMITRA_IS_CATALOG_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  database = _emitra_catalog_store_get_database (self);
  replace = replace_data_new (document, etag);
  replacement = prepare_replacement (database != NULL ? emitra_database_get_handle (database) : NULL,
                                     replace, error);
  replace_data_free (replace);
  if (replacement == NULL)
    return FALSE;

  _emitra_catalog_store_set_catalog (self, replacement->catalog, replacement->search, EMITRA_CATALOG_SOURCE_CACHED,
               replacement->etag);
  replacement_free (replacement);
  return TRUE;
}

static void
replace_in_thread_cb (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  Replacement *replacement = prepare_replacement (NULL, task_data, &error);

  if (replacement == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, replacement, replacement_free);
}

static void
on_replacement_ready_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EmitraCatalogStore *self = g_task_get_source_object (task);
  GError *error = NULL;
  Replacement *replacement;

  if (EMITRA_IS_DATABASE (source))
    replacement = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);
  else
    replacement = g_task_propagate_pointer (G_TASK (result), &error);

  if (replacement == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _emitra_catalog_store_set_catalog (self, replacement->catalog, replacement->search, EMITRA_CATALOG_SOURCE_CACHED,
               replacement->etag);
  replacement_free (replacement);
  g_task_return_boolean (task, TRUE);
}

/* emitra_catalog_store_replace() with the checking, indexing and writing
 * done off the calling thread; the catalog is swapped when it finishes. */
void
emitra_catalog_store_replace_async (EmitraCatalogStore  *self,
                                    GBytes              *document,
                                    const char          *etag,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EmitraDatabase *database;

  g_return_if_fail (EMITRA_IS_CATALOG_STORE (self));
  g_return_if_fail (document != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_catalog_store_replace_async);

  database = _emitra_catalog_store_get_database (self);
  if (database != NULL)
    emitra_database_run_async (database, prepare_replacement, replace_data_new (document, etag),
                               replace_data_free, replacement_free, cancellable,
                               on_replacement_ready_cb, g_steal_pointer (&task));
  else
    {
      g_autoptr(GTask) thread_task = g_task_new (self, cancellable, on_replacement_ready_cb,
                                                 g_steal_pointer (&task));

      g_task_set_task_data (thread_task, replace_data_new (document, etag), replace_data_free);
      g_task_run_in_thread (thread_task, replace_in_thread_cb);
    }
}

gboolean
emitra_catalog_store_replace_finish (EmitraCatalogStore  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- refreshing from the gateway ----------------------------------------- */

static void
on_refresh_replaced_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!emitra_catalog_store_replace_finish (EMITRA_CATALOG_STORE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_refresh_fetched_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EmitraCatalogStore *self = g_task_get_source_object (task);
  g_autoptr(GBytes) document = NULL;
  g_autofree char *etag = NULL;
  GError *error = NULL;

  if (!emitra_gateway_client_fetch_catalog_finish (EMITRA_GATEWAY_CLIENT (source), result,
                                                   &document, &etag, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Not modified: the catalog in use is the gateway's. */
  if (document == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  emitra_catalog_store_replace_async (self, document, etag, g_task_get_cancellable (task),
                                      on_refresh_replaced_cb, g_object_ref (task));
}

/* Asks @client for the catalog, with the ETag of the cached one so that an
 * unchanged catalog costs one small reply, and replaces the catalog in use
 * when the gateway sent another (see emitra_catalog_store_replace()). The
 * catalog must have been loaded first. */
void
emitra_catalog_store_refresh_async (EmitraCatalogStore  *self,
                                    EmitraGatewayClient *client,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (EMITRA_IS_CATALOG_STORE (self));
  g_return_if_fail (EMITRA_IS_GATEWAY_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_catalog_store_refresh_async);
  emitra_gateway_client_fetch_catalog_async (client, emitra_catalog_store_get_etag (self), cancellable,
                                             on_refresh_fetched_cb, task);
}

/* *out_updated says whether the catalog was replaced. A document that
 * fails the checks gives an EMITRA_CATALOG_ERROR, a gateway that cannot be
 * reached an EMITRA_GATEWAY_ERROR; either way the catalog in use stays. */
gboolean
emitra_catalog_store_refresh_finish (EmitraCatalogStore  *self,
                                     GAsyncResult        *result,
                                     gboolean            *out_updated,
                                     GError             **error)
{
  GError *local_error = NULL;
  gboolean updated;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  updated = g_task_propagate_boolean (G_TASK (result), &local_error);
  if (out_updated != NULL)
    *out_updated = updated;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
