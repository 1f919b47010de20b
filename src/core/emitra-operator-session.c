/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signed-in operator's session. Read-only properties let the header
 * bar bind the operator's name and kiosk; the token deliberately has none,
 * so no property dump, inspector or binding can leak it.
 */
#include "config.h"

#include "emitra-operator-session-private.h"

#include <string.h>

G_DEFINE_FINAL_TYPE (EmitraOperatorSession, emitra_operator_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OPERATOR_ID,
  PROP_NAME_EN,
  PROP_NAME_HI,
  PROP_SUPERVISOR,
  PROP_KIOSK_CODE,
  PROP_DISTRICT_EN,
  PROP_DISTRICT_HI,
  PROP_TEHSIL_EN,
  PROP_TEHSIL_HI,
  PROP_EXPIRES_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
emitra_operator_session_get_token (EmitraOperatorSession *self)
{
  g_return_val_if_fail (EMITRA_IS_OPERATOR_SESSION (self), NULL);
  return self->token;
}

GDateTime *
emitra_operator_session_get_expires_at (EmitraOperatorSession *self)
{
  g_return_val_if_fail (EMITRA_IS_OPERATOR_SESSION (self), NULL);
  return self->expires_at;
}

gboolean
emitra_operator_session_is_expired (EmitraOperatorSession *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (EMITRA_IS_OPERATOR_SESSION (self), TRUE);
  return self->expires_at == NULL || g_date_time_compare (now, self->expires_at) >= 0;
}

#define GETTER(member) \
  const char * \
  emitra_operator_session_get_##member (EmitraOperatorSession *self) \
  { \
    g_return_val_if_fail (EMITRA_IS_OPERATOR_SESSION (self), NULL); \
    return self->member; \
  }

GETTER (operator_id)
GETTER (sso_id)
GETTER (name_en)
GETTER (name_hi)
GETTER (kiosk_code)
GETTER (kiosk_name_en)
GETTER (kiosk_name_hi)
GETTER (district)
GETTER (district_en)
GETTER (district_hi)
GETTER (tehsil_en)
GETTER (tehsil_hi)

#undef GETTER

EmitraOperatorRole
emitra_operator_session_get_role (EmitraOperatorSession *self)
{
  g_return_val_if_fail (EMITRA_IS_OPERATOR_SESSION (self), EMITRA_OPERATOR_ROLE_OPERATOR);
  return self->role;
}

gboolean
emitra_operator_session_is_supervisor (EmitraOperatorSession *self)
{
  g_return_val_if_fail (EMITRA_IS_OPERATOR_SESSION (self), FALSE);
  return self->role == EMITRA_OPERATOR_ROLE_SUPERVISOR;
}

static void
emitra_operator_session_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  EmitraOperatorSession *self = EMITRA_OPERATOR_SESSION (object);

  switch (prop_id)
    {
    case PROP_OPERATOR_ID: g_value_set_string (value, self->operator_id); break;
    case PROP_NAME_EN: g_value_set_string (value, self->name_en); break;
    case PROP_NAME_HI: g_value_set_string (value, self->name_hi); break;
    case PROP_SUPERVISOR: g_value_set_boolean (value, self->role == EMITRA_OPERATOR_ROLE_SUPERVISOR); break;
    case PROP_KIOSK_CODE: g_value_set_string (value, self->kiosk_code); break;
    case PROP_DISTRICT_EN: g_value_set_string (value, self->district_en); break;
    case PROP_DISTRICT_HI: g_value_set_string (value, self->district_hi); break;
    case PROP_TEHSIL_EN: g_value_set_string (value, self->tehsil_en); break;
    case PROP_TEHSIL_HI: g_value_set_string (value, self->tehsil_hi); break;
    case PROP_EXPIRES_AT: g_value_set_boxed (value, self->expires_at); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_operator_session_finalize (GObject *object)
{
  EmitraOperatorSession *self = EMITRA_OPERATOR_SESSION (object);

  /* Wipe the token before its memory goes back to the allocator. */
  if (self->token != NULL)
    explicit_bzero (self->token, strlen (self->token));
  g_free (self->token);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  g_free (self->operator_id);
  g_free (self->sso_id);
  g_free (self->name_en);
  g_free (self->name_hi);
  g_free (self->kiosk_code);
  g_free (self->kiosk_name_en);
  g_free (self->kiosk_name_hi);
  g_free (self->district);
  g_free (self->district_en);
  g_free (self->district_hi);
  g_free (self->tehsil_en);
  g_free (self->tehsil_hi);

  G_OBJECT_CLASS (emitra_operator_session_parent_class)->finalize (object);
}

static void
emitra_operator_session_class_init (EmitraOperatorSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = emitra_operator_session_get_property;
  object_class->finalize = emitra_operator_session_finalize;

  properties[PROP_OPERATOR_ID] = g_param_spec_string ("operator-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME_EN] = g_param_spec_string ("name-en", NULL, NULL, NULL, flags);
  properties[PROP_NAME_HI] = g_param_spec_string ("name-hi", NULL, NULL, NULL, flags);
  properties[PROP_SUPERVISOR] = g_param_spec_boolean ("supervisor", NULL, NULL, FALSE, flags);
  properties[PROP_KIOSK_CODE] = g_param_spec_string ("kiosk-code", NULL, NULL, NULL, flags);
  properties[PROP_DISTRICT_EN] = g_param_spec_string ("district-en", NULL, NULL, NULL, flags);
  properties[PROP_DISTRICT_HI] = g_param_spec_string ("district-hi", NULL, NULL, NULL, flags);
  properties[PROP_TEHSIL_EN] = g_param_spec_string ("tehsil-en", NULL, NULL, NULL, flags);
  properties[PROP_TEHSIL_HI] = g_param_spec_string ("tehsil-hi", NULL, NULL, NULL, flags);
  properties[PROP_EXPIRES_AT] = g_param_spec_boxed ("expires-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_operator_session_init (EmitraOperatorSession *self)
{
}
