/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog's search index, built once per catalog and queried on every
 * keystroke, so it is plain arrays and no allocation worth the name.
 *
 * Every word of a service's names (both languages), keywords, category and
 * department becomes one or two loose keys (emitra-transliterate.c). The
 * distinct keys are sorted, so the keys a query word is the start of are
 * one binary search and a run; each key has a posting list of (service,
 * field). A query word matches a service exactly, as a prefix (it is being
 * typed), or, for words of 4 letters or more, with one typo (one letter
 * wrong, missing, extra, or two swapped, against the start of a key). All
 * the words of a query must match; when none does for all, the services
 * that match most of them are offered instead.
 *
 * Ranking: how many query words matched, then the weakest match (exact,
 * prefix, fuzzy), then how often this centre used the service lately,
 * then where the words matched (names before keywords, category and
 * department), then shorter names first, then the catalog's order.
 *
 * Typing changes only the last word of a query, so each word's matches
 * are kept for the next keystroke. An EmitraSearch belongs to one thread.
 */
#include "config.h"

#include "emitra-search.h"
#include "emitra-search-private.h"

#include <stdlib.h>
#include <string.h>

#include "emitra-transliterate.h"

G_DEFINE_FINAL_TYPE (EmitraSearch, emitra_search, G_TYPE_OBJECT)

typedef struct
{
  guint32 key;
  guint32 posting;
} Entry;

typedef struct
{
  EmitraSearch *self;
  GHashTable   *key_ids;     /* key -> id + 1 */
  GPtrArray    *key_list;    /* id -> key (owned) */
  GHashTable   *word_keys;   /* word -> GArray of key ids, so a repeated word is keyed once */
  GArray       *collected;   /* key ids of the text being indexed */
  GArray       *entries;
  guint         words;
} Builder;

static guint32
intern_key (Builder *b,
            char    *key)
{
  gpointer id = g_hash_table_lookup (b->key_ids, key);

  if (id != NULL)
    {
      g_free (key);
      return GPOINTER_TO_UINT (id) - 1;
    }

  g_ptr_array_add (b->key_list, key);
  g_hash_table_insert (b->key_ids, key, GUINT_TO_POINTER (b->key_list->len));
  return b->key_list->len - 1;
}

static void
collect_word_cb (const char *word,
                 gsize       length,
                 gpointer    user_data)
{
  Builder *b = user_data;
  char stack[128];
  char *lookup = length < sizeof stack ? stack : g_strndup (word, length);
  GArray *ids;

  if (emitra_transliterate_is_stopword (word, (gssize) length))
    goto out;

  if (lookup == stack)
    {
      memcpy (stack, word, length);
      stack[length] = '\0';
    }

  ids = g_hash_table_lookup (b->word_keys, lookup);
  if (ids == NULL)
    {
      char *keys[EMITRA_TRANSLITERATE_MAX_KEYS];
      guint n = emitra_transliterate_word_keys (word, (gssize) length, keys);

      ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
      for (guint i = 0; i < n; i++)
        {
          guint32 id = intern_key (b, keys[i]);
          g_array_append_val (ids, id);
        }
      g_hash_table_insert (b->word_keys, g_strndup (word, length), ids);
    }

  b->words++;
  g_array_append_vals (b->collected, ids->data, ids->len);

out:
  if (lookup != stack)
    g_free (lookup);
}

/* The key ids of @text's words, appended to b->collected; returns how
 * many words it had (stopwords aside). */
static guint
collect_text (Builder    *b,
              const char *text)
{
  b->words = 0;
  emitra_transliterate_foreach_word (text, collect_word_cb, b);
  return b->words;
}

static void
add_entries (Builder *b,
             guint    service,
             Field    field,
             guint32 *ids,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      Entry entry = { ids[i], (guint32) service << 2 | field };
      g_array_append_val (b->entries, entry);
    }
}

static void
add_text (Builder    *b,
          guint       service,
          Field       field,
          const char *text)
{
  g_array_set_size (b->collected, 0);
  collect_text (b, text);
  add_entries (b, service, field, (guint32 *) (void *) b->collected->data, b->collected->len);
}

/* The keys of a department's or category's names, made once for all its
 * services. */
