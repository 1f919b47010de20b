/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The supervisor's day report on screen: a day picker, the totals and the
 * cash to hand over, the chart by hour (drawn by core, as in the PDF), the
 * day by service and by operator, the receipts still pending, failed or
 * cancelled, and export to CSV and PDF. The report is computed on the
 * database's worker thread and read again each time the page is shown, so
 * it is never stale and never holds up a frame.
 *
 * Who sees what (HACKING.md, "Who sees which report"): nothing until
 * someone signs in; an operator sees their own day only, titled so, with
 * no other operator in it; a supervisor sees the whole desk and the
 * gateway's summary of the centre across all its desks.
 */
#include "config.h"

#include "emitra-report-page.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "emitra-catalog.h"
#include "emitra-desk-schema.h"
#include "emitra-display.h"
#include "emitra-money.h"
#include "emitra-report.h"
#include "emitra-text.h"
#include "emitra-window.h"

struct _EmitraReportPage
{
  AdwBin               parent_instance;

  EmitraDatabase      *database;
  EmitraReport        *report;
  char                *day;
  GCancellable        *cancellable;
  GPtrArray           *rows;        /* the rows added to the groups below */
  GtkFileChooserNative *chooser;
  gboolean             chooser_pdf;
  EmitraOperatorSession *session;   /* NULL: nobody signed in, nothing shown */
  EmitraGatewayClient *gateway;     /* for the centre's summary; may be NULL */

  /* Template widgets */
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *totals_group;
  AdwPreferencesGroup *centre_group;
  GtkLabel            *cash_label;
  GtkLabel            *collected_label;
  GtkLabel            *count_label;
  GtkLabel            *fees_label;
  GtkLabel            *charges_label;
  GtkLabel            *held_label;
  GtkLabel            *not_counted_label;
  GtkLabel            *change_label;
  AdwActionRow        *held_row;
  AdwActionRow        *not_counted_row;
  AdwActionRow        *change_row;
  GtkDrawingArea      *hour_chart;
  AdwPreferencesGroup *services_group;
  AdwPreferencesGroup *operators_group;
  AdwPreferencesGroup *pending_group;
  AdwPreferencesGroup *failed_group;
  AdwPreferencesGroup *cancelled_group;
};

