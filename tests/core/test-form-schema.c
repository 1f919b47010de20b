/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-form-schema.h"
#include "emitra-json.h"

/* The catalog's reusable groups, trimmed to what the tests need. */
static const char *const groups_json =
  "{"
  "  \"applicant\": ["
  "    { \"id\": \"full_name_en\", \"type\": \"name\", \"label_en\": \"Full name\", \"label_hi\": \"पूरा नाम\","
  "      \"required\": true, \"max_length\": 10 },"
  "    { \"id\": \"date_of_birth\", \"type\": \"date\", \"label_en\": \"Date of birth\", \"label_hi\": \"जन्म तिथि\","
  "      \"required\": true, \"min_age\": 60 },"
  "    { \"id\": \"aadhaar\", \"type\": \"aadhaar\", \"label_en\": \"Aadhaar number\", \"label_hi\": \"आधार नंबर\","
  "      \"required\": true },"
  "    { \"id\": \"mobile\", \"type\": \"mobile\", \"label_en\": \"Mobile number\", \"label_hi\": \"मोबाइल नंबर\","
  "      \"required\": false, \"pattern_hint_en\": \"10 digits\", \"pattern_hint_hi\": \"10 अंक\" }"
  "  ],"
  "  \"address\": ["
  "    { \"id\": \"district\", \"type\": \"district\", \"label_en\": \"District\", \"label_hi\": \"ज़िला\", \"required\": true },"
  "    { \"id\": \"pin\", \"type\": \"pin\", \"label_en\": \"PIN code\", \"label_hi\": \"पिन कोड\", \"required\": true }"
  "  ],"
  "  \"unused\": []"
  "}";

static const char *const pension_form_json =
  "{ \"groups\": [\"applicant\", \"address\"],"
  "  \"fields\": ["
  "    { \"id\": \"category\", \"type\": \"choice\", \"label_en\": \"Category\", \"label_hi\": \"वर्ग\","
  "      \"required\": true, \"options\": ["
  "        { \"value\": \"sc\", \"label_en\": \"Scheduled Caste\", \"label_hi\": \"अनुसूचित जाति\" },"
  "        { \"value\": \"general\", \"label_en\": \"General\", \"label_hi\": \"सामान्य\" } ] },"
  "    { \"id\": \"income\", \"type\": \"money\", \"label_en\": \"Annual income\", \"label_hi\": \"वार्षिक आय\","
  "      \"required\": true, \"min\": 0, \"max\": 4800000 },"
  "    { \"id\": \"members\", \"type\": \"number\", \"label_en\": \"Family members\", \"label_hi\": \"परिवार के सदस्य\","
  "      \"required\": false, \"min\": 1, \"max\": 30 },"
  "    { \"id\": \"k_number\", \"type\": \"consumer_number\", \"label_en\": \"K-number\", \"label_hi\": \"के-नंबर\","
  "      \"required\": false, \"min_length\": 12, \"max_length\": 12 },"
  "    { \"id\": \"remarks\", \"type\": \"text\", \"label_en\": \"Remarks\", \"label_hi\": \"टिप्पणी\" }"
  "  ] }";

static EmitraFormSchema *
pension_schema (void)
{
  g_autoptr(GError) error = NULL;
  EmitraFormSchema *schema = emitra_form_schema_new_from_data (pension_form_json, groups_json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schema);
  return schema;
}

