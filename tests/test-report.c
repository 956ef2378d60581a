/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <gio/gio.h>
#include <string.h>

#include "nb-report.h"

/* Every "changed" emission, in order. */
typedef struct
{
  GArray *what;   /* guint NbChange */
  GArray *index;  /* guint */
} Log;

static void
changed_cb (NbReport *report, guint what, guint index, gpointer user_data)
{
  Log *log = user_data;

  g_array_append_val (log->what, what);
  g_array_append_val (log->index, index);
}

static Log *
log_attach (NbReport *report)
{
  Log *log = g_new0 (Log, 1);

  log->what = g_array_new (FALSE, FALSE, sizeof (guint));
  log->index = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (report, "changed", G_CALLBACK (changed_cb), log);
  return log;
}

static void
log_free (Log *log)
{
  g_array_unref (log->what);
  g_array_unref (log->index);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Log, log_free)

static void
assert_log (Log *log, guint n, NbChange last_what, guint last_index)
{
  g_assert_cmpuint (log->what->len, ==, n);
  if (n == 0)
    return;
  g_assert_cmpuint (g_array_index (log->what, guint, n - 1), ==, last_what);
  g_assert_cmpuint (g_array_index (log->index, guint, n - 1), ==, last_index);
}

static guint
cell (const char *id)
{
  guint c = nb_format_cell_by_id (id);

  g_assert_cmpuint (c, !=, NB_CELL_NONE);
  return c;
}

static void
test_blank_vs_zero (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  guint c = cell ("t3.disclosed.natural");
  gint64 value = 99;

  for (guint i = 0; i < NB_N_CELLS; i++)
    g_assert_false (nb_report_has_figure (report, i));
  g_assert_false (nb_report_get_figure (report, c, &value));
  g_assert_cmpint (value, ==, 0);
  {
    g_autofree char *text = nb_report_dup_figure_text (report, c);

    g_assert_cmpstr (text, ==, "");
  }

  nb_report_set_figure (report, c, 0);
  g_assert_true (nb_report_has_figure (report, c));
  value = 99;
  g_assert_true (nb_report_get_figure (report, c, &value));
  g_assert_cmpint (value, ==, 0);
  {
    g_autofree char *text = nb_report_dup_figure_text (report, c);

    g_assert_cmpstr (text, ==, "0");
  }

  nb_report_clear_figure (report, c);
  g_assert_false (nb_report_has_figure (report, c));

  /* the model holds negatives from imported files, for R5 to report */
  nb_report_set_figure (report, c, -3);
  g_assert_true (nb_report_get_figure (report, c, &value));
  g_assert_cmpint (value, ==, -3);
}

static void
test_figure_signals (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(Log) log = log_attach (report);
  guint a = cell ("t3.new.total");
  guint b = cell ("t4.review.pending");

  nb_report_set_figure (report, a, 5);
  assert_log (log, 1, NB_CHANGE_FIGURE, a);
  nb_report_set_figure (report, a, 5);
  assert_log (log, 1, NB_CHANGE_FIGURE, a);
  nb_report_set_figure (report, b, 0);
  assert_log (log, 2, NB_CHANGE_FIGURE, b);
  nb_report_set_figure (report, b, 0);
  assert_log (log, 2, NB_CHANGE_FIGURE, b);
  nb_report_set_figure (report, a, 6);
  assert_log (log, 3, NB_CHANGE_FIGURE, a);
  nb_report_clear_figure (report, b);
  assert_log (log, 4, NB_CHANGE_FIGURE, b);
  nb_report_clear_figure (report, b);   /* already blank */
  assert_log (log, 4, NB_CHANGE_FIGURE, b);
  g_assert_true (nb_report_set_figure_text (report, a, "６", NULL));
  assert_log (log, 4, NB_CHANGE_FIGURE, b);
  g_assert_true (nb_report_set_figure_text (report, b, " ", NULL));
  assert_log (log, 4, NB_CHANGE_FIGURE, b);
}

