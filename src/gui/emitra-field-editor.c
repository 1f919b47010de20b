/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widgets of one form field: the row the operator types into or picks
 * from (an entry, a date with a calendar, an amount in rupees, a drop-down
 * of choices or districts) and the line under it that shows the field's
 * hint, or what is wrong with it in the operator's language.
 *
 * The editor knows nothing of validation: EmitraFormView asks core and
 * hands the verdict back through emitra_field_editor_show_message(). What
 * the editor guarantees is that a verdict is never shown by colour alone
 * (an icon and a sentence naming the field) and that a screen reader hears
 * it: the message becomes the row's accessible description.
 *
 * The text of a choice is its option's value and the text of a district
 * its master-data id, so drafts and the gateway see stable ids, never
 * labels in one language.
 */
#include "config.h"

#include "emitra-field-editor.h"

#include <glib/gi18n.h>

#include "emitra-date-row.h"
#include "emitra-district.h"
#include "emitra-text.h"

struct _EmitraFieldEditor
{
  GObject          parent_instance;

  EmitraFormField *field;
  GtkWidget       *row;
  GtkWidget       *message_row;
  GtkLabel        *message_label;
  GtkImage        *message_icon;

  /* Choice and district rows: the value behind each item after the
   * "Select" placeholder at position 0, and the names it can be typed as
   * (its label in both languages, casefolded). */
  GPtrArray       *values;
  GPtrArray       *search_names;
  GString         *typed;
  gint64           typed_at;

  char            *text;
  char            *shown_message;
  EmitraValidity   shown_validity;
  gboolean         dirty;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (EmitraFieldEditor, emitra_field_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  LEFT,
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_choice_row (EmitraFieldEditor *self)
{
  return ADW_IS_COMBO_ROW (self->row);
}

static void
set_text_internal (EmitraFieldEditor *self,
                   const char        *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");
  self->dirty = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_editable_changed_cb (GtkEditable       *editable,
                        EmitraFieldEditor *self)
{
  set_text_internal (self, gtk_editable_get_text (editable));
}

static void
on_entry_activated_cb (AdwEntryRow       *row,
                       EmitraFieldEditor *self)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
on_combo_selected_cb (AdwComboRow       *row,
                      GParamSpec        *pspec,
                      EmitraFieldEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *value = "";

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->values->len)
    value = g_ptr_array_index (self->values, selected - 1);

  set_text_internal (self, value);

  /* Picking from the list is the operator's "Enter" on a drop-down. */
  if (!self->updating)
    g_signal_emit (self, signals[ACTIVATED], 0);
}

/* Whether one of the lines of @names starts with @prefix (casefolded). */
static gboolean
names_start_with (const char *names,
                  const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (names, "\n", 0);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (lines[i], -1);

      if (g_str_has_prefix (folded, prefix))
        return TRUE;
    }
  return FALSE;
}

/* Type-ahead on a closed drop-down: "jai" picks Jaipur (or जयपुर), in
 * either language, without opening the list; a pause starts a new word.
 * An expert reaches any of 41 districts in two or three keys. */
static gboolean
on_combo_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         EmitraFieldEditor     *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  gint64 now = g_get_monotonic_time ();
  g_autofree char *prefix = NULL;
  guint n = self->values->len;
  guint start;

  /* Enter on a drop-down that has its value goes to the next field, like
   * Enter in an entry; with nothing chosen yet (or Space) it opens the list. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0 &&
      adw_combo_row_get_selected (ADW_COMBO_ROW (self->row)) > 0 &&
      adw_combo_row_get_selected (ADW_COMBO_ROW (self->row)) != GTK_INVALID_LIST_POSITION)
    {
      g_signal_emit (self, signals[ACTIVATED], 0);
      return GDK_EVENT_STOP;
    }

  if (c == 0 || !g_unichar_isprint (c) || g_unichar_isspace (c) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || n == 0)
    return GDK_EVENT_PROPAGATE;

  if (now - self->typed_at > G_USEC_PER_SEC)
    g_string_truncate (self->typed, 0);
  self->typed_at = now;
  g_string_append_unichar (self->typed, c);
  prefix = g_utf8_casefold (self->typed->str, -1);

  /* A repeated first letter moves on to the next match, as in lists. */
  /* Items are values + 1 (the placeholder comes first): searching from
   * the selected item's index as a value starts at the value after it,
   * for a first letter; a longer word keeps the selection if it matches. */
  start = adw_combo_row_get_selected (ADW_COMBO_ROW (self->row));
  if (start == GTK_INVALID_LIST_POSITION)
    start = 0;
  else if (start > 0 && g_utf8_strlen (self->typed->str, -1) > 1)
    start--;
  for (guint k = 0; k < n; k++)
    {
      guint i = (start + k) % n;

      if (names_start_with (g_ptr_array_index (self->search_names, i), prefix))
        {
          self->updating = TRUE;
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->row), i + 1);
          self->updating = FALSE;
          return GDK_EVENT_STOP;
        }
    }
  return GDK_EVENT_STOP;
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   EmitraFieldEditor       *self)
{
  g_signal_emit (self, signals[LEFT], 0);
}

