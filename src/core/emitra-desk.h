/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-database.h"
#include "emitra-draft-store.h"
#include "emitra-gateway-client.h"
#include "emitra-outbox.h"
#include "emitra-receipt-store.h"
#include "emitra-submitter.h"

G_BEGIN_DECLS

#define EMITRA_TYPE_DESK (emitra_desk_get_type ())

G_DECLARE_FINAL_TYPE (EmitraDesk, emitra_desk, EMITRA, DESK, GObject)

/* The default gateway when none is configured: the training sandbox that
 * ./run starts on this machine. */
#define EMITRA_DESK_SANDBOX_URL "http://127.0.0.1:8471"

EmitraDesk          *emitra_desk_new               (const char   *data_dir,
                                                    const char   *gateway_url,
                                                    const char   *ca_file,
                                                    GError      **error);

EmitraDatabase      *emitra_desk_get_database      (EmitraDesk   *self);
EmitraGatewayClient *emitra_desk_get_gateway       (EmitraDesk   *self);
EmitraReceiptStore  *emitra_desk_get_receipts      (EmitraDesk   *self);
EmitraOutbox        *emitra_desk_get_outbox        (EmitraDesk   *self);
EmitraDraftStore    *emitra_desk_get_drafts        (EmitraDesk   *self);
EmitraSubmitter     *emitra_desk_get_submitter     (EmitraDesk   *self);

gboolean             emitra_desk_get_online        (EmitraDesk   *self);
gboolean             emitra_desk_get_training      (EmitraDesk   *self);
void                 emitra_desk_set_catalog_etag  (EmitraDesk   *self,
                                                    const char   *etag);
void                 emitra_desk_start             (EmitraDesk   *self);
void                 emitra_desk_check_now         (EmitraDesk   *self);

G_END_DECLS
