/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A part of a service's form, built from its schema: one titled group of
 * rows per field group (applicant, address, the service's own details),
 * each field with the input that suits its type (see EmitraFieldEditor).
 *
 * Checking follows the operator's hands: a field is checked when the focus
 * leaves it (if it was touched), an error already shown is cleared as soon
 * as the value becomes right, and emitra_form_view_validate() checks them
 * all when Next is pressed, moving the focus to the first wrong field so a
 * screen reader reads its label and message. Enter moves to the next field.
 */
#include "config.h"

#include "emitra-form-view.h"

#include <glib/gi18n.h>

#include "emitra-field-editor.h"

struct _EmitraFormView
{
  GtkWidget         parent_instance;

  EmitraFormSchema *schema;
  GPtrArray        *editors;      /* EmitraFieldEditor, in form order */
  GHashTable       *by_id;        /* field id -> EmitraFieldEditor (borrowed) */
  gboolean          verified_aadhaar;
};

G_DEFINE_FINAL_TYPE (EmitraFormView, emitra_form_view, GTK_TYPE_WIDGET)

enum {
  FIELD_CHANGED,
  LAST_FIELD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
emitra_form_view_new (void)
{
  return g_object_new (EMITRA_TYPE_FORM_VIEW, NULL);
}

static void
get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Core's verdict on one editor, with the exception only the GUI can make:
 * a masked Aadhaar number that came verified from Jan Aadhaar. */
static EmitraValidity
validate_editor (EmitraFormView     *self,
                 EmitraFieldEditor  *editor,
                 char              **out_normalised,
                 GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text = emitra_field_editor_get_text (editor);
  EmitraValidity validity;
  GDate today;

  get_today (&today);
  validity = emitra_form_schema_validate_field (self->schema, emitra_field_editor_get_id (editor),
                                                text, &today, out_normalised, &local_error);
  if (validity == EMITRA_VALIDITY_INVALID && self->verified_aadhaar &&
      g_error_matches (local_error, EMITRA_VALIDATE_ERROR, EMITRA_VALIDATE_ERROR_MASKED))
    {
      if (out_normalised != NULL)
        *out_normalised = g_strdup (text);
      return EMITRA_VALIDITY_VALID;
    }

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return validity;
}

static EmitraValidity
check_editor (EmitraFormView    *self,
              EmitraFieldEditor *editor)
{
  g_autoptr(GError) error = NULL;
  EmitraValidity validity = validate_editor (self, editor, NULL, &error);

  emitra_field_editor_show_message (editor, validity, error != NULL ? error->message : NULL);
  emitra_field_editor_set_dirty (editor, FALSE);
  return validity;
}

static void
on_editor_changed_cb (EmitraFieldEditor *editor,
                      EmitraFormView    *self)
{
  /* A wrong value being corrected loses its error the moment it is right;
   * a new error waits until the operator leaves the field. */
  if (emitra_field_editor_get_shown_validity (editor) != EMITRA_VALIDITY_VALID)
    {
      g_autoptr(GError) error = NULL;
      EmitraValidity validity = validate_editor (self, editor, NULL, &error);

      if (validity == EMITRA_VALIDITY_VALID)
        emitra_field_editor_show_message (editor, EMITRA_VALIDITY_VALID, NULL);
    }

  g_signal_emit (self, signals[FIELD_CHANGED], 0, emitra_field_editor_get_id (editor));
}

static void
on_editor_left_cb (EmitraFieldEditor *editor,
                   EmitraFormView    *self)
{
  /* Tabbing through an untouched field is not a mistake. */
  if (emitra_field_editor_get_dirty (editor) ||
      emitra_field_editor_get_shown_validity (editor) != EMITRA_VALIDITY_VALID)
    check_editor (self, editor);
}

static void
on_editor_activated_cb (EmitraFieldEditor *editor,
                        EmitraFormView    *self)
{
  guint index;

  if (!g_ptr_array_find (self->editors, editor, &index))
    return;

  check_editor (self, editor);
  if (index + 1 < self->editors->len)
    emitra_field_editor_grab_focus (g_ptr_array_index (self->editors, index + 1));
  else
    g_signal_emit (self, signals[LAST_FIELD_ACTIVATED], 0);
}

static void
clear (EmitraFormView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  for (guint i = 0; i < self->editors->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->editors, i), self);
  g_ptr_array_set_size (self->editors, 0);
  g_hash_table_remove_all (self->by_id);
  g_clear_object (&self->schema);
}

/* Builds the rows of @fields (EmitraFormField of @schema), grouped under
 * their groups' titles in the order the groups first appear. */
void
emitra_form_view_set_fields (EmitraFormView   *self,
                             EmitraFormSchema *schema,
                             GPtrArray        *fields,
                             GListModel       *districts)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (EMITRA_IS_FORM_VIEW (self));
  g_return_if_fail (EMITRA_IS_FORM_SCHEMA (schema));
  g_return_if_fail (fields != NULL);

  clear (self);
  self->schema = g_object_ref (schema);

  for (guint i = 0; i < fields->len; i++)
    {
      EmitraFormField *field = g_ptr_array_index (fields, i);
      const char *group_id = emitra_form_field_get_group (field);
      const char *key = group_id != NULL ? group_id : "";
      g_autoptr(EmitraFieldEditor) editor = NULL;
      AdwPreferencesGroup *group;

      if (emitra_form_field_get_field_type (field) == EMITRA_FIELD_TYPE_DOCUMENT)
        continue;  /* documents have their own step */

      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, emitra_form_group_get_title (group_id));
          gtk_widget_set_parent (GTK_WIDGET (group), GTK_WIDGET (self));
          g_hash_table_insert (groups, (gpointer) key, group);
        }

      editor = emitra_field_editor_new (field, districts);
      adw_preferences_group_add (group, emitra_field_editor_get_row (editor));
      adw_preferences_group_add (group, emitra_field_editor_get_message_row (editor));
      g_signal_connect (editor, "changed", G_CALLBACK (on_editor_changed_cb), self);
      g_signal_connect (editor, "left", G_CALLBACK (on_editor_left_cb), self);
      g_signal_connect (editor, "activated", G_CALLBACK (on_editor_activated_cb), self);
      g_hash_table_insert (self->by_id, (gpointer) emitra_field_editor_get_id (editor), editor);
      g_ptr_array_add (self->editors, g_steal_pointer (&editor));
    }
}

