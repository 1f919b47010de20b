/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Answering a query from the index built in emitra-search.c: each query
 * word's matching services (exact, prefix, or one typo away), kept for the
 * next keystroke; then the services that match all words (or most), in
 * rank order. See emitra-search.c for the ranking.
 */
#include "config.h"

#include "emitra-search.h"
#include "emitra-search-private.h"

#include <stdlib.h>
#include <string.h>

#include "emitra-transliterate.h"

static const EmitraSearchMatch public_match[] = {
  EMITRA_SEARCH_MATCH_NONE, EMITRA_SEARCH_MATCH_FUZZY, EMITRA_SEARCH_MATCH_FUZZY,
  EMITRA_SEARCH_MATCH_PREFIX, EMITRA_SEARCH_MATCH_EXACT,
};

static gboolean
is_prefix (const char *prefix,
           const char *text)
{
  while (*prefix != '\0' && *prefix == *text)
    prefix++, text++;

  return *prefix == '\0';
}

static inline gboolean
rest_matches (const char *query,
              const char *key,
              gboolean    whole)
{
  return whole ? strcmp (query, key) == 0 : is_prefix (query, key);
}

/* Whether @key is one edit away from @query (a letter wrong, extra or
 * missing, or two letters swapped), with @whole, or starts with something
 * that is, without. The exact prefix has been matched already. */
static gboolean
is_one_edit (const char *query,
             const char *key,
             gboolean    whole)
{
  guint i = 0;

  while (query[i] != '\0' && query[i] == key[i])
    i++;
  if (query[i] == '\0')
    return FALSE;
  if (key[i] == '\0')
    return query[i + 1] == '\0';

  return rest_matches (query + i + 1, key + i + 1, whole) ||   /* wrong letter */
         rest_matches (query + i + 1, key + i, whole) ||       /* extra letter */
         rest_matches (query + i, key + i + 1, whole) ||       /* missing letter */
         (query[i + 1] != '\0' && query[i] == key[i + 1] && query[i + 1] == key[i] &&
          rest_matches (query + i + 2, key + i + 2, whole));   /* swapped letters */
}

/* The first key not less than @key. */
static guint
lower_bound (EmitraSearch *self,
             const char   *key)
{
  guint lo = 0, hi = self->n_keys;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (self->keys[mid], key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static inline void
mark (EmitraSearch *self,
      GArray       *touched,
      guint         from,
      guint         to,
      guint8        match_class)
{
  for (guint p = from; p < to; p++)
    {
      guint service = self->postings[p] >> 2;
      guint8 field = self->postings[p] & 3;

      if (self->word_stamp[service] != self->generation)
        {
          self->word_stamp[service] = self->generation;
          self->word_class[service] = match_class;
          self->word_field[service] = field;
          g_array_append_val (touched, service);
        }
      else if (match_class > self->word_class[service] ||
               (match_class == self->word_class[service] && field < self->word_field[service]))
        {
          self->word_class[service] = match_class;
          self->word_field[service] = field;
        }
    }
}

/* The services one query word matches, each with its best match: a
 * packed array of service << 5 | class << 2 | field. */
static GArray *
match_word (EmitraSearch *self,
            char        **keys,
            guint         n_keys)
{
  GArray *touched = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *hits;

  self->generation++;
  for (guint k = 0; k < n_keys; k++)
    {
      const char *query = keys[k];
      gsize length = strlen (query);
      guint first = lower_bound (self, query);
      guint32 query_mask;

      for (guint j = first; j < self->n_keys && is_prefix (query, self->keys[j]); j++)
        mark (self, touched, self->post_start[j], self->post_start[j + 1],
              self->key_length[j] == length ? CLASS_EXACT : CLASS_PREFIX);

      if (length < 4)
        continue;

      /* One typo: a key can then lack at most one of the query's letters,
       * which a mask test rules out for most keys before any comparison. */
      query_mask = letters_mask (query);
      for (guint j = 0; j < self->n_keys; j++)
        if (self->key_length[j] + 1 >= length &&
            __builtin_popcount (query_mask & ~self->key_mask[j]) <= 1 &&
            is_one_edit (query, self->keys[j], FALSE))
          mark (self, touched, self->post_start[j], self->post_start[j + 1],
                self->key_length[j] <= length + 1 && is_one_edit (query, self->keys[j], TRUE)
                  ? CLASS_FUZZY_WORD : CLASS_FUZZY_PREFIX);
    }

  hits = g_array_sized_new (FALSE, FALSE, sizeof (guint32), touched->len);
  for (guint i = 0; i < touched->len; i++)
    {
      guint service = g_array_index (touched, guint, i);
      guint32 hit = (guint32) service << 5 | (guint32) self->word_class[service] << 2 | self->word_field[service];
      g_array_append_val (hits, hit);
    }
  g_array_unref (touched);

  return hits;
}

typedef struct
{
  char     *keys[EMITRA_TRANSLITERATE_MAX_KEYS];
  guint     n_keys;
  gboolean  stopword;
} QueryWord;

typedef struct
{
  QueryWord words[MAX_QUERY_WORDS];
  guint     n_words;
} Query;

static void
query_word_cb (const char *word,
               gsize       length,
               gpointer    user_data)
{
  Query *query = user_data;
  QueryWord *qw;

  if (query->n_words == MAX_QUERY_WORDS)
    return;

  qw = &query->words[query->n_words];
  qw->n_keys = emitra_transliterate_word_keys (word, (gssize) length, qw->keys);
  qw->stopword = emitra_transliterate_is_stopword (word, (gssize) length);
  if (qw->n_keys > 0)
    query->n_words++;
}

static GArray *
cached_match_word (EmitraSearch *self,
                   QueryWord    *word)
{
  g_autofree char *cache_key = word->n_keys > 1 ? g_strconcat (word->keys[0], "\1", word->keys[1], NULL)
                                                : g_strdup (word->keys[0]);
  GArray *hits = g_hash_table_lookup (self->word_cache, cache_key);

  if (hits != NULL)
    return hits;

  if (g_hash_table_size (self->word_cache) >= MAX_CACHED_WORDS)
    g_hash_table_remove_all (self->word_cache);

  hits = match_word (self, word->keys, word->n_keys);
  g_hash_table_insert (self->word_cache, g_steal_pointer (&cache_key), hits);
  return hits;
}

/* The static rank fills the low 29 bits of a sort key. */
#define RANK_MASK ((1u << 29) - 1)

static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x < y) - (x > y);  /* best first */
}

