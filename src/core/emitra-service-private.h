/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-catalog-entry-private.h"
#include "emitra-service.h"

G_BEGIN_DECLS

/* A checked service, as the catalog's reader collects it; the service
 * takes it whole and keeps it as its own fields. Its form stays in the
 * document (the bytes and the range of its "form" value), read when first
 * asked for. */
typedef struct
{
  EmitraCatalogEntry  entry;
  char               *description_en;
  char               *description_hi;
  char               *department_id;
  char               *category_id;
  char               *charge_rule;
  char              **keywords;
  GListStore         *documents;
  gint64              department_fee;
  int                 delivery_days;
  gboolean            bill;
  GBytes             *document;
  gsize               form_offset;
  gsize               form_length;
} EmitraServiceData;

void                       _emitra_service_data_clear       (EmitraServiceData *data);
EmitraService             *_emitra_service_new              (EmitraServiceData *data,
                                                             guint              index);
EmitraDocumentRequirement *_emitra_document_requirement_new (char              *id,
                                                             char              *name_en,
                                                             char              *name_hi,
                                                             gboolean           required,
                                                             gboolean           original_seen);

G_END_DECLS
