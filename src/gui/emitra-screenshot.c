/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a PNG of a widget as GTK itself draws it: the same renderer, so a
 * screenshot shows exactly what the operator sees, with no X tools needed.
 * `./run --screenshot FILE` and the UI tests share this code.
 */
#include "config.h"

#include "emitra-screenshot.h"

gboolean
emitra_screenshot_save (GtkWidget   *widget,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderNode *node;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0 || gtk_widget_get_native (widget) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           "The widget has not been drawn yet");
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The widget drew nothing");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char      *path;
  GCallback  done;
  gpointer   user_data;
  guint      frames;
} PendingShot;

/* A few frames after mapping, fonts are loaded and lists are laid out; the
 * frame clock tells us when they have really been painted. */
#define FRAMES_BEFORE_SHOT 6
#define MORE_FRAMES 60

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  PendingShot *shot = user_data;
  g_autoptr(GError) error = NULL;

  if (++shot->frames < FRAMES_BEFORE_SHOT)
    {
      gtk_widget_queue_draw (widget);
      return G_SOURCE_CONTINUE;
    }

  if (!emitra_screenshot_save (widget, shot->path, &error))
    {
      /* The window was asked to redraw since its last frame (a text
       * cursor blinking, a list scrolled): its picture is taken on a
       * frame that follows a paint. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED) && shot->frames < FRAMES_BEFORE_SHOT + MORE_FRAMES)
        return G_SOURCE_CONTINUE;
      g_warning ("Screenshot failed: %s", error->message);
    }

  if (shot->done != NULL)
    ((void (*) (GtkWidget *, gboolean, gpointer)) shot->done) (widget, error == NULL, shot->user_data);

  g_free (shot->path);
  g_free (shot);
  return G_SOURCE_REMOVE;
}

/* @done is called as void (*) (GtkWidget *widget, gboolean ok, gpointer user_data). */
void
emitra_screenshot_when_drawn (GtkWidget  *widget,
                              const char *path,
                              GCallback   done,
                              gpointer    user_data)
{
  PendingShot *shot = g_new0 (PendingShot, 1);

  shot->path = g_strdup (path);
  shot->done = done;
  shot->user_data = user_data;
  gtk_widget_add_tick_callback (widget, on_tick_cb, shot, NULL);
}
