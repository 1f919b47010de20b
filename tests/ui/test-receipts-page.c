/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Receipts page over a desk seeded through the core store: today's
 * receipts, a search by mobile number, the status filter, the dates, a
 * reprint that says DUPLICATE, the details of a receipt, and the Pending
 * view with a queued submission's last error and Retry Now, as a
 * supervisor sees them (who sees what: test-receipts-roles.c).
 * Set EMITRA_TEST_SCREENSHOT_DIR to keep a PNG of each state for a look.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "emitra-outbox-row.h"
#include "emitra-receipt-printer.h"
#include "emitra-outbox.h"
#include "receipts-test-util.h"
#include "ui-test-util.h"
#include "../core/receipt-test-util.h"

/* The pending item's error, as the outbox recorded it. */
#define PENDING_ERROR "The gateway did not answer (seeded)."

typedef ReceiptsFixture Fixture;

static void
count_change_cb (guint *changes)
{
  (*changes)++;
}

/* Today: two confirmed, one waiting in the outbox, one refused; and one
 * from an earlier day. */
static void
seed (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  EmitraReceiptStore *store = emitra_desk_get_receipts (f->desk);
  EmitraOutbox *outbox = emitra_desk_get_outbox (f->desk);
  g_autofree char *t1 = receipts_test_today_at ("00:01");
  g_autofree char *t2 = receipts_test_today_at ("00:02");
  g_autofree char *t3 = receipts_test_today_at ("00:03");
  g_autofree char *t4 = receipts_test_today_at ("00:04");
  const TestReceipt confirmed[] = {
    { "r-old", "200000000009", NULL, NULL, NULL, "Asha Verma", "9460000001", 4000, 5000, NULL, NULL,
      EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-01-15 11:00" },
    { "r-sunita", "200000000001", NULL, NULL, NULL, "Sunita Devi", "9414012345", 4000, 5000, NULL, NULL,
      EMITRA_RECEIPT_STATUS_CONFIRMED, t1 },
    { "r-ram", "200000000002", "domicile-certificate", "Domicile certificate", "मूल निवास प्रमाण पत्र",
      "Ram Kumar", "9829098290", 0, 5000, NULL, NULL, EMITRA_RECEIPT_STATUS_CONFIRMED, t2 },
  };
  const TestReceipt queued[] = {
    { "r-pooja", NULL, "income-certificate", "Income certificate", "आय प्रमाण पत्र", "Pooja Meena",
      "9414012345", 2500, 5000, NULL, NULL, EMITRA_RECEIPT_STATUS_PROVISIONAL, t3 },
    { "r-geeta", NULL, "caste-certificate", NULL, NULL, "Geeta Sharma", "9887700000", 4000, 5000, NULL, NULL,
      EMITRA_RECEIPT_STATUS_PROVISIONAL, t4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (confirmed); i++)
    g_object_unref (test_append (store, &confirmed[i]));
  for (guint i = 0; i < G_N_ELEMENTS (queued); i++)
    {
      g_autoptr(EmitraReceipt) input = test_receipt_new (&queued[i]);
      /* The outbox's record: the (masked) request and what the receipt shows. */
      g_autofree char *record = g_strdup_printf ("{\"request\": {\"request_id\": \"%s\", \"service_id\": \"%s\"},"
                                                 " \"receipt\": {}}",
                                                 queued[i].request_id, queued[i].service_id);
      g_autoptr(EmitraReceipt) stored = emitra_outbox_enqueue_with_receipt (outbox, store, record, NULL,
                                                                            input, &error);
      g_assert_no_error (error);
    }
  g_assert_true (emitra_outbox_record_attempt (outbox, "r-pooja", PENDING_ERROR,
                                               g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_true (emitra_outbox_settle (outbox, store, "r-geeta", EMITRA_OUTBOX_STATE_REJECTED, NULL,
                                       "Applicant not found in Jan Aadhaar", 0, NULL, &error));
  g_assert_no_error (error);
}

/* The digit set Preferences chose, for the tests of how numbers look. */
typedef struct
{
  gboolean    devanagari;
  const char *number;    /* the January receipt's number */
  const char *when;      /* when it was issued: not today, so with its date */
  const char *total;
  const char *issued;    /* the year, in its details window's date in words */
  const char *pending;   /* the queued submission's amount */
  const char *on_paper;  /* the total, on its reprint */
  gunichar    first;     /* the digits that must not show: from ... */
  gunichar    last;      /* ... to */
} DigitsCase;

static const DigitsCase digits_cases[] = {
  { FALSE, "1\n", "15/01/2026 11:00\n", "₹90.00\n", "2026, 11:00", "₹75.00", "₹90.00", 0x0966, 0x096F },
  { TRUE, "१\n", "१५/०१/२०२६ ११:००\n", "₹९०.००\n", "२०२६, ११:००", "₹७५.००", "₹९०.००", '0', '9' },
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const DigitsCase *digits = data;
  g_autoptr(GSettings) settings = g_settings_new ("in.emitra.Desk");
  g_autoptr(EmitraOperatorSession) supervisor = NULL;

  /* Chosen before the page is built, as the language switch rebuilds it. */
  g_settings_set_boolean (settings, "devanagari-digits", digits != NULL && digits->devanagari);

  f->desk = receipts_test_desk_new (&f->dir);
  seed (f);
  /* A supervisor's page: every receipt of the desk (test-receipts-roles.c
   * has the others). */
  supervisor = test_session_new ("SV-2001", "Rajendra Singh Shekhawat", "supervisor");
  f->page = receipts_test_page_new (f->desk, supervisor, &f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("in.emitra.Desk");

  receipts_test_fixture_clear (f);
  g_settings_reset (settings, "devanagari-digits");
}

static void
test_today_search_and_filter (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *entry = widget_test_find_child (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *dropdown = widget_test_find_child (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN);
  g_autofree char *all = NULL;
  g_autofree char *by_mobile = NULL;
  g_autofree char *provisional = NULL;
  g_autofree char *rejected = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *any_date = NULL;
  g_autofree char *nothing = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  guint changes = 0;

  /* Today's four, in the order issued; the January receipt is not among them. */
  all = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (all, ==, "Sunita Devi,Ram Kumar,Pooja Meena,Geeta Sharma");
  widget_test_collect_labels (GTK_WIDGET (f->page), labels);
  g_assert_nonnull (strstr (labels->str, "₹90.00\n"));     /* Sunita's total */
  g_assert_nonnull (strstr (labels->str, emitra_receipt_status_get_label (EMITRA_RECEIPT_STATUS_REJECTED)));
  flow_test_screenshot (f->window, "receipts-page-today");

  /* Reading the same day again (the page shown again, an outbox item
   * settled) leaves the list as it is: no rows rebuilt, the selection kept. */
  g_signal_connect_swapped (emitra_receipts_page_get_receipts (f->page), "items-changed",
                            G_CALLBACK (count_change_cb), &changes);
  emitra_receipts_page_refresh (f->page);
  receipts_test_wait_idle (f->page);
  g_assert_cmpuint (changes, ==, 0);
  g_signal_handlers_disconnect_by_func (emitra_receipts_page_get_receipts (f->page), count_change_cb, &changes);
  if (g_getenv ("EMITRA_TEST_SCREENSHOT_DIR") != NULL)
    {
      /* The narrowest the desk's window goes. */
      gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 600);
      flow_test_screenshot (f->window, "receipts-page-narrow");
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 600);
    }

  /* A mobile number narrows the list to that citizen's receipts. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "98290 98290");
  receipts_test_wait_idle (f->page);
  by_mobile = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (by_mobile, ==, "Ram Kumar");
  gtk_editable_set_text (GTK_EDITABLE (entry), "+91 94140 12345");
  receipts_test_wait_idle (f->page);
  g_free (by_mobile);
  by_mobile = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (by_mobile, ==, "Sunita Devi,Pooja Meena");
  flow_test_screenshot (f->window, "receipts-page-mobile");

  /* The status filter, with and without the search. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1 + EMITRA_RECEIPT_STATUS_PROVISIONAL);
  receipts_test_wait_idle (f->page);
  provisional = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (provisional, ==, "Pooja Meena");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1 + EMITRA_RECEIPT_STATUS_REJECTED);
  receipts_test_wait_idle (f->page);
  rejected = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (rejected, ==, "Geeta Sharma");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);

  /* The start of a name, any case. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ram");
  receipts_test_wait_idle (f->page);
  by_name = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (by_name, ==, "Ram Kumar");

  /* A citizen who came on another day is found once the dates allow it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "9460000001");
  receipts_test_wait_idle (f->page);
  nothing = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (nothing, ==, "");
  g_string_truncate (labels, 0);
  widget_test_collect_labels (GTK_WIDGET (f->page), labels);
  g_assert_nonnull (strstr (labels->str, _("No Receipts Found")));
  flow_test_screenshot (f->window, "receipts-page-not-found");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "receipts.range", "i", -1);
  receipts_test_wait_idle (f->page);
  any_date = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (any_date, ==, "Asha Verma");

  /* A number typed and Enter pressed at once opens that receipt. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "98290 98290");
  g_signal_emit_by_name (entry, "activate");
  receipts_test_wait_idle (f->page);
  g_assert_nonnull (receipts_test_find_details_window ());
  g_assert_cmpstr (emitra_receipt_get_citizen_name (emitra_receipt_details_get_receipt (receipts_test_find_details_window ())),
                   ==, "Ram Kumar");
  gtk_window_destroy (GTK_WINDOW (receipts_test_find_details_window ()));

  /* Back to a range: January holds only Asha's. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  emitra_receipts_page_set_range (f->page, "2026-01-31", "2026-01-01");
  receipts_test_wait_idle (f->page);
  g_free (any_date);
  any_date = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (any_date, ==, "Asha Verma");
}

static void
test_reprint_and_details (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "reprint.pdf", NULL);
  g_autofree char *saved = g_build_filename (f->dir, "saved.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *qr = NULL;
  EmitraReceiptDetails *details = NULL;
  EmitraReceipt *selected = emitra_receipts_page_get_selected (f->page);
  int status;

  /* The first of the day is selected; a reprint says DUPLICATE. */
  g_assert_nonnull (selected);
  g_assert_cmpstr (emitra_receipt_get_citizen_name (selected), ==, "Sunita Devi");
  g_assert_true (emitra_receipts_page_reprint_to_file (f->page, pdf, &error));
  g_assert_no_error (error);
  command = g_strdup_printf ("pdftotext -raw -enc UTF-8 '%s' -", pdf);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "DUPLICATE"));
  g_assert_nonnull (strstr (text, "Sunita Devi"));
  /* On the 80 mm roll (the default layout): 226.77 points wide. */
  g_clear_pointer (&text, g_free);
  g_free (command);
  command = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "226.772 x"));

  /* Save as PDF writes the same duplicate. */
  g_assert_true (emitra_receipts_page_save_pdf (f->page, saved, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  g_free (command);
  command = g_strdup_printf ("pdftotext -raw -enc UTF-8 '%s' -", saved);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_nonnull (strstr (text, "DUPLICATE"));

  /* Details: every field, the history and the QR payload. */
  details = receipts_test_open_details (f->page);
  widget_test_collect_labels (GTK_WIDGET (details), labels);
  g_test_message ("%s", labels->str);
  qr = emitra_receipt_dup_qr_payload (selected);
  g_assert_nonnull (strstr (labels->str, qr));
  g_assert_nonnull (strstr (labels->str, "9414012345\n"));
  g_assert_nonnull (strstr (labels->str, "200000000001\n"));
  g_assert_nonnull (strstr (labels->str, "XXXX XXXX 2346\n"));
  g_assert_nonnull (strstr (labels->str, "₹40.00\n"));      /* the department fee */
  /* The history names the confirmation. */
  g_assert_nonnull (strstr (labels->str, emitra_receipt_status_get_label (EMITRA_RECEIPT_STATUS_CONFIRMED)));
  flow_test_screenshot (GTK_WIDGET (details), "receipts-page-details");
  if (g_getenv ("EMITRA_TEST_SCREENSHOT_DIR") != NULL)
    {
      /* The whole of it, history and QR code included, in one picture. */
      gtk_window_set_default_size (GTK_WINDOW (details), 620, 1750);
      flow_test_screenshot (GTK_WIDGET (details), "receipts-page-details-all");
    }
  gtk_window_destroy (GTK_WINDOW (details));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
row_is_ready (gpointer data)
{
  Fixture *f = data;
  GtkWidget *row = widget_test_find_child (GTK_WIDGET (f->page), EMITRA_TYPE_OUTBOX_ROW);

  return row != NULL && gtk_widget_get_sensitive (row) && !emitra_receipts_page_is_busy (f->page);
}

static gboolean
pending_shows_attempts (gpointer data)
{
  Fixture *f = data;
  GtkWidget *row = widget_test_find_child (GTK_WIDGET (f->page), EMITRA_TYPE_OUTBOX_ROW);

  return row != NULL && emitra_outbox_item_get_attempts (emitra_outbox_row_get_item (EMITRA_OUTBOX_ROW (row))) >= 2 &&
         !emitra_receipts_page_is_busy (f->page);
}

static void
test_pending (Fixture       *f,
              gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (widget_test_find_child (GTK_WIDGET (f->page), ADW_TYPE_VIEW_STACK));
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *row;
  guint rows = 0;

  adw_view_stack_set_visible_child_name (stack, "pending");
  emitra_test_spin (300);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (adw_view_stack_get_page (stack, adw_view_stack_get_visible_child (stack))),
                    ==, 1);
  widget_test_collect_labels (adw_view_stack_get_visible_child (stack), labels);
  g_test_message ("%s", labels->str);
  /* Only the one still waiting; the refused one has left the outbox. */
  g_assert_nonnull (strstr (labels->str, "Pooja Meena"));
  g_assert_nonnull (strstr (labels->str, PENDING_ERROR));
  g_assert_null (strstr (labels->str, "Geeta Sharma"));
  g_assert_nonnull (strstr (labels->str, "₹75.00"));
  row = widget_test_find_child (GTK_WIDGET (f->page), EMITRA_TYPE_OUTBOX_ROW);
  for (GtkWidget *r = row; r != NULL; r = gtk_widget_get_next_sibling (r))
    rows++;
  g_assert_cmpuint (rows, ==, 1);
  flow_test_screenshot (f->window, "receipts-page-pending");
  if (g_getenv ("EMITRA_TEST_SCREENSHOT_DIR") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 600);
      flow_test_screenshot (f->window, "receipts-page-pending-narrow");
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 600);
    }

  /* Retry Now tries at once: the gateway is unreachable, so the item
   * stays, tried once more, with the new error. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "receipts.retry-item", "s", "r-pooja");
  emitra_test_spin_until (pending_shows_attempts, f, 15000);
  g_assert_true (pending_shows_attempts (f));
  g_string_truncate (labels, 0);
  widget_test_collect_labels (adw_view_stack_get_visible_child (stack), labels);
  g_assert_null (strstr (labels->str, PENDING_ERROR));
  g_assert_nonnull (strstr (labels->str, "Pooja Meena"));

  /* Cancel asks first, naming the receipt, the citizen and the refund. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "receipts.cancel-item", "s", "r-pooja");
  emitra_test_spin (200);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Pooja Meena"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "₹75.00"));
  expected = g_strdup_printf (_("The gateway will be asked to cancel receipt %s for %s, and the fee will be refunded to the kiosk wallet. Give the citizen back the %s they paid."),
                              "4", "Pooja Meena", "₹75.00");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
  flow_test_screenshot (GTK_WIDGET (dialog), "receipts-page-cancel");
  /* Keeping it changes nothing. */
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  emitra_test_spin_until (row_is_ready, f, 5000);
  g_assert_true (row_is_ready (f));

  /* Confirmed while the gateway cannot be reached: the item stays
   * pending, its receipt provisional, for the operator to try again. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "receipts.cancel-item", "s", "r-pooja");
  emitra_test_spin (200);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel-submission");
  gtk_window_destroy (GTK_WINDOW (dialog));
  emitra_test_spin (300);
  emitra_test_spin_until (row_is_ready, f, 10000);
  g_assert_true (row_is_ready (f));
  receipt = emitra_receipt_store_get_by_request_id (emitra_desk_get_receipts (f->desk), "r-pooja", &error);
  g_assert_no_error (error);
  g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_PROVISIONAL);
}

/* The first character of @text in [@first, @last], or 0. */
static gunichar
find_digit (const char *text,
            gunichar    first,
            gunichar    last)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= first && g_utf8_get_char (p) <= last)
      return g_utf8_get_char (p);
  return 0;
}