static void
test_organ (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(Log) log = log_attach (report);

  for (guint f = 0; f < NB_N_ORGAN_FIELDS; f++)
    g_assert_null (nb_report_get_organ_field (report, f));

  nb_report_set_organ_field (report, NB_ORGAN_NAME, "示例市测试局");
  assert_log (log, 1, NB_CHANGE_ORGAN, NB_ORGAN_NAME);
  g_assert_cmpstr (nb_report_get_organ_name (report), ==, "示例市测试局");
  nb_report_set_organ_field (report, NB_ORGAN_NAME, "示例市测试局");
  assert_log (log, 1, NB_CHANGE_ORGAN, NB_ORGAN_NAME);

  nb_report_set_organ_field (report, NB_ORGAN_EMAIL, "a@example.org");
  assert_log (log, 2, NB_CHANGE_ORGAN, NB_ORGAN_EMAIL);
  g_assert_cmpstr (nb_report_get_organ_field (report, NB_ORGAN_EMAIL), ==, "a@example.org");

  /* "" is the same as never filled in */
  nb_report_set_organ_field (report, NB_ORGAN_EMAIL, "");
  assert_log (log, 3, NB_CHANGE_ORGAN, NB_ORGAN_EMAIL);
  g_assert_null (nb_report_get_organ_field (report, NB_ORGAN_EMAIL));
  nb_report_set_organ_field (report, NB_ORGAN_EMAIL, NULL);
  assert_log (log, 3, NB_CHANGE_ORGAN, NB_ORGAN_EMAIL);
}

static void
test_year (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(Log) log = log_attach (report);

  g_assert_cmpuint (nb_report_get_year (report), ==, 0);
  nb_report_set_year (report, 2024);
  assert_log (log, 1, NB_CHANGE_YEAR, 0);
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
  nb_report_set_year (report, 2024);
  assert_log (log, 1, NB_CHANGE_YEAR, 0);

  /* out of range is a programming error: refused loudly, value kept */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*year*");
  nb_report_set_year (report, 1999);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
  assert_log (log, 1, NB_CHANGE_YEAR, 0);

  nb_report_set_year (report, NB_MIN_YEAR);
  g_assert_cmpuint (nb_report_get_year (report), ==, NB_MIN_YEAR);
  nb_report_set_year (report, 0);
  assert_log (log, 3, NB_CHANGE_YEAR, 0);
}

