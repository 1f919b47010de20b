/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Devanagari word has up to two keys: spelled out with every inherent
 * "a", and as Hindi speakers say it, with the medial schwas dropped
 * (सरकार: "sarakar" and "sarkar"). */
#define EMITRA_TRANSLITERATE_MAX_KEYS 2

typedef void (*EmitraWordFunc) (const char *word,
                                gsize       length,
                                gpointer    user_data);

void      emitra_transliterate_foreach_word (const char     *text,
                                             EmitraWordFunc  func,
                                             gpointer        user_data);
guint     emitra_transliterate_word_keys    (const char     *word,
                                             gssize          length,
                                             char           *keys[EMITRA_TRANSLITERATE_MAX_KEYS]);
char     *emitra_transliterate_key          (const char     *text);
char     *emitra_transliterate_to_latin     (const char     *text);
gboolean  emitra_transliterate_is_stopword  (const char     *word,
                                             gssize          length);

G_END_DECLS
