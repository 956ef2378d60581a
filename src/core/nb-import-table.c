/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables 二, 三 and 四 of a published report, in whichever shape they were
 * written: one cell a line (text extracted from a .docx), one row a line
 * with cells separated by " | " or tabs, or columns aligned with spaces
 * (pdftotext -layout), with labels split over lines.
 *
 * The text is cut into tokens — text, figures, blank cells — grouped by the
 * physical row they stand on. A row of the form is found by its label; its
 * figures are the figures that follow the label on the same row — or, when
 * a long label wrapped, on the next row that has any, or, when every cell
 * has a line of its own, on the lines that follow. A row is placed only
 * when it has exactly as many figures as the form has columns: anything
 * else is reported with its line and left blank, and the import is then
 * incomplete, because a figure in the wrong cell is worse than none.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-format.h"
#include "nb-import-private.h"

typedef struct
{
  const char *label;
  guint n_values;
  guint first_cell;   /* the row's cells are consecutive */
} RowInfo;

typedef struct
{
  char *norm;
  const char *body;   /* into norm: past the item number */
  guint n_chars;
  guint body_chars;
  int row;            /* -1: header text */
} Label;

#define MAX_ROWS NB_T3_N_ROWS

typedef struct
{
  guint table;
  RowInfo rows[MAX_ROWS];
  guint n_rows;
  Label *labels;
  guint n_labels;
} Vocabulary;

typedef struct
{
  gboolean seen;
  guint line;
  GArray *values;   /* token indices */
} RowState;

typedef struct
{
  const Vocabulary *voc;
  const char *name;        /* 二, 三, 四 */
  GArray *tokens;
  RowState rows[MAX_ROWS];
  NbImportResult *result;
  int pending;             /* a label still waiting for its figures */
} Reader;

enum
{
  TEXT_UNKNOWN = -1,
  TEXT_KNOWN = -2,        /* a header, or a piece of a label */
  TEXT_AMBIGUOUS = -3,
};

/* ---- the labels of each table ---- */

static void
add_label (GArray *labels, const char *text, int row)
{
  Label label;

  label.norm = nb_import_normalize (text, -1);
  label.body = nb_import_skip_numbering (label.norm);
  label.n_chars = (guint) g_utf8_strlen (label.norm, -1);
  label.body_chars = (guint) g_utf8_strlen (label.body, -1);
  label.row = row;
  g_array_append_val (labels, label);
}

static void
build_vocabulary (Vocabulary *voc, guint table)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (Label));

  voc->table = table;
  switch (table)
    {
    case 2:
      for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
        {
          const NbT2Block *block = nb_format_t2_block (b);

          for (guint r = 0; r < block->n_rows; r++)
            voc->rows[voc->n_rows++] = (RowInfo) {
              block->rows[r].label, block->n_columns, nb_format_t2_cell (b, r, 0)
            };
        }
      break;
    case 3:
      for (guint r = 0; r < NB_T3_N_ROWS; r++)
        voc->rows[voc->n_rows++] = (RowInfo) {
          nb_format_t3_row (r)->label, NB_T3_N_COLUMNS, nb_format_t3_cell (r, 0)
        };
      break;
    case 4:
      /* used only when a table 四 is written one group a row */
      for (guint g = 0; g < NB_T4_N_GROUPS; g++)
        voc->rows[voc->n_rows++] = (RowInfo) {
          nb_format_t4_group (g)->label, NB_T4_N_COLUMNS, nb_format_t4_cell (g, 0)
        };
      break;
    default:
      g_assert_not_reached ();
    }

  for (guint r = 0; r < voc->n_rows; r++)
    add_label (labels, voc->rows[r].label, (int) r);

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    if (nb_format_section (s)->table == table)
      add_label (labels, nb_format_section (s)->heading, -1);

  switch (table)
    {
    case 2:
      add_label (labels, NB_T2_ROW_LABEL, -1);
      for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
        {
          const NbT2Block *block = nb_format_t2_block (b);

          add_label (labels, block->header, -1);
          for (guint c = 0; c < block->n_columns; c++)
            add_label (labels, block->column_labels[c], -1);
        }
      break;
    case 3:
      add_label (labels, NB_T3_NOTE, -1);
      add_label (labels, NB_T3_SPANNING_HEADER, -1);
      add_label (labels, NB_T3_ORG_GROUP, -1);
      for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
        add_label (labels, nb_format_t3_column (c)->label, -1);
      for (guint r = 0; r < NB_T3_N_ROWS; r++)
        {
          const NbT3Row *row = nb_format_t3_row (r);

          if (row->outer != NULL && (r == 0 || g_strcmp0 (row->outer, nb_format_t3_row (r - 1)->outer) != 0))
            add_label (labels, row->outer, -1);
          if (row->inner != NULL && (r == 0 || g_strcmp0 (row->inner, nb_format_t3_row (r - 1)->inner) != 0))
            add_label (labels, row->inner, -1);
        }
      break;
    case 4:
      add_label (labels, nb_format_t4_parent_label (), -1);
      for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
        add_label (labels, nb_format_t4_column_label (c), -1);
      break;
    default:
      g_assert_not_reached ();
    }

  voc->n_labels = labels->len;
  voc->labels = (Label *) (gpointer) g_array_free (labels, FALSE);
}

