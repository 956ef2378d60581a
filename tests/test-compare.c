/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "nb-compare.h"
#include "nb-new-year.h"
#include "nb-rules.h"
#include "nb-similarity.h"
#include "years-util.h"

static void
test_every_figure (void)
{
  g_autoptr(NbReport) last = years_make_report ("示例市测试局", 2023, 0);
  g_autoptr(NbReport) now = years_make_report ("示例市测试局", 2024, 3);
  g_autoptr(NbComparison) cmp = NULL;
  guint changed = 0;

  years_set (last, "t2.penalty.decisions", 400);
  years_set (now, "t2.penalty.decisions", 450);         /* +12.5% */
  years_set (last, "t2.coercion.decisions", 3);
  years_set (now, "t2.coercion.decisions", 2);          /* -33.3% */
  years_set (last, "t4.review.upheld", 0);
  years_set (now, "t4.review.upheld", 5);               /* from 0: no % */
  years_set (last, "t2.normative.repealed", 3);
  years_set (now, "t2.normative.repealed", 4);          /* +33.3% (1/3) */
  years_set (last, "t2.normative.issued", 8);
  years_set (now, "t2.normative.issued", 9);            /* +12.5% exactly: rounds half up */
  years_set (last, "t2.fees.amount", G_GINT64_CONSTANT (96171600000));
  years_set (now, "t2.fees.amount", G_GINT64_CONSTANT (24252311082));
  nb_report_clear_figure (now, years_cell ("t2.rules.issued"));     /* blank this year */
  nb_report_clear_figure (last, years_cell ("t2.rules.repealed"));  /* blank last year */
  nb_report_set_figure (now, years_cell ("t2.rules.repealed"), 0);

  cmp = nb_compare (now, last);
  g_assert_true (nb_comparison_get_this_year (cmp) == now);
  g_assert_true (nb_comparison_get_last_year (cmp) == last);

  /* every figure against the reports themselves */
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      const NbCompareValue *v = nb_comparison_get_figure (cmp, cell);
      gint64 a = 0, b = 0;
      gboolean has_a = nb_report_get_figure (last, cell, &a);
      gboolean has_b = nb_report_get_figure (now, cell, &b);

      g_assert_cmpint (v->has_last, ==, has_a);
      g_assert_cmpint (v->has_this, ==, has_b);
      if (has_a)
        g_assert_cmpint (v->last, ==, a);
      if (has_b)
        g_assert_cmpint (v->this_year, ==, b);
      g_assert_cmpint (v->has_change, ==, has_a && has_b);
      if (v->has_change)
        g_assert_cmpint (v->change, ==, b - a);
      g_assert_cmpint (v->has_percent, ==, has_a && has_b && a != 0);
      if (v->has_percent)
        {
          /* |permille - 1000·change/last| ≤ 0.5 */
          double exact = 1000.0 * (double) (b - a) / (double) a;

          g_assert_cmpfloat (ABS ((double) v->permille - exact), <=, 0.5 + 1e-9);
        }
      if (nb_comparison_figure_changed (cmp, cell))
        changed++;
      g_assert_cmpint (nb_comparison_figure_changed (cmp, cell), ==,
                       has_a != has_b || (has_a && a != b));
    }
  g_assert_cmpuint (nb_comparison_count_changed (cmp), ==, changed);

#define PERCENT_IS(id, text) G_STMT_START { \
    g_autofree char *p_ = nb_compare_format_percent (nb_comparison_get_figure (cmp, years_cell (id))); \
    g_assert_cmpstr (p_, ==, text); } G_STMT_END
  PERCENT_IS ("t2.penalty.decisions", "+12.5%");
  PERCENT_IS ("t2.coercion.decisions", "-33.3%");
  PERCENT_IS ("t4.review.upheld", NULL);
  PERCENT_IS ("t2.normative.repealed", "+33.3%");
  PERCENT_IS ("t2.normative.issued", "+12.5%");
  PERCENT_IS ("t2.fees.amount", "-74.8%");
  PERCENT_IS ("t2.rules.issued", NULL);
  PERCENT_IS ("t2.rules.repealed", NULL);
  PERCENT_IS ("t2.normative.in_force", "+3.5%");   /* 86 → 89 */
  PERCENT_IS ("t2.license.decisions", "0.0%");     /* +3 of 3 985 758 */