G_DEFINE_FINAL_TYPE (EmitraReportPage, emitra_report_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
money (gint64 paise)
{
  return emitra_display_money (paise);
}

/* @text (counts and amounts only, no names) in the chosen digits. */
static void
set_digits (char **text)
{
  char *converted = emitra_display_digits (*text);

  g_free (*text);
  *text = converted;
}

static void
show_toast (EmitraReportPage *self,
            const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (EMITRA_IS_WINDOW (root))
    emitra_window_add_toast (EMITRA_WINDOW (root), message);
}

static void
clear_rows (EmitraReportPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (EmitraReportPage    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
show_groups (EmitraReportPage    *self,
             AdwPreferencesGroup *group,
             GPtrArray           *groups,
             gboolean             is_service)
{
  gboolean hindi = emitra_text_prefers_hindi ();

  for (guint i = 0; i < groups->len; i++)
    {
      EmitraReportGroup *g = g_ptr_array_index (groups, i);
      g_autofree char *fees = money (g->confirmed.department_fees);
      g_autofree char *charges = money (g->confirmed.service_charges);
      g_autofree char *total = money (g->confirmed.total);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;

      /* Translators: under a service or operator in the day report: the
       * number of confirmed transactions, then the fees and charges. */
      subtitle = g_strdup_printf (_("%lld confirmed: fees %s, charges %s"),
                                  (long long) g->confirmed.count, fees, charges);
      if (g->provisional.count > 0)
        {
          g_autofree char *held = money (g->provisional.total);
          g_autofree char *more = g_strdup_printf (_("%lld pending confirmation: %s held"),
                                                   (long long) g->provisional.count, held);
          g_autofree char *joined = g_strdup_printf ("%s\n%s", subtitle, more);

          g_free (subtitle);
          subtitle = g_steal_pointer (&joined);
        }
      if (g->rejected > 0 || g->cancelled > 0)
        {
          g_autofree char *more = g_strdup_printf (_("%lld rejected, %lld cancelled (not counted)"),
                                                   (long long) g->rejected, (long long) g->cancelled);
          g_autofree char *joined = g_strdup_printf ("%s\n%s", subtitle, more);

          g_free (subtitle);
          subtitle = g_steal_pointer (&joined);
        }
      /* Counts and amounts only: in the digits chosen in Preferences. */
      set_digits (&subtitle);
      if (is_service)
        title = g_strdup_printf ("%s (%s)", hindi && g->name_hi[0] != '\0' ? g->name_hi : g->name_en,
                                 hindi ? g->name_en : g->name_hi);
      else
        title = g_strdup_printf ("%s (%s)", g->name_en, g->key);
      add_row (self, group, title, subtitle, total);
    }
  gtk_widget_set_visible (GTK_WIDGET (group), groups->len > 0);
}

static void
show_items (EmitraReportPage    *self,
            AdwPreferencesGroup *group,
            GPtrArray           *items)
{
  gboolean hindi = emitra_text_prefers_hindi ();

  for (guint i = 0; i < items->len; i++)
    {
      EmitraReportItem *item = g_ptr_array_index (items, i);
      g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (item->created_at);
      g_autofree char *time_latin = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("");
      g_autofree char *time = emitra_display_digits (time_latin);
      g_autofree char *number = emitra_display_number (item->receipt_no);
      g_autofree char *amount = money (item->total);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a receipt in the day report's lists: its number, the
       * citizen's name and the service. */
      title = g_strdup_printf (_("No. %s: %s, %s"), number, item->citizen_name,
                               hindi && item->service_hi[0] != '\0' ? item->service_hi : item->service_en);
      if (item->reason[0] != '\0')
        subtitle = g_strdup_printf ("%s · %s · %s", time, item->operator_name, item->reason);
      else
        subtitle = g_strdup_printf ("%s · %s", time, item->operator_name);
      add_row (self, group, title, subtitle, amount);
    }
  gtk_widget_set_visible (GTK_WIDGET (group), items->len > 0);
}

static gboolean
is_supervisor (EmitraReportPage *self)
{
  return self->session != NULL && emitra_operator_session_is_supervisor (self->session);
}

static void
on_centre_report_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(EmitraReportPage) self = user_data;
  g_autoptr(EmitraCentreReport) centre = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *fees = NULL;
  g_autofree char *charges = NULL;
  g_autofree char *total = NULL;

  centre = emitra_gateway_client_get_centre_report_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Signed out, or someone else signed in, while the gateway answered. */
  if (!is_supervisor (self))
    return;
  if (centre == NULL)
    {
      adw_preferences_group_set_description (self->centre_group, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->centre_group), TRUE);
      return;
    }

  count = emitra_display_count (emitra_centre_report_get_count (centre));
  cancelled = emitra_display_count (emitra_centre_report_get_cancelled (centre));
  fees = money (emitra_centre_report_get_department_fees (centre));
  charges = money (emitra_centre_report_get_service_charges (centre));
  total = money (emitra_centre_report_get_total (centre));
  adw_preferences_group_set_description (self->centre_group,
                                         _("Every desk of the centre, as the gateway counts them."));
  add_row (self, self->centre_group, _("Transactions"), NULL, count);
  add_row (self, self->centre_group, _("Department fees"), NULL, fees);
  add_row (self, self->centre_group, _("Service charges"), NULL, charges);
  add_row (self, self->centre_group, _("Total collected"), NULL, total);
  add_row (self, self->centre_group, C_("report section", "Cancelled"), NULL, cancelled);
  for (guint i = 0; i < emitra_centre_report_get_n_rows (centre, EMITRA_CENTRE_REPORT_BY_DESK); i++)
    {
      const EmitraCentreReportRow *row = emitra_centre_report_get_row (centre, EMITRA_CENTRE_REPORT_BY_DESK, i);
      g_autofree char *desk_total = money (row->department_fees + row->service_charges);
      g_autofree char *desk_count = emitra_display_count (row->count);
      /* Translators: a desk (computer) of the centre in the day report, and its transactions. */
      g_autofree char *title = g_strdup_printf (_("Desk %s"), row->id);

      add_row (self, self->centre_group, title, desk_count, desk_total);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->centre_group), TRUE);
}

/* The title says whose report it is; the centre's summary is asked for a
 * supervisor only (the gateway would refuse an operator anyway). */
