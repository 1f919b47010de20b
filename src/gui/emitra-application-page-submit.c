/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Submitting the application, journal first: the request ID is made once
 * per draft and written before any network call (EmitraDraftStore); the
 * scans are uploaded (each once: their gateway IDs are kept in the
 * draft); then the core submitter records the request in the outbox,
 * creates the transaction, verifies by request ID after a timeout and
 * returns the receipt (provisional while the gateway cannot be reached).
 * A second press of Submit reuses the same request ID: never a second
 * charge. A refusal that names a field is shown beside that field.
 */
#include "config.h"

#include "emitra-application-page-private.h"

#include <glib/gi18n.h>

#include "emitra-flow-private.h"
#include "emitra-scan.h"
#include "emitra-text.h"

/* Documents already uploaded for this draft keep their gateway IDs here,
 * so a retried submission does not upload them again. */
#define DOCUMENT_ID_KEY "@document-id/"

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  EmitraApplicationPage *self;
  char                  *request_id;
  GPtrArray             *to_upload;     /* catalog document ids with a scan */
  GPtrArray             *document_ids;  /* the gateway's ids, to list in the request */
  guint                  next;
} Submission;

static void
submission_free (Submission *submission)
{
  g_clear_object (&submission->self);
  g_free (submission->request_id);
  g_clear_pointer (&submission->to_upload, g_ptr_array_unref);
  g_clear_pointer (&submission->document_ids, g_ptr_array_unref);
  g_free (submission);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Submission, submission_free)

static void
submission_failed (Submission   *submission,
                   const GError *error)
{
  EmitraApplicationPage *self = submission->self;
  const char *field = NULL;

  _emitra_application_page_set_busy (self, FALSE);
  if (error->domain == EMITRA_GATEWAY_ERROR)
    field = emitra_gateway_error_get_field (error);
  if (!_emitra_application_page_show_field_error (self, field, error->message))
    _emitra_application_page_show_step_error (self, error->message);
}

static void upload_next (Submission *submission);

static void
on_document_uploaded_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Submission) submission = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *document_id = NULL;
  g_autofree char *key = NULL;
  const char *kind = g_ptr_array_index (submission->to_upload, submission->next);

  document_id = emitra_gateway_client_upload_document_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (is_cancelled (error))
    return;
  if (document_id == NULL)
    {
      emitra_documents_step_show_error (submission->self->documents_step, kind, error->message);
      submission_failed (submission, error);
      emitra_application_page_go_to_step (submission->self, EMITRA_FLOW_STEP_DOCUMENTS, FALSE);
      return;
    }

  key = g_strconcat (DOCUMENT_ID_KEY, kind, NULL);
  emitra_draft_set_value (submission->self->draft, key, document_id);
  _emitra_application_page_queue_save (submission->self);
  g_ptr_array_add (submission->document_ids, g_steal_pointer (&document_id));
  submission->next++;
  upload_next (g_steal_pointer (&submission));
}

static void
on_scan_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Submission) submission = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *kind = g_ptr_array_index (submission->to_upload, submission->next);
  EmitraApplicationPage *self;
  EmitraScanKind scan_kind;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (is_cancelled (error))
    return;
  if (bytes == NULL || !emitra_scan_check (bytes, kind, &scan_kind, &error))
    {
      g_autoptr(GError) missing = g_error_new (EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_UNREADABLE,
                                               _("The stored scan could not be read: attach it again."));

      emitra_documents_step_show_error (submission->self->documents_step, kind, missing->message);
      submission_failed (submission, missing);
      emitra_application_page_go_to_step (submission->self, EMITRA_FLOW_STEP_DOCUMENTS, FALSE);
      return;
    }

  self = submission->self;
  emitra_gateway_client_upload_document_async (self->client, bytes,
                                               emitra_scan_kind_to_content_type (scan_kind), kind,
                                               self->cancellable, on_document_uploaded_cb,
                                               g_steal_pointer (&submission));
}

static void submit_request (Submission *submission);

/* Uploads the scans one by one (each read off the main thread), skipping
 * those uploaded by an earlier attempt, then submits. */
