/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening the guided application: the form schema is built from the
 * service's form and the catalog's field groups, its fields split between
 * the Citizen step (applicant and address, what Jan Aadhaar fills) and
 * the Details step (the service's own), and the steps a service does not
 * need are left out (no Citizen step for a bill, no Documents step for a
 * service that asks none). A resumed draft fills every widget back and
 * opens at the step where work stopped.
 */
#include "config.h"

#include "emitra-application-page-private.h"

#include <glib/gi18n.h>

#include "emitra-flow-private.h"
#include "emitra-text.h"

/* Sets the page up for @service with @draft (new or resumed). */
static gboolean
build (EmitraApplicationPage  *self,
       EmitraService          *service,
       EmitraDraft            *draft,
       GError                **error)
{
  g_autoptr(EmitraFormSchema) schema = NULL;
  g_autoptr(GPtrArray) citizen_fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) details_fields = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) district_ids = g_strv_builder_new ();
  g_auto(GStrv) districts_strv = NULL;
  GListModel *districts = emitra_catalog_get_districts (self->catalog);
  GListModel *fields;
  guint n;

  schema = emitra_form_schema_new (emitra_service_get_form (service),
                                   emitra_catalog_get_field_groups (self->catalog), error);
  if (schema == NULL)
    return FALSE;

  n = g_list_model_get_n_items (districts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraDistrict) district = g_list_model_get_item (districts, i);
      g_strv_builder_add (district_ids, emitra_district_get_id (district));
    }
  districts_strv = g_strv_builder_end (district_ids);
  emitra_form_schema_set_districts (schema, (const char * const *) districts_strv);

  /* A new application starts afresh: cancel what the last one asked. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->bill_consumer, g_free);
  g_clear_pointer (&self->otp_ref, g_free);
  self->busy = FALSE;

  g_set_object (&self->service, service);
  g_set_object (&self->schema, schema);
  g_set_object (&self->draft, draft);

  fields = emitra_form_schema_get_fields (schema);
  n = g_list_model_get_n_items (fields);
  for (guint i = 0; i < n; i++)
    {
      EmitraFormField *field = g_list_model_get_item (fields, i);

      g_ptr_array_add (emitra_flow_field_in_citizen_step (field) ? citizen_fields : details_fields, field);
      g_object_unref (field);  /* the schema keeps it */
    }

  self->restoring = TRUE;
  emitra_form_view_set_fields (emitra_citizen_step_get_form_view (self->citizen_step), schema,
                               citizen_fields, districts);
  emitra_form_view_set_fields (self->details_form, schema, details_fields, districts);
  emitra_citizen_step_set_verified (self->citizen_step, FALSE, NULL);
  emitra_citizen_step_set_family_id (self->citizen_step, "");
  emitra_documents_step_set_draft (self->documents_step, service, draft);
  emitra_fee_step_set_service (self->fee_step, service, emitra_form_schema_lookup (schema, "pages") != NULL);
  emitra_fee_step_set_cash_text (self->fee_step, "");
  self->restoring = FALSE;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  self->steps = g_ptr_array_new ();
  if (citizen_fields->len > 0)
    g_ptr_array_add (self->steps, (gpointer) EMITRA_FLOW_STEP_CITIZEN);
  if (emitra_form_view_get_n_fields (self->details_form) > 0)
    g_ptr_array_add (self->steps, (gpointer) EMITRA_FLOW_STEP_DETAILS);
  if (emitra_documents_step_get_n_documents (self->documents_step) > 0)
    g_ptr_array_add (self->steps, (gpointer) EMITRA_FLOW_STEP_DOCUMENTS);
  g_ptr_array_add (self->steps, (gpointer) EMITRA_FLOW_STEP_FEE);
  g_ptr_array_add (self->steps, (gpointer) EMITRA_FLOW_STEP_REVIEW);
  self->current = 0;
  self->reached = 0;

  adw_window_title_set_title (self->window_title,
                              emitra_service_get_name (service, emitra_text_prefers_hindi ()));
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->steps_box)), TRUE);
  _emitra_application_page_build_step_indicator (self);
  _emitra_application_page_show_step_error (self, NULL);
  return TRUE;
}

/* Starts a new application for @service_id. */
gboolean
emitra_application_page_open_service (EmitraApplicationPage  *self,
                                      const char             *service_id,
                                      GError                **error)
{
  EmitraService *service;
  g_autoptr(EmitraDraft) draft = NULL;

  g_return_val_if_fail (EMITRA_IS_APPLICATION_PAGE (self), FALSE);
  g_return_val_if_fail (EMITRA_IS_CATALOG (self->catalog), FALSE);

  service = emitra_catalog_lookup_service (self->catalog, service_id);
  if (service == NULL)
    {
      g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE,
                   _("The service “%s” is not in the catalog."), service_id);
      return FALSE;
    }

  draft = emitra_draft_new (service_id);
  if (!build (self, service, draft, error))
    return FALSE;

  /* Opening is not a change: the draft is written at the first one, so
   * an application opened by mistake leaves nothing in Drafts. */
  emitra_draft_set_step (draft, g_ptr_array_index (self->steps, 0));
  self->restoring = TRUE;
  _emitra_application_page_show_step (self, 0);
  self->restoring = FALSE;
  /* Saving starts after: the saver writes on the draft's next change. */
  _emitra_application_page_attach_saver (self);
  return TRUE;
}

/* Resumes @draft at the step where work stopped, every field as typed. */
gboolean
emitra_application_page_open_draft (EmitraApplicationPage  *self,
                                    EmitraDraft            *draft,
                                    GError                **error)
{
  EmitraService *service;
  guint index = 0;

  g_return_val_if_fail (EMITRA_IS_APPLICATION_PAGE (self), FALSE);
  g_return_val_if_fail (EMITRA_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (EMITRA_IS_CATALOG (self->catalog), FALSE);

  service = emitra_catalog_lookup_service (self->catalog, emitra_draft_get_service_id (draft));
  if (service == NULL)
    {
      g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE,
                   _("The service “%s” of this draft is no longer in the catalog."),
                   emitra_draft_get_service_id (draft));
      return FALSE;
    }

  if (!build (self, service, draft, error))
    return FALSE;
  _emitra_application_page_restore (self);

  if (!_emitra_application_page_find_step (self, emitra_draft_get_step (draft), &index))
    index = 0;
  self->restoring = TRUE;
  self->reached = index;
  _emitra_application_page_show_step (self, index);
  self->restoring = FALSE;
  _emitra_application_page_attach_saver (self);
  return TRUE;
}

