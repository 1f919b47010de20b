/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scanned documents attached to a draft. An operator picks a file; before
 * the desk keeps it, the file is judged by its bytes, never by its name:
 * the gateway takes only PDF, JPEG and PNG of at most 2 MiB, and a program
 * renamed "photo.jpg" must be refused at the counter, not discovered later.
 *
 * An accepted scan is copied under the desk's data directory
 * (attachments/<draft id>/<document id>.<ext>, mode 0600), so the draft
 * survives the USB stick being pulled out, a crash or a power cut; the
 * copy is removed with the draft.
 */
#include "config.h"

#include "emitra-scan.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "emitra-database.h"

G_DEFINE_QUARK (emitra-scan-error-quark, emitra_scan_error)

static const struct {
  EmitraScanKind  kind;
  const char     *content_type;
  const char     *extension;
  const guint8   *magic;
  gsize           magic_len;
} kinds[] = {
  { EMITRA_SCAN_KIND_PDF, "application/pdf", "pdf", (const guint8 *) "%PDF-", 5 },
  { EMITRA_SCAN_KIND_JPEG, "image/jpeg", "jpg", (const guint8 *) "\xff\xd8\xff", 3 },
  { EMITRA_SCAN_KIND_PNG, "image/png", "png", (const guint8 *) "\x89PNG\r\n\x1a\n", 8 },
};

const char *
emitra_scan_kind_to_content_type (EmitraScanKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].content_type;
  g_return_val_if_reached ("application/octet-stream");
}

const char *
emitra_scan_kind_to_extension (EmitraScanKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].extension;
  g_return_val_if_reached ("bin");
}

/* For the desk's own copies only, whose names it chose itself. */
gboolean
emitra_scan_kind_from_path (const char     *path,
                            EmitraScanKind *out_kind)
{
  const char *dot = path != NULL ? strrchr (path, '.') : NULL;

  if (dot == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (dot + 1, kinds[i].extension) == 0)
      {
        *out_kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

static gboolean
starts_with (const guint8 *data,
             gsize         size,
             const void   *magic,
             gsize         magic_len)
{
  return size >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* Programs and scripts by their first bytes: ELF, DOS/Windows (MZ),
 * Mach-O (64- and 32-bit, either byte order, and universal binaries, whose
 * magic Java class files share), Windows shortcuts, and a script's "#!".
 * shared-mime-info knows them too, but a desk without its database must
 * still refuse them. */
static gboolean
looks_executable (const guint8 *data,
                  gsize         size,
                  const char   *guessed)
{
  static const struct { const char *magic; gsize len; } programs[] = {
    { "\x7f" "ELF", 4 },
    { "MZ", 2 },
    { "#!", 2 },
    { "\xcf\xfa\xed\xfe", 4 },
    { "\xfe\xed\xfa\xcf", 4 },
    { "\xce\xfa\xed\xfe", 4 },
    { "\xfe\xed\xfa\xce", 4 },
    { "\xca\xfe\xba\xbe", 4 },
    { "L\0\0\0\x01\x14\x02\0", 8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    if (starts_with (data, size, programs[i].magic, programs[i].len))
      return TRUE;

  return guessed != NULL && g_content_type_can_be_executable (guessed) &&
         !g_content_type_is_a (guessed, "text/plain");
}

/* Judges @bytes as a scan: non-empty, within the gateway's limit, and a
 * PDF, JPEG or PNG by content. @display_name only names the file in the
 * message. */
gboolean
emitra_scan_check (GBytes          *bytes,
                   const char      *display_name,
                   EmitraScanKind  *out_kind,
                   GError         **error)
{
  g_autofree char *guessed = NULL;
  const guint8 *data;
  gboolean uncertain = TRUE;
  gsize size = 0;

  g_return_val_if_fail (bytes != NULL, FALSE);

  if (display_name == NULL)
    display_name = "";
  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes). Scan the document again."), display_name);
      return FALSE;
    }
  if (size > EMITRA_SCAN_MAX_BYTES)
    {
      g_autofree char *actual = g_format_size (size);

      g_set_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_TOO_LARGE,
                   /* Translators: %s is the file name, then its size such as “3.4 MB”. */
                   _("“%s” is %s; a document may be at most 2 MB. Scan it at a lower resolution or in black and white."),
                   display_name, actual);
      return FALSE;
    }

  /* NULL for the file name: the bytes decide, never the extension. */
  guessed = g_content_type_guess (NULL, data, size, &uncertain);
  if (looks_executable (data, size, guessed))
    {
      g_set_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_EXECUTABLE,
                   _("“%s” is a program, not a scanned document, whatever its name says. It was not attached."),
                   display_name);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (!starts_with (data, size, kinds[i].magic, kinds[i].magic_len))
        continue;
      /* A sniffer that is sure of another type overrules a lucky prefix;
       * "text/plain" and "application/octet-stream" are its ways of saying
       * it does not know (without a MIME database it says nothing else). */
      if (!uncertain && guessed != NULL &&
          !g_content_type_equals (guessed, "application/octet-stream") &&
          !g_content_type_equals (guessed, "text/plain") &&
          !g_content_type_is_a (guessed, kinds[i].content_type))
        break;
      if (out_kind != NULL)
        *out_kind = kinds[i].kind;
      return TRUE;
    }

  g_set_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_WRONG_TYPE,
               _("“%s” is not a PDF, JPEG or PNG file. Scan the document to one of these."),
               display_name);
  return FALSE;
}

