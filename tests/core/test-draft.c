/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "emitra-desk-schema.h"
#include "emitra-draft-saver.h"
#include "emitra-draft-store.h"

#define FULL_AADHAAR "234123412346"
#define DAY (24 * 60 * 60)

static const char *const groups_json =
  "{ \"applicant\": ["
  "  { \"id\": \"name_hi\", \"type\": \"name\", \"label_en\": \"Name\", \"label_hi\": \"नाम\", \"required\": true },"
  "  { \"id\": \"aadhaar\", \"type\": \"aadhaar\", \"label_en\": \"Aadhaar\", \"label_hi\": \"आधार\", \"required\": true }"
  "] }";

static const char *const form_json =
  "{ \"groups\": [\"applicant\"], \"fields\": ["
  "  { \"id\": \"k_number\", \"type\": \"consumer_number\", \"label_en\": \"K-number\", \"label_hi\": \"के-नंबर\" },"
  "  { \"id\": \"remarks\", \"type\": \"text\", \"label_en\": \"Remarks\", \"label_hi\": \"टिप्पणी\" }"
  "] }";

typedef struct
{
  char              *path;
  EmitraDatabase    *db;
  EmitraDraftStore  *store;
  EmitraFormSchema  *schema;
} Fixture;

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->db = emitra_desk_database_open (f->path, &error);
  g_assert_no_error (error);
  f->store = emitra_draft_store_new (f->db);
}

static void
close_store (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_clear_object (&f->store);
  /* The worker thread lets go of a finished job (and so of the database)
   * just after handing back its result. */
  while (g_atomic_int_get (&G_OBJECT (f->db)->ref_count) > 1 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (f->db);
  f->db = NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = g_build_filename (g_get_user_data_dir (), "emitra-desk", "desk.db", NULL);
  open_store (f);
  f->schema = emitra_form_schema_new_from_data (form_json, groups_json, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->db != NULL)
    close_store (f);
  g_clear_object (&f->schema);
  g_free (f->path);
}

/* Waiting for async results ------------------------------------------ */

static void
on_result_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
save (Fixture     *f,
      EmitraDraft *draft)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  emitra_draft_store_save_async (f->store, draft, f->schema, NULL, on_result_cb, &result);
  g_assert_true (emitra_draft_store_save_finish (f->store, wait_for (&result), &error));
  g_assert_no_error (error);
}

static EmitraDraft *
load (Fixture     *f,
      const char  *id,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  emitra_draft_store_load_async (f->store, id, NULL, on_result_cb, &result);
  return emitra_draft_store_load_finish (f->store, wait_for (&result), error);
}

static GListModel *
list (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *drafts;

  emitra_draft_store_list_async (f->store, NULL, on_result_cb, &result);
  drafts = emitra_draft_store_list_finish (f->store, wait_for (&result), &error);
  g_assert_no_error (error);
  return drafts;
}

static char *
ensure_request_id (Fixture     *f,
                   EmitraDraft *draft)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *request_id;

  emitra_draft_store_ensure_request_id_async (f->store, draft, f->schema, NULL, on_result_cb, &result);
  request_id = emitra_draft_store_ensure_request_id_finish (f->store, wait_for (&result), &error);
  g_assert_no_error (error);
  return request_id;
}

/* Tests -------------------------------------------------------------- */

static EmitraDraft *
hindi_draft (void)
{
  EmitraDraft *draft = emitra_draft_new ("old-age-pension");

  emitra_draft_set_value (draft, "name_hi", "श्रीमती कमला देवी");
  emitra_draft_set_value (draft, "remarks", "पति का देहांत २०१९ में हुआ");
  emitra_draft_set_value (draft, "k_number", "210123456789");
  emitra_draft_set_citizen_name (draft, "कमला देवी");
  emitra_draft_set_document (draft, "photo", "/home/op/scans/photo-कमला.jpg", FALSE);
  emitra_draft_set_document (draft, "jan_aadhaar", NULL, TRUE);
  emitra_draft_set_step (draft, EMITRA_DRAFT_STEP_DOCUMENTS);
  return draft;
}

