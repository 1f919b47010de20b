/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The installer's first-run setup: the centre's kiosk code, the gateway
 * (the training sandbox or a real address, which must be https), and the
 * receipt printer and format. It writes GSettings and closes; everything
 * can be changed later in Preferences.
 *
 * The interface language comes first, and is written as soon as it is
 * chosen: the language switch (emitra-language-switch.c) builds the
 * windows again in the new words, this one included, and the new setup
 * window takes over what was typed in the old (emitra_setup_window_take_input()).
 */
#include "config.h"

#include "emitra-setup-window.h"

#include <glib/gi18n.h>

#include "emitra-catalog.h"
#include "emitra-text.h"

struct _EmitraSetupWindow
{
  AdwWindow    parent_instance;

  GSettings   *settings;
  gboolean     showing_language;   /* the buttons set from the settings, not chosen */

  /* Template widgets */
  GtkToggleButton *english_button;
  GtkToggleButton *hindi_button;
  AdwEntryRow *centre_code_row;
  GtkCheckButton *sandbox_check;
  GtkCheckButton *gateway_check;
  AdwEntryRow *gateway_url_row;
  AdwComboRow *receipt_format_row;
  AdwEntryRow *printer_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (EmitraSetupWindow, emitra_setup_window, ADW_TYPE_WINDOW)

gboolean
emitra_setup_window_is_needed (GSettings *settings)
{
  return !g_settings_get_boolean (settings, "setup-complete");
}

/* A kiosk code is a letter and digits, like K11000142. */
static gboolean
kiosk_code_is_valid (const char *code)
{
  if (strlen (code) < 5 || strlen (code) > 16 || !g_ascii_isalpha (code[0]))
    return FALSE;
  for (const char *p = code + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static void
show_error (EmitraSetupWindow *self,
            const char        *message,
            GtkWidget         *row)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_widget_grab_focus (row);
}

/* Hindi or English chosen: written at once, for the language switch to
 * show the desk (and this window) in it. */
static void
on_language_button_toggled_cb (GtkToggleButton   *button,
                               EmitraSetupWindow *self)
{
  if (self->showing_language || self->settings == NULL || !gtk_toggle_button_get_active (button))
    return;
  g_settings_set_string (self->settings, "language", button == self->hindi_button ? "hi" : "en");
}

/* The language the words are in now: the one chosen, or the session's
 * when none was. */
static void
show_language (EmitraSetupWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  gboolean hindi = language[0] != '\0' ? g_str_equal (language, "hi") : emitra_text_prefers_hindi ();

  self->showing_language = TRUE;
  gtk_toggle_button_set_active (hindi ? self->hindi_button : self->english_button, TRUE);
  self->showing_language = FALSE;
}

static void
on_done_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EmitraSetupWindow *self = EMITRA_SETUP_WINDOW (widget);
  g_autofree char *code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->centre_code_row)), -1);
  const char *url = "";

  g_strstrip (code);
  if (!kiosk_code_is_valid (code))
    {
      show_error (self, _("Enter the kiosk code: a letter followed by digits, for example K11000142."),
                  GTK_WIDGET (self->centre_code_row));
      return;
    }

  if (gtk_check_button_get_active (self->gateway_check))
    {
      url = gtk_editable_get_text (GTK_EDITABLE (self->gateway_url_row));
      if (!g_str_has_prefix (url, "https://") || strlen (url) <= strlen ("https://"))
        {
          show_error (self, _("Enter the gateway address starting with https://. Only the training sandbox may use a plain connection."),
                      GTK_WIDGET (self->gateway_url_row));
          return;
        }
    }

  g_settings_set_string (self->settings, "centre-code", code);
  g_settings_set_string (self->settings, "gateway-url", url);
  g_settings_set_string (self->settings, "receipt-format",
                         adw_combo_row_get_selected (self->receipt_format_row) == 1 ? "a4" : "roll-80mm");
  g_settings_set_string (self->settings, "printer",
                         gtk_editable_get_text (GTK_EDITABLE (self->printer_row)));
  g_settings_set_boolean (self->settings, "setup-complete", TRUE);

  gtk_window_close (GTK_WINDOW (self));
}

static void
emitra_setup_window_dispose (GObject *object)
{
  EmitraSetupWindow *self = EMITRA_SETUP_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_SETUP_WINDOW);

  G_OBJECT_CLASS (emitra_setup_window_parent_class)->dispose (object);
}

static void
emitra_setup_window_class_init (EmitraSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_setup_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-setup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraSetupWindow, english_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraSetupWindow, hindi_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraSetupWindow, centre_code_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraSetupWindow, sandbox_check);
  gtk_widget_class_bind_template_child (widget_class, EmitraSetupWindow, gateway_check);
  gtk_widget_class_bind_template_child (widget_class, EmitraSetupWindow, gateway_url_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraSetupWindow, receipt_format_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraSetupWindow, printer_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraSetupWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_language_button_toggled_cb);

  gtk_widget_class_install_action (widget_class, "setup.done", NULL, on_done_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "setup.done", NULL);
}

static void
emitra_setup_window_init (EmitraSetupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

EmitraSetupWindow *
emitra_setup_window_new (GSettings *settings)
{
  EmitraSetupWindow *self = g_object_new (EMITRA_TYPE_SETUP_WINDOW, NULL);
  g_autofree char *code = g_settings_get_string (settings, "centre-code");
  g_autofree char *url = g_settings_get_string (settings, "gateway-url");
  g_autofree char *format = g_settings_get_string (settings, "receipt-format");
  g_autofree char *printer = g_settings_get_string (settings, "printer");

  self->settings = g_object_ref (settings);
  gtk_editable_set_text (GTK_EDITABLE (self->centre_code_row), code);
  gtk_editable_set_text (GTK_EDITABLE (self->gateway_url_row), url);
  gtk_check_button_set_active (url[0] != '\0' ? self->gateway_check : self->sandbox_check, TRUE);
  adw_combo_row_set_selected (self->receipt_format_row, g_str_equal (format, "a4") ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->printer_row), printer);
  show_language (self);

  return self;
}

/**
 * emitra_setup_window_take_input:
 * @from: the setup window this one replaces
 *
 * Shows what was typed and chosen in @from, not yet saved, in @self: a
 * setup window built again in another language loses nothing.
 */
void
emitra_setup_window_take_input (EmitraSetupWindow *self,
                                EmitraSetupWindow *from)
{
  g_return_if_fail (EMITRA_IS_SETUP_WINDOW (self));
  g_return_if_fail (EMITRA_IS_SETUP_WINDOW (from));

  gtk_editable_set_text (GTK_EDITABLE (self->centre_code_row),
                         gtk_editable_get_text (GTK_EDITABLE (from->centre_code_row)));
  gtk_editable_set_text (GTK_EDITABLE (self->gateway_url_row),
                         gtk_editable_get_text (GTK_EDITABLE (from->gateway_url_row)));
  gtk_check_button_set_active (gtk_check_button_get_active (from->gateway_check) ? self->gateway_check
                                                                                   : self->sandbox_check,
                               TRUE);
  adw_combo_row_set_selected (self->receipt_format_row, adw_combo_row_get_selected (from->receipt_format_row));
  gtk_editable_set_text (GTK_EDITABLE (self->printer_row),
                         gtk_editable_get_text (GTK_EDITABLE (from->printer_row)));
}
