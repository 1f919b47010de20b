/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service catalog in memory: the merged document of docs/catalog.md
 * (catalog.json with masters.json as its "masters" member) read into
 * GListStores of departments, categories, services, divisions and
 * districts, with look-ups by ID. The services are read as a stream
 * (emitra-catalog-services.c): a catalog of 10,000 services is read and
 * checked in a fraction of what building a json-glib tree of it costs.
 *
 * Parsing is validation: a catalog is either complete or refused as a
 * whole. Every service must name a department and category that exist,
 * carry both languages, list complete documents, and have a form whose
 * field groups exist, whose field IDs are unique and whose district
 * fields have a district list to choose from. A document that fails
 * any check is refused with an error saying where, so the desk keeps the
 * catalog it has rather than showing a half one.
 */
#include "config.h"

#include "emitra-catalog.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "emitra-catalog-private.h"
#include "emitra-json.h"
#include "emitra-json-reader.h"

G_DEFINE_QUARK (emitra-catalog-error-quark, emitra_catalog_error)

struct _EmitraCatalog
{
  GObject      parent_instance;

  GBytes      *document;
  char        *version;
  JsonObject  *field_groups;
  GListStore  *departments;
  GListStore  *categories;
  GListStore  *services;
  GListStore  *divisions;
  GListStore  *districts;
  GHashTable  *by_id[5];  /* indexed by Kind: borrowed ID -> borrowed object */
};

G_DEFINE_FINAL_TYPE (EmitraCatalog, emitra_catalog, G_TYPE_OBJECT)

typedef enum {
  KIND_DEPARTMENT,
  KIND_CATEGORY,
  KIND_SERVICE,
  KIND_DIVISION,
  KIND_DISTRICT,
} Kind;

/* @section is a path prefix: "" for the top level, "masters/" inside the
 * master data. */
static const char *
section_name (const char *section)
{
  /* Translators: where in the catalog's data a missing list should be. */
  return section[0] != '\0' ? section : _("the top level");
}

typedef gpointer (*ParseFunc) (JsonObject *object, const char *where, GError **error);
typedef const char *(*IdFunc) (gpointer object);

/* Parses one of the small lists (departments, categories, divisions,
 * districts) into @store, refusing duplicate IDs and an empty list. */
static gboolean
parse_list (EmitraCatalog  *self,
            JsonNode       *node,
            const char     *member,
            const char     *section,
            Kind            kind,
            ParseFunc       parse,
            IdFunc          get_id,
            GListStore     *store,
            GError        **error)
{
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_ABSENT, member, section_name (section));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, member, section_name (section));

  array = json_node_get_array (node);
  if ((n = json_array_get_length (array)) == 0)
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_BLANK, member, section_name (section));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s%s/%u", section, member, i);
      JsonObject *object = emitra_json_array_get_object (array, i, NULL);
      g_autoptr(GObject) item = NULL;

      if (object == NULL)
        return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, member, section_name (section));
      if ((item = parse (object, where, error)) == NULL)
        return FALSE;
      if (g_hash_table_contains (self->by_id[kind], get_id (item)))
        {
          _emitra_catalog_set_duplicate (error, get_id (item), member);
          return FALSE;
        }
      g_hash_table_insert (self->by_id[kind], (gpointer) get_id (item), item);
      g_list_store_append (store, item);
    }

  return TRUE;
}

