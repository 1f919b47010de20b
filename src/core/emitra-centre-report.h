/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  EMITRA_CENTRE_REPORT_BY_OPERATOR,
  EMITRA_CENTRE_REPORT_BY_DESK,
  EMITRA_CENTRE_REPORT_BY_SERVICE,
} EmitraCentreReportGroup;

/* One line of a breakdown. @id is the operator, desk or service ID; the
 * names are NULL for desks. Money in paise. */
typedef struct
{
  char   *id;
  char   *name_en;
  char   *name_hi;
  gint64  count;
  gint64  department_fees;
  gint64  service_charges;
} EmitraCentreReportRow;

#define EMITRA_TYPE_CENTRE_REPORT (emitra_centre_report_get_type ())

G_DECLARE_FINAL_TYPE (EmitraCentreReport, emitra_centre_report, EMITRA, CENTRE_REPORT, GObject)

/* The gateway's daily summary of a centre across all its desks.
 * Cancelled transactions are only counted, never summed. */
const char                  *emitra_centre_report_get_kiosk_code      (EmitraCentreReport      *self);
const GDate                 *emitra_centre_report_get_date            (EmitraCentreReport      *self);
gint64                       emitra_centre_report_get_count           (EmitraCentreReport      *self);
gint64                       emitra_centre_report_get_cancelled       (EmitraCentreReport      *self);
gint64                       emitra_centre_report_get_department_fees (EmitraCentreReport      *self);
gint64                       emitra_centre_report_get_service_charges (EmitraCentreReport      *self);
gint64                       emitra_centre_report_get_total           (EmitraCentreReport      *self);
guint                        emitra_centre_report_get_n_rows          (EmitraCentreReport      *self,
                                                                       EmitraCentreReportGroup  group);
const EmitraCentreReportRow *emitra_centre_report_get_row             (EmitraCentreReport      *self,
                                                                       EmitraCentreReportGroup  group,
                                                                       guint                    index);

G_END_DECLS
