/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Receipts page's list: how a receipt shows in each column, the
 * search (one box, the dates and the status, run on the database's
 * worker thread; a newer search cancels the older one), what an empty
 * answer says, and the date range with its calendars. Also what the
 * page, its outbox rows and its details window show the same way; their
 * numbers, amounts and dates go through emitra-display.h like every page's.
 */
#include "config.h"

#include "emitra-receipts-page-private.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "emitra-catalog.h"
#include "emitra-display.h"
#include "emitra-report.h"
#include "emitra-text.h"

/* A search shows at most this many receipts, newest first. */
#define SEARCH_LIMIT 500

/* Shared formatting ------------------------------------------------- */

const char *
_emitra_receipts_service_name (const char *name_en,
                               const char *name_hi)
{
  if (emitra_text_prefers_hindi () && name_hi != NULL && name_hi[0] != '\0')
    return name_hi;
  return name_en != NULL ? name_en : "";
}

const char *
_emitra_receipts_status_css_class (EmitraReceiptStatus status)
{
  switch (status)
    {
    case EMITRA_RECEIPT_STATUS_CONFIRMED:
      return "success";
    case EMITRA_RECEIPT_STATUS_PROVISIONAL:
      return "warning";
    case EMITRA_RECEIPT_STATUS_REJECTED:
      return "error";
    case EMITRA_RECEIPT_STATUS_CANCELLED:
    default:
      return "dim-label";
    }
}

/* Every copy printed from this page is a reprint: the original went to
 * the citizen when the application was submitted. */
EmitraReceiptRenderer *
_emitra_receipts_duplicate_renderer (EmitraReceipt *receipt)
{
  EmitraReceiptRenderer *renderer = emitra_receipt_renderer_new (receipt);

  emitra_display_setup_receipt_renderer (renderer);
  emitra_receipt_renderer_set_flags (renderer, EMITRA_RECEIPT_RENDER_DUPLICATE);
  return renderer;
}

/* Cells ------------------------------------------------------------- */

static void
on_text_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_number_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
set_cell (GtkListItem *item,
          const char  *text,
          gboolean     tooltip)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  /* A long name is cut on screen; the whole of it is a hover away. */
  emitra_display_set_tooltip (label, tooltip ? text : NULL);
}

static void
on_number_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  EmitraReceipt *receipt = gtk_list_item_get_item (item);
  g_autofree char *text = emitra_display_number (emitra_receipt_get_receipt_no (receipt));

  set_cell (item, text, FALSE);
}

static void
on_time_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  EmitraReceipt *receipt = gtk_list_item_get_item (item);
  g_autofree char *text = emitra_display_recent_time (emitra_receipt_get_created_at (receipt));

  set_cell (item, text, FALSE);
}

static void
on_citizen_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  set_cell (item, emitra_receipt_get_citizen_name (gtk_list_item_get_item (item)), TRUE);
}

static void
on_service_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  EmitraReceipt *receipt = gtk_list_item_get_item (item);

  set_cell (item, _emitra_receipts_service_name (emitra_receipt_get_service_name_en (receipt),
                                                 emitra_receipt_get_service_name_hi (receipt)), TRUE);
}

static void
on_total_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  g_autofree char *text = emitra_display_money (emitra_receipt_get_total (gtk_list_item_get_item (item)));

  set_cell (item, text, FALSE);
}

static void
on_status_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  EmitraReceipt *receipt = gtk_list_item_get_item (item);
  EmitraReceiptStatus status = emitra_receipt_get_status (receipt);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *reason = emitra_receipt_get_status_reason (receipt);

  for (guint i = 0; i < EMITRA_RECEIPT_N_STATUSES; i++)
    gtk_widget_remove_css_class (label, _emitra_receipts_status_css_class ((EmitraReceiptStatus) i));
  gtk_widget_add_css_class (label, _emitra_receipts_status_css_class (status));
  gtk_label_set_label (GTK_LABEL (label), emitra_receipt_status_get_label (status));
  emitra_display_set_tooltip (label, reason);
}

