/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables 二, 三 and 四 as the official form (国办公开办函〔2021〕30号) draws
 * them: merged header cells, row-group labels spanning their rows, thin
 * rules, figures on one line at the right. A table that does not fit the
 * rest of a page breaks between rows and repeats its header rows.
 */
#include "config.h"

#include <string.h>

#include "nb-render-private.h"

typedef enum
{
  ALIGN_LEFT,
  ALIGN_CENTER,
  ALIGN_RIGHT,
} Align;

typedef struct
{
  guint row, col, rows, cols;
  char *text;
  Align align;
  gboolean figure;          /* one line, never broken */

  PangoLayout *layout;      /* NULL for a blank cell */
  PangoRectangle logical;   /* of the layout, in Pango units */
  double inset;             /* a balanced layout's margin on each side */

  /* where the text went, or could go, while paginating */
  gboolean drawn;
  guint best_page;
  double best_x, best_top, best_height;
} Cell;

typedef struct Table Table;
typedef gboolean (*WidthsFunc) (Table *table, double widest_figure);

struct Table
{
  guint n_rows, n_cols, n_header;
  double size, pad_x, pad_y;
  double *col_x;            /* n_cols + 1 edges, from the text block's left */
  double *row_h;
  gboolean *keep_with_next;
  GArray *cells;
  double *fractions;        /* a grid's column widths, shares of the block */
};

/* 五号, 小五, then smaller only as far as huge figures force it. */
static const double sizes[] = { 10.5, 9.0, 7.5, 6.5, 5.5, 5.0, 4.5 };

#define CELL_LINE_HEIGHT 1.45   /* Noto CJK's logical line, in ems */

static void
clear_cell (gpointer data)
{
  Cell *cell = data;

  g_clear_pointer (&cell->text, g_free);
  g_clear_object (&cell->layout);
}

static Table *
table_new (guint n_rows, guint n_cols, guint n_header)
{
  Table *table = g_new0 (Table, 1);

  table->n_rows = n_rows;
  table->n_cols = n_cols;
  table->n_header = n_header;
  table->col_x = g_new0 (double, n_cols + 1);
  table->row_h = g_new0 (double, n_rows);
  table->keep_with_next = g_new0 (gboolean, n_rows);
  table->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (table->cells, clear_cell);
  return table;
}

