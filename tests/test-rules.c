/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "nb-format.h"
#include "nb-number.h"
#include "nb-report.h"
#include "nb-rules.h"

/* The result rows of a consistent report: small, varied, some 0. */
static gint64
result_value (guint row, guint col)
{
  return (gint64) ((row * 7 + col * 3) % 5);
}

static void
set (NbReport *report, const char *id, gint64 value)
{
  guint cell = nb_format_cell_by_id (id);

  g_assert_cmpuint (cell, !=, NB_CELL_NONE);
  nb_report_set_figure (report, cell, value);
}

static gint64
get (NbReport *report, const char *id)
{
  gint64 value = 0;

  g_assert_true (nb_report_get_figure (report, nb_format_cell_by_id (id), &value));
  return value;
}

static guint
cell (const char *id)
{
  guint c = nb_format_cell_by_id (id);

  g_assert_cmpuint (c, !=, NB_CELL_NONE);
  return c;
}

static void
fill_text (NbReport *report, NbTextSection section)
{
  const NbSectionInfo *info = nb_format_text_section (section);

  for (guint i = 0; info->customary[i] != NULL; i++)
    nb_report_insert_part (report, section, -1, info->customary[i],
                           section == NB_TEXT_OTHER && i == 0
                           ? "本年度本机关未收取信息处理费。"
                           : "本年度按计划推进相关工作，情况良好。");
}

/* A complete report of an invented organ in which every rule holds. */
static NbReport *
make_valid_report (guint year)
{
  NbReport *report = nb_report_new ();
  g_autofree char *issued = g_strdup_printf ("%u-01-20", year + 1);
  gint64 row_totals[NB_T3_N_ROWS] = { 0 };

  nb_report_set_organ_field (report, NB_ORGAN_NAME, "示例市测试局");
  nb_report_set_organ_field (report, NB_ORGAN_ADDRESS, "示例市中山路1号");
  nb_report_set_organ_field (report, NB_ORGAN_POSTCODE, "100000");
  nb_report_set_organ_field (report, NB_ORGAN_TELEPHONE, "010-12345678");
  nb_report_set_organ_field (report, NB_ORGAN_EMAIL, "gongkai@example.org");
  nb_report_set_organ_field (report, NB_ORGAN_WEBSITE, "https://www.example.org");
  nb_report_set_year (report, year);
  g_assert_true (nb_report_set_issued (report, issued, NULL));

  set (report, "t2.rules.issued", 2);
  set (report, "t2.rules.repealed", 1);
  set (report, "t2.rules.in_force", 17);
  set (report, "t2.normative.issued", 11);
  set (report, "t2.normative.repealed", 4);
  set (report, "t2.normative.in_force", 86);
  set (report, "t2.license.decisions", 3985758);
  set (report, "t2.penalty.decisions", 412);
  set (report, "t2.coercion.decisions", 9);
  set (report, "t2.fees.amount", G_GINT64_CONSTANT (96171600000));

  for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
    {
      gint64 results = 0;
      gint64 new_requests = 60 + 13 * (gint64) c;
      gint64 carried_in = 1 + (gint64) c;

      for (guint r = NB_T3_ROW_FIRST_RESULT; r <= NB_T3_ROW_LAST_RESULT; r++)
        {
          nb_report_set_figure (report, nb_format_t3_cell (r, c), result_value (r, c));
          results += result_value (r, c);
        }
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_NEW, c), new_requests);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c), carried_in);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_RESULT_TOTAL, c), results);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, c),
                            new_requests + carried_in - results);
    }
  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    {
      for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
        row_totals[r] += get (report, nb_format_cell (nb_format_t3_cell (r, c))->id);
      nb_report_set_figure (report, nb_format_t3_cell (r, NB_T3_COL_TOTAL), row_totals[r]);
    }

  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    {
      gint64 sum = 0;

      for (guint c = 0; c < NB_T4_COL_TOTAL; c++)
        {
          nb_report_set_figure (report, nb_format_t4_cell (g, c), (gint64) (g + c + 1));
          sum += (gint64) (g + c + 1);
        }
      nb_report_set_figure (report, nb_format_t4_cell (g, NB_T4_COL_TOTAL), sum);
    }

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    fill_text (report, s);
  return report;
}