/* The receipts list ------------------------------------------------- */

void
_emitra_receipts_page_update_actions (EmitraReceiptsPage *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "receipts.details", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "receipts.reprint", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "receipts.save-pdf", selected);
}

static gboolean
range_is_today (EmitraReceiptsPage *self)
{
  g_autofree char *today = emitra_report_today ();

  return g_strcmp0 (self->from_day, today) == 0 && g_strcmp0 (self->to_day, today) == 0;
}

static void
show_summary (EmitraReceiptsPage *self,
              GPtrArray          *found)
{
  gint64 confirmed = 0;
  g_autofree char *money = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < found->len; i++)
    if (emitra_receipt_get_status (g_ptr_array_index (found, i)) == EMITRA_RECEIPT_STATUS_CONFIRMED)
      confirmed += emitra_receipt_get_total (g_ptr_array_index (found, i));
  money = emitra_display_money (confirmed);

  if (found->len == 0)
    summary = g_strdup ("");
  else if (found->len >= SEARCH_LIMIT)
    /* Translators: %u is the number of receipts shown (500). */
    summary = g_strdup_printf (_("The newest %u receipts; narrow the search to see the others"), found->len);
  else
    /* Translators: under the receipts list: how many are shown, and the
     * sum of the confirmed ones among them. */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u receipt, %s confirmed",
                                            "%u receipts, %s confirmed", found->len),
                               found->len, money);
  /* A count and an amount, no names: the whole line in the chosen digits. */
  shown = emitra_display_digits (summary);
  gtk_label_set_label (self->summary_label, shown);
}

static void
show_empty (EmitraReceiptsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean filtered = text[0] != '\0' || gtk_drop_down_get_selected (self->status_dropdown) > 0;

  if (!filtered && range_is_today (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Receipts Today"));
      adw_status_page_set_description (self->empty_page,
                                       _("Receipts for the applications and payments you submit will be kept here, ready to reprint."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Receipts Found"));
      adw_status_page_set_description (self->empty_page,
                                       self->from_day != NULL || self->to_day != NULL
                                         ? _("No receipt in these dates matches. A citizen may have come on another day: search all dates.")
                                         : _("No receipt matches. Check the number, or search by the citizen's mobile number."));
    }
  gtk_widget_set_visible (self->any_date_button, self->from_day != NULL || self->to_day != NULL);
  gtk_stack_set_visible_child_name (self->receipts_stack, "empty");
}

/* Whether @found holds the receipts @shown holds, in the same order and
 * each with the same status: nothing on screen would change. */
static gboolean
same_receipts (GListModel *shown,
               GPtrArray  *found)
{
  if (g_list_model_get_n_items (shown) != found->len)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(EmitraReceipt) old = g_list_model_get_item (shown, i);
      EmitraReceipt *new = g_ptr_array_index (found, i);

      if (emitra_receipt_get_receipt_no (old) != emitra_receipt_get_receipt_no (new) ||
          emitra_receipt_get_status (old) != emitra_receipt_get_status (new) ||
          emitra_receipt_get_status_updated_at (old) != emitra_receipt_get_status_updated_at (new))
        return FALSE;
    }
  return TRUE;
}

static void
finish_search (EmitraReceiptsPage *self)
{
  _emitra_receipts_page_update_actions (self);
  if (self->activate_when_found)
    {
      self->activate_when_found = FALSE;
      _emitra_receipts_page_activate_found (self);
    }
}

static void
on_searched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EmitraReceiptsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = emitra_receipt_store_search_finish (EMITRA_RECEIPT_STORE (source), result, &error);
  EmitraReceipt *selected;
  gint64 selected_no = 0;

  /* A newer search is on its way: this answer is stale. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->searching = FALSE;

  if (found == NULL)
    {
      self->activate_when_found = FALSE;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->receipts_stack, "error");
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  /* The same answer again (a refresh on showing the page, or after an
   * outbox item settled elsewhere) leaves the list, its scrolling and its
   * selection alone: GTK 4.8 rebuilds a column view's rows on any change. */
  if (same_receipts (G_LIST_MODEL (self->receipts), found))
    {
      show_summary (self, found);
      if (found->len == 0)
        show_empty (self);
      else
        gtk_stack_set_visible_child_name (self->receipts_stack, "list");
      finish_search (self);
      return;
    }

  /* The receipt the operator was on stays selected when it is still there. */
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    selected_no = emitra_receipt_get_receipt_no (selected);
  g_list_store_splice (self->receipts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->receipts)),
                       found->pdata, found->len);
  for (guint i = 0; selected_no > 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      g_autoptr(EmitraReceipt) receipt = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (emitra_receipt_get_receipt_no (receipt) == selected_no)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }

  show_summary (self, found);
  if (found->len == 0)
    show_empty (self);
  else
    gtk_stack_set_visible_child_name (self->receipts_stack, "list");
  finish_search (self);
}

