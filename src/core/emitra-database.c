/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin SQLite connection: opens the file readable by the user alone, in
 * WAL mode, runs the ordered migrations recorded in PRAGMA user_version,
 * maps SQLite's result codes to an error domain whose messages an operator
 * can act on (disk full, read-only, corrupt), and runs jobs on one worker
 * thread so that no frame of the window ever waits for a disk flush.
 *
 * The connection is opened with SQLITE_OPEN_FULLMUTEX, so the command-line
 * paths (reports, verification) may also use it directly from the main
 * thread; the GUI always goes through emitra_database_run_async().
 */
#include "config.h"

#include "emitra-database.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <sys/stat.h>

G_DEFINE_QUARK (emitra-database-error-quark, emitra_database_error)

struct _EmitraDatabase
{
  GObject      parent_instance;

  char        *path;
  sqlite3     *db;
  int          version;
  GThreadPool *worker;
};

G_DEFINE_FINAL_TYPE (EmitraDatabase, emitra_database, G_TYPE_OBJECT)

gboolean
emitra_database_set_error (sqlite3  *db,
                           int       rc,
                           GError  **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW:
      return TRUE;
    case SQLITE_FULL:
      g_set_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_FULL,
                   _("The disk is full, so nothing could be saved. Free some space; your work is kept and will be saved then."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, EMITRA_DATABASE_ERROR,
                   (rc & 0xff) == SQLITE_CANTOPEN ? EMITRA_DATABASE_ERROR_OPEN : EMITRA_DATABASE_ERROR_READONLY,
                   _("The desk's database cannot be written (%s). Check that the disk is not read-only and that the file belongs to this user."),
                   detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_CORRUPT,
                   _("The desk's database is damaged (%s)."), detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_BUSY,
                   _("The desk's database is in use by another program."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_CONSTRAINT,
                   _("The record conflicts with one already saved (%s)."), detail);
      break;
    default:
      g_set_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_FAILED,
                   _("The desk's database reported an error: %s"), detail);
      break;
    }

  return FALSE;
}

