/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guided application under Xvfb, driven the way an operator drives it:
 * fields typed, focus moved on, Next pressed; against a live sandbox
 * gateway for Jan Aadhaar, bills and submission.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "../gateway/client-sync.h"
#include "../gateway/sandbox-fixture.h"
#include "emitra-flow-private.h"
#include "emitra-date-row.h"
#include "emitra-drafts-dialog.h"
#include "emitra-money.h"
#include "emitra-text.h"
#include "flow-test-util.h"
#include "ui-test-util.h"

typedef struct
{
  EmitraCatalog         *catalog;
  EmitraDatabase        *database;
  EmitraDraftStore      *draft_store;
  SandboxFixture        *sandbox;
  EmitraGatewayClient   *client;
  EmitraSubmitter       *submitter;
  GtkWindow             *window;
  EmitraApplicationPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_gateway = GPOINTER_TO_INT (data);
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autofree char *data_dir = g_dir_make_tmp ("emitra-flow-XXXXXX", NULL);

  /* Each test its own desk: its own drafts, receipts and scans. */
  g_setenv ("EMITRA_DATA_DIR", data_dir, TRUE);
  fixture->catalog = flow_test_load_catalog ();
  fixture->database = flow_test_open_database ();
  fixture->draft_store = emitra_draft_store_new (fixture->database);
  if (with_gateway)
    {
      g_autoptr(EmitraOperatorSession) session = NULL;
      g_autoptr(GError) error = NULL;

      fixture->sandbox = sandbox_start (NULL);
      fixture->client = test_client_new (fixture->sandbox);
      session = sync_sign_in (fixture->client, "anil.kumawat", "demo123", "K11000142", &error);
      g_assert_no_error (error);
      /* Quick to give up, so the offline cases take seconds, not minutes. */
      emitra_gateway_client_set_timeout (fixture->client, 2000);
      emitra_gateway_client_set_retry (fixture->client, 2, 10);
    }
  if (fixture->client != NULL)
    {
      g_autoptr(EmitraReceiptStore) receipts = emitra_receipt_store_new (fixture->database);
      g_autoptr(EmitraOutbox) outbox = emitra_outbox_new (fixture->database);

      fixture->submitter = emitra_submitter_new (receipts, outbox, fixture->client);
    }

  fixture->page = EMITRA_APPLICATION_PAGE (emitra_application_page_new ());
  emitra_application_page_set_desk (fixture->page, fixture->catalog, fixture->draft_store, fixture->client,
                                    fixture->submitter);
  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 1024, 700);
  /* EMITRA_TEST_WINDOW_SIZE=1024x600, say, to look at a small screen. */
  if (g_getenv ("EMITRA_TEST_WINDOW_SIZE") != NULL)
    {
      int width = 0, height = 0;

      if (sscanf (g_getenv ("EMITRA_TEST_WINDOW_SIZE"), "%dx%d", &width, &height) == 2)
        gtk_window_set_default_size (fixture->window, width, height);
    }
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  adw_window_set_content (ADW_WINDOW (fixture->window), overlay);
  gtk_window_present (fixture->window);
}

static gboolean
page_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;

  emitra_application_page_flush_async (fixture->page, NULL, store_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (emitra_application_page_flush_finish (fixture->page, result, NULL));
  g_clear_object (&result);

  /* The page and everything it holds go with the window. */
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
  gtk_window_destroy (fixture->window);
  emitra_test_spin_until (page_gone, &fixture->page, 3000);
  g_assert_null (fixture->page);
  g_clear_object (&fixture->submitter);
  g_clear_object (&fixture->client);
  if (fixture->sandbox != NULL)
    sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->draft_store);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->catalog);
  flow_test_remove_tree (g_getenv ("EMITRA_DATA_DIR"));
}

static gboolean
not_busy (gpointer data)
{
  return !emitra_application_page_get_busy (data);
}

static void
wait_idle (Fixture *fixture)
{
  emitra_test_spin (50);
  emitra_test_spin_until (not_busy, fixture->page, 10000);
  g_assert_false (emitra_application_page_get_busy (fixture->page));
}

