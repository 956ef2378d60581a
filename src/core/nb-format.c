/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "nb-format.h"

static const NbOrganFieldInfo organ_fields[NB_N_ORGAN_FIELDS] = {
  { "name", "机关名称" },
  { "address", "地址" },
  { "postcode", "邮编" },
  { "telephone", "电话" },
  { "email", "电子邮箱" },
  { "website", "网站" },
};

static const char *const overview_parts[] = {
  "（一）主动公开",
  "（二）依申请公开",
  "（三）政府信息管理",
  "（四）政府信息公开平台建设",
  "（五）监督保障",
  NULL
};

static const char *const problems_parts[] = {
  "（一）上年问题整改情况",
  "（二）本年存在问题",
  "（三）改进措施",
  NULL
};

static const char *const other_parts[] = {
  "（一）收取信息处理费的情况",
  "（二）落实上级年度政务公开工作要点情况",
  "（三）人大代表建议和政协委员提案办理情况",
  "（四）本行政机关年度政务公开工作创新情况",
  "（五）其他",
  NULL
};

static const NbSectionInfo sections[NB_N_SECTIONS] = {
  { "一", "一、总体情况", NB_SECTION_TEXT, NB_TEXT_OVERVIEW, 0, "overview", overview_parts },
  { "二", "二、主动公开政府信息情况", NB_SECTION_TABLE, -1, 2, "t2", NULL },
  { "三", "三、收到和处理政府信息公开申请情况", NB_SECTION_TABLE, -1, 3, "t3", NULL },
  { "四", "四、政府信息公开行政复议、行政诉讼情况", NB_SECTION_TABLE, -1, 4, "t4", NULL },
  { "五", "五、存在的主要问题及改进情况", NB_SECTION_TEXT, NB_TEXT_PROBLEMS, 0, "problems", problems_parts },
  { "六", "六、其他需要报告的事项", NB_SECTION_TEXT, NB_TEXT_OTHER, 0, "other", other_parts },
};

static const guint text_section_index[NB_N_TEXT_SECTIONS] = { 0, 4, 5 };

/* Table 二 */
static const char *const t2_doc_ids[] = { "issued", "repealed", "in_force" };
static const char *const t2_doc_labels[] = { "本年制发件数", "本年废止件数", "现行有效件数" };
static const char *const t2_decision_ids[] = { "decisions" };
static const char *const t2_decision_labels[] = { "本年处理决定数量" };
static const char *const t2_fee_ids[] = { "amount" };
static const char *const t2_fee_labels[] = { "本年收费金额（单位：万元）" };

static const NbT2Row t2_rows_docs[] = {
  { "rules", "规章" },
  { "normative", "行政规范性文件" },
};
static const NbT2Row t2_rows_license[] = { { "license", "行政许可" } };
static const NbT2Row t2_rows_penalty[] = {
  { "penalty", "行政处罚" },
  { "coercion", "行政强制" },
};
static const NbT2Row t2_rows_fees[] = { { "fees", "行政事业性收费" } };

static const NbT2Block t2_blocks[NB_T2_N_BLOCKS] = {
  { "第二十条第（一）项", 3, t2_doc_ids, t2_doc_labels, 2, t2_rows_docs },
  { "第二十条第（五）项", 1, t2_decision_ids, t2_decision_labels, 1, t2_rows_license },
  { "第二十条第（六）项", 1, t2_decision_ids, t2_decision_labels, 2, t2_rows_penalty },
  { "第二十条第（八）项", 1, t2_fee_ids, t2_fee_labels, 1, t2_rows_fees },
};

/* Table 三 */
static const NbT3Column t3_columns[NB_T3_N_COLUMNS] = {
  { "natural", "自然人", NULL },
  { "business", "商业企业", NB_T3_ORG_GROUP },
  { "research", "科研机构", NB_T3_ORG_GROUP },
  { "charity", "社会公益组织", NB_T3_ORG_GROUP },
  { "legal", "法律服务机构", NB_T3_ORG_GROUP },
  { "other_org", "其他", NB_T3_ORG_GROUP },
  { "total", "总计", NULL },
};

