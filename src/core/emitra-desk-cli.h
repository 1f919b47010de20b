/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The exit statuses of the desk's command-line tasks. */
typedef enum {
  EMITRA_CLI_EXIT_OK         = 0,
  EMITRA_CLI_EXIT_FAILURE    = 1,   /* a broken receipt chain, an unreadable database */
  EMITRA_CLI_EXIT_USAGE      = 2,   /* a bad date or format */
  EMITRA_CLI_EXIT_UNWRITABLE = 3,   /* the output file cannot be written */
  EMITRA_CLI_EXIT_DENIED     = 4,   /* sign-in refused, or a report the role may not see */
} EmitraCliExit;

/* What `emitra-desk --report=DAY` was asked for. The report is for a
 * signed-in person only (see HACKING.md, "Who sees which report"): the
 * password comes from @password_input (standard input when NULL), never
 * from an argument, and the gateway decides the role. */
typedef struct
{
  const char   *database_path;   /* NULL: the desk's usual database */
  const char   *day;             /* "YYYY-MM-DD" or "today" */
  const char   *format;          /* NULL, "text", "csv" or "pdf" */
  const char   *output;          /* NULL or "-": standard output */
  const char   *sso_id;          /* required */
  const char   *kiosk_code;      /* the centre's code; required */
  const char   *gateway_url;     /* NULL: the training sandbox's */
  const char   *ca_file;         /* NULL or "": the system's CAs only */
  gboolean      mine;            /* only the signed-in operator's receipts */
  GInputStream *password_input;  /* NULL: standard input */
} EmitraCliReportOptions;

int emitra_desk_cli_verify_receipts (const char                   *database_path);
int emitra_desk_cli_report          (const EmitraCliReportOptions *options);

G_END_DECLS
