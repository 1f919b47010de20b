/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place the desk decides how a number looks: amounts with Indian
 * grouping (₹1,23,456.00), counts, dates as DD/MM/YYYY or in words
 * ("28 नवंबर 2026" in Hindi), all in Latin digits or, when Preferences say
 * so, in Devanagari digits (०-९). Pages call these instead of core's
 * formatters with a fixed digit set, so the choice reaches every screen and
 * every printed receipt. What an operator types is read in either digit
 * set by core's parsers whatever this says.
 */
#include "config.h"

#include "emitra-display.h"

#include "emitra-money.h"
#include "emitra-report.h"

#include <glib/gi18n.h>
#include <stdio.h>

/* One settings object for the whole process: the digit set is read on
 * every row bound in a list, and a GSettings lookup is cheap once made. */
static GSettings *
get_settings (void)
{
  static GSettings *settings;

  if (g_once_init_enter (&settings))
    g_once_init_leave (&settings, g_settings_new ("in.emitra.Desk"));
  return settings;
}

EmitraDigits
emitra_display_get_digits (void)
{
  return g_settings_get_boolean (get_settings (), "devanagari-digits") ? EMITRA_DIGITS_DEVANAGARI
                                                                        : EMITRA_DIGITS_LATIN;
}

/* @text with its digits in the chosen set: for counts, times and numbers
 * already formatted ("12 services", "10:15"). */
char *
emitra_display_digits (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return emitra_text_to_digits (text, emitra_display_get_digits ());
}

char *
emitra_display_money (gint64 paise)
{
  return emitra_money_format (paise, emitra_display_get_digits ());
}

/* A count with Indian grouping: 1,23,456. */
char *
emitra_display_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) ABS (count));
  g_autofree char *grouped = emitra_text_group_indian (digits);
  g_autofree char *text = g_strconcat (count < 0 ? "-" : "", grouped, NULL);

  return emitra_display_digits (text);
}

/* A number that names something (a receipt, a step): no grouping, as the
 * printed receipt writes it, so that "1234" on screen is the "1234" on
 * paper and in a search. */
char *
emitra_display_number (gint64 number)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  return emitra_display_digits (text);
}

/* DD/MM/YYYY, the way Indian forms and receipts write a date. */
char *
emitra_display_date (GDateTime *date)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  text = g_date_time_format (date, "%d/%m/%Y");
  return emitra_display_digits (text);
}

char *
emitra_display_date_time (GDateTime *date)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  text = g_date_time_format (date, "%d/%m/%Y %H:%M");
  return emitra_display_digits (text);
}

/* @unix_time as a list shows it: "10:15" today, "27/11/2026 10:15" on any
 * other day; "" for a time that cannot be a date. */
char *
emitra_display_recent_time (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;

  if (local == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    text = g_date_time_format (local, "%H:%M");
  else
    text = g_date_time_format (local, "%d/%m/%Y %H:%M");
  return emitra_display_digits (text);
}

/* @unix_time in words, in the interface's language: "27 November 2026,
 * 10:15". For a record read at leisure (a receipt's details, its history). */
char *
emitra_display_date_time_in_words (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  if (local == NULL)
    return g_strdup ("");
  day = g_date_time_format (local, "%Y-%m-%d");
  date = emitra_report_format_day (day);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a date, then a time: "27 November 2026, 10:15". */
  text = g_strdup_printf (C_("date and time", "%s, %s"), date, time);
  return emitra_display_digits (text);
}

/* @day as "YYYY-MM-DD" (how the desk stores days) shown as DD/MM/YYYY;
 * anything else is returned as it is. */
char *
emitra_display_day (const char *day)
{
  unsigned year, month, mday;
  g_autofree char *text = NULL;

  g_return_val_if_fail (day != NULL, NULL);

  if (sscanf (day, "%4u-%2u-%2u", &year, &month, &mday) != 3)
    return g_strdup (day);
  text = g_strdup_printf ("%02u/%02u/%04u", mday, month, year);
  return emitra_display_digits (text);
}

/* @day ("YYYY-MM-DD") in words, in the interface's language: "28 November
 * 2026", "28 नवंबर 2026". For headings, where a date is read, not copied. */
char *
emitra_display_day_in_words (const char *day)
{
  g_autofree char *words = NULL;

  g_return_val_if_fail (day != NULL, NULL);

  words = emitra_report_format_day (day);
  return emitra_display_digits (words);
}

/* A whole number typed in either digit set; GtkSpinButton's own parser
 * knows only Latin digits. */
static int
on_spin_input_cb (GtkSpinButton *spin,
                  double        *new_value,
                  gpointer       user_data)
{
  g_autofree char *latin = emitra_text_to_latin_digits (gtk_editable_get_text (GTK_EDITABLE (spin)));
  gint64 value;

  if (!g_ascii_string_to_signed (g_strstrip (latin), 10, G_MININT32, G_MAXINT32, &value, NULL))
    return GTK_INPUT_ERROR;
  *new_value = (double) value;
  return TRUE;
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = emitra_display_count ((gint64) gtk_spin_button_get_value (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* A spin button of whole numbers that shows the chosen digits and reads
 * both sets. */
void
emitra_display_setup_spin_button (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  /* A "numeric" spin button throws away every key but 0-9 as it is
   * typed, Devanagari digits included; the input handler refuses what is
   * not a number instead. */
  gtk_spin_button_set_numeric (spin, FALSE);
  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input_cb), NULL);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output_cb), NULL);
  gtk_spin_button_update (spin);
}

/* Every receipt renderer the desk prints or previews with goes through
 * here, so paper shows the digits the screen does. */
void
emitra_display_setup_receipt_renderer (EmitraReceiptRenderer *renderer)
{
  g_return_if_fail (EMITRA_IS_RECEIPT_RENDERER (renderer));

  emitra_receipt_renderer_set_digits (renderer, emitra_display_get_digits ());
}

/* A spinner turns only while it is on screen: one left spinning on a
 * hidden page still asks for a new frame every frame, which costs the
 * catalog's typing its frame budget. */
void
emitra_display_spin_while_mapped (GtkWidget *spinner)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  g_signal_connect (spinner, "map", G_CALLBACK (gtk_spinner_start), NULL);
  g_signal_connect (spinner, "unmap", G_CALLBACK (gtk_spinner_stop), NULL);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "emitra-tooltip");

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Like gtk_widget_set_tooltip_text(), which on a visible widget asks the
 * display where the pointer is (two X round trips each time): rows built
 * by the dozen, and list cells bound while scrolling, would wait on the X
 * server for every one. The text is only looked at on hover here. */
void
emitra_display_set_tooltip (GtkWidget  *widget,
                            const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_object_get_data (G_OBJECT (widget), "emitra-tooltip-handler") == NULL && text != NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), "emitra-tooltip-handler", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), "emitra-tooltip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
}
