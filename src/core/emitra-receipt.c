/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One receipt: what the citizen paid for, to whom, and its place in the
 * desk's hash chain. A receipt is built with g_object_new() and its input
 * properties (all construct-only), handed to EmitraReceiptStore, which
 * numbers, chains and stores it and gives back the stored receipt. Only
 * its status changes afterwards, and only through new status events.
 *
 * The canonical serialisation that is hashed is documented at
 * emitra_receipt_canonical_content(); changing it invalidates every
 * receipt ever issued, so a new layout needs a new version tag.
 */
#include "config.h"

#include "emitra-receipt-private.h"
#include "emitra-sha256.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (EmitraReceipt, emitra_receipt, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (EmitraReceiptStatus, emitra_receipt_status,
  G_DEFINE_ENUM_VALUE (EMITRA_RECEIPT_STATUS_PROVISIONAL, "provisional"),
  G_DEFINE_ENUM_VALUE (EMITRA_RECEIPT_STATUS_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (EMITRA_RECEIPT_STATUS_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (EMITRA_RECEIPT_STATUS_CANCELLED, "cancelled"))

static const char *const status_names[EMITRA_RECEIPT_N_STATUSES] = {
  "provisional", "confirmed", "rejected", "cancelled",
};

const char *
emitra_receipt_status_to_string (EmitraReceiptStatus status)
{
  g_return_val_if_fail ((guint) status < EMITRA_RECEIPT_N_STATUSES, NULL);

  return status_names[status];
}

gboolean
emitra_receipt_status_from_string (const char          *text,
                                   EmitraReceiptStatus *out_status)
{
  for (guint i = 0; text != NULL && i < EMITRA_RECEIPT_N_STATUSES; i++)
    if (g_str_equal (text, status_names[i]))
      {
        *out_status = (EmitraReceiptStatus) i;
        return TRUE;
      }

  return FALSE;
}

const char *
emitra_receipt_status_get_label (EmitraReceiptStatus status)
{
  switch (status)
    {
    case EMITRA_RECEIPT_STATUS_PROVISIONAL:
      return C_("receipt status", "Provisional");
    case EMITRA_RECEIPT_STATUS_CONFIRMED:
      return C_("receipt status", "Confirmed");
    case EMITRA_RECEIPT_STATUS_REJECTED:
      return C_("receipt status", "Rejected");
    case EMITRA_RECEIPT_STATUS_CANCELLED:
      return C_("receipt status", "Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Properties are described by a table of struct offsets so that the two
 * dozen fields need one getter and one setter, not two dozen of each. */
typedef enum {
  FIELD_STRING,
  FIELD_INT64,
  FIELD_INT,
  FIELD_STATUS,
} FieldKind;

typedef struct
{
  const char *name;
  FieldKind   kind;
  gsize       offset;
  gboolean    input;   /* construct-only input; otherwise read-only */
} FieldSpec;

enum {
  PROP_0,
  PROP_RECEIPT_NO,
  PROP_REQUEST_ID,
  PROP_TRANSACTION_ID,
  PROP_SERVICE_ID,
  PROP_SERVICE_NAME_EN,
  PROP_SERVICE_NAME_HI,
  PROP_CITIZEN_NAME,
  PROP_AADHAAR_MASKED,
  PROP_MOBILE,
  PROP_DEPARTMENT_FEE,
  PROP_SERVICE_CHARGE,
  PROP_TOTAL,
  PROP_CASH_RECEIVED,
  PROP_OPERATOR_ID,
  PROP_OPERATOR_NAME,
  PROP_KIOSK_CODE,
  PROP_CREATED_AT,
  PROP_DAY,
  PROP_HOUR,
  PROP_PREV_HASH,
  PROP_HASH,
  PROP_STATUS,
  PROP_STATUS_REASON,
  N_PROPS
};

#define F(name, kind, member, input) { name, kind, G_STRUCT_OFFSET (EmitraReceipt, member), input }

static const FieldSpec fields[N_PROPS] = {
  [PROP_RECEIPT_NO]      = F ("receipt-no", FIELD_INT64, receipt_no, FALSE),
  [PROP_REQUEST_ID]      = F ("request-id", FIELD_STRING, request_id, TRUE),
  [PROP_TRANSACTION_ID]  = F ("transaction-id", FIELD_STRING, transaction_id, TRUE),
  [PROP_SERVICE_ID]      = F ("service-id", FIELD_STRING, service_id, TRUE),
  [PROP_SERVICE_NAME_EN] = F ("service-name-en", FIELD_STRING, service_name_en, TRUE),
  [PROP_SERVICE_NAME_HI] = F ("service-name-hi", FIELD_STRING, service_name_hi, TRUE),
  [PROP_CITIZEN_NAME]    = F ("citizen-name", FIELD_STRING, citizen_name, TRUE),
  [PROP_AADHAAR_MASKED]  = F ("aadhaar-masked", FIELD_STRING, aadhaar_masked, TRUE),
  [PROP_MOBILE]          = F ("mobile", FIELD_STRING, mobile, TRUE),
  [PROP_DEPARTMENT_FEE]  = F ("department-fee", FIELD_INT64, department_fee, TRUE),
  [PROP_SERVICE_CHARGE]  = F ("service-charge", FIELD_INT64, service_charge, TRUE),
  [PROP_TOTAL]           = F ("total", FIELD_INT64, total, TRUE),
  [PROP_CASH_RECEIVED]   = F ("cash-received", FIELD_INT64, cash_received, TRUE),
  [PROP_OPERATOR_ID]     = F ("operator-id", FIELD_STRING, operator_id, TRUE),
  [PROP_OPERATOR_NAME]   = F ("operator-name", FIELD_STRING, operator_name, TRUE),
  [PROP_KIOSK_CODE]      = F ("kiosk-code", FIELD_STRING, kiosk_code, TRUE),
  [PROP_CREATED_AT]      = F ("created-at", FIELD_INT64, created_at, TRUE),
  [PROP_DAY]             = F ("day", FIELD_STRING, day, FALSE),
  [PROP_HOUR]            = F ("hour", FIELD_INT, hour, FALSE),
  [PROP_PREV_HASH]       = F ("prev-hash", FIELD_STRING, prev_hash, FALSE),
  [PROP_HASH]            = F ("hash", FIELD_STRING, hash, FALSE),
  [PROP_STATUS]          = F ("status", FIELD_STATUS, status, TRUE),
  [PROP_STATUS_REASON]   = F ("status-reason", FIELD_STRING, status_reason, FALSE),
};

#undef F

static GParamSpec *properties[N_PROPS];

#define FIELD_PTR(self, spec, type) ((type *) (gpointer) ((guint8 *) (self) + (spec)->offset))

static void
emitra_receipt_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EmitraReceipt *self = EMITRA_RECEIPT (object);
  const FieldSpec *spec;

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  spec = &fields[prop_id];
  if (prop_id == PROP_TRANSACTION_ID)
    {
      g_value_set_string (value, emitra_receipt_get_transaction_id (self));
      return;
    }

  switch (spec->kind)
    {
    case FIELD_STRING:
      g_value_set_string (value, *FIELD_PTR (self, spec, char *));
      break;
    case FIELD_INT64:
      g_value_set_int64 (value, *FIELD_PTR (self, spec, gint64));
      break;
    case FIELD_INT:
      g_value_set_int (value, *FIELD_PTR (self, spec, int));
      break;
    case FIELD_STATUS:
      g_value_set_enum (value, (int) *FIELD_PTR (self, spec, EmitraReceiptStatus));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
emitra_receipt_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EmitraReceipt *self = EMITRA_RECEIPT (object);
  const FieldSpec *spec;

  if (prop_id == 0 || prop_id >= N_PROPS || !fields[prop_id].input)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  spec = &fields[prop_id];
  switch (spec->kind)
    {
    case FIELD_STRING:
      g_free (*FIELD_PTR (self, spec, char *));
      *FIELD_PTR (self, spec, char *) = g_value_dup_string (value);
      break;
    case FIELD_INT64:
      *FIELD_PTR (self, spec, gint64) = g_value_get_int64 (value);
      break;
    case FIELD_INT:
      *FIELD_PTR (self, spec, int) = g_value_get_int (value);
      break;
    case FIELD_STATUS:
      *FIELD_PTR (self, spec, EmitraReceiptStatus) = (EmitraReceiptStatus) g_value_get_enum (value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
emitra_receipt_constructed (GObject *object)
{
  EmitraReceipt *self = EMITRA_RECEIPT (object);

  G_OBJECT_CLASS (emitra_receipt_parent_class)->constructed (object);

  /* The total is the sum of its parts unless the caller says otherwise;
   * the store refuses a total that disagrees with them. */
  if (self->total == 0)
    self->total = self->department_fee + self->service_charge;
}

static void
emitra_receipt_finalize (GObject *object)
{
  EmitraReceipt *self = EMITRA_RECEIPT (object);

  for (guint i = 1; i < N_PROPS; i++)
    if (fields[i].kind == FIELD_STRING)
      g_free (*FIELD_PTR (self, &fields[i], char *));
  g_free (self->status_transaction_id);

  G_OBJECT_CLASS (emitra_receipt_parent_class)->finalize (object);
}

static void
emitra_receipt_class_init (EmitraReceiptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = emitra_receipt_get_property;
  object_class->set_property = emitra_receipt_set_property;
  object_class->constructed = emitra_receipt_constructed;
  object_class->finalize = emitra_receipt_finalize;

  for (guint i = 1; i < N_PROPS; i++)
    {
      const FieldSpec *spec = &fields[i];
      GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

      if (spec->input)
        flags |= G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY;

      switch (spec->kind)
        {
        case FIELD_STRING:
          properties[i] = g_param_spec_string (spec->name, NULL, NULL, NULL, flags);
          break;
        case FIELD_INT64:
          properties[i] = g_param_spec_int64 (spec->name, NULL, NULL,
                                              G_MININT64, G_MAXINT64, 0, flags);
          break;
        case FIELD_INT:
          properties[i] = g_param_spec_int (spec->name, NULL, NULL, 0, 23, 0, flags);
          break;
        case FIELD_STATUS:
          properties[i] = g_param_spec_enum (spec->name, NULL, NULL, EMITRA_TYPE_RECEIPT_STATUS,
                                             EMITRA_RECEIPT_STATUS_PROVISIONAL, flags);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
emitra_receipt_init (EmitraReceipt *self)
{
  self->issued_status = -1;
}

void
_emitra_receipt_set_status (EmitraReceipt       *self,
                            EmitraReceiptStatus  status,
                            const char          *reason,
                            const char          *transaction_id,
                            gint64               updated_at)
{
  g_return_if_fail (EMITRA_IS_RECEIPT (self));

  self->status_updated_at = updated_at;
  if (transaction_id != NULL && transaction_id[0] != '\0' &&
      g_strcmp0 (transaction_id, self->status_transaction_id) != 0)
    {
      g_free (self->status_transaction_id);
      self->status_transaction_id = g_strdup (transaction_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSACTION_ID]);
    }
  if (g_strcmp0 (reason, self->status_reason) != 0)
    {
      g_free (self->status_reason);
      self->status_reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_REASON]);
    }
  if (status != self->status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

#define STRING_GETTER(member) \
  const char * \
  emitra_receipt_get_##member (EmitraReceipt *self) \
  { \
    g_return_val_if_fail (EMITRA_IS_RECEIPT (self), NULL); \
    return self->member != NULL ? self->member : ""; \
  }

#define INT64_GETTER(member) \
  gint64 \
  emitra_receipt_get_##member (EmitraReceipt *self) \
  { \
    g_return_val_if_fail (EMITRA_IS_RECEIPT (self), 0); \
    return self->member; \
  }

INT64_GETTER (receipt_no)
STRING_GETTER (request_id)
STRING_GETTER (service_id)
STRING_GETTER (service_name_en)
STRING_GETTER (service_name_hi)
STRING_GETTER (citizen_name)
STRING_GETTER (aadhaar_masked)
STRING_GETTER (mobile)
INT64_GETTER (department_fee)
INT64_GETTER (service_charge)
INT64_GETTER (total)
INT64_GETTER (cash_received)
STRING_GETTER (operator_id)
STRING_GETTER (operator_name)
STRING_GETTER (kiosk_code)
INT64_GETTER (created_at)
STRING_GETTER (day)
STRING_GETTER (prev_hash)
STRING_GETTER (hash)
STRING_GETTER (status_reason)
INT64_GETTER (status_updated_at)

#undef STRING_GETTER
#undef INT64_GETTER

/* The transaction ID the citizen tracks: the one issued with the receipt
 * or, for a provisional receipt, the one its confirmation brought. "" while
 * there is none. */
const char *
emitra_receipt_get_transaction_id (EmitraReceipt *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT (self), NULL);

  if (self->transaction_id != NULL && self->transaction_id[0] != '\0')
    return self->transaction_id;
  return self->status_transaction_id != NULL ? self->status_transaction_id : "";
}

gint64
emitra_receipt_get_change_due (EmitraReceipt *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT (self), 0);

  return MAX (self->cash_received - self->total, 0);
}

int
emitra_receipt_get_hour (EmitraReceipt *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT (self), 0);

  return self->hour;
}

EmitraReceiptStatus
emitra_receipt_get_status (EmitraReceipt *self)
{
  g_return_val_if_fail (EMITRA_IS_RECEIPT (self), EMITRA_RECEIPT_STATUS_PROVISIONAL);

  return self->status;
}

/* @value in decimal, written at the end of @buffer; returns its start. */
static const char *
format_decimal (char   *buffer,
                gsize   size,
                gint64  value)
{
  guint64 magnitude = value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;
  char *p = buffer + size - 1;

  *p = '\0';
  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--p = '-';
  return p;
}

static void
append_field (GString    *out,
              const char *name,
              const char *value)
{
  char length[24];

  if (value == NULL)
    value = "";
  /* No printf here: every receipt is hashed as it is issued, and this is
   * most of the work outside the disk flush. */
  g_string_append (out, name);
  g_string_append_c (out, '=');
  g_string_append (out, format_decimal (length, sizeof length, (gint64) strlen (value)));
  g_string_append_c (out, ':');
  g_string_append (out, value);
  g_string_append_c (out, '\n');
}

static void
append_int_field (GString    *out,
                  const char *name,
                  gint64      value)
{
  char buffer[24];

  append_field (out, name, format_decimal (buffer, sizeof buffer, value));
}

/* The bytes a receipt's hash is computed over. A version line, then each
 * field in this fixed order as `name=<byte length>:<value>\n`, integers in
 * decimal and absent text as "". The length prefix makes the encoding
 * unambiguous whatever a value contains (a name with "=" or a newline
 * cannot shift the bytes into another field), and it needs no escaping,
 * so anyone can recompute it from the database columns. @prev_hash, the
 * hash of the receipt before (or "" for the first), is the last field:
 * that is what chains the receipts.
 *
 * Format 2 ("emitra-receipt/2") adds `status`, the status the receipt was
 * issued with, before `prev_hash`. Format 1 receipts, issued before the
 * status was part of the row, keep their version line and fields. */
char *
emitra_receipt_canonical_content (EmitraReceipt *self,
                                  const char    *prev_hash)
{
  GString *out;

  g_return_val_if_fail (EMITRA_IS_RECEIPT (self), NULL);

  out = g_string_sized_new (512);
  g_string_append (out, self->issued_status >= 0 ? "emitra-receipt/2\n" : "emitra-receipt/1\n");
  append_int_field (out, "receipt_no", self->receipt_no);
  append_field (out, "request_id", self->request_id);
  append_field (out, "transaction_id", self->transaction_id);
  append_field (out, "service_id", self->service_id);
  append_field (out, "service_name_en", self->service_name_en);
  append_field (out, "service_name_hi", self->service_name_hi);
  append_field (out, "citizen_name", self->citizen_name);
  append_field (out, "aadhaar_masked", self->aadhaar_masked);
  append_field (out, "mobile", self->mobile);
  append_int_field (out, "department_fee", self->department_fee);
  append_int_field (out, "service_charge", self->service_charge);
  append_int_field (out, "total", self->total);
  append_int_field (out, "cash_received", self->cash_received);
  append_field (out, "operator_id", self->operator_id);
  append_field (out, "operator_name", self->operator_name);
  append_field (out, "kiosk_code", self->kiosk_code);
  append_int_field (out, "created_at", self->created_at);
  append_field (out, "day", self->day);
  append_int_field (out, "hour", self->hour);
  if (self->issued_status >= 0)
    append_field (out, "status", emitra_receipt_status_to_string (self->issued_status));
  append_field (out, "prev_hash", prev_hash);

  return g_string_free (out, FALSE);
}

/* SHA-256 in lower-case hex, as g_compute_checksum_for_data() writes it,
 * without its allocations: every receipt issued hashes twice under the
 * write lock, and receipt.append.ratio counts each microsecond. */
static char *
sha256_hex (const char *data,
            gsize       length)
{
  static const char hex[] = "0123456789abcdef";
  guint8 digest[EMITRA_SHA256_BYTES];
  char *out = g_malloc (EMITRA_SHA256_BYTES * 2 + 1);
  EmitraSha256 sha;

  emitra_sha256_init (&sha);
  emitra_sha256_update (&sha, (const guint8 *) data, length);
  emitra_sha256_finish (&sha, digest);
  for (guint i = 0; i < EMITRA_SHA256_BYTES; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[EMITRA_SHA256_BYTES * 2] = '\0';
  return out;
}

/* SHA-256 in lower-case hex over emitra_receipt_canonical_content(). */
char *
emitra_receipt_compute_hash (EmitraReceipt *self,
                             const char    *prev_hash)
{
  g_autofree char *content = emitra_receipt_canonical_content (self, prev_hash);

  return sha256_hex (content, strlen (content));
}

/* A status event is hashed the same way. The receipt's own hash is part of
 * it, so an event cannot be moved to another receipt unseen, and so is the
 * previous event's hash: every status change on the desk is one chain. */
char *
emitra_receipt_event_compute_hash (const char *receipt_hash,
                                   const char *status,
                                   const char *transaction_id,
                                   const char *reason,
                                   gint64      at,
                                   const char *prev_hash)
{
  g_autoptr(GString) out = g_string_sized_new (256);

  g_string_append (out, "emitra-receipt-event/1\n");
  append_field (out, "receipt_hash", receipt_hash);
  append_field (out, "status", status);
  append_field (out, "transaction_id", transaction_id);
  append_field (out, "reason", reason);
  append_int_field (out, "at", at);
  append_field (out, "prev_hash", prev_hash);

  return sha256_hex (out->str, out->len);
}

/* What the receipt's QR code carries: enough for anyone to look the
 * transaction up and to check that the paper matches the desk's record.
 * "EMITRA:1:<transaction ID, or request ID while there is none>:<hash>". */
char *
emitra_receipt_dup_qr_payload (EmitraReceipt *self)
{
  const char *id;

  g_return_val_if_fail (EMITRA_IS_RECEIPT (self), NULL);

  id = emitra_receipt_get_transaction_id (self);
  if (id[0] == '\0')
    id = emitra_receipt_get_request_id (self);

  return g_strdup_printf ("EMITRA:1:%s:%s", id, emitra_receipt_get_hash (self));
}
