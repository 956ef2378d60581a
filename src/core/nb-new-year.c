/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copied texts carry no mark in the report itself (the store has no place
 * for one): a draft is "from last year" for exactly as long as its body
 * equals last year's, which nb_new_year_list_copied() tells and W6 warns
 * about. Editing the text is what removes the mark.
 */
#include "config.h"

#include "nb-new-year.h"
#include "nb-similarity.h"

static char *
period_of (guint year)
{
  return g_strdup_printf ("自%u年1月1日起至%u年12月31日止", year, year);
}

static char *
replace_all (const char *text, const char *from, const char *to)
{
  g_auto(GStrv) pieces = g_strsplit (text, from, -1);

  return g_strjoinv (to, pieces);
}

NbReport *
nb_report_new_year_from (NbReport *last)
{
  NbReport *report;
  guint year;

  g_return_val_if_fail (NB_IS_REPORT (last), NULL);
  year = nb_report_get_year (last);
  g_return_val_if_fail (year >= NB_MIN_YEAR && year < NB_MAX_YEAR, NULL);

  report = nb_report_new ();
  for (guint f = 0; f < NB_N_ORGAN_FIELDS; f++)
    nb_report_set_organ_field (report, f, nb_report_get_organ_field (last, f));
  nb_report_set_year (report, year + 1);

  if (nb_report_get_preamble (last) != NULL)
    {
      g_autofree char *old_period = period_of (year);
      g_autofree char *new_period = period_of (year + 1);
      g_autofree char *preamble = replace_all (nb_report_get_preamble (last),
                                               old_period, new_period);

      nb_report_set_preamble (report, preamble);
    }

  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    {
      gint64 value;

      if (nb_report_get_figure (last, nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, c), &value))
        nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c), value);
    }

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint i = 0; i < nb_report_get_n_parts (last, s); i++)
      nb_report_insert_part (report, s, -1, nb_report_get_part_heading (last, s, i),
                             nb_report_get_part_body (last, s, i));
  return report;
}

GArray *
nb_new_year_list_copied (NbReport *report, NbReport *last)
{
  GArray *copied;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (NB_IS_REPORT (last), NULL);

  copied = g_array_new (FALSE, FALSE, sizeof (NbPartRef));
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint i = 0; i < nb_report_get_n_parts (report, s); i++)
      {
        int match = nb_similarity_match_part (report, last, s, i);
        const char *body = nb_report_get_part_body (report, s, i);
        NbPartRef ref = { s, i };

        if (match >= 0 && body != NULL && body[0] != '\0' &&
            g_strcmp0 (body, nb_report_get_part_body (last, s, (guint) match)) == 0)
          g_array_append_val (copied, ref);
      }
  return copied;
}
