/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search keys that let Hindi and its Latin spellings meet. Operators type
 * "jati", "jaati" or "जाति" for the same word, "niwas" or "nivas" for
 * निवास, "bijli" for बिजली. Every word, in either script, becomes one loose
 * Latin key:
 *
 *   1. Devanagari is spelled out phonetically (क्ष -> ksh, ड़ -> r, an
 *      anusvara -> n, or m before p/b/m, a chandrabindu dropped), once with
 *      every inherent "a" and once with the medial schwas Hindi speakers
 *      drop (V C a C V -> V C C V: बिजली "bijali" and "bijli").
 *      Latin loses its accents (ā -> a, ṣ -> s).
 *   2. Both are loosened alike: long vowels shortened (aa -> a, ee/ii -> i,
 *      oo/uu -> u, au -> o), aspiration dropped (bh -> b, chh/ch -> c,
 *      sh -> s), ph -> f, w -> v, z -> j, q -> k, x -> ks, jn -> gy, doubled letters
 *      single, and a final "a" dropped (patra and पत्र, seva and सेवा).
 *
 * The same function makes the keys of the catalog and of the query, so
 * whatever it loses it loses on both sides.
 */
#include "config.h"

#include "emitra-transliterate.h"

#include <string.h>

#include "emitra-text.h"

#define NUKTA        0x093C
#define VIRAMA       0x094D
#define ANUSVARA     0x0902
#define CHANDRABINDU 0x0901
#define VISARGA      0x0903

/* क (U+0915) to ह (U+0939). */
static const char * const consonants[] = {
  "k", "kh", "g", "gh", "n", "ch", "chh", "j", "jh", "n",
  "t", "th", "d", "dh", "n", "t", "th", "d", "dh", "n",
  "n", "p", "ph", "b", "bh", "m", "y", "r", "r", "l",
  "l", "l", "v", "sh", "sh", "s", "h",
};

/* क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ (U+0958 to U+095F). */
static const char * const nukta_consonants[] = { "k", "kh", "g", "z", "r", "rh", "f", "y" };

/* Independent vowels ऄ (U+0904) to औ (U+0914). */
static const char * const vowels[] = {
  "a", "a", "aa", "i", "ii", "u", "uu", "ri", "li", "e", "e", "e", "ai", "o", "o", "o", "au",
};

/* Vowel signs ा (U+093E) to ौ (U+094C). */
static const char * const vowel_signs[] = {
  "aa", "i", "ii", "u", "uu", "ri", "ri", "e", "e", "e", "ai", "o", "o", "o", "au",
};

typedef enum {
  PH_CONSONANT,
  PH_VOWEL,
  PH_SCHWA,
  PH_NASAL,
} PhonemeKind;

typedef struct
{
  const char  *text;
  PhonemeKind  kind;
  gboolean     dropped;
} Phoneme;

#define MAX_PHONEMES 96

static const char *
consonant_of (gunichar c)
{
  if (c >= 0x0915 && c <= 0x0939)
    return consonants[c - 0x0915];
  if (c >= 0x0958 && c <= 0x095F)
    return nukta_consonants[c - 0x0958];
  return NULL;
}

static const char *
with_nukta (gunichar base)
{
  switch (base)
    {
    case 0x0915: return "k";
    case 0x0916: return "kh";
    case 0x0917: return "g";
    case 0x091C: return "z";
    case 0x0921: return "r";
    case 0x0922: return "rh";
    case 0x092B: return "f";
    case 0x092F: return "y";
    default:     return consonant_of (base);
    }
}

static const char *
vowel_sign_of (gunichar c)
{
  if (c >= 0x093E && c <= 0x094C)
    return vowel_signs[c - 0x093E];
  if (c == 0x0962 || c == 0x0963)
    return "li";
  return NULL;
}

static const char *
vowel_of (gunichar c)
{
  if (c >= 0x0904 && c <= 0x0914)
    return vowels[c - 0x0904];
  if (c == 0x0960)
    return "ri";
  if (c == 0x0961)
    return "li";
  if (c == 0x0972)
    return "a";
  return NULL;
}

