/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guided application: a full page that takes over the window while a
 * citizen's application is filled (never a modal), built from the
 * service's form schema. Steps: Citizen (skipped when the form asks no
 * applicant), Details, Documents (when the service lists any), Fee,
 * Review; then the receipt.
 *
 * For the expert: Enter goes to the next field, Ctrl+Enter to the next
 * step, Alt+Left back, Alt+digit to a step, Ctrl+W back to the services;
 * every button has a mnemonic. For the trainee: a step is checked when
 * Next is pressed, and the first wrong field gets the focus and says why,
 * in words, under the field and to the screen reader.
 *
 * Every change goes into the draft at once and is saved shortly after, off
 * the main thread (EmitraDraftSaver), so quitting, a crash or a power cut
 * loses nothing and a resumed draft opens at the step where work stopped.
 * What talks to the gateway lives in emitra-application-page-gateway.c.
 */
#include "config.h"

#include "emitra-application-page-private.h"

#include <glib/gi18n.h>

#include "emitra-flow-private.h"
#include "emitra-scan.h"

G_DEFINE_FINAL_TYPE (EmitraApplicationPage, emitra_application_page, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_TRAINING,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
emitra_application_page_new (void)
{
  return g_object_new (EMITRA_TYPE_APPLICATION_PAGE, NULL);
}

void
emitra_application_page_set_desk (EmitraApplicationPage *self,
                                  EmitraCatalog         *catalog,
                                  EmitraDraftStore      *draft_store,
                                  EmitraGatewayClient   *client,
                                  EmitraSubmitter       *submitter)
{
  g_return_if_fail (EMITRA_IS_APPLICATION_PAGE (self));

  g_set_object (&self->catalog, catalog);
  g_set_object (&self->draft_store, draft_store);
  g_set_object (&self->client, client);
  g_set_object (&self->submitter, submitter);
}

EmitraDraft *
emitra_application_page_get_draft (EmitraApplicationPage *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION_PAGE (self), NULL);
  return self->draft;
}

const char *
emitra_application_page_get_step (EmitraApplicationPage *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->step_stack);
}

gboolean
emitra_application_page_get_busy (EmitraApplicationPage *self)
{
  g_return_val_if_fail (EMITRA_IS_APPLICATION_PAGE (self), FALSE);
  return self->busy;
}

/* The window's training and offline banners, repeated on this page
 * because it covers the window's own. */
void
emitra_application_page_set_training (EmitraApplicationPage *self,
                                      gboolean               training)
{
  g_return_if_fail (EMITRA_IS_APPLICATION_PAGE (self));

  if (gtk_revealer_get_reveal_child (self->training_revealer) == !!training)
    return;
  gtk_revealer_set_reveal_child (self->training_revealer, training);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINING]);
}

void
emitra_application_page_set_online (EmitraApplicationPage *self,
                                    gboolean               online)
{
  g_return_if_fail (EMITRA_IS_APPLICATION_PAGE (self));

  if (gtk_revealer_get_reveal_child (self->offline_revealer) == !online)
    return;
  gtk_revealer_set_reveal_child (self->offline_revealer, !online);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

static void
emitra_application_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_TRAINING:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->training_revealer));
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->offline_revealer));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_application_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_TRAINING:
      emitra_application_page_set_training (self, g_value_get_boolean (value));
      break;
    case PROP_OFFLINE:
      emitra_application_page_set_online (self, !g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_emitra_application_page_show_step_error (EmitraApplicationPage *self,
                                          const char            *message)
{
  gtk_label_set_label (self->step_error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->step_error_revealer, message != NULL);
  /* The label is an alert: setting it is what a screen reader announces. */
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_error_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}


void
_emitra_application_page_set_busy (EmitraApplicationPage *self,
                                   gboolean               busy)
{
  self->busy = busy;
  _emitra_application_page_update_actions (self);
}

static const char *
current_step (EmitraApplicationPage *self)
{
  if (self->steps == NULL || self->current >= self->steps->len)
    return NULL;
  return g_ptr_array_index (self->steps, self->current);
}

gboolean
_emitra_application_page_find_step (EmitraApplicationPage *self,
                                    const char            *step,
                                    guint                 *out_index)
{
  if (self->steps == NULL || step == NULL)
    return FALSE;
  return g_ptr_array_find_with_equal_func (self->steps, step, g_str_equal, out_index);
}

void
_emitra_application_page_update_actions (EmitraApplicationPage *self)
{
  gboolean on_receipt = g_strcmp0 (gtk_stack_get_visible_child_name (self->step_stack),
                                   EMITRA_FLOW_STEP_RECEIPT) == 0;
  gboolean on_review = g_strcmp0 (current_step (self), EMITRA_FLOW_STEP_REVIEW) == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.next", !on_receipt && !self->busy && self->steps != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.back", !on_receipt && !self->busy && self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.goto-step", !on_receipt && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.discard", !on_receipt && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.close", !self->busy);

  gtk_button_set_label (self->next_button, on_review ? _("_Submit and Collect the Fee") : _("_Next"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !on_receipt);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !on_receipt);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), on_receipt);
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), on_receipt);
}

