/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EMITRA_SCAN_ERROR (emitra_scan_error_quark ())

typedef enum {
  EMITRA_SCAN_ERROR_EMPTY,       /* a file of zero bytes */
  EMITRA_SCAN_ERROR_TOO_LARGE,   /* over EMITRA_SCAN_MAX_BYTES */
  EMITRA_SCAN_ERROR_WRONG_TYPE,  /* not a PDF, JPEG or PNG by its bytes, whatever its name */
  EMITRA_SCAN_ERROR_EXECUTABLE,  /* a program, possibly renamed to look like a scan */
  EMITRA_SCAN_ERROR_UNREADABLE,  /* the file could not be read or stored */
} EmitraScanError;

/* The gateway's limit for one document (docs/api.md): 2 MiB. */
#define EMITRA_SCAN_MAX_BYTES (2 * 1024 * 1024)

typedef enum {
  EMITRA_SCAN_KIND_PDF,
  EMITRA_SCAN_KIND_JPEG,
  EMITRA_SCAN_KIND_PNG,
} EmitraScanKind;

/* A scan accepted for a draft: where the desk keeps its copy and what it is. */
typedef struct
{
  char           *path;          /* the desk's own copy, under the data dir */
  char           *display_name;  /* the name the operator picked, for the list */
  EmitraScanKind  kind;
  gsize           size;
  guint           pages;         /* PDF pages when they could be counted, else 0; 1 for an image */
} EmitraScanInfo;

GQuark          emitra_scan_error_quark        (void);

const char     *emitra_scan_kind_to_content_type (EmitraScanKind  kind);
const char     *emitra_scan_kind_to_extension  (EmitraScanKind    kind);
gboolean        emitra_scan_kind_from_path     (const char       *path,
                                                EmitraScanKind   *out_kind);

gboolean        emitra_scan_check              (GBytes           *bytes,
                                                const char       *display_name,
                                                EmitraScanKind   *out_kind,
                                                GError          **error);
guint           emitra_scan_count_pdf_pages    (GBytes           *bytes);

char           *emitra_scan_dir_for_draft      (const char       *draft_id);

void            emitra_scan_info_free          (EmitraScanInfo   *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmitraScanInfo, emitra_scan_info_free)

EmitraScanInfo *emitra_scan_describe           (const char       *path,
                                                GError          **error);
EmitraScanInfo *emitra_scan_import             (GFile            *source,
                                                const char       *draft_id,
                                                const char       *document_id,
                                                GCancellable     *cancellable,
                                                GError          **error);
void            emitra_scan_import_async       (GFile            *source,
                                                const char       *draft_id,
                                                const char       *document_id,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
EmitraScanInfo *emitra_scan_import_finish      (GAsyncResult     *result,
                                                GError          **error);
void            emitra_scan_remove_for_draft   (const char       *draft_id);

G_END_DECLS
