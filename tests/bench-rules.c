/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules run on every keystroke: a full check of a complete, valid
 * report against last year's must stay well under the time of a frame.
 * Measured on an invented report whose text states its figures the way
 * offices write them (so W4 has real work to do), on the sample report
 * and, when the shared fixtures are present, on a published report.
 * Fails when a median with last year's report passes the target.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nb-import.h"
#include "nb-json.h"
#include "nb-narrative.h"
#include "nb-rules.h"

#define TARGET_US 20.0
#define N_RUNS 20000

static gint64
get (NbReport *report, const char *id)
{
  gint64 value = 0;

  if (!nb_report_get_figure (report, nb_format_cell_by_id (id), &value))
    g_error ("%s is blank", id);
  return value;
}

/* Parts of a few hundred characters each, worded like the sample report,
 * stating the report's own figures: requests received, carried over,
 * answered and carried on, appeals and suits with their outcomes, and the
 * documents in force — every sentence W4 reads, all of them agreeing. */
static void
fill_text (NbReport *report)
{
  gint64 new_total = get (report, "t3.new.total");
  gint64 natural = get (report, "t3.new.natural");
  g_autofree char *requests = g_strdup_printf (
    "本局进一步规范依申请公开受理、办理、答复流程，严格执行法定时限。"
    "%u年，本局共收到政府信息公开申请%" G_GINT64_FORMAT "件，其中自然人申请%" G_GINT64_FORMAT "件，"
    "法人或其他组织申请%" G_GINT64_FORMAT "件，上年结转申请%" G_GINT64_FORMAT "件，"
    "全年办结%" G_GINT64_FORMAT "件。其中予以公开%" G_GINT64_FORMAT "件，部分公开%" G_GINT64_FORMAT "件，"
    "其余依法作出不予公开、无法提供、不予处理等答复；"
    "因需征求第三方意见依法延期答复的，结转下年度继续办理%" G_GINT64_FORMAT "件。"
    "因政府信息公开工作被申请行政复议%" G_GINT64_FORMAT "件，其中结果维持%" G_GINT64_FORMAT "件，"
    "结果纠正%" G_GINT64_FORMAT "件，其他结果%" G_GINT64_FORMAT "件，尚未审结%" G_GINT64_FORMAT "件；"
    "被提起行政诉讼%" G_GINT64_FORMAT "件，其中结果维持%" G_GINT64_FORMAT "件，结果纠正%" G_GINT64_FORMAT "件，"
    "其他结果%" G_GINT64_FORMAT "件，尚未审结%" G_GINT64_FORMAT "件。",
    nb_report_get_year (report), new_total, natural, new_total - natural,
    get (report, "t3.carried_in.total"), get (report, "t3.result_total.total"),
    get (report, "t3.disclosed.total"), get (report, "t3.partial.total"),
    get (report, "t3.carried_out.total"),
    get (report, "t4.review.total"), get (report, "t4.review.upheld"), get (report, "t4.review.corrected"),
    get (report, "t4.review.other"), get (report, "t4.review.pending"),
    get (report, "t4.suit_direct.total") + get (report, "t4.suit_after_review.total"),
    get (report, "t4.suit_direct.upheld") + get (report, "t4.suit_after_review.upheld"),
    get (report, "t4.suit_direct.corrected") + get (report, "t4.suit_after_review.corrected"),
    get (report, "t4.suit_direct.other") + get (report, "t4.suit_after_review.other"),
    get (report, "t4.suit_direct.pending") + get (report, "t4.suit_after_review.pending"));
  g_autofree char *active = g_strdup_printf (
    "%u年，本局坚持以公开为常态、不公开为例外，围绕群众关心的民生事项做好主动公开工作。"
    "全年通过门户网站主动公开政府信息236条，其中机构职能、工作动态类信息118条，"
    "社会救助、优抚安置等民生类信息74条，预决算及“三公”经费信息12条，其他信息32条。"
    "全年制发规章%" G_GINT64_FORMAT "件、行政规范性文件%" G_GINT64_FORMAT "件，均在专栏集中公开。"
    "截至年底，现行有效规章%" G_GINT64_FORMAT "件；现行有效的行政规范性文件共%" G_GINT64_FORMAT "件。",
    nb_report_get_year (report), get (report, "t2.rules.issued"), get (report, "t2.normative.issued"),
    get (report, "t2.rules.in_force"), get (report, "t2.normative.in_force"));
  const char *const overview[] = {
    active,
    requests,
    "本局落实政府信息公开保密审查制度，按照“先审查、后公开”和“一事一审”的要求，"
    "对拟公开信息逐条进行保密审查和敏感信息检查。年内对专栏中已公开的信息开展一次全面梳理，"
    "更新机构职能、领导分工等信息15条，对已失效的2条信息作出标注，确保公开内容准确有效。",
    "本局以门户网站政府信息公开专栏为主平台，以微信公众号和办事大厅公开栏为补充，"
    "形成线上线下相结合的公开渠道。全年通过微信公众号发布各类信息310条，"
    "在9个服务窗口同步张贴惠民政策、办事指南等内容。办事大厅设置政府信息查阅点，方便群众现场查阅。",
    "本局将政府信息公开工作纳入年度工作要点，由一名副局长分管，办公室具体承办，"
    "配备专职工作人员1名、兼职信息员12名。年内组织政府信息公开专题培训2次，"
    "围绕依申请公开办理流程和答复文书规范进行讲解。全年未发生因政府信息公开工作被追究责任的情况。",
  };
  const char *const problems[] = {
    "针对上年度报告指出的专栏信息更新不够及时的问题，本局明确各科室信息报送时限，"
    "建立每月一次的专栏巡查制度，信息发布时效明显提高。",
    "一是部分公开栏内容更新仍不够及时；二是依申请公开答复文书说理还不够充分，"
    "个别答复引用法律依据不够具体；三是工作人员业务能力有待进一步提升。",
    "下一年度，本局将加强对公开栏的日常检查，推动线上线下信息同步更新；"
    "规范依申请公开答复文书，逐件开展合法性审核；继续组织业务培训，提升工作人员依法公开的意识和能力。",
  };
  const char *const other[] = {
    "本年度未收取信息处理费。",
    "本局对照年度政务公开工作要点，逐项细化任务分工，重点推进政务公开标准化规范化工作，"
    "及时更新社会救助、养老服务等领域的公开事项目录。",
    "本年度本局共承办人大代表建议8件、政协委员提案4件，均已按期办结。",
    "本局试点开展“政务开放日”活动，邀请群众代表走进办事大厅，现场了解办事流程并提出意见建议，"
    "共收集意见建议27条，已全部答复。",
    "无。",
  };
  const struct
  {
    const char *const *bodies;
    guint n_bodies;
  } texts[NB_N_TEXT_SECTIONS] = {
    [NB_TEXT_OVERVIEW] = { overview, G_N_ELEMENTS (overview) },
    [NB_TEXT_PROBLEMS] = { problems, G_N_ELEMENTS (problems) },
    [NB_TEXT_OTHER] = { other, G_N_ELEMENTS (other) },
  };

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      const NbSectionInfo *info = nb_format_text_section (s);

      for (guint i = 0; info->customary[i] != NULL; i++)
        nb_report_insert_part (report, s, -1, info->customary[i], texts[s].bodies[MIN (i, texts[s].n_bodies - 1)]);
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

/* A measurement of a text W4 does not read would flatter it: each of
 * these figures, once changed, must draw its W4 warning. */
static void
assert_text_is_read (NbReport *report, NbReport *previous)
{
  const struct
  {
    const char *id;
    const char *key;
  } stated[] = {
    { "t3.new.total", "W4:t3.new.total" },
    { "t3.carried_in.total", "W4:t3.carried_in.total" },
    { "t3.result_total.total", "W4:t3.result_total.total" },
    { "t3.carried_out.total", "W4:t3.carried_out.total" },
    { "t4.review.total", "W4:t4.review.total" },
    { "t4.review.pending", "W4:t4.review.pending" },
    { "t4.suit_direct.total", "W4:t4.suit.total" },
    { "t4.suit_after_review.upheld", "W4:t4.suit.upheld" },
    { "t2.rules.in_force", "W4:t2.rules.in_force" },
    { "t2.normative.in_force", "W4:t2.normative.in_force" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (stated); i++)
    {
      g_autoptr(NbReport) changed = nb_report_copy (report);
      g_autoptr(GPtrArray) findings = NULL;
      gboolean found = FALSE;

      nb_report_set_figure (changed, nb_format_cell_by_id (stated[i].id), get (report, stated[i].id) + 1);
      findings = nb_rules_check (changed, previous);
      for (guint f = 0; f < findings->len; f++)
        found |= g_strcmp0 (((NbFinding *) g_ptr_array_index (findings, f))->key, stated[i].key) == 0;
      if (!found)
        g_error ("the text's figure for %s was not read", stated[i].id);
    }
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

/* Median time of one nb_rules_check() over N_RUNS runs, in µs. Every run
 * must find what the first one found. */
static double
measure (NbReport *report, NbReport *previous, guint *n_findings)
{
  g_autofree gint64 *times = g_new (gint64, N_RUNS);
  GPtrArray *first = nb_rules_check (report, previous);
  guint expected = first->len;

  g_ptr_array_unref (first);
  for (guint i = 0; i < 200; i++)
    g_ptr_array_unref (nb_rules_check (report, previous));

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = now_ns ();
      GPtrArray *findings = nb_rules_check (report, previous);

      times[i] = now_ns () - start;
      if (findings->len != expected)
        g_error ("expected %u findings, got %u", expected, findings->len);
      g_ptr_array_unref (findings);
    }
  qsort (times, N_RUNS, sizeof (gint64), compare_gint64);
  if (n_findings != NULL)
    *n_findings = expected;
  return (double) times[N_RUNS / 2] / 1000.0;
}

/* Median time of W4 alone, in µs: how much of the check reading the text
 * takes. */
static double
measure_narrative (NbReport *report)
{
  g_autofree gint64 *times = g_new (gint64, N_RUNS);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = now_ns ();

      nb_narrative_check (report, findings);
      times[i] = now_ns () - start;
      g_ptr_array_set_size (findings, 0);
    }
  qsort (times, N_RUNS, sizeof (gint64), compare_gint64);
  return (double) times[N_RUNS / 2] / 1000.0;
}

static gsize
count_text_bytes (NbReport *report)
{
  gsize bytes = 0;

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint i = 0; i < nb_report_get_n_parts (report, s); i++)
      bytes += strlen (nb_report_get_part_heading (report, s, i)) + strlen (nb_report_get_part_body (report, s, i));
  return bytes;
}