static gboolean
parse_masters (EmitraCatalog  *self,
               JsonObject     *masters,
               GError        **error)
{
  guint n;

  if (!parse_list (self, json_object_get_member (masters, "divisions"), "divisions", "masters/", KIND_DIVISION,
                   (ParseFunc) emitra_division_new_from_json, (IdFunc) emitra_division_get_id,
                   self->divisions, error) ||
      !parse_list (self, json_object_get_member (masters, "districts"), "districts", "masters/", KIND_DISTRICT,
                   (ParseFunc) emitra_district_new_from_json, (IdFunc) emitra_district_get_id,
                   self->districts, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraDistrict) district = g_list_model_get_item (G_LIST_MODEL (self->districts), i);
      const char *division = emitra_district_get_division_id (district);

      if (!g_hash_table_contains (self->by_id[KIND_DIVISION], division))
        {
          g_autofree char *where = g_strdup_printf ("masters/districts/%s", emitra_district_get_id (district));
          _emitra_catalog_set_unknown_reference (error, "division", where, division);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_field_groups (EmitraCatalog    *self,
                   EmitraCatalogMembers *members,
                   EmitraFormRules  *rules,
                   GError          **error)
{
  g_autoptr(JsonNode) node = _emitra_catalog_member_node (members, EMITRA_CATALOG_MEMBER_FIELD_GROUPS);
  EmitraJsonCursor cursor;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_ABSENT, "field_groups", section_name (""));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "field_groups", section_name (""));

  json_node_seal (node);
  self->field_groups = json_object_ref (json_node_get_object (node));

  _emitra_catalog_member_cursor (members, EMITRA_CATALOG_MEMBER_FIELD_GROUPS, &cursor);
  return _emitra_catalog_check_field_groups (&cursor, rules, error);
}

static gboolean
read_services (EmitraCatalog          *self,
               EmitraCatalogMembers   *members,
               const EmitraFormRules  *rules,
               GError                **error)
{
  if (!members->present[EMITRA_CATALOG_MEMBER_SERVICES])
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_ABSENT, "services", section_name (""));

  return _emitra_catalog_read_services (members, self->document, rules, self->by_id[KIND_DEPARTMENT],
                                        self->by_id[KIND_CATEGORY], self->by_id[KIND_SERVICE],
                                        self->services, error);
}

/* Reads @document (the merged catalog), or, with @masters, a catalog.json
 * whose master data comes separately (the bundled files). */
static EmitraCatalog *
read_catalog (GBytes      *document,
              JsonObject  *masters,
              GError     **error)
{
  g_autoptr(EmitraCatalog) self = NULL;
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GHashTable) group_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  g_autoptr(JsonNode) departments = NULL;
  g_autoptr(JsonNode) categories = NULL;
  g_autoptr(JsonNode) masters_node = NULL;
  EmitraFormRules rules = { group_ids, FALSE };
  EmitraCatalogMembers members = { NULL, { 0 }, { 0 }, { FALSE }, scratch };
  EmitraJsonCursor cursor;
  EmitraValueState state = EMITRA_VALUE_ABSENT;
  gsize size;
  const char *data = g_bytes_get_data (document, &size);

  if (size > EMITRA_CATALOG_MAX_BYTES)
    {
      g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_CORRUPT,
                   _("The service catalog could not be read: %s"), _("it is too large"));
      return NULL;
    }
  if (!_emitra_catalog_index_members (data != NULL ? data : "", size, &members, error))
    return NULL;

  self = g_object_new (EMITRA_TYPE_CATALOG, NULL);
  self->document = g_bytes_ref (document);

  if (members.present[EMITRA_CATALOG_MEMBER_VERSION])
    {
      _emitra_catalog_member_cursor (&members, EMITRA_CATALOG_MEMBER_VERSION, &cursor);
      _emitra_catalog_read_text (&cursor, &self->version, &state);
    }
  if (state != EMITRA_VALUE_OK)
    {
      _emitra_catalog_set_state_error (error, state, "version", section_name (""));
      return NULL;
    }

  departments = _emitra_catalog_member_node (&members, EMITRA_CATALOG_MEMBER_DEPARTMENTS);
  categories = _emitra_catalog_member_node (&members, EMITRA_CATALOG_MEMBER_CATEGORIES);
  if (!parse_list (self, departments, "departments", "", KIND_DEPARTMENT,
                   (ParseFunc) emitra_department_new_from_json, (IdFunc) emitra_department_get_id,
                   self->departments, error) ||
      !parse_list (self, categories, "categories", "", KIND_CATEGORY,
                   (ParseFunc) emitra_category_new_from_json, (IdFunc) emitra_category_get_id,
                   self->categories, error))
    return NULL;

  if (masters == NULL)
    {
      masters_node = _emitra_catalog_member_node (&members, EMITRA_CATALOG_MEMBER_MASTERS);
      if (masters_node == NULL || JSON_NODE_HOLDS_NULL (masters_node) || !JSON_NODE_HOLDS_OBJECT (masters_node))
        {
          _emitra_catalog_set_state_error (error,
                                           masters_node == NULL || JSON_NODE_HOLDS_NULL (masters_node)
                                             ? EMITRA_VALUE_ABSENT : EMITRA_VALUE_WRONG,
                                           "masters", section_name (""));
          return NULL;
        }
      masters = json_node_get_object (masters_node);
    }
  if (!parse_masters (self, masters, error))
    return NULL;

  rules.have_districts = g_list_model_get_n_items (G_LIST_MODEL (self->districts)) > 0;
  if (!read_field_groups (self, &members, &rules, error) ||
      !read_services (self, &members, &rules, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The merged document as the gateway serves it and the desk caches it. A
 * truncated download fails here, as JSON that does not parse. */
EmitraCatalog *
emitra_catalog_new_from_bytes (GBytes  *document,
                               GError **error)
{
  g_return_val_if_fail (document != NULL, NULL);

  return read_catalog (document, NULL, error);
}

/* The merged document as a json-glib object. */
EmitraCatalog *
emitra_catalog_new_from_object (JsonObject  *document,
                                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_return_val_if_fail (document != NULL, NULL);

  root = json_node_init_object (json_node_alloc (), document);
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new_take (text, strlen (text));
  return read_catalog (bytes, NULL, error);
}

static JsonObject *
read_object_file (const char  *path,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) object = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_NOT_FOUND,
                   _("The service catalog could not be read: %s"), local_error->message);
      return NULL;
    }

  object = emitra_json_reader_parse_object (contents, length, &local_error);
  if (object == NULL)
    {
      g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_CORRUPT,
                   /* Translators: %s is a file name, then the reason. */
                   _("The service catalog in %s could not be read: %s"), path, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&object);
}

