/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * W4: the figures that the text states, against tables 二 to 四 — on the
 * published fixtures (which agree with themselves, until a figure is
 * changed) and on sentences of our own in the ways offices write them.
 */
#include "config.h"

#include <string.h>

#include "nb-import.h"
#include "nb-narrative.h"

static void
set (NbReport *report, const char *id, gint64 value)
{
  guint cell = nb_format_cell_by_id (id);

  g_assert_cmpuint (cell, !=, NB_CELL_NONE);
  nb_report_set_figure (report, cell, value);
}

static NbReport *
report_saying (NbTextSection section, const char *body)
{
  NbReport *report = nb_report_new ();

  nb_report_insert_part (report, section, -1, "（二）依申请公开", body);
  return report;
}

static GPtrArray *
check (NbReport *report)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);

  nb_narrative_check (report, findings);
  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("%s %s: %s", finding->rule, finding->key, finding->message);
      g_assert_cmpstr (finding->rule, ==, "W4");
      g_assert_cmpint (finding->severity, ==, NB_SEVERITY_WARNING);
    }
  return findings;
}

static NbFinding *
only_finding (GPtrArray *findings, const char *key)
{
  NbFinding *finding;

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (finding->key, ==, key);
  return finding;
}

static gboolean
has_cell (NbFinding *finding, const char *id)
{
  for (guint i = 0; i < finding->cells->len; i++)
    if (g_array_index (finding->cells, guint, i) == nb_format_cell_by_id (id))
      return TRUE;
  return FALSE;
}

static NbImportResult *
import_fixture (const char *name)
{
  const char *dir = g_getenv ("NIANBAO_FIXTURES");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  NbImportResult *result;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  result = nb_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (result->complete);
  return result;
}

/* 受理 3119 件, 答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度）,
 * 行政复议 351件 with its four outcomes, 行政诉讼 46 件 (26 + 20) with
 * theirs: all agree with the tables, so nothing is said — until one
 * figure of each kind is changed. */
static void
test_huaian (void)
{
  g_autoptr(NbImportResult) result = import_fixture ("huaian-2024.txt");
  g_autoptr(GPtrArray) findings = NULL;
  const struct
  {
    const char *id;
    gint64 value;
    const char *key;
    const char *quote;
  } changes[] = {
    { "t3.new.total", 3118, "W4:t3.new.total", "受理政府信息公开申请 3119 件" },
    { "t3.carried_in.total", 35, "W4:t3.carried_in.total", "结转申请 34 件" },
    { "t3.result_total.total", 3049, "W4:t3.result_total.total", "答复 3050 件" },
    { "t3.carried_out.total", 100, "W4:t3.carried_out.total", "103 件顺延" },
    { "t4.review.total", 350, "W4:t4.review.total", "行政复议 351件" },
    { "t4.review.pending", 36, "W4:t4.review.pending", "尚未审结 37 件" },
    { "t4.suit_after_review.total", 21, "W4:t4.suit.total", "行政诉讼 46 件" },
    { "t4.suit_direct.upheld", 14, "W4:t4.suit.upheld", "结果维持 25件" },
  };

  if (result == NULL)
    {
      g_test_skip ("the shared fixtures are not present");
      return;
    }
  findings = check (result->report);
  g_assert_cmpuint (findings->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(NbReport) changed = nb_report_copy (result->report);
      g_autoptr(GPtrArray) found = NULL;
      NbFinding *finding;
      g_autofree char *table = NULL;

      set (changed, changes[i].id, changes[i].value);
      found = check (changed);
      finding = only_finding (found, changes[i].key);
      g_assert_true (has_cell (finding, changes[i].id));
      g_assert_cmpint (finding->section, ==, 0);
      g_assert_nonnull (strstr (finding->message, changes[i].quote));
      g_assert_nonnull (strstr (finding->message, "一、总体情况"));
      table = nb_format_cell_describe (nb_format_cell_by_id (changes[i].id));
      g_assert_nonnull (strstr (finding->message, table));
      g_assert_nonnull (finding->expected);
      g_assert_nonnull (finding->actual);
      g_assert_cmpstr (finding->expected, !=, finding->actual);
    }
}

