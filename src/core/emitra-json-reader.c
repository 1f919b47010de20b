/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strict JSON reader for large documents (the catalog: tens of MiB for
 * 10,000 services). json-glib's parser tokenises through a GScanner one
 * character at a time and builds a node, a value and a hash table for
 * everything; a catalog of 10,000 services is a million and a half nodes.
 * This reads straight from the buffer, as a cursor the caller walks
 * (member by member, element by element, skipping what it does not need
 * yet), and builds json-glib trees only for the parts asked for.
 *
 * It accepts RFC 8259 JSON only: no comments, no trailing commas, no
 * leading zeros, no control characters in strings, nothing after the
 * value, UTF-8 only (checked first), and no NUL bytes. Integers that fit
 * a gint64 are integers (as json-glib makes them), anything with a
 * fraction or an exponent a double. Syntax errors are
 * EMITRA_JSON_ERROR_INVALID with the byte offset.
 */
#include "config.h"

#include "emitra-json-reader.h"
#include "emitra-json-reader-private.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "emitra-json.h"

/* Deeper than any catalog; the bound keeps a hostile document from
 * exhausting the stack. */
#define MAX_DEPTH 64

gboolean
_emitra_json_cursor_fail (EmitraJsonCursor *c,
                          const char       *what)
{
  if (c->error != NULL && *c->error == NULL)
    g_set_error (c->error, EMITRA_JSON_ERROR, EMITRA_JSON_ERROR_INVALID,
                 /* Translators: %s says what was wrong, %lu is a byte offset. */
                 _("The data could not be read: %s at byte %lu."), what,
                 (unsigned long) (c->p - c->start));
  return FALSE;
}

/* @data must have been checked with emitra_json_reader_check_text(). */
void
emitra_json_cursor_init (EmitraJsonCursor  *cursor,
                         const char        *data,
                         gsize              length,
                         GString           *scratch,
                         GError           **error)
{
  cursor->start = cursor->p = data;
  cursor->end = data + length;
  cursor->scratch = scratch;
  cursor->error = error;
  cursor->depth = 0;
}