/* Counts "/Type /Page" objects (not "/Pages"): right for the plain PDFs
 * scanners write; 0 when the page tree is compressed and cannot be seen. */
guint
emitra_scan_count_pdf_pages (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  guint pages = 0;

  for (gsize i = 0; i + 5 < size; i++)
    {
      gsize j;

      if (data[i] != '/' || memcmp (data + i, "/Type", 5) != 0)
        continue;
      j = i + 5;
      while (j < size && (data[j] == ' ' || data[j] == '\r' || data[j] == '\n' || data[j] == '\t'))
        j++;
      if (j + 5 <= size && memcmp (data + j, "/Page", 5) == 0 &&
          (j + 5 == size || !g_ascii_isalnum (data[j + 5])))
        pages++;
    }

  return pages;
}

char *
emitra_scan_dir_for_draft (const char *draft_id)
{
  g_autofree char *base = emitra_database_default_dir ();

  g_return_val_if_fail (draft_id != NULL && strchr (draft_id, '/') == NULL, NULL);

  return g_build_filename (base, "attachments", draft_id, NULL);
}

void
emitra_scan_info_free (EmitraScanInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->display_name);
  g_free (info);
}

static EmitraScanInfo *
scan_info_new (const char     *path,
               const char     *display_name,
               EmitraScanKind  kind,
               GBytes         *bytes)
{
  EmitraScanInfo *info = g_new0 (EmitraScanInfo, 1);

  info->path = g_strdup (path);
  info->display_name = g_strdup (display_name);
  info->kind = kind;
  info->size = g_bytes_get_size (bytes);
  info->pages = kind == EMITRA_SCAN_KIND_PDF ? emitra_scan_count_pdf_pages (bytes) : 1;
  return info;
}

static GBytes *
load_limited (GFile         *file,
              const char    *display_name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  /* Ask the size first so a 4 GB file is refused without being read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info != NULL && g_file_info_get_size (info) > EMITRA_SCAN_MAX_BYTES)
    {
      g_autofree char *actual = g_format_size (g_file_info_get_size (info));

      g_set_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_TOO_LARGE,
                   _("“%s” is %s; a document may be at most 2 MB. Scan it at a lower resolution or in black and white."),
                   display_name, actual);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_UNREADABLE,
                   _("“%s” could not be read: %s"), display_name, local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

/* Reads back a copy the desk stored earlier (a resumed draft). */
EmitraScanInfo *
emitra_scan_describe (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  EmitraScanKind kind;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  name = g_path_get_basename (path);
  bytes = load_limited (file, name, NULL, error);
  if (bytes == NULL || !emitra_scan_check (bytes, name, &kind, error))
    return NULL;

  return scan_info_new (path, name, kind, bytes);
}

/* Checks @source and copies it into the draft's attachment directory.
 * Blocking: call it from a thread (see emitra_scan_import_async()). */
EmitraScanInfo *
emitra_scan_import (GFile         *source,
                    const char    *draft_id,
                    const char    *document_id,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  EmitraScanKind kind;

  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (draft_id != NULL && document_id != NULL, NULL);
  g_return_val_if_fail (strchr (document_id, '/') == NULL, NULL);

  display_name = g_file_get_basename (source);
  bytes = load_limited (source, display_name, cancellable, error);
  if (bytes == NULL || !emitra_scan_check (bytes, display_name, &kind, error))
    return NULL;

  dir = emitra_scan_dir_for_draft (draft_id);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_UNREADABLE,
                   _("The document could not be stored: %s"), g_strerror (saved_errno));
      return NULL;
    }

  file_name = g_strdup_printf ("%s.%s", document_id, emitra_scan_kind_to_extension (kind));
  path = g_build_filename (dir, file_name, NULL);
  /* DURABLE: the draft that points at this file may be written next. */
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_UNREADABLE,
                   _("The document could not be stored: %s"), local_error->message);
      return NULL;
    }

  /* Another kind attached earlier for the same document leaves no stray copy. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind != kind)
      {
        g_autofree char *other_name = g_strdup_printf ("%s.%s", document_id, kinds[i].extension);
        g_autofree char *other = g_build_filename (dir, other_name, NULL);

        g_unlink (other);
      }

  return scan_info_new (path, display_name, kind, bytes);
}

typedef struct
{
  GFile *source;
  char  *draft_id;
  char  *document_id;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_object (&import->source);
  g_free (import->draft_id);
  g_free (import->document_id);
  g_free (import);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *import = task_data;
  GError *error = NULL;
  EmitraScanInfo *info;

  info = emitra_scan_import (import->source, import->draft_id, import->document_id,
                             cancellable, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) emitra_scan_info_free);
}

void
emitra_scan_import_async (GFile               *source,
                          const char          *draft_id,
                          const char          *document_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportData *import = g_new0 (ImportData, 1);

  import->source = g_object_ref (source);
  import->draft_id = g_strdup (draft_id);
  import->document_id = g_strdup (document_id);
  g_task_set_source_tag (task, emitra_scan_import_async);
  g_task_set_task_data (task, import, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

EmitraScanInfo *
emitra_scan_import_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Removes the draft's stored scans (after it is submitted or discarded). */
void
emitra_scan_remove_for_draft (const char *draft_id)
{
  g_autofree char *dir = emitra_scan_dir_for_draft (draft_id);
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (dir == NULL)
    return;
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}
