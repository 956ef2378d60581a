/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-totals.h"

/* Adds the filled cells among @cells; FALSE when none is filled. */
static gboolean
add_cells (NbReport *report, const guint *cells, guint n, gint64 *sum)
{
  gboolean any = FALSE;

  *sum = 0;
  for (guint i = 0; i < n; i++)
    {
      gint64 value;

      if (nb_report_get_figure (report, cells[i], &value))
        {
          *sum += value;
          any = TRUE;
        }
    }
  return any;
}

/* Sums are taken over the plain figures only, never over other totals, so
 * the result does not depend on the order the totals are filled in. */
gboolean
nb_totals_compute (NbReport *report, guint cell, gint64 *value)
{
  const NbCellInfo *info;
  guint cells[(NB_T3_ROW_LAST_RESULT - NB_T3_ROW_FIRST_RESULT + 1) * NB_T3_COL_TOTAL];
  guint n = 0;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (cell < NB_N_CELLS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  info = nb_format_cell (cell);
  if (!info->is_total)
    return FALSE;

  if (info->table == 4)
    {
      for (guint c = 0; c < NB_T4_COL_TOTAL; c++)
        cells[n++] = nb_format_t4_cell (info->row, c);
    }
  else if (info->table == 3 && info->row != NB_T3_ROW_RESULT_TOTAL)
    {
      for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
        cells[n++] = nb_format_t3_cell (info->row, c);
    }
  else if (info->table == 3)
    {
      for (guint r = NB_T3_ROW_FIRST_RESULT; r <= NB_T3_ROW_LAST_RESULT; r++)
        for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
          if (info->col == NB_T3_COL_TOTAL || c == info->col)
            cells[n++] = nb_format_t3_cell (r, c);
    }
  else
    return FALSE;

  return add_cells (report, cells, n, value);
}

guint
nb_totals_fill (NbUndoStack *undo)
{
  NbReport *report;
  guint changed = 0;

  g_return_val_if_fail (NB_IS_UNDO_STACK (undo), 0);

  report = nb_undo_stack_get_report (undo);
  nb_undo_stack_begin_group (undo);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 sum, current;

      if (!nb_totals_compute (report, cell, &sum))
        continue;
      if (nb_report_get_figure (report, cell, &current) && current == sum)
        continue;
      nb_undo_stack_set_figure (undo, cell, TRUE, sum);
      changed++;
    }
  nb_undo_stack_end_group (undo);
  return changed;
}
