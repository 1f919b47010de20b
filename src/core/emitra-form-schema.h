/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "emitra-form-field.h"
#include "emitra-validate.h"

G_BEGIN_DECLS

#define EMITRA_FORM_SCHEMA_ERROR (emitra_form_schema_error_quark ())

typedef enum {
  EMITRA_FORM_SCHEMA_ERROR_INVALID,        /* not JSON, or a member missing or of the wrong type */
  EMITRA_FORM_SCHEMA_ERROR_TOO_LARGE,      /* more fields or groups than any form has */
  EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_TYPE,   /* a field type this version does not know */
  EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_GROUP,  /* a group the catalog's field_groups lacks */
  EMITRA_FORM_SCHEMA_ERROR_DUPLICATE_ID,   /* two fields with one id, groups included */
  EMITRA_FORM_SCHEMA_ERROR_BAD_FIELD,      /* a bad id, bounds the wrong way round, a choice without options */
  EMITRA_FORM_SCHEMA_ERROR_UNKNOWN_FIELD,  /* validation asked for a field the form does not have */
} EmitraFormSchemaError;

/* What validating a step found wrong with one field. */
typedef struct
{
  char           *field_id;
  EmitraValidity  validity;   /* WARNING or INVALID */
  GError         *error;      /* the translated message naming the field */
} EmitraFieldIssue;

void emitra_field_issue_free (EmitraFieldIssue *issue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmitraFieldIssue, emitra_field_issue_free)

#define EMITRA_TYPE_FORM_SCHEMA (emitra_form_schema_get_type ())

G_DECLARE_FINAL_TYPE (EmitraFormSchema, emitra_form_schema, EMITRA, FORM_SCHEMA, GObject)

GQuark            emitra_form_schema_error_quark     (void);

EmitraFormSchema *emitra_form_schema_new             (JsonObject          *form,
                                                      JsonObject          *field_groups,
                                                      GError             **error);
EmitraFormSchema *emitra_form_schema_new_from_data   (const char          *form_json,
                                                      const char          *groups_json,
                                                      GError             **error);

GListModel       *emitra_form_schema_get_fields      (EmitraFormSchema    *self);
EmitraFormField  *emitra_form_schema_lookup          (EmitraFormSchema    *self,
                                                      const char          *field_id);
const char * const *
                  emitra_form_schema_get_groups      (EmitraFormSchema    *self);
const char       *emitra_form_group_get_title        (const char          *group);
GStrv             emitra_form_schema_dup_sensitive_ids (EmitraFormSchema  *self);

void              emitra_form_schema_set_districts   (EmitraFormSchema    *self,
                                                      const char * const  *district_ids);

EmitraValidity    emitra_form_schema_validate_field  (EmitraFormSchema    *self,
                                                      const char          *field_id,
                                                      const char          *text,
                                                      const GDate         *today,
                                                      char               **out_normalised,
                                                      GError             **error);
gboolean          emitra_form_schema_validate_values (EmitraFormSchema    *self,
                                                      const char * const  *field_ids,
                                                      GHashTable          *values,
                                                      const GDate         *today,
                                                      GPtrArray          **out_issues);

G_END_DECLS
