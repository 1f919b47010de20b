/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL side of EmitraDraftStore: turning a draft into the row that may
 * be written (masked; see emitra-draft-store.c for what and why) and the
 * jobs that run on the database's thread. Nothing here touches a GObject
 * the main thread is using: a row is a plain copy made before the job is
 * queued.
 */
#include "config.h"

#include "emitra-draft-store.h"
#include "emitra-draft-store-private.h"
#include "emitra-draft-private.h"
#include "emitra-validate.h"

#include <glib/gi18n-lib.h>

#define DRAFT_COLUMNS \
  "id, service_id, step, values_json, request_id, citizen_name, created_at, updated_at, submitted"

/* A draft with a submission the gateway has not yet answered is kept
 * whatever its age: it is the operator's way back to that citizen. */
#define NOT_AWAITING_GATEWAY \
  "(request_id IS NULL OR request_id NOT IN (SELECT request_id FROM outbox WHERE state = 'pending'))"

void
_emitra_draft_row_free (gpointer data)
{
  EmitraDraftRow *row = data;

  g_free (row->id);
  g_free (row->service_id);
  g_free (row->step);
  g_free (row->values_json);
  g_free (row->citizen_name);
  g_free (row->request_id);
  g_free (row);
}

static char *
redact_value (const char *field_id,
              const char *value,
              gpointer    user_data)
{
  EmitraFormSchema *schema = user_data;
  EmitraFormField *field = NULL;

  if (schema != NULL && field_id != NULL)
    field = emitra_form_schema_lookup (schema, field_id);

  if (field != NULL && emitra_form_field_is_sensitive (field))
    return value[0] != '\0' ? emitra_aadhaar_mask (value) : g_strdup ("");
  if (field != NULL && emitra_form_field_get_field_type (field) == EMITRA_FIELD_TYPE_CONSUMER_NUMBER)
    return g_strdup (value);

  return emitra_aadhaar_mask_in_text (value);
}