static void
press_next (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "flow.next", NULL));
  wait_idle (fixture);
}

static EmitraFormView *
citizen_form (Fixture *fixture)
{
  return emitra_citizen_step_get_form_view (fixture->page->citizen_step);
}

/* A wrong Aadhaar number is told under its field, in the interface's
 * language and naming the field, when the operator leaves it; Next then
 * stays on the step and puts the focus back on the field. */
static void
test_invalid_aadhaar (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EmitraFormView *form;
  GtkWidget *row;
  const char *message;
  const char *label;

  gint64 start = g_get_monotonic_time ();

  g_assert_true (emitra_application_page_open_service (fixture->page, "caste-certificate-obc", &error));
  g_assert_no_error (error);
  g_test_message ("opening the application took %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_CITIZEN);

  form = citizen_form (fixture);
  row = emitra_form_view_get_field_row (form, "aadhaar");
  label = emitra_form_field_get_label (emitra_form_schema_lookup (fixture->page->schema, "aadhaar"));

  /* 234123412347: the right length, the wrong Verhoeff check digit. */
  flow_test_type (form, "aadhaar", "2341 2341 2347");
  g_assert_null (emitra_form_view_get_shown_message (form, "aadhaar"));
  flow_test_leave (form, "aadhaar");

  message = emitra_form_view_get_shown_message (form, "aadhaar");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, label));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* In Hindi the message names the field by its Hindi label. */
  if (emitra_text_prefers_hindi ())
    g_assert_nonnull (strstr (message, "आधार"));

  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-invalid-aadhaar");

  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_CITIZEN);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->page->step_error_revealer));
  /* The first wrong field is the first empty required one, above Aadhaar:
   * the focus goes there, and Aadhaar keeps its own message. */
  g_assert_nonnull (emitra_form_view_get_shown_message (form, "aadhaar"));

  /* Everything else right: Next still refuses, and the focus lands on Aadhaar. */
  flow_test_type (form, "full_name_en", "Sunita Kumari");
  flow_test_type (form, "full_name_hi", "सुनीता कुमारी");
  flow_test_type (form, "father_husband_name", "Mohan Lal");
  flow_test_type (form, "gender", "female");
  flow_test_type (form, "date_of_birth", "05/06/1990");
  flow_test_type (form, "mobile", "9876543210");
  flow_test_type (form, "house_street", "4, Gandhi Path");
  flow_test_type (form, "village_ward", "Ward 12");
  flow_test_type (form, "tehsil", "Sanganer");
  flow_test_type (form, "district", "jaipur");
  flow_test_type (form, "pin", "302029");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_CITIZEN);
  g_assert_true (flow_test_focus_within (row));
  g_assert_cmpstr (gtk_label_get_label (fixture->page->step_error_label), ==,
                   emitra_form_view_get_shown_message (form, "aadhaar"));

  /* Corrected, the message goes at once and Next moves on. */
  flow_test_type (form, "aadhaar", "234123412346");
  g_assert_null (emitra_form_view_get_shown_message (form, "aadhaar"));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_DETAILS);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->page->step_error_revealer));
}


/* A whole application, the operator's way. */

typedef struct
{
  const char *service_id;
  const char *family_id;
  const char *member_id;
  const char *name_en;
  const char *name_hi;
  const char *aadhaar_masked;
  const char *date_of_birth;
  const char *details[8][2];   /* field id, text typed */
  const char *scanned;         /* a document attached as a photograph */
  const char *scanned_pdf[3];  /* others, as PDFs */
  const char *seen[4];         /* documents whose originals are seen */
  const char *cash;
  gint64      total;
  gint64      change;
} WholeCase;

