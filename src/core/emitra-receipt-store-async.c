/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's operations for the GUI: each one runs on the database's
 * worker thread (so a disk flush never holds up a frame) and reports back
 * on the caller's main context, GIO style, with the store as the source.
 */
#include "config.h"

#include "emitra-receipt-store-private.h"

typedef struct
{
  EmitraReceiptStore  *store;
  EmitraReceipt       *receipt;
  gint64               receipt_no;
  EmitraReceiptStatus  status;
  char                *transaction_id;
  char                *reason;
  EmitraReceiptQuery   query;
  char                *text;
  char                *from_day;
  char                *to_day;
  char                *operator_id;
} JobData;

static void
job_data_free (gpointer data)
{
  JobData *job = data;

  g_clear_object (&job->store);
  g_clear_object (&job->receipt);
  g_free (job->transaction_id);
  g_free (job->reason);
  g_free (job->text);
  g_free (job->from_day);
  g_free (job->to_day);
  g_free (job->operator_id);
  g_free (job);
}

static JobData *
job_data_new (EmitraReceiptStore *store)
{
  JobData *job = g_new0 (JobData, 1);

  job->store = g_object_ref (store);
  return job;
}

static void
run (EmitraReceiptStore  *self,
     EmitraDatabaseJob    job,
     JobData             *data,
     GDestroyNotify       result_free,
     gpointer             source_tag,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  emitra_database_run_for_async (emitra_receipt_store_get_database (self), self, source_tag, job, data,
                                 job_data_free, result_free, cancellable, callback, user_data);
}

static gpointer
finish (EmitraReceiptStore  *self,
        GAsyncResult        *result,
        gpointer             source_tag,
        GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
append_job (sqlite3   *db,
            gpointer   data,
            GError   **error)
{
  JobData *job = data;

  return emitra_receipt_store_append (job->store, job->receipt, error);
}

void
emitra_receipt_store_append_async (EmitraReceiptStore  *self,
                                   EmitraReceipt       *receipt,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  JobData *job;

  g_return_if_fail (EMITRA_IS_RECEIPT_STORE (self));
  g_return_if_fail (EMITRA_IS_RECEIPT (receipt));

  job = job_data_new (self);
  job->receipt = g_object_ref (receipt);
  run (self, append_job, job, g_object_unref, emitra_receipt_store_append_async,
       cancellable, callback, user_data);
}

EmitraReceipt *
emitra_receipt_store_append_finish (EmitraReceiptStore  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return finish (self, result, emitra_receipt_store_append_async, error);
}

static gpointer
add_event_job (sqlite3   *db,
               gpointer   data,
               GError   **error)
{
  JobData *job = data;

  return emitra_receipt_store_add_event (job->store, job->receipt_no, job->status,
                                         job->transaction_id, job->reason, error);
}

void
emitra_receipt_store_add_event_async (EmitraReceiptStore  *self,
                                      gint64               receipt_no,
                                      EmitraReceiptStatus  status,
                                      const char          *transaction_id,
                                      const char          *reason,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  JobData *job;

  g_return_if_fail (EMITRA_IS_RECEIPT_STORE (self));

  job = job_data_new (self);
  job->receipt_no = receipt_no;
  job->status = status;
  job->transaction_id = g_strdup (transaction_id);
  job->reason = g_strdup (reason);
  run (self, add_event_job, job, g_object_unref, emitra_receipt_store_add_event_async,
       cancellable, callback, user_data);
}

EmitraReceipt *
emitra_receipt_store_add_event_finish (EmitraReceiptStore  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  return finish (self, result, emitra_receipt_store_add_event_async, error);
}

static gpointer
search_job (sqlite3   *db,
            gpointer   data,
            GError   **error)
{
  JobData *job = data;

  return emitra_receipt_store_search (job->store, &job->query, error);
}

void
emitra_receipt_store_search_async (EmitraReceiptStore       *self,
                                   const EmitraReceiptQuery *query,
                                   GCancellable             *cancellable,
                                   GAsyncReadyCallback       callback,
                                   gpointer                  user_data)
{
  JobData *job;

  g_return_if_fail (EMITRA_IS_RECEIPT_STORE (self));
  g_return_if_fail (query != NULL);

  /* The query's strings belong to the caller, who may free them at once. */
  job = job_data_new (self);
  job->query = *query;
  job->query.text = job->text = g_strdup (query->text);
  job->query.from_day = job->from_day = g_strdup (query->from_day);
  job->query.to_day = job->to_day = g_strdup (query->to_day);
  job->query.operator_id = job->operator_id = g_strdup (query->operator_id);
  run (self, search_job, job, (GDestroyNotify) g_ptr_array_unref,
       emitra_receipt_store_search_async, cancellable, callback, user_data);
}

/* Returns: (transfer container): the receipts found. */
GPtrArray *
emitra_receipt_store_search_finish (EmitraReceiptStore  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return finish (self, result, emitra_receipt_store_search_async, error);
}

static gpointer
verify_job (sqlite3   *db,
            gpointer   data,
            GError   **error)
{
  JobData *job = data;

  return _emitra_receipt_store_verify (job->store, db, error);
}

void
emitra_receipt_store_verify_async (EmitraReceiptStore  *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_RECEIPT_STORE (self));

  run (self, verify_job, job_data_new (self), (GDestroyNotify) emitra_chain_report_free,
       emitra_receipt_store_verify_async, cancellable, callback, user_data);
}

EmitraChainReport *
emitra_receipt_store_verify_finish (EmitraReceiptStore  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return finish (self, result, emitra_receipt_store_verify_async, error);
}
