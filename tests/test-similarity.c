/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "nb-similarity.h"
#include "years-util.h"

/* @n distinct ideographs starting at @from: no bigram repeats. */
static char *
ideographs (guint from, guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_unichar (text, 0x4E00 + from + i * 3);
  return g_string_free (text, FALSE);
}

/* The first @n characters of @text, then @tail. */
static char *
keep_then (const char *text, glong n, const char *tail)
{
  g_autofree char *head = g_utf8_substring (text, 0, n);

  return g_strconcat (head, tail, NULL);
}

static guint
count_parts (NbReport *report)
{
  guint n = 0;

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    n += nb_report_get_n_parts (report, s);
  return n;
}

static void
test_identical_and_normalised (void)
{
  const char *text = "本年度共收到政府信息公开申请25件，全部按期答复。";

  g_assert_cmpfloat (nb_similarity (text, text), ==, 1.0);
  /* other figures, other punctuation, spaces: the same words */
  g_assert_cmpfloat (nb_similarity (text, "本年度 共收到政府信息公开申请３１件；全部按期答复！"), ==, 1.0);
  g_assert_cmpfloat (nb_similarity ("Annual REPORT", "annual report"), ==, 1.0);
  g_assert_cmpfloat (nb_similarity ("", ""), ==, 1.0);
  g_assert_cmpfloat (nb_similarity (NULL, "。，"), ==, 1.0);
  g_assert_cmpfloat (nb_similarity ("", text), ==, 0.0);
  g_assert_cmpfloat (nb_similarity ("无", "无。"), ==, 1.0);
  g_assert_cmpfloat (nb_similarity ("无", "有"), ==, 0.0);
}

static void
test_known_amounts (void)
{
  g_autofree char *a = ideographs (0, 100);
  g_autofree char *unrelated = ideographs (1000, 100);
  g_autofree char *half_tail = ideographs (2000, 50);
  g_autofree char *quarter_tail = ideographs (3000, 25);
  g_autofree char *half = NULL, *three_quarters = NULL, *reordered = NULL;
  gsize half_bytes = (gsize) (g_utf8_offset_to_pointer (a, 50) - a);
  double s;

  half = keep_then (a, 50, half_tail);
  three_quarters = keep_then (a, 75, quarter_tail);
  /* the two halves swapped: one bigram lost at each seam */
  reordered = keep_then (a + half_bytes, 50, a);
  reordered[strlen (reordered) - half_bytes] = '\0';

  g_assert_cmpfloat (nb_similarity (a, unrelated), ==, 0.0);
  /* 49 of 99 bigrams kept on each side: 98/198 */
  s = nb_similarity (a, half);
  g_assert_cmpfloat_with_epsilon (s, 98.0 / 198.0, 1e-12);
  g_assert_cmpint (nb_similarity_percent (s), ==, 49);
  /* 74 of 99 kept */
  s = nb_similarity (a, three_quarters);
  g_assert_cmpfloat_with_epsilon (s, 148.0 / 198.0, 1e-12);
  g_assert_cmpint (nb_similarity_percent (s), ==, 74);
  /* 98 of 99 kept */
  s = nb_similarity (a, reordered);
  g_assert_cmpfloat (s, >, 0.98);
  g_assert_cmpfloat (s, <, 1.0);
  g_assert_cmpfloat (nb_similarity (a, half), ==, nb_similarity (half, a));

  g_assert_cmpint (nb_similarity_percent (0.29), ==, 29);
  g_assert_cmpint (nb_similarity_percent (0.4999), ==, 49);
  g_assert_cmpint (nb_similarity_percent (1.0), ==, 100);
}

static NbFinding *
find_key (GPtrArray *findings, const char *key)
{
  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);

      if (strcmp (finding->key, key) == 0)
        return finding;
    }
  return NULL;
}

static const char *
field_of (GPtrArray *findings, const char *key, gboolean expected)
{
  NbFinding *finding = find_key (findings, key);

  g_assert_nonnull (finding);
  return finding ? (expected ? finding->expected : finding->actual) : NULL;
}

