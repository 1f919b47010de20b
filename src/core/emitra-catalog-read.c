/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the catalog's document: its top-level members are found with a
 * skipping pass that checks the syntax of the whole, and the services are
 * read as a stream: each service object is
 * checked member by member straight from the document, its documents
 * become EmitraDocumentRequirements, and its form is checked in place and
 * kept as a range of the document. No json-glib tree is built for the
 * services, which are nearly all of a catalog.
 */
#include "config.h"

#include "emitra-catalog.h"
#include "emitra-catalog-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "emitra-fee.h"
#include "emitra-money.h"
#include "emitra-service-private.h"

static gboolean
name_is (const char *name,
         gsize       length,
         const char *member)
{
  return strlen (member) == length && memcmp (name, member, length) == 0;
}

static gboolean
is_id (const char *id,
       gboolean    service)
{
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && (service || *p != '_'))
      return FALSE;

  return id[0] != '\0';
}

static gboolean
read_optional_bool (EmitraJsonCursor *c,
                    gboolean         *out_value,
                    gboolean         *out_wrong)
{
  switch (emitra_json_cursor_peek (c))
    {
    case EMITRA_JSON_KIND_BOOLEAN:
      return emitra_json_cursor_read_boolean (c, out_value);
    case EMITRA_JSON_KIND_NULL:
      return emitra_json_cursor_skip (c, NULL, NULL);
    default:
      *out_wrong = TRUE;
      return emitra_json_cursor_skip (c, NULL, NULL);
    }
}

/* One document of the checklist at the cursor, checked. */
static EmitraDocumentRequirement *
read_document (EmitraJsonCursor  *c,
               const char        *service_where,
               guint              index,
               GHashTable        *seen,
               GError           **error)
{
  static const char * const texts[] = { "id", "name_en", "name_hi" };
  EmitraValueState states[G_N_ELEMENTS (texts)] = { EMITRA_VALUE_ABSENT, EMITRA_VALUE_ABSENT, EMITRA_VALUE_ABSENT };
  char *values[G_N_ELEMENTS (texts)] = { NULL, NULL, NULL };
  g_autofree char *where = NULL;
  /* Required unless the catalog says otherwise: asking for one document
   * too many is safer than letting an application through without it. */
  gboolean required = TRUE, original_seen = FALSE, wrong_required = FALSE, wrong_original = FALSE;
  const char *name;
  gsize length;
  gboolean done, ok = TRUE;

  if (emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_OBJECT)
    {
      _emitra_catalog_set_invalid (error, "documents", service_where);
      return NULL;
    }

  if (!emitra_json_cursor_enter_object (c))
    return NULL;
  while (ok)
    {
      gboolean known = FALSE;

      if (!(ok = emitra_json_cursor_next_member (c, &name, &length, &done)) || done)
        break;
      for (guint i = 0; i < G_N_ELEMENTS (texts) && !known; i++)
        if (name_is (name, length, texts[i]))
          {
            known = TRUE;
            g_clear_pointer (&values[i], g_free);
            ok = _emitra_catalog_read_text (c, &values[i], &states[i]);
          }
      if (known)
        continue;
      if (name_is (name, length, "required"))
        ok = read_optional_bool (c, &required, &wrong_required);
      else if (name_is (name, length, "original_seen"))
        ok = read_optional_bool (c, &original_seen, &wrong_original);
      else
        ok = emitra_json_cursor_skip (c, NULL, NULL);
    }

  /* The place is only spelt out for an error. */
#define WHERE (where != NULL ? where : (where = g_strdup_printf ("%s/documents/%u", service_where, index)))
  for (guint i = 0; ok && i < G_N_ELEMENTS (texts); i++)
    if (states[i] != EMITRA_VALUE_OK)
      ok = _emitra_catalog_set_state_error (error, states[i], texts[i], WHERE);
  if (ok && !is_id (values[0], FALSE))
    ok = _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "id", WHERE);
  if (ok && (wrong_required || wrong_original))
    ok = _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG,
                                          wrong_required ? "required" : "original_seen", WHERE);