/* The bundled files, read as if merged: catalog.json with masters.json's
 * object as its "masters". */
EmitraCatalog *
emitra_catalog_new_from_files (const char  *catalog_path,
                               const char  *masters_path,
                               GError     **error)
{
  g_autoptr(JsonObject) masters = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) catalog = NULL;
  char *contents;
  gsize length;

  g_return_val_if_fail (catalog_path != NULL && masters_path != NULL, NULL);

  if ((masters = read_object_file (masters_path, error)) == NULL)
    return NULL;
  if (!g_file_get_contents (catalog_path, &contents, &length, &local_error))
    {
      g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_NOT_FOUND,
                   _("The service catalog could not be read: %s"), local_error->message);
      return NULL;
    }
  catalog = g_bytes_new_take (contents, length);

  return read_catalog (catalog, masters, error);
}

/* The bundled files merged as the gateway merges them: catalog.json's
 * object with masters.json's as its "masters" member, serialised. */
GBytes *
emitra_catalog_merge_files (const char  *catalog_path,
                            const char  *masters_path,
                            GError     **error)
{
  g_autoptr(JsonObject) catalog = NULL;
  g_autoptr(JsonObject) masters = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  char *text;

  g_return_val_if_fail (catalog_path != NULL && masters_path != NULL, NULL);

  if ((catalog = read_object_file (catalog_path, error)) == NULL ||
      (masters = read_object_file (masters_path, error)) == NULL)
    return NULL;

  /* The parser's objects are immutable, so the merged one is built anew. */
  json_builder_begin_object (builder);
  json_object_iter_init (&iter, catalog);
  while (json_object_iter_next (&iter, &member, &node))
    if (!g_str_equal (member, "masters"))
      {
        json_builder_set_member_name (builder, member);
        json_builder_add_value (builder, json_node_copy (node));
      }
  json_builder_set_member_name (builder, "masters");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), masters));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = emitra_json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

const char *
emitra_catalog_get_version (EmitraCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG (self), NULL);

  return self->version;
}

/* A list of EmitraService, in the catalog's order. */
GListModel *
emitra_catalog_get_services (EmitraCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->services);
}