static void
test_schema_expands_groups_in_order (void)
{
  g_autoptr(EmitraFormSchema) schema = pension_schema ();
  GListModel *fields = emitra_form_schema_get_fields (schema);
  static const struct { const char *id; const char *group; EmitraFieldType type; } expected[] = {
    { "full_name_en", "applicant", EMITRA_FIELD_TYPE_NAME },
    { "date_of_birth", "applicant", EMITRA_FIELD_TYPE_DATE },
    { "aadhaar", "applicant", EMITRA_FIELD_TYPE_AADHAAR },
    { "mobile", "applicant", EMITRA_FIELD_TYPE_MOBILE },
    { "district", "address", EMITRA_FIELD_TYPE_DISTRICT },
    { "pin", "address", EMITRA_FIELD_TYPE_PIN },
    { "category", NULL, EMITRA_FIELD_TYPE_CHOICE },
    { "income", NULL, EMITRA_FIELD_TYPE_MONEY },
    { "members", NULL, EMITRA_FIELD_TYPE_NUMBER },
    { "k_number", NULL, EMITRA_FIELD_TYPE_CONSUMER_NUMBER },
    { "remarks", NULL, EMITRA_FIELD_TYPE_TEXT },
  };
  const char * const *groups = emitra_form_schema_get_groups (schema);
  g_auto(GStrv) sensitive = emitra_form_schema_dup_sensitive_ids (schema);

  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, G_N_ELEMENTS (expected));
  g_assert_true (g_list_model_get_item_type (fields) == EMITRA_TYPE_FORM_FIELD);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(EmitraFormField) field = g_list_model_get_item (fields, i);

      g_assert_cmpstr (emitra_form_field_get_id (field), ==, expected[i].id);
      g_assert_cmpstr (emitra_form_field_get_group (field), ==, expected[i].group);
      g_assert_cmpint (emitra_form_field_get_field_type (field), ==, expected[i].type);
      g_assert_true (emitra_form_schema_lookup (schema, expected[i].id) == field);
    }

  g_assert_cmpuint (g_strv_length ((GStrv) groups), ==, 2);
  g_assert_cmpstr (groups[0], ==, "applicant");
  g_assert_cmpstr (groups[1], ==, "address");
  g_assert_cmpstr (emitra_form_group_get_title ("applicant"), ==, "Applicant");
  g_assert_cmpstr (emitra_form_group_get_title (NULL), ==, "Application details");

  g_assert_cmpuint (g_strv_length (sensitive), ==, 1);
  g_assert_cmpstr (sensitive[0], ==, "aadhaar");
}

static void
test_schema_field_details (void)
{
  g_autoptr(EmitraFormSchema) schema = pension_schema ();
  EmitraFormField *category = emitra_form_schema_lookup (schema, "category");
  EmitraFormField *income = emitra_form_schema_lookup (schema, "income");
  EmitraFormField *mobile = emitra_form_schema_lookup (schema, "mobile");
  EmitraFormField *dob = emitra_form_schema_lookup (schema, "date_of_birth");
  EmitraFormField *remarks = emitra_form_schema_lookup (schema, "remarks");
  const EmitraFieldOption *option;
  gint64 min = -1, max = -1;
  g_autofree char *label = NULL;

  g_assert_cmpuint (emitra_form_field_get_n_options (category), ==, 2);
  option = emitra_form_field_get_option (category, 0);
  g_assert_cmpstr (option->value, ==, "sc");
  g_assert_cmpstr (option->label_hi, ==, "अनुसूचित जाति");
  g_assert_cmpstr (emitra_field_option_get_label (option), ==, "Scheduled Caste");
  g_assert_null (emitra_form_field_find_option (category, "obc"));

  g_assert_true (emitra_form_field_get_min (income, &min));
  g_assert_true (emitra_form_field_get_max (income, &max));
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (max, ==, 4800000);
  g_assert_false (emitra_form_field_get_min (mobile, NULL));

  g_assert_cmpint (emitra_form_field_get_min_age (dob), ==, 60);
  g_assert_cmpint (emitra_form_field_get_max_age (dob), ==, -1);
  g_assert_cmpstr (emitra_form_field_get_label_hi (dob), ==, "जन्म तिथि");
  g_assert_cmpstr (emitra_form_field_get_pattern_hint (mobile), ==, "10 digits");
  g_assert_null (emitra_form_field_get_pattern_hint (dob));
  g_assert_false (emitra_form_field_get_required (remarks));
  g_assert_true (emitra_form_field_get_required (dob));

  g_object_get (dob, "label", &label, NULL);
  g_assert_cmpstr (label, ==, "Date of birth");
  g_assert_cmpstr (emitra_field_type_to_string (EMITRA_FIELD_TYPE_CONSUMER_NUMBER), ==, "consumer_number");
}

typedef struct
{
  const char     *field_id;
  const char     *text;
  EmitraValidity  validity;
  const char     *normalised;
  GQuark          domain;    /* 0 when no error */
  int             code;
} FieldCase;

