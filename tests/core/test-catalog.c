/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-catalog.h"
#include "emitra-fee.h"
#include "emitra-text.h"
#include "catalog-test-util.h"

static gboolean
has_devanagari (const char *text)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    if (emitra_text_is_devanagari (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Both languages really there: an English name pasted into name_hi would
 * pass a "not empty" check, so the Hindi must be written in Devanagari. */
static void
assert_bilingual (const char *where,
                  const char *english,
                  const char *hindi)
{
  if (english == NULL || english[0] == '\0' || !has_devanagari (hindi))
    g_error ("%s: English “%s”, Hindi “%s”", where, english ?: "(none)", hindi ?: "(none)");
}

static void
assert_fields_complete (const char    *where,
                        JsonArray     *fields,
                        GHashTable    *ids,
                        EmitraCatalog *catalog)
{
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);
      const char *id = json_object_get_string_member (field, "id");
      const char *type = json_object_get_string_member (field, "type");
      g_autofree char *field_where = g_strdup_printf ("%s/%s", where, id);

      if (!g_hash_table_add (ids, (gpointer) id))
        g_error ("%s: field ID used twice", field_where);
      assert_bilingual (field_where, json_object_get_string_member (field, "label_en"),
                        json_object_get_string_member (field, "label_hi"));
      if (g_str_equal (type, "district"))
        g_assert_cmpuint (g_list_model_get_n_items (emitra_catalog_get_districts (catalog)), >, 0);
      if (g_str_equal (type, "choice"))
        {
          JsonArray *options = json_object_get_array_member (field, "options");

          g_assert_cmpuint (json_array_get_length (options), >, 0);
          for (guint j = 0; j < json_array_get_length (options); j++)
            {
              JsonObject *option = json_array_get_object_element (options, j);
              assert_bilingual (field_where, json_object_get_string_member (option, "label_en"),
                                json_object_get_string_member (option, "label_hi"));
            }
        }
      if (json_object_has_member (field, "pattern_hint_en"))
        assert_bilingual (field_where, json_object_get_string_member (field, "pattern_hint_en"),
                          json_object_get_string_member (field, "pattern_hint_hi"));
    }
}

/* The catalog the desk ships: every service complete in both languages,
 * every reference resolved, every ID unique. The loader refuses anything
 * less; this checks the data independently of the loader's own checks. */