static const WholeCase whole_cases[] = {
  {
    "caste-certificate-obc", "1000012345", "10000123453", "Vikas Sharma", "विकास शर्मा",
    "XXXX XXXX 9146", "25/01/2000",
    { { "caste_name", "Brahmin" }, { "caste_category", "obc" }, { "annual_income", "1,80,000" },
      { "certificate_for", "state" }, { NULL, NULL } },
    "photo", { "self_declaration", "income_proof", NULL }, { "jan_aadhaar", "aadhaar", NULL },
    "100", 5000, 5000,
  },
  {
    "income-certificate", "1000023456", "10000234562", "Santosh Meena", "संतोष मीणा",
    "XXXX XXXX 1934", "14/02/1985",
    { { "annual_income", "96000" }, { "income_source", "agriculture" }, { "purpose", "Scholarship" },
      { NULL, NULL } },
    "photo", { "self_declaration", NULL }, { "jan_aadhaar", "aadhaar", NULL },
    "50", 5000, 0,
  },
};

static char *
write_scan (const char *name,
            gboolean    pdf)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  if (pdf)
    {
      static const char tiny_pdf[] =
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
        "trailer << /Root 1 0 R >>\n%%EOF\n";

      g_assert_true (g_file_set_contents (path, tiny_pdf, sizeof tiny_pdf - 1, NULL));
    }
  else
    {
      /* A small grey "photograph", a real PNG for the preview to decode. */
      g_autofree guchar *pixels = g_malloc (60 * 80 * 4);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      memset (pixels, 0x90, 60 * 80 * 4);
      bytes = g_bytes_new_take (g_steal_pointer (&pixels), 60 * 80 * 4);
      texture = gdk_memory_texture_new (60, 80, GDK_MEMORY_R8G8B8A8, bytes, 60 * 4);
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
  return g_steal_pointer (&path);
}

static gboolean
documents_idle (gpointer data)
{
  return !emitra_documents_step_is_busy (data);
}

static void
identify_by_jan_aadhaar (Fixture         *fixture,
                         const WholeCase *c)
{
  EmitraCitizenStep *step = fixture->page->citizen_step;
  EmitraFormView *form = citizen_form (fixture);

  emitra_citizen_step_set_family_id (step, c->family_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step), "citizen.lookup", NULL));
  wait_idle (fixture);
  g_assert_cmpuint (emitra_citizen_step_get_n_members (step), >=, 2);
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-family");

  emitra_citizen_step_select_member (step, c->member_id);
  g_assert_cmpstr (emitra_citizen_step_get_member_id (step), ==, c->member_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step), "citizen.send-otp", NULL));
  wait_idle (fixture);
  /* In training the OTP is always 123456. */
  emitra_citizen_step_set_otp (step, "123456");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step), "citizen.verify", NULL));
  wait_idle (fixture);

  g_assert_true (emitra_citizen_step_get_verified (step));
  g_assert_cmpstr (emitra_form_view_get_text (form, "full_name_en"), ==, c->name_en);
  g_assert_cmpstr (emitra_form_view_get_text (form, "full_name_hi"), ==, c->name_hi);
  g_assert_cmpstr (emitra_form_view_get_text (form, "aadhaar"), ==, c->aadhaar_masked);
  g_assert_cmpstr (emitra_form_view_get_text (form, "date_of_birth"), ==, c->date_of_birth);
  g_assert_cmpstr (emitra_form_view_get_text (form, "jan_aadhaar_member_id"), ==, c->member_id);
  g_assert_cmpstr (emitra_form_view_get_text (form, "mobile"), !=, "");
  g_assert_cmpstr (emitra_form_view_get_text (form, "district"), !=, "");
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-citizen-filled");
}

static gboolean
draft_submitted (gpointer draft)
{
  return emitra_draft_get_submitted (draft);
}

