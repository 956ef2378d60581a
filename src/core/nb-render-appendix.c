/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The appendix 附：与上年对比 after the report, on pages of its own: the
 * key figures and the totals of each table beside last year's, with the
 * change, then the key figures over every stored year as small charts.
 * It stands apart from the report (its own heading, no section number), so
 * the report itself is laid out exactly as without it.
 */
#include "config.h"

#include <string.h>

#include "nb-compare.h"
#include "nb-number.h"
#include "nb-render-private.h"

/* The appendix's own wording: column heads and group rows. */
#define COL_ITEM "项目"
#define COL_LAST "上年"
#define COL_THIS "本年"
#define COL_CHANGE "增减"
#define COL_PERCENT "增减%"
#define GROUP_KEY "主要数据"
#define GROUP_TOTALS "各部分数据合计"
#define CHART_TITLE "主要数据历年变化"

#define N_COLS 5

/* Below this the panels' figures get too small to read on paper. */
#define CHART_MIN_HEIGHT (NB_BLOCK_HEIGHT * 0.38)
#define CHART_HEIGHT (NB_BLOCK_WIDTH * 0.75)

static gboolean
subtract_checked (gint64 a, gint64 b, gint64 *out)
{
  if ((b < 0 && a > G_MAXINT64 + b) || (b > 0 && a < G_MININT64 + b))
    return FALSE;
  *out = a - b;
  return TRUE;
}

/* As nb-compare.c does it: change / last in tenths of a percent, rounded
 * half away from zero; unknown when last is 0 (or beyond 10^15). */
static void
fill_change (NbCompareValue *value)
{
  guint64 num, den, q, r;

  value->has_change = value->has_last && value->has_this
                      && subtract_checked (value->this_year, value->last, &value->change);
  value->has_percent = FALSE;
  if (!value->has_change || value->last == 0)
    return;

  num = value->change < 0 ? (guint64) 0 - (guint64) value->change : (guint64) value->change;
  den = value->last < 0 ? (guint64) 0 - (guint64) value->last : (guint64) value->last;
  if (num > G_MAXUINT64 / 1000)
    return;
  q = num * 1000 / den;
  r = num * 1000 % den;
  if (r * 2 >= den)
    q++;
  if (q > (guint64) G_MAXINT64)
    return;
  value->permille = (value->change < 0) != (value->last < 0) ? -(gint64) q : (gint64) q;
  value->has_percent = TRUE;
}

static char *
format_change (const NbCompareValue *value, NbCellKind kind)
{
  g_autofree char *digits = NULL;

  if (!value->has_change)
    return NULL;
  digits = nb_number_format (value->change, kind);
  return value->change > 0 ? g_strconcat ("+", digits, NULL) : g_steal_pointer (&digits);
}

static void
set_row (NbRenderGrid *grid, guint row, const char *label,
         const NbCompareValue *value, NbCellKind kind)
{
  g_autofree char *last = value->has_last ? nb_number_format (value->last, kind) : NULL;
  g_autofree char *now = value->has_this ? nb_number_format (value->this_year, kind) : NULL;
  g_autofree char *change = format_change (value, kind);
  g_autofree char *percent = nb_compare_format_percent (value);

  nb_render_grid_set (grid, row, 0, 1, label);
  nb_render_grid_set (grid, row, 1, 1, last);
  nb_render_grid_set (grid, row, 2, 1, now);
  nb_render_grid_set (grid, row, 3, 1, change);
  nb_render_grid_set (grid, row, 4, 1, percent);
}

static char *
dup_year_head (const char *head, guint year)
{
  /* the year on a line of its own rather than broken inside */
  return year != 0 ? g_strdup_printf ("%s\n%u年", head, year) : g_strdup (head);
}

