/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-preferences-window.h"

#include "emitra-display.h"

#include <glib/gi18n.h>

struct _EmitraPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GArray               *idle_lock_minutes;  /* the idle lock row's items, in minutes */
  gboolean              filling_idle_lock;

  /* Template widgets */
  AdwComboRow          *language_row;
  GtkSwitch            *digits_switch;
  AdwComboRow          *receipt_format_row;
  AdwComboRow          *idle_lock_row;
  AdwEntryRow          *gateway_url_row;
  AdwEntryRow          *centre_code_row;
  AdwEntryRow          *printer_row;
};

G_DEFINE_FINAL_TYPE (EmitraPreferencesWindow, emitra_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the rows' string lists in the template. */
static const char *const language_codes[] = { "", "en", "hi" };
static const char *const receipt_formats[] = { "roll-80mm", "a4" };
/* The idle lock's choices; a value set another way (the key allows 0 to
 * 480) is shown among them rather than changed behind the operator's back. */
static const guint idle_lock_choices[] = { 0, 2, 5, 10, 15, 30 };

static guint
index_of (const char *const *values,
          guint              n_values,
          const char        *value)
{
  for (guint i = 0; i < n_values; i++)
    if (g_str_equal (values[i], value))
      return i;
  return 0;
}

static void
on_language_row_selected_cb (EmitraPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected < G_N_ELEMENTS (language_codes))
    g_settings_set_string (self->settings, "language", language_codes[selected]);
}

static void
on_receipt_format_row_selected_cb (EmitraPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->receipt_format_row);

  if (selected < G_N_ELEMENTS (receipt_formats))
    g_settings_set_string (self->settings, "receipt-format", receipt_formats[selected]);
}

static char *
idle_lock_label (guint minutes)
{
  g_autofree char *text = NULL;

  if (minutes == 0)
    return g_strdup (C_("idle lock", "Never"));
  text = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
  return emitra_display_digits (text);
}

static void
add_idle_lock_item (EmitraPreferencesWindow *self,
                    GtkStringList           *items,
                    guint                    minutes)
{
  g_autofree char *label = idle_lock_label (minutes);

  gtk_string_list_append (items, label);
  g_array_append_val (self->idle_lock_minutes, minutes);
}

/* The row's items, with the key's value selected. */
static void
fill_idle_lock_row (EmitraPreferencesWindow *self)
{
  guint current = g_settings_get_uint (self->settings, "idle-lock-minutes");
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  gboolean placed = FALSE;
  guint selected = 0;

  g_array_set_size (self->idle_lock_minutes, 0);
  for (guint i = 0; i < G_N_ELEMENTS (idle_lock_choices); i++)
    {
      if (!placed && current <= idle_lock_choices[i])
        {
          selected = self->idle_lock_minutes->len;
          placed = TRUE;
          if (current < idle_lock_choices[i])
            add_idle_lock_item (self, items, current);
        }
      add_idle_lock_item (self, items, idle_lock_choices[i]);
    }
  if (!placed)
    {
      selected = self->idle_lock_minutes->len;
      add_idle_lock_item (self, items, current);
    }

  self->filling_idle_lock = TRUE;
  adw_combo_row_set_model (self->idle_lock_row, G_LIST_MODEL (items));
  adw_combo_row_set_selected (self->idle_lock_row, selected);
  self->filling_idle_lock = FALSE;
}

static void
on_idle_lock_row_selected_cb (EmitraPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->idle_lock_row);

  if (self->filling_idle_lock || selected >= self->idle_lock_minutes->len)
    return;
  g_settings_set_uint (self->settings, "idle-lock-minutes",
                       g_array_index (self->idle_lock_minutes, guint, selected));
}

/* Changed elsewhere (another window, dconf): show the new value. */
static void
on_idle_lock_changed_cb (EmitraPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->idle_lock_row);
  guint current = g_settings_get_uint (self->settings, "idle-lock-minutes");

  if (selected < self->idle_lock_minutes->len && g_array_index (self->idle_lock_minutes, guint, selected) == current)
    return;
  fill_idle_lock_row (self);
}

static void
bind_entry_row (EmitraPreferencesWindow *self,
                AdwEntryRow             *row,
                const char              *key)
{
  g_settings_bind (self->settings, key, row, "text", G_SETTINGS_BIND_DEFAULT);
}

static void
emitra_preferences_window_constructed (GObject *object)
{
  EmitraPreferencesWindow *self = EMITRA_PREFERENCES_WINDOW (object);
  g_autofree char *language = NULL;
  g_autofree char *receipt_format = NULL;

  G_OBJECT_CLASS (emitra_preferences_window_parent_class)->constructed (object);

  language = g_settings_get_string (self->settings, "language");
  adw_combo_row_set_selected (self->language_row,
                              index_of (language_codes, G_N_ELEMENTS (language_codes), language));
  receipt_format = g_settings_get_string (self->settings, "receipt-format");
  adw_combo_row_set_selected (self->receipt_format_row,
                              index_of (receipt_formats, G_N_ELEMENTS (receipt_formats), receipt_format));

  g_signal_connect_swapped (self->language_row, "notify::selected",
                            G_CALLBACK (on_language_row_selected_cb), self);
  g_signal_connect_swapped (self->receipt_format_row, "notify::selected",
                            G_CALLBACK (on_receipt_format_row_selected_cb), self);
  fill_idle_lock_row (self);
  g_signal_connect_swapped (self->idle_lock_row, "notify::selected",
                            G_CALLBACK (on_idle_lock_row_selected_cb), self);
  g_signal_connect_object (self->settings, "changed::idle-lock-minutes",
                           G_CALLBACK (on_idle_lock_changed_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "devanagari-digits", self->digits_switch, "active", G_SETTINGS_BIND_DEFAULT);
  bind_entry_row (self, self->gateway_url_row, "gateway-url");
  bind_entry_row (self, self->centre_code_row, "centre-code");
  bind_entry_row (self, self->printer_row, "printer");
}

static void
emitra_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  EmitraPreferencesWindow *self = EMITRA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  EmitraPreferencesWindow *self = EMITRA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_preferences_window_dispose (GObject *object)
{
  EmitraPreferencesWindow *self = EMITRA_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->idle_lock_minutes, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (emitra_preferences_window_parent_class)->dispose (object);
}

static void
emitra_preferences_window_class_init (EmitraPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = emitra_preferences_window_constructed;
  object_class->dispose = emitra_preferences_window_dispose;
  object_class->get_property = emitra_preferences_window_get_property;
  object_class->set_property = emitra_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraPreferencesWindow, digits_switch);
  gtk_widget_class_bind_template_child (widget_class, EmitraPreferencesWindow, receipt_format_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraPreferencesWindow, idle_lock_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraPreferencesWindow, gateway_url_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraPreferencesWindow, centre_code_row);
  gtk_widget_class_bind_template_child (widget_class, EmitraPreferencesWindow, printer_row);
}

static void
emitra_preferences_window_init (EmitraPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->idle_lock_minutes = g_array_new (FALSE, FALSE, sizeof (guint));
}

EmitraPreferencesWindow *
emitra_preferences_window_new (GSettings *settings)
{
  return g_object_new (EMITRA_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