/* 未受理政府信息公开申请, 未发生…被行政复议, 未发生…被提起行政诉讼 */
static void
test_kuangqu (void)
{
  g_autoptr(NbImportResult) result = import_fixture ("kuangqu-2024.txt");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(NbReport) changed = NULL;

  if (result == NULL)
    {
      g_test_skip ("the shared fixtures are not present");
      return;
    }
  findings = check (result->report);
  g_assert_cmpuint (findings->len, ==, 0);

  changed = nb_report_copy (result->report);
  set (changed, "t3.new.total", 2);
  set (changed, "t4.review.total", 1);
  set (changed, "t4.suit_direct.total", 1);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = check (changed);
  g_assert_cmpuint (findings->len, ==, 3);
  g_assert_cmpstr (((NbFinding *) g_ptr_array_index (findings, 0))->key, ==, "W4:t3.new.total");
  g_assert_cmpstr (((NbFinding *) g_ptr_array_index (findings, 0))->actual, ==, "0");
  g_assert_cmpstr (((NbFinding *) g_ptr_array_index (findings, 0))->expected, ==, "2");
  g_assert_cmpstr (((NbFinding *) g_ptr_array_index (findings, 1))->key, ==, "W4:t4.review.total");
  g_assert_cmpstr (((NbFinding *) g_ptr_array_index (findings, 2))->key, ==, "W4:t4.suit.total");
}

static void
test_received (void)
{
  g_autoptr(NbReport) report = report_saying (NB_TEXT_OVERVIEW, "2024年，本局共收到政府信息公开申请 ２８ 件，均按时答复。");
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *finding;

  /* a blank table is left to W7 */
  findings = check (report);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "t3.new.total", 28);
  findings = check (report);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "t3.new.total", 27);
  findings = check (report);
  finding = only_finding (findings, "W4:t3.new.total");
  g_assert_cmpstr (finding->expected, ==, "27");
  g_assert_cmpstr (finding->actual, ==, "28");
  g_assert_nonnull (strstr (finding->message, "off by 1"));
}

/* “30件（含上年结转2件）” counts the carried-over requests too. */
static void
test_received_with_carried_over (void)
{
  g_autoptr(NbReport) report = report_saying (NB_TEXT_OVERVIEW,
                                              "全年共受理政府信息公开申请30件（含上年结转2件），已全部办结。");
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *finding;

  set (report, "t3.new.total", 28);
  set (report, "t3.carried_in.total", 2);
  findings = check (report);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "t3.new.total", 29);
  findings = check (report);
  finding = only_finding (findings, "W4:t3.new.total");
  g_assert_true (has_cell (finding, "t3.new.total"));
  g_assert_true (has_cell (finding, "t3.carried_in.total"));
  g_assert_cmpstr (finding->expected, ==, "31");
}

static void
test_none_received (void)
{
  g_autoptr(NbReport) report = report_saying (NB_TEXT_OVERVIEW, "本年度本单位未收到政府信息公开申请。");
  g_autoptr(GPtrArray) findings = NULL;

  set (report, "t3.new.total", 0);
  findings = check (report);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "t3.new.total", 4);
  findings = check (report);
  g_assert_cmpstr (only_finding (findings, "W4:t3.new.total")->actual, ==, "0");
}

/* Counts of other things are not requests. */
static void
test_other_counts_ignored (void)
{
  g_autoptr(NbReport) report = report_saying (NB_TEXT_OTHER,
                                              "本年度共收到人大代表建议8件、政协委员提案4件，均已办结。"
                                              "受理信访件12件。2024年制发文件35件。");
  g_autoptr(GPtrArray) findings = NULL;

  set (report, "t3.new.total", 5);
  set (report, "t3.result_total.total", 5);
  findings = check (report);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_carried_over_and_answered (void)
{
  g_autoptr(NbReport) report = report_saying (NB_TEXT_OVERVIEW,
                                              "上年结转申请2件，已办结29件，结转下年度继续办理1件。");
  g_autoptr(GPtrArray) findings = NULL;

  set (report, "t3.carried_in.total", 2);
  set (report, "t3.result_total.total", 29);
  set (report, "t3.carried_out.total", 1);
  findings = check (report);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "t3.carried_out.total", 2);
  findings = check (report);
  g_assert_cmpstr (only_finding (findings, "W4:t3.carried_out.total")->actual, ==, "1");
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "t3.carried_out.total", 1);
  set (report, "t3.result_total.total", 30);
  findings = check (report);
  g_assert_cmpstr (only_finding (findings, "W4:t3.result_total.total")->actual, ==, "29");
}

