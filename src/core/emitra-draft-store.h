/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-database.h"
#include "emitra-draft.h"
#include "emitra-form-schema.h"

G_BEGIN_DECLS

#define EMITRA_DRAFT_STORE_ERROR (emitra_draft_store_error_quark ())

typedef enum {
  EMITRA_DRAFT_STORE_ERROR_NOT_FOUND,  /* no draft with that id (purged or deleted) */
  EMITRA_DRAFT_STORE_ERROR_CORRUPT,    /* a saved draft that cannot be read back */
} EmitraDraftStoreError;

#define EMITRA_TYPE_DRAFT_STORE (emitra_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDraftStore, emitra_draft_store, EMITRA, DRAFT_STORE, GObject)

GQuark            emitra_draft_store_error_quark             (void);

EmitraDraftStore *emitra_draft_store_new                     (EmitraDatabase       *database);
EmitraDatabase   *emitra_draft_store_get_database            (EmitraDraftStore     *self);

void              emitra_draft_store_save_async              (EmitraDraftStore     *self,
                                                              EmitraDraft          *draft,
                                                              EmitraFormSchema     *schema,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean          emitra_draft_store_save_finish             (EmitraDraftStore     *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void              emitra_draft_store_load_async              (EmitraDraftStore     *self,
                                                              const char           *draft_id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
EmitraDraft      *emitra_draft_store_load_finish             (EmitraDraftStore     *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void              emitra_draft_store_list_async              (EmitraDraftStore     *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GListModel       *emitra_draft_store_list_finish             (EmitraDraftStore     *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void              emitra_draft_store_ensure_request_id_async (EmitraDraftStore     *self,
                                                              EmitraDraft          *draft,
                                                              EmitraFormSchema     *schema,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
char             *emitra_draft_store_ensure_request_id_finish (EmitraDraftStore    *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void              emitra_draft_store_mark_submitted_async    (EmitraDraftStore     *self,
                                                              EmitraDraft          *draft,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean          emitra_draft_store_mark_submitted_finish   (EmitraDraftStore     *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void              emitra_draft_store_delete_async            (EmitraDraftStore     *self,
                                                              const char           *draft_id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean          emitra_draft_store_delete_finish           (EmitraDraftStore     *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void              emitra_draft_store_list_expired_async      (EmitraDraftStore     *self,
                                                              guint                 max_age_days,
                                                              gint64                now,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GListModel       *emitra_draft_store_list_expired_finish     (EmitraDraftStore     *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void              emitra_draft_store_purge_async             (EmitraDraftStore     *self,
                                                              guint                 max_age_days,
                                                              gint64                now,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean          emitra_draft_store_purge_finish            (EmitraDraftStore     *self,
                                                              GAsyncResult         *result,
                                                              guint                *out_n_purged,
                                                              GError              **error);

G_END_DECLS