#undef WHERE
  if (ok && g_hash_table_contains (seen, values[0]))
    {
      g_autofree char *documents = g_strdup_printf ("%s/documents", service_where);
      _emitra_catalog_set_duplicate (error, values[0], documents);
      ok = FALSE;
    }
  if (ok)
    g_hash_table_add (seen, values[0]);  /* borrowed: the document keeps it */

  if (!ok)
    {
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        g_free (values[i]);
      return NULL;
    }

  return _emitra_document_requirement_new (values[0], values[1], values[2], required, original_seen);
}

static gboolean
read_documents (EmitraJsonCursor   *c,
                const char         *where,
                EmitraServiceData  *data,
                GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean done;

  data->documents = g_list_store_new (EMITRA_TYPE_DOCUMENT_REQUIREMENT);
  if (!emitra_json_cursor_enter_array (c))
    return FALSE;

  for (guint i = 0;; i++)
    {
      g_autoptr(EmitraDocumentRequirement) document = NULL;

      if (!emitra_json_cursor_next_element (c, &done))
        return FALSE;
      if (done)
        return TRUE;
      if ((document = read_document (c, where, i, seen, error)) == NULL)
        return FALSE;
      g_list_store_append (data->documents, document);
    }
}

/* Keywords: a list of words; FALSE with *out_wrong for anything else. */
static gboolean
read_keywords (EmitraJsonCursor   *c,
               EmitraServiceData  *data,
               gboolean           *out_wrong)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean done;

  if (emitra_json_cursor_peek (c) == EMITRA_JSON_KIND_NULL)
    return emitra_json_cursor_skip (c, NULL, NULL);
  if (emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_ARRAY)
    {
      *out_wrong = TRUE;
      return emitra_json_cursor_skip (c, NULL, NULL);
    }

  if (!emitra_json_cursor_enter_array (c))
    return FALSE;
  for (;;)
    {
      char *keyword;
      EmitraValueState state;

      if (!emitra_json_cursor_next_element (c, &done))
        return FALSE;
      if (done)
        break;
      if (!_emitra_catalog_read_text (c, &keyword, &state))
        return FALSE;
      if (state != EMITRA_VALUE_OK)
        *out_wrong = TRUE;
      else
        g_strv_builder_add (builder, keyword);
      g_free (keyword);
    }

  g_clear_pointer (&data->keywords, g_strfreev);
  data->keywords = g_strv_builder_end (builder);
  return TRUE;
}

/* A number member that must be a whole number (or null, with @nullable). */
static gboolean
read_integer (EmitraJsonCursor *c,
              gint64           *out_value,
              EmitraValueState *out_state)
{
  gboolean is_int;

  switch (emitra_json_cursor_peek (c))
    {
    case EMITRA_JSON_KIND_NUMBER:
      if (!emitra_json_cursor_read_int (c, &is_int, out_value))
        return FALSE;
      /* 12.5 paise is an error, not something to round. */
      *out_state = is_int ? EMITRA_VALUE_OK : EMITRA_VALUE_WRONG;
      return TRUE;
    case EMITRA_JSON_KIND_NULL:
      *out_state = EMITRA_VALUE_NULL;
      return emitra_json_cursor_skip (c, NULL, NULL);
    default:
      *out_state = EMITRA_VALUE_WRONG;
      return emitra_json_cursor_skip (c, NULL, NULL);
    }
}

typedef struct
{
  const char *member;
  gsize       offset;  /* of the char * in EmitraServiceData */
} TextMember;

static const TextMember text_members[] = {
  { "id", G_STRUCT_OFFSET (EmitraServiceData, entry.id) },
  { "name_en", G_STRUCT_OFFSET (EmitraServiceData, entry.name_en) },
  { "name_hi", G_STRUCT_OFFSET (EmitraServiceData, entry.name_hi) },
  { "description_en", G_STRUCT_OFFSET (EmitraServiceData, description_en) },
  { "description_hi", G_STRUCT_OFFSET (EmitraServiceData, description_hi) },
  { "department", G_STRUCT_OFFSET (EmitraServiceData, department_id) },
  { "category", G_STRUCT_OFFSET (EmitraServiceData, category_id) },
  { "charge_rule", G_STRUCT_OFFSET (EmitraServiceData, charge_rule) },
};

