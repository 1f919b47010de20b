/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog the sandbox serves: data/catalog/catalog.json with
 * masters.json merged in as "masters" (docs/catalog.md, "The merged
 * document"). It is built once at start-up, so every GET sends the same
 * bytes and the ETag (SHA-256 of exactly those bytes) stays valid for the
 * life of the process. The services' fees and charge rules are kept in
 * a table for pricing transactions.
 */
#include "config.h"

#include "emitra-sandbox-catalog.h"

#include "emitra-json.h"

#include <string.h>

/* Far above the real catalog (about 600 kB); a guard against a runaway file. */
#define MAX_CATALOG_BYTES (32 * 1024 * 1024)

struct _EmitraSandboxCatalog
{
  GObject     parent_instance;

  GBytes     *bytes;
  char       *etag;
  GHashTable *services;   /* id -> EmitraSandboxService */
};

G_DEFINE_FINAL_TYPE (EmitraSandboxCatalog, emitra_sandbox_catalog, G_TYPE_OBJECT)

static void
service_free (gpointer data)
{
  EmitraSandboxService *service = data;

  g_free (service->id);
  g_free (service->name_en);
  g_free (service->name_hi);
  g_free (service->charge_rule);
  g_free (service);
}

/* Reads and parses one file; its text is kept in *out_text. */
static JsonObject *
load_object (const char  *dir,
             const char  *name,
             char       **out_text,
             GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize length = 0;
  JsonObject *object;

  if (!g_file_get_contents (path, out_text, &length, error))
    return NULL;

  object = emitra_json_parse_object (*out_text, (gssize) length, MAX_CATALOG_BYTES, error);
  if (object == NULL)
    g_prefix_error (error, "%s: ", path);
  return object;
}

/* The merged document, built from the two files' own bytes: catalog.json
 * without its closing brace, the "masters" member, the brace. Both were
 * just parsed as objects, so the result is one valid JSON object; and
 * nothing is re-serialised, which keeps start-up quick. */
static char *
merge_texts (const char *catalog,
             const char *masters)
{
  gsize end = strlen (catalog);

  while (end > 0 && g_ascii_isspace (catalog[end - 1]))
    end--;
  g_assert (end > 0 && catalog[end - 1] == '}');
  return g_strdup_printf ("%.*s,\n\"masters\": %s}\n", (int) end - 1, catalog, g_strstrip ((char *) masters));
}

static gboolean
index_services (EmitraSandboxCatalog  *self,
                JsonObject            *catalog,
                GError               **error)
{
  JsonArray *services = emitra_json_get_array (catalog, "services", error);

  if (services == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *object = emitra_json_array_get_object (services, i, error);
      EmitraSandboxService *service;
      const char *id;

      if (object == NULL)
        return FALSE;
      id = emitra_json_get_string (object, "id", error);
      if (id == NULL)
        return FALSE;

      service = g_new0 (EmitraSandboxService, 1);
      service->id = g_strdup (id);
      service->name_en = g_strdup (emitra_json_get_string_or (object, "name_en", id));
      service->name_hi = g_strdup (emitra_json_get_string_or (object, "name_hi", service->name_en));
      service->charge_rule = g_strdup (emitra_json_get_string_or (object, "charge_rule", "g2c"));
      service->department_fee = MAX (0, emitra_json_get_int_or (object, "department_fee", 0));
      service->delivery_days = emitra_json_get_int_or (object, "delivery_days", -1);
      service->bill = emitra_json_get_bool_or (object, "bill", FALSE);
      g_hash_table_replace (self->services, service->id, service);
    }

  return TRUE;
}

EmitraSandboxCatalog *
emitra_sandbox_catalog_load (const char  *catalog_dir,
                             GError     **error)
{
  g_autoptr(EmitraSandboxCatalog) self = g_object_new (EMITRA_TYPE_SANDBOX_CATALOG, NULL);
  g_autoptr(JsonObject) catalog = NULL;
  g_autoptr(JsonObject) masters = NULL;
  g_autofree char *catalog_text = NULL;
  g_autofree char *masters_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (catalog_dir != NULL, NULL);

  catalog = load_object (catalog_dir, "catalog.json", &catalog_text, error);
  if (catalog == NULL)
    return NULL;
  masters = load_object (catalog_dir, "masters.json", &masters_text, error);
  if (masters == NULL)
    return NULL;

  if (!index_services (self, catalog, error))
    {
      g_prefix_error (error, "catalog.json: ");
      return NULL;
    }
  if (json_object_has_member (catalog, "masters"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "catalog.json: it has a “masters” member of its own");
      return NULL;
    }

  text = merge_texts (catalog_text, masters_text);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  self->etag = g_strdup_printf ("\"%s\"", digest);
  self->bytes = g_bytes_new_take (text, strlen (text));
  text = NULL;

  return g_steal_pointer (&self);
}

GBytes *
emitra_sandbox_catalog_get_bytes (EmitraSandboxCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_SANDBOX_CATALOG (self), NULL);

  return self->bytes;
}

const char *
emitra_sandbox_catalog_get_etag (EmitraSandboxCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_SANDBOX_CATALOG (self), NULL);

  return self->etag;
}

guint
emitra_sandbox_catalog_get_n_services (EmitraSandboxCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_SANDBOX_CATALOG (self), 0);

  return g_hash_table_size (self->services);
}

const EmitraSandboxService *
emitra_sandbox_catalog_lookup (EmitraSandboxCatalog *self,
                               const char           *service_id)
{
  g_return_val_if_fail (EMITRA_IS_SANDBOX_CATALOG (self), NULL);

  return service_id != NULL ? g_hash_table_lookup (self->services, service_id) : NULL;
}

/* The e-Mitra service charge in paise for one application or bill of
 * @amount paise (docs/catalog.md, charge_rule). An unknown rule charges
 * the common G2C rate rather than nothing: the sandbox must not teach
 * trainees that a service is free when the catalog is newer than it. */
gint64
emitra_sandbox_service_charge (const char *charge_rule,
                               gint64      amount)
{
  if (g_strcmp0 (charge_rule, "g2b") == 0)
    return 10000;
  if (g_strcmp0 (charge_rule, "utility_free") == 0)
    return 0;
  if (g_strcmp0 (charge_rule, "printout_a4") == 0)
    return 1000;
  if (g_strcmp0 (charge_rule, "signed_certificate") == 0)
    return 2000;
  if (g_strcmp0 (charge_rule, "pvc_card") == 0)
    return 3000;
  if (g_strcmp0 (charge_rule, "bill_collection") == 0)
    {
      /* Rs 10 up to Rs 2,000, then Rs 2 for each further Rs 1,000 or part. */
      if (amount <= 200000)
        return 1000;
      return 1000 + 200 * ((amount - 200000 + 99999) / 100000);
    }
  return 5000;
}

static void
emitra_sandbox_catalog_finalize (GObject *object)
{
  EmitraSandboxCatalog *self = EMITRA_SANDBOX_CATALOG (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->services, g_hash_table_unref);
  g_free (self->etag);

  G_OBJECT_CLASS (emitra_sandbox_catalog_parent_class)->finalize (object);
}

static void
emitra_sandbox_catalog_class_init (EmitraSandboxCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_sandbox_catalog_finalize;
}

static void
emitra_sandbox_catalog_init (EmitraSandboxCatalog *self)
{
  self->services = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, service_free);
}