static const Vocabulary *
get_vocabulary (guint table)
{
  static Vocabulary vocabularies[3];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint t = 2; t <= 4; t++)
        build_vocabulary (&vocabularies[t - 2], t);
      g_once_init_leave (&initialised, 1);
    }
  return &vocabularies[table - 2];
}

typedef struct
{
  int row;       /* -1: none */
  int other;     /* a second row that could be meant: ambiguous */
  gboolean inexact;
} Match;

static void
add_candidate (Match *match, int row)
{
  if (match->row < 0)
    match->row = row;
  else if (match->row != row && match->other < 0)
    match->other = row;
}

/* Which row of the table @norm names: exactly; by its words without the
 * item number; by the start of a label that wrapped or was shortened; or
 * within a character or two. Two rows that could be meant are reported,
 * never chosen between. */
static Match
match_row (const Vocabulary *voc, const char *norm)
{
  Match match = { -1, -1, FALSE };
  const char *body = nb_import_skip_numbering (norm);
  guint n_chars = (guint) g_utf8_strlen (norm, -1);
  guint body_chars = (guint) g_utf8_strlen (body, -1);

  for (guint i = 0; i < voc->n_labels; i++)
    if (voc->labels[i].row >= 0 && strcmp (voc->labels[i].norm, norm) == 0)
      {
        match.row = voc->labels[i].row;
        return match;
      }

  if (body_chars >= 4)
    for (guint i = 0; i < voc->n_labels; i++)
      if (voc->labels[i].row >= 0 && voc->labels[i].body_chars >= 4 &&
          strcmp (voc->labels[i].body, body) == 0)
        add_candidate (&match, voc->labels[i].row);
  if (match.row >= 0)
    return match;

  if (n_chars >= 4)
    for (guint i = 0; i < voc->n_labels; i++)
      if (voc->labels[i].row >= 0 &&
          (g_str_has_prefix (voc->labels[i].norm, norm) ||
           (body_chars >= 4 && body != norm && g_str_has_prefix (voc->labels[i].body, body))))
        add_candidate (&match, voc->labels[i].row);
  if (match.row >= 0)
    return match;

  for (guint i = 0; i < voc->n_labels; i++)
    {
      const Label *label = &voc->labels[i];
      guint limit = nb_import_threshold (label->n_chars);

      if (label->row < 0 || limit == 0)
        continue;
      if (nb_import_distance (norm, label->norm, limit) <= limit ||
          (body_chars >= 4 && label->body_chars >= 4 && body != norm &&
           nb_import_distance (body, label->body, nb_import_threshold (label->body_chars)) <=
           nb_import_threshold (label->body_chars)))
        add_candidate (&match, label->row);
    }
  match.inexact = match.row >= 0;
  return match;
}

