/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit statuses of the desk's command-line tasks. */
typedef enum {
  EMITRA_CLI_EXIT_OK         = 0,
  EMITRA_CLI_EXIT_FAILURE    = 1,   /* a broken receipt chain, an unreadable database */
  EMITRA_CLI_EXIT_USAGE      = 2,   /* a bad date or format */
  EMITRA_CLI_EXIT_UNWRITABLE = 3,   /* the output file cannot be written */
} EmitraCliExit;

int emitra_desk_cli_verify_receipts (const char *database_path);
int emitra_desk_cli_report          (const char *database_path,
                                     const char *day,
                                     const char *format,
                                     const char *output);

G_END_DECLS
