/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-desk-schema.h"
#include "emitra-service-usage.h"

#define DAY (24 * 60 * 60)

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static GAsyncResult *
wait_for (Wait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
  wait->done = FALSE;
  return wait->result;
}

static void
record (EmitraDatabase *db,
        const char     *id,
        gint64          now)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  emitra_service_usage_record_async (db, id, now, NULL, on_done_cb, &wait);
  result = wait_for (&wait);
  g_assert_true (emitra_service_usage_write_finish (db, result, &error));
  g_assert_no_error (error);
}

static EmitraServiceUsage *
find (GPtrArray  *usages,
      const char *id)
{
  for (guint i = 0; i < usages->len; i++)
    if (g_str_equal (((EmitraServiceUsage *) usages->pdata[i])->service_id, id))
      return usages->pdata[i];
  return NULL;
}

/* Uses and favourites go into desk.db and come back, most recent first. */
static void
test_usage_round_trip (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "desk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) db = emitra_desk_database_open (path, &error);
  g_autoptr(GAsyncResult) favourite_result = NULL;
  g_autoptr(GAsyncResult) load_result = NULL;
  g_autoptr(GPtrArray) usages = NULL;
  Wait wait = { 0 };
  gint64 now = 1800000000;

  g_assert_no_error (error);
  record (db, "income-certificate", now - 2 * DAY);
  record (db, "income-certificate", now - DAY);
  record (db, "caste-certificate-sc-st", now);

  emitra_service_usage_set_favourite_async (db, "domicile-certificate", TRUE, NULL, on_done_cb, &wait);
  favourite_result = wait_for (&wait);
  g_assert_true (emitra_service_usage_write_finish (db, favourite_result, &error));

  emitra_service_usage_load_async (db, NULL, on_done_cb, &wait);
  load_result = wait_for (&wait);
  usages = emitra_service_usage_load_finish (db, load_result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (usages->len, ==, 3);
  g_assert_cmpstr (((EmitraServiceUsage *) usages->pdata[0])->service_id, ==, "caste-certificate-sc-st");
  g_assert_cmpint (find (usages, "income-certificate")->uses, ==, 2);
  g_assert_cmpint (find (usages, "income-certificate")->last_used_at, ==, now - DAY);
  g_assert_true (find (usages, "domicile-certificate")->favourite);
  g_assert_cmpint (find (usages, "domicile-certificate")->uses, ==, 0);
  g_assert_false (find (usages, "income-certificate")->favourite);
}

/* Recent use counts for more than old use: ten uses this week outrank
 * fifty a year ago; an unused service weighs nothing. */
static void
test_usage_weight_fades (void)
{
  gint64 now = 1800000000;
  EmitraServiceUsage recent = { "a", 10, now - 3 * DAY, FALSE };
  EmitraServiceUsage old = { "b", 50, now - 365 * DAY, FALSE };
  EmitraServiceUsage once_today = { "c", 1, now, FALSE };
  EmitraServiceUsage never = { "d", 0, 0, TRUE };
  g_autoptr(GPtrArray) usages = g_ptr_array_new ();
  g_autoptr(GHashTable) weights = NULL;

  g_assert_cmpuint (emitra_service_usage_weight (&recent, now), >, emitra_service_usage_weight (&old, now));
  g_assert_cmpuint (emitra_service_usage_weight (&once_today, now), >, 0);
  g_assert_cmpuint (emitra_service_usage_weight (&never, now), ==, 0);

  g_ptr_array_add (usages, &recent);
  g_ptr_array_add (usages, &never);
  weights = emitra_service_usage_weights (usages, now);
  g_assert_cmpuint (g_hash_table_size (weights), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (weights, "a")), ==,
                    emitra_service_usage_weight (&recent, now));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/service-usage/round-trip", test_usage_round_trip);
  g_test_add_func ("/service-usage/weight-fades", test_usage_weight_fades);

  return g_test_run ();
}
