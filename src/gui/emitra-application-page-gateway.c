/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application page's conversations with the gateway: signing in on
 * demand, the citizen's Jan Aadhaar family, the OTP and the member's
 * record, and a bill's amount due. Every call is cancelled when the
 * application closes, and every failure is told to the operator in their
 * language, beside the field it concerns when the gateway names one. The
 * submission itself is in emitra-application-page-submit.c.
 */
#include "config.h"

#include "emitra-application-page-private.h"

#include <glib/gi18n.h>

#include "emitra-display.h"
#include "emitra-flow-private.h"
#include "emitra-scan.h"
#include "emitra-text.h"
#include "emitra-window-desk.h"

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  EmitraApplicationPage *self;
  SessionReady           ready;
  SessionFailed          failed;
  gpointer               data;
  GDestroyNotify         destroy;
} SessionWait;

static void
session_wait_free (SessionWait *wait)
{
  if (wait->destroy != NULL)
    wait->destroy (wait->data);
  g_clear_object (&wait->self);
  g_free (wait);
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SessionWait *wait = user_data;
  g_autoptr(EmitraOperatorSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = emitra_window_ensure_signed_in_finish (EMITRA_WINDOW (source), result, &error);
  if (session != NULL)
    wait->ready (wait->self, wait->data);
  else if (!g_cancellable_is_cancelled (wait->self->cancellable))
    wait->failed (wait->self,
                  is_cancelled (error) ? _("Sign in to the gateway to go on; what you typed is kept.") : error->message,
                  wait->data);
  session_wait_free (wait);
}

/* Calls @ready once an operator is signed in to the gateway: at once when
 * a session is alive, or after the window's sign-in (in place, the work
 * on screen kept); @failed with the reason otherwise. */
void
_emitra_application_page_with_session (EmitraApplicationPage *self,
                                       SessionReady           ready,
                                       SessionFailed          failed,
                                       gpointer               data,
                                       GDestroyNotify         destroy)
{
  EmitraOperatorSession *session = self->client != NULL ? emitra_gateway_client_get_operator_session (self->client) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SessionWait *wait;

  if (self->client == NULL)
    failed (self, _("No gateway is set up for this desk. Set its address in Preferences."), data);
  else if (session != NULL && !emitra_operator_session_is_expired (session))
    ready (self, data);
  else if (EMITRA_IS_WINDOW (root))
    {
      wait = g_new0 (SessionWait, 1);
      wait->self = g_object_ref (self);
      wait->ready = ready;
      wait->failed = failed;
      wait->data = data;
      wait->destroy = destroy;
      emitra_window_ensure_signed_in_async (EMITRA_WINDOW (root), self->cancellable, on_signed_in_cb, wait);
      return;
    }
  else
    failed (self, _("Sign in to the gateway first, then try again."), data);

  if (destroy != NULL)
    destroy (data);
}

/* Jan Aadhaar: family -> member -> OTP -> record */

static void
on_family_fetched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(EmitraApplicationPage) self = user_data;
  g_autoptr(EmitraFamily) family = NULL;
  g_autoptr(GError) error = NULL;

  family = emitra_gateway_client_get_family_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (is_cancelled (error))
    return;
  _emitra_application_page_set_busy (self, FALSE);
  if (family == NULL)
    emitra_citizen_step_set_family_error (self->citizen_step, error->message);
  else
    emitra_citizen_step_set_family (self->citizen_step, family);
}

static void
lookup_failed (EmitraApplicationPage *self,
               const char            *message,
               gpointer               data)
{
  _emitra_application_page_set_busy (self, FALSE);
  emitra_citizen_step_set_family_error (self->citizen_step, message);
}

static void
lookup_family (EmitraApplicationPage *self,
               gpointer               family_id)
{
  emitra_gateway_client_get_family_async (self->client, family_id, self->cancellable,
                                          on_family_fetched_cb, g_object_ref (self));
}

static void
on_lookup_cb (EmitraCitizenStep     *step,
              const char            *family_id,
              EmitraApplicationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;

  if (!emitra_validate_jan_aadhaar_family (_("Jan Aadhaar family ID"), family_id, &normalised, &error))
    {
      emitra_citizen_step_set_family_error (step, error->message);
      return;
    }

  _emitra_application_page_set_busy (self, TRUE);
  emitra_citizen_step_set_busy (step, _("Looking up the family…"));
  _emitra_application_page_with_session (self, lookup_family, lookup_failed, g_steal_pointer (&normalised), g_free);
}

