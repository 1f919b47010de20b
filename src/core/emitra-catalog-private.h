/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the catalog's parsers (emitra-catalog.c, emitra-service.c and
 * the small data types): typed look-ups that turn a missing, empty or
 * mistyped member into an EMITRA_CATALOG_ERROR naming where it is, so the
 * operator's message says exactly which entry of the catalog is at fault.
 * `where` is a path such as "services/caste-certificate/documents/2".
 */
#pragma once

#include <json-glib/json-glib.h>

#include "emitra-json-reader.h"
#include "emitra-service.h"

G_BEGIN_DECLS

/* What a member read from the stream turned out to be. */
typedef enum {
  EMITRA_VALUE_ABSENT,  /* not in the object at all */
  EMITRA_VALUE_OK,
  EMITRA_VALUE_NULL,
  EMITRA_VALUE_BLANK,   /* a string of spaces */
  EMITRA_VALUE_WRONG,   /* another type than expected */
} EmitraValueState;

/* What a form may use: the field groups' field IDs (group name -> a set of
 * IDs), and whether there is a district list for district fields. */
typedef struct
{
  GHashTable *group_ids;
  gboolean    have_districts;
} EmitraFormRules;

const char *_emitra_catalog_require_text   (JsonObject   *object,
                                            const char   *member,
                                            const char   *where,
                                            GError      **error);
gboolean    _emitra_catalog_optional_text  (JsonObject   *object,
                                            const char   *member,
                                            const char   *where,
                                            const char  **out_text,
                                            GError      **error);
gboolean    _emitra_catalog_optional_bool  (JsonObject   *object,
                                            const char   *member,
                                            const char   *where,
                                            gboolean      fallback,
                                            gboolean     *out_value,
                                            GError      **error);
JsonArray  *_emitra_catalog_require_array  (JsonObject   *object,
                                            const char   *member,
                                            const char   *where,
                                            GError      **error);
gboolean    _emitra_catalog_check_id       (const char   *id,
                                            const char   *member,
                                            const char   *where,
                                            GError      **error);
void        _emitra_catalog_set_incomplete (GError     **error,
                                            const char   *member,
                                            const char   *where);
void        _emitra_catalog_set_invalid    (GError      **error,
                                            const char   *member,
                                            const char   *where);
void        _emitra_catalog_set_duplicate  (GError      **error,
                                            const char   *id,
                                            const char   *where);
void        _emitra_catalog_set_unknown_reference (GError     **error,
                                                   const char  *member,
                                                   const char  *where,
                                                   const char  *value);

gboolean    _emitra_catalog_read_text          (EmitraJsonCursor  *cursor,
                                                char             **out_text,
                                                EmitraValueState  *out_state);
gboolean    _emitra_catalog_set_state_error    (GError           **error,
                                                EmitraValueState   state,
                                                const char        *member,
                                                const char        *where);

gboolean    _emitra_catalog_check_field_groups (EmitraJsonCursor  *cursor,
                                                EmitraFormRules   *rules,
                                                GError           **error);
gboolean    _emitra_catalog_check_form         (EmitraJsonCursor  *cursor,
                                                const char        *where,
                                                const EmitraFormRules *rules,
                                                GError           **error);

/* The catalog document's top-level members: where each value is. */
enum {
  EMITRA_CATALOG_MEMBER_VERSION,
  EMITRA_CATALOG_MEMBER_DEPARTMENTS,
  EMITRA_CATALOG_MEMBER_CATEGORIES,
  EMITRA_CATALOG_MEMBER_FIELD_GROUPS,
  EMITRA_CATALOG_MEMBER_SERVICES,
  EMITRA_CATALOG_MEMBER_MASTERS,
  EMITRA_CATALOG_N_MEMBERS
};

typedef struct
{
  const char *data;
  gsize       offset[EMITRA_CATALOG_N_MEMBERS];
  gsize       length[EMITRA_CATALOG_N_MEMBERS];
  gboolean    present[EMITRA_CATALOG_N_MEMBERS];
  GString    *scratch;
} EmitraCatalogMembers;

gboolean       _emitra_catalog_index_members   (const char             *data,
                                                gsize                   length,
                                                EmitraCatalogMembers   *members,
                                                GError                **error);
void           _emitra_catalog_member_cursor   (EmitraCatalogMembers   *members,
                                                int                     which,
                                                EmitraJsonCursor       *cursor);
JsonNode      *_emitra_catalog_member_node     (EmitraCatalogMembers   *members,
                                                int                     which);
gboolean       _emitra_catalog_read_services   (EmitraCatalogMembers   *members,
                                                GBytes                 *document,
                                                const EmitraFormRules  *rules,
                                                GHashTable             *departments_by_id,
                                                GHashTable             *categories_by_id,
                                                GHashTable             *services_by_id,
                                                GListStore             *services,
                                                GError                **error);
EmitraService *_emitra_catalog_read_service    (EmitraJsonCursor       *cursor,
                                                guint                   index,
                                                GBytes                 *document,
                                                const EmitraFormRules  *rules,
                                                GError                **error);

G_END_DECLS