static GtkWidget *
create_entry_row (EmitraFieldEditor *self)
{
  EmitraFieldType type = emitra_form_field_get_field_type (self->field);
  guint max_length = emitra_form_field_get_max_length (self->field);
  GtkWidget *row;

  if (type == EMITRA_FIELD_TYPE_DATE)
    row = emitra_date_row_new ();
  else
    row = adw_entry_row_new ();

  switch (type)
    {
    case EMITRA_FIELD_TYPE_NAME:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NAME);
      break;
    case EMITRA_FIELD_TYPE_MOBILE:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
      break;
    case EMITRA_FIELD_TYPE_NUMBER:
    case EMITRA_FIELD_TYPE_AADHAAR:
    case EMITRA_FIELD_TYPE_JAN_AADHAAR:
    case EMITRA_FIELD_TYPE_PIN:
    case EMITRA_FIELD_TYPE_CONSUMER_NUMBER:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
      break;
    case EMITRA_FIELD_TYPE_MONEY:
      {
        GtkWidget *rupee = gtk_label_new ("₹");

        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
        gtk_widget_add_css_class (rupee, "dim-label");
        adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), rupee);
      }
      break;
    case EMITRA_FIELD_TYPE_IFSC:
    case EMITRA_FIELD_TYPE_PAN:
      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (row), GTK_INPUT_HINT_UPPERCASE_CHARS);
      break;
    default:
      break;
    }

  /* A hard limit cuts what is pasted or filled from Jan Aadhaar at a
   * code point, which in Devanagari can be the middle of a letter (a
   * consonant without its vowel sign). Names and free text are not cut:
   * core's check says when they are too long. Identifiers, one code point
   * a character, are held to their length as they are typed. */
  if (max_length > 0 && type != EMITRA_FIELD_TYPE_NAME && type != EMITRA_FIELD_TYPE_TEXT)
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

      if (GTK_IS_TEXT (delegate))
        gtk_text_set_max_length (GTK_TEXT (delegate), (int) max_length);
    }

  g_signal_connect_object (row, "changed", G_CALLBACK (on_editable_changed_cb), self, 0);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_entry_activated_cb), self, 0);
  return row;
}

static GtkWidget *
create_combo_row (EmitraFieldEditor *self,
                  GListModel        *districts)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean hindi = emitra_text_prefers_hindi ();
  GtkWidget *row = adw_combo_row_new ();
  GtkEventController *keys;

  /* Translators: the first entry of a drop-down, before anything is chosen. */
  gtk_string_list_append (labels, _("Select…"));
  if (emitra_form_field_get_field_type (self->field) == EMITRA_FIELD_TYPE_DISTRICT)
    {
      guint n = districts != NULL ? g_list_model_get_n_items (districts) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(EmitraDistrict) district = g_list_model_get_item (districts, i);

          gtk_string_list_append (labels, emitra_district_get_name (district, hindi));
          g_ptr_array_add (self->values, g_strdup (emitra_district_get_id (district)));
          g_ptr_array_add (self->search_names, g_strdup_printf ("%s\n%s",
                                                                emitra_district_get_name_en (district),
                                                                emitra_district_get_name_hi (district)));
        }
    }
  else
    {
      guint n = emitra_form_field_get_n_options (self->field);

      for (guint i = 0; i < n; i++)
        {
          const EmitraFieldOption *option = emitra_form_field_get_option (self->field, i);

          gtk_string_list_append (labels, emitra_field_option_get_label (option));
          g_ptr_array_add (self->values, g_strdup (option->value));
          g_ptr_array_add (self->search_names, g_strdup_printf ("%s\n%s", option->label_en, option->label_hi));
        }
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_combo_key_pressed_cb), self, 0);
  gtk_widget_add_controller (row, keys);
  /* Long choices (and Hindi ones) read in full under the label rather
   * than cut short beside it. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self, 0);
  return row;
}

static void
build_message_row (EmitraFieldEditor *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/in/emitra/Desk/emitra-field-message.ui");

  self->message_row = g_object_ref_sink (GTK_WIDGET (gtk_builder_get_object (builder, "message_row")));
  self->message_label = GTK_LABEL (gtk_builder_get_object (builder, "message_label"));
  self->message_icon = GTK_IMAGE (gtk_builder_get_object (builder, "message_icon"));
}

static char *
dup_title (EmitraFormField *field)
{
  if (emitra_form_field_get_required (field))
    return g_strdup (emitra_form_field_get_label (field));

  /* Translators: the label of a form field the applicant may leave empty. */
  return g_strdup_printf (_("%s (optional)"), emitra_form_field_get_label (field));
}