static void
show_scope (EmitraReportPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->centre_group), FALSE);
  if (!is_supervisor (self))
    {
      const char *name = emitra_text_prefers_hindi ()
                           ? emitra_operator_session_get_name_hi (self->session)
                           : emitra_operator_session_get_name_en (self->session);
      /* Translators: the title of an operator's own day report; %s is their name. */
      g_autofree char *title = g_strdup_printf (_("My Day: %s"), name);

      adw_preferences_group_set_title (self->totals_group, title);
      return;
    }

  adw_preferences_group_set_title (self->totals_group, _("The Whole Desk"));
  if (self->gateway != NULL)
    {
      GDate date;
      int year, month, mday;

      if (sscanf (self->day, "%d-%d-%d", &year, &month, &mday) != 3)
        return;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) mday, (GDateMonth) month, (GDateYear) year);
      emitra_gateway_client_get_centre_report_async (self->gateway, &date, self->cancellable,
                                                     on_centre_report_cb, g_object_ref (self));
    }
}

static void
show_report (EmitraReportPage *self)
{
  EmitraReport *r = self->report;
  const EmitraReportSums *confirmed = emitra_report_get_confirmed (r);
  const EmitraReportSums *provisional = emitra_report_get_provisional (r);
  const EmitraReportSums *previous = emitra_report_get_previous_confirmed (r);
  g_autofree char *cash = money (emitra_report_get_cash_to_hand_over (r));
  g_autofree char *collected = money (confirmed->total);
  g_autofree char *count = emitra_display_count (confirmed->count);
  g_autofree char *fees = money (confirmed->department_fees);
  g_autofree char *charges = money (confirmed->service_charges);
  g_autofree char *held = money (provisional->total);
  g_autofree char *held_count = NULL;
  g_autofree char *not_counted = NULL;
  g_autofree char *delta = money (ABS (confirmed->total - previous->total));
  g_autofree char *change = NULL;
  g_autofree char *previous_day = emitra_display_day_in_words (emitra_report_get_previous_day (r));
  g_autofree char *date = emitra_display_day_in_words (self->day);

  clear_rows (self);

  if (emitra_report_is_empty (r))
    {
      g_autofree char *description = g_strdup_printf (_("No receipts were issued on %s."), date);

      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_label (self->cash_label, cash);
  gtk_label_set_label (self->collected_label, collected);
  gtk_label_set_label (self->count_label, count);
  gtk_label_set_label (self->fees_label, fees);
  gtk_label_set_label (self->charges_label, charges);
  gtk_label_set_label (self->held_label, held);
  held_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld receipt not yet confirmed by the gateway",
                                             "%lld receipts not yet confirmed by the gateway",
                                             (gulong) provisional->count),
                                (long long) provisional->count);
  set_digits (&held_count);
  adw_action_row_set_subtitle (self->held_row, held_count);
  not_counted = g_strdup_printf ("%lld + %lld", (long long) emitra_report_get_rejected (r)->count,
                                 (long long) emitra_report_get_cancelled (r)->count);
  set_digits (&not_counted);
  gtk_label_set_label (self->not_counted_label, not_counted);
  change = g_strdup_printf ("%+lld · %s%s", (long long) (confirmed->count - previous->count),
                            confirmed->total < previous->total ? "−" : "+", delta);
  set_digits (&change);
  gtk_label_set_label (self->change_label, change);
  adw_action_row_set_subtitle (self->change_row, previous_day);

  show_groups (self, self->services_group, emitra_report_get_services (r), TRUE);
  show_groups (self, self->operators_group, emitra_report_get_operators (r), FALSE);
  /* An operator's page holds their own receipts only: no one else's share. */
  if (!is_supervisor (self))
    gtk_widget_set_visible (GTK_WIDGET (self->operators_group), FALSE);
  show_scope (self);
  show_items (self, self->pending_group, emitra_report_get_pending (r));
  show_items (self, self->failed_group, emitra_report_get_failed (r));
  show_items (self, self->cancelled_group, emitra_report_get_cancelled_items (r));

  gtk_widget_queue_draw (GTK_WIDGET (self->hour_chart));
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
show_error (EmitraReportPage *self,
            const GError     *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_report_computed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(EmitraReportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraReport) report = emitra_report_compute_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }
  /* A late answer for a day the supervisor has already left is dropped. */
  if (g_strcmp0 (emitra_report_get_day (report), self->day) != 0)
    return;

  g_set_object (&self->report, report);
  show_report (self);
}

static void
compute (EmitraReportPage *self)
{
  /* Never computed for nobody: refresh() shows the sign-in page instead. */
  g_assert (self->session != NULL);
  emitra_report_compute_async (self->database, self->day,
                               is_supervisor (self) ? NULL : emitra_operator_session_get_operator_id (self->session),
                               self->cancellable, on_report_computed_cb, g_object_ref (self));
}