void
_emitra_receipts_page_search (EmitraReceiptsPage *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  EmitraReceiptQuery query = {
    .text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .from_day = self->from_day,
    .to_day = self->to_day,
    .operator_id = _emitra_receipts_page_shown_operator (self),
    .status_mask = status > 0 && status != GTK_INVALID_LIST_POSITION ? 1u << (status - 1) : 0,
    .limit = SEARCH_LIMIT,
  };

  /* Nobody signed in: nothing is read, so nothing can show. */
  if (self->desk == NULL || self->session == NULL)
    return;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  self->searching = TRUE;
  g_free (self->query_text);
  self->query_text = g_strdup (query.text);

  /* The spinner only before the first answer: later searches replace the
   * list in place rather than flash it. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->receipts_stack), "list") != 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->receipts_stack), "empty") != 0)
    gtk_stack_set_visible_child_name (self->receipts_stack, "loading");

  emitra_receipt_store_search_async (emitra_desk_get_receipts (self->desk), &query, self->search_cancellable,
                                     on_searched_cb, g_object_ref (self));
}

/* The dates --------------------------------------------------------- */

static void
select_calendar_day (GtkCalendar *calendar,
                     const char  *day)
{
  g_autofree char *today = emitra_report_today ();
  int year, month, mday;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (day != NULL ? day : today, "%d-%d-%d", &year, &month, &mday) != 3)
    return;
  date = g_date_time_new_local (year, month, mday, 12, 0, 0);
  if (date != NULL)
    gtk_calendar_select_day (calendar, date);
}

static void
show_range (EmitraReceiptsPage *self)
{
  g_autofree char *label = NULL;

  if (self->from_day == NULL && self->to_day == NULL)
    label = g_strdup (_("Any Date"));
  else if (range_is_today (self))
    label = g_strdup (_("Today"));
  else if (g_strcmp0 (self->from_day, self->to_day) == 0)
    label = emitra_display_day_in_words (self->from_day);
  else
    {
      g_autofree char *from = self->from_day != NULL ? emitra_display_day_in_words (self->from_day) : g_strdup ("…");
      g_autofree char *to = self->to_day != NULL ? emitra_display_day_in_words (self->to_day) : g_strdup ("…");

      /* Translators: a range of dates, as the Receipts page's date button shows it. */
      label = g_strdup_printf (_("%s to %s"), from, to);
    }
  gtk_menu_button_set_label (self->range_button, label);

  self->syncing_calendars = TRUE;
  select_calendar_day (self->from_calendar, self->from_day);
  select_calendar_day (self->to_calendar, self->to_day);
  self->syncing_calendars = FALSE;
}

/**
 * emitra_receipts_page_set_range:
 * @from_day: (nullable): "YYYY-MM-DD", the first day shown; NULL for no limit
 * @to_day: (nullable): "YYYY-MM-DD", the last day shown; NULL for no limit
 */