/* Every number, amount and date on the page, in its details and in its
 * Pending view follows Preferences' digits, and no digit of the other set
 * shows anywhere on them. */
static void
test_digits (Fixture       *f,
             gconstpointer  data)
{
  const DigitsCase *c = data;
  AdwViewStack *stack = ADW_VIEW_STACK (widget_test_find_child (GTK_WIDGET (f->page), ADW_TYPE_VIEW_STACK));
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "reprint.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  EmitraReceiptDetails *details = NULL;

  /* January's receipt: not today's, so its time shows with its date. */
  emitra_receipts_page_set_range (f->page, "2026-01-01", "2026-01-31");
  receipts_test_wait_idle (f->page);
  widget_test_collect_labels (GTK_WIDGET (f->page), labels);
  g_test_message ("%s", labels->str);
  g_assert_nonnull (strstr (labels->str, c->number));
  g_assert_nonnull (strstr (labels->str, c->when));
  g_assert_nonnull (strstr (labels->str, c->total));
  g_assert_cmpuint (find_digit (labels->str, c->first, c->last), ==, 0);
  flow_test_screenshot (f->window, c->devanagari ? "receipts-page-digits-devanagari" : "receipts-page-digits-latin");

  /* A reprint is in the digits the screen shows. */
  g_assert_true (emitra_receipts_page_reprint_to_file (f->page, pdf, &error));
  g_assert_no_error (error);
  command = g_strdup_printf ("pdftotext -raw -enc UTF-8 '%s' -", pdf);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, c->on_paper));

  details = receipts_test_open_details (f->page);
  g_string_truncate (labels, 0);
  widget_test_collect_labels (GTK_WIDGET (details), labels);
  g_assert_nonnull (strstr (labels->str, c->number));
  g_assert_nonnull (strstr (labels->str, c->issued));
  g_assert_nonnull (strstr (labels->str, c->total));
  /* IDs keep the digits the gateway and the citizen's papers write them in. */
  g_assert_nonnull (strstr (labels->str, "9460000001\n"));
  gtk_window_destroy (GTK_WINDOW (details));

  adw_view_stack_set_visible_child_name (stack, "pending");
  emitra_test_spin (300);
  g_string_truncate (labels, 0);
  widget_test_collect_labels (adw_view_stack_get_visible_child (stack), labels);
  g_test_message ("%s", labels->str);
  g_assert_nonnull (strstr (labels->str, c->pending));
  g_assert_cmpuint (find_digit (labels->str, c->first, c->last), ==, 0);
  /* The tab says something waits; a number only where libadwaita can
   * draw it in the chosen digits. */
  g_assert_true (adw_view_stack_page_get_needs_attention (adw_view_stack_get_page (stack, adw_view_stack_get_visible_child (stack))));
  flow_test_screenshot (f->window, c->devanagari ? "receipts-page-digits-pending-devanagari" : "receipts-page-digits-pending-latin");
}