EmitraJsonKind
emitra_json_cursor_peek (EmitraJsonCursor *c)
{
  _emitra_json_cursor_skip_space (c);
  if (c->p >= c->end)
    return EMITRA_JSON_KIND_NONE;

  switch (*c->p)
    {
    case '{': return EMITRA_JSON_KIND_OBJECT;
    case '[': return EMITRA_JSON_KIND_ARRAY;
    case '"': return EMITRA_JSON_KIND_STRING;
    case 't': case 'f': return EMITRA_JSON_KIND_BOOLEAN;
    case 'n': return EMITRA_JSON_KIND_NULL;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return EMITRA_JSON_KIND_NUMBER;
    default:
      return EMITRA_JSON_KIND_NONE;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (EmitraJsonCursor *c,
           guint32          *out)
{
  guint32 value = 0;

  if (c->end - c->p < 4)
    return _emitra_json_cursor_fail (c, _("a truncated \\u escape"));
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (c->p[i]);

      if (digit < 0)
        return _emitra_json_cursor_fail (c, _("a bad \\u escape"));
      value = value << 4 | (guint32) digit;
    }
  c->p += 4;
  *out = value;
  return TRUE;
}

static gboolean
read_escape (EmitraJsonCursor *c)
{
  char e;
  guint32 unit, low;

  if (c->p >= c->end)
    return _emitra_json_cursor_fail (c, _("an unterminated string"));

  switch ((e = *c->p++))
    {
    case '"': case '\\': case '/':
      g_string_append_c (c->scratch, e);
      return TRUE;
    case 'b': g_string_append_c (c->scratch, '\b'); return TRUE;
    case 'f': g_string_append_c (c->scratch, '\f'); return TRUE;
    case 'n': g_string_append_c (c->scratch, '\n'); return TRUE;
    case 'r': g_string_append_c (c->scratch, '\r'); return TRUE;
    case 't': g_string_append_c (c->scratch, '\t'); return TRUE;
    case 'u':
      if (!read_hex4 (c, &unit))
        return FALSE;
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u')
            return _emitra_json_cursor_fail (c, _("an unpaired surrogate"));
          c->p += 2;
          if (!read_hex4 (c, &low))
            return FALSE;
          if (low < 0xDC00 || low > 0xDFFF)
            return _emitra_json_cursor_fail (c, _("an unpaired surrogate"));
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        return _emitra_json_cursor_fail (c, _("an unpaired surrogate"));
      else if (unit == 0)
        return _emitra_json_cursor_fail (c, _("a NUL character"));
      g_string_append_unichar (c->scratch, unit);
      return TRUE;
    default:
      c->p--;
      return _emitra_json_cursor_fail (c, _("a bad escape"));
    }
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The first byte from @p that ends a plain run of a string: a quote, a
 * backslash or a control character. Eight bytes at a time, as strings are
 * most of a catalog: a word has such a byte when one of its bytes XOR the
 * quote or the backslash is zero, or is less than 0x20 (the classic
 * "has zero byte" and "has less than" tests). */
static inline const char *
scan_plain (const char *p,
            const char *end)
{
  while (end - p >= 8)
    {
      guint64 word, quote, backslash, control;

      memcpy (&word, p, 8);
      quote = word ^ (ONES * '"');
      backslash = word ^ (ONES * '\\');
      control = (word - ONES * 0x20) & ~word & HIGHS;
      if ((((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)) & HIGHS || control)
        break;
      p += 8;
    }

  while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
    p++;

  return p;
}

/* Reads a string at the cursor. The text is valid until the next string
 * is read: in the buffer itself when it has no escapes (it is then not
 * NUL-terminated: use *out_length), else in the scratch string. */
static const char *
read_string_ref (EmitraJsonCursor *c,
                 gsize            *out_length)
{
  const char *begin, *q;

  _emitra_json_cursor_skip_space (c);
  if (c->p >= c->end || *c->p != '"')
    {
      _emitra_json_cursor_fail (c, _("a string was expected"));
      return NULL;
    }
  begin = q = ++c->p;
  q = scan_plain (q, c->end);
  if (q < c->end && *q == '"')
    {
      c->p = q + 1;
      *out_length = (gsize) (q - begin);
      return begin;
    }

  g_string_truncate (c->scratch, 0);
  g_string_append_len (c->scratch, begin, q - begin);
  c->p = q;
  while (c->p < c->end)
    {
      char ch = *c->p++;

      if (ch == '"')
        {
          *out_length = c->scratch->len;
          return c->scratch->str;
        }
      if ((guchar) ch < 0x20)
        {
          c->p--;
          _emitra_json_cursor_fail (c, _("a control character in a string"));
          return NULL;
        }
      if (ch != '\\')
        g_string_append_c (c->scratch, ch);
      else if (!read_escape (c))
        return NULL;
    }

  _emitra_json_cursor_fail (c, _("an unterminated string"));
  return NULL;
}

/* The string at the cursor without a copy: valid until the next string is
 * read, and NUL-terminated only if it had escapes (use *out_length). */
gboolean
emitra_json_cursor_read_string_ref (EmitraJsonCursor  *c,
                                    const char       **out_text,
                                    gsize             *out_length)
{
  return (*out_text = read_string_ref (c, out_length)) != NULL;
}

gboolean
emitra_json_cursor_read_string (EmitraJsonCursor  *c,
                                char             **out_text)
{
  gsize length;
  const char *text = read_string_ref (c, &length);

  if (text == NULL)
    return FALSE;
  *out_text = g_strndup (text, length);
  return TRUE;
}

/* Scans a number; *out_is_int says whether it is an integer that fits a
 * gint64 (then in *out_value), else it is a double (in *out_double). */
gboolean
_emitra_json_cursor_read_number (EmitraJsonCursor *c,
                                 gboolean         *out_is_int,
                                 gint64           *out_value,
                                 double           *out_double)
{
  const char *begin;
  gboolean integer = TRUE;
  char buffer[64];
  gsize length;

  _emitra_json_cursor_skip_space (c);
  begin = c->p;
  if (c->p < c->end && *c->p == '-')
    c->p++;
  if (c->p < c->end && *c->p == '0')
    c->p++;
  else if (c->p < c->end && *c->p >= '1' && *c->p <= '9')
    while (c->p < c->end && g_ascii_isdigit (*c->p))
      c->p++;
  else
    return _emitra_json_cursor_fail (c, _("a number was expected"));

  if (c->p < c->end && *c->p == '.')
    {
      integer = FALSE;
      if (++c->p >= c->end || !g_ascii_isdigit (*c->p))
        return _emitra_json_cursor_fail (c, _("a bad number"));
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
    }
  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      integer = FALSE;
      c->p++;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        c->p++;
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return _emitra_json_cursor_fail (c, _("a bad number"));
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
    }

  length = (gsize) (c->p - begin);
  if (length >= sizeof buffer)
    return _emitra_json_cursor_fail (c, _("a number too long"));
  memcpy (buffer, begin, length);
  buffer[length] = '\0';

  *out_is_int = FALSE;
  if (integer)
    {
      errno = 0;
      *out_value = g_ascii_strtoll (buffer, NULL, 10);
      *out_is_int = errno == 0;
    }
  if (!*out_is_int)
    *out_double = g_ascii_strtod (buffer, NULL);
  return TRUE;
}

/* Reads a number: *out_is_int is FALSE for a fraction, an exponent or an
 * integer beyond a gint64 (money is never a double). */
gboolean
emitra_json_cursor_read_int (EmitraJsonCursor *c,
                             gboolean         *out_is_int,
                             gint64           *out_value)
{
  double ignored;

  return _emitra_json_cursor_read_number (c, out_is_int, out_value, &ignored);
}

gboolean
_emitra_json_cursor_read_literal (EmitraJsonCursor *c,
                                  const char       *word)
{
  gsize length = strlen (word);

  _emitra_json_cursor_skip_space (c);
  if ((gsize) (c->end - c->p) < length || memcmp (c->p, word, length) != 0)
    return _emitra_json_cursor_fail (c, _("an unexpected character"));
  c->p += length;
  return TRUE;
}

gboolean
emitra_json_cursor_read_boolean (EmitraJsonCursor *c,
                                 gboolean         *out_value)
{
  _emitra_json_cursor_skip_space (c);
  if (c->p < c->end && *c->p == 't')
    return (*out_value = TRUE, _emitra_json_cursor_read_literal (c, "true"));
  return (*out_value = FALSE, _emitra_json_cursor_read_literal (c, "false"));
}

static gboolean
enter (EmitraJsonCursor *c,
       char              open)
{
  _emitra_json_cursor_skip_space (c);
  if (c->p >= c->end || *c->p != open)
    return _emitra_json_cursor_fail (c, open == '{' ? _("an object was expected") : _("an array was expected"));
  if (++c->depth > MAX_DEPTH)
    return _emitra_json_cursor_fail (c, _("too deep nesting"));
  c->p++;
  return TRUE;
}

gboolean
emitra_json_cursor_enter_object (EmitraJsonCursor *c)
{
  return enter (c, '{');
}

gboolean
emitra_json_cursor_enter_array (EmitraJsonCursor *c)
{
  return enter (c, '[');
}

/* Whether the cursor is just inside @open: no value can end with "{" or
 * "[", so the last character before it that is not a space tells. */
static gboolean
just_entered (EmitraJsonCursor *c,
              char              open)
{
  const char *q = c->p - 1;

  while (q > c->start && (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t'))
    q--;
  return *q == open;
}

/* Moves to the next member of the object the cursor is in, past its name
 * and colon, or out of the object (*out_done). The name is valid until the
 * next string is read. The member's value must be read or skipped before
 * the next call. */
gboolean
emitra_json_cursor_next_member (EmitraJsonCursor  *c,
                                const char       **out_name,
                                gsize             *out_length,
                                gboolean          *out_done)
{
  _emitra_json_cursor_skip_space (c);
  *out_done = FALSE;
  if (c->p < c->end && *c->p == '}')
    {
      c->p++;
      c->depth--;
      *out_done = TRUE;
      return TRUE;
    }
  if (!just_entered (c, '{'))
    {
      if (c->p >= c->end || *c->p != ',')
        return _emitra_json_cursor_fail (c, _("“,” or “}” was expected"));
      c->p++;
    }

  if ((*out_name = read_string_ref (c, out_length)) == NULL)
    return FALSE;
  _emitra_json_cursor_skip_space (c);
  if (c->p >= c->end || *c->p != ':')
    return _emitra_json_cursor_fail (c, _("“:” was expected"));
  c->p++;
  return TRUE;
}

gboolean
emitra_json_cursor_next_element (EmitraJsonCursor *c,
                                 gboolean         *out_done)
{
  _emitra_json_cursor_skip_space (c);
  *out_done = FALSE;
  if (c->p < c->end && *c->p == ']')
    {
      c->p++;
      c->depth--;
      *out_done = TRUE;
      return TRUE;
    }
  if (!just_entered (c, '['))
    {
      if (c->p >= c->end || *c->p != ',')
        return _emitra_json_cursor_fail (c, _("“,” or “]” was expected"));
      c->p++;
    }
  _emitra_json_cursor_skip_space (c);
  return TRUE;
}

/* Nothing but spaces may follow the value read. */
gboolean
emitra_json_cursor_finish (EmitraJsonCursor *c)
{
  _emitra_json_cursor_skip_space (c);
  return c->p == c->end || _emitra_json_cursor_fail (c, _("something follows the data"));
}