/* 均获维持 is wrong while one of them is still pending. */
static void
test_all_upheld (void)
{
  g_autoptr(NbReport) report = report_saying (NB_TEXT_OVERVIEW,
                                              "本年度发生政府信息公开行政复议2件，均获维持。");
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *finding;

  set (report, "t4.review.upheld", 2);
  set (report, "t4.review.corrected", 0);
  set (report, "t4.review.other", 0);
  set (report, "t4.review.pending", 0);
  set (report, "t4.review.total", 2);
  findings = check (report);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "t4.review.upheld", 1);
  set (report, "t4.review.pending", 1);
  findings = check (report);
  finding = only_finding (findings, "W4:t4.review.all_upheld");
  g_assert_true (has_cell (finding, "t4.review.pending"));
  g_assert_nonnull (strstr (finding->message, "均获维持"));
}

static void
test_no_appeals (void)
{
  g_autoptr(NbReport) report = report_saying (NB_TEXT_OVERVIEW,
                                              "本年度无政府信息公开行政复议、行政诉讼案件。");
  g_autoptr(GPtrArray) findings = NULL;

  set (report, "t4.review.total", 0);
  set (report, "t4.suit_direct.total", 0);
  set (report, "t4.suit_after_review.total", 0);
  findings = check (report);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "t4.suit_after_review.total", 1);
  findings = check (report);
  g_assert_cmpstr (only_finding (findings, "W4:t4.suit.total")->expected, ==, "1");
}

static void
test_documents_in_force (void)
{
  g_autoptr(NbReport) report = report_saying (NB_TEXT_OVERVIEW,
                                              "截至年底，现行有效规章11件；现行有效的行政规范性文件共66件。");
  g_autoptr(NbReport) both = report_saying (NB_TEXT_OVERVIEW, "现行有效规章和行政规范性文件共77件。");
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *finding;

  set (report, "t2.rules.in_force", 11);
  set (report, "t2.normative.in_force", 66);
  findings = check (report);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "t2.normative.in_force", 65);
  findings = check (report);
  finding = only_finding (findings, "W4:t2.normative.in_force");
  g_assert_cmpint (finding->section, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (both, "t2.rules.in_force", 11);
  set (both, "t2.normative.in_force", 66);
  findings = check (both);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  set (both, "t2.normative.in_force", 67);
  findings = check (both);
  finding = only_finding (findings, "W4:t2.in_force");
  g_assert_true (has_cell (finding, "t2.rules.in_force"));
  g_assert_true (has_cell (finding, "t2.normative.in_force"));
}

/* The section the sentence stands in, and one warning per cell. */
static void
test_section_and_once (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(GPtrArray) findings = NULL;

  nb_report_insert_part (report, NB_TEXT_OTHER, -1, "（五）其他",
                         "全年收到政府信息公开申请9件。本年度共收到政府信息公开申请9件。");
  set (report, "t3.new.total", 8);
  findings = check (report);
  g_assert_cmpint (only_finding (findings, "W4:t3.new.total")->section, ==, 5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/narrative/fixture/huaian", test_huaian);
  g_test_add_func ("/narrative/fixture/kuangqu", test_kuangqu);
  g_test_add_func ("/narrative/received", test_received);
  g_test_add_func ("/narrative/received-with-carried-over", test_received_with_carried_over);
  g_test_add_func ("/narrative/none-received", test_none_received);
  g_test_add_func ("/narrative/other-counts-ignored", test_other_counts_ignored);
  g_test_add_func ("/narrative/carried-over-and-answered", test_carried_over_and_answered);
  g_test_add_func ("/narrative/all-upheld", test_all_upheld);
  g_test_add_func ("/narrative/no-appeals", test_no_appeals);
  g_test_add_func ("/narrative/documents-in-force", test_documents_in_force);
  g_test_add_func ("/narrative/section-and-once", test_section_and_once);

  return g_test_run ();
}
