/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the catalog tests: where the bundled catalog and the small
 * fixture are, and editing the fixture to make broken documents.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "emitra-catalog.h"

static inline char *
catalog_test_source_path (const char *first, ...)
{
  const char *root = g_getenv ("EMITRA_SOURCE_ROOT");
  g_autofree char *tail = NULL;
  va_list args;

  g_assert_nonnull (root);
  va_start (args, first);
  tail = g_build_filename_valist (first, &args);
  va_end (args);

  return g_build_filename (root, tail, NULL);
}

static inline char *
catalog_test_bundled_dir (void)
{
  return catalog_test_source_path ("data", "catalog", NULL);
}

/* The bundled catalog, loaded as the desk loads it. */
static inline EmitraCatalog *
catalog_test_load_bundled (void)
{
  g_autofree char *dir = catalog_test_bundled_dir ();
  g_autofree char *catalog_path = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *masters_path = g_build_filename (dir, "masters.json", NULL);
  g_autoptr(GError) error = NULL;
  EmitraCatalog *catalog = emitra_catalog_new_from_files (catalog_path, masters_path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

/* The small merged fixture as a mutable tree, to be edited and serialised. */
static inline JsonNode *
catalog_test_small_tree (void)
{
  g_autofree char *path = catalog_test_source_path ("tests", "core", "data", "catalog-small.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static inline GBytes *
catalog_test_tree_bytes (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static inline GBytes *
catalog_test_small_bytes (const char *version)
{
  g_autoptr(JsonNode) root = catalog_test_small_tree ();

  if (version != NULL)
    json_object_set_string_member (json_node_get_object (root), "version", version);
  return catalog_test_tree_bytes (root);
}

/* Writes the fixture into @dir as the two bundled files. */
static inline void
catalog_test_write_bundled (const char *dir,
                            const char *version)
{
  g_autoptr(JsonNode) root = catalog_test_small_tree ();
  JsonObject *object = json_node_get_object (root);
  g_autoptr(JsonNode) masters = json_node_copy (json_object_get_member (object, "masters"));
  g_autoptr(GBytes) catalog_bytes = NULL;
  g_autoptr(GBytes) masters_bytes = NULL;
  g_autofree char *catalog_path = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *masters_path = g_build_filename (dir, "masters.json", NULL);

  if (version != NULL)
    json_object_set_string_member (object, "version", version);
  json_object_remove_member (object, "masters");
  catalog_bytes = catalog_test_tree_bytes (root);
  masters_bytes = catalog_test_tree_bytes (masters);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (catalog_path, g_bytes_get_data (catalog_bytes, NULL),
                                      (gssize) g_bytes_get_size (catalog_bytes), NULL));
  g_assert_true (g_file_set_contents (masters_path, g_bytes_get_data (masters_bytes, NULL),
                                      (gssize) g_bytes_get_size (masters_bytes), NULL));
}
