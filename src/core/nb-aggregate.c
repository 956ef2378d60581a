/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule of FORMAT.md is a linear equation between figures, so the
 * sum of reports that keep them keeps them too: the summary needs no
 * arithmetic of its own beyond exact, overflow-checked addition.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-aggregate.h"
#include "nb-number.h"

G_DEFINE_QUARK (nb-aggregate-error-quark, nb_aggregate_error)

static const char *
name_of (NbReport *report)
{
  const char *name = nb_report_get_organ_name (report);

  return name != NULL && name[0] != '\0' ? name : "?";
}

NbReport *
nb_aggregate (GPtrArray   *reports,
              const char  *as_organ,
              guint        year,
              GError     **error)
{
  g_autoptr(NbReport) sum = NULL;
  gint64 totals[NB_N_CELLS] = { 0 };
  gboolean filled[NB_N_CELLS] = { FALSE };

  g_return_val_if_fail (reports != NULL, NULL);
  g_return_val_if_fail (as_organ != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (reports->len == 0)
    {
      g_set_error_literal (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_EMPTY,
                           _("There are no reports to add up"));
      return NULL;
    }

  for (guint i = 0; i < reports->len; i++)
    {
      NbReport *report = g_ptr_array_index (reports, i);

      g_return_val_if_fail (NB_IS_REPORT (report), NULL);
      if (nb_report_get_year (report) != year)
        {
          g_set_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_WRONG_YEAR,
                       _("The report of %s is for %u, not %u"),
                       name_of (report), nb_report_get_year (report), year);
          return NULL;
        }
    }

  for (guint i = 0; i < reports->len; i++)
    {
      NbReport *report = g_ptr_array_index (reports, i);

      for (guint cell = 0; cell < NB_N_CELLS; cell++)
        {
          gint64 value;

          if (!nb_report_get_figure (report, cell, &value))
            continue;
          if ((value > 0 && totals[cell] > G_MAXINT64 - value) ||
              (value < 0 && totals[cell] < G_MININT64 - value))
            {
              g_autofree char *where = nb_format_cell_describe (cell);

              g_set_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_OVERFLOW,
                           _("%s: the sum is too large to hold (at the report of %s)"),
                           where, name_of (report));
              return NULL;
            }
          totals[cell] += value;
          filled[cell] = TRUE;
        }
    }

  sum = nb_report_new ();
  nb_report_set_organ_field (sum, NB_ORGAN_NAME, as_organ);
  nb_report_set_year (sum, year);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    if (filled[cell])
      nb_report_set_figure (sum, cell, totals[cell]);
  return g_steal_pointer (&sum);
}
