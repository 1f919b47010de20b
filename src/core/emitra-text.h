/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  EMITRA_DIGITS_LATIN,
  EMITRA_DIGITS_DEVANAGARI,
} EmitraDigits;

char     *emitra_text_to_latin_digits      (const char   *text);
char     *emitra_text_to_digits            (const char   *text,
                                            EmitraDigits  digits);
char     *emitra_text_group_indian         (const char   *digits);
char     *emitra_text_truncate_chars       (const char   *text,
                                            gsize         max_chars);
gboolean  emitra_text_is_devanagari        (gunichar      c);
gboolean  emitra_text_prefers_hindi        (void);

G_END_DECLS