/* Headers, notes, and pieces of any label (the rest of a label that was
 * split over lines, 三、本年度 and 办理结果 of a merged group cell). */
static gboolean
is_known_text (const Vocabulary *voc, const char *norm)
{
  if (*norm == '\0' || g_str_has_prefix (norm, "(单位") || g_str_has_prefix (norm, "单位:"))
    return TRUE;
  for (guint i = 0; i < voc->n_labels; i++)
    {
      const Label *label = &voc->labels[i];
      guint limit;

      if (strstr (label->norm, norm) != NULL)
        return TRUE;
      if (label->row >= 0)
        continue;
      limit = nb_import_threshold (label->n_chars);
      if (limit > 0 && nb_import_distance (norm, label->norm, limit) <= limit)
        return TRUE;
    }
  return FALSE;
}

/* ---- tokens ---- */

static NbToken *
get_token (Reader *reader, guint index)
{
  return &g_array_index (reader->tokens, NbToken, index);
}

/* ---- placing the figures ---- */

static int
classify_text (Reader *reader, guint index, guint end, guint *n_used)
{
  NbToken *token = get_token (reader, index);
  Match match = match_row (reader->voc, token->norm);

  *n_used = 1;
  if (match.other >= 0)
    {
      nb_import_add_problem (reader->result, token->line,
                             _("“%s” could be the row “%s” or the row “%s” of table %s"),
                             token->raw, reader->voc->rows[match.row].label,
                             reader->voc->rows[match.other].label, reader->name);
      return TEXT_AMBIGUOUS;
    }
  if (match.row >= 0)
    {
      if (match.inexact)
        nb_import_add_problem (reader->result, token->line,
                               _("“%s” was read as the row “%s” of table %s"),
                               token->raw, reader->voc->rows[match.row].label, reader->name);
      return match.row;
    }
  if (is_known_text (reader->voc, token->norm))
    return TEXT_KNOWN;

  /* a label split into two cells */
  if (index + 1 < end && get_token (reader, index + 1)->kind == NB_TOKEN_TEXT)
    {
      g_autofree char *joined = g_strconcat (token->norm, get_token (reader, index + 1)->norm, NULL);

      match = match_row (reader->voc, joined);
      if (match.row >= 0 && match.other < 0 && !match.inexact)
        {
          *n_used = 2;
          return match.row;
        }
    }
  return TEXT_UNKNOWN;
}

static void
add_value (Reader *reader, int row, guint index)
{
  g_array_append_val (reader->rows[row].values, index);
}

