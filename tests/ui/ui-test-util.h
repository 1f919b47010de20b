/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

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
