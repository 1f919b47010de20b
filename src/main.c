/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "emitra-application.h"
#include "emitra-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EmitraApplication) app = NULL;
  const char *localedir = g_getenv ("EMITRA_LOCALEDIR");
  int status;

  emitra_renderer_setup ();
  setlocale (LC_ALL, "");
  /* After setlocale(), which would undo the locale it may pick for
   * LC_MESSAGES; before anything is translated. */
  emitra_application_setup_language ();
  /* EMITRA_LOCALEDIR lets tests and screenshots run an uninstalled build
   * in Hindi, with the catalog of messages from the build's po folder. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = emitra_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : emitra_application_get_exit_status (app);
}