EmitraFieldEditor *
emitra_field_editor_new (EmitraFormField *field,
                         GListModel      *districts)
{
  EmitraFieldEditor *self;
  EmitraFieldType type;
  GtkEventController *focus;
  g_autofree char *title = NULL;

  g_return_val_if_fail (EMITRA_IS_FORM_FIELD (field), NULL);

  self = g_object_new (EMITRA_TYPE_FIELD_EDITOR, NULL);
  self->field = g_object_ref (field);
  type = emitra_form_field_get_field_type (field);

  if (type == EMITRA_FIELD_TYPE_CHOICE || type == EMITRA_FIELD_TYPE_DISTRICT)
    self->row = g_object_ref_sink (create_combo_row (self, districts));
  else
    self->row = g_object_ref_sink (create_entry_row (self));

  title = dup_title (field);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), title);
  gtk_widget_set_name (self->row, emitra_form_field_get_id (field));
  /* The row is named by its title (libadwaita relates the two): a label
   * set here as well would be read twice, "Gender Gender". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->row),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, emitra_form_field_get_required (field),
                                  -1);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
  gtk_widget_add_controller (self->row, focus);

  build_message_row (self);
  emitra_field_editor_show_message (self, EMITRA_VALIDITY_VALID, NULL);
  self->dirty = FALSE;

  return self;
}

EmitraFormField *
emitra_field_editor_get_field (EmitraFieldEditor *self)
{
  g_return_val_if_fail (EMITRA_IS_FIELD_EDITOR (self), NULL);
  return self->field;
}

const char *
emitra_field_editor_get_id (EmitraFieldEditor *self)
{
  g_return_val_if_fail (EMITRA_IS_FIELD_EDITOR (self), NULL);
  return emitra_form_field_get_id (self->field);
}

GtkWidget *
emitra_field_editor_get_row (EmitraFieldEditor *self)
{
  g_return_val_if_fail (EMITRA_IS_FIELD_EDITOR (self), NULL);
  return self->row;
}

GtkWidget *
emitra_field_editor_get_message_row (EmitraFieldEditor *self)
{
  g_return_val_if_fail (EMITRA_IS_FIELD_EDITOR (self), NULL);
  return self->message_row;
}

const char *
emitra_field_editor_get_text (EmitraFieldEditor *self)
{
  g_return_val_if_fail (EMITRA_IS_FIELD_EDITOR (self), NULL);
  return self->text != NULL ? self->text : "";
}

/* Sets the value as if typed (a draft being restored, a Jan Aadhaar
 * record filling the form): "changed" is emitted, "activated" is not. */
void
emitra_field_editor_set_text (EmitraFieldEditor *self,
                              const char        *text)
{
  g_return_if_fail (EMITRA_IS_FIELD_EDITOR (self));

  if (text == NULL)
    text = "";

  self->updating = TRUE;
  if (is_choice_row (self))
    {
      guint position = 0;

      for (guint i = 0; i < self->values->len; i++)
        if (g_str_equal (g_ptr_array_index (self->values, i), text))
          position = i + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->row), position);
      /* A value no longer offered (a district merged away) stays unset. */
      set_text_internal (self, position > 0 ? text : "");
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->row), text);
      set_text_internal (self, text);
    }
  self->updating = FALSE;
}

gboolean
emitra_field_editor_get_dirty (EmitraFieldEditor *self)
{
  g_return_val_if_fail (EMITRA_IS_FIELD_EDITOR (self), FALSE);
  return self->dirty;
}

void
emitra_field_editor_set_dirty (EmitraFieldEditor *self,
                               gboolean           dirty)
{
  g_return_if_fail (EMITRA_IS_FIELD_EDITOR (self));
  self->dirty = dirty;
}

