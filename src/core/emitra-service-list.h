/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-service.h"

G_BEGIN_DECLS

/* The headings a browsed list is divided under. */
typedef enum {
  EMITRA_SERVICE_SECTION_NONE,
  EMITRA_SERVICE_SECTION_FAVOURITES,
  EMITRA_SERVICE_SECTION_RECENT,
  EMITRA_SERVICE_SECTION_ALL,
} EmitraServiceSection;

/* Where a section starts, for emitra_service_list_set_sections(). */
typedef struct
{
  guint                start;
  EmitraServiceSection section;
} EmitraServiceSectionStart;

#define EMITRA_TYPE_SERVICE_LIST (emitra_service_list_get_type ())

G_DECLARE_FINAL_TYPE (EmitraServiceList, emitra_service_list, EMITRA, SERVICE_LIST, GObject)

EmitraServiceList    *emitra_service_list_new               (void);
void                  emitra_service_list_set               (EmitraServiceList    *self,
                                                             GPtrArray            *services);
void                  emitra_service_list_set_sections      (EmitraServiceList    *self,
                                                             GPtrArray            *services,
                                                             GArray               *starts);
void                  emitra_service_list_add_section       (EmitraServiceList    *self,
                                                             EmitraServiceSection  section,
                                                             GPtrArray            *services);
void                  emitra_service_list_commit            (EmitraServiceList    *self);
EmitraService        *emitra_service_list_get_service       (EmitraServiceList    *self,
                                                             guint                 position);
EmitraServiceSection  emitra_service_list_get_section_start (EmitraServiceList    *self,
                                                             guint                 position);

G_END_DECLS