/* Last year's report, consistent with @report for W1 and W2. */
static NbReport *
make_previous (NbReport *report)
{
  NbReport *previous = make_valid_report (nb_report_get_year (report) - 1);

  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    {
      gint64 in;

      g_assert_true (nb_report_get_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c), &in));
      nb_report_set_figure (previous, nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, c), in);
    }
  set (previous, "t2.rules.in_force",
       get (report, "t2.rules.in_force") - get (report, "t2.rules.issued") +
       get (report, "t2.rules.repealed"));
  set (previous, "t2.normative.in_force",
       get (report, "t2.normative.in_force") - get (report, "t2.normative.issued") +
       get (report, "t2.normative.repealed"));
  return previous;
}

static NbFinding *
find (GPtrArray *findings, const char *key)
{
  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *f = g_ptr_array_index (findings, i);

      if (strcmp (f->key, key) == 0)
        return f;
    }
  return NULL;
}

/* find() for a finding that must be there */
static NbFinding *
need (GPtrArray *findings, const char *key)
{
  NbFinding *f = find (findings, key);

  if (f == NULL)
    g_error ("no finding %s", key);
  return f;
}

static guint
count_rule (GPtrArray *findings, const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((NbFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0)
      n++;
  return n;
}

static guint
finding_cell (NbFinding *f, guint i)
{
  g_assert_cmpuint (i, <, f->cells->len);
  return g_array_index (f->cells, guint, i);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

/* The message names the cell (in the report's Chinese) and the numbers. */
static void
assert_message (NbFinding *f, const char *a, const char *b, const char *difference)
{
  g_autofree char *where = nb_format_cell_describe (finding_cell (f, 0));

  assert_contains (f->message, where);
  if (a != NULL)
    assert_contains (f->message, a);
  if (b != NULL)
    assert_contains (f->message, b);
  if (difference != NULL)
    {
      g_autofree char *off = g_strdup_printf ("off by %s)", difference);

      assert_contains (f->message, off);
    }
}

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *f = g_ptr_array_index (findings, i);

      g_test_message ("%s %s %s", f->key, nb_severity_to_string (f->severity), f->message);
    }
}

/* Runs the rules again into *@findings, logging what they say. */
static GPtrArray *
recheck (GPtrArray **findings, NbReport *report, NbReport *previous)
{
  g_clear_pointer (findings, g_ptr_array_unref);
  *findings = nb_rules_check (report, previous);
  dump (*findings);
  return *findings;
}

