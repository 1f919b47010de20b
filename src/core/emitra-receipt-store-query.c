/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding receipts: by number, by request or transaction ID, by the
 * citizen's mobile number or the start of their name, by day and status.
 * Every lookup is an index lookup (see the desk schema's migrations), so a
 * year of a busy centre answers as fast as its first day.
 */
#include "config.h"

#include "emitra-receipt-store-private.h"
#include "emitra-receipt-private.h"
#include "emitra-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

EmitraReceipt *
_emitra_receipt_store_read_row (sqlite3_stmt *stmt)
{
  EmitraReceipt *receipt = g_object_new (EMITRA_TYPE_RECEIPT, NULL);
  const char *status = (const char *) sqlite3_column_text (stmt, 22);

  receipt->id = sqlite3_column_int64 (stmt, 0);
  receipt->receipt_no = sqlite3_column_int64 (stmt, 1);
  receipt->request_id = dup_column (stmt, 2);
  receipt->transaction_id = dup_column (stmt, 3);
  receipt->service_id = dup_column (stmt, 4);
  receipt->service_name_en = dup_column (stmt, 5);
  receipt->service_name_hi = dup_column (stmt, 6);
  receipt->citizen_name = dup_column (stmt, 7);
  receipt->aadhaar_masked = dup_column (stmt, 8);
  receipt->mobile = dup_column (stmt, 9);
  receipt->department_fee = sqlite3_column_int64 (stmt, 10);
  receipt->service_charge = sqlite3_column_int64 (stmt, 11);
  receipt->total = sqlite3_column_int64 (stmt, 12);
  receipt->cash_received = sqlite3_column_int64 (stmt, 13);
  receipt->operator_id = dup_column (stmt, 14);
  receipt->operator_name = dup_column (stmt, 15);
  receipt->kiosk_code = dup_column (stmt, 16);
  receipt->created_at = sqlite3_column_int64 (stmt, 17);
  receipt->day = dup_column (stmt, 18);
  receipt->hour = sqlite3_column_int (stmt, 19);
  receipt->prev_hash = dup_column (stmt, 20);
  receipt->hash = dup_column (stmt, 21);
  if (!emitra_receipt_status_from_string (status, &receipt->status))
    receipt->status = EMITRA_RECEIPT_STATUS_PROVISIONAL;
  receipt->status_reason = dup_column (stmt, 23);
  receipt->status_updated_at = sqlite3_column_int64 (stmt, 24);
  receipt->status_transaction_id = dup_column (stmt, 25);
  receipt->issued_status = _emitra_receipt_issued_status_from_column ((const char *) sqlite3_column_text (stmt, 26));

  return receipt;
}

EmitraReceipt *
emitra_receipt_store_get (EmitraReceiptStore  *self,
                          gint64               receipt_no,
                          GError             **error)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);

  return _emitra_receipt_store_fetch (self, NULL, receipt_no, error);
}

EmitraReceipt *
emitra_receipt_store_get_by_request_id (EmitraReceiptStore  *self,
                                        const char          *request_id,
                                        GError             **error)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);
  g_return_val_if_fail (request_id != NULL, NULL);

  return _emitra_receipt_store_fetch (self, request_id, 0, error);
}

static sqlite3_stmt *
prepare (EmitraReceiptStore  *self,
         const char          *sql,
         GError             **error)
{
  return emitra_database_prepare (emitra_receipt_store_get_database (self), sql, error);
}

static GPtrArray *
collect_rows (EmitraReceiptStore  *self,
              sqlite3_stmt        *stmt,
              GError             **error)
{
  g_autoptr(GPtrArray) receipts = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (receipts, _emitra_receipt_store_read_row (stmt));

  if (rc != SQLITE_DONE)
    {
      emitra_database_set_error (sqlite3_db_handle (stmt), rc, error);
      return NULL;
    }
  return g_steal_pointer (&receipts);
}

/* The receipt the citizen's transaction ID names: issued with it, or
 * confirmed with it later. */