#define RESULTS "三、本年度办理结果"
static const NbT3Row t3_rows[NB_T3_N_ROWS] = {
  { "new", "一、本年新收政府信息公开申请数量", NULL, NULL },
  { "carried_in", "二、上年结转政府信息公开申请数量", NULL, NULL },
  { "disclosed", "（一）予以公开", RESULTS, NULL },
  { "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", RESULTS, NULL },
  { "withheld.secret", "1.属于国家秘密", RESULTS, "（三）不予公开" },
  { "withheld.law", "2.其他法律行政法规禁止公开", RESULTS, "（三）不予公开" },
  { "withheld.safety", "3.危及\u201c三安全一稳定\u201d", RESULTS, "（三）不予公开" },
  { "withheld.third_party", "4.保护第三方合法权益", RESULTS, "（三）不予公开" },
  { "withheld.internal", "5.属于三类内部事务信息", RESULTS, "（三）不予公开" },
  { "withheld.process", "6.属于四类过程性信息", RESULTS, "（三）不予公开" },
  { "withheld.enforcement", "7.属于行政执法案卷", RESULTS, "（三）不予公开" },
  { "withheld.query", "8.属于行政查询事项", RESULTS, "（三）不予公开" },
  { "unavailable.not_held", "1.本机关不掌握相关政府信息", RESULTS, "（四）无法提供" },
  { "unavailable.needs_making", "2.没有现成信息需要另行制作", RESULTS, "（四）无法提供" },
  { "unavailable.unclear", "3.补正后申请内容仍不明确", RESULTS, "（四）无法提供" },
  { "rejected.complaint", "1.信访举报投诉类申请", RESULTS, "（五）不予处理" },
  { "rejected.repeat", "2.重复申请", RESULTS, "（五）不予处理" },
  { "rejected.publication", "3.要求提供公开出版物", RESULTS, "（五）不予处理" },
  { "rejected.abusive", "4.无正当理由大量反复申请", RESULTS, "（五）不予处理" },
  { "rejected.confirm", "5.要求行政机关确认或重新出具已获取信息", RESULTS, "（五）不予处理" },
  { "other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", RESULTS, "（六）其他处理" },
  { "other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", RESULTS, "（六）其他处理" },
  { "other.other", "3.其他", RESULTS, "（六）其他处理" },
  { "result_total", "（七）总计", RESULTS, NULL },
  { "carried_out", "四、结转下年度继续办理", NULL, NULL },
};
#undef RESULTS

/* Table 四 */
static const NbT4Group t4_groups[NB_T4_N_GROUPS] = {
  { "review", "行政复议", NULL },
  { "suit_direct", "未经复议直接起诉", "行政诉讼" },
  { "suit_after_review", "复议后起诉", "行政诉讼" },
};
static const char *const t4_column_ids[NB_T4_N_COLUMNS] = {
  "upheld", "corrected", "other", "pending", "total"
};
static const char *const t4_column_labels[NB_T4_N_COLUMNS] = {
  "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"
};

/* The flat cell list and its ids, built once from the tables above. */
typedef struct
{
  NbCellInfo cells[NB_N_CELLS];
  char *ids[NB_N_CELLS];
  GHashTable *by_id;
  guint t2_first[NB_T2_N_BLOCKS]; /* first flat t2 row of each block */
  guint t2_block_of_row[6];
} CellTable;

static const CellTable *
cell_table (void)
{
  static CellTable table;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      guint n = 0;
      guint flat_row = 0;

      table.by_id = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
        {
          const NbT2Block *block = &t2_blocks[b];

          table.t2_first[b] = flat_row;
          for (guint r = 0; r < block->n_rows; r++, flat_row++)
            {
              table.t2_block_of_row[flat_row] = b;
              for (guint c = 0; c < block->n_columns; c++, n++)
                {
                  table.ids[n] = g_strdup_printf ("t2.%s.%s", block->rows[r].id,
                                                  block->column_ids[c]);
                  table.cells[n] = (NbCellInfo) {
                    table.ids[n],
                    b == 3 ? NB_CELL_FEE : NB_CELL_COUNT,
                    FALSE, 2, flat_row, c
                  };
                }
            }
        }

      for (guint r = 0; r < NB_T3_N_ROWS; r++)
        for (guint c = 0; c < NB_T3_N_COLUMNS; c++, n++)
          {
            table.ids[n] = g_strdup_printf ("t3.%s.%s", t3_rows[r].id, t3_columns[c].id);
            table.cells[n] = (NbCellInfo) {
              table.ids[n], NB_CELL_COUNT,
              c == NB_T3_COL_TOTAL || r == NB_T3_ROW_RESULT_TOTAL,
              3, r, c
            };
          }

      for (guint g = 0; g < NB_T4_N_GROUPS; g++)
        for (guint c = 0; c < NB_T4_N_COLUMNS; c++, n++)
          {
            table.ids[n] = g_strdup_printf ("t4.%s.%s", t4_groups[g].id, t4_column_ids[c]);
            table.cells[n] = (NbCellInfo) {
              table.ids[n], NB_CELL_COUNT, c == NB_T4_COL_TOTAL, 4, g, c
            };
          }

      g_assert (n == NB_N_CELLS);
      for (guint i = 0; i < NB_N_CELLS; i++)
        g_hash_table_insert (table.by_id, table.ids[i], GUINT_TO_POINTER (i + 1));

      g_once_init_leave (&initialised, 1);
    }

  return &table;
}

const NbOrganFieldInfo *
nb_format_organ_field (NbOrganField field)
{
  g_return_val_if_fail (field < NB_N_ORGAN_FIELDS, NULL);
  return &organ_fields[field];
}

int
nb_format_organ_field_by_key (const char *key)
{
  g_return_val_if_fail (key != NULL, -1);
  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    if (strcmp (organ_fields[i].key, key) == 0)
      return (int) i;
  return -1;
}

