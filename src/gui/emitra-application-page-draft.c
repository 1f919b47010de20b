/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application page's draft: every change the operator makes goes into
 * the EmitraDraft at once (the full Aadhaar number only in memory: the
 * store masks it on the way to disk) and EmitraDraftSaver writes it
 * shortly after, off the main thread. Also here: filling the widgets back
 * from a saved draft, and leaving the page (the draft kept, or discarded).
 */
#include "config.h"

#include "emitra-application-page-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "emitra-flow-private.h"
#include "emitra-scan.h"
#include "emitra-text.h"

static void
update_subtitle (EmitraApplicationPage *self)
{
  const char *subtitle;

  if (self->saver == NULL || (emitra_draft_saver_get_n_saves (self->saver) == 0 &&
                              !emitra_draft_saver_get_pending (self->saver)))
    subtitle = _("New application");
  else if (emitra_draft_saver_get_pending (self->saver))
    subtitle = _("Saving the draft…");
  else
    subtitle = _("Draft saved");
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
on_saver_pending_cb (EmitraDraftSaver      *saver,
                     GParamSpec            *pspec,
                     EmitraApplicationPage *self)
{
  update_subtitle (self);
}

/* The disk is full or failing: the operator must know, though the work is
 * still on screen and the saver tries again. */
static void
on_save_failed_cb (EmitraDraftSaver      *saver,
                   const GError          *error,
                   EmitraApplicationPage *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;

  adw_window_title_set_subtitle (self->window_title, _("The draft is not saved"));
  /* Translators: %s says why the draft could not be written. */
  message = g_strdup_printf (_("The draft could not be saved, and will be tried again: %s"), error->message);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  g_warning ("%s", message);
}

void
_emitra_application_page_queue_save (EmitraApplicationPage *self)
{
  if (self->restoring || self->saver == NULL)
    return;
  emitra_draft_saver_queue (self->saver);
  update_subtitle (self);
}

/* The citizen's name for the Drafts list, in the interface's script when
 * both were typed. */
static void
update_citizen_name (EmitraApplicationPage *self)
{
  static const char *ids_en[] = { "full_name_en", "applicant_name", "full_name_hi", "account_holder_name" };
  static const char *ids_hi[] = { "full_name_hi", "applicant_name", "full_name_en", "account_holder_name" };
  const char **ids = emitra_text_prefers_hindi () ? ids_hi : ids_en;

  for (guint i = 0; i < G_N_ELEMENTS (ids_en); i++)
    {
      const char *name = emitra_draft_get_value (self->draft, ids[i]);

      if (name != NULL && name[0] != '\0')
        {
          emitra_draft_set_citizen_name (self->draft, name);
          return;
        }
    }
  emitra_draft_set_citizen_name (self->draft, "");
}

static void
on_field_changed_cb (EmitraFormView        *form_view,
                     const char            *field_id,
                     EmitraApplicationPage *self)
{
  if (self->draft == NULL || self->restoring)
    return;

  emitra_draft_set_value (self->draft, field_id, emitra_form_view_get_text (form_view, field_id));
  update_citizen_name (self);
  /* The banner's reason may be what was just corrected; the field's own
   * message stays until the field is right. */
  _emitra_application_page_show_step_error (self, NULL);
  _emitra_application_page_queue_save (self);
}

static void
on_last_field_activated_cb (EmitraFormView        *form_view,
                            EmitraApplicationPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

static void
on_family_changed_cb (EmitraCitizenStep     *step,
                      EmitraApplicationPage *self)
{
  if (self->draft == NULL || self->restoring)
    return;
  emitra_draft_set_value (self->draft, EMITRA_FLOW_KEY_FAMILY_ID, emitra_citizen_step_get_family_id (step));
  _emitra_application_page_queue_save (self);
}

static void
on_member_applied_cb (EmitraCitizenStep     *step,
                      EmitraFamilyMember    *member,
                      EmitraApplicationPage *self)
{
  g_auto(GStrv) ids = emitra_form_view_dup_field_ids (self->details_form);
  const char *category = emitra_family_member_get_category (member);

  /* The record's social category answers the service's own category
   * question when the values match (sc, st, obc...). */
  for (guint i = 0; category != NULL && ids[i] != NULL; i++)
    {
      EmitraFormField *field = emitra_form_schema_lookup (self->schema, ids[i]);

      if (field != NULL && emitra_form_field_get_field_type (field) == EMITRA_FIELD_TYPE_CHOICE &&
          strstr (ids[i], "category") != NULL && emitra_form_field_find_option (field, category) != NULL &&
          emitra_form_view_get_text (self->details_form, ids[i])[0] == '\0')
        emitra_form_view_set_text (self->details_form, ids[i], category);
    }

  emitra_draft_set_value (self->draft, EMITRA_FLOW_KEY_MEMBER_ID, emitra_family_member_get_member_id (member));
  emitra_draft_set_value (self->draft, EMITRA_FLOW_KEY_VERIFIED, "1");
  _emitra_application_page_queue_save (self);
}

static void
on_citizen_reset_cb (EmitraCitizenStep     *step,
                     EmitraApplicationPage *self)
{
  emitra_draft_set_value (self->draft, EMITRA_FLOW_KEY_MEMBER_ID, NULL);
  emitra_draft_set_value (self->draft, EMITRA_FLOW_KEY_VERIFIED, NULL);
  _emitra_application_page_queue_save (self);
}

static void
on_documents_changed_cb (EmitraDocumentsStep   *step,
                         EmitraApplicationPage *self)
{
  _emitra_application_page_show_step_error (self, NULL);
  _emitra_application_page_queue_save (self);
}

static void
on_fee_changed_cb (EmitraFeeStep         *step,
                   EmitraApplicationPage *self)
{
  g_autofree char *pages = NULL;

  if (self->draft == NULL || self->restoring)
    return;
  _emitra_application_page_show_step_error (self, NULL);
  pages = g_strdup_printf ("%u", emitra_fee_step_get_pages (step));
  emitra_draft_set_value (self->draft, EMITRA_FLOW_KEY_CASH, emitra_fee_step_get_cash_text (step));
  emitra_draft_set_value (self->draft, EMITRA_FLOW_KEY_PAGES, pages);
  _emitra_application_page_queue_save (self);
}

static void
on_fee_done_cb (EmitraFeeStep         *step,
                EmitraApplicationPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "flow.next", NULL);
}

static void
on_fetch_bill_cb (EmitraFeeStep         *step,
                  EmitraApplicationPage *self)
{
  _emitra_application_page_fetch_bill (self);
}

/* Back to the services: the draft is saved first and stays in Drafts. */
static void
on_close_flushed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(EmitraApplicationPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!emitra_application_page_flush_finish (self, result, &error))
    g_warning ("The draft could not be saved: %s", error->message);
  g_signal_emit_by_name (self, "closed");
}