/* The services matching @text, best first, limited to @department_id's
 * services when it is set. @out_matches, if given, receives the
 * EmitraSearchMatch of each (a GArray of guint8). An empty query, or one
 * of nothing but punctuation, matches nothing: browsing is the caller's. */
GPtrArray *
emitra_search_query (EmitraSearch  *self,
                     const char    *text,
                     const char    *department_id,
                     GArray       **out_matches)
{
  Query query = { 0 };
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) sort_keys = NULL;
  GPtrArray *results;
  guint n_words = 0, best_count = 0, department = G_MAXUINT, generation;
  gboolean all_stopwords = TRUE;

  g_return_val_if_fail (EMITRA_IS_SEARCH (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (department_id != NULL)
    {
      GListModel *departments = emitra_catalog_get_departments (self->catalog);

      for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
        {
          g_autoptr(EmitraDepartment) d = g_list_model_get_item (departments, i);
          if (g_str_equal (emitra_department_get_id (d), department_id))
            department = i;
        }
    }

  emitra_transliterate_foreach_word (text, query_word_cb, &query);
  for (guint w = 0; w < query.n_words; w++)
    all_stopwords &= query.words[w].stopword;

  /* Combine the words: count how many each service matched, its weakest
   * match and where the words matched. */
  candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  generation = ++self->generation;
  for (guint w = 0; w < query.n_words; w++)
    {
      GArray *hits;

      /* "caste certificate of jaipur": "of" is no service's word. */
      if (query.words[w].stopword && !all_stopwords)
        continue;

      n_words++;
      hits = cached_match_word (self, &query.words[w]);
      for (guint i = 0; i < hits->len; i++)
        {
          guint32 hit = g_array_index (hits, guint32, i);
          guint service = hit >> 5;

          if (self->query_stamp[service] != generation)
            {
              self->query_stamp[service] = generation;
              self->query_count[service] = 0;
              self->query_worst[service] = CLASS_EXACT;
              self->query_fields[service] = 0;
              g_array_append_val (candidates, service);
            }
          self->query_count[service]++;
          self->query_worst[service] = MIN (self->query_worst[service], (hit >> 2) & 7);
          self->query_fields[service] += hit & 3;
        }
    }

  for (guint w = 0; w < query.n_words; w++)
    for (guint k = 0; k < query.words[w].n_keys; k++)
      g_free (query.words[w].keys[k]);

  for (guint i = 0; i < candidates->len; i++)
    {
      guint service = g_array_index (candidates, guint, i);
      if (department == G_MAXUINT || self->department[service] == department)
        best_count = MAX (best_count, self->query_count[service]);
    }

  /* Services that match every word; failing that, those that match the
   * most words ("caste certificate jaipur" still finds the certificate). */
  sort_keys = g_array_sized_new (FALSE, FALSE, sizeof (guint64), candidates->len);
  for (guint i = 0; best_count > 0 && i < candidates->len; i++)
    {
      guint service = g_array_index (candidates, guint, i);
      guint64 key;

      if (self->query_count[service] != best_count ||
          (department != G_MAXUINT && self->department[service] != department))
        continue;

      key = (guint64) self->query_worst[service] << 61 |
            (guint64) MIN (self->usage[service], 0xFFFFFFu) << 37 |
            (guint64) (255 - MIN (self->query_fields[service], 255u)) << 29 |
            (guint64) (RANK_MASK - MIN (self->rank[service], RANK_MASK));
      /* The rank is unique, so it also says which service this is. */
      g_array_append_val (sort_keys, key);
    }
  if (sort_keys->len > 1)
    qsort (sort_keys->data, sort_keys->len, sizeof (guint64), compare_sort_keys);

  results = g_ptr_array_new_full (sort_keys->len, g_object_unref);
  if (out_matches != NULL)
    *out_matches = g_array_sized_new (FALSE, FALSE, sizeof (guint8), sort_keys->len);
  for (guint i = 0; i < sort_keys->len; i++)
    {
      guint64 key = g_array_index (sort_keys, guint64, i);
      guint rank = RANK_MASK - (guint) (key & RANK_MASK);
      guint8 match = public_match[key >> 61];

      g_ptr_array_add (results, g_object_ref (self->services[self->rank_to_service[rank]]));
      if (out_matches != NULL)
        g_array_append_val (*out_matches, match);
    }

  return results;
}