static void
on_otp_sent_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EmitraApplicationPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *mobile = NULL;
  g_autofree char *otp_ref = NULL;

  otp_ref = emitra_gateway_client_send_otp_finish (EMITRA_GATEWAY_CLIENT (source), result, &mobile, &error);
  if (is_cancelled (error))
    return;
  _emitra_application_page_set_busy (self, FALSE);
  if (otp_ref == NULL)
    {
      emitra_citizen_step_set_otp_error (self->citizen_step, error->message);
      return;
    }
  g_free (self->otp_ref);
  self->otp_ref = g_steal_pointer (&otp_ref);
  emitra_citizen_step_set_otp_sent (self->citizen_step, mobile);
}

static void
otp_failed (EmitraApplicationPage *self,
            const char            *message,
            gpointer               data)
{
  _emitra_application_page_set_busy (self, FALSE);
  emitra_citizen_step_set_otp_error (self->citizen_step, message);
}

static void
send_otp (EmitraApplicationPage *self,
          gpointer               family_id)
{
  emitra_gateway_client_send_otp_async (self->client, family_id,
                                        emitra_citizen_step_get_member_id (self->citizen_step),
                                        self->cancellable, on_otp_sent_cb, g_object_ref (self));
}

static void
on_send_otp_cb (EmitraCitizenStep     *step,
                EmitraApplicationPage *self)
{
  g_autofree char *family_id = NULL;

  if (!emitra_validate_jan_aadhaar_family (_("Jan Aadhaar family ID"), emitra_citizen_step_get_family_id (step),
                                           &family_id, NULL))
    return;

  _emitra_application_page_set_busy (self, TRUE);
  emitra_citizen_step_set_busy (step, _("Sending the OTP…"));
  _emitra_application_page_with_session (self, send_otp, otp_failed, g_steal_pointer (&family_id), g_free);
}

static void
on_otp_verified_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EmitraApplicationPage) self = user_data;
  g_autoptr(EmitraFamilyMember) member = NULL;
  g_autoptr(GError) error = NULL;

  member = emitra_gateway_client_verify_otp_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (is_cancelled (error))
    return;
  _emitra_application_page_set_busy (self, FALSE);
  if (member == NULL)
    {
      emitra_citizen_step_set_otp_error (self->citizen_step, error->message);
      return;
    }
  g_clear_pointer (&self->otp_ref, g_free);
  emitra_citizen_step_set_otp (self->citizen_step, "");
  emitra_citizen_step_apply_member (self->citizen_step, member);
}

static void
verify_otp (EmitraApplicationPage *self,
            gpointer               otp)
{
  emitra_gateway_client_verify_otp_async (self->client, self->otp_ref, otp, self->cancellable,
                                          on_otp_verified_cb, g_object_ref (self));
}

static void
on_verify_otp_cb (EmitraCitizenStep     *step,
                  EmitraApplicationPage *self)
{
  g_autofree char *otp = g_strstrip (g_strdup (emitra_citizen_step_get_otp (step)));

  if (otp[0] == '\0')
    {
      emitra_citizen_step_set_otp_error (step, _("OTP: type the 6 digits the citizen received."));
      return;
    }
  if (self->otp_ref == NULL)
    {
      emitra_citizen_step_set_otp_error (step, _("Send the OTP first."));
      return;
    }

  _emitra_application_page_set_busy (self, TRUE);
  emitra_citizen_step_set_busy (step, _("Checking the OTP…"));
  _emitra_application_page_with_session (self, verify_otp, otp_failed, g_steal_pointer (&otp), g_free);
}

void
_emitra_application_page_connect_gateway (EmitraApplicationPage *self)
{
  g_signal_connect_object (self->citizen_step, "lookup", G_CALLBACK (on_lookup_cb), self, 0);
  g_signal_connect_object (self->citizen_step, "send-otp", G_CALLBACK (on_send_otp_cb), self, 0);
  g_signal_connect_object (self->citizen_step, "verify-otp", G_CALLBACK (on_verify_otp_cb), self, 0);
}

/* Bills */

/* The bill's consumer number as the gateway wants it (digits only), or
 * NULL when the form has none. */
char *
_emitra_application_page_dup_consumer_number (EmitraApplicationPage *self)
{
  g_auto(GStrv) ids = emitra_form_view_dup_field_ids (self->details_form);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      EmitraFormField *field = emitra_form_schema_lookup (self->schema, ids[i]);
      const char *text;
      char *normalised = NULL;

      if (field == NULL || emitra_form_field_get_field_type (field) != EMITRA_FIELD_TYPE_CONSUMER_NUMBER)
        continue;
      text = emitra_form_view_get_text (self->details_form, ids[i]);
      if (emitra_form_schema_validate_field (self->schema, ids[i], text, NULL, &normalised, NULL) ==
          EMITRA_VALIDITY_INVALID)
        return g_strdup (text);
      return normalised;
    }
  return NULL;
}