static void report_unplaced (Reader *reader, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* A problem that leaves figures out: the import is then incomplete. */
static void
report_unplaced (Reader *reader, guint line, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  nb_import_add_problem (reader->result, line, "%s", message);
  reader->result->complete = FALSE;
}

/* The next token of the row that is not a blank cell, or NULL. */
static NbToken *
find_next_filled (Reader *reader, guint index, guint end)
{
  for (guint i = index + 1; i < end; i++)
    if (get_token (reader, i)->kind != NB_TOKEN_BLANK)
      return get_token (reader, i);
  return NULL;
}

static gboolean
read_row (Reader *reader, guint start, guint end, GError **error)
{
  int current = -1;           /* -2: a repeated row, whose figures are dropped */
  int unknown = -1;

  for (guint i = start; i < end; i++)
    {
      NbToken *token = get_token (reader, i);
      guint used = 1;
      int what;

      if (token->kind != NB_TOKEN_TEXT)
        {
          if (current == -1)
            {
              if (token->kind == NB_TOKEN_BLANK)
                continue;
              if (unknown >= 0)
                {
                  report_unplaced (reader, token->line,
                                   _("“%s” is not a row of table %s; the figures on its line were not placed"),
                                   get_token (reader, (guint) unknown)->raw, reader->name);
                  return TRUE;
                }
              if (reader->pending < 0)
                {
                  report_unplaced (reader, token->line,
                                   _("Figures beginning with “%s” stand under no row label of table %s and were not placed"),
                                   token->raw, reader->name);
                  return TRUE;
                }
              current = reader->pending;
            }
          if (current >= 0)
            add_value (reader, current, i);
          continue;
        }

      what = classify_text (reader, i, end, &used);
      i += used - 1;

      if (what == TEXT_KNOWN)
        {
          NbToken *next = find_next_filled (reader, i, end);

          /* the 2019 form had one 其他处理 row, with figures of its own */
          if (reader->voc->table == 3 && current == -1 && next != NULL && next->kind == NB_TOKEN_VALUE &&
              strcmp (token->norm, "(六)其他处理") == 0)
            {
              g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_OLD_FORMAT,
                           _("Line %u: “%s” has figures of its own, as in the 2019 format of the report; "
                             "only the format in force since the 2021 reports (国办公开办函〔2021〕30号) can be imported"),
                           token->line, token->raw);
              return FALSE;
            }
          continue;
        }

      if (what >= 0 && what != current)
        {
          RowState *state = &reader->rows[what];

          reader->pending = -1;
          if (state->seen)
            {
              nb_import_add_problem (reader->result, token->line,
                                     _("The row “%s” of table %s appears again (first on line %u); "
                                       "the figures on this line were not placed"),
                                     reader->voc->rows[what].label, reader->name, state->line);
              reader->result->complete = FALSE;
              current = -2;
              continue;
            }
          state->seen = TRUE;
          state->line = token->line;
          current = what;
          continue;
        }

      if (current >= 0 && what != current)
        {
          /* text where a figure should be: placed as a cell that cannot be read */
          add_value (reader, current, i);
        }
      else if (current == -1 && unknown < 0)
        unknown = (int) i;
    }

  /* a label whose figures are still to come: on the next row when the label
   * wrapped, or one a line when each cell has a line of its own */
  if (current >= 0)
    reader->pending = reader->rows[current].values->len < reader->voc->rows[current].n_values ? current : -1;
  else if (current == -1 && unknown >= 0)
    nb_import_add_problem (reader->result, get_token (reader, (guint) unknown)->line,
                           _("Not read in table %s: “%s”"), reader->name,
                           get_token (reader, (guint) unknown)->raw);
  return TRUE;
}

static char *
describe_values (Reader *reader, GArray *values, guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      NbToken *token = get_token (reader, g_array_index (values, guint, i));

      if (i > 0)
        g_string_append (text, " | ");
      g_string_append (text, token->kind == NB_TOKEN_BLANK ? "" : token->raw);
    }
  return g_string_free (text, FALSE);
}

/* Blank cells from a trailing separator, or from the merged cells that
 * begin the next row, are not figures of this one. */
static guint
strip_blanks (Reader *reader, GArray *values, guint expected, guint *first)
{
  guint n = values->len;

  *first = 0;
  while (n > expected && get_token (reader, g_array_index (values, guint, n - 1))->kind == NB_TOKEN_BLANK)
    n--;
  while (n - *first > expected && get_token (reader, g_array_index (values, guint, *first))->kind == NB_TOKEN_BLANK)
    (*first)++;
  return n - *first;
}

