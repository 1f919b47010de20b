/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-application-page.h"
#include "emitra-citizen-step.h"
#include "emitra-documents-step.h"
#include "emitra-draft-saver.h"
#include "emitra-fee-step.h"
#include "emitra-form-view.h"
#include "emitra-receipt-view.h"
#include "emitra-review-step.h"

G_BEGIN_DECLS

/* Shared by the files of EmitraApplicationPage: emitra-application-page.c
 * (steps and navigation), -open.c (building it from a service or a draft),
 * -draft.c (saving), -gateway.c (asking the gateway), -submit.c; and read
 * by the UI tests. */
struct _EmitraApplicationPage
{
  GtkWidget            parent_instance;

  EmitraCatalog       *catalog;
  EmitraDraftStore    *draft_store;
  EmitraGatewayClient *client;
  EmitraSubmitter     *submitter;

  EmitraService       *service;
  EmitraFormSchema    *schema;
  EmitraDraft         *draft;
  EmitraDraftSaver    *saver;
  GPtrArray           *steps;          /* step names in order (static strings) */
  guint                current;        /* index into steps */
  guint                reached;        /* the furthest step index reached */
  gboolean             restoring;      /* filling widgets from a draft: no saving */
  gboolean             busy;           /* a gateway call that blocks Next */
  char                *bill_consumer;  /* the consumer number the shown bill is for */
  char                *otp_ref;        /* the OTP being verified, in memory only */
  GCancellable        *cancellable;    /* cancelled when the application closes */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkRevealer         *training_revealer;
  GtkRevealer         *offline_revealer;
  GtkBox              *steps_box;
  GtkStack            *step_stack;
  EmitraCitizenStep   *citizen_step;
  EmitraFormView      *details_form;
  EmitraDocumentsStep *documents_step;
  EmitraFeeStep       *fee_step;
  EmitraReviewStep    *review_step;
  EmitraReceiptView   *receipt_view;
  GtkRevealer         *step_error_revealer;
  GtkLabel            *step_error_label;
  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkButton           *done_button;
  GtkButton           *new_button;
};

/* emitra-application-page.c */
void     _emitra_application_page_update_actions  (EmitraApplicationPage *self);
void     _emitra_application_page_build_step_indicator (EmitraApplicationPage *self);
gboolean _emitra_application_page_find_step       (EmitraApplicationPage *self,
                                                   const char            *step,
                                                   guint                 *out_index);
void     _emitra_application_page_show_step       (EmitraApplicationPage *self,
                                                   guint                  index);
void     _emitra_application_page_show_step_error (EmitraApplicationPage *self,
                                                   const char            *message);
void     _emitra_application_page_set_busy        (EmitraApplicationPage *self,
                                                   gboolean               busy);

/* emitra-application-page-draft.c */
void     _emitra_application_page_queue_save      (EmitraApplicationPage *self);
void     _emitra_application_page_attach_saver    (EmitraApplicationPage *self);
void     _emitra_application_page_restore         (EmitraApplicationPage *self);
void     _emitra_application_page_connect_draft   (EmitraApplicationPage *self);
void     _emitra_application_page_class_init_draft (GtkWidgetClass       *widget_class);

/* emitra-application-page-gateway.c */
void     _emitra_application_page_show_receipt    (EmitraApplicationPage *self,
                                                   EmitraReceipt         *receipt);
gboolean _emitra_application_page_show_field_error (EmitraApplicationPage *self,
                                                   const char            *field_id,
                                                   const char            *message);
typedef void (*SessionReady)  (EmitraApplicationPage *self,
                               gpointer               data);
typedef void (*SessionFailed) (EmitraApplicationPage *self,
                               const char            *message,
                               gpointer               data);

void     _emitra_application_page_with_session    (EmitraApplicationPage *self,
                                                   SessionReady           ready,
                                                   SessionFailed          failed,
                                                   gpointer               data,
                                                   GDestroyNotify         destroy);
void     _emitra_application_page_connect_gateway (EmitraApplicationPage *self);
void     _emitra_application_page_fetch_bill      (EmitraApplicationPage *self);
char    *_emitra_application_page_dup_consumer_number (EmitraApplicationPage *self);

/* emitra-application-page-submit.c */
void     _emitra_application_page_submit          (EmitraApplicationPage *self);

G_END_DECLS
