/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves a draft as it is typed without writing on every keystroke: each
 * change (the draft's ::changed, or a call to _queue()) restarts a short
 * timer, and when the operator pauses (~300 ms) the draft's state is
 * written on the database thread. At most one save is in flight; changes
 * made meanwhile are written by the next one, so the last state always
 * lands last. _flush_async() writes at once and completes when everything
 * typed so far is on disk: the GUI calls it on Next, on leaving the
 * application and on quitting.
 *
 * A failed save (disk full) is reported through ::save-failed and retried
 * on the next change, on flush and after a few seconds, because the
 * operator's work is still in memory.
 */
#include "config.h"

#include "emitra-draft-saver.h"

#define RETRY_DELAY_MS 5000

struct _EmitraDraftSaver
{
  GObject            parent_instance;

  EmitraDraftStore  *store;
  EmitraDraft       *draft;
  EmitraFormSchema  *schema;
  GMainContext      *context;
  GSource           *timer;
  GPtrArray         *flush_tasks;   /* of GTask waiting for the draft to be on disk */
  guint              delay_ms;
  guint              n_saves;
  gboolean           dirty;
  gboolean           in_flight;
};

G_DEFINE_FINAL_TYPE (EmitraDraftSaver, emitra_draft_saver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_save (EmitraDraftSaver *self);

static gboolean
is_pending (EmitraDraftSaver *self)
{
  return self->dirty || self->in_flight;
}

static void
stop_timer (EmitraDraftSaver *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
}

static gboolean
on_timer_cb (gpointer user_data)
{
  EmitraDraftSaver *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  start_save (self);
  return G_SOURCE_REMOVE;
}

static void
start_timer (EmitraDraftSaver *self,
             guint             delay_ms)
{
  stop_timer (self);
  self->timer = g_timeout_source_new (delay_ms);
  g_source_set_name (self->timer, "[emitra] draft saver");
  g_source_set_callback (self->timer, on_timer_cb, self, NULL);
  g_source_attach (self->timer, self->context);
}

static void
complete_flushes (EmitraDraftSaver *self,
                  const GError     *error)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->flush_tasks);

  self->flush_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EmitraDraftSaver) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean was_pending = is_pending (self);

  self->in_flight = FALSE;
  if (!emitra_draft_store_save_finish (EMITRA_DRAFT_STORE (source), result, &error))
    {
      /* The draft is still in memory: try again, and tell the operator why
       * "saved" is not showing. */
      self->dirty = TRUE;
      complete_flushes (self, error);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
      if (self->timer == NULL)
        start_timer (self, RETRY_DELAY_MS);
      return;
    }

  self->n_saves++;
  if (self->dirty)
    {
      /* Typed while the save was on its way. Write now if someone waits on
       * a flush or the pause has already passed; otherwise the running
       * timer will. */
      if (self->flush_tasks->len > 0 || self->timer == NULL)
        start_save (self);
      return;
    }

  complete_flushes (self, NULL);
  if (was_pending != is_pending (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
start_save (EmitraDraftSaver *self)
{
  if (self->in_flight || !self->dirty)
    return;

  stop_timer (self);
  self->dirty = FALSE;
  self->in_flight = TRUE;
  /* The store copies the draft's state now, on this thread. */
  emitra_draft_store_save_async (self->store, self->draft, self->schema, NULL,
                                 on_saved_cb, g_object_ref (self));
}

/* Something changed: save after the operator pauses. */
void
emitra_draft_saver_queue (EmitraDraftSaver *self)
{
  gboolean was_pending;

  g_return_if_fail (EMITRA_IS_DRAFT_SAVER (self));

  was_pending = is_pending (self);
  self->dirty = TRUE;
  start_timer (self, self->delay_ms);
  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
on_draft_changed_cb (EmitraDraftSaver *self)
{
  emitra_draft_saver_queue (self);
}

/* Writes pending changes now; completes when all changes made before the
 * call are on disk (at once when there are none). */
void
emitra_draft_saver_flush_async (EmitraDraftSaver    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EMITRA_IS_DRAFT_SAVER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_draft_saver_flush_async);

  if (!is_pending (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (self->flush_tasks, g_steal_pointer (&task));
  start_save (self);
}

gboolean
emitra_draft_saver_flush_finish (EmitraDraftSaver  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == emitra_draft_saver_flush_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saves @draft through @store whenever it changes. @schema (may be NULL)
 * tells the store which fields to mask. */
EmitraDraftSaver *
emitra_draft_saver_new (EmitraDraftStore *store,
                        EmitraDraft      *draft,
                        EmitraFormSchema *schema)
{
  EmitraDraftSaver *self;

  g_return_val_if_fail (EMITRA_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (EMITRA_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (schema == NULL || EMITRA_IS_FORM_SCHEMA (schema), NULL);

  self = g_object_new (EMITRA_TYPE_DRAFT_SAVER, NULL);
  self->store = g_object_ref (store);
  self->draft = g_object_ref (draft);
  self->schema = schema != NULL ? g_object_ref (schema) : NULL;
  g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

EmitraDraft *
emitra_draft_saver_get_draft (EmitraDraftSaver *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT_SAVER (self), NULL);
  return self->draft;
}

void
emitra_draft_saver_set_delay (EmitraDraftSaver *self,
                              guint             delay_ms)
{
  g_return_if_fail (EMITRA_IS_DRAFT_SAVER (self));
  self->delay_ms = delay_ms;
}

/* TRUE while some change is not yet on disk. */
gboolean
emitra_draft_saver_get_pending (EmitraDraftSaver *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT_SAVER (self), FALSE);
  return is_pending (self);
}

/* How many saves completed: for tests and the debounce benchmark. */
guint
emitra_draft_saver_get_n_saves (EmitraDraftSaver *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT_SAVER (self), 0);
  return self->n_saves;
}

static void
emitra_draft_saver_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EmitraDraftSaver *self = EMITRA_DRAFT_SAVER (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, is_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_draft_saver_dispose (GObject *object)
{
  EmitraDraftSaver *self = EMITRA_DRAFT_SAVER (object);

  stop_timer (self);

  /* Dropped with changes unsaved (the GUI should have flushed): write them
   * anyway; the database finishes queued jobs before it closes. */
  if (self->dirty && self->store != NULL)
    {
      self->dirty = FALSE;
      emitra_draft_store_save_async (self->store, self->draft, self->schema, NULL, NULL, NULL);
    }

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->store);
  g_clear_object (&self->draft);
  g_clear_object (&self->schema);

  G_OBJECT_CLASS (emitra_draft_saver_parent_class)->dispose (object);
}

static void
emitra_draft_saver_finalize (GObject *object)
{
  EmitraDraftSaver *self = EMITRA_DRAFT_SAVER (object);

  g_assert (self->flush_tasks->len == 0);
  g_ptr_array_unref (self->flush_tasks);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (emitra_draft_saver_parent_class)->finalize (object);
}

static void
emitra_draft_saver_class_init (EmitraDraftSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_draft_saver_get_property;
  object_class->dispose = emitra_draft_saver_dispose;
  object_class->finalize = emitra_draft_saver_finalize;

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmitraDraftSaver::save-failed:
   * @error: why, in words for the operator
   *
   * A save failed; it is retried. Flushes waiting on it fail with @error.
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
emitra_draft_saver_init (EmitraDraftSaver *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->flush_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->delay_ms = EMITRA_DRAFT_SAVER_DEFAULT_DELAY_MS;
}
