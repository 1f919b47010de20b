/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "emitra-bill.h"
#include "emitra-centre-report.h"
#include "emitra-family.h"
#include "emitra-family-member.h"
#include "emitra-gateway-error.h"
#include "emitra-operator-session.h"
#include "emitra-transaction.h"
#include "emitra-wallet.h"

G_BEGIN_DECLS

/* The largest reply the client reads: the catalog may be a few MiB, any
 * other reply is small. Anything longer is refused, not buffered. */
#define EMITRA_GATEWAY_MAX_REPLY         (1024 * 1024)
#define EMITRA_GATEWAY_MAX_CATALOG_REPLY (16 * 1024 * 1024)

/* Every function here turns the body of a successful reply into typed
 * objects, or fails with EMITRA_GATEWAY_ERROR_MALFORMED_REPLY (never a
 * critical, never a crash), whatever bytes it is given. */

EmitraOperatorSession *emitra_gateway_parse_session       (GBytes  *body,
                                                           GError **error);
EmitraFamily          *emitra_gateway_parse_family        (GBytes  *body,
                                                           GError **error);
char                  *emitra_gateway_parse_otp           (GBytes  *body,
                                                           char   **out_mobile_masked,
                                                           GError **error);
EmitraFamilyMember    *emitra_gateway_parse_member        (GBytes  *body,
                                                           GError **error);
char                  *emitra_gateway_parse_document      (GBytes  *body,
                                                           GError **error);
EmitraBill            *emitra_gateway_parse_bill          (GBytes  *body,
                                                           GError **error);
EmitraTransaction     *emitra_gateway_parse_transaction   (GBytes  *body,
                                                           GError **error);
EmitraWallet          *emitra_gateway_parse_wallet        (GBytes  *body,
                                                           GError **error);
EmitraCentreReport    *emitra_gateway_parse_centre_report (GBytes  *body,
                                                           GError **error);
JsonObject            *emitra_gateway_parse_catalog       (GBytes  *body,
                                                           GError **error);

/* Always returns an error for a failed reply of HTTP @status, with the
 * gateway's message in the UI's language when the body has one. */
GError                *emitra_gateway_parse_error         (guint    status,
                                                           GBytes  *body);

G_END_DECLS
