/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer on the two published fixtures (when present), on our own
 * report written in each shape it takes in the wild, on our own reports
 * with deliberate mistakes, on .docx files built here, and on files that
 * are no report at all.
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nb-docx.h"
#include "nb-import.h"
#include "nb-narrative.h"
#include "nb-rules.h"

/* Our own report, in tests/data/import: 云岭市青溪区农业农村局, 2024. */
static const char *const own_t2[] = { "0", "0", "0", "3", "1", "17", "1264", "57", "4", "12.5" };
static const gint64 own_t3[NB_T3_N_ROWS][NB_T3_N_COLUMNS] = {
  { 21, 4, 0, 1, 2, 0, 28 },
  { 2, 0, 0, 0, 0, 0, 2 },
  { 9, 2, 0, 1, 1, 0, 13 },
  { 3, 1, 0, 0, 0, 0, 4 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 1, 0, 0, 0, 0, 0, 1 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 1, 0, 0, 0, 1, 0, 2 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 2, 0, 0, 0, 0, 0, 2 },
  { 4, 1, 0, 0, 0, 0, 5 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 1, 0, 0, 0, 0, 0, 1 },
  { 1, 0, 0, 0, 0, 0, 1 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 0, 0 },
  { 22, 4, 0, 1, 2, 0, 29 },
  { 1, 0, 0, 0, 0, 0, 1 },
};
static const gint64 own_t4[] = { 1, 1, 0, 1, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1 };
static const char *const own_parts[NB_N_TEXT_SECTIONS][7] = {
  { "", "（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障", NULL },
  { "（一）上年问题整改情况", "（二）本年存在问题", "（三）改进措施", NULL },
  { "（一）收取信息处理费的情况", "（二）落实上级年度政务公开工作要点情况",
    "（三）人大代表建议和政协委员提案办理情况", "（四）本行政机关年度政务公开工作创新情况", "（五）其他", NULL },
};

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static NbImportResult *
import_data_file (const char *name, GError **error)
{
  g_autofree char *path = data_path (name);

  return nb_import_file (path, error);
}

static char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("NIANBAO_FIXTURES");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, name, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}

static gint64
figure (NbReport *report, const char *id)
{
  gint64 value = -1;
  guint cell = nb_format_cell_by_id (id);

  g_assert_cmpuint (cell, !=, NB_CELL_NONE);
  if (!nb_report_get_figure (report, cell, &value))
    g_error ("%s is blank", id);
  return value;
}

static gboolean
is_blank_cell (NbReport *report, const char *id)
{
  return !nb_report_has_figure (report, nb_format_cell_by_id (id));
}

/* The problem on @line whose message contains @needle, or NULL. */
static const NbImportProblem *
find_problem (NbImportResult *result, guint line, const char *needle)
{
  for (guint i = 0; i < result->problems->len; i++)
    {
      const NbImportProblem *problem = g_ptr_array_index (result->problems, i);

      if (problem->line == line && strstr (problem->message, needle) != NULL)
        return problem;
    }
  return NULL;
}

static void
dump_problems (NbImportResult *result)
{
  for (guint i = 0; i < result->problems->len; i++)
    {
      const NbImportProblem *problem = g_ptr_array_index (result->problems, i);

      g_test_message ("line %u: %s", problem->line, problem->message);
    }
}

static void
assert_own_figures (NbReport *report)
{
  for (guint i = 0; i < G_N_ELEMENTS (own_t2); i++)
    {
      g_autofree char *text = nb_report_dup_figure_text (report, i);

      g_assert_cmpstr (text, ==, own_t2[i]);
    }
  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
      {
        gint64 value = -1;

        if (!nb_report_get_figure (report, nb_format_t3_cell (r, c), &value) || value != own_t3[r][c])
          g_error ("%s: %" G_GINT64_FORMAT " expected, got %" G_GINT64_FORMAT,
                   nb_format_cell (nb_format_t3_cell (r, c))->id, own_t3[r][c], value);
      }
  for (guint i = 0; i < G_N_ELEMENTS (own_t4); i++)
    {
      gint64 value = -1;

      g_assert_true (nb_report_get_figure (report, nb_format_t4_cell (i / NB_T4_N_COLUMNS, i % NB_T4_N_COLUMNS), &value));
      g_assert_cmpint (value, ==, own_t4[i]);
    }
}