static void
upload_next (Submission *submission)
{
  EmitraApplicationPage *self = submission->self;

  while (submission->next < submission->to_upload->len)
    {
      const char *kind = g_ptr_array_index (submission->to_upload, submission->next);
      g_autofree char *key = g_strconcat (DOCUMENT_ID_KEY, kind, NULL);
      const char *uploaded = emitra_draft_get_value (self->draft, key);
      const char *path = NULL;
      g_autoptr(GFile) file = NULL;

      if (uploaded != NULL && uploaded[0] != '\0')
        {
          g_ptr_array_add (submission->document_ids, g_strdup (uploaded));
          submission->next++;
          continue;
        }

      emitra_draft_get_document (self->draft, kind, &path, NULL);
      file = g_file_new_for_path (path);
      g_file_load_bytes_async (file, self->cancellable, on_scan_loaded_cb, submission);
      return;
    }

  submit_request (submission);
}

static void
on_request_id_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Submission) submission = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *documents;
  guint n;

  submission->request_id = emitra_draft_store_ensure_request_id_finish (EMITRA_DRAFT_STORE (source),
                                                                        result, &error);
  if (is_cancelled (error))
    return;
  if (submission->request_id == NULL)
    {
      submission_failed (submission, error);
      return;
    }

  documents = emitra_service_get_documents (submission->self->service);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraDocumentRequirement) requirement = g_list_model_get_item (documents, i);
      const char *id = emitra_document_requirement_get_id (requirement);
      const char *path = NULL;

      if (emitra_draft_get_document (submission->self->draft, id, &path, NULL) && path != NULL && path[0] != '\0')
        g_ptr_array_add (submission->to_upload, g_strdup (id));
    }
  upload_next (g_steal_pointer (&submission));
}

static void
submit_failed (EmitraApplicationPage *self,
               const char            *message,
               gpointer               data)
{
  _emitra_application_page_set_busy (self, FALSE);
  _emitra_application_page_show_step_error (self, message);
}

static void
start_submission (EmitraApplicationPage *self,
                  gpointer               data)
{
  Submission *submission = g_new0 (Submission, 1);

  submission->self = g_object_ref (self);
  submission->to_upload = g_ptr_array_new_with_free_func (g_free);
  submission->document_ids = g_ptr_array_new_with_free_func (g_free);
  emitra_draft_store_ensure_request_id_async (self->draft_store, self->draft, self->schema, self->cancellable,
                                              on_request_id_cb, submission);
}

/* Submits the application: the request ID first, durably; then the scans;
 * then the transaction. */
void
_emitra_application_page_submit (EmitraApplicationPage *self)
{
  if (self->draft_store == NULL || self->submitter == NULL)
    {
      _emitra_application_page_show_step_error (self, _("The desk's database is not open, so nothing can be submitted safely."));
      return;
    }

  _emitra_application_page_show_step_error (self, NULL);
  _emitra_application_page_set_busy (self, TRUE);
  adw_window_title_set_subtitle (self->window_title, _("Submitting…"));
  _emitra_application_page_with_session (self, start_submission, submit_failed, NULL, NULL);
}

/* The form as the gateway wants it: every field normalised (Latin digits,
 * paise, ISO dates), the full Aadhaar number from memory only. */
static JsonObject *
build_form (EmitraApplicationPage  *self,
            GError                **error)
{
  EmitraFormView *views[] = { emitra_citizen_step_get_form_view (self->citizen_step), self->details_form };
  g_autoptr(JsonObject) form = json_object_new ();

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GHashTable) values = emitra_form_view_dup_normalised (views[v], error);
      GHashTableIter iter;
      gpointer key, value;

      if (values == NULL)
        return NULL;
      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        json_object_set_string_member (form, key, value);
    }
  return g_steal_pointer (&form);
}

static const char *
citizen_name (EmitraApplicationPage *self)
{
  const char *name = emitra_draft_get_citizen_name (self->draft);

  if (name != NULL && name[0] != '\0')
    return name;
  /* A bill is paid for its consumer. */
  return emitra_fee_step_get_consumer_name (self->fee_step);
}