/* The page each layout prints on, and what printing remembers of it. */
static void
test_page_setup (void)
{
  const TestReceipt t = { "r-setup", "200000000077", NULL, NULL, NULL, "Sunita Devi", NULL, 4000, 5000,
                          NULL, NULL, EMITRA_RECEIPT_STATUS_CONFIRMED, "2026-11-28 10:15" };
  g_autoptr(EmitraReceipt) receipt = test_receipt_new (&t);
  g_autoptr(EmitraReceiptRenderer) renderer = emitra_receipt_renderer_new (receipt);
  g_autoptr(GSettings) settings = g_settings_new ("in.emitra.Desk");
  g_autoptr(EmitraReceiptPrinter) printer = emitra_receipt_printer_new (settings);
  g_autoptr(GtkPageSetup) roll = NULL;
  g_autoptr(GtkPageSetup) remembered = NULL;
  g_autoptr(GtkPageSetup) a4 = NULL;
  g_autoptr(GtkPageSetup) chosen = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  double length = emitra_receipt_renderer_measure_height (renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM,
                                                          EMITRA_RECEIPT_ROLL_WIDTH_PT);
  double narrower;

  /* Nothing remembered: the whole roll's width, exactly as long as the receipt. */
  roll = emitra_receipt_printer_page_setup (printer, renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (roll, GTK_UNIT_MM), 80.0, 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_height (roll, GTK_UNIT_POINTS), length, 0.01);
  g_assert_cmpfloat (gtk_page_setup_get_left_margin (roll, GTK_UNIT_POINTS), ==, 0);
  a4 = emitra_receipt_printer_page_setup (printer, renderer, EMITRA_RECEIPT_LAYOUT_A4);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (a4, GTK_UNIT_MM), 210.0, 0.01);

  /* Margins an operator printed the roll with are kept; the paper is still
   * cut to the receipt, now a little longer for the narrower lines. */
  gtk_page_setup_set_left_margin (roll, 4, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (roll, 4, GTK_UNIT_MM);
  gtk_page_setup_set_top_margin (roll, 2, GTK_UNIT_MM);
  g_settings_set_value (settings, "page-setup-roll-80mm", gtk_page_setup_to_gvariant (roll));
  remembered = emitra_receipt_printer_page_setup (printer, renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM);
  narrower = emitra_receipt_renderer_measure_height (renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM,
                                                     EMITRA_RECEIPT_ROLL_WIDTH_PT - 8 * 72.0 / 25.4);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_left_margin (remembered, GTK_UNIT_MM), 4.0, 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (remembered, GTK_UNIT_MM), 80.0, 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_height (remembered, GTK_UNIT_POINTS),
                                  narrower + 2 * 72.0 / 25.4, 0.01);

  /* Another paper chosen for A4 receipts stays chosen; the roll's is apart. */
  gtk_page_setup_set_paper_size_and_default_margins (chosen, letter);
  g_settings_set_value (settings, "page-setup-a4", gtk_page_setup_to_gvariant (chosen));
  g_clear_object (&a4);
  a4 = emitra_receipt_printer_page_setup (printer, renderer, EMITRA_RECEIPT_LAYOUT_A4);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (a4)), ==, GTK_PAPER_NAME_LETTER);
  g_clear_object (&remembered);
  remembered = emitra_receipt_printer_page_setup (printer, renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (remembered, GTK_UNIT_MM), 80.0, 0.01);

  g_settings_reset (settings, "page-setup-a4");
  g_settings_reset (settings, "page-setup-roll-80mm");
}

