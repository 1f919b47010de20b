/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk's command-line tasks, for supervisors' scripts and for tests:
 * `--verify-receipts` walks the receipt chain and `--report=DATE` writes
 * the day report, both without opening a window. They live in core so they
 * run, and are tested, without a display; the application only calls them.
 * Messages are in the interface language; the exit status says what
 * happened (see EmitraCliExit).
 */
#include "config.h"

#include "emitra-desk-cli.h"
#include "emitra-desk-schema.h"
#include "emitra-print-util.h"
#include "emitra-receipt-store.h"
#include "emitra-report.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* Written as bytes: the text is UTF-8 whatever the terminal's locale
 * claims, and a PDF is binary. */
static gboolean
write_stdout (const char *data,
              gsize       length)
{
  return fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0;
}

static void
print_line (FILE       *stream,
            const char *text)
{
  fputs (text, stream);
  fputc ('\n', stream);
  fflush (stream);
}

/* The desk's database, or %NULL with *@missing set when there is none yet
 * (a command-line task never creates one). */
static EmitraDatabase *
open_database (const char  *database_path,
               gboolean    *missing,
               GError     **error)
{
  g_autofree char *path = database_path != NULL ? g_strdup (database_path)
                                                : emitra_desk_database_default_path ();

  *missing = !g_file_test (path, G_FILE_TEST_EXISTS);
  if (*missing)
    return NULL;
  return emitra_desk_database_open (path, error);
}

/**
 * emitra_desk_cli_verify_receipts:
 * @database_path: (nullable): the desk's database, or %NULL for the usual one
 *
 * Walks the whole receipt chain and prints the first broken link, if any.
 * Returns 0 when the chain is intact, 1 when it is broken or unreadable.
 */
int
emitra_desk_cli_verify_receipts (const char *database_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) database = NULL;
  g_autoptr(EmitraReceiptStore) store = NULL;
  g_autoptr(EmitraChainReport) report = NULL;
  gboolean missing = FALSE;

  database = open_database (database_path, &missing, &error);
  if (missing)
    {
      print_line (stdout, _("No receipts have been issued on this desk yet."));
      return EMITRA_CLI_EXIT_OK;
    }
  if (database == NULL)
    {
      print_line (stderr, error->message);
      return EMITRA_CLI_EXIT_FAILURE;
    }

  store = emitra_receipt_store_new (database);
  report = emitra_receipt_store_verify (store, &error);
  if (report == NULL)
    {
      print_line (stderr, error->message);
      return EMITRA_CLI_EXIT_FAILURE;
    }

  if (report->result == EMITRA_CHAIN_INTACT)
    {
      print_line (stdout, report->message);
      return EMITRA_CLI_EXIT_OK;
    }

  {
    g_autofree char *line = g_strdup_printf (_("The receipt chain is broken. %s"), report->message);

    print_line (stdout, line);
  }
  return EMITRA_CLI_EXIT_FAILURE;
}

typedef enum {
  FORMAT_TEXT,
  FORMAT_CSV,
  FORMAT_PDF,
} Format;

static gboolean
parse_format (const char *text,
              Format     *out_format)
{
  if (text == NULL || g_str_equal (text, "text"))
    *out_format = FORMAT_TEXT;
  else if (g_str_equal (text, "csv"))
    *out_format = FORMAT_CSV;
  else if (g_str_equal (text, "pdf"))
    *out_format = FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static GBytes *
render (EmitraReport  *report,
        Format         format,
        GError       **error)
{
  char *text;

  switch (format)
    {
    case FORMAT_CSV:
      text = emitra_report_to_csv (report);
      return g_bytes_new_take (text, strlen (text));
    case FORMAT_PDF:
      return emitra_report_to_pdf (report, error);
    case FORMAT_TEXT:
    default:
      text = emitra_report_to_text (report);
      return g_bytes_new_take (text, strlen (text));
    }
}

/**
 * emitra_desk_cli_report:
 * @database_path: (nullable): the desk's database, or %NULL for the usual one
 * @day: "YYYY-MM-DD", or "today"
 * @format: (nullable): "text" (the default), "csv" or "pdf"
 * @output: (nullable): a file to write, or %NULL for standard output
 *
 * Writes the day report. Returns an EmitraCliExit.
 */
int
emitra_desk_cli_report (const char *database_path,
                        const char *day,
                        const char *format,
                        const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) database = NULL;
  g_autoptr(EmitraReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *parsed_day = NULL;
  gboolean missing = FALSE;
  Format chosen;

  if (!parse_format (format, &chosen))
    {
      g_autofree char *line = g_strdup_printf (_("“%s” is not a report format. Use text, csv or pdf."), format);

      print_line (stderr, line);
      return EMITRA_CLI_EXIT_USAGE;
    }
  if (day == NULL || g_str_equal (day, "today"))
    parsed_day = emitra_report_today ();
  else if (!emitra_report_parse_day (day, &parsed_day, &error))
    {
      print_line (stderr, error->message);
      return EMITRA_CLI_EXIT_USAGE;
    }

  database = open_database (database_path, &missing, &error);
  if (missing)
    {
      /* No database yet: the report of a day without receipts, and no
       * database file left behind. */
      database = emitra_desk_database_open (":memory:", &error);
    }
  if (database == NULL)
    {
      print_line (stderr, error->message);
      return EMITRA_CLI_EXIT_FAILURE;
    }

  report = emitra_report_compute (database, parsed_day, NULL, &error);
  bytes = report != NULL ? render (report, chosen, &error) : NULL;
  if (bytes == NULL)
    {
      print_line (stderr, error->message);
      return EMITRA_CLI_EXIT_FAILURE;
    }

  if (output == NULL || g_str_equal (output, "-"))
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      if (!write_stdout (data, length))
        {
          print_line (stderr, _("The report could not be written to standard output."));
          return EMITRA_CLI_EXIT_UNWRITABLE;
        }
      return EMITRA_CLI_EXIT_OK;
    }

  if (!emitra_print_write_file (output, bytes, &error))
    {
      g_autofree char *line = g_strdup_printf (_("The report could not be written to %s: %s"),
                                               output, error->message);

      print_line (stderr, line);
      return EMITRA_CLI_EXIT_UNWRITABLE;
    }
  return EMITRA_CLI_EXIT_OK;
}
