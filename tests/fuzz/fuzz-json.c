/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the typed JSON getters every reply and catalog goes
 * through. Any input must end as an object or a GError, never a crash.
 */
#include "config.h"

#include "emitra-json.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  gint64 value;

  object = emitra_json_parse_object ((const char *) data, (gssize) size, 1 << 20, &error);
  if (object == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  /* Walk a few members through every getter, as the parsers do. */
  (void) emitra_json_get_string (object, "error", NULL);
  (void) emitra_json_get_int (object, "amount", &value, NULL);
  (void) emitra_json_get_object (object, "error", NULL);
  {
    JsonArray *array = emitra_json_get_array_or_empty (object, "services", NULL);

    for (guint i = 0; array != NULL && i < json_array_get_length (array) && i < 64; i++)
      {
        JsonObject *item = emitra_json_array_get_object (array, i, NULL);
        if (item != NULL)
          (void) emitra_json_get_string_or (item, "id", "");
      }
  }

  return 0;
}
