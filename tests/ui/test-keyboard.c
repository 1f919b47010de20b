/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A caste-certificate application without touching the mouse: the real
 * emitra-desk, keystrokes from xdotool under Xvfb. Enter moves from field
 * to field, a letter or two picks from a drop-down (type-ahead), Ctrl+Enter
 * goes to the next step, Tab and Space tick "Original seen", Enter on
 * Attach opens the file chooser where the path is typed. The desk reports
 * its state on reaching Review (EMITRA_DEBUG_FLOW_WATCH).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "ui-test-util.h"

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Runs xdotool with @args (NULL-terminated); returns its output. */
static char *
xdo (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *arg;
  va_list ap;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
keys (const char *first,
      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  g_ptr_array_add (argv, (gpointer) "key");
  g_ptr_array_add (argv, (gpointer) "--delay");
  g_ptr_array_add (argv, (gpointer) "60");
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
type (const char *text)
{
  g_free (xdo ("type", "--delay", "40", text, NULL));
}

/* Types @text into the focused field and presses Enter: the next field. */
static void
field (const char *text)
{
  if (text[0] != '\0')
    type (text);
  keys ("Return", NULL);
}

static void
pause_ms (guint ms)
{
  g_usleep (ms * 1000);
}

static char *
find_window (const char *title_regex)
{
  g_test_message ("waiting for the window %s", title_regex);
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *out = xdo ("search", "--name", title_regex, NULL);
      g_auto(GStrv) lines = g_strsplit (g_strstrip (out), "\n", 0);
      guint n = g_strv_length (lines);

      if (n > 0 && lines[n - 1][0] != '\0')
        return g_strdup (lines[n - 1]);
      pause_ms (100);
    }
  g_assert_not_reached ();
}

/* Enter on the focused Attach button, the path typed into the chooser. */
static void
attach (const char *desk_window,
        const char *path)
{
  g_autofree char *chooser = NULL;

  keys ("Return", NULL);
  chooser = find_window ("^Attach ");
  /* Xvfb has no window manager to hand the new dialog the keyboard. */
  g_free (xdo ("windowfocus", "--sync", chooser, NULL));
  pause_ms (300);
  type (path);
  pause_ms (400);
  keys ("Return", NULL);
  pause_ms (800);
  g_free (xdo ("windowfocus", "--sync", desk_window, NULL));
  pause_ms (300);
}

static char *
write_files (const char *dir,
             char      **out_pdf)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
  };
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n";
  g_autofree char *png_path = g_build_filename (dir, "photo.png", NULL);

  *out_pdf = g_build_filename (dir, "declaration.pdf", NULL);
  g_assert_true (g_file_set_contents (png_path, (const char *) png, sizeof png, NULL));
  g_assert_true (g_file_set_contents (*out_pdf, pdf, sizeof pdf - 1, NULL));
  return g_steal_pointer (&png_path);
}

static void
test_keyboard_only (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *desk = g_build_filename (g_getenv ("EMITRA_BUILD_ROOT"), "src", "emitra-desk", NULL);
  g_autofree char *data_dir = g_dir_make_tmp ("emitra-keyboard-XXXXXX", NULL);
  g_autofree char *settings_dir = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *png = write_files (g_get_tmp_dir (), &pdf);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;
  g_autofree char *line = NULL;
  g_autofree char *which = g_find_program_in_path ("xdotool");
  JsonObject *state, *fields, *documents;

  if (which == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  /* A desk that is set up already: no first-run window takes the keyboard. */
  g_mkdir_with_parents (settings_dir, 0700);
  g_assert_true (g_file_set_contents (keyfile, "[in/emitra/Desk]\nsetup-complete=true\n", -1, NULL));
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "EMITRA_DATA_DIR", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "EMITRA_OPEN_SERVICE", "caste-certificate-obc", TRUE);
  g_subprocess_launcher_setenv (launcher, "EMITRA_DEBUG_FLOW_WATCH", "review", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  /* Keystrokes are the point here, not the renderer: the fast one. */
  g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, desk, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "EMITRA-FLOW-OPEN citizen");
  window = find_window ("^e-Mitra Desk$");
  g_free (xdo ("windowfocus", "--sync", window, NULL));
  pause_ms (500);

  /* Citizen, by hand (no Jan Aadhaar): past the family ID and its button. */
  keys ("Tab", "Tab", NULL);
  field ("Sunita Kumari");
  field ("कमल");
  field ("Mohan Lal");
  field ("f");               /* Gender: Female */
  field ("05/06/1990");
  field ("9876543210");
  field ("234123412346");
  field ("");                /* Jan Aadhaar member ID is optional */
  field ("4, Gandhi Path");
  field ("Ward 12");
  field ("Sanganer");
  field ("jai");             /* District: Jaipur */
  field ("302029");
  keys ("ctrl+Return", NULL);
  pause_ms (400);

  /* Details. */
  field ("Mali");
  field ("o");               /* Other Backward Class */
  field ("120000");
  field ("s");               /* State government purposes */
  keys ("ctrl+Return", NULL);
  pause_ms (400);

  /* Documents: originals of the two cards seen, three scans attached. */
  keys ("shift+Tab", "space", "Tab", "Tab", "space", "Tab", "Tab", NULL);
  attach (window, png);                       /* photograph */
  keys ("Tab", "Tab", NULL);
  attach (window, pdf);                       /* self-declaration */
  keys ("Tab", "Tab", "Tab", "Tab", "Tab", NULL);
  attach (window, pdf);                       /* proof of income */
  keys ("ctrl+Return", NULL);
  pause_ms (400);

  /* Fee: the cash; Enter goes on to Review. */
  field ("100");

  g_clear_pointer (&line, g_free);
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "EMITRA-FLOW-STATE "));
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_data (parser, line + strlen ("EMITRA-FLOW-STATE "), -1, &error));
  state = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (state, "step"), ==, "review");
  fields = json_object_get_object_member (state, "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "full_name_en"), ==, "Sunita Kumari");
  g_assert_cmpstr (json_object_get_string_member (fields, "gender"), ==, "female");
  g_assert_cmpstr (json_object_get_string_member (fields, "date_of_birth"), ==, "05/06/1990");
  g_assert_cmpstr (json_object_get_string_member (fields, "district"), ==, "jaipur");
  g_assert_cmpstr (json_object_get_string_member (fields, "caste_category"), ==, "obc");
  g_assert_cmpstr (json_object_get_string_member (fields, "certificate_for"), ==, "state");
  documents = json_object_get_object_member (state, "documents");
  g_assert_cmpstr (json_object_get_string_member (documents, "jan_aadhaar"), ==, "seen");
  g_assert_cmpstr (json_object_get_string_member (documents, "aadhaar"), ==, "seen");
  g_assert_cmpstr (json_object_get_string_member (documents, "photo"), ==, "attached");
  g_assert_cmpstr (json_object_get_string_member (documents, "self_declaration"), ==, "attached");
  g_assert_cmpstr (json_object_get_string_member (documents, "income_proof"), ==, "attached");

  g_unlink (png);
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  emitra_test_isolate_user_dirs ();

  g_test_add_func ("/ui/application/keyboard-only", test_keyboard_only);

  return g_test_run ();
}
