/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of a service's document checklist: the document's name, whether
 * it is required, what has been provided (a scan with its preview, or the
 * original seen at the counter where the service allows that), and the
 * buttons to attach, replace or remove a scan.
 */
#include "config.h"

#include "emitra-document-row.h"

#include <glib/gi18n.h>

#include "emitra-catalog.h"
#include "emitra-display.h"
#include "emitra-text.h"

struct _EmitraDocumentRow
{
  AdwActionRow               parent_instance;

  EmitraDocumentRequirement *requirement;
  EmitraScanInfo            *scan;
  gboolean                   busy;
  gboolean                   updating;

  /* Template widgets */
  GtkStack                  *preview_stack;
  GtkImage                  *status_icon;
  GtkPicture                *picture;
  GtkCheckButton            *original_seen_check;
  GtkButton                 *attach_button;
  GtkButton                 *remove_button;
};

G_DEFINE_FINAL_TYPE (EmitraDocumentRow, emitra_document_row, ADW_TYPE_ACTION_ROW)

enum {
  ATTACH,
  REMOVE,
  ORIGINAL_SEEN_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static EmitraScanInfo *
scan_info_copy (const EmitraScanInfo *info)
{
  EmitraScanInfo *copy = g_new0 (EmitraScanInfo, 1);

  copy->path = g_strdup (info->path);
  copy->display_name = g_strdup (info->display_name);
  copy->kind = info->kind;
  copy->size = info->size;
  copy->pages = info->pages;
  return copy;
}

static char *
describe_scan (const EmitraScanInfo *scan)
{
  g_autofree char *size_latin = g_format_size (scan->size);
  /* The sizes and the count in the chosen digits; the file's name as it is. */
  g_autofree char *size = emitra_display_digits (size_latin);

  if (scan->kind == EMITRA_SCAN_KIND_PDF && scan->pages > 0)
    {
      g_autofree char *pages = emitra_display_count (scan->pages);

      /* Translators: a scan attached to an application: its file name, its
       * number of pages, its size ("12 kB"). */
      return g_strdup_printf (ngettext ("Attached: %s, %s page, %s", "Attached: %s, %s pages, %s", scan->pages),
                              scan->display_name, pages, size);
    }

  /* Translators: a scan attached to an application: its file name and size. */
  return g_strdup_printf (_("Attached: %s, %s"), scan->display_name, size);
}

static void
update (EmitraDocumentRow *self)
{
  gboolean required = emitra_document_requirement_get_required (self->requirement);
  gboolean seen = gtk_check_button_get_active (self->original_seen_check);
  g_autofree char *subtitle = NULL;

  if (self->busy)
    subtitle = g_strdup (_("Checking and storing the scan…"));
  else if (self->scan != NULL)
    subtitle = describe_scan (self->scan);
  else if (seen)
    subtitle = g_strdup (_("Original seen at the counter; no scan attached"));
  else if (required)
    subtitle = g_strdup (_("Required: not provided yet"));
  else
    subtitle = g_strdup (_("Optional"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  if (self->scan != NULL && self->scan->kind != EMITRA_SCAN_KIND_PDF)
    {
      gtk_picture_set_filename (self->picture, self->scan->path);
      gtk_stack_set_visible_child_name (self->preview_stack, "picture");
    }
  else if (self->scan != NULL)
    {
      gtk_picture_set_paintable (self->picture, NULL);
      gtk_stack_set_visible_child_name (self->preview_stack, "pdf");
    }
  else
    {
      gtk_picture_set_paintable (self->picture, NULL);
      gtk_image_set_from_icon_name (self->status_icon,
                                    seen ? "emblem-ok-symbolic"
                                         : required ? "dialog-warning-symbolic" : "document-new-symbolic");
      gtk_stack_set_visible_child_name (self->preview_stack, "none");
    }

  gtk_button_set_label (self->attach_button, self->scan != NULL ? _("_Replace…") : _("_Attach…"));
  /* The button stays sensitive while a scan is stored (a click then does
   * nothing): an insensitive button would lose the keyboard focus. */
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), self->scan != NULL && !self->busy);
}

static void
on_attach_button_clicked_cb (GtkButton         *button,
                             EmitraDocumentRow *self)
{
  if (!self->busy)
    g_signal_emit (self, signals[ATTACH], 0);
}

static void
on_remove_button_clicked_cb (GtkButton         *button,
                             EmitraDocumentRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
on_original_seen_check_toggled_cb (GtkCheckButton    *check,
                                   EmitraDocumentRow *self)
{
  update (self);
  if (!self->updating)
    g_signal_emit (self, signals[ORIGINAL_SEEN_TOGGLED], 0);
}

EmitraDocumentRow *
emitra_document_row_new (EmitraDocumentRequirement *requirement)
{
  EmitraDocumentRow *self;
  const char *name;
  g_autofree char *attach_name = NULL;
  g_autofree char *remove_name = NULL;
  g_autofree char *seen_name = NULL;

  g_return_val_if_fail (EMITRA_IS_DOCUMENT_REQUIREMENT (requirement), NULL);

  self = g_object_new (EMITRA_TYPE_DOCUMENT_ROW, NULL);
  self->requirement = g_object_ref (requirement);
  name = emitra_document_requirement_get_name (requirement, emitra_text_prefers_hindi ());

  if (emitra_document_requirement_get_required (requirement))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  else
    {
      /* Translators: a document the applicant may leave out. */
      g_autofree char *title = g_strdup_printf (_("%s (optional)"), name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
    }
  gtk_widget_set_name (GTK_WIDGET (self), emitra_document_requirement_get_id (requirement));
  gtk_widget_set_visible (GTK_WIDGET (self->original_seen_check),
                          emitra_document_requirement_get_original_seen (requirement));

  /* Every row has the same buttons: each says which document it is for. */
  /* Translators: the accessible name of a button; %s is a document's name. */
  attach_name = g_strdup_printf (_("Attach a scan of %s"), name);
  /* Translators: the accessible name of a button; %s is a document's name. */
  remove_name = g_strdup_printf (_("Remove the scan of %s"), name);
  /* Translators: the accessible name of a check box; %s is a document's name. */
  seen_name = g_strdup_printf (_("Original of %s seen"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attach_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, attach_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->original_seen_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, seen_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                  emitra_document_requirement_get_required (requirement), -1);

  update (self);
  return self;
}

EmitraDocumentRequirement *
emitra_document_row_get_requirement (EmitraDocumentRow *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_ROW (self), NULL);
  return self->requirement;
}

const char *
emitra_document_row_get_id (EmitraDocumentRow *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_ROW (self), NULL);
  return emitra_document_requirement_get_id (self->requirement);
}

void
emitra_document_row_set_scan (EmitraDocumentRow    *self,
                              const EmitraScanInfo *info)
{
  g_return_if_fail (EMITRA_IS_DOCUMENT_ROW (self));

  g_clear_pointer (&self->scan, emitra_scan_info_free);
  if (info != NULL)
    self->scan = scan_info_copy (info);
  update (self);
}

const EmitraScanInfo *
emitra_document_row_get_scan (EmitraDocumentRow *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_ROW (self), NULL);
  return self->scan;
}

void
emitra_document_row_set_original_seen (EmitraDocumentRow *self,
                                       gboolean           seen)
{
  g_return_if_fail (EMITRA_IS_DOCUMENT_ROW (self));

  if (!emitra_document_requirement_get_original_seen (self->requirement))
    seen = FALSE;
  self->updating = TRUE;
  gtk_check_button_set_active (self->original_seen_check, seen);
  self->updating = FALSE;
  update (self);
}

gboolean
emitra_document_row_get_original_seen (EmitraDocumentRow *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_ROW (self), FALSE);
  return emitra_document_requirement_get_original_seen (self->requirement) &&
         gtk_check_button_get_active (self->original_seen_check);
}

