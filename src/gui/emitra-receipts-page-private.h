/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-receipts-page.h"

#include "emitra-receipt-details.h"
#include "emitra-receipt-printer.h"

G_BEGIN_DECLS

struct _EmitraReceiptsPage
{
  AdwBin                parent_instance;

  EmitraDesk           *desk;
  EmitraOperatorSession *session;        /* NULL: nobody signed in, nothing shown */
  EmitraReceiptPrinter *printer;
  GListStore           *receipts;        /* what the last search found */
  GtkSingleSelection   *selection;
  char                 *from_day;        /* NULL: no lower bound */
  char                 *to_day;          /* NULL: no upper bound */
  gboolean              syncing_calendars;
  GCancellable         *search_cancellable;
  GCancellable         *pending_cancellable;
  GCancellable         *cancellable;     /* retries and cancellations */
  gboolean              searching;
  char                 *query_text;      /* what the latest search looks for */
  gboolean              activate_when_found;
  gboolean              loading_pending;
  guint                 pending_timer_id;
  EmitraReceiptDetails *details;         /* the one open, if any (weak) */
  GtkWindow            *cancel_dialog;   /* the one asking, if any (weak) */

  /* Template widgets */
  GtkStack             *page_stack;
  AdwStatusPage        *no_desk_page;
  GtkLabel             *waiting_label;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *receipts_view_page;
  AdwViewStackPage     *pending_view_page;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *range_button;
  GtkPopover           *range_popover;
  GtkCalendar          *from_calendar;
  GtkCalendar          *to_calendar;
  GtkDropDown          *status_dropdown;
  GtkStack             *receipts_stack;
  AdwStatusPage        *empty_page;
  GtkWidget            *any_date_button;
  AdwStatusPage        *error_page;
  GtkColumnView        *column_view;
  GtkLabel             *summary_label;
  GtkStack             *pending_stack;
  AdwStatusPage        *pending_error_page;
  GtkListBox           *pending_list;
};

/* Who sees what, in emitra-receipts-page-session.c. Whose receipts the
 * page shows: one operator's, or NULL for every receipt of the desk (a
 * supervisor's page, or nobody's: see session). */
const char *_emitra_receipts_page_shown_operator (EmitraReceiptsPage *self);
gboolean    _emitra_receipts_page_may_see        (EmitraReceiptsPage *self,
                                                  EmitraReceipt      *receipt);
void        _emitra_receipts_page_show_scope     (EmitraReceiptsPage *self);

/* The list, its search and its dates, in emitra-receipts-page-list.c. */
void _emitra_receipts_page_list_class_init    (GtkWidgetClass     *widget_class);
void _emitra_receipts_page_list_init          (EmitraReceiptsPage *self);
void _emitra_receipts_page_search             (EmitraReceiptsPage *self);
void _emitra_receipts_page_update_actions     (EmitraReceiptsPage *self);
void _emitra_receipts_page_activate_found     (EmitraReceiptsPage *self);

/* The Pending view, in emitra-receipts-page-pending.c. */
void _emitra_receipts_page_pending_class_init (GtkWidgetClass     *widget_class);
void _emitra_receipts_page_load_pending       (EmitraReceiptsPage *self);
void _emitra_receipts_page_forget_pending     (EmitraReceiptsPage *self);
void _emitra_receipts_page_toast              (EmitraReceiptsPage *self,
                                               const char         *message);

/* How the Receipts page, its outbox rows and its details window show the
 * same things the same way; in emitra-receipts-page-list.c. Numbers,
 * amounts and dates are emitra-display.h's, as on every page. */
const char            *_emitra_receipts_service_name       (const char          *name_en,
                                                            const char          *name_hi);
const char            *_emitra_receipts_status_css_class   (EmitraReceiptStatus  status);
EmitraReceiptRenderer *_emitra_receipts_duplicate_renderer (EmitraReceipt       *receipt);

G_END_DECLS