static void
test_no_desk (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (EMITRA_TYPE_RECEIPTS_PAGE, NULL);
  GtkStack *stack;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  emitra_test_spin (200);
  /* Outside the desk's window and without a desk: an honest error. */
  stack = GTK_STACK (widget_test_find_child (page, GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-desk");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  test_use_india_time ();
  widget_test_init (&argc, &argv);

  g_test_add ("/ui/receipts-page/today-search-filter", Fixture, NULL,
              fixture_set_up, test_today_search_and_filter, fixture_tear_down);
  g_test_add ("/ui/receipts-page/reprint-details", Fixture, NULL,
              fixture_set_up, test_reprint_and_details, fixture_tear_down);
  g_test_add ("/ui/receipts-page/pending", Fixture, NULL,
              fixture_set_up, test_pending, fixture_tear_down);
  g_test_add ("/ui/receipts-page/digits/latin", Fixture, &digits_cases[0],
              fixture_set_up, test_digits, fixture_tear_down);
  g_test_add ("/ui/receipts-page/digits/devanagari", Fixture, &digits_cases[1],
              fixture_set_up, test_digits, fixture_tear_down);
  g_test_add_func ("/ui/receipts-page/page-setup", test_page_setup);
  g_test_add_func ("/ui/receipts-page/no-desk", test_no_desk);

  return g_test_run ();
}