static void
test_draft_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(EmitraDraft) draft = hindi_draft ();
  g_autoptr(EmitraDraft) back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) documents = NULL;
  const char *path = NULL;
  gboolean seen = FALSE;

  save (f, draft);

  /* After a restart, as after a power cut. */
  close_store (f);
  open_store (f);

  back = load (f, emitra_draft_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_draft_get_id (back), ==, emitra_draft_get_id (draft));
  g_assert_cmpstr (emitra_draft_get_service_id (back), ==, "old-age-pension");
  g_assert_cmpstr (emitra_draft_get_step (back), ==, EMITRA_DRAFT_STEP_DOCUMENTS);
  g_assert_cmpstr (emitra_draft_get_citizen_name (back), ==, "कमला देवी");
  g_assert_cmpstr (emitra_draft_get_value (back, "name_hi"), ==, "श्रीमती कमला देवी");
  g_assert_cmpstr (emitra_draft_get_value (back, "remarks"), ==, "पति का देहांत २०१९ में हुआ");
  g_assert_cmpstr (emitra_draft_get_value (back, "k_number"), ==, "210123456789");
  g_assert_cmpuint (g_hash_table_size (emitra_draft_get_values (back)), ==, 3);
  g_assert_cmpint (emitra_draft_get_created_at (back), ==, emitra_draft_get_created_at (draft));
  g_assert_cmpint (emitra_draft_get_updated_at (back), ==, emitra_draft_get_updated_at (draft));
  g_assert_null (emitra_draft_get_request_id (back));
  g_assert_false (emitra_draft_get_submitted (back));

  documents = emitra_draft_dup_document_ids (back);
  g_assert_cmpuint (g_strv_length (documents), ==, 2);
  g_assert_cmpstr (documents[0], ==, "jan_aadhaar");
  g_assert_cmpstr (documents[1], ==, "photo");
  g_assert_true (emitra_draft_get_document (back, "photo", &path, &seen));
  g_assert_cmpstr (path, ==, "/home/op/scans/photo-कमला.jpg");
  g_assert_false (seen);
  g_assert_true (emitra_draft_get_document (back, "jan_aadhaar", &path, &seen));
  g_assert_null (path);
  g_assert_true (seen);

  g_clear_object (&back);
  back = load (f, "no-such-draft", &error);
  g_assert_null (back);
  g_assert_error (error, EMITRA_DRAFT_STORE_ERROR, EMITRA_DRAFT_STORE_ERROR_NOT_FOUND);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* The file is binary: strstr() would stop at the first NUL. */
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
database_contains (Fixture    *f,
                   const char *needle)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  return file_contains (f->path, needle) || file_contains (wal, needle);
}

/* The full Aadhaar number lives in memory only: whatever field it was
 * typed into, the bytes on disk (database and write-ahead log) hold at
 * most its last four digits. */
