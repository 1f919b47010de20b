/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-application.h"

#include <glib/gi18n.h>

#include "emitra-a11y.h"
#include "emitra-catalog-context.h"
#include "emitra-debug-view.h"
#include "emitra-desk-cli.h"
#include "emitra-desk.h"
#include "emitra-display.h"
#include "emitra-language-switch.h"
#include "emitra-notifier.h"
#include "emitra-preferences-window.h"
#include "emitra-search-provider.h"
#include "emitra-setup-window.h"
#include "emitra-window.h"

struct _EmitraApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  EmitraNotifier *notifier;
  EmitraCatalogContext *catalog_context;
  EmitraDesk     *desk;
  GError         *desk_error;
  EmitraSearchProvider *search_provider;
  EmitraLanguageSwitch *language_switch;
  char           *screenshot_path;
  int             exit_status;
};

G_DEFINE_FINAL_TYPE (EmitraApplication, emitra_application, ADW_TYPE_APPLICATION)

/* The language chosen in Preferences wins over the session's. It must be
 * set before gettext translates anything, so main() calls this first; a
 * later change in Preferences takes effect at once (EmitraLanguageSwitch). */
void
emitra_application_setup_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, "in.emitra.Desk", TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new ("in.emitra.Desk");
  language = g_settings_get_string (settings, "language");
  emitra_language_switch_apply_language (language);
}

EmitraApplication *
emitra_application_new (void)
{
  return g_object_new (EMITRA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/in/emitra/Desk",
                       NULL);
}

/* Announcements (submission confirmed, outbox stuck, catalog updated) go
 * through here: a desktop notification where a server exists, and always a
 * toast in the window (see EmitraNotifier::notified). */
EmitraNotifier *
emitra_application_get_notifier (EmitraApplication *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION (self), NULL);

  return self->notifier;
}

GSettings *
emitra_application_get_settings (EmitraApplication *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION (self), NULL);

  return self->settings;
}

static void
on_submission_settled_cb (EmitraSubmitter   *submitter,
                          EmitraReceipt     *receipt,
                          int                state,
                          EmitraApplication *self)
{
  gint64 number = emitra_receipt_get_receipt_no (receipt);
  g_autofree char *number_text = emitra_display_number (number);
  const char *name = emitra_receipt_get_citizen_name (receipt);
  g_autofree char *body = NULL;

  /* Translators: "Receipt 42 for Sunita Meena". */
  body = g_strdup_printf (_("Receipt %s for %s"), number > 0 ? number_text : "—",
                          name != NULL && name[0] != '\0' ? name : "—");

  switch ((EmitraOutboxState) state)
    {
    case EMITRA_OUTBOX_STATE_CONFIRMED:
      emitra_notifier_notify (self->notifier, EMITRA_NOTIFY_SUBMISSION_CONFIRMED,
                              _("A queued submission was confirmed"), body);
      break;
    case EMITRA_OUTBOX_STATE_REJECTED:
      emitra_notifier_notify (self->notifier, EMITRA_NOTIFY_SUBMISSION_REJECTED,
                              _("A queued submission was refused: return the citizen's money"), body);
      break;
    case EMITRA_OUTBOX_STATE_CANCELLED:
    case EMITRA_OUTBOX_STATE_PENDING:
    default:
      break;
    }
}

static void
on_catalog_updated_cb (EmitraCatalogContext *context,
                       EmitraApplication    *self)
{
  EmitraCatalog *catalog = emitra_catalog_context_get_catalog (context);
  g_autofree char *body = NULL;
  g_autofree char *count = emitra_display_count (g_list_model_get_n_items (emitra_catalog_get_services (catalog)));

  /* Translators: "Version 2026.11.2, 209 services". The version is the
   * gateway's and keeps its Latin digits; the second %s is the number of
   * services. */
  body = g_strdup_printf (_("Version %s, %s services"), emitra_catalog_get_version (catalog), count);
  emitra_notifier_notify (self->notifier, EMITRA_NOTIFY_CATALOG_UPDATED,
                          _("The service catalog was updated"), body);
}

static void
on_catalog_refused_cb (EmitraCatalogContext *context,
                       const GError         *error,
                       EmitraApplication    *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_message ("The gateway's service catalog was refused: %s", error->message);
  if (EMITRA_IS_WINDOW (window))
    emitra_window_add_toast (EMITRA_WINDOW (window),
                             _("The gateway sent a broken service catalog; the one in use stays"));
}

/* The desk starts once the catalog in use is known: its heartbeat asks for
 * the catalog with that one's ETag and hands on any newer one. */