/* Types a whole application for @c, as far as Review. */
static void
fill_to_review (Fixture         *fixture,
                const WholeCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *photo = write_scan ("photo.png", FALSE);
  g_autofree char *declaration = write_scan ("declaration.pdf", TRUE);
  g_autofree char *review = NULL;
  g_autofree char *total = NULL;
  g_autofree char *change = NULL;
  g_autoptr(GFile) photo_file = g_file_new_for_path (photo);
  g_autoptr(GFile) declaration_file = g_file_new_for_path (declaration);

  g_assert_true (emitra_application_page_open_service (fixture->page, c->service_id, &error));
  g_assert_no_error (error);

  /* Citizen: Jan Aadhaar fills the form; the record has no ward. */
  identify_by_jan_aadhaar (fixture, c);
  flow_test_type (citizen_form (fixture), "village_ward", "Ward 7");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_DETAILS);

  /* Details: the service's own fields. */
  for (guint i = 0; c->details[i][0] != NULL; i++)
    flow_test_type (fixture->page->details_form, c->details[i][0], c->details[i][1]);
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-details");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_DOCUMENTS);

  /* Documents: Next is refused until every required one is provided. */
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_DOCUMENTS);
  g_assert_nonnull (emitra_documents_step_get_message (fixture->page->documents_step, c->scanned));
  emitra_documents_step_attach_file (fixture->page->documents_step, c->scanned, photo_file);
  for (guint i = 0; c->scanned_pdf[i] != NULL; i++)
    emitra_documents_step_attach_file (fixture->page->documents_step, c->scanned_pdf[i], declaration_file);
  emitra_test_spin_until (documents_idle, fixture->page->documents_step, 5000);
  g_assert_true (emitra_documents_step_is_attached (fixture->page->documents_step, c->scanned));
  for (guint i = 0; c->scanned_pdf[i] != NULL; i++)
    g_assert_true (emitra_documents_step_is_attached (fixture->page->documents_step, c->scanned_pdf[i]));
  for (guint i = 0; c->seen[i] != NULL; i++)
    emitra_documents_step_set_original_seen (fixture->page->documents_step, c->seen[i], TRUE);
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-documents");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_FEE);

  /* Fee: the official charge, the cash, the change. */
  total = emitra_money_format (c->total, EMITRA_DIGITS_LATIN);
  change = emitra_money_format (c->change, EMITRA_DIGITS_LATIN);
  emitra_fee_step_set_cash_text (fixture->page->fee_step, "10");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_FEE);
  emitra_fee_step_set_cash_text (fixture->page->fee_step, c->cash);
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-fee");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_REVIEW);

  /* Review: read back in English, then in Hindi. */
  emitra_review_step_set_hindi (fixture->page->review_step, FALSE);
  review = emitra_review_step_dup_text (fixture->page->review_step);
  g_assert_nonnull (strstr (review, c->name_en));
  g_assert_nonnull (strstr (review, c->aadhaar_masked));
  g_assert_nonnull (strstr (review, total));
  g_assert_nonnull (strstr (review, change));
  g_clear_pointer (&review, g_free);
  emitra_review_step_set_hindi (fixture->page->review_step, TRUE);
  review = emitra_review_step_dup_text (fixture->page->review_step);
  g_assert_nonnull (strstr (review, "कुल"));
  g_assert_nonnull (strstr (review, c->name_hi));
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-review");

  g_unlink (photo);
  g_unlink (declaration);
}

static const WholeCase *
find_case (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (whole_cases); i++)
    if (g_str_has_suffix (g_test_get_path (), whole_cases[i].service_id))
      return &whole_cases[i];
  g_assert_not_reached ();
}

static void
test_whole_application (Fixture       *fixture,
                        gconstpointer  data)
{
  const WholeCase *c = find_case ();
  EmitraReceipt *receipt;

  fill_to_review (fixture, c);

  /* Submit: the receipt is shown. */
  press_next (fixture);
  g_assert_cmpstr (gtk_label_get_label (fixture->page->step_error_label), ==, "");
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_RECEIPT);
  receipt = emitra_receipt_view_get_receipt (fixture->page->receipt_view);
  g_assert_nonnull (receipt);
  g_assert_cmpint (emitra_receipt_get_total (receipt), ==, c->total);
  g_assert_cmpstr (emitra_receipt_get_aadhaar_masked (receipt), ==, c->aadhaar_masked);
  emitra_test_spin_until (draft_submitted, emitra_application_page_get_draft (fixture->page), 5000);
  g_assert_true (emitra_draft_get_submitted (emitra_application_page_get_draft (fixture->page)));
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-receipt");

  /* Save as PDF writes the receipt as shown. */
  {
    g_autofree char *pdf = g_build_filename (g_getenv ("EMITRA_DATA_DIR"), "receipt.pdf", NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (emitra_receipt_view_save_pdf (fixture->page->receipt_view, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (length > 1000 && g_str_has_prefix (contents, "%PDF-"));
  }
}

/* The reply to the create is lost after the gateway committed it: the
 * desk verifies by request ID and shows the receipt; one charge only. */
static void
test_submit_reply_lost (Fixture       *fixture,
                        gconstpointer  data)
{
  const WholeCase *c = &whole_cases[1];
  EmitraReceipt *receipt;

  fill_to_review (fixture, c);
  sandbox_set_faults (fixture->sandbox, "{\"drop_after_commit_next\": 1}");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_RECEIPT);
  receipt = emitra_receipt_view_get_receipt (fixture->page->receipt_view);
  g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_CONFIRMED);
  g_assert_cmpint (sandbox_stat (fixture->sandbox, "transactions"), ==, 1);
}