#define N_TEXTS G_N_ELEMENTS (text_members)

static char *
service_where (EmitraServiceData *data,
               guint              index)
{
  const char *id = data->entry.id;

  return id != NULL && is_id (id, TRUE) ? g_strdup_printf ("services/%s", id)
                                        : g_strdup_printf ("services/%u", index);
}

/* What a service says about itself, at the end of its object: present,
 * complete and of the right types. */
static gboolean
check_service (EmitraServiceData  *data,
               guint               index,
               EmitraValueState   *texts,
               EmitraValueState    fee,
               EmitraValueState    delivery,
               gint64              delivery_days,
               gboolean            wrong_bill,
               gboolean            wrong_keywords,
               gboolean            have_documents,
               gboolean            have_form,
               GError            **error)
{
  g_autofree char *where = service_where (data, index);

  if (texts[0] != EMITRA_VALUE_OK)
    return _emitra_catalog_set_state_error (error, texts[0], "id", where);
  if (!is_id (data->entry.id, TRUE))
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "id", where);
  for (guint i = 1; i < N_TEXTS; i++)
    if (texts[i] != EMITRA_VALUE_OK)
      return _emitra_catalog_set_state_error (error, texts[i], text_members[i].member, where);

  if (fee != EMITRA_VALUE_OK || data->department_fee < 0 || data->department_fee > EMITRA_MONEY_MAX_PAISE)
    return _emitra_catalog_set_state_error (error, fee == EMITRA_VALUE_OK ? EMITRA_VALUE_WRONG : fee,
                                            "department_fee", where);
  if (!emitra_charge_rule_from_string (data->charge_rule, NULL, NULL))
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "charge_rule", where);
  if (wrong_bill)
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "bill", where);
  if (wrong_keywords)
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "keywords", where);
  if (!have_documents)
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_ABSENT, "documents", where);

  /* Absent is an incomplete entry; null says "no guaranteed time". */
  if (delivery == EMITRA_VALUE_NULL)
    data->delivery_days = -1;
  else if (delivery == EMITRA_VALUE_OK && delivery_days >= 0 && delivery_days <= 3650)
    data->delivery_days = (int) delivery_days;
  else
    return _emitra_catalog_set_state_error (error, delivery == EMITRA_VALUE_OK ? EMITRA_VALUE_WRONG : delivery,
                                            "delivery_days", where);

  if (!have_form)
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_ABSENT, "form", where);

  return TRUE;
}

/* The service object at the cursor, checked in everything it says about
 * itself and its form; the catalog then checks that its department and
 * category exist and that its ID is not taken. */