static void
test_catalog_bundled_complete (void)
{
  g_autoptr(EmitraCatalog) catalog = catalog_test_load_bundled ();
  GListModel *services = emitra_catalog_get_services (catalog);
  GListModel *departments = emitra_catalog_get_departments (catalog);
  GListModel *districts = emitra_catalog_get_districts (catalog);
  g_autoptr(GHashTable) service_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used_departments = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (g_list_model_get_n_items (services), >=, 160);
  g_assert_cmpuint (g_list_model_get_n_items (departments), >=, 22);
  /* 41 districts in 7 divisions since 28 December 2024. */
  g_assert_cmpuint (g_list_model_get_n_items (districts), ==, 41);
  g_assert_cmpuint (g_list_model_get_n_items (emitra_catalog_get_divisions (catalog)), ==, 7);

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(EmitraDistrict) district = g_list_model_get_item (districts, i);

      assert_bilingual (emitra_district_get_id (district), emitra_district_get_name_en (district),
                        emitra_district_get_name_hi (district));
      g_assert_nonnull (emitra_catalog_lookup_division (catalog, emitra_district_get_division_id (district)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(EmitraDepartment) department = g_list_model_get_item (departments, i);

      assert_bilingual (emitra_department_get_id (department), emitra_department_get_name_en (department),
                        emitra_department_get_name_hi (department));
    }

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(EmitraService) service = g_list_model_get_item (services, i);
      const char *id = emitra_service_get_id (service);
      GListModel *documents = emitra_service_get_documents (service);
      JsonObject *form = emitra_service_get_form (service);
      g_autoptr(GHashTable) field_ids = g_hash_table_new (g_str_hash, g_str_equal);

      if (!g_hash_table_add (service_ids, (gpointer) id))
        g_error ("%s: service ID used twice", id);
      g_assert_true (emitra_catalog_lookup_service (catalog, id) == service);
      assert_bilingual (id, emitra_service_get_name_en (service), emitra_service_get_name_hi (service));
      assert_bilingual (id, emitra_service_get_description_en (service),
                        emitra_service_get_description_hi (service));
      g_assert_nonnull (emitra_catalog_lookup_department (catalog, emitra_service_get_department_id (service)));
      g_assert_nonnull (emitra_catalog_lookup_category (catalog, emitra_service_get_category_id (service)));
      g_hash_table_add (used_departments, (gpointer) emitra_service_get_department_id (service));
      g_assert_cmpint (emitra_service_get_department_fee (service), >=, 0);
      g_assert_true (emitra_charge_rule_from_string (emitra_service_get_charge_rule (service), NULL, NULL));
      g_assert_cmpint (emitra_service_get_delivery_days (service), >=, -1);
      /* A bill's amount is fetched; the catalog carries no fee for it. */
      if (emitra_service_get_bill (service))
        g_assert_cmpint (emitra_service_get_department_fee (service), ==, 0);

      for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
        {
          g_autoptr(EmitraDocumentRequirement) document = g_list_model_get_item (documents, d);
          g_autofree char *where = g_strdup_printf ("%s/documents/%s", id,
                                                    emitra_document_requirement_get_id (document));

          assert_bilingual (where, emitra_document_requirement_get_name_en (document),
                            emitra_document_requirement_get_name_hi (document));
        }

      /* Every group the form names exists, and no field ID repeats. */
      if (json_object_has_member (form, "groups"))
        {
          JsonArray *groups = json_object_get_array_member (form, "groups");

          for (guint g = 0; g < json_array_get_length (groups); g++)
            {
              const char *group = json_array_get_string_element (groups, g);
              JsonArray *fields = emitra_catalog_get_field_group (catalog, group);

              if (fields == NULL)
                g_error ("%s: no field group “%s”", id, group);
              assert_fields_complete (id, fields, field_ids, catalog);
            }
        }
      if (json_object_has_member (form, "fields"))
        assert_fields_complete (id, json_object_get_array_member (form, "fields"), field_ids, catalog);
      g_assert_cmpuint (g_hash_table_size (field_ids), >, 0);
    }

  /* No department is an empty shelf in the browser. */
  g_assert_cmpuint (g_hash_table_size (used_departments), ==, g_list_model_get_n_items (departments));
}

/* Forms are read from the document when first asked for: each must be
 * exactly the service's "form" as json-glib reads it; and the merged
 * document (as the gateway serves it) must read as the two files do. */
static void
test_catalog_forms_and_merge (void)
{
  g_autoptr(EmitraCatalog) catalog = catalog_test_load_bundled ();
  g_autofree char *dir = catalog_test_bundled_dir ();
  g_autofree char *catalog_path = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *masters_path = g_build_filename (dir, "masters.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(EmitraCatalog) from_merged = NULL;
  JsonArray *services;

  json_parser_load_from_file (parser, catalog_path, &error);
  g_assert_no_error (error);
  services = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "services");
  g_assert_cmpuint (json_array_get_length (services), ==, g_list_model_get_n_items (emitra_catalog_get_services (catalog)));

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      g_autoptr(EmitraService) service = g_list_model_get_item (emitra_catalog_get_services (catalog), i);
      JsonNode *expected = json_object_get_member (json_array_get_object_element (services, i), "form");
      g_autoptr(JsonNode) actual = json_node_init_object (json_node_alloc (), emitra_service_get_form (service));

      g_assert_true (json_node_equal (actual, expected));
      /* Read once, then the same object every time. */
      g_assert_true (emitra_service_get_form (service) == emitra_service_get_form (service));
    }

  merged = emitra_catalog_merge_files (catalog_path, masters_path, &error);
  g_assert_no_error (error);
  from_merged = emitra_catalog_new_from_bytes (merged, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (emitra_catalog_get_version (from_merged), ==, emitra_catalog_get_version (catalog));
  g_assert_cmpuint (g_list_model_get_n_items (emitra_catalog_get_services (from_merged)), ==,
                    g_list_model_get_n_items (emitra_catalog_get_services (catalog)));
  g_assert_cmpuint (g_list_model_get_n_items (emitra_catalog_get_districts (from_merged)), ==, 41);
}