/* The row of steps: done ones ticked, the current one marked in words for
 * a screen reader and in weight on screen, never by colour alone. */
static void
update_step_indicator (EmitraApplicationPage *self)
{
  GtkWidget *child;
  guint i = 0;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      GtkImage *icon = GTK_IMAGE (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (child))));
      gboolean current = i == self->current;
      gboolean done = !current && (i < self->current || i < self->reached);
      const char *description;

      gtk_image_set_from_icon_name (icon, current ? "go-next-symbolic" : "emblem-ok-symbolic");
      gtk_widget_set_visible (GTK_WIDGET (icon), current || done);
      if (current)
        {
          gtk_widget_add_css_class (child, "current-step");
          description = _("Current step");
        }
      else
        {
          gtk_widget_remove_css_class (child, "current-step");
          description = done ? _("Done") : _("Not yet done");
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
}

void
_emitra_application_page_build_step_indicator (EmitraApplicationPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box))) != NULL)
    gtk_box_remove (self->steps_box, child);

  for (guint i = 0; i < self->steps->len; i++)
    {
      const char *step = g_ptr_array_index (self->steps, i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      /* Translators: a step in the row of steps, with its number as a
       * mnemonic (Alt+1 goes to step 1): “_1. Citizen”. */
      g_autofree char *text = g_strdup_printf (_("_%u. %s"), i + 1, emitra_flow_step_title (step));
      GtkWidget *label = gtk_label_new_with_mnemonic (text);

      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "flow.goto-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", step);
      gtk_box_append (self->steps_box, button);
    }
  update_step_indicator (self);
}

/* Checks step @index as Next would; on failure returns its message. */
static gboolean
validate_step (EmitraApplicationPage  *self,
               guint                   index,
               char                  **out_message)
{
  const char *step = g_ptr_array_index (self->steps, index);

  if (g_str_equal (step, EMITRA_FLOW_STEP_CITIZEN))
    return emitra_form_view_validate (emitra_citizen_step_get_form_view (self->citizen_step), out_message);
  if (g_str_equal (step, EMITRA_FLOW_STEP_DETAILS))
    return emitra_form_view_validate (self->details_form, out_message);
  if (g_str_equal (step, EMITRA_FLOW_STEP_DOCUMENTS))
    return emitra_documents_step_validate (self->documents_step, out_message);
  if (g_str_equal (step, EMITRA_FLOW_STEP_FEE))
    return emitra_fee_step_validate (self->fee_step, out_message);
  return TRUE;
}

static guint
parse_pages (const char *text)
{
  guint64 pages = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 1000, &pages, NULL))
    return 0;
  return (guint) pages;
}

static void
enter_fee_step (EmitraApplicationPage *self)
{
  if (emitra_form_view_has_field (self->details_form, "pages"))
    emitra_fee_step_set_pages (self->fee_step, parse_pages (emitra_form_view_get_text (self->details_form, "pages")));

  /* The amount due is fetched on arrival, and again if the consumer
   * number changed since. */
  if (emitra_fee_step_needs_bill (self->fee_step))
    {
      g_autofree char *consumer = _emitra_application_page_dup_consumer_number (self);

      if (!emitra_fee_step_has_bill (self->fee_step) || g_strcmp0 (consumer, self->bill_consumer) != 0)
        _emitra_application_page_fetch_bill (self);
    }
}

static void
enter_review_step (EmitraApplicationPage *self)
{
  EmitraFee fee = { 0, };
  gint64 cash = 0, change = 0;

  emitra_fee_step_get_fee (self->fee_step, &fee, NULL);
  emitra_fee_step_get_cash (self->fee_step, &cash, &change);
  emitra_review_step_show (self->review_step, self->service, self->schema, self->catalog, self->draft,
                           _emitra_application_page_find_step (self, EMITRA_FLOW_STEP_CITIZEN, NULL), &fee, cash, change);
}

