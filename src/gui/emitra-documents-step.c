/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Documents step: the service's checklist from the catalog. A scan is
 * picked with the desktop's file chooser, judged by its bytes and copied
 * into the desk's data directory off the main thread (EmitraScan), then
 * recorded in the draft, so a crash after attaching loses nothing. Where
 * the service allows it, "Original seen" stands in for a scan. Next is
 * refused while a required document is missing, with the reason under
 * that document.
 */
#include "config.h"

#include "emitra-documents-step.h"

#include <glib/gi18n.h>

#include "emitra-catalog.h"
#include "emitra-document-row.h"
#include "emitra-scan.h"
#include "emitra-text.h"

/* The file name the operator picked, kept in the draft beside the path of
 * the desk's copy, so a resumed draft shows the same name. */
#define DOCUMENT_NAME_KEY "@document-name/"

typedef struct
{
  EmitraDocumentRow *row;
  GtkWidget         *message_row;
  GtkLabel          *message_label;
  GtkImage          *message_icon;
  char              *message;
} DocumentEntry;

struct _EmitraDocumentsStep
{
  GtkWidget     parent_instance;

  EmitraDraft  *draft;
  GPtrArray    *entries;         /* DocumentEntry, in checklist order */
  GCancellable *cancellable;

  /* Template widgets */
  AdwPreferencesGroup *documents_group;
};

G_DEFINE_FINAL_TYPE (EmitraDocumentsStep, emitra_documents_step, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
document_entry_free (gpointer data)
{
  DocumentEntry *entry = data;

  g_clear_object (&entry->message_row);
  g_free (entry->message);
  g_free (entry);
}

static DocumentEntry *
find_entry (EmitraDocumentsStep *self,
            const char          *document_id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      DocumentEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (emitra_document_row_get_id (entry->row), document_id) == 0)
        return entry;
    }
  return NULL;
}

