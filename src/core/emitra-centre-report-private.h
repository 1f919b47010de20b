/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-centre-report.h"

G_BEGIN_DECLS

struct _EmitraCentreReport
{
  GObject  parent_instance;

  char    *kiosk_code;
  GDate    date;
  gint64   count;
  gint64   cancelled;
  gint64   department_fees;
  gint64   service_charges;
  GArray  *groups[3];   /* EmitraCentreReportRow, by EmitraCentreReportGroup */
};

G_END_DECLS
