/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports built in code for the tests of comparison, similarity,
 * aggregation and new year: consistent (every rule holds), with figures
 * that vary with a seed so that two organs or two years differ.
 */
#pragma once

#include "nb-format.h"
#include "nb-report.h"

static inline guint
years_cell (const char *id)
{
  guint c = nb_format_cell_by_id (id);

  g_assert_cmpuint (c, !=, NB_CELL_NONE);
  return c;
}

static inline void
years_set (NbReport *report, const char *id, gint64 value)
{
  nb_report_set_figure (report, years_cell (id), value);
}

static inline gint64
years_get (NbReport *report, const char *id)
{
  gint64 value = 0;

  g_assert_true (nb_report_get_figure (report, years_cell (id), &value));
  return value;
}

/* A complete report of @organ for @year in which every rule (R1–R5)
 * holds; @seed varies the figures. */
static inline NbReport *
years_make_report (const char *organ, guint year, guint seed)
{
  NbReport *report = nb_report_new ();
  g_autofree char *issued = g_strdup_printf ("%u-01-20", year + 1);

  nb_report_set_organ_field (report, NB_ORGAN_NAME, organ);
  nb_report_set_organ_field (report, NB_ORGAN_ADDRESS, "示例市中山路1号");
  nb_report_set_organ_field (report, NB_ORGAN_POSTCODE, "100000");
  nb_report_set_organ_field (report, NB_ORGAN_TELEPHONE, "010-12345678");
  nb_report_set_organ_field (report, NB_ORGAN_EMAIL, "gongkai@example.org");
  nb_report_set_organ_field (report, NB_ORGAN_WEBSITE, "https://www.example.org");
  nb_report_set_year (report, year);
  g_assert_true (nb_report_set_issued (report, issued, NULL));

  years_set (report, "t2.rules.issued", 2 + seed % 3);
  years_set (report, "t2.rules.repealed", 1);
  years_set (report, "t2.rules.in_force", 17 + seed);
  years_set (report, "t2.normative.issued", 11);
  years_set (report, "t2.normative.repealed", 4);
  years_set (report, "t2.normative.in_force", 86 + seed);
  years_set (report, "t2.license.decisions", 3985758 + seed);
  years_set (report, "t2.penalty.decisions", 412);
  years_set (report, "t2.coercion.decisions", 9);
  years_set (report, "t2.fees.amount", G_GINT64_CONSTANT (96171600000) + seed);

  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    for (guint r = 0; r < NB_T3_N_ROWS; r++)
      nb_report_set_figure (report, nb_format_t3_cell (r, c), 0);
  for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
    {
      gint64 results = 0;
      gint64 new_requests = 60 + 13 * (gint64) c + seed;
      gint64 carried_in = 1 + (gint64) c;

      for (guint r = NB_T3_ROW_FIRST_RESULT; r <= NB_T3_ROW_LAST_RESULT; r++)
        {
          gint64 v = (gint64) ((r * 7 + c * 3 + seed) % 5);

          nb_report_set_figure (report, nb_format_t3_cell (r, c), v);
          results += v;
        }
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_NEW, c), new_requests);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c), carried_in);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_RESULT_TOTAL, c), results);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, c),
                            new_requests + carried_in - results);
    }
  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    {
      gint64 total = 0, v;

      for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
        {
          g_assert_true (nb_report_get_figure (report, nb_format_t3_cell (r, c), &v));
          total += v;
        }
      nb_report_set_figure (report, nb_format_t3_cell (r, NB_T3_COL_TOTAL), total);
    }
  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    {
      gint64 sum = 0;

      for (guint c = 0; c < NB_T4_COL_TOTAL; c++)
        {
          nb_report_set_figure (report, nb_format_t4_cell (g, c), (gint64) (g + c + seed % 2));
          sum += (gint64) (g + c + seed % 2);
        }
      nb_report_set_figure (report, nb_format_t4_cell (g, NB_T4_COL_TOTAL), sum);
    }

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      const NbSectionInfo *info = nb_format_text_section (s);

      for (guint i = 0; info->customary[i] != NULL; i++)
        nb_report_insert_part (report, s, -1, info->customary[i],
                               s == NB_TEXT_OTHER && i == 0
                               ? "本年度本机关未收取信息处理费。"
                               : "本年度按照计划推进相关工作，各项任务落实到位，群众满意度进一步提高。");
    }
  return report;
}
