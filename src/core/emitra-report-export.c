/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report as text (for the terminal and supervisors' scripts, in the
 * interface language) and as CSV (for spreadsheets: UTF-8 with a byte
 * order mark so they show Hindi, one row per service and a totals row,
 * plain decimal rupees that a spreadsheet reads as numbers, and column
 * names that never change with the language, so scripts can rely on them).
 */
#include "config.h"

#include "emitra-report-private.h"
#include "emitra-catalog.h"
#include "emitra-money.h"
#include "emitra-text.h"

#include <glib/gi18n-lib.h>

static char *
money (gint64 paise)
{
  return emitra_money_format (paise, EMITRA_DIGITS_LATIN);
}

static char *
signed_money (gint64 paise)
{
  g_autofree char *amount = money (paise < 0 ? -paise : paise);

  return g_strdup_printf ("%s%s", paise < 0 ? "−" : "+", amount);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);

  return local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("");
}

/* Columns a terminal gives @text: Devanagari's vowel signs below and
 * above the line and its virama take none. */
static glong
display_width (const char *text)
{
  glong width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_iszerowidth (g_utf8_get_char (p)))
      width++;
  return width;
}

/* "label ....... value", the value right-aligned in a fixed column. */
static void
append_line (GString    *out,
             const char *label,
             const char *value)
{
  glong used = display_width (label) + display_width (value);

  g_string_append_printf (out, "  %s", label);
  for (glong i = used; i < 56; i++)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, " %s\n", value);
}

static void
append_count_line (GString    *out,
                   const char *label,
                   gint64      count)
{
  g_autofree char *value = g_strdup_printf ("%lld", (long long) count);

  append_line (out, label, value);
}

static void
append_money_line (GString    *out,
                   const char *label,
                   gint64      paise)
{
  g_autofree char *value = money (paise);

  append_line (out, label, value);
}

static void
append_group (GString                 *out,
              const EmitraReportGroup *group,
              gboolean                 is_service)
{
  g_autofree char *fees = money (group->confirmed.department_fees);
  g_autofree char *charges = money (group->confirmed.service_charges);
  g_autofree char *total = money (group->confirmed.total);

  if (is_service)
    g_string_append_printf (out, "  %s / %s\n", group->name_en, group->name_hi);
  else
    g_string_append_printf (out, "  %s (%s)\n", group->name_en, group->key);
  g_string_append (out, "    ");
  /* Translators: a line of the day report for one service or operator:
   * the number of confirmed transactions, then three amounts. */
  g_string_append_printf (out, _("%lld confirmed: fees %s, charges %s, total %s"),
                          (long long) group->confirmed.count, fees, charges, total);
  g_string_append_c (out, '\n');
  if (group->provisional.count > 0)
    {
      g_autofree char *held = money (group->provisional.total);

      g_string_append (out, "    ");
      g_string_append_printf (out, _("%lld pending confirmation: %s held"),
                              (long long) group->provisional.count, held);
      g_string_append_c (out, '\n');
    }
  if (group->rejected > 0 || group->cancelled > 0)
    {
      g_string_append (out, "    ");
      g_string_append_printf (out, _("%lld rejected, %lld cancelled (not counted)"),
                              (long long) group->rejected, (long long) group->cancelled);
      g_string_append_c (out, '\n');
    }
}