static void
place_values (Reader *reader, const char *label, guint line, GArray *values, guint expected, guint first_cell)
{
  guint first;
  guint n = strip_blanks (reader, values, expected, &first);
  guint n_blank = 0;

  if (n == 0)
    {
      nb_import_add_problem (reader->result, line, _("The row “%s” of table %s has no figures"),
                             label, reader->name);
      reader->result->complete = FALSE;
      return;
    }
  if (n != expected)
    {
      g_autofree char *found = describe_values (reader, values, values->len);

      nb_import_add_problem (reader->result, line,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "The row “%s” of table %s has %u figure where the form has %u (%s); none was placed",
                                          "The row “%s” of table %s has %u figures where the form has %u (%s); none was placed",
                                          n),
                             label, reader->name, n, expected, found);
      reader->result->complete = FALSE;
      return;
    }

  for (guint c = 0; c < n; c++)
    {
      NbToken *token = get_token (reader, g_array_index (values, guint, first + c));
      guint cell = first_cell + c;
      g_autofree char *where = nb_format_cell_describe (cell);
      g_autoptr(GError) error = NULL;

      switch (token->kind)
        {
        case NB_TOKEN_VALUE:
          if (!nb_report_set_figure_text (reader->result->report, cell, token->raw, &error))
            {
              nb_import_add_problem (reader->result, token->line, _("%s: %s; the cell was left blank"),
                                     where, error->message);
              reader->result->complete = FALSE;
            }
          break;
        case NB_TOKEN_TEXT:
          nb_import_add_problem (reader->result, token->line,
                                 _("%s: “%s” is not a figure; the cell was left blank"), where, token->raw);
          reader->result->complete = FALSE;
          break;
        case NB_TOKEN_SLASH:
          nb_import_add_problem (reader->result, token->line,
                                 _("%s: “%s” was read as a blank cell"), where, token->raw);
          break;
        case NB_TOKEN_BLANK:
          n_blank++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (n_blank > 0)
    nb_import_add_problem (reader->result, line,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "The row “%s” of table %s has %u blank cell; it was kept blank",
                                        "The row “%s” of table %s has %u blank cells; they were kept blank",
                                        n_blank),
                           label, reader->name, n_blank);
}

static void
place_rows (Reader *reader)
{
  guint n_seen = 0;

  for (guint r = 0; r < reader->voc->n_rows; r++)
    if (reader->rows[r].seen)
      n_seen++;
  if (n_seen == 0)
    {
      nb_import_add_problem (reader->result, 0,
                             _("None of the rows of table %s was found; its figures were not read"),
                             reader->name);
      reader->result->complete = FALSE;
      return;
    }

  for (guint r = 0; r < reader->voc->n_rows; r++)
    {
      const RowInfo *info = &reader->voc->rows[r];
      guint last = r;

      if (reader->rows[r].seen)
        {
          place_values (reader, info->label, reader->rows[r].line, reader->rows[r].values,
                        info->n_values, info->first_cell);
          continue;
        }

      /* a text cut short misses every row from some point on: say so once */
      while (last + 1 < reader->voc->n_rows && !reader->rows[last + 1].seen)
        last++;
      if (last == r)
        nb_import_add_problem (reader->result, 0, _("The row “%s” of table %s was not found"),
                               info->label, reader->name);
      else
        nb_import_add_problem (reader->result, 0,
                               _("The %u rows of table %s from “%s” to “%s” were not found"),
                               last - r + 1, reader->name, info->label, reader->voc->rows[last].label);
      reader->result->complete = FALSE;
      r = last;
    }
}

/* Table 四 has one row of fifteen figures under three rows of headers; some
 * write it instead one group a row (行政复议 | 3 | 1 | 0 | 0 | 4). */