const NbSectionInfo *
nb_format_section (guint index)
{
  g_return_val_if_fail (index < NB_N_SECTIONS, NULL);
  return &sections[index];
}

const NbSectionInfo *
nb_format_text_section (NbTextSection section)
{
  g_return_val_if_fail (section < NB_N_TEXT_SECTIONS, NULL);
  return &sections[text_section_index[section]];
}

int
nb_format_text_section_by_key (const char *key)
{
  g_return_val_if_fail (key != NULL, -1);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    if (strcmp (sections[text_section_index[i]].key, key) == 0)
      return (int) i;
  return -1;
}

const NbT2Block *
nb_format_t2_block (guint block)
{
  g_return_val_if_fail (block < NB_T2_N_BLOCKS, NULL);
  return &t2_blocks[block];
}

const NbT3Column *
nb_format_t3_column (guint col)
{
  g_return_val_if_fail (col < NB_T3_N_COLUMNS, NULL);
  return &t3_columns[col];
}

const NbT3Row *
nb_format_t3_row (guint row)
{
  g_return_val_if_fail (row < NB_T3_N_ROWS, NULL);
  return &t3_rows[row];
}

const NbT4Group *
nb_format_t4_group (guint group)
{
  g_return_val_if_fail (group < NB_T4_N_GROUPS, NULL);
  return &t4_groups[group];
}

const char *
nb_format_t4_column_id (guint col)
{
  g_return_val_if_fail (col < NB_T4_N_COLUMNS, NULL);
  return t4_column_ids[col];
}

const char *
nb_format_t4_column_label (guint col)
{
  g_return_val_if_fail (col < NB_T4_N_COLUMNS, NULL);
  return t4_column_labels[col];
}

const char *
nb_format_t4_parent_label (void)
{
  return t4_groups[1].parent;
}

const NbCellInfo *
nb_format_cell (guint cell)
{
  g_return_val_if_fail (cell < NB_N_CELLS, NULL);
  return &cell_table ()->cells[cell];
}

/* Returns NB_CELL_NONE for an unknown id. */
guint
nb_format_cell_by_id (const char *id)
{
  gpointer found;

  g_return_val_if_fail (id != NULL, NB_CELL_NONE);
  found = g_hash_table_lookup (cell_table ()->by_id, id);
  return found ? GPOINTER_TO_UINT (found) - 1 : NB_CELL_NONE;
}

guint
nb_format_t2_cell (guint block, guint row, guint col)
{
  guint n = 0;

  g_return_val_if_fail (block < NB_T2_N_BLOCKS, NB_CELL_NONE);
  g_return_val_if_fail (row < t2_blocks[block].n_rows, NB_CELL_NONE);
  g_return_val_if_fail (col < t2_blocks[block].n_columns, NB_CELL_NONE);

  for (guint b = 0; b < block; b++)
    n += t2_blocks[b].n_rows * t2_blocks[b].n_columns;
  return n + row * t2_blocks[block].n_columns + col;
}

guint
nb_format_t3_cell (guint row, guint col)
{
  g_return_val_if_fail (row < NB_T3_N_ROWS && col < NB_T3_N_COLUMNS, NB_CELL_NONE);
  return 10 + row * NB_T3_N_COLUMNS + col;
}

guint
nb_format_t4_cell (guint group, guint col)
{
  g_return_val_if_fail (group < NB_T4_N_GROUPS && col < NB_T4_N_COLUMNS, NB_CELL_NONE);
  return 10 + NB_T3_N_ROWS * NB_T3_N_COLUMNS + group * NB_T4_N_COLUMNS + col;
}

/* A cell as a clerk finds it on the printed form: 表三「（一）予以公开」行「自然人」列.
 * Built from the report's own Chinese labels, so it is not translated. */
char *
nb_format_cell_describe (guint cell)
{
  const NbCellInfo *info;

  g_return_val_if_fail (cell < NB_N_CELLS, NULL);
  info = nb_format_cell (cell);

  switch (info->table)
    {
    case 2:
      {
        const CellTable *t = cell_table ();
        const NbT2Block *block = &t2_blocks[t->t2_block_of_row[info->row]];
        const NbT2Row *row = &block->rows[info->row - t->t2_first[t->t2_block_of_row[info->row]]];

        return g_strdup_printf ("表二「%s」%s", row->label, block->column_labels[info->col]);
      }
    case 3:
      {
        const NbT3Row *row = &t3_rows[info->row];

        if (row->inner != NULL)
          return g_strdup_printf ("表三「%s %s」行「%s」列", row->inner, row->label,
                                  t3_columns[info->col].label);
        return g_strdup_printf ("表三「%s」行「%s」列", row->label, t3_columns[info->col].label);
      }
    case 4:
      {
        const NbT4Group *group = &t4_groups[info->row];

        if (group->parent != NULL)
          return g_strdup_printf ("表四「%s·%s」%s", group->parent, group->label,
                                  t4_column_labels[info->col]);
        return g_strdup_printf ("表四「%s」%s", group->label, t4_column_labels[info->col]);
      }
    default:
      g_assert_not_reached ();
    }
}