static void
test_w6 (void)
{
  g_autoptr(NbReport) last = years_make_report ("示例市测试局", 2023, 0);
  g_autoptr(NbReport) now = years_make_report ("示例市测试局", 2024, 1);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  g_autofree char *a = ideographs (0, 100);
  g_autofree char *half = NULL, *three_quarters = NULL;
  g_autofree char *tail50 = ideographs (2000, 50);
  g_autofree char *tail25 = ideographs (3000, 25);
  g_autofree char *fresh = ideographs (5000, 100);
  NbFinding *finding;

  half = keep_then (a, 50, tail50);
  three_quarters = keep_then (a, 75, tail25);

  /* 一 part 0: 74% the same; part 1: 49%; part 2: new words; the rest as
   * copied by years_make_report (100%) */
  nb_report_set_part (last, NB_TEXT_OVERVIEW, 0, "（一）主动公开", a);
  nb_report_set_part (now, NB_TEXT_OVERVIEW, 0, "（一）主动公开", three_quarters);
  nb_report_set_part (last, NB_TEXT_OVERVIEW, 1, "（二）依申请公开", a);
  nb_report_set_part (now, NB_TEXT_OVERVIEW, 1, "（二）依申请公开", half);
  nb_report_set_part (now, NB_TEXT_OVERVIEW, 2, "（三）政府信息管理", fresh);
  /* too short to count, though identical */
  nb_report_set_part (last, NB_TEXT_PROBLEMS, 0, "（一）上年问题整改情况", "无。");
  nb_report_set_part (now, NB_TEXT_PROBLEMS, 0, "（一）上年问题整改情况", "无。");

  nb_similarity_check (now, last, NB_SIMILARITY_DEFAULT_THRESHOLD, findings);

  finding = find_key (findings, "W6:overview:0");
  if (finding == NULL)
    g_error ("no W6 on the part 74%% the same");
  g_assert_cmpstr (finding->rule, ==, "W6");
  g_assert_cmpint (finding->severity, ==, NB_SEVERITY_WARNING);
  g_assert_cmpint (finding->section, ==, 0);
  g_assert_cmpstr (finding->expected, ==, "<50%");
  g_assert_cmpstr (finding->actual, ==, "74%");
  g_assert_nonnull (strstr (finding->message, "（一）主动公开"));
  g_assert_nonnull (strstr (finding->message, "74%"));
  g_assert_null (find_key (findings, "W6:overview:1"));   /* 49% < 50% */
  g_assert_null (find_key (findings, "W6:overview:2"));
  g_assert_null (find_key (findings, "W6:problems:0"));
  g_assert_nonnull (find_key (findings, "W6:overview:3"));
  g_assert_cmpstr (field_of (findings, "W6:other:0", FALSE), ==, "100%");
  g_assert_cmpstr (field_of (findings, "W6:problems:1", FALSE), ==, "100%");
  /* every part but 一's second and third and 五's first */
  g_assert_cmpuint (findings->len, ==, count_parts (now) - 3);

  /* a higher threshold: 74% passes */
  g_ptr_array_set_size (findings, 0);
  nb_similarity_check (now, last, 0.75, findings);
  g_assert_null (find_key (findings, "W6:overview:0"));
  g_assert_nonnull (find_key (findings, "W6:overview:3"));
  g_assert_cmpstr (field_of (findings, "W6:overview:3", TRUE), ==, "<75%");

  /* exactly at the threshold fires: 98/198 is the threshold itself */
  g_ptr_array_set_size (findings, 0);
  nb_similarity_check (now, last, 98.0 / 198.0, findings);
  g_assert_nonnull (find_key (findings, "W6:overview:1"));
}

static void
test_matching (void)
{
  g_autoptr(NbReport) last = years_make_report ("示例市测试局", 2023, 0);
  g_autoptr(NbReport) now = years_make_report ("示例市测试局", 2024, 0);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  g_autofree char *a = ideographs (0, 60);
  g_autofree char *b = ideographs (500, 60);

  /* by heading, wherever the part went */
  nb_report_set_part (last, NB_TEXT_OVERVIEW, 4, "（五）监督保障", a);
  nb_report_set_part (now, NB_TEXT_OVERVIEW, 4, "（五）监督保障", b);
  nb_report_move_part (now, NB_TEXT_OVERVIEW, 4, 0);
  g_assert_cmpint (nb_similarity_match_part (now, last, NB_TEXT_OVERVIEW, 0), ==, 4);
  g_assert_cmpint (nb_similarity_match_part (now, last, NB_TEXT_OVERVIEW, 1), ==, 0);

  /* a renamed part answers to the one at its position */
  nb_report_set_part (now, NB_TEXT_OTHER, 3, "（四）创新做法", "本年度按照计划推进相关工作。");
  g_assert_cmpint (nb_similarity_match_part (now, last, NB_TEXT_OTHER, 3), ==, 3);
  /* …unless that one is claimed by heading: last year's part 1 is
   * （二）依申请公开, which this year's part 2 still carries */
  nb_report_set_part (now, NB_TEXT_OVERVIEW, 1, "（一）新标题", a);
  g_assert_cmpint (nb_similarity_match_part (now, last, NB_TEXT_OVERVIEW, 1), ==, -1);
  g_assert_cmpint (nb_similarity_match_part (now, last, NB_TEXT_OVERVIEW, 2), ==, 1);
  /* a part beyond last year's count */
  nb_report_insert_part (now, NB_TEXT_PROBLEMS, -1, "（四）新增", "全新的内容全新的内容全新的内容");
  g_assert_cmpint (nb_similarity_match_part (now, last, NB_TEXT_PROBLEMS, 3), ==, -1);

  nb_similarity_check (now, last, NB_SIMILARITY_DEFAULT_THRESHOLD, findings);
  /* (五) matched to (五): b against a, nothing in common */
  g_assert_null (find_key (findings, "W6:overview:0"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/similarity/identical", test_identical_and_normalised);
  g_test_add_func ("/similarity/known-amounts", test_known_amounts);
  g_test_add_func ("/similarity/w6", test_w6);
  g_test_add_func ("/similarity/matching", test_matching);
  return g_test_run ();
}
