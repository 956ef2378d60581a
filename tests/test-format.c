/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format tables against FORMAT.md: the ids and labels below are copied
 * from the spec on purpose, so that a slip in nb-format.c shows up here.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "nb-format.h"

static const char *const t2_ids[] = {
  "t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force",
  "t2.normative.issued", "t2.normative.repealed", "t2.normative.in_force",
  "t2.license.decisions",
  "t2.penalty.decisions",
  "t2.coercion.decisions",
  "t2.fees.amount",
};

static const char *const t3_column_ids[] = {
  "natural", "business", "research", "charity", "legal", "other_org", "total",
};

static const char *const t3_column_labels[] = {
  "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
};

static const char *const t3_row_ids[] = {
  "new", "carried_in", "disclosed", "partial",
  "withheld.secret", "withheld.law", "withheld.safety", "withheld.third_party",
  "withheld.internal", "withheld.process", "withheld.enforcement", "withheld.query",
  "unavailable.not_held", "unavailable.needs_making", "unavailable.unclear",
  "rejected.complaint", "rejected.repeat", "rejected.publication", "rejected.abusive",
  "rejected.confirm",
  "other.no_correction", "other.no_fee", "other.other",
  "result_total", "carried_out",
};

static const char *const t3_row_labels[] = {
  "一、本年新收政府信息公开申请数量",
  "二、上年结转政府信息公开申请数量",
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  "3.危及“三安全一稳定”",
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
  "（七）总计",
  "四、结转下年度继续办理",
};

static const char *const t4_group_ids[] = { "review", "suit_direct", "suit_after_review" };
static const char *const t4_column_ids[] = { "upheld", "corrected", "other", "pending", "total" };

static void
test_cell_count (void)
{
  g_assert_cmpuint (NB_N_CELLS, ==, 200);
  g_assert_cmpuint (G_N_ELEMENTS (t3_row_ids), ==, NB_T3_N_ROWS);
  g_assert_cmpuint (NB_T3_N_ROWS, ==, 25);
  g_assert_cmpuint (NB_T3_N_COLUMNS, ==, 7);
  g_assert_cmpuint (G_N_ELEMENTS (t2_ids) + NB_T3_N_ROWS * NB_T3_N_COLUMNS +
                    NB_T4_N_GROUPS * NB_T4_N_COLUMNS, ==, NB_N_CELLS);
}

static void
assert_round_trip (const char *id, guint expected_cell)
{
  guint cell = nb_format_cell_by_id (id);

  if (cell == NB_CELL_NONE)
    g_error ("FORMAT.md id %s is unknown", id);
  g_assert_cmpuint (cell, ==, expected_cell);
  g_assert_cmpstr (nb_format_cell (cell)->id, ==, id);
}

/* Every id of FORMAT.md, in report order: table 二, 三 row by row, 四. */
static void
test_ids_round_trip (void)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (t2_ids); i++)
    assert_round_trip (t2_ids[i], n++);
  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
      {
        g_autofree char *id = g_strdup_printf ("t3.%s.%s", t3_row_ids[r], t3_column_ids[c]);

        assert_round_trip (id, n);
        g_assert_cmpuint (nb_format_t3_cell (r, c), ==, n);
        g_assert_cmpuint (nb_format_cell (n)->table, ==, 3);
        g_assert_cmpuint (nb_format_cell (n)->row, ==, r);
        g_assert_cmpuint (nb_format_cell (n)->col, ==, c);
        n++;
      }
  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
      {
        g_autofree char *id = g_strdup_printf ("t4.%s.%s", t4_group_ids[g], t4_column_ids[c]);

        assert_round_trip (id, n);
        g_assert_cmpuint (nb_format_t4_cell (g, c), ==, n);
        g_assert_cmpuint (nb_format_cell (n)->table, ==, 4);
        n++;
      }
  g_assert_cmpuint (n, ==, NB_N_CELLS);

  /* the examples the spec gives */
  g_assert_cmpuint (nb_format_cell_by_id ("t3.new.natural"), ==, nb_format_t3_cell (0, 0));
  g_assert_cmpuint (nb_format_cell_by_id ("t4.suit_direct.pending"), ==, nb_format_t4_cell (1, 3));
}

static void
test_ids_unique (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < NB_N_CELLS; i++)
    {
      const char *id = nb_format_cell (i)->id;

      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      g_assert_cmpuint (nb_format_cell_by_id (id), ==, i);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, NB_N_CELLS);
}

