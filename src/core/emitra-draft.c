/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One citizen's application while it is being filled: the service, the
 * step reached, the form's values as typed (a string per field id), the
 * documents attached or seen in the original, and, once the first submit
 * has begun, the request ID that every retry reuses.
 *
 * A draft lives in memory with the values as typed, the full Aadhaar
 * number included; EmitraDraftStore masks what must not reach the disk.
 * Every change emits ::changed, which EmitraDraftSaver turns into a
 * debounced save.
 */
#include "config.h"

#include "emitra-draft.h"
#include "emitra-draft-private.h"
#include "emitra-json.h"

#include <stdlib.h>
#include <string.h>

/* The layout of drafts.values_json; bumped if it ever changes shape. */
#define VALUES_FORMAT 1
#define MAX_VALUES_JSON_BYTES (4 * 1024 * 1024)

typedef struct
{
  char     *path;
  gboolean  original_seen;
} DraftDocument;

struct _EmitraDraft
{
  GObject     parent_instance;

  char       *id;
  char       *service_id;
  char       *step;
  char       *citizen_name;
  char       *request_id;
  gint64      created_at;
  gint64      updated_at;
  gboolean    submitted;
  GHashTable *values;     /* field id -> text */
  GHashTable *documents;  /* document id -> DraftDocument */
};

G_DEFINE_FINAL_TYPE (EmitraDraft, emitra_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SERVICE_ID,
  PROP_STEP,
  PROP_CITIZEN_NAME,
  PROP_REQUEST_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_SUBMITTED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
draft_document_free (gpointer data)
{
  DraftDocument *document = data;

  g_free (document->path);
  g_free (document);
}

/* g_set_str() arrived in GLib 2.76. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Every edit by the operator goes through here: the draft is newer, and
 * the saver hears of it. */
static void
touch (EmitraDraft *self)
{
  gint64 now = now_seconds ();

  if (now != self->updated_at)
    {
      self->updated_at = now;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

EmitraDraft *
emitra_draft_new (const char *service_id)
{
  EmitraDraft *self;

  g_return_val_if_fail (service_id != NULL, NULL);

  self = g_object_new (EMITRA_TYPE_DRAFT, NULL);
  self->id = g_uuid_string_random ();
  self->service_id = g_strdup (service_id);
  self->step = g_strdup (EMITRA_DRAFT_STEP_CITIZEN);
  self->citizen_name = g_strdup ("");
  self->created_at = now_seconds ();
  self->updated_at = self->created_at;

  return self;
}

const char *
emitra_draft_get_id (EmitraDraft *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), NULL);
  return self->id;
}

const char *
emitra_draft_get_service_id (EmitraDraft *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), NULL);
  return self->service_id;
}

const char *
emitra_draft_get_step (EmitraDraft *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), NULL);
  return self->step;
}

void
emitra_draft_set_step (EmitraDraft *self,
                       const char  *step)
{
  g_return_if_fail (EMITRA_IS_DRAFT (self));
  g_return_if_fail (step != NULL);

  if (set_str (&self->step, step))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
      touch (self);
    }
}

/* The name shown in the Drafts list, in whichever script it was typed. */
const char *
emitra_draft_get_citizen_name (EmitraDraft *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), NULL);
  return self->citizen_name;
}

void
emitra_draft_set_citizen_name (EmitraDraft *self,
                               const char  *name)
{
  g_return_if_fail (EMITRA_IS_DRAFT (self));

  if (set_str (&self->citizen_name, name != NULL ? name : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITIZEN_NAME]);
      touch (self);
    }
}

/* NULL until the store has made one (emitra_draft_store_ensure_request_id_async). */
const char *
emitra_draft_get_request_id (EmitraDraft *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), NULL);
  return self->request_id;
}

void
_emitra_draft_set_request_id (EmitraDraft *self,
                              const char  *request_id)
{
  g_return_if_fail (EMITRA_IS_DRAFT (self));

  /* Once made, a request ID never changes: a second one would let a
   * retry charge the citizen twice. */
  g_return_if_fail (self->request_id == NULL || g_strcmp0 (self->request_id, request_id) == 0);

  if (set_str (&self->request_id, request_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_ID]);
}

gboolean
emitra_draft_get_submitted (EmitraDraft *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), FALSE);
  return self->submitted;
}

void
_emitra_draft_set_submitted (EmitraDraft *self,
                             gboolean     submitted)
{
  g_return_if_fail (EMITRA_IS_DRAFT (self));

  submitted = !!submitted;
  if (self->submitted != submitted)
    {
      self->submitted = submitted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTED]);
    }
}

/* Unix seconds. */
gint64
emitra_draft_get_created_at (EmitraDraft *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), 0);
  return self->created_at;
}

