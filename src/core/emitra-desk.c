/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk: the objects one counter works with, made once and shared by
 * every window and page: the durable desk database (receipts, outbox,
 * drafts), the gateway client, and the submitter between them.
 *
 * It also keeps two facts the window shows. "online": whether the gateway
 * answered lately. A cheap conditional catalog request (If-None-Match,
 * answered 304 when nothing changed) is the heartbeat, every minute when
 * online and every 15 seconds when not; when it brings a new catalog the
 * desk hands it on ("catalog-fetched"). "training": whether the gateway
 * says it is a sandbox. Coming back online drains the outbox at once.
 */
#include "config.h"

#include "emitra-desk.h"

#include <glib/gi18n-lib.h>

#include "emitra-desk-schema.h"

#define HEARTBEAT_ONLINE_SECONDS   60
#define HEARTBEAT_OFFLINE_SECONDS  15
#define DRAIN_SECONDS              30

struct _EmitraDesk
{
  GObject              parent_instance;

  EmitraDatabase      *database;
  EmitraGatewayClient *gateway;
  EmitraReceiptStore  *receipts;
  EmitraOutbox        *outbox;
  EmitraDraftStore    *drafts;
  EmitraSubmitter     *submitter;
  GCancellable        *cancellable;

  char                *catalog_etag;
  guint                heartbeat_id;
  guint                drain_id;
  gboolean             online;
  gboolean             probing;
};

G_DEFINE_FINAL_TYPE (EmitraDesk, emitra_desk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ONLINE,
  PROP_TRAINING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CATALOG_FETCHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_heartbeat (EmitraDesk *self);

EmitraDatabase *
emitra_desk_get_database (EmitraDesk *self)
{
  g_return_val_if_fail (EMITRA_IS_DESK (self), NULL);
  return self->database;
}

EmitraGatewayClient *
emitra_desk_get_gateway (EmitraDesk *self)
{
  g_return_val_if_fail (EMITRA_IS_DESK (self), NULL);
  return self->gateway;
}

EmitraReceiptStore *
emitra_desk_get_receipts (EmitraDesk *self)
{
  g_return_val_if_fail (EMITRA_IS_DESK (self), NULL);
  return self->receipts;
}

EmitraOutbox *
emitra_desk_get_outbox (EmitraDesk *self)
{
  g_return_val_if_fail (EMITRA_IS_DESK (self), NULL);
  return self->outbox;
}

EmitraDraftStore *
emitra_desk_get_drafts (EmitraDesk *self)
{
  g_return_val_if_fail (EMITRA_IS_DESK (self), NULL);
  return self->drafts;
}

EmitraSubmitter *
emitra_desk_get_submitter (EmitraDesk *self)
{
  g_return_val_if_fail (EMITRA_IS_DESK (self), NULL);
  return self->submitter;
}

gboolean
emitra_desk_get_online (EmitraDesk *self)
{
  g_return_val_if_fail (EMITRA_IS_DESK (self), FALSE);
  return self->online;
}

gboolean
emitra_desk_get_training (EmitraDesk *self)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  g_return_val_if_fail (EMITRA_IS_DESK (self), FALSE);

  if (emitra_gateway_client_get_mode (self->gateway) != NULL)
    return emitra_gateway_client_is_training (self->gateway);

  /* Before the gateway has said: the sandbox only ever runs on this
   * machine, and a real gateway never does, so loopback means training. */
  uri = g_uri_parse (emitra_gateway_client_get_base_uri (self->gateway), G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  return host != NULL && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "localhost") ||
                          g_str_equal (host, "::1"));
}

/* The ETag of the catalog in use, so the heartbeat's request is answered
 * "not modified" while nothing changed. */
void
emitra_desk_set_catalog_etag (EmitraDesk *self,
                              const char *etag)
{
  g_return_if_fail (EMITRA_IS_DESK (self));

  g_free (self->catalog_etag);
  self->catalog_etag = g_strdup (etag);
}

static void
on_drained_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  emitra_submitter_drain_finish (EMITRA_SUBMITTER (source), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Outbox drain: %s", error->message);
}

static void
drain (EmitraDesk *self,
       gboolean    due_only)
{
  emitra_submitter_drain_async (self->submitter, due_only, self->cancellable, on_drained_cb, NULL);
}

static void
set_online (EmitraDesk *self,
            gboolean    online)
{
  if (self->online == online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);

  /* The line is back: everything waiting goes now, not at its backoff. */
  if (online)
    drain (self, FALSE);
}

static void
on_heartbeat_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EmitraDesk) self = user_data;
  g_autoptr(GBytes) catalog = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  self->probing = FALSE;
  if (!emitra_gateway_client_fetch_catalog_finish (EMITRA_GATEWAY_CLIENT (source), result,
                                                   &catalog, &etag, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Gateway heartbeat failed: %s", error->message);
      /* Only an unreachable gateway is "offline"; a gateway that answers
       * badly is reachable, and its errors show where they happen. */
      set_online (self, !(g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_NETWORK) ||
                          g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_TIMEOUT) ||
                          g_error_matches (error, EMITRA_GATEWAY_ERROR, EMITRA_GATEWAY_ERROR_TLS)));
    }
  else
    {
      set_online (self, TRUE);
      if (catalog != NULL)
        g_signal_emit (self, signals[CATALOG_FETCHED], 0, catalog, etag);
    }

  schedule_heartbeat (self);
}

/* Probes the gateway now (after a submission failed, say). */
void
emitra_desk_check_now (EmitraDesk *self)
{
  g_return_if_fail (EMITRA_IS_DESK (self));

  if (self->probing)
    return;
  self->probing = TRUE;
  emitra_gateway_client_fetch_catalog_async (self->gateway, self->catalog_etag, self->cancellable,
                                             on_heartbeat_cb, g_object_ref (self));
}