static void
test_catalog_small_values (void)
{
  g_autoptr(GBytes) bytes = catalog_test_small_bytes (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraCatalog) catalog = emitra_catalog_new_from_bytes (bytes, &error);
  EmitraService *caste, *bill, *pension;
  g_autoptr(EmitraDocumentRequirement) photo = NULL;
  g_autoptr(EmitraDocumentRequirement) aadhaar = NULL;
  g_autoptr(EmitraDocumentRequirement) age_proof = NULL;
  int min_age, max_age;

  g_assert_no_error (error);
  g_assert_cmpstr (emitra_catalog_get_version (catalog), ==, "2026.1.1");
  g_assert_cmpuint (g_list_model_get_n_items (emitra_catalog_get_services (catalog)), ==, 4);

  caste = emitra_catalog_lookup_service (catalog, "caste-certificate");
  g_assert_nonnull (caste);
  g_assert_cmpstr (emitra_service_get_name (caste, TRUE), ==, "जाति प्रमाण पत्र");
  g_assert_cmpstr (emitra_service_get_name (caste, FALSE), ==, "Caste Certificate");
  g_assert_cmpstr (emitra_service_get_department_id (caste), ==, "revenue");
  g_assert_cmpint (emitra_service_get_delivery_days (caste), ==, 7);
  g_assert_cmpstrv (emitra_service_get_keywords (caste), ((const char *[]) { "jati", "caste", NULL }));
  g_assert_cmpuint (g_list_model_get_n_items (emitra_service_get_documents (caste)), ==, 3);
  photo = g_list_model_get_item (emitra_service_get_documents (caste), 0);
  aadhaar = g_list_model_get_item (emitra_service_get_documents (caste), 1);
  g_assert_true (emitra_document_requirement_get_required (photo));
  g_assert_false (emitra_document_requirement_get_original_seen (photo));
  g_assert_true (emitra_document_requirement_get_original_seen (aadhaar));
  g_assert_nonnull (json_object_get_member (emitra_service_get_form (caste), "groups"));
  g_assert_false (emitra_service_get_age_limits (caste, emitra_catalog_get_field_groups (catalog), NULL, NULL));

  bill = emitra_catalog_lookup_service (catalog, "electricity-bill-jvvnl");
  g_assert_true (emitra_service_get_bill (bill));
  g_assert_cmpint (emitra_service_get_delivery_days (bill), ==, -1);
  g_assert_cmpstr (emitra_service_get_charge_rule (bill), ==, "utility_free");

  pension = emitra_catalog_lookup_service (catalog, "old-age-pension");
  age_proof = g_list_model_get_item (emitra_service_get_documents (pension), 0);
  g_assert_true (emitra_document_requirement_get_required (age_proof));  /* the default */
  g_assert_true (emitra_service_get_age_limits (pension, emitra_catalog_get_field_groups (catalog),
                                                &min_age, &max_age));
  g_assert_cmpint (min_age, ==, 55);
  g_assert_cmpint (max_age, ==, 120);

  g_assert_cmpstr (emitra_district_get_division_id (emitra_catalog_lookup_district (catalog, "dausa")), ==, "jaipur");
  g_assert_nonnull (emitra_catalog_get_field_group (catalog, "address"));
  g_assert_null (emitra_catalog_get_field_group (catalog, "business"));
  g_assert_null (emitra_catalog_lookup_service (catalog, "no-such-service"));
}

typedef enum { REMOVE, SET_JSON } Edit;