EmitraReceipt *
emitra_receipt_store_get_by_transaction_id (EmitraReceiptStore  *self,
                                            const char          *transaction_id,
                                            GError             **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);
  g_return_val_if_fail (transaction_id != NULL, NULL);

  stmt = prepare (self,
                  "SELECT " EMITRA_RECEIPT_COLUMNS " FROM " EMITRA_RECEIPT_FROM
                  " WHERE r.transaction_id = ?1"
                  " OR r.id IN (SELECT receipt_id FROM receipt_events WHERE transaction_id = ?1)"
                  " ORDER BY r.id DESC LIMIT 1",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, transaction_id, -1, SQLITE_TRANSIENT);
  found = collect_rows (self, stmt, error);
  sqlite3_finalize (stmt);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, EMITRA_RECEIPT_STORE_ERROR, EMITRA_RECEIPT_STORE_ERROR_NOT_FOUND,
                   _("There is no receipt with transaction ID %s."), transaction_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * emitra_receipt_store_list_day:
 * @day: "YYYY-MM-DD", the desk's local date
 *
 * Every receipt issued on @day, in the order issued, with its current status.
 */
GPtrArray *
emitra_receipt_store_list_day (EmitraReceiptStore  *self,
                               const char          *day,
                               GError             **error)
{
  EmitraReceiptQuery query = { .from_day = day, .to_day = day, .limit = G_MAXINT };

  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  return emitra_receipt_store_search (self, &query, error);
}

typedef struct
{
  gboolean  is_int;
  gint64    number;
  char     *text;
} Binding;

static void
binding_clear (gpointer data)
{
  g_free (((Binding *) data)->text);
}

/* Appends @fragment with its one "?" numbered as the newest binding. */
static void
append_numbered (GString    *sql,
                 const char *fragment,
                 guint       number)
{
  const char *mark = strchr (fragment, '?');

  g_assert (mark != NULL);
  g_string_append_len (sql, fragment, mark - fragment + 1);
  g_string_append_printf (sql, "%u", number);
  g_string_append (sql, mark + 1);
}

static void
add_text (GArray     *bindings,
          GString    *sql,
          const char *fragment,
          const char *text)
{
  Binding binding = { FALSE, 0, g_strdup (text) };

  g_array_append_val (bindings, binding);
  append_numbered (sql, fragment, bindings->len);
}

