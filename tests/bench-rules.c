/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules run on every keystroke: a full check of a complete, valid
 * report against last year's must stay well under the time of a frame.
 * Fails when the median passes the target.
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "nb-rules.h"

#define TARGET_US 20.0
#define N_RUNS 20000

static void
fill_text (NbReport *report)
{
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      const NbSectionInfo *info = nb_format_text_section (s);

      for (guint i = 0; info->customary[i] != NULL; i++)
        nb_report_insert_part (report, s, -1, info->customary[i],
                               s == NB_TEXT_OTHER && i == 0
                               ? "本年度本机关未收取信息处理费。"
                               : "本年度按计划推进相关工作，主动公开各类政府信息，"
                                 "依法办理政府信息公开申请，情况良好。");
    }
}

/* A complete report of an invented organ in which every rule holds. */
static NbReport *
make_report (guint year)
{
  NbReport *report = nb_report_new ();
  g_autofree char *issued = g_strdup_printf ("%u-01-20", year + 1);
  const gint64 t2[] = { 2, 1, 17, 11, 4, 86, 3985758, 412, 9, G_GINT64_CONSTANT (96171600000) };

  nb_report_set_organ_field (report, NB_ORGAN_NAME, "示例市测试局");
  nb_report_set_organ_field (report, NB_ORGAN_WEBSITE, "https://www.example.org");
  nb_report_set_year (report, year);
  nb_report_set_issued (report, issued, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (t2); i++)
    nb_report_set_figure (report, i, t2[i]);

  for (guint c = 0; c <= NB_T3_COL_TOTAL; c++)
    {
      gint64 results = 0;
      gint64 scale = c == NB_T3_COL_TOTAL ? NB_T3_COL_TOTAL : 1;
      gint64 carried_in = 0;
      gint64 received = 0;

      for (guint r = NB_T3_ROW_FIRST_RESULT; r <= NB_T3_ROW_LAST_RESULT; r++)
        {
          nb_report_set_figure (report, nb_format_t3_cell (r, c), (gint64) r * scale);
          results += (gint64) r * scale;
        }
      carried_in = 3 * scale;
      received = results + 5 * scale - carried_in;
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_NEW, c), received);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c), carried_in);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_RESULT_TOTAL, c), results);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, c), 5 * scale);
    }

  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    {
      for (guint c = 0; c < NB_T4_COL_TOTAL; c++)
        nb_report_set_figure (report, nb_format_t4_cell (g, c), 1);
      nb_report_set_figure (report, nb_format_t4_cell (g, NB_T4_COL_TOTAL), NB_T4_COL_TOTAL);
    }

  fill_text (report);
  return report;
}

static NbReport *
make_previous (NbReport *report)
{
  NbReport *previous = make_report (nb_report_get_year (report) - 1);

  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    {
      gint64 in = 0;

      nb_report_get_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c), &in);
      nb_report_set_figure (previous, nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, c), in);
    }
  /* in_force = last year's + issued − repealed */
  nb_report_set_figure (previous, nb_format_cell_by_id ("t2.rules.in_force"), 17 - 2 + 1);
  nb_report_set_figure (previous, nb_format_cell_by_id ("t2.normative.in_force"), 86 - 11 + 4);
  return previous;
}

static gint64
now_ns (void)
{
  struct timespec ts;

  timespec_get (&ts, TIME_UTC);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Median time of one nb_rules_check() over N_RUNS runs, in µs. */
static double
measure (NbReport *report, NbReport *previous, guint expected_findings)
{
  g_autofree gint64 *times = g_new (gint64, N_RUNS);

  for (guint i = 0; i < 200; i++)
    g_ptr_array_unref (nb_rules_check (report, previous));

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = now_ns ();
      GPtrArray *findings = nb_rules_check (report, previous);

      times[i] = now_ns () - start;
      if (findings->len != expected_findings)
        g_error ("expected %u findings, got %u", expected_findings, findings->len);
      g_ptr_array_unref (findings);
    }
  qsort (times, N_RUNS, sizeof (gint64), compare_gint64);
  return (double) times[N_RUNS / 2] / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autoptr(NbReport) report = make_report (2024);
  g_autoptr(NbReport) previous = make_previous (report);
  g_autoptr(NbReport) edited = make_report (2024);
  g_autoptr(NbReport) blank = nb_report_new ();
  g_autoptr(GPtrArray) blank_findings = nb_rules_check (blank, NULL);
  double with_previous, with_preamble, all_blank;

  nb_report_set_preamble (edited,
                          "本报告由示例市测试局根据《中华人民共和国政府信息公开条例》编制。"
                          "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
                          "本报告电子版可在https://www.example.org查阅。如对本报告有疑问，"
                          "请与示例市测试局联系（电话：010-12345678）。");

  with_previous = measure (report, previous, 0);
  with_preamble = measure (edited, previous, 0);
  all_blank = measure (blank, NULL, blank_findings->len);

  g_print ("rules.check_with_previous median_us=%.2f target_us=%.0f\n", with_previous, TARGET_US);
  g_print ("rules.check_edited_preamble median_us=%.2f\n", with_preamble);
  g_print ("rules.check_all_blank median_us=%.2f findings=%u\n", all_blank, blank_findings->len);

  return with_previous <= TARGET_US ? EXIT_SUCCESS : EXIT_FAILURE;
}
