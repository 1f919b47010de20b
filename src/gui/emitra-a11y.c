/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GTK 4.8 tells a screen reader a button is called, made right for
 * every button in the desk, libadwaita's included.
 *
 * A button with a text label is named, by GTK 4.8, after both its own
 * label property and the label inside it: "_Next Next", the mnemonic's
 * underscore read out and the word twice. Once a button is shown, its
 * name becomes the text of its label alone ("Next", "आगे"), and follows
 * the label when the text changes (Next becomes Submit). Buttons with an
 * icon only have no such label: their templates name them.
 *
 * And a search entry can be activated through AT-SPI, as Enter does.
 */
#include "config.h"

#include "emitra-a11y.h"

#include <adwaita.h>

static GQuark fixed_quark;

/* The label that shows a button's text: its child, or the label inside an
 * AdwButtonContent (icon and text). */
static GtkLabel *
find_text_label (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  if (GTK_IS_LABEL (child))
    return GTK_LABEL (child);
  if (ADW_IS_BUTTON_CONTENT (child))
    for (GtkWidget *w = gtk_widget_get_first_child (child); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_LABEL (w))
        return GTK_LABEL (w);
  return NULL;
}

static void
name_after_label (GtkButton *button)
{
  GtkLabel *label = find_text_label (button);
  const char *text = label != NULL ? gtk_label_get_text (label) : NULL;

  if (text == NULL || text[0] == '\0')
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
on_label_changed_cb (GObject    *object,
                     GParamSpec *pspec,
                     GtkButton  *button)
{
  name_after_label (button);
}

static gboolean
on_map_emission_cb (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);
  GtkLabel *label;

  if (!GTK_IS_BUTTON (object) || g_object_get_qdata (object, fixed_quark) != NULL)
    return TRUE;

  label = find_text_label (GTK_BUTTON (object));
  if (label == NULL)
    return TRUE;
  g_object_set_qdata (object, fixed_quark, GINT_TO_POINTER (1));
  name_after_label (GTK_BUTTON (object));
  /* The button's label property, and the label's own when AdwButtonContent
   * or code sets it directly. */
  g_signal_connect_object (object, "notify::label", G_CALLBACK (on_label_changed_cb), object, 0);
  g_signal_connect_object (label, "notify::label", G_CALLBACK (on_label_changed_cb), object, 0);
  return TRUE;
}

/* AT-SPI's "activate" on a search entry is gtk_widget_activate(), which
 * does nothing in GTK 4.8: GtkSearchEntry names no activate signal. With
 * its "activate" signal named, a screen reader's activate is Enter, which
 * in the catalog opens the first result. */
static void
make_search_entries_activatable (void)
{
  GtkWidgetClass *klass = g_type_class_ref (GTK_TYPE_SEARCH_ENTRY);

  if (gtk_widget_class_get_activate_signal (klass) == 0)
    gtk_widget_class_set_activate_signal_from_name (klass, "activate");
}

/* EMITRA_DEBUG_TEXT_SCALE=1.5 shows the desk as with GNOME's Large Text
 * (text-scaling-factor), which a session without a settings daemon, such
 * as Xvfb, cannot otherwise ask for: for checking that nothing is cut. */
static void
apply_debug_text_scale (void)
{
  const char *scale = g_getenv ("EMITRA_DEBUG_TEXT_SCALE");
  double factor;

  if (scale == NULL || (factor = g_ascii_strtod (scale, NULL)) < 0.5 || factor > 3.0)
    return;
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (96.0 * factor * 1024), NULL);
}

/* Once, before any window is shown. */
void
emitra_a11y_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      fixed_quark = g_quark_from_static_string ("emitra-a11y-named");
      /* The signal exists once the class does; it stays for good. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_map_emission_cb, NULL, NULL);
      make_search_entries_activatable ();
      apply_debug_text_scale ();
      g_once_init_leave (&done, 1);
    }
}
