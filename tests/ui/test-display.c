/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers as the operator reads them: Indian grouping, dates as
 * DD/MM/YYYY or in words, in Latin or Devanagari digits as Preferences
 * say; and what is typed into the Fee step read in either digit set.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "emitra-display.h"
#include "emitra-fee-step.h"
#include "emitra-field-editor.h"
#include "flow-test-util.h"
#include "ui-test-util.h"

static gboolean
hindi (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "hi") == 0;
}

static void
set_devanagari (gboolean devanagari)
{
  g_autoptr(GSettings) settings = g_settings_new ("in.emitra.Desk");

  g_settings_set_boolean (settings, "devanagari-digits", devanagari);
}

typedef struct
{
  gboolean    devanagari;
  gint64      paise;
  const char *money;
  gint64      count;
  const char *count_text;
  const char *date;           /* 28 November 2026, 09:05 */
  const char *date_time;
  const char *day;
} Case;

static void
test_display_formats (void)
{
  static const Case cases[] = {
    { FALSE, 12345678, "₹1,23,456.78", 1234567, "12,34,567", "28/11/2026", "28/11/2026 09:05", "28/11/2026" },
    { FALSE, -5000, "-₹50.00", 7, "7", "28/11/2026", "28/11/2026 09:05", "28/11/2026" },
    { TRUE, 12345678, "₹१,२३,४५६.७८", 1234567, "१२,३४,५६७", "२८/११/२०२६", "२८/११/२०२६ ०९:०५", "२८/११/२०२६" },
    { TRUE, 0, "₹०.००", -42, "-४२", "२८/११/२०२६", "२८/११/२०२६ ०९:०५", "२८/११/२०२६" },
  };
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 28, 9, 5, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *money = NULL;
      g_autofree char *count = NULL;
      g_autofree char *day_text = NULL;
      g_autofree char *date_text = NULL;
      g_autofree char *date_time = NULL;
      g_autofree char *digits = NULL;

      set_devanagari (c->devanagari);
      g_assert_cmpint (emitra_display_get_digits (), ==,
                       c->devanagari ? EMITRA_DIGITS_DEVANAGARI : EMITRA_DIGITS_LATIN);
      money = emitra_display_money (c->paise);
      count = emitra_display_count (c->count);
      date_text = emitra_display_date (date);
      date_time = emitra_display_date_time (date);
      day_text = emitra_display_day ("2026-11-28");
      digits = emitra_display_digits ("10:15 K11000142");
      g_assert_cmpstr (money, ==, c->money);
      g_assert_cmpstr (count, ==, c->count_text);
      g_assert_cmpstr (date_text, ==, c->date);
      g_assert_cmpstr (date_time, ==, c->date_time);
      g_assert_cmpstr (day_text, ==, c->day);
      g_assert_cmpstr (digits, ==, c->devanagari ? "१०:१५ K११०००१४२" : "10:15 K11000142");
    }
  set_devanagari (FALSE);
}

/* A heading reads the date in words, in the interface's language. */
static void
test_display_day_in_words (void)
{
  g_autofree char *latin = NULL;
  g_autofree char *devanagari = NULL;
  g_autofree char *not_a_day = emitra_display_day_in_words ("soon");

  latin = emitra_display_day_in_words ("2026-11-28");
  set_devanagari (TRUE);
  devanagari = emitra_display_day_in_words ("2026-11-28");
  set_devanagari (FALSE);

  g_assert_cmpstr (latin, ==, hindi () ? "28 नवंबर 2026" : "28 November 2026");
  g_assert_cmpstr (devanagari, ==, hindi () ? "२८ नवंबर २०२६" : "२८ November २०२६");
  g_assert_cmpstr (not_a_day, ==, "soon");
}

/* Receipts and the outbox: a number as printed (no grouping), a time as a
 * list shows it (only the time, today), a moment in words. */
