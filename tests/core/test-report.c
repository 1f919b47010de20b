/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "emitra-report.h"
#include "report-test-data.h"

typedef struct
{
  char           *path;
  EmitraDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = test_desk_db_path ();
  report_seed (f->path);
  f->db = emitra_desk_database_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_free (f->path);
}

static EmitraReport *
compute (Fixture    *f,
         const char *day,
         const char *operator_id)
{
  g_autoptr(GError) error = NULL;
  EmitraReport *report = emitra_report_compute (f->db, day, operator_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_sums (const EmitraReportSums *sums,
             gint64                  count,
             gint64                  fees,
             gint64                  charges,
             gint64                  total)
{
  g_assert_cmpint (sums->count, ==, count);
  g_assert_cmpint (sums->department_fees, ==, fees);
  g_assert_cmpint (sums->service_charges, ==, charges);
  g_assert_cmpint (sums->total, ==, total);
}

static EmitraReportGroup *
group (GPtrArray *groups,
       guint      index)
{
  g_assert_cmpuint (index, <, groups->len);
  return g_ptr_array_index (groups, index);
}

static void
test_report_exact_totals (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(EmitraReport) report = compute (f, "2026-11-28", NULL);
  EmitraReportItem *item;

  g_assert_false (emitra_report_is_empty (report));
  g_assert_cmpstr (emitra_report_get_previous_day (report), ==, "2026-11-27");

  /* Collected: receipts 1-4 (the 5th was cancelled). */
  assert_sums (emitra_report_get_confirmed (report), 4, 4000 + 4000 + 0 + 123456,
               5000 + 5000 + 5000 + 1200, 147656);
  /* Held: the provisional receipt 8; the rejected 9 and cancelled 5 are not money. */
  assert_sums (emitra_report_get_provisional (report), 1, 0, 5000, 5000);
  assert_sums (emitra_report_get_cancelled (report), 1, 4000, 5000, 9000);
  assert_sums (emitra_report_get_rejected (report), 1, 2500, 5000, 7500);
  g_assert_cmpint (emitra_report_get_cash_to_hand_over (report), ==, 152656);
  assert_sums (emitra_report_get_previous_confirmed (report), 1, 4000, 5000, 9000);

  /* By service, biggest collection first. */
  g_assert_cmpuint (emitra_report_get_services (report)->len, ==, 4);
  g_assert_cmpstr (group (emitra_report_get_services (report), 0)->key, ==, "electricity-bill");
  assert_sums (&group (emitra_report_get_services (report), 0)->confirmed, 1, 123456, 1200, 124656);
  g_assert_cmpstr (group (emitra_report_get_services (report), 1)->name_hi, ==, "जाति प्रमाण पत्र");
  assert_sums (&group (emitra_report_get_services (report), 1)->confirmed, 2, 8000, 10000, 18000);
  g_assert_cmpint (group (emitra_report_get_services (report), 1)->cancelled, ==, 1);
  g_assert_cmpstr (group (emitra_report_get_services (report), 2)->key, ==, "domicile-certificate");
  assert_sums (&group (emitra_report_get_services (report), 2)->confirmed, 1, 0, 5000, 5000);
  assert_sums (&group (emitra_report_get_services (report), 2)->provisional, 1, 0, 5000, 5000);
  g_assert_cmpstr (group (emitra_report_get_services (report), 3)->key, ==, "income-certificate");
  g_assert_cmpint (group (emitra_report_get_services (report), 3)->confirmed.count, ==, 0);
  g_assert_cmpint (group (emitra_report_get_services (report), 3)->rejected, ==, 1);

  /* By operator. */
  g_assert_cmpuint (emitra_report_get_operators (report)->len, ==, 2);
  g_assert_cmpstr (group (emitra_report_get_operators (report), 0)->key, ==, "op-meena");
  assert_sums (&group (emitra_report_get_operators (report), 0)->confirmed, 3, 127456, 11200, 138656);
  g_assert_cmpstr (group (emitra_report_get_operators (report), 1)->name_en, ==, "Arjun Singh");
  assert_sums (&group (emitra_report_get_operators (report), 1)->confirmed, 1, 4000, 5000, 9000);
  assert_sums (&group (emitra_report_get_operators (report), 1)->provisional, 1, 0, 5000, 5000);

  /* By hour. */
  g_assert_cmpint (emitra_report_get_hour (report, 10, FALSE)->count, ==, 2);
  g_assert_cmpint (emitra_report_get_hour (report, 11, FALSE)->count, ==, 1);
  g_assert_cmpint (emitra_report_get_hour (report, 14, FALSE)->total, ==, 124656);
  g_assert_cmpint (emitra_report_get_hour (report, 15, TRUE)->count, ==, 1);
  g_assert_cmpint (emitra_report_get_hour (report, 16, FALSE)->count, ==, 0);
  g_assert_cmpint (emitra_report_get_hour (report, 9, FALSE)->count, ==, 0);

  /* The lists, with their reasons. */
  g_assert_cmpuint (emitra_report_get_pending (report)->len, ==, 1);
  item = g_ptr_array_index (emitra_report_get_pending (report), 0);
  g_assert_cmpint (item->receipt_no, ==, 8);
  g_assert_cmpstr (item->reason, ==, "The gateway did not answer.");
  g_assert_cmpuint (emitra_report_get_failed (report)->len, ==, 1);
  item = g_ptr_array_index (emitra_report_get_failed (report), 0);
  g_assert_cmpint (item->receipt_no, ==, 9);
  g_assert_cmpstr (item->reason, ==, "Applicant not found in Jan Aadhaar");
  g_assert_cmpuint (emitra_report_get_cancelled_items (report)->len, ==, 1);
  item = g_ptr_array_index (emitra_report_get_cancelled_items (report), 0);
  g_assert_cmpint (item->receipt_no, ==, 5);
  g_assert_cmpstr (item->citizen_name, ==, "Kamla");
  g_assert_cmpstr (item->reason, ==, "Citizen asked for a refund");
}

static void
test_report_one_operator (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(EmitraReport) report = compute (f, "2026-11-28", "op-arjun");

  assert_sums (emitra_report_get_confirmed (report), 1, 4000, 5000, 9000);
  g_assert_cmpint (emitra_report_get_cash_to_hand_over (report), ==, 14000);
  g_assert_cmpint (emitra_report_get_previous_confirmed (report)->count, ==, 0);
  g_assert_cmpuint (emitra_report_get_operators (report)->len, ==, 1);
}

static void
test_report_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(EmitraReport) report = compute (f, "2026-11-28", NULL);
  g_autofree char *text = emitra_report_to_text (report);
  static const char *const expected[] = {
    "28 November 2026",
    "₹1,476.56",          /* total collected */
    "₹1,526.56",          /* cash to hand over */
    "Held pending confirmation (1)",
    "27 November 2026",
    "+₹1,386.56",         /* against the day before */
    "Electricity bill / बिजली बिल",
    "Meena Sharma (op-meena)",
    "No. 8, 15:10",
    "Reason: The gateway did not answer.",
    "Reason: Applicant not found in Jan Aadhaar",
    "Reason: Citizen asked for a refund",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i]);
      g_assert_nonnull (strstr (text, expected[i]));
    }
}

