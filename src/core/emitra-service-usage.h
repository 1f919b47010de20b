/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-database.h"

G_BEGIN_DECLS

/* One row of desk.db's service_usage: how often and how lately this
 * centre used a service, and whether the operator starred it. */
typedef struct
{
  char     *service_id;
  gint64    uses;
  gint64    last_used_at;  /* Unix seconds, 0 for never */
  gboolean  favourite;
} EmitraServiceUsage;

void        emitra_service_usage_free                (EmitraServiceUsage   *usage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmitraServiceUsage, emitra_service_usage_free)

guint       emitra_service_usage_weight              (const EmitraServiceUsage *usage,
                                                      gint64                now);
GHashTable *emitra_service_usage_weights             (GPtrArray            *usages,
                                                      gint64                now);

void        emitra_service_usage_load_async          (EmitraDatabase       *database,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GPtrArray  *emitra_service_usage_load_finish         (EmitraDatabase       *database,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void        emitra_service_usage_record_async        (EmitraDatabase       *database,
                                                      const char           *service_id,
                                                      gint64                now,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void        emitra_service_usage_set_favourite_async (EmitraDatabase       *database,
                                                      const char           *service_id,
                                                      gboolean              favourite,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean    emitra_service_usage_write_finish        (EmitraDatabase       *database,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