static void
on_close_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (widget);

  emitra_application_page_flush_async (self, NULL, on_close_flushed_cb, g_object_ref (self));
}

static void
on_draft_deleted_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(EmitraApplicationPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!emitra_draft_store_delete_finish (EMITRA_DRAFT_STORE (source), result, &error) &&
      !g_error_matches (error, EMITRA_DRAFT_STORE_ERROR, EMITRA_DRAFT_STORE_ERROR_NOT_FOUND))
    g_warning ("The draft could not be deleted: %s", error->message);
  g_signal_emit_by_name (self, "closed");
}

static void
on_discard_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        EmitraApplicationPage *self)
{
  g_autofree char *draft_id = NULL;

  if (g_strcmp0 (response, "discard") != 0 || self->draft == NULL)
    return;

  draft_id = g_strdup (emitra_draft_get_id (self->draft));
  /* No late save may bring the draft back after it is deleted. */
  g_clear_object (&self->saver);
  emitra_scan_remove_for_draft (draft_id);
  if (self->draft_store != NULL)
    emitra_draft_store_delete_async (self->draft_store, draft_id, NULL, on_draft_deleted_cb, g_object_ref (self));
  else
    g_signal_emit_by_name (self, "closed");
}

static void
on_discard_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Discard This Application?"),
                                                       _("Everything typed and attached for this citizen is deleted. Nothing has been submitted or charged.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep It"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_new_application_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (widget);
  g_autofree char *service_id = NULL;
  g_autoptr(GError) error = NULL;

  if (self->service == NULL)
    return;
  service_id = g_strdup (emitra_service_get_id (self->service));
  if (!emitra_application_page_open_service (self, service_id, &error))
    _emitra_application_page_show_step_error (self, error->message);
}