static void
test_report_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(EmitraReport) report = compute (f, "2026-11-28", NULL);
  g_autofree char *csv = emitra_report_to_csv (report);
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  lines = g_strsplit (csv + 3, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);   /* header, 4 services, totals, "" */
  g_assert_cmpstr (lines[0], ==,
                   "service_id,service_name_en,service_name_hi,transactions,department_fees,"
                   "service_charges,total_collected,provisional_count,provisional_amount,"
                   "rejected_count,cancelled_count");
  g_assert_cmpstr (lines[1], ==,
                   "\"electricity-bill\",\"Electricity bill\",\"बिजली बिल\",1,1234.56,12.00,1246.56,0,0.00,0,0");
  g_assert_cmpstr (lines[2], ==,
                   "\"caste-certificate\",\"Caste certificate\",\"जाति प्रमाण पत्र\",2,80.00,100.00,180.00,0,0.00,0,1");
  g_assert_cmpstr (lines[5], ==, "\"TOTAL\",\"Total\",\"कुल\",4,1314.56,162.00,1476.56,1,50.00,1,1");
  g_assert_cmpstr (lines[6], ==, "");
}

/* The PDF's text as pdftotext extracts it, or NULL (and the test skipped)
 * without poppler-utils. */
static char *
pdf_text (GBytes *pdf)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "report.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_report_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(EmitraReport) report = compute (f, "2026-11-28", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = emitra_report_to_pdf (report, &error);
  g_autofree char *text = NULL;
  static const char *const expected[] = {
    "28 November 2026 / 28 नवंबर 2026",
    /* pdftotext -raw puts some Devanagari vowel signs on a line of their
     * own (कुल becomes क, ु ल): the assertions avoid those clusters. */
    "संग्रह ₹1,476.56",
    "Cash to hand over / सौंपी जाने वाली नकद राशि ₹1,526.56",
    "पुष्ट लेन-देन 4",
    "Transactions by hour",
    "बिजली बिल",
    "Applicant not found in",   /* the reason wraps in its column */
  };

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  text = pdf_text (pdf);
  if (text == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i]);
      g_assert_nonnull (strstr (text, expected[i]));
    }
}