static void
test_unknown_ids (void)
{
  const char *unknown[] = {
    "", "t3", "t3.new", "t3.new.Natural", "t3.new.natural ", " t3.new.natural",
    "t5.new.natural", "t3.withheld.natural", "t4.review", "t2.fees", "t2.fees.amount.x",
    "t3.result-total.total",
  };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_cmpuint (nb_format_cell_by_id (unknown[i]), ==, NB_CELL_NONE);
}

static void
test_kinds_and_totals (void)
{
  for (guint i = 0; i < NB_N_CELLS; i++)
    {
      const NbCellInfo *info = nb_format_cell (i);
      gboolean fee = strcmp (info->id, "t2.fees.amount") == 0;
      gboolean total = g_str_has_suffix (info->id, ".total") ||
                       g_str_has_prefix (info->id, "t3.result_total.");

      g_assert_cmpint (info->kind, ==, fee ? NB_CELL_FEE : NB_CELL_COUNT);
      g_assert_cmpint (info->is_total, ==, total);
    }
  g_assert_cmpint (NB_FEN_PER_WANYUAN, ==, 1000000);
  g_assert_cmpint (NB_FEE_DECIMALS, ==, 6);
}

static void
test_t2 (void)
{
  static const char *const headers[] = {
    "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
  };
  const NbT2Block *docs = nb_format_t2_block (0);
  guint n = 0;

  for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
    {
      const NbT2Block *block = nb_format_t2_block (b);

      g_assert_cmpstr (block->header, ==, headers[b]);
      for (guint r = 0; r < block->n_rows; r++)
        for (guint c = 0; c < block->n_columns; c++)
          {
            g_autofree char *id = g_strdup_printf ("t2.%s.%s", block->rows[r].id,
                                                   block->column_ids[c]);

            g_assert_cmpuint (nb_format_t2_cell (b, r, c), ==, n);
            g_assert_cmpstr (id, ==, t2_ids[n]);
            n++;
          }
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (t2_ids));

  g_assert_cmpuint (docs->n_columns, ==, 3);
  g_assert_cmpstr (docs->column_labels[0], ==, "本年制发件数");
  g_assert_cmpstr (docs->column_labels[1], ==, "本年废止件数");
  g_assert_cmpstr (docs->column_labels[2], ==, "现行有效件数");
  g_assert_cmpstr (docs->rows[0].label, ==, "规章");
  g_assert_cmpstr (docs->rows[1].label, ==, "行政规范性文件");
  g_assert_cmpstr (nb_format_t2_block (1)->rows[0].label, ==, "行政许可");
  g_assert_cmpstr (nb_format_t2_block (1)->column_labels[0], ==, "本年处理决定数量");
  g_assert_cmpstr (nb_format_t2_block (2)->rows[0].label, ==, "行政处罚");
  g_assert_cmpstr (nb_format_t2_block (2)->rows[1].label, ==, "行政强制");
  g_assert_cmpstr (nb_format_t2_block (3)->rows[0].label, ==, "行政事业性收费");
  g_assert_cmpstr (nb_format_t2_block (3)->column_labels[0], ==, "本年收费金额（单位：万元）");
  g_assert_cmpstr (NB_T2_ROW_LABEL, ==, "信息内容");
}

static void
test_t3_rows (void)
{
  const char *safety = nb_format_t3_row (6)->label;

  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    {
      g_assert_cmpstr (nb_format_t3_row (r)->id, ==, t3_row_ids[r]);
      g_assert_cmpstr (nb_format_t3_row (r)->label, ==, t3_row_labels[r]);
    }

  /* the quotes are U+201C and U+201D, not ASCII and not 「」 */
  g_assert_cmpstr (safety, ==, "3.危及\xe2\x80\x9c三安全一稳定\xe2\x80\x9d");
  g_assert_nonnull (g_utf8_strchr (safety, -1, 0x201C));
  g_assert_nonnull (g_utf8_strchr (safety, -1, 0x201D));
  g_assert_null (strchr (safety, '"'));

  /* group headings of the printed table */
  g_assert_null (nb_format_t3_row (0)->outer);
  g_assert_cmpstr (nb_format_t3_row (2)->outer, ==, "三、本年度办理结果");
  g_assert_null (nb_format_t3_row (2)->inner);
  g_assert_cmpstr (nb_format_t3_row (4)->inner, ==, "（三）不予公开");
  g_assert_cmpstr (nb_format_t3_row (12)->inner, ==, "（四）无法提供");
  g_assert_cmpstr (nb_format_t3_row (15)->inner, ==, "（五）不予处理");
  g_assert_cmpstr (nb_format_t3_row (22)->inner, ==, "（六）其他处理");
  g_assert_cmpstr (nb_format_t3_row (23)->outer, ==, "三、本年度办理结果");
  g_assert_null (nb_format_t3_row (24)->outer);

  /* the named rows the rules and the editor use */
  g_assert_cmpstr (nb_format_t3_row (NB_T3_ROW_NEW)->id, ==, "new");
  g_assert_cmpstr (nb_format_t3_row (NB_T3_ROW_CARRIED_IN)->id, ==, "carried_in");
  g_assert_cmpstr (nb_format_t3_row (NB_T3_ROW_FIRST_RESULT)->id, ==, "disclosed");
  g_assert_cmpstr (nb_format_t3_row (NB_T3_ROW_LAST_RESULT)->id, ==, "other.other");
  g_assert_cmpstr (nb_format_t3_row (NB_T3_ROW_RESULT_TOTAL)->id, ==, "result_total");
  g_assert_cmpstr (nb_format_t3_row (NB_T3_ROW_CARRIED_OUT)->id, ==, "carried_out");
  g_assert_cmpuint (NB_T3_ROW_LAST_RESULT - NB_T3_ROW_FIRST_RESULT + 1, ==, 21);
}