static void
assert_own_parts (NbReport *report)
{
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      guint n = 0;

      while (own_parts[s][n] != NULL)
        n++;
      g_assert_cmpuint (nb_report_get_n_parts (report, s), ==, n);
      for (guint i = 0; i < n; i++)
        {
          const char *heading = nb_report_get_part_heading (report, s, i);
          g_autofree char *inline_form = g_strconcat (own_parts[s][i], "情况", NULL);

          /* one shape writes “（一）主动公开情况。text” on one line */
          if (g_strcmp0 (heading, own_parts[s][i]) != 0 && (*own_parts[s][i] == '\0' || g_strcmp0 (heading, inline_form) != 0))
            g_error ("part %u of section %u: “%s”", i, s, heading);
          g_assert_cmpstr (nb_report_get_part_body (report, s, i), !=, "");
        }
    }
  /* a paragraph wrapped over lines reads as one, and the figures stay in it */
  g_assert_nonnull (strstr (nb_report_get_part_body (report, NB_TEXT_OVERVIEW, 2),
                            "收到政府信息公开申请28件，上年结转申请2件，已办结29件，结转下年度继续办理1件。"));
  g_assert_cmpstr (nb_report_get_part_body (report, NB_TEXT_OTHER, 4), ==, "无。");
}

static void
assert_own_front_matter (NbReport *report, const char *organ)
{
  g_assert_cmpstr (nb_report_get_organ_name (report), ==, organ);
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
  g_assert_cmpstr (nb_report_get_issued (report), ==, "2025-01-18");
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_ADDRESS), ==, "云岭市青溪区稻香路16号");
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_POSTCODE), ==, "339012");
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_TELEPHONE), ==, "0799-5561230");
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_EMAIL), ==, "qxnyj@qingxi.example.gov.cn");
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_WEBSITE), ==, "https://www.qingxi.example.gov.cn/nyj/");
  g_assert_true (g_str_has_prefix (nb_report_get_preamble (report), "本报告由"));
  {
    g_autofree char *preamble = g_strdup (nb_report_get_preamble (report));
    g_autoptr(GString) packed = g_string_new (preamble);

    /* one of the shapes writes “2024 年” */
    g_string_replace (packed, " ", "", 0);
    g_assert_nonnull (strstr (packed->str, "统计期限自2024年1月1日起至2024年12月31日止"));
  }
}

/* ---- the fixtures ---- */

static void
test_fixture_huaian (void)
{
  g_autofree char *path = fixture_path ("huaian-2024.txt");
  g_autoptr(NbImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *report;

  if (path == NULL)
    {
      g_test_skip ("the shared fixtures are not present");
      return;
    }
  result = nb_import_file (path, &error);
  g_assert_no_error (error);
  dump_problems (result);
  report = result->report;

  g_assert_true (result->complete);
  g_assert_cmpstr (nb_report_get_organ_name (report), ==, "淮安市人民政府");
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_POSTCODE), ==, "223001");
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_TELEPHONE), ==, "0517-83605210");
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_EMAIL), ==, "hazwgkc@163.com");

  g_assert_cmpint (figure (report, "t2.rules.in_force"), ==, 11);
  g_assert_cmpint (figure (report, "t2.normative.repealed"), ==, 26);
  g_assert_cmpint (figure (report, "t2.license.decisions"), ==, 447228);
  g_assert_cmpint (figure (report, "t2.penalty.decisions"), ==, 3985758);
  g_assert_cmpint (figure (report, "t2.coercion.decisions"), ==, 88283);
  g_assert_cmpint (figure (report, "t2.fees.amount"), ==, G_GINT64_CONSTANT (96171600000));
  g_assert_cmpint (figure (report, "t3.new.natural"), ==, 3001);
  g_assert_cmpint (figure (report, "t3.new.legal"), ==, 61);
  g_assert_cmpint (figure (report, "t3.new.total"), ==, 3119);
  g_assert_cmpint (figure (report, "t3.carried_in.total"), ==, 34);
  g_assert_cmpint (figure (report, "t3.disclosed.total"), ==, 1362);
  g_assert_cmpint (figure (report, "t3.partial.natural"), ==, 447);
  g_assert_cmpint (figure (report, "t3.withheld.safety.natural"), ==, 5);
  g_assert_cmpint (figure (report, "t3.withheld.query.total"), ==, 105);
  g_assert_cmpint (figure (report, "t3.unavailable.not_held.business"), ==, 12);
  g_assert_cmpint (figure (report, "t3.rejected.confirm.natural"), ==, 1);
  g_assert_cmpint (figure (report, "t3.other.no_correction.total"), ==, 71);
  g_assert_cmpint (figure (report, "t3.other.no_fee.natural"), ==, 6);
  g_assert_cmpint (figure (report, "t3.other.other.total"), ==, 110);
  g_assert_cmpint (figure (report, "t3.result_total.natural"), ==, 2932);
  g_assert_cmpint (figure (report, "t3.result_total.total"), ==, 3050);
  g_assert_cmpint (figure (report, "t3.carried_out.total"), ==, 103);
  g_assert_cmpint (figure (report, "t4.review.other"), ==, 178);
  g_assert_cmpint (figure (report, "t4.review.total"), ==, 351);
  g_assert_cmpint (figure (report, "t4.suit_direct.upheld"), ==, 13);
  g_assert_cmpint (figure (report, "t4.suit_direct.total"), ==, 26);
  g_assert_cmpint (figure (report, "t4.suit_after_review.pending"), ==, 6);
  g_assert_cmpint (figure (report, "t4.suit_after_review.total"), ==, 20);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    g_assert_true (nb_report_has_figure (report, cell));

  /* 一 has an opening paragraph and five parts written “（一）主动公开情况。text” */
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OVERVIEW), ==, 6);
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OVERVIEW, 1), ==, "（一）主动公开情况");
  g_assert_true (g_str_has_prefix (nb_report_get_part_body (report, NB_TEXT_OVERVIEW, 1), "2024 年，市政府网站"));
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OVERVIEW, 5), ==, "（五）政府信息公开监督保障情况");
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_PROBLEMS), ==, 1);
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OTHER), ==, 1);
  g_assert_nonnull (strstr (nb_report_get_part_body (report, NB_TEXT_OTHER, 0), "3940 元"));

  /* the fixture's own notes above the title are skipped, and said to be */
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_nonnull (find_problem (result, 1, "1 to 3"));
}

