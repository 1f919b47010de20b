/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_DEPARTMENT_SIDEBAR (emitra_department_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDepartmentSidebar, emitra_department_sidebar, EMITRA, DEPARTMENT_SIDEBAR, AdwBin)

void emitra_department_sidebar_set_departments (EmitraDepartmentSidebar *self,
                                                GPtrArray               *departments,
                                                GHashTable              *counts,
                                                guint                    total,
                                                gboolean                 hindi);
void emitra_department_sidebar_select          (EmitraDepartmentSidebar *self,
                                                const char              *department_id);
void emitra_department_sidebar_focus           (EmitraDepartmentSidebar *self);

G_END_DECLS
