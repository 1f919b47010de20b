/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-catalog.h"

G_BEGIN_DECLS

/* How well a service matched the weakest word of a query. */
typedef enum {
  EMITRA_SEARCH_MATCH_NONE,
  EMITRA_SEARCH_MATCH_FUZZY,   /* one typo, in a word of 4 letters or more */
  EMITRA_SEARCH_MATCH_PREFIX,  /* the start of a word */
  EMITRA_SEARCH_MATCH_EXACT,   /* a whole word */
} EmitraSearchMatch;

#define EMITRA_TYPE_SEARCH (emitra_search_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSearch, emitra_search, EMITRA, SEARCH, GObject)

EmitraSearch  *emitra_search_new         (EmitraCatalog  *catalog);
EmitraCatalog *emitra_search_get_catalog (EmitraSearch   *self);
void           emitra_search_set_usage   (EmitraSearch   *self,
                                          GHashTable     *weights);
guint          emitra_search_get_usage   (EmitraSearch   *self,
                                          EmitraService  *service);
void           emitra_search_add_use     (EmitraSearch   *self,
                                          const char     *service_id);
GPtrArray     *emitra_search_query       (EmitraSearch   *self,
                                          const char     *text,
                                          const char     *department_id,
                                          GArray        **out_matches);

G_END_DECLS
