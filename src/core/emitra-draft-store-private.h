/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-draft-store.h"

G_BEGIN_DECLS

/* A draft's row as it will be written, already masked: built on the
 * caller's thread so the worker never touches the GObject. */
typedef struct
{
  char   *id;
  char   *service_id;
  char   *step;
  char   *values_json;
  char   *citizen_name;
  char   *request_id;     /* a fresh one, used only if the draft has none */
  gint64  created_at;
  gint64  updated_at;
} EmitraDraftRow;

EmitraDraftRow *_emitra_draft_row_new                      (EmitraDraft       *draft,
                                                           EmitraFormSchema  *schema);
void            _emitra_draft_row_free                     (gpointer           row);

/* EmitraDatabaseJob functions. */
gpointer        _emitra_draft_store_save_job               (sqlite3           *db,
                                                           gpointer           row,
                                                           GError           **error);
gpointer        _emitra_draft_store_ensure_request_id_job  (sqlite3           *db,
                                                           gpointer           row,
                                                           GError           **error);
gpointer        _emitra_draft_store_load_job               (sqlite3           *db,
                                                           gpointer           draft_id,
                                                           GError           **error);
gpointer        _emitra_draft_store_list_job               (sqlite3           *db,
                                                           gpointer           cutoff,
                                                           GError           **error);
gpointer        _emitra_draft_store_mark_submitted_job     (sqlite3           *db,
                                                           gpointer           draft_id,
                                                           GError           **error);
gpointer        _emitra_draft_store_delete_job             (sqlite3           *db,
                                                           gpointer           draft_id,
                                                           GError           **error);
gpointer        _emitra_draft_store_purge_job              (sqlite3           *db,
                                                           gpointer           cutoff,
                                                           GError           **error);

G_END_DECLS