static gboolean
on_heartbeat_timeout_cb (gpointer user_data)
{
  EmitraDesk *self = user_data;

  self->heartbeat_id = 0;
  emitra_desk_check_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_heartbeat (EmitraDesk *self)
{
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  self->heartbeat_id = g_timeout_add_seconds (self->online ? HEARTBEAT_ONLINE_SECONDS
                                                           : HEARTBEAT_OFFLINE_SECONDS,
                                              on_heartbeat_timeout_cb, self);
}

static gboolean
on_drain_timeout_cb (gpointer user_data)
{
  EmitraDesk *self = user_data;

  drain (self, TRUE);
  return G_SOURCE_CONTINUE;
}

/* Starts the heartbeat and the periodic drain of due outbox items. */
void
emitra_desk_start (EmitraDesk *self)
{
  g_return_if_fail (EMITRA_IS_DESK (self));

  emitra_desk_check_now (self);
  if (self->drain_id == 0)
    self->drain_id = g_timeout_add_seconds (DRAIN_SECONDS, on_drain_timeout_cb, self);
}

static void
on_gateway_mode_changed_cb (EmitraDesk *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINING]);
}

/* A damaged database is never reset or repaired silently: it holds the
 * centre's receipts. A copy of it (and of its journal) is taken at once, so
 * whatever support does next, the original bytes are safe, and the
 * message says where the copy is. */
static EmitraDatabase *
open_database (const char  *path,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *backup = NULL;
  EmitraDatabase *database;

  database = emitra_desk_database_open (path, &local_error);
  if (database != NULL)
    return database;

  if (!g_error_matches (local_error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  backup = g_strdup_printf ("%s.damaged-%s", path, stamp);
  {
    const char *suffixes[] = { "", "-wal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
        g_autofree char *to = g_strconcat (backup, suffixes[i], NULL);
        g_autoptr(GFile) source = g_file_new_for_path (from);
        g_autoptr(GFile) target = g_file_new_for_path (to);

        if (g_file_query_exists (source, NULL))
          g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
      }
  }

  g_set_error (error, EMITRA_DATABASE_ERROR, EMITRA_DATABASE_ERROR_CORRUPT,
               /* Translators: the first %s is a whole sentence saying the database is damaged. */
               _("%s A copy was saved as %s. Do not delete either file: call your district e-Mitra support, who can recover the receipts from it."),
               local_error->message, backup);
  return NULL;
}

EmitraDesk *
emitra_desk_new (const char  *data_dir,
                 const char  *gateway_url,
                 const char  *ca_file,
                 GError     **error)
{
  g_autoptr(EmitraDesk) self = g_object_new (EMITRA_TYPE_DESK, NULL);
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *path = NULL;

  path = data_dir != NULL ? g_build_filename (data_dir, "desk.db", NULL)
                          : emitra_desk_database_default_path ();
  self->database = open_database (path, error);
  if (self->database == NULL)
    return NULL;

  session = soup_session_new_with_options ("user-agent", "e-Mitra-Desk/" PACKAGE_VERSION, NULL);
  self->gateway = emitra_gateway_client_new (session,
                                             gateway_url != NULL && gateway_url[0] != '\0'
                                               ? gateway_url : EMITRA_DESK_SANDBOX_URL,
                                             error);
  if (self->gateway == NULL)
    return NULL;
  if (ca_file != NULL && ca_file[0] != '\0' &&
      !emitra_gateway_client_set_ca_file (self->gateway, ca_file, error))
    return NULL;
  g_signal_connect_object (self->gateway, "notify::mode",
                           G_CALLBACK (on_gateway_mode_changed_cb), self, G_CONNECT_SWAPPED);

  self->receipts = emitra_receipt_store_new (self->database);
  self->outbox = emitra_outbox_new (self->database);
  self->drafts = emitra_draft_store_new (self->database);
  self->submitter = emitra_submitter_new (self->receipts, self->outbox, self->gateway);

  return g_steal_pointer (&self);
}

static void
emitra_desk_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EmitraDesk *self = EMITRA_DESK (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_TRAINING:
      g_value_set_boolean (value, emitra_desk_get_training (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_desk_dispose (GObject *object)
{
  EmitraDesk *self = EMITRA_DESK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  g_clear_handle_id (&self->drain_id, g_source_remove);
  g_clear_object (&self->submitter);
  g_clear_object (&self->drafts);
  g_clear_object (&self->outbox);
  g_clear_object (&self->receipts);
  g_clear_object (&self->gateway);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (emitra_desk_parent_class)->dispose (object);
}

static void
emitra_desk_finalize (GObject *object)
{
  EmitraDesk *self = EMITRA_DESK (object);

  g_clear_object (&self->cancellable);
  g_free (self->catalog_etag);

  G_OBJECT_CLASS (emitra_desk_parent_class)->finalize (object);
}

static void
emitra_desk_class_init (EmitraDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = emitra_desk_dispose;
  object_class->finalize = emitra_desk_finalize;
  object_class->get_property = emitra_desk_get_property;

  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TRAINING] =
    g_param_spec_boolean ("training", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmitraDesk::catalog-fetched:
   * @catalog: the new catalog document's bytes
   * @etag: its tag
   *
   * The gateway has a catalog other than the one in use: the catalog
   * store checks it and, if it is sound, replaces its own in one step.
   */
  signals[CATALOG_FETCHED] = g_signal_new ("catalog-fetched", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_BYTES, G_TYPE_STRING);
}

static void
emitra_desk_init (EmitraDesk *self)
{
  /* Optimistic until the first heartbeat says otherwise: no banner flashes
   * at start. */
  self->online = TRUE;
  self->cancellable = g_cancellable_new ();
}