static NbReport *
load_json (const char *dir, const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *report;

  if (dir == NULL)
    return NULL;
  path = name != NULL ? g_build_filename (dir, name, NULL) : g_strdup (dir);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  report = nb_json_read_file (path, NULL, &error);
  if (report == NULL)
    g_error ("%s: %s", path, error->message);
  return report;
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
  if (result == NULL)
    g_error ("%s: %s", path, error->message);
  return result;
}

int
main (int argc, char **argv)
{
  g_autoptr(NbReport) report = make_report (2024);
  g_autoptr(NbReport) previous = make_previous (report);
  g_autoptr(NbReport) edited = make_report (2024);
  g_autoptr(NbReport) blank = nb_report_new ();
  g_autoptr(NbReport) sample = load_json (g_getenv ("NIANBAO_SAMPLE"), NULL);
  g_autoptr(NbReport) sample_previous = load_json (g_getenv ("G_TEST_SRCDIR"), "data/liutang-2023.json");
  g_autoptr(NbImportResult) huaian = import_fixture ("huaian-2024.txt");
  gboolean ok = TRUE;
  double median;
  guint n_findings;

  nb_report_set_preamble (edited,
                          "本报告由示例市测试局根据《中华人民共和国政府信息公开条例》编制。"
                          "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
                          "本报告电子版可在https://www.example.org查阅。如对本报告有疑问，"
                          "请与示例市测试局联系（电话：010-12345678）。");
  assert_text_is_read (report, previous);

  median = measure (report, previous, &n_findings);
  if (n_findings != 0)
    g_error ("the invented report should hold every rule, %u findings", n_findings);
  ok &= median <= TARGET_US;
  g_print ("rules.check_with_previous median_us=%.2f target_us=%.0f text_bytes=%" G_GSIZE_FORMAT "\n",
           median, TARGET_US, count_text_bytes (report));

  g_print ("rules.narrative_only median_us=%.2f\n", measure_narrative (report));

  median = measure (edited, previous, &n_findings);
  g_print ("rules.check_edited_preamble median_us=%.2f findings=%u\n", median, n_findings);

  median = measure (blank, NULL, &n_findings);
  g_print ("rules.check_all_blank median_us=%.2f findings=%u\n", median, n_findings);

  if (sample != NULL)
    {
      median = measure (sample, sample_previous, &n_findings);
      if (sample_previous != NULL)
        ok &= median <= TARGET_US;
      g_print ("rules.check_sample%s median_us=%.2f target_us=%.0f findings=%u text_bytes=%" G_GSIZE_FORMAT "\n",
               sample_previous != NULL ? "_with_previous" : "", median, TARGET_US, n_findings,
               count_text_bytes (sample));
      g_print ("rules.narrative_only_sample median_us=%.2f\n", measure_narrative (sample));
    }
  else
    g_print ("rules.check_sample skipped: NIANBAO_SAMPLE not set\n");

  if (huaian != NULL)
    {
      median = measure (huaian->report, NULL, &n_findings);
      g_print ("rules.check_huaian median_us=%.2f findings=%u text_bytes=%" G_GSIZE_FORMAT "\n",
               median, n_findings, count_text_bytes (huaian->report));
      g_print ("rules.narrative_only_huaian median_us=%.2f\n", measure_narrative (huaian->report));
    }
  else
    g_print ("rules.check_huaian skipped: NIANBAO_FIXTURES not set\n");

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