/* Splits a Devanagari word into phonemes, each consonant followed by its
 * vowel: a sign, nothing after a virama, or the inherent schwa. */
static guint
devanagari_phonemes (const char *word,
                     gsize       length,
                     Phoneme    *out)
{
  static const char *digits[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };
  const char *end = word + length;
  gboolean pending = FALSE;  /* a consonant still waiting for its vowel */
  gunichar last_consonant = 0;
  guint n = 0;

#define EMIT(t, k) G_STMT_START { if (n < MAX_PHONEMES) out[n++] = (Phoneme) { (t), (k), FALSE }; } G_STMT_END
#define SETTLE() G_STMT_START { if (pending) EMIT ("a", PH_SCHWA); pending = FALSE; } G_STMT_END

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *latin;

      if ((latin = consonant_of (c)) != NULL)
        {
          SETTLE ();
          EMIT (latin, PH_CONSONANT);
          pending = TRUE;
          last_consonant = c;
        }
      else if (c == NUKTA)
        {
          if (pending && n > 0 && (latin = with_nukta (last_consonant)) != NULL)
            out[n - 1].text = latin;
        }
      else if ((latin = vowel_sign_of (c)) != NULL)
        {
          if (pending)
            EMIT (latin, PH_VOWEL);
          pending = FALSE;
        }
      else if (c == VIRAMA)
        pending = FALSE;
      else if ((latin = vowel_of (c)) != NULL)
        {
          SETTLE ();
          EMIT (latin, PH_VOWEL);
        }
      else if (c == ANUSVARA)
        {
          SETTLE ();
          EMIT ("n", PH_NASAL);
        }
      else if (c == CHANDRABINDU || c == VISARGA)
        SETTLE ();
      else if (c >= 0x0966 && c <= 0x096F)
        {
          SETTLE ();
          EMIT (digits[c - 0x0966], PH_VOWEL);
        }
      else if (c == 0x0950)
        {
          SETTLE ();
          EMIT ("om", PH_VOWEL);
        }
      /* ZWJ, ZWNJ, avagraha and the rest carry no sound of their own. */
    }
  SETTLE ();

#undef EMIT
#undef SETTLE

  /* An anusvara before a consonant is that consonant's nasal (m before a
   * labial: अंबेडकर ambedkar); before a vowel or at the end it only
   * nasalises the vowel (में me, हैं hai), which Latin spellings omit. */
  for (guint i = 0; i < n; i++)
    if (out[i].kind == PH_NASAL)
      {
        if (i + 1 < n && out[i + 1].kind == PH_CONSONANT)
          out[i].text = strchr ("pbmf", out[i + 1].text[0]) != NULL ? "m" : "n";
        else
          out[i].dropped = TRUE;
        out[i].kind = PH_CONSONANT;
      }

  return n;
}

static gboolean
is_vowel (const Phoneme *ph)
{
  return !ph->dropped && (ph->kind == PH_VOWEL || ph->kind == PH_SCHWA);
}

/* Hindi drops a word's final schwa, then, scanning from the end, the
 * schwa between two syllables, V C _ C V (Ohala's rule): कमल kamal (the
 * final one only), कमला kamala -> kamla, सरकार sarakara -> sarkar. */
static gboolean
delete_schwas (Phoneme *ph,
               guint    n)
{
  gboolean changed = FALSE;

  if (n < 3)
    return FALSE;

  if (ph[n - 1].kind == PH_SCHWA)
    ph[n - 1].dropped = TRUE;

  for (guint i = n - 1; i >= 2; i--)
    {
      if (ph[i].kind == PH_SCHWA && !ph[i].dropped && i + 2 < n &&
          ph[i - 1].kind == PH_CONSONANT && !ph[i - 1].dropped && is_vowel (&ph[i - 2]) &&
          ph[i + 1].kind == PH_CONSONANT && !ph[i + 1].dropped && is_vowel (&ph[i + 2]))
        {
          ph[i].dropped = TRUE;
          changed = TRUE;
        }
    }

  return changed;
}

