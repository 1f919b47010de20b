/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the start-up benchmark (tests/bench/bench-startup.c): with
 * EMITRA_REPORT_FIRST_FRAME set, the first frame painted with the catalog
 * on screen prints one line on standard output,
 *
 *   first-frame <CLOCK_MONOTONIC microseconds> <peak RSS (VmHWM) in KiB> <renderer>
 *
 * and, when the variable is "quit", the desk then quits. Without the
 * variable this does nothing.
 */
#include "config.h"

#include "emitra-first-frame.h"

#include <stdio.h>
#include <string.h>

static guint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  GtkWidget *widget = user_data;
  gint64 now = g_get_monotonic_time ();
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  printf ("first-frame %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT " %s\n", now, peak_rss_kib (),
          renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "unknown");
  fflush (stdout);

  if (g_strcmp0 (g_getenv ("EMITRA_REPORT_FIRST_FRAME"), "quit") == 0 && g_application_get_default () != NULL)
    g_application_quit (g_application_get_default ());
}

/* The tick runs in the update phase of the first frame that lays out and
 * paints @widget; its after-paint is the end of that frame. */
static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint_cb), widget, 0);
  return G_SOURCE_REMOVE;
}

/* Call when @widget first has the catalog to show. */
void
emitra_first_frame_report (GtkWidget *widget)
{
  const char *mode = g_getenv ("EMITRA_REPORT_FIRST_FRAME");

  if (mode == NULL || mode[0] == '\0')
    return;

  gtk_widget_add_tick_callback (widget, on_tick_cb, NULL, NULL);
}
