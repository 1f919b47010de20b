/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * startup.first_frame and startup.rss: the real emitra-desk, exec'd with
 * EMITRA_REPORT_FIRST_FRAME=quit, prints the CLOCK_MONOTONIC time of the
 * end of its first frame that shows the catalog, and its peak resident
 * memory then (VmHWM), and quits (src/gui/emitra-first-frame.c). From the
 * moment before the exec to that frame is the figure; the median of
 * several runs is reported.
 *
 * The desk is a configured one (setup done, in a fresh data directory):
 * the bundled catalog is loaded, as on a desk that has not yet fetched a
 * newer one. The renderer is the desk's default one unless GSK_RENDERER
 * or GDK_DEBUG in the environment say otherwise; the one used is printed.
 * On a machine without a GPU that default is cairo (src/gui/emitra-renderer.c),
 * so the same runs are then made again with OpenGL forced (llvmpipe), and
 * printed as comments, for comparison.
 * Accessibility is off (GTK_A11Y=none): under dbus-run-session the AT-SPI
 * bus would be started by the first run, which a real session has running.
 *
 * EMITRA_BENCH_STARTUP_PROGRAM runs another program that prints the same
 * line instead, to compare with a baseline (a bare libadwaita window).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

#define RUNS 7

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static char **
child_environment (const char *root)
{
  g_auto(GStrv) base = g_get_environ ();
  g_autofree char *data = g_build_filename (root, "data", NULL);
  g_autofree char *config = g_build_filename (root, "config", NULL);
  g_autofree char *cache = g_build_filename (root, "cache", NULL);
  g_autofree char *keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  char **env = g_strdupv (base);

  /* A desk that has been set up: no first-start dialog. */
  g_mkdir_with_parents (keyfile_dir, 0700);
  g_file_set_contents (keyfile, "[in/emitra/Desk]\nsetup-complete=true\n", -1, NULL);

  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", FALSE);
  env = g_environ_setenv (env, "EMITRA_REPORT_FIRST_FRAME", "quit", TRUE);
  env = g_environ_unsetenv (env, "EMITRA_DATA_DIR");
  env = g_environ_unsetenv (env, "EMITRA_CATALOG_DIR");
  return env;
}

typedef struct
{
  char   *renderer;
  double  first_frame_ms;   /* medians */
  double  rss_mib;
} Measured;

/* RUNS starts of @program in @env; the medians. */
static Measured
measure (const char  *program,
         char       **env)
{
  double first_frame[RUNS], rss[RUNS];
  Measured measured = { NULL, 0, 0 };

  for (guint run = 0; run < RUNS; run++)
    {
      char *argv[] = { (char *) program, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_auto(GStrv) fields = NULL;
      double start;
      GPid pid;
      int out_fd, status;
      char buffer[256];
      gssize n;
      GString *line = g_string_new (NULL);

      start = now_us ();
      if (!g_spawn_async_with_pipes (NULL, argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                     NULL, &out_fd, NULL, &error))
        g_error ("%s: %s", program, error->message);

      while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
        g_string_append_len (line, buffer, n);
      close (out_fd);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);

      out = g_string_free (line, FALSE);
      fields = g_strsplit (g_strstrip (strstr (out, "first-frame") != NULL ? strstr (out, "first-frame") : out), " ", -1);
      if (g_strv_length (fields) < 4 || !g_str_equal (fields[0], "first-frame"))
        g_error ("emitra-desk reported no first frame (exit status %d): %s", status, out);

      first_frame[run] = (g_ascii_strtod (fields[1], NULL) - start) / 1000.0;
      rss[run] = g_ascii_strtod (fields[2], NULL) / 1024.0;
      g_free (measured.renderer);
      measured.renderer = g_strdup (fields[3]);
      printf ("# run %u: first frame %.1f ms, peak RSS %.1f MiB (%s)\n", run + 1, first_frame[run], rss[run],
              measured.renderer);
    }

  measured.first_frame_ms = bench_percentile (first_frame, RUNS, 50);
  measured.rss_mib = bench_percentile (rss, RUNS, 50);
  return measured;
}

int
main (void)
{
  const char *build_root = g_getenv ("EMITRA_BUILD_ROOT");
  g_autofree char *desk = NULL;
  g_autofree char *root = g_dir_make_tmp ("emitra-bench-startup-XXXXXX", NULL);
  g_auto(GStrv) env = NULL;
  Measured measured;
  struct rusage usage;
  gboolean ok = TRUE;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("# startup needs a display: run under xvfb-run (skipped)\n");
      return 77;
    }
  g_assert (build_root != NULL);
  desk = g_getenv ("EMITRA_BENCH_STARTUP_PROGRAM") != NULL
    ? g_strdup (g_getenv ("EMITRA_BENCH_STARTUP_PROGRAM"))
    : g_build_filename (build_root, "src", "emitra-desk", NULL);
  env = child_environment (root);

  measured = measure (desk, env);
  getrusage (RUSAGE_CHILDREN, &usage);
  printf ("# emitra-desk under %s, renderer %s, bundled catalog, accessibility off; "
          "the largest child's peak RSS by getrusage: %.1f MiB\n",
          g_getenv ("WAYLAND_DISPLAY") ? "Wayland" : "X11 (Xvfb)", measured.renderer, usage.ru_maxrss / 1024.0);

  /* For comparison: the desk drawing through OpenGL anyway. */
  if (g_strcmp0 (measured.renderer, "GskCairoRenderer") == 0 && g_getenv ("GSK_RENDERER") == NULL)
    {
      g_auto(GStrv) gl_env = g_environ_setenv (g_strdupv (env), "GSK_RENDERER", "gl", TRUE);
      Measured gl = measure (desk, gl_env);

      printf ("# with GSK_RENDERER=gl forced (%s, in software here): first frame %.1f ms, peak RSS %.1f MiB\n",
              gl.renderer, gl.first_frame_ms, gl.rss_mib);
      g_free (gl.renderer);
    }

  ok &= bench_report ("startup.first_frame", measured.first_frame_ms, "ms", 300);
  ok &= bench_report ("startup.rss", measured.rss_mib, "MiB", 150);
  g_free (measured.renderer);
  return ok ? 0 : 1;
}