/* The gateway cannot be reached at all: the application waits in the
 * outbox and the citizen gets a provisional receipt, said as such. */
static void
test_submit_offline (Fixture       *fixture,
                     gconstpointer  data)
{
  const WholeCase *c = &whole_cases[1];
  EmitraReceipt *receipt;

  fill_to_review (fixture, c);
  sandbox_set_faults (fixture->sandbox, "{\"fail_next\": 100, \"fail_status\": 503, \"path_prefix\": \"/v1/transactions\"}");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_RECEIPT);
  receipt = emitra_receipt_view_get_receipt (fixture->page->receipt_view);
  g_assert_cmpint (emitra_receipt_get_status (receipt), ==, EMITRA_RECEIPT_STATUS_PROVISIONAL);
  g_assert_cmpint (sandbox_stat (fixture->sandbox, "transactions"), ==, 0);
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-provisional");
}

static gboolean
bill_fetched (gpointer data)
{
  return emitra_fee_step_has_bill (data);
}

/* A bill: the amount due is fetched, shown itemised, never typed. */
static void
test_bill_payment (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *review = NULL;
  EmitraFee fee;
  gint64 cash = 0, change = 0;
  EmitraReceipt *receipt;

  g_assert_true (emitra_application_page_open_service (fixture->page, "electricity-bill-jvvnl", &error));
  g_assert_no_error (error);
  /* No applicant to identify: the first step is the bill's details. */
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_DETAILS);

  flow_test_type (fixture->page->details_form, "consumer_number", "2104 1234 5678");
  flow_test_type (fixture->page->details_form, "mobile", "9000011101");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_DOCUMENTS);
  press_next (fixture);   /* the previous bill is optional */
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_FEE);

  emitra_test_spin_until (bill_fetched, fixture->page->fee_step, 10000);
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-bill-fetched");
  g_assert_true (emitra_fee_step_has_bill (fixture->page->fee_step));
  g_assert_true (emitra_fee_step_get_fee (fixture->page->fee_step, &fee, NULL));
  g_assert_cmpint (fee.department_fee, ==, 184300);
  g_assert_cmpint (fee.service_charge, ==, 0);
  g_assert_cmpint (fee.total, ==, 184300);
  emitra_fee_step_set_cash_text (fixture->page->fee_step, "2000");
  g_assert_true (emitra_fee_step_get_cash (fixture->page->fee_step, &cash, &change));
  g_assert_cmpint (change, ==, 15700);
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-bill-fee");
  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_REVIEW);
  review = emitra_review_step_dup_text (fixture->page->review_step);
  g_assert_nonnull (strstr (review, "1,843.00"));

  press_next (fixture);
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_RECEIPT);
  receipt = emitra_receipt_view_get_receipt (fixture->page->receipt_view);
  g_assert_cmpint (emitra_receipt_get_department_fee (receipt), ==, 184300);
  g_assert_cmpint (emitra_receipt_get_cash_received (receipt), ==, 200000);
  g_assert_cmpstr (emitra_receipt_get_citizen_name (receipt), !=, "");
}