static void
start_desk (EmitraApplication *self)
{
  EmitraCatalogContext *context = emitra_application_get_catalog_context (self);

  g_signal_connect_object (context, "updated", G_CALLBACK (on_catalog_updated_cb), self, 0);
  g_signal_connect_object (context, "refused", G_CALLBACK (on_catalog_refused_cb), self, 0);
  emitra_catalog_context_start_desk (context, self->desk);
}

/* The desk's database, gateway client and submitter, made on first use.
 * NULL when the database cannot be opened; emitra_application_get_desk_error()
 * then says why, and the window tells the operator what to do. */
EmitraDesk *
emitra_application_get_desk (EmitraApplication *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION (self), NULL);

  if (self->desk == NULL && self->desk_error == NULL)
    {
      g_autofree char *url = g_settings_get_string (self->settings, "gateway-url");
      g_autofree char *ca_file = g_settings_get_string (self->settings, "gateway-ca-file");
      const char *env_url = g_getenv ("EMITRA_GATEWAY_URL");
      g_autofree char *data_dir = emitra_database_default_dir ();

      self->desk = emitra_desk_new (data_dir, env_url != NULL && env_url[0] != '\0' ? env_url : url,
                                    ca_file, &self->desk_error);
      if (self->desk != NULL)
        {
          g_signal_connect_object (emitra_desk_get_submitter (self->desk), "settled",
                                   G_CALLBACK (on_submission_settled_cb), self, 0);
          if (self->screenshot_path == NULL)
            start_desk (self);
        }
      else
        g_warning ("The desk cannot start: %s", self->desk_error->message);
    }

  return self->desk;
}

const GError *
emitra_application_get_desk_error (EmitraApplication *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION (self), NULL);

  return self->desk_error;
}

/* The catalog, its search and the centre's use of services: shared by the
 * catalog page and the desktop search provider. Made on first use, which
 * is the D-Bus registration, so the catalog loads while GTK starts. */
EmitraCatalogContext *
emitra_application_get_catalog_context (EmitraApplication *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION (self), NULL);

  if (self->catalog_context == NULL)
    self->catalog_context = emitra_catalog_context_new (NULL, NULL, NULL);

  return self->catalog_context;
}

/* The shell's search finds services through this object (see
 * data/in.emitra.Desk.search-provider.ini). */
