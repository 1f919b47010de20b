/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer choice on machines without a GPU (emitra-renderer.c).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "emitra-renderer.h"

static void
test_renderer_dri_nodes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("emitra-dri-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *card = g_build_filename (dir, "card0", NULL);
  g_autofree char *render = g_build_filename (dir, "renderD128", NULL);

  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");

  /* No /dev/dri at all, or one with only a display card: software GL. */
  g_assert_true (emitra_renderer_prefers_cairo (missing));
  g_assert_true (emitra_renderer_prefers_cairo (dir));
  g_assert_true (g_file_set_contents (card, "", 0, NULL));
  g_assert_true (emitra_renderer_prefers_cairo (dir));

  /* A render node the desk may open: a GPU draws. */
  g_assert_true (g_file_set_contents (render, "", 0, NULL));
  g_assert_false (emitra_renderer_prefers_cairo (dir));

  /* ...unless one that it may not open (root opens anything). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (render, 0), ==, 0);
      g_assert_true (emitra_renderer_prefers_cairo (dir));
      g_assert_cmpint (g_chmod (render, 0600), ==, 0);
    }

  /* Mesa told to draw in software. */
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  g_assert_true (emitra_renderer_prefers_cairo (dir));
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "0", TRUE);
  g_assert_false (emitra_renderer_prefers_cairo (dir));
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");

  g_remove (render);
  g_remove (card);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/dri-nodes", test_renderer_dri_nodes);

  return g_test_run ();
}