static void
test_display_receipt_times (void)
{
  static const struct {
    gboolean    devanagari;
    const char *number;
    const char *today;
    const char *other_day;
    const char *words_en;
    const char *words_hi;
  } cases[] = {
    { FALSE, "123456", "09:05", "15/01/2020 11:00", "15 January 2020, 11:00", "15 जनवरी 2020, 11:00" },
    { TRUE, "१२३४५६", "०९:०५", "१५/०१/२०२० ११:००", "१५ January २०२०, ११:००", "१५ जनवरी २०२०, ११:००" },
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 9, 5, 0);
  g_autoptr(GDateTime) other_day = g_date_time_new_local (2020, 1, 15, 11, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *today_text = NULL;
      g_autofree char *other_text = NULL;
      g_autofree char *words = NULL;

      set_devanagari (cases[i].devanagari);
      number = emitra_display_number (123456);
      today_text = emitra_display_recent_time (g_date_time_to_unix (today));
      other_text = emitra_display_recent_time (g_date_time_to_unix (other_day));
      words = emitra_display_date_time_in_words (g_date_time_to_unix (other_day));
      g_assert_cmpstr (number, ==, cases[i].number);
      g_assert_cmpstr (today_text, ==, cases[i].today);
      g_assert_cmpstr (other_text, ==, cases[i].other_day);
      g_assert_cmpstr (words, ==, hindi () ? cases[i].words_hi : cases[i].words_en);
    }
  set_devanagari (FALSE);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Fee step of an A4 printout (₹10 a page): pages and cash typed in
 * Devanagari digits count as the same numbers in Latin ones, and the
 * pages show in the digits Preferences chose. */
static void
test_display_fee_step_input (void)
{
  g_autoptr(EmitraCatalog) catalog = flow_test_load_catalog ();
  EmitraService *service = emitra_catalog_lookup_service (catalog, "a4-printout");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *step;
  GtkSpinButton *pages;
  EmitraFee fee;
  gint64 cash = 0, change = 0;

  g_assert_nonnull (service);
  step = g_object_new (EMITRA_TYPE_FEE_STEP, NULL);
  gtk_window_set_child (GTK_WINDOW (window), step);
  gtk_window_present (GTK_WINDOW (window));
  emitra_fee_step_set_service (EMITRA_FEE_STEP (step), service, TRUE);
  pages = GTK_SPIN_BUTTON (find_child (step, GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (pages);

  gtk_editable_set_text (GTK_EDITABLE (pages), "३");
  gtk_spin_button_update (pages);
  g_assert_cmpuint (emitra_fee_step_get_pages (EMITRA_FEE_STEP (step)), ==, 3);
  g_assert_true (emitra_fee_step_get_fee (EMITRA_FEE_STEP (step), &fee, NULL));
  g_assert_cmpint (fee.total, ==, 3000);

  emitra_fee_step_set_cash_text (EMITRA_FEE_STEP (step), "५०");
  g_assert_true (emitra_fee_step_get_cash (EMITRA_FEE_STEP (step), &cash, &change));
  g_assert_cmpint (cash, ==, 5000);
  g_assert_cmpint (change, ==, 2000);

  /* Typed in Latin digits, shown in Devanagari ones once chosen. */
  set_devanagari (TRUE);
  gtk_editable_set_text (GTK_EDITABLE (pages), "12");
  gtk_spin_button_update (pages);
  g_assert_cmpuint (emitra_fee_step_get_pages (EMITRA_FEE_STEP (step)), ==, 12);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pages)), ==, "१२");
  set_devanagari (FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static EmitraFieldEditor *
new_editor (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(EmitraFormField) field = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  field = emitra_form_field_new_from_json (json_node_get_object (json_parser_get_root (parser)), NULL, &error);
  g_assert_no_error (error);
  return emitra_field_editor_new (field, NULL);
}

/* A name longer than its field allows, pasted or filled from Jan Aadhaar,
 * is kept whole (a cut could split a letter from its vowel sign) and core
 * says it is too long; an ID is held to its digits as it is typed. */
static void
test_display_names_not_cut (void)
{
  g_autoptr(EmitraFieldEditor) name = new_editor ("{\"id\": \"full_name_hi\", \"type\": \"name\", "
                                                  "\"label_en\": \"Name\", \"label_hi\": \"नाम\", \"max_length\": 4}");
  g_autoptr(EmitraFieldEditor) pin = new_editor ("{\"id\": \"pin\", \"type\": \"pin\", "
                                                 "\"label_en\": \"PIN\", \"label_hi\": \"पिन\", \"max_length\": 6}");

  /* सुनीता: six code points, four letters with their vowel signs. */
  gtk_editable_set_text (GTK_EDITABLE (emitra_field_editor_get_row (name)), "सुनीता");
  g_assert_cmpstr (emitra_field_editor_get_text (name), ==, "सुनीता");
  gtk_editable_set_text (GTK_EDITABLE (emitra_field_editor_get_row (pin)), "3020291");
  g_assert_cmpstr (emitra_field_editor_get_text (pin), ==, "302029");
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("EMITRA_BUILD_ROOT");

  g_setenv ("TZ", "Asia/Kolkata", TRUE);
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

  g_test_add_func ("/ui/display/formats", test_display_formats);
  g_test_add_func ("/ui/display/day-in-words", test_display_day_in_words);
  g_test_add_func ("/ui/display/receipt-times", test_display_receipt_times);
  g_test_add_func ("/ui/display/fee-step-input", test_display_fee_step_input);
  g_test_add_func ("/ui/display/names-not-cut", test_display_names_not_cut);

  return g_test_run ();
}