static void
show_message (DocumentEntry *entry,
              const char    *message)
{
  g_free (entry->message);
  entry->message = g_strdup (message);
  gtk_label_set_label (entry->message_label, message != NULL ? message : "");
  gtk_image_set_from_icon_name (entry->message_icon, "dialog-error-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (entry->message_icon), message != NULL);
  gtk_widget_set_visible (entry->message_row, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (entry->message_row, "error");
      gtk_widget_add_css_class (GTK_WIDGET (entry->row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry->message_row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (entry->row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Writes what the row shows into the draft, and asks the page to save it. */
static void
record (EmitraDocumentsStep *self,
        DocumentEntry       *entry)
{
  const char *id = emitra_document_row_get_id (entry->row);
  const EmitraScanInfo *scan = emitra_document_row_get_scan (entry->row);
  gboolean seen = emitra_document_row_get_original_seen (entry->row);
  g_autofree char *name_key = g_strconcat (DOCUMENT_NAME_KEY, id, NULL);

  if (self->draft == NULL)
    return;

  if (scan != NULL || seen)
    emitra_draft_set_document (self->draft, id, scan != NULL ? scan->path : NULL, seen);
  else
    emitra_draft_remove_document (self->draft, id);
  emitra_draft_set_value (self->draft, name_key, scan != NULL ? scan->display_name : NULL);

  g_signal_emit (self, signals[CHANGED], 0);
}

typedef struct
{
  EmitraDocumentsStep *self;
  char                *document_id;
} ImportContext;

static void
import_context_free (ImportContext *context)
{
  g_clear_object (&context->self);
  g_free (context->document_id);
  g_free (context);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportContext, import_context_free)

static void
on_scan_imported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ImportContext) context = user_data;
  g_autoptr(EmitraScanInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  DocumentEntry *entry;

  info = emitra_scan_import_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  entry = find_entry (context->self, context->document_id);
  if (entry == NULL)
    return;

  emitra_document_row_set_busy (entry->row, FALSE);
  if (info == NULL)
    {
      show_message (entry, error->message);
      return;
    }

  show_message (entry, NULL);
  emitra_document_row_set_scan (entry->row, info);
  record (context->self, entry);
}

/* Checks @file and attaches it to @document_id: the file chooser's answer,
 * and the way tests attach a scan. */
void
emitra_documents_step_attach_file (EmitraDocumentsStep *self,
                                   const char          *document_id,
                                   GFile               *file)
{
  DocumentEntry *entry;
  ImportContext *context;

  g_return_if_fail (EMITRA_IS_DOCUMENTS_STEP (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->draft != NULL);

  entry = find_entry (self, document_id);
  g_return_if_fail (entry != NULL);

  emitra_document_row_set_busy (entry->row, TRUE);
  context = g_new0 (ImportContext, 1);
  context->self = g_object_ref (self);
  context->document_id = g_strdup (document_id);
  emitra_scan_import_async (file, emitra_draft_get_id (self->draft), document_id,
                            self->cancellable, on_scan_imported_cb, context);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  EmitraDocumentsStep *self = EMITRA_DOCUMENTS_STEP (user_data);
  const char *document_id = g_object_get_data (G_OBJECT (chooser), "document-id");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        emitra_documents_step_attach_file (self, document_id, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_row_attach_cb (EmitraDocumentRow   *row,
                  EmitraDocumentsStep *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) scans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *title = NULL;
  GtkFileChooserNative *chooser;

  /* Translators: the title of the file chooser; %s is a document's name. */
  title = g_strdup_printf (_("Attach %s"),
                           emitra_document_requirement_get_name (emitra_document_row_get_requirement (row),
                                                                 emitra_text_prefers_hindi ()));
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* The filter only helps the operator find scans: the bytes decide. */
  gtk_file_filter_set_name (scans, _("Scans (PDF, JPEG, PNG)"));
  gtk_file_filter_add_mime_type (scans, "application/pdf");
  gtk_file_filter_add_mime_type (scans, "image/jpeg");
  gtk_file_filter_add_mime_type (scans, "image/png");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), scans);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_object_set_data_full (G_OBJECT (chooser), "document-id",
                          g_strdup (emitra_document_row_get_id (row)), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_row_remove_cb (EmitraDocumentRow   *row,
                  EmitraDocumentsStep *self)
{
  DocumentEntry *entry = find_entry (self, emitra_document_row_get_id (row));

  emitra_document_row_set_scan (row, NULL);
  if (entry != NULL)
    {
      show_message (entry, NULL);
      record (self, entry);
    }
  emitra_document_row_focus (row);
}

static void
on_row_original_seen_toggled_cb (EmitraDocumentRow   *row,
                                 EmitraDocumentsStep *self)
{
  DocumentEntry *entry = find_entry (self, emitra_document_row_get_id (row));

  if (entry == NULL)
    return;
  if (emitra_document_row_is_provided (row))
    show_message (entry, NULL);
  record (self, entry);
}

static void
on_described_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ImportContext) context = user_data;
  g_autoptr(EmitraScanInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  DocumentEntry *entry;

  info = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  entry = find_entry (context->self, context->document_id);
  if (entry == NULL)
    return;

  emitra_document_row_set_busy (entry->row, FALSE);
  if (info == NULL)
    {
      /* The desk's copy is gone or damaged: ask for the scan again. */
      show_message (entry, error->message);
      return;
    }

  if (context->self->draft != NULL)
    {
      g_autofree char *name_key = g_strconcat (DOCUMENT_NAME_KEY, context->document_id, NULL);
      const char *name = emitra_draft_get_value (context->self->draft, name_key);

      if (name != NULL && name[0] != '\0')
        {
          g_free (info->display_name);
          info->display_name = g_strdup (name);
        }
    }
  emitra_document_row_set_scan (entry->row, info);
}

static void
describe_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  EmitraScanInfo *info = emitra_scan_describe (task_data, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) emitra_scan_info_free);
}

/* Reads the draft's stored scans back (off the main thread) for a resumed draft. */
static void
restore_scan (EmitraDocumentsStep *self,
              DocumentEntry       *entry,
              const char          *path)
{
  ImportContext *context = g_new0 (ImportContext, 1);
  g_autoptr(GTask) task = NULL;

  context->self = g_object_ref (self);
  context->document_id = g_strdup (emitra_document_row_get_id (entry->row));
  task = g_task_new (NULL, self->cancellable, on_described_cb, context);
  g_task_set_source_tag (task, restore_scan);
  g_task_set_task_data (task, g_strdup (path), g_free);
  emitra_document_row_set_busy (entry->row, TRUE);
  g_task_run_in_thread (task, describe_thread);
}

static void
clear (EmitraDocumentsStep *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      DocumentEntry *entry = g_ptr_array_index (self->entries, i);

      g_signal_handlers_disconnect_by_data (entry->row, self);
      adw_preferences_group_remove (self->documents_group, GTK_WIDGET (entry->row));
      adw_preferences_group_remove (self->documents_group, entry->message_row);
    }
  g_ptr_array_set_size (self->entries, 0);
  g_clear_object (&self->draft);
}

/* Builds the checklist of @service and shows what @draft already holds. */
void
emitra_documents_step_set_draft (EmitraDocumentsStep *self,
                                 EmitraService       *service,
                                 EmitraDraft         *draft)
{
  GListModel *documents;
  guint n;

  g_return_if_fail (EMITRA_IS_DOCUMENTS_STEP (self));
  g_return_if_fail (EMITRA_IS_SERVICE (service));
  g_return_if_fail (EMITRA_IS_DRAFT (draft));

  clear (self);
  self->draft = g_object_ref (draft);

  documents = emitra_service_get_documents (service);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmitraDocumentRequirement) requirement = g_list_model_get_item (documents, i);
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/in/emitra/Desk/emitra-field-message.ui");
      DocumentEntry *entry = g_new0 (DocumentEntry, 1);
      const char *path = NULL;
      gboolean seen = FALSE;

      entry->row = emitra_document_row_new (requirement);
      entry->message_row = g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "message_row")));
      entry->message_label = GTK_LABEL (gtk_builder_get_object (builder, "message_label"));
      entry->message_icon = GTK_IMAGE (gtk_builder_get_object (builder, "message_icon"));
      adw_preferences_group_add (self->documents_group, GTK_WIDGET (entry->row));
      adw_preferences_group_add (self->documents_group, entry->message_row);
      g_signal_connect (entry->row, "attach", G_CALLBACK (on_row_attach_cb), self);
      g_signal_connect (entry->row, "remove", G_CALLBACK (on_row_remove_cb), self);
      g_signal_connect (entry->row, "original-seen-toggled", G_CALLBACK (on_row_original_seen_toggled_cb), self);
      g_ptr_array_add (self->entries, entry);

      if (emitra_draft_get_document (draft, emitra_document_requirement_get_id (requirement), &path, &seen))
        {
          emitra_document_row_set_original_seen (entry->row, seen);
          if (path != NULL && path[0] != '\0')
            restore_scan (self, entry, path);
        }
    }
}