static void
test_issued (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(Log) log = log_attach (report);
  const char *bad[] = {
    "2025-02-30", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-20", "20250120",
    "2025-01-20x", "2025/01/20", "abcd-ef-gh", " 2025-01-20", "+025-01-20", "2025-+1-20",
    "2025-01-+9", "0000-01-01", "2025-01-2", "２０２５-01-20", "2025年1月20日",
  };
  GError *error = NULL;

  g_assert_null (nb_report_get_issued (report));
  g_assert_true (nb_report_set_issued (report, "2025-01-20", &error));
  g_assert_no_error (error);
  assert_log (log, 1, NB_CHANGE_ISSUED, 0);
  g_assert_cmpstr (nb_report_get_issued (report), ==, "2025-01-20");
  g_assert_true (nb_report_set_issued (report, "2025-01-20", NULL));
  assert_log (log, 1, NB_CHANGE_ISSUED, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("“%s”", bad[i]);
      g_assert_false (nb_report_set_issued (report, bad[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_clear_error (&error);
      g_assert_cmpstr (nb_report_get_issued (report), ==, "2025-01-20");
      assert_log (log, 1, NB_CHANGE_ISSUED, 0);
    }

  /* a leap day is a date */
  g_assert_true (nb_report_set_issued (report, "2024-02-29", NULL));
  assert_log (log, 2, NB_CHANGE_ISSUED, 0);
  g_assert_true (nb_report_set_issued (report, "", NULL));
  g_assert_null (nb_report_get_issued (report));
  assert_log (log, 3, NB_CHANGE_ISSUED, 0);
  g_assert_true (nb_report_set_issued (report, NULL, NULL));
  assert_log (log, 3, NB_CHANGE_ISSUED, 0);
}

static void
assert_parts (NbReport *report, NbTextSection section, const char *const *headings)
{
  guint n = g_strv_length ((char **) headings);

  g_assert_cmpuint (nb_report_get_n_parts (report, section), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (nb_report_get_part_heading (report, section, i), ==, headings[i]);
}

static void
test_parts (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(Log) log = log_attach (report);

  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_PROBLEMS), ==, 0);

  nb_report_insert_part (report, NB_TEXT_PROBLEMS, -1, "B", "b");
  assert_log (log, 1, NB_CHANGE_PARTS, NB_TEXT_PROBLEMS);
  nb_report_insert_part (report, NB_TEXT_PROBLEMS, 0, "A", "a");
  nb_report_insert_part (report, NB_TEXT_PROBLEMS, 99, "D", NULL);   /* past the end: appended */
  nb_report_insert_part (report, NB_TEXT_PROBLEMS, 2, "C", "c");
  assert_log (log, 4, NB_CHANGE_PARTS, NB_TEXT_PROBLEMS);
  assert_parts (report, NB_TEXT_PROBLEMS, (const char *[]) { "A", "B", "C", "D", NULL });
  g_assert_cmpstr (nb_report_get_part_body (report, NB_TEXT_PROBLEMS, 3), ==, "");
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OVERVIEW), ==, 0);
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OTHER), ==, 0);

  nb_report_move_part (report, NB_TEXT_PROBLEMS, 0, 3);
  assert_log (log, 5, NB_CHANGE_PARTS, NB_TEXT_PROBLEMS);
  assert_parts (report, NB_TEXT_PROBLEMS, (const char *[]) { "B", "C", "D", "A", NULL });
  nb_report_move_part (report, NB_TEXT_PROBLEMS, 2, 0);
  assert_parts (report, NB_TEXT_PROBLEMS, (const char *[]) { "D", "B", "C", "A", NULL });
  nb_report_move_part (report, NB_TEXT_PROBLEMS, 1, 1);
  assert_log (log, 6, NB_CHANGE_PARTS, NB_TEXT_PROBLEMS);

  nb_report_set_part (report, NB_TEXT_PROBLEMS, 0, NULL, "d");
  assert_log (log, 7, NB_CHANGE_PARTS, NB_TEXT_PROBLEMS);
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_PROBLEMS, 0), ==, "D");
  g_assert_cmpstr (nb_report_get_part_body (report, NB_TEXT_PROBLEMS, 0), ==, "d");
  nb_report_set_part (report, NB_TEXT_PROBLEMS, 0, "D", "d");   /* no change */
  nb_report_set_part (report, NB_TEXT_PROBLEMS, 0, NULL, NULL);
  assert_log (log, 7, NB_CHANGE_PARTS, NB_TEXT_PROBLEMS);
  nb_report_set_part (report, NB_TEXT_PROBLEMS, 0, "（一）上年问题整改情况", NULL);
  assert_log (log, 8, NB_CHANGE_PARTS, NB_TEXT_PROBLEMS);
  g_assert_cmpstr (nb_report_get_part_body (report, NB_TEXT_PROBLEMS, 0), ==, "d");

  nb_report_remove_part (report, NB_TEXT_PROBLEMS, 1);
  assert_log (log, 9, NB_CHANGE_PARTS, NB_TEXT_PROBLEMS);
  assert_parts (report, NB_TEXT_PROBLEMS,
                (const char *[]) { "（一）上年问题整改情况", "C", "A", NULL });

  nb_report_insert_part (report, NB_TEXT_OTHER, -1, "X", "x");
  assert_log (log, 10, NB_CHANGE_PARTS, NB_TEXT_OTHER);

  /* an index past the end is a programming error, and changes nothing */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*");
  nb_report_remove_part (report, NB_TEXT_PROBLEMS, 3);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_PROBLEMS), ==, 3);
  assert_log (log, 10, NB_CHANGE_PARTS, NB_TEXT_OTHER);
}