static void
test_fixture_kuangqu (void)
{
  g_autofree char *path = fixture_path ("kuangqu-2024.txt");
  g_autoptr(NbImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *report;

  if (path == NULL)
    {
      g_test_skip ("the shared fixtures are not present");
      return;
    }
  result = nb_import_file (path, &error);
  g_assert_no_error (error);
  dump_problems (result);
  report = result->report;

  g_assert_true (result->complete);
  g_assert_cmpuint (result->problems->len, ==, 0);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 value = -1;

      g_assert_true (nb_report_get_figure (report, cell, &value));
      g_assert_cmpint (value, ==, 0);
    }
  g_assert_cmpstr (nb_report_get_organ_name (report), ==, "市中区矿区街道办事处");
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_ADDRESS), ==, "枣庄市市中区解放北路1号");
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_WEBSITE), ==, "http://www.zzszq.gov.cn/");

  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OVERVIEW), ==, 6);
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OVERVIEW, 0), ==, "");
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OVERVIEW, 2), ==, "（二）依申请公开");
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_PROBLEMS), ==, 3);
  /* [bookmark: OLE_LINK1] is gone from the heading it was stuck to */
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_PROBLEMS, 0), ==, "（一）2023年存在问题整改情况");
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OTHER), ==, 5);
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OTHER, 4), ==, "（五）其他需要报告事项");
}

/* ---- our own report in each shape ---- */

static void
test_shape (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = import_data_file (name, &error);

  g_assert_no_error (error);
  dump_problems (result);
  g_assert_true (result->complete);
  g_assert_cmpuint (result->problems->len, ==, 0);
  assert_own_front_matter (result->report, "云岭市青溪区农业农村局");
  assert_own_figures (result->report);
  assert_own_parts (result->report);
}

/* “/”, a blank cell, full-width digits, a stray character in a heading
 * and one missing from another, a label written another way: all read,
 * all said; and the mistakes in the figures are left for the rules. */
