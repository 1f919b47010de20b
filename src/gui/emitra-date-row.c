/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date typed as DD/MM/YYYY (the way Indian forms and certificates write
 * it), with a calendar beside it for the operator who prefers to pick
 * (Alt+Down opens it from the keyboard). The text stays the value:
 * validation of the typed text lives in core.
 */
#include "config.h"

#include "emitra-date-row.h"

#include <glib/gi18n.h>

#include "emitra-text.h"

struct _EmitraDateRow
{
  AdwEntryRow  parent_instance;

  gboolean     updating_calendar;

  /* Template widgets */
  GtkMenuButton *calendar_button;
  GtkPopover    *calendar_popover;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (EmitraDateRow, emitra_date_row, ADW_TYPE_ENTRY_ROW)

GtkWidget *
emitra_date_row_new (void)
{
  return g_object_new (EMITRA_TYPE_DATE_ROW, NULL);
}

/* The typed text as a calendar date, when it is one (DD/MM/YYYY, with
 * Latin or Devanagari digits, '/', '-' or '.' between the parts). */
gboolean
emitra_date_row_get_date (EmitraDateRow *self,
                          GDate         *out_date)
{
  g_autofree char *latin = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 day, month, year;

  g_return_val_if_fail (EMITRA_IS_DATE_ROW (self), FALSE);

  latin = emitra_text_to_latin_digits (gtk_editable_get_text (GTK_EDITABLE (self)));
  g_strdelimit (latin, "-.", '/');
  parts = g_strsplit (g_strstrip (latin), "/", 0);
  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 31, &day, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1000, 9999, &year, NULL) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

/* Alt+Down, as for a drop-down, opens the calendar. */
void
emitra_date_row_popup_calendar (EmitraDateRow *self)
{
  g_return_if_fail (EMITRA_IS_DATE_ROW (self));
  gtk_menu_button_popup (self->calendar_button);
}

GtkCalendar *
emitra_date_row_get_calendar (EmitraDateRow *self)
{
  g_return_val_if_fail (EMITRA_IS_DATE_ROW (self), NULL);
  return self->calendar;
}

static void
on_popup_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  emitra_date_row_popup_calendar (EMITRA_DATE_ROW (widget));
}

static void
on_calendar_popover_show_cb (GtkPopover    *popover,
                             EmitraDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  /* Open on the typed date, or today, so the operator starts nearby. */
  if (emitra_date_row_get_date (self, &date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();

  self->updating_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->updating_calendar = FALSE;
}

static void
on_calendar_day_selected_cb (GtkCalendar   *calendar,
                             EmitraDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  if (self->updating_calendar)
    return;

  when = gtk_calendar_get_date (calendar);
  text = g_date_time_format (when, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
}

static void
on_calendar_activate_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EmitraDateRow *self = EMITRA_DATE_ROW (widget);

  gtk_popover_popdown (self->calendar_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
emitra_date_row_dispose (GObject *object)
{
  EmitraDateRow *self = EMITRA_DATE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_DATE_ROW);

  G_OBJECT_CLASS (emitra_date_row_parent_class)->dispose (object);
}

static void
emitra_date_row_class_init (EmitraDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_date_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraDateRow, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, EmitraDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);

  /* Enter in the calendar takes the chosen day and returns to the text. */
  gtk_widget_class_install_action (widget_class, "date-row.done", NULL, on_calendar_activate_cb);
  gtk_widget_class_install_action (widget_class, "date-row.popup", NULL, on_popup_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "date-row.popup", NULL);
}

static void
emitra_date_row_init (EmitraDateRow *self)
{
  g_autoptr(GtkEventController) keys = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  keys = GTK_EVENT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter"),
                                                          gtk_named_action_new ("date-row.done")));
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), g_steal_pointer (&keys));
}
