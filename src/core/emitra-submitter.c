/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal-first submission: the one place where money moves.
 *
 *  1. Before any network call, the submission is written durably to the
 *     outbox under the request ID the draft was given once. The outbox
 *     copy holds the masked Aadhaar only, and what the receipt must show.
 *  2. The gateway client creates the transaction with that request ID; on
 *     a timeout, a dropped connection or a 5xx it verifies by request ID
 *     and resends only what the gateway never received.
 *  3. Confirmed: the receipt is appended (or the provisional one confirmed)
 *     and the outbox item settled. Not known (offline): a provisional
 *     receipt is issued and the item waits; drain() finishes it later.
 *     Refused (the gateway answered 4xx, nothing was charged): the journal
 *     entry is closed as rejected, the error (with its field) goes to the
 *     form, and a corrected second attempt reopens it under the same ID.
 *
 * Every step is idempotent by request ID (receipts.request_id is unique),
 * so a crash between any two steps is repaired by the next drain: a
 * transaction the gateway holds becomes exactly one receipt at the desk.
 * Database work runs on the database's worker thread; gateway calls are
 * asynchronous on the main context.
 */
#include "config.h"

#include "emitra-submitter-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "emitra-json.h"

G_DEFINE_FINAL_TYPE (EmitraSubmitter, emitra_submitter, G_TYPE_OBJECT)

enum {
  SETTLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Submit ------------------------------------------------------------ */

typedef struct
{
  Job        *job;
  JsonObject *request;
} SubmitData;

static void
submit_data_free (gpointer data)
{
  SubmitData *submit = data;

  g_clear_pointer (&submit->request, json_object_unref);
  /* The job is owned by whichever database run holds it. */
  g_free (submit);
}


static void
on_receipt_written_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  EmitraReceipt *receipt = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);

  if (receipt == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, receipt, g_object_unref);
}

static void
on_refusal_settled_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(EmitraReceipt) receipt = NULL;
  GError *refusal = g_object_steal_data (G_OBJECT (task), "refusal");

  /* The refusal is what the operator must see, whatever the bookkeeping. */
  receipt = emitra_database_run_finish (EMITRA_DATABASE (source), result, NULL);
  g_task_return_error (task, refusal);
}

static void
on_submitted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EmitraSubmitter *self = g_task_get_source_object (task);
  SubmitData *submit = g_task_get_task_data (task);
  g_autoptr(EmitraTransaction) transaction = NULL;
  g_autoptr(GError) error = NULL;
  Job *job = _emitra_submitter_job_copy (submit->job);

  transaction = emitra_gateway_client_submit_transaction_finish (EMITRA_GATEWAY_CLIENT (source),
                                                                 result, &error);
  if (transaction != NULL)
    {
      job->transaction = g_steal_pointer (&transaction);
      emitra_database_run_async (_emitra_submitter_get_database (self), _emitra_submitter_confirm_job, job, _emitra_submitter_job_free, g_object_unref,
                                 NULL, on_receipt_written_cb, g_steal_pointer (&task));
    }
  else if (_emitra_submitter_is_definite_refusal (error))
    {
      job->outcome = EMITRA_OUTBOX_STATE_REJECTED;
      job->reason = g_strdup (error->message);
      g_object_set_data_full (G_OBJECT (task), "refusal", g_steal_pointer (&error),
                              (GDestroyNotify) g_error_free);
      emitra_database_run_async (_emitra_submitter_get_database (self), _emitra_submitter_settle_job, job, _emitra_submitter_job_free, g_object_unref,
                                 NULL, on_refusal_settled_cb, g_steal_pointer (&task));
    }
  else
    {
      /* Offline, timed out, or the gateway is failing: whether it was
       * charged is unknown, so the citizen gets a provisional receipt and
       * the drain finds out by request ID. */
      job->reason = g_strdup (error->message);
      emitra_database_run_async (_emitra_submitter_get_database (self), _emitra_submitter_provisional_job, job, _emitra_submitter_job_free, g_object_unref,
                                 NULL, on_receipt_written_cb, g_steal_pointer (&task));
    }
}

static void
on_journal_written_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EmitraSubmitter *self = g_task_get_source_object (task);
  SubmitData *submit = g_task_get_task_data (task);
  g_autoptr(EmitraReceipt) already_paid = NULL;
  GError *error = NULL;

  already_paid = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (already_paid != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&already_paid), g_object_unref);
      return;
    }

  /* Not g_steal_pointer in the same call: argument order is unspecified. */
  emitra_gateway_client_submit_transaction_async (self->gateway, submit->request,
                                                  g_task_get_cancellable (task),
                                                  on_submitted_cb, g_object_ref (task));
}

void
emitra_submitter_submit_async (EmitraSubmitter     *self,
                               JsonObject          *request,
                               EmitraReceipt       *receipt_template,
                               const char          *draft_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SubmitData *submit;
  Job *job;
  const char *request_id;
  const char *service_id;

  g_return_if_fail (EMITRA_IS_SUBMITTER (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (EMITRA_IS_RECEIPT (receipt_template));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_submitter_submit_async);

  request_id = emitra_json_get_string_or (request, "request_id", NULL);
  service_id = emitra_json_get_string_or (request, "service_id", NULL);
  if (request_id == NULL || service_id == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "The request has no request_id or service_id");
      return;
    }

  job = g_new0 (Job, 1);
  job->self = self;
  job->request_id = g_strdup (request_id);
  job->service_id = g_strdup (service_id);
  job->draft_id = g_strdup (draft_id);
  job->template = g_object_ref (receipt_template);
  job->record_json = _emitra_submitter_build_record (request, receipt_template);

  submit = g_new0 (SubmitData, 1);
  submit->request = json_object_ref (request);
  submit->job = _emitra_submitter_job_copy (job);
  g_task_set_task_data (task, submit, submit_data_free);
  /* The submit data's job copy lives as long as the task. */
  g_object_set_data_full (G_OBJECT (task), "job", submit->job, _emitra_submitter_job_free);

  emitra_database_run_async (_emitra_submitter_get_database (self), _emitra_submitter_journal_job, job, _emitra_submitter_job_free, g_object_unref,
                             NULL, on_journal_written_cb, g_steal_pointer (&task));
}