static void
test_draft_never_writes_full_aadhaar (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(EmitraDraft) draft = hindi_draft ();
  g_autoptr(EmitraDraft) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;
  const char *path = NULL;

  emitra_draft_set_value (draft, "aadhaar", "2341 2341 2346");
  emitra_draft_set_value (draft, "remarks", "marker-73519 आधार " FULL_AADHAAR " देखा");
  emitra_draft_set_value (draft, "unknown_field", "२३४१२३४१२३४६");
  emitra_draft_set_citizen_name (draft, "Kamla " FULL_AADHAAR);
  emitra_draft_set_document (draft, "aadhaar", "/scans/" FULL_AADHAAR ".pdf", FALSE);
  save (f, draft);
  request_id = ensure_request_id (f, draft);

  /* In memory it is still whole, for the request to the gateway. */
  g_assert_cmpstr (emitra_draft_get_value (draft, "aadhaar"), ==, "2341 2341 2346");

  /* The scan can see what was written: the marker beside the number is
   * there, in the WAL or the main file. */
  g_assert_true (database_contains (f, "marker-73519"));
  g_assert_false (database_contains (f, FULL_AADHAAR));
  g_assert_false (database_contains (f, "2341 2341 2346"));
  g_assert_false (database_contains (f, "२३४१२३४१२३४६"));

  /* And after a checkpoint moves everything into the main file. */
  g_assert_true (emitra_database_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  g_assert_true (file_contains (f->path, "marker-73519"));
  g_assert_false (database_contains (f, FULL_AADHAAR));

  back = load (f, emitra_draft_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_draft_get_value (back, "aadhaar"), ==, "XXXX XXXX 2346");
  g_assert_cmpstr (emitra_draft_get_value (back, "unknown_field"), ==, "XXXX XXXX 2346");
  g_assert_cmpstr (emitra_draft_get_citizen_name (back), ==, "Kamla XXXX XXXX 2346");
  g_assert_true (emitra_draft_get_document (back, "aadhaar", &path, NULL));
  g_assert_cmpstr (path, ==, "/scans/XXXX XXXX 2346.pdf");
  /* A 12-digit K-number is not an Aadhaar number and survives. */
  g_assert_cmpstr (emitra_draft_get_value (back, "k_number"), ==, "210123456789");
}

static void
test_draft_request_id_is_stable (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(EmitraDraft) draft = hindi_draft ();
  g_autoptr(EmitraDraft) other = hindi_draft ();
  g_autoptr(EmitraDraft) back = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *after_restart = NULL;
  g_autofree char *other_id = NULL;
  g_autoptr(GError) error = NULL;

  /* Never saved before: ensuring the ID saves the draft too. */
  first = ensure_request_id (f, draft);
  g_assert_true (g_uuid_string_is_valid (first));
  g_assert_cmpstr (emitra_draft_get_request_id (draft), ==, first);

  emitra_draft_set_value (draft, "remarks", "changed after the first try");
  second = ensure_request_id (f, draft);
  g_assert_cmpstr (second, ==, first);

  close_store (f);
  open_store (f);

  back = load (f, emitra_draft_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_draft_get_request_id (back), ==, first);
  g_assert_cmpstr (emitra_draft_get_value (back, "remarks"), ==, "changed after the first try");
  after_restart = ensure_request_id (f, back);
  g_assert_cmpstr (after_restart, ==, first);

  /* A save after that never loses it. */
  save (f, back);
  g_clear_object (&back);
  back = load (f, emitra_draft_get_id (draft), &error);
  g_assert_cmpstr (emitra_draft_get_request_id (back), ==, first);

  other_id = ensure_request_id (f, other);
  g_assert_cmpstr (other_id, !=, first);
}

static void
test_draft_list_newest_first (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(EmitraDraft) older = hindi_draft ();
  g_autoptr(EmitraDraft) newer = hindi_draft ();
  g_autoptr(EmitraDraft) done = hindi_draft ();
  g_autoptr(GListModel) drafts = NULL;
  g_autoptr(EmitraDraft) first = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  emitra_draft_set_updated_at (older, now - 3600);
  emitra_draft_set_updated_at (newer, now - 60);
  emitra_draft_set_updated_at (done, now);
  save (f, older);
  save (f, newer);
  save (f, done);

  emitra_draft_store_mark_submitted_async (f->store, done, NULL, on_result_cb, &result);
  g_assert_true (emitra_draft_store_mark_submitted_finish (f->store, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (emitra_draft_get_submitted (done));

  drafts = list (f);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 2);
  first = g_list_model_get_item (drafts, 0);
  g_assert_cmpstr (emitra_draft_get_id (first), ==, emitra_draft_get_id (newer));
  g_clear_object (&first);
  first = g_list_model_get_item (drafts, 1);
  g_assert_cmpstr (emitra_draft_get_id (first), ==, emitra_draft_get_id (older));

  /* Deleting one takes it off the list. */
  g_clear_object (&result);
  emitra_draft_store_delete_async (f->store, emitra_draft_get_id (newer), NULL, on_result_cb, &result);
  g_assert_true (emitra_draft_store_delete_finish (f->store, wait_for (&result), &error));
  g_clear_object (&drafts);
  drafts = list (f);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 1);
}

/* A damaged row still shows in the list, so it can be deleted, but
 * resuming it says it cannot be read. */
static void
test_draft_damaged_row (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) drafts = NULL;
  g_autoptr(EmitraDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (emitra_database_exec (f->db,
    "INSERT INTO drafts (id, service_id, step, values_json, citizen_name, created_at, updated_at)"
    " VALUES ('broken', 'income-certificate', 'details', '{not json', 'Ram', 1, 1)", &error));
  g_assert_no_error (error);

  drafts = list (f);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 1);
  draft = g_list_model_get_item (drafts, 0);
  g_assert_cmpstr (emitra_draft_get_citizen_name (draft), ==, "Ram");
  g_clear_object (&draft);

  draft = load (f, "broken", &error);
  g_assert_null (draft);
  g_assert_error (error, EMITRA_DRAFT_STORE_ERROR, EMITRA_DRAFT_STORE_ERROR_CORRUPT);
}

