/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people the sandbox knows, read from the JSON files of data/sandbox at start-up
 * and never written: demo operators and supervisors, kiosks, and Jan
 * Aadhaar families. (What changes, wallets, bills and transactions, lives
 * in the SQLite store.)
 *
 * The seed keeps only the last four digits of each Aadhaar number, so a
 * full number exists nowhere in the sandbox: not in data, memory, replies
 * or logs. Ages are computed from the date of birth on the day of the
 * request, so the demo families do not grow stale.
 */
#include "config.h"

#include "emitra-sandbox-directory.h"

#include "emitra-json.h"

#include <stdio.h>
#include <string.h>

#define MAX_SEED_BYTES (4 * 1024 * 1024)

struct _EmitraSandboxDirectory
{
  GObject     parent_instance;

  JsonObject *operators_file;
  JsonObject *kiosks_file;
  JsonObject *families_file;
  GHashTable *operators_by_sso;  /* sso_id -> JsonObject (borrowed) */
  GHashTable *operators_by_id;   /* operator_id -> JsonObject (borrowed) */
  GHashTable *kiosks;            /* code -> JsonObject (borrowed) */
  GHashTable *families;          /* family_id -> JsonObject (borrowed) */
  JsonObject *relations;         /* code -> [en, hi] */
};

G_DEFINE_FINAL_TYPE (EmitraSandboxDirectory, emitra_sandbox_directory, G_TYPE_OBJECT)

static JsonObject *
load_seed (const char  *dir,
           const char  *name,
           GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  JsonObject *object;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  object = emitra_json_parse_object (contents, (gssize) length, MAX_SEED_BYTES, error);
  if (object == NULL)
    g_prefix_error (error, "%s: ", path);
  return object;
}

/* Indexes @array_member of @file by the string @key of each element. */
static gboolean
index_by (JsonObject  *file,
          const char  *array_member,
          const char  *key,
          GHashTable  *table,
          GError     **error)
{
  JsonArray *array = emitra_json_get_array (file, array_member, error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = emitra_json_array_get_object (array, i, error);
      const char *value;

      if (item == NULL)
        return FALSE;
      value = emitra_json_get_string (item, key, error);
      if (value == NULL)
        return FALSE;
      g_hash_table_replace (table, (gpointer) value, item);
    }
  return TRUE;
}

