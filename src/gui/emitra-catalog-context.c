/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the catalog page and the desktop search provider share: the
 * catalog store (loaded off the main thread at start-up) and this centre's
 * use of services from desk.db's service_usage, which ranks search results
 * and fills "Favourites" and "Recently used". Uses are counted in memory
 * at once and written to desk.db on its own thread. It also takes the new
 * catalogs the desk's heartbeat brings from the gateway.
 */
#include "config.h"

#include "emitra-catalog-context.h"

#include "emitra-desk-schema.h"
#include "emitra-desk.h"
#include "emitra-service-usage.h"

struct _EmitraCatalogContext
{
  GObject             parent_instance;

  EmitraCatalogStore *store;
  gboolean            loading;
  GError             *error;

  char               *desk_path;
  EmitraDatabase     *desk;
  GPtrArray          *usages;     /* EmitraServiceUsage, the most lately used first */
  GCancellable       *cancellable;

  EmitraDesk         *followed;   /* whose heartbeat brings new catalogs */
  gboolean            start_desk; /* once loaded */
  GBytes             *fetched;    /* brought while loading */
  char               *fetched_etag;
  char               *refused_etag; /* the last broken catalog's */
};

G_DEFINE_FINAL_TYPE (EmitraCatalogContext, emitra_catalog_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  USAGE_CHANGED,
  UPDATED,
  REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void follow_desk_after_load      (EmitraCatalogContext *self);
static void on_store_catalog_changed_cb (EmitraCatalogContext *self);

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
apply_usage (EmitraCatalogContext *self)
{
  g_autoptr(GHashTable) weights = emitra_service_usage_weights (self->usages, now_seconds ());

  emitra_catalog_store_set_usage (self->store, weights);
  g_signal_emit (self, signals[USAGE_CHANGED], 0);
}

static int
compare_latest_first (gconstpointer a,
                      gconstpointer b)
{
  const EmitraServiceUsage *x = *(EmitraServiceUsage * const *) a;
  const EmitraServiceUsage *y = *(EmitraServiceUsage * const *) b;

  return (x->last_used_at < y->last_used_at) - (x->last_used_at > y->last_used_at);
}

static void
on_usage_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EmitraCatalogContext) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) usages = emitra_service_usage_load_finish (EMITRA_DATABASE (source), result, &error);

  if (usages == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Service usage could not be read: %s", error->message);
      return;
    }

  /* Uses and stars noted in the moments before the table was read are
   * not in it: add them to what it says. */
  for (guint i = 0; i < self->usages->len; i++)
    {
      EmitraServiceUsage *noted = self->usages->pdata[i];
      EmitraServiceUsage *stored = NULL;

      for (guint j = 0; j < usages->len && stored == NULL; j++)
        if (g_str_equal (((EmitraServiceUsage *) usages->pdata[j])->service_id, noted->service_id))
          stored = usages->pdata[j];
      if (stored == NULL)
        {
          g_ptr_array_add (usages, g_steal_pointer (&self->usages->pdata[i]));
          continue;
        }
      stored->uses += noted->uses;
      stored->last_used_at = MAX (stored->last_used_at, noted->last_used_at);
      stored->favourite |= noted->favourite;
    }
  g_ptr_array_sort (usages, compare_latest_first);
  g_clear_pointer (&self->usages, g_ptr_array_unref);
  self->usages = g_steal_pointer (&usages);
  apply_usage (self);
}

static void
open_desk_in_thread_cb (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;
  EmitraDatabase *desk = emitra_desk_database_open (task_data, &error);

  if (desk == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, desk, g_object_unref);
}

