/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The centre's use of services, kept in desk.db's service_usage table, for
 * ranking search results and for the favourites and recently used services
 * at the top of the catalog. Reads and writes run on the database's
 * thread; the catalog page keeps its own copy in memory.
 */
#include "config.h"

#include "emitra-service-usage.h"

#include <math.h>

/* Use fades with a half-life of a month: a service used fifty times last
 * year ranks below one used ten times this week. */
#define HALF_LIFE_DAYS 30.0

void
emitra_service_usage_free (EmitraServiceUsage *usage)
{
  if (usage == NULL)
    return;

  g_free (usage->service_id);
  g_free (usage);
}

/* The usage figure search ranks by: the number of uses, halved for every
 * month since the last one, in sixteenths so that recent single uses
 * still tell apart. */
guint
emitra_service_usage_weight (const EmitraServiceUsage *usage,
                             gint64                    now)
{
  double days, weight;

  g_return_val_if_fail (usage != NULL, 0);

  if (usage->uses <= 0)
    return 0;

  days = MAX (0.0, (double) (now - usage->last_used_at) / 86400.0);
  weight = (double) usage->uses * 16.0 * pow (0.5, days / HALF_LIFE_DAYS);
  return (guint) CLAMP (weight + 0.5, 1.0, (double) G_MAXUINT32);
}

/* Service ID -> GUINT_TO_POINTER (weight), as emitra_search_set_usage() takes. */
GHashTable *
emitra_service_usage_weights (GPtrArray *usages,
                              gint64     now)
{
  GHashTable *weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; usages != NULL && i < usages->len; i++)
    {
      EmitraServiceUsage *usage = g_ptr_array_index (usages, i);
      guint weight = emitra_service_usage_weight (usage, now);

      if (weight > 0)
        g_hash_table_insert (weights, g_strdup (usage->service_id), GUINT_TO_POINTER (weight));
    }

  return weights;
}

static gpointer
load_job (sqlite3   *db,
          gpointer   job_data,
          GError   **error)
{
  g_autoptr(GPtrArray) usages = g_ptr_array_new_with_free_func ((GDestroyNotify) emitra_service_usage_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT service_id, uses, last_used_at, favourite FROM service_usage "
                           "ORDER BY last_used_at DESC", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmitraServiceUsage *usage = g_new0 (EmitraServiceUsage, 1);

      usage->service_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      usage->uses = sqlite3_column_int64 (stmt, 1);
      usage->last_used_at = sqlite3_column_int64 (stmt, 2);
      usage->favourite = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (usages, usage);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      emitra_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&usages);
}

/* All rows, the most lately used first. */
void
emitra_service_usage_load_async (EmitraDatabase      *database,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  emitra_database_run_async (database, load_job, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                             cancellable, callback, user_data);
}

/* A GPtrArray of EmitraServiceUsage. */
GPtrArray *
emitra_service_usage_load_finish (EmitraDatabase  *database,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return emitra_database_run_finish (database, result, error);
}

typedef struct
{
  char     *service_id;
  gint64    now;
  gboolean  favourite;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_free (write->service_id);
  g_free (write);
}

static gpointer
run_write (sqlite3     *db,
           const char  *sql,
           const char  *service_id,
           gint64       value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, service_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, value);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      emitra_database_set_error (db, rc, error);
      return NULL;
    }

  return GINT_TO_POINTER (TRUE);
}

static gpointer
record_job (sqlite3   *db,
            gpointer   job_data,
            GError   **error)
{
  WriteData *write = job_data;

  return run_write (db,
                    "INSERT INTO service_usage (service_id, uses, last_used_at) VALUES (?1, 1, ?2) "
                    "ON CONFLICT (service_id) DO UPDATE SET uses = uses + 1, last_used_at = ?2",
                    write->service_id, write->now, error);
}

static gpointer
favourite_job (sqlite3   *db,
               gpointer   job_data,
               GError   **error)
{
  WriteData *write = job_data;

  return run_write (db,
                    "INSERT INTO service_usage (service_id, favourite) VALUES (?1, ?2) "
                    "ON CONFLICT (service_id) DO UPDATE SET favourite = ?2",
                    write->service_id, write->favourite ? 1 : 0, error);
}

/* One more use of @service_id, at @now (Unix seconds). */
void
emitra_service_usage_record_async (EmitraDatabase      *database,
                                   const char          *service_id,
                                   gint64               now,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  WriteData *write = g_new0 (WriteData, 1);

  write->service_id = g_strdup (service_id);
  write->now = now;
  emitra_database_run_async (database, record_job, write, write_data_free, NULL,
                             cancellable, callback, user_data);
}

void
emitra_service_usage_set_favourite_async (EmitraDatabase      *database,
                                          const char          *service_id,
                                          gboolean             favourite,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  WriteData *write = g_new0 (WriteData, 1);

  write->service_id = g_strdup (service_id);
  write->favourite = favourite;
  emitra_database_run_async (database, favourite_job, write, write_data_free, NULL,
                             cancellable, callback, user_data);
}

/* Finishes a record or a favourite change. */
gboolean
emitra_service_usage_write_finish (EmitraDatabase  *database,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return emitra_database_run_finish (database, result, error) != NULL;
}
