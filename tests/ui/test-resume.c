/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A power cut in the middle of an application: the real emitra-desk is
 * driven to the Documents step (fields typed, a scan attached, an original
 * ticked), killed with SIGKILL, and started again. It must resume the
 * draft at the Documents step with every field as typed, the Aadhaar
 * number as the only exception: drafts keep it masked, by design.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "ui-test-util.h"

typedef struct
{
  const char *id;
  const char *typed;
  const char *resumed;   /* NULL: as typed */
} FieldCase;

static const FieldCase fields[] = {
  { "full_name_en", "Sunita Kumari Saini", NULL },
  { "full_name_hi", "सुनीता कुमारी सैनी", NULL },
  { "father_husband_name", "Mohan Lal Saini", NULL },
  { "gender", "female", NULL },
  { "date_of_birth", "05/06/1990", NULL },
  { "mobile", "98765 43210", NULL },
  /* Typed in full (it passed the check), kept masked. */
  { "aadhaar", "2341 2341 2346", "XXXX XXXX 2346" },
  { "house_street", "4, Gandhi Path", NULL },
  { "village_ward", "Ward 12", NULL },
  { "tehsil", "Sanganer", NULL },
  { "district", "jaipur", NULL },
  { "pin", "302029", NULL },
  { "caste_name", "Mali", NULL },
  { "caste_category", "obc", NULL },
  { "annual_income", "1,20,000", NULL },
  { "certificate_for", "central", NULL },
};

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GSubprocess *
spawn_desk (const char * const *env)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *desk = g_build_filename (g_getenv ("EMITRA_BUILD_ROOT"), "src", "emitra-desk", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  for (guint i = 0; env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, desk, NULL);
  g_assert_no_error (error);
  return process;
}

/* The first line of the desk's output that starts with @prefix. */
static char *
read_line_with (GSubprocess *process,
                const char  *prefix)
{
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        return NULL;
      if (g_str_has_prefix (line, prefix))
        return g_strdup (line + strlen (prefix));
    }
}

static char *
write_png (const char *dir)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
    0, 0, 0, 12, 'I', 'D', 'A', 'T', 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0, 0, 0x03, 0x01, 0x01, 0,
    0x18, 0xdd, 0x8d, 0xb0, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };
  g_autofree char *path = g_build_filename (dir, "photo scan.png", NULL);

  g_assert_true (g_file_set_contents (path, (const char *) png, sizeof png, NULL));
  return g_steal_pointer (&path);
}

static char *
write_script (const char *dir,
              const char *photo)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (dir, "fill.json", NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      json_builder_set_member_name (builder, fields[i].id);
      json_builder_add_string_value (builder, fields[i].typed);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "stop_at");
  json_builder_add_string_value (builder, "documents");
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "photo");
  json_builder_add_string_value (builder, photo);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "seen");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "jan_aadhaar");
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return g_steal_pointer (&path);
}

/* No byte of the desk's data may hold the full Aadhaar number. */
static void
assert_no_full_aadhaar (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
          !g_file_get_contents (path, &contents, &length, NULL))
        continue;
      g_assert_null (g_strstr_len (contents, length, "234123412346"));
      g_assert_null (g_strstr_len (contents, length, "2341 2341 2346"));
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_resume_after_sigkill (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("emitra-resume-XXXXXX", NULL);
  g_autofree char *photo = write_png (g_get_tmp_dir ());
  g_autofree char *script = write_script (g_get_tmp_dir (), photo);
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *state = NULL;
  JsonObject *resumed, *shown, *documents;
  const char *fill_env[] = {
    "EMITRA_DATA_DIR", data_dir,
    "EMITRA_OPEN_SERVICE", "caste-certificate-obc",
    "EMITRA_DEBUG_FLOW_FILL", script,
    NULL,
  };
  const char *resume_env[] = {
    "EMITRA_DATA_DIR", data_dir,
    "EMITRA_RESUME_LATEST", "1",
    "EMITRA_DEBUG_FLOW_DUMP", "1",
    NULL,
  };

  /* Typed up to Documents, saved, then the power goes. */
  first = spawn_desk (fill_env);
  ready = read_line_with (first, "EMITRA-FLOW-READY ");
  g_assert_cmpstr (ready, ==, "documents");
  g_subprocess_send_signal (first, SIGKILL);
  g_subprocess_wait (first, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (first));
  g_assert_cmpint (g_subprocess_get_term_sig (first), ==, SIGKILL);
  assert_no_full_aadhaar (data_dir);

  /* The desk comes back where it was. */
  second = spawn_desk (resume_env);
  state = read_line_with (second, "EMITRA-FLOW-STATE ");
  g_assert_nonnull (state);
  g_subprocess_wait (second, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_data (parser, state, -1, &error));
  g_assert_no_error (error);
  resumed = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (resumed, "step"), ==, "documents");
  shown = json_object_get_object_member (resumed, "fields");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *expected = fields[i].resumed != NULL ? fields[i].resumed : fields[i].typed;

      g_test_message ("field %s", fields[i].id);
      g_assert_cmpstr (json_object_get_string_member (shown, fields[i].id), ==, expected);
    }
  documents = json_object_get_object_member (resumed, "documents");
  g_assert_cmpstr (json_object_get_string_member (documents, "photo"), ==, "attached");
  g_assert_cmpstr (json_object_get_string_member (documents, "jan_aadhaar"), ==, "seen");
  g_assert_false (json_object_has_member (documents, "aadhaar"));

  g_unlink (photo);
  g_unlink (script);
  remove_tree (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();

  g_test_add_func ("/ui/application/resume-after-sigkill", test_resume_after_sigkill);

  return g_test_run ();
}
