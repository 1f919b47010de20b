/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "emitra-receipt-renderer.h"
#include "receipt-test-util.h"

typedef struct
{
  EmitraDatabase     *db;
  EmitraReceiptStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = test_desk_db_path ();
  g_autoptr(GError) error = NULL;

  f->db = emitra_desk_database_open (path, &error);
  g_assert_no_error (error);
  f->store = emitra_receipt_store_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
}

static const TestReceipt sunita = {
  "req-r1", NULL, NULL, "Caste certificate", "जाति प्रमाण पत्र", "सुनीता देवी मीणा", "9414012345",
  4000, 5000, NULL, NULL, EMITRA_RECEIPT_STATUS_PROVISIONAL, "2026-11-28 10:15"
};

/* The PDF's text, or NULL with the test skipped when pdftotext is absent. */
static char *
render_and_extract (EmitraReceiptRenderer *renderer,
                    EmitraReceiptLayout    layout)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "receipt.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *pdf = NULL;
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int status = 0;

  g_assert_true (emitra_receipt_renderer_write_pdf (renderer, layout, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
assert_contains (const char         *text,
                 const char *const  *expected)
{
  for (; *expected != NULL; expected++)
    {
      g_test_message ("expecting %s", *expected);
      g_assert_nonnull (strstr (text, *expected));
    }
}

static void
test_renderer_provisional_duplicate_roll (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(EmitraReceipt) receipt = test_append (f->store, &sunita);
  g_autoptr(EmitraReceiptRenderer) renderer = emitra_receipt_renderer_new (receipt);
  g_autofree char *text = NULL;
  g_autofree char *hash_start = g_strndup (emitra_receipt_get_hash (receipt), 32);
  const char *expected[] = {
    "e-Mitra Receipt", "ई-मित्र रसीद",
    "DUPLICATE / प्रतिलिपि",
    "PROVISIONAL - not yet confirmed", "अस्थायी - अभी पुष्ट नहीं",
    "Receipt No. / रसीद संख्या 1",
    "Transaction ID / लेन-देन आईडी Pending / लंबित",
    "Caste certificate", "जाति प्रमाण पत्र",
    "सुनीता देवी मीणा",
    "Department fee / विभागीय शुल्क ₹40.00",
    "Service charge / सेवा शुल्क ₹50.00",
    "₹90.00",
    "XXXX XXXX 2346",
    "K11000142",
    hash_start,
    NULL,
  };

  emitra_receipt_renderer_set_flags (renderer, EMITRA_RECEIPT_RENDER_DUPLICATE);
  text = render_and_extract (renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM);
  if (text != NULL)
    assert_contains (text, expected);
}

static void
test_renderer_confirmed_a4 (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(EmitraReceipt) provisional = test_append (f->store, &sunita);
  g_autoptr(EmitraReceipt) confirmed = NULL;
  g_autoptr(EmitraReceiptRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *expected[] = {
    "Transaction ID / लेन-देन आईडी 100000000042", "सुनीता देवी मीणा", "Total", "₹90.00",
    "Meena Sharma", NULL,
  };

  confirmed = emitra_receipt_store_add_event (f->store, 1, EMITRA_RECEIPT_STATUS_CONFIRMED,
                                              "100000000042", NULL, &error);
  g_assert_no_error (error);
  renderer = emitra_receipt_renderer_new (confirmed);
  text = render_and_extract (renderer, EMITRA_RECEIPT_LAYOUT_A4);
  if (text == NULL)
    return;
  assert_contains (text, expected);
  /* An original, confirmed receipt carries neither marker. */
  g_assert_null (strstr (text, "DUPLICATE"));
  g_assert_null (strstr (text, "PROVISIONAL"));
}

static void
test_renderer_cancelled (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(EmitraReceipt) provisional = test_append (f->store, &sunita);
  g_autoptr(EmitraReceipt) cancelled = NULL;
  g_autoptr(EmitraReceiptRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *expected[] = { "CANCELLED / रद्द", "Citizen asked for a refund", NULL };

  cancelled = emitra_receipt_store_add_event (f->store, 1, EMITRA_RECEIPT_STATUS_CANCELLED, NULL,
                                              "Citizen asked for a refund", &error);
  g_assert_no_error (error);
  renderer = emitra_receipt_renderer_new (cancelled);
  text = render_and_extract (renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM);
  if (text == NULL)
    return;
  assert_contains (text, expected);
  g_assert_null (strstr (text, "PROVISIONAL"));
}

/* With Devanagari digits chosen, the amounts, the receipt number and the
 * date use them (dates as DD/MM/YYYY); IDs keep the Latin digits the
 * gateway and the citizen's other papers use. */
static void
test_renderer_devanagari_digits (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(EmitraReceipt) receipt = test_append (f->store, &sunita);
  g_autoptr(EmitraReceiptRenderer) renderer = emitra_receipt_renderer_new (receipt);
  g_autofree char *latin = NULL;
  g_autofree char *text = NULL;
  const char *expected_latin[] = { "28/11/2026 10:15", "₹90.00", NULL };
  const char *expected[] = {
    "रसीद संख्या १", "२८/११/२०२६ १०:१५", "₹४०.००", "₹५०.००", "₹९०.००",
    "XXXX XXXX 2346", "K11000142", "9414012345", NULL,
  };

  g_assert_cmpint (emitra_receipt_renderer_get_digits (renderer), ==, EMITRA_DIGITS_LATIN);
  latin = render_and_extract (renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM);
  if (latin == NULL)
    return;
  assert_contains (latin, expected_latin);
  g_assert_null (strstr (latin, "₹९"));

  emitra_receipt_renderer_set_digits (renderer, EMITRA_DIGITS_DEVANAGARI);
  text = render_and_extract (renderer, EMITRA_RECEIPT_LAYOUT_A4);
  assert_contains (text, expected);
  g_assert_null (strstr (text, "₹90.00"));
}

/* Dark pixels in a box of an A8 image of the drawn receipt. */
static guint
count_ink (cairo_surface_t *surface,
           int              x0,
           int              y0,
           int              x1,
           int              y1)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint ink = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (data[y * stride + x * 4 + 1] < 128)
        ink++;
  return ink;
}

static void
test_renderer_draws_on_any_cairo (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(EmitraReceipt) receipt = test_append (f->store, &sunita);
  g_autoptr(EmitraReceiptRenderer) renderer = emitra_receipt_renderer_new (receipt);
  TestReceipt longer = sunita;
  g_autoptr(EmitraReceipt) long_receipt = NULL;
  g_autoptr(EmitraReceiptRenderer) long_renderer = NULL;
  double height = emitra_receipt_renderer_measure_height (renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM,
                                                          EMITRA_RECEIPT_ROLL_WIDTH_PT);
  cairo_surface_t *surface;
  cairo_t *cr;
  int width = (int) EMITRA_RECEIPT_ROLL_WIDTH_PT;

  /* A roll receipt is a hand's length, and grows with what it says. */
  g_assert_cmpfloat (height, >, 300);
  g_assert_cmpfloat (height, <, 900);
  longer.request_id = "req-long";
  longer.name_en = "Certificate of caste for other backward classes, creamy layer excluded, for central government jobs";
  long_receipt = test_append (f->store, &longer);
  long_renderer = emitra_receipt_renderer_new (long_receipt);
  g_assert_cmpfloat (emitra_receipt_renderer_measure_height (long_renderer, EMITRA_RECEIPT_LAYOUT_ROLL_80MM,
                                                             EMITRA_RECEIPT_ROLL_WIDTH_PT), >, height + 10);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  emitra_receipt_renderer_draw (renderer, cr, EMITRA_RECEIPT_LAYOUT_ROLL_80MM, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Text at the top, and a QR code in the middle of its lower part. */
  g_assert_cmpuint (count_ink (surface, 0, 0, width, 60), >, 200);
  g_assert_cmpuint (count_ink (surface, width / 2 - 30, (int) height - 150, width / 2 + 30, (int) height - 90), >, 600);
  cairo_surface_destroy (surface);
}

static void
test_renderer_unwritable (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(EmitraReceipt) receipt = test_append (f->store, &sunita);
  g_autoptr(GError) error = NULL;

  g_assert_false (emitra_receipt_render_pdf (receipt, EMITRA_RECEIPT_LAYOUT_A4, EMITRA_RECEIPT_RENDER_NONE,
                                             "/nonexistent-folder/receipt.pdf", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  test_use_india_time ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/receipt-renderer/provisional-duplicate-roll", test_renderer_provisional_duplicate_roll);
  ADD ("/receipt-renderer/confirmed-a4", test_renderer_confirmed_a4);
  ADD ("/receipt-renderer/cancelled", test_renderer_cancelled);
  ADD ("/receipt-renderer/devanagari-digits", test_renderer_devanagari_digits);
  ADD ("/receipt-renderer/any-cairo", test_renderer_draws_on_any_cairo);
  ADD ("/receipt-renderer/unwritable", test_renderer_unwritable);

  return g_test_run ();
}
