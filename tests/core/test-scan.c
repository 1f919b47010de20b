/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "emitra-scan.h"

static const char tiny_pdf[] =
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
  "2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n"
  "3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
  "4 0 obj << /Type/Page /Parent 2 0 R >> endobj\n%%EOF\n";

static const guint8 tiny_png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
};

static const guint8 tiny_jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9 };

static const guint8 elf[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0 };
static const guint8 dos_exe[] = { 'M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0 };
static const guint8 macho32[] = { 0xce, 0xfa, 0xed, 0xfe, 7, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0 };
static const guint8 macho_fat[] = { 0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2, 1, 0, 0, 7, 0, 0, 0, 3 };
static const guint8 shortcut[] = { 'L', 0, 0, 0, 1, 0x14, 2, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0 };
/* A zip archive (a .docx, an .apk) with a scan's name. */
static const guint8 zip[] = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0 };

typedef struct
{
  const char     *name;
  const void     *data;
  gsize           size;
  gboolean        ok;
  EmitraScanKind  kind;
  int             error_code;
} CheckCase;

static void
test_scan_check (void)
{
  g_autofree guint8 *big = g_malloc0 (EMITRA_SCAN_MAX_BYTES + 1);
  const CheckCase cases[] = {
    { "form.pdf", tiny_pdf, sizeof tiny_pdf - 1, TRUE, EMITRA_SCAN_KIND_PDF, 0 },
    { "photo.png", tiny_png, sizeof tiny_png, TRUE, EMITRA_SCAN_KIND_PNG, 0 },
    { "photo.jpg", tiny_jpeg, sizeof tiny_jpeg, TRUE, EMITRA_SCAN_KIND_JPEG, 0 },
    /* The bytes decide: a JPEG with a PDF's name is still a JPEG. */
    { "scan.pdf", tiny_jpeg, sizeof tiny_jpeg, TRUE, EMITRA_SCAN_KIND_JPEG, 0 },
    { "empty.pdf", "", 0, FALSE, 0, EMITRA_SCAN_ERROR_EMPTY },
    { "notes.pdf", "Just some text, no PDF here.\n", 29, FALSE, 0, EMITRA_SCAN_ERROR_WRONG_TYPE },
    { "photo.jpg", elf, sizeof elf, FALSE, 0, EMITRA_SCAN_ERROR_EXECUTABLE },
    { "aadhaar.pdf", dos_exe, sizeof dos_exe, FALSE, 0, EMITRA_SCAN_ERROR_EXECUTABLE },
    { "scan.png", "#!/bin/sh\nrm -rf ~\n", 19, FALSE, 0, EMITRA_SCAN_ERROR_EXECUTABLE },
    { "photo.png", macho32, sizeof macho32, FALSE, 0, EMITRA_SCAN_ERROR_EXECUTABLE },
    { "income.pdf", macho_fat, sizeof macho_fat, FALSE, 0, EMITRA_SCAN_ERROR_EXECUTABLE },
    { "ration card.jpg", shortcut, sizeof shortcut, FALSE, 0, EMITRA_SCAN_ERROR_EXECUTABLE },
    { "form.pdf", zip, sizeof zip, FALSE, 0, EMITRA_SCAN_ERROR_WRONG_TYPE },
    { "photo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>", 66, FALSE, 0,
      EMITRA_SCAN_ERROR_WRONG_TYPE },
    { "huge.pdf", NULL, EMITRA_SCAN_MAX_BYTES + 1, FALSE, 0, EMITRA_SCAN_ERROR_TOO_LARGE },
  };

  memcpy (big, "%PDF-1.4\n", 9);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CheckCase *c = &cases[i];
      g_autoptr(GBytes) bytes = g_bytes_new_static (c->data != NULL ? c->data : big, c->size);
      g_autoptr(GError) error = NULL;
      EmitraScanKind kind = 99;
      gboolean ok;

      g_test_message ("case %u: %s", i, c->name);
      ok = emitra_scan_check (bytes, c->name, &kind, &error);
      g_assert_cmpint (ok, ==, c->ok);
      if (c->ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (kind, ==, c->kind);
        }
      else
        {
          g_assert_error (error, EMITRA_SCAN_ERROR, c->error_code);
          /* The operator is told which file was refused. */
          g_assert_nonnull (strstr (error->message, c->name));
        }
    }
}

static void
test_scan_too_large_states_the_limit (void)
{
  g_autofree guint8 *big = g_malloc0 (3 * 1024 * 1024);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (big, "%PDF-1.4\n", 9);
  bytes = g_bytes_new_static (big, 3 * 1024 * 1024);
  g_assert_false (emitra_scan_check (bytes, "big.pdf", NULL, &error));
  g_assert_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "2 MB"));
  g_assert_nonnull (strstr (error->message, "3.1"));
}

static void
test_scan_pdf_pages (void)
{
  g_autoptr(GBytes) two = g_bytes_new_static (tiny_pdf, sizeof tiny_pdf - 1);
  g_autoptr(GBytes) none = g_bytes_new_static ("%PDF-1.7\n/Type /Pages\n", 22);

  g_assert_cmpuint (emitra_scan_count_pdf_pages (two), ==, 2);
  g_assert_cmpuint (emitra_scan_count_pdf_pages (none), ==, 0);
}

static void
test_scan_import (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "desk", NULL);
  g_autofree char *source_path = g_build_filename (g_get_tmp_dir (), "Scan 001.PNG", NULL);
  g_autofree char *exe_path = g_build_filename (g_get_tmp_dir (), "photo.jpg", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) exe = g_file_new_for_path (exe_path);
  g_autoptr(EmitraScanInfo) info = NULL;
  g_autoptr(EmitraScanInfo) again = NULL;
  g_autoptr(EmitraScanInfo) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;

  g_setenv ("EMITRA_DATA_DIR", data_dir, TRUE);
  g_assert_true (g_file_set_contents (source_path, (const char *) tiny_png, sizeof tiny_png, NULL));
  g_assert_true (g_file_set_contents (exe_path, (const char *) elf, sizeof elf, NULL));

  info = emitra_scan_import (source, "draft-1", "photo", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->display_name, ==, "Scan 001.PNG");
  g_assert_cmpint (info->kind, ==, EMITRA_SCAN_KIND_PNG);
  g_assert_cmpuint (info->size, ==, sizeof tiny_png);
  g_assert_true (g_str_has_prefix (info->path, data_dir));
  g_assert_true (g_str_has_suffix (info->path, "photo.png"));
  /* The desk's copy is private to the operator's account. */
  g_assert_cmpint (g_stat (info->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The copy outlives the original (a USB stick pulled out). */
  g_unlink (source_path);
  again = emitra_scan_describe (info->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->kind, ==, EMITRA_SCAN_KIND_PNG);

  refused = emitra_scan_import (exe, "draft-1", "aadhaar", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, EMITRA_SCAN_ERROR, EMITRA_SCAN_ERROR_EXECUTABLE);

  emitra_scan_remove_for_draft ("draft-1");
  dir = emitra_scan_dir_for_draft ("draft-1");
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_unlink (exe_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/scan/check", test_scan_check);
  g_test_add_func ("/scan/too-large-states-the-limit", test_scan_too_large_states_the_limit);
  g_test_add_func ("/scan/pdf-pages", test_scan_pdf_pages);
  g_test_add_func ("/scan/import", test_scan_import);

  return g_test_run ();
}
