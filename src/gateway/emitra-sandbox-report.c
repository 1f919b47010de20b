/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The centre's daily summary across all its desks (GET /v1/reports/daily):
 * totals, and the same sums by operator, by desk and by service. The
 * `day` column holds each transaction's IST date, so a day is one index
 * range. Cancelled transactions are counted apart and left out of sums.
 */
#include "config.h"

#include "emitra-sandbox-store-private.h"

#include "emitra-json.h"
#include "emitra-sandbox-error.h"

/* @column is one of our fixed column names, never input. */
static JsonArray *
group_by (EmitraSandboxStore  *self,
          const char          *column,
          const char          *member,
          const char          *kiosk_code,
          const char          *date,
          GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s, count(*), sum(department_fee), sum(service_charge)"
                                          " FROM transactions WHERE kiosk_code = ? AND day = ?"
                                          " AND cancelled_at IS NULL GROUP BY %s ORDER BY %s",
                                          column, column, column);
  g_autoptr(EmitraSandboxStmt) stmt = _emitra_sandbox_store_prepare (self, sql, error);
  g_autoptr(JsonArray) array = json_array_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kiosk_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *item = json_object_new ();
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      json_object_set_string_member (item, member, key);
      if (g_str_equal (member, "operator_id"))
        {
          JsonObject *operator_ = emitra_sandbox_directory_get_operator (self->directory, key);
          json_object_set_string_member (item, "name_en", operator_ != NULL ? emitra_json_get_string_or (operator_, "name_en", key) : key);
          json_object_set_string_member (item, "name_hi", operator_ != NULL ? emitra_json_get_string_or (operator_, "name_hi", key) : key);
        }
      else if (g_str_equal (member, "service_id"))
        {
          const EmitraSandboxService *service = emitra_sandbox_catalog_lookup (self->catalog, key);
          json_object_set_string_member (item, "name_en", service != NULL ? service->name_en : key);
          json_object_set_string_member (item, "name_hi", service != NULL ? service->name_hi : key);
        }
      json_object_set_int_member (item, "count", sqlite3_column_int64 (stmt, 1));
      json_object_set_int_member (item, "department_fees", sqlite3_column_int64 (stmt, 2));
      json_object_set_int_member (item, "service_charges", sqlite3_column_int64 (stmt, 3));
      json_array_add_object_element (array, item);
    }
  if (!_emitra_sandbox_store_fail (self, rc, error))
    return NULL;
  return g_steal_pointer (&array);
}

static JsonObject *
totals (EmitraSandboxStore  *self,
        const char          *kiosk_code,
        const char          *date,
        GError             **error)
{
  g_autoptr(EmitraSandboxStmt) stmt = NULL;
  JsonObject *object;
  gint64 fees, charges;

  stmt = _emitra_sandbox_store_prepare (self,
                                        "SELECT count(*) FILTER (WHERE cancelled_at IS NULL),"
                                        " count(*) FILTER (WHERE cancelled_at IS NOT NULL),"
                                        " coalesce(sum(department_fee) FILTER (WHERE cancelled_at IS NULL), 0),"
                                        " coalesce(sum(service_charge) FILTER (WHERE cancelled_at IS NULL), 0)"
                                        " FROM transactions WHERE kiosk_code = ? AND day = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kiosk_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  if (!_emitra_sandbox_store_fail (self, sqlite3_step (stmt), error))
    return NULL;

  fees = sqlite3_column_int64 (stmt, 2);
  charges = sqlite3_column_int64 (stmt, 3);
  object = json_object_new ();
  json_object_set_int_member (object, "count", sqlite3_column_int64 (stmt, 0));
  json_object_set_int_member (object, "cancelled", sqlite3_column_int64 (stmt, 1));
  json_object_set_int_member (object, "department_fees", fees);
  json_object_set_int_member (object, "service_charges", charges);
  json_object_set_int_member (object, "total", fees + charges);
  return object;
}

JsonObject *
emitra_sandbox_store_daily_report (EmitraSandboxStore  *self,
                                   const char          *kiosk_code,
                                   const char          *date,
                                   GError             **error)
{
  static const struct { const char *column, *member, *key; } groups[] = {
    { "operator_id", "operator_id", "by_operator" },
    { "desk_id", "desk_id", "by_desk" },
    { "service_id", "service_id", "by_service" },
  };
  g_autoptr(JsonObject) report = json_object_new ();
  JsonObject *sums;

  g_return_val_if_fail (EMITRA_IS_SANDBOX_STORE (self), NULL);

  json_object_set_string_member (report, "kiosk_code", kiosk_code);
  json_object_set_string_member (report, "date", date);
  sums = totals (self, kiosk_code, date, error);
  if (sums == NULL)
    return NULL;
  json_object_set_object_member (report, "totals", sums);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      JsonArray *array = group_by (self, groups[i].column, groups[i].member, kiosk_code, date, error);
      if (array == NULL)
        return NULL;
      json_object_set_array_member (report, groups[i].key, array);
    }
  return g_steal_pointer (&report);
}