static void
read_table_four (Reader *reader)
{
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (guint));
  guint plain_line = 0;
  gboolean labelled = FALSE;
  guint i = 0;

  while (i < reader->tokens->len)
    {
      guint row = get_token (reader, i)->row;
      guint end = i;
      gboolean has_values = FALSE;
      int label = -1;
      gboolean unknown = FALSE;
      g_autoptr(GArray) row_values = g_array_new (FALSE, FALSE, sizeof (guint));

      while (end < reader->tokens->len && get_token (reader, end)->row == row)
        {
          NbTokenKind kind = get_token (reader, end)->kind;

          has_values |= kind == NB_TOKEN_VALUE || kind == NB_TOKEN_SLASH;
          end++;
        }

      for (guint j = i; j < end && !unknown; j++)
        {
          NbToken *token = get_token (reader, j);
          guint used = 1;
          int what;

          if (token->kind != NB_TOKEN_TEXT)
            {
              if (label >= 0)
                add_value (reader, label, j);
              else
                g_array_append_val (row_values, j);
              continue;
            }
          if (!has_values)
            {
              if (!is_known_text (reader->voc, token->norm) && match_row (reader->voc, token->norm).row < 0)
                nb_import_add_problem (reader->result, token->line, _("Not read in table %s: “%s”"),
                                       reader->name, token->raw);
              continue;
            }
          what = classify_text (reader, j, end, &used);
          j += used - 1;
          if (what >= 0 && label < 0 && !reader->rows[what].seen)
            {
              label = what;
              labelled = TRUE;
              reader->rows[what].seen = TRUE;
              reader->rows[what].line = token->line;
            }
          else if (what != TEXT_KNOWN)
            {
              report_unplaced (reader, token->line,
                               _("“%s” is not a row of table %s; the figures on its line were not placed"),
                               token->raw, reader->name);
              unknown = TRUE;
              if (label >= 0)
                g_array_set_size (reader->rows[label].values, 0);
            }
        }

      if (has_values && label < 0 && !unknown)
        {
          if (plain->len == 0)
            plain_line = get_token (reader, i)->line;
          g_array_append_vals (plain, row_values->data, row_values->len);
        }
      i = end;
    }

  if (labelled)
    {
      if (plain->len > 0)
        report_unplaced (reader, plain_line,
                         _("Figures beginning with “%s” stand under no row label of table %s and were not placed"),
                         get_token (reader, g_array_index (plain, guint, 0))->raw, reader->name);
      place_rows (reader);
      return;
    }
  if (plain->len == 0)
    {
      nb_import_add_problem (reader->result, 0, _("No row of figures was found in table %s"), reader->name);
      reader->result->complete = FALSE;
      return;
    }
  place_values (reader, nb_format_section (3)->heading, plain_line, plain,
                NB_T4_N_GROUPS * NB_T4_N_COLUMNS, nb_format_t4_cell (0, 0));
}

/**
 * nb_import_read_table:
 * @table: 2, 3 or 4
 * @lines: the lines between the table's heading and the next one
 *
 * Places the figures of one table into @result's report.
 *
 * Returns: %FALSE, with @error set, only for a table of the 2019 format.
 */
gboolean
nb_import_read_table (guint table, const NbImportLine *lines, guint n_lines,
                      NbImportResult *result, GError **error)
{
  Reader reader = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (table >= 2 && table <= 4, FALSE);

  reader.voc = get_vocabulary (table);
  reader.name = nb_format_section (table - 1)->numeral;
  reader.result = result;
  reader.pending = -1;
  for (guint r = 0; r < reader.voc->n_rows; r++)
    reader.rows[r].values = g_array_new (FALSE, FALSE, sizeof (guint));

  reader.tokens = nb_import_tokenize (lines, n_lines);

  if (table == 4)
    read_table_four (&reader);
  else
    {
      guint i = 0;

      while (ok && i < reader.tokens->len)
        {
          guint row = get_token (&reader, i)->row;
          guint end = i;

          while (end < reader.tokens->len && get_token (&reader, end)->row == row)
            end++;
          ok = read_row (&reader, i, end, error);
          i = end;
        }
      if (ok)
        place_rows (&reader);
    }

  for (guint r = 0; r < reader.voc->n_rows; r++)
    g_array_unref (reader.rows[r].values);
  g_array_unref (reader.tokens);
  return ok;
}