guint
emitra_documents_step_get_n_documents (EmitraDocumentsStep *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENTS_STEP (self), 0);
  return self->entries->len;
}

void
emitra_documents_step_set_original_seen (EmitraDocumentsStep *self,
                                         const char          *document_id,
                                         gboolean             seen)
{
  DocumentEntry *entry;

  g_return_if_fail (EMITRA_IS_DOCUMENTS_STEP (self));

  entry = find_entry (self, document_id);
  if (entry == NULL)
    return;
  emitra_document_row_set_original_seen (entry->row, seen);
  on_row_original_seen_toggled_cb (entry->row, self);
}

gboolean
emitra_documents_step_is_busy (EmitraDocumentsStep *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENTS_STEP (self), FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    if (emitra_document_row_get_busy (((DocumentEntry *) g_ptr_array_index (self->entries, i))->row))
      return TRUE;
  return FALSE;
}

gboolean
emitra_documents_step_is_attached (EmitraDocumentsStep *self,
                                   const char          *document_id)
{
  DocumentEntry *entry;

  g_return_val_if_fail (EMITRA_IS_DOCUMENTS_STEP (self), FALSE);

  entry = find_entry (self, document_id);
  return entry != NULL && emitra_document_row_get_scan (entry->row) != NULL;
}

