/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk's command-line tasks, for supervisors' scripts and for tests:
 * `--verify-receipts` walks the receipt chain and `--report=DATE` writes
 * the day report, both without opening a window. They live in core so they
 * run, and are tested, without a display; the application only calls them.
 * Messages are in the interface language; the exit status says what
 * happened (see EmitraCliExit).
 *
 * The report holds every citizen's name and every operator's takings, so
 * it is written for a signed-in person only, by the same rule as the
 * Reports page: the whole desk for a supervisor, an operator's own day
 * (--mine) for an operator. Who is who is the gateway's to say: the SSO ID
 * and the password (read from standard input, never an argument, which
 * any user could see in the process list) are checked there, and when the
 * gateway cannot be reached no report is written at all.
 */
#include "config.h"

#include "emitra-desk-cli.h"
#include "emitra-desk-schema.h"
#include "emitra-desk.h"
#include "emitra-gateway-client.h"
#include "emitra-print-util.h"
#include "emitra-receipt-store.h"
#include "emitra-report.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Longer than any password, short enough that a stray file piped in is
 * not read whole. */
#define MAX_PASSWORD_BYTES 1024
/* The whole sign-in, retries included, for a script that must not hang. */
#define SIGN_IN_TIMEOUT_MS 10000

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

/* The first line of @input (standard input when NULL), without its line
 * end; NULL when there is none. A terminal is asked, without echo. */
static char *
read_password (GInputStream *input,
               const char   *sso_id)
{
  char *line = NULL;
  gsize length = 0;

  if (input != NULL)
    {
      g_autoptr(GDataInputStream) data = g_data_input_stream_new (input);

      g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);
      line = g_data_input_stream_read_line (data, &length, NULL, NULL);
    }
  else
    {
      char buffer[MAX_PASSWORD_BYTES + 2];
      struct termios saved, quiet;
      gboolean tty = FALSE;

      if (isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          g_autofree char *prompt = g_strdup_printf (_("Password for %s: "), sso_id);

          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) ECHO;
          tty = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
          fputs (prompt, stderr);
          fflush (stderr);
        }
      if (fgets (buffer, sizeof buffer, stdin) != NULL)
        {
          length = strcspn (buffer, "\r\n");
          line = g_strndup (buffer, length);
        }
      if (tty)
        {
          tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
          fputc ('\n', stderr);
        }
      memset (buffer, 0, sizeof buffer);
    }

  if (line != NULL && (length == 0 || length > MAX_PASSWORD_BYTES))
    g_clear_pointer (&line, g_free);
  return line;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Spins the default main context until *@slot is set: the command line
 * has no main loop of its own. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Signs in at the gateway; returns the client holding the session, or
 * NULL with the line to print and *@out_status set. */
static EmitraGatewayClient *
sign_in (const EmitraCliReportOptions  *options,
         const char                    *password,
         int                           *out_status,
         char                         **out_message)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("user-agent", "e-Mitra-Desk/" PACKAGE_VERSION,
                                                                  NULL);
  g_autoptr(EmitraGatewayClient) client = NULL;
  g_autoptr(EmitraOperatorSession) operator_session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *url = options->gateway_url != NULL && options->gateway_url[0] != '\0'
                      ? options->gateway_url : EMITRA_DESK_SANDBOX_URL;

  client = emitra_gateway_client_new (session, url, &error);
  if (client != NULL && options->ca_file != NULL && options->ca_file[0] != '\0' &&
      !emitra_gateway_client_set_ca_file (client, options->ca_file, &error))
    g_clear_object (&client);
  if (client == NULL)
    {
      *out_status = EMITRA_CLI_EXIT_FAILURE;
      *out_message = g_strdup (error->message);
      return NULL;
    }
  /* Sign-in is never repeated by the client: one attempt, in bounded time. */
  emitra_gateway_client_set_timeout (client, SIGN_IN_TIMEOUT_MS);

  emitra_gateway_client_sign_in_async (client, options->sso_id, password, options->kiosk_code, NULL,
                                       store_result_cb, &result);
  operator_session = emitra_gateway_client_sign_in_finish (client, wait_for (&result), &error);
  if (operator_session != NULL)
    return g_steal_pointer (&client);

  if (error->domain == EMITRA_GATEWAY_ERROR && emitra_gateway_error_is_transient (error))
    {
      *out_status = EMITRA_CLI_EXIT_FAILURE;
      *out_message = g_strdup_printf (_("The gateway could not be reached to check who you are, so no report was written. %s"),
                                      error->message);
    }
  else
    {
      *out_status = EMITRA_CLI_EXIT_DENIED;
      *out_message = g_strdup_printf (_("Signing in failed, so no report was written. %s"), error->message);
    }
  return NULL;
}

