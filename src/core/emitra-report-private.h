/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "emitra-report.h"

G_BEGIN_DECLS

struct _EmitraReport
{
  GObject           parent_instance;

  char             *day;
  char             *previous_day;
  char             *operator_id;
  gint64            n_receipts;

  EmitraReportSums  confirmed;
  EmitraReportSums  provisional;
  EmitraReportSums  rejected;
  EmitraReportSums  cancelled;
  EmitraReportSums  previous_confirmed;
  gint64            previous_provisional_total;

  /* [hour][0]: confirmed, [hour][1]: provisional */
  EmitraReportSums  hours[24][2];

  GPtrArray        *services;          /* EmitraReportGroup */
  GPtrArray        *operators;         /* EmitraReportGroup */
  GArray           *service_rows;      /* gint64: the row each service was first seen in */
  GArray           *operator_rows;
  GPtrArray        *pending;           /* EmitraReportItem */
  GPtrArray        *failed;
  GPtrArray        *cancelled_items;
};

EmitraReport *_emitra_report_compute_on (sqlite3     *db,
                                         const char  *day,
                                         const char  *operator_id,
                                         GError     **error);

G_END_DECLS