static void
on_resume_draft_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  char **resumed = user_data;

  g_free (*resumed);
  *resumed = g_variant_dup_string (parameter, NULL);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* The Drafts list: newest first, the step where work stopped, a warning
 * before a draft's purge, and Resume asking the window for that draft. */
static void
test_drafts_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EmitraDraft) fresh = emitra_draft_new ("income-certificate");
  g_autoptr(EmitraDraft) old = emitra_draft_new ("caste-certificate-obc");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) drafts = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) resume = g_simple_action_new ("resume-draft", G_VARIANT_TYPE_STRING);
  g_autofree char *resumed = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  EmitraDraftsDialog *dialog;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  emitra_draft_set_citizen_name (fresh, "Santosh Meena");
  emitra_draft_set_step (fresh, EMITRA_FLOW_STEP_DOCUMENTS);
  emitra_draft_set_updated_at (fresh, now - 60);
  emitra_draft_set_citizen_name (old, "Vikas Sharma");
  emitra_draft_set_step (old, EMITRA_FLOW_STEP_FEE);
  emitra_draft_set_updated_at (old, now - 28 * 24 * 60 * 60);
  for (guint i = 0; i < 2; i++)
    {
      emitra_draft_store_save_async (fixture->draft_store, i == 0 ? fresh : old, NULL, NULL, store_result_cb, &result);
      wait_for_result (&result);
      g_assert_true (emitra_draft_store_save_finish (fixture->draft_store, result, NULL));
      g_clear_object (&result);
    }
  emitra_draft_store_list_async (fixture->draft_store, NULL, store_result_cb, &result);
  wait_for_result (&result);
  drafts = emitra_draft_store_list_finish (fixture->draft_store, result, NULL);
  g_assert_nonnull (drafts);

  g_signal_connect (resume, "activate", G_CALLBACK (on_resume_draft_cb), &resumed);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (resume));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  dialog = emitra_drafts_dialog_new (fixture->window, fixture->catalog, fixture->draft_store, drafts, 30);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (emitra_drafts_dialog_get_n_drafts (dialog), ==, 2);
  text = emitra_drafts_dialog_dup_text (dialog);
  lines = g_strsplit (text, "\n", 0);
  /* Newest first; each names its citizen and the step where it stopped. */
  g_assert_nonnull (strstr (lines[0], "Santosh Meena"));
  g_assert_nonnull (strstr (lines[0], emitra_flow_step_title (EMITRA_FLOW_STEP_DOCUMENTS)));
  g_assert_nonnull (strstr (lines[1], "Vikas Sharma"));
  g_assert_nonnull (strstr (lines[1], emitra_flow_step_title (EMITRA_FLOW_STEP_FEE)));
  /* 28 days old of 30: the purge is announced (the number of days left). */
  g_assert_nonnull (strstr (lines[1], " 2 "));
  g_assert_null (strstr (lines[0], " 2 "));
  flow_test_screenshot (GTK_WIDGET (dialog), "flow-drafts");

  emitra_drafts_dialog_resume (dialog, 1);
  emitra_test_spin_until (string_set, &resumed, 2000);
  g_assert_cmpstr (resumed, ==, emitra_draft_get_id (old));
}

static gboolean
popover_visible (gpointer data)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (data), GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_visible (popover);
}

/* A date typed DD/MM/YYYY or picked from the calendar: the same text. */
static void
test_date_from_calendar (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (1988, 8, 15, 0, 0, 0);
  EmitraFormView *form;
  EmitraDateRow *row;
  GtkCalendar *calendar;

  g_assert_true (emitra_application_page_open_service (fixture->page, "income-certificate", &error));
  form = citizen_form (fixture);
  row = EMITRA_DATE_ROW (emitra_form_view_get_field_row (form, "date_of_birth"));
  calendar = emitra_date_row_get_calendar (row);

  flow_test_type (form, "date_of_birth", "3/4/1991");
  emitra_date_row_popup_calendar (row);
  emitra_test_spin_until (popover_visible, calendar, 2000);
  g_assert_true (popover_visible (calendar));
  /* It opens on the typed date. */
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_year (shown), ==, 1991);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 4);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 3);
  }
  flow_test_screenshot (GTK_WIDGET (fixture->window), "flow-calendar");

  gtk_calendar_select_day (calendar, day);
  g_assert_cmpstr (emitra_form_view_get_text (form, "date_of_birth"), ==, "15/08/1988");
  g_assert_true (emitra_form_view_check_field (form, "date_of_birth"));
  /* The draft has it as shown. */
  g_assert_cmpstr (emitra_draft_get_value (emitra_application_page_get_draft (fixture->page), "date_of_birth"),
                   ==, "15/08/1988");
}

