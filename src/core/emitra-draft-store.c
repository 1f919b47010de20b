/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts on disk, in desk.db's `drafts` table: saved as they are typed
 * (through EmitraDraftSaver), listed newest first for the Drafts list,
 * loaded to resume at the step where work stopped, purged when older than
 * the configured number of days (after the GUI has warned, using the same
 * query), and given their request ID once, in the same durable write that
 * saves them, before the first submit goes out.
 *
 * Privacy: a draft in memory holds the full Aadhaar number as typed; what
 * is written holds only "XXXX XXXX 1234". Fields of type aadhaar are
 * masked whatever they hold (a mistyped number is still most of a real
 * one), and every other value, document path and the citizen's name is
 * scanned for a valid Aadhaar number, which is masked too. Consumer numbers
 * are the one exception: a 12-digit electricity K-number can pass the
 * Aadhaar checks, and masking it would lose the bill. Resuming a draft
 * whose number was typed by hand asks for it again (the citizen and the
 * card are at the counter); no key to an encrypted copy has to be kept.
 *
 * All work runs on the database's thread; results come back on the
 * caller's main context.
 */
#include "config.h"

#include "emitra-draft-store.h"
#include "emitra-draft-store-private.h"
#include "emitra-draft-private.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

G_DEFINE_QUARK (emitra-draft-store-error-quark, emitra_draft_store_error)

struct _EmitraDraftStore
{
  GObject         parent_instance;

  EmitraDatabase *database;
};

G_DEFINE_FINAL_TYPE (EmitraDraftStore, emitra_draft_store, G_TYPE_OBJECT)

/* What to do on the caller's thread once a job is done. */
typedef enum {
  AFTER_NOTHING,
  AFTER_SET_REQUEST_ID,
  AFTER_SET_SUBMITTED,
} After;

typedef struct
{
  After           after;
  EmitraDraft    *draft;
  GDestroyNotify  result_free;
} Outer;

static void
outer_free (gpointer data)
{
  Outer *outer = data;

  g_clear_object (&outer->draft);
  g_free (outer);
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Outer *outer = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer value;

  value = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (outer->after == AFTER_SET_REQUEST_ID)
    _emitra_draft_set_request_id (outer->draft, value);
  else if (outer->after == AFTER_SET_SUBMITTED)
    _emitra_draft_set_submitted (outer->draft, TRUE);

  g_task_return_pointer (task, value, outer->result_free);
}

static void
run_job (EmitraDraftStore    *self,
         gpointer             source_tag,
         EmitraDatabaseJob    job,
         gpointer             job_data,
         GDestroyNotify       job_data_free,
         GDestroyNotify       result_free,
         After                after,
         EmitraDraft         *draft,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Outer *outer = g_new0 (Outer, 1);

  g_task_set_source_tag (task, source_tag);
  outer->after = after;
  outer->draft = draft != NULL ? g_object_ref (draft) : NULL;
  outer->result_free = result_free;
  g_task_set_task_data (task, outer, outer_free);

  emitra_database_run_async (self->database, job, job_data, job_data_free, result_free,
                             cancellable, on_job_done_cb, task);
}

static gpointer
finish_job (EmitraDraftStore  *self,
            GAsyncResult      *result,
            gpointer           source_tag,
            GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gint64 *
cutoff_new (guint  max_age_days,
            gint64 now)
{
  gint64 *cutoff = g_new (gint64, 1);

  if (now <= 0)
    now = g_get_real_time () / G_USEC_PER_SEC;
  *cutoff = now - (gint64) max_age_days * SECONDS_PER_DAY;
  return cutoff;
}

EmitraDraftStore *
emitra_draft_store_new (EmitraDatabase *database)
{
  EmitraDraftStore *self;

  g_return_val_if_fail (EMITRA_IS_DATABASE (database), NULL);

  self = g_object_new (EMITRA_TYPE_DRAFT_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

EmitraDatabase *
emitra_draft_store_get_database (EmitraDraftStore *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT_STORE (self), NULL);
  return self->database;
}

/* Saves @draft as it is now (later edits need another save). @schema says
 * which fields hold an Aadhaar number; without it every value is only
 * scanned for valid ones. Prefer EmitraDraftSaver in the GUI. */
void
emitra_draft_store_save_async (EmitraDraftStore    *self,
                               EmitraDraft         *draft,
                               EmitraFormSchema    *schema,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_DRAFT_STORE (self));
  g_return_if_fail (EMITRA_IS_DRAFT (draft));
  g_return_if_fail (schema == NULL || EMITRA_IS_FORM_SCHEMA (schema));

  run_job (self, emitra_draft_store_save_async, _emitra_draft_store_save_job, _emitra_draft_row_new (draft, schema), _emitra_draft_row_free,
           NULL, AFTER_NOTHING, NULL, cancellable, callback, user_data);
}

gboolean
emitra_draft_store_save_finish (EmitraDraftStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  return finish_job (self, result, emitra_draft_store_save_async, error) != NULL;
}

void
emitra_draft_store_load_async (EmitraDraftStore    *self,
                               const char          *draft_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_DRAFT_STORE (self));
  g_return_if_fail (draft_id != NULL);

  run_job (self, emitra_draft_store_load_async, _emitra_draft_store_load_job, g_strdup (draft_id), g_free,
           g_object_unref, AFTER_NOTHING, NULL, cancellable, callback, user_data);
}

EmitraDraft *
emitra_draft_store_load_finish (EmitraDraftStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  return finish_job (self, result, emitra_draft_store_load_async, error);
}

