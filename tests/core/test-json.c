/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-json.h"

static void
test_json_typed_getters (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  object = emitra_json_parse_object ("{\"s\": \"जाति\", \"i\": 5000, \"d\": 12.5, \"b\": true, \"n\": null}",
                                     -1, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (emitra_json_get_string (object, "s", &error), ==, "जाति");
  g_assert_true (emitra_json_get_int (object, "i", &value, &error));
  g_assert_cmpint (value, ==, 5000);
  g_assert_true (emitra_json_get_bool_or (object, "b", FALSE));

  /* Wrong types and absent members are errors, never criticals or zeroes. */
  g_assert_null (emitra_json_get_string (object, "i", &error));
  g_assert_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE);
  g_clear_error (&error);
  g_assert_false (emitra_json_get_int (object, "d", &value, &error));
  g_assert_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_WRONG_TYPE);
  g_clear_error (&error);
  g_assert_null (emitra_json_get_array (object, "n", &error));
  g_assert_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_null (emitra_json_get_object (object, "absent", &error));
  g_assert_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_cmpstr (emitra_json_get_string_or (object, "i", "x"), ==, "x");
}

static void
test_json_refuses_bad_input (void)
{
  static const struct { const char *data; gssize length; int code; } cases[] = {
    { "", 0, EMITRA_JSON_ERROR_INVALID },
    { "[1, 2]", -1, EMITRA_JSON_ERROR_INVALID },
    { "\"just a string\"", -1, EMITRA_JSON_ERROR_INVALID },
    { "{\"a\": ", -1, EMITRA_JSON_ERROR_INVALID },
    { "{\"a\": \"\xff\xfe\"}", -1, EMITRA_JSON_ERROR_INVALID },
    { "{\"a\": 1}\0{\"b\": 2}", 17, EMITRA_JSON_ERROR_INVALID },
    { "<html>Bad gateway</html>", -1, EMITRA_JSON_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = emitra_json_parse_object (cases[i].data, cases[i].length, 0, &error);

      g_assert_null (object);
      g_assert_error (error, EMITRA_JSON_ERROR, cases[i].code);
    }
}

/* json-glib's own message quotes the bad token cut at a byte count; the
 * message the operator reads must still be whole UTF-8 (fuzz-gateway-replies
 * found a reply whose Hindi note ended in a stray character). */
static void
test_json_error_message_is_utf8 (void)
{
  static const char * const documents[] = {
    "{\"note_hi\": \"आवेदन प्राप्त हुआ\"% }",
    "{\"name\": \"सुनीता कुमारी\" \"x\"}",
    "{\"आवेदन\": tru}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = emitra_json_parse_object (documents[i], -1, 0, &error);

      g_assert_null (object);
      g_assert_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_json_size_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = emitra_json_parse_object ("{\"a\": \"0123456789\"}", -1, 10, &error);

  g_assert_null (object);
  g_assert_error (error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json/typed-getters", test_json_typed_getters);
  g_test_add_func ("/json/refuses-bad-input", test_json_refuses_bad_input);
  g_test_add_func ("/json/size-limit", test_json_size_limit);
  g_test_add_func ("/json/error-message-is-utf8", test_json_error_message_is_utf8);

  return g_test_run ();
}