static void
on_desk_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  EmitraCatalogContext *self = EMITRA_CATALOG_CONTEXT (source);
  g_autoptr(GError) error = NULL;
  EmitraDatabase *desk = g_task_propagate_pointer (G_TASK (result), &error);

  if (desk == NULL)
    {
      /* Search works without the figures; it only ranks less well. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("desk.db could not be opened for service usage: %s", error->message);
      return;
    }

  self->desk = desk;
  emitra_service_usage_load_async (self->desk, self->cancellable, on_usage_loaded_cb, g_object_ref (self));
}

static void
on_store_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EmitraCatalogContext) self = user_data;

  if (!emitra_catalog_store_load_finish (EMITRA_CATALOG_STORE (source), result, &self->error))
    g_warning ("No service catalog: %s", self->error->message);

  self->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  follow_desk_after_load (self);
}

/* Each path may be NULL for the default. Loading starts at once, on
 * other threads; watch "loading". */
EmitraCatalogContext *
emitra_catalog_context_new (const char *cache_path,
                            const char *bundled_dir,
                            const char *desk_path)
{
  EmitraCatalogContext *self = g_object_new (EMITRA_TYPE_CATALOG_CONTEXT, NULL);
  g_autoptr(GTask) task = NULL;

  self->store = emitra_catalog_store_new (cache_path, bundled_dir);
  g_signal_connect_object (self->store, "notify::catalog", G_CALLBACK (on_store_catalog_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->desk_path = desk_path != NULL ? g_strdup (desk_path) : emitra_desk_database_default_path ();
  self->loading = TRUE;

  emitra_catalog_store_load_async (self->store, self->cancellable, on_store_loaded_cb, g_object_ref (self));

  task = g_task_new (self, self->cancellable, on_desk_opened_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->desk_path), g_free);
  g_task_run_in_thread (task, open_desk_in_thread_cb);

  return self;
}

EmitraCatalogStore *
emitra_catalog_context_get_store (EmitraCatalogContext *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_CONTEXT (self), NULL);

  return self->store;
}

/* The catalog in use; NULL while loading or when there is none. */
EmitraCatalog *
emitra_catalog_context_get_catalog (EmitraCatalogContext *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_CONTEXT (self), NULL);

  return emitra_catalog_store_get_catalog (self->store);
}

gboolean
emitra_catalog_context_get_loading (EmitraCatalogContext *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_CONTEXT (self), FALSE);

  return self->loading;
}

/* Why there is no catalog, once loading has finished without one. */
const GError *
emitra_catalog_context_get_error (EmitraCatalogContext *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_CONTEXT (self), NULL);

  return self->error;
}

static EmitraServiceUsage *
find_usage (EmitraCatalogContext *self,
            const char           *service_id,
            guint                *out_index)
{
  for (guint i = 0; i < self->usages->len; i++)
    {
      EmitraServiceUsage *usage = self->usages->pdata[i];

      if (g_str_equal (usage->service_id, service_id))
        {
          if (out_index != NULL)
            *out_index = i;
          return usage;
        }
    }

  return NULL;
}

static void
on_usage_written_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!emitra_service_usage_write_finish (EMITRA_DATABASE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Service usage could not be saved: %s", error->message);
}

/* One more use of a service: it moves to the top of "Recently used" and
 * ranks higher in search from the next keystroke on. */
void
emitra_catalog_context_note_use (EmitraCatalogContext *self,
                                 const char           *service_id)
{
  EmitraServiceUsage *usage;
  guint index = 0;

  g_return_if_fail (EMITRA_IS_CATALOG_CONTEXT (self));
  g_return_if_fail (service_id != NULL);

  usage = find_usage (self, service_id, &index);
  if (usage == NULL)
    {
      usage = g_new0 (EmitraServiceUsage, 1);
      usage->service_id = g_strdup (service_id);
    }
  else
    g_ptr_array_steal_index (self->usages, index);
  usage->uses++;
  usage->last_used_at = now_seconds ();
  g_ptr_array_insert (self->usages, 0, usage);

  if (self->desk != NULL)
    emitra_service_usage_record_async (self->desk, service_id, usage->last_used_at, self->cancellable,
                                       on_usage_written_cb, NULL);
  apply_usage (self);
}

gboolean
emitra_catalog_context_is_favourite (EmitraCatalogContext *self,
                                     const char           *service_id)
{
  EmitraServiceUsage *usage;

  g_return_val_if_fail (EMITRA_IS_CATALOG_CONTEXT (self), FALSE);
  g_return_val_if_fail (service_id != NULL, FALSE);

  usage = find_usage (self, service_id, NULL);
  return usage != NULL && usage->favourite;
}

