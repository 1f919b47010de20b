/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One submission waiting in the outbox, as the operator sees it: whose
 * it is, how often it was tried, what went wrong last and when it will be
 * tried again. A snapshot: read the outbox again for news.
 */
#include "config.h"

#include "emitra-outbox-item-private.h"

struct _EmitraOutboxItem
{
  GObject            parent_instance;

  char              *request_id;
  char              *service_id;
  char              *draft_id;
  char              *request_json;
  EmitraOutboxState  state;
  guint              attempts;
  char              *last_error;
  gint64             next_attempt_at;
  gint64             created_at;
  gint64             updated_at;
  gint64             receipt_no;
  char              *citizen_name;
  char              *service_name_en;
  char              *service_name_hi;
  gint64             total;
};

G_DEFINE_FINAL_TYPE (EmitraOutboxItem, emitra_outbox_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (EmitraOutboxState, emitra_outbox_state,
  G_DEFINE_ENUM_VALUE (EMITRA_OUTBOX_STATE_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (EMITRA_OUTBOX_STATE_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (EMITRA_OUTBOX_STATE_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (EMITRA_OUTBOX_STATE_CANCELLED, "cancelled"))

static const char *const state_names[] = { "pending", "confirmed", "rejected", "cancelled" };

const char *
emitra_outbox_state_to_string (EmitraOutboxState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

gboolean
emitra_outbox_state_from_string (const char        *text,
                                 EmitraOutboxState *out_state)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (text, state_names[i]))
      {
        *out_state = (EmitraOutboxState) i;
        return TRUE;
      }
  return FALSE;
}

enum {
  PROP_0,
  PROP_REQUEST_ID,
  PROP_SERVICE_ID,
  PROP_RECEIPT_NO,
  PROP_CITIZEN_NAME,
  PROP_SERVICE_NAME_EN,
  PROP_SERVICE_NAME_HI,
  PROP_TOTAL,
  PROP_STATE,
  PROP_ATTEMPTS,
  PROP_LAST_ERROR,
  PROP_NEXT_ATTEMPT_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
emitra_outbox_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EmitraOutboxItem *self = EMITRA_OUTBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case PROP_RECEIPT_NO:
      g_value_set_int64 (value, self->receipt_no);
      break;
    case PROP_CITIZEN_NAME:
      g_value_set_string (value, emitra_outbox_item_get_citizen_name (self));
      break;
    case PROP_SERVICE_NAME_EN:
      g_value_set_string (value, emitra_outbox_item_get_service_name_en (self));
      break;
    case PROP_SERVICE_NAME_HI:
      g_value_set_string (value, emitra_outbox_item_get_service_name_hi (self));
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    case PROP_STATE:
      g_value_set_enum (value, (int) self->state);
      break;
    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, emitra_outbox_item_get_last_error (self));
      break;
    case PROP_NEXT_ATTEMPT_AT:
      g_value_set_int64 (value, self->next_attempt_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_outbox_item_finalize (GObject *object)
{
  EmitraOutboxItem *self = EMITRA_OUTBOX_ITEM (object);

  g_free (self->request_id);
  g_free (self->service_id);
  g_free (self->draft_id);
  g_free (self->request_json);
  g_free (self->last_error);
  g_free (self->citizen_name);
  g_free (self->service_name_en);
  g_free (self->service_name_hi);

  G_OBJECT_CLASS (emitra_outbox_item_parent_class)->finalize (object);
}

static void
emitra_outbox_item_class_init (EmitraOutboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = emitra_outbox_item_get_property;
  object_class->finalize = emitra_outbox_item_finalize;

  properties[PROP_REQUEST_ID] = g_param_spec_string ("request-id", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE_ID] = g_param_spec_string ("service-id", NULL, NULL, NULL, flags);
  properties[PROP_RECEIPT_NO] = g_param_spec_int64 ("receipt-no", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CITIZEN_NAME] = g_param_spec_string ("citizen-name", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE_NAME_EN] = g_param_spec_string ("service-name-en", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE_NAME_HI] = g_param_spec_string ("service-name-hi", NULL, NULL, NULL, flags);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, EMITRA_TYPE_OUTBOX_STATE,
                                              EMITRA_OUTBOX_STATE_PENDING, flags);
  properties[PROP_ATTEMPTS] = g_param_spec_uint ("attempts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_ATTEMPT_AT] = g_param_spec_int64 ("next-attempt-at", NULL, NULL,
                                                         0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_outbox_item_init (EmitraOutboxItem *self)
{
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

EmitraOutboxItem *
_emitra_outbox_item_new_from_row (sqlite3_stmt *stmt)
{
  EmitraOutboxItem *self = g_object_new (EMITRA_TYPE_OUTBOX_ITEM, NULL);

  self->request_id = dup_column (stmt, 0);
  self->service_id = dup_column (stmt, 1);
  self->draft_id = dup_column (stmt, 2);
  self->request_json = dup_column (stmt, 3);
  if (!emitra_outbox_state_from_string ((const char *) sqlite3_column_text (stmt, 4), &self->state))
    self->state = EMITRA_OUTBOX_STATE_PENDING;
  self->attempts = (guint) sqlite3_column_int (stmt, 5);
  self->last_error = dup_column (stmt, 6);
  self->next_attempt_at = sqlite3_column_int64 (stmt, 7);
  self->created_at = sqlite3_column_int64 (stmt, 8);
  self->updated_at = sqlite3_column_int64 (stmt, 9);
  self->receipt_no = sqlite3_column_int64 (stmt, 10);
  self->citizen_name = dup_column (stmt, 11);
  self->service_name_en = dup_column (stmt, 12);
  self->service_name_hi = dup_column (stmt, 13);
  self->total = sqlite3_column_int64 (stmt, 14);

  return self;
}

#define STRING_GETTER(member) \
  const char * \
  emitra_outbox_item_get_##member (EmitraOutboxItem *self) \
  { \
    g_return_val_if_fail (EMITRA_IS_OUTBOX_ITEM (self), NULL); \
    return self->member != NULL ? self->member : ""; \
  }

#define INT64_GETTER(member) \
  gint64 \
  emitra_outbox_item_get_##member (EmitraOutboxItem *self) \
  { \
    g_return_val_if_fail (EMITRA_IS_OUTBOX_ITEM (self), 0); \
    return self->member; \
  }

STRING_GETTER (request_id)
STRING_GETTER (service_id)
STRING_GETTER (draft_id)
STRING_GETTER (request_json)
STRING_GETTER (citizen_name)
STRING_GETTER (service_name_en)
STRING_GETTER (service_name_hi)
STRING_GETTER (last_error)
INT64_GETTER (receipt_no)
INT64_GETTER (total)
INT64_GETTER (next_attempt_at)
INT64_GETTER (created_at)
INT64_GETTER (updated_at)

#undef STRING_GETTER
#undef INT64_GETTER

EmitraOutboxState
emitra_outbox_item_get_state (EmitraOutboxItem *self)
{
  g_return_val_if_fail (EMITRA_IS_OUTBOX_ITEM (self), EMITRA_OUTBOX_STATE_PENDING);

  return self->state;
}

guint
emitra_outbox_item_get_attempts (EmitraOutboxItem *self)
{
  g_return_val_if_fail (EMITRA_IS_OUTBOX_ITEM (self), 0);

  return self->attempts;
}