static const struct
{
  const char         *path;   /* slash-separated members and array indexes */
  Edit                edit;
  const char         *json;
  EmitraCatalogError  code;
  const char         *message_has;  /* the place the operator is told about */
} broken[] = {
  { "services/0/name_hi", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "services/caste-certificate" },
  { "services/1/name_hi", SET_JSON, "\"  \"", EMITRA_CATALOG_ERROR_INCOMPLETE, "name_hi" },
  { "services/0/description_hi", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "description_hi" },
  { "services/0/department", SET_JSON, "\"nowhere\"", EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE, "nowhere" },
  { "services/0/category", SET_JSON, "\"nowhere\"", EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE, "nowhere" },
  { "services/1/id", SET_JSON, "\"caste-certificate\"", EMITRA_CATALOG_ERROR_DUPLICATE, "caste-certificate" },
  { "services/1/id", SET_JSON, "\"Domicile Certificate\"", EMITRA_CATALOG_ERROR_INVALID, "id" },
  { "services/0/form/groups", SET_JSON, "[\"applicant\", \"family\"]", EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE, "family" },
  { "services/0/documents/0/name_hi", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "documents" },
  { "services/0/documents/1/id", SET_JSON, "\"photo\"", EMITRA_CATALOG_ERROR_DUPLICATE, "photo" },
  { "services/0/department_fee", SET_JSON, "\"50\"", EMITRA_CATALOG_ERROR_INVALID, "department_fee" },
  { "services/0/department_fee", SET_JSON, "-100", EMITRA_CATALOG_ERROR_INVALID, "department_fee" },
  { "services/0/department_fee", SET_JSON, "12.5", EMITRA_CATALOG_ERROR_INVALID, "department_fee" },
  { "services/0/charge_rule", SET_JSON, "\"free\"", EMITRA_CATALOG_ERROR_INVALID, "charge_rule" },
  { "services/0/delivery_days", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "delivery_days" },
  { "services/0/delivery_days", SET_JSON, "-3", EMITRA_CATALOG_ERROR_INVALID, "delivery_days" },
  { "services/0/bill", SET_JSON, "\"yes\"", EMITRA_CATALOG_ERROR_INVALID, "bill" },
  { "services/0/keywords", SET_JSON, "[\"jati\", 7]", EMITRA_CATALOG_ERROR_INVALID, "keywords" },
  { "services/0/form", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "form" },
  { "services/2/form/fields", SET_JSON, "[]", EMITRA_CATALOG_ERROR_INCOMPLETE, "fields" },
  { "services/0/form/fields/0/options", SET_JSON, "[]", EMITRA_CATALOG_ERROR_INCOMPLETE, "options" },
  { "services/0/form/fields/0/options/1/label_hi", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "label_hi" },
  { "services/0/form/fields/0/type", SET_JSON, "\"colour\"", EMITRA_CATALOG_ERROR_INVALID, "type" },
  { "services/0/form/fields/0/id", SET_JSON, "\"mobile\"", EMITRA_CATALOG_ERROR_DUPLICATE, "mobile" },
  { "services/2/form/fields/0/pattern_hint_hi", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "pattern_hint_hi" },
  { "services/3/form/fields/1/min_age", SET_JSON, "\"55\"", EMITRA_CATALOG_ERROR_INVALID, "min_age" },
  { "field_groups/applicant/0/label_hi", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "field_groups/applicant" },
  { "field_groups", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "field_groups" },
  { "services", SET_JSON, "[]", EMITRA_CATALOG_ERROR_INCOMPLETE, "services" },
  { "services", SET_JSON, "{}", EMITRA_CATALOG_ERROR_INVALID, "services" },
  { "departments/0/name_hi", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "departments/0" },
  { "departments/1/id", SET_JSON, "\"revenue\"", EMITRA_CATALOG_ERROR_DUPLICATE, "revenue" },
  { "categories", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "categories" },
  { "version", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "version" },
  { "masters", REMOVE, NULL, EMITRA_CATALOG_ERROR_INCOMPLETE, "masters" },
  { "masters/districts", SET_JSON, "[]", EMITRA_CATALOG_ERROR_INCOMPLETE, "districts" },
  { "masters/districts/1/division", SET_JSON, "\"marwar\"", EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE, "marwar" },
  { "masters/divisions/0/name_hi", SET_JSON, "null", EMITRA_CATALOG_ERROR_INCOMPLETE, "name_hi" },
};

static void
apply_edit (JsonNode   *root,
            const char *path,
            Edit        edit,
            const char *json)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);
  JsonNode *node = root;
  const char *last = parts[n - 1];
  g_autoptr(JsonNode) value = json != NULL ? json_from_string (json, NULL) : NULL;

  for (guint i = 0; i + 1 < n; i++)
    node = JSON_NODE_HOLDS_ARRAY (node)
      ? json_array_get_element (json_node_get_array (node), (guint) g_ascii_strtoull (parts[i], NULL, 10))
      : json_object_get_member (json_node_get_object (node), parts[i]);
  g_assert_nonnull (node);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  if (edit == REMOVE)
    {
      g_assert_true (json_object_has_member (json_node_get_object (node), last));
      json_object_remove_member (json_node_get_object (node), last);
    }
  else
    json_object_set_member (json_node_get_object (node), last, g_steal_pointer (&value));
}