static void
test_valid (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(NbReport) previous = make_previous (report);
  g_autoptr(GPtrArray) alone = nb_rules_check (report, NULL);
  g_autoptr(GPtrArray) with_previous = nb_rules_check (report, previous);

  dump (alone);
  dump (with_previous);
  g_assert_cmpuint (alone->len, ==, 0);
  g_assert_cmpuint (with_previous->len, ==, 0);
  g_assert_cmpuint (nb_findings_count (with_previous, NB_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (nb_findings_count (with_previous, NB_SEVERITY_WARNING), ==, 0);

  /* the helper really is complete: nothing blank */
  for (guint c = 0; c < NB_N_CELLS; c++)
    g_assert_true (nb_report_has_figure (report, c));
}

static void
test_r1_row_total (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  gint64 sum = get (report, "t3.withheld.law.total");
  g_autofree char *sum_text = g_strdup_printf ("%" G_GINT64_FORMAT, sum);
  g_autofree char *diff_text = g_strdup_printf ("%" G_GINT64_FORMAT, 9999 - sum);
  NbFinding *f;

  set (report, "t3.withheld.law.total", 9999);
  recheck (&findings, report, NULL);

  f = need (findings, "R1:t3.withheld.law.total");
  g_assert_cmpstr (f->rule, ==, "R1");
  g_assert_cmpint (f->severity, ==, NB_SEVERITY_ERROR);
  g_assert_cmpint (f->section, ==, 2);
  g_assert_cmpuint (f->cells->len, ==, 7);
  g_assert_cmpuint (finding_cell (f, 0), ==, cell ("t3.withheld.law.total"));
  for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
    g_assert_cmpuint (finding_cell (f, 1 + c), ==,
                      nb_format_t3_cell (nb_format_cell (cell ("t3.withheld.law.total"))->row, c));
  g_assert_cmpstr (f->expected, ==, sum_text);
  g_assert_cmpstr (f->actual, ==, "9999");
  assert_message (f, "9999", sum_text, diff_text);

  /* the same total also breaks R2 for the 总计 column, and nothing else */
  g_assert_nonnull (find (findings, "R2:t3.result_total.total"));
  g_assert_cmpuint (findings->len, ==, 2);

  /* the key does not depend on the values, so an acknowledgement sticks */
  set (report, "t3.withheld.law.total", 12345);
  recheck (&findings, report, NULL);
  f = need (findings, "R1:t3.withheld.law.total");
  g_assert_cmpstr (f->actual, ==, "12345");

  /* and fixing it makes it go away */
  set (report, "t3.withheld.law.total", sum);
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_r1_blanks (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *f;

  /* a total with no addends yet is not checked */
  set (report, "t3.new.total", 10);
  recheck (&findings, report, NULL);
  g_assert_cmpuint (count_rule (findings, "R1"), ==, 0);

  /* addends with no total yet are not checked */
  nb_report_clear_figure (report, cell ("t3.new.total"));
  set (report, "t3.new.natural", 4);
  recheck (&findings, report, NULL);
  g_assert_cmpuint (count_rule (findings, "R1"), ==, 0);

  /* a total and one addend: the blank addends count as 0 */
  set (report, "t3.new.total", 10);
  recheck (&findings, report, NULL);
  f = need (findings, "R1:t3.new.total");
  g_assert_cmpstr (f->expected, ==, "4");
  g_assert_cmpstr (f->actual, ==, "10");
  assert_message (f, "10", "4", "6");

  set (report, "t3.new.business", 6);
  recheck (&findings, report, NULL);
  g_assert_cmpuint (nb_findings_count (findings, NB_SEVERITY_ERROR), ==, 0);

  /* blank is not 0: a 0 total with a 0 addend holds */
  set (report, "t3.carried_in.total", 0);
  set (report, "t3.carried_in.legal", 0);
  recheck (&findings, report, NULL);
  g_assert_cmpuint (nb_findings_count (findings, NB_SEVERITY_ERROR), ==, 0);
}

static void
test_r2_result_total (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  gint64 before = get (report, "t3.rejected.repeat.research");
  gint64 total = get (report, "t3.result_total.research");
  g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
  g_autofree char *sum_text = g_strdup_printf ("%" G_GINT64_FORMAT, total + 250);
  NbFinding *f;

  set (report, "t3.rejected.repeat.research", before + 250);
  recheck (&findings, report, NULL);

  f = need (findings, "R2:t3.result_total.research");
  g_assert_cmpint (f->section, ==, 2);
  g_assert_cmpuint (f->cells->len, ==, 22);
  g_assert_cmpuint (finding_cell (f, 0), ==, cell ("t3.result_total.research"));
  g_assert_cmpuint (finding_cell (f, 1), ==, cell ("t3.disclosed.research"));
  g_assert_cmpuint (finding_cell (f, 21), ==, cell ("t3.other.other.research"));
  g_assert_cmpstr (f->expected, ==, sum_text);
  g_assert_cmpstr (f->actual, ==, total_text);
  assert_message (f, total_text, sum_text, "250");

  /* the row of that result also no longer adds up (R1) */
  g_assert_nonnull (find (findings, "R1:t3.rejected.repeat.total"));
  g_assert_cmpuint (count_rule (findings, "R2"), ==, 1);
  g_assert_cmpuint (count_rule (findings, "R3"), ==, 0);
}

static void
test_r3_balance (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  gint64 out = get (report, "t3.carried_out.charity");
  g_autofree char *out_text = g_strdup_printf ("%" G_GINT64_FORMAT, out);
  g_autofree char *received = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               get (report, "t3.new.charity") + 40 +
                                               get (report, "t3.carried_in.charity"));
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, out + 40);
  NbFinding *f;

  /* 40 more requests received, results and carried-out unchanged */
  set (report, "t3.new.charity", get (report, "t3.new.charity") + 40);
  set (report, "t3.new.total", get (report, "t3.new.total") + 40);
  set (report, "t3.carried_out.total", get (report, "t3.carried_out.total") + 40);
  set (report, "t3.carried_out.legal", get (report, "t3.carried_out.legal") + 40);
  recheck (&findings, report, NULL);

  g_assert_cmpuint (findings->len, ==, 2);
  f = need (findings, "R3:t3.carried_out.charity");
  g_assert_cmpint (f->severity, ==, NB_SEVERITY_ERROR);
  g_assert_cmpuint (f->cells->len, ==, 4);
  g_assert_cmpuint (finding_cell (f, 0), ==, cell ("t3.carried_out.charity"));
  g_assert_cmpuint (finding_cell (f, 1), ==, cell ("t3.new.charity"));
  g_assert_cmpuint (finding_cell (f, 2), ==, cell ("t3.carried_in.charity"));
  g_assert_cmpuint (finding_cell (f, 3), ==, cell ("t3.result_total.charity"));
  g_assert_cmpstr (f->expected, ==, expected);
  g_assert_cmpstr (f->actual, ==, out_text);
  assert_message (f, out_text, received, "40");
  g_assert_nonnull (find (findings, "R3:t3.carried_out.legal"));

  /* with one of the four blank the balance is not checked */
  nb_report_clear_figure (report, cell ("t3.carried_in.charity"));
  recheck (&findings, report, NULL);
  g_assert_null (find (findings, "R3:t3.carried_out.charity"));
  g_assert_nonnull (find (findings, "R3:t3.carried_out.legal"));
}

static void
test_r4_table4 (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  gint64 total = get (report, "t4.suit_direct.total");
  g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
  g_autofree char *sum_text = g_strdup_printf ("%" G_GINT64_FORMAT, total - 1);
  NbFinding *f;

  set (report, "t4.suit_direct.upheld", get (report, "t4.suit_direct.upheld") +
       get (report, "t4.suit_direct.pending") - 1);
  nb_report_clear_figure (report, cell ("t4.suit_direct.pending"));
  recheck (&findings, report, NULL);

  f = need (findings, "R4:t4.suit_direct.total");
  g_assert_cmpint (f->section, ==, 3);
  g_assert_cmpuint (f->cells->len, ==, 5);
  g_assert_cmpuint (finding_cell (f, 0), ==, cell ("t4.suit_direct.total"));
  g_assert_cmpuint (finding_cell (f, 1), ==, cell ("t4.suit_direct.upheld"));
  g_assert_cmpuint (finding_cell (f, 4), ==, cell ("t4.suit_direct.pending"));
  g_assert_cmpstr (f->expected, ==, sum_text);
  g_assert_cmpstr (f->actual, ==, total_text);
  assert_message (f, total_text, sum_text, "1");
  g_assert_cmpuint (nb_findings_count (findings, NB_SEVERITY_ERROR), ==, 1);

  set (report, "t4.suit_direct.pending", 1);
  recheck (&findings, report, NULL);
  g_assert_cmpuint (nb_findings_count (findings, NB_SEVERITY_ERROR), ==, 0);
}

static void
test_r5_ranges (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *f;

  set (report, "t2.penalty.decisions", -7);
  set (report, "t2.fees.amount", G_GINT64_CONSTANT (-1500000)); /* −1.5 万元 */
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 2);

  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->key, ==, "R5:t2.penalty.decisions");
  g_assert_cmpint (f->severity, ==, NB_SEVERITY_ERROR);
  g_assert_cmpint (f->section, ==, 1);
  g_assert_cmpuint (f->cells->len, ==, 1);
  g_assert_cmpuint (finding_cell (f, 0), ==, cell ("t2.penalty.decisions"));
  g_assert_cmpstr (f->actual, ==, "-7");
  assert_message (f, "-7", "0", NULL);

  /* the fee is shown in 万元, as typed, not in fen */
  f = g_ptr_array_index (findings, 1);
  g_assert_cmpstr (f->key, ==, "R5:t2.fees.amount");
  g_assert_cmpstr (f->actual, ==, "-1.5");
  assert_message (f, "-1.5", NULL, NULL);

  /* 0 is in range */
  set (report, "t2.penalty.decisions", 0);
  set (report, "t2.fees.amount", 0);
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_overflow (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;

  /* sums of absurd imported figures must not wrap round to a match:
   * MAX + MAX + 2 is 0 modulo 2⁶⁴ */
  set (report, "t4.review.upheld", G_MAXINT64);
  set (report, "t4.review.corrected", G_MAXINT64);
  set (report, "t4.review.other", 2);
  set (report, "t4.review.pending", 0);
  set (report, "t4.review.total", 0);
  recheck (&findings, report, NULL);
  g_assert_nonnull (find (findings, "R4:t4.review.total"));
}

