/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cuts the lines of a table into tokens — text, figures, blank cells —
 * each with the physical row it stands on, whatever the shape: one cell a
 * line (text extracted from a .docx: tab-indented cells, rows separated by
 * an empty line, a cell that wrapped continuing on an unindented line),
 * one row a line with cells separated by " | " or tabs, or columns aligned
 * with runs of spaces (pdftotext -layout). A line with none of these is a
 * row of one cell, which is how plain pdftotext writes every cell.
 */
#include "config.h"

#include <string.h>

#include "nb-import-private.h"

#define MAX_JOINED_BYTES 400

static gboolean
is_slash (const char *word)
{
  static const char *const slashes[] = {
    "/", "\xef\xbc\x8f", "\\", "-", "\xef\xbc\x8d", "\xe2\x80\x94", "\xe2\x80\x94\xe2\x80\x94",
    "\xe2\x80\x93", "无", NULL
  };

  for (guint i = 0; slashes[i] != NULL; i++)
    if (strcmp (word, slashes[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_ideograph (gunichar c)
{
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* A figure has digits and no hanzi; “1.” and “1、” are item numbers. */
static NbTokenKind
classify_word (const char *word)
{
  guint digits = 0;
  guint others = 0;
  gunichar last = 0;

  if (is_slash (word))
    return NB_TOKEN_SLASH;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_ideograph (c) || c == '(' || c == 0xFF08 || c == 0x3001)
        return NB_TOKEN_TEXT;
      if (g_ascii_isdigit (c) || (c >= 0xFF10 && c <= 0xFF19))
        digits++;
      else
        others++;
      last = c;
    }
  if (digits == 0)
    return NB_TOKEN_TEXT;
  if (others == 1 && (last == '.' || last == 0xFF0E))
    return NB_TOKEN_TEXT;
  return NB_TOKEN_VALUE;
}

static void
push_token (GArray *tokens, NbTokenKind kind, const char *raw, gsize length, guint line, guint row)
{
  NbToken token = { kind, line, row, g_strndup (raw, length), NULL };

  if (kind == NB_TOKEN_TEXT)
    token.norm = nb_import_normalize (token.raw, -1);
  g_array_append_val (tokens, token);
}

static gboolean
is_word_space (gunichar c)
{
  return c == ' ' || c == 0x3000 || c == 0x00A0 || c == '\t';
}

/* One cell: its words are figures, or text; neighbouring words of text
 * stay one token (结果 维持, 1. 属于国家秘密). */
static void
push_cell (GArray *tokens, const char *cell, gsize length, guint line, guint row, gboolean keep_blank)
{
  const char *p = cell;
  const char *end = cell + length;
  const char *text_start = NULL;
  const char *text_end = NULL;
  gboolean any = FALSE;

  while (p < end)
    {
      const char *word;
      g_autofree char *copy = NULL;
      NbTokenKind kind;

      while (p < end && is_word_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p >= end)
        break;
      word = p;
      while (p < end && !is_word_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      any = TRUE;
      copy = g_strndup (word, (gsize) (p - word));
      kind = classify_word (copy);
      if (kind == NB_TOKEN_TEXT)
        {
          if (text_start == NULL)
            text_start = word;
          text_end = p;
          continue;
        }
      if (text_start != NULL)
        push_token (tokens, NB_TOKEN_TEXT, text_start, (gsize) (text_end - text_start), line, row);
      text_start = NULL;
      push_token (tokens, kind, word, (gsize) (p - word), line, row);
    }
  if (text_start != NULL)
    push_token (tokens, NB_TOKEN_TEXT, text_start, (gsize) (text_end - text_start), line, row);
  if (!any && keep_blank)
    push_token (tokens, NB_TOKEN_BLANK, "", 0, line, row);
}

static gboolean
is_blank_line (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_word_space (g_utf8_get_char (p)) && *p != '\r')
      return FALSE;
  return TRUE;
}

/* Text extracted from a .docx puts each cell on its own tab-indented line
 * and separates the rows with an empty line. */
static gboolean
is_cell_per_line (const NbImportLine *lines, guint n_lines)
{
  guint cells = 0;
  guint others = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      const char *text = lines[i].text;

      if (is_blank_line (text))
        continue;
      if (text[0] == '\t')
        {
          while (*text == '\t')
            text++;
          if (strchr (text, '\t') == NULL && strchr (text, '|') == NULL)
            {
              cells++;
              continue;
            }
        }
      others++;
    }
  return cells > others;
}

static void
tokenize_cell_per_line (GArray *tokens, const NbImportLine *lines, guint n_lines)
{
  guint row = 0;
  gboolean row_used = FALSE;

  for (guint i = 0; i < n_lines; i++)
    {
      const char *text = lines[i].text;
      guint before = tokens->len;

      if (is_blank_line (text))
        {
          if (strchr (text, '\t') != NULL)
            {
              push_token (tokens, NB_TOKEN_BLANK, "", 0, lines[i].number, row);
              row_used = TRUE;
            }
          else if (row_used)
            {
              row++;
              row_used = FALSE;
            }
          continue;
        }

      if (text[0] != '\t' && before > 0)
        {
          /* the rest of a cell that wrapped onto a line of its own */
          NbToken *last = &g_array_index (tokens, NbToken, before - 1);
          g_autofree char *trimmed = g_strstrip (g_strdup (text));

          /* labels are short: a run of such lines is text, not one cell */
          if (last->kind == NB_TOKEN_TEXT && last->row == row && strlen (last->raw) < MAX_JOINED_BYTES &&
              classify_word (trimmed) == NB_TOKEN_TEXT)
            {
              char *joined = g_strconcat (last->raw, text, NULL);

              g_free (last->raw);
              g_free (last->norm);
              last->raw = joined;
              last->norm = nb_import_normalize (joined, -1);
              continue;
            }
        }

      while (*text == '\t')
        text++;
      for (const char *cell = text; ; )
        {
          const char *tab = strchr (cell, '\t');
          gsize length = tab != NULL ? (gsize) (tab - cell) : strlen (cell);

          push_cell (tokens, cell, length, lines[i].number, row, TRUE);
          if (tab == NULL)
            break;
          cell = tab + 1;
        }
      row_used = TRUE;
    }
}

static gboolean
is_rule_cell (const char *cell, gsize length)
{
  gboolean dash = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (cell[i] == '-')
        dash = TRUE;
      else if (cell[i] != ':' && cell[i] != ' ')
        return FALSE;
    }
  return dash;
}

/* Splits @text at each occurrence of one of @separators (NULL-terminated). */
static GPtrArray *
split_cells (const char *text, const char *const *separators)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;
  const char *p = text;

  while (*p != '\0')
    {
      gsize matched = 0;

      for (guint s = 0; separators[s] != NULL && matched == 0; s++)
        if (g_str_has_prefix (p, separators[s]))
          matched = strlen (separators[s]);
      if (matched > 0)
        {
          g_ptr_array_add (cells, g_strndup (start, (gsize) (p - start)));
          p += matched;
          start = p;
        }
      else
        p = g_utf8_next_char (p);
    }
  g_ptr_array_add (cells, g_strdup (start));
  return cells;
}

