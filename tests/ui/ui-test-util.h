/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

/* Points the user's data, config, cache and state directories at a fresh
 * temporary directory, so a UI test never sees or touches a real desk's
 * database, while the system directories (icons, MIME types) stay. */
static inline void
emitra_test_isolate_user_dirs (void)
{
  static const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "HOME" };
  g_autofree char *root = g_dir_make_tmp ("emitra-ui-test-XXXXXX", NULL);

  g_assert_nonnull (root);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (root, vars[i], NULL);
      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
}

/* The environment's language (LANGUAGE=hi in the second run of the UI
 * tests), with the translations of the build under test: those in
 * EMITRA_TEST_LOCALEDIR, or the build's own po/ (EMITRA_BUILD_ROOT). */
static inline void
emitra_test_use_build_translations (void)
{
  const char *localedir_override = g_getenv ("EMITRA_TEST_LOCALEDIR");
  const char *build_root = g_getenv ("EMITRA_BUILD_ROOT");

  setlocale (LC_ALL, "");
  if (localedir_override != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir_override);
  else if (build_root != NULL)
    {
      g_autofree char *localedir = g_build_filename (build_root, "po", NULL);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