static void
test_errors_are_read_and_checked (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = import_data_file ("errors.txt", &error);
  g_autoptr(GPtrArray) findings = NULL;
  gboolean r1 = FALSE;
  guint w4 = 0;

  g_assert_no_error (error);
  dump_problems (result);
  g_assert_true (result->complete);
  g_assert_cmpstr (nb_report_get_organ_name (result->report), ==, "云岭市青溪区林业局");

  g_assert_nonnull (find_problem (result, 15, "“/” was read as a blank cell"));
  g_assert_true (is_blank_cell (result->report, "t2.rules.issued"));
  g_assert_true (is_blank_cell (result->report, "t2.rules.repealed"));
  g_assert_cmpint (figure (result->report, "t2.rules.in_force"), ==, 0);

  g_assert_nonnull (find_problem (result, 28, "read as the heading “三、收到和处理政府信息公开申请情况”"));
  g_assert_nonnull (find_problem (result, 58, "read as the heading “四、政府信息公开行政复议、行政诉讼情况”"));
  g_assert_nonnull (find_problem (result, 37, "read as the row “2.其他法律行政法规禁止公开”"));
  g_assert_nonnull (find_problem (result, 32, "1 blank cell"));

  g_assert_cmpint (figure (result->report, "t3.new.natural"), ==, 21);   /* ２１ */
  g_assert_true (is_blank_cell (result->report, "t3.new.research"));
  g_assert_cmpint (figure (result->report, "t3.new.total"), ==, 29);
  g_assert_cmpint (figure (result->report, "t3.withheld.law.total"), ==, 0);
  g_assert_cmpint (figure (result->report, "t4.suit_after_review.total"), ==, 1);

  /* the wrong total is imported as written, and the rules catch it */
  findings = nb_rules_check (result->report, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);

      if (strcmp (finding->rule, "R1") == 0 && finding->cells->len > 0 &&
          g_array_index (finding->cells, guint, 0) == nb_format_cell_by_id ("t3.new.total"))
        r1 = TRUE;
      if (strcmp (finding->rule, "W4") == 0)
        {
          w4++;
          g_assert_cmpstr (finding->key, ==, "W4:t3.new.total");
          g_assert_cmpstr (finding->actual, ==, "30");
          g_assert_cmpstr (finding->expected, ==, "29");
        }
    }
  g_assert_true (r1);
  g_assert_cmpuint (w4, ==, 1);
}

/* Rows that cannot be placed with certainty are not placed, and said. */
static void
test_bad_rows_make_it_incomplete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = import_data_file ("bad-rows.txt", &error);

  g_assert_no_error (error);
  dump_problems (result);
  g_assert_false (result->complete);

  g_assert_nonnull (find_problem (result, 23, "“四” is not a figure"));
  g_assert_true (is_blank_cell (result->report, "t2.coercion.decisions"));
  g_assert_cmpint (figure (result->report, "t2.penalty.decisions"), ==, 57);

  g_assert_nonnull (find_problem (result, 39, "has 6 figures where the form has 7 (1 | 0 | 0 | 0 | 0 | 1)"));
  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    g_assert_false (nb_report_has_figure (result->report, nb_format_t3_cell (7, c)));

  g_assert_nonnull (find_problem (result, 48, "“2、申请重复了” is not a row of table 三"));
  g_assert_nonnull (find_problem (result, 0, "The row “2.重复申请” of table 三 was not found"));

  /* everything else is in place */
  g_assert_cmpint (figure (result->report, "t3.new.total"), ==, 28);
  g_assert_cmpint (figure (result->report, "t3.withheld.process.legal"), ==, 1);
  g_assert_cmpint (figure (result->report, "t3.carried_out.total"), ==, 1);
  g_assert_cmpint (figure (result->report, "t4.review.total"), ==, 3);

  /* problems come in line order */
  for (guint i = 1; i < result->problems->len; i++)
    g_assert_cmpuint (((NbImportProblem *) g_ptr_array_index (result->problems, i - 1))->line, <=,
                      ((NbImportProblem *) g_ptr_array_index (result->problems, i))->line);
}

static void
test_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = import_data_file ("truncated.txt", &error);

  g_assert_no_error (error);
  dump_problems (result);
  g_assert_false (result->complete);
  g_assert_nonnull (find_problem (result, 159, "ends inside table 三"));
  g_assert_nonnull (find_problem (result, 156, "has 3 figures where the form has 7"));
  g_assert_nonnull (find_problem (result, 0, "The 17 rows of table 三 from “5.属于三类内部事务信息” to “四、结转下年度继续办理”"));
  g_assert_nonnull (find_problem (result, 0, "“四、政府信息公开行政复议、行政诉讼情况” was not found"));
  g_assert_cmpint (figure (result->report, "t3.new.total"), ==, 28);
  g_assert_cmpint (figure (result->report, "t3.withheld.safety.total"), ==, 0);
  g_assert_true (is_blank_cell (result->report, "t3.withheld.third_party.natural"));
  g_assert_true (is_blank_cell (result->report, "t4.review.total"));
}

static void
test_old_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = import_data_file ("old-2019.txt", &error);
  g_autofree char *path = data_path ("rows-bar.txt");
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;
  const char *first, *last;

  g_assert_null (result);
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_OLD_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "Line 8:"));
  g_assert_nonnull (strstr (error->message, "2019"));
  g_clear_error (&error);

  /* table 三 alone gives it away: one 其他处理 row with figures of its own */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  first = strstr (text, "三、本年度办理结果 | （六）其他处理 | 1、");
  last = strstr (text, "三、本年度办理结果 | （七）总计");
  g_assert_nonnull (first);
  g_assert_nonnull (last);
  changed = g_string_new_len (text, first - text);
  g_string_append (changed, "三、本年度办理结果 | （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n");
  g_string_append (changed, last);
  result = nb_import_text (changed->str, (gssize) changed->len, &error);
  g_assert_null (result);
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_OLD_FORMAT);
  g_assert_nonnull (strstr (error->message, "（六）其他处理"));
}