/* What the receipt shows besides what the gateway answers. */
static EmitraReceipt *
build_receipt_template (EmitraApplicationPage *self)
{
  EmitraOperatorSession *session = emitra_gateway_client_get_operator_session (self->client);
  gboolean hindi = emitra_text_prefers_hindi ();
  const char *aadhaar = emitra_form_view_get_text (emitra_citizen_step_get_form_view (self->citizen_step), "aadhaar");
  const char *mobile = emitra_draft_get_value (self->draft, "mobile");
  g_autofree char *masked = NULL;
  EmitraFee fee = { 0, };
  gint64 cash = 0;

  if (aadhaar != NULL && aadhaar[0] != '\0')
    masked = emitra_aadhaar_is_masked (aadhaar) ? g_strdup (aadhaar) : emitra_aadhaar_mask (aadhaar);
  emitra_fee_step_get_fee (self->fee_step, &fee, NULL);
  emitra_fee_step_get_cash (self->fee_step, &cash, NULL);

  return g_object_new (EMITRA_TYPE_RECEIPT,
                       "service-id", emitra_service_get_id (self->service),
                       "service-name-en", emitra_service_get_name_en (self->service),
                       "service-name-hi", emitra_service_get_name_hi (self->service),
                       "citizen-name", citizen_name (self),
                       "aadhaar-masked", masked != NULL ? masked : "",
                       "mobile", mobile != NULL ? mobile : "",
                       "department-fee", fee.department_fee,
                       "service-charge", fee.service_charge,
                       "total", fee.total,
                       "cash-received", cash,
                       "operator-id", session != NULL ? emitra_operator_session_get_operator_id (session) : "",
                       "operator-name", session == NULL ? "" : hindi ? emitra_operator_session_get_name_hi (session)
                                                                     : emitra_operator_session_get_name_en (session),
                       "kiosk-code", session != NULL ? emitra_operator_session_get_kiosk_code (session) : "",
                       NULL);
}

static void
on_marked_submitted_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The outbox already holds the submission: a draft left in the list
   * would only be confusing, never charged twice (same request ID). */
  if (!emitra_draft_store_mark_submitted_finish (EMITRA_DRAFT_STORE (source), result, &error))
    g_warning ("The draft could not be marked submitted: %s", error->message);
}

static void
on_submitted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Submission) submission = user_data;
  EmitraApplicationPage *self = submission->self;
  g_autoptr(EmitraReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  receipt = emitra_submitter_submit_finish (EMITRA_SUBMITTER (source), result, &error);
  if (is_cancelled (error))
    return;
  if (receipt == NULL)
    {
      submission_failed (submission, error);
      return;
    }

  /* No late save may bring the draft back into the Drafts list. */
  g_clear_object (&self->saver);
  emitra_draft_store_mark_submitted_async (self->draft_store, self->draft, NULL, on_marked_submitted_cb, NULL);
  emitra_scan_remove_for_draft (emitra_draft_get_id (self->draft));
  _emitra_application_page_set_busy (self, FALSE);
  _emitra_application_page_show_receipt (self, receipt);
}

static void
submit_request (Submission *submission_in)
{
  g_autoptr(Submission) submission = submission_in;
  EmitraApplicationPage *self = submission->self;
  g_autoptr(JsonObject) form = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(EmitraReceipt) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *consumer = emitra_fee_step_needs_bill (self->fee_step) ? _emitra_application_page_dup_consumer_number (self) : NULL;

  form = build_form (self, &error);
  if (form == NULL)
    {
      submission_failed (submission, error);
      return;
    }

  g_ptr_array_add (submission->document_ids, NULL);
  request = emitra_gateway_transaction_request_new (submission->request_id, emitra_service_get_id (self->service),
                                                    form, (const char * const *) submission->document_ids->pdata,
                                                    consumer,
                                                    consumer != NULL ? emitra_fee_step_get_amount_due (self->fee_step) : -1);

  template = build_receipt_template (self);
  emitra_submitter_submit_async (self->submitter, request, template, emitra_draft_get_id (self->draft),
                                 self->cancellable, on_submitted_cb, g_steal_pointer (&submission));
}
