/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "emitra-sandbox-catalog.h"
#include "emitra-sandbox-directory.h"

G_BEGIN_DECLS

/* One create request, already checked for shape by the handler. */
typedef struct
{
  const char *request_id;
  const char *service_id;
  const char *consumer_number;    /* NULL unless a bill */
  gint64      expected_amount;    /* -1 when not given */
  JsonNode   *form;
  JsonArray  *documents;          /* may be NULL */
  const char *kiosk_code;
  const char *operator_id;
  const char *desk_id;
} EmitraSandboxCreate;

#define EMITRA_TYPE_SANDBOX_STORE (emitra_sandbox_store_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSandboxStore, emitra_sandbox_store, EMITRA, SANDBOX_STORE, GObject)

EmitraSandboxStore *emitra_sandbox_store_open          (const char              *path,
                                                        const char              *seed_dir,
                                                        EmitraSandboxCatalog    *catalog,
                                                        EmitraSandboxDirectory  *directory,
                                                        GError                 **error);

void        emitra_sandbox_store_set_demo              (EmitraSandboxStore *self,
                                                        gboolean            demo);
void        emitra_sandbox_store_advance_clock         (EmitraSandboxStore *self,
                                                        gint64              seconds);
gint64      emitra_sandbox_store_get_clock_offset      (EmitraSandboxStore *self);

JsonObject *emitra_sandbox_store_wallet                (EmitraSandboxStore *self,
                                                        const char         *kiosk_code,
                                                        GError            **error);
gboolean    emitra_sandbox_store_set_balance           (EmitraSandboxStore *self,
                                                        const char         *kiosk_code,
                                                        gint64              balance,
                                                        GError            **error);

JsonObject *emitra_sandbox_store_get_bill              (EmitraSandboxStore *self,
                                                        const char         *service_id,
                                                        const char         *consumer_number,
                                                        GError            **error);

JsonObject *emitra_sandbox_store_add_document          (EmitraSandboxStore *self,
                                                        const char         *kiosk_code,
                                                        const char         *kind,
                                                        const char         *content_type,
                                                        GBytes             *data,
                                                        GError            **error);

JsonObject *emitra_sandbox_store_create_transaction    (EmitraSandboxStore        *self,
                                                        const EmitraSandboxCreate *create,
                                                        gboolean                  *out_replayed,
                                                        gint64                    *out_balance,
                                                        GError                   **error);
JsonObject *emitra_sandbox_store_find_by_request_id    (EmitraSandboxStore *self,
                                                        const char         *kiosk_code,
                                                        const char         *request_id,
                                                        GError            **error);
JsonObject *emitra_sandbox_store_get_transaction       (EmitraSandboxStore *self,
                                                        const char         *kiosk_code,
                                                        const char         *transaction_id,
                                                        GError            **error);
JsonObject *emitra_sandbox_store_cancel_transaction    (EmitraSandboxStore *self,
                                                        const char         *kiosk_code,
                                                        const char         *transaction_id,
                                                        gint64             *out_balance,
                                                        GError            **error);
JsonObject *emitra_sandbox_store_daily_report          (EmitraSandboxStore *self,
                                                        const char         *kiosk_code,
                                                        const char         *date,
                                                        GError            **error);
gint64      emitra_sandbox_store_count_transactions    (EmitraSandboxStore *self);

char       *emitra_sandbox_ist_date                    (gint64              unix_seconds);

G_END_DECLS
