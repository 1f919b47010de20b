/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draining the outbox: every item that is due is first verified by its
 * request ID; only what the gateway never received is sent again, under
 * the same request ID; what it answered is settled. One drain at a time.
 *
 * A few items are in flight at once (DRAIN_IN_FLIGHT), each of them once:
 * while one waits for the gateway another's outcome is being written, so
 * the gateway's commit and the desk's (each a disk flush) overlap instead
 * of adding up. A queue of thousands after a day offline then drains in
 * seconds, not minutes. The writes still go one by one, in order, through
 * the database's thread, each durable before its item counts as settled.
 */
#include "config.h"

#include "emitra-submitter-private.h"

/* Enough to overlap a round trip with a disk flush; few enough that a
 * gateway that is just coming back is not flooded. */
#define DRAIN_IN_FLIGHT 4

/* Drain ------------------------------------------------------------- */

typedef struct
{
  GPtrArray *items;
  guint      next;
  guint      in_flight;
  guint      settled;
} DrainData;

/* One item on its way: verify, perhaps resend, then write the outcome. */
typedef struct
{
  GTask            *task;      /* the drain's, referenced */
  EmitraOutboxItem *item;
  Job              *job;       /* until handed to the database run */
  EmitraOutboxState outcome;
} Step;

static void
drain_data_free (gpointer data)
{
  DrainData *drain = data;

  g_clear_pointer (&drain->items, g_ptr_array_unref);
  g_free (drain);
}

static void
step_free (Step *step)
{
  g_clear_object (&step->task);
  g_clear_object (&step->item);
  g_clear_pointer (&step->job, _emitra_submitter_job_free);
  g_free (step);
}

static void drain_fill (GTask *task);

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
  Step *step = user_data;
  g_autoptr(GTask) task = g_object_ref (step->task);
  EmitraSubmitter *self = g_task_get_source_object (task);
  DrainData *drain = g_task_get_task_data (task);
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  receipt = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);
  if (receipt == NULL)
    g_warning ("Could not record the outcome of a queued submission: %s", error->message);
  else if (step->outcome != EMITRA_OUTBOX_STATE_PENDING)
    {
      drain->settled++;
      _emitra_submitter_emit_settled (self, receipt, step->outcome);
    }

  step_free (step);
  drain->in_flight--;
  drain_fill (task);
}

static void
drain_write (Step              *step,
             EmitraDatabaseJob  job_func,
             EmitraOutboxState  outcome)
{
  EmitraSubmitter *self = g_task_get_source_object (step->task);
  Job *job = g_steal_pointer (&step->job);

  step->outcome = outcome;
  job->outcome = outcome;
  emitra_database_run_async (_emitra_submitter_get_database (self), job_func, job, _emitra_submitter_job_free, g_object_unref,
                             NULL, on_drain_step_written_cb, step);
}

static void
handle_gateway_answer (Step              *step,
                       EmitraTransaction *transaction,
                       GError            *error)
{
  Job *job = step->job;

  if (transaction != NULL)
    {
      job->transaction = g_object_ref (transaction);
      drain_write (step, _emitra_submitter_confirm_job, EMITRA_OUTBOX_STATE_CONFIRMED);
    }
  else if (_emitra_submitter_is_definite_refusal (error) &&
           !g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_UNAUTHORIZED) &&
           !g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_INSUFFICIENT_BALANCE))
    {
      /* A refusal that waiting cannot cure. An expired session or an empty
       * wallet can be: those items wait for the operator instead. */
      job->reason = g_strdup (error->message);
      drain_write (step, _emitra_submitter_settle_job, EMITRA_OUTBOX_STATE_REJECTED);
    }
  else
    {
      job->reason = g_strdup (error->message);
      drain_write (step, _emitra_submitter_attempt_job, EMITRA_OUTBOX_STATE_PENDING);
    }
}

static void
on_drain_resent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Step *step = user_data;
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(GError) error = NULL;

  transaction = emitra_gateway_client_submit_transaction_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  handle_gateway_answer (step, transaction, error);
}

static void
on_drain_verified_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Step *step = user_data;
  EmitraSubmitter *self = g_task_get_source_object (step->task);
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(GError) error = NULL;

  transaction = emitra_gateway_client_verify_transaction_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (transaction == NULL && g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_NOT_FOUND))
    {
      /* The gateway never committed it: only now may it be sent again,
       * with the same request ID. */
      g_autoptr(JsonObject) request = _emitra_submitter_request_from_record (emitra_outbox_item_get_request_json (step->item), NULL);

      if (request != NULL)
        {
          emitra_gateway_client_submit_transaction_async (self->gateway, request,
                                                          g_task_get_cancellable (step->task),
                                                          on_drain_resent_cb, step);
          return;
        }
    }

  handle_gateway_answer (step, transaction, error);
}

/* Starts items until DRAIN_IN_FLIGHT are on their way; finishes the drain
 * once none is left and none is in flight. Takes a reference on @task
 * only for the steps it starts. */
static void
drain_fill (GTask *task)
{
  EmitraSubmitter *self = g_task_get_source_object (task);
  DrainData *drain = g_task_get_task_data (task);
  gboolean cancelled = g_cancellable_is_cancelled (g_task_get_cancellable (task));

  while (!cancelled && drain->in_flight < DRAIN_IN_FLIGHT && drain->next < drain->items->len)
    {
      EmitraOutboxItem *item = g_ptr_array_index (drain->items, drain->next++);
      g_autoptr(GError) error = NULL;
      Step *step;
      Job *job;

      job = job_for_item (self, item, &error);
      if (job == NULL)
        {
          g_warning ("Queued submission %s cannot be read: %s",
                     emitra_outbox_item_get_request_id (item), error->message);
          continue;
        }

      step = g_new0 (Step, 1);
      step->task = g_object_ref (task);
      step->item = g_object_ref (item);
      step->job = job;
      drain->in_flight++;
      /* Before any resend: does the gateway already hold it? */
      emitra_gateway_client_verify_transaction_async (self->gateway, job->request_id,
                                                      g_task_get_cancellable (task),
                                                      on_drain_verified_cb, step);
    }

  if (drain->in_flight > 0 || (!cancelled && drain->next < drain->items->len))
    return;

  /* Done (or cancelled, with nothing left in flight): the one reference
   * the drain began with goes with its result. */
  self->draining = FALSE;
  if (!g_task_return_error_if_cancelled (task))
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

  drain_fill (task);
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

