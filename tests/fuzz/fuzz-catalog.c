/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the catalog loader, fed the bytes a gateway (or a
 * damaged disk) might hand it. Any input must end as a catalog that holds
 * together or a GError, never a crash, a critical or a leak. A catalog that
 * loads is walked the way the catalog page and the search walk it.
 */
#include "config.h"

#include "emitra-catalog.h"
#include "emitra-form-schema.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
walk (EmitraCatalog *catalog)
{
  GListModel *services = emitra_catalog_get_services (catalog);
  guint n = g_list_model_get_n_items (services);

  (void) emitra_catalog_get_version (catalog);
  for (guint i = 0; i < n && i < 32; i++)
    {
      g_autoptr(EmitraService) service = g_list_model_get_item (services, i);
      const char *id = emitra_service_get_id (service);

      JsonObject *form = emitra_service_get_form (service);

      /* Every service the loader accepted can be found again by its ID. */
      g_assert_true (emitra_catalog_lookup_service (catalog, id) != NULL);
      if (form != NULL && i < 8)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(EmitraFormSchema) schema = emitra_form_schema_new (form, emitra_catalog_get_field_groups (catalog),
                                                                      &error);

          g_assert_true ((schema == NULL) == (error != NULL));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (emitra_catalog_get_districts (catalog)) && i < 64; i++)
    {
      g_autoptr(EmitraDistrict) district = g_list_model_get_item (emitra_catalog_get_districts (catalog), i);

      g_assert_true (emitra_catalog_lookup_district (catalog, emitra_district_get_id (district)) != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraCatalog) catalog = NULL;

  catalog = emitra_catalog_new_from_bytes (bytes, &error);
  if (catalog == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == EMITRA_CATALOG_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_null (error);
  walk (catalog);
  return 0;
}
