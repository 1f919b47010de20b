/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk under a power cut, as a separate process the harness can kill
 * with SIGKILL at any moment: it opens the desk database in
 * EMITRA_DATA_DIR, first finishes whatever the last run left in the
 * outbox (as the app does at start), then submits applications through
 * the real submitter until the desk holds TARGET of them, printing one
 * line per receipt. Usage: crash-driver GATEWAY_URL TARGET SERVICE_ID FEE_PAISE
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "emitra-desk.h"

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gint64
count (EmitraDatabase *database, const char *sql)
{
  sqlite3_stmt *stmt = emitra_database_prepare (database, sql, NULL);
  gint64 n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EmitraDesk) desk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraOperatorSession) session = NULL;
  GAsyncResult *result = NULL;
  gint64 target;
  const char *service_id;

  gint64 fee;

  if (argc != 5)
    {
      fprintf (stderr, "usage: crash-driver GATEWAY_URL TARGET SERVICE_ID FEE_PAISE\n");
      return 2;
    }
  fee = g_ascii_strtoll (argv[4], NULL, 10);
  target = g_ascii_strtoll (argv[2], NULL, 10);
  service_id = argv[3];

  desk = emitra_desk_new (g_getenv ("EMITRA_DATA_DIR"), argv[1], NULL, &error);
  if (desk == NULL)
    {
      fprintf (stderr, "desk: %s\n", error->message);
      return 1;
    }
  emitra_gateway_client_set_retry (emitra_desk_get_gateway (desk), 2, 10);

  emitra_gateway_client_sign_in_async (emitra_desk_get_gateway (desk), "anil.kumawat", "demo123",
                                       "K11000142", NULL, store_cb, &result);
  session = emitra_gateway_client_sign_in_finish (emitra_desk_get_gateway (desk), wait_for (&result), &error);
  g_clear_object (&result);
  if (session == NULL)
    {
      fprintf (stderr, "sign in: %s\n", error->message);
      return 1;
    }

  /* What a crash left half done is finished before anything new. */
  emitra_submitter_drain_async (emitra_desk_get_submitter (desk), FALSE, NULL, store_cb, &result);
  emitra_submitter_drain_finish (emitra_desk_get_submitter (desk), wait_for (&result), NULL);
  g_clear_object (&result);
  printf ("ready\n");
  fflush (stdout);

  while (count (emitra_desk_get_database (desk),
                "SELECT count(*) FROM outbox WHERE state IN ('pending', 'confirmed')") < target)
    {
      g_autofree char *request_id = g_uuid_string_random ();
      g_autoptr(JsonObject) request = json_object_new ();
      JsonObject *form = json_object_new ();
      g_autoptr(EmitraReceipt) template = NULL;
      g_autoptr(EmitraReceipt) receipt = NULL;

      json_object_set_string_member (form, "applicant_name_en", "Crash Test");
      json_object_set_string_member (request, "request_id", request_id);
      json_object_set_string_member (request, "service_id", service_id);
      json_object_set_object_member (request, "form", form);
      template = g_object_new (EMITRA_TYPE_RECEIPT,
                               "service-id", service_id, "service-name-en", "Service",
                               "service-name-hi", "सेवा", "citizen-name", "Crash Test",
                               "department-fee", fee, "service-charge", (gint64) 5000,
                               "total", fee + 5000, "cash-received", fee + 5000,
                               "operator-id", "OP-1001", "operator-name", "Anil Kumawat",
                               "kiosk-code", "K11000142", NULL);

      emitra_submitter_submit_async (emitra_desk_get_submitter (desk), request, template, NULL,
                                     NULL, store_cb, &result);
      receipt = emitra_submitter_submit_finish (emitra_desk_get_submitter (desk), wait_for (&result), &error);
      g_clear_object (&result);
      if (receipt == NULL)
        {
          fprintf (stderr, "submit: %s\n", error->message);
          return 1;
        }
      printf ("receipt %" G_GINT64_FORMAT " %s\n", emitra_receipt_get_receipt_no (receipt),
              emitra_receipt_status_to_string (emitra_receipt_get_status (receipt)));
      fflush (stdout);
    }

  /* Nothing may stay provisional once the gateway answers again. */
  for (guint i = 0; i < 20 && count (emitra_desk_get_database (desk),
                                     "SELECT count(*) FROM outbox WHERE state = 'pending'") > 0; i++)
    {
      emitra_submitter_drain_async (emitra_desk_get_submitter (desk), FALSE, NULL, store_cb, &result);
      emitra_submitter_drain_finish (emitra_desk_get_submitter (desk), wait_for (&result), NULL);
      g_clear_object (&result);
    }

  return 0;
}