#undef PERCENT_IS

  g_assert_cmpint (nb_comparison_get_figure (cmp, years_cell ("t2.fees.amount"))->change, ==,
                   G_GINT64_CONSTANT (24252311082) - G_GINT64_CONSTANT (96171600000));
  g_assert_true (nb_comparison_figure_changed (cmp, years_cell ("t2.rules.issued")));
  g_assert_true (nb_comparison_figure_changed (cmp, years_cell ("t2.rules.repealed")));
  g_assert_true (nb_comparison_figure_changed (cmp, years_cell ("t2.penalty.decisions")));
  g_assert_true (nb_comparison_figure_changed (cmp, years_cell ("t3.new.total")));
}

static void
test_totals (void)
{
  g_autoptr(NbReport) last = years_make_report ("示例市测试局", 2023, 0);
  g_autoptr(NbReport) now = years_make_report ("示例市测试局", 2024, 1);
  g_autoptr(NbComparison) cmp = NULL;
  gint64 sums[2][NB_COMPARE_N_TOTALS] = { { 0 } };
  NbReport *reports[2] = { last, now };
  const NbCompareValue *t2;

  for (guint y = 0; y < 2; y++)
    for (guint cell = 0; cell < NB_N_CELLS; cell++)
      {
        const NbCellInfo *info = nb_format_cell (cell);
        gint64 v;

        if (info->is_total)
          continue;
        g_assert_true (nb_report_get_figure (reports[y], cell, &v));
        if (info->kind == NB_CELL_FEE)
          sums[y][NB_COMPARE_TOTAL_FEES] += v;
        else
          sums[y][info->table == 2 ? NB_COMPARE_TOTAL_T2 : info->table == 3
                  ? NB_COMPARE_TOTAL_T3 : NB_COMPARE_TOTAL_T4] += v;
      }

  cmp = nb_compare (now, last);
  for (guint t = 0; t < NB_COMPARE_N_TOTALS; t++)
    {
      const NbCompareValue *v = nb_comparison_get_total (cmp, t);

      g_assert_true (v->has_last && v->has_this && v->has_change);
      g_assert_cmpint (v->last, ==, sums[0][t]);
      g_assert_cmpint (v->this_year, ==, sums[1][t]);
      g_assert_cmpint (v->change, ==, sums[1][t] - sums[0][t]);
      g_assert_nonnull (nb_compare_total_heading (t));
    }
  g_assert_cmpint (nb_compare_total_kind (NB_COMPARE_TOTAL_FEES), ==, NB_CELL_FEE);
  g_assert_cmpstr (nb_compare_total_heading (NB_COMPARE_TOTAL_T3), ==, "三、收到和处理政府信息公开申请情况");

  /* one blank cell makes that year's total unknown: blank is not 0 */
  nb_report_clear_figure (now, years_cell ("t2.coercion.decisions"));
  g_clear_pointer (&cmp, nb_comparison_free);
  cmp = nb_compare (now, last);
  t2 = nb_comparison_get_total (cmp, NB_COMPARE_TOTAL_T2);
  g_assert_true (t2->has_last);
  g_assert_false (t2->has_this);
  g_assert_false (t2->has_change);
  g_assert_false (t2->has_percent);
  g_assert_true (nb_comparison_get_total (cmp, NB_COMPARE_TOTAL_FEES)->has_change);
}

static char *
join_runs (GPtrArray *runs, gboolean with_last)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      NbDiffRun *run = g_ptr_array_index (runs, i);

      if (run->op == NB_DIFF_EQUAL || (run->op == NB_DIFF_REMOVED) == with_last)
        g_string_append (text, run->text);
      if (i > 0)
        g_assert_cmpint (run->op, !=, ((NbDiffRun *) g_ptr_array_index (runs, i - 1))->op);
    }
  return g_string_free (text, FALSE);
}

static void
check_diff (const char *last, const char *now, guint expect_runs)
{
  g_autoptr(GPtrArray) runs = nb_compare_diff_texts (last, now);
  g_autofree char *a = join_runs (runs, TRUE);
  g_autofree char *b = join_runs (runs, FALSE);

  g_assert_cmpstr (a, ==, last ? last : "");
  g_assert_cmpstr (b, ==, now ? now : "");
  if (expect_runs > 0)
    g_assert_cmpuint (runs->len, ==, expect_runs);
}