static void
test_w1_carry_over (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(NbReport) previous = make_previous (report);
  g_autoptr(GPtrArray) findings = NULL;
  gint64 in = get (report, "t3.carried_in.business");
  g_autofree char *in_text = g_strdup_printf ("%" G_GINT64_FORMAT, in);
  g_autofree char *last_text = g_strdup_printf ("%" G_GINT64_FORMAT, in + 5);
  NbFinding *f;

  set (previous, "t3.carried_out.business", in + 5);
  recheck (&findings, report, previous);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->key, ==, "W1:t3.carried_in.business");
  g_assert_cmpstr (f->rule, ==, "W1");
  g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
  g_assert_cmpint (f->section, ==, 2);
  g_assert_cmpuint (f->cells->len, ==, 1);
  g_assert_cmpuint (finding_cell (f, 0), ==, cell ("t3.carried_in.business"));
  g_assert_cmpstr (f->expected, ==, last_text);
  g_assert_cmpstr (f->actual, ==, in_text);
  assert_message (f, in_text, last_text, "5");

  /* without last year's report there is nothing to compare */
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 0);

  /* a blank on either side is not compared */
  nb_report_clear_figure (previous, cell ("t3.carried_out.business"));
  recheck (&findings, report, previous);
  g_assert_cmpuint (count_rule (findings, "W1"), ==, 0);

  /* a report that is not last year's is not compared either */
  set (previous, "t3.carried_out.business", in + 5);
  nb_report_set_year (previous, 2022);
  recheck (&findings, report, previous);
  g_assert_cmpuint (count_rule (findings, "W1"), ==, 0);
}