static void
test_draft_purge (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(EmitraDraft) fresh = hindi_draft ();
  g_autoptr(EmitraDraft) stale = hindi_draft ();
  g_autoptr(EmitraDraft) stale_done = hindi_draft ();
  g_autoptr(EmitraDraft) stale_waiting = hindi_draft ();
  g_autoptr(GListModel) expired = NULL;
  g_autoptr(GListModel) remaining = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDraft) item = NULL;
  g_autofree char *request_id = NULL;
  g_autofree char *sql = NULL;
  gint64 now = 1800000000;
  guint n_purged = 0;

  emitra_draft_set_updated_at (fresh, now - 29 * DAY);
  emitra_draft_set_updated_at (stale, now - 31 * DAY);
  emitra_draft_set_updated_at (stale_done, now - 40 * DAY);
  emitra_draft_set_updated_at (stale_waiting, now - 45 * DAY);
  save (f, fresh);
  save (f, stale);
  save (f, stale_done);
  request_id = ensure_request_id (f, stale_waiting);

  emitra_draft_store_mark_submitted_async (f->store, stale_done, NULL, on_result_cb, &result);
  g_assert_true (emitra_draft_store_mark_submitted_finish (f->store, wait_for (&result), NULL));
  g_clear_object (&result);

  /* Its submission is still in the outbox: the gateway has not answered. */
  sql = g_strdup_printf ("INSERT INTO outbox (request_id, draft_id, service_id, request_json, state,"
                         " next_attempt_at, created_at, updated_at)"
                         " VALUES ('%s', '%s', 'old-age-pension', '{}', 'pending', 0, 0, 0)",
                         request_id, emitra_draft_get_id (stale_waiting));
  g_assert_true (emitra_database_exec (f->db, sql, &error));
  g_assert_no_error (error);

  /* The warning lists the unfinished drafts the purge would delete. */
  emitra_draft_store_list_expired_async (f->store, 30, now, NULL, on_result_cb, &result);
  expired = emitra_draft_store_list_expired_finish (f->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (expired), ==, 1);
  item = g_list_model_get_item (expired, 0);
  g_assert_cmpstr (emitra_draft_get_id (item), ==, emitra_draft_get_id (stale));
  g_clear_object (&result);

  emitra_draft_store_purge_async (f->store, 30, now, NULL, on_result_cb, &result);
  g_assert_true (emitra_draft_store_purge_finish (f->store, wait_for (&result), &n_purged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_purged, ==, 2);    /* the stale draft and the finished one */

  g_clear_object (&item);
  item = load (f, emitra_draft_get_id (stale), &error);
  g_assert_error (error, EMITRA_DRAFT_STORE_ERROR, EMITRA_DRAFT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  remaining = list (f);
  g_assert_cmpuint (g_list_model_get_n_items (remaining), ==, 2);
}

/* The saver: many changes in a burst become few writes, the last state
 * is what is on disk, and flush waits for it. */
static void
test_draft_saver_debounces (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(EmitraDraft) draft = emitra_draft_new ("income-certificate");
  g_autoptr(EmitraDraftSaver) saver = emitra_draft_saver_new (f->store, draft, f->schema);
  g_autoptr(EmitraDraft) back = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *typed = "रामेश्वर प्रसाद";
  const char *end;

  g_assert_false (emitra_draft_saver_get_pending (saver));

  /* Typing, character by character. */
  for (end = g_utf8_next_char (typed); ; end = g_utf8_next_char (end))
    {
      g_autofree char *prefix = g_strndup (typed, end - typed);

      emitra_draft_set_value (draft, "name_hi", prefix);
      if (*end == '\0')
        break;
    }
  emitra_draft_set_value (draft, "aadhaar", FULL_AADHAAR);
  g_assert_true (emitra_draft_saver_get_pending (saver));
  g_assert_cmpuint (emitra_draft_saver_get_n_saves (saver), ==, 0);

  emitra_draft_saver_flush_async (saver, NULL, on_result_cb, &result);
  g_assert_true (emitra_draft_saver_flush_finish (saver, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_false (emitra_draft_saver_get_pending (saver));
  g_assert_cmpuint (emitra_draft_saver_get_n_saves (saver), ==, 1);

  back = load (f, emitra_draft_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_draft_get_value (back, "name_hi"), ==, typed);
  g_assert_cmpstr (emitra_draft_get_value (back, "aadhaar"), ==, "XXXX XXXX 2346");

  /* Nothing pending: a flush completes without writing. */
  g_clear_object (&result);
  emitra_draft_saver_flush_async (saver, NULL, on_result_cb, &result);
  g_assert_true (emitra_draft_saver_flush_finish (saver, wait_for (&result), NULL));
  g_assert_cmpuint (emitra_draft_saver_get_n_saves (saver), ==, 1);
}

static void
on_pending_changed_cb (EmitraDraftSaver *saver,
                       GParamSpec       *pspec,
                       gboolean         *saved)
{
  if (!emitra_draft_saver_get_pending (saver))
    *saved = TRUE;
}

/* Without a flush, the draft is saved once the operator pauses. */
static void
test_draft_saver_saves_when_idle (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(EmitraDraft) draft = emitra_draft_new ("income-certificate");
  g_autoptr(EmitraDraftSaver) saver = emitra_draft_saver_new (f->store, draft, f->schema);
  g_autoptr(EmitraDraft) back = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;
  gint64 start;

  emitra_draft_saver_set_delay (saver, 50);
  g_signal_connect (saver, "notify::pending", G_CALLBACK (on_pending_changed_cb), &saved);

  start = g_get_monotonic_time ();
  emitra_draft_set_step (draft, EMITRA_DRAFT_STEP_FEE);
  while (!saved)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
    }
  /* Not before the pause. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 50 * 1000);

  back = load (f, emitra_draft_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_draft_get_step (back), ==, EMITRA_DRAFT_STEP_FEE);
  g_assert_cmpuint (emitra_draft_saver_get_n_saves (saver), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/draft/round-trip", test_draft_round_trip);
  ADD ("/draft/never-writes-full-aadhaar", test_draft_never_writes_full_aadhaar);
  ADD ("/draft/request-id-stable", test_draft_request_id_is_stable);
  ADD ("/draft/list-newest-first", test_draft_list_newest_first);
  ADD ("/draft/damaged-row", test_draft_damaged_row);
  ADD ("/draft/purge", test_draft_purge);
  ADD ("/draft/saver-debounces", test_draft_saver_debounces);
  ADD ("/draft/saver-idle", test_draft_saver_saves_when_idle);
#undef ADD

  return g_test_run ();
}
