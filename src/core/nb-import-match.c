/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lenient comparison of what a published report says with the labels
 * of the form: spaces, quotes and the width of punctuation do not count,
 * and a stray or missing character is tolerated where no other label could
 * be meant. Also the small helpers that the parts of the importer share.
 */
#include "config.h"

#include <string.h>

#include "nb-import-private.h"

#define MAX_COMPARED_CHARS 160

static gboolean
is_ignored (gunichar c)
{
  switch (c)
    {
    /* quotes: 危及“三安全一稳定” is written with every kind of them */
    case '"': case '\'':
    case 0x2018: case 0x2019: case 0x201C: case 0x201D:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0x301D: case 0x301E: case 0xFF02: case 0xFF07:
    /* invisible */
    case 0x00A0: case 0x200B: case 0x200C: case 0x200D:
    case 0x2060: case 0x3000: case 0xFEFF:
      return TRUE;
    default:
      return g_unichar_isspace (c);
    }
}

/* The canonical form of a label or a line: no spaces or quotes, full-width
 * ASCII made half-width, 、 made “.” (so that 1、 and 1. and 1． agree),
 * ASCII letters in lower case. @text must be valid UTF-8. */
char *
nb_import_normalize (const char *text, gssize length)
{
  GString *out;
  const char *p;
  const char *end;

  if (length < 0)
    length = (gssize) strlen (text);
  out = g_string_sized_new ((gsize) length + 1);
  end = text + length;

  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_ignored (c))
        continue;
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3001)
        c = '.';
      if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_hanzi_numeral (gunichar c)
{
  return c != 0 && g_utf8_strchr ("一二三四五六七八九十", -1, c) != NULL;
}

/* Past the item number of a normalised label: 1. (一) (1) 一. */
const char *
nb_import_skip_numbering (const char *norm)
{
  const char *p = norm;

  if (*p == '(')
    {
      p++;
      if (g_ascii_isdigit (*p))
        while (g_ascii_isdigit (*p))
          p++;
      else if (is_hanzi_numeral (g_utf8_get_char (p)))
        while (is_hanzi_numeral (g_utf8_get_char (p)))
          p = g_utf8_next_char (p);
      else
        return norm;
      return *p == ')' ? p + 1 : norm;
    }
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '.' ? p + 1 : norm;
    }
  if (is_hanzi_numeral (g_utf8_get_char (p)))
    {
      while (is_hanzi_numeral (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      return *p == '.' ? p + 1 : norm;
    }
  return norm;
}

static guint
decode (const char *text, gunichar *out, guint max)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (n == max)
        return max + 1;
      out[n++] = g_utf8_get_char (p);
    }
  return n;
}

/* Levenshtein distance in characters, or any value above @limit once it
 * is certain to exceed it: only labels within a character or two are ever
 * of interest, so most comparisons stop after the lengths are known. */
guint
nb_import_distance (const char *a, const char *b, guint limit)
{
  gunichar ca[MAX_COMPARED_CHARS];
  gunichar cb[MAX_COMPARED_CHARS];
  guint prev[MAX_COMPARED_CHARS + 1];
  guint cur[MAX_COMPARED_CHARS + 1];
  guint la, lb;

  if (strcmp (a, b) == 0)
    return 0;
  la = decode (a, ca, MAX_COMPARED_CHARS);
  lb = decode (b, cb, MAX_COMPARED_CHARS);
  if (la > MAX_COMPARED_CHARS || lb > MAX_COMPARED_CHARS)
    return limit + 1;
  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  for (guint j = 0; j <= lb; j++)
    prev[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint row_min;

      cur[0] = i;
      row_min = cur[0];
      for (guint j = 1; j <= lb; j++)
        {
          guint cost = ca[i - 1] == cb[j - 1] ? 0 : 1;
          guint best = prev[j - 1] + cost;

          if (prev[j] + 1 < best)
            best = prev[j] + 1;
          if (cur[j - 1] + 1 < best)
            best = cur[j - 1] + 1;
          cur[j] = best;
          if (best < row_min)
            row_min = best;
        }
      if (row_min > limit)
        return limit + 1;
      memcpy (prev, cur, sizeof (guint) * (lb + 1));
    }
  return prev[lb];
}

/* How many characters a label of @n_chars may differ by and still be
 * recognised: none for the short ones (规章, 总计), where one character
 * makes another word. */
guint
nb_import_threshold (guint n_chars)
{
  if (n_chars <= 4)
    return 0;
  if (n_chars <= 8)
    return 1;
  return 2;
}

/* A short quotation of @text for a message: trimmed, at most @max_chars
 * characters, “…” where it was cut. */
char *
nb_import_excerpt (const char *text, guint max_chars)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *p = trimmed;
  guint n = 0;

  while (*p != '\0' && n < max_chars)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  if (*p == '\0')
    return g_steal_pointer (&trimmed);
  return g_strdup_printf ("%.*s…", (int) (p - trimmed), trimmed);
}

/* Column and row labels that only the 2019 format (国办公开办函〔2019〕60号)
 * has: its table 二 counted items and their changes, not documents in force. */
static const char *const old_format_labels[] = {
  "本年新制作数量",
  "本年新公开数量",
  "对外公开总数量",
  "上一年项目数量",
  "本年增/减",
  "其他对外管理服务事项",
  "采购项目数量",
  "采购总金额",
  NULL
};

gboolean
nb_import_is_old_format (const char *norm)
{
  for (guint i = 0; old_format_labels[i] != NULL; i++)
    if (strstr (norm, old_format_labels[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* “— 2 —”, “第 2 页 共 6 页”; in text, where no figure stands alone, a bare
 * “2” too. */
gboolean
nb_import_is_page_number (const char *norm, gboolean bare)
{
  gboolean digit = FALSE;
  gboolean mark = FALSE;

  if (norm == NULL || *norm == '\0' || g_utf8_strlen (norm, -1) > 12)
    return FALSE;
  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        digit = TRUE;
      else if (g_utf8_strchr ("-—–~第页共/", -1, c))
        mark = TRUE;
      else
        return FALSE;
    }
  return digit && (mark || bare);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF;
}

/* A copy without the spaces, of any width, around it. */
char *
nb_import_trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0')
    {
      gunichar c = g_utf8_get_char (start);

      if (!is_space (c))
        break;
      start = g_utf8_next_char (start);
    }
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (!is_space (c))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

gboolean
nb_import_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