static void
test_t3_columns (void)
{
  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    {
      const NbT3Column *column = nb_format_t3_column (c);

      g_assert_cmpstr (column->id, ==, t3_column_ids[c]);
      g_assert_cmpstr (column->label, ==, t3_column_labels[c]);
      if (c >= 1 && c <= 5)
        g_assert_cmpstr (column->group, ==, "法人或其他组织");
      else
        g_assert_null (column->group);
    }
  g_assert_cmpstr (nb_format_t3_column (NB_T3_COL_TOTAL)->id, ==, "total");
  g_assert_cmpstr (NB_T3_SPANNING_HEADER, ==, "申请人情况");
  g_assert_cmpstr (NB_T3_ORG_GROUP, ==, "法人或其他组织");
  g_assert_cmpstr (NB_T3_NOTE, ==,
                   "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
}

static void
test_t4 (void)
{
  static const char *const labels[] = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" };

  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    g_assert_cmpstr (nb_format_t4_group (g)->id, ==, t4_group_ids[g]);
  for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
    {
      g_assert_cmpstr (nb_format_t4_column_id (c), ==, t4_column_ids[c]);
      g_assert_cmpstr (nb_format_t4_column_label (c), ==, labels[c]);
    }
  g_assert_cmpstr (nb_format_t4_group (0)->label, ==, "行政复议");
  g_assert_null (nb_format_t4_group (0)->parent);
  g_assert_cmpstr (nb_format_t4_group (1)->label, ==, "未经复议直接起诉");
  g_assert_cmpstr (nb_format_t4_group (1)->parent, ==, "行政诉讼");
  g_assert_cmpstr (nb_format_t4_group (2)->label, ==, "复议后起诉");
  g_assert_cmpstr (nb_format_t4_group (2)->parent, ==, "行政诉讼");
  g_assert_cmpstr (nb_format_t4_parent_label (), ==, "行政诉讼");
  g_assert_cmpstr (nb_format_t4_column_id (NB_T4_COL_TOTAL), ==, "total");
}

static void
test_sections (void)
{
  static const char *const headings[] = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  };
  static const char *const keys[] = { "overview", "t2", "t3", "t4", "problems", "other" };
  static const guint tables[] = { 0, 2, 3, 4, 0, 0 };

  for (guint i = 0; i < NB_N_SECTIONS; i++)
    {
      const NbSectionInfo *info = nb_format_section (i);

      g_assert_cmpstr (info->heading, ==, headings[i]);
      g_assert_cmpstr (info->key, ==, keys[i]);
      g_assert_cmpuint (info->table, ==, tables[i]);
      g_assert_true (g_str_has_prefix (info->heading, info->numeral));
      g_assert_cmpint (info->kind, ==, tables[i] ? NB_SECTION_TABLE : NB_SECTION_TEXT);
      if (info->kind == NB_SECTION_TEXT)
        {
          g_assert_true (nb_format_text_section (info->text) == info);
          g_assert_cmpint (nb_format_text_section_by_key (info->key), ==, info->text);
          g_assert_nonnull (info->customary);
          g_assert_nonnull (info->customary[0]);
        }
      else
        {
          g_assert_cmpint (info->text, ==, -1);
          g_assert_cmpint (nb_format_text_section_by_key (info->key), ==, -1);
        }
    }
  g_assert_true (nb_format_text_section (NB_TEXT_OVERVIEW) == nb_format_section (0));
  g_assert_true (nb_format_text_section (NB_TEXT_PROBLEMS) == nb_format_section (4));
  g_assert_true (nb_format_text_section (NB_TEXT_OTHER) == nb_format_section (5));
  g_assert_cmpint (nb_format_text_section_by_key ("nope"), ==, -1);

  /* customary parts, as FORMAT.md lists them */
  g_assert_cmpuint (g_strv_length ((char **) nb_format_section (0)->customary), ==, 5);
  g_assert_cmpstr (nb_format_section (0)->customary[0], ==, "（一）主动公开");
  g_assert_cmpstr (nb_format_section (0)->customary[4], ==, "（五）监督保障");
  g_assert_cmpuint (g_strv_length ((char **) nb_format_section (4)->customary), ==, 3);
  g_assert_cmpstr (nb_format_section (4)->customary[2], ==, "（三）改进措施");
  g_assert_true (strstr (nb_format_section (5)->customary[0], "收取信息处理费的情况") != NULL);
}