gint64
emitra_draft_get_updated_at (EmitraDraft *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), 0);
  return self->updated_at;
}

/* For tests and imports: edits set it to the current time themselves. */
void
emitra_draft_set_updated_at (EmitraDraft *self,
                             gint64       unix_seconds)
{
  g_return_if_fail (EMITRA_IS_DRAFT (self));

  if (self->updated_at != unix_seconds)
    {
      self->updated_at = unix_seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

const char *
emitra_draft_get_value (EmitraDraft *self,
                        const char  *field_id)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);
  return g_hash_table_lookup (self->values, field_id);
}

/* @value NULL forgets the field. Setting the same text again is not a
 * change, so a GUI may call this on every keystroke. */
void
emitra_draft_set_value (EmitraDraft *self,
                        const char  *field_id,
                        const char  *value)
{
  g_return_if_fail (EMITRA_IS_DRAFT (self));
  g_return_if_fail (field_id != NULL);

  if (g_strcmp0 (g_hash_table_lookup (self->values, field_id), value) == 0)
    return;

  if (value == NULL)
    g_hash_table_remove (self->values, field_id);
  else
    g_hash_table_insert (self->values, g_strdup (field_id), g_strdup (value));
  touch (self);
}

/* Field id -> text, owned by the draft; do not modify. */
GHashTable *
emitra_draft_get_values (EmitraDraft *self)
{
  g_return_val_if_fail (EMITRA_IS_DRAFT (self), NULL);
  return self->values;
}

/* Records a document of the checklist: @path of the attached scan (NULL
 * when none) and whether the operator saw the original instead. */
void
emitra_draft_set_document (EmitraDraft *self,
                           const char  *document_id,
                           const char  *path,
                           gboolean     original_seen)
{
  DraftDocument *document;

  g_return_if_fail (EMITRA_IS_DRAFT (self));
  g_return_if_fail (document_id != NULL);

  document = g_hash_table_lookup (self->documents, document_id);
  if (document != NULL && g_strcmp0 (document->path, path) == 0 &&
      document->original_seen == !!original_seen)
    return;

  document = g_new0 (DraftDocument, 1);
  document->path = g_strdup (path);
  document->original_seen = !!original_seen;
  g_hash_table_insert (self->documents, g_strdup (document_id), document);
  touch (self);
}