void
emitra_document_row_set_busy (EmitraDocumentRow *self,
                              gboolean           busy)
{
  g_return_if_fail (EMITRA_IS_DOCUMENT_ROW (self));
  self->busy = busy;
  update (self);
}

gboolean
emitra_document_row_get_busy (EmitraDocumentRow *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_ROW (self), FALSE);
  return self->busy;
}

/* A scan, or the original seen where the service accepts that. */
gboolean
emitra_document_row_is_provided (EmitraDocumentRow *self)
{
  g_return_val_if_fail (EMITRA_IS_DOCUMENT_ROW (self), FALSE);
  return self->scan != NULL || emitra_document_row_get_original_seen (self);
}

void
emitra_document_row_focus (EmitraDocumentRow *self)
{
  g_return_if_fail (EMITRA_IS_DOCUMENT_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->attach_button));
}

static void
emitra_document_row_dispose (GObject *object)
{
  EmitraDocumentRow *self = EMITRA_DOCUMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_DOCUMENT_ROW);

  G_OBJECT_CLASS (emitra_document_row_parent_class)->dispose (object);
}

static void
emitra_document_row_finalize (GObject *object)
{
  EmitraDocumentRow *self = EMITRA_DOCUMENT_ROW (object);

  g_clear_object (&self->requirement);
  g_clear_pointer (&self->scan, emitra_scan_info_free);

  G_OBJECT_CLASS (emitra_document_row_parent_class)->finalize (object);
}

static void
emitra_document_row_class_init (EmitraDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_document_row_dispose;
  object_class->finalize = emitra_document_row_finalize;

  signals[ATTACH] = g_signal_new ("attach", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ORIGINAL_SEEN_TOGGLED] = g_signal_new ("original-seen-toggled", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraDocumentRow, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraDocumentRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, EmitraDocumentRow, picture);
  gtk_widget_class_bind_template_child (widget_class, EmitraDocumentRow, original_seen_check);
  gtk_widget_class_bind_template_child (widget_class, EmitraDocumentRow, attach_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraDocumentRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_attach_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_original_seen_check_toggled_cb);
}

static void
emitra_document_row_init (EmitraDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
