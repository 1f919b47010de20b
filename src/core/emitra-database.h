/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define EMITRA_DATABASE_ERROR (emitra_database_error_quark ())

typedef enum {
  EMITRA_DATABASE_ERROR_OPEN,
  EMITRA_DATABASE_ERROR_CORRUPT,
  EMITRA_DATABASE_ERROR_FULL,
  EMITRA_DATABASE_ERROR_READONLY,
  EMITRA_DATABASE_ERROR_BUSY,
  EMITRA_DATABASE_ERROR_CONSTRAINT,
  EMITRA_DATABASE_ERROR_TOO_NEW,
  EMITRA_DATABASE_ERROR_FAILED,
} EmitraDatabaseError;

/* One step of a schema: migration N (1-based, its index + 1) is applied
 * once, in order, inside a transaction, and PRAGMA user_version records it. */
typedef struct
{
  const char *description;
  const char *sql;
} EmitraMigration;

typedef enum {
  EMITRA_DATABASE_FLAGS_NONE    = 0,
  /* synchronous=FULL: a commit is on disk before it returns. For receipts
   * and the outbox. Caches use NORMAL. */
  EMITRA_DATABASE_FLAGS_DURABLE = 1 << 0,
} EmitraDatabaseFlags;

/* A unit of work run on the database's own thread. */
typedef gpointer (*EmitraDatabaseJob) (sqlite3   *db,
                                       gpointer   job_data,
                                       GError   **error);

#define EMITRA_TYPE_DATABASE (emitra_database_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDatabase, emitra_database, EMITRA, DATABASE, GObject)

GQuark          emitra_database_error_quark  (void);

EmitraDatabase *emitra_database_open         (const char             *path,
                                              const EmitraMigration  *migrations,
                                              guint                   n_migrations,
                                              EmitraDatabaseFlags     flags,
                                              GError                **error);
const char     *emitra_database_get_path     (EmitraDatabase         *self);
sqlite3        *emitra_database_get_handle   (EmitraDatabase         *self);
int             emitra_database_get_version  (EmitraDatabase         *self);

gboolean        emitra_database_exec         (EmitraDatabase         *self,
                                              const char             *sql,
                                              GError                **error);
sqlite3_stmt   *emitra_database_prepare      (EmitraDatabase         *self,
                                              const char             *sql,
                                              GError                **error);
gboolean        emitra_database_begin        (EmitraDatabase         *self,
                                              GError                **error);
gboolean        emitra_database_commit       (EmitraDatabase         *self,
                                              GError                **error);
void            emitra_database_rollback     (EmitraDatabase         *self);

void            emitra_database_run_async    (EmitraDatabase         *self,
                                              EmitraDatabaseJob       job,
                                              gpointer                job_data,
                                              GDestroyNotify          job_data_free,
                                              GDestroyNotify          result_free,
                                              GCancellable           *cancellable,
                                              GAsyncReadyCallback     callback,
                                              gpointer                user_data);
gpointer        emitra_database_run_finish   (EmitraDatabase         *self,
                                              GAsyncResult           *result,
                                              GError                **error);
void            emitra_database_run_for_async (EmitraDatabase        *self,
                                               gpointer               source_object,
                                               gpointer               source_tag,
                                               EmitraDatabaseJob      job,
                                               gpointer               job_data,
                                               GDestroyNotify         data_free,
                                               GDestroyNotify         result_free,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);

gboolean        emitra_database_set_error    (sqlite3                *db,
                                              int                     rc,
                                              GError                **error);
char           *emitra_database_default_dir  (void);

G_END_DECLS