static void
set_invalid_state (GtkWidget *widget,
                   gboolean   invalid,
                   const char *description)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Shows @message under the row: an error (INVALID), a warning that still
 * lets the operator go on (WARNING), or with VALID and no message the
 * field's hint, if it has one. */
void
emitra_field_editor_show_message (EmitraFieldEditor *self,
                                  EmitraValidity     validity,
                                  const char        *message)
{
  const char *hint;
  const char *text;
  GtkWidget *delegate = NULL;

  g_return_if_fail (EMITRA_IS_FIELD_EDITOR (self));

  hint = emitra_form_field_get_pattern_hint (self->field);
  text = message != NULL ? message : hint;
  self->shown_validity = message != NULL ? validity : EMITRA_VALIDITY_VALID;
  g_free (self->shown_message);
  self->shown_message = g_strdup (message);

  gtk_label_set_label (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->message_row, text != NULL && text[0] != '\0');

  gtk_widget_remove_css_class (self->row, "error");
  gtk_widget_remove_css_class (self->row, "warning");
  gtk_widget_remove_css_class (self->message_row, "error");
  gtk_widget_remove_css_class (self->message_row, "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");

  switch (self->shown_validity)
    {
    case EMITRA_VALIDITY_INVALID:
      gtk_image_set_from_icon_name (self->message_icon, "dialog-error-symbolic");
      gtk_widget_add_css_class (self->row, "error");
      gtk_widget_add_css_class (self->message_row, "error");
      break;
    case EMITRA_VALIDITY_WARNING:
      gtk_image_set_from_icon_name (self->message_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (self->row, "warning");
      gtk_widget_add_css_class (self->message_row, "warning");
      break;
    case EMITRA_VALIDITY_VALID:
    default:
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->message_icon), self->shown_validity != EMITRA_VALIDITY_VALID);

  /* The entry inside the row is what has the keyboard focus, so it carries
   * the message for a screen reader as well. */
  if (GTK_IS_EDITABLE (self->row))
    delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->row)));
  set_invalid_state (self->row, self->shown_validity == EMITRA_VALIDITY_INVALID, text);
  if (delegate != NULL)
    set_invalid_state (delegate, self->shown_validity == EMITRA_VALIDITY_INVALID, text);
}

EmitraValidity
emitra_field_editor_get_shown_validity (EmitraFieldEditor *self)
{
  g_return_val_if_fail (EMITRA_IS_FIELD_EDITOR (self), EMITRA_VALIDITY_VALID);
  return self->shown_validity;
}

const char *
emitra_field_editor_get_shown_message (EmitraFieldEditor *self)
{
  g_return_val_if_fail (EMITRA_IS_FIELD_EDITOR (self), NULL);
  return self->shown_message;
}

void
emitra_field_editor_grab_focus (EmitraFieldEditor *self)
{
  g_return_if_fail (EMITRA_IS_FIELD_EDITOR (self));
  gtk_widget_grab_focus (self->row);
}

static void
emitra_field_editor_dispose (GObject *object)
{
  EmitraFieldEditor *self = EMITRA_FIELD_EDITOR (object);

  g_clear_object (&self->row);
  g_clear_object (&self->message_row);
  self->message_label = NULL;
  self->message_icon = NULL;

  G_OBJECT_CLASS (emitra_field_editor_parent_class)->dispose (object);
}

static void
emitra_field_editor_finalize (GObject *object)
{
  EmitraFieldEditor *self = EMITRA_FIELD_EDITOR (object);

  g_clear_object (&self->field);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->search_names, g_ptr_array_unref);
  if (self->typed != NULL)
    g_string_free (self->typed, TRUE);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->shown_message, g_free);

  G_OBJECT_CLASS (emitra_field_editor_parent_class)->finalize (object);
}

static void
emitra_field_editor_class_init (EmitraFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = emitra_field_editor_dispose;
  object_class->finalize = emitra_field_editor_finalize;

  /* The value changed, by the operator or by emitra_field_editor_set_text(). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The keyboard focus left the field: time to check it. */
  signals[LEFT] = g_signal_new ("left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Enter in the field, or a choice picked from its list: go to the next. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
emitra_field_editor_init (EmitraFieldEditor *self)
{
  self->values = g_ptr_array_new_with_free_func (g_free);
  self->search_names = g_ptr_array_new_with_free_func (g_free);
  self->typed = g_string_new (NULL);
  self->text = g_strdup ("");
}