static void
test_w2_stock (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(NbReport) previous = make_previous (report);
  g_autoptr(GPtrArray) findings = NULL;
  gint64 last = get (previous, "t2.normative.in_force");
  gint64 now = get (report, "t2.normative.in_force");
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  g_autofree char *actual = g_strdup_printf ("%" G_GINT64_FORMAT, now + 3);
  g_autofree char *last_text = g_strdup_printf ("%" G_GINT64_FORMAT, last);
  NbFinding *f;

  set (report, "t2.normative.in_force", now + 3);
  recheck (&findings, report, previous);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->key, ==, "W2:t2.normative.in_force");
  g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
  g_assert_cmpint (f->section, ==, 1);
  g_assert_cmpuint (f->cells->len, ==, 3);
  g_assert_cmpuint (finding_cell (f, 0), ==, cell ("t2.normative.in_force"));
  g_assert_cmpuint (finding_cell (f, 1), ==, cell ("t2.normative.issued"));
  g_assert_cmpuint (finding_cell (f, 2), ==, cell ("t2.normative.repealed"));
  g_assert_cmpstr (f->expected, ==, expected);
  g_assert_cmpstr (f->actual, ==, actual);
  assert_message (f, actual, last_text, "3");
  assert_message (f, expected, "11", "3"); /* this year's issued */

  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 0);

  /* any of the four blank: not checked */
  nb_report_clear_figure (report, cell ("t2.normative.repealed"));
  recheck (&findings, report, previous);
  g_assert_cmpuint (count_rule (findings, "W2"), ==, 0);

  /* the 规章 row too */
  set (report, "t2.normative.repealed", 4);
  set (report, "t2.normative.in_force", now);
  set (previous, "t2.rules.in_force", get (previous, "t2.rules.in_force") + 2);
  recheck (&findings, report, previous);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_nonnull (find (findings, "W2:t2.rules.in_force"));
}

