/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables as the printed form has them: merged headers, group labels
 * spanning their rows, built by walking nb-format.
 */
#include "config.h"

#include "nb-table-page-private.h"

static GtkWidget *
add_label (NbTablePage *self, const char *text, int col, int row, int width, int height,
           const char *css_class, int max_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  /* A wrapping label would otherwise shrink to one character a line
   * before the figures' columns give up any space. */
  if (max_chars > 0)
    {
      gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
      gtk_label_set_width_chars (GTK_LABEL (label), MAX (max_chars * 2 / 3, 1));
    }
  gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (self->grid, label, col, row, width, height);
  return label;
}

static GtkWidget *
add_row_label (NbTablePage *self, const char *text, int col, int row, int width, int height,
               int max_chars)
{
  GtkWidget *label = add_label (self, text, col, row, width, height, "nb-row-head", max_chars);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_LEFT);
  return label;
}

/* Table 二: each block is headed by its article item, then its column
 * labels, then its rows; a one-column block spans the three columns. */
static void
build_t2 (NbTablePage *self)
{
  int row = 0;
  guint vrow = 0;

  for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
    {
      const NbT2Block *block = nb_format_t2_block (b);

      add_label (self, block->header, 0, row++, 4, 1, "nb-block-head", -1);
      add_label (self, NB_T2_ROW_LABEL, 0, row, 1, 1, "nb-head", 12);
      if (block->n_columns == 1)
        add_label (self, block->column_labels[0], 1, row, 3, 1, "nb-head", -1);
      else
        for (guint c = 0; c < block->n_columns; c++)
          add_label (self, block->column_labels[c], 1 + (int) c, row, 1, 1, "nb-head", 10);
      row++;

      for (guint r = 0; r < block->n_rows; r++, row++, vrow++)
        {
          add_row_label (self, block->rows[r].label, 0, row, 1, 1, 12);
          for (guint c = 0; c < block->n_columns; c++)
            nb_table_page_add_slot (self, nb_format_t2_cell (b, r, c),
                      block->n_columns == 1 ? 1 : 1 + (int) c, row,
                      block->n_columns == 1 ? 3 : 1, vrow, c);
        }
    }
}

/* Table 三: three label columns (outer group, inner group, row), three
 * header rows (申请人情况, the organisation group, the kinds). */
static void
build_t3 (NbTablePage *self)
{
  const int first = 3;

  add_label (self, "", 0, 0, 3, 3, "nb-head", -1);
  add_label (self, NB_T3_SPANNING_HEADER, first, 0, NB_T3_N_COLUMNS, 1, "nb-head", -1);
  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    {
      const NbT3Column *column = nb_format_t3_column (c);

      if (column->group == NULL)
        {
          add_label (self, column->label, first + (int) c, 1, 1, 2, "nb-head", 6);
          continue;
        }
      if (c == 0 || g_strcmp0 (nb_format_t3_column (c - 1)->group, column->group) != 0)
        {
          guint span = 1;

          while (c + span < NB_T3_N_COLUMNS &&
                 g_strcmp0 (nb_format_t3_column (c + span)->group, column->group) == 0)
            span++;
          add_label (self, column->group, first + (int) c, 1, (int) span, 1, "nb-head", -1);
        }
      add_label (self, column->label, first + (int) c, 2, 1, 1, "nb-head", 12);
    }

  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    {
      const NbT3Row *row = nb_format_t3_row (r);
      const NbT3Row *prev = r > 0 ? nb_format_t3_row (r - 1) : NULL;
      int grid_row = first + (int) r;

      if (row->outer == NULL)
        add_row_label (self, row->label, 0, grid_row, 3, 1, 24);
      else
        {
          if (prev == NULL || g_strcmp0 (prev->outer, row->outer) != 0)
            {
              guint span = 1;
              GtkWidget *label;

              while (r + span < NB_T3_N_ROWS &&
                     g_strcmp0 (nb_format_t3_row (r + span)->outer, row->outer) == 0)
                span++;
              label = add_label (self, row->outer, 0, grid_row, 1, (int) span, "nb-row-head", 4);
              gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
            }
          if (row->inner == NULL)
            add_row_label (self, row->label, 1, grid_row, 2, 1, 24);
          else
            {
              if (prev == NULL || g_strcmp0 (prev->inner, row->inner) != 0)
                {
                  guint span = 1;

                  while (r + span < NB_T3_N_ROWS &&
                         g_strcmp0 (nb_format_t3_row (r + span)->inner, row->inner) == 0)
                    span++;
                  add_row_label (self, row->inner, 1, grid_row, 1, (int) span, 8);
                }
              add_row_label (self, row->label, 2, grid_row, 1, 1, 18);
            }
        }

      for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
        nb_table_page_add_slot (self, nb_format_t3_cell (r, c), first + (int) c, grid_row, 1, r, c);
    }
}

/* Table 四: 行政复议 and 行政诉讼 (over its two groups), then the five
 * result columns of each group, then one row of figures. */
static void
build_t4 (NbTablePage *self)
{
  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    {
      const NbT4Group *group = nb_format_t4_group (g);
      int col = (int) (g * NB_T4_N_COLUMNS);

      if (group->parent == NULL)
        add_label (self, group->label, col, 0, NB_T4_N_COLUMNS, 2, "nb-head", -1);
      else
        {
          if (g == 0 || g_strcmp0 (nb_format_t4_group (g - 1)->parent, group->parent) != 0)
            {
              guint span = 1;

              while (g + span < NB_T4_N_GROUPS &&
                     g_strcmp0 (nb_format_t4_group (g + span)->parent, group->parent) == 0)
                span++;
              add_label (self, group->parent, col, 0, (int) (span * NB_T4_N_COLUMNS), 1,
                         "nb-head", -1);
            }
          add_label (self, group->label, col, 1, NB_T4_N_COLUMNS, 1, "nb-head", -1);
        }
      for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
        {
          add_label (self, nb_format_t4_column_label (c), col + (int) c, 2, 1, 1, "nb-head", 4);
          nb_table_page_add_slot (self, nb_format_t4_cell (g, c), col + (int) c, 3, 1, 0, g * NB_T4_N_COLUMNS + c);
        }
    }
}

void
nb_table_layout_build (NbTablePage *self)
{
  switch (self->table)
    {
    case 2:
      build_t2 (self);
      break;
    case 3:
      build_t3 (self);
      break;
    case 4:
      build_t4 (self);
      break;
    default:
      g_assert_not_reached ();
    }
}