static void
open_database_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autofree char *path = emitra_desk_database_default_path ();
  GError *error = NULL;
  EmitraDatabase *database = emitra_desk_database_open (path, &error);

  if (database == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, database, g_object_unref);
}

static void
on_database_opened_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  EmitraReportPage *self = EMITRA_REPORT_PAGE (source);
  g_autoptr(GError) error = NULL;
  EmitraDatabase *database = g_task_propagate_pointer (G_TASK (result), &error);

  if (database == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  g_clear_object (&self->database);
  self->database = database;
  compute (self);
}

/**
 * emitra_report_page_refresh:
 *
 * Computes the chosen day's report again, off the main thread.
 */
void
emitra_report_page_refresh (EmitraReportPage *self)
{
  g_return_if_fail (EMITRA_IS_REPORT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->session == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  if (self->report == NULL || g_strcmp0 (emitra_report_get_day (self->report), self->day) != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  if (self->database == NULL)
    {
      /* Opening runs the migrations and may wait for the disk: not here. */
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_database_opened_cb, NULL);

      g_task_set_source_tag (task, emitra_report_page_refresh);
      g_task_run_in_thread (task, open_database_thread);
      return;
    }
  compute (self);
}

/* A new session (or none) shows nothing of the last one's report, not
 * even for a frame: the page starts over. */
void
emitra_report_page_set_session (EmitraReportPage      *self,
                                EmitraOperatorSession *session)
{
  g_return_if_fail (EMITRA_IS_REPORT_PAGE (self));
  g_return_if_fail (session == NULL || EMITRA_IS_OPERATOR_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  g_clear_object (&self->report);
  clear_rows (self);
  gtk_stack_set_visible_child_name (self->stack, session != NULL ? "loading" : "signed-out");
  if (session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    emitra_report_page_refresh (self);
}

void
emitra_report_page_set_gateway (EmitraReportPage    *self,
                                EmitraGatewayClient *gateway)
{
  g_return_if_fail (EMITRA_IS_REPORT_PAGE (self));
  g_return_if_fail (gateway == NULL || EMITRA_IS_GATEWAY_CLIENT (gateway));

  g_set_object (&self->gateway, gateway);
}

const char *
emitra_report_page_get_day (EmitraReportPage *self)
{
  g_return_val_if_fail (EMITRA_IS_REPORT_PAGE (self), NULL);

  return self->day;
}

/* @day: "YYYY-MM-DD"; anything else is ignored. */
void
emitra_report_page_set_day (EmitraReportPage *self,
                            const char       *day)
{
  g_autofree char *parsed = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (EMITRA_IS_REPORT_PAGE (self));

  if (!emitra_report_parse_day (day, &parsed, NULL) || g_strcmp0 (parsed, self->day) == 0)
    return;

  g_free (self->day);
  self->day = g_steal_pointer (&parsed);
  label = emitra_display_day_in_words (self->day);
  gtk_menu_button_set_label (self->date_button, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    emitra_report_page_refresh (self);
}

static void
move_day (EmitraReportPage *self,
          int               days)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autofree char *text = NULL;
  int year, month, mday;

  if (sscanf (self->day, "%d-%d-%d", &year, &month, &mday) != 3)
    return;
  date = g_date_time_new_local (year, month, mday, 12, 0, 0);
  moved = g_date_time_add_days (date, days);
  text = g_date_time_format (moved, "%Y-%m-%d");
  emitra_report_page_set_day (self, text);
}

static void
on_calendar_day_selected_cb (GtkCalendar      *calendar,
                             EmitraReportPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_menu_button_popdown (self->date_button);
  emitra_report_page_set_day (self, text);
}

static void
on_previous_day_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move_day (EMITRA_REPORT_PAGE (widget), -1);
}

static void
on_next_day_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_day (EMITRA_REPORT_PAGE (widget), 1);
}

static void
on_today_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autofree char *today = emitra_report_today ();

  emitra_report_page_set_day (EMITRA_REPORT_PAGE (widget), today);
}

static void
on_refresh_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  emitra_report_page_refresh (EMITRA_REPORT_PAGE (widget));
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EmitraReportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The report could not be saved: %s"), error->message);
    }
  else
    message = g_strdup_printf (_("Report saved as %s"), name);
  show_toast (self, message);
}