static void
test_organ_fields (void)
{
  static const char *const keys[] = {
    "name", "address", "postcode", "telephone", "email", "website",
  };

  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    {
      g_assert_cmpstr (nb_format_organ_field (i)->key, ==, keys[i]);
      g_assert_nonnull (nb_format_organ_field (i)->label);
      g_assert_cmpint (nb_format_organ_field_by_key (keys[i]), ==, (int) i);
    }
  g_assert_cmpstr (nb_format_organ_field (NB_ORGAN_NAME)->label, ==, "机关名称");
  g_assert_cmpstr (nb_format_organ_field (NB_ORGAN_POSTCODE)->label, ==, "邮编");
  g_assert_cmpint (nb_format_organ_field_by_key ("Name"), ==, -1);
  g_assert_cmpstr (NB_TITLE_SUFFIX, ==, "年政府信息公开工作年度报告");
}

static void
test_describe (void)
{
  static const struct
  {
    const char *id;
    const char *described;
  } cases[] = {
    { "t2.rules.issued", "表二「规章」本年制发件数" },
    { "t2.normative.in_force", "表二「行政规范性文件」现行有效件数" },
    { "t2.coercion.decisions", "表二「行政强制」本年处理决定数量" },
    { "t2.fees.amount", "表二「行政事业性收费」本年收费金额（单位：万元）" },
    { "t3.new.natural", "表三「一、本年新收政府信息公开申请数量」行「自然人」列" },
    { "t3.disclosed.business", "表三「（一）予以公开」行「商业企业」列" },
    { "t3.withheld.secret.total", "表三「（三）不予公开 1.属于国家秘密」行「总计」列" },
    { "t3.other.other.other_org", "表三「（六）其他处理 3.其他」行「其他」列" },
    { "t3.result_total.legal", "表三「（七）总计」行「法律服务机构」列" },
    { "t3.carried_out.total", "表三「四、结转下年度继续办理」行「总计」列" },
    { "t4.review.upheld", "表四「行政复议」结果维持" },
    { "t4.suit_direct.pending", "表四「行政诉讼·未经复议直接起诉」尚未审结" },
    { "t4.suit_after_review.total", "表四「行政诉讼·复议后起诉」总计" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *described = nb_format_cell_describe (nb_format_cell_by_id (cases[i].id));

      g_assert_cmpstr (described, ==, cases[i].described);
    }

  /* every cell can be described, and no two alike */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < NB_N_CELLS; i++)
      {
        char *described = nb_format_cell_describe (i);

        g_assert_true (g_utf8_validate (described, -1, NULL));
        g_assert_false (g_hash_table_contains (seen, described));
        g_hash_table_add (seen, described);
      }
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/cell-count", test_cell_count);
  g_test_add_func ("/format/ids-round-trip", test_ids_round_trip);
  g_test_add_func ("/format/ids-unique", test_ids_unique);
  g_test_add_func ("/format/unknown-ids", test_unknown_ids);
  g_test_add_func ("/format/kinds-and-totals", test_kinds_and_totals);
  g_test_add_func ("/format/t2", test_t2);
  g_test_add_func ("/format/t3-rows", test_t3_rows);
  g_test_add_func ("/format/t3-columns", test_t3_columns);
  g_test_add_func ("/format/t4", test_t4);
  g_test_add_func ("/format/sections", test_sections);
  g_test_add_func ("/format/organ-fields", test_organ_fields);
  g_test_add_func ("/format/describe", test_describe);

  return g_test_run ();
}