static GArray *
group_keys (Builder    *b,
            GHashTable *cache,
            const char *id,
            const char *name_en,
            const char *name_hi)
{
  GArray *keys = g_hash_table_lookup (cache, id);

  if (keys != NULL)
    return keys;

  g_array_set_size (b->collected, 0);
  collect_text (b, name_en);
  collect_text (b, name_hi);
  keys = g_array_copy (b->collected);
  g_hash_table_insert (cache, (gpointer) id, keys);
  return keys;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static guint *name_words_for_sort;

static int
compare_by_name_length (gconstpointer a,
                        gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (name_words_for_sort[x] != name_words_for_sort[y])
    return name_words_for_sort[x] < name_words_for_sort[y] ? -1 : 1;
  return (x > y) - (x < y);
}

/* Lays the entries out key by key (a counting sort: they were collected
 * service by service, so each key's postings come out in service order),
 * keeping each service once per key with its best field. */
static void
lay_out_postings (EmitraSearch *self,
                  GArray       *entries,
                  const guint  *old_to_new)
{
  g_autofree guint *counts = g_new0 (guint, self->n_keys + 1);
  g_autofree guint32 *placed = g_new (guint32, MAX (entries->len, 1));
  g_autofree guint *next = NULL;
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    counts[old_to_new[g_array_index (entries, Entry, i).key] + 1]++;
  for (guint k = 1; k <= self->n_keys; k++)
    counts[k] += counts[k - 1];
  next = g_memdup2 (counts, sizeof (guint) * (self->n_keys + 1));
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      placed[next[old_to_new[entry->key]]++] = entry->posting;
    }

  self->post_start = g_new0 (guint, self->n_keys + 1);
  self->postings = g_new (guint32, MAX (entries->len, 1));
  for (guint k = 0; k < self->n_keys; k++)
    {
      for (guint i = counts[k]; i < counts[k + 1]; i++)
        {
          guint32 posting = placed[i];

          if (n > self->post_start[k] && self->postings[n - 1] >> 2 == posting >> 2)
            {
              if ((posting & 3) < (self->postings[n - 1] & 3))
                self->postings[n - 1] = posting;
              continue;
            }
          self->postings[n++] = posting;
        }
      self->post_start[k + 1] = n;
    }
}

static void
build_index (EmitraSearch *self)
{
  GListModel *departments = emitra_catalog_get_departments (self->catalog);
  g_autoptr(GHashTable) department_position = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) department_keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) category_keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  g_autofree guint *name_words = g_new0 (guint, self->n_services);
  g_autofree guint *order = g_new (guint, self->n_services);
  g_autofree guint *old_to_new = NULL;
  Builder b = { self };

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(EmitraDepartment) department = g_list_model_get_item (departments, i);
      g_hash_table_insert (department_position, (gpointer) emitra_department_get_id (department),
                           GUINT_TO_POINTER (i));
    }

  b.key_ids = g_hash_table_new (g_str_hash, g_str_equal);
  b.key_list = g_ptr_array_new ();
  b.word_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  b.collected = g_array_new (FALSE, FALSE, sizeof (guint32));
  b.entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), self->n_services * 32);

  for (guint i = 0; i < self->n_services; i++)
    {
      EmitraService *service = self->services[i];
      EmitraDepartment *department =
        emitra_catalog_lookup_department (self->catalog, emitra_service_get_department_id (service));
      EmitraCategory *category =
        emitra_catalog_lookup_category (self->catalog, emitra_service_get_category_id (service));
      const char * const *keywords = emitra_service_get_keywords (service);
      GArray *keys;
      guint en_words, hi_words;

      g_array_set_size (b.collected, 0);
      en_words = collect_text (&b, emitra_service_get_name_en (service));
      hi_words = collect_text (&b, emitra_service_get_name_hi (service));
      name_words[i] = MIN (en_words, hi_words);
      add_entries (&b, i, FIELD_NAME, (guint32 *) (void *) b.collected->data, b.collected->len);
      for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
        add_text (&b, i, FIELD_KEYWORD, keywords[k]);

      keys = group_keys (&b, category_keys, emitra_category_get_id (category),
                         emitra_category_get_name_en (category), emitra_category_get_name_hi (category));
      add_entries (&b, i, FIELD_CATEGORY, (guint32 *) (void *) keys->data, keys->len);
      keys = group_keys (&b, department_keys, emitra_department_get_id (department),
                         emitra_department_get_name_en (department), emitra_department_get_name_hi (department));
      add_entries (&b, i, FIELD_DEPARTMENT, (guint32 *) (void *) keys->data, keys->len);

      self->department[i] = GPOINTER_TO_UINT (g_hash_table_lookup (department_position,
                                                                   emitra_department_get_id (department)));
      order[i] = i;
    }

  /* Shorter names first among equals: "Caste Certificate" before "Caste
   * Certificate Correction". */
  name_words_for_sort = name_words;
  qsort (order, self->n_services, sizeof (guint), compare_by_name_length);
  name_words_for_sort = NULL;
  for (guint i = 0; i < self->n_services; i++)
    {
      self->rank[order[i]] = i;
      self->rank_to_service[i] = order[i];
    }

  /* Sort the keys and renumber the entries to match. */
  self->n_keys = b.key_list->len;
  self->keys = g_new (char *, self->n_keys + 1);
  memcpy (self->keys, b.key_list->pdata, self->n_keys * sizeof (char *));
  self->keys[self->n_keys] = NULL;
  qsort (self->keys, self->n_keys, sizeof (char *), compare_keys);

  old_to_new = g_new (guint, MAX (self->n_keys, 1));
  self->key_length = g_new (guint, MAX (self->n_keys, 1));
  self->key_mask = g_new (guint32, MAX (self->n_keys, 1));
  for (guint i = 0; i < self->n_keys; i++)
    {
      old_to_new[GPOINTER_TO_UINT (g_hash_table_lookup (b.key_ids, self->keys[i])) - 1] = i;
      self->key_length[i] = (guint) strlen (self->keys[i]);
      self->key_mask[i] = letters_mask (self->keys[i]);
    }
  lay_out_postings (self, b.entries, old_to_new);

  g_hash_table_unref (b.key_ids);
  g_ptr_array_unref (b.key_list);  /* the keys now belong to self->keys */
  g_hash_table_unref (b.word_keys);
  g_array_unref (b.collected);
  g_array_unref (b.entries);
}