static void
focus_step (EmitraApplicationPage *self)
{
  const char *step = current_step (self);

  if (g_strcmp0 (step, EMITRA_FLOW_STEP_CITIZEN) == 0)
    emitra_citizen_step_focus (self->citizen_step);
  else if (g_strcmp0 (step, EMITRA_FLOW_STEP_DETAILS) == 0)
    emitra_form_view_focus_first (self->details_form);
  else if (g_strcmp0 (step, EMITRA_FLOW_STEP_DOCUMENTS) == 0)
    emitra_documents_step_focus (self->documents_step);
  else if (g_strcmp0 (step, EMITRA_FLOW_STEP_FEE) == 0)
    emitra_fee_step_focus (self->fee_step);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

void
_emitra_application_page_show_step (EmitraApplicationPage *self,
                                    guint                  index)
{
  const char *step = g_ptr_array_index (self->steps, index);

  self->current = index;
  self->reached = MAX (self->reached, index);
  gtk_stack_set_visible_child_name (self->step_stack, step);

  if (g_str_equal (step, EMITRA_FLOW_STEP_FEE))
    enter_fee_step (self);
  else if (g_str_equal (step, EMITRA_FLOW_STEP_REVIEW))
    enter_review_step (self);

  update_step_indicator (self);
  _emitra_application_page_update_actions (self);
  focus_step (self);

  if (self->draft != NULL && !self->restoring)
    {
      emitra_draft_set_step (self->draft, step);
      _emitra_application_page_queue_save (self);
    }
}

/* Goes to @step. Forward with @validate, each step on the way must pass
 * its checks; the first that fails is shown instead, with its message. */
gboolean
emitra_application_page_go_to_step (EmitraApplicationPage *self,
                                    const char            *step,
                                    gboolean               validate)
{
  guint target;

  g_return_val_if_fail (EMITRA_IS_APPLICATION_PAGE (self), FALSE);

  if (!_emitra_application_page_find_step (self, step, &target))
    return FALSE;

  _emitra_application_page_show_step_error (self, NULL);
  if (validate)
    for (guint i = self->current; i < target; i++)
      {
        g_autofree char *message = NULL;

        if (!validate_step (self, i, &message))
          {
            if (i != self->current)
              _emitra_application_page_show_step (self, i);
            /* The form view already moved the focus to the field. */
            validate_step (self, i, NULL);
            _emitra_application_page_show_step_error (self, message);
            return FALSE;
          }
      }

  _emitra_application_page_show_step (self, target);
  return TRUE;
}

static void
on_next_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (widget);

  if (g_strcmp0 (current_step (self), EMITRA_FLOW_STEP_REVIEW) == 0)
    {
      for (guint i = 0; i < self->current; i++)
        {
          g_autofree char *message = NULL;

          if (!validate_step (self, i, &message))
            {
              _emitra_application_page_show_step (self, i);
              validate_step (self, i, NULL);
              _emitra_application_page_show_step_error (self, message);
              return;
            }
        }
      _emitra_application_page_submit (self);
      return;
    }

  if (self->current + 1 < self->steps->len)
    emitra_application_page_go_to_step (self, g_ptr_array_index (self->steps, self->current + 1), TRUE);
}

static void
on_back_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (widget);

  if (self->current > 0)
    emitra_application_page_go_to_step (self, g_ptr_array_index (self->steps, self->current - 1), FALSE);
}

static void
on_goto_step_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (widget);

  emitra_application_page_go_to_step (self, g_variant_get_string (parameter, NULL), TRUE);
}

static void
emitra_application_page_dispose (GObject *object)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->saver != NULL && emitra_draft_saver_get_pending (self->saver))
    emitra_draft_saver_flush_async (self->saver, NULL, NULL, NULL);
  g_clear_object (&self->saver);
  g_clear_object (&self->draft);
  g_clear_object (&self->schema);
  g_clear_object (&self->service);
  g_clear_object (&self->catalog);
  g_clear_object (&self->draft_store);
  g_clear_object (&self->client);
  g_clear_object (&self->submitter);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMITRA_TYPE_APPLICATION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (emitra_application_page_parent_class)->dispose (object);
}

static void
emitra_application_page_finalize (GObject *object)
{
  EmitraApplicationPage *self = EMITRA_APPLICATION_PAGE (object);

  g_clear_pointer (&self->bill_consumer, g_free);
  g_clear_pointer (&self->otp_ref, g_free);

  G_OBJECT_CLASS (emitra_application_page_parent_class)->finalize (object);
}

static void
emitra_application_page_class_init (EmitraApplicationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_application_page_dispose;
  object_class->finalize = emitra_application_page_finalize;
  object_class->get_property = emitra_application_page_get_property;
  object_class->set_property = emitra_application_page_set_property;

  properties[PROP_TRAINING] =
    g_param_spec_boolean ("training", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The operator left the application (it stays in Drafts unless it was
   * submitted or discarded): the window shows the services again. */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (EMITRA_TYPE_CITIZEN_STEP);
  g_type_ensure (EMITRA_TYPE_FORM_VIEW);
  g_type_ensure (EMITRA_TYPE_DOCUMENTS_STEP);
  g_type_ensure (EMITRA_TYPE_FEE_STEP);
  g_type_ensure (EMITRA_TYPE_REVIEW_STEP);
  g_type_ensure (EMITRA_TYPE_RECEIPT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-application-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, training_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, steps_box);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, step_stack);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, citizen_step);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, details_form);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, documents_step);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, fee_step);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, review_step);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, receipt_view);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, step_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, step_error_label);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, EmitraApplicationPage, new_button);

  gtk_widget_class_install_action (widget_class, "flow.next", NULL, on_next_action_cb);
  gtk_widget_class_install_action (widget_class, "flow.back", NULL, on_back_action_cb);
  gtk_widget_class_install_action (widget_class, "flow.goto-step", "s", on_goto_step_action_cb);
  _emitra_application_page_class_init_draft (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "flow.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "flow.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, "flow.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "flow.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "flow.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "emitra-application-page");
}

static void
emitra_application_page_init (EmitraApplicationPage *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->cancellable = g_cancellable_new ();

  _emitra_application_page_connect_draft (self);
  _emitra_application_page_connect_gateway (self);

  _emitra_application_page_update_actions (self);
}