/* The unsubmitted drafts, newest first: the Drafts list. */
void
emitra_draft_store_list_async (EmitraDraftStore    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_DRAFT_STORE (self));

  run_job (self, emitra_draft_store_list_async, _emitra_draft_store_list_job, g_new0 (gint64, 1), g_free,
           g_object_unref, AFTER_NOTHING, NULL, cancellable, callback, user_data);
}

GListModel *
emitra_draft_store_list_finish (EmitraDraftStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  return finish_job (self, result, emitra_draft_store_list_async, error);
}

/* Returns the draft's request ID, making it first if the draft has none:
 * the draft's current state and the new ID are written in one durable
 * transaction before this completes, and every later call, after a
 * restart too, returns the same ID. Also sets it on @draft. */
void
emitra_draft_store_ensure_request_id_async (EmitraDraftStore    *self,
                                            EmitraDraft         *draft,
                                            EmitraFormSchema    *schema,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  EmitraDraftRow *row;

  g_return_if_fail (EMITRA_IS_DRAFT_STORE (self));
  g_return_if_fail (EMITRA_IS_DRAFT (draft));
  g_return_if_fail (schema == NULL || EMITRA_IS_FORM_SCHEMA (schema));

  row = _emitra_draft_row_new (draft, schema);
  row->request_id = g_uuid_string_random ();
  run_job (self, emitra_draft_store_ensure_request_id_async, _emitra_draft_store_ensure_request_id_job, row, _emitra_draft_row_free,
           g_free, AFTER_SET_REQUEST_ID, draft, cancellable, callback, user_data);
}

char *
emitra_draft_store_ensure_request_id_finish (EmitraDraftStore  *self,
                                             GAsyncResult      *result,
                                             GError           **error)
{
  return finish_job (self, result, emitra_draft_store_ensure_request_id_async, error);
}

/* The submission is in the outbox or confirmed: the draft leaves the
 * Drafts list (it stays on disk until purged). */
void
emitra_draft_store_mark_submitted_async (EmitraDraftStore    *self,
                                         EmitraDraft         *draft,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_DRAFT_STORE (self));
  g_return_if_fail (EMITRA_IS_DRAFT (draft));

  run_job (self, emitra_draft_store_mark_submitted_async, _emitra_draft_store_mark_submitted_job,
           g_strdup (emitra_draft_get_id (draft)), g_free, NULL, AFTER_SET_SUBMITTED, draft,
           cancellable, callback, user_data);
}

gboolean
emitra_draft_store_mark_submitted_finish (EmitraDraftStore  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  return finish_job (self, result, emitra_draft_store_mark_submitted_async, error) != NULL;
}

/* The operator discards a draft. */
void
emitra_draft_store_delete_async (EmitraDraftStore    *self,
                                 const char          *draft_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_DRAFT_STORE (self));
  g_return_if_fail (draft_id != NULL);

  run_job (self, emitra_draft_store_delete_async, _emitra_draft_store_delete_job, g_strdup (draft_id), g_free,
           NULL, AFTER_NOTHING, NULL, cancellable, callback, user_data);
}

gboolean
emitra_draft_store_delete_finish (EmitraDraftStore  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return finish_job (self, result, emitra_draft_store_delete_async, error) != NULL;
}

/* The unfinished drafts a purge with the same arguments would delete,
 * newest first: what the warning lists. To warn a day ahead, ask with
 * @max_age_days one less than the setting. @now is Unix seconds, 0 for
 * the current time. */
void
emitra_draft_store_list_expired_async (EmitraDraftStore    *self,
                                       guint                max_age_days,
                                       gint64               now,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_DRAFT_STORE (self));

  run_job (self, emitra_draft_store_list_expired_async, _emitra_draft_store_list_job, cutoff_new (max_age_days, now), g_free,
           g_object_unref, AFTER_NOTHING, NULL, cancellable, callback, user_data);
}

GListModel *
emitra_draft_store_list_expired_finish (EmitraDraftStore  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  return finish_job (self, result, emitra_draft_store_list_expired_async, error);
}

/* Deletes drafts, finished or not, last changed more than @max_age_days
 * before @now, except those whose submission still awaits the gateway. */
void
emitra_draft_store_purge_async (EmitraDraftStore    *self,
                                guint                max_age_days,
                                gint64               now,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (EMITRA_IS_DRAFT_STORE (self));

  run_job (self, emitra_draft_store_purge_async, _emitra_draft_store_purge_job, cutoff_new (max_age_days, now), g_free,
           g_free, AFTER_NOTHING, NULL, cancellable, callback, user_data);
}

gboolean
emitra_draft_store_purge_finish (EmitraDraftStore  *self,
                                 GAsyncResult      *result,
                                 guint             *out_n_purged,
                                 GError           **error)
{
  g_autofree guint *n_purged = finish_job (self, result, emitra_draft_store_purge_async, error);

  if (n_purged == NULL)
    return FALSE;
  if (out_n_purged != NULL)
    *out_n_purged = *n_purged;
  return TRUE;
}

static void
emitra_draft_store_dispose (GObject *object)
{
  EmitraDraftStore *self = EMITRA_DRAFT_STORE (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (emitra_draft_store_parent_class)->dispose (object);
}

static void
emitra_draft_store_class_init (EmitraDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = emitra_draft_store_dispose;
}

static void
emitra_draft_store_init (EmitraDraftStore *self)
{
}
