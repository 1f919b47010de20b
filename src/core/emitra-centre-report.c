/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-centre-report-private.h"

G_DEFINE_FINAL_TYPE (EmitraCentreReport, emitra_centre_report, G_TYPE_OBJECT)

const char *
emitra_centre_report_get_kiosk_code (EmitraCentreReport *self)
{
  g_return_val_if_fail (EMITRA_IS_CENTRE_REPORT (self), NULL);
  return self->kiosk_code;
}

const GDate *
emitra_centre_report_get_date (EmitraCentreReport *self)
{
  g_return_val_if_fail (EMITRA_IS_CENTRE_REPORT (self), NULL);
  return &self->date;
}

gint64
emitra_centre_report_get_count (EmitraCentreReport *self)
{
  g_return_val_if_fail (EMITRA_IS_CENTRE_REPORT (self), 0);
  return self->count;
}

gint64
emitra_centre_report_get_cancelled (EmitraCentreReport *self)
{
  g_return_val_if_fail (EMITRA_IS_CENTRE_REPORT (self), 0);
  return self->cancelled;
}

gint64
emitra_centre_report_get_department_fees (EmitraCentreReport *self)
{
  g_return_val_if_fail (EMITRA_IS_CENTRE_REPORT (self), 0);
  return self->department_fees;
}

gint64
emitra_centre_report_get_service_charges (EmitraCentreReport *self)
{
  g_return_val_if_fail (EMITRA_IS_CENTRE_REPORT (self), 0);
  return self->service_charges;
}

gint64
emitra_centre_report_get_total (EmitraCentreReport *self)
{
  g_return_val_if_fail (EMITRA_IS_CENTRE_REPORT (self), 0);
  return self->department_fees + self->service_charges;
}

guint
emitra_centre_report_get_n_rows (EmitraCentreReport      *self,
                                 EmitraCentreReportGroup  group)
{
  g_return_val_if_fail (EMITRA_IS_CENTRE_REPORT (self), 0);
  g_return_val_if_fail ((guint) group < G_N_ELEMENTS (self->groups), 0);
  return self->groups[group]->len;
}

const EmitraCentreReportRow *
emitra_centre_report_get_row (EmitraCentreReport      *self,
                              EmitraCentreReportGroup  group,
                              guint                    index)
{
  g_return_val_if_fail (EMITRA_IS_CENTRE_REPORT (self), NULL);
  g_return_val_if_fail ((guint) group < G_N_ELEMENTS (self->groups), NULL);
  g_return_val_if_fail (index < self->groups[group]->len, NULL);
  return &g_array_index (self->groups[group], EmitraCentreReportRow, index);
}

static void
row_clear (gpointer data)
{
  EmitraCentreReportRow *row = data;

  g_clear_pointer (&row->id, g_free);
  g_clear_pointer (&row->name_en, g_free);
  g_clear_pointer (&row->name_hi, g_free);
}

static void
emitra_centre_report_finalize (GObject *object)
{
  EmitraCentreReport *self = EMITRA_CENTRE_REPORT (object);

  g_free (self->kiosk_code);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    g_clear_pointer (&self->groups[i], g_array_unref);

  G_OBJECT_CLASS (emitra_centre_report_parent_class)->finalize (object);
}

static void
emitra_centre_report_class_init (EmitraCentreReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_centre_report_finalize;
}

static void
emitra_centre_report_init (EmitraCentreReport *self)
{
  g_date_clear (&self->date, 1);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    {
      self->groups[i] = g_array_new (FALSE, TRUE, sizeof (EmitraCentreReportRow));
      g_array_set_clear_func (self->groups[i], row_clear);
    }
}
