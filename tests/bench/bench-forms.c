/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the guided application costs the operator: validating a whole step
 * when Next is pressed, the main thread's share of saving a draft (copying
 * and masking it; the write itself is on the database thread), and how
 * long until a save is durable on disk.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench.h"
#include "emitra-desk-schema.h"
#include "emitra-draft-store.h"

#define N_FIELDS 40
#define ROUNDS   2000
#define SAVES    100

/* A form of 40 fields of every kind, the size of the largest in the
 * catalog, with a value typed in each. */
static EmitraFormSchema *
big_form (GHashTable *values)
{
  static const struct { const char *type; const char *value; const char *extra; } kinds[] = {
    { "name", "श्रीमती कमला देवी शर्मा", "" },
    { "text", "वार्ड १२, मंदिर के पास, गाँव रामपुरा", ", \"max_length\": 120" },
    { "date", "05/03/1958", ", \"min_age\": 60" },
    { "aadhaar", "2341 2341 2346", "" },
    { "mobile", "+91 98290 12345", "" },
    { "pin", "302001", "" },
    { "money", "48,000.50", ", \"min\": 0, \"max\": 10000000000" },
    { "number", "5", ", \"min\": 1, \"max\": 30" },
  };
  g_autoptr(GString) json = g_string_new ("{ \"fields\": [");
  g_autoptr(GError) error = NULL;
  EmitraFormSchema *schema;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      guint k = i % G_N_ELEMENTS (kinds);
      char *id = g_strdup_printf ("f%02u", i);

      g_string_append_printf (json, "%s{ \"id\": \"%s\", \"type\": \"%s\", \"label_en\": \"Field %u\","
                              " \"label_hi\": \"खाना %u\", \"required\": true%s }",
                              i > 0 ? ", " : "", id, kinds[k].type, i, i, kinds[k].extra);
      g_hash_table_insert (values, id, (gpointer) kinds[k].value);
    }
  g_string_append (json, "] }");

  schema = emitra_form_schema_new_from_data (json->str, NULL, &error);
  g_assert_no_error (error);
  return schema;
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  double *done_at = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (emitra_draft_store_save_finish (EMITRA_DRAFT_STORE (source), result, &error));
  *done_at = bench_now_us ();
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(EmitraFormSchema) schema = big_form (values);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("emitra-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(EmitraDatabase) db = NULL;
  g_autoptr(EmitraDraftStore) store = NULL;
  g_autoptr(EmitraDraft) draft = NULL;
  double step[ROUNDS], queue[SAVES], durable[SAVES];
  gboolean ok = TRUE;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);

  /* Next on a step of 40 fields. */
  for (guint i = 0; i < ROUNDS; i++)
    {
      double start = bench_now_us ();
      g_autoptr(GPtrArray) issues = NULL;
      gboolean valid = emitra_form_schema_validate_values (schema, NULL, values, NULL, &issues);

      step[i] = bench_now_us () - start;
      g_assert_true (valid);
    }
  ok &= bench_report ("forms.validate_step_40_fields.p95", bench_percentile (step, ROUNDS, 95), "us", 2000);

  path = g_build_filename (dir, "desk.db", NULL);
  db = emitra_desk_database_open (path, &error);
  g_assert_no_error (error);
  store = emitra_draft_store_new (db);
  draft = emitra_draft_new ("old-age-pension");
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    emitra_draft_set_value (draft, key, value);

  for (guint i = 0; i < SAVES; i++)
    {
      g_autofree char *typed = g_strdup_printf ("वार्ड %u", i);
      double start, queued, done_at = 0;

      emitra_draft_set_value (draft, "f01", typed);
      start = bench_now_us ();
      emitra_draft_store_save_async (store, draft, schema, NULL, on_saved_cb, &done_at);
      queued = bench_now_us ();
      while (done_at == 0)
        g_main_context_iteration (NULL, TRUE);

      queue[i] = queued - start;
      durable[i] = (done_at - start) / 1000.0;
    }

  /* The main thread's share of a save, which a keystroke's frame pays. */
  ok &= bench_report ("forms.draft_save_main_thread.p95", bench_percentile (queue, SAVES, 95), "us", 1000);
  /* From save to durably on disk (synchronous=FULL), for the debounce's
   * 300 ms to hide. */
  ok &= bench_report ("forms.draft_save_durable.median", bench_percentile (durable, SAVES, 50), "ms", 100);
  ok &= bench_report ("forms.draft_save_durable.p95", bench_percentile (durable, SAVES, 95), "ms", 300);

  g_clear_object (&store);
  g_clear_object (&db);
  remove_tree (dir);

  return ok ? 0 : 1;
}
