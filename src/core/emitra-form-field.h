/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  EMITRA_FIELD_TYPE_TEXT,
  EMITRA_FIELD_TYPE_NAME,
  EMITRA_FIELD_TYPE_NUMBER,
  EMITRA_FIELD_TYPE_DATE,
  EMITRA_FIELD_TYPE_CHOICE,
  EMITRA_FIELD_TYPE_DISTRICT,
  EMITRA_FIELD_TYPE_AADHAAR,
  EMITRA_FIELD_TYPE_JAN_AADHAAR,
  EMITRA_FIELD_TYPE_MOBILE,
  EMITRA_FIELD_TYPE_PIN,
  EMITRA_FIELD_TYPE_IFSC,
  EMITRA_FIELD_TYPE_PAN,
  EMITRA_FIELD_TYPE_MONEY,
  EMITRA_FIELD_TYPE_DOCUMENT,
  EMITRA_FIELD_TYPE_CONSUMER_NUMBER,
} EmitraFieldType;

#define EMITRA_TYPE_FIELD_TYPE (emitra_field_type_get_type ())
GType emitra_field_type_get_type (void);

/* One entry of a choice field. Owned by its field. */
typedef struct
{
  char *value;
  char *label_en;
  char *label_hi;
} EmitraFieldOption;

#define EMITRA_TYPE_FORM_FIELD (emitra_form_field_get_type ())

G_DECLARE_FINAL_TYPE (EmitraFormField, emitra_form_field, EMITRA, FORM_FIELD, GObject)

EmitraFormField *emitra_form_field_new_from_json       (JsonObject       *object,
                                                        const char       *group,
                                                        GError          **error);

const char      *emitra_field_type_to_string           (EmitraFieldType   type);
gboolean         emitra_field_type_from_string         (const char       *name,
                                                        EmitraFieldType  *out_type);

const char      *emitra_form_field_get_id              (EmitraFormField  *self);
EmitraFieldType  emitra_form_field_get_field_type      (EmitraFormField  *self);
const char      *emitra_form_field_get_group           (EmitraFormField  *self);
const char      *emitra_form_field_get_label_en        (EmitraFormField  *self);
const char      *emitra_form_field_get_label_hi        (EmitraFormField  *self);
const char      *emitra_form_field_get_label           (EmitraFormField  *self);
const char      *emitra_form_field_get_pattern_hint    (EmitraFormField  *self);
const char      *emitra_form_field_get_pattern_hint_en (EmitraFormField  *self);
const char      *emitra_form_field_get_pattern_hint_hi (EmitraFormField  *self);
gboolean         emitra_form_field_get_required        (EmitraFormField  *self);
guint            emitra_form_field_get_min_length      (EmitraFormField  *self);
guint            emitra_form_field_get_max_length      (EmitraFormField  *self);
gboolean         emitra_form_field_get_min             (EmitraFormField  *self,
                                                        gint64           *out_min);
gboolean         emitra_form_field_get_max             (EmitraFormField  *self,
                                                        gint64           *out_max);
int              emitra_form_field_get_min_age         (EmitraFormField  *self);
int              emitra_form_field_get_max_age         (EmitraFormField  *self);
guint            emitra_form_field_get_n_options       (EmitraFormField  *self);
const EmitraFieldOption *
                 emitra_form_field_get_option          (EmitraFormField  *self,
                                                        guint             index);
const EmitraFieldOption *
                 emitra_form_field_find_option         (EmitraFormField  *self,
                                                        const char       *value);
const char      *emitra_field_option_get_label         (const EmitraFieldOption *option);
gboolean         emitra_form_field_is_sensitive        (EmitraFormField  *self);


G_END_DECLS