static void
table_free (Table *table)
{
  g_free (table->col_x);
  g_free (table->row_h);
  g_free (table->keep_with_next);
  g_free (table->fractions);
  g_array_unref (table->cells);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static void
add_cell (Table      *table,
          guint       row,
          guint       col,
          guint       rows,
          guint       cols,
          const char *text,
          Align       align)
{
  Cell cell = { row, col, rows, cols, g_strdup (text), align, FALSE };

  g_assert (row + rows <= table->n_rows && col + cols <= table->n_cols);
  g_array_append_val (table->cells, cell);
}

/* The figure exactly as stored and as the editor shows it; blank stays blank. */
static void
add_figure (Table    *table,
            NbReport *report,
            guint     cell_id,
            guint     row,
            guint     col,
            guint     cols)
{
  g_autofree char *text = nb_report_dup_figure_text (report, cell_id);

  add_cell (table, row, col, 1, cols, text, ALIGN_RIGHT);
  g_array_index (table->cells, Cell, table->cells->len - 1).figure = TRUE;
}

static double
span_width (Table *table, const Cell *cell)
{
  return table->col_x[cell->col + cell->cols] - table->col_x[cell->col];
}

static double
rows_height (Table *table, guint from, guint to)
{
  double height = 0.0;

  for (guint r = from; r < to; r++)
    height += table->row_h[r];
  return height;
}

/* The end (exclusive) of the run of rows kept together from @row. */
static guint
chain_end (Table *table, guint row)
{
  while (row + 1 < table->n_rows && table->keep_with_next[row])
    row++;
  return row + 1;
}

static double
text_width (NbRender *render, double size, const char *text)
{
  g_autoptr(PangoLayout) layout = nb_render_new_layout (render, NB_FONT_TABLE, size);
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static void
set_size (Table *table, double size)
{
  table->size = size;
  table->pad_x = 0.25 * size;
  table->pad_y = 0.2 * size;
}

/* A centred label that wraps is set in lines of even length, as a typist
 * would break it (商业/企业, not 商业企/业), and a numbered group label
 * breaks after its number: （三）/不予公开. */
static void
balance (Table *table, Cell *cell, double inner)
{
  const char *close = strstr (cell->text, "）");
  int lines = pango_layout_get_line_count (cell->layout);
  double width = inner;

  if (lines < 2)
    return;

  if (g_str_has_prefix (cell->text, "（") && close != NULL
      && close[strlen ("）")] != '\0')
    {
      g_autofree char *head = g_strndup (cell->text, close + strlen ("）") - cell->text);
      g_autofree char *split = g_strconcat (head, "\n", close + strlen ("）"), NULL);

      pango_layout_set_text (cell->layout, split, -1);
      if (pango_layout_get_line_count (cell->layout) <= lines)
        return;
      pango_layout_set_text (cell->layout, cell->text, -1);
    }

  for (double w = inner - table->size / 2.0; w > table->size; w -= table->size / 2.0)
    {
      pango_layout_set_width (cell->layout, (int) (w * PANGO_SCALE));
      if (pango_layout_get_line_count (cell->layout) > lines)
        break;
      width = w;
    }
  pango_layout_set_width (cell->layout, (int) (width * PANGO_SCALE));
  cell->inset = (inner - width) / 2.0;
}

static void
measure_cell (NbRender *render, Table *table, Cell *cell)
{
  double inner = span_width (table, cell) - 2.0 * table->pad_x;

  g_clear_object (&cell->layout);
  cell->inset = 0.0;
  if (cell->text == NULL || *cell->text == '\0')
    return;

  cell->layout = nb_render_new_layout (render, NB_FONT_TABLE, table->size);
  pango_layout_set_text (cell->layout, cell->text, -1);
  if (cell->figure)
    {
      pango_layout_get_extents (cell->layout, NULL, &cell->logical);
      /* only when even the smallest type cannot hold it on one line */
      if (cell->logical.width / (double) PANGO_SCALE > inner + NB_RENDER_EPSILON)
        {
          pango_layout_set_width (cell->layout, (int) (inner * PANGO_SCALE));
          pango_layout_set_wrap (cell->layout, PANGO_WRAP_CHAR);
          pango_layout_set_alignment (cell->layout, PANGO_ALIGN_RIGHT);
        }
    }
  else
    {
      pango_layout_set_width (cell->layout, (int) (inner * PANGO_SCALE));
      pango_layout_set_wrap (cell->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (cell->layout,
                                  cell->align == ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
      if (cell->align == ALIGN_CENTER)
        balance (table, cell, inner);
    }
  pango_layout_get_extents (cell->layout, NULL, &cell->logical);
}

/* Tries the sizes from @first_size down until the columns hold the widest
 * figure on one line, then sets every cell and the row heights. */
static void
fit (NbRender *render, Table *table, double first_size, WidthsFunc set_widths)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      double widest = 0.0;

      if (sizes[i] > first_size + NB_RENDER_EPSILON)
        continue;

      set_size (table, sizes[i]);
      for (guint c = 0; c < table->cells->len; c++)
        {
          const Cell *cell = &g_array_index (table->cells, Cell, c);

          if (cell->figure && cell->text != NULL && *cell->text != '\0')
            widest = MAX (widest, text_width (render, table->size, cell->text));
        }
      if (set_widths (table, widest))
        break;
    }

  for (guint r = 0; r < table->n_rows; r++)
    table->row_h[r] = CELL_LINE_HEIGHT * table->size + 2.0 * table->pad_y;

  for (guint c = 0; c < table->cells->len; c++)
    {
      Cell *cell = &g_array_index (table->cells, Cell, c);

      measure_cell (render, table, cell);
      if (cell->layout != NULL && cell->rows == 1)
        table->row_h[cell->row] = MAX (table->row_h[cell->row],
                                       cell->logical.height / (double) PANGO_SCALE + 2.0 * table->pad_y);
    }

  /* a merged cell taller than its rows makes its last row taller */
  for (guint c = 0; c < table->cells->len; c++)
    {
      Cell *cell = &g_array_index (table->cells, Cell, c);
      double need, have;

      if (cell->layout == NULL || cell->rows == 1)
        continue;
      need = cell->logical.height / (double) PANGO_SCALE + 2.0 * table->pad_y;
      have = rows_height (table, cell->row, cell->row + cell->rows);
      if (need > have)
        table->row_h[cell->row + cell->rows - 1] += need - have;
    }
}

static void
draw_text (NbRender *render, Table *table, Cell *cell, guint page, double x, double top, double height)
{
  double text_x = x + table->pad_x + cell->inset;
  double text_y = top + (height - cell->logical.height / (double) PANGO_SCALE) / 2.0
                  - cell->logical.y / (double) PANGO_SCALE;

  if (cell->figure && pango_layout_get_width (cell->layout) < 0)
    text_x = x + span_width (table, cell) - table->pad_x
             - (cell->logical.x + cell->logical.width) / (double) PANGO_SCALE;

  nb_render_add_layout (render, page, cell->layout, text_x, text_y);
  cell->drawn = TRUE;
}

/* Header rows 0 … n_header-1, then body rows @from … @to-1, at the flow. */
static void
place_fragment (NbRender *render, Table *table, guint from, guint to)
{
  g_autofree double *row_top = g_new0 (double, table->n_rows);
  guint page = nb_render_get_page (render);
  double y = nb_render_get_y (render);

  for (guint r = 0; r < table->n_header; r++)
    {
      row_top[r] = y;
      y += table->row_h[r];
    }
  for (guint r = from; r < to; r++)
    {
      row_top[r] = y;
      y += table->row_h[r];
    }

  for (guint c = 0; c < table->cells->len; c++)
    {
      Cell *cell = &g_array_index (table->cells, Cell, c);
      guint first = cell->row, last = cell->row + cell->rows;
      double x = NB_BLOCK_LEFT + table->col_x[cell->col];
      double top, height;

      if (cell->row >= table->n_header)
        {
          first = MAX (first, from);
          last = MIN (last, to);
          if (first >= last)
            continue;
        }
      top = row_top[first];
      height = rows_height (table, first, last);
      nb_render_add_rect (render, page, x, top, span_width (table, cell), height);

      if (cell->layout == NULL)
        continue;

      /* a group label split by the page break goes in each part it fits */
      if (cell->logical.height / (double) PANGO_SCALE + 2.0 * table->pad_y
          <= height + NB_RENDER_EPSILON)
        draw_text (render, table, cell, page, x, top, height);
      else if (height > cell->best_height)
        {
          cell->best_page = page;
          cell->best_x = x;
          cell->best_top = top;
          cell->best_height = height;
        }
    }

  nb_render_advance (render, y - nb_render_get_y (render));
}

/* What must fit below a heading: the header rows and the first rows. */
static double
first_fragment_height (Table *table)
{
  guint end;

  if (table->n_header >= table->n_rows)
    return rows_height (table, 0, table->n_rows);
  end = chain_end (table, table->n_header);
  end = MAX (end, MIN (table->n_header + 3, table->n_rows));
  return rows_height (table, 0, end);
}

static void
place (NbRender *render, Table *table)
{
  double header = rows_height (table, 0, table->n_header);
  guint row = table->n_header;

  while (row < table->n_rows)
    {
      guint end = chain_end (table, row);
      guint least = MAX (end, MIN (row + 3, table->n_rows));
      double height = header + rows_height (table, row, end);

      /* no header with a lone row at the foot of a page */
      if (header + rows_height (table, row, least) > nb_render_get_space (render) + NB_RENDER_EPSILON
          && !nb_render_at_page_top (render))
        {
          nb_render_break_page (render);
          continue;
        }

      while (end < table->n_rows)
        {
          guint next = chain_end (table, end);
          double more = rows_height (table, end, next);

          if (height + more > nb_render_get_space (render) + NB_RENDER_EPSILON)
            break;
          height += more;
          end = next;
        }

      place_fragment (render, table, row, end);
      row = end;
      if (row < table->n_rows)
        nb_render_break_page (render);
    }

  /* a label that fitted in no part: into its tallest one */
  for (guint c = 0; c < table->cells->len; c++)
    {
      Cell *cell = &g_array_index (table->cells, Cell, c);

      if (cell->layout != NULL && !cell->drawn && cell->best_height > 0.0)
        draw_text (render, table, cell, cell->best_page, cell->best_x,
                   cell->best_top, cell->best_height);
    }
}

/* Table 二: each block its article item, its 信息内容 header row, its rows. */

static gboolean
widths_t2 (Table *table, double widest_figure)
{
  double label = NB_BLOCK_WIDTH / 4.0;
  double figure = (NB_BLOCK_WIDTH - label) / 3.0;

  table->col_x[0] = 0.0;
  table->col_x[1] = label;
  table->col_x[2] = label + figure;
  table->col_x[3] = label + 2.0 * figure;
  table->col_x[4] = NB_BLOCK_WIDTH;
  return widest_figure + 2.0 * table->pad_x <= figure;
}

static Table *
build_t2 (NbReport *report)
{
  guint n_rows = 0, row = 0;
  Table *table;

  for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
    n_rows += 2 + nb_format_t2_block (b)->n_rows;
  table = table_new (n_rows, 4, 0);

  for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
    {
      const NbT2Block *block = nb_format_t2_block (b);
      guint span = 3 / block->n_columns;

      add_cell (table, row, 0, 1, 4, block->header, ALIGN_CENTER);
      table->keep_with_next[row++] = TRUE;

      add_cell (table, row, 0, 1, 1, NB_T2_ROW_LABEL, ALIGN_CENTER);
      for (guint c = 0; c < block->n_columns; c++)
        add_cell (table, row, 1 + c * span, 1, span, block->column_labels[c], ALIGN_CENTER);
      table->keep_with_next[row++] = TRUE;

      for (guint r = 0; r < block->n_rows; r++)
        {
          add_cell (table, row, 0, 1, 1, block->rows[r].label, ALIGN_CENTER);
          for (guint c = 0; c < block->n_columns; c++)
            add_figure (table, report, nb_format_t2_cell (b, r, c), row, 1 + c * span, span);
          table->keep_with_next[row] = r + 1 < block->n_rows;
          row++;
        }
    }
  return table;
}

/* Table 三: three label columns (三、本年度办理结果 | （三）不予公开 | 1.属于…)
 * and the seven applicant columns under two header levels. */

#define T3_LABEL_COLUMNS 3
#define T3_HEADER_ROWS 3

static gboolean
widths_t3 (Table *table, double widest_figure)
{
  double s = table->size, pad = 2.0 * table->pad_x;
  double outer = 2.0 * s + pad;
  double inner = 4.0 * s + pad;
  double figure = MAX (widest_figure, 3.0 * s) + pad;
  double label = NB_BLOCK_WIDTH - outer - inner - NB_T3_N_COLUMNS * figure;
  double least = 6.0 * s + pad;
  gboolean fits = label >= least;

  if (!fits)
    {
      label = least;
      figure = (NB_BLOCK_WIDTH - outer - inner - label) / NB_T3_N_COLUMNS;
    }

  table->col_x[0] = 0.0;
  table->col_x[1] = outer;
  table->col_x[2] = outer + inner;
  table->col_x[3] = outer + inner + label;
  for (guint c = 1; c <= NB_T3_N_COLUMNS; c++)
    table->col_x[T3_LABEL_COLUMNS + c] = table->col_x[T3_LABEL_COLUMNS] + c * figure;
  table->col_x[T3_LABEL_COLUMNS + NB_T3_N_COLUMNS] = NB_BLOCK_WIDTH;
  return fits;
}

/* How many rows from @row on share @row's group label (outer or inner). */
static guint
t3_run (guint row, gboolean outer)
{
  const NbT3Row *first = nb_format_t3_row (row);
  const char *label = outer ? first->outer : first->inner;
  guint n = 0;

  while (row + n < NB_T3_N_ROWS)
    {
      const NbT3Row *next = nb_format_t3_row (row + n);

      if (g_strcmp0 (outer ? next->outer : next->inner, label) != 0)
        break;
      n++;
    }
  return n;
}

static Table *
build_t3 (NbReport *report)
{
  Table *table = table_new (T3_HEADER_ROWS + NB_T3_N_ROWS,
                            T3_LABEL_COLUMNS + NB_T3_N_COLUMNS, T3_HEADER_ROWS);
  const char *outer = NULL, *inner = NULL;

  add_cell (table, 0, 0, T3_HEADER_ROWS, T3_LABEL_COLUMNS, NB_T3_NOTE, ALIGN_CENTER);
  add_cell (table, 0, T3_LABEL_COLUMNS, 1, NB_T3_N_COLUMNS, NB_T3_SPANNING_HEADER, ALIGN_CENTER);
  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    {
      const NbT3Column *column = nb_format_t3_column (c);
      guint n = 0;

      if (column->group == NULL)
        {
          add_cell (table, 1, T3_LABEL_COLUMNS + c, 2, 1, column->label, ALIGN_CENTER);
          continue;
        }
      if (c > 0 && g_strcmp0 (nb_format_t3_column (c - 1)->group, column->group) == 0)
        continue;
      while (c + n < NB_T3_N_COLUMNS && g_strcmp0 (nb_format_t3_column (c + n)->group, column->group) == 0)
        n++;
      add_cell (table, 1, T3_LABEL_COLUMNS + c, 1, n, column->group, ALIGN_CENTER);
    }
  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    if (nb_format_t3_column (c)->group != NULL)
      add_cell (table, 2, T3_LABEL_COLUMNS + c, 1, 1, nb_format_t3_column (c)->label, ALIGN_CENTER);

  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    {
      const NbT3Row *row = nb_format_t3_row (r);
      guint at = T3_HEADER_ROWS + r;

      if (row->outer != NULL && g_strcmp0 (row->outer, outer) != 0)
        add_cell (table, at, 0, t3_run (r, TRUE), 1, row->outer, ALIGN_CENTER);
      if (row->inner != NULL && g_strcmp0 (row->inner, inner) != 0)
        add_cell (table, at, 1, t3_run (r, FALSE), 1, row->inner, ALIGN_CENTER);
      outer = row->outer;
      inner = row->inner;
      /* a group such as （六）其他处理 stays on one page with its label */
      table->keep_with_next[at] = row->inner != NULL && r + 1 < NB_T3_N_ROWS
                                  && g_strcmp0 (nb_format_t3_row (r + 1)->inner, row->inner) == 0;

      if (row->outer == NULL)
        add_cell (table, at, 0, 1, T3_LABEL_COLUMNS, row->label, ALIGN_LEFT);
      else if (row->inner == NULL)
        add_cell (table, at, 1, 1, T3_LABEL_COLUMNS - 1, row->label, ALIGN_LEFT);
      else
        add_cell (table, at, 2, 1, 1, row->label, ALIGN_LEFT);

      for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
        add_figure (table, report, nb_format_t3_cell (r, c), at, T3_LABEL_COLUMNS + c, 1);
    }
  return table;
}

/* Table 四: 行政复议 | 行政诉讼 › 未经复议直接起诉, 复议后起诉; five
 * result columns under each; one row of figures. */

static gboolean
widths_t4 (Table *table, double widest_figure)
{
  guint n = NB_T4_N_GROUPS * NB_T4_N_COLUMNS;
  double width = NB_BLOCK_WIDTH / n;

  for (guint c = 0; c <= n; c++)
    table->col_x[c] = c * width;
  table->col_x[n] = NB_BLOCK_WIDTH;
  return MAX (widest_figure, 2.0 * table->size) + 2.0 * table->pad_x <= width;
}

static Table *
build_t4 (NbReport *report)
{
  Table *table = table_new (4, NB_T4_N_GROUPS * NB_T4_N_COLUMNS, 3);

  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    {
      const NbT4Group *group = nb_format_t4_group (g);
      guint col = g * NB_T4_N_COLUMNS;
      guint n = 0;

      if (group->parent == NULL)
        {
          add_cell (table, 0, col, 2, NB_T4_N_COLUMNS, group->label, ALIGN_CENTER);
          continue;
        }
      if (g > 0 && g_strcmp0 (nb_format_t4_group (g - 1)->parent, group->parent) == 0)
        continue;
      while (g + n < NB_T4_N_GROUPS && g_strcmp0 (nb_format_t4_group (g + n)->parent, group->parent) == 0)
        n++;
      add_cell (table, 0, col, 1, n * NB_T4_N_COLUMNS, group->parent, ALIGN_CENTER);
    }
  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    if (nb_format_t4_group (g)->parent != NULL)
      add_cell (table, 1, g * NB_T4_N_COLUMNS, 1, NB_T4_N_COLUMNS,
                nb_format_t4_group (g)->label, ALIGN_CENTER);

  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
      add_cell (table, 2, g * NB_T4_N_COLUMNS + c, 1, 1, nb_format_t4_column_label (c), ALIGN_CENTER);

  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
      add_figure (table, report, nb_format_t4_cell (g, c), 3, g * NB_T4_N_COLUMNS + c, 1);
  return table;
}

void
nb_render_add_table (NbRender *self, NbReport *report, guint table_number)
{
  g_autoptr(Table) table = NULL;
  const char *heading = NULL;
  double size = nb_fonts_get_size (NB_FONT_TABLE);

  for (guint i = 0; i < NB_N_SECTIONS; i++)
    if (nb_format_section (i)->table == table_number)
      heading = nb_format_section (i)->heading;
  g_return_if_fail (heading != NULL);

  switch (table_number)
    {
    case 2:
      table = build_t2 (report);
      fit (self, table, size, widths_t2);
      break;
    case 3:
      table = build_t3 (report);
      fit (self, table, size, widths_t3);
      break;
    case 4:
      table = build_t4 (report);
      fit (self, table, size, widths_t4);
      break;
    default:
      g_return_if_reached ();
    }

  nb_render_add_heading (self, heading, first_fragment_height (table));
  place (self, table);
  nb_render_advance (self, NB_LINE_PITCH / 2.0);
}

/* Plain grids (the appendix) */

static gboolean
widths_grid (Table *table, double widest_figure)
{
  double total = 0.0, narrowest = NB_BLOCK_WIDTH;

  for (guint c = 0; c < table->n_cols; c++)
    total += table->fractions[c];
  table->col_x[0] = 0.0;
  for (guint c = 0; c < table->n_cols; c++)
    {
      double width = NB_BLOCK_WIDTH * table->fractions[c] / total;

      table->col_x[c + 1] = table->col_x[c] + width;
      if (c > 0)
        narrowest = MIN (narrowest, width);
    }
  table->col_x[table->n_cols] = NB_BLOCK_WIDTH;
  return widest_figure + 2.0 * table->pad_x <= narrowest;
}

NbRenderGrid *
nb_render_grid_new (guint n_rows, guint n_cols, guint n_header, const double *fractions)
{
  Table *table;

  g_return_val_if_fail (n_cols > 0 && n_header <= n_rows, NULL);

  table = table_new (n_rows, n_cols, n_header);
  table->fractions = g_memdup2 (fractions, n_cols * sizeof (double));
  return table;
}

void
nb_render_grid_set (NbRenderGrid *grid, guint row, guint col, guint cols, const char *text)
{
  gboolean header = row < grid->n_header;

  g_return_if_fail (row < grid->n_rows && cols > 0 && col + cols <= grid->n_cols);

  add_cell (grid, row, col, 1, cols, text,
            header ? ALIGN_CENTER : col == 0 || cols > 1 ? ALIGN_LEFT : ALIGN_RIGHT);
  g_array_index (grid->cells, Cell, grid->cells->len - 1).figure = !header && col > 0 && cols == 1;
}

void
nb_render_grid_place (NbRender *self, NbRenderGrid *grid)
{
  g_autoptr(Table) table = grid;

  fit (self, table, nb_fonts_get_size (NB_FONT_TABLE), widths_grid);
  if (first_fragment_height (table) > nb_render_get_space (self) + NB_RENDER_EPSILON
      && !nb_render_at_page_top (self))
    nb_render_break_page (self);
  place (self, table);
}
