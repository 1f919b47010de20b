/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-json.h"
#include "emitra-json-reader.h"

static JsonNode *
glib_parse (const char *text,
            gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The same tree as json-glib's, values, types and member order included. */
static void
test_reader_same_as_json_glib (void)
{
  static const char *texts[] = {
    "{}",
    "{\"a\": []}",
    " {\"a\" : [1, -2, 0, 3.5, -0.25, 1e3, 2E-2, 9223372036854775807], \"b\": {\"c\": null}} ",
    "{\"s\": \"plain\", \"e\": \"q\\\"b\\\\s\\/n\\nt\\tr\\rb\\bf\\f\", \"u\": \"\\u0915\\u093E \\ud83d\\ude00\"}",
    "{\"t\": true, \"f\": false, \"nested\": [[[{}]], [], {\"x\": [true]}]}",
    "{\"हिन्दी\": \"जाति प्रमाण पत्र\", \"dup\": 1, \"dup\": 2}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = emitra_json_reader_parse_object (texts[i], strlen (texts[i]), &error);
      g_autoptr(JsonNode) expected = glib_parse (texts[i], -1);
      g_autoptr(JsonNode) actual = NULL;
      g_autofree char *expected_text = NULL;
      g_autofree char *actual_text = NULL;

      g_assert_no_error (error);
      actual = json_node_init_object (json_node_alloc (), object);
      g_assert_true (json_object_is_immutable (object));
      expected_text = json_to_string (expected, FALSE);
      actual_text = json_to_string (actual, FALSE);
      g_assert_cmpstr (actual_text, ==, expected_text);
      g_assert_true (json_node_equal (actual, expected));
    }
}

/* The bundled catalog reads the same either way. */
static void
test_reader_bundled_catalog (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("EMITRA_SOURCE_ROOT"), "data", "catalog", "catalog.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) actual = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  object = emitra_json_reader_parse_object (contents, length, &error);
  g_assert_no_error (error);
  expected = glib_parse (contents, (gssize) length);
  actual = json_node_init_object (json_node_alloc (), object);
  g_assert_true (json_node_equal (actual, expected));
}

/* RFC 8259 only, and nothing but an object at the top: each of these is
 * refused with an error, never a crash or a partial tree. */
static void
test_reader_refuses (void)
{
  static const char *texts[] = {
    "", " ", "[]", "\"s\"", "1", "null",
    "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,}", "{,}", "{\"a\" 1}", "{a:1}", "{'a':1}",
    "{\"a\":[1,]}", "{\"a\":[,1]}", "{\"a\":[1 2]}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}",
    "{\"a\":-}", "{\"a\":+1}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":\"x}", "{\"a\":\"\\x\"}",
    "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"\\u0000\"}",
    "{\"a\":\"line\nbreak\"}", "{\"a\":1} x", "{\"a\":1}{}", "{/*c*/}",
  };
  g_autofree char *deep = NULL;
  g_autoptr(GString) nested = g_string_new ("{\"a\":");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = emitra_json_reader_parse_object (texts[i], strlen (texts[i]), &error);

      g_test_message ("%s: %s", texts[i], error != NULL ? error->message : "accepted");
      g_assert_null (object);
      g_assert_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID);
    }

  /* Invalid UTF-8 and an embedded NUL. */
  {
    static const char bad_utf8[] = "{\"a\":\"\xff\"}";
    static const char nul[] = "{\"a\":\"x\0y\"}";
    g_autoptr(GError) first = NULL;
    g_autoptr(GError) second = NULL;

    g_assert_null (emitra_json_reader_parse_object (bad_utf8, sizeof bad_utf8 - 1, &first));
    g_assert_error (first, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID);
    g_assert_null (emitra_json_reader_parse_object (nul, sizeof nul - 1, &second));
    g_assert_error (second, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID);
  }

  /* Nesting beyond any catalog is refused before it can exhaust the stack. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  deep = g_string_free (g_steal_pointer (&nested), FALSE);
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (emitra_json_reader_parse_object (deep, strlen (deep), &error));
    g_assert_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID);
  }
}

/* Walking with the cursor: members in order, values skipped with their
 * place, numbers told apart. */
static void
test_reader_cursor (void)
{
  static const char text[] = "{\"n\": 12, \"big\": 99999999999999999999, \"d\": 1.5, \"skip\": {\"x\": [1, \"]\"]}, \"s\": \"é\"}";
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  EmitraJsonCursor cursor;
  const char *name;
  gsize length, offset, value_length;
  gboolean done, is_int;
  gint64 value;
  g_autofree char *string = NULL;

  emitra_json_cursor_init (&cursor, text, sizeof text - 1, scratch, &error);
  g_assert_true (emitra_json_cursor_enter_object (&cursor));

  g_assert_true (emitra_json_cursor_next_member (&cursor, &name, &length, &done));
  g_assert_false (done);
  g_assert_cmpmem (name, length, "n", 1);
  g_assert_cmpint (emitra_json_cursor_peek (&cursor), ==, EMITRA_JSON_KIND_NUMBER);
  g_assert_true (emitra_json_cursor_read_int (&cursor, &is_int, &value));
  g_assert_true (is_int);
  g_assert_cmpint (value, ==, 12);

  g_assert_true (emitra_json_cursor_next_member (&cursor, &name, &length, &done));
  g_assert_true (emitra_json_cursor_read_int (&cursor, &is_int, &value));
  g_assert_false (is_int);  /* beyond a gint64 */

  g_assert_true (emitra_json_cursor_next_member (&cursor, &name, &length, &done));
  g_assert_true (emitra_json_cursor_read_int (&cursor, &is_int, &value));
  g_assert_false (is_int);  /* 1.5 */

  g_assert_true (emitra_json_cursor_next_member (&cursor, &name, &length, &done));
  g_assert_cmpmem (name, length, "skip", 4);
  g_assert_true (emitra_json_cursor_skip (&cursor, &offset, &value_length));
  g_assert_cmpmem (text + offset, value_length, "{\"x\": [1, \"]\"]}", 15);

  g_assert_true (emitra_json_cursor_next_member (&cursor, &name, &length, &done));
  g_assert_true (emitra_json_cursor_read_string (&cursor, &string));
  g_assert_cmpstr (string, ==, "é");

  g_assert_true (emitra_json_cursor_next_member (&cursor, &name, &length, &done));
  g_assert_true (done);
  g_assert_true (emitra_json_cursor_finish (&cursor));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json-reader/same-as-json-glib", test_reader_same_as_json_glib);
  g_test_add_func ("/json-reader/bundled-catalog", test_reader_bundled_catalog);
  g_test_add_func ("/json-reader/refuses", test_reader_refuses);
  g_test_add_func ("/json-reader/cursor", test_reader_cursor);

  return g_test_run ();
}