static void
test_diff (void)
{
  g_autoptr(GPtrArray) runs = NULL;
  GString *long_a = g_string_new (NULL), *long_b = g_string_new (NULL);
  NbDiffRun *run;

  runs = nb_compare_diff_texts ("本年度收到申请25件，全部按期答复。", "本年度收到申请31件，全部按期答复。");
  g_assert_cmpuint (runs->len, ==, 4);
  run = g_ptr_array_index (runs, 1);
  g_assert_cmpint (run->op, ==, NB_DIFF_REMOVED);
  g_assert_cmpstr (run->text, ==, "25");
  run = g_ptr_array_index (runs, 2);
  g_assert_cmpint (run->op, ==, NB_DIFF_ADDED);
  g_assert_cmpstr (run->text, ==, "31");

  check_diff ("", "", 0);
  check_diff (NULL, "新增内容", 1);
  check_diff ("删除内容", "", 1);
  check_diff ("相同", "相同", 1);
  check_diff ("甲乙丙丁戊己庚辛", "乙丙丁甲戊己辛庚", 0);
  check_diff ("abcabba", "cbabac", 0);
  check_diff ("一二三四五六七八九十", "三四五十一二", 0);

  /* unrelated long texts go past the cap: replaced wholesale, still exact */
  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_unichar (long_a, 0x4E00 + (i * 7919) % 2000);
      g_string_append_unichar (long_b, 0x6000 + (i * 104729) % 2000);
    }
  g_string_prepend (long_a, "开头相同");
  g_string_prepend (long_b, "开头相同");
  check_diff (long_a->str, long_b->str, 3);
  g_string_free (long_a, TRUE);
  g_string_free (long_b, TRUE);
}

static void
test_parts_and_json (void)
{
  g_autoptr(NbReport) last = years_make_report ("示例市测试局", 2023, 0);
  g_autoptr(NbReport) now = years_make_report ("示例市测试局", 2024, 1);
  g_autoptr(NbComparison) cmp = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_changed = NULL;
  JsonObject *root;
  guint n_last_only = 0, n_new = 0;

  nb_report_set_part (now, NB_TEXT_OVERVIEW, 0, "（一）主动公开", "今年完全重写了这一部分的内容，没有保留去年的文字。");
  nb_report_remove_part (now, NB_TEXT_PROBLEMS, 2);
  nb_report_insert_part (now, NB_TEXT_OTHER, -1, "（六）新增事项", "新增事项的说明。");

  cmp = nb_compare (now, last);
  for (guint i = 0; i < nb_comparison_get_n_parts (cmp); i++)
    {
      const NbComparePart *part = nb_comparison_get_part (cmp, i);

      if (part->this_index < 0)
        {
          n_last_only++;
          g_assert_cmpint (part->section, ==, NB_TEXT_PROBLEMS);
          g_assert_cmpint (part->last_index, ==, 2);
          g_assert_cmpfloat (part->similarity, ==, -1.0);
        }
      else if (part->last_index < 0)
        {
          n_new++;
          g_assert_cmpstr (part->heading, ==, "（六）新增事项");
        }
      else if (part->section == NB_TEXT_OVERVIEW && part->this_index == 0)
        g_assert_cmpfloat (part->similarity, <, 0.2);
      else
        g_assert_cmpfloat (part->similarity, ==, 1.0);
    }
  g_assert_cmpuint (n_last_only, ==, 1);
  g_assert_cmpuint (n_new, ==, 1);
  /* W6 fires on the copied parts, not on the rewritten one */
  g_assert_cmpuint (nb_comparison_get_findings (cmp)->len, >, 5);
  for (guint i = 0; i < nb_comparison_get_findings (cmp)->len; i++)
    g_assert_cmpstr (((NbFinding *) g_ptr_array_index (nb_comparison_get_findings (cmp), i))->key,
                     !=, "W6:overview:0");

  json = nb_compare_to_json (cmp, FALSE);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "nianbao-comparison/1");
  g_assert_cmpint (json_object_get_int_member (root, "year"), ==, 2024);
  g_assert_cmpint (json_object_get_int_member (root, "with"), ==, 2023);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "figures")), ==, NB_N_CELLS);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "totals")), ==, NB_COMPARE_N_TOTALS);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "texts")), ==,
                    nb_comparison_get_n_parts (cmp));
  {
    JsonObject *fee = json_array_get_object_element (json_object_get_array_member (root, "figures"),
                                                     years_cell ("t2.fees.amount"));

    g_assert_cmpstr (json_object_get_string_member (fee, "id"), ==, "t2.fees.amount");
    g_assert_cmpstr (json_object_get_string_member (fee, "last"), ==, "96171.6");
    g_assert_cmpstr (json_object_get_string_member (fee, "change"), ==, "0.000001");
    g_assert_cmpstr (json_object_get_string_member (fee, "change_percent"), ==, "0.0%");
  }

  json_changed = nb_compare_to_json (cmp, TRUE);
  g_assert_true (json_parser_load_from_data (parser, json_changed, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "figures")), ==,
                    nb_comparison_count_changed (cmp));
  /* the rewritten part, the removed one and the new one */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "texts")), ==, 3);
}