static void
append_phonemes (GString       *out,
                 const Phoneme *ph,
                 guint          n)
{
  for (guint i = 0; i < n; i++)
    if (!ph[i].dropped)
      g_string_append (out, ph[i].text);
}

/* Latin: accents dropped (NFD, then marks removed), lower case, letters
 * and digits only. */
static void
append_latin (GString    *out,
              const char *word,
              gsize       length)
{
  g_autofree char *decomposed = g_utf8_normalize (word, (gssize) length, G_NORMALIZE_NFD);

  for (const char *p = decomposed; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isalnum ((char) c))
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else if (c >= 0x0966 && c <= 0x096F)
        g_string_append_c (out, (char) ('0' + (c - 0x0966)));
    }
}

static gboolean
is_aspirated_base (char c)
{
  return strchr ("kgcjtdbrs", c) != NULL;
}

/* Step 2 of the overview, in place. */
static void
loosen (GString *key)
{
  const char *in = key->str;
  gsize len = key->len;
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      char c = in[i], next = i + 1 < len ? in[i + 1] : '\0';
      char last = out->len > 0 ? out->str[out->len - 1] : '\0';

      if ((c == 'e' && next == 'e') || (c == 'i' && next == 'i'))
        c = 'i', i++;
      else if ((c == 'o' && next == 'o') || (c == 'u' && next == 'u'))
        c = 'u', i++;
      else if (c == 'p' && next == 'h')
        c = 'f', i++;
      else if (c == 'a' && next == 'u')
        c = 'o', i++;
      else if (c == 'j' && next == 'n')
        {
          g_string_append (out, last == 'g' ? "y" : "gy");
          i++;
          continue;
        }
      else if (c == 'h' && is_aspirated_base (last))
        continue;
      else if (c == 'w')
        c = 'v';
      else if (c == 'z')
        c = 'j';
      else if (c == 'q')
        c = 'k';
      else if (c == 'x')
        {
          if (last != 'k')
            g_string_append_c (out, 'k');
          c = 's';
        }

      if (c == last && !g_ascii_isdigit (c))
        continue;
      g_string_append_c (out, c);
    }

  if (out->len >= 3 && out->str[out->len - 1] == 'a' && !g_ascii_isdigit (out->str[out->len - 2]))
    g_string_truncate (out, out->len - 1);

  g_string_assign (key, out->str);
  g_string_free (out, TRUE);
}

static gboolean
starts_devanagari (const char *word,
                   gsize       length)
{
  return length > 0 && emitra_text_is_devanagari (g_utf8_get_char (word));
}

/* Fills @keys with the word's keys, newly allocated; returns how many (0
 * for a word with no letter or digit). */
guint
emitra_transliterate_word_keys (const char *word,
                                gssize      length,
                                char       *keys[EMITRA_TRANSLITERATE_MAX_KEYS])
{
  gsize len;
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) second = NULL;

  g_return_val_if_fail (word != NULL, 0);

  keys[0] = keys[1] = NULL;
  len = length < 0 ? strlen (word) : (gsize) length;
  first = g_string_sized_new (len + 8);

  if (starts_devanagari (word, len))
    {
      Phoneme ph[MAX_PHONEMES];
      guint n = devanagari_phonemes (word, len, ph);

      append_phonemes (first, ph, n);
      if (delete_schwas (ph, n))
        {
          second = g_string_sized_new (len + 8);
          append_phonemes (second, ph, n);
          loosen (second);
        }
    }
  else
    append_latin (first, word, len);

  loosen (first);
  if (first->len == 0)
    return 0;

  keys[0] = g_string_free (g_steal_pointer (&first), FALSE);
  if (second != NULL && second->len > 0 && !g_str_equal (second->str, keys[0]))
    {
      keys[1] = g_string_free (g_steal_pointer (&second), FALSE);
      return 2;
    }

  return 1;
}