/* 项目 | 上年 | 本年 | 增减 | 增减%: the key figures, then each table's total. */
static void
add_comparison (NbRender *self, NbReport *report, NbReport *previous)
{
  static const double fractions[N_COLS] = { 0.48, 0.13, 0.13, 0.13, 0.13 };
  g_autoptr(NbComparison) comparison = nb_compare (report, previous);
  g_autofree char *last_head = dup_year_head (COL_LAST, nb_report_get_year (previous));
  g_autofree char *this_head = dup_year_head (COL_THIS, nb_report_get_year (report));
  guint n_rows = 1 + 1 + NB_N_TRENDS + 1 + NB_COMPARE_N_TOTALS;
  NbRenderGrid *grid = nb_render_grid_new (n_rows, N_COLS, 1, fractions);
  guint row = 0;

  nb_render_grid_set (grid, row, 0, 1, COL_ITEM);
  nb_render_grid_set (grid, row, 1, 1, last_head);
  nb_render_grid_set (grid, row, 2, 1, this_head);
  nb_render_grid_set (grid, row, 3, 1, COL_CHANGE);
  nb_render_grid_set (grid, row, 4, 1, COL_PERCENT);
  row++;

  nb_render_grid_set (grid, row++, 0, N_COLS, GROUP_KEY);
  for (guint t = 0; t < NB_N_TRENDS; t++)
    {
      NbCompareValue value = { 0 };

      value.has_last = nb_trend_read_report (t, previous, &value.last);
      value.has_this = nb_trend_read_report (t, report, &value.this_year);
      fill_change (&value);
      set_row (grid, row++, nb_trend_get_label (t), &value, NB_CELL_COUNT);
    }

  nb_render_grid_set (grid, row++, 0, N_COLS, GROUP_TOTALS);
  for (guint t = 0; t < NB_COMPARE_N_TOTALS; t++)
    {
      /* the fee shares table 二's heading: it goes by its own cell */
      g_autofree char *fee = t == NB_COMPARE_TOTAL_FEES
        ? nb_format_cell_describe (nb_format_cell_by_id ("t2.fees.amount")) : NULL;

      set_row (grid, row++, fee != NULL ? fee : nb_compare_total_heading (t),
               nb_comparison_get_total (comparison, t), nb_compare_total_kind (t));
    }

  nb_render_grid_place (self, grid);
}

static void
add_chart (NbRender *self, NbTrends *trends)
{
  guint n = nb_trends_get_n_years (trends);
  g_autofree char *title = g_strdup_printf (CHART_TITLE "（%u\u2014%u年）",
                                            nb_trends_get_year (trends, 0),
                                            nb_trends_get_year (trends, n - 1));
  double height;

  nb_render_advance (self, NB_LINE_PITCH / 2.0);
  if (nb_render_get_space (self) < NB_LINE_PITCH + CHART_MIN_HEIGHT - NB_RENDER_EPSILON
      && !nb_render_at_page_top (self))
    nb_render_break_page (self);
  nb_render_add_plain (self, NB_FONT_SUBHEADING, title, PANGO_ALIGN_CENTER, FALSE, 0.0);
  nb_render_advance (self, NB_LINE_PITCH / 4.0);

  height = MIN (nb_render_get_space (self), CHART_HEIGHT);
  nb_render_add_chart (self, nb_render_get_page (self), trends,
                       NB_BLOCK_LEFT, nb_render_get_y (self), NB_BLOCK_WIDTH, height);
  nb_render_advance (self, height);
}

void
nb_render_add_appendix (NbRender *self, NbReport *report, const NbRenderOptions *options)
{
  NbReport *previous = options->previous;
  g_autoptr(NbTrends) trends = NULL;

  /* last year's report from the history when not given */
  if (previous == NULL && options->history != NULL && nb_report_get_year (report) > 0)
    for (guint i = 0; i < options->history->len && previous == NULL; i++)
      if (nb_report_get_year (g_ptr_array_index (options->history, i))
          == nb_report_get_year (report) - 1)
        previous = g_ptr_array_index (options->history, i);

  /* this year as laid out, not as stored, wins over the history's copy */
  if (options->history != NULL)
    {
      g_autoptr(GPtrArray) years = g_ptr_array_new ();

      g_ptr_array_add (years, report);
      if (previous != NULL)
        g_ptr_array_add (years, previous);
      for (guint i = 0; i < options->history->len; i++)
        g_ptr_array_add (years, g_ptr_array_index (options->history, i));
      trends = nb_trends_new (years);
      if (nb_trends_get_n_years (trends) < 2)
        g_clear_pointer (&trends, nb_trends_free);
    }

  if (previous == NULL && trends == NULL)
    return;

  nb_render_break_page (self);
  nb_render_add_bookmark (self, NB_APPENDIX_HEADING);
  nb_render_add_plain (self, NB_FONT_HEADING, NB_APPENDIX_HEADING, PANGO_ALIGN_LEFT, FALSE, 0.0);
  nb_render_advance (self, NB_LINE_PITCH / 2.0);

  if (previous != NULL)
    add_comparison (self, report, previous);
  if (trends != NULL)
    add_chart (self, g_steal_pointer (&trends));
}
