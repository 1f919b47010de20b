/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "emitra-catalog-context.h"

G_BEGIN_DECLS

/* Results GNOME Shell gets for one search: it shows a handful. */
#define EMITRA_SEARCH_PROVIDER_MAX_RESULTS 20

#define EMITRA_TYPE_SEARCH_PROVIDER (emitra_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSearchProvider, emitra_search_provider, EMITRA, SEARCH_PROVIDER, GObject)

EmitraSearchProvider *emitra_search_provider_new      (GtkApplication        *application,
                                                       EmitraCatalogContext  *context);
gboolean              emitra_search_provider_export   (EmitraSearchProvider  *self,
                                                       GDBusConnection       *connection,
                                                       const char            *object_path,
                                                       GError               **error);
void                  emitra_search_provider_unexport (EmitraSearchProvider  *self);
GDBusInterfaceSkeleton *emitra_search_provider_get_skeleton (EmitraSearchProvider *self);

G_END_DECLS