EmitraDraftRow *
_emitra_draft_row_new (EmitraDraft      *draft,
                       EmitraFormSchema *schema)
{
  EmitraDraftRow *row = g_new0 (EmitraDraftRow, 1);

  row->id = g_strdup (emitra_draft_get_id (draft));
  row->service_id = g_strdup (emitra_draft_get_service_id (draft));
  row->step = g_strdup (emitra_draft_get_step (draft));
  row->values_json = _emitra_draft_to_values_json (draft, redact_value, schema);
  row->citizen_name = emitra_aadhaar_mask_in_text (emitra_draft_get_citizen_name (draft));
  row->created_at = emitra_draft_get_created_at (draft);
  row->updated_at = emitra_draft_get_updated_at (draft);

  return row;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      emitra_database_set_error (db, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* Runs @stmt to completion and finalizes it. */
static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return emitra_database_set_error (db, rc, error);

  return TRUE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  return emitra_database_set_error (db, sqlite3_exec (db, sql, NULL, NULL, NULL), error);
}

/* The request ID and the submitted flag are left alone: they change only
 * through their own calls, so a late debounced save cannot undo them. */
static gboolean
upsert_row (sqlite3   *db,
            EmitraDraftRow  *row,
            GError   **error)
{
  sqlite3_stmt *stmt = prepare (db,
    "INSERT INTO drafts (id, service_id, step, values_json, citizen_name, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, step = excluded.step,"
    "   values_json = excluded.values_json, citizen_name = excluded.citizen_name,"
    "   updated_at = excluded.updated_at",
    error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->service_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->step, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->values_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->citizen_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, row->created_at);
  sqlite3_bind_int64 (stmt, 7, row->updated_at);

  return step_done (db, stmt, error);
}

gpointer
_emitra_draft_store_save_job (sqlite3   *db,
                              gpointer   data,
                              GError   **error)
{
  return upsert_row (db, data, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* One transaction saves the draft's latest state and, if it has none yet,
 * its request ID: when this returns, both are on disk (desk.db is
 * synchronous=FULL), so the submission that follows can be retried with
 * the same ID after any crash. */
gpointer
_emitra_draft_store_ensure_request_id_job (sqlite3   *db,
                                           gpointer   data,
                                           GError   **error)
{
  EmitraDraftRow *row = data;
  sqlite3_stmt *stmt;
  char *request_id = NULL;
  int rc;

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!upsert_row (db, row, error))
    goto fail;

  stmt = prepare (db, "UPDATE drafts SET request_id = ?1 WHERE id = ?2 AND request_id IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, row->request_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->id, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, error))
    goto fail;

  stmt = prepare (db, "SELECT request_id FROM drafts WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    request_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW || request_id == NULL)
    {
      emitra_database_set_error (db, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc, error);
      goto fail;
    }

  if (!exec (db, "COMMIT", error))
    {
      g_free (request_id);
      goto fail;
    }

  return request_id;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

static EmitraDraft *
draft_from_statement (sqlite3_stmt  *stmt,
                      GError       **error)
{
  return _emitra_draft_new_from_row ((const char *) sqlite3_column_text (stmt, 0),
                                     (const char *) sqlite3_column_text (stmt, 1),
                                     (const char *) sqlite3_column_text (stmt, 2),
                                     (const char *) sqlite3_column_text (stmt, 3),
                                     (const char *) sqlite3_column_text (stmt, 4),
                                     (const char *) sqlite3_column_text (stmt, 5),
                                     sqlite3_column_int64 (stmt, 6),
                                     sqlite3_column_int64 (stmt, 7),
                                     sqlite3_column_int (stmt, 8) != 0,
                                     error);
}

gpointer
_emitra_draft_store_load_job (sqlite3   *db,
                              gpointer   data,
                              GError   **error)
{
  const char *draft_id = data;
  sqlite3_stmt *stmt = prepare (db, "SELECT " DRAFT_COLUMNS " FROM drafts WHERE id = ?1", error);
  g_autoptr(GError) read_error = NULL;
  EmitraDraft *draft = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, draft_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    draft = draft_from_statement (stmt, &read_error);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, EMITRA_DRAFT_STORE_ERROR, EMITRA_DRAFT_STORE_ERROR_NOT_FOUND,
                         _("The draft is no longer there; it was finished, deleted or purged."));
  else if (rc != SQLITE_ROW)
    emitra_database_set_error (db, rc, error);
  else if (draft == NULL)
    g_set_error (error, EMITRA_DRAFT_STORE_ERROR, EMITRA_DRAFT_STORE_ERROR_CORRUPT,
                 _("The draft could not be read back: %s"), read_error->message);

  return draft;
}

/* Unsubmitted drafts, newest first; with @cutoff > 0 only those last
 * changed before it that a purge would delete. A draft that cannot be
 * read is still listed (with no values), so the operator can see and
 * delete it rather than have it vanish. */
gpointer
_emitra_draft_store_list_job (sqlite3   *db,
                              gpointer   data,
                              GError   **error)
{
  gint64 cutoff = *(gint64 *) data;
  g_autoptr(GListStore) drafts = g_list_store_new (EMITRA_TYPE_DRAFT);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, cutoff > 0
                  ? "SELECT " DRAFT_COLUMNS " FROM drafts WHERE submitted = 0 AND updated_at < ?1"
                    " AND " NOT_AWAITING_GATEWAY " ORDER BY updated_at DESC, created_at DESC"
                  : "SELECT " DRAFT_COLUMNS " FROM drafts WHERE submitted = 0"
                    " ORDER BY updated_at DESC, created_at DESC",
                  error);
  if (stmt == NULL)
    return NULL;
  if (cutoff > 0)
    sqlite3_bind_int64 (stmt, 1, cutoff);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EmitraDraft) draft = draft_from_statement (stmt, NULL);

      if (draft == NULL)
        draft = _emitra_draft_new_from_row ((const char *) sqlite3_column_text (stmt, 0),
                                            (const char *) sqlite3_column_text (stmt, 1),
                                            (const char *) sqlite3_column_text (stmt, 2),
                                            "{\"values\": {}}",
                                            (const char *) sqlite3_column_text (stmt, 4),
                                            (const char *) sqlite3_column_text (stmt, 5),
                                            sqlite3_column_int64 (stmt, 6),
                                            sqlite3_column_int64 (stmt, 7),
                                            FALSE, NULL);
      if (draft != NULL)
        g_list_store_append (drafts, draft);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      emitra_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&drafts);
}

gpointer
_emitra_draft_store_mark_submitted_job (sqlite3   *db,
                                        gpointer   data,
                                        GError   **error)
{
  sqlite3_stmt *stmt = prepare (db, "UPDATE drafts SET submitted = 1 WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_STATIC);
  return step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

gpointer
_emitra_draft_store_delete_job (sqlite3   *db,
                                gpointer   data,
                                GError   **error)
{
  sqlite3_stmt *stmt = prepare (db, "DELETE FROM drafts WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_STATIC);
  return step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

gpointer
_emitra_draft_store_purge_job (sqlite3   *db,
                               gpointer   data,
                               GError   **error)
{
  gint64 cutoff = *(gint64 *) data;
  sqlite3_stmt *stmt = prepare (db, "DELETE FROM drafts WHERE updated_at < ?1 AND " NOT_AWAITING_GATEWAY, error);
  guint *n_purged;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cutoff);
  if (!step_done (db, stmt, error))
    return NULL;

  n_purged = g_new (guint, 1);
  *n_purged = (guint) sqlite3_changes (db);
  return n_purged;
}