/* ---- what is no report ---- */

static void
assert_refused (const char *data, gsize length, int code, const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = nb_import_data (data, length, &error);

  g_assert_null (result);
  g_assert_error (error, NB_IMPORT_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static void
test_not_reports (void)
{
  guint8 noise[4096];
  GRand *rand = g_rand_new_with_seed (20240101);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = NULL;
  const char prose[] = "今天天气很好。\n我们去公园散步，看到许多人在放风筝。\n";

  assert_refused ("", 0, NB_IMPORT_ERROR_NOT_REPORT, "empty");
  assert_refused ("  \n\t\n", 5, NB_IMPORT_ERROR_NOT_REPORT, "empty");
  assert_refused (prose, sizeof prose - 1, NB_IMPORT_ERROR_NOT_REPORT, "section headings");
  assert_refused ("一、总体情况\0\0\0\x01\x02", 23, NB_IMPORT_ERROR_NOT_REPORT, "binary");
  assert_refused ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 15, NB_IMPORT_ERROR_UNSUPPORTED, "pdftotext");
  assert_refused ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", 12, NB_IMPORT_ERROR_UNSUPPORTED, ".doc");
  assert_refused ("{\\rtf1\\ansi}", 12, NB_IMPORT_ERROR_UNSUPPORTED, "RTF");

  for (guint round = 0; round < 50; round++)
    {
      gsize length = (gsize) g_rand_int_range (rand, 1, sizeof noise);

      for (gsize i = 0; i < length; i++)
        noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
      result = nb_import_data ((const char *) noise, length, &error);
      g_assert_null (result);
      g_assert_nonnull (error);
      g_assert_true (error->domain == NB_IMPORT_ERROR);
      g_clear_error (&error);
    }
  g_rand_free (rand);

  /* nb_import_text takes UTF-8 only, and says on which line it is not */
  result = nb_import_text ("一、总体情况\n第二行\n\xff\xfe坏\n", -1, &error);
  g_assert_null (result);
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "Line 3 "));
}

/* Chinese Windows still writes GBK; Notepad's “Unicode” is UTF-16. */
static void
test_other_encodings (void)
{
  g_autofree char *path = data_path ("rows-bar.txt");
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *encodings[] = { "GB18030", "UTF-16LE" };

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbImportResult) result = NULL;
      g_autoptr(GString) data = g_string_new (NULL);
      gsize written = 0;
      g_autofree char *converted = g_convert (text, (gssize) length, encodings[i], "UTF-8", NULL, &written, &error);

      g_assert_no_error (error);
      if (strcmp (encodings[i], "UTF-16LE") == 0)
        g_string_append_len (data, "\xff\xfe", 2);
      g_string_append_len (data, converted, (gssize) written);
      result = nb_import_data (data->str, data->len, &error);
      g_assert_no_error (error);
      g_assert_true (result->complete);
      g_assert_nonnull (find_problem (result, 0, "read as"));
      assert_own_figures (result->report);
      assert_own_front_matter (result->report, "云岭市青溪区农业农村局");
    }
}

/* ---- .docx, built here ---- */

static GBytes *
make_zip (const char *const *names, const char *const *contents, guint n)
{
  gsize size = 1024 * 1024;
  g_autofree guint8 *buffer = g_malloc (size);
  size_t used = 0;
  struct archive *archive = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_memory (archive, buffer, size, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_size (entry, (la_int64_t) strlen (contents[i]));
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (archive, contents[i], strlen (contents[i])), ==, (la_ssize_t) strlen (contents[i]));
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return g_bytes_new (buffer, used);
}

#define CONTENT_TYPES \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" \
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" \
  "<Override PartName=\"/word/document.xml\" " \
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" \
  "</Types>"

static GBytes *
make_docx (const char *document_xml)
{
  const char *names[] = { "[Content_Types].xml", "word/document.xml" };
  const char *contents[] = { CONTENT_TYPES, document_xml };

  return make_zip (names, contents, 2);
}

static void
add_paragraph (GString *xml, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (xml, "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>", escaped);
}

/* A cell: "=N:" spans N grid columns, "v:" begins a vertical merge, "^"
 * continues one; “¶” starts a second paragraph in the cell. */
