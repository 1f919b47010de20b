/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the main window hosts the guided application (EmitraApplicationPage):
 * win.start-application (the catalog's "Start application" button, with a
 * service ID), win.resume-draft (a draft ID), win.show-drafts; the Drafts
 * list shown at start when unfinished work is waiting; the purge of old
 * drafts; and saving the open draft before the window closes.
 *
 * The desk's objects come from the application (EmitraDesk); the catalog
 * from its catalog context.
 *
 * Debugging and tests: EMITRA_OPEN_SERVICE=<service id> opens a new
 * application at start (for screenshots); EMITRA_RESUME_LATEST=1 resumes
 * the newest draft at start, without the Drafts list.
 */
#include "config.h"

#include "emitra-window-flow.h"

#include <glib/gi18n.h>

#include "emitra-application-page-private.h"
#include "emitra-catalog-context.h"
#include "emitra-display.h"
#include "emitra-drafts-dialog.h"
#include "emitra-flow-debug.h"
#include "emitra-scan.h"

typedef struct
{
  GCancellable     *cancellable;
  gboolean          closing;
  gboolean          started;
  gboolean          watching;
} FlowState;

static void
flow_state_free (gpointer data)
{
  FlowState *state = data;

  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_free (state);
}

static FlowState *
get_state (EmitraWindow *window)
{
  FlowState *state = g_object_get_data (G_OBJECT (window), "emitra-flow-state");

  if (state == NULL)
    {
      state = g_new0 (FlowState, 1);
      state->cancellable = g_cancellable_new ();
      g_object_set_data_full (G_OBJECT (window), "emitra-flow-state", state, flow_state_free);
    }
  return state;
}

static EmitraCatalogContext *
get_catalog_context (EmitraWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  return EMITRA_IS_APPLICATION (app) ? emitra_application_get_catalog_context (EMITRA_APPLICATION (app)) : NULL;
}

/* The desk's objects the flow works with: the catalog, and the
 * application's desk (its database's drafts, the gateway, the submitter). */
static gboolean
get_desk (EmitraWindow         *window,
          EmitraCatalog       **out_catalog,
          EmitraDraftStore    **out_store,
          EmitraGatewayClient **out_client,
          EmitraSubmitter     **out_submitter,
          GError              **error)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  EmitraCatalogContext *context = get_catalog_context (window);
  EmitraCatalog *catalog = context != NULL ? emitra_catalog_context_get_catalog (context) : NULL;
  EmitraDesk *desk = EMITRA_IS_APPLICATION (app) ? emitra_application_get_desk (EMITRA_APPLICATION (app)) : NULL;

  if (catalog == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The service catalog is still loading. Try again in a moment."));
      return FALSE;
    }
  if (desk == NULL)
    {
      const GError *desk_error = EMITRA_IS_APPLICATION (app) ? emitra_application_get_desk_error (EMITRA_APPLICATION (app)) : NULL;

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           desk_error != NULL ? desk_error->message
                                              : _("The desk's database could not be opened."));
      return FALSE;
    }

  *out_catalog = catalog;
  *out_store = emitra_desk_get_drafts (desk);
  if (out_client != NULL)
    *out_client = emitra_desk_get_gateway (desk);
  if (out_submitter != NULL)
    *out_submitter = emitra_desk_get_submitter (desk);
  return TRUE;
}

static gboolean
prepare_page (EmitraWindow *window)
{
  EmitraApplicationPage *page = emitra_window_get_application_page (window);
  EmitraCatalog *catalog = NULL;
  EmitraDraftStore *store = NULL;
  EmitraGatewayClient *client = NULL;
  EmitraSubmitter *submitter = NULL;
  g_autoptr(GError) error = NULL;

  if (!get_desk (window, &catalog, &store, &client, &submitter, &error))
    {
      emitra_window_add_toast (window, error->message);
      return FALSE;
    }
  emitra_application_page_set_desk (page, catalog, store, client, submitter);
  return TRUE;
}

void
emitra_window_flow_start_application (EmitraWindow *window,
                                      const char   *service_id)
{
  g_autoptr(GError) error = NULL;

  if (!prepare_page (window))
    return;
  if (!emitra_application_page_open_service (emitra_window_get_application_page (window), service_id, &error))
    {
      emitra_window_add_toast (window, error->message);
      return;
    }
  emitra_window_show_application (window, TRUE);
}