static void
sign_out (EmitraGatewayClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;

  emitra_gateway_client_sign_out_async (client, NULL, store_result_cb, &result);
  emitra_gateway_client_sign_out_finish (client, wait_for (&result), NULL);
}

/**
 * emitra_desk_cli_report:
 * @options: what was asked for (see EmitraCliReportOptions)
 *
 * Writes the day report for the person who signs in: the whole desk for a
 * supervisor, their own receipts (with --mine) for an operator. Returns an
 * EmitraCliExit.
 */
int
emitra_desk_cli_report (const EmitraCliReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) database = NULL;
  g_autoptr(EmitraReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EmitraGatewayClient) client = NULL;
  g_autofree char *parsed_day = NULL;
  g_autofree char *password = NULL;
  g_autofree char *message = NULL;
  g_autofree char *operator_id = NULL;
  EmitraOperatorSession *session;
  gboolean missing = FALSE;
  int status = EMITRA_CLI_EXIT_OK;
  Format chosen;

  g_return_val_if_fail (options != NULL, EMITRA_CLI_EXIT_USAGE);

  if (!parse_format (options->format, &chosen))
    {
      g_autofree char *line = g_strdup_printf (_("“%s” is not a report format. Use text, csv or pdf."),
                                               options->format);

      print_line (stderr, line);
      return EMITRA_CLI_EXIT_USAGE;
    }
  if (options->day == NULL || g_str_equal (options->day, "today"))
    parsed_day = emitra_report_today ();
  else if (!emitra_report_parse_day (options->day, &parsed_day, &error))
    {
      print_line (stderr, error->message);
      return EMITRA_CLI_EXIT_USAGE;
    }
  if (options->sso_id == NULL || options->sso_id[0] == '\0')
    {
      print_line (stderr, _("The report is only for a signed-in supervisor or operator: add --sso-id=ID (the password is read from standard input)."));
      return EMITRA_CLI_EXIT_USAGE;
    }
  if (options->kiosk_code == NULL || options->kiosk_code[0] == '\0')
    {
      print_line (stderr, _("No centre code is set: add --kiosk=CODE, or set it in Preferences."));
      return EMITRA_CLI_EXIT_USAGE;
    }

  password = read_password (options->password_input, options->sso_id);
  if (password == NULL)
    {
      print_line (stderr, _("No password was given on standard input."));
      return EMITRA_CLI_EXIT_USAGE;
    }

  client = sign_in (options, password, &status, &message);
  /* The password is not needed any more: do not keep it in memory. */
  memset (password, 0, strlen (password));
  if (client == NULL)
    {
      print_line (stderr, message);
      return status;
    }

  session = emitra_gateway_client_get_operator_session (client);
  if (options->mine)
    operator_id = g_strdup (emitra_operator_session_get_operator_id (session));
  else if (!emitra_operator_session_is_supervisor (session))
    {
      g_autofree char *line = g_strdup_printf (_("Only a supervisor may see the whole desk’s report; %s is signed in as an operator. Add --mine for your own day."),
                                               options->sso_id);

      sign_out (client);
      print_line (stderr, line);
      return EMITRA_CLI_EXIT_DENIED;
    }
  sign_out (client);

  database = open_database (options->database_path, &missing, &error);
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

  report = emitra_report_compute (database, parsed_day, operator_id, &error);
  bytes = report != NULL ? render (report, chosen, &error) : NULL;
  if (bytes == NULL)
    {
      print_line (stderr, error->message);
      return EMITRA_CLI_EXIT_FAILURE;
    }

  if (options->output == NULL || g_str_equal (options->output, "-"))
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

  if (!emitra_print_write_file (options->output, bytes, &error))
    {
      g_autofree char *line = g_strdup_printf (_("The report could not be written to %s: %s"),
                                               options->output, error->message);

      print_line (stderr, line);
      return EMITRA_CLI_EXIT_UNWRITABLE;
    }
  return EMITRA_CLI_EXIT_OK;
}
