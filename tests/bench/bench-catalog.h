/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A synthetic catalog of any size for the benchmarks, made from the real
 * one so that it looks like it: each synthetic service is a real service
 * (its department, category, keywords, documents and form) offered in one
 * of the 41 districts, named after a made-up scheme in both scripts
 * ("Kalisar Yojana" / "कालीसर योजना"), so the search vocabulary grows with
 * the catalog as a real one's would. The benchmarks say so when they use it.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

static inline JsonObject *
bench_read_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s: %s", path, error->message);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static inline char *
bench_source_path (const char *first, ...)
{
  const char *root = g_getenv ("EMITRA_SOURCE_ROOT");
  g_autofree char *tail = NULL;
  va_list args;

  g_assert (root != NULL);
  va_start (args, first);
  tail = g_build_filename_valist (first, &args);
  va_end (args);
  return g_build_filename (root, tail, NULL);
}

/* A made-up word from @n: "Kalisar" in Latin and "कालीसर" in Devanagari. */
static inline void
bench_scheme_name (guint     n,
                   GString  *latin,
                   GString  *hindi)
{
  static const char *latin_syllables[] = { "ka", "li", "sar", "man", "dho", "ra", "pu", "ne", "vi", "tal", "go", "bha", "ji", "nar", "su", "de" };
  static const char *hindi_syllables[] = { "का", "ली", "सर", "मन", "धो", "रा", "पु", "ने", "वि", "ताल", "गो", "भा", "जी", "नर", "सु", "दे" };

  g_string_truncate (latin, 0);
  g_string_truncate (hindi, 0);
  for (guint i = 0; i < 3; i++)
    {
      guint s = (n >> (4 * i)) & 15;

      g_string_append (latin, latin_syllables[s]);
      g_string_append (hindi, hindi_syllables[s]);
    }
  latin->str[0] = g_ascii_toupper (latin->str[0]);
}

/* The merged catalog document with @n_services services. */
static inline GBytes *
bench_synthetic_catalog (guint n_services)
{
  g_autofree char *catalog_path = bench_source_path ("data", "catalog", "catalog.json", NULL);
  g_autofree char *masters_path = bench_source_path ("data", "catalog", "masters.json", NULL);
  g_autoptr(JsonObject) real = bench_read_json (catalog_path);
  g_autoptr(JsonObject) masters = bench_read_json (masters_path);
  JsonArray *real_services = json_object_get_array_member (real, "services");
  JsonArray *districts = json_object_get_array_member (masters, "districts");
  guint n_real = json_array_get_length (real_services);
  guint n_districts = json_array_get_length (districts);
  g_autoptr(JsonObject) document = json_object_new ();
  JsonArray *services = json_array_sized_new (n_services);
  g_autoptr(GString) latin = g_string_new (NULL);
  g_autoptr(GString) hindi = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *version = g_strdup_printf ("9999.%u.1", n_services);
  char *text;

  json_object_set_string_member (document, "version", version);
  json_object_set_member (document, "departments", json_node_copy (json_object_get_member (real, "departments")));
  json_object_set_member (document, "categories", json_node_copy (json_object_get_member (real, "categories")));
  json_object_set_member (document, "field_groups", json_node_copy (json_object_get_member (real, "field_groups")));

  for (guint i = 0; i < n_services; i++)
    {
      JsonObject *base = json_array_get_object_element (real_services, i % n_real);
      JsonObject *district = json_array_get_object_element (districts, (i / n_real) % n_districts);
      JsonObject *service = json_object_new ();
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;
      g_autofree char *id = g_strdup_printf ("%s-%u", json_object_get_string_member (base, "id"), i);
      g_autofree char *name_en = NULL;
      g_autofree char *name_hi = NULL;

      bench_scheme_name (i, latin, hindi);
      name_en = g_strdup_printf ("%s – %s (%s Yojana)", json_object_get_string_member (base, "name_en"),
                                 json_object_get_string_member (district, "name_en"), latin->str);
      name_hi = g_strdup_printf ("%s – %s (%s योजना)", json_object_get_string_member (base, "name_hi"),
                                 json_object_get_string_member (district, "name_hi"), hindi->str);
      /* A new object sharing the real service's documents and form, which
       * are not changed (json_node_copy () would share the object itself). */
      json_object_iter_init (&iter, base);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (service, member, json_node_copy (value));
      json_object_set_string_member (service, "id", id);
      json_object_set_string_member (service, "name_en", name_en);
      json_object_set_string_member (service, "name_hi", name_hi);
      json_array_add_object_element (services, service);
    }

  json_object_set_array_member (document, "services", services);
  json_object_set_object_member (document, "masters", json_object_ref (masters));

  root = json_node_init_object (json_node_alloc (), document);
  text = json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

/* Writes @document as a bundled catalog (catalog.json + masters.json) in
 * a new temporary directory, for runs of the desk itself. */
static inline char *
bench_write_bundled (GBytes *document)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("emitra-bench-catalog-XXXXXX", &error);
  JsonObject *object;
  g_autoptr(JsonNode) masters = NULL;
  g_autofree char *catalog_text = NULL;
  g_autofree char *masters_text = NULL;
  g_autofree char *catalog_path = NULL;
  g_autofree char *masters_path = NULL;

  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (document, NULL), (gssize) g_bytes_get_size (document), &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  masters = json_node_copy (json_object_get_member (object, "masters"));
  json_object_remove_member (object, "masters");

  catalog_text = json_to_string (json_parser_get_root (parser), FALSE);
  masters_text = json_to_string (masters, FALSE);
  catalog_path = g_build_filename (dir, "catalog.json", NULL);
  masters_path = g_build_filename (dir, "masters.json", NULL);
  g_assert (g_file_set_contents (catalog_path, catalog_text, -1, NULL));
  g_assert (g_file_set_contents (masters_path, masters_text, -1, NULL));

  return g_steal_pointer (&dir);
}