void
emitra_catalog_context_set_favourite (EmitraCatalogContext *self,
                                      const char           *service_id,
                                      gboolean              favourite)
{
  EmitraServiceUsage *usage;

  g_return_if_fail (EMITRA_IS_CATALOG_CONTEXT (self));
  g_return_if_fail (service_id != NULL);

  usage = find_usage (self, service_id, NULL);
  if (usage == NULL)
    {
      usage = g_new0 (EmitraServiceUsage, 1);
      usage->service_id = g_strdup (service_id);
      g_ptr_array_add (self->usages, usage);
    }
  if (usage->favourite == !!favourite)
    return;
  usage->favourite = !!favourite;

  if (self->desk != NULL)
    emitra_service_usage_set_favourite_async (self->desk, service_id, favourite, self->cancellable,
                                              on_usage_written_cb, NULL);
  g_signal_emit (self, signals[USAGE_CHANGED], 0);
}

static GPtrArray *
list_services (EmitraCatalogContext *self,
               gboolean              favourites,
               guint                 max)
{
  EmitraCatalog *catalog = emitra_catalog_store_get_catalog (self->store);
  GPtrArray *services = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; catalog != NULL && i < self->usages->len && services->len < max; i++)
    {
      EmitraServiceUsage *usage = self->usages->pdata[i];
      EmitraService *service = emitra_catalog_lookup_service (catalog, usage->service_id);

      /* A service the catalog dropped is simply no longer offered. */
      if (service == NULL)
        continue;
      if (favourites ? usage->favourite : (usage->uses > 0 && !usage->favourite))
        g_ptr_array_add (services, g_object_ref (service));
    }

  return services;
}

/* The starred services of the current catalog, the most lately used first. */
GPtrArray *
emitra_catalog_context_list_favourites (EmitraCatalogContext *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_CONTEXT (self), NULL);

  return list_services (self, TRUE, G_MAXUINT);
}

/* Up to @max services used lately and not starred, the latest first. */
GPtrArray *
emitra_catalog_context_list_recent (EmitraCatalogContext *self,
                                    guint                 max)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG_CONTEXT (self), NULL);

  return list_services (self, FALSE, max);
}

/* ---- following the desk's heartbeat -------------------------------------- */

typedef struct
{
  EmitraCatalogContext *self;
  char                 *version;  /* of the catalog in use before */
  char                 *etag;     /* of the one fetched */
} Replacing;

static void
on_fetched_replaced_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Replacing *replacing = user_data;
  EmitraCatalogContext *self = replacing->self;
  g_autoptr(GError) error = NULL;

  if (emitra_catalog_store_replace_finish (EMITRA_CATALOG_STORE (source), result, &error))
    {
      EmitraCatalog *catalog = emitra_catalog_store_get_catalog (self->store);

      /* The gateway's copy of the bundled catalog replaces it quietly. */
      if (g_strcmp0 (emitra_catalog_get_version (catalog), replacing->version) != 0)
        g_signal_emit (self, signals[UPDATED], 0);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Asking with the broken one's tag gets "not modified" until the
       * gateway has another: no download and no message every minute. */
      g_free (self->refused_etag);
      self->refused_etag = g_strdup (replacing->etag);
      if (self->followed != NULL && replacing->etag != NULL)
        emitra_desk_set_catalog_etag (self->followed, replacing->etag);
      g_signal_emit (self, signals[REFUSED], 0, error);
    }

  g_object_unref (replacing->self);
  g_free (replacing->version);
  g_free (replacing->etag);
  g_free (replacing);
}

static void
replace_fetched (EmitraCatalogContext *self,
                 GBytes               *document,
                 const char           *etag)
{
  EmitraCatalog *catalog = emitra_catalog_store_get_catalog (self->store);
  Replacing *replacing;

  /* Fetched while the cached catalog, with this very tag, was loading; or
   * refused before. */
  if (etag != NULL && (g_strcmp0 (etag, emitra_catalog_store_get_etag (self->store)) == 0 ||
                       g_strcmp0 (etag, self->refused_etag) == 0))
    return;

  replacing = g_new0 (Replacing, 1);
  replacing->self = g_object_ref (self);
  replacing->version = catalog != NULL ? g_strdup (emitra_catalog_get_version (catalog)) : NULL;
  replacing->etag = g_strdup (etag);
  emitra_catalog_store_replace_async (self->store, document, etag, self->cancellable,
                                      on_fetched_replaced_cb, replacing);
}

