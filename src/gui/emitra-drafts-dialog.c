/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Drafts list: applications started on this desk and not submitted,
 * newest first, each with its service, citizen and the step where work
 * stopped. It opens by itself when the desk starts with unfinished work
 * (after a crash or a power cut, say) and from the main menu.
 *
 * Drafts are purged after the days set in Preferences
 * (draft-retention-days); a draft within its last days says so here first,
 * so the operator can finish it or let it go knowingly.
 */
#include "config.h"

#include "emitra-drafts-dialog.h"

#include <glib/gi18n.h>

#include "emitra-display.h"
#include "emitra-flow-private.h"
#include "emitra-scan.h"
#include "emitra-text.h"

/* How many days before its purge a draft starts to warn. */
#define WARN_DAYS 3

struct _EmitraDraftsDialog
{
  AdwWindow         parent_instance;

  EmitraCatalog    *catalog;
  EmitraDraftStore *store;
  GtkWindow        *parent;
  guint             retention_days;
  guint             n_drafts;

  /* Template widgets */
  GtkStack         *stack;
  GtkListBox       *drafts_list;
};

G_DEFINE_FINAL_TYPE (EmitraDraftsDialog, emitra_drafts_dialog, ADW_TYPE_WINDOW)

static void
update_empty (EmitraDraftsDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, self->n_drafts > 0 ? "list" : "empty");
}

static void
on_resume_clicked_cb (GtkButton          *button,
                      EmitraDraftsDialog *self)
{
  const char *draft_id = g_object_get_data (G_OBJECT (button), "draft-id");
  GtkWindow *parent = self->parent;

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.resume-draft", "s", draft_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_draft_deleted_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!emitra_draft_store_delete_finish (EMITRA_DRAFT_STORE (source), result, &error))
    g_warning ("A draft could not be deleted: %s", error->message);
}

static void
on_delete_clicked_cb (GtkButton          *button,
                      EmitraDraftsDialog *self)
{
  const char *draft_id = g_object_get_data (G_OBJECT (button), "draft-id");
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  emitra_scan_remove_for_draft (draft_id);
  emitra_draft_store_delete_async (self->store, draft_id, NULL, on_draft_deleted_cb, NULL);
  if (row != NULL)
    gtk_list_box_remove (self->drafts_list, row);
  self->n_drafts--;
  update_empty (self);
}

static gint64
days_left (EmitraDraftsDialog *self,
           EmitraDraft        *draft)
{
  gint64 age_days = (g_get_real_time () / G_USEC_PER_SEC - emitra_draft_get_updated_at (draft)) / (24 * 60 * 60);

  return MAX ((gint64) self->retention_days - age_days, 0);
}

static char *
describe (EmitraDraftsDialog *self,
          EmitraDraft        *draft)
{
  g_autoptr(GDateTime) updated = g_date_time_new_from_unix_local (emitra_draft_get_updated_at (draft));
  g_autofree char *when = updated != NULL ? emitra_display_date_time (updated) : g_strdup ("");
  gint64 left = days_left (self, draft);
  const char *step = emitra_flow_step_title (emitra_draft_get_step (draft));

  if (left <= WARN_DAYS)
    {
      /* Translators: a draft in the Drafts list: the step where work
       * stopped, when it was last changed, and a warning; %d is the number
       * of days before it is deleted (0: today). */
      g_autofree char *warning = g_strdup_printf (ngettext ("Stopped at: %s · %s · Deleted in %d day unless finished",
                                                            "Stopped at: %s · %s · Deleted in %d days unless finished",
                                                            (int) left),
                                                  step, when, (int) left);

      /* A step's name, a date and a count: the whole line in the chosen digits. */
      return emitra_display_digits (warning);
    }

  /* Translators: a draft in the Drafts list: the step where work stopped
   * and when it was last changed. */
  return g_strdup_printf (_("Stopped at: %s · %s"), step, when);
}

