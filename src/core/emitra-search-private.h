/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by emitra-search.c (the index) and emitra-search-query.c only.
 */
#pragma once

#include "emitra-search.h"

G_BEGIN_DECLS

typedef enum {
  FIELD_NAME,
  FIELD_KEYWORD,
  FIELD_CATEGORY,
  FIELD_DEPARTMENT,
} Field;

/* Finer than EmitraSearchMatch: a typo in a whole word ranks above a typo
 * in the start of one ("castr" is more likely "caste" than "chhatravas"). */
typedef enum {
  CLASS_NONE,
  CLASS_FUZZY_PREFIX,
  CLASS_FUZZY_WORD,
  CLASS_PREFIX,
  CLASS_EXACT,
} MatchClass;

#define MAX_QUERY_WORDS 15
#define MAX_CACHED_WORDS 256

struct _EmitraSearch
{
  GObject         parent_instance;

  EmitraCatalog  *catalog;
  EmitraService **services;     /* borrowed from the catalog */
  guint           n_services;
  guint          *department;   /* service -> department position */
  guint          *rank;         /* service -> static tie-break, 0 first */
  guint          *rank_to_service;
  guint          *usage;        /* service -> usage weight */

  char          **keys;         /* sorted, distinct */
  guint          *key_length;
  guint32        *key_mask;     /* the letters a key contains */
  guint           n_keys;
  guint          *post_start;   /* n_keys + 1 offsets into postings */
  guint32        *postings;     /* service << 2 | field */

  /* Per-query scratch, reset by generation stamps rather than cleared. */
  guint           generation;
  guint          *word_stamp;
  guint8         *word_class;
  guint8         *word_field;
  guint          *query_stamp;
  guint8         *query_count;
  guint8         *query_worst;
  guint16        *query_fields;
  GHashTable     *word_cache;   /* cache key -> GArray of guint32 service << 5 | class << 2 | field */
};

/* The letters a key contains, for a quick "cannot be one edit away". */
static inline guint32
letters_mask (const char *key)
{
  guint32 mask = 0;

  for (const char *p = key; *p; p++)
    {
      if (*p >= 'a' && *p <= 'z')
        mask |= 1u << (*p - 'a');
      else if (*p >= '0' && *p <= '9')
        mask |= 1u << (26 + (*p - '0') % 6);
    }

  return mask;
}

G_END_DECLS