/* pdftotext -layout: columns are runs of two spaces or more (or a
 * full-width space); a single space stays inside a cell. */
static GPtrArray *
split_layout (const char *text)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      const char *end;

      while (*p != '\0' && is_word_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      end = p;
      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);

          if (c == 0x3000 || c == '\t' || (c == ' ' && p[1] == ' '))
            break;
          p = g_utf8_next_char (p);
          if (c != ' ')
            end = p;
        }
      g_ptr_array_add (cells, g_strndup (start, (gsize) (end - start)));
    }
  return cells;
}

static void
tokenize_rows (GArray *tokens, const NbImportLine *lines, guint n_lines)
{
  static const char *const bars[] = { "|", "\xef\xbd\x9c", NULL };
  static const char *const tabs[] = { "\t", NULL };
  guint row = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      const char *text = lines[i].text;
      g_autoptr(GPtrArray) cells = NULL;
      gboolean keep_blank = TRUE;
      gboolean rule = TRUE;

      if (is_blank_line (text))
        continue;
      if (strchr (text, '|') != NULL || strstr (text, bars[1]) != NULL)
        cells = split_cells (text, bars);
      else if (strchr (text, '\t') != NULL)
        {
          while (*text == '\t')
            text++;
          cells = split_cells (text, tabs);
        }
      else
        {
          cells = split_layout (text);
          keep_blank = FALSE;
        }

      /* a Markdown table's |---|---| line */
      for (guint c = 0; c < cells->len && rule; c++)
        {
          const char *cell = g_ptr_array_index (cells, c);

          rule = is_blank_line (cell) || is_rule_cell (cell, strlen (cell));
        }
      if (rule)
        continue;

      for (guint c = 0; c < cells->len; c++)
        {
          const char *cell = g_ptr_array_index (cells, c);

          push_cell (tokens, cell, strlen (cell), lines[i].number, row, keep_blank);
        }
      row++;
    }
}

static void
token_clear (gpointer data)
{
  NbToken *token = data;

  g_free (token->raw);
  g_free (token->norm);
}

/* Returns: (transfer full): the tokens of @lines (NbToken). */
GArray *
nb_import_tokenize (const NbImportLine *lines, guint n_lines)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (NbToken));

  g_array_set_clear_func (tokens, token_clear);
  if (is_cell_per_line (lines, n_lines))
    tokenize_cell_per_line (tokens, lines, n_lines);
  else
    tokenize_rows (tokens, lines, n_lines);
  return tokens;
}