static void
test_schema_validate_field (void)
{
  g_autoptr(EmitraFormSchema) schema = pension_schema ();
  g_autoptr(GDate) today = g_date_new_dmy (28, 11, 2026);
  const FieldCase cases[] = {
    { "full_name_en", "Sita Devi", EMITRA_VALIDITY_VALID, "Sita Devi", 0, 0 },
    { "full_name_en", "Sita Devi Sharma", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_LENGTH },
    { "full_name_en", "", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_EMPTY },
    { "date_of_birth", "01/01/1950", EMITRA_VALIDITY_VALID, "01/01/1950", 0, 0 },
    { "date_of_birth", "01/01/1990", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_AGE },
    { "aadhaar", "2341 2341 2346", EMITRA_VALIDITY_VALID, "234123412346", 0, 0 },
    { "aadhaar", "234123412347", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHECKSUM },
    { "aadhaar", "XXXX XXXX 2346", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_MASKED },
    { "mobile", "", EMITRA_VALIDITY_VALID, "", 0, 0 },        /* optional */
    { "mobile", "  ", EMITRA_VALIDITY_VALID, "", 0, 0 },
    { "mobile", "+91 98290 12345", EMITRA_VALIDITY_VALID, "9829012345", 0, 0 },
    { "district", "jaipur", EMITRA_VALIDITY_VALID, "jaipur", 0, 0 },
    { "pin", "302001", EMITRA_VALIDITY_VALID, "302001", 0, 0 },
    { "pin", "110001", EMITRA_VALIDITY_WARNING, "110001", EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_UNUSUAL },
    { "category", "sc", EMITRA_VALIDITY_VALID, "sc", 0, 0 },
    { "category", "obc", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_NOT_AN_OPTION },
    { "income", "48,000", EMITRA_VALIDITY_VALID, "48000.00", 0, 0 },
    { "income", "48000.01", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_RANGE },
    { "members", "31", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_RANGE },
    { "k_number", "210123456789", EMITRA_VALIDITY_VALID, "210123456789", 0, 0 },
    { "k_number", "21012345678", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_LENGTH },
    { "remarks", "ok", EMITRA_VALIDITY_VALID, "ok", 0, 0 },
    { "remarks", "bad \xff byte", EMITRA_VALIDITY_INVALID, NULL, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHARACTERS },
    { "nonexistent", "x", EMITRA_VALIDITY_INVALID, NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_FIELD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FieldCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      EmitraValidity validity;

      g_test_message ("%s: “%s”", c->field_id, c->text);
      validity = emitra_form_schema_validate_field (schema, c->field_id, c->text, today, &normalised, &error);
      g_assert_cmpint (validity, ==, c->validity);
      g_assert_cmpstr (normalised, ==, c->normalised);
      if (c->domain == 0)
        g_assert_no_error (error);
      else
        g_assert_error (error, c->domain, c->code);

      /* The message names the field by its label. */
      if (error != NULL && c->domain == EMITRA_VALIDATE_ERROR)
        {
          EmitraFormField *field = emitra_form_schema_lookup (schema, c->field_id);

          g_assert_true (g_str_has_prefix (error->message, emitra_form_field_get_label (field)));
        }
    }
}

static void
test_schema_districts_from_master_data (void)
{
  g_autoptr(EmitraFormSchema) schema = pension_schema ();
  const char *const districts[] = { "ajmer", "jaipur", "balotra", NULL };
  g_autoptr(GError) error = NULL;

  emitra_form_schema_set_districts (schema, districts);
  g_assert_cmpint (emitra_form_schema_validate_field (schema, "district", "balotra", NULL, NULL, NULL),
                   ==, EMITRA_VALIDITY_VALID);
  g_assert_cmpint (emitra_form_schema_validate_field (schema, "district", "atlantis", NULL, NULL, &error),
                   ==, EMITRA_VALIDITY_INVALID);
  g_assert_error (error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_NOT_AN_OPTION);
}

/* Next on a step: the invalid fields block it, warnings do not, and the
 * issues come in form order so the GUI focuses the first. */
static void
test_schema_validate_step (void)
{
  g_autoptr(EmitraFormSchema) schema = pension_schema ();
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (28, 11, 2026);
  const char *const address_step[] = { "district", "pin", NULL };
  EmitraFieldIssue *issue;

  g_hash_table_insert (values, "full_name_en", "Sita Devi");
  g_hash_table_insert (values, "date_of_birth", "01/01/1950");
  g_hash_table_insert (values, "aadhaar", "234123412347");
  g_hash_table_insert (values, "district", "jaipur");
  g_hash_table_insert (values, "pin", "110001");

  /* The address step alone: a warning, and Next goes ahead. */
  g_assert_true (emitra_form_schema_validate_values (schema, address_step, values, today, &issues));
  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpstr (issue->field_id, ==, "pin");
  g_assert_cmpint (issue->validity, ==, EMITRA_VALIDITY_WARNING);
  g_clear_pointer (&issues, g_ptr_array_unref);

  /* The whole form: the bad Aadhaar number and the missing required
   * fields block it. */
  g_assert_false (emitra_form_schema_validate_values (schema, NULL, values, today, &issues));
  g_assert_cmpuint (issues->len, ==, 4);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpstr (issue->field_id, ==, "aadhaar");
  g_assert_error (issue->error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_CHECKSUM);
  issue = g_ptr_array_index (issues, 1);
  g_assert_cmpstr (issue->field_id, ==, "pin");
  issue = g_ptr_array_index (issues, 2);
  g_assert_cmpstr (issue->field_id, ==, "category");
  g_assert_error (issue->error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_EMPTY);
  issue = g_ptr_array_index (issues, 3);
  g_assert_cmpstr (issue->field_id, ==, "income");
}

typedef struct
{
  const char *name;
  const char *form;
  const char *groups;
  GQuark      domain;
  int         code;
} BadCase;

#define FIELD(extra) "{ \"id\": \"f\", \"type\": \"text\", \"label_en\": \"F\", \"label_hi\": \"फ\"" extra " }"
#define FORM(fields) "{ \"groups\": [], \"fields\": [" fields "] }"

static void
test_schema_refuses_bad_forms (void)
{
  const BadCase cases[] = {
    { "not JSON", "{ \"groups\": [", NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "not an object", "[]", NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "groups not an array", "{ \"groups\": \"applicant\" }", groups_json,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "group not a string", "{ \"groups\": [7] }", groups_json,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "unknown group", "{ \"groups\": [\"applicant\", \"spouse\"] }", groups_json,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_GROUP },
    { "group without field_groups", "{ \"groups\": [\"applicant\"] }", NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_GROUP },
    { "unknown type", FORM ("{ \"id\": \"f\", \"type\": \"signature\", \"label_en\": \"F\", \"label_hi\": \"फ\" }"),
      NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_TYPE },
    { "duplicate id", FORM (FIELD ("") "," FIELD ("")), NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_DUPLICATE_ID },
    { "id also in a group", "{ \"groups\": [\"address\"], \"fields\": ["
      "{ \"id\": \"pin\", \"type\": \"pin\", \"label_en\": \"PIN\", \"label_hi\": \"पिन\" } ] }", groups_json,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_DUPLICATE_ID },
    { "bad id", FORM ("{ \"id\": \"Full Name\", \"type\": \"text\", \"label_en\": \"F\", \"label_hi\": \"फ\" }"),
      NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD },
    { "no id", FORM ("{ \"type\": \"text\", \"label_en\": \"F\", \"label_hi\": \"फ\" }"),
      NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "no Hindi label", FORM ("{ \"id\": \"f\", \"type\": \"text\", \"label_en\": \"F\" }"),
      NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "empty label", FORM ("{ \"id\": \"f\", \"type\": \"text\", \"label_en\": \"\", \"label_hi\": \"फ\" }"),
      NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD },
    { "required as a string", FORM (FIELD (", \"required\": \"true\"")), NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD },
    { "max_length zero", FORM (FIELD (", \"max_length\": 0")), NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD },
    { "max_length a string", FORM (FIELD (", \"max_length\": \"10\"")), NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "min above max", FORM (FIELD (", \"min\": 10, \"max\": 1")), NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD },
    { "min a fraction", FORM (FIELD (", \"min\": 0.5")), NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "min_age above max_age", FORM (FIELD (", \"min_age\": 60, \"max_age\": 18")), NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD },
    { "age of 200", FORM (FIELD (", \"min_age\": 200")), NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD },
    { "choice without options", FORM ("{ \"id\": \"c\", \"type\": \"choice\", \"label_en\": \"C\", \"label_hi\": \"स\" }"),
      NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "choice with no entries", FORM ("{ \"id\": \"c\", \"type\": \"choice\", \"label_en\": \"C\", \"label_hi\": \"स\","
      " \"options\": [] }"), NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD },
    { "duplicate option", FORM ("{ \"id\": \"c\", \"type\": \"choice\", \"label_en\": \"C\", \"label_hi\": \"स\","
      " \"options\": [ { \"value\": \"a\", \"label_en\": \"A\", \"label_hi\": \"अ\" },"
      " { \"value\": \"a\", \"label_en\": \"B\", \"label_hi\": \"ब\" } ] }"),
      NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD },
    { "field not an object", FORM ("\"f\""), NULL, EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "hint not a string", FORM (FIELD (", \"pattern_hint_en\": 5")), NULL,
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "field_groups not JSON", "{ \"groups\": [] }", "{", EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
    { "group not an array", "{ \"groups\": [\"x\"] }", "{ \"x\": {} }",
      EMITRA_FORM_SCHEMA_ERROR, EMITRA_FORM_SCHEMA_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EmitraFormSchema) schema = NULL;

      g_test_message ("%s", cases[i].name);
      schema = emitra_form_schema_new_from_data (cases[i].form, cases[i].groups, &error);
      g_assert_null (schema);
      g_assert_error (error, cases[i].domain, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_schema_accepts_minimal_forms (void)
{
  static const char *const forms[] = {
    "{}",
    "{ \"groups\": [], \"fields\": [] }",
    "{ \"groups\": [\"unused\"] }",
    FORM (FIELD ("")),
    FORM (FIELD (", \"required\": null, \"max_length\": null")),
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EmitraFormSchema) schema = emitra_form_schema_new_from_data (forms[i], groups_json, &error);

      g_assert_no_error (error);
      g_assert_nonnull (schema);
    }
}

/* Every service of the bundled catalog has a form this parser takes. */
static void
test_schema_bundled_catalog (void)
{
  const char *root = g_getenv ("EMITRA_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) catalog = NULL;
  JsonObject *field_groups;
  JsonArray *services;
  guint n_fields = 0;

  path = g_build_filename (root != NULL ? root : ".", "data", "catalog", "catalog.json", NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      g_test_skip ("no bundled catalog");
      return;
    }

  catalog = emitra_json_parse_object (contents, (gssize) length, 0, &error);
  g_assert_no_error (error);
  field_groups = emitra_json_get_object (catalog, "field_groups", &error);
  g_assert_no_error (error);
  services = emitra_json_get_array (catalog, "services", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (services), >, 0);

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *service = emitra_json_array_get_object (services, i, &error);
      JsonObject *form;
      g_autoptr(EmitraFormSchema) schema = NULL;

      g_assert_no_error (error);
      form = emitra_json_get_object (service, "form", &error);
      g_assert_no_error (error);
      g_test_message ("service %s", emitra_json_get_string_or (service, "id", "?"));
      schema = emitra_form_schema_new (form, field_groups, &error);
      g_assert_no_error (error);
      n_fields += g_list_model_get_n_items (emitra_form_schema_get_fields (schema));
    }

  g_assert_cmpuint (n_fields, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/form-schema/groups-in-order", test_schema_expands_groups_in_order);
  g_test_add_func ("/form-schema/field-details", test_schema_field_details);
  g_test_add_func ("/form-schema/validate-field", test_schema_validate_field);
  g_test_add_func ("/form-schema/districts", test_schema_districts_from_master_data);
  g_test_add_func ("/form-schema/validate-step", test_schema_validate_step);
  g_test_add_func ("/form-schema/bad-forms", test_schema_refuses_bad_forms);
  g_test_add_func ("/form-schema/minimal-forms", test_schema_accepts_minimal_forms);
  g_test_add_func ("/form-schema/bundled-catalog", test_schema_bundled_catalog);

  return g_test_run ();
}
