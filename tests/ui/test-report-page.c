/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reports page on a known day: what the supervisor reads on screen.
 * Set EMITRA_TEST_SCREENSHOT_DIR to keep a PNG of each state for a look.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "emitra-report-page.h"
#include "emitra-screenshot.h"
#include "flow-test-util.h"
#include "session-test-util.h"
#include "ui-test-util.h"
#include "widget-test-util.h"
#include "../core/report-test-data.h"

typedef struct
{
  GtkStack   *stack;
  const char *page;
} Waiting;

static gboolean
stack_shows (gpointer data)
{
  Waiting *waiting = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (waiting->stack), waiting->page) == 0;
}

static void
maybe_screenshot (GtkWidget  *window,
                  const char *name)
{
  emitra_test_screenshot (window, "report-page", name);
}

static void
test_report_page_known_day (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "emitra-desk", NULL);
  g_autofree char *db_path = g_build_filename (data_dir, "desk.db", NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (EMITRA_TYPE_REPORT_PAGE, NULL);
  Waiting waiting = { NULL, "report" };
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkWidget *group;

  g_autoptr(EmitraOperatorSession) supervisor = test_session_new ("SV-2001", "Rajendra Singh Shekhawat", "supervisor");

  g_setenv ("EMITRA_DATA_DIR", data_dir, TRUE);
  report_seed (db_path);

  emitra_report_page_set_session (EMITRA_REPORT_PAGE (page), supervisor);
  emitra_report_page_set_day (EMITRA_REPORT_PAGE (page), "2026-11-28");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  waiting.stack = GTK_STACK (widget_test_find_child (page, GTK_TYPE_STACK));
  emitra_test_spin_until (stack_shows, &waiting, 10000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (waiting.stack), ==, "report");
  /* Let the rows settle before reading and drawing them. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  widget_test_collect_labels (page, labels);
  g_test_message ("%s", labels->str);
  g_assert_nonnull (strstr (labels->str, "₹1,526.56\n"));    /* cash to hand over */
  g_assert_nonnull (strstr (labels->str, "₹1,476.56\n"));    /* collected */
  g_assert_nonnull (strstr (labels->str, "₹1,246.56\n"));    /* the electricity bill */
  g_assert_nonnull (strstr (labels->str, "Meena Sharma (op-meena)"));
  g_assert_nonnull (strstr (labels->str, "Applicant not found in Jan Aadhaar"));
  group = widget_test_find_child (page, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  maybe_screenshot (window, "day");

  /* A day without receipts says so. */
  emitra_report_page_set_day (EMITRA_REPORT_PAGE (page), "2026-12-01");
  waiting.page = "empty";
  emitra_test_spin_until (stack_shows, &waiting, 10000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (waiting.stack), ==, "empty");
  maybe_screenshot (window, "empty");

  /* Closing the window lets go of the page, its rows and its report. */
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_destroy (GTK_WINDOW (window));
  for (gint64 until = g_get_monotonic_time () + 2000000; page != NULL && g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (page);
}

/* Who sees what: nothing before sign-in; an operator only their own
 * receipts, titled as theirs and with no other operator in them; signing
 * out leaves nothing of it on screen. */
static void
test_report_page_roles (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "emitra-desk-roles", NULL);
  g_autofree char *db_path = g_build_filename (data_dir, "desk.db", NULL);
  g_autoptr(EmitraOperatorSession) meena = test_session_new ("op-meena", "Meena Sharma", "operator");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (EMITRA_TYPE_REPORT_PAGE, NULL);
  Waiting waiting = { NULL, "signed-out" };
  g_autoptr(GString) labels = g_string_new (NULL);

  g_setenv ("EMITRA_DATA_DIR", data_dir, TRUE);
  report_seed (db_path);

  emitra_report_page_set_day (EMITRA_REPORT_PAGE (page), "2026-11-28");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  waiting.stack = GTK_STACK (widget_test_find_child (page, GTK_TYPE_STACK));

  /* Nobody signed in: the page asks for it and shows no figure. */
  emitra_test_spin_until (stack_shows, &waiting, 5000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (waiting.stack), ==, "signed-out");
  maybe_screenshot (window, "signed-out");

  /* Meena, an operator: her day only. */
  emitra_report_page_set_session (EMITRA_REPORT_PAGE (page), meena);
  waiting.page = "report";
  emitra_test_spin_until (stack_shows, &waiting, 10000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (waiting.stack), ==, "report");
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  widget_test_collect_labels (page, labels);
  g_test_message ("%s", labels->str);
  g_assert_nonnull (strstr (labels->str, "Meena Sharma"));
  g_assert_null (strstr (labels->str, "Arjun"));
  g_assert_null (strstr (labels->str, "Ram Kumar"));       /* Arjun's citizen */
  g_assert_null (strstr (labels->str, "Pooja"));           /* Arjun's pending one */
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "hi") != 0)
    g_assert_nonnull (strstr (labels->str, "My Day: Meena Sharma"));
  maybe_screenshot (window, "operator");

  /* Signed out: straight back to asking, the figures gone. */
  emitra_report_page_set_session (EMITRA_REPORT_PAGE (page), NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (waiting.stack), ==, "signed-out");

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_destroy (GTK_WINDOW (window));
  for (gint64 until = g_get_monotonic_time () + 2000000; page != NULL && g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (page);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Kolkata", TRUE);
  widget_test_init (&argc, &argv);

  g_test_add_func ("/ui/report-page/known-day", test_report_page_known_day);
  g_test_add_func ("/ui/report-page/roles", test_report_page_roles);

  return g_test_run ();
}
