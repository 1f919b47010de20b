/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which GSK renderer draws the desk on a machine with no GPU.
 *
 * Without a GPU that the desk may open, GTK 4.8 still draws through
 * OpenGL, which Mesa then emulates on the CPU (llvmpipe): each start pays
 * for compiling shaders on the CPU and for the emulator's memory, and
 * every frame is slower than cairo drawing the same thing. Many centre
 * PCs, virtual machines and remote desktops are such machines. GTK learnt
 * this itself in 4.13.8 ("gsk: Don't use gpu renderers with llvmpipe"),
 * choosing cairo there; on older GTK the desk makes the same choice, the
 * same way a person would, by setting GSK_RENDERER (and GDK_DEBUG's
 * documented gl-disable) before GTK starts.
 * Anyone who set GSK_RENDERER or GDK_DEBUG keeps what they set.
 */
#include "config.h"

#include "emitra-renderer.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <unistd.h>

/* TRUE when no DRM render node in @dri_dir can be opened, so any OpenGL
 * the desk gets is software. */
gboolean
emitra_renderer_prefers_cairo (const char *dri_dir)
{
  g_autoptr(GDir) dir = g_dir_open (dri_dir, 0, NULL);
  const char *software = g_getenv ("LIBGL_ALWAYS_SOFTWARE");
  const char *name;

  if (software != NULL && software[0] != '\0' && !g_str_equal (software, "0") &&
      g_ascii_strcasecmp (software, "false") != 0)
    return TRUE;
  if (dir == NULL)
    return TRUE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dri_dir, name, NULL);

      if (g_str_has_prefix (name, "renderD") && g_access (path, R_OK | W_OK) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Call first thing in main(), before GTK reads its environment and before
 * any thread starts (setenv is not thread-safe). */
void
emitra_renderer_setup (void)
{
#if !GTK_CHECK_VERSION (4, 13, 8)
  if (g_getenv ("GSK_RENDERER") != NULL || g_getenv ("GDK_DEBUG") != NULL)
    return;

  /* Not even opened: loading Mesa and making a context would cost the
   * start 50 ms and 60 MiB for nothing. */
  if (emitra_renderer_prefers_cairo ("/dev/dri"))
    {
      g_setenv ("GSK_RENDERER", "cairo", FALSE);
      g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
    }
#endif
}