/* A document that is incomplete or wrong anywhere is refused whole, with
 * a message that says where. */
static void
test_catalog_refuses_broken (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonNode) root = catalog_test_small_tree ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EmitraCatalog) catalog = NULL;

      apply_edit (root, broken[i].path, broken[i].edit, broken[i].json);
      bytes = catalog_test_tree_bytes (root);
      catalog = emitra_catalog_new_from_bytes (bytes, &error);

      g_test_message ("%s: %s", broken[i].path, error != NULL ? error->message : "accepted");
      g_assert_null (catalog);
      g_assert_error (error, EMITRA_CATALOG_ERROR, (int) broken[i].code);
      g_assert_nonnull (strstr (error->message, broken[i].message_has));
    }
}

/* A member given twice in a form's field is read as json-glib reads it,
 * the last one winning, and the first copy is not leaked (fuzz-catalog
 * found the leak; the sanitizer run of this test would report it). */
static void
test_catalog_duplicate_members (void)
{
  g_autofree char *path = catalog_test_source_path ("tests", "core", "data", "catalog-small.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraCatalog) catalog = NULL;
  g_autoptr(EmitraService) service = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "{ \"id\": \"applicant_name\", \"type\": \"name\",",
                                      "{ \"id\": \"first\", \"type\": \"text\", \"id\": \"applicant_name\", \"type\": \"name\",",
                                      1), ==, 1);
  bytes = g_bytes_new (edited->str, edited->len);
  catalog = emitra_catalog_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  service = g_list_model_get_item (emitra_catalog_get_services (catalog), 0);
  g_assert_nonnull (service);
}

/* What a dropped connection or a broken proxy hands over. */
static void
test_catalog_refuses_corrupt (void)
{
  g_autoptr(GBytes) whole = catalog_test_small_bytes (NULL);
  gsize size = g_bytes_get_size (whole);
  const gsize cuts[] = { 0, 1, size / 3, size / 2, size - 2 };
  static const char *garbage[] = { "<html><body>502 Bad Gateway</body></html>", "[1, 2, 3]", "null", "{\"version\": \"1\"" };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (whole, 0, cuts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(EmitraCatalog) catalog = emitra_catalog_new_from_bytes (truncated, &error);

      g_assert_null (catalog);
      g_assert_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_CORRUPT);
    }

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (garbage[i], strlen (garbage[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(EmitraCatalog) catalog = emitra_catalog_new_from_bytes (bytes, &error);

      g_assert_null (catalog);
      g_assert_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_CORRUPT);
    }
}

static void
test_catalog_versions (void)
{
  static const struct { const char *a, *b; int sign; } cases[] = {
    { "2026.11.1", "2026.11.1", 0 },
    { "2026.11.10", "2026.11.9", 1 },
    { "2026.2.1", "2026.11.1", -1 },
    { "2027.1.1", "2026.12.31", 1 },
    { "2026.11", "2026.11.1", -1 },
    { "2026.11.1-b", "2026.11.1-a", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int cmp = emitra_catalog_compare_versions (cases[i].a, cases[i].b);
      g_assert_cmpint ((cmp > 0) - (cmp < 0), ==, cases[i].sign);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog/bundled-complete", test_catalog_bundled_complete);
  g_test_add_func ("/catalog/forms-and-merge", test_catalog_forms_and_merge);
  g_test_add_func ("/catalog/small-values", test_catalog_small_values);
  g_test_add_func ("/catalog/refuses-broken", test_catalog_refuses_broken);
  g_test_add_func ("/catalog/refuses-corrupt", test_catalog_refuses_corrupt);
  g_test_add_func ("/catalog/duplicate-members", test_catalog_duplicate_members);
  g_test_add_func ("/catalog/versions", test_catalog_versions);

  return g_test_run ();
}