static void
test_w3_preamble (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *f;
  const char *good[] = {
    "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。",
    "统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。",
    "统计期限自２０２４年１月１日至２０２４年１２月３１日。",
    "统计期限自2024年01月01日起至2024年12月31日止，本报告于2025年1月20日发布。",
  };

  /* the generated preamble names the period by construction */
  g_assert_null (nb_report_get_preamble (report));
  recheck (&findings, report, NULL);
  g_assert_cmpuint (count_rule (findings, "W3"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      nb_report_set_preamble (report, good[i]);
      recheck (&findings, report, NULL);
      g_assert_cmpuint (findings->len, ==, 0);
    }

  /* last year's preamble, pasted */
  nb_report_set_preamble (report, "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。");
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->key, ==, "W3:preamble");
  g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
  g_assert_cmpint (f->section, ==, -1);
  g_assert_cmpuint (f->cells->len, ==, 0);
  g_assert_cmpstr (f->expected, ==, "2024");
  g_assert_cmpstr (f->actual, ==, "2023");
  assert_contains (f->message, "2023");
  assert_contains (f->message, "2024");

  /* half edited */
  nb_report_set_preamble (report, "统计期限自2024年1月1日起至2023年12月31日止。");
  recheck (&findings, report, NULL);
  f = need (findings, "W3:preamble");
  g_assert_cmpstr (f->actual, ==, "2023");

  /* no period at all; other dates are not a period */
  nb_report_set_preamble (report, "本报告由示例市测试局编制，于2025年1月20日发布。");
  recheck (&findings, report, NULL);
  f = need (findings, "W3:preamble");
  g_assert_cmpstr (f->expected, ==, "2024");
  g_assert_null (f->actual);
  assert_contains (f->message, "2024");

  /* a year glued to more digits is not a year */
  nb_report_set_preamble (report, "编号12024年1月1日");
  recheck (&findings, report, NULL);
  f = need (findings, "W3:preamble");
  g_assert_null (f->actual);
}

static void
test_w3_issued (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *f;

  g_assert_true (nb_report_set_issued (report, "2024-01-20", NULL));
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->key, ==, "W3:issued");
  g_assert_cmpint (f->section, ==, -1);
  g_assert_cmpstr (f->expected, ==, "2025");
  g_assert_cmpstr (f->actual, ==, "2024");
  assert_contains (f->message, "2024-01-20");
  assert_contains (f->message, "2025");

  g_assert_true (nb_report_set_issued (report, "2026-01-31", NULL));
  recheck (&findings, report, NULL);
  g_assert_nonnull (find (findings, "W3:issued"));

  g_assert_true (nb_report_set_issued (report, "2025-01-31", NULL));
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 0);

  /* no date: W7 says so, W3 has nothing to check */
  g_assert_true (nb_report_set_issued (report, NULL, NULL));
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_nonnull (find (findings, "W7:issued"));
}

static void
test_w5_fees (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *f;

  /* the part about fees removed */
  nb_report_remove_part (report, NB_TEXT_OTHER, 0);
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->key, ==, "W5:other");
  g_assert_cmpstr (f->rule, ==, "W5");
  g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
  g_assert_cmpint (f->section, ==, 5);
  g_assert_cmpuint (f->cells->len, ==, 0);
  assert_contains (f->message, nb_format_section (5)->heading);

  /* stated in a body under another heading */
  nb_report_set_part (report, NB_TEXT_OTHER, 3, NULL, "本机关本年度未收取信息处理费。");
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 0);

  /* 收费 together with 信息 */
  nb_report_set_part (report, NB_TEXT_OTHER, 3, NULL, "本年度政府信息公开工作未发生收费。");
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 0);

  /* 收费 alone is about something else */
  nb_report_set_part (report, NB_TEXT_OTHER, 3, NULL, "停车场收费标准已公示。");
  recheck (&findings, report, NULL);
  g_assert_nonnull (find (findings, "W5:other"));

  /* the customary heading over an empty body states nothing */
  nb_report_insert_part (report, NB_TEXT_OTHER, 0,
                         nb_format_text_section (NB_TEXT_OTHER)->customary[0], "　 ");
  recheck (&findings, report, NULL);
  g_assert_nonnull (find (findings, "W5:other"));

  /* …and a body under it does, whatever it says */
  nb_report_set_part (report, NB_TEXT_OTHER, 0, NULL, "无。");
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_w7_empty_report (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(GPtrArray) findings = nb_rules_check (report, NULL);
  const char *keys[] = {
    "W7:organ.name", "W7:year", "W7:issued", "W7:overview",
    "W7:t2", "W7:t3", "W7:t4", "W7:problems", "W5:other", "W7:other",
  };
  NbFinding *f;

  dump (findings);
  g_assert_cmpuint (nb_findings_count (findings, NB_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (keys));
  /* in report order: front matter, 一, tables, 五, 六 */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      f = g_ptr_array_index (findings, i);
      g_assert_cmpstr (f->key, ==, keys[i]);
      g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
    }

  f = need (findings, "W7:t3");
  g_assert_cmpint (f->section, ==, 2);
  g_assert_cmpuint (f->cells->len, ==, NB_T3_N_ROWS * NB_T3_N_COLUMNS);
  g_assert_cmpuint (finding_cell (f, 0), ==, cell ("t3.new.natural"));
  g_assert_cmpuint (finding_cell (f, f->cells->len - 1), ==, cell ("t3.carried_out.total"));
  assert_contains (f->message, "175");
  assert_contains (f->message, nb_format_section (2)->heading);

  f = need (findings, "W7:t2");
  g_assert_cmpint (f->section, ==, 1);
  g_assert_cmpuint (f->cells->len, ==, 10);
  assert_contains (f->message, "10");

  f = need (findings, "W7:t4");
  g_assert_cmpint (f->section, ==, 3);
  g_assert_cmpuint (f->cells->len, ==, 15);

  f = need (findings, "W7:overview");
  g_assert_cmpint (f->section, ==, 0);
  g_assert_cmpuint (f->cells->len, ==, 0);
  f = need (findings, "W7:problems");
  g_assert_cmpint (f->section, ==, 4);
  f = need (findings, "W7:organ.name");
  g_assert_cmpint (f->section, ==, -1);
}