static void
on_saver_flushed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  EmitraApplicationPage *self = g_task_get_source_object (task);

  if (!emitra_draft_saver_flush_finish (EMITRA_DRAFT_SAVER (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  update_subtitle (self);
  g_task_return_boolean (task, TRUE);
}


/* Saves what is pending now, for closing the page or the window. */
void
emitra_application_page_flush_async (EmitraApplicationPage *self,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EMITRA_IS_APPLICATION_PAGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, emitra_application_page_flush_async);
  if (self->saver == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  emitra_draft_saver_flush_async (self->saver, cancellable, on_saver_flushed_cb, g_steal_pointer (&task));
}

gboolean
emitra_application_page_flush_finish (EmitraApplicationPage  *self,
                                      GAsyncResult           *result,
                                      GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Starts saving @self->draft (a new one is written at its first change). */
void
_emitra_application_page_attach_saver (EmitraApplicationPage *self)
{
  if (self->saver != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->saver, self);
      /* The application being replaced keeps its last keystrokes: the
       * flush holds the saver until it is written. */
      if (emitra_draft_saver_get_pending (self->saver))
        emitra_draft_saver_flush_async (self->saver, NULL, NULL, NULL);
    }
  g_clear_object (&self->saver);
  if (self->draft_store == NULL)
    return;

  self->saver = emitra_draft_saver_new (self->draft_store, self->draft, self->schema);
  g_signal_connect_object (self->saver, "notify::pending", G_CALLBACK (on_saver_pending_cb), self, 0);
  g_signal_connect_object (self->saver, "save-failed", G_CALLBACK (on_save_failed_cb), self, 0);
  update_subtitle (self);
}

/* Fills every step's widgets from the draft (a resumed application). */
void
_emitra_application_page_restore (EmitraApplicationPage *self)
{
  EmitraFormView *citizen_form = emitra_citizen_step_get_form_view (self->citizen_step);
  GHashTable *values = emitra_draft_get_values (self->draft);
  GHashTableIter iter;
  gpointer key, value;
  const char *pages;

  self->restoring = TRUE;
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (emitra_form_view_has_field (citizen_form, key))
        emitra_form_view_set_text (citizen_form, key, value);
      else if (emitra_form_view_has_field (self->details_form, key))
        emitra_form_view_set_text (self->details_form, key, value);
    }

  emitra_citizen_step_set_family_id (self->citizen_step, emitra_draft_get_value (self->draft, EMITRA_FLOW_KEY_FAMILY_ID));
  emitra_citizen_step_set_verified (self->citizen_step,
                                    g_strcmp0 (emitra_draft_get_value (self->draft, EMITRA_FLOW_KEY_VERIFIED), "1") == 0,
                                    emitra_draft_get_citizen_name (self->draft));
  pages = emitra_draft_get_value (self->draft, EMITRA_FLOW_KEY_PAGES);
  if (pages != NULL && atoi (pages) > 0)
    emitra_fee_step_set_pages (self->fee_step, (guint) atoi (pages));
  emitra_fee_step_set_cash_text (self->fee_step, emitra_draft_get_value (self->draft, EMITRA_FLOW_KEY_CASH));
  self->restoring = FALSE;
}

void
_emitra_application_page_connect_draft (EmitraApplicationPage *self)
{
  g_signal_connect_object (emitra_citizen_step_get_form_view (self->citizen_step), "field-changed",
                           G_CALLBACK (on_field_changed_cb), self, 0);
  g_signal_connect_object (emitra_citizen_step_get_form_view (self->citizen_step), "last-field-activated",
                           G_CALLBACK (on_last_field_activated_cb), self, 0);
  g_signal_connect_object (self->details_form, "field-changed", G_CALLBACK (on_field_changed_cb), self, 0);
  g_signal_connect_object (self->details_form, "last-field-activated",
                           G_CALLBACK (on_last_field_activated_cb), self, 0);
  g_signal_connect_object (self->citizen_step, "family-changed", G_CALLBACK (on_family_changed_cb), self, 0);
  g_signal_connect_object (self->citizen_step, "member-applied", G_CALLBACK (on_member_applied_cb), self, 0);
  g_signal_connect_object (self->citizen_step, "reset", G_CALLBACK (on_citizen_reset_cb), self, 0);
  g_signal_connect_object (self->documents_step, "changed", G_CALLBACK (on_documents_changed_cb), self, 0);
  g_signal_connect_object (self->fee_step, "changed", G_CALLBACK (on_fee_changed_cb), self, 0);
  g_signal_connect_object (self->fee_step, "done", G_CALLBACK (on_fee_done_cb), self, 0);
  g_signal_connect_object (self->fee_step, "fetch-bill", G_CALLBACK (on_fetch_bill_cb), self, 0);
}

void
_emitra_application_page_class_init_draft (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "flow.close", NULL, on_close_action_cb);
  gtk_widget_class_install_action (widget_class, "flow.discard", NULL, on_discard_action_cb);
  gtk_widget_class_install_action (widget_class, "flow.new-application", NULL, on_new_application_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "flow.close", NULL);
}
