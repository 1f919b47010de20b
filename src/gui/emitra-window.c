/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-window.h"

#include <glib/gi18n.h>

#include "emitra-catalog-page.h"
#include "emitra-window-desk.h"
#include "emitra-window-flow.h"

struct _EmitraWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  gboolean              application_attached;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkStack             *main_stack;
  AdwBin               *application_bin;
  AdwBin               *receipts_bin;
  AdwBin               *report_bin;
  EmitraCatalogPage    *catalog_page;
  GtkLabel             *identity_label;
  GtkRevealer          *training_revealer;
  GtkRevealer          *offline_revealer;
};

G_DEFINE_FINAL_TYPE (EmitraWindow, emitra_window, ADW_TYPE_APPLICATION_WINDOW)

EmitraWindow *
emitra_window_new (EmitraApplication *application)
{
  return g_object_new (EMITRA_TYPE_WINDOW, "application", application, NULL);
}

void
emitra_window_add_toast (EmitraWindow *self,
                         const char   *message)
{
  g_return_if_fail (EMITRA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

const char *
emitra_window_get_visible_page (EmitraWindow *self)
{
  g_return_val_if_fail (EMITRA_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
emitra_window_set_visible_page (EmitraWindow *self,
                                const char   *name)
{
  g_return_if_fail (EMITRA_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

EmitraCatalogPage *
emitra_window_get_catalog_page (EmitraWindow *self)
{
  g_return_val_if_fail (EMITRA_IS_WINDOW (self), NULL);

  return self->catalog_page;
}

/* The pages other than the catalog are built the first time they are
 * needed, not at start-up: their templates and their layout cost the
 * first frame a third of its time (tests/bench/bench-startup.c). */
static GtkWidget *
ensure_page_in (AdwBin *bin,
                GType   page_type)
{
  if (adw_bin_get_child (bin) == NULL)
    adw_bin_set_child (bin, g_object_new (page_type, NULL));

  return adw_bin_get_child (bin);
}

/* The Reports page, built now if it was not yet; see also
 * emitra_window_peek_report_page(). */
EmitraReportPage *
emitra_window_get_report_page (EmitraWindow *self)
{
  gboolean built;

  g_return_val_if_fail (EMITRA_IS_WINDOW (self), NULL);

  built = adw_bin_get_child (self->report_bin) != NULL;
  ensure_page_in (self->report_bin, EMITRA_TYPE_REPORT_PAGE);
  if (!built)
    emitra_window_desk_attach_report_page (self, EMITRA_REPORT_PAGE (adw_bin_get_child (self->report_bin)));

  return EMITRA_REPORT_PAGE (adw_bin_get_child (self->report_bin));
}

/* The Reports page, or NULL when it has not been shown yet. */
EmitraReportPage *
emitra_window_peek_report_page (EmitraWindow *self)
{
  g_return_val_if_fail (EMITRA_IS_WINDOW (self), NULL);

  return EMITRA_REPORT_PAGE (adw_bin_get_child (self->report_bin));
}

/* The Receipts page, built now if it was not yet. */
EmitraReceiptsPage *
emitra_window_get_receipts_page (EmitraWindow *self)
{
  gboolean built;

  g_return_val_if_fail (EMITRA_IS_WINDOW (self), NULL);

  built = adw_bin_get_child (self->receipts_bin) != NULL;
  ensure_page_in (self->receipts_bin, EMITRA_TYPE_RECEIPTS_PAGE);
  if (!built)
    emitra_window_desk_attach_receipts_page (self, EMITRA_RECEIPTS_PAGE (adw_bin_get_child (self->receipts_bin)));

  return EMITRA_RECEIPTS_PAGE (adw_bin_get_child (self->receipts_bin));
}

/* The Receipts page, or NULL when it has not been shown yet. */
EmitraReceiptsPage *
emitra_window_peek_receipts_page (EmitraWindow *self)
{
  g_return_val_if_fail (EMITRA_IS_WINDOW (self), NULL);

  return EMITRA_RECEIPTS_PAGE (adw_bin_get_child (self->receipts_bin));
}

/* The training banner is shown whenever the gateway says it is a sandbox,
 * so a trainee never mistakes practice for a real transaction. */
void
emitra_window_set_training (EmitraWindow *self,
                            gboolean      training)
{
  g_return_if_fail (EMITRA_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->training_revealer, training);
}

void
emitra_window_set_online (EmitraWindow *self,
                          gboolean      online)
{
  g_return_if_fail (EMITRA_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->offline_revealer, !online);
}

void
emitra_window_set_identity (EmitraWindow *self,
                            const char   *identity)
{
  g_return_if_fail (EMITRA_IS_WINDOW (self));

  gtk_label_set_label (self->identity_label, identity != NULL ? identity : _("Not signed in"));
}

static void
save_window_state (EmitraWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* The guided application takes the whole window while it is open. It is
 * built when the first one starts. */
EmitraApplicationPage *
emitra_window_get_application_page (EmitraWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (EMITRA_IS_WINDOW (self), NULL);

  if ((page = adw_bin_get_child (self->application_bin)) != NULL)
    return EMITRA_APPLICATION_PAGE (page);

  page = ensure_page_in (self->application_bin, EMITRA_TYPE_APPLICATION_PAGE);
  g_object_bind_property (self->training_revealer, "reveal-child", page, "training", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->offline_revealer, "reveal-child", page, "offline", G_BINDING_SYNC_CREATE);
  emitra_window_flow_attach_page (self, EMITRA_APPLICATION_PAGE (page));

  return EMITRA_APPLICATION_PAGE (page);
}

/* The application page, or NULL when no application was opened yet. */
EmitraApplicationPage *
emitra_window_peek_application_page (EmitraWindow *self)
{
  g_return_val_if_fail (EMITRA_IS_WINDOW (self), NULL);

  return EMITRA_APPLICATION_PAGE (adw_bin_get_child (self->application_bin));
}

static void
on_visible_page_changed_cb (EmitraWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "receipts") == 0)
    emitra_window_get_receipts_page (self);
  else if (g_strcmp0 (name, "reports") == 0)
    emitra_window_get_report_page (self);
}

void
emitra_window_show_application (EmitraWindow *self,
                                gboolean      show)
{
  g_return_if_fail (EMITRA_IS_WINDOW (self));
  gtk_stack_set_visible_child_name (self->main_stack, show ? "application" : "home");
}

gboolean
emitra_window_is_showing_application (EmitraWindow *self)
{
  g_return_val_if_fail (EMITRA_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "application") == 0;
}

static gboolean
emitra_window_close_request (GtkWindow *window)
{
  /* The open application's draft is written first; the window closes
   * itself once it is. */
  if (emitra_window_flow_close_request (EMITRA_WINDOW (window)))
    return TRUE;
  save_window_state (EMITRA_WINDOW (window));

  return GTK_WINDOW_CLASS (emitra_window_parent_class)->close_request (window);
}

static void
on_search_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EmitraWindow *self = EMITRA_WINDOW (widget);

  emitra_window_set_visible_page (self, "catalog");
  emitra_catalog_page_focus_search (self->catalog_page);
}

static void
on_notifier_notified_cb (EmitraNotifier *notifier,
                         int             event,
                         const char     *title,
                         const char     *body,
                         EmitraWindow   *self)
{
  emitra_window_add_toast (self, title);
}

static void
on_application_set_cb (EmitraWindow *self)
{
  EmitraApplication *app;

  if (self->application_attached ||
      !EMITRA_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    return;

  self->application_attached = TRUE;
  app = EMITRA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_signal_connect_object (emitra_application_get_notifier (app), "notified",
                           G_CALLBACK (on_notifier_notified_cb), self, 0);
  emitra_window_desk_init (self);
}

static void
emitra_window_constructed (GObject *object)
{
  EmitraWindow *self = EMITRA_WINDOW (object);
  int width, height;

  G_OBJECT_CLASS (emitra_window_parent_class)->constructed (object);

  self->settings = g_settings_new ("in.emitra.Desk");
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* "application" is an ordinary property, set after construction: what
   * needs the application waits for it. */
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_set_cb), NULL);
  on_application_set_cb (self);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (on_visible_page_changed_cb), self);
  emitra_window_flow_init (self);

  /* Tests and screenshots start on a page by name ("receipts", "reports"). */
  if (g_getenv ("EMITRA_INITIAL_PAGE") != NULL &&
      adw_view_stack_get_child_by_name (self->view_stack, g_getenv ("EMITRA_INITIAL_PAGE")) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, g_getenv ("EMITRA_INITIAL_PAGE"));
}

static void
emitra_window_dispose (GObject *object)
{
  EmitraWindow *self = EMITRA_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_WINDOW);

  G_OBJECT_CLASS (emitra_window_parent_class)->dispose (object);
}

static void
emitra_window_class_init (EmitraWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = emitra_window_constructed;
  object_class->dispose = emitra_window_dispose;
  window_class->close_request = emitra_window_close_request;

  g_type_ensure (EMITRA_TYPE_CATALOG_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, application_bin);
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, receipts_bin);
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, report_bin);
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, catalog_page);
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, identity_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, training_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmitraWindow, offline_revealer);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, on_search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  emitra_window_flow_class_init (widget_class);
  emitra_window_desk_class_init (widget_class);
}

static void
emitra_window_init (EmitraWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