static void
add_cell (GString *xml, const char *spec)
{
  guint span = 1;
  const char *merge = NULL;
  g_auto(GStrv) paragraphs = NULL;

  for (;;)
    {
      if (spec[0] == '=' && g_ascii_isdigit (spec[1]))
        {
          char *end = NULL;

          span = (guint) g_ascii_strtoull (spec + 1, &end, 10);
          g_assert_true (*end == ':');
          spec = end + 1;
        }
      else if (g_str_has_prefix (spec, "v:"))
        {
          merge = "<w:vMerge w:val=\"restart\"/>";
          spec += 2;
        }
      else if (spec[0] == '^')
        {
          merge = "<w:vMerge/>";
          spec += 1;
        }
      else
        break;
    }
  g_string_append (xml, "<w:tc><w:tcPr>");
  if (span > 1)
    g_string_append_printf (xml, "<w:gridSpan w:val=\"%u\"/>", span);
  if (merge != NULL)
    g_string_append (xml, merge);
  g_string_append (xml, "</w:tcPr>");
  paragraphs = g_strsplit (spec, "¶", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    add_paragraph (xml, paragraphs[i]);
  g_string_append (xml, "</w:tc>");
}

static void
add_row (GString *xml, const char *const *cells, guint n)
{
  g_string_append (xml, "<w:tr>");
  for (guint i = 0; i < n; i++)
    add_cell (xml, cells[i]);
  g_string_append (xml, "</w:tr>");
}

static void
add_table_two (GString *xml)
{
  guint value = 0;

  g_string_append (xml, "<w:tbl>");
  for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
    {
      const NbT2Block *block = nb_format_t2_block (b);
      g_autofree char *header = g_strdup_printf ("=%u:%s", block->n_columns + 1, block->header);
      const char *cells[4];

      add_row (xml, (const char *const[]) { header }, 1);
      cells[0] = NB_T2_ROW_LABEL;
      for (guint c = 0; c < block->n_columns; c++)
        cells[c + 1] = block->column_labels[c];
      add_row (xml, cells, block->n_columns + 1);
      for (guint r = 0; r < block->n_rows; r++)
        {
          cells[0] = block->rows[r].label;
          for (guint c = 0; c < block->n_columns; c++)
            cells[c + 1] = own_t2[value++];
          add_row (xml, cells, block->n_columns + 1);
        }
    }
  g_string_append (xml, "</w:tbl>");
}

static void
add_table_three (GString *xml)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *note = g_strconcat ("=3:v:", NB_T3_NOTE, NULL);
  g_autofree char *spanning = g_strconcat ("=7:", NB_T3_SPANNING_HEADER, NULL);
  g_autofree char *group = g_strconcat ("=5:", NB_T3_ORG_GROUP, NULL);

  g_string_append (xml, "<w:tbl>");
  add_row (xml, (const char *const[]) { note, spanning }, 2);
  add_row (xml, (const char *const[]) { "=3:^", "v:自然人", group, "v:总计" }, 4);
  add_row (xml, (const char *const[]) { "=3:^", "^", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "^" }, 8);

  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    {
      const NbT3Row *row = nb_format_t3_row (r);
      const NbT3Row *previous = r > 0 ? nb_format_t3_row (r - 1) : NULL;
      g_autofree char *label = NULL;

      g_ptr_array_set_size (cells, 0);
      if (row->outer == NULL)
        label = g_strconcat ("=3:", row->label, NULL);
      else
        {
          gboolean new_outer = previous == NULL || g_strcmp0 (previous->outer, row->outer) != 0;
          gboolean new_inner = previous == NULL || g_strcmp0 (previous->inner, row->inner) != 0;

          g_ptr_array_add (cells, new_outer ? g_strconcat ("v:", row->outer, NULL) : g_strdup ("^"));
          if (row->inner == NULL)
            label = g_strconcat ("=2:", row->label, NULL);
          else
            {
              g_ptr_array_add (cells, new_inner ? g_strconcat ("v:", row->inner, NULL) : g_strdup ("^"));
              label = g_strdup (row->label);
            }
        }
      /* a label written over two paragraphs of its cell */
      if (strcmp (row->id, "rejected.confirm") == 0)
        g_ptr_array_add (cells, g_strdup ("5.要求行政机关确认或重新¶出具已获取信息"));
      else
        g_ptr_array_add (cells, g_steal_pointer (&label));
      for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
        g_ptr_array_add (cells, g_strdup_printf ("%" G_GINT64_FORMAT, own_t3[r][c]));
      add_row (xml, (const char *const *) cells->pdata, cells->len);
    }
  g_string_append (xml, "</w:tbl>");
}