const char *
emitra_documents_step_get_message (EmitraDocumentsStep *self,
                                   const char          *document_id)
{
  DocumentEntry *entry;

  g_return_val_if_fail (EMITRA_IS_DOCUMENTS_STEP (self), NULL);

  entry = find_entry (self, document_id);
  return entry != NULL ? entry->message : NULL;
}

/* Next is refused while a scan is still being stored or a required
 * document is neither attached nor seen. */
gboolean
emitra_documents_step_validate (EmitraDocumentsStep  *self,
                                char                **out_message)
{
  DocumentEntry *first = NULL;

  g_return_val_if_fail (EMITRA_IS_DOCUMENTS_STEP (self), FALSE);

  if (emitra_documents_step_is_busy (self))
    {
      if (out_message != NULL)
        *out_message = g_strdup (_("A scan is still being stored. Wait a moment and try again."));
      return FALSE;
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      DocumentEntry *entry = g_ptr_array_index (self->entries, i);
      EmitraDocumentRequirement *requirement = emitra_document_row_get_requirement (entry->row);
      const char *name = emitra_document_requirement_get_name (requirement, emitra_text_prefers_hindi ());
      g_autofree char *message = NULL;

      if (!emitra_document_requirement_get_required (requirement) ||
          emitra_document_row_is_provided (entry->row))
        {
          if (entry->message != NULL && emitra_document_row_is_provided (entry->row))
            show_message (entry, NULL);
          continue;
        }

      if (emitra_document_requirement_get_original_seen (requirement))
        /* Translators: %s is a document's name. */
        message = g_strdup_printf (_("%s is required: attach a scan or tick “Original seen”."), name);
      else
        /* Translators: %s is a document's name. */
        message = g_strdup_printf (_("%s is required: attach a scan."), name);
      show_message (entry, message);
      if (first == NULL)
        first = entry;
    }

  if (first == NULL)
    return TRUE;

  emitra_document_row_focus (first->row);
  if (out_message != NULL)
    *out_message = g_strdup (first->message);
  return FALSE;
}

/* A message from elsewhere (the gateway refusing a document). */
gboolean
emitra_documents_step_show_error (EmitraDocumentsStep *self,
                                  const char          *document_id,
                                  const char          *message)
{
  DocumentEntry *entry;

  g_return_val_if_fail (EMITRA_IS_DOCUMENTS_STEP (self), FALSE);

  entry = find_entry (self, document_id);
  if (entry == NULL)
    return FALSE;
  show_message (entry, message);
  emitra_document_row_focus (entry->row);
  return TRUE;
}

void
emitra_documents_step_focus (EmitraDocumentsStep *self)
{
  g_return_if_fail (EMITRA_IS_DOCUMENTS_STEP (self));

  if (self->entries->len > 0)
    emitra_document_row_focus (((DocumentEntry *) g_ptr_array_index (self->entries, 0))->row);
}

static void
emitra_documents_step_dispose (GObject *object)
{
  EmitraDocumentsStep *self = EMITRA_DOCUMENTS_STEP (object);
  GtkWidget *child;

  if (self->entries != NULL)
    clear (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_DOCUMENTS_STEP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (emitra_documents_step_parent_class)->dispose (object);
}

static void
emitra_documents_step_finalize (GObject *object)
{
  EmitraDocumentsStep *self = EMITRA_DOCUMENTS_STEP (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (emitra_documents_step_parent_class)->finalize (object);
}

static void
emitra_documents_step_class_init (EmitraDocumentsStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_documents_step_dispose;
  object_class->finalize = emitra_documents_step_finalize;

  /* A document was attached, removed or marked seen; the draft holds it. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-documents-step.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraDocumentsStep, documents_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
emitra_documents_step_init (EmitraDocumentsStep *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->entries = g_ptr_array_new_with_free_func (document_entry_free);
  self->cancellable = g_cancellable_new ();
}