static NbReport *
make_report (void)
{
  NbReport *report = nb_report_new ();

  nb_report_set_organ_field (report, NB_ORGAN_NAME, "示例市测试局");
  nb_report_set_organ_field (report, NB_ORGAN_WEBSITE, "https://www.example.org");
  nb_report_set_year (report, 2024);
  g_assert_true (nb_report_set_issued (report, "2025-01-20", NULL));
  nb_report_set_figure (report, cell ("t2.fees.amount"), G_GINT64_CONSTANT (96171600000));
  nb_report_set_figure (report, cell ("t3.new.natural"), 0);
  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "（一）主动公开", "正文");
  return report;
}

static void
test_copy_equal_assign (void)
{
  g_autoptr(NbReport) report = make_report ();
  g_autoptr(NbReport) copy = nb_report_copy (report);
  g_autoptr(NbReport) target = nb_report_new ();
  g_autoptr(Log) log = log_attach (target);

  g_assert_true (nb_report_equal (report, copy));
  g_assert_true (nb_report_equal (report, report));
  g_assert_false (nb_report_equal (report, target));

  /* a copy is deep */
  nb_report_set_part (copy, NB_TEXT_OVERVIEW, 0, NULL, "改过的正文");
  g_assert_false (nb_report_equal (report, copy));
  g_assert_cmpstr (nb_report_get_part_body (report, NB_TEXT_OVERVIEW, 0), ==, "正文");
  nb_report_set_part (copy, NB_TEXT_OVERVIEW, 0, NULL, "正文");
  g_assert_true (nb_report_equal (report, copy));

  /* blank and 0 differ */
  nb_report_clear_figure (copy, cell ("t3.new.natural"));
  g_assert_false (nb_report_equal (report, copy));
  nb_report_set_figure (copy, cell ("t3.new.natural"), 0);
  g_assert_true (nb_report_equal (report, copy));

  /* every kind of field takes part */
  nb_report_set_preamble (copy, "改过的前言");
  g_assert_false (nb_report_equal (report, copy));
  nb_report_set_preamble (copy, NULL);
  nb_report_set_year (copy, 2023);
  g_assert_false (nb_report_equal (report, copy));
  nb_report_set_year (copy, 2024);
  g_assert_true (nb_report_set_issued (copy, "2025-01-21", NULL));
  g_assert_false (nb_report_equal (report, copy));
  g_assert_true (nb_report_set_issued (copy, "2025-01-20", NULL));
  nb_report_set_organ_field (copy, NB_ORGAN_TELEPHONE, "010-1");
  g_assert_false (nb_report_equal (report, copy));
  nb_report_set_organ_field (copy, NB_ORGAN_TELEPHONE, NULL);
  nb_report_insert_part (copy, NB_TEXT_OTHER, -1, "", "");
  g_assert_false (nb_report_equal (report, copy));
  nb_report_remove_part (copy, NB_TEXT_OTHER, 0);
  g_assert_true (nb_report_equal (report, copy));

  /* assign replaces everything and says so once */
  nb_report_insert_part (target, NB_TEXT_PROBLEMS, -1, "旧", "旧");
  nb_report_set_figure (target, cell ("t4.review.total"), 3);
  g_array_set_size (log->what, 0);
  g_array_set_size (log->index, 0);
  nb_report_assign (target, report);
  assert_log (log, 1, NB_CHANGE_ALL, 0);
  g_assert_true (nb_report_equal (target, report));
  g_assert_cmpuint (nb_report_get_n_parts (target, NB_TEXT_PROBLEMS), ==, 0);
  g_assert_false (nb_report_has_figure (target, cell ("t4.review.total")));

  /* and is deep too */
  nb_report_set_part (report, NB_TEXT_OVERVIEW, 0, "改", NULL);
  g_assert_cmpstr (nb_report_get_part_heading (target, NB_TEXT_OVERVIEW, 0), ==, "（一）主动公开");
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static void
assert_lacks (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” contains “%s”", haystack, needle);
}

static void
test_title_and_preamble (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(Log) log = log_attach (report);
  g_autofree char *title = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *full = NULL;
  g_autofree char *edited = NULL;

  nb_report_set_year (report, 2024);
  nb_report_set_organ_field (report, NB_ORGAN_NAME, "示例市测试局");
  title = nb_report_dup_title (report);
  g_assert_cmpstr (title, ==, "示例市测试局2024年政府信息公开工作年度报告");

  /* only the name and year: no empty clauses */
  bare = nb_report_dup_preamble (report);
  assert_contains (bare, "示例市测试局");
  assert_contains (bare, "自2024年1月1日起至2024年12月31日止");
  assert_contains (bare, "国办公开办函〔2021〕30号");
  assert_lacks (bare, "查阅");
  assert_lacks (bare, "地址");
  assert_lacks (bare, "邮编");
  assert_lacks (bare, "电话");
  assert_lacks (bare, "（null）");
  assert_lacks (bare, "(null)");
  assert_lacks (bare, "：。");

  nb_report_set_organ_field (report, NB_ORGAN_WEBSITE, "https://www.example.org/gk");
  nb_report_set_organ_field (report, NB_ORGAN_ADDRESS, "示例市中山路1号");
  nb_report_set_organ_field (report, NB_ORGAN_TELEPHONE, "010-12345678");
  nb_report_set_organ_field (report, NB_ORGAN_EMAIL, "gongkai@example.org");
  full = nb_report_dup_preamble (report);
  assert_contains (full, "https://www.example.org/gk");
  assert_contains (full, "示例市中山路1号");
  assert_contains (full, "010-12345678");
  assert_contains (full, "gongkai@example.org");
  assert_contains (full, "自2024年1月1日起至2024年12月31日止");
  assert_lacks (full, "邮编");   /* postcode left empty */
  g_assert_null (nb_report_get_preamble (report));

  /* the year follows the report */
  nb_report_set_year (report, 2025);
  g_clear_pointer (&full, g_free);
  full = nb_report_dup_preamble (report);
  assert_contains (full, "自2025年1月1日起至2025年12月31日止");

  /* an edited preamble wins, "" goes back to the generated one */
  g_array_set_size (log->what, 0);
  g_array_set_size (log->index, 0);
  nb_report_set_preamble (report, "我们自己写的前言。");
  assert_log (log, 1, NB_CHANGE_PREAMBLE, 0);
  edited = nb_report_dup_preamble (report);
  g_assert_cmpstr (edited, ==, "我们自己写的前言。");
  g_assert_cmpstr (nb_report_get_preamble (report), ==, "我们自己写的前言。");
  nb_report_set_preamble (report, "我们自己写的前言。");
  assert_log (log, 1, NB_CHANGE_PREAMBLE, 0);
  nb_report_set_preamble (report, "");
  assert_log (log, 2, NB_CHANGE_PREAMBLE, 0);
  g_assert_null (nb_report_get_preamble (report));

  /* without a name the preamble still reads */
  nb_report_set_organ_field (report, NB_ORGAN_NAME, NULL);
  g_clear_pointer (&full, g_free);
  full = nb_report_dup_preamble (report);
  assert_contains (full, "本机关");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/blank-vs-zero", test_blank_vs_zero);
  g_test_add_func ("/report/figure-signals", test_figure_signals);
  g_test_add_func ("/report/organ", test_organ);
  g_test_add_func ("/report/year", test_year);
  g_test_add_func ("/report/issued", test_issued);
  g_test_add_func ("/report/parts", test_parts);
  g_test_add_func ("/report/copy-equal-assign", test_copy_equal_assign);
  g_test_add_func ("/report/title-and-preamble", test_title_and_preamble);

  return g_test_run ();
}