/* A refusal from the gateway that names a field lands on that field, on
 * its step, from wherever the operator is. */
static void
test_gateway_field_error (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *message = "Caste name: the gateway does not know this caste.";

  g_assert_true (emitra_application_page_open_service (fixture->page, "caste-certificate-obc", &error));
  g_assert_true (_emitra_application_page_show_field_error (fixture->page, "caste_name", message));
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_DETAILS);
  g_assert_cmpstr (emitra_form_view_get_shown_message (fixture->page->details_form, "caste_name"), ==, message);
  g_assert_true (flow_test_focus_within (emitra_form_view_get_field_row (fixture->page->details_form, "caste_name")));
  g_assert_cmpstr (gtk_label_get_label (fixture->page->step_error_label), ==, message);

  g_assert_true (_emitra_application_page_show_field_error (fixture->page, "mobile", message));
  g_assert_cmpstr (emitra_application_page_get_step (fixture->page), ==, EMITRA_FLOW_STEP_CITIZEN);
  g_assert_cmpstr (emitra_form_view_get_shown_message (citizen_form (fixture), "mobile"), ==, message);
  g_assert_false (_emitra_application_page_show_field_error (fixture->page, "no_such_field", message));
}

static guint
count_drafts (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) drafts = NULL;

  emitra_application_page_flush_async (fixture->page, NULL, store_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (emitra_application_page_flush_finish (fixture->page, result, NULL));
  g_clear_object (&result);
  emitra_draft_store_list_async (fixture->draft_store, NULL, store_result_cb, &result);
  wait_for_result (&result);
  drafts = emitra_draft_store_list_finish (fixture->draft_store, result, NULL);
  g_assert_nonnull (drafts);
  return g_list_model_get_n_items (drafts);
}

/* Opening an application by mistake leaves nothing in Drafts; the first
 * keystroke makes it a draft. */
static void
test_draft_on_first_change (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gint64 start;

  g_assert_true (emitra_application_page_open_service (fixture->page, "domicile-certificate", &error));
  g_assert_cmpuint (count_drafts (fixture), ==, 0);
  flow_test_type (citizen_form (fixture), "full_name_en", "Ramesh");
  start = g_get_monotonic_time ();
  g_assert_cmpuint (count_drafts (fixture), ==, 1);
  g_test_message ("writing the draft (flush, durable) and listing took %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("EMITRA_BUILD_ROOT");

  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();

  setlocale (LC_ALL, "");
  if (build_root != NULL)
    {
      g_autofree char *localedir = g_build_filename (build_root, "po", NULL);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();

  g_test_add ("/ui/application/invalid-aadhaar", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_invalid_aadhaar, fixture_tear_down);

  g_test_add ("/ui/application/draft-on-first-change", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_draft_on_first_change, fixture_tear_down);
  g_test_add ("/ui/application/gateway-field-error", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_gateway_field_error, fixture_tear_down);
  g_test_add ("/ui/application/date-from-calendar", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_date_from_calendar, fixture_tear_down);
  g_test_add ("/ui/application/drafts-dialog", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_drafts_dialog, fixture_tear_down);
  g_test_add ("/ui/application/bill-payment", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_bill_payment, fixture_tear_down);
  g_test_add ("/ui/application/submit/reply-lost", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_submit_reply_lost, fixture_tear_down);
  g_test_add ("/ui/application/submit/offline", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_submit_offline, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (whole_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/ui/application/whole/", whole_cases[i].service_id, NULL);
      g_test_add (path, Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_whole_application, fixture_tear_down);
    }

  return g_test_run ();
}