EmitraService *
_emitra_catalog_read_service (EmitraJsonCursor       *c,
                              guint                   index,
                              GBytes                 *document,
                              const EmitraFormRules  *rules,
                              GError                **error)
{
  EmitraServiceData data = { 0 };
  EmitraValueState texts[N_TEXTS] = { 0 };
  EmitraValueState fee = EMITRA_VALUE_ABSENT, delivery = EMITRA_VALUE_ABSENT;
  gint64 delivery_days = -1;
  gboolean wrong_bill = FALSE, wrong_keywords = FALSE, have_form = FALSE, ok = TRUE, done;
  g_autofree char *where = NULL;
  const char *name;
  gsize length;

  if (emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_OBJECT)
    {
      _emitra_catalog_set_invalid (error, "services", _("the top level"));
      return NULL;
    }

  if (!emitra_json_cursor_enter_object (c))
    return NULL;
  while (ok)
    {
      gboolean known = FALSE;

      if (!(ok = emitra_json_cursor_next_member (c, &name, &length, &done)) || done)
        break;

      for (guint i = 0; i < N_TEXTS && !known; i++)
        if (name_is (name, length, text_members[i].member))
          {
            char **field = G_STRUCT_MEMBER_P (&data, text_members[i].offset);

            known = TRUE;
            g_clear_pointer (field, g_free);
            ok = _emitra_catalog_read_text (c, field, &texts[i]);
          }
      if (known)
        continue;

      if (name_is (name, length, "department_fee"))
        ok = read_integer (c, &data.department_fee, &fee);
      else if (name_is (name, length, "delivery_days"))
        ok = read_integer (c, &delivery_days, &delivery);
      else if (name_is (name, length, "bill"))
        ok = read_optional_bool (c, &data.bill, &wrong_bill);
      else if (name_is (name, length, "keywords"))
        ok = read_keywords (c, &data, &wrong_keywords);
      else if (name_is (name, length, "documents") && emitra_json_cursor_peek (c) == EMITRA_JSON_KIND_ARRAY)
        {
          if (where == NULL)
            where = service_where (&data, index);
          g_clear_object (&data.documents);
          ok = read_documents (c, where, &data, error);
        }
      else if (name_is (name, length, "documents") && emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_NULL)
        {
          if (where == NULL)
            where = service_where (&data, index);
          ok = _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "documents", where);
        }
      else if (name_is (name, length, "form") && emitra_json_cursor_peek (c) != EMITRA_JSON_KIND_NULL)
        {
          const char *start = c->p;

          if (where == NULL)
            where = service_where (&data, index);

          ok = _emitra_catalog_check_form (c, where, rules, error);
          /* The cursor may be on a part of the document: the range is
           * kept relative to the whole. */
          data.form_offset = (gsize) (start - (const char *) g_bytes_get_data (document, NULL));
          data.form_length = (gsize) (c->p - start);
          have_form = ok;
        }
      else
        ok = emitra_json_cursor_skip (c, NULL, NULL);
    }

  if (ok)
    ok = check_service (&data, index, texts, fee, delivery, delivery_days, wrong_bill, wrong_keywords,
                        data.documents != NULL, have_form, error);
  if (!ok)
    {
      _emitra_service_data_clear (&data);
      return NULL;
    }

  data.document = g_bytes_ref (document);
  return _emitra_service_new (&data, index);
}

/* The document's top-level members, found by skipping over them (which
 * also checks the whole document's syntax) and read in the order their
 * references need: master data and field groups before the services.
 * (Syntax errors are all found here, so the members read later meet none.) */
static const char * const member_names[EMITRA_CATALOG_N_MEMBERS] = {
  "version", "departments", "categories", "field_groups", "services", "masters",
};

static void
set_corrupt (GError **error,
             GError  *json_error)
{
  g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_CORRUPT,
               _("The service catalog could not be read: %s"), json_error->message);
}

gboolean
_emitra_catalog_index_members (const char            *data,
                               gsize                  length,
                               EmitraCatalogMembers  *members,
                               GError               **error)
{
  g_autoptr(GError) json_error = NULL;
  EmitraJsonCursor cursor;
  const char *name;
  gsize name_length;
  gboolean done;

  members->data = data;
  if (!emitra_json_reader_check_text (data, length, &json_error))
    {
      set_corrupt (error, json_error);
      return FALSE;
    }

  emitra_json_cursor_init (&cursor, data, length, members->scratch, &json_error);
  if (emitra_json_cursor_peek (&cursor) != EMITRA_JSON_KIND_OBJECT)
    {
      g_set_error (error, EMITRA_CATALOG_ERROR, EMITRA_CATALOG_ERROR_CORRUPT,
                   _("The service catalog could not be read: %s"), _("a JSON object was expected"));
      return FALSE;
    }

  if (!emitra_json_cursor_enter_object (&cursor))
    goto corrupt;
  for (;;)
    {
      int which = -1;

      if (!emitra_json_cursor_next_member (&cursor, &name, &name_length, &done))
        goto corrupt;
      if (done)
        break;
      for (int i = 0; i < EMITRA_CATALOG_N_MEMBERS; i++)
        if (strlen (member_names[i]) == name_length && memcmp (name, member_names[i], name_length) == 0)
          which = i;
      if (which < 0)
        {
          if (!emitra_json_cursor_skip (&cursor, NULL, NULL))
            goto corrupt;
          continue;
        }
      if (!emitra_json_cursor_skip (&cursor, &members->offset[which], &members->length[which]))
        goto corrupt;
      members->present[which] = TRUE;
    }
  if (!emitra_json_cursor_finish (&cursor))
    goto corrupt;

  return TRUE;

corrupt:
  set_corrupt (error, json_error);
  return FALSE;
}