static void
add_table_four (GString *xml)
{
  const char *third[NB_T4_N_COLUMNS * 3];
  char *merged[NB_T4_N_COLUMNS];
  const char *second[NB_T4_N_COLUMNS + 2];
  char values[NB_T4_N_GROUPS * NB_T4_N_COLUMNS][8];
  const char *value_cells[NB_T4_N_GROUPS * NB_T4_N_COLUMNS];

  g_string_append (xml, "<w:tbl>");
  add_row (xml, (const char *const[]) { "=5:行政复议", "=10:行政诉讼" }, 2);
  for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
    {
      merged[c] = g_strconcat ("v:", nb_format_t4_column_label (c), NULL);
      second[c] = merged[c];
    }
  second[5] = "=5:未经复议直接起诉";
  second[6] = "=5:复议后起诉";
  add_row (xml, second, 7);
  /* 行政复议's column labels run down over this row */
  for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
    third[c] = "^";
  for (guint c = 0; c < NB_T4_N_COLUMNS * 2; c++)
    third[NB_T4_N_COLUMNS + c] = nb_format_t4_column_label (c % NB_T4_N_COLUMNS);
  add_row (xml, third, G_N_ELEMENTS (third));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_snprintf (values[i], sizeof values[i], "%" G_GINT64_FORMAT, own_t4[i]);
      value_cells[i] = values[i];
    }
  add_row (xml, value_cells, G_N_ELEMENTS (value_cells));
  g_string_append (xml, "</w:tbl>");
  for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
    g_free (merged[c]);
}

static char *
own_document_xml (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                               "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                               "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>");

  add_paragraph (xml, "云岭市青溪区农业农村局");
  add_paragraph (xml, "2024年政府信息公开工作年度报告");
  add_paragraph (xml, "本报告由云岭市青溪区农业农村局编制，所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
                      "如对本报告有疑问，请与本局办公室联系（地址：云岭市青溪区稻香路16号，邮编：339012，"
                      "电话：0799-5561230，电子邮箱：qxnyj@qingxi.example.gov.cn）。");
  add_paragraph (xml, "一、总体情况");
  /* a bookmark, a deleted run and a line break inside one paragraph */
  g_string_append (xml, "<w:p><w:bookmarkStart w:id=\"0\" w:name=\"_Hlk1\"/><w:r><w:t>（一）主动公开</w:t></w:r>"
                        "<w:bookmarkEnd w:id=\"0\"/></w:p>"
                        "<w:p><w:r><w:t>全年主动公开政府信息318条。</w:t></w:r>"
                        "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>删去的旧句子。</w:delText></w:r></w:del>"
                        "<w:r><w:br/><w:t>现行有效行政规范性文件17件。</w:t></w:r></w:p>");
  add_paragraph (xml, "（二）依申请公开");
  add_paragraph (xml, "2024年，本局共收到政府信息公开申请28件。");
  add_paragraph (xml, "二、主动公开政府信息情况");
  add_table_two (xml);
  add_paragraph (xml, "三、收到和处理政府信息公开申请情况");
  add_table_three (xml);
  add_paragraph (xml, "四、政府信息公开行政复议、行政诉讼情况");
  add_table_four (xml);
  add_paragraph (xml, "五、存在的主要问题及改进情况");
  add_paragraph (xml, "政策解读形式较为单一。");
  add_paragraph (xml, "六、其他需要报告的事项");
  add_paragraph (xml, "（一）收取信息处理费的情况");
  add_paragraph (xml, "本年度未收取信息处理费。");
  g_string_append (xml, "<w:sectPr/></w:body></w:document>");
  return g_string_free (xml, FALSE);
}