guint
emitra_form_view_get_n_fields (EmitraFormView *self)
{
  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), 0);
  return self->editors->len;
}

gboolean
emitra_form_view_has_field (EmitraFormView *self,
                            const char     *field_id)
{
  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), FALSE);
  return g_hash_table_contains (self->by_id, field_id);
}

GStrv
emitra_form_view_dup_field_ids (EmitraFormView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    g_strv_builder_add (builder, emitra_field_editor_get_id (g_ptr_array_index (self->editors, i)));
  return g_strv_builder_end (builder);
}

const char *
emitra_form_view_get_text (EmitraFormView *self,
                           const char     *field_id)
{
  EmitraFieldEditor *editor;

  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), NULL);

  editor = g_hash_table_lookup (self->by_id, field_id);
  return editor != NULL ? emitra_field_editor_get_text (editor) : NULL;
}

/* Sets a value as if typed; a message shown for the field is cleared, as
 * the value it judged is gone. */
void
emitra_form_view_set_text (EmitraFormView *self,
                           const char     *field_id,
                           const char     *text)
{
  EmitraFieldEditor *editor;

  g_return_if_fail (EMITRA_IS_FORM_VIEW (self));

  editor = g_hash_table_lookup (self->by_id, field_id);
  if (editor == NULL)
    return;
  emitra_field_editor_set_text (editor, text);
  emitra_field_editor_show_message (editor, EMITRA_VALIDITY_VALID, NULL);
  emitra_field_editor_set_dirty (editor, FALSE);
}

/* The citizen was identified through Jan Aadhaar with an OTP: the masked
 * Aadhaar number from the record is accepted as it is. */
void
emitra_form_view_set_verified_aadhaar (EmitraFormView *self,
                                       gboolean        verified)
{
  g_return_if_fail (EMITRA_IS_FORM_VIEW (self));
  self->verified_aadhaar = verified;
}