static void
on_start_application_action_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  emitra_window_flow_start_application (EMITRA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_draft_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EmitraWindow) window = user_data;
  g_autoptr(EmitraDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = emitra_draft_store_load_finish (EMITRA_DRAFT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (draft == NULL || !prepare_page (window) ||
      !emitra_application_page_open_draft (emitra_window_get_application_page (window), draft, &error))
    {
      if (error != NULL)
        emitra_window_add_toast (window, error->message);
      return;
    }
  emitra_window_show_application (window, TRUE);
  emitra_flow_debug_resumed (window);
}

void
emitra_window_flow_resume_draft (EmitraWindow *window,
                                 const char   *draft_id)
{
  EmitraCatalog *catalog = NULL;
  EmitraDraftStore *store = NULL;
  g_autoptr(GError) error = NULL;

  if (!get_desk (window, &catalog, &store, NULL, NULL, &error))
    {
      emitra_window_add_toast (window, error->message);
      return;
    }
  emitra_draft_store_load_async (store, draft_id, get_state (window)->cancellable,
                                 on_draft_loaded_cb, g_object_ref (window));
}

static void
on_resume_draft_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  emitra_window_flow_resume_draft (EMITRA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

typedef struct
{
  EmitraWindow  *window;
  char          *service_id;
} Reopen;

static void
reopen_free (Reopen *reopen)
{
  g_object_unref (reopen->window);
  g_free (reopen->service_id);
  g_free (reopen);
}

static void
on_reopen_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Reopen *reopen = user_data;
  g_autoptr(EmitraDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = emitra_draft_store_load_finish (EMITRA_DRAFT_STORE (source), result, &error);
  if (draft != NULL)
    {
      if (prepare_page (reopen->window) &&
          emitra_application_page_open_draft (emitra_window_get_application_page (reopen->window), draft, &error))
        emitra_window_show_application (reopen->window, TRUE);
      else if (error != NULL)
        emitra_window_add_toast (reopen->window, error->message);
    }
  /* An application opened but not changed yet was never written: it
   * opens afresh, which is all it held. */
  else if (g_error_matches (error, EMITRA_DRAFT_STORE_ERROR, EMITRA_DRAFT_STORE_ERROR_NOT_FOUND))
    emitra_window_flow_start_application (reopen->window, reopen->service_id);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    emitra_window_add_toast (reopen->window, error->message);
  reopen_free (reopen);
}

void
emitra_window_flow_mark_started (EmitraWindow *window)
{
  g_return_if_fail (EMITRA_IS_WINDOW (window));

  get_state (window)->started = TRUE;
}

/* Opens in @window the application another window had open: the draft
 * @draft_id (written by then), or, when it was already submitted, the
 * service @service_id showing @receipt, as the other window did. */
void
emitra_window_flow_reopen (EmitraWindow  *window,
                           const char    *draft_id,
                           const char    *service_id,
                           EmitraReceipt *receipt)
{
  EmitraCatalog *catalog = NULL;
  EmitraDraftStore *store = NULL;
  g_autoptr(GError) error = NULL;
  Reopen *reopen;

  g_return_if_fail (EMITRA_IS_WINDOW (window));
  g_return_if_fail (service_id != NULL);

  if (receipt != NULL)
    {
      emitra_window_flow_start_application (window, service_id);
      if (emitra_window_is_showing_application (window))
        _emitra_application_page_show_receipt (emitra_window_get_application_page (window), receipt);
      return;
    }
  if (!get_desk (window, &catalog, &store, NULL, NULL, &error))
    {
      emitra_window_add_toast (window, error->message);
      return;
    }
  reopen = g_new0 (Reopen, 1);
  reopen->window = g_object_ref (window);
  reopen->service_id = g_strdup (service_id);
  emitra_draft_store_load_async (store, draft_id, get_state (window)->cancellable, on_reopen_loaded_cb, reopen);
}

static guint
get_retention_days (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("in.emitra.Desk");

  return g_settings_get_uint (settings, "draft-retention-days");
}

static void
present_drafts (EmitraWindow *window,
                GListModel   *drafts)
{
  EmitraCatalog *catalog = NULL;
  EmitraDraftStore *store = NULL;
  EmitraDraftsDialog *dialog;

  if (!get_desk (window, &catalog, &store, NULL, NULL, NULL))
    return;
  dialog = emitra_drafts_dialog_new (GTK_WINDOW (window), catalog, store, drafts, get_retention_days ());
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_drafts_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(EmitraWindow) window = user_data;
  g_autoptr(GListModel) drafts = NULL;
  g_autoptr(GError) error = NULL;

  drafts = emitra_draft_store_list_finish (EMITRA_DRAFT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (drafts == NULL)
    {
      emitra_window_add_toast (window, error->message);
      return;
    }
  present_drafts (window, drafts);
}

static void
on_show_drafts_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EmitraWindow *window = EMITRA_WINDOW (widget);
  EmitraCatalog *catalog = NULL;
  EmitraDraftStore *store = NULL;
  g_autoptr(GError) error = NULL;

  if (!get_desk (window, &catalog, &store, NULL, NULL, &error))
    {
      emitra_window_add_toast (window, error->message);
      return;
    }
  emitra_draft_store_list_async (store, get_state (window)->cancellable, on_drafts_listed_cb, g_object_ref (window));
}

/* At start: what is waiting. Scans of drafts that are gone (purged) go too. */
static void
on_startup_listed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(EmitraWindow) window = user_data;
  g_autoptr(GListModel) drafts = NULL;
  g_autoptr(GError) error = NULL;

  drafts = emitra_draft_store_list_finish (EMITRA_DRAFT_STORE (source), result, &error);
  if (drafts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The drafts could not be listed: %s", error->message);
      return;
    }

  if (g_list_model_get_n_items (drafts) == 0)
    return;
  if (g_getenv ("EMITRA_RESUME_LATEST") != NULL)
    {
      g_autoptr(EmitraDraft) latest = g_list_model_get_item (drafts, 0);
      emitra_window_flow_resume_draft (window, emitra_draft_get_id (latest));
      return;
    }
  if (!emitra_window_is_showing_application (window))
    present_drafts (window, drafts);
}

static void
on_purged_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(EmitraWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  guint n_purged = 0;

  if (!emitra_draft_store_purge_finish (EMITRA_DRAFT_STORE (source), result, &n_purged, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Old drafts could not be purged: %s", error->message);
    }
  if (n_purged > 0)
    {
      g_autofree char *message = NULL;
      g_autofree char *shown = NULL;
      guint days = get_retention_days ();

      /* Translators: %u is how many drafts were deleted; the second number is days. */
      message = g_strdup_printf (ngettext ("%u unfinished application older than %u days was deleted",
                                           "%u unfinished applications older than %u days were deleted",
                                           n_purged),
                                 n_purged, days);
      /* Two counts, no names: the whole message in the chosen digits. */
      shown = emitra_display_digits (message);
      emitra_window_add_toast (window, shown);
    }

  emitra_draft_store_list_async (EMITRA_DRAFT_STORE (source), get_state (window)->cancellable,
                                 on_startup_listed_cb, g_object_ref (window));
}

static void
start_when_catalog_ready (EmitraWindow *window)
{
  FlowState *state = get_state (window);
  EmitraCatalog *catalog = NULL;
  EmitraDraftStore *store = NULL;
  g_autoptr(GError) error = NULL;
  const char *open_service = g_getenv ("EMITRA_OPEN_SERVICE");

  if (state->started)
    return;
  if (!get_desk (window, &catalog, &store, NULL, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        g_warning ("The drafts cannot be opened: %s", error->message);
      return;
    }
  state->started = TRUE;

  if (open_service != NULL && open_service[0] != '\0')
    {
      emitra_window_flow_start_application (window, open_service);
      emitra_flow_debug_started (window);
    }

  emitra_draft_store_purge_async (store, get_retention_days (), g_get_real_time () / G_USEC_PER_SEC,
                                  state->cancellable, on_purged_cb, g_object_ref (window));
}

static void
on_catalog_loading_cb (EmitraCatalogContext *context,
                       GParamSpec           *pspec,
                       EmitraWindow         *window)
{
  if (!emitra_catalog_context_get_loading (context))
    start_when_catalog_ready (window);
}

static void
on_page_closed_cb (EmitraApplicationPage *page,
                   EmitraWindow          *window)
{
  emitra_window_show_application (window, FALSE);
}

static void
watch_catalog (EmitraWindow *window)
{
  EmitraCatalogContext *context = get_catalog_context (window);
  FlowState *state = get_state (window);

  if (context == NULL || state->watching)
    return;
  state->watching = TRUE;
  g_signal_connect_object (context, "notify::loading", G_CALLBACK (on_catalog_loading_cb), window, 0);
  if (!emitra_catalog_context_get_loading (context))
    start_when_catalog_ready (window);
}

static void
on_application_set_cb (EmitraWindow *window,
                       GParamSpec   *pspec,
                       gpointer      user_data)
{
  watch_catalog (window);
}

/* Called once the window is constructed; its application (and so the
 * catalog) may come a moment later. */
void
emitra_window_flow_init (EmitraWindow *window)
{
  g_signal_connect (window, "notify::application", G_CALLBACK (on_application_set_cb), NULL);
  watch_catalog (window);
}

/* Called when the application page is built, at the first application. */
void
emitra_window_flow_attach_page (EmitraWindow          *window,
                                EmitraApplicationPage *page)
{
  g_signal_connect_object (page, "closed", G_CALLBACK (on_page_closed_cb), window, 0);
}

static void
on_closing_flushed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(EmitraWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!emitra_application_page_flush_finish (EMITRA_APPLICATION_PAGE (source), result, &error))
    g_warning ("The draft could not be saved before closing: %s", error->message);
  gtk_window_close (GTK_WINDOW (window));
}

/* The open draft is written before the window goes; returns TRUE while
 * that is under way (the window closes itself afterwards). */
gboolean
emitra_window_flow_close_request (EmitraWindow *window)
{
  FlowState *state = get_state (window);

  /* No application opened yet, so no draft to write. */
  if (state->closing || emitra_window_peek_application_page (window) == NULL)
    return FALSE;
  state->closing = TRUE;
  emitra_application_page_flush_async (emitra_window_peek_application_page (window), NULL,
                                       on_closing_flushed_cb, g_object_ref (window));
  return TRUE;
}

void
emitra_window_flow_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (EMITRA_TYPE_APPLICATION_PAGE);
  gtk_widget_class_install_action (widget_class, "win.start-application", "s", on_start_application_action_cb);
  gtk_widget_class_install_action (widget_class, "win.resume-draft", "s", on_resume_draft_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-drafts", NULL, on_show_drafts_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-drafts", NULL);
}