/* A cursor on one top-level member's value (checked already: reading it
 * cannot meet a syntax error). */
void
_emitra_catalog_member_cursor (EmitraCatalogMembers *members,
                               int                   which,
                               EmitraJsonCursor     *cursor)
{
  emitra_json_cursor_init (cursor, members->data + members->offset[which], members->length[which],
                           members->scratch, NULL);
}

JsonNode *
_emitra_catalog_member_node (EmitraCatalogMembers *members,
                             int                   which)
{
  EmitraJsonCursor cursor;

  if (!members->present[which])
    return NULL;
  _emitra_catalog_member_cursor (members, which, &cursor);
  return emitra_json_cursor_read_node (&cursor);
}

/* The services, each checked as it is read and against the catalog's
 * departments and categories, into @services and @services_by_id. */
gboolean
_emitra_catalog_read_services (EmitraCatalogMembers   *members,
                               GBytes                 *document,
                               const EmitraFormRules  *rules,
                               GHashTable             *departments_by_id,
                               GHashTable             *categories_by_id,
                               GHashTable             *services_by_id,
                               GListStore             *services,
                               GError                **error)
{
  EmitraJsonCursor cursor;
  gboolean done;
  guint n = 0;

  _emitra_catalog_member_cursor (members, EMITRA_CATALOG_MEMBER_SERVICES, &cursor);
  switch (emitra_json_cursor_peek (&cursor))
    {
    case EMITRA_JSON_KIND_ARRAY:
      break;
    case EMITRA_JSON_KIND_NULL:
      return _emitra_catalog_set_state_error (error, EMITRA_VALUE_NULL, "services", _("the top level"));
    default:
      return _emitra_catalog_set_state_error (error, EMITRA_VALUE_WRONG, "services", _("the top level"));
    }

  emitra_json_cursor_enter_array (&cursor);
  for (;; n++)
    {
      g_autoptr(EmitraService) service = NULL;
      const char *id;

      emitra_json_cursor_next_element (&cursor, &done);
      if (done)
        break;

      if ((service = _emitra_catalog_read_service (&cursor, n, document, rules, error)) == NULL)
        return FALSE;

      id = emitra_service_get_id (service);
      if (g_hash_table_contains (services_by_id, id))
        {
          _emitra_catalog_set_duplicate (error, id, "services");
          return FALSE;
        }
      if (!g_hash_table_contains (departments_by_id, emitra_service_get_department_id (service)) ||
          !g_hash_table_contains (categories_by_id, emitra_service_get_category_id (service)))
        {
          g_autofree char *where = g_strdup_printf ("services/%s", id);
          gboolean department = !g_hash_table_contains (departments_by_id,
                                                        emitra_service_get_department_id (service));

          _emitra_catalog_set_unknown_reference (error, department ? "department" : "category", where,
                                                 department ? emitra_service_get_department_id (service)
                                                            : emitra_service_get_category_id (service));
          return FALSE;
        }

      g_hash_table_insert (services_by_id, (gpointer) id, service);
      g_list_store_append (services, service);
    }

  if (n == 0)
    return _emitra_catalog_set_state_error (error, EMITRA_VALUE_BLANK, "services", _("the top level"));

  return TRUE;
}