gboolean
emitra_form_view_check_field (EmitraFormView *self,
                              const char     *field_id)
{
  EmitraFieldEditor *editor;

  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), FALSE);

  editor = g_hash_table_lookup (self->by_id, field_id);
  return editor == NULL || check_editor (self, editor) != EMITRA_VALIDITY_INVALID;
}

/* Checks every field and shows each verdict. When one is wrong, the focus
 * moves to the first wrong field and its message is returned through
 * @out_first_message, for the page to announce. */
gboolean
emitra_form_view_validate (EmitraFormView  *self,
                           char           **out_first_message)
{
  EmitraFieldEditor *first = NULL;

  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), FALSE);

  for (guint i = 0; i < self->editors->len; i++)
    {
      EmitraFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (check_editor (self, editor) == EMITRA_VALIDITY_INVALID && first == NULL)
        first = editor;
    }

  if (first == NULL)
    return TRUE;

  emitra_field_editor_grab_focus (first);
  if (out_first_message != NULL)
    *out_first_message = g_strdup (emitra_field_editor_get_shown_message (first));
  return FALSE;
}

/* Shows a message that came from elsewhere (the gateway naming a field). */
gboolean
emitra_form_view_show_error (EmitraFormView *self,
                             const char     *field_id,
                             const char     *message)
{
  EmitraFieldEditor *editor;

  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), FALSE);

  editor = g_hash_table_lookup (self->by_id, field_id);
  if (editor == NULL)
    return FALSE;
  emitra_field_editor_show_message (editor, EMITRA_VALIDITY_INVALID, message);
  emitra_field_editor_grab_focus (editor);
  return TRUE;
}

GtkWidget *
emitra_form_view_get_field_row (EmitraFormView *self,
                                const char     *field_id)
{
  EmitraFieldEditor *editor;

  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), NULL);

  editor = g_hash_table_lookup (self->by_id, field_id);
  return editor != NULL ? emitra_field_editor_get_row (editor) : NULL;
}

const char *
emitra_form_view_get_shown_message (EmitraFormView *self,
                                    const char     *field_id)
{
  EmitraFieldEditor *editor;

  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), NULL);

  editor = g_hash_table_lookup (self->by_id, field_id);
  return editor != NULL ? emitra_field_editor_get_shown_message (editor) : NULL;
}

/* The values as the gateway wants them (Latin digits, paise, ISO dates...),
 * or an error naming the first field that is wrong. Empty optional fields
 * are left out. */
GHashTable *
emitra_form_view_dup_normalised (EmitraFormView  *self,
                                 GError         **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (EMITRA_IS_FORM_VIEW (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      EmitraFieldEditor *editor = g_ptr_array_index (self->editors, i);
      g_autofree char *normalised = NULL;

      if (validate_editor (self, editor, &normalised, error) == EMITRA_VALIDITY_INVALID)
        return NULL;
      if (normalised != NULL && normalised[0] != '\0')
        g_hash_table_insert (values, g_strdup (emitra_field_editor_get_id (editor)),
                             g_steal_pointer (&normalised));
    }

  return g_steal_pointer (&values);
}

void
emitra_form_view_focus_first (EmitraFormView *self)
{
  g_return_if_fail (EMITRA_IS_FORM_VIEW (self));

  if (self->editors->len > 0)
    emitra_field_editor_grab_focus (g_ptr_array_index (self->editors, 0));
}

static void
emitra_form_view_dispose (GObject *object)
{
  EmitraFormView *self = EMITRA_FORM_VIEW (object);

  clear (self);

  G_OBJECT_CLASS (emitra_form_view_parent_class)->dispose (object);
}

static void
emitra_form_view_finalize (GObject *object)
{
  EmitraFormView *self = EMITRA_FORM_VIEW (object);

  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);

  G_OBJECT_CLASS (emitra_form_view_parent_class)->finalize (object);
}

static void
emitra_form_view_class_init (EmitraFormViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_form_view_dispose;
  object_class->finalize = emitra_form_view_finalize;

  /* A field's value changed: its id. The page saves the draft. */
  signals[FIELD_CHANGED] = g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Enter in the last field: the page moves the focus to Next. */
  signals[LAST_FIELD_ACTIVATED] = g_signal_new ("last-field-activated", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "emitra-form-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
emitra_form_view_init (EmitraFormView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);

  self->editors = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}