EmitraReceipt *
emitra_submitter_submit_finish (EmitraSubmitter  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Cancel ------------------------------------------------------------ */

static void
on_cancel_settled_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EmitraSubmitter *self = g_task_get_source_object (task);
  g_autoptr(EmitraReceipt) receipt = NULL;
  GError *error = NULL;

  receipt = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);
  if (receipt == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _emitra_submitter_emit_settled (self, receipt, EMITRA_OUTBOX_STATE_CANCELLED);
  g_task_return_boolean (task, TRUE);
}

static void
settle_cancelled (GTask      *task,
                  const char *reason)
{
  EmitraSubmitter *self = g_task_get_source_object (task);
  Job *job = g_new0 (Job, 1);

  job->self = self;
  job->request_id = g_strdup (g_task_get_task_data (task));
  job->outcome = EMITRA_OUTBOX_STATE_CANCELLED;
  job->reason = g_strdup (reason);
  emitra_database_run_async (_emitra_submitter_get_database (self), _emitra_submitter_settle_job, job, _emitra_submitter_job_free, g_object_unref,
                             NULL, on_cancel_settled_cb, task);
}

static void
on_gateway_cancelled_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(EmitraTransaction) transaction = NULL;
  GError *error = NULL;

  transaction = emitra_gateway_client_cancel_transaction_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (transaction == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  settle_cancelled (task, _("Cancelled at the operator's request; the department fee went back to the wallet."));
}

static void
on_cancel_verified_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  EmitraSubmitter *self = g_task_get_source_object (task);
  g_autoptr(EmitraTransaction) transaction = NULL;
  GError *error = NULL;

  transaction = emitra_gateway_client_verify_transaction_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (transaction != NULL)
    {
      emitra_gateway_client_cancel_transaction_async (self->gateway,
                                                      emitra_transaction_get_transaction_id (transaction),
                                                      g_task_get_cancellable (task),
                                                      on_gateway_cancelled_cb, task);
      return;
    }

  if (g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_NOT_FOUND))
    {
      /* It never reached the gateway: withdrawing it charges nobody. */
      g_clear_error (&error);
      settle_cancelled (task, _("Withdrawn before it reached the gateway; nothing was charged."));
      return;
    }

  g_task_return_error (task, error);
  g_object_unref (task);
}

void
emitra_submitter_cancel_async (EmitraSubmitter     *self,
                               const char          *request_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (EMITRA_IS_SUBMITTER (self));
  g_return_if_fail (request_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_submitter_cancel_async);
  g_task_set_task_data (task, g_strdup (request_id), g_free);

  emitra_gateway_client_verify_transaction_async (self->gateway, request_id, cancellable,
                                                  on_cancel_verified_cb, task);
}

gboolean
emitra_submitter_cancel_finish (EmitraSubmitter  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_emitra_submitter_emit_settled (EmitraSubmitter   *self,
                                EmitraReceipt     *receipt,
                                EmitraOutboxState  state)
{
  g_signal_emit (self, signals[SETTLED], 0, receipt, (int) state);
}

EmitraDatabase *
_emitra_submitter_get_database (EmitraSubmitter *self)
{
  return emitra_receipt_store_get_database (self->receipts);
}

/* GObject ----------------------------------------------------------- */

EmitraSubmitter *
emitra_submitter_new (EmitraReceiptStore  *receipts,
                      EmitraOutbox        *outbox,
                      EmitraGatewayClient *gateway)
{
  EmitraSubmitter *self;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (receipts), NULL);
  g_return_val_if_fail (EMITRA_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (EMITRA_IS_GATEWAY_CLIENT (gateway), NULL);

  self = g_object_new (EMITRA_TYPE_SUBMITTER, NULL);
  self->receipts = g_object_ref (receipts);
  self->outbox = g_object_ref (outbox);
  self->gateway = g_object_ref (gateway);
  return self;
}

static void
emitra_submitter_finalize (GObject *object)
{
  EmitraSubmitter *self = EMITRA_SUBMITTER (object);

  g_clear_object (&self->receipts);
  g_clear_object (&self->outbox);
  g_clear_object (&self->gateway);

  G_OBJECT_CLASS (emitra_submitter_parent_class)->finalize (object);
}

static void
emitra_submitter_class_init (EmitraSubmitterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = emitra_submitter_finalize;

  /**
   * EmitraSubmitter::settled:
   * @receipt: the receipt as it now stands (an empty receipt when the
   *   item never had one)
   * @state: the #EmitraOutboxState it was settled in
   *
   * A queued submission was confirmed, rejected or cancelled: the window
   * announces it (notification and toast).
   */
  signals[SETTLED] = g_signal_new ("settled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   EMITRA_TYPE_RECEIPT, G_TYPE_INT);
}

static void
emitra_submitter_init (EmitraSubmitter *self)
{
}
