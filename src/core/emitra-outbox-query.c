/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the outbox back: one item by request ID, what is still pending
 * (for the whole desk, or for one operator: the Receipts page shows an
 * operator only their own), what is due for a retry, and how many wait.
 * Also the GUI's calls on the outbox, run on the database's worker thread.
 */
#include "config.h"

#include "emitra-outbox.h"
#include "emitra-outbox-item-private.h"

#include <glib/gi18n-lib.h>

#define PENDING_ORDER " ORDER BY o.created_at, o.rowid"

/* Whose submission an item is: its receipt's operator, or, for an item
 * journalled before its receipt was issued, the operator the outbox
 * record says the receipt will name. A record that is not JSON names
 * nobody (json_extract() would fail the whole query). */
#define ITEM_OPERATOR \
  "COALESCE (r.operator_id, CASE WHEN json_valid (o.request_json)" \
  " THEN json_extract (o.request_json, '$.receipt.\"operator-id\"') END)"

static GPtrArray *
query_items (EmitraOutbox  *self,
             const char    *sql,
             const char    *text,
             gint64         number,
             GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = emitra_database_prepare (emitra_outbox_get_database (self), sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, number);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, _emitra_outbox_item_new_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      emitra_database_set_error (sqlite3_db_handle (stmt), rc, error);
      g_clear_pointer (&items, g_ptr_array_unref);
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&items);
}

EmitraOutboxItem *
emitra_outbox_get (EmitraOutbox  *self,
                   const char    *request_id,
                   GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (request_id != NULL, NULL);

  items = query_items (self, "SELECT " EMITRA_OUTBOX_COLUMNS " FROM " EMITRA_OUTBOX_FROM
                       " WHERE o.request_id = ?1", request_id, 0, error);
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, EMITRA_OUTBOX_ERROR, EMITRA_OUTBOX_ERROR_NOT_FOUND,
                   _("Request %s is not in the outbox."), request_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

/**
 * emitra_outbox_list_pending:
 * @operator_id: (nullable): only this operator's submissions; %NULL for
 *   the whole desk's
 *
 * Everything still waiting for the gateway's answer, oldest first.
 */
GPtrArray *
emitra_outbox_list_pending (EmitraOutbox  *self,
                            const char    *operator_id,
                            GError       **error)
{
  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), NULL);

  if (operator_id == NULL)
    return query_items (self, "SELECT " EMITRA_OUTBOX_COLUMNS " FROM " EMITRA_OUTBOX_FROM
                        " WHERE o.state = ?1" PENDING_ORDER, "pending", 0, error);
  return query_items (self, "SELECT " EMITRA_OUTBOX_COLUMNS " FROM " EMITRA_OUTBOX_FROM
                      " WHERE o.state = 'pending' AND " ITEM_OPERATOR " = ?1" PENDING_ORDER,
                      operator_id, 0, error);
}

/* The pending items whose next attempt is due at @now, most overdue first. */
GPtrArray *
emitra_outbox_list_due (EmitraOutbox  *self,
                        gint64         now,
                        GError       **error)
{
  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), NULL);

  return query_items (self, "SELECT " EMITRA_OUTBOX_COLUMNS " FROM " EMITRA_OUTBOX_FROM
                      " WHERE o.state = 'pending' AND o.next_attempt_at <= ?1"
                      " ORDER BY o.next_attempt_at, o.rowid", NULL, now, error);
}

/* How many submissions of the whole desk wait, and nothing about them:
 * what the Receipts page may say before anyone signs in. -1 on error. */
gint64
emitra_outbox_count_pending (EmitraOutbox  *self,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (EMITRA_IS_OUTBOX (self), -1);

  stmt = emitra_database_prepare (emitra_outbox_get_database (self),
                                  "SELECT count(*) FROM outbox WHERE state = 'pending'", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    emitra_database_set_error (sqlite3_db_handle (stmt), rc, error);
  sqlite3_finalize (stmt);

  return count;
}

/* The GUI's calls, on the database's worker thread ---------------------- */

typedef struct
{
  EmitraOutbox *outbox;
  char         *text;      /* an operator ID or a request ID */
  gint64        number;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->outbox);
  g_free (job->text);
  g_free (job);
}

static gpointer
list_pending_job (sqlite3   *db,
                  gpointer   data,
                  GError   **error)
{
  Job *job = data;

  return emitra_outbox_list_pending (job->outbox, job->text, error);
}

/* A count travels boxed: a job's NULL result means it failed. */
static gpointer
count_pending_job (sqlite3   *db,
                   gpointer   data,
                   GError   **error)
{
  Job *job = data;
  gint64 count = emitra_outbox_count_pending (job->outbox, error);

  return count >= 0 ? g_memdup2 (&count, sizeof count) : NULL;
}

static gpointer
retry_now_job (sqlite3   *db,
               gpointer   data,
               GError   **error)
{
  Job *job = data;

  return emitra_outbox_retry_now (job->outbox, job->text, job->number, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
run (EmitraOutbox        *self,
     EmitraDatabaseJob    job_func,
     const char          *text,
     gint64               number,
     GDestroyNotify       result_free,
     gpointer             source_tag,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  /* The job holds no widget: the worker thread may be the one to free it. */
  job->outbox = g_object_ref (self);
  job->text = g_strdup (text);
  job->number = number;
  emitra_database_run_for_async (emitra_outbox_get_database (self), self, source_tag, job_func, job,
                                 job_free, result_free, cancellable, callback, user_data);
}

void
emitra_outbox_list_pending_async (EmitraOutbox        *self,
                                  const char          *operator_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_OUTBOX (self));

  run (self, list_pending_job, operator_id, 0, (GDestroyNotify) g_ptr_array_unref,
       emitra_outbox_list_pending_async, cancellable, callback, user_data);
}

/* Returns: (transfer container): the pending #EmitraOutboxItem s. */
GPtrArray *
emitra_outbox_list_pending_finish (EmitraOutbox  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
emitra_outbox_count_pending_async (EmitraOutbox        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_OUTBOX (self));

  run (self, count_pending_job, NULL, 0, g_free, emitra_outbox_count_pending_async,
       cancellable, callback, user_data);
}

/* Returns: the number of pending items, or -1 with @error set. */
gint64
emitra_outbox_count_pending_finish (EmitraOutbox  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_autofree gint64 *count = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  count = g_task_propagate_pointer (G_TASK (result), error);
  return count != NULL ? *count : -1;
}

/* The operator's "Retry now" (emitra_outbox_retry_now()) off the main thread. */
void
emitra_outbox_retry_now_async (EmitraOutbox        *self,
                               const char          *request_id,
                               gint64               now,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_OUTBOX (self));
  g_return_if_fail (request_id != NULL);

  run (self, retry_now_job, request_id, now, NULL, emitra_outbox_retry_now_async,
       cancellable, callback, user_data);
}

gboolean
emitra_outbox_retry_now_finish (EmitraOutbox  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}