EmitraSearch *
emitra_search_new (EmitraCatalog *catalog)
{
  EmitraSearch *self;
  GListModel *services;

  g_return_val_if_fail (EMITRA_IS_CATALOG (catalog), NULL);

  self = g_object_new (EMITRA_TYPE_SEARCH, NULL);
  self->catalog = g_object_ref (catalog);
  services = emitra_catalog_get_services (catalog);
  self->n_services = g_list_model_get_n_items (services);
  self->services = g_new (EmitraService *, MAX (self->n_services, 1));
  for (guint i = 0; i < self->n_services; i++)
    {
      g_autoptr(EmitraService) service = g_list_model_get_item (services, i);
      self->services[i] = service;  /* the catalog keeps it alive */
    }

  self->department = g_new0 (guint, MAX (self->n_services, 1));
  self->rank = g_new0 (guint, MAX (self->n_services, 1));
  self->rank_to_service = g_new0 (guint, MAX (self->n_services, 1));
  self->usage = g_new0 (guint, MAX (self->n_services, 1));
  self->word_stamp = g_new0 (guint, MAX (self->n_services, 1));
  self->word_class = g_new0 (guint8, MAX (self->n_services, 1));
  self->word_field = g_new0 (guint8, MAX (self->n_services, 1));
  self->query_stamp = g_new0 (guint, MAX (self->n_services, 1));
  self->query_count = g_new0 (guint8, MAX (self->n_services, 1));
  self->query_worst = g_new0 (guint8, MAX (self->n_services, 1));
  self->query_fields = g_new0 (guint16, MAX (self->n_services, 1));

  build_index (self);

  return self;
}

EmitraCatalog *
emitra_search_get_catalog (EmitraSearch *self)
{
  g_return_val_if_fail (EMITRA_IS_SEARCH (self), NULL);

  return self->catalog;
}

/* @weights maps a service ID to how much this centre used it lately
 * (GUINT_TO_POINTER); services it does not name count 0. */
void
emitra_search_set_usage (EmitraSearch *self,
                         GHashTable   *weights)
{
  g_return_if_fail (EMITRA_IS_SEARCH (self));

  for (guint i = 0; i < self->n_services; i++)
    self->usage[i] = weights != NULL
      ? GPOINTER_TO_UINT (g_hash_table_lookup (weights, emitra_service_get_id (self->services[i])))
      : 0;
}

guint
emitra_search_get_usage (EmitraSearch  *self,
                         EmitraService *service)
{
  guint index;

  g_return_val_if_fail (EMITRA_IS_SEARCH (self), 0);
  g_return_val_if_fail (EMITRA_IS_SERVICE (service), 0);

  index = emitra_service_get_index (service);
  return index < self->n_services && self->services[index] == service ? self->usage[index] : 0;
}

void
emitra_search_add_use (EmitraSearch *self,
                       const char   *service_id)
{
  EmitraService *service;

  g_return_if_fail (EMITRA_IS_SEARCH (self));

  service = emitra_catalog_lookup_service (self->catalog, service_id);
  if (service != NULL && self->usage[emitra_service_get_index (service)] < G_MAXUINT)
    self->usage[emitra_service_get_index (service)]++;
}

static void
emitra_search_finalize (GObject *object)
{
  EmitraSearch *self = EMITRA_SEARCH (object);

  g_strfreev (self->keys);
  g_free (self->key_length);
  g_free (self->key_mask);
  g_free (self->post_start);
  g_free (self->postings);
  g_free (self->services);
  g_free (self->department);
  g_free (self->rank);
  g_free (self->rank_to_service);
  g_free (self->usage);
  g_free (self->word_stamp);
  g_free (self->word_class);
  g_free (self->word_field);
  g_free (self->query_stamp);
  g_free (self->query_count);
  g_free (self->query_worst);
  g_free (self->query_fields);
  g_clear_pointer (&self->word_cache, g_hash_table_unref);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (emitra_search_parent_class)->finalize (object);
}

static void
emitra_search_class_init (EmitraSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = emitra_search_finalize;
}

static void
emitra_search_init (EmitraSearch *self)
{
  self->word_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_array_unref);
}