static void
on_chooser_response_cb (GtkNativeDialog  *dialog,
                        int               response,
                        EmitraReportPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (self->chooser_pdf)
        bytes = emitra_report_to_pdf (self->report, &error);
      else
        {
          char *csv = emitra_report_to_csv (self->report);

          bytes = g_bytes_new_take (csv, strlen (csv));
        }
      if (bytes == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The report could not be saved: %s"), error->message);

          show_toast (self, message);
        }
      else
        g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                             self->cancellable, on_saved_cb, g_object_ref (self));
    }

  g_clear_object (&self->chooser);
}

static void
export (EmitraReportPage *self,
        gboolean          pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;

  if (self->report == NULL || self->chooser != NULL)
    return;

  self->chooser_pdf = pdf;
  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export the Report as PDF") : _("Export the Report as CSV"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = g_strdup_printf ("emitra-report-%s.%s", self->day, pdf ? "pdf" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_export_csv_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  export (EMITRA_REPORT_PAGE (widget), FALSE);
}

static void
on_export_pdf_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  export (EMITRA_REPORT_PAGE (widget), TRUE);
}

static void
draw_hour_chart_cb (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  EmitraReportPage *self = EMITRA_REPORT_PAGE (user_data);

  if (self->report == NULL)
    return;
  /* The chart is drawn as on paper: dark on light, whatever the theme. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* The chart measures in points; the screen in pixels at 96 dpi. */
  cairo_translate (cr, 12, 12);
  cairo_scale (cr, 96.0 / 72.0, 96.0 / 72.0);
  emitra_report_draw_hour_chart (self->report, cr, (width - 24) * 72.0 / 96.0, (height - 24) * 72.0 / 96.0);
}

static void
emitra_report_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (emitra_report_page_parent_class)->map (widget);

  /* Receipts keep arriving: the report is read again whenever it is shown. */
  emitra_report_page_refresh (EMITRA_REPORT_PAGE (widget));
}

static void
emitra_report_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EmitraReportPage *self = EMITRA_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_report_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EmitraReportPage *self = EMITRA_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DAY:
      emitra_report_page_set_day (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_report_page_dispose (GObject *object)
{
  EmitraReportPage *self = EMITRA_REPORT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* No gtk_widget_dispose_template() here: the template's one widget is
   * AdwBin's child, and AdwBin lets go of it in its own dispose. */

  G_OBJECT_CLASS (emitra_report_page_parent_class)->dispose (object);
}

static void
emitra_report_page_finalize (GObject *object)
{
  EmitraReportPage *self = EMITRA_REPORT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->report);
  g_clear_object (&self->database);
  g_clear_object (&self->session);
  g_clear_object (&self->gateway);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->day);

  G_OBJECT_CLASS (emitra_report_page_parent_class)->finalize (object);
}

static void
emitra_report_page_class_init (EmitraReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = emitra_report_page_get_property;
  object_class->set_property = emitra_report_page_set_property;
  object_class->dispose = emitra_report_page_dispose;
  object_class->finalize = emitra_report_page_finalize;
  widget_class->map = emitra_report_page_map;

  properties[PROP_DAY] = g_param_spec_string ("day", NULL, NULL, NULL,
                                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                              G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-report-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "loading_spinner", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, totals_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, centre_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, cash_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, collected_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, fees_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, charges_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, held_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, not_counted_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, change_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, held_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, not_counted_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, change_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, hour_chart);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, services_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, operators_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, pending_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, failed_group);
  gtk_widget_class_bind_template_child (widget_class, EmitraReportPage, cancelled_group);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "report.previous-day", NULL, on_previous_day_cb);
  gtk_widget_class_install_action (widget_class, "report.next-day", NULL, on_next_day_cb);
  gtk_widget_class_install_action (widget_class, "report.today", NULL, on_today_cb);
  gtk_widget_class_install_action (widget_class, "report.refresh", NULL, on_refresh_cb);
  gtk_widget_class_install_action (widget_class, "report.export-csv", NULL, on_export_csv_cb);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, on_export_pdf_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "report.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "report.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "report.refresh", NULL);
}

static void
emitra_report_page_init (EmitraReportPage *self)
{
  g_autofree char *today = emitra_report_today ();
  g_autofree char *label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  emitra_display_spin_while_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), EMITRA_TYPE_REPORT_PAGE, "loading_spinner")));

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->day = g_steal_pointer (&today);
  label = emitra_display_day_in_words (self->day);
  gtk_menu_button_set_label (self->date_button, label);
  gtk_drawing_area_set_draw_func (self->hour_chart, draw_hour_chart_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hour_chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Transactions by hour"), -1);
}