gboolean
emitra_draft_get_document (EmitraDraft  *self,
                           const char   *document_id,
                           const char  **out_path,
                           gboolean     *out_original_seen)
{
  DraftDocument *document;

  g_return_val_if_fail (EMITRA_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  document = g_hash_table_lookup (self->documents, document_id);
  if (document == NULL)
    return FALSE;

  if (out_path != NULL)
    *out_path = document->path;
  if (out_original_seen != NULL)
    *out_original_seen = document->original_seen;
  return TRUE;
}

void
emitra_draft_remove_document (EmitraDraft *self,
                              const char  *document_id)
{
  g_return_if_fail (EMITRA_IS_DRAFT (self));
  g_return_if_fail (document_id != NULL);

  if (g_hash_table_remove (self->documents, document_id))
    touch (self);
}

/* Sorted, so the order is the same every time. */
GStrv
emitra_draft_dup_document_ids (EmitraDraft *self)
{
  g_autofree const char **keys = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (EMITRA_IS_DRAFT (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->documents, &n);
  qsort (keys, n, sizeof (char *), compare_strings);
  g_strv_builder_addv (builder, keys);
  return g_strv_builder_end (builder);
}

/* {"format": 1, "values": {id: text}, "documents": [{"id", "path", "original_seen"}]}
 * with every value and path passed through @redact. */
char *
_emitra_draft_to_values_json (EmitraDraft           *self,
                              EmitraDraftRedactFunc  redact,
                              gpointer               user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree const char **field_ids = NULL;
  g_auto(GStrv) document_ids = NULL;
  guint n = 0;

  g_return_val_if_fail (EMITRA_IS_DRAFT (self), NULL);
  g_return_val_if_fail (redact != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, VALUES_FORMAT);

  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  field_ids = (const char **) g_hash_table_get_keys_as_array (self->values, &n);
  qsort (field_ids, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *safe = redact (field_ids[i], g_hash_table_lookup (self->values, field_ids[i]), user_data);

      json_builder_set_member_name (builder, field_ids[i]);
      json_builder_add_string_value (builder, safe);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  document_ids = emitra_draft_dup_document_ids (self);
  for (guint i = 0; document_ids[i] != NULL; i++)
    {
      DraftDocument *document = g_hash_table_lookup (self->documents, document_ids[i]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, document_ids[i]);
      json_builder_set_member_name (builder, "path");
      if (document->path != NULL)
        {
          g_autofree char *safe = redact (NULL, document->path, user_data);

          json_builder_add_string_value (builder, safe);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "original_seen");
      json_builder_add_boolean_value (builder, document->original_seen);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return emitra_json_to_string (root, FALSE);
}

static gboolean
read_values_json (EmitraDraft  *self,
                  const char   *values_json,
                  GError      **error)
{
  g_autoptr(JsonObject) root = NULL;
  JsonObject *values;
  JsonArray *documents;
  GError *local_error = NULL;
  GList *members;

  root = emitra_json_parse_object (values_json, -1, MAX_VALUES_JSON_BYTES, error);
  if (root == NULL)
    return FALSE;

  values = emitra_json_get_object (root, "values", error);
  if (values == NULL)
    return FALSE;

  members = json_object_get_members (values);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = emitra_json_get_string (values, l->data, error);

      if (value == NULL)
        {
          g_list_free (members);
          return FALSE;
        }
      g_hash_table_insert (self->values, g_strdup (l->data), g_strdup (value));
    }
  g_list_free (members);

  documents = emitra_json_get_array_or_empty (root, "documents", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; documents != NULL && i < json_array_get_length (documents); i++)
    {
      JsonObject *item = emitra_json_array_get_object (documents, i, error);
      const char *id;
      DraftDocument *document;

      if (item == NULL || (id = emitra_json_get_string (item, "id", error)) == NULL)
        return FALSE;

      document = g_new0 (DraftDocument, 1);
      document->path = g_strdup (emitra_json_get_string_or (item, "path", NULL));
      document->original_seen = emitra_json_get_bool_or (item, "original_seen", FALSE);
      g_hash_table_insert (self->documents, g_strdup (id), document);
    }

  return TRUE;
}

/* A draft as the store read it back. */
EmitraDraft *
_emitra_draft_new_from_row (const char  *id,
                            const char  *service_id,
                            const char  *step,
                            const char  *values_json,
                            const char  *request_id,
                            const char  *citizen_name,
                            gint64       created_at,
                            gint64       updated_at,
                            gboolean     submitted,
                            GError     **error)
{
  g_autoptr(EmitraDraft) self = NULL;

  g_return_val_if_fail (id != NULL && service_id != NULL && step != NULL && values_json != NULL, NULL);

  self = g_object_new (EMITRA_TYPE_DRAFT, NULL);
  self->id = g_strdup (id);
  self->service_id = g_strdup (service_id);
  self->step = g_strdup (step);
  self->request_id = g_strdup (request_id);
  self->citizen_name = g_strdup (citizen_name != NULL ? citizen_name : "");
  self->created_at = created_at;
  self->updated_at = updated_at;
  self->submitted = !!submitted;

  if (!read_values_json (self, values_json, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
emitra_draft_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EmitraDraft *self = EMITRA_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case PROP_STEP:
      g_value_set_string (value, self->step);
      break;
    case PROP_CITIZEN_NAME:
      g_value_set_string (value, self->citizen_name);
      break;
    case PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_SUBMITTED:
      g_value_set_boolean (value, self->submitted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_draft_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EmitraDraft *self = EMITRA_DRAFT (object);

  switch (prop_id)
    {
    case PROP_STEP:
      emitra_draft_set_step (self, g_value_get_string (value));
      break;
    case PROP_CITIZEN_NAME:
      emitra_draft_set_citizen_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
emitra_draft_finalize (GObject *object)
{
  EmitraDraft *self = EMITRA_DRAFT (object);

  g_free (self->id);
  g_free (self->service_id);
  g_free (self->step);
  g_free (self->citizen_name);
  g_free (self->request_id);
  g_hash_table_unref (self->values);
  g_hash_table_unref (self->documents);

  G_OBJECT_CLASS (emitra_draft_parent_class)->finalize (object);
}

static void
emitra_draft_class_init (EmitraDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = emitra_draft_get_property;
  object_class->set_property = emitra_draft_set_property;
  object_class->finalize = emitra_draft_finalize;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_SERVICE_ID] = g_param_spec_string ("service-id", NULL, NULL, NULL, ro);
  properties[PROP_STEP] = g_param_spec_string ("step", NULL, NULL, NULL, rw);
  properties[PROP_CITIZEN_NAME] = g_param_spec_string ("citizen-name", NULL, NULL, NULL, rw);
  properties[PROP_REQUEST_ID] = g_param_spec_string ("request-id", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SUBMITTED] = g_param_spec_boolean ("submitted", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmitraDraft::changed:
   *
   * The operator changed something: a value, a document, the step or the
   * citizen's name. Not emitted when the store sets the request ID.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
emitra_draft_init (EmitraDraft *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, draft_document_free);
}