static void
test_w7_partial (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  NbFinding *f;

  nb_report_clear_figure (report, cell ("t3.rejected.abusive.legal"));
  nb_report_clear_figure (report, cell ("t3.withheld.safety.charity"));
  /* a section whose parts have headings but only blank bodies */
  for (guint i = 0; i < nb_report_get_n_parts (report, NB_TEXT_PROBLEMS); i++)
    nb_report_set_part (report, NB_TEXT_PROBLEMS, i, NULL, i == 0 ? "" : " \n　");
  recheck (&findings, report, NULL);

  /* the two blanks were 0-valued or not: either way W7, and R1/R2 hold or
   * report; only W7 is asserted here */
  f = need (findings, "W7:t3");
  g_assert_cmpuint (f->cells->len, ==, 2);
  g_assert_cmpuint (finding_cell (f, 0), ==, cell ("t3.withheld.safety.charity"));
  g_assert_cmpuint (finding_cell (f, 1), ==, cell ("t3.rejected.abusive.legal"));
  assert_contains (f->message, "2 figures");
  g_assert_null (find (findings, "W7:t2"));
  g_assert_null (find (findings, "W7:t4"));
  g_assert_nonnull (find (findings, "W7:problems"));
  g_assert_null (find (findings, "W7:overview"));

  /* no parts at all */
  while (nb_report_get_n_parts (report, NB_TEXT_OVERVIEW) > 0)
    nb_report_remove_part (report, NB_TEXT_OVERVIEW, 0);
  nb_report_set_organ_field (report, NB_ORGAN_NAME, NULL);
  recheck (&findings, report, NULL);
  g_assert_nonnull (find (findings, "W7:overview"));
  g_assert_nonnull (find (findings, "W7:organ.name"));
}

static void
test_order (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(NbReport) previous = make_previous (report);
  g_autoptr(GPtrArray) findings = NULL;
  const char *keys[] = {
    /* errors, in report order */
    "R5:t2.rules.issued",
    "R1:t3.new.total",
    "R1:t3.disclosed.total",
    "R2:t3.result_total.natural",
    "R3:t3.carried_out.natural",
    "R4:t4.suit_after_review.total",
    /* then warnings, in report order */
    "W3:issued",
    "W7:overview",
    "W2:t2.rules.in_force",
    "W1:t3.carried_in.natural",
    "W7:t4",
    "W5:other",
  };

  /* made in an order unlike the report's */
  set (report, "t4.suit_after_review.total", 1000);
  nb_report_clear_figure (report, cell ("t4.review.total"));
  set (previous, "t3.carried_out.natural", get (previous, "t3.carried_out.natural") + 1);
  set (report, "t3.carried_out.natural", get (report, "t3.carried_out.natural") + 1);
  set (report, "t3.carried_out.total", get (report, "t3.carried_out.total") + 1);
  set (report, "t3.disclosed.natural", get (report, "t3.disclosed.natural") + 1);
  set (report, "t3.new.total", get (report, "t3.new.total") + 1);
  set (report, "t2.rules.issued", -1);
  while (nb_report_get_n_parts (report, NB_TEXT_OVERVIEW) > 0)
    nb_report_remove_part (report, NB_TEXT_OVERVIEW, 0);
  nb_report_set_part (report, NB_TEXT_OTHER, 0, "（一）其他", "无。");
  g_assert_true (nb_report_set_issued (report, "2024-12-01", NULL));

  recheck (&findings, report, previous);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (((NbFinding *) g_ptr_array_index (findings, i))->key, ==, keys[i]);
  g_assert_cmpuint (nb_findings_count (findings, NB_SEVERITY_ERROR), ==, 6);
  g_assert_cmpuint (nb_findings_count (findings, NB_SEVERITY_WARNING), ==, 6);
  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *f = g_ptr_array_index (findings, i);

      g_assert_cmpint (f->severity, ==, f->rule[0] == 'R' ? NB_SEVERITY_ERROR : NB_SEVERITY_WARNING);
    }
  g_assert_cmpstr (nb_severity_to_string (NB_SEVERITY_ERROR), ==, "error");
  g_assert_cmpstr (nb_severity_to_string (NB_SEVERITY_WARNING), ==, "warning");

  /* R1 and R2 on one cell both stand, each with its own key */
  set (report, "t3.result_total.total", 5000);
  recheck (&findings, report, previous);
  g_assert_nonnull (find (findings, "R1:t3.result_total.total"));
  g_assert_nonnull (find (findings, "R2:t3.result_total.total"));
}