static void
test_report_empty_day (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(EmitraReport) report = compute (f, "2026-12-01", NULL);
  g_autofree char *text = emitra_report_to_text (report);
  g_autofree char *csv = emitra_report_to_csv (report);
  g_autoptr(GBytes) pdf = emitra_report_to_pdf (report, NULL);
  g_autofree char *pdf_words = NULL;

  g_assert_true (emitra_report_is_empty (report));
  g_assert_nonnull (strstr (text, "No receipts were issued on 1 December 2026."));
  g_assert_nonnull (strstr (csv, "\"TOTAL\",\"Total\",\"कुल\",0,0.00,0.00,0.00,0,0.00,0,0\r\n"));
  pdf_words = pdf_text (pdf);
  if (pdf_words != NULL)
    g_assert_nonnull (strstr (pdf_words, "No receipts were issued on this day."));
}

static void
test_report_refuses_bad_dates (void)
{
  static const char *const bad[] = {
    "", "yesterday", "2026-13-01", "2026-02-30", "28-11-2026", "2026-11-28x", "2026/11/28", "1999-12-31",
  };
  g_autofree char *day = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (emitra_report_parse_day (bad[i], NULL, &error));
      g_assert_error (error, EMITRA_REPORT_ERROR, EMITRA_REPORT_ERROR_BAD_DATE);
    }
  g_assert_true (emitra_report_parse_day ("2028-02-29", &day, NULL));
  g_assert_cmpstr (day, ==, "2028-02-29");
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  EmitraReport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = emitra_report_compute_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_report_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(EmitraReport) report = NULL;

  emitra_report_compute_async (f->db, "2026-11-27", NULL, NULL, on_computed_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_sums (emitra_report_get_confirmed (report), 1, 4000, 5000, 9000);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  test_use_india_time ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/report/exact-totals", test_report_exact_totals);
  ADD ("/report/one-operator", test_report_one_operator);
  ADD ("/report/text", test_report_text);
  ADD ("/report/csv", test_report_csv);
  ADD ("/report/pdf", test_report_pdf);
  ADD ("/report/empty-day", test_report_empty_day);
  ADD ("/report/async", test_report_async);
  g_test_add_func ("/report/bad-dates", test_report_refuses_bad_dates);

  return g_test_run ();
}
