/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  EMITRA_OPERATOR_ROLE_OPERATOR,
  EMITRA_OPERATOR_ROLE_SUPERVISOR,
} EmitraOperatorRole;

#define EMITRA_TYPE_OPERATOR_SESSION (emitra_operator_session_get_type ())

G_DECLARE_FINAL_TYPE (EmitraOperatorSession, emitra_operator_session, EMITRA, OPERATOR_SESSION, GObject)

/* Who is signed in at this desk, at which kiosk, until when. The bearer
 * token lives only here, in memory: it has no property, is never written
 * anywhere, and is wiped when the session is finalized. */

const char         *emitra_operator_session_get_token          (EmitraOperatorSession *self);
GDateTime          *emitra_operator_session_get_expires_at     (EmitraOperatorSession *self);
gboolean            emitra_operator_session_is_expired         (EmitraOperatorSession *self);

const char         *emitra_operator_session_get_operator_id    (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_sso_id         (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_name_en        (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_name_hi        (EmitraOperatorSession *self);
EmitraOperatorRole  emitra_operator_session_get_role           (EmitraOperatorSession *self);
gboolean            emitra_operator_session_is_supervisor      (EmitraOperatorSession *self);

const char         *emitra_operator_session_get_kiosk_code     (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_kiosk_name_en  (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_kiosk_name_hi  (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_district       (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_district_en    (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_district_hi    (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_tehsil_en      (EmitraOperatorSession *self);
const char         *emitra_operator_session_get_tehsil_hi      (EmitraOperatorSession *self);

G_END_DECLS