void
emitra_receipts_page_set_range (EmitraReceiptsPage *self,
                                const char         *from_day,
                                const char         *to_day)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (EMITRA_IS_RECEIPTS_PAGE (self));

  if (from_day != NULL && !emitra_report_parse_day (from_day, &from, NULL))
    return;
  if (to_day != NULL && !emitra_report_parse_day (to_day, &to, NULL))
    return;
  /* A range typed backwards means the same days. */
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      char *swap = from;

      from = to;
      to = swap;
    }

  g_free (self->from_day);
  self->from_day = g_steal_pointer (&from);
  g_free (self->to_day);
  self->to_day = g_steal_pointer (&to);
  show_range (self);
  _emitra_receipts_page_search (self);
}

static char *
days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
on_range_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EmitraReceiptsPage *self = EMITRA_RECEIPTS_PAGE (widget);
  int days = g_variant_get_int32 (parameter);

  gtk_popover_popdown (self->range_popover);
  if (days < 0)
    emitra_receipts_page_set_range (self, NULL, NULL);
  else
    {
      g_autofree char *from = days_ago (days);
      g_autofree char *today = emitra_report_today ();

      emitra_receipts_page_set_range (self, from, today);
    }
}

static void
on_from_calendar_day_selected_cb (GtkCalendar        *calendar,
                                  EmitraReceiptsPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");

  if (self->syncing_calendars)
    return;
  /* A start after the end moves the end along: one day at a time. */
  if (self->to_day == NULL || strcmp (day, self->to_day) > 0)
    emitra_receipts_page_set_range (self, day, day);
  else
    emitra_receipts_page_set_range (self, day, self->to_day);
}

static void
on_to_calendar_day_selected_cb (GtkCalendar        *calendar,
                                EmitraReceiptsPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");

  if (self->syncing_calendars)
    return;
  if (self->from_day == NULL || strcmp (day, self->from_day) < 0)
    emitra_receipts_page_set_range (self, day, day);
  else
    emitra_receipts_page_set_range (self, self->from_day, day);
}

/* Search and filter ------------------------------------------------- */

static void
on_search_entry_search_changed_cb (GtkSearchEntry     *entry,
                                   EmitraReceiptsPage *self)
{
  _emitra_receipts_page_search (self);
}

/* GTK 4.8 names a drop-down's button, the part a keyboard reaches, after
 * its type: it is named here, with the status chosen as its description. */
static void
name_status_button (EmitraReceiptsPage *self)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->status_dropdown));
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->status_dropdown);

  if (button == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  item != NULL ? gtk_string_object_get_string (item) : "",
                                  -1);
}

static void
on_status_dropdown_selected_cb (GtkDropDown        *dropdown,
                                GParamSpec         *pspec,
                                EmitraReceiptsPage *self)
{
  name_status_button (self);
  _emitra_receipts_page_search (self);
}

void
_emitra_receipts_page_list_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_number_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_number_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_citizen_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_service_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_total_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_bind_cb);

  gtk_widget_class_install_action (widget_class, "receipts.range", "i", on_range_cb);
}

/* The list's model, sorted by the column the operator picks; the status
 * filter's choices; today as the range. */
void
_emitra_receipts_page_list_init (EmitraReceiptsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autofree char *today = emitra_report_today ();
  GtkWidget *range_toggle;

  self->receipts = g_list_store_new (EMITRA_TYPE_RECEIPT);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->receipts)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (_emitra_receipts_page_update_actions), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (statuses, _("Any Status"));
  for (guint i = 0; i < EMITRA_RECEIPT_N_STATUSES; i++)
    gtk_string_list_append (statuses, emitra_receipt_status_get_label ((EmitraReceiptStatus) i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  name_status_button (self);

  /* The date button shows the dates chosen; what they are for is said to
   * a screen reader on the part a keyboard reaches. */
  range_toggle = gtk_widget_get_first_child (GTK_WIDGET (self->range_button));
  if (range_toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (range_toggle),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Choose the Dates"), -1);

  self->from_day = g_strdup (today);
  self->to_day = g_steal_pointer (&today);
  show_range (self);
  _emitra_receipts_page_update_actions (self);
}