static gboolean
is_word_char (gunichar c)
{
  if (emitra_text_is_devanagari (c))
    return c != 0x0964 && c != 0x0965 && c != 0x0970;  /* danda, double danda, abbreviation */
  /* Joiners live inside Devanagari conjuncts. */
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == 0x200C || c == 0x200D;
}

/* Calls @func for each word of @text: a run of letters, marks and digits
 * of one script. A change of script also ends a word ("PAN-कार्ड"). */
void
emitra_transliterate_foreach_word (const char     *text,
                                   EmitraWordFunc  func,
                                   gpointer        user_data)
{
  const char *start = NULL;
  gboolean start_devanagari = FALSE;

  g_return_if_fail (text != NULL);
  g_return_if_fail (func != NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = c != 0 && is_word_char (c);
      gboolean devanagari = emitra_text_is_devanagari (c);

      if (start != NULL && (!word_char || (devanagari != start_devanagari && !g_unichar_ismark (c) &&
                                           c != 0x200C && c != 0x200D)))
        {
          func (start, (gsize) (p - start), user_data);
          start = NULL;
        }
      if (start == NULL && word_char)
        {
          start = p;
          start_devanagari = devanagari;
        }
      if (c == 0)
        break;
    }
}

static void
append_key_cb (const char *word,
               gsize       length,
               gpointer    user_data)
{
  GString *out = user_data;
  char *keys[EMITRA_TRANSLITERATE_MAX_KEYS];
  guint n = emitra_transliterate_word_keys (word, (gssize) length, keys);

  if (n == 0)
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  /* The spoken form, when there are two, reads more naturally. */
  g_string_append (out, keys[n - 1]);
  for (guint i = 0; i < n; i++)
    g_free (keys[i]);
}

/* The loose key of each word of @text, separated by spaces: for tests and
 * debugging ("जाति प्रमाण पत्र" -> "jati praman patr"). */
char *
emitra_transliterate_key (const char *text)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  emitra_transliterate_foreach_word (text, append_key_cb, out);
  return g_string_free (out, FALSE);
}

static void
append_latin_cb (const char *word,
                 gsize       length,
                 gpointer    user_data)
{
  GString *out = user_data;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  if (starts_devanagari (word, length))
    {
      Phoneme ph[MAX_PHONEMES];
      guint n = devanagari_phonemes (word, length, ph);

      delete_schwas (ph, n);
      append_phonemes (out, ph, n);
    }
  else
    g_string_append_len (out, word, (gssize) length);
}

/* A readable Latin spelling of Devanagari words as they are said
 * ("मूल निवास" -> "muul nivaas"); Latin words are kept as they are. */
char *
emitra_transliterate_to_latin (const char *text)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  emitra_transliterate_foreach_word (text, append_latin_cb, out);
  return g_string_free (out, FALSE);
}

/* Words too common to tell services apart, in either language and in the
 * Latin spellings of the Hindi ones. */
static const char * const stopwords[] = {
  "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
  "department", "dept", "vibhag", "vibhaag",
  "aur", "evam", "hetu", "ka", "ke", "ki", "ko", "liye", "me", "mein", "se", "tatha", "ya",
  "और", "एवं", "का", "की", "के", "को", "तथा", "पर", "में", "लिए", "विभाग", "से", "हेतु", "व", "या",
};

gboolean
emitra_transliterate_is_stopword (const char *word,
                                  gssize      length)
{
  gsize len;

  g_return_val_if_fail (word != NULL, FALSE);

  len = length < 0 ? strlen (word) : (gsize) length;
  for (guint i = 0; i < G_N_ELEMENTS (stopwords); i++)
    if (strlen (stopwords[i]) == len && g_ascii_strncasecmp (stopwords[i], word, len) == 0)
      return TRUE;

  return FALSE;
}