EmitraSandboxDirectory *
emitra_sandbox_directory_load (const char  *seed_dir,
                               GError     **error)
{
  g_autoptr(EmitraSandboxDirectory) self = g_object_new (EMITRA_TYPE_SANDBOX_DIRECTORY, NULL);

  self->operators_file = load_seed (seed_dir, "operators.json", error);
  if (self->operators_file == NULL)
    return NULL;
  self->kiosks_file = load_seed (seed_dir, "kiosks.json", error);
  if (self->kiosks_file == NULL)
    return NULL;
  self->families_file = load_seed (seed_dir, "families.json", error);
  if (self->families_file == NULL)
    return NULL;

  if (!index_by (self->operators_file, "operators", "sso_id", self->operators_by_sso, error) ||
      !index_by (self->operators_file, "operators", "operator_id", self->operators_by_id, error) ||
      !index_by (self->kiosks_file, "kiosks", "code", self->kiosks, error) ||
      !index_by (self->families_file, "families", "family_id", self->families, error))
    return NULL;

  self->relations = emitra_json_get_object (self->families_file, "relations", error);
  if (self->relations == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

JsonObject *
emitra_sandbox_directory_find_operator (EmitraSandboxDirectory *self,
                                        const char             *sso_id)
{
  return g_hash_table_lookup (self->operators_by_sso, sso_id);
}

JsonObject *
emitra_sandbox_directory_get_operator (EmitraSandboxDirectory *self,
                                       const char             *operator_id)
{
  return g_hash_table_lookup (self->operators_by_id, operator_id);
}

/* Compares in time independent of where the strings differ, as a real
 * gateway must; the sandbox sets the example. */
gboolean
emitra_sandbox_directory_check_password (JsonObject *operator_,
                                         const char *password)
{
  const char *expected = emitra_json_get_string_or (operator_, "password", "");
  g_autofree char *a = g_compute_checksum_for_string (G_CHECKSUM_SHA256, expected, -1);
  g_autofree char *b = g_compute_checksum_for_string (G_CHECKSUM_SHA256, password, -1);
  guint diff = 0;

  for (gsize i = 0; a[i] != '\0' && b[i] != '\0'; i++)
    diff |= (guint) (a[i] ^ b[i]);
  return diff == 0 && expected[0] != '\0';
}

gboolean
emitra_sandbox_directory_operator_serves (JsonObject *operator_,
                                          const char *kiosk_code)
{
  JsonArray *kiosks = emitra_json_get_array_or_empty (operator_, "kiosks", NULL);

  for (guint i = 0; kiosks != NULL && i < json_array_get_length (kiosks); i++)
    if (g_strcmp0 (emitra_json_array_get_string (kiosks, i, NULL), kiosk_code) == 0)
      return TRUE;
  return FALSE;
}

static void
copy_string (JsonObject *to,
             JsonObject *from,
             const char *member)
{
  json_object_set_string_member (to, member, emitra_json_get_string_or (from, member, ""));
}

JsonObject *
emitra_sandbox_directory_operator_json (JsonObject *operator_)
{
  JsonObject *object = json_object_new ();

  copy_string (object, operator_, "operator_id");
  copy_string (object, operator_, "sso_id");
  copy_string (object, operator_, "name_en");
  copy_string (object, operator_, "name_hi");
  copy_string (object, operator_, "role");
  return object;
}

JsonObject *
emitra_sandbox_directory_get_kiosk (EmitraSandboxDirectory *self,
                                    const char             *kiosk_code)
{
  return g_hash_table_lookup (self->kiosks, kiosk_code);
}

JsonArray *
emitra_sandbox_directory_get_kiosks (EmitraSandboxDirectory *self)
{
  return emitra_json_get_array (self->kiosks_file, "kiosks", NULL);
}

JsonObject *
emitra_sandbox_directory_kiosk_json (JsonObject *kiosk)
{
  static const char * const members[] = {
    "code", "name_en", "name_hi", "district", "district_en", "district_hi",
    "tehsil", "tehsil_en", "tehsil_hi",
  };
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    copy_string (object, kiosk, members[i]);
  return object;
}

JsonObject *
emitra_sandbox_directory_get_family (EmitraSandboxDirectory *self,
                                     const char             *family_id)
{
  return g_hash_table_lookup (self->families, family_id);
}

static guint
age_on (const char *date_of_birth,
        GDate      *today)
{
  int year, month, day;
  int age;

  if (date_of_birth == NULL || sscanf (date_of_birth, "%d-%d-%d", &year, &month, &day) != 3)
    return 0;
  age = g_date_get_year (today) - year;
  if ((int) g_date_get_month (today) < month ||
      ((int) g_date_get_month (today) == month && g_date_get_day (today) < day))
    age--;
  return (guint) MAX (age, 0);
}

char *
emitra_sandbox_mask_mobile (const char *mobile)
{
  gsize length = mobile != NULL ? strlen (mobile) : 0;

  if (length < 4)
    return g_strdup ("XXXXXXXXXX");
  return g_strdup_printf ("XXXXXX%s", mobile + length - 4);
}

static void
add_member_summary (EmitraSandboxDirectory *self,
                    JsonObject             *to,
                    JsonObject             *family,
                    JsonObject             *member,
                    guint                   index,
                    GDate                  *today)
{
  const char *relation = emitra_json_get_string_or (member, "relation", "other");
  JsonArray *labels = emitra_json_get_array_or_empty (self->relations, relation, NULL);
  g_autofree char *member_id = g_strdup_printf ("%s%u", emitra_json_get_string_or (family, "family_id", ""), index + 1);
  g_autofree char *aadhaar = g_strdup_printf ("XXXX XXXX %s", emitra_json_get_string_or (member, "aadhaar_last4", "0000"));

  json_object_set_string_member (to, "member_id", member_id);
  copy_string (to, member, "name_en");
  copy_string (to, member, "name_hi");
  json_object_set_string_member (to, "relation", relation);
  json_object_set_string_member (to, "relation_en",
                                 labels != NULL ? emitra_json_array_get_string (labels, 0, NULL) : relation);
  json_object_set_string_member (to, "relation_hi",
                                 labels != NULL ? emitra_json_array_get_string (labels, 1, NULL) : relation);
  copy_string (to, member, "gender");
  json_object_set_int_member (to, "age", age_on (emitra_json_get_string_or (member, "date_of_birth", NULL), today));
  json_object_set_string_member (to, "aadhaar_masked", aadhaar);
}

JsonObject *
emitra_sandbox_directory_family_json (EmitraSandboxDirectory *self,
                                      JsonObject             *family,
                                      GDate                  *today)
{
  JsonObject *object = json_object_new ();
  JsonObject *address = emitra_json_get_object (family, "address", NULL);
  JsonArray *members = emitra_json_get_array_or_empty (family, "members", NULL);
  JsonArray *out = json_array_new ();
  g_autofree char *mobile = emitra_sandbox_mask_mobile (emitra_json_get_string_or (family, "mobile", NULL));

  copy_string (object, family, "family_id");
  json_object_set_string_member (object, "mobile_masked", mobile);
  json_object_set_string_member (object, "district",
                                 address != NULL ? emitra_json_get_string_or (address, "district", "") : "");
  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      JsonObject *member = emitra_json_array_get_object (members, i, NULL);
      JsonObject *summary = json_object_new ();

      if (member == NULL)
        continue;
      add_member_summary (self, summary, family, member, i, today);
      json_array_add_object_element (out, summary);
    }
  json_object_set_array_member (object, "members", out);
  return object;
}

JsonObject *
emitra_sandbox_directory_member_record (EmitraSandboxDirectory *self,
                                        JsonObject             *family,
                                        guint                   index,
                                        GDate                  *today)
{
  JsonArray *members = emitra_json_get_array_or_empty (family, "members", NULL);
  JsonObject *member = members != NULL ? emitra_json_array_get_object (members, index, NULL) : NULL;
  JsonObject *address = emitra_json_get_object (family, "address", NULL);
  JsonObject *record;

  if (member == NULL)
    return NULL;

  record = json_object_new ();
  add_member_summary (self, record, family, member, index, today);
  copy_string (record, family, "family_id");
  copy_string (record, member, "father_name_en");
  copy_string (record, member, "father_name_hi");
  copy_string (record, member, "date_of_birth");
  copy_string (record, family, "mobile");
  copy_string (record, family, "category");
  if (address != NULL)
    json_object_set_object_member (record, "address", json_object_ref (address));
  return record;
}

gboolean
emitra_sandbox_directory_member_index (JsonObject *family,
                                       const char *member_id,
                                       guint      *out_index)
{
  const char *family_id = emitra_json_get_string_or (family, "family_id", "");
  JsonArray *members = emitra_json_get_array_or_empty (family, "members", NULL);
  gsize length = strlen (family_id);
  guint64 index;

  if (member_id == NULL || !g_str_has_prefix (member_id, family_id) || strlen (member_id) != length + 1 ||
      !g_ascii_string_to_unsigned (member_id + length, 10, 1, 9, &index, NULL) ||
      members == NULL || index > json_array_get_length (members))
    return FALSE;

  *out_index = (guint) index - 1;
  return TRUE;
}

static void
emitra_sandbox_directory_finalize (GObject *object)
{
  EmitraSandboxDirectory *self = EMITRA_SANDBOX_DIRECTORY (object);

  g_clear_pointer (&self->operators_by_sso, g_hash_table_unref);
  g_clear_pointer (&self->operators_by_id, g_hash_table_unref);
  g_clear_pointer (&self->kiosks, g_hash_table_unref);
  g_clear_pointer (&self->families, g_hash_table_unref);
  g_clear_pointer (&self->operators_file, json_object_unref);
  g_clear_pointer (&self->kiosks_file, json_object_unref);
  g_clear_pointer (&self->families_file, json_object_unref);

  G_OBJECT_CLASS (emitra_sandbox_directory_parent_class)->finalize (object);
}

static void
emitra_sandbox_directory_class_init (EmitraSandboxDirectoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_sandbox_directory_finalize;
}

static void
emitra_sandbox_directory_init (EmitraSandboxDirectory *self)
{
  self->operators_by_sso = g_hash_table_new (g_str_hash, g_str_equal);
  self->operators_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->kiosks = g_hash_table_new (g_str_hash, g_str_equal);
  self->families = g_hash_table_new (g_str_hash, g_str_equal);
}
