/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the 对比 page writes a figure beside last year's (the sign always
 * written, blank as "—"), and the key figures of the trends view: the
 * same 主要数据 this year against last year that the PDF's appendix
 * opens with, so that the change and the years behind it are on one
 * screen.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-compare-page-private.h"
#include "nb-number.h"
#include "nb-trends.h"

char *
nb_compare_format_amount (gboolean known, gint64 value, NbCellKind kind)
{
  return known ? nb_number_format (value, kind) : g_strdup ("—");
}

/* The sign is always written, so that an increase and a decrease differ
 * in more than their colour. */
char *
nb_compare_format_change (const NbCompareValue *value, NbCellKind kind)
{
  if (value->has_change)
    {
      g_autofree char *number = nb_number_format (value->change, kind);

      return value->change > 0 ? g_strconcat ("+", number, NULL) : g_steal_pointer (&number);
    }
  if (value->has_this && !value->has_last)
    return g_strdup (_("newly filled in"));
  if (value->has_last && !value->has_this)
    return g_strdup (_("now blank"));
  return g_strdup ("—");
}

char *
nb_compare_format_percent_text (const NbCompareValue *value)
{
  char *percent = nb_compare_format_percent (value);

  return percent ? percent : g_strdup ("—");
}

void
nb_compare_set_sign_class (GtkWidget *widget, const NbCompareValue *value)
{
  gboolean up = value->has_change && value->change > 0;
  gboolean down = value->has_change && value->change < 0;
  gboolean same = value->has_last == value->has_this && !up && !down;

  if (gtk_widget_has_css_class (widget, "nb-increase") != up)
    (up ? gtk_widget_add_css_class : gtk_widget_remove_css_class) (widget, "nb-increase");
  if (gtk_widget_has_css_class (widget, "nb-decrease") != down)
    (down ? gtk_widget_add_css_class : gtk_widget_remove_css_class) (widget, "nb-decrease");
  /* what did not change steps back, so that what did stands out */
  if (gtk_widget_has_css_class (widget, "dim-label") != (same && !up && !down))
    (same ? gtk_widget_add_css_class : gtk_widget_remove_css_class) (widget, "dim-label");
}

/* A key figure in both years, as nb-compare gives a cell: the change
 * only when both are known, the percentage only against a non-zero year. */
static void
read_key (NbTrend trend, NbReport *report, NbReport *previous, NbCompareValue *value)
{
  *value = (NbCompareValue) { 0 };
  value->has_this = nb_trend_read_report (trend, report, &value->this_year);
  value->has_last = nb_trend_read_report (trend, previous, &value->last);
  value->has_change = value->has_this && value->has_last &&
                      !__builtin_sub_overflow (value->this_year, value->last, &value->change);
  value->has_percent = value->has_change && value->last != 0;
  if (value->has_percent)
    {
      /* tenths of a percent, rounded half away from zero */
      double permille = (double) value->change * 1000.0 / (double) value->last;

      value->permille = (gint64) (permille < 0 ? permille - 0.5 : permille + 0.5);
    }
}

static GtkWidget *
new_cell (const char *text, gboolean number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0f : 0.0f);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

void
nb_compare_keys_fill (GtkGrid *grid, NbReport *report, NbReport *previous)
{
  const char *heads[] = { N_("Last year"), N_("This year"), N_("Change"), N_("Change in %") };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
  if (report == NULL || previous == NULL)
    return;

  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      GtkWidget *head = new_cell (_(heads[c]), TRUE);

      gtk_widget_add_css_class (head, "heading");
      gtk_grid_attach (grid, head, (int) c + 1, 0, 1, 1);
    }
  for (NbTrend trend = 0; trend < NB_N_TRENDS; trend++)
    {
      NbCompareValue value;
      g_autofree char *last = NULL, *now = NULL, *change = NULL, *percent = NULL;
      GtkWidget *cells[4];

      read_key (trend, report, previous, &value);
      last = nb_compare_format_amount (value.has_last, value.last, NB_CELL_COUNT);
      now = nb_compare_format_amount (value.has_this, value.this_year, NB_CELL_COUNT);
      change = nb_compare_format_change (&value, NB_CELL_COUNT);
      percent = nb_compare_format_percent_text (&value);
      cells[0] = new_cell (last, TRUE);
      cells[1] = new_cell (now, TRUE);
      cells[2] = new_cell (change, TRUE);
      cells[3] = new_cell (percent, TRUE);
      nb_compare_set_sign_class (cells[2], &value);
      nb_compare_set_sign_class (cells[3], &value);
      gtk_grid_attach (grid, new_cell (nb_trend_get_label (trend), FALSE), 0, (int) trend + 1, 1, 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        gtk_grid_attach (grid, cells[c], (int) c + 1, (int) trend + 1, 1, 1);
    }
}