static void
append_items (GString    *out,
              const char *heading,
              GPtrArray  *items)
{
  if (items->len == 0)
    return;

  g_string_append_printf (out, "\n%s (%u)\n", heading, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      EmitraReportItem *item = g_ptr_array_index (items, i);
      g_autofree char *time = format_time (item->created_at);
      g_autofree char *amount = money (item->total);

      g_string_append (out, "  ");
      /* Translators: one receipt in the day report's lists: its number,
       * time, service, the citizen's name and the amount. */
      g_string_append_printf (out, _("No. %lld, %s, %s, %s: %s"),
                              (long long) item->receipt_no, time,
                              emitra_text_prefers_hindi () && item->service_hi[0] != '\0'
                              ? item->service_hi : item->service_en,
                              item->citizen_name, amount);
      g_string_append_c (out, '\n');
      if (item->reason[0] != '\0')
        {
          g_string_append (out, "    ");
          g_string_append_printf (out, _("Reason: %s"), item->reason);
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_hours (GString      *out,
              EmitraReport *self)
{
  gint64 most = 0;

  for (guint h = 0; h < 24; h++)
    most = MAX (most, self->hours[h][0].count + self->hours[h][1].count);
  if (most == 0)
    return;

  g_string_append_printf (out, "\n%s\n", _("By hour"));
  for (guint h = 0; h < 24; h++)
    {
      gint64 count = self->hours[h][0].count + self->hours[h][1].count;
      g_autofree char *total = money (self->hours[h][0].total + self->hours[h][1].total);
      int width = (int) ((count * 40 + most - 1) / most);

      if (count == 0)
        continue;
      g_string_append_printf (out, "  %02u:00  ", h);
      for (int i = 0; i < 40; i++)
        g_string_append_c (out, i < width ? '#' : ' ');
      g_string_append_printf (out, " %4lld  %s\n", (long long) count, total);
    }
}

/**
 * emitra_report_to_text:
 *
 * The report for a terminal, in the interface language.
 */
char *
emitra_report_to_text (EmitraReport *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *previous_date = NULL;

  g_return_val_if_fail (EMITRA_IS_REPORT (self), NULL);

  date = emitra_report_format_day (self->day);
  previous_date = emitra_report_format_day (self->previous_day);

  g_string_append_printf (out, _("e-Mitra Desk: day report for %s"), date);
  g_string_append_c (out, '\n');
  if (self->operator_id != NULL)
    {
      g_string_append_printf (out, _("Operator: %s"), self->operator_id);
      g_string_append_c (out, '\n');
    }

  if (emitra_report_is_empty (self))
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("No receipts were issued on %s."), date);
      g_string_append_c (out, '\n');
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  g_string_append_printf (out, "\n%s\n", _("Totals"));
  append_count_line (out, _("Transactions confirmed"), self->confirmed.count);
  append_money_line (out, _("Department fees"), self->confirmed.department_fees);
  append_money_line (out, _("Service charges"), self->confirmed.service_charges);
  append_money_line (out, _("Total collected"), self->confirmed.total);
  if (self->provisional.count > 0)
    {
      g_autofree char *label = g_strdup_printf (_("Held pending confirmation (%lld)"),
                                                (long long) self->provisional.count);
      append_money_line (out, label, self->provisional.total);
    }
  append_money_line (out, _("Cash to hand over"), emitra_report_get_cash_to_hand_over (self));
  if (self->rejected.count > 0)
    append_count_line (out, _("Rejected (not counted)"), self->rejected.count);
  if (self->cancelled.count > 0)
    append_count_line (out, _("Cancelled (not counted)"), self->cancelled.count);

  {
    g_autofree char *heading = g_strdup_printf (_("Against the previous day (%s)"), previous_date);
    g_autofree char *transactions = g_strdup_printf ("%+lld",
                                                     (long long) (self->confirmed.count - self->previous_confirmed.count));
    g_autofree char *collected = signed_money (self->confirmed.total - self->previous_confirmed.total);

    g_string_append_printf (out, "\n%s\n", heading);
    append_line (out, _("Transactions confirmed"), transactions);
    append_line (out, _("Total collected"), collected);
  }

  g_string_append_printf (out, "\n%s\n", _("By service"));
  for (guint i = 0; i < self->services->len; i++)
    append_group (out, g_ptr_array_index (self->services, i), TRUE);
  g_string_append_printf (out, "\n%s\n", _("By operator"));
  for (guint i = 0; i < self->operators->len; i++)
    append_group (out, g_ptr_array_index (self->operators, i), FALSE);

  append_hours (out, self);
  append_items (out, _("Pending confirmation"), self->pending);
  append_items (out, _("Failed"), self->failed);
  append_items (out, C_("report section", "Cancelled"), self->cancelled_items);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Rupees as a spreadsheet reads a number: 1234.50, no grouping. */
static void
append_csv_amount (GString *out,
                   gint64   paise)
{
  guint64 magnitude = paise < 0 ? (guint64) -(paise + 1) + 1 : (guint64) paise;

  g_string_append_printf (out, ",%s%" G_GUINT64_FORMAT ".%02u", paise < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

static void
append_csv_text (GString    *out,
                 const char *text,
                 gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString                 *out,
                const char              *id,
                const char              *name_en,
                const char              *name_hi,
                const EmitraReportSums  *confirmed,
                const EmitraReportSums  *provisional,
                gint64                   rejected,
                gint64                   cancelled)
{
  append_csv_text (out, id, TRUE);
  append_csv_text (out, name_en, FALSE);
  append_csv_text (out, name_hi, FALSE);
  g_string_append_printf (out, ",%lld", (long long) confirmed->count);
  append_csv_amount (out, confirmed->department_fees);
  append_csv_amount (out, confirmed->service_charges);
  append_csv_amount (out, confirmed->total);
  g_string_append_printf (out, ",%lld", (long long) provisional->count);
  append_csv_amount (out, provisional->total);
  g_string_append_printf (out, ",%lld,%lld\r\n", (long long) rejected, (long long) cancelled);
}

/**
 * emitra_report_to_csv:
 *
 * One row per service and a totals row, with a byte order mark. Amounts
 * are confirmed collections; provisional receipts have their own columns,
 * rejected and cancelled ones are counted only.
 */
char *
emitra_report_to_csv (EmitraReport *self)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (EMITRA_IS_REPORT (self), NULL);

  g_string_append (out, "service_id,service_name_en,service_name_hi,transactions,"
                        "department_fees,service_charges,total_collected,"
                        "provisional_count,provisional_amount,rejected_count,cancelled_count\r\n");
  for (guint i = 0; i < self->services->len; i++)
    {
      EmitraReportGroup *group = g_ptr_array_index (self->services, i);

      append_csv_row (out, group->key, group->name_en, group->name_hi, &group->confirmed,
                      &group->provisional, group->rejected, group->cancelled);
    }
  append_csv_row (out, "TOTAL", "Total", "कुल", &self->confirmed, &self->provisional,
                  self->rejected.count, self->cancelled.count);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