static void
test_fee_is_not_summed_as_count (void)
{
  g_autoptr(NbReport) report = make_valid_report (2024);
  g_autoptr(GPtrArray) findings = NULL;
  GError *error = NULL;

  /* the exact fee the form prints, through the parser, breaks no rule */
  g_assert_true (nb_report_set_figure_text (report, cell ("t2.fees.amount"),
                                            "24252.311082", &error));
  g_assert_no_error (error);
  recheck (&findings, report, NULL);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* Open findings: every error, and the warnings nobody acknowledged. */
static void
test_count_open (void)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  g_autoptr(GHashTable) acks = g_hash_table_new (g_str_hash, g_str_equal);
  const struct { NbSeverity severity; const char *key; } made[] = {
    { NB_SEVERITY_ERROR, "R1:t3.new.total" },
    { NB_SEVERITY_WARNING, "W1:t3.carried_in.natural" },
    { NB_SEVERITY_WARNING, "W2:t2.rules.in_force" },
    { NB_SEVERITY_WARNING, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      NbFinding *finding = nb_finding_new ("X", made[i].severity, -1);

      finding->key = g_strdup (made[i].key);
      g_ptr_array_add (findings, finding);
    }
  g_assert_cmpuint (nb_findings_count_open (findings, NULL), ==, 4);
  g_hash_table_add (acks, (gpointer) "W1:t3.carried_in.natural");
  g_assert_cmpuint (nb_findings_count_open (findings, acks), ==, 3);
  /* an error cannot be acknowledged away */
  g_hash_table_add (acks, (gpointer) "R1:t3.new.total");
  g_assert_cmpuint (nb_findings_count_open (findings, acks), ==, 3);
}

int
main (int argc, char **argv)
{
  /* messages in the source language: the tests look at numbers and ids */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/valid", test_valid);
  g_test_add_func ("/rules/r1-row-total", test_r1_row_total);
  g_test_add_func ("/rules/r1-blanks", test_r1_blanks);
  g_test_add_func ("/rules/r2-result-total", test_r2_result_total);
  g_test_add_func ("/rules/r3-balance", test_r3_balance);
  g_test_add_func ("/rules/r4-table4", test_r4_table4);
  g_test_add_func ("/rules/r5-ranges", test_r5_ranges);
  g_test_add_func ("/rules/overflow", test_overflow);
  g_test_add_func ("/rules/w1-carry-over", test_w1_carry_over);
  g_test_add_func ("/rules/w2-stock", test_w2_stock);
  g_test_add_func ("/rules/w3-preamble", test_w3_preamble);
  g_test_add_func ("/rules/w3-issued", test_w3_issued);
  g_test_add_func ("/rules/w5-fees", test_w5_fees);
  g_test_add_func ("/rules/w7-empty-report", test_w7_empty_report);
  g_test_add_func ("/rules/w7-partial", test_w7_partial);
  g_test_add_func ("/rules/order", test_order);
  g_test_add_func ("/rules/fee", test_fee_is_not_summed_as_count);
  g_test_add_func ("/rules/count-open", test_count_open);

  return g_test_run ();
}