static void
test_docx (void)
{
  g_autofree char *xml = own_document_xml ();
  g_autoptr(GBytes) docx = make_docx (xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-import-XXXXXX", &error);
  g_autofree char *path = NULL;
  const char *body;

  g_assert_no_error (error);
  g_assert_true (nb_docx_is_zip (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx)));

  /* by its content, not its name */
  path = g_build_filename (dir, "report.txt", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (docx, NULL), (gssize) g_bytes_get_size (docx), &error));
  result = nb_import_file (path, &error);
  g_assert_no_error (error);
  dump_problems (result);
  g_assert_true (result->complete);
  assert_own_figures (result->report);
  g_assert_cmpstr (nb_report_get_organ_name (result->report), ==, "云岭市青溪区农业农村局");
  g_assert_cmpuint (nb_report_get_year (result->report), ==, 2024);
  g_assert_cmpstr (nb_report_get_organ_field (result->report, NB_ORGAN_POSTCODE), ==, "339012");

  g_assert_cmpuint (nb_report_get_n_parts (result->report, NB_TEXT_OVERVIEW), ==, 2);
  g_assert_cmpstr (nb_report_get_part_heading (result->report, NB_TEXT_OVERVIEW, 0), ==, "（一）主动公开");
  body = nb_report_get_part_body (result->report, NB_TEXT_OVERVIEW, 0);
  g_assert_cmpstr (body, ==, "全年主动公开政府信息318条。\n现行有效行政规范性文件17件。");
  g_assert_cmpuint (nb_report_get_n_parts (result->report, NB_TEXT_PROBLEMS), ==, 1);
  g_assert_cmpuint (nb_report_get_n_parts (result->report, NB_TEXT_OTHER), ==, 1);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_docx_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = own_document_xml ();
  g_autoptr(GBytes) docx = make_docx (xml);
  g_autoptr(GBytes) no_document = NULL;
  g_autoptr(GBytes) bad_xml = NULL;
  g_autoptr(GBytes) no_body = NULL;
  g_autoptr(GBytes) not_report = NULL;
  g_autofree char *cut = NULL;
  const char *names[] = { "[Content_Types].xml", "word/styles.xml" };
  const char *contents[] = { CONTENT_TYPES, "<w:styles/>" };
  static const char garbage[] = "PK\x03\x04\x14\x00\x00\x00\x08\x00garbage that is no zip at all";

  assert_refused (garbage, sizeof garbage - 1, NB_IMPORT_ERROR_DOCX, "damaged");

  /* cut short in the middle of its data */
  cut = g_memdup2 (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx) / 2);
  assert_refused (cut, g_bytes_get_size (docx) / 2, NB_IMPORT_ERROR_DOCX, "damaged");

  no_document = make_zip (names, contents, 2);
  assert_refused (g_bytes_get_data (no_document, NULL), g_bytes_get_size (no_document),
                  NB_IMPORT_ERROR_DOCX, "word/document.xml");

  bad_xml = make_docx ("<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body><w:p>");
  assert_refused (g_bytes_get_data (bad_xml, NULL), g_bytes_get_size (bad_xml),
                  NB_IMPORT_ERROR_DOCX, "well-formed");

  no_body = make_docx ("<?xml version=\"1.0\"?><html><body>一、总体情况</body></html>");
  assert_refused (g_bytes_get_data (no_body, NULL), g_bytes_get_size (no_body),
                  NB_IMPORT_ERROR_DOCX, "no document body");

  not_report = make_docx ("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                          "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>会议纪要</w:t></w:r></w:p>"
                          "</w:body></w:document>");
  assert_refused (g_bytes_get_data (not_report, NULL), g_bytes_get_size (not_report),
                  NB_IMPORT_ERROR_NOT_REPORT, NULL);

  /* an external entity is neither fetched nor expanded */
  g_clear_pointer (&not_report, g_bytes_unref);
  not_report = make_docx ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                          "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                          "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>");
  {
    g_autofree char *text = nb_docx_extract_text (g_bytes_get_data (not_report, NULL),
                                                  g_bytes_get_size (not_report), &error);

    g_assert_no_error (error);
    g_assert_null (strstr (text, "root:"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/fixture/huaian", test_fixture_huaian);
  g_test_add_func ("/import/fixture/kuangqu", test_fixture_kuangqu);
  g_test_add_data_func ("/import/shape/cell-per-line", "cells.txt", test_shape);
  g_test_add_data_func ("/import/shape/bar-rows", "rows-bar.txt", test_shape);
  g_test_add_data_func ("/import/shape/tab-rows", "rows-tab.txt", test_shape);
  g_test_add_data_func ("/import/shape/cell-per-line-unindented", "cells-unindented.txt", test_shape);
  g_test_add_data_func ("/import/shape/pdftotext-layout", "layout.txt", test_shape);
  g_test_add_func ("/import/errors-read-and-checked", test_errors_are_read_and_checked);
  g_test_add_func ("/import/bad-rows", test_bad_rows_make_it_incomplete);
  g_test_add_func ("/import/truncated", test_truncated);
  g_test_add_func ("/import/old-format", test_old_format);
  g_test_add_func ("/import/not-reports", test_not_reports);
  g_test_add_func ("/import/encodings", test_other_encodings);
  g_test_add_func ("/import/docx", test_docx);
  g_test_add_func ("/import/docx-damaged", test_docx_damaged);

  return g_test_run ();
}