const char *
emitra_database_get_path (EmitraDatabase *self)
{
  g_return_val_if_fail (EMITRA_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
emitra_database_get_handle (EmitraDatabase *self)
{
  g_return_val_if_fail (EMITRA_IS_DATABASE (self), NULL);

  return self->db;
}

int
emitra_database_get_version (EmitraDatabase *self)
{
  g_return_val_if_fail (EMITRA_IS_DATABASE (self), 0);

  return self->version;
}

gboolean
emitra_database_exec (EmitraDatabase  *self,
                      const char      *sql,
                      GError         **error)
{
  g_return_val_if_fail (EMITRA_IS_DATABASE (self), FALSE);

  return emitra_database_set_error (self->db, sqlite3_exec (self->db, sql, NULL, NULL, NULL), error);
}

sqlite3_stmt *
emitra_database_prepare (EmitraDatabase  *self,
                         const char      *sql,
                         GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (EMITRA_IS_DATABASE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      emitra_database_set_error (self->db, rc, error);
      return NULL;
    }

  return stmt;
}

gboolean
emitra_database_begin (EmitraDatabase  *self,
                       GError         **error)
{
  /* IMMEDIATE takes the write lock at once, so a transaction never fails
   * half-way through for want of it. */
  return emitra_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
emitra_database_commit (EmitraDatabase  *self,
                        GError         **error)
{
  if (emitra_database_exec (self, "COMMIT", error))
    return TRUE;

  emitra_database_rollback (self);
  return FALSE;
}

void
emitra_database_rollback (EmitraDatabase *self)
{
  g_return_if_fail (EMITRA_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

static gboolean
migrate (EmitraDatabase         *self,
         const EmitraMigration  *migrations,
         guint                   n_migrations,
         GError                **error)
{
  self->version = read_user_version (self->db);
  if (self->version < 0)
    return emitra_database_set_error (self->db, sqlite3_errcode (self->db), error);

  if ((guint) self->version > n_migrations)
    {
      g_set_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_TOO_NEW,
                   _("The desk's database was written by a newer version of e-Mitra Desk (schema %d). Update e-Mitra Desk."),
                   self->version);
      return FALSE;
    }
  if ((guint) self->version == n_migrations)
    return TRUE;

  /* Two processes may open a new database at once (the desk and its
   * search provider): the version is read again under the write lock, so
   * only one of them migrates. */
  if (!emitra_database_begin (self, error))
    return FALSE;
  self->version = read_user_version (self->db);

  for (guint i = (guint) MAX (self->version, 0); i < n_migrations; i++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      g_debug ("%s: migration %u: %s", self->path, i + 1, migrations[i].description);
      if (!emitra_database_exec (self, migrations[i].sql, error) ||
          !emitra_database_exec (self, set_version, error))
        {
          emitra_database_rollback (self);
          return FALSE;
        }
    }

  if (!emitra_database_commit (self, error))
    return FALSE;
  self->version = (int) n_migrations;
  return TRUE;
}

static void
run_job_in_worker (gpointer data,
                   gpointer user_data);

EmitraDatabase *
emitra_database_open (const char             *path,
                      const EmitraMigration  *migrations,
                      guint                   n_migrations,
                      EmitraDatabaseFlags     flags,
                      GError                **error)
{
  g_autoptr(EmitraDatabase) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_OPEN,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (EMITRA_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  /* The file holds citizens' data: readable by this user alone, from the
   * first byte SQLite writes (it creates the -wal and -shm files with the
   * main file's mode). */
  {
    mode_t old_mask = umask (0077);
    rc = sqlite3_open_v2 (path, &self->db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                          NULL);
    umask (old_mask);
  }
  if (rc != SQLITE_OK)
    {
      emitra_database_set_error (self->db, rc, error);
      return NULL;
    }
  g_chmod (path, 0600);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!emitra_database_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !emitra_database_exec (self, (flags & EMITRA_DATABASE_FLAGS_DURABLE)
                                     ? "PRAGMA synchronous = FULL"
                                     : "PRAGMA synchronous = NORMAL", error) ||
      !emitra_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !migrate (self, migrations, n_migrations, error))
    return NULL;

  self->worker = g_thread_pool_new (run_job_in_worker, self, 1, FALSE, NULL);

  return g_steal_pointer (&self);
}

/* $XDG_DATA_HOME/emitra-desk, or emitra-desk-devel for the development profile. */
char *
emitra_database_default_dir (void)
{
  const char *override = g_getenv ("EMITRA_DATA_DIR");

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);

  return g_build_filename (g_get_user_data_dir (),
                           g_str_equal (PROFILE, "development") ? "emitra-desk-devel" : "emitra-desk",
                           NULL);
}

typedef struct
{
  EmitraDatabaseJob  job;
  gpointer           job_data;
  GDestroyNotify     job_data_free;
  GDestroyNotify     result_free;
} JobData;

static void
job_data_free (gpointer data)
{
  JobData *job = data;

  if (job->job_data_free != NULL)
    job->job_data_free (job->job_data);
  g_free (job);
}

/* Set while a job runs, so dispose knows not to wait for its own thread. */
static GPrivate in_worker;

static void
run_job_in_worker (gpointer data,
                   gpointer user_data)
{
  GTask *task = data;
  EmitraDatabase *self = user_data;
  JobData *job = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer result;

  /* The flag covers the task's release too: it may hold the last reference. */
  g_private_set (&in_worker, GINT_TO_POINTER (TRUE));

  if (!g_task_return_error_if_cancelled (task))
    {
      result = job->job (self->db, job->job_data, &error);
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, result, job->result_free);
    }

  g_object_unref (task);
  g_private_set (&in_worker, NULL);
}

void
emitra_database_run_async (EmitraDatabase      *self,
                           EmitraDatabaseJob    job,
                           gpointer             job_data,
                           GDestroyNotify       job_data_free_func,
                           GDestroyNotify       result_free,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JobData *data;

  g_return_if_fail (EMITRA_IS_DATABASE (self));
  g_return_if_fail (job != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_database_run_async);

  data = g_new0 (JobData, 1);
  data->job = job;
  data->job_data = job_data;
  data->job_data_free = job_data_free_func;
  data->result_free = result_free;
  g_task_set_task_data (task, data, job_data_free);

  g_thread_pool_push (self->worker, g_steal_pointer (&task), NULL);
}

gpointer
emitra_database_run_finish (EmitraDatabase  *self,
                            GAsyncResult    *result,
                            GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_job_for_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gpointer value = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, g_task_get_task_data (task));
}

/**
 * emitra_database_run_for_async:
 * @source_object: the store the job is for: the task's source object
 * @source_tag: the store's _async function, for its _finish() to check
 *
 * Runs @job as emitra_database_run_async() does, and reports through a
 * task of @source_object's, so a store's _finish() is one
 * g_task_propagate_pointer(). The result's free function travels as that
 * task's data: the result is freed whether or not anyone collects it.
 */
void
emitra_database_run_for_async (EmitraDatabase      *self,
                               gpointer             source_object,
                               gpointer             source_tag,
                               EmitraDatabaseJob    job,
                               gpointer             job_data,
                               GDestroyNotify       data_free,
                               GDestroyNotify       result_free,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (EMITRA_IS_DATABASE (self));
  g_return_if_fail (G_IS_OBJECT (source_object));

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, result_free, NULL);
  emitra_database_run_async (self, job, job_data, data_free, result_free, cancellable,
                             on_job_for_done_cb, task);
}

static void
emitra_database_dispose (GObject *object)
{
  EmitraDatabase *self = EMITRA_DATABASE (object);

  /* Let queued jobs finish: a receipt waiting to be written must be written.
   * When the last reference goes on the worker itself (a task's source
   * object released after its job), waiting would wait for this very
   * thread; the pool then finishes its queue on its own. */
  if (self->worker != NULL)
    {
      gboolean on_worker = GPOINTER_TO_INT (g_private_get (&in_worker));

      g_thread_pool_free (self->worker, FALSE, !on_worker);
      self->worker = NULL;
    }

  G_OBJECT_CLASS (emitra_database_parent_class)->dispose (object);
}

static void
emitra_database_finalize (GObject *object)
{
  EmitraDatabase *self = EMITRA_DATABASE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (emitra_database_parent_class)->finalize (object);
}

static void
emitra_database_class_init (EmitraDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = emitra_database_dispose;
  object_class->finalize = emitra_database_finalize;
}

static void
emitra_database_init (EmitraDatabase *self)
{
}
