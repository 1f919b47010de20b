/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Receipts page's tests share: a desk of their own, the page in
 * a window for a session, turning the main loop until the page has its
 * answer, and what the page shows as an operator would read it (the
 * citizens its list holds, an open details window).
 */
#pragma once

#include <adwaita.h>
#include <string.h>

#include "emitra-receipt-details.h"
#include "emitra-receipts-page.h"
#include "flow-test-util.h"
#include "session-test-util.h"
#include "widget-test-util.h"

static inline gboolean
receipts_test_page_is_idle (gpointer page)
{
  return !emitra_receipts_page_is_busy (EMITRA_RECEIPTS_PAGE (page));
}

/* Lets a search started by a widget run to its answer. */
static inline void
receipts_test_wait_idle (EmitraReceiptsPage *page)
{
  /* The search entry searches on its next turn of the main loop (the
   * fixtures take away its delay). */
  emitra_test_spin (30);
  emitra_test_spin_until (receipts_test_page_is_idle, page, 10000);
  g_assert_false (emitra_receipts_page_is_busy (page));
  emitra_test_spin (20);
}

/* The citizens the list holds, in its order, comma-separated. */
static inline char *
receipts_test_shown_citizens (EmitraReceiptsPage *page)
{
  GListModel *model = emitra_receipts_page_get_receipts (page);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EmitraReceipt) receipt = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", emitra_receipt_get_citizen_name (receipt));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static inline EmitraReceiptDetails *
receipts_test_find_details_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (EMITRA_IS_RECEIPT_DETAILS (l->data))
      return l->data;
  return NULL;
}

static inline gboolean
receipts_test_details_open (gpointer data)
{
  return receipts_test_find_details_window () != NULL;
}

/* The selected receipt's details, opened as Enter opens them, and loaded. */
static inline EmitraReceiptDetails *
receipts_test_open_details (EmitraReceiptsPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "receipts.details", NULL);
  emitra_test_spin_until (receipts_test_details_open, NULL, 5000);
  g_assert_nonnull (receipts_test_find_details_window ());
  emitra_test_spin (500);
  return receipts_test_find_details_window ();
}

/* "YYYY-MM-DD HH:MM" today, for TestReceipt's local_time. */
static inline char *
receipts_test_today_at (const char *time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%s %s", day, time);
}

typedef struct
{
  GtkWidget          *window;
  EmitraReceiptsPage *page;
  EmitraDesk         *desk;
  char               *dir;
} ReceiptsFixture;

/* A desk of its own in a new folder under the user's data directory
 * (which the test isolates), its gateway unreachable (nothing listens on
 * port 1: a retry fails at once, as offline). */
static inline EmitraDesk *
receipts_test_desk_new (char **out_dir)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "emitra-desk-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  EmitraDesk *desk;

  g_assert_nonnull (g_mkdtemp (dir));
  g_setenv ("EMITRA_DATA_DIR", dir, TRUE);
  desk = emitra_desk_new (dir, "http://127.0.0.1:1", NULL, &error);
  g_assert_no_error (error);
  *out_dir = g_steal_pointer (&dir);
  return desk;
}

/* The page over @desk for @session, in a window of its own, shown and
 * with its first answer. */
static inline EmitraReceiptsPage *
receipts_test_page_new (EmitraDesk             *desk,
                        EmitraOperatorSession  *session,
                        GtkWidget             **out_window)
{
  GtkWidget *window = gtk_window_new ();
  EmitraReceiptsPage *page = g_object_new (EMITRA_TYPE_RECEIPTS_PAGE, "desk", desk, NULL);

  emitra_receipts_page_set_session (page, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_set_child (GTK_WINDOW (window), g_object_new (ADW_TYPE_TOAST_OVERLAY, "child", page, NULL));
  gtk_window_present (GTK_WINDOW (window));
  /* An operator's typing waits 150 ms to settle; a test's need not. */
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (widget_test_find_child (GTK_WIDGET (page),
                                                                                 GTK_TYPE_SEARCH_ENTRY)), 0);
  receipts_test_wait_idle (page);
  *out_window = window;
  return page;
}

/* Closing the window lets go of the page, its lists and its rows. */
static inline void
receipts_test_page_close (GtkWidget          *window,
                          EmitraReceiptsPage *page)
{
  gpointer weak = page;

  g_object_add_weak_pointer (G_OBJECT (page), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  for (gint64 until = g_get_monotonic_time () + 2000000; weak != NULL && g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
}

/* Closes the fixture's window, checks the page went with it, and lets go
 * of its desk. */
static inline void
receipts_test_fixture_clear (ReceiptsFixture *f)
{
  receipts_test_page_close (f->window, f->page);
  g_clear_object (&f->desk);
  g_free (f->dir);
}
