/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The supervisor's day: what was collected, what is held pending, what
 * failed or was cancelled, by service, operator and hour, and how it
 * compares with the day before. Exact to the paisa: every sum is integer
 * paise added in one place, here.
 *
 * What counts: a confirmed receipt is a collection. A provisional one is
 * cash in the drawer that the gateway has not confirmed yet: it is listed
 * and summed on its own, and it is part of the cash to hand over, but it
 * is not a collection. Rejected and cancelled receipts are listed and
 * counted, never summed into money: that cash went back to the citizen.
 *
 * The day's receipts are read in one pass over the day index (a few
 * thousand rows even for a busy centre), and aggregated here; the previous
 * day needs only its totals.
 */
#include "config.h"

#include "emitra-report-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (emitra-report-error-quark, emitra_report_error)

G_DEFINE_FINAL_TYPE (EmitraReport, emitra_report, G_TYPE_OBJECT)

static void
group_free (gpointer data)
{
  EmitraReportGroup *group = data;

  g_free (group->key);
  g_free (group->name_en);
  g_free (group->name_hi);
  g_free (group);
}

static void
item_free (gpointer data)
{
  EmitraReportItem *item = data;

  g_free (item->service_en);
  g_free (item->service_hi);
  g_free (item->citizen_name);
  g_free (item->operator_name);
  g_free (item->reason);
  g_free (item);
}

static void
emitra_report_finalize (GObject *object)
{
  EmitraReport *self = EMITRA_REPORT (object);

  g_free (self->day);
  g_free (self->previous_day);
  g_free (self->operator_id);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->operators, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->failed, g_ptr_array_unref);
  g_clear_pointer (&self->cancelled_items, g_ptr_array_unref);
  g_clear_pointer (&self->service_rows, g_array_unref);
  g_clear_pointer (&self->operator_rows, g_array_unref);

  G_OBJECT_CLASS (emitra_report_parent_class)->finalize (object);
}

static void
emitra_report_class_init (EmitraReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_report_finalize;
}

static void
emitra_report_init (EmitraReport *self)
{
  self->services = g_ptr_array_new_with_free_func (group_free);
  self->operators = g_ptr_array_new_with_free_func (group_free);
  self->pending = g_ptr_array_new_with_free_func (item_free);
  self->failed = g_ptr_array_new_with_free_func (item_free);
  self->cancelled_items = g_ptr_array_new_with_free_func (item_free);
  self->service_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->operator_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * emitra_report_parse_day:
 * @text: "YYYY-MM-DD", a real date
 *
 * Checks a date typed by a supervisor (or a script) and returns it in the
 * database's spelling.
 */
gboolean
emitra_report_parse_day (const char  *text,
                         char       **out_day,
                         GError     **error)
{
  unsigned year = 0, month = 0, day = 0;
  char end = '\0';

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      text[4] != '-' || text[7] != '-' ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || year < 2000)
    {
      g_set_error (error, EMITRA_REPORT_ERROR, EMITRA_REPORT_ERROR_BAD_DATE,
                   _("“%s” is not a date. Write the date as YYYY-MM-DD, for example 2026-11-28."),
                   text != NULL ? text : "");
      return FALSE;
    }

  if (out_day != NULL)
    *out_day = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  return TRUE;
}

/* Today on the desk's clock. */
char *
emitra_report_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
previous_day (const char *day)
{
  unsigned year, month, mday;
  GDate date;
  char buffer[16];

  if (sscanf (day, "%4u-%2u-%2u", &year, &month, &mday) != 3)
    g_assert_not_reached ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) mday, (GDateMonth) month, (GDateYear) year);
  g_date_subtract_days (&date, 1);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  return g_strdup (buffer);
}

/* "28 November 2026" in the interface language; the month names are
 * ours, not the C library's, so they follow the language chosen in
 * Preferences rather than the system locale. */