static GtkWidget *
create_row (EmitraDraftsDialog *self,
            EmitraDraft        *draft)
{
  EmitraService *service = emitra_catalog_lookup_service (self->catalog, emitra_draft_get_service_id (draft));
  const char *service_name = service != NULL ? emitra_service_get_name (service, emitra_text_prefers_hindi ())
                                             : emitra_draft_get_service_id (draft);
  const char *citizen = emitra_draft_get_citizen_name (draft);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *resume = gtk_button_new_with_mnemonic (_("_Resume"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe (self, draft);
  g_autofree char *resume_name = NULL;
  g_autofree char *remove_name = NULL;

  if (citizen != NULL && citizen[0] != '\0')
    /* Translators: a draft: the service's name and the citizen's. */
    title = g_strdup_printf (_("%s — %s"), service_name, citizen);
  else
    title = g_strdup (service_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  /* Translators: the accessible name of a button; %s names a draft. */
  resume_name = g_strdup_printf (_("Resume %s"), title);
  /* Translators: the accessible name of a button; %s names a draft. */
  remove_name = g_strdup_printf (_("Delete %s"), title);
  gtk_widget_set_valign (resume, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (resume, "suggested-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (resume), GTK_ACCESSIBLE_PROPERTY_LABEL, resume_name, -1);
  g_object_set_data_full (G_OBJECT (resume), "draft-id", g_strdup (emitra_draft_get_id (draft)), g_free);
  g_signal_connect (resume, "clicked", G_CALLBACK (on_resume_clicked_cb), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Delete this draft"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_object_set_data_full (G_OBJECT (remove), "draft-id", g_strdup (emitra_draft_get_id (draft)), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_delete_clicked_cb), self);

  if (days_left (self, draft) <= WARN_DAYS)
    {
      /* Not by colour alone: an icon beside the words. */
      GtkWidget *warning = g_object_new (GTK_TYPE_IMAGE,
                                         "icon-name", "dialog-warning-symbolic",
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                         NULL);

      gtk_widget_add_css_class (warning, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), warning);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), resume);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), resume);
  return row;
}

EmitraDraftsDialog *
emitra_drafts_dialog_new (GtkWindow        *parent,
                          EmitraCatalog    *catalog,
                          EmitraDraftStore *store,
                          GListModel       *drafts,
                          guint             retention_days)
{
  EmitraDraftsDialog *self;
  guint n;

  g_return_val_if_fail (EMITRA_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (EMITRA_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (drafts), NULL);

  self = g_object_new (EMITRA_TYPE_DRAFTS_DIALOG, "transient-for", parent, NULL);
  self->parent = parent;
  if (parent != NULL)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  self->catalog = g_object_ref (catalog);
  self->store = g_object_ref (store);
  self->retention_days = retention_days;

  n = g_list_model_get_n_items (drafts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraDraft) draft = g_list_model_get_item (drafts, i);

      if (emitra_draft_get_submitted (draft))
        continue;
      gtk_list_box_append (self->drafts_list, create_row (self, draft));
      self->n_drafts++;
    }
  update_empty (self);
  return self;
}

guint
emitra_drafts_dialog_get_n_drafts (EmitraDraftsDialog *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFTS_DIALOG (self), 0);
  return self->n_drafts;
}

/* The list as text, a draft a line ("title · subtitle"), for tests. */
char *
emitra_drafts_dialog_dup_text (EmitraDraftsDialog *self)
{
  GString *text = g_string_new (NULL);
  GtkListBoxRow *row;

  g_return_val_if_fail (EMITRA_IS_DRAFTS_DIALOG (self), NULL);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->drafts_list, i)) != NULL; i++)
    g_string_append_printf (text, "%s · %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  return g_string_free (text, FALSE);
}

/* Resumes the draft at @index, as its Resume button does. */
void
emitra_drafts_dialog_resume (EmitraDraftsDialog *self,
                             guint               index)
{
  GtkListBoxRow *row;

  g_return_if_fail (EMITRA_IS_DRAFTS_DIALOG (self));

  row = gtk_list_box_get_row_at_index (self->drafts_list, index);
  g_return_if_fail (row != NULL);
  gtk_widget_activate (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

static void
emitra_drafts_dialog_dispose (GObject *object)
{
  EmitraDraftsDialog *self = EMITRA_DRAFTS_DIALOG (object);

  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_DRAFTS_DIALOG);

  G_OBJECT_CLASS (emitra_drafts_dialog_parent_class)->dispose (object);
}

static void
emitra_drafts_dialog_class_init (EmitraDraftsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_drafts_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-drafts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraDraftsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraDraftsDialog, drafts_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
emitra_drafts_dialog_init (EmitraDraftsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