static gboolean
emitra_application_dbus_register (GApplication     *app,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  EmitraApplication *self = EMITRA_APPLICATION (app);
  g_autofree char *provider_path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (emitra_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  self->search_provider = emitra_search_provider_new (GTK_APPLICATION (self),
                                                      emitra_application_get_catalog_context (self));
  return emitra_search_provider_export (self->search_provider, connection, provider_path, error);
}

static void
emitra_application_dbus_unregister (GApplication    *app,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  EmitraApplication *self = EMITRA_APPLICATION (app);

  if (self->search_provider != NULL)
    {
      emitra_search_provider_unexport (self->search_provider);
      g_clear_object (&self->search_provider);
    }

  G_APPLICATION_CLASS (emitra_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
on_screenshot_taken_cb (GtkWidget *window,
                        gboolean   ok,
                        gpointer   user_data)
{
  EmitraApplication *self = user_data;

  self->exit_status = ok ? 0 : 1;
  g_application_quit (G_APPLICATION (self));
}

static void
emitra_application_activate (GApplication *app)
{
  EmitraApplication *self = EMITRA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (emitra_window_new (self));

  gtk_window_present (window);

  /* An installer's first start asks for the centre and the gateway; a
   * screenshot run never waits for a person. */
  if (self->screenshot_path == NULL && emitra_setup_window_is_needed (self->settings))
    {
      EmitraSetupWindow *setup = emitra_setup_window_new (self->settings);

      gtk_window_set_transient_for (GTK_WINDOW (setup), window);
      gtk_window_present (GTK_WINDOW (setup));
    }

  if (self->screenshot_path != NULL)
    emitra_debug_view_screenshot (EMITRA_WINDOW (window), self->screenshot_path,
                                  G_CALLBACK (on_screenshot_taken_cb), self);
}

/* The command-line tasks (receipt verification, the day report) run here,
 * before any window or D-Bus name: they print, exit with a status, and
 * never disturb a desk that is open. Returns -1 when none was asked for. */
static int
run_command_line_task (GVariantDict *options)
{
  g_autofree char *day = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *sso_id = NULL;
  g_autofree char *kiosk = NULL;

  g_variant_dict_lookup (options, "report", "s", &day);
  g_variant_dict_lookup (options, "format", "s", &format);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, "sso-id", "s", &sso_id);
  g_variant_dict_lookup (options, "kiosk", "s", &kiosk);

  if (g_variant_dict_contains (options, "verify-receipts"))
    return emitra_desk_cli_verify_receipts (NULL);
  if (day != NULL)
    {
      /* The gateway and the centre as the desk is set up (the settings
       * object is made later, at startup). */
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, "in.emitra.Desk", TRUE) : NULL;
      g_autoptr(GSettings) settings = schema != NULL ? g_settings_new ("in.emitra.Desk") : NULL;
      g_autofree char *url = settings != NULL ? g_settings_get_string (settings, "gateway-url") : NULL;
      g_autofree char *ca_file = settings != NULL ? g_settings_get_string (settings, "gateway-ca-file") : NULL;
      g_autofree char *centre = settings != NULL ? g_settings_get_string (settings, "centre-code") : NULL;
      const char *env_url = g_getenv ("EMITRA_GATEWAY_URL");
      EmitraCliReportOptions report = {
        .day = day, .format = format, .output = output, .sso_id = sso_id,
        .kiosk_code = kiosk != NULL ? kiosk : centre,
        .gateway_url = env_url != NULL && env_url[0] != '\0' ? env_url : url,
        .ca_file = ca_file, .mine = g_variant_dict_contains (options, "mine"),
      };

      return emitra_desk_cli_report (&report);
    }
  if (format != NULL || output != NULL || sso_id != NULL || kiosk != NULL ||
      g_variant_dict_contains (options, "mine"))
    {
      g_printerr ("%s\n", _("--format, --output, --sso-id, --kiosk and --mine go with --report=DATE."));
      return EMITRA_CLI_EXIT_USAGE;
    }
  return -1;
}

static int
emitra_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  EmitraApplication *self = EMITRA_APPLICATION (app);
  int status = run_command_line_task (options);

  if (status >= 0)
    return status;

  if (g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path))
    {
      /* A screenshot run is a private, one-shot instance: it must not hand
       * its work to a desk that is already open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
on_quit_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  EmitraApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets each one save its state before we go. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
on_preferences_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  EmitraApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  EmitraPreferencesWindow *preferences = emitra_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_about_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  EmitraApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The e-Mitra Desk developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("e-Mitra Desk"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The e-Mitra Desk developers"),
                         "developers", developers,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         "comments", _("Counter software for e-Mitra citizen-service centres in Rajasthan."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activated_cb },
  { "preferences", on_preferences_activated_cb },
  { "about", on_about_activated_cb },
};

static void
emitra_application_startup (GApplication *app)
{
  EmitraApplication *self = EMITRA_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (emitra_application_parent_class)->startup (app);
  emitra_a11y_init ();

  self->settings = g_settings_new ("in.emitra.Desk");
  self->notifier = emitra_notifier_new (_("e-Mitra Desk"));
  self->language_switch = emitra_language_switch_new (GTK_APPLICATION (self), self->settings);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
}

static void
emitra_application_finalize (GObject *object)
{
  EmitraApplication *self = EMITRA_APPLICATION (object);

  g_clear_object (&self->language_switch);
  g_clear_object (&self->settings);
  g_clear_object (&self->desk);
  g_clear_error (&self->desk_error);
  g_clear_object (&self->notifier);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->catalog_context);
  g_clear_pointer (&self->screenshot_path, g_free);

  G_OBJECT_CLASS (emitra_application_parent_class)->finalize (object);
}

static void
emitra_application_class_init (EmitraApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = emitra_application_finalize;
  app_class->activate = emitra_application_activate;
  app_class->startup = emitra_application_startup;
  app_class->handle_local_options = emitra_application_handle_local_options;
  app_class->dbus_register = emitra_application_dbus_register;
  app_class->dbus_unregister = emitra_application_dbus_unregister;
}

static const GOptionEntry main_options[] = {
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the window, write a PNG of it to FILE once drawn, and quit"), N_("FILE") },
  { "verify-receipts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check that no receipt was altered or removed, and quit"), NULL },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the day report for DATE (YYYY-MM-DD or “today”) without opening a window"), N_("DATE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The report’s format: text (the default), csv or pdf"), N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the report to FILE instead of standard output"), N_("FILE") },
  { "sso-id", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Sign in as ID for the report (the password is read from standard input)"), N_("ID") },
  { "kiosk", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The centre’s kiosk code for signing in (default: the one in Preferences)"), N_("CODE") },
  { "mine", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Only the signed-in operator’s own receipts"), NULL },
  { NULL }
};

static void
emitra_application_init (EmitraApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_options);
}

/* Rebuilds the windows when the language or the digits change. */
EmitraLanguageSwitch *
emitra_application_get_language_switch (EmitraApplication *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION (self), NULL);

  return self->language_switch;
}

/* The status a one-shot run (a screenshot) ends with. */
int
emitra_application_get_exit_status (EmitraApplication *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION (self), 1);

  return self->exit_status;
}
