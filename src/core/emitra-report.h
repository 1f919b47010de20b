/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "emitra-database.h"
#include "emitra-receipt.h"

G_BEGIN_DECLS

#define EMITRA_REPORT_ERROR (emitra_report_error_quark ())

typedef enum {
  EMITRA_REPORT_ERROR_BAD_DATE,
} EmitraReportError;

/* Money in paise. */
typedef struct
{
  gint64 count;
  gint64 department_fees;
  gint64 service_charges;
  gint64 total;
} EmitraReportSums;

/* One service or one operator's share of the day. */
typedef struct
{
  char             *key;        /* service ID or operator ID */
  char             *name_en;    /* service name, or operator name */
  char             *name_hi;    /* service name in Hindi; "" for an operator */
  EmitraReportSums  confirmed;  /* collected */
  EmitraReportSums  provisional;/* cash held pending confirmation */
  gint64            cancelled;  /* counts only: shown, never counted as money */
  gint64            rejected;
} EmitraReportGroup;

/* A receipt the supervisor must look at: provisional, rejected or cancelled. */
typedef struct
{
  gint64               receipt_no;
  gint64               created_at;
  EmitraReceiptStatus  status;
  char                *service_en;
  char                *service_hi;
  char                *citizen_name;
  char                *operator_name;
  gint64               total;
  char                *reason;     /* the gateway's or operator's; for a pending one, the last error */
} EmitraReportItem;

#define EMITRA_TYPE_REPORT (emitra_report_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReport, emitra_report, EMITRA, REPORT, GObject)

GQuark                   emitra_report_error_quark       (void);

gboolean                 emitra_report_parse_day         (const char     *text,
                                                          char          **out_day,
                                                          GError        **error);
char                    *emitra_report_today             (void);
char                    *emitra_report_format_day        (const char     *day);

EmitraReport            *emitra_report_compute           (EmitraDatabase *database,
                                                          const char     *day,
                                                          const char     *operator_id,
                                                          GError        **error);
void                     emitra_report_compute_async     (EmitraDatabase      *database,
                                                          const char          *day,
                                                          const char          *operator_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
EmitraReport            *emitra_report_compute_finish    (GAsyncResult        *result,
                                                          GError             **error);

const char              *emitra_report_get_day           (EmitraReport   *self);
const char              *emitra_report_get_previous_day  (EmitraReport   *self);
const char              *emitra_report_get_operator_id   (EmitraReport   *self);
gboolean                 emitra_report_is_empty          (EmitraReport   *self);
const EmitraReportSums  *emitra_report_get_confirmed     (EmitraReport   *self);
const EmitraReportSums  *emitra_report_get_provisional   (EmitraReport   *self);
const EmitraReportSums  *emitra_report_get_cancelled     (EmitraReport   *self);
const EmitraReportSums  *emitra_report_get_rejected      (EmitraReport   *self);
gint64                   emitra_report_get_cash_to_hand_over (EmitraReport *self);
const EmitraReportSums  *emitra_report_get_previous_confirmed (EmitraReport *self);
gint64                   emitra_report_get_previous_cash (EmitraReport   *self);
GPtrArray               *emitra_report_get_services      (EmitraReport   *self);
GPtrArray               *emitra_report_get_operators     (EmitraReport   *self);
const EmitraReportSums  *emitra_report_get_hour          (EmitraReport   *self,
                                                          guint           hour,
                                                          gboolean        provisional);
GPtrArray               *emitra_report_get_pending       (EmitraReport   *self);
GPtrArray               *emitra_report_get_failed        (EmitraReport   *self);
GPtrArray               *emitra_report_get_cancelled_items (EmitraReport *self);

/* Exports (emitra-report-export.c, emitra-report-pdf.c). */
char                    *emitra_report_to_text           (EmitraReport   *self);
char                    *emitra_report_to_csv            (EmitraReport   *self);
GBytes                  *emitra_report_to_pdf            (EmitraReport   *self,
                                                          GError        **error);
void                     emitra_report_draw_hour_chart   (EmitraReport   *self,
                                                          cairo_t        *cr,
                                                          double          width,
                                                          double          height);

G_END_DECLS