/* The bill's due date as the desk shows every date. */
static char *
format_date (const GDate *date)
{
  char day[16];

  if (date == NULL || !g_date_valid (date))
    return NULL;
  g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
  return emitra_display_day (day);
}

static void
on_bill_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EmitraApplicationPage) self = user_data;
  g_autoptr(EmitraBill) bill = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  gboolean hindi = emitra_text_prefers_hindi ();

  bill = emitra_gateway_client_fetch_bill_finish (EMITRA_GATEWAY_CLIENT (source), result, &error);
  if (is_cancelled (error))
    return;
  _emitra_application_page_set_busy (self, FALSE);
  if (bill == NULL)
    {
      emitra_fee_step_set_bill_error (self->fee_step, error->message);
      _emitra_application_page_show_step_error (self, error->message);
      return;
    }
  if (emitra_bill_is_paid (bill) || emitra_bill_get_amount_due (bill) <= 0)
    {
      emitra_fee_step_set_bill_error (self->fee_step, _("This bill is already paid: nothing is due."));
      return;
    }

  due = format_date (emitra_bill_get_due_date (bill));
  emitra_fee_step_set_bill (self->fee_step,
                            hindi ? emitra_bill_get_consumer_name_hi (bill) : emitra_bill_get_consumer_name_en (bill),
                            emitra_bill_get_bill_number (bill), due, emitra_bill_get_amount_due (bill));
}

static void
bill_failed (EmitraApplicationPage *self,
             const char            *message,
             gpointer               data)
{
  _emitra_application_page_set_busy (self, FALSE);
  emitra_fee_step_set_bill_error (self->fee_step, message);
}

static void
fetch_bill (EmitraApplicationPage *self,
            gpointer               consumer)
{
  emitra_gateway_client_fetch_bill_async (self->client, emitra_service_get_id (self->service), consumer,
                                          self->cancellable, on_bill_fetched_cb, g_object_ref (self));
}

/* A bill's amount is asked of the gateway before it is shown: never typed. */
void
_emitra_application_page_fetch_bill (EmitraApplicationPage *self)
{
  char *consumer = _emitra_application_page_dup_consumer_number (self);

  /* The number the bill shown is for, to fetch again when it changes. */
  g_free (self->bill_consumer);
  self->bill_consumer = g_strdup (consumer);
  _emitra_application_page_set_busy (self, TRUE);
  emitra_fee_step_set_bill_loading (self->fee_step);
  _emitra_application_page_with_session (self, fetch_bill, bill_failed, consumer != NULL ? consumer : g_strdup (""), g_free);
}

/* After a successful (or queued) submission. */
void
_emitra_application_page_show_receipt (EmitraApplicationPage *self,
                                       EmitraReceipt         *receipt)
{
  emitra_receipt_view_set_receipt (self->receipt_view, receipt, NULL);
  adw_window_title_set_subtitle (self->window_title,
                                 emitra_receipt_get_status (receipt) == EMITRA_RECEIPT_STATUS_PROVISIONAL
                                 ? _("Waiting in the outbox") : _("Submitted"));
  gtk_stack_set_visible_child_name (self->step_stack, EMITRA_FLOW_STEP_RECEIPT);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->steps_box)), FALSE);
  _emitra_application_page_show_step_error (self, NULL);
  _emitra_application_page_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_button));
}

/* A message from the gateway about one field: shown under that field, on
 * its step. Returns FALSE when no step has the field. */
gboolean
_emitra_application_page_show_field_error (EmitraApplicationPage *self,
                                           const char            *field_id,
                                           const char            *message)
{
  EmitraFormView *citizen_form = emitra_citizen_step_get_form_view (self->citizen_step);

  if (field_id == NULL)
    return FALSE;

  if (emitra_form_view_has_field (citizen_form, field_id))
    {
      emitra_application_page_go_to_step (self, EMITRA_FLOW_STEP_CITIZEN, FALSE);
      emitra_form_view_show_error (citizen_form, field_id, message);
    }
  else if (emitra_form_view_has_field (self->details_form, field_id))
    {
      emitra_application_page_go_to_step (self, EMITRA_FLOW_STEP_DETAILS, FALSE);
      emitra_form_view_show_error (self->details_form, field_id, message);
    }
  else if (g_strcmp0 (field_id, "documents") == 0)
    emitra_application_page_go_to_step (self, EMITRA_FLOW_STEP_DOCUMENTS, FALSE);
  else
    return FALSE;

  _emitra_application_page_show_step_error (self, message);
  return TRUE;
}