static void
on_catalog_fetched_cb (EmitraDesk           *desk,
                       GBytes               *document,
                       const char           *etag,
                       EmitraCatalogContext *self)
{
  if (self->loading)
    {
      /* Replaced after the load, so the load cannot undo it. */
      g_clear_pointer (&self->fetched, g_bytes_unref);
      g_free (self->fetched_etag);
      self->fetched = g_bytes_ref (document);
      self->fetched_etag = g_strdup (etag);
      return;
    }

  replace_fetched (self, document, etag);
}

static void
on_store_catalog_changed_cb (EmitraCatalogContext *self)
{
  if (emitra_catalog_store_get_catalog (self->store) != NULL)
    g_clear_error (&self->error);
  /* The heartbeat asks with the tag of the catalog in use, so an unchanged
   * catalog is answered "not modified". */
  if (self->followed != NULL)
    emitra_desk_set_catalog_etag (self->followed, emitra_catalog_store_get_etag (self->store));
}

/* After the first load: what the desk fetched meanwhile, and its start. */
static void
follow_desk_after_load (EmitraCatalogContext *self)
{
  if (self->fetched != NULL)
    {
      g_autoptr(GBytes) document = g_steal_pointer (&self->fetched);
      g_autofree char *etag = g_steal_pointer (&self->fetched_etag);

      replace_fetched (self, document, etag);
    }
  if (self->start_desk && self->followed != NULL)
    {
      self->start_desk = FALSE;
      emitra_desk_start (self->followed);
    }
}

/* Starts @desk (emitra_desk_start()) once the catalog in use is known, so
 * that the first heartbeat already carries its ETag, and from then on
 * takes each new catalog the heartbeat brings: "updated" when a catalog of
 * another version is in use, "refused" when the gateway's was broken (the
 * one in use stays). */
void
emitra_catalog_context_start_desk (EmitraCatalogContext *self,
                                   EmitraDesk           *desk)
{
  g_return_if_fail (EMITRA_IS_CATALOG_CONTEXT (self));
  g_return_if_fail (EMITRA_IS_DESK (desk));
  g_return_if_fail (self->followed == NULL);

  self->followed = g_object_ref (desk);
  g_signal_connect_object (desk, "catalog-fetched", G_CALLBACK (on_catalog_fetched_cb), self, 0);
  on_store_catalog_changed_cb (self);

  self->start_desk = TRUE;
  if (!self->loading)
    follow_desk_after_load (self);
}

static void
emitra_catalog_context_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EmitraCatalogContext *self = EMITRA_CATALOG_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_catalog_context_dispose (GObject *object)
{
  EmitraCatalogContext *self = EMITRA_CATALOG_CONTEXT (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (emitra_catalog_context_parent_class)->dispose (object);
}

static void
emitra_catalog_context_finalize (GObject *object)
{
  EmitraCatalogContext *self = EMITRA_CATALOG_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->desk);
  g_clear_object (&self->followed);
  g_clear_pointer (&self->fetched, g_bytes_unref);
  g_free (self->fetched_etag);
  g_free (self->refused_etag);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->usages, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_free (self->desk_path);

  G_OBJECT_CLASS (emitra_catalog_context_parent_class)->finalize (object);
}

static void
emitra_catalog_context_class_init (EmitraCatalogContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_catalog_context_get_property;
  object_class->dispose = emitra_catalog_context_dispose;
  object_class->finalize = emitra_catalog_context_finalize;

  /* TRUE until the first catalog is loaded, or has failed to load. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Favourites, recent use or the ranking changed. */
  signals[USAGE_CHANGED] =
    g_signal_new ("usage-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A catalog of another version, from the gateway, is in use. */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The gateway sent a catalog that failed the checks (the GError says
   * why); the one in use stays. */
  signals[REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
emitra_catalog_context_init (EmitraCatalogContext *self)
{
  self->usages = g_ptr_array_new_with_free_func ((GDestroyNotify) emitra_service_usage_free);
  self->cancellable = g_cancellable_new ();
}
