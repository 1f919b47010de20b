/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "emitra-gateway-replies.h"

/* A session as the gateway's sign-in reply makes it. */
static inline EmitraOperatorSession *
test_session_new (const char *operator_id,
                  const char *name,
                  const char *role)
{
  g_autofree char *json = g_strdup_printf (
    "{\"session\":{\"token\":\"0123456789abcdef0123456789abcdef\",\"expires_at\":\"2099-01-01T00:00:00Z\"},"
    "\"operator\":{\"operator_id\":\"%s\",\"sso_id\":\"someone\",\"name_en\":\"%s\",\"name_hi\":\"%s\","
    "\"role\":\"%s\"},"
    "\"kiosk\":{\"code\":\"K11000142\",\"name_en\":\"e-Mitra Kendra\",\"name_hi\":\"ई-मित्र केंद्र\","
    "\"district\":\"jaipur\",\"district_en\":\"Jaipur\",\"district_hi\":\"जयपुर\",\"tehsil\":\"sanganer\","
    "\"tehsil_en\":\"Sanganer\",\"tehsil_hi\":\"सांगानेर\"},\"mode\":\"training\"}",
    operator_id, name, name, role);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  EmitraOperatorSession *session = emitra_gateway_parse_session (body, &error);

  g_assert_no_error (error);
  return session;
}