GListModel *
emitra_catalog_get_departments (EmitraCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->departments);
}

GListModel *
emitra_catalog_get_categories (EmitraCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->categories);
}

GListModel *
emitra_catalog_get_divisions (EmitraCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->divisions);
}

GListModel *
emitra_catalog_get_districts (EmitraCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->districts);
}

/* The "field_groups" object: group name -> array of fields. */
JsonObject *
emitra_catalog_get_field_groups (EmitraCatalog *self)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG (self), NULL);

  return self->field_groups;
}

JsonArray *
emitra_catalog_get_field_group (EmitraCatalog *self,
                                const char    *name)
{
  g_return_val_if_fail (EMITRA_IS_CATALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return emitra_json_get_array (self->field_groups, name, NULL);
}

#define DEFINE_LOOKUP(Type, type, KIND)                                 \
  Type *                                                                \
  emitra_catalog_lookup_##type (EmitraCatalog *self,                    \
                                const char    *id)                      \
  {                                                                     \
    g_return_val_if_fail (EMITRA_IS_CATALOG (self), NULL);              \
                                                                        \
    return id != NULL ? g_hash_table_lookup (self->by_id[KIND], id) : NULL; \
  }

DEFINE_LOOKUP (EmitraService, service, KIND_SERVICE)
DEFINE_LOOKUP (EmitraDepartment, department, KIND_DEPARTMENT)
DEFINE_LOOKUP (EmitraCategory, category, KIND_CATEGORY)
DEFINE_LOOKUP (EmitraDivision, division, KIND_DIVISION)
DEFINE_LOOKUP (EmitraDistrict, district, KIND_DISTRICT)

/* Orders catalog versions such as "2026.11.1" part by part, numerically
 * where both parts are numbers: "2026.11.10" is newer than "2026.11.9". */
int
emitra_catalog_compare_versions (const char *a,
                                 const char *b)
{
  g_auto(GStrv) pa = g_strsplit_set (a != NULL ? a : "", ".-", -1);
  g_auto(GStrv) pb = g_strsplit_set (b != NULL ? b : "", ".-", -1);
  guint i;

  for (i = 0; pa[i] != NULL && pb[i] != NULL; i++)
    {
      guint64 na, nb;
      gboolean numeric = g_ascii_string_to_unsigned (pa[i], 10, 0, G_MAXUINT64, &na, NULL) &&
                         g_ascii_string_to_unsigned (pb[i], 10, 0, G_MAXUINT64, &nb, NULL);
      int cmp = numeric ? (na > nb) - (na < nb) : strcmp (pa[i], pb[i]);

      if (cmp != 0)
        return cmp;
    }

  return (pa[i] != NULL) - (pb[i] != NULL);
}

static void
emitra_catalog_finalize (GObject *object)
{
  EmitraCatalog *self = EMITRA_CATALOG (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->by_id); i++)
    g_clear_pointer (&self->by_id[i], g_hash_table_unref);
  g_clear_object (&self->departments);
  g_clear_object (&self->categories);
  g_clear_object (&self->services);
  g_clear_object (&self->divisions);
  g_clear_object (&self->districts);
  g_clear_pointer (&self->field_groups, json_object_unref);
  g_clear_pointer (&self->document, g_bytes_unref);
  g_free (self->version);

  G_OBJECT_CLASS (emitra_catalog_parent_class)->finalize (object);
}

static void
emitra_catalog_class_init (EmitraCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = emitra_catalog_finalize;
}

static void
emitra_catalog_init (EmitraCatalog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->by_id); i++)
    self->by_id[i] = g_hash_table_new (g_str_hash, g_str_equal);
  self->departments = g_list_store_new (EMITRA_TYPE_DEPARTMENT);
  self->categories = g_list_store_new (EMITRA_TYPE_CATEGORY);
  self->services = g_list_store_new (EMITRA_TYPE_SERVICE);
  self->divisions = g_list_store_new (EMITRA_TYPE_DIVISION);
  self->districts = g_list_store_new (EMITRA_TYPE_DISTRICT);
}