static void
test_new_year (void)
{
  g_autoptr(NbReport) last = years_make_report ("示例市测试局", 2023, 2);
  g_autoptr(NbReport) next = NULL;
  g_autoptr(GArray) copied = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  guint n_parts = 0;

  nb_report_clear_figure (last, years_cell ("t3.carried_out.legal"));
  nb_report_set_preamble (last, "根据条例编制本报告。统计期限自2023年1月1日起至2023年12月31日止。2023年工作回顾。");
  next = nb_report_new_year_from (last);

  g_assert_cmpuint (nb_report_get_year (next), ==, 2024);
  for (guint f = 0; f < NB_N_ORGAN_FIELDS; f++)
    g_assert_cmpstr (nb_report_get_organ_field (next, f), ==, nb_report_get_organ_field (last, f));
  g_assert_null (nb_report_get_issued (next));
  g_assert_cmpstr (nb_report_get_preamble (next), ==,
                   "根据条例编制本报告。统计期限自2024年1月1日起至2024年12月31日止。2023年工作回顾。");

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      const NbCellInfo *info = nb_format_cell (cell);
      gint64 out, in;

      if (info->table == 3 && info->row == NB_T3_ROW_CARRIED_IN)
        {
          guint out_cell = nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, info->col);

          g_assert_cmpint (nb_report_get_figure (last, out_cell, &out), ==,
                           nb_report_get_figure (next, cell, &in));
          if (nb_report_has_figure (last, out_cell))
            g_assert_cmpint (in, ==, out);
        }
      else
        g_assert_false (nb_report_has_figure (next, cell));
    }
  g_assert_false (nb_report_has_figure (next, years_cell ("t3.carried_in.legal")));

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      g_assert_cmpuint (nb_report_get_n_parts (next, s), ==, nb_report_get_n_parts (last, s));
      for (guint i = 0; i < nb_report_get_n_parts (last, s); i++)
        {
          g_assert_cmpstr (nb_report_get_part_heading (next, s, i), ==, nb_report_get_part_heading (last, s, i));
          g_assert_cmpstr (nb_report_get_part_body (next, s, i), ==, nb_report_get_part_body (last, s, i));
          n_parts++;
        }
    }

  copied = nb_new_year_list_copied (next, last);
  g_assert_cmpuint (copied->len, ==, n_parts);
  nb_report_set_part (next, NB_TEXT_OVERVIEW, 1, nb_report_get_part_heading (next, NB_TEXT_OVERVIEW, 1),
                      "本年度重新撰写的依申请公开情况。");
  g_clear_pointer (&copied, g_array_unref);
  copied = nb_new_year_list_copied (next, last);
  g_assert_cmpuint (copied->len, ==, n_parts - 1);
  for (guint i = 0; i < copied->len; i++)
    {
      NbPartRef *ref = &g_array_index (copied, NbPartRef, i);

      g_assert_false (ref->section == NB_TEXT_OVERVIEW && ref->index == 1);
    }

  /* the carried-over requests satisfy W1 against the year they came from */
  findings = nb_rules_check (next, last);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (((NbFinding *) g_ptr_array_index (findings, i))->rule, !=, "W1");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compare/every-figure", test_every_figure);
  g_test_add_func ("/compare/totals", test_totals);
  g_test_add_func ("/compare/diff", test_diff);
  g_test_add_func ("/compare/parts-and-json", test_parts_and_json);
  g_test_add_func ("/new-year/from-last", test_new_year);
  return g_test_run ();
}
