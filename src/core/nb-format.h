/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shape of the report (国办公开办函〔2021〕30号) as static data: its
 * sections, tables, rows, columns, verbatim labels and cell ids. Every other
 * part of Nianbao walks these tables instead of spelling a label again.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a figure holds: a whole count, or the fee in 万元 held as integer fen. */
typedef enum
{
  NB_CELL_COUNT,
  NB_CELL_FEE,
} NbCellKind;

/* 1 万元 = 10 000 元 = 1 000 000 分 */
#define NB_FEN_PER_WANYUAN G_GINT64_CONSTANT (1000000)
#define NB_FEE_DECIMALS 6

typedef enum
{
  NB_ORGAN_NAME,
  NB_ORGAN_ADDRESS,
  NB_ORGAN_POSTCODE,
  NB_ORGAN_TELEPHONE,
  NB_ORGAN_EMAIL,
  NB_ORGAN_WEBSITE,
  NB_N_ORGAN_FIELDS
} NbOrganField;

typedef struct
{
  const char *key;   /* JSON key and store column: "name" */
  const char *label; /* 机关名称 */
} NbOrganFieldInfo;

/* The three text sections, in report order. */
typedef enum
{
  NB_TEXT_OVERVIEW, /* 一 */
  NB_TEXT_PROBLEMS, /* 五 */
  NB_TEXT_OTHER,    /* 六 */
  NB_N_TEXT_SECTIONS
} NbTextSection;

typedef enum
{
  NB_SECTION_TEXT,
  NB_SECTION_TABLE,
} NbSectionKind;

typedef struct
{
  const char *numeral;        /* 一 */
  const char *heading;        /* 一、总体情况 (verbatim) */
  NbSectionKind kind;
  int text;                   /* NbTextSection, or -1 */
  guint table;                /* 2, 3 or 4; 0 for text */
  const char *key;            /* "overview", "t2", … */
  const char *const *customary; /* NULL-terminated customary part headings */
} NbSectionInfo;

#define NB_N_SECTIONS 6

/* One figure of the report. Cells are numbered 0 … NB_N_CELLS-1 in report
 * order (table 二, then 三 row by row, then 四), so a report can hold its
 * figures in a plain array. */
typedef struct
{
  const char *id;      /* "t3.new.natural" */
  NbCellKind kind;
  gboolean is_total;   /* a total that the rules check (R1, R2, R4) */
  guint table;         /* 2, 3 or 4 */
  guint row;           /* index into that table's rows (t2: its flat rows) */
  guint col;           /* index into that row's / table's columns */
} NbCellInfo;

/* Table 二: four blocks, each with its own columns. */
typedef struct
{
  const char *id;      /* "rules" */
  const char *label;   /* 规章 */
} NbT2Row;

typedef struct
{
  const char *header;                 /* 第二十条第（一）项 */
  guint n_columns;
  const char *const *column_ids;      /* "issued", … */
  const char *const *column_labels;   /* 本年制发件数, … */
  guint n_rows;
  const NbT2Row *rows;
} NbT2Block;

#define NB_T2_N_BLOCKS 4
#define NB_T2_ROW_LABEL "信息内容"

/* Table 三 */
typedef struct
{
  const char *id;      /* "business" */
  const char *label;   /* 商业企业 */
  const char *group;   /* 法人或其他组织, or NULL */
} NbT3Column;

typedef struct
{
  const char *id;      /* "withheld.secret" */
  const char *label;   /* 1.属于国家秘密 */
  const char *outer;   /* 三、本年度办理结果, or NULL */
  const char *inner;   /* （三）不予公开, or NULL */
} NbT3Row;

#define NB_T3_N_COLUMNS 7
#define NB_T3_N_ROWS 25
#define NB_T3_COL_TOTAL 6
#define NB_T3_ROW_NEW 0
#define NB_T3_ROW_CARRIED_IN 1
#define NB_T3_ROW_FIRST_RESULT 2
#define NB_T3_ROW_LAST_RESULT 22   /* other.other: 21 result rows */
#define NB_T3_ROW_RESULT_TOTAL 23
#define NB_T3_ROW_CARRIED_OUT 24
#define NB_T3_SPANNING_HEADER "申请人情况"
#define NB_T3_ORG_GROUP "法人或其他组织"
#define NB_T3_NOTE "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

/* Table 四 */
typedef struct
{
  const char *id;      /* "suit_direct" */
  const char *label;   /* 未经复议直接起诉 */
  const char *parent;  /* 行政诉讼, or NULL */
} NbT4Group;

#define NB_T4_N_GROUPS 3
#define NB_T4_N_COLUMNS 5
#define NB_T4_COL_TOTAL 4

#define NB_N_CELLS (10 + NB_T3_N_ROWS * NB_T3_N_COLUMNS + NB_T4_N_GROUPS * NB_T4_N_COLUMNS)
#define NB_CELL_NONE G_MAXUINT

/* Front matter */
#define NB_TITLE_SUFFIX "年政府信息公开工作年度报告"

const NbOrganFieldInfo *nb_format_organ_field     (NbOrganField field);
int                     nb_format_organ_field_by_key (const char *key);

const NbSectionInfo    *nb_format_section         (guint index);
const NbSectionInfo    *nb_format_text_section    (NbTextSection section);
int                     nb_format_text_section_by_key (const char *key);

const NbT2Block        *nb_format_t2_block        (guint block);
const NbT3Column       *nb_format_t3_column       (guint col);
const NbT3Row          *nb_format_t3_row          (guint row);
const NbT4Group        *nb_format_t4_group        (guint group);
const char             *nb_format_t4_column_id    (guint col);
const char             *nb_format_t4_column_label (guint col);
const char             *nb_format_t4_parent_label (void);

const NbCellInfo       *nb_format_cell            (guint cell);
guint                   nb_format_cell_by_id      (const char *id);
guint                   nb_format_t2_cell         (guint block, guint row, guint col);
guint                   nb_format_t3_cell         (guint row, guint col);
guint                   nb_format_t4_cell         (guint group, guint col);
char                   *nb_format_cell_describe   (guint cell);

G_END_DECLS
