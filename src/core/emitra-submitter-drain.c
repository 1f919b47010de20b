/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draining the outbox: every item that is due is first verified by its
 * request ID; only what the gateway never received is sent again, under
 * the same request ID; what it answered is settled. One drain at a time,
 * items one after another, so no item is ever in flight twice.
 */
#include "config.h"

#include "emitra-submitter-private.h"

/* Drain ------------------------------------------------------------- */

typedef struct
{
  GPtrArray *items;
  guint      next;
  guint      settled;
  Job       *current;   /* borrowed from the running database job or NULL */
} DrainData;

static void
drain_data_free (gpointer data)
{
  DrainData *drain = data;

  g_clear_pointer (&drain->items, g_ptr_array_unref);
  g_free (drain);
}

static void drain_next (GTask *task);

static Job *
job_for_item (EmitraSubmitter  *self,
              EmitraOutboxItem *item,
              GError          **error)
{
  g_autoptr(EmitraReceipt) template = _emitra_submitter_template_from_record (emitra_outbox_item_get_request_json (item), error);
  Job *job;

  if (template == NULL)
    return NULL;

  job = g_new0 (Job, 1);
  job->self = self;
  job->request_id = g_strdup (emitra_outbox_item_get_request_id (item));
  job->service_id = g_strdup (emitra_outbox_item_get_service_id (item));
  job->template = g_steal_pointer (&template);
  return job;
}

static void
on_drain_step_written_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EmitraSubmitter *self = g_task_get_source_object (task);
  DrainData *drain = g_task_get_task_data (task);
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  EmitraOutboxState outcome = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "outcome"));

  receipt = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);
  if (receipt == NULL)
    g_warning ("Could not record the outcome of a queued submission: %s", error->message);
  else if (outcome != EMITRA_OUTBOX_STATE_PENDING)
    {
      drain->settled++;
      _emitra_submitter_emit_settled (self, receipt, outcome);
    }

  drain_next (g_steal_pointer (&task));
}

static void
drain_write (GTask             *task,
             EmitraDatabaseJob  job_func,
             Job               *job,
             EmitraOutboxState  outcome)
{
  EmitraSubmitter *self = g_task_get_source_object (task);

  g_object_set_data (G_OBJECT (task), "outcome", GINT_TO_POINTER (outcome));
  job->outcome = outcome;
  emitra_database_run_async (_emitra_submitter_get_database (self), job_func, job, _emitra_submitter_job_free, g_object_unref,
                             NULL, on_drain_step_written_cb, task);
}

static void
handle_gateway_answer (GTask             *task,
                       Job               *job,
                       EmitraTransaction *transaction,
                       GError            *error)
{
  if (transaction != NULL)
    {
      job->transaction = g_object_ref (transaction);
      drain_write (task, _emitra_submitter_confirm_job, job, EMITRA_OUTBOX_STATE_CONFIRMED);
    }
  else if (_emitra_submitter_is_definite_refusal (error) &&
           !g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_UNAUTHORIZED) &&
           !g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_INSUFFICIENT_BALANCE))
    {
      /* A refusal that waiting cannot cure. An expired session or an empty
       * wallet can be: those items wait for the operator instead. */
      job->reason = g_strdup (error->message);
      drain_write (task, _emitra_submitter_settle_job, job, EMITRA_OUTBOX_STATE_REJECTED);
    }
  else
    {
      job->reason = g_strdup (error->message);
      drain_write (task, _emitra_submitter_attempt_job, job, EMITRA_OUTBOX_STATE_PENDING);
    }
}

static void
on_drain_resent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Job *job = g_object_steal_data (G_OBJECT (task), "job");
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(GError) error = NULL;

  transaction = emitra_gateway_client_submit_transaction_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  handle_gateway_answer (task, job, transaction, error);
}

static void
on_drain_verified_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  EmitraSubmitter *self = g_task_get_source_object (task);
  DrainData *drain = g_task_get_task_data (task);
  Job *job = g_object_get_data (G_OBJECT (task), "job");
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(GError) error = NULL;

  transaction = emitra_gateway_client_verify_transaction_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (transaction == NULL && g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_NOT_FOUND))
    {
      /* The gateway never committed it: only now may it be sent again,
       * with the same request ID. */
      EmitraOutboxItem *item = g_ptr_array_index (drain->items, drain->next - 1);
      g_autoptr(JsonObject) request = _emitra_submitter_request_from_record (emitra_outbox_item_get_request_json (item), NULL);

      if (request != NULL)
        {
          emitra_gateway_client_submit_transaction_async (self->gateway, request,
                                                          g_task_get_cancellable (task),
                                                          on_drain_resent_cb, task);
          return;
        }
    }

  job = g_object_steal_data (G_OBJECT (task), "job");
  handle_gateway_answer (task, job, transaction, error);
}

static void
drain_next (GTask *task)
{
  EmitraSubmitter *self = g_task_get_source_object (task);
  DrainData *drain = g_task_get_task_data (task);

  while (drain->next < drain->items->len)
    {
      EmitraOutboxItem *item = g_ptr_array_index (drain->items, drain->next++);
      g_autoptr(GError) error = NULL;
      Job *job;

      if (g_task_return_error_if_cancelled (task))
        {
          self->draining = FALSE;
          g_object_unref (task);
          return;
        }

      job = job_for_item (self, item, &error);
      if (job == NULL)
        {
          g_warning ("Queued submission %s cannot be read: %s",
                     emitra_outbox_item_get_request_id (item), error->message);
          continue;
        }

      /* Before any resend: does the gateway already hold it? */
      g_object_set_data_full (G_OBJECT (task), "job", job, _emitra_submitter_job_free);
      emitra_gateway_client_verify_transaction_async (self->gateway, job->request_id,
                                                      g_task_get_cancellable (task),
                                                      on_drain_verified_cb, task);
      return;
    }

  self->draining = FALSE;
  g_task_return_int (task, drain->settled);
  g_object_unref (task);
}

static void
on_due_items_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  EmitraSubmitter *self = g_task_get_source_object (task);
  DrainData *drain = g_task_get_task_data (task);
  GError *error = NULL;

  drain->items = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);
  if (drain->items == NULL)
    {
      self->draining = FALSE;
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  drain_next (task);
}

void
emitra_submitter_drain_async (EmitraSubmitter     *self,
                              gboolean             due_only,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (EMITRA_IS_SUBMITTER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_submitter_drain_async);

  /* One drain at a time: two would verify and resend the same item. */
  if (self->draining)
    {
      g_task_return_int (task, 0);
      g_object_unref (task);
      return;
    }
  self->draining = TRUE;

  g_task_set_task_data (task, g_new0 (DrainData, 1), drain_data_free);
  job = g_new0 (Job, 1);
  job->self = self;
  job->outcome = due_only ? EMITRA_OUTBOX_STATE_CONFIRMED : EMITRA_OUTBOX_STATE_PENDING;
  emitra_database_run_async (_emitra_submitter_get_database (self), _emitra_submitter_due_items_job, job, _emitra_submitter_job_free,
                             (GDestroyNotify) g_ptr_array_unref, NULL, on_due_items_cb, task);
}

guint
emitra_submitter_drain_finish (EmitraSubmitter  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  gssize settled = g_task_propagate_int (G_TASK (result), error);

  return settled > 0 ? (guint) settled : 0;
}