char *
emitra_report_format_day (const char *day)
{
  static const char *const months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  unsigned year, month, mday;

  if (day == NULL || sscanf (day, "%4u-%2u-%2u", &year, &month, &mday) != 3 || month < 1 || month > 12)
    return g_strdup (day != NULL ? day : "");

  /* Translators: a date: day of the month, month name, year. */
  return g_strdup_printf (C_("date", "%u %s %u"), mday,
                          g_dpgettext2 (GETTEXT_PACKAGE, "month", months[month - 1]), year);
}

static void
add_sums (EmitraReportSums *sums,
          gint64            fee,
          gint64            charge,
          gint64            total)
{
  sums->count++;
  sums->department_fees += fee;
  sums->service_charges += charge;
  sums->total += total;
}

/* The group for @key; a new one remembers the row it was first seen in,
 * whose names are read once the sums are done. */
static EmitraReportGroup *
find_group (GHashTable *index,
            GPtrArray  *groups,
            GArray     *first_rows,
            const char *key,
            gint64      id)
{
  EmitraReportGroup *group = g_hash_table_lookup (index, key);

  if (group == NULL)
    {
      group = g_new0 (EmitraReportGroup, 1);
      group->key = g_strdup (key);
      g_ptr_array_add (groups, group);
      g_array_append_val (first_rows, id);
      g_hash_table_insert (index, group->key, group);
    }
  return group;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* One receipt of the lists, read by its row: a few per day, against the
 * thousands that are only summed. */
static EmitraReportItem *
item_new (sqlite3_stmt        *details,
          gint64               id,
          EmitraReceiptStatus  status)
{
  EmitraReportItem *item = g_new0 (EmitraReportItem, 1);
  const char *reason;

  sqlite3_reset (details);
  sqlite3_bind_int64 (details, 1, id);
  item->status = status;
  if (sqlite3_step (details) != SQLITE_ROW)
    {
      item->service_en = g_strdup ("");
      item->service_hi = g_strdup ("");
      item->citizen_name = g_strdup ("");
      item->operator_name = g_strdup ("");
      item->reason = g_strdup ("");
      return item;
    }

  item->receipt_no = sqlite3_column_int64 (details, 0);
  item->created_at = sqlite3_column_int64 (details, 1);
  item->service_en = g_strdup (column_text (details, 2));
  item->service_hi = g_strdup (column_text (details, 3));
  item->citizen_name = g_strdup (column_text (details, 4));
  item->operator_name = g_strdup (column_text (details, 5));
  item->total = sqlite3_column_int64 (details, 6);
  /* A provisional receipt has no reason of its own yet: its outbox entry's
   * last error says why it is still waiting. */
  reason = column_text (details, 7);
  if (reason[0] == '\0')
    reason = column_text (details, 8);
  item->reason = g_strdup (reason);
  return item;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const EmitraReportGroup *x = *(EmitraReportGroup **) a;
  const EmitraReportGroup *y = *(EmitraReportGroup **) b;

  /* The biggest collections first: what a supervisor checks first. */
  if (x->confirmed.total != y->confirmed.total)
    return x->confirmed.total > y->confirmed.total ? -1 : 1;
  if (x->confirmed.count != y->confirmed.count)
    return x->confirmed.count > y->confirmed.count ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

typedef struct
{
  gint64              id;
  EmitraReceiptStatus status;
} Listed;

/* Names for the groups: the service's in both languages, the operator's. */
static void
name_groups (GPtrArray    *groups,
             GArray       *first_rows,
             sqlite3_stmt *names,
             gboolean      is_service)
{
  for (guint i = 0; i < groups->len; i++)
    {
      EmitraReportGroup *group = g_ptr_array_index (groups, i);

      sqlite3_reset (names);
      sqlite3_bind_int64 (names, 1, g_array_index (first_rows, gint64, i));
      if (sqlite3_step (names) == SQLITE_ROW)
        {
          group->name_en = g_strdup (column_text (names, is_service ? 0 : 2));
          group->name_hi = g_strdup (is_service ? column_text (names, 1) : "");
        }
      else
        {
          group->name_en = g_strdup (group->key);
          group->name_hi = g_strdup ("");
        }
    }
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  return rc == SQLITE_OK || emitra_database_set_error (db, rc, error);
}

/* One receipt of a day, as the sums need it. */
typedef struct
{
  gint64             id;
  gint64             fee;
  gint64             charge;
  gint64             total;
  int                hour;
  EmitraReportGroup *service;
  EmitraReportGroup *operator;
} DayRow;

/* A day's receipts in two sequential reads and no join: their amounts and
 * the status each was issued with from the receipts_by_day_totals index
 * alone, in the order issued, then the status changes of the same id
 * range from receipt_status, merged here. A day's receipts were issued one
 * after another, so that range is the day's own (a receipt of another day
 * inside it is simply not matched). */
static gboolean
scan_day (EmitraReport  *self,
          sqlite3       *db,
          const char    *day,
          gboolean       grouped,
          GArray        *rows,
          GArray        *statuses,
          GError       **error)
{
  g_autoptr(GHashTable) services = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) operators = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = NULL;
  guint next = 0;
  int rc;

  if (!prepare (db,
                self->operator_id == NULL
                ? "SELECT r.id, r.service_id, r.operator_id, r.hour, r.department_fee,"
                  " r.service_charge, r.total, r.status FROM receipts r INDEXED BY receipts_by_day_totals"
                  " WHERE r.day = ?1 ORDER BY r.id"
                : "SELECT r.id, r.service_id, r.operator_id, r.hour, r.department_fee,"
                  " r.service_charge, r.total, r.status FROM receipts r INDEXED BY receipts_by_day_totals"
                  " WHERE r.day = ?1 AND r.operator_id = ?2 ORDER BY r.id",
                &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  if (self->operator_id != NULL)
    sqlite3_bind_text (stmt, 2, self->operator_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DayRow row = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 4),
        sqlite3_column_int64 (stmt, 5), sqlite3_column_int64 (stmt, 6),
        CLAMP (sqlite3_column_int (stmt, 3), 0, 23), NULL, NULL,
      };
      /* -1: none yet (a receipt of format 1 has its status in receipt_status). */
      EmitraReceiptStatus issued;
      int status = emitra_receipt_status_from_string (column_text (stmt, 7), &issued) ? (int) issued : -1;

      if (grouped)
        {
          row.service = find_group (services, self->services, self->service_rows,
                                    column_text (stmt, 1), row.id);
          row.operator = find_group (operators, self->operators, self->operator_rows,
                                     column_text (stmt, 2), row.id);
        }
      g_array_append_val (rows, row);
      g_array_append_val (statuses, status);
    }
  if (rc != SQLITE_DONE)
    emitra_database_set_error (db, rc, error);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  if (!prepare (db, "SELECT receipt_id, status FROM receipt_status"
                    " WHERE receipt_id BETWEEN ?1 AND ?2 ORDER BY receipt_id", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_array_index (rows, DayRow, 0).id);
  sqlite3_bind_int64 (stmt, 2, g_array_index (rows, DayRow, rows->len - 1).id);

  /* A receipt still without a status (-1) is left out, as a join would. */
  while (next < rows->len && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      EmitraReceiptStatus status;

      while (next < rows->len && g_array_index (rows, DayRow, next).id < id)
        next++;
      if (next < rows->len && g_array_index (rows, DayRow, next).id == id &&
          emitra_receipt_status_from_string (column_text (stmt, 1), &status))
        g_array_index (statuses, int, next++) = (int) status;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    emitra_database_set_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static gboolean
read_day (EmitraReport  *self,
          sqlite3       *db,
          GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (DayRow));
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (Listed));
  sqlite3_stmt *names = NULL, *details = NULL;

  if (!scan_day (self, db, self->day, TRUE, rows, statuses, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      DayRow *row = &g_array_index (rows, DayRow, i);
      int status = g_array_index (statuses, int, i);

      if (status < 0)
        continue;
      self->n_receipts++;
      switch ((EmitraReceiptStatus) status)
        {
        case EMITRA_RECEIPT_STATUS_CONFIRMED:
          add_sums (&self->confirmed, row->fee, row->charge, row->total);
          add_sums (&row->service->confirmed, row->fee, row->charge, row->total);
          add_sums (&row->operator->confirmed, row->fee, row->charge, row->total);
          add_sums (&self->hours[row->hour][0], row->fee, row->charge, row->total);
          break;
        case EMITRA_RECEIPT_STATUS_PROVISIONAL:
          add_sums (&self->provisional, row->fee, row->charge, row->total);
          add_sums (&row->service->provisional, row->fee, row->charge, row->total);
          add_sums (&row->operator->provisional, row->fee, row->charge, row->total);
          add_sums (&self->hours[row->hour][1], row->fee, row->charge, row->total);
          break;
        case EMITRA_RECEIPT_STATUS_REJECTED:
          add_sums (&self->rejected, row->fee, row->charge, row->total);
          row->service->rejected++;
          row->operator->rejected++;
          break;
        case EMITRA_RECEIPT_STATUS_CANCELLED:
          add_sums (&self->cancelled, row->fee, row->charge, row->total);
          row->service->cancelled++;
          row->operator->cancelled++;
          break;
        default:
          g_assert_not_reached ();
        }
      if (status != EMITRA_RECEIPT_STATUS_CONFIRMED)
        {
          Listed entry = { row->id, (EmitraReceiptStatus) status };

          g_array_append_val (listed, entry);
        }
    }

  if (!prepare (db, "SELECT service_name_en, service_name_hi, operator_name FROM receipts WHERE id = ?1",
                &names, error))
    return FALSE;
  name_groups (self->services, self->service_rows, names, TRUE);
  name_groups (self->operators, self->operator_rows, names, FALSE);
  sqlite3_finalize (names);

  if (!prepare (db,
                "SELECT r.receipt_no, r.created_at, r.service_name_en, r.service_name_hi,"
                " r.citizen_name, r.operator_name, r.total, coalesce (s.reason, ''),"
                " CASE WHEN coalesce (s.status, r.status) = 'provisional' THEN"
                "  (SELECT o.last_error FROM outbox o WHERE o.request_id = r.request_id) END"
                " FROM receipts r LEFT JOIN receipt_status s ON s.receipt_id = r.id WHERE r.id = ?1",
                &details, error))
    return FALSE;
  for (guint i = 0; i < listed->len; i++)
    {
      Listed *entry = &g_array_index (listed, Listed, i);
      GPtrArray *list = entry->status == EMITRA_RECEIPT_STATUS_PROVISIONAL ? self->pending
                        : entry->status == EMITRA_RECEIPT_STATUS_REJECTED ? self->failed
                        : self->cancelled_items;

      g_ptr_array_add (list, item_new (details, entry->id, entry->status));
    }
  sqlite3_finalize (details);

  g_ptr_array_sort (self->services, compare_groups);
  g_ptr_array_sort (self->operators, compare_groups);
  return TRUE;
}

/* The day before needs only its totals. */
static gboolean
read_previous_day (EmitraReport  *self,
                   sqlite3       *db,
                   GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (DayRow));
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (int));

  if (!scan_day (self, db, self->previous_day, FALSE, rows, statuses, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      DayRow *row = &g_array_index (rows, DayRow, i);
      int status = g_array_index (statuses, int, i);

      if (status == EMITRA_RECEIPT_STATUS_CONFIRMED)
        add_sums (&self->previous_confirmed, row->fee, row->charge, row->total);
      else if (status == EMITRA_RECEIPT_STATUS_PROVISIONAL)
        self->previous_provisional_total += row->total;
    }
  return TRUE;
}

EmitraReport *
_emitra_report_compute_on (sqlite3     *db,
                           const char  *day,
                           const char  *operator_id,
                           GError     **error)
{
  g_autoptr(EmitraReport) self = g_object_new (EMITRA_TYPE_REPORT, NULL);
  gboolean ok;

  if (!emitra_report_parse_day (day, &self->day, error))
    return NULL;
  self->previous_day = previous_day (self->day);
  self->operator_id = g_strdup (operator_id);

  /* One read transaction: the totals and the lists agree with each other
   * even while receipts keep arriving. */
  if (!emitra_database_set_error (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), error))
    return NULL;
  ok = read_day (self, db, error) && read_previous_day (self, db, error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * emitra_report_compute:
 * @day: "YYYY-MM-DD"
 * @operator_id: (nullable): one operator's share, or %NULL for the centre
 *
 * The report for @day. Blocks on the database: the GUI uses
 * emitra_report_compute_async().
 */
EmitraReport *
emitra_report_compute (EmitraDatabase  *database,
                       const char      *day,
                       const char      *operator_id,
                       GError         **error)
{
  g_return_val_if_fail (EMITRA_IS_DATABASE (database), NULL);

  return _emitra_report_compute_on (emitra_database_get_handle (database), day, operator_id, error);
}

typedef struct
{
  char *day;
  char *operator_id;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *job = data;

  g_free (job->day);
  g_free (job->operator_id);
  g_free (job);
}

static gpointer
compute_job (sqlite3   *db,
             gpointer   data,
             GError   **error)
{
  ComputeData *job = data;

  return _emitra_report_compute_on (db, job->day, job->operator_id, error);
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  EmitraReport *report = emitra_database_run_finish (EMITRA_DATABASE (source), result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
emitra_report_compute_async (EmitraDatabase      *database,
                             const char          *day,
                             const char          *operator_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  ComputeData *job;
  GTask *task;

  g_return_if_fail (EMITRA_IS_DATABASE (database));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_report_compute_async);
  job = g_new0 (ComputeData, 1);
  job->day = g_strdup (day);
  job->operator_id = g_strdup (operator_id);
  emitra_database_run_async (database, compute_job, job, compute_data_free, g_object_unref,
                             cancellable, on_computed_cb, task);
}

EmitraReport *
emitra_report_compute_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == emitra_report_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

#define GETTER(type, name, expression) \
  type \
  emitra_report_get_##name (EmitraReport *self) \
  { \
    g_return_val_if_fail (EMITRA_IS_REPORT (self), 0); \
    return expression; \
  }

GETTER (const char *, day, self->day)
GETTER (const char *, previous_day, self->previous_day)
GETTER (const char *, operator_id, self->operator_id)
GETTER (const EmitraReportSums *, confirmed, &self->confirmed)
GETTER (const EmitraReportSums *, provisional, &self->provisional)
GETTER (const EmitraReportSums *, cancelled, &self->cancelled)
GETTER (const EmitraReportSums *, rejected, &self->rejected)
GETTER (const EmitraReportSums *, previous_confirmed, &self->previous_confirmed)
GETTER (GPtrArray *, services, self->services)
GETTER (GPtrArray *, operators, self->operators)
GETTER (GPtrArray *, pending, self->pending)
GETTER (GPtrArray *, failed, self->failed)
GETTER (GPtrArray *, cancelled_items, self->cancelled_items)

#undef GETTER

/* Collections plus the cash held for provisional receipts: what is in the
 * drawer, and what the supervisor takes. */
gint64
emitra_report_get_cash_to_hand_over (EmitraReport *self)
{
  g_return_val_if_fail (EMITRA_IS_REPORT (self), 0);

  return self->confirmed.total + self->provisional.total;
}

gint64
emitra_report_get_previous_cash (EmitraReport *self)
{
  g_return_val_if_fail (EMITRA_IS_REPORT (self), 0);

  return self->previous_confirmed.total + self->previous_provisional_total;
}

/* No receipt at all that day, whatever its status. */
gboolean
emitra_report_is_empty (EmitraReport *self)
{
  g_return_val_if_fail (EMITRA_IS_REPORT (self), TRUE);

  return self->n_receipts == 0;
}

const EmitraReportSums *
emitra_report_get_hour (EmitraReport *self,
                        guint         hour,
                        gboolean      provisional)
{
  g_return_val_if_fail (EMITRA_IS_REPORT (self), NULL);
  g_return_val_if_fail (hour < 24, NULL);

  return &self->hours[hour][provisional ? 1 : 0];
}