static void
add_int (GArray     *bindings,
         GString    *sql,
         const char *fragment,
         gint64      number)
{
  Binding binding = { TRUE, number, NULL };

  g_array_append_val (bindings, binding);
  append_numbered (sql, fragment, bindings->len);
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* LIKE's wildcards in what the operator typed are literal characters. */
static char *
like_prefix (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

/* One search box for everything a citizen may bring: digits are a receipt
 * number, a mobile number or a transaction ID; anything else is a request
 * ID or the start of a name. Each alternative is an indexed equality (or
 * an indexed prefix), so SQLite answers the OR with one index lookup per
 * alternative rather than a scan. */
static void
add_text_condition (GArray     *bindings,
                    GString    *sql,
                    const char *raw)
{
  g_autofree char *latin = emitra_text_to_latin_digits (raw);
  g_autoptr(GString) compact = g_string_new (NULL);
  const char *text;

  g_strstrip (latin);
  text = latin;
  for (const char *p = text; *p; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (compact, *p);

  g_string_append (sql, " AND (");
  if (all_digits (compact->str) ||
      (g_str_has_prefix (compact->str, "+91") && all_digits (compact->str + 3)))
    {
      const char *digits = compact->str[0] == '+' ? compact->str + 3 : compact->str;
      gsize len = strlen (digits);

      add_text (bindings, sql, "r.transaction_id = ?", digits);
      add_text (bindings, sql,
                " OR r.id IN (SELECT receipt_id FROM receipt_events WHERE transaction_id = ?)",
                digits);
      if (len <= 15)
        add_int (bindings, sql, " OR r.receipt_no = ?", g_ascii_strtoll (digits, NULL, 10));
      /* A mobile number may come with a leading 0 or +91. */
      if (len == 11 && digits[0] == '0')
        digits++;
      if (strlen (digits) == 10)
        add_text (bindings, sql, " OR r.mobile = ?", digits);
    }
  else
    {
      g_autofree char *prefix = like_prefix (text);

      add_text (bindings, sql, "r.request_id = ?", text);
      add_text (bindings, sql, " OR r.transaction_id = ?", text);
      add_text (bindings, sql, " OR r.citizen_name LIKE ? ESCAPE '\\'", prefix);
    }
  g_string_append (sql, ")");
}

/**
 * emitra_receipt_store_search:
 *
 * The receipts that match every given member of @query, newest first (a
 * day's list, asked for by from_day = to_day, comes in the order issued).
 */
GPtrArray *
emitra_receipt_store_search (EmitraReceiptStore        *self,
                             const EmitraReceiptQuery  *query,
                             GError                   **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " EMITRA_RECEIPT_COLUMNS
                                         " FROM " EMITRA_RECEIPT_FROM " WHERE 1");
  g_autoptr(GArray) bindings = g_array_new (FALSE, TRUE, sizeof (Binding));
  sqlite3_stmt *stmt;
  GPtrArray *found;
  gboolean one_day;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  g_array_set_clear_func (bindings, binding_clear);

  if (query->text != NULL && query->text[0] != '\0')
    add_text_condition (bindings, sql, query->text);
  one_day = query->from_day != NULL && g_strcmp0 (query->from_day, query->to_day) == 0;
  if (one_day)
    add_text (bindings, sql, " AND r.day = ?", query->from_day);
  else
    {
      if (query->from_day != NULL)
        add_text (bindings, sql, " AND r.day >= ?", query->from_day);
      if (query->to_day != NULL)
        add_text (bindings, sql, " AND r.day <= ?", query->to_day);
    }
  if (query->operator_id != NULL)
    add_text (bindings, sql, " AND r.operator_id = ?", query->operator_id);
  if (query->status_mask != 0)
    {
      const char *separator = "";

      /* The status names are the desk's own constants, never user input. */
      g_string_append (sql, " AND " EMITRA_RECEIPT_CURRENT_STATUS " IN (");
      for (guint i = 0; i < EMITRA_RECEIPT_N_STATUSES; i++)
        if (query->status_mask & (1u << i))
          {
            g_string_append_printf (sql, "%s'%s'", separator,
                                    emitra_receipt_status_to_string ((EmitraReceiptStatus) i));
            separator = ", ";
          }
      g_string_append (sql, ")");
    }
  g_string_append (sql, one_day ? " ORDER BY r.id" : " ORDER BY r.id DESC");
  add_int (bindings, sql, " LIMIT ?",
           query->limit > 0 ? (gint64) query->limit : EMITRA_RECEIPT_STORE_DEFAULT_LIMIT);

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < bindings->len; i++)
    {
      Binding *binding = &g_array_index (bindings, Binding, i);

      if (binding->is_int)
        sqlite3_bind_int64 (stmt, (int) i + 1, binding->number);
      else
        sqlite3_bind_text (stmt, (int) i + 1, binding->text, -1, SQLITE_STATIC);
    }

  found = collect_rows (self, stmt, error);
  sqlite3_finalize (stmt);
  return found;
}

/* A receipt's status history, oldest first. The status it was issued with
 * comes first, as an event numbered 0 with the receipt's own hash; a
 * receipt of format 1 has that first event in receipt_events instead. */
GPtrArray *
emitra_receipt_store_list_events (EmitraReceiptStore  *self,
                                  gint64               receipt_no,
                                  GError             **error)
{
  g_autoptr(GPtrArray) events = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EMITRA_IS_RECEIPT_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT 0, r.status, NULL, '', r.created_at, r.hash FROM receipts r"
                  " WHERE r.receipt_no = ?1 AND r.status IS NOT NULL"
                  " UNION ALL"
                  " SELECT e.id, e.status, e.transaction_id, e.reason, e.at, e.hash"
                  " FROM receipt_events e JOIN receipts r ON r.id = e.receipt_id"
                  " WHERE r.receipt_no = ?1 ORDER BY 1",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, receipt_no);

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) emitra_receipt_event_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmitraReceiptEvent *event = g_new0 (EmitraReceiptEvent, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      if (!emitra_receipt_status_from_string ((const char *) sqlite3_column_text (stmt, 1),
                                              &event->status))
        event->status = EMITRA_RECEIPT_STATUS_PROVISIONAL;
      event->transaction_id = dup_column (stmt, 2);
      event->reason = dup_column (stmt, 3);
      event->at = sqlite3_column_int64 (stmt, 4);
      event->hash = dup_column (stmt, 5);
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    g_clear_pointer (&events, g_ptr_array_unref);
  emitra_database_set_error (sqlite3_db_handle (stmt), rc, error);
  sqlite3_finalize (stmt);

  return g_steal_pointer (&events);
}
